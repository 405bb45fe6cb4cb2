#pragma once

// Internal to models/snapshots: the XML both ways, without libvirt. What a domain XML says
// about its disks for snapshots, a <domainsnapshot> read into a SnapshotInfo, the
// <domainsnapshot> a request becomes, and the tree order of a VM's snapshots.

#include "models/snapshots/Snapshots.h"

#include <QList>
#include <QString>

namespace crossvirt::models::snapshotxml {

/// One <disk> of a domain, as snapshots need it.
struct SnapshotDisk
{
    QString target; ///< vda
    QString device; ///< disk, cdrom, floppy, lun
    QString type;   ///< file, block, volume, network, dir
    QString format; ///< <driver type>; "raw" when not written (QEMU's default)
    QString path;   ///< <source file> or <source dev>
    QString pool;   ///< <source pool> (type volume)
    QString volume; ///< <source volume> (type volume)
    bool readOnly = false;
    bool shareable = false;
    bool transient = false;
    bool hasMedium = false; ///< a <source> is there (an empty CD-ROM has none)

    /// Part of a snapshot: a disk (not a CD-ROM) with a medium, neither read-only nor
    /// shareable nor transient. libvirt leaves the others out of snapshots too.
    bool snapshotted() const;
    /// Where its data lives on the host is a local file or block device.
    bool isLocal() const;
};

/// The disks of a domain XML, in XML order.
QList<SnapshotDisk> readDisks(const QString &domainXml);

/// Reads virDomainSnapshotGetXMLDesc's text: name, description, state, creation time,
/// parent, memory and disk locations (the embedded <domain> is skipped). `isCurrent`,
/// children and the arch's verdicts are not in the XML: the caller fills them.
SnapshotInfo parseSnapshot(const QString &xml);

/// Parents before their children, siblings by creation time (then by name, numbers
/// compared as numbers); fills each snapshot's `children` in that order. A snapshot whose
/// parent is missing counts as a root.
QList<SnapshotInfo> treeOrder(QList<SnapshotInfo> snapshots);

/// One disk of a snapshot to take.
struct DiskSnapshotPlan
{
    QString target;
    QString snapshot; ///< "internal", "external", "no"
    QString overlay;  ///< the new file (external only)
};

/// "<folder>/<disk name without its extension>.<snapshot>.qcow2".
QString overlayPath(const QString &folder, const QString &diskPath, const QString &snapshot);

/// The <domainsnapshot> for a new snapshot. `memoryFile` set: <memory snapshot='external'
/// file=...>; empty with an external disk plan: <memory snapshot='no'/>; internal: no
/// <memory> (libvirt decides: a checkpoint of a running guest, disks of a shut-off one).
QString snapshotXml(const QString &name, const QString &description,
                    const QList<DiskSnapshotPlan> &disks, const QString &memoryFile);

} // namespace crossvirt::models::snapshotxml
