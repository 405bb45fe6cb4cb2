#include "models/console/VncSecurity.h"

#include <QDeadlineTimer>
#include <QStringList>

#include <rfb/rfbclient.h>

#include <cerrno>
#include <cstring>
#include <poll.h>
#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace crossvirt::models {

namespace {

using F = VncSession::Failure;
namespace S = RfbSecurity;

QString typeList(const QList<quint32> &types)
{
    QStringList names;
    for (quint32 type : types) {
        const QString name = vncSecurityTypeName(type);
        if (!names.contains(name))
            names.append(name);
    }
    return names.join(u", "_s);
}

VncSecurityChoice refuse(const QString &message)
{
    return {S::Invalid, {F::UnsupportedSecurity, message}};
}

VncSecurityChoice firstOffered(const QList<quint32> &offered, std::initializer_list<quint32> order)
{
    for (quint32 type : order) {
        if (offered.contains(type))
            return {type, {}};
    }
    return {};
}

bool offersAny(const QList<quint32> &offered, std::initializer_list<quint32> types)
{
    for (quint32 type : types) {
        if (offered.contains(type))
            return true;
    }
    return false;
}

} // namespace

QString vncSecurityTypeName(quint32 type)
{
    QString name;
    switch (type) {
    case S::Invalid:
        name = VncSession::tr("an invalid type");
        break;
    case S::None:
        name = VncSession::tr("no authentication");
        break;
    case S::VncAuth:
        name = VncSession::tr("VNC password");
        break;
    case 5:
    case 6:
        name = VncSession::tr("RealVNC RA2");
        break;
    case 7:
    case 8:
        name = VncSession::tr("SSPI");
        break;
    case 16:
        name = VncSession::tr("Tight");
        break;
    case 17:
        name = VncSession::tr("UltraVNC");
        break;
    case S::Tls:
        name = VncSession::tr("anonymous TLS");
        break;
    case S::VeNCrypt:
        name = VncSession::tr("VeNCrypt");
        break;
    case S::Sasl:
        name = VncSession::tr("SASL");
        break;
    case 30:
        name = VncSession::tr("Apple Remote Desktop");
        break;
    case 113:
        name = VncSession::tr("UltraVNC MS Logon II");
        break;
    case S::VeNCryptPlain:
        name = VncSession::tr("VeNCrypt user and password without TLS");
        break;
    case S::TlsNone:
        name = VncSession::tr("VeNCrypt anonymous TLS");
        break;
    case S::TlsVnc:
        name = VncSession::tr("VeNCrypt anonymous TLS with a VNC password");
        break;
    case S::TlsPlain:
        name = VncSession::tr("VeNCrypt anonymous TLS with user and password");
        break;
    case S::X509None:
        name = VncSession::tr("VeNCrypt x509");
        break;
    case S::X509Vnc:
        name = VncSession::tr("VeNCrypt x509 with a VNC password");
        break;
    case S::X509Plain:
        name = VncSession::tr("VeNCrypt x509 with user and password");
        break;
    case S::X509Sasl:
        name = VncSession::tr("VeNCrypt x509 with SASL");
        break;
    case S::TlsSasl:
        name = VncSession::tr("VeNCrypt anonymous TLS with SASL");
        break;
    default:
        name = VncSession::tr("unknown type");
        break;
    }
    return VncSession::tr("%1 (%2)").arg(name, QString::number(type));
}

VncSecurityChoice chooseVncSecurityType(const QList<quint32> &offered, const QString &name)
{
    if (VncSecurityChoice choice =
            firstOffered(offered, {S::VeNCrypt, S::Tls, S::None, S::VncAuth});
        choice.type != S::Invalid)
        return choice;
    if (offered.isEmpty())
        return refuse(VncSession::tr("%1 offered no VNC security type.").arg(name));
    if (offered.contains(S::Sasl))
        return refuse(VncSession::tr("The VNC server %1 asks for SASL authentication, which "
                                     "Crossvirt does not support (it offers: %2).")
                          .arg(name, typeList(offered)));
    return refuse(VncSession::tr("The VNC server %1 asks for a security type Crossvirt does not "
                                 "support: %2.")
                      .arg(name, typeList(offered)));
}

