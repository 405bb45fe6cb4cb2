#include "models/templates/VmPools.h"

#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "models/connection/LibvirtError.h"
#include "models/connection/WorkerJobs.h"
#include "models/provisioning/NameRules.h"

#include <QHash>
#include <QLocale>
#include <QPromise>
#include <QRegularExpression>
#include <QSet>
#include <libvirt/libvirt.h>

using namespace Qt::StringLiterals;

namespace crossvirt::models {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(VmPools)
};

/// What a qcow2 overlay takes in its pool when it is made: the header, L1 and refcount
/// tables, rounded up to one MiB (a 20 GiB overlay starts at about 200 KiB). It grows as the
/// guest writes; that growth is the guest's business, as with any thin volume.
constexpr quint64 kOverlayEstimateBytes = 1024 * 1024;

/// At most this many member problems are listed; the rest are counted.
constexpr int kMaxMemberProblems = 10;

QString sizeText(quint64 bytes)
{
    return QLocale().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeTraditionalFormat);
}

/// One parsed conversion of a name pattern.
struct Conversion
{
    qsizetype start = 0; ///< index of '%'
    qsizetype end = 0;   ///< one past the conversion character
    bool zeroPad = false;
    bool leftAlign = false;
    int width = 0;
};

} // namespace

QStringList expandNamePattern(const QString &pattern, int count, int first, QString *error)
{
    auto fail = [error](const QString &text) {
        if (error)
            *error = text;
        return QStringList();
    };
    if (error)
        error->clear();
    if (count < 1)
        return fail(Text::tr("A pool needs at least one VM."));
    if (first < 0)
        return fail(Text::tr("The first number cannot be negative."));

    // Parse: literal text, "%%", and conversions "%[0|-][width]d" (also i and u).
    QList<Conversion> conversions;
    QStringList literals{QString()}; // literals[k] precedes conversions[k]
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar ch = pattern.at(i);
        if (ch != u'%') {
            literals.last() += ch;
            continue;
        }
        if (i + 1 < pattern.size() && pattern.at(i + 1) == u'%') {
            literals.last() += u'%';
            ++i;
            continue;
        }
        Conversion c;
        c.start = i;
        qsizetype j = i + 1;
        while (j < pattern.size() && (pattern.at(j) == u'0' || pattern.at(j) == u'-')) {
            if (pattern.at(j) == u'0')
                c.zeroPad = true;
            else
                c.leftAlign = true;
            ++j;
        }
        qsizetype digitsStart = j;
        while (j < pattern.size() && pattern.at(j).isDigit() && pattern.at(j).unicode() < 128)
            ++j;
        if (j > digitsStart) {
            bool ok = false;
            c.width = pattern.mid(digitsStart, j - digitsStart).toInt(&ok);
            if (!ok || c.width > 9)
                return fail(Text::tr("The number in “%1” is too wide: at most 9 digits.")
                                .arg(pattern.mid(i, j - i + 1)));
        }
        if (j >= pattern.size())
            return fail(Text::tr("The name pattern ends in an unfinished conversion “%1”.")
                            .arg(pattern.mid(i)));
        const QChar conv = pattern.at(j);
        if (conv != u'd' && conv != u'i' && conv != u'u')
            return fail(Text::tr("“%1” is not a number conversion: use %d, %02d or %3d "
                                 "(write %% for a percent sign).")
                            .arg(pattern.mid(i, j - i + 1)));
        c.end = j + 1;
        conversions << c;
        literals << QString();
        i = j;
    }
    if (conversions.isEmpty())
        return fail(Text::tr("The name pattern “%1” has no number: add %d or %02d where the "
                             "VM's number goes.")
                        .arg(pattern));
    if (conversions.size() > 1)
        return fail(Text::tr("The name pattern “%1” has %2 numbers: use exactly one.")
                        .arg(pattern)
                        .arg(conversions.size()));

    const Conversion &c = conversions.first();
    QStringList names;
    QSet<QString> seen;
    for (qint64 n = first; n < qint64(first) + count; ++n) {
        // printf never truncates: a field narrower than the number just grows.
        QString number = QString::number(n);
        if (number.size() < c.width) {
            if (c.leftAlign)
                number = number.leftJustified(c.width, u' ');
            else
                number = number.rightJustified(c.width, c.zeroPad ? u'0' : u' ');
        }
        const QString name = literals.at(0) + number + literals.at(1);
        const QStringList problems = NameRules::vmNameProblems(name);
        if (!problems.isEmpty())
            return fail(Text::tr("“%1”: %2").arg(name, problems.first()));
        if (seen.contains(name))
            return fail(Text::tr("The name pattern “%1” gives “%2” twice.").arg(pattern, name));
        seen.insert(name);
        names << name;
    }
    return names;
}

