#include "models/console/VncProtocolRun.h"

#include <QLoggingCategory>
#include <QMetaObject>

#include <gnutls/gnutls.h>
#include <rfb/rfbclient.h>

#include <cerrno>
#include <csignal>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <poll.h>
#include <pthread.h>
#include <sys/socket.h>
#include <system_error>
#include <thread>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcVnc, "crossvirt.vnc", QtInfoMsg)

namespace crossvirt::models {

namespace {

// LibVNCClient gives up a read after readTimeout * 10 + 1 "would block" results and
// never resets that count while data trickles in; on a non-blocking socket a slow
// link hits it within a second. So the socket blocks with a receive timeout of
// 1/11 of the allowed stall, and readTimeout is 1.
constexpr int StallRetries = 11;
// Frames reach the GUI at most this often (about 60 per second).
constexpr int PublishIntervalMs = 16;
constexpr int LogLinesKept = 16;
// Input piles up only while the server does not read; beyond this it is dropped.
constexpr size_t MaxQueuedInput = 65536;

// Its address tags our pointer in the rfbClient's client data.
const char s_clientDataTag = 0;

thread_local VncProtocolRun *t_currentRun = nullptr;

} // namespace

namespace {

VncProtocolRun *runOf(rfbClient *client)
{
    return static_cast<VncProtocolRun *>(
        rfbClientGetClientData(client, const_cast<char *>(&s_clientDataTag)));
}

// LibVNCClient reports through two global printf-like hooks. Keep each line for the
// run on this thread (it explains failures) and in a debug category.
__attribute__((format(printf, 1, 2))) void logFromLibrary(const char *format, ...)
{
    char buffer[1024];
    va_list args;
    va_start(args, format);
    std::vsnprintf(buffer, sizeof buffer, format, args);
    va_end(args);
    const QString line = QString::fromLocal8Bit(buffer).trimmed();
    if (line.isEmpty())
        return;
    qCDebug(lcVnc).noquote() << line;
    if (t_currentRun)
        t_currentRun->libraryLogged(format, line);
}

rfbBool mallocFrameBuffer(rfbClient *client)
{
    return runOf(client)->allocateFramebuffer() ? TRUE : FALSE;
}

void gotFrameBufferUpdate(rfbClient *client, int x, int y, int w, int h)
{
    runOf(client)->noteUpdate(x, y, w, h);
}

void finishedFrameBufferUpdate(rfbClient *client)
{
    runOf(client)->noteUpdateFinished();
}

char *getPassword(rfbClient *client)
{
    return runOf(client)->askPassword();
}

rfbCredential *getCredential(rfbClient *client, int credentialType)
{
    return static_cast<rfbCredential *>(runOf(client)->credential(credentialType));
}

void installLibraryHooks()
{
    static std::once_flag hooksInstalled;
    std::call_once(hooksInstalled, [] {
        rfbClientLog = logFromLibrary;
        rfbClientErr = logFromLibrary;
    });
}

} // namespace

template<typename F> void VncProtocolRun::post(F f)
{
    std::lock_guard lock(m_ownerMutex);
    if (!m_owner)
        return;
    VncSession *session = m_owner;
    // Posted under the lock, so the session cannot be destroyed in between; Qt drops
    // events of destroyed receivers. A later connection or a stop() makes it stale.
    QMetaObject::invokeMethod(
        session,
        [self = shared_from_this(), session, f = std::move(f)]() {
            if (session->m_run != self || self->m_transport.cancelled())
                return;
            f(session);
        },
        Qt::QueuedConnection);
}

void VncProtocolRun::start()
{
    installLibraryHooks();
    try {
        std::thread([self = shared_from_this()] { self->run(); }).detach();
    } catch (const std::system_error &) {
        post([](VncSession *session) {
            session->handleFinished(VncSession::Failure::ProtocolError,
                                    VncSession::tr("Could not start the VNC connection thread."));
        });
    }
}

VncFailureReport VncProtocolRun::runOnCallingThread()
{
    installLibraryHooks();
    run();
    std::lock_guard lock(m_frameMutex);
    return m_outcome;
}

void VncProtocolRun::stop()
{
    m_transport.cancel();
    {
        std::lock_guard lock(m_ownerMutex);
        m_owner = nullptr;
    }
    {
        std::lock_guard lock(m_passwordMutex);
    }
    m_passwordCv.notify_all();
}

bool VncProtocolRun::waitFinished(int timeoutMs)
{
    std::unique_lock lock(m_frameMutex);
    return m_frameCv.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                              [this] { return m_finished; });
}

