#pragma once

// Internal to models/: the state a serial console shares between the GUI thread, the
// host's worker and libvirt's event loop, and how its stream is ended without ever
// calling libvirt on the GUI thread.

#include "models/connection/LibvirtHandles.h"

#include <QFuture>
#include <QMutex>
#include <memory>

namespace crossvirt::models {

class HostSession;
class SerialConsoleSession;

/// Two locks so the GUI thread never waits for libvirt: `targetMutex` guards only the
/// receiving session (held for a pointer read and a post), `streamMutex` guards the
/// stream and is taken off the GUI thread only, also by libvirt calls that may hang on
/// a dead remote host.
struct SerialStreamState
{
    QMutex targetMutex;
    SerialConsoleSession *target = nullptr;

    QMutex streamMutex;
    StreamHandle stream;

    /// A stream still held at destruction is ended by abortStreamInBackground().
    ~SerialStreamState();

    /// Removes the event callback, then aborts or finishes the stream and frees it.
    /// Caller holds streamMutex; never on the GUI thread.
    void shutDownStream(bool abort);

    template<typename Fn> void postToTarget(Fn fn)
    {
        QMutexLocker lock(&targetMutex);
        if (target)
            QMetaObject::invokeMethod(target, std::move(fn), Qt::QueuedConnection);
    }
};

/// Ends the console's stream without blocking the calling thread: on the host's worker
/// while `session` lives, otherwise on a detached background thread (a stream whose
/// host is gone or dead may block in libvirt for as long as the TCP timeout). The
/// future finishes once the stream is freed.
QFuture<void> endSerialStream(HostSession *session, std::shared_ptr<SerialStreamState> state);

/// Aborts and frees `stream` on a detached thread; returns at once.
void abortStreamInBackground(StreamHandle stream);

} // namespace crossvirt::models
