#pragma once

#include "models/network/NetworkTypes.h"

#include <QCoreApplication>
#include <QFuture>

namespace crossvirt::models {

class HostSession;

/// The virtual networks of one host: list, create, start, stop, autostart, delete, DHCP
/// leases, and a VM's NIC addresses. Every call runs on the host's worker thread and
/// returns a future. A failure carries NetworkRefused when nothing was asked of libvirt
/// yet (bad input, a network running VMs use) or LibvirtError (what Crossvirt was doing
/// and libvirt's own text) when libvirt failed.
class HostNetworks
{
    Q_DECLARE_TR_FUNCTIONS(HostNetworks)
public:
    static QFuture<QList<VirtualNetwork>> list(HostSession *session);
    /// Validates against the host's networks of that moment, defines, starts (unless
    /// !spec.start) and sets autostart; a step that fails undoes the earlier ones, so
    /// nothing half-made stays on the host. Returns the network as libvirt now has it.
    static QFuture<VirtualNetwork> create(HostSession *session, const NetworkSpec &spec);
    /// Creates defaultNatNetworkSpec() (first-run help).
    static QFuture<VirtualNetwork> createDefault(HostSession *session);
    static QFuture<void> start(HostSession *session, const QString &name);
    static QFuture<void> stop(HostSession *session, const QString &name);
    static QFuture<void> setAutostart(HostSession *session, const QString &name, bool on);
    /// Stops (when active) and undefines the network. Refused, naming them, while running
    /// VMs of this host have an interface on it.
    static QFuture<void> remove(HostSession *session, const QString &name);
    /// The running VMs of the host with an interface on network `name`.
    static QFuture<QStringList> runningVmsUsing(HostSession *session, const QString &name);
    /// The network's DHCP leases, each with the name of the VM (of this host) owning its MAC.
    static QFuture<QList<DhcpLease>> leases(HostSession *session, const QString &name);
    /// The addresses of each NIC of a running VM (empty when it is not running): from the
    /// DHCP leases, then from the guest agent where the VM has one (an agent that does not
    /// answer is ignored). One entry per NIC of the domain XML, in its order.
    static QFuture<QList<NicAddresses>> nicAddresses(HostSession *session, const QString &uuid);
};

} // namespace crossvirt::models
