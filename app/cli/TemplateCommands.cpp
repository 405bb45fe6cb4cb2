// crossvirt-cli clone / template / create --template / vm-pool: issue #14's operations for
// scripts, as thin clients of the same cores as the Clone dialog, the New VM wizard's
// template path and the New VM Pool dialog (models/clone/VmClone.h,
// models/templates/VmTemplates.h, models/templates/VmPools.h). Whether something may be
// made, and why not, is the plan's verdict: a refused plan is printed and nothing is
// created (exit 1). Long jobs print progress on stderr and cancel on Ctrl-C or SIGTERM,
// removing what they made (exit 130).

#include "app/cli/TemplateCommands.h"

#include "arch/Placement.h"
#include "models/clone/VmClone.h"
#include "models/cluster/ClusterStore.h"
#include "models/connection/HostSession.h"
#include "models/connection/LibvirtError.h"
#include "models/provisioning/HostChoices.h"
#include "models/provisioning/StorageInventory.h"
#include "models/storage/StorageJobs.h"
#include "models/templates/VmPools.h"
#include "models/templates/VmTemplates.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QMap>
#include <QSet>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <optional>

using namespace Qt::StringLiterals;

namespace crossvirt::cli {

using models::HostSession;
using models::TemplateInfo;

namespace {

// lupdate and the runtime both see the context "cli" for CliText::tr().
struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(cli)
};

// ---- hosts, VMs, templates and clusters ------------------------------------------------

/// The hosts a command works on: the connected ones, and how many could not be reached
/// (each reported on stderr with libvirt's message).
struct Hosts
{
    QList<HostSession *> connected;
    int unreachable = 0;

    HostSession *find(const QString &uri) const
    {
        for (HostSession *s : connected) {
            if (s->uri() == uri)
                return s;
        }
        return nullptr;
    }
};

Hosts openAll(QStringList uris, int timeoutSeconds, QObject *owner)
{
    uris.removeDuplicates();
    Hosts hosts;
    for (HostSession *s : openHosts(uris, timeoutSeconds, owner)) {
        if (const QString error = hostError(s); !error.isEmpty()) {
            printError(CliText::tr("%1: %2").arg(s->uri(), error));
            ++hosts.unreachable;
        } else {
            hosts.connected << s;
        }
    }
    return hosts;
}

/// A failed job of a host: its message printed; 1 for a refusal made before libvirt was
/// asked to change anything, 2 for libvirt's own failure.
int jobFailed(const HostSession *session, const std::exception_ptr &error)
{
    printError(CliText::tr("%1: %2").arg(session->uri(), models::errorText(error)));
    return models::storage::isRefusal(error) ? kExitRefused : kExitHostFailed;
}

/// The one match of a VM or template by name or UUID among the connected hosts. None:
/// `notFound` printed, exit 2 when a host could not be asked (it may be there), else 1.
/// Several: refused, naming the hosts.
template<typename Found>
std::optional<Found> onlyOne(const QList<Found> &found, const QString &wanted,
                             const QString &notFound, int hostsNotAsked, int *exitCode)
{
    if (found.size() == 1)
        return found.first();
    if (found.isEmpty()) {
        printError(notFound);
        *exitCode = hostsNotAsked ? kExitHostFailed : kExitRefused;
        return std::nullopt;
    }
    QStringList uris;
    for (const Found &f : found)
        uris << f.session->uri();
    printError(CliText::tr("“%1” is on several hosts (%2): choose one with --connect URI")
                   .arg(wanted, uris.join(u", "_s)));
    *exitCode = kExitRefused;
    return std::nullopt;
}

bool namesOrIs(const QString &name, const QString &uuid, const QString &wanted)
{
    return name == wanted || uuid.compare(wanted, Qt::CaseInsensitive) == 0;
}

struct FoundVm
{
    HostSession *session = nullptr;
    models::DomainSummary vm;
};

std::optional<FoundVm> findVm(const Hosts &hosts, const QString &wanted, int *exitCode)
{
    QList<FoundVm> found;
    for (HostSession *s : hosts.connected) {
        for (const models::DomainSummary &d : s->domains()) {
            if (namesOrIs(d.name, d.uuid, wanted))
                found << FoundVm{s, d};
        }
    }
    return onlyOne(
        found, wanted,
        CliText::tr("vm: there is no virtual machine “%1” on the connected hosts").arg(wanted),
        hosts.unreachable, exitCode);
}

/// Opens the command's hosts (owned by `owner`) and finds the VM `wanted` among them.
std::optional<FoundVm> openAndFindVm(const CliContext &ctx, const QString &wanted, QObject *owner,
                                     int *exitCode)
{
    return findVm(openAll(ctx.uris, ctx.timeoutSeconds, owner), wanted, exitCode);
}

struct FoundTemplate
{
    HostSession *session = nullptr;
    TemplateInfo info;
};

/// Every template of the connected hosts (a host whose templates cannot be read is
/// reported and counted in *notAsked).
QList<FoundTemplate> allTemplates(const Hosts &hosts, int *notAsked)
{
    QList<FoundTemplate> out;
    for (HostSession *s : hosts.connected) {
        try {
            for (const TemplateInfo &t : await(models::listTemplates(s)))
                out << FoundTemplate{s, t};
        } catch (...) {
            jobFailed(s, std::current_exception());
            ++*notAsked;
        }
    }
    return out;
}

std::optional<FoundTemplate> findTemplate(const Hosts &hosts, const QString &wanted, int *exitCode)
{
    int notAsked = hosts.unreachable;
    QList<FoundTemplate> found;
    for (const FoundTemplate &t : allTemplates(hosts, &notAsked)) {
        if (namesOrIs(t.info.name, t.info.uuid, wanted))
            found << t;
    }
    return onlyOne(
        found, wanted,
        CliText::tr("template: there is no template “%1” on the connected hosts").arg(wanted),
        notAsked, exitCode);
}

/// The saved cluster `wanted` (by name, case-insensitively, or id), from the clusters file
/// the GUI keeps; nullopt with the reason printed (exit 1).
std::optional<models::Cluster> findCluster(const QString &wanted, int *exitCode)
{
    *exitCode = kExitRefused;
    const models::ClusterStore store;
    const models::ClusterStore::LoadResult loaded = store.load();
    if (loaded.status == models::ClusterStore::Status::Corrupt ||
        loaded.status == models::ClusterStore::Status::Unreadable) {
        printError(loaded.error);
        return std::nullopt;
    }
    QStringList names;
    for (const models::Cluster &c : loaded.clusters) {
        names << c.name;
        if (c.name.compare(wanted, Qt::CaseInsensitive) != 0 && c.id != wanted)
            continue;
        if (c.hostUris.isEmpty()) {
            printError(CliText::tr("cluster: “%1” has no hosts").arg(c.name));
            return std::nullopt;
        }
        return c;
    }
    printError(CliText::tr("cluster: there is no cluster “%1” (saved clusters: %2)")
                   .arg(wanted, names.isEmpty() ? CliText::tr("none") : names.join(u", "_s)));
    return std::nullopt;
}

/// What planning a template's VM on a host needs: the guest context for the template's
/// arch and machine there (domain capabilities included) and the host's storage.
struct TargetFacts
{
    models::GuestHostContext context;
    models::StorageSnapshot storage;
};

std::optional<TargetFacts> readTargetFacts(HostSession *session, const TemplateInfo &tmpl,
                                           bool allowEmulation)
{
    models::HostChoicesProvider provider(session);
    try {
        TargetFacts facts;
        facts.context = await(provider.guestContext(tmpl.arch, tmpl.machine, allowEmulation));
        facts.storage = await(models::fetchStorage(session));
        return facts;
    } catch (...) {
        jobFailed(session, std::current_exception());
    }
    return std::nullopt;
}

// ---- output -----------------------------------------------------------------------------


/// Fills a listing from the connected hosts: one JSON object and one table row per entry;
/// returns how many hosts could not be read.
using CollectListing = std::function<int(const Hosts &, QJsonArray *, QList<QStringList> *)>;

/// A `list` subcommand: every host asked; a table, or JSON with --json. Exit 2 when a
/// host could not be reached or read (what the others have is still listed).
int runListing(const CliContext &ctx, const QStringList &headers, const CollectListing &collect)
{
    QCommandLineParser parser;
    const QCommandLineOption json(u"json"_s, CliText::tr("Print JSON instead of a table."));
    parser.addOption(json);
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, ctx, &exitCode))
        return exitCode;
    QObject owner;
    const Hosts hosts = openAll(ctx.uris, ctx.timeoutSeconds, &owner);
    QJsonArray out;
    QList<QStringList> rows;
    const int notRead = collect(hosts, &out, &rows);
    if (parser.isSet(json))
        printJson(out);
    else
        printTable(headers, rows);
    return hosts.unreachable + notRead ? kExitHostFailed : kExitOk;
}

