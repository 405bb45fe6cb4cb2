#pragma once

#include "models/storage/StorageTypes.h"

#include <QFuture>
#include <exception>

namespace crossvirt::models {

class HostSession;

/// Storage pool and volume operations of one host. Each runs on the host's worker thread
/// and fails with a LibvirtError whose context says what was being done and whose message
/// is libvirt's own text, or, when Crossvirt refused before calling libvirt (bad input,
/// a volume in use, not enough space), with the reason and code kStorageRefused.
/// Nothing is left half-made: a pool that was defined but could not be built or started
/// is undefined again, and the message says so.
namespace storage {

/// LibvirtError::code() of a refusal made before libvirt was asked to change anything.
inline constexpr int kStorageRefused = -1;
/// Whether `error` is such a refusal (the CLI exits 1 for it, 2 for libvirt failures).
bool isRefusal(const std::exception_ptr &error);

/// Every pool with its volumes (none while inactive), autostart, and for each volume the
/// VMs whose disks use it (live and persistent definitions).
QFuture<QList<PoolContents>> readPools(HostSession *session);
/// The pool types the host can create (virConnectGetStoragePoolCapabilities, or
/// Crossvirt's fixed list with a note when the host cannot say).
QFuture<PoolTypeSupport> readPoolTypes(HostSession *session);

/// Defines, builds (directories: creates the target; LVM/disk only when asked, never over
/// existing data), starts and optionally marks autostart a new pool.
QFuture<void> createPool(HostSession *session, const PoolSpec &spec);
/// libvirt's "default" directory pool at /var/lib/libvirt/images, as virt-install makes
/// it (autostart on); an existing but stopped "default" pool is started instead.
QFuture<void> createDefaultPool(HostSession *session);
QFuture<void> startPool(HostSession *session, const QString &pool);
QFuture<void> stopPool(HostSession *session, const QString &pool);
QFuture<void> refreshPool(HostSession *session, const QString &pool);
QFuture<void> setPoolAutostart(HostSession *session, const QString &pool, bool autostart);
/// Stops and undefines the pool; with `withVolumes` deletes each of its volumes first and
/// then (dir pools) its directory. Refused, naming them, while VMs use its volumes.
QFuture<void> deletePool(HostSession *session, const QString &pool, bool withVolumes);

QFuture<VolumeInfo> createVolume(HostSession *session, const VolumeSpec &spec);
/// Grows the volume to `capacity` bytes; shrinking is refused with the reason.
QFuture<void> resizeVolume(HostSession *session, const QString &pool, const QString &volume,
                           quint64 capacity);
/// A copy of `from` named `newName` in the same pool (virStorageVolCreateXMLFrom).
QFuture<VolumeInfo> cloneVolume(HostSession *session, const QString &pool, const QString &from,
                                const QString &newName);
/// Refused, naming the VMs, while any VM's disk (running or defined) uses it.
QFuture<void> deleteVolume(HostSession *session, const QString &pool, const QString &volume);

} // namespace storage
} // namespace crossvirt::models
