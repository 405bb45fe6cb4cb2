#pragma once

// Plain values for a host's virtual networks, their DHCP leases and a VM's NIC addresses.
// They cross from the host's worker thread to the GUI and the CLI.

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace crossvirt::models {

/// How a virtual network reaches the outside (libvirt's <forward mode>).
enum class NetworkMode
{
    Nat,      ///< NAT to the host's default route (libvirt's `default` network)
    Route,    ///< routed, no NAT
    Isolated, ///< no <forward>: guests see each other and the host only
    Bridge,   ///< forward mode bridge: guests join an existing host bridge
    Other,    ///< open, macvtap, hostdev...: listed, not created here
};

/// "nat", "route", "isolated", "bridge" (the CLI's --mode values); Other gives the XML's own.
QString networkModeId(NetworkMode mode);
/// The mode for a CLI/XML id; nullopt-like Other for an unknown one.
NetworkMode networkModeFromId(const QString &id);
/// "NAT", "Routed", "Isolated", "Bridge" (translated).
QString networkModeText(NetworkMode mode);

/// One <ip> element of a network: the host's address on it and its DHCP range.
struct NetworkAddress
{
    QString address; ///< the host side's address, e.g. 192.168.122.1
    int prefix = -1;
    QString dhcpStart, dhcpEnd; ///< empty: no DHCP
    bool isIpv6 = false;

    bool isValid() const { return !address.isEmpty() && prefix >= 0; }
    /// "192.168.122.1/24"
    QString cidr() const;
    /// "192.168.122.2 – 192.168.122.254", or empty without DHCP.
    QString dhcpText() const;
};

/// A virtual network of a host as libvirt describes it.
struct VirtualNetwork
{
    QString name;
    QString uuid;
    NetworkMode mode = NetworkMode::Isolated;
    QString modeId;      ///< the XML's forward mode ("" for isolated)
    QString bridge;      ///< the bridge it creates, or the host bridge it joins (bridge mode)
    QString domainName;  ///< <domain name>
    NetworkAddress ipv4; ///< first IPv4 <ip>; invalid when none
    NetworkAddress ipv6; ///< first IPv6 <ip>; invalid when none
    bool active = false;
    bool autostart = false;
    bool persistent = true;
};

/// What the New Network dialog and `crossvirt-cli network create` ask for.
struct NetworkSpec
{
    QString name;
    NetworkMode mode = NetworkMode::Nat;
    QString ipv4;      ///< CIDR; the network address (.0) gives the host .1, else as given
    QString dhcpStart; ///< empty with dhcpEnd: no DHCP
    QString dhcpEnd;
    QString ipv6; ///< CIDR, optional
    QString domainName;
    QString bridge; ///< bridge mode: the host's bridge; else the bridge to create (optional)
    bool autostart = false;
    bool start = true;
};

/// One DHCP lease of a network, with the VM that owns the MAC when it is on this host.
struct DhcpLease
{
    QString mac;
    QString ip; ///< with prefix: 192.168.122.45/24
    QString hostname;
    QString clientId;
    QString vmName; ///< empty when no VM of the host has this MAC
    QDateTime expiry;
    bool isIpv6 = false;
};

/// The addresses one NIC of a VM has, from the DHCP lease and the guest agent.
struct NicAddresses
{
    QString mac;
    QString interfaceName; ///< the guest's name for it when the agent answered, else the tap
    QStringList addresses; ///< "192.168.122.45/24", IPv4 first
    QStringList sources;   ///< "lease", "agent"
};

/// A refusal before anything was changed on the host: bad input, or an operation that
/// would break running VMs. The CLI maps it to exit code 1.
class NetworkRefused : public std::exception
{
public:
    explicit NetworkRefused(QStringList reasons) : m_reasons(std::move(reasons)) {}
    const QStringList &reasons() const { return m_reasons; }
    QString text() const { return m_reasons.join(u'\n'); }
    const char *what() const noexcept override;

private:
    QStringList m_reasons;
    mutable QByteArray m_what;
};

} // namespace crossvirt::models

Q_DECLARE_METATYPE(crossvirt::models::VirtualNetwork)
Q_DECLARE_METATYPE(crossvirt::models::DhcpLease)
Q_DECLARE_METATYPE(crossvirt::models::NicAddresses)
