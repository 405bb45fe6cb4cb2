#include "models/network/NetworkValidation.h"

#include "models/network/NetworkXml.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>

namespace crossvirt::models {

using namespace Qt::StringLiterals;

namespace {

// lupdate and the runtime both see the context "NetworkValidation" for Text::tr().
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(NetworkValidation)
};

using Subnet = QPair<QHostAddress, int>;

Subnet subnetOf(const QString &cidr)
{
    return QHostAddress::parseSubnet(cidr.trimmed());
}

Subnet subnetOf(const NetworkAddress &a)
{
    return subnetOf(a.cidr());
}

bool overlaps(const Subnet &a, const Subnet &b)
{
    if (a.first.isNull() || b.first.isNull() || a.first.protocol() != b.first.protocol())
        return false;
    return a.first.isInSubnet(b) || b.first.isInSubnet(a);
}

QString subnetText(const Subnet &s)
{
    return u"%1/%2"_s.arg(s.first.toString()).arg(s.second);
}

/// Checks one CIDR; returns its subnet or a null one after adding a problem.
Subnet checkCidr(const QString &cidr, bool v6, const QString &field, QList<NetworkProblem> &out)
{
    QHostAddress host;
    int prefix = 0;
    const QString label = v6 ? u"IPv6"_s : u"IPv4"_s;
    if (!hostAddressOf(cidr.trimmed(), &host, &prefix) ||
        (host.protocol() == QAbstractSocket::IPv6Protocol) != v6) {
        out << NetworkProblem{field,
                              Text::tr("“%1” is not an %2 network with a prefix (like %3).")
                                  .arg(cidr, label, v6 ? u"fd00:1::/64"_s : u"192.168.100.0/24"_s)};
        return {};
    }
    if (!v6 && prefix > 30) {
        out << NetworkProblem{field, Text::tr("An IPv4 network needs a prefix of /30 or shorter "
                                              "to leave addresses for guests; %1 has /%2.")
                                         .arg(cidr)
                                         .arg(prefix)};
        return {};
    }
    if (v6 && prefix > 126) {
        out << NetworkProblem{field, Text::tr("%1 is too small for guests.").arg(cidr)};
        return {};
    }
    const Subnet subnet = subnetOf(cidr);
    if (!v6) {
        const quint32 mask = prefix == 0 ? 0 : ~quint32(0) << (32 - prefix);
        if ((host.toIPv4Address() | mask) == ~quint32(0)) {
            out << NetworkProblem{field, Text::tr("%1 is the broadcast address of %2.")
                                             .arg(host.toString(), subnetText(subnet))};
            return {};
        }
    }
    return subnet;
}

} // namespace

