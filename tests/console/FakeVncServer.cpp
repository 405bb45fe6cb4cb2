#include "FakeVncServer.h"

#include <QDeadlineTimer>

#include <algorithm>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

// LibVNCClient's VNC-authentication DES (exported by libvncclient), so the fake
// server can check the response the client computed.
extern "C" void rfbClientEncryptBytes(unsigned char *bytes, char *passwd);

namespace crossvirt::test {

namespace {

void put16(QByteArray &out, quint16 value)
{
    out.append(char(value >> 8));
    out.append(char(value & 0xff));
}

void put32(QByteArray &out, quint32 value)
{
    put16(out, quint16(value >> 16));
    put16(out, quint16(value & 0xffff));
}

quint16 get16(const QByteArray &in, int at)
{
    return quint16((quint8(in[at]) << 8) | quint8(in[at + 1]));
}

quint32 get32(const QByteArray &in, int at)
{
    return (quint32(get16(in, at)) << 16) | get16(in, at + 2);
}

} // namespace

FakeVncServer::FakeVncServer(Script script)
{
    m_listenFd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    ::bind(m_listenFd, reinterpret_cast<sockaddr *>(&address), sizeof address);
    ::listen(m_listenFd, 1);
    socklen_t length = sizeof address;
    ::getsockname(m_listenFd, reinterpret_cast<sockaddr *>(&address), &length);
    m_port = ntohs(address.sin_port);

    m_thread = std::thread([this, script = std::move(script)] {
        QDeadlineTimer deadline(10000);
        while (!m_stop && !deadline.hasExpired()) {
            pollfd fd{m_listenFd, POLLIN, 0};
            if (::poll(&fd, 1, 50) > 0) {
                m_clientFd = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
                break;
            }
        }
        if (m_clientFd >= 0)
            script(*this);
        if (m_clientFd >= 0)
            ::close(m_clientFd);
        m_clientFd = -1;
        m_finished = true;
    });
}

FakeVncServer::~FakeVncServer()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
    ::close(m_listenFd);
}

std::vector<FakeVncServer::KeyEvent> FakeVncServer::keys() const
{
    std::lock_guard lock(m_mutex);
    return m_keys;
}

std::vector<FakeVncServer::PointerEvent> FakeVncServer::pointers() const
{
    std::lock_guard lock(m_mutex);
    return m_pointers;
}

std::vector<qint32> FakeVncServer::encodings() const
{
    std::lock_guard lock(m_mutex);
    return m_encodings;
}