/// Parses a subcommand that names one thing by its one positional argument (`template
/// delete T`): the name, or nullopt when the command must end (*exitCode set: 0 after
/// --help, 64 with `missing` printed when not exactly one name was given).
std::optional<QString> parseOneName(QCommandLineParser &parser, const CliContext &ctx,
                                    const QString &missing, int *exitCode)
{
    if (!parseCommandLine(parser, ctx, exitCode, true))
        return std::nullopt;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        printError(missing);
        *exitCode = kExitUsage;
        return std::nullopt;
    }
    return positional.first();
}

struct Subcommand
{
    QLatin1StringView name;
    int (*run)(const CliContext &);
};

/// `command SUB ...` with SUB one of `subs`; the command alone (or with an option first)
/// runs `list`, like `network` does.
int runSubcommand(const CliContext &ctx, const QString &command, const QList<Subcommand> &subs,
                  int (*list)(const CliContext &))
{
    const QString sub = ctx.arguments.value(1);
    QStringList names;
    for (const Subcommand &s : subs) {
        if (sub == s.name)
            return s.run(subcommandContext(ctx));
        names << s.name;
    }
    if (sub == "-h"_L1 || sub == "--help"_L1) {
        QCommandLineParser parser;
        int exitCode = kExitOk;
        parseCommandLine(parser, ctx, &exitCode);
        return exitCode;
    }
    if (sub.isEmpty() || sub.startsWith(u'-'))
        return list(ctx);
    return unknownSubcommand(command, sub, names.join(u", "_s));
}

