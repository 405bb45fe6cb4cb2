#include "models/storage/StorageJobs.h"

#include "models/connection/HostSession.h"
#include "models/connection/LibvirtError.h"
#include "models/connection/VolumeUsers.h"
#include "models/connection/WorkerJobs.h"
#include "models/provisioning/ProvisioningWorker.h"

#include <QCoreApplication>
#include <libvirt/virterror.h>

using namespace Qt::StringLiterals;

namespace crossvirt::models::storage {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(StorageJobs)
};

[[noreturn]] void refuse(const QString &context, const QString &reason)
{
    throw LibvirtError(context, reason, kStorageRefused);
}

[[noreturn]] void refuse(const QString &context, const QList<FieldProblem> &problems)
{
    refuse(context, problemTexts(problems).join(u' '));
}

QByteArray utf8(const QString &s)
{
    return s.toUtf8();
}

StoragePoolHandle lookupPool(virConnectPtr conn, const QString &name, const QString &context)
{
    StoragePoolHandle pool(virStoragePoolLookupByName(conn, utf8(name).constData()));
    if (!pool)
        throwLastLibvirtError(context);
    return pool;
}

StorageVolHandle lookupVolume(virStoragePoolPtr pool, const QString &name, const QString &context)
{
    StorageVolHandle vol(virStorageVolLookupByName(pool, utf8(name).constData()));
    if (!vol)
        throwLastLibvirtError(context);
    return vol;
}

QStringList poolNames(virConnectPtr conn)
{
    virStoragePoolPtr *raw = nullptr;
    const int n = virConnectListAllStoragePools(conn, &raw, 0);
    if (n < 0)
        throwLastLibvirtError(Text::tr("Could not list the storage pools"));
    QStringList names;
    for (const StoragePoolHandle &p : takeLibvirtArray<StoragePoolHandle>(raw, n))
        names << QString::fromUtf8(virStoragePoolGetName(p.get()));
    return names;
}

PoolTypeSupport poolTypes(virConnectPtr conn)
{
    PoolTypeSupport s;
    const QString xml = takeLibvirtString(virConnectGetStoragePoolCapabilities(conn, 0));
    if (!xml.isEmpty()) {
        s.types = parsePoolCapabilities(xml);
        s.fromHost = true;
        return s;
    }
    virResetLastError();
    for (const PoolTypeInfo &t : knownPoolTypes())
        s.types << t.type;
    s.note = Text::tr("This host's libvirt does not list the pool types it supports: every "
                      "type is offered, and libvirt says so when one is missing.");
    return s;
}

/// The VMs using each volume of `pool`: by volume path while it runs, and by the target
/// directory's prefix while it is stopped (its volumes cannot be listed then).
QStringList poolUsers(virConnectPtr conn, const PoolContents &pool)
{
    const QHash<QString, QStringList> users = volumeUsers(conn);
    QStringList out;
    const QString prefix = pool.info.path.endsWith(u'/') ? pool.info.path : pool.info.path + u'/';
    for (auto it = users.begin(); it != users.end(); ++it) {
        bool inPool = false;
        for (const VolumeInfo &v : pool.volumes)
            inPool = inPool || v.path == it.key();
        if (!pool.info.active && !pool.info.path.isEmpty() && it.key().startsWith(prefix))
            inPool = true;
        if (!inPool)
            continue;
        for (const QString &vm : it.value()) {
            if (!out.contains(vm))
                out << vm;
        }
    }
    out.sort();
    return out;
}