VmPoolPlan planVmPool(const TemplateInfo &tmpl, const VmPoolRequest &request,
                      const QList<PoolHostFacts> &hosts, const QStringList &existingPools)
{
    VmPoolPlan plan;
    plan.source = tmpl;
    plan.request = request;

    // The pool's own name: it is written into every member's metadata.
    static const QRegularExpression poolNameRe(u"^[A-Za-z0-9_.-]+$"_s);
    if (request.name.isEmpty())
        plan.problems << VmPoolPlan::tr("Enter a name for the pool.");
    else if (!poolNameRe.match(request.name).hasMatch() || request.name == "."_L1 ||
             request.name == ".."_L1)
        plan.problems << VmPoolPlan::tr("The pool name “%1” may only hold letters, digits, "
                                        "“-”, “_” and “.”.")
                             .arg(request.name);
    else if (request.name.toUtf8().size() > NameRules::kMaxNameBytes)
        plan.problems << VmPoolPlan::tr("The pool name is too long: at most %1 bytes.")
                             .arg(NameRules::kMaxNameBytes);
    else if (existingPools.contains(request.name))
        plan.problems << VmPoolPlan::tr("A VM pool named “%1” already exists.").arg(request.name);

    QStringList names;
    if (request.count < 1 || request.count > kMaxPoolSize) {
        plan.problems << VmPoolPlan::tr("A pool holds 1 to %1 VMs, not %2.")
                             .arg(kMaxPoolSize)
                             .arg(request.count);
    } else {
        QString error;
        names = expandNamePattern(request.namePattern, request.count, 1, &error);
        if (names.isEmpty())
            plan.problems << error;
    }

    if (!request.clusterArch.isEmpty() && request.clusterArch != tmpl.arch)
        plan.problems << VmPoolPlan::tr("The template “%1” is a %2 guest; the cluster runs %3 "
                                        "guests.")
                             .arg(tmpl.name, tmpl.arch, request.clusterArch);
    if (!plan.problems.isEmpty())
        return plan;

    // Rank the hosts for the template's arch: native first, emulated only when allowed.
    QList<arch::HostCandidate> candidates;
    QHash<QString, const PoolHostFacts *> byUri;
    for (const PoolHostFacts &h : hosts) {
        candidates << arch::HostCandidate{h.uri, h.hostArch, h.context.hostCaps};
        byUri.insert(h.uri, &h);
    }
    const QList<arch::HostPlacement> ranked =
        arch::rankHosts(tmpl.arch, candidates, request.allowEmulation);

    auto diskModeOn = [&](const QString &uri) {
        return uri == tmpl.uri ? request.diskMode : TemplateDiskMode::Copy;
    };
    auto requestFor = [&](const QString &name, const QString &uri) {
        FromTemplateRequest r;
        r.name = name;
        r.targetUri = uri;
        r.diskMode = diskModeOn(uri);
        r.vmPool = request.name;
        r.start = request.start;
        return r;
    };

    // The group used: the offered hosts of the best execution that can take a member. Each
    // offered host is checked with a trial plan of one member (names aside), so a host
    // lacking the template's machine type, firmware or room is withheld with its reason
    // rather than failing a member later. Emulating hosts are used only when no native
    // host passes.
    QList<const PoolHostFacts *> nativeHosts, emulatingHosts;
    for (const arch::HostPlacement &p : ranked) {
        const PoolHostFacts *facts = byUri.value(p.id);
        if (!p.offered) {
            plan.withheldHosts << qMakePair(p.id, p.reason);
            continue;
        }
        StorageSnapshot trialStorage = facts->storage;
        trialStorage.domainNames.clear();
        const FromTemplatePlan trial =
            planFromTemplate(tmpl, requestFor(names.first(), facts->uri), facts->context,
                             trialStorage, request.clusterArch);
        if (!trial.ok()) {
            plan.withheldHosts << qMakePair(p.id, trial.problems.join(u' '));
            continue;
        }
        (p.execution == arch::Execution::Native ? nativeHosts : emulatingHosts) << facts;
    }
    const QList<const PoolHostFacts *> group = nativeHosts.isEmpty() ? emulatingHosts : nativeHosts;
    if (!nativeHosts.isEmpty()) {
        for (const PoolHostFacts *h : std::as_const(emulatingHosts))
            plan.withheldHosts << qMakePair(
                h->uri, VmPoolPlan::tr("Emulates %1 guests; hosts that run them natively are "
                                       "used first.")
                            .arg(tmpl.arch));
    }
    if (group.isEmpty()) {
        plan.problems
            << VmPoolPlan::tr("No host of the cluster can run the template “%1”.").arg(tmpl.name);
        return plan;
    }

    // Names taken on any host the pool may use.
    QStringList taken;
    for (const QString &name : std::as_const(names)) {
        QStringList where;
        for (const PoolHostFacts *h : std::as_const(group)) {
            if (h->storage.domainNames.contains(name))
                where << h->uri;
        }
        if (!where.isEmpty())
            taken << VmPoolPlan::tr("%1 (on %2)").arg(name, where.join(u", "_s));
    }
    if (!taken.isEmpty()) {
        plan.problems
            << VmPoolPlan::tr("These names are already taken: %1.").arg(taken.join(u", "_s));
        return plan;
    }

    // Placement: each member to the host with the most free memory left.
    const qint64 perMember = qMax<qint64>(tmpl.memoryMiB, 0);
    QList<qint64> memoryLeft;
    for (const PoolHostFacts *h : std::as_const(group))
        memoryLeft << h->freeMemoryMiB;
    QList<int> hostOf;
    for (qsizetype i = 0; i < names.size(); ++i) {
        qsizetype best = 0;
        for (qsizetype k = 1; k < group.size(); ++k) {
            if (memoryLeft.at(k) > memoryLeft.at(best))
                best = k;
        }
        if (memoryLeft.at(best) < perMember) {
            qint64 free = 0;
            for (const PoolHostFacts *h : std::as_const(group))
                free += qMax<qint64>(h->freeMemoryMiB, 0);
            plan.problems << VmPoolPlan::tr(
                                 "%1 VMs of %2 MiB need %3 MiB of memory; the hosts that can "
                                 "run them have %4 MiB free (room for %5).")
                                 .arg(names.size())
                                 .arg(perMember)
                                 .arg(qint64(names.size()) * perMember)
                                 .arg(free)
                                 .arg(i);
            return plan;
        }
        memoryLeft[best] -= perMember;
        hostOf << int(best);
    }

    // Every member's own plan, and the storage each (host, pool) must hold.
    QStringList memberProblems;
    int moreProblems = 0;
    struct PoolNeed
    {
        quint64 bytes = 0;
        int vms = 0;
    };
    QMap<QPair<QString, QString>, PoolNeed> needs;
    for (qsizetype i = 0; i < names.size(); ++i) {
        const PoolHostFacts *h = group.at(hostOf.at(i));
        VmPoolMember member;
        member.name = names.at(i);
        member.hostUri = h->uri;
        member.plan = planFromTemplate(tmpl, requestFor(member.name, h->uri), h->context,
                                       h->storage, request.clusterArch);
        for (const QString &p : std::as_const(member.plan.problems)) {
            if (memberProblems.size() < kMaxMemberProblems)
                memberProblems << VmPoolPlan::tr("%1: %2").arg(member.name, p);
            else
                ++moreProblems;
        }
        QSet<QString> poolsOfMember;
        for (const FromTemplateDisk &d : std::as_const(member.plan.disks)) {
            if (d.pool.isEmpty())
                continue;
            PoolNeed &need = needs[qMakePair(h->uri, d.pool)];
            need.bytes += d.copy ? d.bytes : kOverlayEstimateBytes;
            if (!poolsOfMember.contains(d.pool)) {
                poolsOfMember.insert(d.pool);
                ++need.vms;
            }
        }
        plan.members << member;
    }
    plan.problems << memberProblems;
    if (moreProblems > 0)
        plan.problems << VmPoolPlan::tr("… and %n more.", nullptr, moreProblems);

    for (auto it = needs.cbegin(); it != needs.cend(); ++it) {
        const PoolHostFacts *h = byUri.value(it.key().first);
        const PoolContents *pool = h ? h->storage.pool(it.key().second) : nullptr;
        const quint64 available = pool ? pool->info.available : 0;
        if (it->bytes > available)
            plan.problems << VmPoolPlan::tr("Pool “%1” on %2 needs %3 for the disks of %n "
                                            "VMs; it has %4 free.",
                                            nullptr, it->vms)
                                 .arg(it.key().second, it.key().first, sizeText(it->bytes),
                                      sizeText(available));
    }
    if (!plan.ok())
        plan.members.clear();
    return plan;
}