QJsonObject templateJson(const TemplateInfo &t)
{
    QJsonArray disks;
    for (const models::TemplateDisk &d : t.disks) {
        disks.append(QJsonObject{{u"target"_s, d.target},
                                 {u"device"_s, d.device},
                                 {u"pool"_s, d.pool},
                                 {u"volume"_s, d.volume},
                                 {u"path"_s, d.path},
                                 {u"format"_s, d.format},
                                 {u"capacity_bytes"_s, double(d.capacity)},
                                 {u"exists"_s, d.exists}});
    }
    const models::CrossvirtMetadata &m = t.metadata;
    return QJsonObject{{u"host"_s, t.uri},
                       {u"name"_s, t.name},
                       {u"uuid"_s, t.uuid},
                       {u"arch"_s, t.arch},
                       {u"machine"_s, t.machine},
                       {u"virt_type"_s, arch::virtTypeName(t.virtType)},
                       {u"firmware"_s, t.firmware},
                       {u"vcpus"_s, t.vcpus},
                       {u"memory_mib"_s, double(t.memoryMiB)},
                       {u"description"_s, m.templateDescription},
                       {u"os"_s, m.templateOsId},
                       {u"source_vm"_s, m.templateSourceVm},
                       {u"created"_s, m.templateCreated.toString(Qt::ISODate)},
                       {u"summary"_s, t.summary},
                       {u"networks"_s, QJsonArray::fromStringList(t.nicNetworks)},
                       {u"disks"_s, disks}};
}

/// Runs a job that reports progress, finishes or fails (VmCloner, TemplateDeployer) until
/// it ends: progress on stderr, Ctrl-C/SIGTERM cancel it (it removes what it made). Returns
/// 0 after `onFinished`, 130 when cancelled, 2 when it failed (the message printed).
template<typename Job, typename Progress, typename Result>
int runJob(Job &job, void (Job::*progress)(const Progress &),
           const std::function<QString(const Progress &)> &progressText,
           void (Job::*finished)(const Result &),
           const std::function<void(const Result &)> &onFinished,
           const std::function<void()> &start)
{
    QEventLoop loop;
    ProgressLine line;
    int result = kExitOk;
    bool ended = false;
    QObject::connect(&job, progress, &loop, [&](const Progress &p) { line.show(progressText(p)); });
    QObject::connect(&job, finished, &loop, [&](const Result &r) {
        line.end();
        onFinished(r);
        ended = true;
        loop.quit();
    });
    QObject::connect(&job, &Job::failed, &loop, [&](const QString &message, bool cancelled) {
        line.end();
        printError(message);
        result = cancelled ? kExitInterrupted : kExitHostFailed;
        ended = true;
        loop.quit();
    });
    const InterruptWatch interrupts([&job] { job.cancel(); });
    start();
    if (!ended)
        loop.exec();
    return result;
}

// ---- clone ------------------------------------------------------------------------------

QString diskPlanText(const models::CloneDiskPlan &d)
{
    const QString label = models::cloneDiskModeLabel(d.mode);
    if (d.mode == models::CloneDiskMode::Copy || d.mode == models::CloneDiskMode::NewEmpty)
        return CliText::tr("%1: %2 → %3/%4").arg(d.source.target, label, d.newPool, d.newVolume);
    if (d.why.isEmpty())
        return CliText::tr("%1: %2").arg(d.source.target, label);
    return CliText::tr("%1: %2 (%3)").arg(d.source.target, label, d.why);
}

int runCloneCommand(const CliContext &ctx)
{
    QCommandLineParser parser;
    const QCommandLineOption vmOption(
        u"vm"_s, CliText::tr("The VM to clone (shut off), by name or UUID."), u"NAME"_s);
    const QCommandLineOption nameOption(
        u"name"_s, CliText::tr("Name of the clone (default: NAME-clone, or the next free one)."),
        u"NEW"_s);
    const QCommandLineOption shareOption(
        u"share-disks"_s,
        CliText::tr("The clone uses the VM's writable disks too, instead of copies."));
    const QCommandLineOption emptyOption(
        u"empty-disks"_s,
        CliText::tr("The clone gets new empty disks of the same sizes and formats."));
    const QCommandLineOption poolOption(
        u"pool"_s, CliText::tr("Storage pool of the new volumes (default: each disk's own)."),
        u"POOL"_s);
    parser.addOptions({vmOption, nameOption, shareOption, emptyOption, poolOption});
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, ctx, &exitCode))
        return exitCode;
    if (!requireOptions(parser, {u"vm"_s}))
        return kExitUsage;
    if (parser.isSet(shareOption) && parser.isSet(emptyOption)) {
        printError(CliText::tr("give only one of --share-disks and --empty-disks"));
        return kExitUsage;
    }
    QObject owner;
    const auto found = openAndFindVm(ctx, parser.value(vmOption), &owner, &exitCode);
    if (!found)
        return exitCode;
    HostSession *session = found->session;
    models::CloneSource source;
    try {
        source = await(models::loadCloneSource(session, found->vm.uuid));
    } catch (...) {
        return jobFailed(session, std::current_exception());
    }
    models::CloneRequest request;
    request.newName =
        parser.isSet(nameOption) ? parser.value(nameOption) : models::suggestedCloneName(source);
    if (parser.isSet(shareOption))
        request.writableDisks = models::CloneDiskMode::Share;
    else if (parser.isSet(emptyOption))
        request.writableDisks = models::CloneDiskMode::NewEmpty;
    request.targetPool = parser.value(poolOption);
    const models::ClonePlan plan = models::planClone(source, request);
    if (!plan.ok()) {
        for (const QString &problem : plan.problems)
            printError(CliText::tr("clone: %1").arg(problem));
        return kExitRefused;
    }
    printNote(CliText::tr("Cloning “%1” as “%2” on %3:")
                  .arg(plan.sourceName, plan.newName, session->uri()));
    for (const models::CloneDiskPlan &d : plan.disks)
        printNote(u"  "_s + diskPlanText(d));

    models::VmCloner cloner(session);
    if (const QByteArray delay = qgetenv("CROSSVIRT_TRANSFER_CHUNK_DELAY_MS"); !delay.isEmpty())
        cloner.setChunkDelayForTesting(delay.toInt()); // lets tests interrupt half way
    return runJob<models::VmCloner, models::CloneProgress, models::CloneResult>(
        cloner, &models::VmCloner::progress,
        [](const models::CloneProgress &p) { return p.text(); }, &models::VmCloner::finished,
        [&plan](const models::CloneResult &r) {
            QJsonArray disks;
            for (const models::CloneDiskPlan &d : plan.disks) {
                QJsonObject o{{u"target"_s, d.source.target},
                              {u"mode"_s, models::cloneDiskModeId(d.mode)}};
                if (!d.newVolume.isEmpty()) {
                    o.insert(u"pool"_s, d.newPool);
                    o.insert(u"volume"_s, d.newVolume);
                } else if (!d.source.path.isEmpty()) {
                    o.insert(u"path"_s, d.source.path);
                }
                disks.append(o);
            }
            QJsonObject out{{u"host"_s, r.uri},
                            {u"name"_s, r.name},
                            {u"uuid"_s, r.uuid},
                            {u"source"_s, plan.sourceName},
                            {u"macs"_s, QJsonArray::fromStringList(plan.newMacs)},
                            {u"disks"_s, disks},
                            {u"new_volumes"_s, QJsonArray::fromStringList(r.newVolumes)}};
            if (!r.nvramPath.isEmpty())
                out.insert(u"nvram"_s, r.nvramPath);
            printJson(out);
        },
        [&cloner, &plan] { cloner.start(plan); });
}

