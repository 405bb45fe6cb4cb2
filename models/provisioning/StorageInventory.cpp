#include "models/provisioning/StorageInventory.h"

#include "models/connection/HostSession.h"
#include "models/connection/LibvirtError.h"
#include "models/connection/WorkerJobs.h"
#include "models/inventory/HostResources.h"
#include "models/provisioning/ProvisioningWorker.h"

#include <QCoreApplication>
#include <QXmlStreamReader>
#include <libvirt/libvirt.h>

using namespace Qt::StringLiterals;

namespace crossvirt::models {

QStringList PoolContents::volumeNames() const
{
    QStringList out;
    for (const VolumeInfo &v : volumes)
        out << v.name;
    return out;
}

QList<VolumeInfo> PoolContents::isoVolumes() const
{
    QList<VolumeInfo> out;
    for (const VolumeInfo &v : volumes) {
        if (v.isIso)
            out << v;
    }
    return out;
}

const VolumeInfo *PoolContents::volume(const QString &name) const
{
    for (const VolumeInfo &v : volumes) {
        if (v.name == name)
            return &v;
    }
    return nullptr;
}

const PoolContents *StorageSnapshot::pool(const QString &name) const
{
    for (const PoolContents &p : pools) {
        if (p.info.name == name)
            return &p;
    }
    return nullptr;
}

QStringList StorageSnapshot::activePoolNames() const
{
    QStringList out;
    for (const PoolContents &p : pools) {
        if (p.info.active)
            out << p.info.name;
    }
    return out;
}

QStringList StorageSnapshot::networkNames() const
{
    QStringList out;
    for (const NetworkInfo &n : networks)
        out << n.name;
    return out;
}

namespace {

/// The first attribute `attr` of element `element` (or its text when attr is empty).
QString xmlValue(const QString &xml, QLatin1StringView element, QLatin1StringView attr,
                 QLatin1StringView parent = {})
{
    QXmlStreamReader r(xml);
    QStringList stack;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement()) {
            const bool parentOk = parent.isEmpty() || (!stack.isEmpty() && stack.last() == parent);
            if (r.name() == element && parentOk) {
                if (attr.isEmpty())
                    return r.readElementText();
                return r.attributes().value(attr).toString();
            }
            stack << r.name().toString();
        } else if (r.isEndElement() && !stack.isEmpty()) {
            stack.removeLast();
        }
    }
    return {};
}

} // namespace

VolumeInfo readVolume(virStorageVolPtr vol)
{
    VolumeInfo v;
    v.name = QString::fromUtf8(virStorageVolGetName(vol));
    v.path = takeLibvirtString(virStorageVolGetPath(vol));
    virStorageVolInfo info{};
    if (virStorageVolGetInfo(vol, &info) == 0) {
        v.capacity = info.capacity;
        v.allocation = info.allocation;
    }
    if (const QString xml = takeLibvirtString(virStorageVolGetXMLDesc(vol, 0)); !xml.isEmpty())
        v.format = xmlValue(xml, "format"_L1, "type"_L1, "target"_L1);
    v.isIso = v.format == "iso"_L1 || v.name.endsWith(".iso"_L1, Qt::CaseInsensitive);
    return v;
}

PoolContents readPool(virStoragePoolPtr pool)
{
    PoolContents p;
    p.info = readPoolInfo(pool);
    if (p.info.active) {
        virStorageVolPtr *vols = nullptr;
        const int n = virStoragePoolListAllVolumes(pool, &vols, 0);
        for (const StorageVolHandle &vol : takeLibvirtArray<StorageVolHandle>(vols, n))
            p.volumes << readVolume(vol.get());
    }
    p.info.volumes = int(p.volumes.size());
    return p;
}

StorageSnapshot readStorage(virConnectPtr conn)
{
    StorageSnapshot s;
    virStoragePoolPtr *pools = nullptr;
    const int np = virConnectListAllStoragePools(conn, &pools, 0);
    if (np < 0) {
        throwLastLibvirtError(
            QCoreApplication::translate("StorageInventory", "Listing the storage pools"));
    }
    for (const StoragePoolHandle &pool : takeLibvirtArray<StoragePoolHandle>(pools, np))
        s.pools << readPool(pool.get());

    s.networks = readNetworks(conn);

    virDomainPtr *doms = nullptr;
    const int nd = virConnectListAllDomains(conn, &doms, 0);
    if (nd < 0)
        throwLastLibvirtError(
            QCoreApplication::translate("StorageInventory", "Listing the virtual machines"));
    for (const DomainHandle &dom : takeLibvirtArray<DomainHandle>(doms, nd))
        s.domainNames << QString::fromUtf8(virDomainGetName(dom.get()));
    return s;
}

QFuture<StorageSnapshot> fetchStorage(HostSession *session)
{
    return runOnWorker(session, [](virConnectPtr conn) { return readStorage(conn); });
}

} // namespace crossvirt::models
