// crossvirt-cli snapshot create|list|revert|delete: issue #13's snapshots for scripts, a
// thin client of models/snapshots/Snapshots.h like the Snapshots page. Which modes a guest
// has and which snapshots can be reverted or deleted is the arch class's verdict, read
// before anything is done: a withheld one exits 1 with the arch's reason and libvirt is
// never asked.

#include "app/cli/SnapshotCommands.h"

#include "models/connection/HostSession.h"
#include "models/connection/LibvirtError.h"
#include "models/snapshots/Snapshots.h"
#include "models/storage/StorageJobs.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;

namespace crossvirt::cli {

using models::HostSession;
using models::SnapshotInfo;
using models::VmSnapshots;

namespace {

// lupdate and the runtime both see the context "cli" for CliText::tr().
struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(cli)
};

/// The options of every subcommand; each checks which of them it takes.
struct SnapshotOptions
{
    QCommandLineOption vm{u"vm"_s, CliText::tr("The VM, by name or UUID."), u"NAME"_s};
    QCommandLineOption name{
        u"name"_s,
        CliText::tr("The snapshot (create: its name, default snapshot1, snapshot2, ...)."), u"S"_s};
    QCommandLineOption description{u"description"_s,
                                   CliText::tr("create: what the snapshot is for."), u"D"_s};
    QCommandLineOption memory{u"memory"_s,
                              CliText::tr("create: save the running guest's memory too (the "
                                          "default for a running guest).")};
    QCommandLineOption diskOnly{u"disk-only"_s,
                                CliText::tr("create: the disks only (a running guest: with "
                                            "--external).")};
    QCommandLineOption external{u"external"_s,
                                CliText::tr("create: an external snapshot (new overlay files "
                                            "beside each disk) instead of an internal one.")};
    QCommandLineOption children{u"children"_s,
                                CliText::tr("delete: its later snapshots too (children first).")};
    QCommandLineOption json{u"json"_s, CliText::tr("list: print JSON instead of a tree.")};

