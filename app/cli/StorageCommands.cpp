// crossvirt-cli pool ... and volume ...: the Storage page's operations for scripts, through
// the same storage core (models/storage/). JSON on stdout, reasons on stderr.
#include "app/cli/CliCommands.h"

#include "app/cli/TemplateCommands.h"

#include "models/connection/HostSession.h"
#include "models/connection/LibvirtError.h"
#include "models/storage/StorageJobs.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <optional>

using namespace Qt::StringLiterals;

namespace crossvirt::cli {

using models::HostSession;
using models::PoolContents;
using models::VolumeInfo;

namespace {

QJsonObject volumeJson(const QString &pool, const VolumeInfo &v)
{
    return QJsonObject{{u"pool"_s, pool},
                       {u"name"_s, v.name},
                       {u"format"_s, v.format},
                       {u"capacity_bytes"_s, double(v.capacity)},
                       {u"allocation_bytes"_s, double(v.allocation)},
                       {u"path"_s, v.path},
                       {u"used_by"_s, QJsonArray::fromStringList(v.usedBy)}};
}

QJsonObject poolJson(const QString &host, const PoolContents &p)
{
    const models::PoolInfo &i = p.info;
    return QJsonObject{{u"host"_s, host},
                       {u"name"_s, i.name},
                       {u"state"_s, i.active ? u"active"_s : u"inactive"_s},
                       {u"type"_s, i.type},
                       {u"path"_s, i.path},
                       {u"capacity_bytes"_s, double(i.capacity)},
                       {u"allocation_bytes"_s, double(i.allocation)},
                       {u"available_bytes"_s, double(i.available)},
                       {u"autostart"_s, i.autostart},
                       {u"persistent"_s, i.persistent},
                       {u"volumes"_s, int(p.volumes.size())}};
}

/// Exit code for a failed storage job: 1 for a refusal made before libvirt was asked,
/// 2 for libvirt's own failure. The message goes to stderr.
int failed(const std::exception_ptr &error)
{
    printError(models::errorText(error));
    return models::storage::isRefusal(error) ? kExitRefused : kExitHostFailed;
}

/// The host's pools, read fresh; nullopt (with the exit code set) when that failed.
std::optional<QList<PoolContents>> readPools(HostSession *session, int *exitCode)
{
    try {
        return await(models::storage::readPools(session));
    } catch (...) {
        *exitCode = failed(std::current_exception());
    }
    return std::nullopt;
}

const PoolContents *findPool(const QList<PoolContents> &pools, const QString &name)
{
    for (const PoolContents &p : pools) {
        if (p.info.name == name)
            return &p;
    }
    return nullptr;
}

/// Refuses (exit 1) a pool name the host does not have, before libvirt is asked.
const PoolContents *requirePool(const QList<PoolContents> &pools, const QString &name,
                                const QString &uri)
{
    const PoolContents *p = findPool(pools, name);
    if (!p) {
        printError(QCoreApplication::translate("cli", "pool: there is no storage pool “%1” on %2")
                       .arg(name, uri));
    }
    return p;
}

int runPoolList(const CliContext &ctx)
{
    QCommandLineParser parser;
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, ctx, &exitCode))
        return exitCode;
    QObject owner;
    QJsonArray out;
    int failures = 0;
    for (HostSession *s : openHosts(ctx.uris, ctx.timeoutSeconds, &owner)) {
        if (const QString error = hostError(s); !error.isEmpty()) {
            printError(QCoreApplication::translate("cli", "%1: %2").arg(s->uri(), error));
            ++failures;
            continue;
        }
        int code = kExitOk;
        const auto pools = readPools(s, &code);
        if (!pools) {
            ++failures;
            continue;
        }
        for (const PoolContents &p : *pools)
            out.append(poolJson(s->uri(), p));
    }
    printJson(out);
    return failures ? kExitHostFailed : kExitOk;
}