VncProtocolRun::FrameTake VncProtocolRun::takeFrame()
{
    std::lock_guard lock(m_frameMutex);
    m_notifyPosted = false;
    return {m_frame, std::exchange(m_dirty, QRegion()), m_fullFrame};
}

QImage VncProtocolRun::frameCopy() const
{
    std::lock_guard lock(m_frameMutex);
    return m_frame.copy();
}

bool VncProtocolRun::hasFullFrame() const
{
    std::lock_guard lock(m_frameMutex);
    return m_fullFrame;
}

bool VncProtocolRun::waitForFullFrame(int timeoutMs, QString *error)
{
    std::unique_lock lock(m_frameMutex);
    m_frameCv.wait_for(lock, std::chrono::milliseconds(std::max(0, timeoutMs)),
                       [this] { return m_fullFrame || m_finished; });
    if (error && !m_fullFrame) {
        if (m_finished && !m_outcome.message.isEmpty())
            *error = m_outcome.message;
        else if (m_finished)
            *error = VncSession::tr("The connection to %1 was closed.").arg(m_name);
        else
            *error = VncSession::tr("No complete screen arrived from %1 within %2 ms.")
                         .arg(m_name, QString::number(timeoutMs));
    }
    return m_fullFrame;
}

void VncProtocolRun::queueInput(const VncInputEvent &event)
{
    queueInput(QList<VncInputEvent>{event});
}

void VncProtocolRun::queueInput(const QList<VncInputEvent> &events)
{
    {
        std::lock_guard lock(m_inputMutex);
        for (const VncInputEvent &event : events) {
            // Pointer motion with unchanged buttons only needs its latest position.
            if (event.kind == VncInputEvent::Kind::Pointer && !m_input.empty() &&
                m_input.back().kind == VncInputEvent::Kind::Pointer &&
                m_input.back().buttons == event.buttons) {
                m_input.back() = event;
            } else if (m_input.size() < MaxQueuedInput) {
                m_input.push_back(event);
            }
        }
    }
    m_transport.wake();
}

void VncProtocolRun::answerPassword(std::optional<QString> password)
{
    {
        std::lock_guard lock(m_passwordMutex);
        m_passwordAnswer = std::move(password);
        m_passwordAnswered = true;
    }
    m_passwordCv.notify_all();
}

void VncProtocolRun::appendLog(const QString &line)
{
    m_log.append(line);
    while (m_log.size() > LogLinesKept)
        m_log.removeFirst();
}

bool VncProtocolRun::allocateFramebuffer()
{
    const int width = m_client->width;
    const int height = m_client->height;
    if (width <= 0 || height <= 0 || width > VncSession::MaxFramebufferSide ||
        height > VncSession::MaxFramebufferSide) {
        m_refusedSize = QSize(width, height);
        m_sizeRefused = true;
        return false;
    }
    std::free(m_client->frameBuffer);
    m_client->frameBuffer = static_cast<uint8_t *>(std::calloc(size_t(width) * size_t(height), 4));
    QImage image(width, height, QImage::Format_RGB32);
    if (!m_client->frameBuffer || image.isNull()) {
        m_refusedSize = QSize(width, height);
        m_sizeRefused = true;
        return false;
    }
    image.fill(Qt::black);
    {
        std::lock_guard lock(m_frameMutex);
        m_frame = std::move(image);
        m_dirty = QRegion();
        m_fullFrame = false;
    }
    m_coverage = QRegion();
    m_coverageComplete = false;
    // Publish the (black) new screen so views follow the size at once.
    m_pendingDirty = QRegion(0, 0, width, height);
    m_publishTimer.invalidate();
    return true;
}

void VncProtocolRun::noteUpdate(int x, int y, int w, int h)
{
    const QRect rect = QRect(x, y, w, h) & QRect(0, 0, m_client->width, m_client->height);
    if (rect.isEmpty())
        return;
    m_pendingDirty += rect;
    if (!m_coverageComplete)
        m_coverage += rect;
}

void VncProtocolRun::noteUpdateFinished()
{
    if (!m_coverageComplete &&
        (QRegion(0, 0, m_client->width, m_client->height) - m_coverage).isEmpty()) {
        m_coverageComplete = true;
        m_coverage = QRegion();
        publish(); // a complete screen goes out at once (waitForFullFrame waits for it)
    }
}