QFuture<PoolHostFacts> loadPoolHostFacts(HostSession *session, const TemplateInfo &tmpl)
{
    auto promise = std::make_shared<QPromise<PoolHostFacts>>();
    QFuture<PoolHostFacts> future = promise->future();
    promise->start();
    auto fail = [promise](const QString &error) {
        promise->setException(std::make_exception_ptr(LibvirtError(QString(), error)));
        promise->finish();
    };
    if (!session) {
        fail(notConnectedText());
        return future;
    }
    PoolHostFacts facts;
    facts.uri = session->uri();
    facts.hostArch = session->hostInfo().arch;
    quint64 usedKiB = 0;
    for (const DomainSummary &d : session->domains()) {
        if (d.state == DomainState::Running || d.state == DomainState::Paused ||
            d.state == DomainState::Blocked || d.state == DomainState::ShuttingDown)
            usedKiB += d.memoryKiB;
    }
    const quint64 hostKiB = session->hostInfo().memoryKiB;
    facts.freeMemoryMiB = hostKiB > usedKiB ? qint64((hostKiB - usedKiB) / 1024) : 0;

    // The provider's cache outlives it in the future's job; the provider itself is only
    // needed to queue the read.
    HostChoicesProvider provider(session);
    const QPointer<HostSession> guarded(session);
    whenFinished(
        provider.guestContext(tmpl.arch, tmpl.machine, true), session,
        [promise, facts, guarded, fail](const GuestHostContext &context) {
            PoolHostFacts withContext = facts;
            withContext.context = context;
            if (!guarded) {
                fail(notConnectedText());
                return;
            }
            whenFinished(
                fetchStorage(guarded.data()), guarded.data(),
                [promise, withContext](const StorageSnapshot &storage) {
                    PoolHostFacts all = withContext;
                    all.storage = storage;
                    promise->addResult(all);
                    promise->finish();
                },
                fail);
        },
        fail);
    return future;
}

