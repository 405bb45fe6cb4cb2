// The snapshot jobs on the host's worker thread (models/snapshots/Snapshots.h): read a VM's
// snapshots and the facts the arch judges them by, take, revert and delete. Every mode and
// every snapshot operation is judged by the arch class first; a refusal is thrown with
// storage::kStorageRefused before libvirt is asked to change anything.
#include "models/snapshots/Snapshots.h"

#include "arch/ArchModel.h"
#include "arch/ArchRegistry.h"
#include "arch/Capabilities.h"
#include "models/connection/LibvirtError.h"
#include "models/connection/WorkerJobs.h"
#include "models/inventory/DomainXml.h"
#include "models/snapshots/SnapshotXml.h"
#include "models/storage/StorageJobs.h"
#include "models/vmedit/VmConfig.h"

#include <QFileInfo>
#include <QSet>
#include <QXmlStreamReader>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace crossvirt::models {

namespace {

using snapshotxml::SnapshotDisk;

// lupdate and the runtime both see the context "Snapshots".
struct SnapshotText
{
    Q_DECLARE_TR_FUNCTIONS(Snapshots)
};

QByteArray utf8(const QString &s)
{
    return s.toUtf8();
}

[[noreturn]] void refuse(const QString &context, const QString &reason)
{
    throw LibvirtError(context, reason, storage::kStorageRefused);
}

/// "9.0.0" from libvirt's major * 1000000 + minor * 1000 + micro.
QString versionText(unsigned long v)
{
    return u"%1.%2.%3"_s.arg(v / 1000000).arg(v / 1000 % 1000).arg(v % 1000);
}

/// Whether the host's capabilities carry <externalSnapshot/> (libvirt >= 9.9 reverts to
/// external snapshots and says so there).
bool capabilitiesRevertExternal(virConnectPtr conn)
{
    const QString caps = takeLibvirtString(virConnectGetCapabilities(conn));
    virResetLastError();
    QXmlStreamReader xml(caps);
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == "externalSnapshot"_L1)
            return true;
    }
    return false;
}

/// The domain capabilities of the VM's own emulator, arch, machine and virt type; null on a
/// host without any (the test driver): the arch policy decides alone.
std::shared_ptr<const arch::DomainCapabilities> domainCapabilities(virConnectPtr conn,
                                                                   const VmConfig &cfg)
{
    const QByteArray emulator = utf8(cfg.emulator);
    const QByteArray archName = utf8(cfg.arch);
    const QByteArray machine = utf8(cfg.machine);
    const QByteArray virtType = utf8(arch::virtTypeName(cfg.virtType));
    const LibvirtString caps(virConnectGetDomainCapabilities(
        conn, emulator.isEmpty() ? nullptr : emulator.constData(),
        archName.isEmpty() ? nullptr : archName.constData(),
        machine.isEmpty() ? nullptr : machine.constData(), virtType.constData(), 0));
    virResetLastError();
    if (caps) {
        if (auto parsed = arch::parseDomainCapabilities(QByteArray(caps.get())))
            return std::make_shared<const arch::DomainCapabilities>(std::move(*parsed));
    }
    return nullptr;
}

/// A VM as the snapshot jobs need it: the listing the caller gets, its disks, and what
/// judged it (kept alive for the per-operation checks).
struct VmRead
{
    DomainHandle dom;
    VmSnapshots snapshots;
    QList<SnapshotDisk> disks;
    const arch::ArchModel *model = nullptr;
    std::shared_ptr<const arch::DomainCapabilities> domainCaps;
    arch::GuestContext ctx;
};

/// Volume disks get the path of their volume (where an overlay goes beside it).
void resolveVolumePaths(virConnectPtr conn, QList<SnapshotDisk> &disks)
{
    for (SnapshotDisk &d : disks) {
        if (d.type != "volume"_L1 || d.pool.isEmpty() || d.volume.isEmpty())
            continue;
        const StoragePoolHandle pool(virStoragePoolLookupByName(conn, utf8(d.pool).constData()));
        if (pool) {
            const StorageVolHandle vol(
                virStorageVolLookupByName(pool.get(), utf8(d.volume).constData()));
            if (vol)
                d.path = takeLibvirtString(virStorageVolGetPath(vol.get()));
        }
        virResetLastError();
    }
}

