// Migrator: one move of a VM to another host, with progress and Cancel. The blocking
// migrate call runs on a thread of its own with references to the hosts' connections, so
// the source's worker stays free for the job stats and the abort.

#include "models/connection/Datacenter.h"
#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "models/connection/WorkerJobs.h"
#include "models/migration/MigrationInternal.h"

#include <libvirt/virterror.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>
#include <atomic>
#include <functional>
#include <thread>

using namespace Qt::StringLiterals;

namespace crossvirt::models {

/// MigrationCheck.cpp: the volume behind `disk` on `conn`, by path or by pool and name.
StorageVolHandle lookupDiskVolume(virConnectPtr conn, const MigrationDisk &disk);

namespace {

struct MigratorText
{
    Q_DECLARE_TR_FUNCTIONS(Migration)
};

/// References taken on a worker, handed to the migrate thread (which drops them).
struct MigrationHandles
{
    std::shared_ptr<virConnect> source;
    std::shared_ptr<virDomain> domain;
    std::shared_ptr<virConnect> destination; ///< direct mode only
    QList<MigrationDisk> copies;             ///< the disks to copy (libvirt pre-creates them there)
};

std::shared_ptr<virConnect> refConnection(virConnectPtr conn)
{
    if (virConnectRef(conn) < 0)
        throwLastLibvirtError(MigratorText::tr("Could not hold the connection"));
    return std::shared_ptr<virConnect>(conn, [](virConnectPtr c) { virConnectClose(c); });
}

/// What the migrate thread reports.
struct MigrateOutcome
{
    bool ok = false;
    QString error;
};

MigrationProgress readJobStats(virDomainPtr dom)
{
    MigrationProgress p;
    int type = VIR_DOMAIN_JOB_NONE;
    virTypedParameterPtr params = nullptr;
    int n = 0;
    if (virDomainGetJobStats(dom, &type, &params, &n, 0) < 0) {
        virResetLastError();
        return p;
    }
    auto get = [&](const char *name, quint64 *out) {
        unsigned long long v = 0;
        if (virTypedParamsGetULLong(params, n, name, &v) == 1)
            *out = v;
    };
    get(VIR_DOMAIN_JOB_DATA_TOTAL, &p.dataTotal);
    get(VIR_DOMAIN_JOB_DATA_PROCESSED, &p.dataProcessed);
    get(VIR_DOMAIN_JOB_DATA_REMAINING, &p.dataRemaining);
    get(VIR_DOMAIN_JOB_DISK_TOTAL, &p.diskTotal);
    get(VIR_DOMAIN_JOB_DISK_REMAINING, &p.diskRemaining);
    get(VIR_DOMAIN_JOB_MEMORY_TOTAL, &p.memoryTotal);
    get(VIR_DOMAIN_JOB_MEMORY_REMAINING, &p.memoryRemaining);
    quint64 elapsed = 0;
    get(VIR_DOMAIN_JOB_TIME_ELAPSED, &elapsed);
    p.elapsedMs = qint64(elapsed);
    quint64 downtime = 0;
    if (virTypedParamsGetULLong(params, n, VIR_DOMAIN_JOB_DOWNTIME, nullptr) == 1) {
        get(VIR_DOMAIN_JOB_DOWNTIME, &downtime);
        p.downtimeMs = qint64(downtime);
    }
    virTypedParamsFree(params, n);
    return p;
}

} // namespace

struct MigratorShared
{
    QPointer<Migrator> owner;
    MigrationRequest request;
    QString vmName;
    QString sourceName, destinationName;
    QStringList disksToCopy;
    QList<MigrationDisk> copies; ///< those disks (the same path or pool volume there)
    bool running = false;        ///< the VM ran when the move began
    std::atomic<bool> cancelled{false};
    bool pollPending = false;
    MigrationProgress last;
    QElapsedTimer elapsed;
    QTimer *poll = nullptr;
    bool moving = false; ///< the migrate call was made
};

/// The steps of one move after the check, on the GUI thread.
struct MigrationFlow
{
    static void begin(Migrator *m, const std::shared_ptr<MigratorShared> &shared);
    static void run(Migrator *m, const std::shared_ptr<MigratorShared> &shared,
                    const MigrationHandles &handles);
    static void poll(Migrator *m, const std::shared_ptr<MigratorShared> &shared);
    static void done(Migrator *m, const std::shared_ptr<MigratorShared> &shared,
                     const MigrateOutcome &outcome);
    static void fail(Migrator *m, const std::shared_ptr<MigratorShared> &shared,
                     const QString &message, bool cancelled);
    /// After a failed copy-storage move (the VM still on the source): deletes the volumes
    /// libvirt pre-created on the destination for the copies, unless a VM with this UUID is
    /// there. `then` gets a sentence saying what was removed or kept.
    static void removePrecreatedCopies(Migrator *m, const std::shared_ptr<MigratorShared> &shared,
                                       const std::function<void(const QString &)> &then);
    static HostSession *session(Migrator *m, const QString &uri)
    {
        return m->m_datacenter ? m->m_datacenter->session(uri) : nullptr;
    }
};

Migrator::Migrator(Datacenter *datacenter, QObject *parent)
    : QObject(parent), m_datacenter(datacenter), m_shared(std::make_shared<MigratorShared>())
{
    m_shared->owner = this;
}

Migrator::~Migrator()
{
    // A move under way goes on without us; abort it so nothing is left half done unseen.
    if (m_running)
        cancel();
}

void Migrator::start(const MigrationRequest &request)
{
    if (m_running)
        return;
    m_running = true;
    m_shared = std::make_shared<MigratorShared>();
    m_shared->owner = this;
    m_shared->request = request;
    const auto shared = m_shared;
    auto fail = [this, shared](const QString &message, bool cancelled) {
        MigrationFlow::fail(this, shared, message, cancelled);
    };
    if (!m_datacenter) {
        fail(MigratorText::tr("The datacenter is gone"), false);
        return;
    }
    Datacenter *dc = m_datacenter.data();
    shared->sourceName = dc->displayName(request.sourceUri);
    shared->destinationName = dc->displayName(request.destinationUri);

    // 1. Re-check the destination: refuse with its reasons before libvirt is asked.
    whenFinished(
        checkMigration(dc, request.sourceUri, request.uuid, request.mode), this,
        [this, shared, fail](const MigrationCheck &check) {
            shared->vmName = check.vmName;
            shared->running = check.running;
            const MigrationTarget *target = check.find(shared->request.destinationUri);
            if (!target) {
                fail(MigratorText::tr("Cannot move “%1”: %2 is not another host of the "
                                      "datacenter")
                         .arg(check.vmName, shared->request.destinationUri),
                     false);
                return;
            }
            if (!target->possible()) {
                fail(MigratorText::tr("Cannot move “%1” to %2:\n%3")
                         .arg(check.vmName, shared->destinationName,
                              target->reasonLines().join(u'\n')),
                     false);
                return;
            }
            if (const QStringList no = migrationRequestProblems(shared->request, *target);
                !no.isEmpty()) {
                fail(MigratorText::tr("Cannot move “%1” to %2:\n%3")
                         .arg(check.vmName, shared->destinationName, no.join(u'\n')),
                     false);
                return;
            }
            if (shared->cancelled) {
                fail(MigratorText::tr("The move of “%1” was cancelled before it began; it is "
                                      "still on %2")
                         .arg(check.vmName, shared->sourceName),
                     true);
                return;
            }
            shared->disksToCopy =
                shared->request.mode.copyStorage ? target->disksToCopy : QStringList();
            MigrationFlow::begin(this, shared);
        },
        [fail](const QString &error) { fail(error, false); });
}

void Migrator::cancel()
{
    if (!m_running)
        return;
    const auto shared = m_shared;
    shared->cancelled = true;
    if (!shared->moving)
        return; // the check or the references are under way: they stop on the flag
    if (HostSession *source = MigrationFlow::session(this, shared->request.sourceUri)) {
        runOnWorker(source, [uuid = shared->request.uuid](virConnectPtr conn) {
            const DomainHandle dom(virDomainLookupByUUIDString(conn, uuid.toUtf8().constData()));
            // The migrate call returns with an error once the job is aborted.
            if (!dom || virDomainAbortJob(dom.get()) < 0)
                virResetLastError();
        });
    }
}

// ---- the steps -----------------------------------------------------------------------------

void MigrationFlow::fail(Migrator *m, const std::shared_ptr<MigratorShared> &shared,
                         const QString &message, bool cancelled)
{
    if (shared != m->m_shared || !m->m_running)
        return;
    m->m_running = false;
    if (shared->poll)
        shared->poll->stop();
    emit m->failed(message, cancelled);
}

void MigrationFlow::begin(Migrator *m, const std::shared_ptr<MigratorShared> &shared)
{
    HostSession *source = session(m, shared->request.sourceUri);
    if (!source || !session(m, shared->request.destinationUri)) {
        fail(m, shared,
             MigratorText::tr("Cannot move “%1”: a host left the datacenter").arg(shared->vmName),
             false);
        return;
    }
    auto failed = [m, shared](const QString &error) {
        fail(m, shared,
             MigratorText::tr("Could not move “%1” to %2: %3. It is still on %4.")
                 .arg(shared->vmName, shared->destinationName, error, shared->sourceName),
             false);
    };
    // References to the connections for the migrate thread.
    auto sourceRefs = runOnWorker(source, [uuid = shared->request.uuid,
                                           devs = shared->disksToCopy](virConnectPtr conn) {
        MigrationHandles h;
        h.source = refConnection(conn);
        virDomainPtr dom = virDomainLookupByUUIDString(conn, uuid.toUtf8().constData());
        if (!dom)
            throwLastLibvirtError(MigratorText::tr("Could not find the VM"));
        h.domain = std::shared_ptr<virDomain>(dom, [](virDomainPtr d) { virDomainFree(d); });
        if (!devs.isEmpty()) {
            const LibvirtString xml(virDomainGetXMLDesc(dom, 0));
            if (!xml)
                throwLastLibvirtError(MigratorText::tr("Could not read the definition of the VM"));
            for (const MigrationDisk &d :
                 parseMigrationSource(QByteArray(xml.get()), nullptr).disks) {
                if (devs.contains(d.target))
                    h.copies << d;
            }
        }
        return h;
    });
    whenFinished(
        sourceRefs, m,
        [m, shared, failed](const MigrationHandles &handles) {
            shared->copies = handles.copies;
            if (shared->request.tunnelled) {
                run(m, shared, handles);
                return;
            }
            HostSession *destination = session(m, shared->request.destinationUri);
            if (!destination) {
                failed(notConnectedText());
                return;
            }
            whenFinished(
                runOnWorker(destination, [](virConnectPtr conn) { return refConnection(conn); }), m,
                [m, shared, handles](const std::shared_ptr<virConnect> &dconn) {
                    MigrationHandles all = handles;
                    all.destination = dconn;
                    run(m, shared, all);
                },
                failed);
        },
        failed);
}

void MigrationFlow::run(Migrator *m, const std::shared_ptr<MigratorShared> &shared,
                        const MigrationHandles &handles)
{
    if (shared != m->m_shared || !m->m_running)
        return;
    if (shared->cancelled) {
        fail(m, shared,
             MigratorText::tr("The move of “%1” was cancelled before it began; it is still on %2.")
                 .arg(shared->vmName, shared->sourceName),
             true);
        return;
    }
    shared->moving = true;
    shared->elapsed.start();
    if (!shared->poll) {
        shared->poll = new QTimer(m);
        shared->poll->setInterval(500);
        QObject::connect(shared->poll, &QTimer::timeout, m, [m, shared] { poll(m, shared); });
    }
    shared->poll->start();

    const MigrationRequest request = shared->request;
    const bool running = shared->running;
    const QStringList disks = shared->disksToCopy;
    const std::weak_ptr<MigratorShared> weak = shared;
    std::thread([handles, request, running, disks, weak] {
        virTypedParameterPtr params = nullptr;
        int n = 0, max = 0;
        if (!request.tunnelled && running) {
            const QString uri =
                migrationStreamUri(request.destinationUri, request.migrationAddress);
            if (!uri.isEmpty())
                virTypedParamsAddString(&params, &n, &max, VIR_MIGRATE_PARAM_URI,
                                        uri.toUtf8().constData());
        }
        if (request.bandwidthMiBs > 0 && running)
            virTypedParamsAddULLong(&params, &n, &max, VIR_MIGRATE_PARAM_BANDWIDTH,
                                    request.bandwidthMiBs);
        for (const QString &dev : disks)
            virTypedParamsAddString(&params, &n, &max, VIR_MIGRATE_PARAM_MIGRATE_DISKS,
                                    dev.toUtf8().constData());
        const unsigned long flags =
            migrationFlags(running, request.mode.live, !disks.isEmpty(), request.tunnelled);
        MigrateOutcome outcome;
        if (request.tunnelled) {
            outcome.ok = virDomainMigrateToURI3(handles.domain.get(),
                                                request.destinationUri.toUtf8().constData(), params,
                                                n, flags) == 0;
        } else {
            virDomainPtr moved = virDomainMigrate3(handles.domain.get(), handles.destination.get(),
                                                   params, n, flags);
            outcome.ok = moved != nullptr;
            if (moved)
                virDomainFree(moved);
        }
        if (!outcome.ok) {
            const virError *err = virGetLastError();
            outcome.error = err && err->message ? QString::fromUtf8(err->message)
                                                : MigratorText::tr("libvirt gives no reason");
            virResetLastError();
        }
        virTypedParamsFree(params, n);
        // Back to the GUI thread; the Migrator may be gone by then.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [weak, outcome] {
                const auto alive = weak.lock();
                if (alive && alive->owner)
                    done(alive->owner.data(), alive, outcome);
            },
            Qt::QueuedConnection);
    }).detach();
}

