#include "models/console/VncSession.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMetaObject>
#include <QStringList>

#include <rfb/rfbclient.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <csignal>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <mutex>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <optional>
#include <poll.h>
#include <pthread.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcVnc, "crossvirt.vnc", QtInfoMsg)

namespace crossvirt::models {

namespace {

constexpr int ConnectTimeoutMs = 15000;
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
constexpr int StopWaitMs = 2000;

// Its address tags our pointer in the rfbClient's client data.
const char s_clientDataTag = 0;

thread_local VncProtocolRun *t_currentRun = nullptr;

struct InputEvent
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

struct Outcome
{
    VncSession::Failure failure = VncSession::Failure::None;
    QString error;
};

// Printable ASCII only: the bytes come from whatever answered on that port.
QString sanitized(const QString &text, int maxLength = 40)
{
    QString out;
    for (QChar ch : text) {
        if (out.size() >= maxLength)
            break;
        out.append(ch.unicode() >= 0x20 && ch.unicode() < 0x7f ? ch : u'.');
    }
    return out.trimmed();
}

void closeQuietly(int fd)
{
    if (fd >= 0)
        ::close(fd);
}

} // namespace

/// One connection attempt and its protocol thread. Shared between the VncSession
/// (GUI thread) and the thread, so whichever finishes last frees it.
class VncProtocolRun : public std::enable_shared_from_this<VncProtocolRun>
{
public:
    VncProtocolRun(const VncEndpoint &endpoint, bool askForPassword, int stallTimeoutMs,
                   VncSession *owner)
        : m_endpoint(endpoint), m_name(endpoint.displayName()), m_askForPassword(askForPassword),
          m_stallTimeoutMs(stallTimeoutMs), m_owner(owner)
    {
        m_wakeFd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    }

    ~VncProtocolRun()
    {
        closeQuietly(m_wakeFd);
        // Only when the thread never started does the endpoint still own its fd.
        closeQuietly(m_endpoint.fd);
    }

    VncProtocolRun(const VncProtocolRun &) = delete;
    VncProtocolRun &operator=(const VncProtocolRun &) = delete;

    void start();
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
    void queueInput(const InputEvent &event);
    void queueInput(const QList<InputEvent> &events);
    void answerPassword(std::optional<QString> password);

    // Protocol thread (LibVNCClient callbacks).
    void appendLog(const QString &line);
    bool allocateFramebuffer();
    void noteUpdate(int x, int y, int w, int h);
    void noteUpdateFinished();
    char *askPassword();

private:
    void run();
    Outcome execute();
    Outcome loop();
    int connectTcp(Outcome &outcome);
    bool waitForWake(int fd, short events, int timeoutMs);
    bool sendFormatAndEncodings();
    bool drainInput();
    void publish();
    void copyToImage(const QRect &rect);
    int peekMessageType() const;
    void cleanup();
    void setCancelSocket(int fd);
    void wake();
    void drainWake();
    bool logHas(const char *text) const;
    QString lastLogLine() const;
    QString serverReason() const;
    int stallSeconds() const { return std::max(1, (m_stallTimeoutMs + 500) / 1000); }
    Outcome handshakeFailure() const;
    Outcome runningFailure() const;
    Outcome refusedSizeFailure() const;

    template<typename F> void post(F f);

    // Fixed at construction.
    VncEndpoint m_endpoint;
    const QString m_name;
    const bool m_askForPassword;
    const int m_stallTimeoutMs;
    int m_wakeFd = -1;
    std::atomic<bool> m_cancel{false};

    std::mutex m_ownerMutex;
    VncSession *m_owner = nullptr;

    // The socket stop() shuts down to wake a blocked read; cleared before close so
    // a reused fd number is never touched.
    std::mutex m_socketMutex;
    int m_cancelSocket = -1;

    std::mutex m_inputMutex;
    std::deque<InputEvent> m_input;

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
    Outcome m_outcome; // how the run ended, once m_finished

    // Protocol thread only.
    rfbClient *m_client = nullptr;
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
};

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
        t_currentRun->appendLog(line);
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
            if (session->m_run != self || self->m_cancel)
                return;
            f(session);
        },
        Qt::QueuedConnection);
}

