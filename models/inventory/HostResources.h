#pragma once

#include "models/inventory/InventoryTypes.h"

struct _virConnect;
struct _virStoragePool;

namespace crossvirt::models {

/// Reads a host's networks and storage pools from libvirt. Worker thread only: the
/// host details page and the provisioning storage snapshot both use these.
QList<NetworkInfo> readNetworks(_virConnect *conn);
PoolInfo readPoolInfo(_virStoragePool *pool);

} // namespace crossvirt::models
