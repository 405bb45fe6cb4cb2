#include "models/network/HostNetworks.h"

#include "models/connection/WorkerJobs.h"
#include "models/inventory/DomainXml.h"
#include "models/network/NetworkValidation.h"
#include "models/network/NetworkXml.h"

#include <QHash>
#include <libvirt/virterror.h>

namespace crossvirt::models {

using namespace Qt::StringLiterals;

namespace {

using Text = HostNetworks;

VirtualNetwork readNetwork(virNetworkPtr nw)
{
    const LibvirtString xml(virNetworkGetXMLDesc(nw, 0));
    VirtualNetwork net = xml ? parseNetworkXml(QByteArray(xml.get())) : VirtualNetwork{};
    net.name = QString::fromUtf8(virNetworkGetName(nw));
    net.active = virNetworkIsActive(nw) == 1;
    net.persistent = virNetworkIsPersistent(nw) != 0;
    int autostart = 0;
    if (virNetworkGetAutostart(nw, &autostart) == 0)
        net.autostart = autostart != 0;
    return net;
}

QList<VirtualNetwork> readAll(virConnectPtr conn)
{
    virNetworkPtr *raw = nullptr;
    const int n = virConnectListAllNetworks(conn, &raw, 0);
    if (n < 0)
        throwLastLibvirtError(Text::tr("Could not list the host's networks"));
    QList<VirtualNetwork> out;
    for (const NetworkHandle &nw : takeLibvirtArray<NetworkHandle>(raw, n))
        out << readNetwork(nw.get());
    return out;
}

NetworkHandle lookup(virConnectPtr conn, const QString &name, const QString &context)
{
    NetworkHandle nw(virNetworkLookupByName(conn, name.toUtf8().constData()));
    if (!nw)
        throwLastLibvirtError(context);
    return nw;
}

/// Domain NICs (type, source, mac) for every domain matching `flags`, with its name.
template<typename Fn> void forEachDomainNic(virConnectPtr conn, unsigned flags, Fn fn)
{
    virDomainPtr *raw = nullptr;
    const int n = virConnectListAllDomains(conn, &raw, flags);
    if (n < 0)
        throwLastLibvirtError(Text::tr("Could not list the host's VMs"));
    for (const DomainHandle &d : takeLibvirtArray<DomainHandle>(raw, n)) {
        const LibvirtString xml(virDomainGetXMLDesc(d.get(), 0));
        if (!xml)
            continue;
        const QString name = QString::fromUtf8(virDomainGetName(d.get()));
        for (const NicInfo &nic : parseDomainDetails(QByteArray(xml.get())).nics)
            fn(name, nic);
    }
}

QStringList runningVmsOn(virConnectPtr conn, const QString &network)
{
    QStringList vms;
    forEachDomainNic(conn, VIR_CONNECT_LIST_DOMAINS_ACTIVE,
                     [&](const QString &vm, const NicInfo &nic) {
                         if (nic.type == "network"_L1 && nic.source == network && !vms.contains(vm))
                             vms << vm;
                     });
    vms.sort();
    return vms;
}

} // namespace

QFuture<QList<VirtualNetwork>> HostNetworks::list(HostSession *session)
{
    return runOnWorker(session, [](virConnectPtr conn) { return readAll(conn); });
}

QFuture<VirtualNetwork> HostNetworks::create(HostSession *session, const NetworkSpec &spec)
{
    return runOnWorker(session, [spec](virConnectPtr conn) {
        const QList<NetworkProblem> problems = validateNetworkSpec(spec, readAll(conn));
        if (!problems.isEmpty()) {
            QStringList reasons;
            for (const NetworkProblem &p : problems)
                reasons << p.text;
            throw NetworkRefused(reasons);
        }
        const QByteArray xml = networkSpecXml(spec);
        NetworkHandle nw(virNetworkDefineXML(conn, xml.constData()));
        if (!nw)
            throwLastLibvirtError(tr("Could not define the network “%1”").arg(spec.name));
        // Undo what was done so far, keeping libvirt's text of the step that failed.
        auto undo = [&nw, &spec](const QString &step, bool started) {
            LibvirtError error = LibvirtError::fromLastError(
                tr("Could not %1 the network “%2” (it was removed again; nothing is left "
                   "on the host)")
                    .arg(step, spec.name));
            if (started)
                virNetworkDestroy(nw.get());
            virNetworkUndefine(nw.get());
            throw error;
        };
        if (spec.start && virNetworkCreate(nw.get()) < 0)
            undo(tr("start"), false);
        if (spec.autostart && virNetworkSetAutostart(nw.get(), 1) < 0)
            undo(tr("set autostart on"), spec.start);
        return readNetwork(nw.get());
    });
}

QFuture<VirtualNetwork> HostNetworks::createDefault(HostSession *session)
{
    return create(session, defaultNatNetworkSpec());
}

QFuture<void> HostNetworks::start(HostSession *session, const QString &name)
{
    return runOnWorker(session, [name](virConnectPtr conn) {
        const QString context = tr("Could not start the network “%1”").arg(name);
        const NetworkHandle nw = lookup(conn, name, context);
        if (virNetworkCreate(nw.get()) < 0)
            throwLastLibvirtError(context);
    });
}

QFuture<void> HostNetworks::stop(HostSession *session, const QString &name)
{
    return runOnWorker(session, [name](virConnectPtr conn) {
        const QString context = tr("Could not stop the network “%1”").arg(name);
        const NetworkHandle nw = lookup(conn, name, context);
        if (virNetworkDestroy(nw.get()) < 0)
            throwLastLibvirtError(context);
    });
}

QFuture<void> HostNetworks::setAutostart(HostSession *session, const QString &name, bool on)
{
    return runOnWorker(session, [name, on](virConnectPtr conn) {
        const QString context =
            on ? tr("Could not turn autostart on for the network “%1”").arg(name)
               : tr("Could not turn autostart off for the network “%1”").arg(name);
        const NetworkHandle nw = lookup(conn, name, context);
        if (virNetworkSetAutostart(nw.get(), on ? 1 : 0) < 0)
            throwLastLibvirtError(context);
    });
}

QFuture<void> HostNetworks::remove(HostSession *session, const QString &name)
{
    return runOnWorker(session, [name](virConnectPtr conn) {
        const QString context = tr("Could not delete the network “%1”").arg(name);
        const NetworkHandle nw = lookup(conn, name, context);
        const QStringList users = runningVmsOn(conn, name);
        if (!users.isEmpty()) {
            throw NetworkRefused({tr("The network “%1” is used by running VMs: %2. Shut "
                                     "them down or move their network cards first.")
                                      .arg(name, users.join(u", "_s))});
        }
        if (virNetworkIsActive(nw.get()) == 1 && virNetworkDestroy(nw.get()) < 0)
            throwLastLibvirtError(context);
        if (virNetworkIsPersistent(nw.get()) == 1 && virNetworkUndefine(nw.get()) < 0)
            throwLastLibvirtError(context);
    });
}

QFuture<QStringList> HostNetworks::runningVmsUsing(HostSession *session, const QString &name)
{
    return runOnWorker(session, [name](virConnectPtr conn) { return runningVmsOn(conn, name); });
}

QFuture<QList<DhcpLease>> HostNetworks::leases(HostSession *session, const QString &name)
{
    return runOnWorker(session, [name](virConnectPtr conn) {
        const QString context = tr("Could not read the DHCP leases of the network “%1”").arg(name);
        const NetworkHandle nw = lookup(conn, name, context);
        virNetworkDHCPLeasePtr *raw = nullptr;
        const int n = virNetworkGetDHCPLeases(nw.get(), nullptr, &raw, 0);
        if (n < 0)
            throwLastLibvirtError(context);
        QList<DhcpLease> out;
        for (int i = 0; i < n; ++i) {
            const virNetworkDHCPLeasePtr l = raw[i];
            DhcpLease lease;
            lease.mac = QString::fromUtf8(l->mac).toLower();
            lease.ip = u"%1/%2"_s.arg(QString::fromUtf8(l->ipaddr)).arg(l->prefix);
            lease.hostname = QString::fromUtf8(l->hostname);
            lease.clientId = QString::fromUtf8(l->clientid);
            lease.isIpv6 = l->type == VIR_IP_ADDR_TYPE_IPV6;
            if (l->expirytime > 0)
                lease.expiry = QDateTime::fromSecsSinceEpoch(l->expirytime);
            out << lease;
            virNetworkDHCPLeaseFree(l);
        }
        std::free(raw);
        if (out.isEmpty())
            return out;
        QHash<QString, QString> owners;
        forEachDomainNic(conn, 0, [&](const QString &vm, const NicInfo &nic) {
            owners.insert(nic.mac.toLower(), vm);
        });
        for (DhcpLease &lease : out)
            lease.vmName = owners.value(lease.mac);
        return out;
    });
}

QFuture<QList<NicAddresses>> HostNetworks::nicAddresses(HostSession *session, const QString &uuid)
{
    return runOnWorker(session, [uuid](virConnectPtr conn) {
        const QString context = tr("Could not read the VM's network addresses");
        const DomainHandle dom(virDomainLookupByUUIDString(conn, uuid.toUtf8().constData()));
        if (!dom)
            throwLastLibvirtError(context);
        QList<NicAddresses> out;
        if (virDomainIsActive(dom.get()) != 1)
            return out;
        const LibvirtString xml(virDomainGetXMLDesc(dom.get(), 0));
        if (!xml)
            throwLastLibvirtError(context);
        const QByteArray domainXml(xml.get());
        for (const NicInfo &nic : parseDomainDetails(domainXml).nics)
            out << NicAddresses{nic.mac.toLower(), {}, {}, {}};

        auto collect = [&](unsigned source, const QString &sourceName) -> bool {
            virDomainInterfacePtr *ifaces = nullptr;
            const int n = virDomainInterfaceAddresses(dom.get(), &ifaces, source, 0);
            if (n < 0)
                return false;
            for (int i = 0; i < n; ++i) {
                const virDomainInterfacePtr iface = ifaces[i];
                const QString mac = QString::fromUtf8(iface->hwaddr).toLower();
                for (NicAddresses &entry : out) {
                    if (entry.mac != mac)
                        continue;
                    if (entry.interfaceName.isEmpty() ||
                        source == VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_AGENT)
                        entry.interfaceName = QString::fromUtf8(iface->name);
                    for (unsigned a = 0; a < iface->naddrs; ++a) {
                        const auto &addr = iface->addrs[a];
                        const QString text =
                            u"%1/%2"_s.arg(QString::fromUtf8(addr.addr)).arg(addr.prefix);
                        if (addr.type == VIR_IP_ADDR_TYPE_IPV6 &&
                            text.startsWith("fe80:"_L1, Qt::CaseInsensitive))
                            continue; // link-local: every NIC has one, it says nothing
                        if (!entry.addresses.contains(text)) {
                            // IPv4 first, each family in the order found.
                            qsizetype at = entry.addresses.size();
                            if (addr.type == VIR_IP_ADDR_TYPE_IPV4) {
                                at = 0;
                                while (at < entry.addresses.size() &&
                                       !entry.addresses.at(at).contains(u':'))
                                    ++at;
                            }
                            entry.addresses.insert(at, text);
                        }
                        if (!entry.sources.contains(sourceName))
                            entry.sources << sourceName;
                    }
                }
                virDomainInterfaceFree(iface);
            }
            std::free(ifaces);
            return true;
        };
        if (!collect(VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE, u"lease"_s))
            throwLastLibvirtError(context);
        // The guest agent only where the VM has its channel; one that is not running in
        // the guest (or not answering) is no error for the user.
        if (domainXml.contains("org.qemu.guest_agent.0")) {
            if (!collect(VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_AGENT, u"agent"_s))
                virResetLastError();
        }
        return out;
    });
}

} // namespace crossvirt::models