char *VncProtocolRun::askPassword()
{
    if (!m_endpoint.password.isEmpty() && !m_endpointPasswordUsed) {
        m_endpointPasswordUsed = true;
        m_passwordSent = true;
        return ::strdup(m_endpoint.password.toUtf8().constData());
    }
    if (!m_askForPassword) {
        m_passwordRefused = true;
        return nullptr;
    }
    {
        std::lock_guard lock(m_passwordMutex);
        m_passwordAnswered = false;
        m_passwordAnswer.reset();
    }
    post([](VncSession *session) { session->handlePasswordRequest(); });

    std::unique_lock lock(m_passwordMutex);
    m_passwordCv.wait(lock, [this] { return m_passwordAnswered || m_transport.cancelled(); });
    if (m_transport.cancelled() || !m_passwordAnswer || m_passwordAnswer->isEmpty()) {
        m_passwordRefused = true;
        return nullptr; // LibVNCClient then fails the handshake
    }
    QByteArray bytes = m_passwordAnswer->toUtf8();
    m_passwordAnswer.reset();
    m_passwordSent = true;
    char *copy = ::strdup(bytes.constData()); // LibVNCClient frees it
    bytes.fill('\0');
    return copy;
}

void VncProtocolRun::run()
{
    t_currentRun = this;
    // LibVNCClient writes with write(): a server that went away must give EPIPE on
    // this thread, not a process-killing SIGPIPE.
    sigset_t blocked;
    sigemptyset(&blocked);
    sigaddset(&blocked, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &blocked, nullptr);

    const VncFailureReport outcome = execute();
    if (m_client && !m_pendingDirty.isEmpty())
        publish();
    cleanup();
    {
        std::lock_guard lock(m_frameMutex);
        m_outcome = outcome;
        m_finished = true;
    }
    m_frameCv.notify_all();
    post([outcome](VncSession *session) {
        session->handleFinished(outcome.failure, outcome.message);
    });
    t_currentRun = nullptr;
}

VncFailureReport VncProtocolRun::execute()
{
    if (!m_endpoint.error.isEmpty())
        return {VncSession::Failure::EndpointUnavailable, m_endpoint.error};
    if (!m_endpoint.isValid())
        return {VncSession::Failure::EndpointUnavailable,
                VncSession::tr("There is no VNC address to connect to.")};
    if (!m_transport.isValid())
        return {VncSession::Failure::ProtocolError,
                VncSession::tr("Could not set up the VNC connection.")};

    int sock = -1;
    VncFailureReport outcome;
    if (m_endpoint.fd >= 0) {
        sock = std::exchange(m_endpoint.fd, -1);
        m_transport.adopt(sock);
    } else {
        sock = m_transport.connectTcp(m_endpoint.host, m_endpoint.port, m_name, outcome);
        if (sock < 0)
            return outcome;
    }
    if (m_transport.cancelled()) {
        m_transport.release();
        closeSocketQuietly(sock);
        return {};
    }
    // Blocking, with a receive timeout: see StallRetries.
    VncTransport::prepareForLibVncClient(sock, m_stallTimeoutMs, StallRetries);

    m_client = rfbGetClient(8, 3, 4);
    if (!m_client) {
        m_transport.release();
        closeSocketQuietly(sock);
        return {VncSession::Failure::ProtocolError, VncSession::tr("Out of memory.")};
    }
    m_client->sock = sock; // rfbClientCleanup() closes it from here on
    // 0x00RRGGBB in host byte order: the layout of QImage::Format_RGB32.
    m_client->format.bitsPerPixel = 32;
    m_client->format.depth = 24;
    m_client->format.trueColour = TRUE;
    m_client->format.redMax = 255;
    m_client->format.greenMax = 255;
    m_client->format.blueMax = 255;
    m_client->format.redShift = 16;
    m_client->format.greenShift = 8;
    m_client->format.blueShift = 0;
    m_client->appData.useRemoteCursor = FALSE; // the server draws the cursor
    m_client->canHandleNewFBSize = TRUE;
    m_client->readTimeout = 1;
    m_client->MallocFrameBuffer = mallocFrameBuffer;
    m_client->GotFrameBufferUpdate = gotFrameBufferUpdate;
    m_client->FinishedFrameBufferUpdate = finishedFrameBufferUpdate;
    m_client->GetPassword = getPassword;
    m_client->GetCredential = getCredential;
    rfbClientSetClientData(m_client, const_cast<char *>(&s_clientDataTag), this);

    // What rfbInitClient() does after connecting, on our own socket (with our own
    // encodings, see sendFormatAndEncodings()).
    if (!InitialiseRFBConnection(m_client))
        return m_transport.cancelled() ? VncFailureReport{}
                                       : failure(VncFailureEvidence::Stage::Handshake);
    m_client->width = m_client->si.framebufferWidth;
    m_client->height = m_client->si.framebufferHeight;
    if (!m_client->MallocFrameBuffer(m_client))
        return failure(VncFailureEvidence::Stage::Handshake);
    if (!sendFormatAndEncodings())
        return m_transport.cancelled() ? VncFailureReport{}
                                       : failure(VncFailureEvidence::Stage::Handshake);
    m_client->updateRect.x = 0;
    m_client->updateRect.y = 0;
    m_client->updateRect.w = m_client->width;
    m_client->updateRect.h = m_client->height;
    if (!SendFramebufferUpdateRequest(m_client, 0, 0, m_client->width, m_client->height, FALSE))
        return m_transport.cancelled() ? VncFailureReport{}
                                       : failure(VncFailureEvidence::Stage::Handshake);

    {
        // Keys typed while connecting mean nothing to this screen.
        std::lock_guard lock(m_inputMutex);
        m_input.clear();
    }
    const QSize size(m_client->width, m_client->height);
    const QString desktopName =
        m_client->desktopName ? QString::fromUtf8(m_client->desktopName) : QString();
    post([size, desktopName](VncSession *session) { session->handleConnected(size, desktopName); });
    return loop();
}