// ---- template create | list | delete ---------------------------------------------------

int runTemplateCreate(const CliContext &ctx)
{
    QCommandLineParser parser;
    const QCommandLineOption vmOption(
        u"vm"_s, CliText::tr("The shut-off VM that becomes the template, by name or UUID."),
        u"NAME"_s);
    const QCommandLineOption descriptionOption(u"description"_s,
                                               CliText::tr("What the template is for."), u"TEXT"_s);
    parser.addOptions({vmOption, descriptionOption});
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, ctx, &exitCode))
        return exitCode;
    if (!requireOptions(parser, {u"vm"_s}))
        return kExitUsage;
    QObject owner;
    const auto found = openAndFindVm(ctx, parser.value(vmOption), &owner, &exitCode);
    if (!found)
        return exitCode;
    // What the inventory already tells is refused here (exit 1), before the host is asked.
    const models::DomainSummary &vm = found->vm;
    QString refusal;
    if (models::isActive(vm.state))
        refusal = CliText::tr("“%1” is running: shut it down first, so its disks are "
                              "consistent bases");
    else if (!vm.persistent)
        refusal = CliText::tr("“%1” is transient: a template must stay defined when it is not "
                              "running");
    else if (vm.isTemplate)
        refusal = CliText::tr("“%1” already is a template");
    if (!refusal.isEmpty()) {
        printError(CliText::tr("template: %1").arg(refusal.arg(vm.name)));
        return kExitRefused;
    }
    try {
        const TemplateInfo t = await(
            models::makeTemplate(found->session, found->vm.uuid, parser.value(descriptionOption)));
        printJson(templateJson(t));
    } catch (...) {
        return jobFailed(found->session, std::current_exception());
    }
    return kExitOk;
}

int runTemplateList(const CliContext &ctx)
{
    const QStringList headers{CliText::tr("NAME"),    CliText::tr("ARCH"),
                              CliText::tr("MACHINE"), CliText::tr("DISKS"),
                              CliText::tr("HOST"),    CliText::tr("DESCRIPTION")};
    return runListing(
        ctx, headers, [](const Hosts &hosts, QJsonArray *out, QList<QStringList> *rows) {
            int notRead = 0;
            for (const FoundTemplate &f : allTemplates(hosts, &notRead)) {
                const TemplateInfo &t = f.info;
                int missing = 0;
                for (const models::TemplateDisk &d : t.disks)
                    missing += d.exists ? 0 : 1;
                const QString disks =
                    missing ? CliText::tr("%1 (%2 missing)").arg(t.disks.size()).arg(missing)
                            : QString::number(t.disks.size());
                out->append(templateJson(t));
                *rows << QStringList{t.name, t.arch, t.machine,
                                     disks,  t.uri,  t.metadata.templateDescription};
            }
            return notRead;
        });
}

int runTemplateDelete(const CliContext &ctx)
{
    QCommandLineParser parser;
    const QCommandLineOption volumesOption(u"with-volumes"_s,
                                           CliText::tr("Delete the template's base volumes too."));
    parser.addOption(volumesOption);
    parser.addPositionalArgument(u"TEMPLATE"_s, CliText::tr("The template, by name or UUID."));
    int exitCode = kExitOk;
    const auto wanted = parseOneName(
        parser, ctx, CliText::tr("template delete: give one template, by name or UUID"), &exitCode);
    if (!wanted)
        return exitCode;
    QObject owner;
    const Hosts hosts = openAll(ctx.uris, ctx.timeoutSeconds, &owner);
    const auto found = findTemplate(hosts, *wanted, &exitCode);
    if (!found)
        return exitCode;
    const bool withVolumes = parser.isSet(volumesOption);
    try {
        await(models::deleteTemplate(found->session, found->info.uuid, withVolumes));
    } catch (...) {
        return jobFailed(found->session, std::current_exception());
    }
    QJsonArray volumes;
    for (const models::TemplateDisk &d : found->info.disks) {
        if (withVolumes && !d.volume.isEmpty())
            volumes.append(d.path);
    }
    printJson(QJsonObject{{u"host"_s, found->session->uri()},
                          {u"name"_s, found->info.name},
                          {u"uuid"_s, found->info.uuid},
                          {u"deleted"_s, true},
                          {u"deleted_volumes"_s, volumes}});
    return kExitOk;
}

