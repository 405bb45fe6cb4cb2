#include "models/console/VncTransport.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace crossvirt::models {

namespace {
constexpr int ConnectTimeoutMs = 15000;
} // namespace

void closeSocketQuietly(int fd)
{
    if (fd >= 0)
        ::close(fd);
}

VncTransport::VncTransport() : m_wakeFd(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {}

VncTransport::~VncTransport()
{
    closeSocketQuietly(m_wakeFd);
}

int VncTransport::connectTcp(const QString &hostName, int port, const QString &name,
                             VncFailureReport &failure)
{
    QString host = hostName;
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    const QByteArray hostBytes = host.toUtf8();
    const QByteArray portBytes = QByteArray::number(port);

    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *addresses = nullptr;
    if (int rc = ::getaddrinfo(hostBytes.constData(), portBytes.constData(), &hints, &addresses)) {
        failure = {VncSession::Failure::ConnectionFailed,
                   VncSession::tr("Could not find the host %1: %2")
                       .arg(hostName, QString::fromLocal8Bit(::gai_strerror(rc)))};
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
            if (!waitReady(candidate, POLLOUT, ConnectTimeoutMs)) {
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
        closeSocketQuietly(candidate);
    }
    ::freeaddrinfo(addresses);
    if (sock >= 0) {
        int one = 1;
        ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        return sock;
    }
    if (!m_cancel)
        failure = classifyConnectError(name, lastError);
    return -1;
}

void VncTransport::prepareForLibVncClient(int fd, int stallTimeoutMs, int retries)
{
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    const int sliceMs = std::max(50, stallTimeoutMs / retries);
    timeval slice{};
    slice.tv_sec = sliceMs / 1000;
    slice.tv_usec = (sliceMs % 1000) * 1000;
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &slice, sizeof slice);
}

bool VncTransport::waitReady(int fd, short events, int timeoutMs)
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

void VncTransport::wake()
{
    const quint64 one = 1;
    [[maybe_unused]] const ssize_t written = ::write(m_wakeFd, &one, sizeof one);
}

void VncTransport::drainWake()
{
    quint64 value = 0;
    [[maybe_unused]] const ssize_t got = ::read(m_wakeFd, &value, sizeof value);
}

void VncTransport::cancel()
{
    m_cancel = true;
    {
        std::lock_guard lock(m_socketMutex);
        if (m_cancelSocket >= 0)
            ::shutdown(m_cancelSocket, SHUT_RDWR);
    }
    wake();
}

void VncTransport::setCancelSocket(int fd)
{
    std::lock_guard lock(m_socketMutex);
    m_cancelSocket = fd;
}

} // namespace crossvirt::models