// Our own SetPixelFormat and SetEncodings instead of LibVNCClient's
// SetFormatAndEncodings(): 0.9.14 always offers ExtendedDesktopSize, then ignores
// QEMU's resizes (QEMU numbers its screen 0, which that code rejects) and fails on
// the next update with "Rect too large". Plain DesktopSize works with every server.
bool VncProtocolRun::sendFormatAndEncodings()
{
    const rfbPixelFormat &format = m_client->format;
    QByteArray message;
    message.append(char(rfbSetPixelFormat));
    message.append(3, '\0');
    message.append(char(format.bitsPerPixel));
    message.append(char(format.depth));
    message.append(char(format.bigEndian ? 1 : 0));
    message.append(char(format.trueColour ? 1 : 0));
    for (quint16 max : {format.redMax, format.greenMax, format.blueMax}) {
        message.append(char(max >> 8));
        message.append(char(max & 0xff));
    }
    message.append(char(format.redShift));
    message.append(char(format.greenShift));
    message.append(char(format.blueShift));
    message.append(3, '\0');

    // Lossless encodings only (no JPEG quality level): screenshots must be exact.
    const quint32 encodings[] = {
        rfbEncodingTight,
        rfbEncodingZRLE,
        rfbEncodingHextile,
        rfbEncodingZlib,
        rfbEncodingCopyRect,
        rfbEncodingRaw,
        rfbEncodingCompressLevel0 + 6,
        rfbEncodingNewFBSize,
        rfbEncodingLastRect,
    };
    message.append(char(rfbSetEncodings));
    message.append('\0');
    const quint16 count = quint16(std::size(encodings));
    message.append(char(count >> 8));
    message.append(char(count & 0xff));
    for (quint32 encoding : encodings) {
        for (int shift = 24; shift >= 0; shift -= 8)
            message.append(char((encoding >> shift) & 0xff));
    }
    return WriteToRFBServer(m_client, message.constData(), unsigned(message.size()));
}

VncFailureReport VncProtocolRun::loop()
{
    const int sock = m_client->sock;
    while (!m_transport.cancelled()) {
        if (!drainInput()) {
            if (m_transport.cancelled())
                break;
            return {
                VncSession::Failure::ServerClosed,
                VncSession::tr("The connection to %1 was lost while sending input.").arg(m_name)};
        }
        const bool publishDue =
            !m_pendingDirty.isEmpty() &&
            (!m_publishTimer.isValid() || m_publishTimer.elapsed() >= PublishIntervalMs);
        if (publishDue)
            publish();

        // LibVNCClient may already hold the next message in its own buffer, where
        // poll() cannot see it.
        bool readable =
            m_client->buffered > 0 ||
            (m_client->tlsSession &&
             gnutls_record_check_pending(static_cast<gnutls_session_t>(m_client->tlsSession)) > 0);
        if (!readable) {
            int timeout = -1;
            if (!m_pendingDirty.isEmpty())
                timeout = std::max<int>(0, PublishIntervalMs - int(m_publishTimer.elapsed()));
            pollfd fds[2] = {{sock, POLLIN, 0}, {m_transport.wakeFd(), POLLIN, 0}};
            const int n = ::poll(fds, 2, timeout);
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                return {VncSession::Failure::ServerClosed,
                        VncSession::tr("The connection to %1 was lost: %2")
                            .arg(m_name, QString::fromLocal8Bit(std::strerror(errno)))};
            }
            if (fds[1].revents & POLLIN)
                m_transport.drainWake();
            readable = fds[0].revents & (POLLIN | POLLHUP | POLLERR);
        }
        if (m_transport.cancelled())
            break;
        if (!readable)
            continue;

        m_log.clear();
        m_messageType = peekMessageType();
        if (!HandleRFBServerMessage(m_client)) {
            if (m_transport.cancelled())
                break;
            return failure(VncFailureEvidence::Stage::Running);
        }
    }
    return {};
}