arch::SnapshotNodeFacts nodeFacts(const VmSnapshots &v, const SnapshotInfo &s, int childCount)
{
    arch::SnapshotNodeFacts n;
    const SnapshotInfo *parent = v.find(s.parent);
    n.parentInternal = parent && parent->location == arch::SnapshotLocation::Internal;
    n.location = s.location;
    n.withMemory = s.withMemory;
    n.childCount = childCount;
    n.isCurrent = s.isCurrent;
    for (const QString &name : v.subtree(s.name)) {
        const SnapshotInfo *d = v.find(name);
        if (d && d->name != s.name && d->location == arch::SnapshotLocation::External)
            n.externalDescendant = true;
    }
    return n;
}

/// The arch's verdicts on every snapshot. Deleting with children deletes leaves first, so
/// each descendant is judged as a leaf; one refused refuses the whole subtree.
void judgeSnapshots(VmRead &r)
{
    VmSnapshots &v = r.snapshots;
    if (!r.model) { // an arch Crossvirt has no rules for: nothing is offered
        for (SnapshotInfo &s : v.snapshots)
            s.revert = s.remove = s.removeWithChildren = v.modes.internal;
        return;
    }
    for (SnapshotInfo &s : v.snapshots) {
        const arch::SnapshotNodeFacts node = nodeFacts(v, s, int(s.children.size()));
        s.revert = r.model->snapshotRevert(r.ctx, v.facts, node);
        s.remove = r.model->snapshotDelete(r.ctx, v.facts, node, false);
        s.removeWithChildren = r.model->snapshotDelete(r.ctx, v.facts, node, true);
    }
    for (SnapshotInfo &s : v.snapshots) {
        if (!s.removeWithChildren.supported)
            continue;
        for (const QString &name : v.subtree(s.name)) {
            const SnapshotInfo *d = v.find(name);
            if (!d || d->name == s.name)
                continue;
            const arch::Operation op =
                r.model->snapshotDelete(r.ctx, v.facts, nodeFacts(v, *d, 0), false);
            if (!op.supported) {
                s.removeWithChildren = arch::Operation{
                    false, SnapshotText::tr("Its later snapshot “%1” cannot be deleted: %2")
                               .arg(name, op.reason)};
                break;
            }
        }
    }
}

void readSnapshotList(VmRead &r)
{
    virDomainSnapshotPtr *snaps = nullptr;
    const int n = virDomainListAllSnapshots(r.dom.get(), &snaps, 0);
    if (n < 0)
        throwLastLibvirtError(
            SnapshotText::tr("Reading the snapshots of “%1”").arg(r.snapshots.vmName));
    QList<SnapshotInfo> list;
    for (const DomainSnapshotHandle &snap : takeLibvirtArray<DomainSnapshotHandle>(snaps, n)) {
        const QString xml = takeLibvirtString(virDomainSnapshotGetXMLDesc(snap.get(), 0));
        if (xml.isEmpty()) {
            virResetLastError(); // deleted meanwhile
            continue;
        }
        SnapshotInfo s = snapshotxml::parseSnapshot(xml);
        if (s.name.isEmpty())
            s.name = QString::fromUtf8(virDomainSnapshotGetName(snap.get()));
        s.isCurrent = virDomainSnapshotIsCurrent(snap.get(), 0) == 1;
        virResetLastError();
        list.append(s);
    }
    r.snapshots.snapshots = snapshotxml::treeOrder(list);
    r.snapshots.current.clear();
    for (const SnapshotInfo &s : std::as_const(r.snapshots.snapshots)) {
        if (s.isCurrent)
            r.snapshots.current = s.name;
    }
    judgeSnapshots(r);
}

