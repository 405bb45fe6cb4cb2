#pragma once

// Internal to models/console: the socket a VNC connection runs on.

#include "models/console/VncFailureClassifier.h"

#include <QString>
#include <atomic>
#include <mutex>

namespace crossvirt::models {

/// The socket of one VNC connection and the means to interrupt the thread using it:
/// a cancellable TCP connect (or a socket handed over already open, such as
/// virDomainOpenGraphicsFD's), and an eventfd that wakes that thread's poll() when
/// input is queued or the connection is stopped. cancel() may be called from any
/// thread; everything else belongs to the protocol thread.
class VncTransport
{
public:
    VncTransport();
    ~VncTransport();
    VncTransport(const VncTransport &) = delete;
    VncTransport &operator=(const VncTransport &) = delete;

    /// False when the wake-up eventfd could not be created.
    bool isValid() const { return m_wakeFd >= 0; }
    int wakeFd() const { return m_wakeFd; }
    bool cancelled() const { return m_cancel; }

    /// Resolves and connects to host:port (each address in turn, within a timeout),
    /// returning the connected socket, or -1 with `failure` set (left empty when
    /// cancelled). `name` is the endpoint as messages call it.
    int connectTcp(const QString &host, int port, const QString &name, VncFailureReport &failure);
    /// Adopts an open socket: stop() shuts it down from now on.
    void adopt(int fd) { setCancelSocket(fd); }
    /// Makes `fd` blocking with a receive timeout of stallTimeoutMs / `retries`: the way
    /// LibVNCClient's read loop counts "would block" results gives a stall timeout then.
    static void prepareForLibVncClient(int fd, int stallTimeoutMs, int retries);
    /// The socket is about to be closed: cancel() must not touch its number again.
    void release() { setCancelSocket(-1); }

    /// Waits until `fd` is ready for `events` or the timeout passed; wake-ups are
    /// swallowed, cancel() ends the wait. True when the fd is ready.
    bool waitReady(int fd, short events, int timeoutMs);
    /// Wakes the protocol thread's poll(); drainWake() consumes the wake-up.
    void wake();
    void drainWake();
    /// From any thread: ends waits and shuts down the socket, so a blocked read returns.
    void cancel();

private:
    void setCancelSocket(int fd);

    std::atomic<bool> m_cancel{false};
    int m_wakeFd = -1;
    // Cleared before the socket is closed so a reused fd number is never touched.
    std::mutex m_socketMutex;
    int m_cancelSocket = -1;
};

/// Closes `fd` when it is an open descriptor.
void closeSocketQuietly(int fd);

} // namespace crossvirt::models
