#pragma once

// Internal to models/: worker-thread code only. Which VMs use which storage volume, however
// their disks name it (a path or pool/volume), read from live and persistent definitions.
// The Delete VM job and the storage jobs (models/storage/) both refuse by these answers.

#include "models/connection/LibvirtHandles.h"

#include <QHash>
#include <QStringList>

namespace crossvirt::models {

/// A disk source as a storage volume: a path, or the pool/volume form; null when libvirt
/// manages no such volume ("not found" is an answer here, not a failure).
StorageVolHandle findVolume(virConnectPtr conn, const QString &source);
/// One name for a volume however a disk refers to it (its path when libvirt knows it).
QString volumeKey(virConnectPtr conn, const QString &source);
/// Volume key -> names of the VMs on this host (other than the one whose UUID is
/// `exceptUuid`) whose disks use it, live or persistent definition. Read at the time of
/// the call, so a delete can re-check it.
QHash<QString, QStringList> volumeUsers(virConnectPtr conn, const QString &exceptUuid = {});

} // namespace crossvirt::models