void doCreatePool(virConnectPtr conn, const PoolSpec &spec, const QString &uri, bool checkPaths)
{
    const QString context = Text::tr("Could not create the storage pool “%1”").arg(spec.name);
    const PoolTypeSupport support = poolTypes(conn);
    const QList<FieldProblem> problems = StorageRules::poolProblems(
        spec, poolNames(conn), support.fromHost ? support.types : QStringList(),
        checkPaths && isLocalUri(uri));
    if (!problems.isEmpty())
        refuse(context, problems);

    const QByteArray xml = utf8(poolXml(spec));
    StoragePoolHandle pool(virStoragePoolDefineXML(conn, xml.constData(), 0));
    if (!pool)
        throwLastLibvirtError(context);
    // From here on a failure undefines the pool again: nothing half-made stays behind.
    const auto undo = [&](const QString &step) {
        const LibvirtError error = LibvirtError::fromLastError(step);
        if (virStoragePoolIsActive(pool.get()) == 1)
            virStoragePoolDestroy(pool.get());
        const bool undefined = virStoragePoolUndefine(pool.get()) == 0;
        throw LibvirtError(
            undefined ? Text::tr("%1 (its definition was removed again, nothing was kept)")
                            .arg(error.context())
                      : Text::tr("%1 (and removing its definition failed too: delete the pool "
                                 "by hand)")
                            .arg(error.context()),
            error.message(), error.code());
    };
    const bool directoryLike =
        spec.type == "dir"_L1 || spec.type == "fs"_L1 || spec.type == "netfs"_L1;
    if (directoryLike) {
        // Creates the target directory when missing; never formats (no overwrite flags).
        if (virStoragePoolBuild(pool.get(), 0) < 0)
            undo(Text::tr("Could not build the storage pool “%1”").arg(spec.name));
    } else if (spec.buildDevice) {
        if (virStoragePoolBuild(pool.get(), VIR_STORAGE_POOL_BUILD_NO_OVERWRITE) < 0)
            undo(Text::tr("Could not initialise the device of the storage pool “%1”")
                     .arg(spec.name));
    }
    if (virStoragePoolCreate(pool.get(), 0) < 0)
        undo(Text::tr("Could not start the new storage pool “%1”").arg(spec.name));
    if (spec.autostart && virStoragePoolSetAutostart(pool.get(), 1) < 0)
        undo(Text::tr("Could not mark the new storage pool “%1” to start with the host")
                 .arg(spec.name));
}

template<typename Fn>
QFuture<void> onPool(HostSession *session, const QString &name, const QString &context, Fn fn)
{
    return runOnWorker(session, [name, context, fn](virConnectPtr conn) {
        const StoragePoolHandle pool = lookupPool(conn, name, context);
        if (fn(pool.get()) < 0)
            throwLastLibvirtError(context);
    });
}

} // namespace

bool isRefusal(const std::exception_ptr &error)
{
    try {
        std::rethrow_exception(error);
    } catch (const LibvirtError &e) {
        return e.code() == kStorageRefused;
    } catch (...) {
    }
    return false;
}

QFuture<QList<PoolContents>> readPools(HostSession *session)
{
    return runOnWorker(session, [](virConnectPtr conn) {
        virStoragePoolPtr *raw = nullptr;
        const int n = virConnectListAllStoragePools(conn, &raw, 0);
        if (n < 0)
            throwLastLibvirtError(Text::tr("Could not list the storage pools"));
        QList<PoolContents> pools;
        for (const StoragePoolHandle &p : takeLibvirtArray<StoragePoolHandle>(raw, n))
            pools << readPool(p.get());
        const QHash<QString, QStringList> users = volumeUsers(conn);
        for (PoolContents &p : pools) {
            for (VolumeInfo &v : p.volumes)
                v.usedBy = users.value(v.path);
        }
        return pools;
    });
}

QFuture<PoolTypeSupport> readPoolTypes(HostSession *session)
{
    return runOnWorker(session, [](virConnectPtr conn) { return poolTypes(conn); });
}

QFuture<void> createPool(HostSession *session, const PoolSpec &spec)
{
    return runOnWorker(session, [spec, uri = session->uri()](virConnectPtr conn) {
        doCreatePool(conn, spec, uri, true);
    });
}

QFuture<void> createDefaultPool(HostSession *session)
{
    return runOnWorker(session, [uri = session->uri()](virConnectPtr conn) {
        const PoolSpec spec = defaultPoolSpec();
        StoragePoolHandle existing(virStoragePoolLookupByName(conn, kDefaultPoolName));
        virResetLastError();
        if (!existing) {
            // The directory may not exist yet on a fresh host: building the pool makes it.
            doCreatePool(conn, spec, uri, false);
            return;
        }
        if (virStoragePoolIsActive(existing.get()) != 1 &&
            virStoragePoolCreate(existing.get(), 0) < 0)
            throwLastLibvirtError(Text::tr("Could not start the storage pool “%1”").arg(spec.name));
        if (virStoragePoolSetAutostart(existing.get(), 1) < 0)
            throwLastLibvirtError(
                Text::tr("Could not mark the storage pool “%1” to start with the host")
                    .arg(spec.name));
    });
}

