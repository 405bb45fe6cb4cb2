#include "models/inventory/HostResources.h"

#include "models/connection/LibvirtHandles.h"
#include "models/inventory/DomainXml.h"

namespace crossvirt::models {

QList<NetworkInfo> readNetworks(virConnectPtr conn)
{
    QList<NetworkInfo> out;
    virNetworkPtr *raw = nullptr;
    const int n = virConnectListAllNetworks(conn, &raw, 0);
    for (const NetworkHandle &network : takeLibvirtArray<NetworkHandle>(raw, n)) {
        virNetworkPtr nw = network.get();
        NetworkInfo net;
        net.name = QString::fromUtf8(virNetworkGetName(nw));
        net.active = virNetworkIsActive(nw) == 1;
        int autostart = 0;
        if (virNetworkGetAutostart(nw, &autostart) == 0)
            net.autostart = autostart != 0;
        net.bridge = takeLibvirtString(virNetworkGetBridgeName(nw));
        const LibvirtString xml(virNetworkGetXMLDesc(nw, 0));
        if (xml)
            readNetworkXml(QByteArray(xml.get()), net);
        out << net;
    }
    return out;
}

PoolInfo readPoolInfo(virStoragePoolPtr pool)
{
    PoolInfo p;
    p.name = QString::fromUtf8(virStoragePoolGetName(pool));
    p.active = virStoragePoolIsActive(pool) == 1;
    virStoragePoolInfo info{};
    if (virStoragePoolGetInfo(pool, &info) == 0) {
        p.capacity = info.capacity;
        p.allocation = info.allocation;
        p.available = info.available;
    }
    if (p.active)
        p.volumes = virStoragePoolNumOfVolumes(pool);
    int autostart = 0;
    if (virStoragePoolGetAutostart(pool, &autostart) == 0)
        p.autostart = autostart != 0;
    p.persistent = virStoragePoolIsPersistent(pool) != 0;
    const LibvirtString xml(virStoragePoolGetXMLDesc(pool, 0));
    if (xml)
        readPoolXml(QByteArray(xml.get()), p);
    return p;
}

} // namespace crossvirt::models