VncSecurityChoice chooseVeNCryptSubtype(const QList<quint32> &offered, const QString &name)
{
    if (VncSecurityChoice choice =
            firstOffered(offered, {S::X509None, S::X509Vnc, S::TlsNone, S::TlsVnc});
        choice.type != S::Invalid)
        return choice;
    if (offersAny(offered, {S::X509Sasl, S::TlsSasl}))
        return refuse(VncSession::tr("The VNC server %1 asks for SASL authentication, which "
                                     "Crossvirt does not support (it offers: %2).")
                          .arg(name, typeList(offered)));
    if (offersAny(offered, {S::X509Plain, S::TlsPlain, S::VeNCryptPlain}))
        return refuse(VncSession::tr("The VNC server %1 asks for a user name and password "
                                     "(VeNCrypt Plain), which Crossvirt does not support (it "
                                     "offers: %2).")
                          .arg(name, typeList(offered)));
    if (offersAny(offered, {S::None, S::VncAuth}))
        return refuse(VncSession::tr("The VNC server %1 announced TLS (VeNCrypt) but then offered "
                                     "only unencrypted connections (%2); Crossvirt does not fall "
                                     "back to an unencrypted connection.")
                          .arg(name, typeList(offered)));
    return refuse(VncSession::tr("The VNC server %1 asks for a VeNCrypt security type Crossvirt "
                                 "does not support: %2.")
                      .arg(name, typeList(offered)));
}

VncSecurityChoice enforceVncSecurityChoice(
    rfbClient *client, int count, int width, int timeoutMs, const QString &name,
    VncSecurityChoice (*choose)(const QList<quint32> &, const QString &), QList<quint32> *offered)
{
    const int need = count * width;
    if (count <= 0 || need > RFB_BUF_SIZE)
        return choose({}, name);
    // The list follows in the library's buffer; a server may send it in pieces.
    if (client->bufoutptr + need > client->buf + RFB_BUF_SIZE) {
        std::memmove(client->buf, client->bufoutptr, client->buffered);
        client->bufoutptr = client->buf;
    }
    QDeadlineTimer deadline(timeoutMs);
    while (int(client->buffered) < need) {
        // After anonymous TLS the bytes are TLS records only the library can read.
        if (client->tlsSession || deadline.hasExpired())
            break;
        pollfd fd{client->sock, POLLIN, 0};
        if (::poll(&fd, 1, int(std::max<qint64>(1, deadline.remainingTime()))) < 0 &&
            errno != EINTR)
            break;
        if (!(fd.revents & (POLLIN | POLLHUP | POLLERR)))
            continue;
        const ssize_t n = ::recv(client->sock, client->bufoutptr + client->buffered,
                                 size_t(need - int(client->buffered)), MSG_DONTWAIT);
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR))
            break;
        if (n > 0)
            client->buffered += int(n);
    }
    if (int(client->buffered) < need) {
        // Leave the library nothing to pick from: it fails on the closed socket.
        client->buffered = 0;
        ::shutdown(client->sock, SHUT_RDWR);
        return refuse(VncSession::tr("%1 did not send its list of VNC security types.").arg(name));
    }
    auto *bytes = reinterpret_cast<unsigned char *>(client->bufoutptr);
    QList<quint32> types;
    for (int i = 0; i < count; ++i) {
        quint32 type = 0;
        for (int b = 0; b < width; ++b)
            type = (type << 8) | bytes[i * width + b];
        types.append(type);
    }
    if (offered)
        *offered = types;
    const VncSecurityChoice choice = choose(types, name);
    for (int i = 0; i < count; ++i) {
        for (int b = 0; b < width; ++b)
            bytes[i * width + b] = (choice.type >> (8 * (width - 1 - b))) & 0xff;
    }
    return choice;
}

} // namespace crossvirt::models
