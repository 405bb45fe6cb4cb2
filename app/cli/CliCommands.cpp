#include "app/cli/CliCommands.h"

#include "app/cli/ProvisioningCommands.h"
#include "app/cli/SnapshotCommands.h"
#include "app/cli/TemplateCommands.h"
#include "models/connection/HostSession.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace crossvirt::cli {

using namespace Qt::StringLiterals;
using models::ConnectionState;
using models::HostSession;

void printTable(const QStringList &headers, const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QString &h : headers)
        widths << h.size();
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = qMax(widths[i], row[i].size());
    }
    QString text;
    for (const QStringList &row : QList<QStringList>{headers} + rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row[i].leftJustified(widths[i] + 2) : row[i];
        while (line.endsWith(u' '))
            line.chop(1);
        text += line + u'\n';
    }
    const QByteArray bytes = text.toLocal8Bit();
    fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    fflush(stdout);
}

void printJson(const QJsonValue &value)
{
    const QByteArray bytes = value.isArray()    ? QJsonDocument(value.toArray()).toJson()
                             : value.isObject() ? QJsonDocument(value.toObject()).toJson()
                                                : QJsonDocument(QJsonArray{value}).toJson();
    fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    fflush(stdout);
}

void printError(const QString &message)
{
    const QByteArray bytes = (u"crossvirt-cli: "_s + message + u'\n').toLocal8Bit();
    fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
}

void printNote(const QString &text)
{
    const QByteArray bytes = (text + u'\n').toLocal8Bit();
    fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    fflush(stderr);
}

namespace {
constexpr const char *kErrorProperty = "crossvirtCliError";

void writeStderr(const QString &text)
{
    const QByteArray b = text.toLocal8Bit();
    fwrite(b.constData(), 1, size_t(b.size()), stderr);
    fflush(stderr);
}

std::atomic_bool g_interrupted{false};

extern "C" void onInterruptSignal(int)
{
    g_interrupted = true;
}
} // namespace

ProgressLine::ProgressLine() : m_tty(isatty(STDERR_FILENO))
{
    m_sinceLine.start();
}

void ProgressLine::show(const QString &line)
{
    if (m_tty) {
        writeStderr(u"\r"_s + line.leftJustified(m_last.size()));
        m_last = line;
    } else if (m_last.isEmpty() || m_sinceLine.elapsed() >= 1000) {
        m_last = line; // the first at once, then one a second
        writeStderr(line + u"\n"_s);
        m_sinceLine.restart();
    }
}

void ProgressLine::end()
{
    if (m_tty && !m_last.isEmpty())
        writeStderr(u"\n"_s);
    m_last.clear();
}

InterruptWatch::InterruptWatch(std::function<void()> onInterrupt)
{
    g_interrupted = false;
    std::signal(SIGINT, onInterruptSignal);
    std::signal(SIGTERM, onInterruptSignal);
    QObject::connect(&m_poll, &QTimer::timeout, &m_poll, [onInterrupt = std::move(onInterrupt)] {
        if (g_interrupted.exchange(false))
            onInterrupt();
    });
    m_poll.start(100);
}

InterruptWatch::~InterruptWatch()
{
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}

