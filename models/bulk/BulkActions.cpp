#include "models/bulk/BulkActions.h"

#include "models/clone/VmClone.h"
#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "models/templates/VmTemplates.h"

#include <QCoreApplication>
#include <QHash>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace crossvirt::models {

QString bulkActionId(BulkAction action)
{
    switch (action) {
    case BulkAction::Start:
        return u"start"_s;
    case BulkAction::Shutdown:
        return u"shutdown"_s;
    case BulkAction::ForceOff:
        return u"force-off"_s;
    case BulkAction::Delete:
        return u"delete"_s;
    case BulkAction::Clone:
        return u"clone"_s;
    }
    return {};
}

QString bulkActionLabel(BulkAction action)
{
    switch (action) {
    case BulkAction::Start:
        return BulkRunner::tr("Start");
    case BulkAction::Shutdown:
        return BulkRunner::tr("Shut down");
    case BulkAction::ForceOff:
        return BulkRunner::tr("Force off");
    case BulkAction::Delete:
        return BulkRunner::tr("Delete");
    case BulkAction::Clone:
        return BulkRunner::tr("Clone");
    }
    return {};
}

struct BulkRunner::Private
{
    enum class State
    {
        Queued,
        Running,
        Done
    };
    BulkRunner *q = nullptr;
    SessionLookup sessionFor;
    BulkAction action = BulkAction::Start;
    QList<BulkTarget> targets;
    QList<BulkItemResult> results;
    QList<State> states;
    /// Per host (in first-seen order), the indexes of its targets still queued.
    QList<QString> hosts;
    QHash<QString, QList<int>> queues;
    QHash<QString, bool> hostBusy;
    /// The clones under way, by target index (cancel() cancels them).
    QHash<int, QPointer<VmCloner>> cloners;
    int done = 0;
    bool running = false;
    bool cancelled = false;

    void runNext(const QString &uri);
    void run(int index);
    void runClone(int index, HostSession *session);
    void finishItem(int index, bool ok, const QString &message);
    void maybeFinish();
};

BulkRunner::BulkRunner(SessionLookup sessionFor, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    d->q = this;
    d->sessionFor = std::move(sessionFor);
}

BulkRunner::~BulkRunner()
{
    // A clone under way goes with the runner (its destructor removes what it copied),
    // without reporting back to a runner that is being destroyed.
    const auto cloners = d->cloners;
    d->cloners.clear();
    for (const QPointer<VmCloner> &cloner : cloners) {
        if (cloner) {
            cloner->disconnect(this);
            delete cloner.data();
        }
    }
}

bool BulkRunner::isRunning() const
{
    return d->running;
}

void BulkRunner::start(BulkAction action, const QList<BulkTarget> &targets)
{
    if (d->running)
        return;
    d->action = action;
    d->targets = targets;
    d->results.clear();
    d->states.clear();
    d->hosts.clear();
    d->queues.clear();
    d->hostBusy.clear();
    d->cloners.clear();
    d->done = 0;
    d->cancelled = false;
    d->running = true;
    for (qsizetype i = 0; i < targets.size(); ++i) {
        BulkItemResult r;
        r.target = targets.at(i);
        d->results << r;
        d->states << Private::State::Queued;
        const QString &uri = targets.at(i).uri;
        if (!d->queues.contains(uri))
            d->hosts << uri;
        d->queues[uri] << int(i);
    }
    if (targets.isEmpty()) {
        d->running = false;
        emit finished(d->results);
        return;
    }
    const QStringList hosts = d->hosts;
    for (const QString &uri : hosts)
        d->runNext(uri);
}

void BulkRunner::cancel()
{
    if (!d->running || d->cancelled)
        return;
    d->cancelled = true;
    for (qsizetype i = 0; i < d->states.size(); ++i) {
        if (d->states.at(i) == Private::State::Queued)
            d->finishItem(int(i), false, tr("Cancelled"));
    }
    d->queues.clear();
    // Start, shut down, force off and delete are single libvirt calls: they end by
    // themselves. A clone copies for long: it is cancelled and removes its copies.
    const auto cloners = d->cloners;
    for (const QPointer<VmCloner> &cloner : cloners) {
        if (cloner)
            cloner->cancel();
    }
    d->maybeFinish();
}

void BulkRunner::Private::runNext(const QString &uri)
{
    if (hostBusy.value(uri))
        return;
    QList<int> &queue = queues[uri];
    if (cancelled || queue.isEmpty()) {
        maybeFinish();
        return;
    }
    const int index = queue.takeFirst();
    hostBusy[uri] = true;
    states[index] = State::Running;
    emit q->itemStarted(index);
    run(index);
}