QFuture<void> startPool(HostSession *session, const QString &pool)
{
    return onPool(session, pool, Text::tr("Could not start the storage pool “%1”").arg(pool),
                  [](virStoragePoolPtr p) { return virStoragePoolCreate(p, 0); });
}

QFuture<void> stopPool(HostSession *session, const QString &pool)
{
    return onPool(session, pool, Text::tr("Could not stop the storage pool “%1”").arg(pool),
                  [](virStoragePoolPtr p) { return virStoragePoolDestroy(p); });
}

QFuture<void> refreshPool(HostSession *session, const QString &pool)
{
    return onPool(session, pool, Text::tr("Could not refresh the storage pool “%1”").arg(pool),
                  [](virStoragePoolPtr p) { return virStoragePoolRefresh(p, 0); });
}

QFuture<void> setPoolAutostart(HostSession *session, const QString &pool, bool autostart)
{
    const QString context =
        autostart
            ? Text::tr("Could not mark the storage pool “%1” to start with the host").arg(pool)
            : Text::tr("Could not stop the storage pool “%1” starting with the host").arg(pool);
    return onPool(session, pool, context, [autostart](virStoragePoolPtr p) {
        return virStoragePoolSetAutostart(p, autostart ? 1 : 0);
    });
}

QFuture<void> deletePool(HostSession *session, const QString &name, bool withVolumes)
{
    return runOnWorker(session, [name, withVolumes](virConnectPtr conn) {
        const QString context = Text::tr("Could not delete the storage pool “%1”").arg(name);
        const StoragePoolHandle pool = lookupPool(conn, name, context);
        PoolContents contents = readPool(pool.get());
        const QStringList users = poolUsers(conn, contents);
        if (!users.isEmpty()) {
            refuse(context, Text::tr("its volumes are used by %1: remove those disks from the "
                                     "VMs first.")
                                .arg(users.join(u", "_s)));
        }
        if (withVolumes) {
            // The volumes can only be listed (and deleted) while the pool runs.
            if (!contents.info.active) {
                if (virStoragePoolCreate(pool.get(), 0) < 0)
                    throwLastLibvirtError(
                        Text::tr("Could not start the storage pool “%1” to delete its volumes")
                            .arg(name));
                contents = readPool(pool.get());
                const QStringList nowUsers = poolUsers(conn, contents);
                if (!nowUsers.isEmpty())
                    refuse(context, Text::tr("its volumes are used by %1: remove those disks "
                                             "from the VMs first.")
                                        .arg(nowUsers.join(u", "_s)));
            }
            int deleted = 0;
            for (const VolumeInfo &v : std::as_const(contents.volumes)) {
                const StorageVolHandle vol(
                    virStorageVolLookupByName(pool.get(), utf8(v.name).constData()));
                if (!vol || virStorageVolDelete(vol.get(), 0) < 0) {
                    throwLastLibvirtError(Text::tr("Could not delete the volume “%1” of the "
                                                   "storage pool “%2” (%n volume(s) were "
                                                   "deleted before; the pool was kept)",
                                                   nullptr, deleted)
                                              .arg(v.name, name));
                }
                ++deleted;
            }
        }
        if (virStoragePoolIsActive(pool.get()) == 1 && virStoragePoolDestroy(pool.get()) < 0)
            throwLastLibvirtError(context);
        if (withVolumes && contents.info.type == "dir"_L1 &&
            virStoragePoolDelete(pool.get(), 0) < 0)
            throwLastLibvirtError(
                Text::tr("Could not remove the directory of the storage pool “%1” (its volumes "
                         "were deleted and the pool stopped; it is still defined)")
                    .arg(name));
        if (virStoragePoolIsPersistent(pool.get()) == 1 && virStoragePoolUndefine(pool.get()) < 0)
            throwLastLibvirtError(context);
    });
}

