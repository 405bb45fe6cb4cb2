#include "models/network/NetworkTypes.h"

#include <QCoreApplication>

namespace crossvirt::models {

using namespace Qt::StringLiterals;

QString networkModeId(NetworkMode mode)
{
    switch (mode) {
    case NetworkMode::Nat:
        return u"nat"_s;
    case NetworkMode::Route:
        return u"route"_s;
    case NetworkMode::Isolated:
        return u"isolated"_s;
    case NetworkMode::Bridge:
        return u"bridge"_s;
    case NetworkMode::Other:
        break;
    }
    return u"other"_s;
}

NetworkMode networkModeFromId(const QString &id)
{
    for (NetworkMode m :
         {NetworkMode::Nat, NetworkMode::Route, NetworkMode::Isolated, NetworkMode::Bridge}) {
        if (id == networkModeId(m))
            return m;
    }
    return NetworkMode::Other;
}

QString networkModeText(NetworkMode mode)
{
    switch (mode) {
    case NetworkMode::Nat:
        return QCoreApplication::translate("Networks", "NAT");
    case NetworkMode::Route:
        return QCoreApplication::translate("Networks", "Routed");
    case NetworkMode::Isolated:
        return QCoreApplication::translate("Networks", "Isolated");
    case NetworkMode::Bridge:
        return QCoreApplication::translate("Networks", "Bridge");
    case NetworkMode::Other:
        break;
    }
    return QCoreApplication::translate("Networks", "Other");
}

QString NetworkAddress::cidr() const
{
    return isValid() ? u"%1/%2"_s.arg(address).arg(prefix) : QString();
}

QString NetworkAddress::dhcpText() const
{
    if (dhcpStart.isEmpty())
        return {};
    return QCoreApplication::translate("Networks", "%1 – %2").arg(dhcpStart, dhcpEnd);
}

const char *NetworkRefused::what() const noexcept
{
    m_what = text().toLocal8Bit();
    return m_what.constData();
}

} // namespace crossvirt::models
