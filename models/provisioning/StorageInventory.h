#pragma once

#include "models/inventory/InventoryTypes.h"

#include <QFuture>
#include <QList>
#include <QString>
#include <QStringList>

namespace crossvirt::models {

class HostSession;

/// One volume of a storage pool.
struct VolumeInfo
{
    QString name;
    QString path;
    QString format; ///< "qcow2", "raw", "iso", ... (empty when libvirt does not say)
    quint64 capacity = 0;
    quint64 allocation = 0;
    /// An ISO image a CD-ROM can use (format iso, or a name ending in .iso).
    bool isIso = false;
    /// The VMs whose disks use it (filled by the storage page's reads, models/storage/).
    QStringList usedBy;
};

/// A pool with its free space and its volumes.
struct PoolContents
{
    PoolInfo info; ///< name, active, capacity, available...
    QList<VolumeInfo> volumes;

    QStringList volumeNames() const;
    QList<VolumeInfo> isoVolumes() const;
    const VolumeInfo *volume(const QString &name) const;
};

/// What a New-VM / New-Disk dialog needs from a host's storage and networks, read in
/// one go on the host's worker thread.
struct StorageSnapshot
{
    QList<PoolContents> pools;
    QList<NetworkInfo> networks;
    QStringList domainNames; ///< every domain on the host (for unique names)

    const PoolContents *pool(const QString &name) const;
    QStringList activePoolNames() const;
    QStringList networkNames() const;
};

/// Reads pools (with volumes), networks and domain names on the session's worker thread;
/// fails when listing fails (a single pool that cannot be read is skipped).
QFuture<StorageSnapshot> fetchStorage(HostSession *session);

} // namespace crossvirt::models