QList<HostSession *> openHosts(const QStringList &uris, int timeoutSeconds, QObject *owner)
{
    QList<HostSession *> sessions;
    QEventLoop loop;
    int pending = int(uris.size());
    for (const QString &uri : uris) {
        auto *s = new HostSession(uri, owner);
        auto settled = std::make_shared<bool>(false);
        auto settle = [&pending, &loop, settled] {
            if (*settled)
                return;
            *settled = true;
            if (--pending == 0)
                loop.quit();
        };
        QObject::connect(s, &HostSession::stateChanged, &loop,
                         [s, settle](ConnectionState state, const QString &error) {
                             // Keep libvirt's text now: close() below empties lastError().
                             const QString text = error.isEmpty() ? s->lastError() : error;
                             if (!text.isEmpty())
                                 s->setProperty(kErrorProperty, text);
                             if (state == ConnectionState::Retrying) {
                                 // One attempt is enough for a script.
                                 s->close();
                                 settle();
                             }
                         });
        QObject::connect(s, &HostSession::domainsReset, &loop, [s, settle] {
            if (s->state() == ConnectionState::Connected)
                settle();
        });
        sessions << s;
        s->open();
    }
    if (pending > 0) {
        QTimer::singleShot(timeoutSeconds * 1000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return sessions;
}

QString hostError(const HostSession *s)
{
    if (s->state() == ConnectionState::Connected)
        return {};
    const QString error = s->property(kErrorProperty).toString();
    if (!error.isEmpty())
        return error;
    if (!s->lastError().isEmpty())
        return s->lastError();
    return QCoreApplication::translate("cli", "no answer from the host in time");
}

HostSession *openOne(const QStringList &uris, int timeout, QObject *owner, int *exitCode)
{
    if (uris.size() != 1) {
        printError(QCoreApplication::translate("cli", "give exactly one host with --connect URI"));
        *exitCode = kExitUsage;
        return nullptr;
    }
    *exitCode = kExitHostFailed;
    const QList<HostSession *> sessions = openHosts(uris, timeout, owner);
    HostSession *s = sessions.value(0);
    const QString error = s ? hostError(s) : QCoreApplication::translate("cli", "no host");
    if (!error.isEmpty()) {
        printError(QCoreApplication::translate("cli", "%1: %2").arg(uris.first(), error));
        return nullptr;
    }
    return s;
}

bool takeGlobalOptions(QStringList *args, CliContext *ctx, QString *error)
{
    QStringList rest;
    for (qsizetype i = 0; i < args->size(); ++i) {
        const QString &a = args->at(i);
        const bool hasValue = i + 1 < args->size();
        if (a == "--connect"_L1 || a == "-c"_L1 || a == "--timeout"_L1) {
            if (!hasValue) {
                *error = QCoreApplication::translate("cli", "%1 needs a value").arg(a);
                return false;
            }
            const QString value = args->at(++i);
            if (a == "--timeout"_L1)
                ctx->timeoutSeconds = qMax(1, value.toInt());
            else
                ctx->uris << value;
        } else if (a.startsWith("--connect="_L1)) {
            ctx->uris << a.mid(10);
        } else if (a.startsWith("--timeout="_L1)) {
            ctx->timeoutSeconds = qMax(1, a.mid(10).toInt());
        } else {
            rest << a;
        }
    }
    *args = rest;
    return true;
}

QString globalHelpText()
{
    return QCoreApplication::translate(
        "cli",
        "Global options (before or after the command):\n"
        "  -c, --connect URI   Host to work on (repeatable). Without it the saved connection\n"
        "                      list is used, or the demo datacenter when there is none.\n"
        "  --timeout S         Seconds to wait for each host (default 30).\n"
        "  -h, --help          This help; after a command, that command's options.\n"
        "  --version           The version.\n\n"
        "Exit codes:\n"
        "  0   done\n"
        "  1   refused or invalid input (the reasons are on stderr)\n"
        "  2   a host was unreachable or failed (libvirt's message on stderr)\n"
        "  64  bad usage (unknown command or option, missing argument)\n");
}

bool parseCommandLine(QCommandLineParser &parser, const CliContext &ctx, int *exitCode,
                      bool positional)
{
    const QCommandLineOption help(
        {u"h"_s, u"help"_s}, QCoreApplication::translate("cli", "Show this command's options."));
    parser.addOption(help);
    if (!parser.parse(ctx.arguments)) {
        printError(parser.errorText());
        *exitCode = kExitUsage;
        return false;
    }
    const QString name = ctx.arguments.value(0);
    if (parser.isSet(help)) {
        QString summary;
        const QString command = name.section(u' ', 0, 0); // "pool" of "pool create"
        for (const CliCommand &c : cliCommands()) {
            if (command == QLatin1String(c.name))
                summary = QCoreApplication::translate("cli", c.summary);
        }
        // helpText() starts with a "Usage: <program> [options]" line: say the command.
        QString options = parser.helpText();
        options = options.mid(options.indexOf(u'\n') + 1).trimmed();
        const QString text =
            QCoreApplication::translate("cli", "Usage: crossvirt-cli [global options] "
                                               "%1 [options]\n\n%2\n\n%3\n\n%4")
                .arg(name, summary, options, globalHelpText());
        const QByteArray bytes = text.toLocal8Bit();
        fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
        fflush(stdout);
        *exitCode = kExitOk;
        return false;
    }
    if (!positional && !parser.positionalArguments().isEmpty()) {
        printError(QCoreApplication::translate("cli", "unexpected argument %1")
                       .arg(parser.positionalArguments().first()));
        *exitCode = kExitUsage;
        return false;
    }
    return true;
}

bool requireOptions(const QCommandLineParser &parser, const QStringList &names)
{
    QStringList missing;
    for (const QString &n : names) {
        if (!parser.isSet(n))
            missing << u"--"_s + n;
    }
    if (missing.isEmpty())
        return true;
    printError(QCoreApplication::translate("cli", "%1 required").arg(missing.join(u", "_s)));
    return false;
}

CliContext subcommandContext(const CliContext &ctx)
{
    CliContext sub = ctx;
    sub.arguments =
        QStringList{ctx.arguments.value(0) + u' ' + ctx.arguments.value(1)} + ctx.arguments.mid(2);
    return sub;
}

int unknownSubcommand(const QString &command, const QString &sub, const QString &list)
{
    if (sub.isEmpty())
        printError(
            QCoreApplication::translate("cli", "%1: give a subcommand: %2").arg(command, list));
    else
        printError(QCoreApplication::translate("cli", "%1: unknown subcommand %2 (one of: %3)")
                       .arg(command, sub, list));
    return kExitUsage;
}

namespace {

int runHosts(const CliContext &ctx)
{
    QCommandLineParser parser;
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, ctx, &exitCode))
        return exitCode;
    QObject owner;
    const QList<HostSession *> sessions = openHosts(ctx.uris, ctx.timeoutSeconds, &owner);
    QJsonArray out;
    int failures = 0;
    for (const HostSession *s : sessions) {
        const auto &h = s->hostInfo();
        const QString error = hostError(s);
        QJsonObject o{{u"uri"_s, s->uri()},
                      {u"state"_s, error.isEmpty() ? u"connected"_s : u"disconnected"_s}};
        if (error.isEmpty()) {
            o.insert(u"hostname"_s, h.hostname);
            o.insert(u"driver"_s, h.driver);
            o.insert(u"arch"_s, h.arch);
            o.insert(u"cpu_model"_s, h.cpuModel);
            o.insert(u"cpus"_s, h.cpus);
            o.insert(u"memory_kib"_s, double(h.memoryKiB));
            o.insert(u"native_arches"_s, QJsonArray::fromStringList(h.nativeArches));
            o.insert(u"emulated_arches"_s, QJsonArray::fromStringList(h.emulatedArches));
            o.insert(u"vms"_s, int(s->domains().size()));
        } else {
            o.insert(u"error"_s, error);
            printError(QCoreApplication::translate("cli", "%1: %2").arg(s->uri(), error));
            ++failures;
        }
        out.append(o);
    }
    printJson(out);
    return failures ? kExitHostFailed : kExitOk;
}

int runList(const CliContext &ctx)
{
    QCommandLineParser parser;
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, ctx, &exitCode))
        return exitCode;
    QObject owner;
    const QList<HostSession *> sessions = openHosts(ctx.uris, ctx.timeoutSeconds, &owner);
    QJsonArray out;
    int failures = 0;
    for (const HostSession *s : sessions) {
        const QString error = hostError(s);
        if (!error.isEmpty()) {
            printError(QCoreApplication::translate("cli", "%1: %2").arg(s->uri(), error));
            ++failures;
            continue;
        }
        for (const auto &d : s->domains()) {
            out.append(QJsonObject{{u"host"_s, s->uri()},
                                   {u"name"_s, d.name},
                                   {u"uuid"_s, d.uuid},
                                   {u"state"_s, models::domainStateText(d.state)},
                                   {u"arch"_s, d.arch},
                                   {u"machine"_s, d.machine},
                                   {u"mode"_s, d.emulated ? u"emulated"_s : u"native"_s},
                                   {u"vcpus"_s, d.vcpus},
                                   {u"memory_kib"_s, double(d.maxMemoryKiB)}});
        }
    }
    printJson(out);
    return failures ? kExitHostFailed : kExitOk;
}

} // namespace

