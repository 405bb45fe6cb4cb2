#include "models/console/VncEndpoint.h"

#include <QCoreApplication>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace crossvirt::models {

VncEndpoint VncEndpoint::tcp(const QString &host, quint16 port, const QString &password)
{
    VncEndpoint endpoint;
    endpoint.host = host;
    endpoint.port = port;
    endpoint.password = password;
    return endpoint;
}

VncEndpoint VncEndpoint::socket(int fd, const QString &label, const QString &password)
{
    VncEndpoint endpoint;
    endpoint.fd = fd;
    endpoint.label = label;
    endpoint.password = password;
    return endpoint;
}

VncEndpoint VncEndpoint::failed(const QString &error)
{
    VncEndpoint endpoint;
    endpoint.error = error;
    return endpoint;
}

void VncEndpoint::closeSocket()
{
    if (fd >= 0)
        ::close(fd);
    fd = -1;
}

QString VncEndpoint::displayName() const
{
    if (!label.isEmpty())
        return label;
    if (fd < 0 && !host.isEmpty()) {
        const bool bareIpv6 = host.contains(u':') && !host.startsWith(u'[');
        return (bareIpv6 ? u"[%1]:%2"_s : u"%1:%2"_s).arg(host).arg(port);
    }
    return QCoreApplication::translate("VncEndpoint", "the VM's graphics socket");
}

QString VncEndpoint::certificateHostName() const
{
    if (!tlsHostName.isEmpty())
        return tlsHostName;
    if (fd >= 0)
        return {};
    // GnuTLS matches an IPv6 address without brackets.
    return host.startsWith(u'[') && host.endsWith(u']') ? host.mid(1, host.size() - 2) : host;
}

} // namespace crossvirt::models