void BulkRunner::Private::run(int index)
{
    const BulkTarget &target = targets.at(index);
    HostSession *session = sessionFor ? sessionFor(target.uri) : nullptr;
    if (!session) {
        finishItem(index, false, BulkRunner::tr("Not connected to %1.").arg(target.uri));
        return;
    }
    const std::optional<DomainSummary> summary = session->domain(target.uuid);
    const bool isTemplate = summary && summary->isTemplate;

    auto call = [this, index](QFuture<void> future, const QString &okText) {
        whenFinished(
            future, q, [this, index, okText] { finishItem(index, true, okText); },
            [this, index](const QString &error) { finishItem(index, false, error); });
    };

    switch (action) {
    case BulkAction::Start:
        if (isTemplate) {
            finishItem(
                index, false,
                BulkRunner::tr("“%1” is a template: make a VM from it instead.").arg(target.name));
            return;
        }
        call(session->startDomain(target.uuid), BulkRunner::tr("Started"));
        return;
    case BulkAction::Shutdown:
        call(session->shutdownDomain(target.uuid), BulkRunner::tr("Shutdown requested"));
        return;
    case BulkAction::ForceOff:
        call(session->forceOffDomain(target.uuid), BulkRunner::tr("Forced off"));
        return;
    case BulkAction::Delete:
        if (isTemplate) {
            // A template's volumes are the bases of the VMs made from it as overlays:
            // deleteTemplate() refuses while any VM still stands on them.
            call(deleteTemplate(session, target.uuid, true), BulkRunner::tr("Deleted"));
            return;
        }
        whenFinished(
            session->domainVolumes(target.uuid), q,
            [this, index,
             session = QPointer<HostSession>(session)](const QList<DomainVolume> &volumes) {
                if (!session) {
                    finishItem(index, false,
                               BulkRunner::tr("Not connected to %1.").arg(targets.at(index).uri));
                    return;
                }
                // The VM's own disks: never a CD-ROM's image, a read-only or shareable
                // disk, or a volume another VM uses (deleteDomain() checks that again).
                QStringList paths;
                for (const DomainVolume &v : volumes) {
                    if (v.deletable() && !v.cdrom() && !v.readOnly && !v.shareable)
                        paths << v.path;
                }
                whenFinished(
                    session->deleteDomain(targets.at(index).uuid, paths), q,
                    [this, index](const QStringList &kept) {
                        finishItem(index, true,
                                   kept.isEmpty()
                                       ? BulkRunner::tr("Deleted")
                                       : BulkRunner::tr("Deleted; %1").arg(kept.join(u"; "_s)));
                    },
                    [this, index](const QString &error) { finishItem(index, false, error); });
            },
            [this, index](const QString &error) { finishItem(index, false, error); });
        return;
    case BulkAction::Clone:
        if (isTemplate) {
            // A clone would share the template's read-only bases and carry its metadata.
            finishItem(
                index, false,
                BulkRunner::tr("“%1” is a template: make a VM from it instead.").arg(target.name));
            return;
        }
        runClone(index, session);
        return;
    }
}

void BulkRunner::Private::runClone(int index, HostSession *session)
{
    QPointer<HostSession> guarded(session);
    whenFinished(
        loadCloneSource(session, targets.at(index).uuid), q,
        [this, index, guarded](const CloneSource &source) {
            if (!guarded) {
                finishItem(index, false,
                           BulkRunner::tr("Not connected to %1.").arg(targets.at(index).uri));
                return;
            }
            if (cancelled) {
                finishItem(index, false, BulkRunner::tr("Cancelled"));
                return;
            }
            CloneRequest request;
            request.newName = suggestedCloneName(source);
            request.writableDisks = CloneDiskMode::Copy;
            const ClonePlan plan = planClone(source, request);
            if (!plan.ok()) {
                finishItem(index, false, plan.problems.join(u' '));
                return;
            }
            auto *cloner = new VmCloner(guarded.data(), q);
            cloners.insert(index, cloner);
            const QString newName = plan.newName;
            QObject::connect(cloner, &VmCloner::finished, q,
                             [this, index, cloner, newName](const CloneResult &) {
                                 cloners.remove(index);
                                 cloner->deleteLater();
                                 finishItem(index, true,
                                            BulkRunner::tr("Cloned as %1").arg(newName));
                             });
            QObject::connect(cloner, &VmCloner::failed, q,
                             [this, index, cloner](const QString &message, bool) {
                                 cloners.remove(index);
                                 cloner->deleteLater();
                                 finishItem(index, false, message);
                             });
            cloner->start(plan);
        },
        [this, index](const QString &error) { finishItem(index, false, error); });
}

void BulkRunner::Private::finishItem(int index, bool ok, const QString &message)
{
    if (states.at(index) == State::Done)
        return;
    const bool wasRunning = states.at(index) == State::Running;
    states[index] = State::Done;
    BulkItemResult &r = results[index];
    r.ok = ok;
    r.message = message;
    ++done;
    emit q->itemFinished(index, r);
    if (wasRunning) {
        const QString uri = targets.at(index).uri;
        hostBusy[uri] = false;
        runNext(uri);
    }
    maybeFinish();
}

void BulkRunner::Private::maybeFinish()
{
    if (!running || done < results.size())
        return;
    running = false;
    emit q->finished(results);
}

} // namespace crossvirt::models