int runConsoleSnapshot(const CliContext &ctx); // ConsoleCommands.cpp
int runSerialCommand(const CliContext &ctx);   // ConsoleCommands.cpp
CliCommand networkCliCommand();                 // NetworkCommands.cpp
CliCommand vmAddressesCliCommand();             // NetworkCommands.cpp
QList<CliCommand> editCliCommands();            // EditCommands.cpp
QList<CliCommand> migrationCliCommands();       // MigrationCommands.cpp
CliCommand forgetPasswordsCliCommand();         // SecretCommands.cpp

const QList<CliCommand> &cliCommands()
{
    static const QList<CliCommand> commands = QList<CliCommand>{
        {"hosts", QT_TRANSLATE_NOOP("cli", "List the hosts: URI, state, arch, CPU, memory, error"),
         runHosts},
        {"list",
         QT_TRANSLATE_NOOP("cli",
                           "List the VMs of every host: name, state, arch, native or emulated"),
         runList},
        {"choices",
         QT_TRANSLATE_NOOP(
             "cli",
             "What the New-VM dialog offers for --arch A on a host, withheld entries with reasons"),
         runChoicesCommand},
        {"create",
         QT_TRANSLATE_NOOP("cli",
                           "Create a VM (--name, --arch, ...); --dry-run prints its XML only"),
         runCreateCommand},
        {"attach-disk",
         QT_TRANSLATE_NOOP("cli", "Add a new disk to a VM (--vm, --size, --bus, --pool)"),
         runAttachDiskCommand},
        {"stats",
         QT_TRANSLATE_NOOP("cli",
                           "Sample host and VM statistics (CPU, memory, disk, network) as JSON"),
         runStatsCommand},
        {"console-snapshot",
         QT_TRANSLATE_NOOP("cli", "Save a running VM's VNC screen as PNG (--vm NAME --out FILE)"),
         runConsoleSnapshot},
        {"serial",
         QT_TRANSLATE_NOOP("cli",
                           "Print what a running VM's serial console shows for S seconds (--vm)"),
         runSerialCommand},
        networkCliCommand(),
        vmAddressesCliCommand(),
        {"pool",
         QT_TRANSLATE_NOOP("cli", "Storage pools: pool list|create|start|stop|autostart|refresh|"
                                  "delete"),
         runPoolCommand},
        {"volume",
         QT_TRANSLATE_NOOP("cli", "Storage volumes: volume list|create|resize|clone|delete|"
                                  "upload|download"),
         runVolumeCommand},
        forgetPasswordsCliCommand(),
    } + editCliCommands() + templateCliCommands() + migrationCliCommands() +
                snapshotCliCommands();
    return commands;
}

} // namespace crossvirt::cli