QStringList vmPoolNames(const QList<DomainSummary> &domains)
{
    QStringList names;
    for (const DomainSummary &d : domains) {
        if (!d.vmPool.isEmpty() && !names.contains(d.vmPool))
            names << d.vmPool;
    }
    names.sort();
    return names;
}

// ---------------------------------------------------------------------------------------
// VmPoolCreator

namespace {
constexpr int kDeployersPerHost = 2;
}

struct VmPoolCreator::Private
{
    enum class State
    {
        Pending,
        Running,
        Done
    };
    VmPoolCreator *q = nullptr;
    SessionLookup sessionFor;
    VmPoolPlan plan;
    QList<VmPoolMemberResult> results;
    QList<State> states;
    QHash<int, QPointer<TemplateDeployer>> deployers;
    QHash<QString, int> runningOnHost;
    int done = 0;
    bool running = false;
    bool cancelled = false;
    bool pumping = false;
    bool pumpAgain = false;

    /// Starts every pending member whose host has a free deployer slot.
    void pump();
    void launch(int index);
    void finishMember(int index, bool ok, const QString &message, const QString &uuid);
    void maybeFinish();
};

VmPoolCreator::VmPoolCreator(SessionLookup sessionFor, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    d->q = this;
    d->sessionFor = std::move(sessionFor);
}