int runTemplateCommand(const CliContext &ctx)
{
    return runSubcommand(ctx, u"template"_s,
                         {{"create"_L1, runTemplateCreate},
                          {"list"_L1, runTemplateList},
                          {"delete"_L1, runTemplateDelete}},
                         runTemplateList);
}

// ---- create --template ------------------------------------------------------------------

QString deployProgressText(const models::DeployProgress &p)
{
    if (p.bytesTotal == 0)
        return p.step;
    const QLocale locale;
    return CliText::tr("%1: %2 of %3")
        .arg(p.step, locale.formattedDataSize(qint64(p.bytesDone)),
             locale.formattedDataSize(qint64(p.bytesTotal)));
}

/// Where a VM from a template goes.
struct Target
{
    HostSession *session = nullptr;
    /// False when no host of the cluster can run the template: `session` is then its first
    /// connected host, planned on for the planner's own reasons (another arch than the
    /// cluster's), and `withheld` says why each host was passed over.
    bool offered = true;
    QStringList withheld;
};

/// --host, else the first host of --cluster that placement offers (native first; emulated
/// only where the cluster allows it; for `overlays` the template's own host within that
/// rank), else the template's own host. nullopt with *exitCode set when there is none.
std::optional<Target> chooseTarget(const Hosts &hosts, const FoundTemplate &tmpl,
                                   const QString &hostUri,
                                   const std::optional<models::Cluster> &cluster, bool overlays,
                                   int *exitCode)
{
    Target target;
    if (!hostUri.isEmpty()) {
        target.session = hosts.find(hostUri);
        if (!target.session) {
            printError(CliText::tr("host: %1 is not connected").arg(hostUri));
            *exitCode = kExitHostFailed;
            return std::nullopt;
        }
        return target;
    }
    if (!cluster) {
        target.session = tmpl.session;
        return target;
    }
    QList<arch::HostCandidate> candidates;
    for (const QString &uri : cluster->hostUris) {
        HostSession *s = hosts.find(uri);
        if (!s)
            continue; // reported when it failed to connect
        models::HostChoicesProvider provider(s);
        try {
            candidates << arch::HostCandidate{uri, s->hostInfo().arch,
                                              await(provider.hostCapabilities())};
        } catch (...) {
            jobFailed(s, std::current_exception());
        }
    }
    if (candidates.isEmpty()) {
        printError(CliText::tr("cluster: no host of “%1” is connected").arg(cluster->name));
        *exitCode = kExitHostFailed;
        return std::nullopt;
    }
    const QList<arch::HostPlacement> ranked =
        arch::rankHosts(tmpl.info.arch, candidates, cluster->allowEmulation);
    const QList<arch::HostPlacement> offered = arch::offeredPlacements(ranked);
    for (const arch::HostPlacement &p : ranked) {
        if (!p.offered)
            target.withheld << CliText::tr("%1: %2").arg(p.id, p.reason);
    }
    if (offered.isEmpty()) {
        target.session = hosts.find(candidates.first().id);
        target.offered = false;
        return target;
    }
    // Overlays stand on the template's volumes: its own host, when it is as good as the
    // first (same native or emulated rank), rather than a refusal on another.
    target.session = hosts.find(offered.first().id);
    for (const arch::HostPlacement &p : offered) {
        if (overlays && p.execution == offered.first().execution && p.id == tmpl.session->uri())
            target.session = tmpl.session;
    }
    return target;
}