bool VncProtocolRun::drainInput()
{
    std::deque<VncInputEvent> events;
    {
        std::lock_guard lock(m_inputMutex);
        events.swap(m_input);
    }
    for (const VncInputEvent &event : events) {
        rfbBool sent = TRUE;
        if (event.kind == VncInputEvent::Kind::Key) {
            sent = SendKeyEvent(m_client, event.keysym, event.down ? TRUE : FALSE);
        } else {
            const int x = std::clamp(event.x, 0, std::max(0, m_client->width - 1));
            const int y = std::clamp(event.y, 0, std::max(0, m_client->height - 1));
            sent = SendPointerEvent(m_client, x, y, event.buttons & 0xff);
        }
        if (!sent)
            return false;
    }
    return true;
}

void VncProtocolRun::publish()
{
    bool postNotify = false;
    bool becameFull = false;
    {
        std::lock_guard lock(m_frameMutex);
        for (const QRect &rect : m_pendingDirty)
            copyToImage(rect);
        m_dirty += m_pendingDirty;
        if (m_coverageComplete && !m_fullFrame) {
            m_fullFrame = true;
            becameFull = true;
        }
        if (!m_notifyPosted && (!m_dirty.isEmpty() || becameFull)) {
            m_notifyPosted = true;
            postNotify = true;
        }
    }
    if (becameFull)
        m_frameCv.notify_all();
    m_pendingDirty = QRegion();
    m_publishTimer.start();
    if (postNotify)
        post([](VncSession *session) { session->handleFrameReady(); });
}

// Called with m_frameMutex held.
void VncProtocolRun::copyToImage(const QRect &area)
{
    const int width = m_client->width;
    const QRect rect = area & QRect(0, 0, width, m_client->height);
    if (rect.isEmpty() || !m_client->frameBuffer || m_frame.width() != width ||
        m_frame.height() != m_client->height)
        return;
    const auto *source = reinterpret_cast<const quint32 *>(m_client->frameBuffer);
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        const quint32 *from = source + size_t(y) * size_t(width) + size_t(rect.left());
        auto *to = reinterpret_cast<quint32 *>(m_frame.scanLine(y)) + rect.left();
        // Servers leave the padding byte 0; Format_RGB32 wants it 0xff.
        for (int x = 0; x < rect.width(); ++x)
            to[x] = from[x] | 0xff000000u;
    }
}

int VncProtocolRun::peekMessageType() const
{
    if (m_client->buffered > 0)
        return static_cast<unsigned char>(*m_client->bufoutptr);
    if (m_client->tlsSession)
        return -1; // the socket carries TLS records, not messages
#ifdef LIBVNCSERVER_HAVE_SASL
    if (m_client->saslconn)
        return -1;
#endif
    unsigned char type = 0;
    return ::recv(m_client->sock, &type, 1, MSG_PEEK | MSG_DONTWAIT) == 1 ? int(type) : -1;
}

void VncProtocolRun::cleanup()
{
    m_transport.release();
    if (m_client) {
        std::free(m_client->frameBuffer);
        m_client->frameBuffer = nullptr;
        rfbClientCleanup(m_client); // closes the socket
        m_client = nullptr;
    }
}

VncFailureReport VncProtocolRun::failure(VncFailureEvidence::Stage stage) const
{
    if (!m_securityRefusal.message.isEmpty())
        return m_securityRefusal;
    VncFailureEvidence evidence;
    evidence.stage = stage;
    evidence.endpointName = m_name;
    evidence.log = m_log;
    evidence.passwordSent = m_passwordSent;
    evidence.passwordRefused = m_passwordRefused;
    evidence.sizeRefused = m_sizeRefused;
    evidence.refusedSize = m_refusedSize;
    evidence.messageType = m_messageType;
    evidence.stallSeconds = stallSeconds();
    evidence.tlsCaFile = m_tlsCaFile;
    evidence.tlsHostName = m_endpoint.certificateHostName();
    evidence.missingClientFile = m_missingClientFile;
    return classifyVncFailure(evidence);
}

} // namespace crossvirt::models
