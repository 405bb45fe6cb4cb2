#pragma once

// Internal to models/: worker-thread code only. It takes libvirt handles, so view code
// (compiled without libvirt's declarations) cannot include it.

#include "models/inventory/InventoryTypes.h"

#include <libvirt/libvirt.h>

namespace crossvirt::models {

/// Reads a host's networks and storage pools from libvirt. Worker thread only: the
/// host details page and the provisioning storage snapshot both use these.
QList<NetworkInfo> readNetworks(virConnectPtr conn);
PoolInfo readPoolInfo(virStoragePoolPtr pool);

} // namespace crossvirt::models