QFuture<VolumeInfo> createVolume(HostSession *session, const VolumeSpec &spec)
{
    return runOnWorker(session, [spec](virConnectPtr conn) {
        const QString context =
            Text::tr("Could not create the volume “%1” in the storage pool “%2”")
                .arg(spec.name, spec.pool);
        const StoragePoolHandle pool = lookupPool(conn, spec.pool, context);
        const PoolContents contents = readPool(pool.get());
        const QList<FieldProblem> problems = StorageRules::volumeProblems(spec, &contents);
        if (!problems.isEmpty())
            refuse(context, problems);
        QString backingPath;
        QString backingFormat;
        if (!spec.backingVolume.isEmpty()) {
            if (const VolumeInfo *b = contents.volume(spec.backingVolume)) {
                backingPath = b->path;
                backingFormat = b->format;
            } else {
                backingPath = spec.backingVolume; // an absolute path (checked above)
                if (const StorageVolHandle vol = findVolume(conn, backingPath))
                    backingFormat = readVolume(vol.get()).format;
            }
        }
        const QByteArray xml = utf8(volumeXml(spec, backingPath, backingFormat));
        const StorageVolHandle vol(virStorageVolCreateXML(pool.get(), xml.constData(), 0));
        if (!vol)
            throwLastLibvirtError(context);
        return readVolume(vol.get());
    });
}

QFuture<void> resizeVolume(HostSession *session, const QString &poolName, const QString &name,
                           quint64 capacity)
{
    return runOnWorker(session, [poolName, name, capacity](virConnectPtr conn) {
        const QString context = Text::tr("Could not resize the volume “%1”").arg(name);
        const StoragePoolHandle pool = lookupPool(conn, poolName, context);
        const PoolContents contents = readPool(pool.get());
        const StorageVolHandle vol = lookupVolume(pool.get(), name, context);
        const QList<FieldProblem> problems =
            StorageRules::resizeProblems(readVolume(vol.get()), capacity, &contents);
        if (!problems.isEmpty())
            refuse(context, problems);
        if (virStorageVolResize(vol.get(), capacity, 0) < 0)
            throwLastLibvirtError(context);
    });
}

QFuture<VolumeInfo> cloneVolume(HostSession *session, const QString &poolName, const QString &from,
                                const QString &newName)
{
    return runOnWorker(session, [poolName, from, newName](virConnectPtr conn) {
        const QString context =
            Text::tr("Could not copy the volume “%1” to “%2”").arg(from, newName);
        const StoragePoolHandle pool = lookupPool(conn, poolName, context);
        const PoolContents contents = readPool(pool.get());
        const StorageVolHandle source = lookupVolume(pool.get(), from, context);
        const VolumeInfo info = readVolume(source.get());
        const QList<FieldProblem> problems = StorageRules::cloneProblems(info, newName, &contents);
        if (!problems.isEmpty())
            refuse(context, problems);
        VolumeSpec spec;
        spec.pool = poolName;
        spec.name = newName;
        spec.format = info.format.isEmpty() ? u"raw"_s : info.format;
        spec.capacity = info.capacity;
        const QByteArray xml = utf8(volumeXml(spec));
        const StorageVolHandle vol(
            virStorageVolCreateXMLFrom(pool.get(), xml.constData(), source.get(), 0));
        if (!vol)
            throwLastLibvirtError(context);
        return readVolume(vol.get());
    });
}

QFuture<void> deleteVolume(HostSession *session, const QString &poolName, const QString &name)
{
    return runOnWorker(session, [poolName, name](virConnectPtr conn) {
        const QString context = Text::tr("Could not delete the volume “%1”").arg(name);
        const StoragePoolHandle pool = lookupPool(conn, poolName, context);
        const StorageVolHandle vol = lookupVolume(pool.get(), name, context);
        VolumeInfo info = readVolume(vol.get());
        // Read now, whatever a list on screen showed: a VM defined since then counts too.
        info.usedBy = volumeUsers(conn).value(info.path);
        if (const QString reason = StorageRules::volumeDeleteRefusal(info); !reason.isEmpty())
            refuse(context, reason);
        if (virStorageVolDelete(vol.get(), 0) < 0)
            throwLastLibvirtError(context);
    });
}

} // namespace crossvirt::models::storage