VmPoolCreator::~VmPoolCreator()
{
    // A deployer under way goes with the creator (its destructor cleans up what it had
    // made), without reporting back to a creator that is being destroyed.
    const auto deployers = d->deployers;
    d->deployers.clear();
    for (const QPointer<TemplateDeployer> &deployer : deployers) {
        if (deployer) {
            deployer->disconnect(this);
            delete deployer.data();
        }
    }
}

bool VmPoolCreator::isRunning() const
{
    return d->running;
}

void VmPoolCreator::start(const VmPoolPlan &plan)
{
    if (d->running)
        return;
    d->plan = plan;
    d->results.clear();
    d->states.clear();
    d->deployers.clear();
    d->runningOnHost.clear();
    d->done = 0;
    d->cancelled = false;
    d->running = true;
    for (const VmPoolMember &m : std::as_const(plan.members)) {
        VmPoolMemberResult r;
        r.name = m.name;
        r.hostUri = m.hostUri;
        d->results << r;
        d->states << Private::State::Pending;
    }
    if (!plan.ok()) {
        // Nothing of a refused plan is created.
        for (qsizetype i = 0; i < d->results.size(); ++i) {
            d->results[i].message = plan.problems.join(u' ');
            d->states[i] = Private::State::Done;
        }
        d->running = false;
        emit finished(d->results);
        return;
    }
    emit progress(0, int(d->results.size()));
    d->pump();
}

void VmPoolCreator::cancel()
{
    if (!d->running || d->cancelled)
        return;
    d->cancelled = true;
    for (qsizetype i = 0; i < d->states.size(); ++i) {
        if (d->states.at(i) == Private::State::Pending)
            d->finishMember(int(i), false, tr("Cancelled before it was started."), {});
    }
    const auto deployers = d->deployers;
    for (const QPointer<TemplateDeployer> &deployer : deployers) {
        if (deployer)
            deployer->cancel();
    }
    d->maybeFinish();
}

void VmPoolCreator::Private::pump()
{
    if (pumping) {
        pumpAgain = true;
        return;
    }
    pumping = true;
    do {
        pumpAgain = false;
        for (qsizetype i = 0; i < states.size() && !cancelled; ++i) {
            if (states.at(i) != State::Pending)
                continue;
            if (runningOnHost.value(plan.members.at(i).hostUri) >= kDeployersPerHost)
                continue;
            launch(int(i));
        }
    } while (pumpAgain);
    pumping = false;
    maybeFinish();
}

void VmPoolCreator::Private::launch(int index)
{
    const VmPoolMember &member = plan.members.at(index);
    HostSession *templateHost = sessionFor ? sessionFor(plan.source.uri) : nullptr;
    HostSession *targetHost = sessionFor ? sessionFor(member.hostUri) : nullptr;
    if (!templateHost || !targetHost) {
        finishMember(index, false,
                     VmPoolCreator::tr("Not connected to %1.")
                         .arg(!templateHost ? plan.source.uri : member.hostUri),
                     {});
        return;
    }
    states[index] = State::Running;
    runningOnHost[member.hostUri] += 1;
    auto *deployer = new TemplateDeployer(templateHost, targetHost, q);
    deployers.insert(index, deployer);
    const QString host = member.hostUri;
    auto ended = [this, index, host, deployer] {
        deployers.remove(index);
        runningOnHost[host] -= 1;
        deployer->deleteLater();
    };
    QObject::connect(deployer, &TemplateDeployer::finished, q,
                     [this, index, ended](const DeployedVm &vm) {
                         ended();
                         finishMember(index, true, {}, vm.uuid);
                         pump();
                     });
    QObject::connect(deployer, &TemplateDeployer::failed, q,
                     [this, index, ended](const QString &message, bool) {
                         ended();
                         finishMember(index, false, message, {});
                         pump();
                     });
    deployer->start(member.plan);
}

void VmPoolCreator::Private::finishMember(int index, bool ok, const QString &message,
                                          const QString &uuid)
{
    if (states.at(index) == State::Done)
        return;
    states[index] = State::Done;
    VmPoolMemberResult &r = results[index];
    r.ok = ok;
    r.message = message;
    r.uuid = uuid;
    ++done;
    emit q->memberFinished(r);
    emit q->progress(done, int(results.size()));
}