int runPoolCreate(const CliContext &ctx)
{
    QCommandLineParser parser;
    parser.addOption(
        {u"name"_s, QCoreApplication::translate("cli", "Name of the new pool."), u"NAME"_s});
    parser.addOption(
        {u"type"_s,
         QCoreApplication::translate("cli", "dir (default), fs, netfs, logical, iscsi or disk."),
         u"TYPE"_s});
    parser.addOption(
        {u"target"_s,
         QCoreApplication::translate("cli", "Target path (the directory of a dir pool)."),
         u"PATH"_s});
    parser.addOption(
        {u"source-host"_s, QCoreApplication::translate("cli", "NFS or iSCSI server."), u"HOST"_s});
    parser.addOption({u"source-path"_s,
                      QCoreApplication::translate("cli", "Exported directory on the NFS server."),
                      u"PATH"_s});
    parser.addOption(
        {u"source-device"_s,
         QCoreApplication::translate("cli", "Block device, or the iSCSI target's IQN."),
         u"DEVICE"_s});
    parser.addOption({u"format"_s,
                      QCoreApplication::translate("cli", "File system or partition table format."),
                      u"FORMAT"_s});
    parser.addOption(
        {u"build"_s,
         QCoreApplication::translate("cli", "LVM/disk: initialise the device (never over data).")});
    parser.addOption(
        {u"autostart"_s, QCoreApplication::translate("cli", "Start the pool with the host.")});
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, ctx, &exitCode))
        return exitCode;
    if (!requireOptions(parser, {u"name"_s}))
        return kExitUsage;
    models::PoolSpec spec;
    spec.name = parser.value(u"name"_s);
    if (parser.isSet(u"type"_s))
        spec.type = parser.value(u"type"_s);
    spec.targetPath = parser.value(u"target"_s);
    spec.sourceHost = parser.value(u"source-host"_s);
    spec.sourcePath = parser.value(u"source-path"_s);
    spec.sourceDevice = parser.value(u"source-device"_s);
    spec.format = parser.value(u"format"_s);
    spec.buildDevice = parser.isSet(u"build"_s);
    spec.autostart = parser.isSet(u"autostart"_s);
    QObject owner;
    HostSession *session = openOne(ctx.uris, ctx.timeoutSeconds, &owner, &exitCode);
    if (!session)
        return exitCode;
    try {
        await(models::storage::createPool(session, spec));
    } catch (...) {
        return failed(std::current_exception());
    }
    const auto pools = readPools(session, &exitCode);
    if (!pools)
        return exitCode;
    if (const PoolContents *p = findPool(*pools, spec.name))
        printJson(poolJson(session->uri(), *p));
    return kExitOk;
}

/// start, stop, refresh, autostart, delete: one pool by --name.
int runPoolAction(const CliContext &ctx, const QString &action)
{
    QCommandLineParser parser;
    parser.addOption(
        {u"name"_s, QCoreApplication::translate("cli", "Name of the pool."), u"NAME"_s});
    if (action == "autostart"_L1)
        parser.addOption({u"off"_s, QCoreApplication::translate(
                                        "cli", "Do not start the pool with the host any more.")});
    if (action == "delete"_L1)
        parser.addOption({u"delete-volumes"_s,
                          QCoreApplication::translate(
                              "cli", "Also delete every volume of the pool (and a dir pool's "
                                     "directory).")});
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, ctx, &exitCode))
        return exitCode;
    if (!requireOptions(parser, {u"name"_s}))
        return kExitUsage;
    const QString name = parser.value(u"name"_s);
    QObject owner;
    HostSession *session = openOne(ctx.uris, ctx.timeoutSeconds, &owner, &exitCode);
    if (!session)
        return exitCode;
    const auto before = readPools(session, &exitCode);
    if (!before)
        return exitCode;
    if (!requirePool(*before, name, session->uri()))
        return kExitRefused;
    try {
        namespace st = models::storage;
        if (action == "start"_L1)
            await(st::startPool(session, name));
        else if (action == "stop"_L1)
            await(st::stopPool(session, name));
        else if (action == "refresh"_L1)
            await(st::refreshPool(session, name));
        else if (action == "autostart"_L1)
            await(st::setPoolAutostart(session, name, !parser.isSet(u"off"_s)));
        else if (action == "delete"_L1)
            await(st::deletePool(session, name, parser.isSet(u"delete-volumes"_s)));
    } catch (...) {
        return failed(std::current_exception());
    }
    const auto after = readPools(session, &exitCode);
    if (!after)
        return exitCode;
    if (const PoolContents *p = findPool(*after, name))
        printJson(poolJson(session->uri(), *p));
    else
        printJson(
            QJsonObject{{u"host"_s, session->uri()}, {u"name"_s, name}, {u"deleted"_s, true}});
    return kExitOk;
}

