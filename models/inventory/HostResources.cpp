#include "models/inventory/HostResources.h"

#include "models/inventory/DomainXml.h"

#include <libvirt/libvirt.h>

namespace crossvirt::models {

QList<NetworkInfo> readNetworks(virConnectPtr conn)
{
    QList<NetworkInfo> out;
    virNetworkPtr *nets = nullptr;
    const int n = virConnectListAllNetworks(conn, &nets, 0);
    for (int i = 0; i < n; ++i) {
        NetworkInfo net;
        net.name = QString::fromUtf8(virNetworkGetName(nets[i]));
        net.active = virNetworkIsActive(nets[i]) == 1;
        int autostart = 0;
        if (virNetworkGetAutostart(nets[i], &autostart) == 0)
            net.autostart = autostart != 0;
        if (char *bridge = virNetworkGetBridgeName(nets[i])) {
            net.bridge = QString::fromUtf8(bridge);
            free(bridge);
        }
        if (char *xml = virNetworkGetXMLDesc(nets[i], 0)) {
            readNetworkXml(QByteArray(xml), net);
            free(xml);
        }
        out << net;
        virNetworkFree(nets[i]);
    }
    free(nets);
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
    if (char *xml = virStoragePoolGetXMLDesc(pool, 0)) {
        readPoolXml(QByteArray(xml), p);
        free(xml);
    }
    return p;
}

} // namespace crossvirt::models