    void addTo(QCommandLineParser &parser) const
    {
        parser.addOptions({vm, name, description, memory, diskOnly, external, children, json});
        parser.addPositionalArgument(
            u"ACTION"_s, CliText::tr("create, list, revert or delete (default: list)."));
    }
};

/// A failed job of a host: its message printed; 1 for a refusal made before libvirt was
/// asked, 2 for libvirt's own failure.
int jobFailed(const HostSession *session, const std::exception_ptr &error)
{
    printError(CliText::tr("%1: %2").arg(session->uri(), models::errorText(error)));
    return models::storage::isRefusal(error) ? kExitRefused : kExitHostFailed;
}

int refused(const QString &reason)
{
    printError(CliText::tr("snapshot: %1").arg(reason));
    return kExitRefused;
}

struct FoundVm
{
    HostSession *session = nullptr;
    models::DomainSummary vm;
};

/// The connected hosts; each that failed is reported and counted in *unreachable.
QList<HostSession *> connectedHosts(const CliContext &ctx, QObject *owner, int *unreachable)
{
    QList<HostSession *> out;
    for (HostSession *s : openHosts(ctx.uris, ctx.timeoutSeconds, owner)) {
        if (const QString error = hostError(s); !error.isEmpty()) {
            printError(CliText::tr("%1: %2").arg(s->uri(), error));
            ++*unreachable;
        } else {
            out << s;
        }
    }
    return out;
}

/// The one VM named or numbered `wanted` on the connected hosts; nullopt with the reason
/// printed and *exitCode set (2 when a host that may have it could not be asked).
std::optional<FoundVm> findVm(const QList<HostSession *> &hosts, int unreachable,
                              const QString &wanted, int *exitCode)
{
    QList<FoundVm> found;
    for (HostSession *s : hosts) {
        for (const models::DomainSummary &d : s->domains()) {
            if (d.name == wanted || d.uuid.compare(wanted, Qt::CaseInsensitive) == 0)
                found << FoundVm{s, d};
        }
    }
    if (found.size() == 1)
        return found.first();
    if (found.isEmpty()) {
        printError(
            CliText::tr("vm: there is no virtual machine “%1” on the connected hosts").arg(wanted));
        *exitCode = unreachable ? kExitHostFailed : kExitRefused;
        return std::nullopt;
    }
    QStringList uris;
    for (const FoundVm &f : found)
        uris << f.session->uri();
    printError(CliText::tr("“%1” is on several hosts (%2): choose one with --connect URI")
                   .arg(wanted, uris.join(u", "_s)));
    *exitCode = kExitRefused;
    return std::nullopt;
}

QJsonObject snapshotJson(const VmSnapshots &v, const SnapshotInfo &s)
{
    return QJsonObject{{u"host"_s, v.uri},
                       {u"vm"_s, v.vmName},
                       {u"name"_s, s.name},
                       {u"description"_s, s.description},
                       {u"parent"_s, s.parent.isEmpty() ? QJsonValue() : QJsonValue(s.parent)},
                       {u"created"_s, s.created.toUTC().toString(Qt::ISODate)},
                       {u"state"_s, s.state},
                       {u"state_label"_s, s.stateLabel()},
                       {u"location"_s, arch::snapshotLocationId(s.location)},
                       {u"with_memory"_s, s.withMemory},
                       {u"current"_s, s.isCurrent},
                       {u"children"_s, QJsonArray::fromStringList(s.children)},
                       {u"can_revert"_s, s.revert.supported},
                       {u"revert_reason"_s, s.revert.reason},
                       {u"can_delete"_s, s.remove.supported},
                       {u"delete_reason"_s, s.remove.reason},
                       {u"can_delete_with_children"_s, s.removeWithChildren.supported},
                       {u"delete_with_children_reason"_s, s.removeWithChildren.reason}};
}

int depthOf(const VmSnapshots &v, const SnapshotInfo &s)
{
    int depth = 0;
    for (const SnapshotInfo *p = v.find(s.parent); p && depth < v.snapshots.size();
         p = v.find(p->parent))
        ++depth;
    return depth;
}

/// The tree: children indented under their parent, the current one marked.
QList<QStringList> treeRows(const VmSnapshots &v, bool withVm)
{
    QList<QStringList> rows;
    for (const SnapshotInfo &s : v.snapshots) {
        QString name = QString(depthOf(v, s) * 2, u' ') + s.name;
        if (s.isCurrent)
            name += CliText::tr(" (current)");
        QStringList row{name, s.stateLabel(), s.created.toString(u"yyyy-MM-dd HH:mm:ss"_s),
                        s.description.section(u'\n', 0, 0)};
        if (withVm)
            row.prepend(v.vmName);
        rows << row;
    }
    return rows;
}

/// What can be taken now, after a VM's tree: each mode offered or withheld with the reason.
void printModes(const VmSnapshots &v)
{
    const struct
    {
        QString label;
        arch::Operation op;
    } modes[] = {{CliText::tr("internal"), v.modes.internal},
                 {CliText::tr("external with memory"), v.modes.externalWithMemory},
                 {CliText::tr("external, disks only"), v.modes.externalDiskOnly}};
    QString text = u"\n"_s + CliText::tr("Snapshots “%1” can take now:").arg(v.vmName) + u'\n';
    for (const auto &m : modes) {
        text += m.op.supported ? CliText::tr("  %1: yes").arg(m.label)
                               : CliText::tr("  %1: no, %2").arg(m.label, m.op.reason);
        text += u'\n';
    }
    if (v.modes.internal.supported && !v.modes.internalNote.isEmpty())
        text += CliText::tr("  (internal: %1)").arg(v.modes.internalNote) + u'\n';
    const QByteArray bytes = text.toLocal8Bit();
    fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    fflush(stdout);
}

int runList(const QCommandLineParser &parser, const SnapshotOptions &o, const CliContext &ctx)
{
    QObject owner;
    int unreachable = 0;
    const QList<HostSession *> hosts = connectedHosts(ctx, &owner, &unreachable);
    QList<FoundVm> vms;
    int exitCode = kExitOk;
    if (parser.isSet(o.vm)) {
        const auto found = findVm(hosts, unreachable, parser.value(o.vm), &exitCode);
        if (!found)
            return exitCode;
        vms << *found;
    } else { // every VM of every host
        for (HostSession *s : hosts) {
            for (const models::DomainSummary &d : s->domains())
                vms << FoundVm{s, d};
        }
    }
    QJsonArray out;
    QList<QStringList> rows;
    QList<VmSnapshots> read;
    int notRead = 0;
    for (const FoundVm &f : vms) {
        try {
            const VmSnapshots v = await(models::loadSnapshots(f.session, f.vm.uuid));
            for (const SnapshotInfo &s : v.snapshots)
                out.append(snapshotJson(v, s));
            rows << treeRows(v, !parser.isSet(o.vm));
            read << v;
        } catch (...) {
            jobFailed(f.session, std::current_exception());
            ++notRead;
        }
    }
    if (parser.isSet(o.json)) {
        printJson(out);
    } else {
        QStringList headers{CliText::tr("NAME"), CliText::tr("STATE"), CliText::tr("CREATED"),
                            CliText::tr("DESCRIPTION")};
        if (!parser.isSet(o.vm))
            headers.prepend(CliText::tr("VM"));
        printTable(headers, rows);
        if (parser.isSet(o.vm) && !read.isEmpty())
            printModes(read.first());
    }
    return unreachable + notRead ? kExitHostFailed : kExitOk;
}

/// Opens the hosts and reads the snapshots of --vm; nullopt with *exitCode set.
struct VmAndSnapshots
{
    HostSession *session = nullptr;
    VmSnapshots snapshots;
};
std::optional<VmAndSnapshots> readVm(const QString &wanted, const CliContext &ctx, QObject *owner,
                                     int *exitCode)
{
    int unreachable = 0;
    const QList<HostSession *> hosts = connectedHosts(ctx, owner, &unreachable);
    const auto found = findVm(hosts, unreachable, wanted, exitCode);
    if (!found)
        return std::nullopt;
    try {
        return VmAndSnapshots{found->session,
                              await(models::loadSnapshots(found->session, found->vm.uuid))};
    } catch (...) {
        *exitCode = jobFailed(found->session, std::current_exception());
    }
    return std::nullopt;
}

int runCreate(const QCommandLineParser &parser, const SnapshotOptions &o, const CliContext &ctx)
{
    QObject owner;
    int exitCode = kExitOk;
    const auto vm = readVm(parser.value(o.vm), ctx, &owner, &exitCode);
    if (!vm)
        return exitCode;
    const VmSnapshots &v = vm->snapshots;
    models::SnapshotRequest request;
    request.name = parser.isSet(o.name) ? parser.value(o.name) : models::suggestedSnapshotName(v);
    request.description = parser.value(o.description);
    const bool external = parser.isSet(o.external);
    request.location =
        external ? arch::SnapshotLocation::External : arch::SnapshotLocation::Internal;
    request.withMemory = !parser.isSet(o.diskOnly);

    // The mode the user asked for, judged as the Snapshots page judges it.
    if (const QString problem = models::snapshotNameProblem(v, request.name); !problem.isEmpty())
        return refused(problem);
    if (!v.running && parser.isSet(o.memory))
        return refused(
            CliText::tr("“%1” is shut off: there is no memory state to save").arg(v.vmName));
    if (!external && v.running && parser.isSet(o.diskOnly))
        return refused(CliText::tr("an internal snapshot of a running guest always saves its "
                                   "memory: add --external for the disks only"));
    const arch::Operation mode = !external                         ? v.modes.internal
                                 : v.running && request.withMemory ? v.modes.externalWithMemory
                                                                   : v.modes.externalDiskOnly;
    if (!mode.supported)
        return refused(mode.reason);
    if (!external && !v.modes.internalNote.isEmpty())
        printNote(v.modes.internalNote);
    try {
        const SnapshotInfo made = await(models::createSnapshot(vm->session, v.uuid, request));
        printJson(snapshotJson(v, made));
    } catch (...) {
        return jobFailed(vm->session, std::current_exception());
    }
    return kExitOk;
}

/// The VM's snapshot `name`; nullptr once the refusal is printed (*exitCode set).
const SnapshotInfo *namedSnapshot(const VmSnapshots &v, const QString &name, int *exitCode)
{
    const SnapshotInfo *s = v.find(name);
    if (!s)
        *exitCode = refused(CliText::tr("%1 has no snapshot named “%2”").arg(v.vmName, name));
    return s;
}

int runRevert(const QCommandLineParser &parser, const SnapshotOptions &o, const CliContext &ctx)
{
    QObject owner;
    int exitCode = kExitOk;
    const auto vm = readVm(parser.value(o.vm), ctx, &owner, &exitCode);
    if (!vm)
        return exitCode;
    const QString name = parser.value(o.name);
    const SnapshotInfo *s = namedSnapshot(vm->snapshots, name, &exitCode);
    if (!s)
        return exitCode;
    if (!s->revert.supported)
        return refused(s->revert.reason);
    try {
        await(models::revertSnapshot(vm->session, vm->snapshots.uuid, name));
        const VmSnapshots after = await(models::loadSnapshots(vm->session, vm->snapshots.uuid));
        printJson(QJsonObject{{u"host"_s, after.uri},
                              {u"vm"_s, after.vmName},
                              {u"reverted_to"_s, name},
                              {u"running"_s, after.running},
                              {u"current"_s, after.current}});
    } catch (...) {
        return jobFailed(vm->session, std::current_exception());
    }
    return kExitOk;
}

int runDelete(const QCommandLineParser &parser, const SnapshotOptions &o, const CliContext &ctx)
{
    QObject owner;
    int exitCode = kExitOk;
    const auto vm = readVm(parser.value(o.vm), ctx, &owner, &exitCode);
    if (!vm)
        return exitCode;
    const QString name = parser.value(o.name);
    const bool withChildren = parser.isSet(o.children);
    const SnapshotInfo *s = namedSnapshot(vm->snapshots, name, &exitCode);
    if (!s)
        return exitCode;
    const arch::Operation &op = withChildren ? s->removeWithChildren : s->remove;
    if (!op.supported)
        return refused(op.reason);
    try {
        const QStringList deleted =
            await(models::deleteSnapshot(vm->session, vm->snapshots.uuid, name, withChildren));
        printJson(QJsonObject{{u"host"_s, vm->snapshots.uri},
                              {u"vm"_s, vm->snapshots.vmName},
                              {u"deleted"_s, QJsonArray::fromStringList(deleted)}});
    } catch (...) {
        return jobFailed(vm->session, std::current_exception());
    }
    return kExitOk;
}

int runSnapshotCommand(const CliContext &ctx)
{
    static const QStringList subs{u"create"_s, u"list"_s, u"revert"_s, u"delete"_s};
    const QString sub = ctx.arguments.value(1);
    const bool named = subs.contains(sub);
    if (!named && !sub.isEmpty() && !sub.startsWith(u'-'))
        return unknownSubcommand(u"snapshot"_s, sub, subs.join(u", "_s));
    QCommandLineParser parser;
    const SnapshotOptions o;
    o.addTo(parser);
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, named ? subcommandContext(ctx) : ctx, &exitCode))
        return exitCode;
    const QString action = named ? sub : u"list"_s;

    // Options another subcommand takes are usage errors here, not silently ignored.
    QList<const QCommandLineOption *> foreign;
    if (action != "create"_L1)
        foreign << &o.description << &o.memory << &o.diskOnly << &o.external;
    if (action != "delete"_L1)
        foreign << &o.children;
    if (action != "list"_L1)
        foreign << &o.json;
    if (action == "list"_L1)
        foreign << &o.name;
    for (const QCommandLineOption *f : std::as_const(foreign)) {
        if (parser.isSet(*f)) {
            printError(CliText::tr("snapshot %1 takes no --%2").arg(action, f->names().first()));
            return kExitUsage;
        }
    }
    if (parser.isSet(o.memory) && parser.isSet(o.diskOnly)) {
        printError(CliText::tr("give only one of --memory and --disk-only"));
        return kExitUsage;
    }
    if (action == "list"_L1)
        return runList(parser, o, ctx);
    const QStringList required =
        action == "create"_L1 ? QStringList{u"vm"_s} : QStringList{u"vm"_s, u"name"_s};
    if (!requireOptions(parser, required))
        return kExitUsage;
    if (action == "create"_L1)
        return runCreate(parser, o, ctx);
    if (action == "revert"_L1)
        return runRevert(parser, o, ctx);
    return runDelete(parser, o, ctx);
}

} // namespace

QList<CliCommand> snapshotCliCommands()
{
    return {
        {"snapshot",
         QT_TRANSLATE_NOOP("cli", "VM snapshots: snapshot create|list|revert|delete --vm N "
                                  "[--name S] [--memory|--disk-only] [--external] [--children]"),
         runSnapshotCommand},
    };
}

} // namespace crossvirt::cli