void VncProtocolRun::start()
{
    static std::once_flag hooksInstalled;
    std::call_once(hooksInstalled, [] {
        rfbClientLog = logFromLibrary;
        rfbClientErr = logFromLibrary;
    });
    try {
        std::thread([self = shared_from_this()] { self->run(); }).detach();
    } catch (const std::system_error &) {
        post([](VncSession *session) {
            session->handleFinished(VncSession::Failure::ProtocolError,
                                    VncSession::tr("Could not start the VNC connection thread."));
        });
    }
}

void VncProtocolRun::stop()
{
    m_cancel = true;
    {
        std::lock_guard lock(m_ownerMutex);
        m_owner = nullptr;
    }
    {
        std::lock_guard lock(m_socketMutex);
        if (m_cancelSocket >= 0)
            ::shutdown(m_cancelSocket, SHUT_RDWR);
    }
    wake();
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
        if (m_finished && !m_outcome.error.isEmpty())
            *error = m_outcome.error;
        else if (m_finished)
            *error = VncSession::tr("The connection to %1 was closed.").arg(m_name);
        else
            *error = VncSession::tr("No complete screen arrived from %1 within %2 ms.")
                         .arg(m_name, QString::number(timeoutMs));
    }
    return m_fullFrame;
}

void VncProtocolRun::queueInput(const InputEvent &event)
{
    queueInput(QList<InputEvent>{event});
}

void VncProtocolRun::queueInput(const QList<InputEvent> &events)
{
    {
        std::lock_guard lock(m_inputMutex);
        for (const InputEvent &event : events) {
            // Pointer motion with unchanged buttons only needs its latest position.
            if (event.kind == InputEvent::Kind::Pointer && !m_input.empty() &&
                m_input.back().kind == InputEvent::Kind::Pointer &&
                m_input.back().buttons == event.buttons) {
                m_input.back() = event;
            } else if (m_input.size() < MaxQueuedInput) {
                m_input.push_back(event);
            }
        }
    }
    wake();
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
    m_passwordCv.wait(lock, [this] { return m_passwordAnswered || m_cancel; });
    if (m_cancel || !m_passwordAnswer || m_passwordAnswer->isEmpty()) {
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

    const Outcome outcome = execute();
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
        session->handleFinished(outcome.failure, outcome.error);
    });
    t_currentRun = nullptr;
}

