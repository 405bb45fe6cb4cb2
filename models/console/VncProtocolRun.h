#pragma once

// Internal to models/console: the protocol thread behind VncSession.

#include "models/console/VncFailureClassifier.h"
#include "models/console/VncSession.h"
#include "models/console/VncTransport.h"

#include <QElapsedTimer>
#include <QImage>
#include <QRegion>
#include <QStringList>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>

struct _rfbClient;

namespace crossvirt::models {

/// A key or pointer event waiting for the protocol thread.
struct VncInputEvent
{
    enum class Kind
    {
        Key,
        Pointer
    } kind = Kind::Key;
    quint32 keysym = 0;
    bool down = false;
    int x = 0;
    int y = 0;
    int buttons = 0;
};

/// One connection attempt and its protocol thread: LibVNCClient's rfbClient loop on a
/// thread of its own, the screen published as a QImage plus dirty region, input taken
/// from a queue. Shared between the VncSession (GUI thread) and the thread, so
/// whichever finishes last frees it. Failures are classified by classifyVncFailure()
/// from what the thread recorded.
class VncProtocolRun : public std::enable_shared_from_this<VncProtocolRun>
{
public:
    VncProtocolRun(const VncEndpoint &endpoint, bool askForPassword, int stallTimeoutMs,
                   VncSession *owner)
        : m_endpoint(endpoint), m_name(endpoint.displayName()), m_askForPassword(askForPassword),
          m_stallTimeoutMs(stallTimeoutMs), m_owner(owner)
    {}

    ~VncProtocolRun()
    {
        // Only when the thread never started does the endpoint still own its fd.
        closeSocketQuietly(m_endpoint.fd);
    }

    VncProtocolRun(const VncProtocolRun &) = delete;
    VncProtocolRun &operator=(const VncProtocolRun &) = delete;

    void start();
    /// Runs the connection on the calling thread until it ends, as start() does on a
    /// thread of its own, and returns how it ended. Only for a peer that has sent all it
    /// will send (fuzz/vnc_server_messages feeds a fake server's bytes in at once): the
    /// run blocks on the socket like the protocol thread does.
    VncFailureReport runOnCallingThread();
    void stop();
    bool waitFinished(int timeoutMs);

    // GUI side.
    struct FrameTake
    {
        QImage frame;
        QRegion dirty;
        bool full = false;
    };
    FrameTake takeFrame();
    QImage frameCopy() const;
    bool hasFullFrame() const;
    bool waitForFullFrame(int timeoutMs, QString *error);
    void queueInput(const VncInputEvent &event);
    void queueInput(const QList<VncInputEvent> &events);
    void answerPassword(std::optional<QString> password);

    // Protocol thread (LibVNCClient callbacks).
    void appendLog(const QString &line);
    /// A line LibVNCClient logged, with its printf format: some mark handshake steps.
    void libraryLogged(const char *format, const QString &line);
    /// rfbCredential for GetCredential (x509 files); nullptr refuses.
    void *credential(int type);
    void initializeLibraryTlsOnce();
    bool allocateFramebuffer();
    void noteUpdate(int x, int y, int w, int h);
    void noteUpdateFinished();
    char *askPassword();

private:
    void run();
    VncFailureReport execute();
    VncFailureReport loop();
    bool sendFormatAndEncodings();
    bool drainInput();
    void publish();
    void copyToImage(const QRect &rect);
    int peekMessageType() const;
    void cleanup();
    int stallSeconds() const { return std::max(1, (m_stallTimeoutMs + 500) / 1000); }
    VncFailureReport failure(VncFailureEvidence::Stage stage) const;

    template<typename F> void post(F f);

    // Fixed at construction.
    VncEndpoint m_endpoint;
    const QString m_name;
    const bool m_askForPassword;
    const int m_stallTimeoutMs;
    VncTransport m_transport;

    std::mutex m_ownerMutex;
    VncSession *m_owner = nullptr;

    std::mutex m_inputMutex;
    std::deque<VncInputEvent> m_input;

    std::mutex m_passwordMutex;
    std::condition_variable m_passwordCv;
    bool m_passwordAnswered = false;
    std::optional<QString> m_passwordAnswer;

    // Shared frame: written by the protocol thread, read by the GUI, under the mutex.
    mutable std::mutex m_frameMutex;
    std::condition_variable m_frameCv;
    QImage m_frame;
    QRegion m_dirty;
    bool m_notifyPosted = false;
    bool m_fullFrame = false;
    bool m_finished = false;
    VncFailureReport m_outcome; // how the run ended, once m_finished

    // Protocol thread only.
    _rfbClient *m_client = nullptr;
    QRegion m_pendingDirty;
    QRegion m_coverage;
    bool m_coverageComplete = false;
    QElapsedTimer m_publishTimer;
    QStringList m_log;
    int m_messageType = -1;
    QSize m_refusedSize;
    bool m_sizeRefused = false;
    bool m_endpointPasswordUsed = false;
    bool m_passwordSent = false;
    bool m_passwordRefused = false;
    bool m_inVeNCrypt = false;          // the next security list is VeNCrypt's
    bool m_quietLibrary = false;        // library lines that are not about this connection
    QString m_tlsCaFile;                // the CA the server's certificate was checked with
    QString m_missingClientFile;        // a client certificate or key we could not send
    VncFailureReport m_securityRefusal; // set when we refused a security step
};

} // namespace crossvirt::models