int createFromTemplate(const QCommandLineParser &parser, const CliContext &ctx)
{
    if (!requireOptions(parser, {u"name"_s}))
        return kExitUsage;
    if (parser.isSet(u"host"_s) && parser.isSet(u"cluster"_s)) {
        printError(CliText::tr("give only one of --host and --cluster"));
        return kExitUsage;
    }
    int exitCode = kExitOk;
    std::optional<models::Cluster> cluster;
    if (parser.isSet(u"cluster"_s)) {
        cluster = findCluster(parser.value(u"cluster"_s), &exitCode);
        if (!cluster)
            return exitCode;
    }
    QStringList uris = ctx.uris;
    if (parser.isSet(u"host"_s))
        uris << parser.value(u"host"_s);
    if (cluster)
        uris << cluster->hostUris;
    QObject owner;
    const Hosts hosts = openAll(uris, ctx.timeoutSeconds, &owner);
    const auto tmpl = findTemplate(hosts, parser.value(u"template"_s), &exitCode);
    if (!tmpl)
        return exitCode;
    const bool overlays = !parser.isSet(u"copy-disks"_s);
    const auto chosen =
        chooseTarget(hosts, *tmpl, parser.value(u"host"_s), cluster, overlays, &exitCode);
    if (!chosen)
        return exitCode;
    HostSession *target = chosen->session;
    const bool allowEmulation = cluster ? cluster->allowEmulation : true;
    const auto facts = readTargetFacts(target, tmpl->info, allowEmulation);
    if (!facts)
        return kExitHostFailed;
    models::FromTemplateRequest request;
    request.name = parser.value(u"name"_s);
    request.targetUri = target->uri();
    request.diskMode =
        overlays ? models::TemplateDiskMode::Overlay : models::TemplateDiskMode::Copy;
    request.targetPool = parser.value(u"pool"_s);
    request.start = parser.isSet(u"start"_s);
    const models::FromTemplatePlan plan = models::planFromTemplate(
        tmpl->info, request, facts->context, facts->storage, cluster ? cluster->arch : QString());
    if (!plan.ok() || !chosen->offered) {
        for (const QString &problem : plan.problems)
            printError(CliText::tr("template: %1").arg(problem));
        for (const QString &reason : chosen->withheld)
            printError(CliText::tr("cluster: %1").arg(reason));
        if (overlays && chosen->offered && target != tmpl->session)
            printNote(CliText::tr("Overlays are made on the template's host (%1) only; "
                                  "--copy-disks copies its disks to another host.")
                          .arg(tmpl->session->uri()));
        return kExitRefused;
    }
    QJsonObject out{{u"host"_s, target->uri()},
                    {u"name"_s, request.name},
                    {u"template"_s, tmpl->info.name},
                    {u"template_host"_s, tmpl->session->uri()},
                    {u"arch"_s, tmpl->info.arch},
                    {u"virt_type"_s, arch::virtTypeName(plan.virtType)},
                    {u"disk_mode"_s, models::templateDiskModeId(request.diskMode)}};
    if (cluster)
        out.insert(u"cluster"_s, cluster->name);
    if (parser.isSet(u"dry-run"_s)) {
        out.insert(u"dry_run"_s, true);
        out.insert(u"domain_xml"_s, plan.domainXml);
        printJson(out);
        return kExitOk;
    }
    models::TemplateDeployer deployer(tmpl->session, target);
    return runJob<models::TemplateDeployer, models::DeployProgress, models::DeployedVm>(
        deployer, &models::TemplateDeployer::progress, deployProgressText,
        &models::TemplateDeployer::finished,
        [&out](const models::DeployedVm &vm) {
            out.insert(u"uuid"_s, vm.uuid);
            out.insert(u"started"_s, vm.started);
            out.insert(u"volumes"_s, QJsonArray::fromStringList(vm.volumes));
            printJson(out);
        },
        [&deployer, &plan] { deployer.start(plan); });
}

// ---- vm-pool create | delete | list -----------------------------------------------------

/// The VM pools of the connected hosts: pool name -> its VMs (host and summary).
QMap<QString, QList<FoundVm>> vmPools(const Hosts &hosts)
{
    QMap<QString, QList<FoundVm>> pools;
    for (HostSession *s : hosts.connected) {
        for (const models::DomainSummary &d : s->domains()) {
            if (!d.vmPool.isEmpty())
                pools[d.vmPool] << FoundVm{s, d};
        }
    }
    return pools;
}

