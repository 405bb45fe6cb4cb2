#pragma once

// Internal to models/: the worker-thread halves of the provisioning jobs, for the .cpp
// files of models/ and for tests that drive a libvirt connection directly. Public headers
// carry no virConnect; views/ and app/ use the QFuture entry points instead.

#include "models/provisioning/ProvisioningJobs.h"
#include "models/provisioning/StorageInventory.h"

#include <libvirt/libvirt.h>

namespace crossvirt::models {

/// Creates the volume, defines the domain and starts it when asked. When a step fails,
/// what was already made is removed (the domain undefined, the volume deleted; a failed
/// start removes the just-defined VM too) and a LibvirtError is thrown whose context names
/// the failed step and whose message is libvirt's. Worker thread only.
CreatedVm createVm(virConnectPtr conn, const CreateVmPlan &plan);

/// Creates the volume and attaches it (live and persistent for a running VM, persistent
/// for a stopped one), adding the controller it needs first. Reads the VM's arch and
/// devices itself. On failure the volume is deleted and the VM's definition restored;
/// throws LibvirtError naming the step. Worker thread only.
AttachedDisk attachDisk(virConnectPtr conn, const AttachDiskSpec &spec);

/// Reads pools (with volumes), networks and domain names. Worker thread only; throws
/// LibvirtError when listing fails (a single pool that cannot be read is skipped).
StorageSnapshot readStorage(virConnectPtr conn);
/// One pool with its volumes (none while it is inactive), and one volume. Worker thread only.
PoolContents readPool(virStoragePoolPtr pool);
VolumeInfo readVolume(virStorageVolPtr vol);

} // namespace crossvirt::models
