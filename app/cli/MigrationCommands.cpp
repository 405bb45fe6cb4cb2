// crossvirt-cli migrate-check / migrate: issue #13's migration for scripts, as thin clients
// of models/migration/Migration.h (the same check the Migrate dialog shows). Every host the
// CLI knows (--connect values, else the saved list) is connected, so the check lists each
// of them; a refused destination is printed with its reasons and nothing is tried (exit 1).

#include "app/cli/CliCommands.h"

#include "models/connection/Datacenter.h"
#include "models/connection/HostSession.h"
#include "models/connection/LibvirtError.h"
#include "models/migration/Migration.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>
#include <optional>

using namespace Qt::StringLiterals;

namespace crossvirt::cli {

QList<CliCommand> migrationCliCommands();

namespace {

struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(cli)
};

using models::Datacenter;
using models::HostSession;

/// Connects every host of `uris` in `dc` and waits until each has its inventory or has
/// failed once (a script does not wait for retries). Hosts that failed stay in `dc`
/// (the check lists them as not connected) and are reported on stderr.
int connectAll(Datacenter &dc, QStringList uris, int timeoutSeconds)
{
    uris.removeDuplicates();
    dc.useTransient(uris);
    QEventLoop loop;
    int pending = 0;
    for (HostSession *s : dc.sessions()) {
        ++pending;
        auto settled = std::make_shared<bool>(false);
        auto settle = [&pending, &loop, settled] {
            if (*settled)
                return;
            *settled = true;
            if (--pending == 0)
                loop.quit();
        };
        QObject::connect(s, &HostSession::stateChanged, &loop,
                         [s, settle](models::ConnectionState state, const QString &error) {
                             if (state != models::ConnectionState::Retrying &&
                                 state != models::ConnectionState::Failed)
                                 return;
                             printError(CliText::tr("%1: %2").arg(
                                 s->uri(), error.isEmpty() ? s->lastError() : error));
                             s->close();
                             settle();
                         });
        QObject::connect(s, &HostSession::domainsReset, &loop, [s, settle] {
            if (s->state() == models::ConnectionState::Connected)
                settle();
        });
    }
    if (pending > 0) {
        QTimer::singleShot(timeoutSeconds * 1000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    int unreachable = 0;
    for (HostSession *s : dc.sessions())
        unreachable += s->state() == models::ConnectionState::Connected ? 0 : 1;
    return unreachable;
}

struct FoundVm
{
    QString uri;
    models::DomainSummary vm;
};

/// The one VM named (or with the UUID) `wanted`; nullopt with the reason printed.
std::optional<FoundVm> findVm(const Datacenter &dc, const QString &wanted, int unreachable,
                              int *exitCode)
{
    QList<FoundVm> found;
    for (HostSession *s : dc.sessions()) {
        for (const models::DomainSummary &d : s->domains()) {
            if (d.name == wanted || d.uuid.compare(wanted, Qt::CaseInsensitive) == 0)
                found << FoundVm{s->uri(), d};
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
    for (const FoundVm &f : std::as_const(found))
        uris << f.uri;
    printError(CliText::tr("“%1” is on several hosts (%2): give its UUID")
                   .arg(wanted, uris.join(u", "_s)));
    *exitCode = kExitRefused;
    return std::nullopt;
}

/// --live / --offline / --copy-storage as a mode; nullopt (usage printed) for both.
std::optional<arch::MigrationMode> modeFrom(const QCommandLineParser &parser)
{
    arch::MigrationMode mode;
    if (parser.isSet(u"live"_s) && parser.isSet(u"offline"_s)) {
        printError(CliText::tr("--live and --offline exclude each other"));
        return std::nullopt;
    }
    mode.live = !parser.isSet(u"offline"_s);
    mode.copyStorage = parser.isSet(u"copy-storage"_s);
    return mode;
}

QList<QCommandLineOption> modeOptions()
{
    return {
        QCommandLineOption(u"vm"_s, CliText::tr("The VM to move, by name or UUID."), u"NAME"_s),
        QCommandLineOption(u"live"_s,
                           CliText::tr("Move a running VM while it runs (the default).")),
        QCommandLineOption(u"offline"_s,
                           CliText::tr("Move a running VM paused (a shut-off VM always "
                                       "moves offline: its definition only).")),
        QCommandLineOption(u"copy-storage"_s,
                           CliText::tr("Copy the disks that are not on the destination.")),
    };
}

QJsonObject targetJson(const models::MigrationTarget &t)
{
    return QJsonObject{{u"uri"_s, t.uri},
                       {u"name"_s, t.displayName},
                       {u"connected"_s, t.connected},
                       {u"possible"_s, t.possible()},
                       {u"reasons"_s, QJsonArray::fromStringList(t.reasonLines())},
                       {u"notes"_s, QJsonArray::fromStringList(t.notes)},
                       {u"storageShared"_s, t.storageShared},
                       {u"disksToCopy"_s, QJsonArray::fromStringList(t.disksToCopy)}};
}

/// Runs the check; nullopt with libvirt's text printed (exit 2).
std::optional<models::MigrationCheck> runCheck(Datacenter &dc, const FoundVm &vm,
                                               const arch::MigrationMode &mode)
{
    try {
        return await(models::checkMigration(&dc, vm.uri, vm.vm.uuid, mode));
    } catch (...) {
        printError(CliText::tr("%1: %2").arg(vm.uri, models::errorText(std::current_exception())));
        return std::nullopt;
    }
}

int runMigrateCheck(const CliContext &ctx)
{
    QCommandLineParser parser;
    parser.addOptions(modeOptions());
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, ctx, &exitCode))
        return exitCode;
    if (!requireOptions(parser, {u"vm"_s}))
        return kExitUsage;
    const auto mode = modeFrom(parser);
    if (!mode)
        return kExitUsage;
    Datacenter dc; // transient: the hosts of this run, nothing saved
    const int unreachable = connectAll(dc, ctx.uris, ctx.timeoutSeconds);
    const auto vm = findVm(dc, parser.value(u"vm"_s), unreachable, &exitCode);
    if (!vm)
        return exitCode;
    const auto check = runCheck(dc, *vm, *mode);
    if (!check)
        return kExitHostFailed;
    QJsonArray hosts;
    for (const models::MigrationTarget &t : check->targets)
        hosts.append(targetJson(t));
    printJson(QJsonObject{{u"vm"_s, check->vmName},
                          {u"uuid"_s, check->uuid},
                          {u"arch"_s, check->arch},
                          {u"running"_s, check->running},
                          {u"source"_s, check->sourceUri},
                          {u"live"_s, mode->live},
                          {u"copyStorage"_s, mode->copyStorage},
                          {u"hosts"_s, hosts}});
    return kExitOk;
}

int runMigrate(const CliContext &ctx)
{
    QCommandLineParser parser;
    parser.addOptions(modeOptions());
    const QCommandLineOption toOption(
        u"to"_s, CliText::tr("The destination host's URI (added to the hosts when not known)."),
        u"URI"_s);
    const QCommandLineOption tunnelledOption(
        u"tunnelled"_s, CliText::tr("Tunnel the move through the source's libvirtd (peer to "
                                    "peer) instead of a direct QEMU stream."));
    const QCommandLineOption bandwidthOption(
        u"bandwidth"_s, CliText::tr("Limit the move to this many MiB/s (0: no limit)."), u"MIBS"_s,
        u"0"_s);
    const QCommandLineOption addressOption(
        u"migration-address"_s,
        CliText::tr("Address QEMU streams to (direct mode; default: the destination URI's "
                    "host)."),
        u"ADDRESS"_s);
    parser.addOptions({toOption, tunnelledOption, bandwidthOption, addressOption});
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, ctx, &exitCode))
        return exitCode;
    if (!requireOptions(parser, {u"vm"_s, u"to"_s}))
        return kExitUsage;
    const auto mode = modeFrom(parser);
    if (!mode)
        return kExitUsage;
    bool ok = false;
    const qulonglong bandwidth = parser.value(bandwidthOption).toULongLong(&ok);
    if (!ok) {
        printError(CliText::tr("--bandwidth wants a whole number of MiB/s, not “%1”")
                       .arg(parser.value(bandwidthOption)));
        return kExitUsage;
    }
    const QString to = parser.value(toOption);
    QStringList uris = ctx.uris;
    if (!uris.contains(to))
        uris << to;

    Datacenter dc; // transient: the hosts of this run, nothing saved
    const int unreachable = connectAll(dc, uris, ctx.timeoutSeconds);
    const auto vm = findVm(dc, parser.value(u"vm"_s), unreachable, &exitCode);
    if (!vm)
        return exitCode;
    if (vm->uri == to) {
        printError(CliText::tr("“%1” is already on %2").arg(vm->vm.name, to));
        return kExitRefused;
    }
    // The check first: a refused destination ends here, before libvirt is asked to move.
    const auto check = runCheck(dc, *vm, *mode);
    if (!check)
        return kExitHostFailed;
    const models::MigrationTarget *target = check->find(to);
    models::MigrationRequest request;
    request.sourceUri = vm->uri;
    request.uuid = vm->vm.uuid;
    request.destinationUri = to;
    request.mode = *mode;
    request.tunnelled = parser.isSet(tunnelledOption);
    request.bandwidthMiBs = bandwidth;
    request.migrationAddress = parser.value(addressOption);
    QStringList refusals = target ? target->reasonLines() : QStringList();
    if (target)
        refusals += models::migrationRequestProblems(request, *target);
    if (!target || !refusals.isEmpty()) {
        printError(CliText::tr("Cannot move “%1” to %2:")
                       .arg(check->vmName, target ? target->displayName : to));
        for (const QString &line : std::as_const(refusals))
            printNote(u"  "_s + line);
        return kExitRefused;
    }

    models::Migrator migrator(&dc);
    QEventLoop loop;
    ProgressLine line;
    int result = kExitOk;
    bool ended = false;
    QObject::connect(
        &migrator, &models::Migrator::progress, &loop, [&](const models::MigrationProgress &p) {
            line.show(
                CliText::tr("Moving %1: %2% %3").arg(check->vmName).arg(p.percent()).arg(p.text()));
        });
    QObject::connect(&migrator, &models::Migrator::finished, &loop,
                     [&](const models::MigrationResult &r) {
                         line.end();
                         QJsonObject o{{u"vm"_s, r.name},
                                       {u"uuid"_s, r.uuid},
                                       {u"from"_s, request.sourceUri},
                                       {u"to"_s, r.destinationUri},
                                       {u"elapsedMs"_s, double(r.elapsedMs)}};
                         if (r.downtimeMs >= 0)
                             o.insert(u"downtimeMs"_s, double(r.downtimeMs));
                         printJson(o);
                         ended = true;
                         loop.quit();
                     });
    QObject::connect(&migrator, &models::Migrator::failed, &loop,
                     [&](const QString &message, bool cancelled) {
                         line.end();
                         printError(message);
                         result = cancelled ? kExitInterrupted : kExitHostFailed;
                         ended = true;
                         loop.quit();
                     });
    const InterruptWatch interrupts([&migrator] { migrator.cancel(); });
    line.show(CliText::tr("Moving %1 to %2").arg(check->vmName, target->displayName));
    migrator.start(request);
    if (!ended)
        loop.exec();
    return result;
}

} // namespace

QList<CliCommand> migrationCliCommands()
{
    return {
        {"migrate-check",
         QT_TRANSLATE_NOOP("cli", "Which hosts --vm N can move to, and why not the others "
                                  "(JSON; --offline, --copy-storage)"),
         runMigrateCheck},
        {"migrate",
         QT_TRANSLATE_NOOP("cli", "Move --vm N to --to URI (--live|--offline, --copy-storage, "
                                  "--tunnelled, --bandwidth MiB/s); progress on stderr"),
         runMigrate},
    };
}

} // namespace crossvirt::cli
