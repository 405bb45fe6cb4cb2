// checkMigration(): reads the VM on its host, then asks every other host of the datacenter
// (each on its own worker, in parallel) what the judgement (MigrationJudge.cpp) needs.

#include "models/connection/Datacenter.h"
#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "models/connection/WorkerJobs.h"
#include "models/migration/MigrationInternal.h"

#include <libvirt/virterror.h>

#include <QCoreApplication>
#include <QDir>
#include <QDomDocument>
#include <QPromise>
#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace crossvirt::models {

namespace {

struct CheckText
{
    Q_DECLARE_TR_FUNCTIONS(Migration)
};

QString lastErrorMessage()
{
    const virError *err = virGetLastError();
    const QString text = err && err->message ? QString::fromUtf8(err->message) : QString();
    virResetLastError();
    return text;
}

} // namespace

StorageVolHandle lookupDiskVolume(virConnectPtr conn, const MigrationDisk &disk)
{
    if (!disk.path.isEmpty())
        return StorageVolHandle(virStorageVolLookupByPath(conn, disk.path.toUtf8().constData()));
    const StoragePoolHandle pool(virStoragePoolLookupByName(conn, disk.pool.toUtf8().constData()));
    if (!pool)
        return {};
    return StorageVolHandle(
        virStorageVolLookupByName(pool.get(), disk.volume.toUtf8().constData()));
}