bool FakeVncServer::sendBytes(const QByteArray &bytes)
{
    qsizetype sent = 0;
    while (sent < bytes.size()) {
        // MSG_NOSIGNAL: a client that went away must not kill the test with SIGPIPE.
        const ssize_t n =
            ::send(m_clientFd, bytes.constData() + sent, size_t(bytes.size() - sent), MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        sent += n;
    }
    return true;
}

bool FakeVncServer::readExact(int count, QByteArray *out, int timeoutMs)
{
    QByteArray data(count, Qt::Uninitialized);
    int got = 0;
    QDeadlineTimer deadline(timeoutMs);
    while (got < count) {
        if (m_stop || deadline.hasExpired())
            return false;
        pollfd fd{m_clientFd, POLLIN, 0};
        if (::poll(&fd, 1, 50) <= 0)
            continue;
        const ssize_t n = ::recv(m_clientFd, data.data() + got, size_t(count - got), 0);
        if (n <= 0) {
            m_clientClosed = true;
            return false;
        }
        got += int(n);
    }
    if (out)
        *out = data;
    return true;
}

bool FakeVncServer::greet(const QByteArray &securityTypes)
{
    if (!sendBytes("RFB 003.008\n"))
        return false;
    QByteArray version;
    if (!readExact(12, &version) || !version.startsWith("RFB 003.00"))
        return false;
    QByteArray offer;
    offer.append(char(securityTypes.size()));
    offer.append(securityTypes);
    return sendBytes(offer);
}

bool FakeVncServer::acceptSecurityNone()
{
    QByteArray choice;
    if (!readExact(1, &choice) || choice[0] != 1)
        return false;
    QByteArray result;
    put32(result, 0);
    return sendBytes(result);
}

bool FakeVncServer::authenticateVnc(const QByteArray &password, const QByteArray &reason,
                                    bool *accepted)
{
    QByteArray choice;
    if (!readExact(1, &choice) || choice[0] != 2)
        return false;
    QByteArray challenge(16, Qt::Uninitialized);
    for (int i = 0; i < 16; ++i)
        challenge[i] = char(0x30 + i * 7);
    if (!sendBytes(challenge))
        return false;
    QByteArray response;
    if (!readExact(16, &response, 20000))
        return false;
    QByteArray expected = challenge;
    QByteArray key = password.left(8);
    key.append('\0');
    rfbClientEncryptBytes(reinterpret_cast<unsigned char *>(expected.data()), key.data());
    *accepted = response == expected;
    QByteArray result;
    put32(result, *accepted ? 0 : 1);
    if (!*accepted) {
        put32(result, quint32(reason.size()));
        result.append(reason);
    }
    return sendBytes(result);
}

bool FakeVncServer::serverInit(int width, int height, const QByteArray &name)
{
    QByteArray clientInit;
    if (!readExact(1, &clientInit))
        return false;
    QByteArray init;
    put16(init, quint16(width));
    put16(init, quint16(height));
    // PIXEL_FORMAT: 32 bpp, depth 24, little endian, true colour, 255/255/255, 16/8/0.
    init.append(char(32));
    init.append(char(24));
    init.append(char(0));
    init.append(char(1));
    put16(init, 255);
    put16(init, 255);
    put16(init, 255);
    init.append(char(16));
    init.append(char(8));
    init.append(char(0));
    init.append(3, '\0');
    put32(init, quint32(name.size()));
    init.append(name);
    return sendBytes(init);
}

bool FakeVncServer::handshake(int width, int height)
{
    return greet() && acceptSecurityNone() && serverInit(width, height);
}

bool FakeVncServer::readClientMessage(int *type, QByteArray *bodyOut)
{
    QByteArray head;
    if (!readExact(1, &head, 60000))
        return false;
    *type = quint8(head[0]);
    QByteArray &body = *bodyOut;
    switch (*type) {
    case 0: // SetPixelFormat
        if (!readExact(19, &body))
            return false;
        m_bitsPerPixel = quint8(body[3]);
        m_bigEndian = body[5] != 0;
        m_redMax = get16(body, 7);
        m_greenMax = get16(body, 9);
        m_blueMax = get16(body, 11);
        m_redShift = quint8(body[13]);
        m_greenShift = quint8(body[14]);
        m_blueShift = quint8(body[15]);
        return true;
    case 2: { // SetEncodings
        if (!readExact(3, &body))
            return false;
        const int count = get16(body, 1);
        QByteArray list;
        if (count > 0 && !readExact(4 * count, &list))
            return false;
        std::lock_guard lock(m_mutex);
        m_encodings.clear();
        for (int i = 0; i < count; ++i)
            m_encodings.push_back(qint32(get32(list, 4 * i)));
        return true;
    }
    case 3: // FramebufferUpdateRequest
        return readExact(9, &body);
    case 4: // KeyEvent
        if (!readExact(7, &body))
            return false;
        {
            std::lock_guard lock(m_mutex);
            m_keys.push_back({get32(body, 3), body[0] != 0});
        }
        return true;
    case 5: // PointerEvent
        if (!readExact(5, &body))
            return false;
        {
            std::lock_guard lock(m_mutex);
            m_pointers.push_back({get16(body, 1), get16(body, 3), quint8(body[0])});
        }
        return true;
    case 6: { // ClientCutText
        if (!readExact(7, &body))
            return false;
        const quint32 length = get32(body, 3);
        return length == 0 || readExact(int(length));
    }
    default:
        return false; // nothing else is expected from LibVNCClient here
    }
}

bool FakeVncServer::waitForUpdateRequest(bool *incremental)
{
    int type = -1;
    QByteArray body;
    while (!m_stop && readClientMessage(&type, &body)) {
        if (type == 3) {
            if (incremental)
                *incremental = body[0] != 0;
            return true;
        }
    }
    return false;
}

void FakeVncServer::recordInputUntilClosed()
{
    int type = -1;
    QByteArray body;
    while (!m_stop && readClientMessage(&type, &body)) {
    }
}

QByteArray FakeVncServer::encodePixel(QRgb colour) const
{
    const quint32 value = (quint32(qRed(colour) * m_redMax / 255) << m_redShift) |
                          (quint32(qGreen(colour) * m_greenMax / 255) << m_greenShift) |
                          (quint32(qBlue(colour) * m_blueMax / 255) << m_blueShift);
    const int bytes = m_bitsPerPixel / 8;
    QByteArray out(bytes, '\0');
    for (int i = 0; i < bytes; ++i) {
        const int shift = m_bigEndian ? 8 * (bytes - 1 - i) : 8 * i;
        out[i] = char((value >> shift) & 0xff);
    }
    return out;
}

bool FakeVncServer::sendRawRect(const QRect &rect, const std::function<QRgb(int, int)> &pixel)
{
    QByteArray update;
    update.append(char(0)); // FramebufferUpdate
    update.append(char(0));
    put16(update, 1);
    put16(update, quint16(rect.x()));
    put16(update, quint16(rect.y()));
    put16(update, quint16(rect.width()));
    put16(update, quint16(rect.height()));
    put32(update, 0); // raw
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x)
            update.append(encodePixel(pixel(x, y)));
    }
    return sendBytes(update);
}

bool FakeVncServer::sendDesktopSize(int width, int height)
{
    QByteArray update;
    update.append(char(0));
    update.append(char(0));
    put16(update, 1);
    put16(update, 0);
    put16(update, 0);
    put16(update, quint16(width));
    put16(update, quint16(height));
    put32(update, quint32(-223)); // DesktopSize pseudo-encoding
    return sendBytes(update);
}

bool FakeVncServer::sendResizeLikeQemu(int width, int height)
{
    const std::vector<qint32> offered = encodings();
    if (std::find(offered.begin(), offered.end(), -308) == offered.end())
        return sendDesktopSize(width, height);
    QByteArray update;
    update.append(char(0));
    update.append(char(0));
    put16(update, 1);
    put16(update, 0); // reason: server-side change
    put16(update, 0); // status: no error
    put16(update, quint16(width));
    put16(update, quint16(height));
    put32(update, quint32(-308)); // ExtendedDesktopSize
    update.append(char(1));       // one screen
    update.append(3, '\0');
    put32(update, 0); // screen id 0, as QEMU sends it
    put16(update, 0);
    put16(update, 0);
    put16(update, quint16(width));
    put16(update, quint16(height));
    put32(update, 0); // flags
    return sendBytes(update);
}

} // namespace crossvirt::test
