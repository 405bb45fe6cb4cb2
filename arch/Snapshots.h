#pragma once

// Which snapshots a guest can take, revert to and delete (issue #13), as plain values:
// models/ reads the facts from the domain XML and the host, ArchModel::snapshotModes()
// and friends judge them with the arch's firmware rules (pflash) and libvirt's limits.

#include "arch/ArchTypes.h"

#include <QString>
#include <QStringList>

namespace crossvirt::arch {

/// Where a snapshot's data lives.
enum class SnapshotLocation
{
    Internal, ///< inside the qcow2 disks (savevm / qemu-img snapshot)
    External, ///< new overlay files for the disks (and a memory file when with memory)
};
/// "internal", "external".
QString snapshotLocationId(SnapshotLocation location);

/// What models/ reads about a guest before its snapshot modes are judged. The guest's
/// firmware, machine and running state are in the GuestContext.
struct SnapshotFacts
{
    /// Format of every writable disk with a medium ("qcow2", "raw"); CD-ROMs, read-only and
    /// shareable disks are left out (libvirt leaves them out of snapshots too).
    QStringList writableDiskFormats;
    /// Disks (target names) whose source is not a local file or block device (network
    /// disks): libvirt cannot make external overlays for them here.
    QStringList nonFileDisks;
    /// The host's libvirt reverts to external snapshots (libvirt >= 9.9: capabilities
    /// carry <externalSnapshot/>).
    bool hostRevertsExternal = false;
    /// The host's libvirt deletes external snapshots (libvirt >= 9.0).
    bool hostDeletesExternal = false;
    /// Host's libvirt version as a display string ("9.0.0"), for reasons.
    QString hostLibvirtVersion;
};

/// One way of taking a snapshot. `supported` and a translated `reason` when it is not.
struct SnapshotModes
{
    /// Internal. Running guest: with memory (a system checkpoint, QEMU's savevm). Shut-off
    /// guest: the disks only (qemu-img snapshot).
    Operation internal;
    /// External with the memory state in a file: running guests only.
    Operation externalWithMemory;
    /// External, disks only (running or shut off).
    Operation externalDiskOnly;
    /// Translated caveat of an allowed internal snapshot, empty when none: "The UEFI
    /// variables (NVRAM) are not part of an internal snapshot".
    QString internalNote;

    bool anySupported() const
    {
        return internal.supported || externalWithMemory.supported || externalDiskOnly.supported;
    }
};

/// One existing snapshot, as the per-snapshot rules need it.
struct SnapshotNodeFacts
{
    SnapshotLocation location = SnapshotLocation::Internal;
    bool withMemory = false; ///< the snapshot holds the guest's memory (state running/paused)
    int childCount = 0;      ///< direct children
    bool isCurrent = false;
    /// Its parent is an internal snapshot: libvirt 9.x cannot delete an external snapshot
    /// taken on top of an internal one.
    bool parentInternal = false;
    /// An external snapshot was taken after it (a descendant): the guest's disks are now
    /// overlays above the image that holds this internal snapshot.
    bool externalDescendant = false;
};

} // namespace crossvirt::arch