VmRead readVm(virConnectPtr conn, const QString &uri, const QString &uuid)
{
    VmRead r;
    r.dom.reset(virDomainLookupByUUIDString(conn, utf8(uuid).constData()));
    if (!r.dom)
        throwLastLibvirtError(SnapshotText::tr("Reading the virtual machine"));
    VmSnapshots &v = r.snapshots;
    v.uri = uri;
    v.uuid = uuid;
    v.vmName = QString::fromUtf8(virDomainGetName(r.dom.get()));
    const QString context = SnapshotText::tr("Reading the snapshots of “%1”").arg(v.vmName);
    v.running = virDomainIsActive(r.dom.get()) == 1;
    // The definition a snapshot captures: the live one while running.
    const QString xml = takeLibvirtString(virDomainGetXMLDesc(r.dom.get(), 0));
    if (xml.isEmpty())
        throwLastLibvirtError(context);
    VmConfig cfg = parseVmConfig(utf8(xml));
    cfg.running = v.running;
    v.arch = cfg.arch;
    r.disks = snapshotxml::readDisks(xml);
    resolveVolumePaths(conn, r.disks);

    arch::SnapshotFacts &f = v.facts;
    for (const SnapshotDisk &d : std::as_const(r.disks)) {
        if (!d.snapshotted())
            continue;
        f.writableDiskFormats << d.format;
        if (!d.isLocal() || d.path.isEmpty())
            f.nonFileDisks << (d.target.isEmpty() ? d.path : d.target);
    }
    unsigned long version = 0;
    if (virConnectGetLibVersion(conn, &version) < 0)
        version = 0;
    virResetLastError();
    f.hostLibvirtVersion = version ? versionText(version) : QString();
    f.hostDeletesExternal = version >= 9000000;
    f.hostRevertsExternal = version >= 9009000 || capabilitiesRevertExternal(conn);

    r.domainCaps = domainCapabilities(conn, cfg);
    r.ctx = cfg.context(r.domainCaps.get());
    r.model = arch::ArchRegistry::instance().find(cfg.arch);
    if (!r.model) {
        const arch::Operation no{
            false, SnapshotText::tr("Crossvirt has no rules for %1 guests")
                       .arg(cfg.arch.isEmpty() ? SnapshotText::tr("this") : cfg.arch)};
        v.modes.internal = v.modes.externalWithMemory = v.modes.externalDiskOnly = no;
    } else {
        v.modes = r.model->snapshotModes(r.ctx, f);
    }
    readSnapshotList(r);
    return r;
}

const SnapshotInfo &existing(const VmRead &r, const QString &name, const QString &context)
{
    const SnapshotInfo *s = r.snapshots.find(name);
    if (!s)
        refuse(context,
               SnapshotText::tr("%1 has no snapshot named “%2”").arg(r.snapshots.vmName, name));
    return *s;
}

DomainSnapshotHandle lookupSnapshot(const VmRead &r, const QString &name, const QString &context)
{
    DomainSnapshotHandle snap(
        virDomainSnapshotLookupByName(r.dom.get(), utf8(name).constData(), 0));
    if (!snap)
        throwLastLibvirtError(context);
    return snap;
}

// ---- external overlays: checked before, removed again after a failure ---------------------

/// The active storage pools whose folder is `folder` (they can see a file put there).
std::vector<StoragePoolHandle> poolsOfFolder(virConnectPtr conn, const QString &folder)
{
    std::vector<StoragePoolHandle> out;
    virStoragePoolPtr *pools = nullptr;
    const int n =
        virConnectListAllStoragePools(conn, &pools, VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE);
    for (StoragePoolHandle &pool : takeLibvirtArray<StoragePoolHandle>(pools, n)) {
        PoolInfo info;
        readPoolXml(QByteArray(LibvirtString(virStoragePoolGetXMLDesc(pool.get(), 0)).get()), info);
        if (!info.path.isEmpty() && QFileInfo(info.path).absoluteFilePath() == folder)
            out.push_back(std::move(pool));
    }
    virResetLastError();
    return out;
}

enum class FileCheck
{
    Absent,
    Present,
    Unknown, ///< no storage pool covers its folder: libvirt cannot tell
};

/// Whether `path` exists on the host, asked through the pools of its folder (refreshed).
FileCheck checkFile(virConnectPtr conn, const QString &path)
{
    const std::vector<StoragePoolHandle> pools =
        poolsOfFolder(conn, QFileInfo(path).absolutePath());
    if (pools.empty())
        return FileCheck::Unknown;
    for (const StoragePoolHandle &pool : pools)
        virStoragePoolRefresh(pool.get(), 0);
    const StorageVolHandle vol(virStorageVolLookupByPath(conn, utf8(path).constData()));
    virResetLastError();
    return vol ? FileCheck::Present : FileCheck::Absent;
}