void MigrationFlow::poll(Migrator *m, const std::shared_ptr<MigratorShared> &shared)
{
    HostSession *source = session(m, shared->request.sourceUri);
    if (!source || shared->pollPending || shared != m->m_shared || !m->m_running)
        return;
    shared->pollPending = true;
    whenFinished(
        runOnWorker(source,
                    [uuid = shared->request.uuid](virConnectPtr conn) {
                        const DomainHandle dom(
                            virDomainLookupByUUIDString(conn, uuid.toUtf8().constData()));
                        if (!dom) {
                            virResetLastError();
                            return MigrationProgress();
                        }
                        return readJobStats(dom.get());
                    }),
        m,
        [m, shared](const MigrationProgress &p) {
            shared->pollPending = false;
            if (shared != m->m_shared || !m->m_running)
                return;
            if (p.dataTotal == 0 && p.memoryTotal == 0 && p.diskTotal == 0)
                return; // no job yet, or already over
            shared->last = p;
            emit m->progress(p);
        },
        [shared](const QString &) { shared->pollPending = false; });
}

void MigrationFlow::done(Migrator *m, const std::shared_ptr<MigratorShared> &shared,
                         const MigrateOutcome &outcome)
{
    if (shared != m->m_shared || !m->m_running)
        return;
    if (shared->poll)
        shared->poll->stop();
    HostSession *source = session(m, shared->request.sourceUri);
    HostSession *destination = session(m, shared->request.destinationUri);
    if (outcome.ok) {
        m->m_running = false;
        if (source)
            source->refresh();
        if (destination)
            destination->refresh();
        MigrationResult result;
        result.destinationUri = shared->request.destinationUri;
        result.uuid = shared->request.uuid;
        result.name = shared->vmName;
        result.elapsedMs = shared->elapsed.elapsed();
        result.downtimeMs = shared->last.downtimeMs;
        emit m->finished(result);
        return;
    }
    // Say where the VM is now: libvirt rolls a failed move back to the source.
    const bool cancelled = shared->cancelled;
    auto report = [m, shared, outcome, cancelled](const QString &where) {
        const QString message =
            cancelled ? MigratorText::tr("The move of “%1” to %2 was cancelled. %3")
                            .arg(shared->vmName, shared->destinationName, where)
                      : MigratorText::tr("Could not move “%1” to %2: %3. %4")
                            .arg(shared->vmName, shared->destinationName, outcome.error, where);
        fail(m, shared, message, cancelled);
    };
    if (!source) {
        report(QString());
        return;
    }
    whenFinished(
        runOnWorker(source,
                    [uuid = shared->request.uuid](virConnectPtr conn) {
                        const DomainHandle dom(
                            virDomainLookupByUUIDString(conn, uuid.toUtf8().constData()));
                        int state = -1;
                        if (!dom || virDomainGetState(dom.get(), &state, nullptr, 0) < 0) {
                            virResetLastError();
                            return -1;
                        }
                        return state;
                    }),
        m,
        [m, shared, report](int state) {
            if (state >= 0 && !shared->copies.isEmpty()) {
                removePrecreatedCopies(m, shared, [report, shared, state](const QString &cleanup) {
                    const QString where =
                        state == VIR_DOMAIN_RUNNING || state == VIR_DOMAIN_PAUSED
                            ? MigratorText::tr("It is still running on %1.").arg(shared->sourceName)
                            : MigratorText::tr("It is still on %1 (not running).")
                                  .arg(shared->sourceName);
                    report(where + u' ' + cleanup);
                });
                return;
            }
            if (state == VIR_DOMAIN_RUNNING || state == VIR_DOMAIN_PAUSED)
                report(MigratorText::tr("It is still running on %1.").arg(shared->sourceName));
            else if (state >= 0)
                report(
                    MigratorText::tr("It is still on %1 (not running).").arg(shared->sourceName));
            else
                report(MigratorText::tr("It is no longer on %1: look for it on %2.")
                           .arg(shared->sourceName, shared->destinationName));
        },
        [shared, report](const QString &) {
            report(MigratorText::tr("Whether it is still on %1 is unknown: %1 does not answer.")
                       .arg(shared->sourceName));
        });
}