int runVmPoolCreate(const CliContext &ctx)
{
    QCommandLineParser parser;
    parser.addOption({u"template"_s, CliText::tr("The template, by name or UUID."), u"T"_s});
    parser.addOption(
        {u"count"_s, CliText::tr("How many VMs (1 to %1).").arg(models::kMaxPoolSize), u"N"_s});
    parser.addOption(
        {u"name-pattern"_s,
         CliText::tr(
             "The VMs' names, with one number conversion: web-%02d gives web-01, web-02..."),
         u"PATTERN"_s});
    parser.addOption({u"name"_s, CliText::tr("The pool's name."), u"POOL"_s});
    parser.addOption(
        {u"cluster"_s,
         CliText::tr("Spread the VMs over this cluster's hosts (default: every connected host)."),
         u"C"_s});
    parser.addOption(
        {u"copy-disks"_s,
         CliText::tr("Full copies of the template's disks, also on its own host (other hosts "
                     "always get copies; default there: qcow2 overlays).")});
    parser.addOption({u"start"_s, CliText::tr("Start each VM once it is made.")});
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, ctx, &exitCode))
        return exitCode;
    if (!requireOptions(parser, {u"template"_s, u"count"_s, u"name-pattern"_s, u"name"_s}))
        return kExitUsage;
    bool number = false;
    const int count = parser.value(u"count"_s).toInt(&number);
    if (!number) {
        printError(
            CliText::tr("--count needs a whole number, not “%1”").arg(parser.value(u"count"_s)));
        return kExitUsage;
    }
    // A pattern that cannot name the VMs is refused before any host is asked.
    QString patternError;
    if (models::expandNamePattern(parser.value(u"name-pattern"_s), qMax(count, 1), 1, &patternError)
            .isEmpty()) {
        printError(CliText::tr("name pattern: %1").arg(patternError));
        return kExitRefused;
    }
    std::optional<models::Cluster> cluster;
    if (parser.isSet(u"cluster"_s)) {
        cluster = findCluster(parser.value(u"cluster"_s), &exitCode);
        if (!cluster)
            return exitCode;
    }
    QObject owner;
    const Hosts hosts = openAll(ctx.uris + (cluster ? cluster->hostUris : QStringList()),
                                ctx.timeoutSeconds, &owner);
    const auto tmpl = findTemplate(hosts, parser.value(u"template"_s), &exitCode);
    if (!tmpl)
        return exitCode;
    QList<models::PoolHostFacts> facts;
    QList<models::DomainSummary> allVms;
    int notRead = hosts.unreachable;
    for (HostSession *s : hosts.connected) {
        allVms << s->domains();
        if (cluster && !cluster->hostUris.contains(s->uri()))
            continue;
        try {
            facts << await(models::loadPoolHostFacts(s, tmpl->info));
        } catch (...) {
            jobFailed(s, std::current_exception()); // the pool goes to the other hosts
            ++notRead;
        }
    }
    models::VmPoolRequest request;
    request.name = parser.value(u"name"_s);
    request.namePattern = parser.value(u"name-pattern"_s);
    request.count = count;
    request.diskMode = parser.isSet(u"copy-disks"_s) ? models::TemplateDiskMode::Copy
                                                     : models::TemplateDiskMode::Overlay;
    request.clusterArch = cluster ? cluster->arch : QString();
    request.allowEmulation = cluster ? cluster->allowEmulation : true;
    request.start = parser.isSet(u"start"_s);
    const models::VmPoolPlan plan =
        models::planVmPool(tmpl->info, request, facts, models::vmPoolNames(allVms));
    if (!plan.ok()) {
        for (const QString &problem : plan.problems)
            printError(CliText::tr("pool: %1").arg(problem));
        for (const auto &[uri, reason] : plan.withheldHosts)
            printError(CliText::tr("pool: %1: %2").arg(uri, reason));
        // No host to plan on because hosts failed: a host failure, not a refusal.
        return facts.isEmpty() && notRead ? kExitHostFailed : kExitRefused;
    }
    for (const auto &[uri, reason] : plan.withheldHosts)
        printNote(CliText::tr("Not used: %1: %2").arg(uri, reason));
    printNote(CliText::tr("Creating %n VM(s) of pool “%1” from template “%2”:", nullptr,
                          int(plan.members.size()))
                  .arg(request.name, tmpl->info.name));

    models::VmPoolCreator creator([&hosts](const QString &uri) { return hosts.find(uri); });
    QEventLoop loop;
    QList<models::VmPoolMemberResult> results;
    bool ended = false;
    bool interrupted = false;
    QObject::connect(
        &creator, &models::VmPoolCreator::memberFinished, &loop,
        [](const models::VmPoolMemberResult &r) {
            printNote(
                r.ok ? CliText::tr("  %1 on %2: made").arg(r.name, r.hostUri)
                     : CliText::tr("  %1 on %2: failed: %3").arg(r.name, r.hostUri, r.message));
        });
    QObject::connect(&creator, &models::VmPoolCreator::finished, &loop,
                     [&](const QList<models::VmPoolMemberResult> &all) {
                         results = all;
                         ended = true;
                         loop.quit();
                     });
    const InterruptWatch interrupts([&] {
        interrupted = true;
        creator.cancel();
    });
    creator.start(plan);
    if (!ended)
        loop.exec();
    QJsonArray members;
    int made = 0;
    for (const models::VmPoolMemberResult &r : std::as_const(results)) {
        QJsonObject o{{u"name"_s, r.name}, {u"host"_s, r.hostUri}, {u"ok"_s, r.ok}};
        if (r.ok)
            o.insert(u"uuid"_s, r.uuid);
        else
            o.insert(u"error"_s, r.message);
        made += r.ok ? 1 : 0;
        members.append(o);
    }
    printJson(QJsonObject{{u"pool"_s, request.name},
                          {u"template"_s, tmpl->info.name},
                          {u"made"_s, made},
                          {u"failed"_s, int(results.size()) - made},
                          {u"members"_s, members}});
    if (interrupted)
        return kExitInterrupted;
    return made == int(plan.members.size()) ? kExitOk : kExitHostFailed;
}

int runVmPoolDelete(const CliContext &ctx)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"POOL"_s, CliText::tr("The VM pool to delete with its VMs."));
    int exitCode = kExitOk;
    const auto wanted =
        parseOneName(parser, ctx, CliText::tr("pool delete: give one VM pool by name"), &exitCode);
    if (!wanted)
        return exitCode;
    const QString pool = *wanted;
    QObject owner;
    const Hosts hosts = openAll(ctx.uris, ctx.timeoutSeconds, &owner);
    const QList<FoundVm> vms = vmPools(hosts).value(pool);
    if (vms.isEmpty()) {
        printError(CliText::tr("pool: there is no VM pool “%1” on the connected hosts").arg(pool));
        return hosts.unreachable ? kExitHostFailed : kExitRefused;
    }
    QList<HostSession *> poolHosts;
    for (const FoundVm &vm : vms) {
        if (!poolHosts.contains(vm.session))
            poolHosts << vm.session;
    }
    QJsonArray deleted;
    int result = hosts.unreachable ? kExitHostFailed : kExitOk;
    for (HostSession *s : std::as_const(poolHosts)) {
        try {
            for (const QString &name : await(models::deleteVmPoolOnHost(s, pool)))
                deleted.append(QJsonObject{{u"host"_s, s->uri()}, {u"name"_s, name}});
        } catch (...) {
            result = kExitHostFailed;
            jobFailed(s, std::current_exception());
        }
    }
    printJson(QJsonObject{{u"pool"_s, pool}, {u"deleted"_s, deleted}});
    return result;
}

