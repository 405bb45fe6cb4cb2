#pragma once

// Snapshots of a VM (issue #13): list them as a tree, take one (internal or external,
// with memory or disks only), revert, delete (with children). Which modes a guest has is
// judged by the arch class (ArchModel::snapshotModes and friends) from facts read here:
// its firmware and disks, its state, the host's libvirt. A mode the arch withholds is
// refused before libvirt is called (LibvirtError with code storage::kStorageRefused and
// the arch's reason). The Snapshots page, the Snapshot menu and `crossvirt-cli snapshot`
// are thin clients of this file.

#include "arch/Snapshots.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFuture>
#include <QList>
#include <QString>
#include <QStringList>

namespace crossvirt::models {

class HostSession;

/// One snapshot of a VM.
struct SnapshotInfo
{
    QString name;
    QString description;
    QString parent;    ///< the parent snapshot's name, empty for a root
    QDateTime created; ///< <creationTime>, local time
    /// The guest's state when taken, libvirt's words: "running", "paused", "shutoff",
    /// "disk-snapshot" (an external disk-only snapshot of a running guest).
    QString state;
    arch::SnapshotLocation location = arch::SnapshotLocation::Internal;
    bool withMemory = false; ///< holds the memory state (state running/paused)
    bool isCurrent = false;
    QStringList children; ///< direct children's names
    /// What the arch says about this snapshot for the VM as it is now.
    arch::Operation revert;
    arch::Operation remove;             ///< deleting it alone (its children stay)
    arch::Operation removeWithChildren; ///< deleting it and every descendant
    /// "Running, with memory", "Shut off, disks", "External, disks only" (translated).
    QString stateLabel() const;
};

/// A VM's snapshots and what can be done with it now.
struct VmSnapshots
{
    QString uri;
    QString uuid;
    QString vmName;
    QString arch;         ///< guest arch (libvirt name)
    bool running = false; ///< running or paused
    /// Parents before their children, siblings by creation time.
    QList<SnapshotInfo> snapshots;
    QString current; ///< the current snapshot's name, empty when none
    arch::SnapshotFacts facts;
    arch::SnapshotModes modes; ///< for taking a snapshot now

    const SnapshotInfo *find(const QString &name) const;
    /// `name` and every descendant, children before parents (the order deletes go in).
    QStringList subtree(const QString &name) const;
};

/// What the user asked for when taking a snapshot.
struct SnapshotRequest
{
    QString name; ///< empty: suggestedSnapshotName()
    QString description;
    arch::SnapshotLocation location = arch::SnapshotLocation::Internal;
    /// Running guest: save the memory too (internal snapshots of a running guest always
    /// do; external ones do when this is set). Ignored for a shut-off guest.
    bool withMemory = true;
};

/// "snapshot1", "snapshot2", ...: the first name the VM has no snapshot of. A taken name is
/// refused by createSnapshot.
QString suggestedSnapshotName(const VmSnapshots &snapshots);
/// Why `name` cannot name a new snapshot of the VM (empty, taken, has '/'), or empty.
QString snapshotNameProblem(const VmSnapshots &snapshots, const QString &name);

/// Reads the VM's snapshots, state, disks and the host's libvirt version; judges the modes
/// with the arch class (the domain capabilities of the guest's machine on the host).
QFuture<VmSnapshots> loadSnapshots(HostSession *session, const QString &uuid);

/// Takes a snapshot. Re-reads the VM and refuses a mode the arch withholds now (code
/// storage::kStorageRefused, the arch's reason) before any libvirt call; external
/// snapshots put their overlays (and memory file) beside each disk
/// ("<disk>.<snapshot>.qcow2", "<vm>.<snapshot>.mem" in the first disk's folder). Returns the
/// snapshot as listed afterwards. On failure nothing is left behind (a half-made
/// external overlay is removed).
QFuture<SnapshotInfo> createSnapshot(HostSession *session, const QString &uuid,
                                     const SnapshotRequest &request);

/// Reverts the VM to `name` (the guest's state becomes the snapshot's: running with
/// memory, else shut off). Refused with the arch's reason (external on libvirt < 9.9).
QFuture<void> revertSnapshot(HostSession *session, const QString &uuid, const QString &name);

/// Deletes `name` (with `withChildren`, its descendants too, children first). Refused with
/// the arch's reason before any libvirt call. Returns the names deleted.
QFuture<QStringList> deleteSnapshot(HostSession *session, const QString &uuid, const QString &name,
                                    bool withChildren);

} // namespace crossvirt::models