/// --size "10" (GiB), "10G", "512M", "512MiB": bytes, or 0 after printing the problem.
quint64 sizeOption(const QCommandLineParser &parser)
{
    bool ok = false;
    const quint64 bytes = models::parseSize(parser.value(u"size"_s), &ok);
    if (!ok)
        printError(QCoreApplication::translate(
                       "cli", "--size needs a size such as 10 (GiB), 10G or 512M, not “%1”")
                       .arg(parser.value(u"size"_s)));
    return ok ? bytes : 0;
}

int runVolumeList(const CliContext &ctx)
{
    QCommandLineParser parser;
    parser.addOption(
        {u"pool"_s, QCoreApplication::translate("cli", "Only this pool's volumes."), u"POOL"_s});
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, ctx, &exitCode))
        return exitCode;
    QObject owner;
    HostSession *session = openOne(ctx.uris, ctx.timeoutSeconds, &owner, &exitCode);
    if (!session)
        return exitCode;
    const auto pools = readPools(session, &exitCode);
    if (!pools)
        return exitCode;
    if (parser.isSet(u"pool"_s) && !requirePool(*pools, parser.value(u"pool"_s), session->uri()))
        return kExitRefused;
    QJsonArray out;
    for (const PoolContents &p : *pools) {
        if (parser.isSet(u"pool"_s) && p.info.name != parser.value(u"pool"_s))
            continue;
        for (const VolumeInfo &v : p.volumes)
            out.append(volumeJson(p.info.name, v));
    }
    printJson(out);
    return kExitOk;
}