/// Removes the files in `made` that exist now (libvirt removes its own overlays when a
/// snapshot fails; this catches what it left). Returns the ones that may still be there.
QStringList removeLeftovers(virConnectPtr conn, const QStringList &made,
                            const QStringList &unchecked)
{
    QStringList remaining = unchecked;
    for (const QString &path : made) {
        if (checkFile(conn, path) != FileCheck::Present)
            continue;
        const StorageVolHandle vol(virStorageVolLookupByPath(conn, utf8(path).constData()));
        if (!vol || virStorageVolDelete(vol.get(), 0) < 0)
            remaining << path;
        virResetLastError();
    }
    return remaining;
}

/// The folder a memory file (and overlays of disks without a folder of their own) goes to:
/// the first snapshotted file disk's.
QString firstDiskFolder(const QList<SnapshotDisk> &disks)
{
    for (const SnapshotDisk &d : disks) {
        if (d.snapshotted() && d.type != "block"_L1 && !d.path.isEmpty())
            return QFileInfo(d.path).absolutePath();
    }
    return u"/var/lib/libvirt/images"_s;
}

SnapshotInfo takeSnapshot(virConnectPtr conn, const QString &uri, const QString &uuid,
                          const SnapshotRequest &request)
{
    VmRead r = readVm(conn, uri, uuid);
    const VmSnapshots &v = r.snapshots;
    const QString name = request.name.isEmpty() ? suggestedSnapshotName(v) : request.name;
    const QString context = SnapshotText::tr("Taking snapshot “%1” of “%2”").arg(name, v.vmName);
    if (const QString problem = snapshotNameProblem(v, name); !problem.isEmpty())
        refuse(context, problem);

    const bool external = request.location == arch::SnapshotLocation::External;
    const bool withMemory = external && v.running && request.withMemory;
    const arch::Operation mode = !external    ? v.modes.internal
                                 : withMemory ? v.modes.externalWithMemory
                                              : v.modes.externalDiskOnly;
    if (!mode.supported)
        refuse(context, mode.reason);

    QList<snapshotxml::DiskSnapshotPlan> plans;
    QString memoryFile;
    QStringList newFiles;
    unsigned int flags = 0;
    if (external) {
        const QString folder = firstDiskFolder(r.disks);
        for (const SnapshotDisk &d : std::as_const(r.disks)) {
            if (d.target.isEmpty())
                continue;
            if (!d.snapshotted()) {
                plans.append({d.target, u"no"_s, {}});
                continue;
            }
            const QString dir = d.type == "block"_L1 ? folder : QFileInfo(d.path).absolutePath();
            const QString overlay = snapshotxml::overlayPath(dir, d.path, name);
            plans.append({d.target, u"external"_s, overlay});
            newFiles << overlay;
        }
        if (withMemory) {
            memoryFile = folder + u'/' + v.vmName + u'.' + name + u".mem"_s;
            newFiles << memoryFile;
        }
        flags = VIR_DOMAIN_SNAPSHOT_CREATE_ATOMIC;
        if (!withMemory)
            flags |= VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY;
    }
    // A file that is there already is refused (it may be someone's data); only files seen
    // absent now are removed again if the snapshot fails.
    QStringList absent, unchecked;
    for (const QString &path : std::as_const(newFiles)) {
        switch (checkFile(conn, path)) {
        case FileCheck::Present:
            refuse(context,
                   SnapshotText::tr("%1 already exists: a snapshot never writes over a file")
                       .arg(path));
        case FileCheck::Absent:
            absent << path;
            break;
        case FileCheck::Unknown:
            unchecked << path;
            break;
        }
    }

    const QString xml = snapshotxml::snapshotXml(name, request.description, plans, memoryFile);
    const DomainSnapshotHandle snap(
        virDomainSnapshotCreateXML(r.dom.get(), utf8(xml).constData(), flags));
    if (!snap) {
        LibvirtError error = LibvirtError::fromLastError(context);
        if (!newFiles.isEmpty()) {
            const QStringList remaining = removeLeftovers(conn, absent, unchecked);
            if (!remaining.isEmpty()) {
                error = LibvirtError(
                    context,
                    SnapshotText::tr("%1 (files of the snapshot that may remain on the host, "
                                     "if libvirt made them: %2)")
                        .arg(error.message(), remaining.join(u", "_s)),
                    error.code());
            }
        }
        throw error;
    }
    const VmRead after = readVm(conn, uri, uuid);
    if (const SnapshotInfo *made = after.snapshots.find(name))
        return *made;
    SnapshotInfo made =
        snapshotxml::parseSnapshot(takeLibvirtString(virDomainSnapshotGetXMLDesc(snap.get(), 0)));
    virResetLastError();
    return made;
}