Outcome VncProtocolRun::execute()
{
    if (!m_endpoint.error.isEmpty())
        return {VncSession::Failure::EndpointUnavailable, m_endpoint.error};
    if (!m_endpoint.isValid())
        return {VncSession::Failure::EndpointUnavailable,
                VncSession::tr("There is no VNC address to connect to.")};
    if (m_wakeFd < 0)
        return {VncSession::Failure::ProtocolError,
                VncSession::tr("Could not set up the VNC connection.")};

    int sock = -1;
    Outcome outcome;
    if (m_endpoint.fd >= 0) {
        sock = std::exchange(m_endpoint.fd, -1);
        setCancelSocket(sock);
    } else {
        sock = connectTcp(outcome);
        if (sock < 0)
            return outcome;
    }
    if (m_cancel) {
        setCancelSocket(-1);
        closeQuietly(sock);
        return {};
    }
    // Blocking, with a receive timeout: see StallRetries.
    ::fcntl(sock, F_SETFL, ::fcntl(sock, F_GETFL) & ~O_NONBLOCK);
    const int sliceMs = std::max(50, m_stallTimeoutMs / StallRetries);
    timeval slice{};
    slice.tv_sec = sliceMs / 1000;
    slice.tv_usec = (sliceMs % 1000) * 1000;
    ::setsockopt(sock, SOL_SOCKET, SO_RCVTIMEO, &slice, sizeof slice);

    m_client = rfbGetClient(8, 3, 4);
    if (!m_client) {
        setCancelSocket(-1);
        closeQuietly(sock);
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
    rfbClientSetClientData(m_client, const_cast<char *>(&s_clientDataTag), this);

    // What rfbInitClient() does after connecting, on our own socket (with our own
    // encodings, see sendFormatAndEncodings()).
    if (!InitialiseRFBConnection(m_client))
        return m_cancel ? Outcome{} : handshakeFailure();
    m_client->width = m_client->si.framebufferWidth;
    m_client->height = m_client->si.framebufferHeight;
    if (!m_client->MallocFrameBuffer(m_client))
        return refusedSizeFailure();
    if (!sendFormatAndEncodings())
        return m_cancel ? Outcome{} : handshakeFailure();
    m_client->updateRect.x = 0;
    m_client->updateRect.y = 0;
    m_client->updateRect.w = m_client->width;
    m_client->updateRect.h = m_client->height;
    if (!SendFramebufferUpdateRequest(m_client, 0, 0, m_client->width, m_client->height, FALSE))
        return m_cancel ? Outcome{} : handshakeFailure();

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

int VncProtocolRun::connectTcp(Outcome &outcome)
{
    QString host = m_endpoint.host;
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    const QByteArray hostBytes = host.toUtf8();
    const QByteArray portBytes = QByteArray::number(m_endpoint.port);

    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *addresses = nullptr;
    if (int rc = ::getaddrinfo(hostBytes.constData(), portBytes.constData(), &hints, &addresses)) {
        outcome = {VncSession::Failure::ConnectionFailed,
                   VncSession::tr("Could not find the host %1: %2")
                       .arg(m_endpoint.host, QString::fromLocal8Bit(::gai_strerror(rc)))};
        return -1;
    }

    int lastError = 0;
    int sock = -1;
    for (addrinfo *address = addresses; address && !m_cancel; address = address->ai_next) {
        const int candidate =
            ::socket(address->ai_family, address->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
                     address->ai_protocol);
        if (candidate < 0) {
            lastError = errno;
            continue;
        }
        setCancelSocket(candidate);
        int rc = ::connect(candidate, address->ai_addr, address->ai_addrlen);
        if (rc < 0 && errno == EINPROGRESS) {
            if (!waitForWake(candidate, POLLOUT, ConnectTimeoutMs)) {
                lastError = m_cancel ? ECANCELED : ETIMEDOUT;
            } else {
                int soError = 0;
                socklen_t length = sizeof soError;
                ::getsockopt(candidate, SOL_SOCKET, SO_ERROR, &soError, &length);
                rc = soError ? -1 : 0;
                lastError = soError;
            }
        } else if (rc < 0) {
            lastError = errno;
        }
        if (rc == 0 && !m_cancel) {
            sock = candidate;
            break;
        }
        setCancelSocket(-1);
        closeQuietly(candidate);
    }
    ::freeaddrinfo(addresses);
    if (sock >= 0) {
        int one = 1;
        ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        return sock;
    }
    if (m_cancel)
        return -1;

    const QString where = m_name;
    switch (lastError) {
    case ECONNREFUSED:
        outcome.error =
            VncSession::tr("%1 refused the connection; no VNC server is listening there.")
                .arg(where);
        break;
    case ETIMEDOUT:
        outcome.error = VncSession::tr("Connecting to %1 timed out.").arg(where);
        break;
    case EHOSTUNREACH:
    case ENETUNREACH:
        outcome.error = VncSession::tr("%1 cannot be reached from this computer.").arg(where);
        break;
    default:
        outcome.error = VncSession::tr("Could not connect to %1: %2")
                            .arg(where, QString::fromLocal8Bit(std::strerror(lastError)));
        break;
    }
    outcome.failure = VncSession::Failure::ConnectionFailed;
    return -1;
}

// Waits until `fd` is ready for `events` or the timeout passes; input wake-ups are
// swallowed, stop() ends the wait. True when the fd is ready.
bool VncProtocolRun::waitForWake(int fd, short events, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!m_cancel) {
        const int remaining = timeoutMs - int(timer.elapsed());
        if (remaining <= 0)
            return false;
        pollfd fds[2] = {{fd, events, 0}, {m_wakeFd, POLLIN, 0}};
        const int n = ::poll(fds, 2, remaining);
        if (n < 0 && errno != EINTR)
            return false;
        if (n > 0 && (fds[1].revents & POLLIN))
            drainWake();
        if (n > 0 && fds[0].revents)
            return !m_cancel;
    }
    return false;
}

Outcome VncProtocolRun::loop()
{
    const int sock = m_client->sock;
    while (!m_cancel) {
        if (!drainInput()) {
            if (m_cancel)
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
        bool readable = m_client->buffered > 0;
        if (!readable) {
            int timeout = -1;
            if (!m_pendingDirty.isEmpty())
                timeout = std::max<int>(0, PublishIntervalMs - int(m_publishTimer.elapsed()));
            pollfd fds[2] = {{sock, POLLIN, 0}, {m_wakeFd, POLLIN, 0}};
            const int n = ::poll(fds, 2, timeout);
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                return {VncSession::Failure::ServerClosed,
                        VncSession::tr("The connection to %1 was lost: %2")
                            .arg(m_name, QString::fromLocal8Bit(std::strerror(errno)))};
            }
            if (fds[1].revents & POLLIN)
                drainWake();
            readable = fds[0].revents & (POLLIN | POLLHUP | POLLERR);
        }
        if (m_cancel)
            break;
        if (!readable)
            continue;

        m_log.clear();
        m_messageType = peekMessageType();
        if (!HandleRFBServerMessage(m_client)) {
            if (m_cancel)
                break;
            return runningFailure();
        }
    }
    return {};
}

bool VncProtocolRun::drainInput()
{
    std::deque<InputEvent> events;
    {
        std::lock_guard lock(m_inputMutex);
        events.swap(m_input);
    }
    for (const InputEvent &event : events) {
        rfbBool sent = TRUE;
        if (event.kind == InputEvent::Kind::Key) {
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
    setCancelSocket(-1);
    if (m_client) {
        std::free(m_client->frameBuffer);
        m_client->frameBuffer = nullptr;
        rfbClientCleanup(m_client); // closes the socket
        m_client = nullptr;
    }
}

void VncProtocolRun::setCancelSocket(int fd)
{
    std::lock_guard lock(m_socketMutex);
    m_cancelSocket = fd;
}

void VncProtocolRun::wake()
{
    const quint64 one = 1;
    [[maybe_unused]] const ssize_t written = ::write(m_wakeFd, &one, sizeof one);
}

void VncProtocolRun::drainWake()
{
    quint64 value = 0;
    [[maybe_unused]] const ssize_t got = ::read(m_wakeFd, &value, sizeof value);
}

bool VncProtocolRun::logHas(const char *text) const
{
    const QString needle = QString::fromLatin1(text);
    for (const QString &line : m_log) {
        if (line.contains(needle, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QString VncProtocolRun::lastLogLine() const
{
    return m_log.isEmpty() ? VncSession::tr("no details") : sanitized(m_log.constLast(), 200);
}

// The reason text of an RFB "connection failed" message, if the server sent one.
QString VncProtocolRun::serverReason() const
{
    const QString marker = u"VNC connection failed:"_s;
    for (const QString &line : m_log) {
        if (int at = line.indexOf(marker); at >= 0)
            return sanitized(line.mid(at + marker.size()), 200);
    }
    return {};
}

Outcome VncProtocolRun::refusedSizeFailure() const
{
    const int w = m_refusedSize.width();
    const int h = m_refusedSize.height();
    if (w <= 0 || h <= 0) {
        return {VncSession::Failure::ProtocolError,
                VncSession::tr("%1 announced an empty screen (%2×%3 pixels).")
                    .arg(m_name, QString::number(w), QString::number(h))};
    }
    if (w > VncSession::MaxFramebufferSide || h > VncSession::MaxFramebufferSide) {
        return {VncSession::Failure::FramebufferTooLarge,
                VncSession::tr(
                    "%1 announced a screen of %2×%3 pixels; Crossvirt accepts at most %4×%4.")
                    .arg(m_name, QString::number(w), QString::number(h),
                         QString::number(VncSession::MaxFramebufferSide))};
    }
    return {VncSession::Failure::FramebufferTooLarge,
            VncSession::tr("Not enough memory for the %2×%3 pixel screen of %1.")
                .arg(m_name, QString::number(w), QString::number(h))};
}

Outcome VncProtocolRun::handshakeFailure() const
{
    using F = VncSession::Failure;
    if (m_sizeRefused)
        return refusedSizeFailure();
    if (m_passwordRefused)
        return {F::PasswordRequired,
                VncSession::tr("%1 asks for a VNC password, and none was given.").arg(m_name)};
    const QString reason = serverReason();
    if (logHas("Not a valid VNC server")) {
        QString greeting = lastLogLine();
        if (int open = greeting.indexOf(u'('); open >= 0)
            greeting = greeting.mid(open + 1).chopped(greeting.endsWith(u')') ? 1 : 0);
        return {F::HandshakeFailed,
                VncSession::tr("%1 is not a VNC server: it answered “%2” instead of an "
                               "RFB protocol version.")
                    .arg(m_name, sanitized(greeting))};
    }
    if (logHas("too many tries"))
        return {
            F::AuthenticationFailed,
            VncSession::tr("%1 rejected the VNC password: too many failed attempts.").arg(m_name)};
    if (logHas("VNC authentication failed") ||
        (m_passwordSent && (logHas("VNC connection failed") || logHas("closed connection") ||
                            logHas("authentication result")))) {
        if (reason.isEmpty())
            return {F::AuthenticationFailed,
                    VncSession::tr("%1 rejected the VNC password.").arg(m_name)};
        return {F::AuthenticationFailed,
                VncSession::tr("%1 rejected the VNC password: %2").arg(m_name, reason)};
    }
    if (logHas("Unknown authentication scheme") || logHas("Unknown sub authentication scheme") ||
        logHas("GetCredential callback is not set"))
        return {F::HandshakeFailed,
                VncSession::tr("%1 requires a VNC security type Crossvirt does not support (%2).")
                    .arg(m_name, lastLogLine())};
    if (!reason.isEmpty())
        return {F::HandshakeFailed,
                VncSession::tr("%1 refused the VNC connection: %2").arg(m_name, reason)};
    if (logHas("Connection timed out"))
        return {F::TimedOut,
                VncSession::tr("%1 stopped answering during the VNC handshake (no reply for %n "
                               "second(s)).",
                               nullptr, stallSeconds())
                    .arg(m_name)};
    if (logHas("closed connection"))
        return {F::ServerClosed,
                VncSession::tr("%1 closed the connection during the VNC handshake.").arg(m_name)};
    if (logHas("read (") || logHas("write"))
        return {F::ServerClosed,
                VncSession::tr("The connection to %1 was lost during the VNC handshake (%2).")
                    .arg(m_name, lastLogLine())};
    return {F::ProtocolError,
            VncSession::tr("The VNC handshake with %1 failed: %2").arg(m_name, lastLogLine())};
}

Outcome VncProtocolRun::runningFailure() const
{
    using F = VncSession::Failure;
    if (m_sizeRefused)
        return refusedSizeFailure();
    // The first telling line is the cause: after an unknown message type, for one,
    // LibVNCClient still reads on and may then report the server closing.
    for (const QString &line : m_log) {
        const QString detail = sanitized(line, 200);
        if (line.contains("Unknown message type"_L1))
            return {F::ProtocolError,
                    VncSession::tr("%1 sent a message that is not part of the VNC protocol (%2).")
                        .arg(m_name, detail)};
        if (line.contains("Unknown rect encoding"_L1) || line.contains("Rect too large"_L1))
            return {F::ProtocolError,
                    VncSession::tr("%1 sent an invalid screen update (%2).").arg(m_name, detail)};
        if (line.contains("closed connection"_L1)) {
            if (m_messageType == rfbFramebufferUpdate)
                return {F::ServerClosed,
                        VncSession::tr("%1 closed the connection in the middle of a screen update.")
                            .arg(m_name)};
            return {F::ServerClosed, VncSession::tr("%1 closed the connection.").arg(m_name)};
        }
        if (line.contains("Connection timed out"_L1))
            return {F::TimedOut,
                    VncSession::tr("%1 stopped sending in the middle of a message; gave up after "
                                   "%n second(s).",
                                   nullptr, stallSeconds())
                        .arg(m_name)};
        if (line.startsWith("read ("_L1) || line.startsWith("write"_L1))
            return {F::ServerClosed,
                    VncSession::tr("The connection to %1 was lost (%2).").arg(m_name, detail)};
    }
    return {F::ProtocolError,
            VncSession::tr("%1 sent invalid VNC data (%2).").arg(m_name, lastLogLine())};
}

// ---------------------------------------------------------------------------------

VncSession::VncSession(QObject *parent) : QObject(parent) {}

VncSession::~VncSession()
{
    if (m_run) {
        m_run->stop();
        m_run->waitFinished(StopWaitMs);
    }
}

void VncSession::connectToEndpoint(const VncEndpoint &endpoint)
{
    stopRun();
    m_failure = Failure::None;
    m_error.clear();
    m_desktopName.clear();
    m_frameSize = QSize();
    m_fullFrameAnnounced = false;
    m_passwordPending = false;
    m_endpointName = endpoint.displayName();
    m_run = std::make_shared<VncProtocolRun>(endpoint, m_askForPassword, m_stallTimeoutMs, this);
    setState(State::Connecting);
    m_run->start();
}

void VncSession::disconnectFromServer()
{
    const bool wasOpen = m_state != State::Disconnected;
    stopRun();
    if (!wasOpen)
        return;
    m_failure = Failure::None;
    m_error.clear();
    setState(State::Disconnected);
    emit disconnected(QString());
}

void VncSession::stopRun()
{
    m_passwordPending = false;
    if (m_run)
        m_run->stop(); // kept: its last frame stays available
}

QImage VncSession::currentFrame() const
{
    return m_run ? m_run->frameCopy() : QImage();
}

bool VncSession::hasFullFrame() const
{
    return m_run && m_run->hasFullFrame();
}

bool VncSession::waitForFullFrame(int timeoutMs, QString *error)
{
    if (!m_run) {
        if (error)
            *error = tr("Not connected.");
        return false;
    }
    return m_run->waitForFullFrame(timeoutMs, error);
}

void VncSession::sendKey(quint32 keysym, bool down)
{
    sendKeyStrokes({{keysym, down}});
}

void VncSession::sendKeyStrokes(const QList<KeyStroke> &strokes)
{
    if (m_state != State::Connected || !m_run || strokes.isEmpty())
        return;
    QList<InputEvent> events;
    events.reserve(strokes.size());
    for (const KeyStroke &stroke : strokes) {
        InputEvent event;
        event.kind = InputEvent::Kind::Key;
        event.keysym = stroke.keysym;
        event.down = stroke.down;
        events.append(event);
    }
    m_run->queueInput(events);
}

void VncSession::sendPointer(int x, int y, int buttonMask)
{
    if (m_state != State::Connected || !m_run)
        return;
    InputEvent event;
    event.kind = InputEvent::Kind::Pointer;
    event.x = x;
    event.y = y;
    event.buttons = buttonMask;
    m_run->queueInput(event);
}

void VncSession::providePassword(const QString &password)
{
    if (!m_run || !m_passwordPending)
        return;
    m_passwordPending = false;
    m_run->answerPassword(password);
}

void VncSession::cancelPasswordRequest()
{
    if (!m_run || !m_passwordPending)
        return;
    m_passwordPending = false;
    m_run->answerPassword(std::nullopt);
}

void VncSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void VncSession::handleConnected(QSize size, const QString &desktopName)
{
    m_frameSize = size;
    m_desktopName = desktopName;
    setState(State::Connected);
    emit connected(size);
}

void VncSession::handleFrameReady()
{
    VncProtocolRun::FrameTake take = m_run->takeFrame();
    if (take.frame.isNull())
        return;
    QRegion dirty = take.dirty;
    if (take.frame.size() != m_frameSize) {
        m_frameSize = take.frame.size();
        m_fullFrameAnnounced = false;
        emit resized(m_frameSize);
        dirty = QRegion(take.frame.rect());
    }
    if (!dirty.isEmpty())
        emit frameUpdated(take.frame, dirty);
    if (take.full && !m_fullFrameAnnounced) {
        m_fullFrameAnnounced = true;
        emit fullFrameReceived();
    }
}

void VncSession::handlePasswordRequest()
{
    m_passwordPending = true;
    emit passwordRequested();
}

void VncSession::handleFinished(Failure failure, const QString &error)
{
    m_passwordPending = false;
    m_failure = failure;
    m_error = error;
    setState(State::Disconnected);
    emit disconnected(error);
}

} // namespace crossvirt::models