int runVmPoolList(const CliContext &ctx)
{
    const QStringList headers{CliText::tr("POOL"), CliText::tr("TEMPLATE"), CliText::tr("VMS"),
                              CliText::tr("RUNNING"), CliText::tr("HOSTS")};
    return runListing(
        ctx, headers, [](const Hosts &hosts, QJsonArray *out, QList<QStringList> *rows) {
            const QMap<QString, QList<FoundVm>> pools = vmPools(hosts);
            for (auto it = pools.cbegin(); it != pools.cend(); ++it) {
                QJsonArray vms;
                QStringList uris;
                QStringList templates;
                int running = 0;
                QList<FoundVm> members = it.value();
                std::sort(members.begin(), members.end(),
                          [](const FoundVm &a, const FoundVm &b) { return a.vm.name < b.vm.name; });
                for (const FoundVm &f : std::as_const(members)) {
                    vms.append(QJsonObject{{u"name"_s, f.vm.name},
                                           {u"uuid"_s, f.vm.uuid},
                                           {u"host"_s, f.session->uri()},
                                           {u"state"_s, models::domainStateText(f.vm.state)}});
                    running += models::isActive(f.vm.state) ? 1 : 0;
                    if (!uris.contains(f.session->uri()))
                        uris << f.session->uri();
                    if (!f.vm.fromTemplate.isEmpty() && !templates.contains(f.vm.fromTemplate))
                        templates << f.vm.fromTemplate;
                }
                out->append(QJsonObject{{u"name"_s, it.key()},
                                        {u"templates"_s, QJsonArray::fromStringList(templates)},
                                        {u"vms"_s, vms},
                                        {u"running"_s, running},
                                        {u"hosts"_s, QJsonArray::fromStringList(uris)}});
                *rows << QStringList{it.key(), templates.join(u", "_s), QString::number(vms.size()),
                                     QString::number(running), uris.join(u", "_s)};
            }
            return 0;
        });
}

} // namespace

int runVmPoolCommand(const CliContext &ctx)
{
    return runSubcommand(ctx, u"vm-pool"_s,
                         {{"create"_L1, runVmPoolCreate},
                          {"delete"_L1, runVmPoolDelete},
                          {"list"_L1, runVmPoolList}},
                         runVmPoolList);
}

bool isVmPoolCall(const QStringList &arguments)
{
    const QString sub = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (sub == "create"_L1)
        return rest.contains(u"--template"_s) ||
               std::any_of(rest.cbegin(), rest.cend(),
                           [](const QString &a) { return a.startsWith("--template="_L1); });
    if (sub == "delete"_L1) // a storage pool is deleted with --name NAME, a VM pool by NAME
        return !rest.isEmpty() && !rest.first().startsWith(u'-');
    return false;
}

QList<QCommandLineOption> createFromTemplateOptions()
{
    return {
        {u"template"_s,
         CliText::tr("Make the VM from this template (by name or UUID, on any connected host): "
                     "its arch, machine and devices; options of a new VM such as --arch do not "
                     "apply."),
         u"T"_s},
        {u"host"_s,
         CliText::tr("With --template: the host the VM goes to (default: the template's)."),
         u"URI"_s},
        {u"cluster"_s,
         CliText::tr("With --template: the cluster the VM goes to, on its first host that can "
                     "run the template (native first; for overlays the template's own host "
                     "among the best)."),
         u"C"_s},
        {u"copy-disks"_s,
         CliText::tr("With --template: full copies of the template's disks (needed on another "
                     "host) instead of qcow2 overlays on them.")},
    };
}

std::optional<int> runCreateFromTemplateIfAsked(const QCommandLineParser &parser,
                                                const CliContext &ctx)
{
    if (!parser.isSet(u"template"_s)) {
        for (const QString &option : {u"host"_s, u"cluster"_s, u"copy-disks"_s}) {
            if (parser.isSet(option)) {
                printError(CliText::tr("--%1 goes with --template").arg(option));
                return kExitUsage;
            }
        }
        return std::nullopt;
    }
    const QSet<QString> withTemplate{u"template"_s, u"host"_s, u"cluster"_s, u"copy-disks"_s,
                                     u"name"_s,     u"pool"_s, u"start"_s,   u"dry-run"_s,
                                     u"h"_s,        u"help"_s};
    QStringList others;
    for (const QString &option : parser.optionNames()) {
        if (!withTemplate.contains(option) && !others.contains(u"--"_s + option))
            others << u"--"_s + option;
    }
    if (!others.isEmpty()) {
        printError(CliText::tr("%1: the template decides these; they do not go with --template")
                       .arg(others.join(u", "_s)));
        return kExitUsage;
    }
    return createFromTemplate(parser, ctx);
}

QList<CliCommand> templateCliCommands()
{
    return {
        {"clone",
         QT_TRANSLATE_NOOP("cli", "Clone a shut-off VM (--vm, --name; --share-disks or "
                                  "--empty-disks instead of copies)"),
         runCloneCommand},
        {"template",
         QT_TRANSLATE_NOOP("cli", "Templates: template create --vm N | list | delete T; "
                                  "create --template T makes a VM from one"),
         runTemplateCommand},
        {"vm-pool",
         QT_TRANSLATE_NOOP("cli", "VM pools from a template: vm-pool create --template T "
                                  "--count N --name-pattern P --name POOL | list | delete POOL"),
         runVmPoolCommand},
    };
}

} // namespace crossvirt::cli