namespace {

/// Runs on the source's worker.
MigrationSource readSource(virConnectPtr conn, const QString &uri, const QString &uuid)
{
    DomainHandle dom(virDomainLookupByUUIDString(conn, uuid.toUtf8().constData()));
    if (!dom)
        throwLastLibvirtError(CheckText::tr("Could not find the VM %1 on %2").arg(uuid, uri));
    int state = VIR_DOMAIN_NOSTATE;
    if (virDomainGetState(dom.get(), &state, nullptr, 0) < 0)
        throwLastLibvirtError(CheckText::tr("Could not read the state of the VM"));
    const bool running = state == VIR_DOMAIN_RUNNING || state == VIR_DOMAIN_PAUSED ||
                         state == VIR_DOMAIN_BLOCKED || state == VIR_DOMAIN_PMSUSPENDED;
    const LibvirtString xml(
        virDomainGetXMLDesc(dom.get(), running ? 0u : unsigned(VIR_DOMAIN_XML_INACTIVE)));
    if (!xml)
        throwLastLibvirtError(CheckText::tr("Could not read the definition of the VM"));
    const QByteArray capsXml = QByteArray(LibvirtString(virConnectGetCapabilities(conn)).get());
    virResetLastError();
    const std::optional<arch::HostCapabilities> caps = hypervisorCapabilities(capsXml);
    MigrationSource source = parseMigrationSource(QByteArray(xml.get()), caps ? &*caps : nullptr);
    source.uri = uri;
    source.uuid = uuid;
    source.running = running;
    if (caps) {
        source.hostCpuModel = caps->hostCpuModel;
        source.hostCpuVendor = caps->hostCpuVendor;
        source.hostCpuXml = hostCpuXml(capsXml);
    }
    return source;
}

/// libvirt's verdict on the guest's <cpu> there, and a model both hosts provide.
void compareCpu(virConnectPtr conn, const MigrationSource &source, const QByteArray &destCapsXml,
                MigrationDestination &d)
{
    const arch::CpuMode mode = source.guest.cpu.mode;
    if (mode == arch::CpuMode::HostPassthrough) {
        if (!d.hostCaps || source.hostCpuModel.isEmpty() || d.hostCaps->hostCpuModel.isEmpty())
            return;
        const bool same = source.hostCpuModel == d.hostCaps->hostCpuModel &&
                          source.hostCpuVendor == d.hostCaps->hostCpuVendor;
        d.cpu = same ? arch::CpuVerdict::Identical : arch::CpuVerdict::Incompatible;
        if (!same) {
            d.cpuDetail = CheckText::tr("%1 %2 here, %3 %4 there")
                              .arg(source.hostCpuVendor, source.hostCpuModel,
                                   d.hostCaps->hostCpuVendor, d.hostCaps->hostCpuModel)
                              .simplified();
        }
        return;
    }
    if (source.cpuXml.isEmpty() || !d.hostCaps)
        return; // no <cpu> (QEMU's default model), or the test driver
    const QByteArray arch = source.guest.arch.toUtf8();
    const QByteArray machine = source.guest.machine.toUtf8();
    const QByteArray virt = arch::virtTypeName(source.guest.virtType).toUtf8();
    const QByteArray cpu = source.cpuXml.toUtf8();
    const int r = virConnectCompareHypervisorCPU(
        conn, nullptr, arch.constData(), machine.isEmpty() ? nullptr : machine.constData(),
        virt.constData(), cpu.constData(), VIR_CONNECT_COMPARE_CPU_FAIL_INCOMPATIBLE);
    if (r == VIR_CPU_COMPARE_IDENTICAL) {
        d.cpu = arch::CpuVerdict::Identical;
    } else if (r == VIR_CPU_COMPARE_SUPERSET) {
        d.cpu = arch::CpuVerdict::Superset;
    } else {
        const virError *err = virGetLastError();
        const bool incompatible =
            r == VIR_CPU_COMPARE_INCOMPATIBLE || (err && err->code == VIR_ERR_CPU_INCOMPATIBLE);
        const QString message = lastErrorMessage();
        if (!incompatible)
            return; // unsupported (test driver) or the call failed: Unknown
        d.cpu = arch::CpuVerdict::Incompatible;
        // "the CPU is incompatible with host CPU: Host CPU does not provide required
        // features: avx512f, ...": the part after libvirt's generic prefix says what.
        const qsizetype colon = message.indexOf(u": "_s);
        d.cpuDetail = message.isEmpty() ? CheckText::tr("libvirt gives no detail")
                      : colon > 0       ? message.mid(colon + 2)
                                        : message;
        // A model both hosts' CPUs provide, as a way out.
        const QByteArray here = source.hostCpuXml.toUtf8();
        const QByteArray there = hostCpuXml(destCapsXml).toUtf8();
        if (here.isEmpty() || there.isEmpty())
            return;
        const char *cpus[] = {here.constData(), there.constData()};
        const LibvirtString baseline(virConnectBaselineHypervisorCPU(
            conn, nullptr, arch.constData(), machine.isEmpty() ? nullptr : machine.constData(),
            virt.constData(), cpus, 2, 0));
        if (!baseline) {
            virResetLastError();
            return;
        }
        QDomDocument doc;
        if (doc.setContent(QByteArray(baseline.get())))
            d.cpuSuggestion = doc.documentElement().firstChildElement(u"model"_s).text().trimmed();
    }
}

/// Runs on a destination's worker. `info`: the session's host info (GUI-thread copy).
MigrationDestination readDestination(virConnectPtr conn, const MigrationSource &source,
                                     const HostInfo &info, MigrationDestination d)
{
    const QString &guestArch = source.guest.arch;
    const QByteArray capsXml = QByteArray(LibvirtString(virConnectGetCapabilities(conn)).get());
    virResetLastError();
    d.hostCaps = hypervisorCapabilities(capsXml);
    if (d.hostCaps) {
        d.runsNatively = d.hostCaps->runsNatively(guestArch);
        d.emulates = d.hostCaps->canEmulate(guestArch);
    } else {
        d.runsNatively = info.nativeArches.contains(guestArch);
        d.emulates = info.emulatedArches.contains(guestArch);
    }

    // Domain capabilities for the guest's own machine and virt type: a failure (the
    // machine is unknown there) leaves them null; the arch judges the machine from hostCaps.
    if (d.hostCaps && d.hostCaps->canRun(guestArch)) {
        const QByteArray a = guestArch.toUtf8();
        const QByteArray m = source.guest.machine.toUtf8();
        const QByteArray v = arch::virtTypeName(source.guest.virtType).toUtf8();
        const LibvirtString xml(virConnectGetDomainCapabilities(
            conn, nullptr, a.constData(), m.isEmpty() ? nullptr : m.constData(), v.constData(), 0));
        if (xml) {
            if (auto parsed = arch::parseDomainCapabilities(QByteArray(xml.get())))
                d.domainCaps = std::make_shared<const arch::DomainCapabilities>(std::move(*parsed));
        } else {
            virResetLastError();
        }
        compareCpu(conn, source, capsXml, d);
    }

    // Networks.
    for (const QString &name : source.networks) {
        const NetworkHandle net(virNetworkLookupByName(conn, name.toUtf8().constData()));
        if (!net) {
            virResetLastError();
            d.missingNetworks << name;
        } else if (virNetworkIsActive(net.get()) != 1) {
            d.inactiveNetworks << name;
        }
    }

    // Storage: which paths are volumes there, and where its pools keep them.
    virStoragePoolPtr *pools = nullptr;
    const int n =
        virConnectListAllStoragePools(conn, &pools, VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE);
    for (const StoragePoolHandle &pool : takeLibvirtArray<StoragePoolHandle>(pools, n)) {
        const LibvirtString xml(virStoragePoolGetXMLDesc(pool.get(), 0));
        QDomDocument doc;
        if (const char *name = virStoragePoolGetName(pool.get()))
            d.poolNames << QString::fromUtf8(name);
        if (!xml || !doc.setContent(QByteArray(xml.get())))
            continue;
        const QString path = doc.documentElement()
                                 .firstChildElement(u"target"_s)
                                 .firstChildElement(u"path"_s)
                                 .text()
                                 .trimmed();
        if (!path.isEmpty())
            d.poolFolders << QDir::cleanPath(path);
    }
    virResetLastError();
    QList<MigrationDisk> all = source.disks;
    all += source.media;
    for (const MigrationDisk &disk : std::as_const(all)) {
        if (lookupDiskVolume(conn, disk))
            d.presentPaths << disk.key();
        virResetLastError();
    }

    // A VM of the same name or UUID.
    if (const DomainHandle same{
            virDomainLookupByUUIDString(conn, source.uuid.toUtf8().constData())}) {
        const char *name = virDomainGetName(same.get());
        d.uuidTakenBy = name ? QString::fromUtf8(name) : source.name;
    }
    virResetLastError();
    if (const DomainHandle same{virDomainLookupByName(conn, source.name.toUtf8().constData())})
        d.nameTakenBy = source.name;
    virResetLastError();
    return d;
}

struct CheckState
{
    QPromise<MigrationCheck> promise;
    MigrationCheck check;
    MigrationSource source;
    int pending = 0;