void revertTo(virConnectPtr conn, const QString &uri, const QString &uuid, const QString &name)
{
    const VmRead r = readVm(conn, uri, uuid);
    const QString context =
        SnapshotText::tr("Reverting “%1” to snapshot “%2”").arg(r.snapshots.vmName, name);
    const SnapshotInfo &s = existing(r, name, context);
    if (!s.revert.supported)
        refuse(context, s.revert.reason);
    const DomainSnapshotHandle snap = lookupSnapshot(r, name, context);
    if (virDomainRevertToSnapshot(snap.get(), 0) == 0)
        return;
    // libvirt asks for FORCE when the snapshot's definition cannot take over the running
    // guest in place (it restarts it): the user asked for exactly that revert.
    const virError *err = virGetLastError();
    if (err && err->code == VIR_ERR_SNAPSHOT_REVERT_RISKY) {
        virResetLastError();
        if (virDomainRevertToSnapshot(snap.get(), VIR_DOMAIN_SNAPSHOT_REVERT_FORCE) == 0)
            return;
    }
    throwLastLibvirtError(context);
}

QStringList deleteSnapshots(virConnectPtr conn, const QString &uri, const QString &uuid,
                            const QString &name, bool withChildren)
{
    const VmRead r = readVm(conn, uri, uuid);
    const QString context =
        SnapshotText::tr("Deleting snapshot “%1” of “%2”").arg(name, r.snapshots.vmName);
    const SnapshotInfo &s = existing(r, name, context);
    const arch::Operation &op = withChildren ? s.removeWithChildren : s.remove;
    if (!op.supported)
        refuse(context, op.reason);
    const QStringList names = withChildren ? r.snapshots.subtree(name) : QStringList{name};
    bool anyExternal = false;
    for (const QString &n : names) {
        const SnapshotInfo *each = r.snapshots.find(n);
        anyExternal = anyExternal || (each && each->location == arch::SnapshotLocation::External);
    }
    // Internal only: libvirt deletes the subtree in one call. libvirt 9.x refuses
    // DELETE_CHILDREN for external snapshots, so those go one by one, leaves first.
    if (!anyExternal && names.size() > 1) {
        const DomainSnapshotHandle snap = lookupSnapshot(r, name, context);
        if (virDomainSnapshotDelete(snap.get(), VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN) < 0)
            throwLastLibvirtError(context);
        return names;
    }
    QStringList deleted;
    for (const QString &n : names) {
        const QString step =
            SnapshotText::tr("Deleting snapshot “%1” of “%2”").arg(n, r.snapshots.vmName);
        const DomainSnapshotHandle snap = lookupSnapshot(r, n, step);
        if (virDomainSnapshotDelete(snap.get(), 0) < 0) {
            LibvirtError error = LibvirtError::fromLastError(step);
            if (!deleted.isEmpty())
                error = LibvirtError(step,
                                     SnapshotText::tr("%1 (already deleted: %2)")
                                         .arg(error.message(), deleted.join(u", "_s)),
                                     error.code());
            throw error;
        }
        deleted << n;
    }
    return deleted;
}

} // namespace

QFuture<VmSnapshots> loadSnapshots(HostSession *session, const QString &uuid)
{
    return runOnWorker(session, [uuid, uri = session->uri()](virConnectPtr conn) {
        return readVm(conn, uri, uuid).snapshots;
    });
}

QFuture<SnapshotInfo> createSnapshot(HostSession *session, const QString &uuid,
                                     const SnapshotRequest &request)
{
    return runOnWorker(session, [uuid, request, uri = session->uri()](virConnectPtr conn) {
        return takeSnapshot(conn, uri, uuid, request);
    });
}

QFuture<void> revertSnapshot(HostSession *session, const QString &uuid, const QString &name)
{
    return runOnWorker(session, [uuid, name, uri = session->uri()](virConnectPtr conn) {
        revertTo(conn, uri, uuid, name);
    });
}

QFuture<QStringList> deleteSnapshot(HostSession *session, const QString &uuid, const QString &name,
                                    bool withChildren)
{
    return runOnWorker(session,
                       [uuid, name, withChildren, uri = session->uri()](virConnectPtr conn) {
                           return deleteSnapshots(conn, uri, uuid, name, withChildren);
                       });
}

} // namespace crossvirt::models