QList<NetworkProblem> validateNetworkSpec(const NetworkSpec &spec,
                                          const QList<VirtualNetwork> &existing)
{
    QList<NetworkProblem> out;
    const QString name = spec.name.trimmed();
    if (name.isEmpty())
        out << NetworkProblem{u"name"_s, Text::tr("Give the network a name.")};
    else if (name.contains(u'/'))
        out << NetworkProblem{u"name"_s, Text::tr("A network name cannot contain “/”.")};
    else if (name != spec.name)
        out << NetworkProblem{u"name"_s,
                              Text::tr("A network name cannot start or end with a space.")};
    for (const VirtualNetwork &n : existing) {
        if (!name.isEmpty() && n.name == name)
            out << NetworkProblem{
                u"name"_s, Text::tr("This host already has a network called “%1”.").arg(name)};
    }

    if (spec.mode == NetworkMode::Other) {
        out << NetworkProblem{u"mode"_s, Text::tr("Choose NAT, routed, isolated or bridge.")};
        return out;
    }

    // Bridge names: Linux allows 15 bytes, no '/', no spaces.
    static const QRegularExpression bridgeName(u"^[A-Za-z0-9_.:-]{1,15}$"_s);
    const QString bridge = spec.bridge.trimmed();
    if (spec.mode == NetworkMode::Bridge && bridge.isEmpty())
        out << NetworkProblem{u"bridge"_s,
                              Text::tr("A bridge network joins an existing bridge of the host: "
                                       "name it (for example br0).")};
    if (!bridge.isEmpty()) {
        if (!bridgeName.match(bridge).hasMatch()) {
            out << NetworkProblem{u"bridge"_s,
                                  Text::tr("“%1” is not a valid bridge name (up to 15 letters, "
                                           "digits, “-”, “_”, “.”).")
                                      .arg(spec.bridge)};
        }
        for (const VirtualNetwork &n : existing) {
            if (n.name != name && n.bridge == bridge)
                out << NetworkProblem{u"bridge"_s,
                                      Text::tr("The bridge %1 is already used by the network “%2”.")
                                          .arg(bridge, n.name)};
        }
    }

    if (spec.mode == NetworkMode::Bridge) {
        if (!spec.ipv4.isEmpty() || !spec.ipv6.isEmpty() || !spec.dhcpStart.isEmpty() ||
            !spec.dhcpEnd.isEmpty() || !spec.domainName.isEmpty()) {
            out << NetworkProblem{u"ipv4"_s,
                                  Text::tr("A bridge network takes its addresses, DHCP and domain "
                                           "from the bridge's own LAN: leave IPv4, IPv6, DHCP and "
                                           "domain empty.")};
        }
        return out;
    }

    Subnet v4;
    if (spec.ipv4.trimmed().isEmpty()) {
        if (spec.mode != NetworkMode::Isolated)
            out << NetworkProblem{u"ipv4"_s, Text::tr("A %1 network needs an IPv4 network "
                                                      "(like 192.168.100.0/24).")
                                                 .arg(networkModeText(spec.mode))};
    } else {
        v4 = checkCidr(spec.ipv4, false, u"ipv4"_s, out);
    }

    const bool hasStart = !spec.dhcpStart.trimmed().isEmpty();
    const bool hasEnd = !spec.dhcpEnd.trimmed().isEmpty();
    if (hasStart != hasEnd) {
        out << NetworkProblem{u"dhcp"_s, Text::tr("Give both the first and the last DHCP address, "
                                                  "or neither for no DHCP.")};
    } else if (hasStart) {
        if (spec.ipv4.trimmed().isEmpty()) {
            out << NetworkProblem{u"dhcp"_s, Text::tr("DHCP needs an IPv4 network.")};
        } else if (!v4.first.isNull()) {
            const QHostAddress start(spec.dhcpStart.trimmed());
            const QHostAddress end(spec.dhcpEnd.trimmed());
            QHostAddress host;
            int prefix = 0;
            hostAddressOf(spec.ipv4.trimmed(), &host, &prefix);
            const quint32 mask = ~quint32(0) << (32 - v4.second);
            const quint32 network = v4.first.toIPv4Address();
            const quint32 broadcast = network | ~mask;
            bool bad = false;
            for (const auto &[text, a] : {std::pair{spec.dhcpStart, start}, {spec.dhcpEnd, end}}) {
                if (a.isNull() || a.protocol() != QAbstractSocket::IPv4Protocol) {
                    out << NetworkProblem{u"dhcp"_s,
                                          Text::tr("“%1” is not an IPv4 address.").arg(text)};
                    bad = true;
                } else if (!a.isInSubnet(v4) || a.toIPv4Address() == network ||
                           a.toIPv4Address() == broadcast) {
                    out << NetworkProblem{u"dhcp"_s,
                                          Text::tr("The DHCP address %1 is outside the guests' "
                                                   "addresses of %2 (%3 – %4).")
                                              .arg(text, subnetText(v4),
                                                   QHostAddress(network + 1).toString(),
                                                   QHostAddress(broadcast - 1).toString())};
                    bad = true;
                }
            }
            if (!bad && start.toIPv4Address() > end.toIPv4Address())
                out << NetworkProblem{u"dhcp"_s,
                                      Text::tr("The DHCP range starts (%1) after it ends (%2).")
                                          .arg(spec.dhcpStart, spec.dhcpEnd)};
            else if (!bad && host.toIPv4Address() >= start.toIPv4Address() &&
                     host.toIPv4Address() <= end.toIPv4Address())
                out << NetworkProblem{u"dhcp"_s,
                                      Text::tr("The DHCP range includes the host's own address %1.")
                                          .arg(host.toString())};
        }
    }

    Subnet v6;
    if (!spec.ipv6.trimmed().isEmpty())
        v6 = checkCidr(spec.ipv6, true, u"ipv6"_s, out);

    for (const VirtualNetwork &n : existing) {
        if (n.name == name)
            continue;
        for (const auto &[mine, field] : {std::pair{v4, u"ipv4"_s}, {v6, u"ipv6"_s}}) {
            for (const NetworkAddress &theirs : {n.ipv4, n.ipv6}) {
                if (theirs.isValid() && overlaps(mine, subnetOf(theirs)))
                    out << NetworkProblem{
                        field, Text::tr("%1 overlaps the network “%2” (%3).")
                                   .arg(subnetText(mine), n.name, subnetText(subnetOf(theirs)))};
            }
        }
    }

    static const QRegularExpression domainName(
        u"^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$"_s);
    if (!spec.domainName.isEmpty() && !domainName.match(spec.domainName).hasMatch())
        out << NetworkProblem{
            u"domain"_s,
            Text::tr("“%1” is not a DNS domain name (like lab.example).").arg(spec.domainName)};
    return out;
}

QPair<QString, QString> suggestedDhcpRange(const QString &ipv4Cidr)
{
    QHostAddress host;
    int prefix = 0;
    if (!hostAddressOf(ipv4Cidr.trimmed(), &host, &prefix) ||
        host.protocol() != QAbstractSocket::IPv4Protocol || prefix > 30)
        return {};
    const Subnet s = subnetOf(ipv4Cidr);
    const quint32 network = s.first.toIPv4Address();
    const quint32 broadcast = network | ~(~quint32(0) << (32 - prefix));
    quint32 first = network + 1;
    if (first == host.toIPv4Address())
        ++first;
    quint32 last = broadcast - 1;
    if (last == host.toIPv4Address())
        --last;
    if (first > last)
        return {};
    return {QHostAddress(first).toString(), QHostAddress(last).toString()};
}

NetworkSpec defaultNatNetworkSpec()
{
    NetworkSpec s;
    s.name = u"default"_s;
    s.mode = NetworkMode::Nat;
    s.bridge = u"virbr0"_s;
    s.ipv4 = u"192.168.122.0/24"_s;
    s.dhcpStart = u"192.168.122.2"_s;
    s.dhcpEnd = u"192.168.122.254"_s;
    s.autostart = true;
    s.start = true;
    return s;
}

bool hasDefaultNetwork(const QList<VirtualNetwork> &networks)
{
    for (const VirtualNetwork &n : networks) {
        if (n.name == "default"_L1)
            return true;
    }
    return false;
}

} // namespace crossvirt::models