namespace {
QString copyLabels(const std::shared_ptr<MigratorShared> &shared)
{
    QStringList labels;
    for (const MigrationDisk &d : shared->copies)
        labels << d.label();
    return labels.join(u", "_s);
}
} // namespace

void MigrationFlow::removePrecreatedCopies(Migrator *m,
                                           const std::shared_ptr<MigratorShared> &shared,
                                           const std::function<void(const QString &)> &then)
{
    HostSession *destination = session(m, shared->request.destinationUri);
    if (!destination) {
        then(MigratorText::tr("Partial disk copies may be left on %1: %2")
                 .arg(shared->destinationName, copyLabels(shared)));
        return;
    }
    whenFinished(
        runOnWorker(destination,
                    [uuid = shared->request.uuid, copies = shared->copies](virConnectPtr conn) {
                        QStringList kept;
                        const DomainHandle there(
                            virDomainLookupByUUIDString(conn, uuid.toUtf8().constData()));
                        virResetLastError();
                        for (const MigrationDisk &disk : copies) {
                            const StorageVolHandle vol = lookupDiskVolume(conn, disk);
                            // The VM arrived after all: its disks stay.
                            if (vol && !there && virStorageVolDelete(vol.get(), 0) == 0)
                                continue;
                            virResetLastError();
                            if (vol)
                                kept << disk.label();
                        }
                        return kept;
                    }),
        m,
        [shared, then](const QStringList &kept) {
            if (kept.isEmpty())
                then(MigratorText::tr("The partial disk copies on %1 were removed.")
                         .arg(shared->destinationName));
            else
                then(MigratorText::tr("Partial disk copies are left on %1: %2")
                         .arg(shared->destinationName, kept.join(u", "_s)));
        },
        [shared, then](const QString &error) {
            then(MigratorText::tr("Partial disk copies may be left on %1 (%2): %3")
                     .arg(shared->destinationName, error, copyLabels(shared)));
        });
}

} // namespace crossvirt::models