void VmPoolCreator::Private::maybeFinish()
{
    if (!running || pumping || done < results.size())
        return;
    running = false;
    emit q->finished(results);
}

// ---------------------------------------------------------------------------------------
// Deleting a pool

namespace {

struct PoolVm
{
    QString uuid;
    QString name;
};

/// The VMs (never templates) whose Crossvirt metadata names `pool`, on the worker.
QList<PoolVm> listPoolVms(virConnectPtr conn, const QString &pool)
{
    virDomainPtr *domains = nullptr;
    const int n = virConnectListAllDomains(conn, &domains, 0);
    if (n < 0)
        throwLastLibvirtError(Text::tr("Could not list the VMs"));
    QList<PoolVm> out;
    for (int i = 0; i < n; ++i) {
        const DomainHandle dom(domains[i]);
        // The persistent definition carries the metadata; a transient VM has only the live.
        char *xml = virDomainGetXMLDesc(dom.get(), VIR_DOMAIN_XML_INACTIVE);
        if (!xml)
            xml = virDomainGetXMLDesc(dom.get(), 0);
        if (!xml)
            continue;
        const QByteArray bytes(xml);
        free(xml);
        const CrossvirtMetadata meta = readCrossvirtMetadata(bytes);
        if (meta.isTemplate || meta.vmPool != pool)
            continue;
        char uuid[VIR_UUID_STRING_BUFLEN] = {};
        if (virDomainGetUUIDString(dom.get(), uuid) < 0)
            continue;
        const char *name = virDomainGetName(dom.get());
        out << PoolVm{QString::fromLatin1(uuid), name ? QString::fromUtf8(name) : QString()};
    }
    free(domains);
    return out;
}

struct PoolDeletion
{
    QPointer<HostSession> session;
    QList<PoolVm> vms;
    QStringList deleted;
    QPromise<QStringList> promise;
};

void deleteNext(const std::shared_ptr<PoolDeletion> &job)
{
    if (job->vms.isEmpty() || !job->session) {
        if (!job->vms.isEmpty())
            job->promise.setException(std::make_exception_ptr(
                LibvirtError(QString(), Text::tr("The connection was closed; deleted: %1")
                                            .arg(job->deleted.join(u", "_s)))));
        else
            job->promise.addResult(job->deleted);
        job->promise.finish();
        return;
    }
    const PoolVm vm = job->vms.takeFirst();
    // deleteDomain() forces the VM off, undefines it with its NVRAM and deletes the
    // volumes behind its disks unless another VM's disk uses them. A member's disks are
    // its own overlays or copies: the template's bases are only their backing stores (and
    // the template's own disks), so they are never among them.
    whenFinished(
        job->session->deleteDomain(vm.uuid, true), job->session.data(),
        [job, vm](const QStringList &) {
            job->deleted << vm.name;
            deleteNext(job);
        },
        [job, vm](const QString &error) {
            const QString text = job->deleted.isEmpty()
                                     ? Text::tr("Could not delete “%1”: %2").arg(vm.name, error)
                                     : Text::tr("Could not delete “%1”: %2 (deleted: %3)")
                                           .arg(vm.name, error, job->deleted.join(u", "_s));
            job->promise.setException(std::make_exception_ptr(LibvirtError(QString(), text)));
            job->promise.finish();
        });
}

} // namespace

QFuture<QStringList> deleteVmPoolOnHost(HostSession *session, const QString &pool)
{
    auto job = std::make_shared<PoolDeletion>();
    job->session = session;
    QFuture<QStringList> future = job->promise.future();
    job->promise.start();
    if (!session) {
        job->promise.addResult(QStringList());
        job->promise.finish();
        return future;
    }
    whenFinished(
        runOnWorker(session, [pool](virConnectPtr conn) { return listPoolVms(conn, pool); }),
        session,
        [job](const QList<PoolVm> &vms) {
            job->vms = vms;
            deleteNext(job);
        },
        [job](const QString &error) {
            job->promise.setException(std::make_exception_ptr(LibvirtError(QString(), error)));
            job->promise.finish();
        });
    return future;
}

} // namespace crossvirt::models