int runVolumeChange(const CliContext &ctx, const QString &action)
{
    QCommandLineParser parser;
    parser.addOption({u"pool"_s, QCoreApplication::translate("cli", "The pool."), u"POOL"_s});
    parser.addOption({u"name"_s,
                      action == "clone"_L1
                          ? QCoreApplication::translate("cli", "Name of the copy.")
                          : QCoreApplication::translate("cli", "Name of the volume."),
                      u"NAME"_s});
    if (action == "create"_L1 || action == "resize"_L1)
        parser.addOption(
            {u"size"_s,
             action == "create"_L1
                 ? QCoreApplication::translate("cli", "Size: GiB, or with a unit (10G, 512M).")
                 : QCoreApplication::translate(
                       "cli", "New size, larger than the current one (GiB, or 20G, 512M)."),
             u"SIZE"_s});
    if (action == "create"_L1) {
        parser.addOption({u"format"_s,
                          QCoreApplication::translate("cli", "qcow2 (default) or raw."),
                          u"FORMAT"_s});
        parser.addOption({u"backing"_s,
                          QCoreApplication::translate(
                              "cli", "qcow2: a backing volume (name in the pool, or a path)."),
                          u"VOLUME"_s});
    }
    if (action == "clone"_L1)
        parser.addOption(
            {u"from"_s, QCoreApplication::translate("cli", "The volume to copy."), u"VOLUME"_s});
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, ctx, &exitCode))
        return exitCode;
    QStringList required{u"pool"_s, u"name"_s};
    if (action == "create"_L1 || action == "resize"_L1)
        required << u"size"_s;
    if (action == "clone"_L1)
        required << u"from"_s;
    if (!requireOptions(parser, required))
        return kExitUsage;
    quint64 size = 0;
    if (parser.isSet(u"size"_s)) {
        size = sizeOption(parser);
        if (!size)
            return kExitUsage;
    }
    const QString poolName = parser.value(u"pool"_s);
    const QString name = parser.value(u"name"_s);
    QObject owner;
    HostSession *session = openOne(ctx.uris, ctx.timeoutSeconds, &owner, &exitCode);
    if (!session)
        return exitCode;
    const auto pools = readPools(session, &exitCode);
    if (!pools)
        return exitCode;
    if (!requirePool(*pools, poolName, session->uri()))
        return kExitRefused;
    namespace st = models::storage;
    try {
        if (action == "create"_L1) {
            models::VolumeSpec spec;
            spec.pool = poolName;
            spec.name = name;
            spec.capacity = size;
            if (parser.isSet(u"format"_s))
                spec.format = parser.value(u"format"_s);
            spec.backingVolume = parser.value(u"backing"_s);
            printJson(volumeJson(poolName, await(st::createVolume(session, spec))));
        } else if (action == "clone"_L1) {
            printJson(volumeJson(poolName, await(st::cloneVolume(session, poolName,
                                                                 parser.value(u"from"_s), name))));
        } else if (action == "resize"_L1) {
            await(st::resizeVolume(session, poolName, name, size));
            const auto after = readPools(session, &exitCode);
            if (!after)
                return exitCode;
            if (const PoolContents *p = findPool(*after, poolName); p && p->volume(name))
                printJson(volumeJson(poolName, *p->volume(name)));
        } else if (action == "delete"_L1) {
            await(st::deleteVolume(session, poolName, name));
            printJson(QJsonObject{{u"pool"_s, poolName}, {u"name"_s, name}, {u"deleted"_s, true}});
        }
    } catch (...) {
        return failed(std::current_exception());
    }
    return kExitOk;
}

} // namespace

int runPoolCommand(const CliContext &ctx)
{
    const QString sub = ctx.arguments.value(1);
    const QString list = u"list, create, start, stop, autostart, refresh, delete"_s;
    if (isVmPoolCall(ctx.arguments.mid(1)))
        return runVmPoolCommand(ctx); // `pool create --template T ...`, `pool delete POOL`
    if (sub == "list"_L1)
        return runPoolList(subcommandContext(ctx));
    if (sub == "create"_L1)
        return runPoolCreate(subcommandContext(ctx));
    if (sub == "start"_L1 || sub == "stop"_L1 || sub == "autostart"_L1 || sub == "refresh"_L1 ||
        sub == "delete"_L1)
        return runPoolAction(subcommandContext(ctx), sub);
    if (sub == "--help"_L1 || sub == "-h"_L1) {
        QCommandLineParser parser;
        int exitCode = kExitOk;
        parseCommandLine(parser, ctx, &exitCode);
        return exitCode;
    }
    return unknownSubcommand(u"pool"_s, sub, list);
}

int runVolumeCommand(const CliContext &ctx)
{
    const QString sub = ctx.arguments.value(1);
    const QString list = u"list, create, resize, clone, delete, upload, download"_s;
    if (sub == "list"_L1)
        return runVolumeList(subcommandContext(ctx));
    if (sub == "create"_L1 || sub == "resize"_L1 || sub == "clone"_L1 || sub == "delete"_L1)
        return runVolumeChange(subcommandContext(ctx), sub);
    if (sub == "upload"_L1 || sub == "download"_L1)
        return runVolumeTransferCommand(ctx, sub == "upload"_L1);
    if (sub == "--help"_L1 || sub == "-h"_L1) {
        QCommandLineParser parser;
        int exitCode = kExitOk;
        parseCommandLine(parser, ctx, &exitCode);
        return exitCode;
    }
    return unknownSubcommand(u"volume"_s, sub, list);
}

} // namespace crossvirt::cli
