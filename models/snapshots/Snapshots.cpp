// The value side of models/snapshots/Snapshots.h: names, labels and the tree walks the
// Snapshots page, the Snapshot menu and `crossvirt-cli snapshot` share.
#include "models/snapshots/Snapshots.h"

#include <functional>

using namespace Qt::StringLiterals;

namespace crossvirt::models {

namespace {

// lupdate and the runtime both see the context "Snapshots".
struct SnapshotText
{
    Q_DECLARE_TR_FUNCTIONS(Snapshots)
};

} // namespace

QString SnapshotInfo::stateLabel() const
{
    if (location == arch::SnapshotLocation::External) {
        if (withMemory)
            return state == "paused"_L1 ? SnapshotText::tr("External, paused, with memory")
                                        : SnapshotText::tr("External, running, with memory");
        if (state == "shutoff"_L1)
            return SnapshotText::tr("External, shut off, disks");
        return SnapshotText::tr("External, disks only");
    }
    if (state == "running"_L1)
        return withMemory ? SnapshotText::tr("Running, with memory")
                          : SnapshotText::tr("Running, disks");
    if (state == "paused"_L1)
        return withMemory ? SnapshotText::tr("Paused, with memory")
                          : SnapshotText::tr("Paused, disks");
    if (state == "shutoff"_L1)
        return SnapshotText::tr("Shut off, disks");
    if (state == "disk-snapshot"_L1)
        return SnapshotText::tr("Disks only");
    return state; // libvirt's own word for a state Crossvirt does not know
}

const SnapshotInfo *VmSnapshots::find(const QString &name) const
{
    for (const SnapshotInfo &s : snapshots) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

QStringList VmSnapshots::subtree(const QString &name) const
{
    QStringList out;
    if (!find(name))
        return out;
    const std::function<void(const QString &)> visit = [&](const QString &n) {
        if (out.contains(n))
            return; // a parent loop in broken metadata
        const SnapshotInfo *s = find(n);
        if (s) {
            for (const QString &child : s->children) {
                if (!out.contains(child) && child != n)
                    visit(child);
            }
        }
        out.append(n);
    };
    visit(name);
    return out;
}

QString suggestedSnapshotName(const VmSnapshots &snapshots)
{
    for (int i = 1;; ++i) {
        const QString name = u"snapshot%1"_s.arg(i);
        if (!snapshots.find(name))
            return name;
    }
}

QString snapshotNameProblem(const VmSnapshots &snapshots, const QString &name)
{
    if (name.trimmed().isEmpty())
        return SnapshotText::tr("Give the snapshot a name");
    if (name.contains(u'/'))
        return SnapshotText::tr(
            "A snapshot name cannot contain “/”: it becomes part of file names");
    for (const QChar c : name) {
        if (c.category() == QChar::Other_Control)
            return SnapshotText::tr("A snapshot name cannot contain control characters");
    }
    if (name.startsWith(u'.') || name.startsWith(u'-'))
        return SnapshotText::tr("A snapshot name cannot start with “%1”").arg(name.front());
    if (snapshots.find(name))
        return SnapshotText::tr("%1 already has a snapshot named “%2”").arg(snapshots.vmName, name);
    return {};
}

} // namespace crossvirt::models