    void finish()
    {
        std::sort(check.targets.begin(), check.targets.end(),
                  [](const MigrationTarget &a, const MigrationTarget &b) {
                      const int c = QString::localeAwareCompare(a.displayName, b.displayName);
                      return c != 0 ? c < 0 : a.uri < b.uri;
                  });
        promise.addResult(check);
        promise.finish();
    }
};

} // namespace

QFuture<MigrationCheck> checkMigration(Datacenter *datacenter, const QString &sourceUri,
                                       const QString &uuid, const arch::MigrationMode &mode)
{
    auto state = std::make_shared<CheckState>();
    QFuture<MigrationCheck> future = state->promise.future();
    state->promise.start();
    state->check.sourceUri = sourceUri;
    state->check.uuid = uuid;
    state->check.mode = mode;
    auto fail = [state](const QString &error) {
        state->promise.setException(std::make_exception_ptr(LibvirtError(QString(), error)));
        state->promise.finish();
    };
    HostSession *sourceSession = datacenter ? datacenter->session(sourceUri) : nullptr;
    if (!sourceSession) {
        fail(CheckText::tr("%1 is not a host of this datacenter").arg(sourceUri));
        return future;
    }
    const QPointer<Datacenter> dc(datacenter);
    whenFinished(
        runOnWorker(
            sourceSession,
            [sourceUri, uuid](virConnectPtr conn) { return readSource(conn, sourceUri, uuid); }),
        datacenter,
        [state, dc, sourceUri, mode](const MigrationSource &source) {
            state->source = source;
            state->check.vmName = source.name;
            state->check.arch = source.guest.arch;
            state->check.running = source.running;
            QList<HostSession *> others;
            for (HostSession *s : dc->sessions()) {
                if (s->uri() != sourceUri)
                    others << s;
            }
            state->pending = int(others.size());
            if (others.isEmpty()) {
                state->finish();
                return;
            }
            for (HostSession *s : std::as_const(others)) {
                MigrationDestination d;
                d.uri = s->uri();
                d.displayName = dc->displayName(s->uri());
                d.connected = s->state() == ConnectionState::Connected;
                auto settle = [state, mode](const MigrationDestination &done) {
                    state->check.targets << judgeMigrationTarget(state->source, done, mode);
                    if (--state->pending == 0)
                        state->finish();
                };
                if (!d.connected) {
                    d.error = s->lastError();
                    settle(d);
                    continue;
                }
                const HostInfo info = s->hostInfo();
                whenFinished(runOnWorker(s,
                                         [source, info, d](virConnectPtr conn) {
                                             return readDestination(conn, source, info, d);
                                         }),
                             dc.data(), settle, [settle, d](const QString &error) {
                                 MigrationDestination failed = d;
                                 failed.error = error;
                                 settle(failed);
                             });
            }
        },
        fail);
    return future;
}

} // namespace crossvirt::models
