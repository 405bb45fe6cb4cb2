#pragma once

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>
#include <QJsonValue>
#include <QStringList>
#include <QTimer>
#include <functional>
#include <type_traits>

class QCommandLineParser;

namespace crossvirt::models {
class HostSession;
}

namespace crossvirt::cli {

/// Exit codes of every command (documented in `crossvirt-cli --help` and the README).
enum ExitCode
{
    kExitOk = 0,            ///< done
    kExitRefused = 1,       ///< the input was refused or invalid (the reasons are on stderr)
    kExitHostFailed = 2,    ///< a host was unreachable or libvirt failed (libvirt's text on stderr)
    kExitUsage = 64,        ///< bad usage (unknown command or option, missing argument)
    kExitInterrupted = 130, ///< a long job cancelled by Ctrl-C or SIGTERM (the shell's code)
};

/// What every subcommand gets: the hosts to work on and its own arguments.
struct CliContext
{
    QStringList uris;      ///< --connect values, else the saved list, else the demo datacenter
    QStringList arguments; ///< the subcommand's own arguments (argv[0] is the subcommand)
    int timeoutSeconds = 30;
};

/// A subcommand: prints JSON on stdout, messages on stderr, returns the exit code.
struct CliCommand
{
    const char *name;
    const char *summary;
    std::function<int(const CliContext &)> run;
};

/// Every subcommand, in help order. New ones are added to the list in CliCommands.cpp.
const QList<CliCommand> &cliCommands();

/// Opens one HostSession per URI on worker threads and waits until each host is
/// connected with its inventory read, or has failed. Hosts that failed keep libvirt's
/// error (see hostError()) and are still returned.
QList<models::HostSession *> openHosts(const QStringList &uris, int timeoutSeconds, QObject *owner);
/// The one host-error path: empty for a connected host, else libvirt's message as it was
/// when the host failed (kept before the session closed), else "no answer in time".
QString hostError(const models::HostSession *session);

/// Splits the global options (--connect/-c URI, --connect=URI, --timeout S, --timeout=S)
/// out of `args`, wherever they are, into `ctx`. Returns false with a message on a
/// global option without its value.
bool takeGlobalOptions(QStringList *args, CliContext *ctx, QString *error);
/// The global options and exit codes, as the help texts print them.
QString globalHelpText();

/// Parses a command's own arguments (ctx.arguments) with `parser`, adding --help.
/// Returns false when the command must end: after --help (its options printed on
/// stdout, *exitCode 0) or after a usage error (printed, *exitCode kExitUsage).
/// `positional`: whether the command takes positional arguments.
bool parseCommandLine(QCommandLineParser &parser, const CliContext &ctx, int *exitCode,
                      bool positional = false);

/// False, with "--a, --b required" printed, when any of the options `names` is not set.
bool requireOptions(const QCommandLineParser &parser, const QStringList &names);

/// The context of a subcommand: "template create --vm x" runs with the arguments
/// "template create", "--vm", "x" (its --help names both words, the summary the command's).
CliContext subcommandContext(const CliContext &ctx);
/// The usage error for a missing or unknown subcommand of `command` (`list`: the valid
/// ones); returns kExitUsage.
int unknownSubcommand(const QString &command, const QString &sub, const QString &list);

int runStatsCommand(const CliContext &ctx); // StatsCommand.cpp
int runPoolCommand(const CliContext &ctx);   // StorageCommands.cpp
int runVolumeCommand(const CliContext &ctx); // StorageCommands.cpp
/// `volume upload` (upload true) and `volume download`: VolumeTransferCommand.cpp.
int runVolumeTransferCommand(const CliContext &ctx, bool upload);

/// Opens exactly one host for commands that change things; nullptr with *exitCode set
/// (usage when not exactly one host was given, host failure when it cannot be reached).
models::HostSession *openOne(const QStringList &uris, int timeout, QObject *owner,
                             int *exitCode);

/// Waits for `future` while processing events (host signals still arrive); rethrows
/// the job's exception.
template<typename T> T await(QFuture<T> future)
{
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<T> watcher;
        QObject::connect(&watcher, &QFutureWatcher<T>::finished, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
    }
    future.waitForFinished();
    if constexpr (!std::is_void_v<T>)
        return future.result();
}

void printJson(const QJsonValue &value);
/// A text table on stdout: columns padded to their widest cell, two spaces apart; leading
/// blanks (a tree's indentation) stay, trailing ones go.
void printTable(const QStringList &headers, const QList<QStringList> &rows);
void printError(const QString &message);
/// A line on stderr that is not an error ("Copying ..."), without the program prefix.
void printNote(const QString &text);

/// Progress of a long job on stderr: on a terminal one line rewritten in place, otherwise
/// the first line at once and then at most one a second (a log stays short).
class ProgressLine
{
public:
    ProgressLine();
    void show(const QString &line);
    /// Ends a line rewritten in place, before any other message is printed.
    void end();

private:
    bool m_tty = false;
    QElapsedTimer m_sinceLine;
    QString m_last;
};

/// While alive, Ctrl-C (SIGINT) and SIGTERM call `onInterrupt` from the event loop (the
/// signal handler only sets a flag): a long job cancels, cleans up and the command exits
/// with kExitInterrupted. The default handlers come back when it is destroyed.
class InterruptWatch
{
public:
    explicit InterruptWatch(std::function<void()> onInterrupt);
    ~InterruptWatch();
    InterruptWatch(const InterruptWatch &) = delete;
    InterruptWatch &operator=(const InterruptWatch &) = delete;

private:
    QTimer m_poll;
};

} // namespace crossvirt::cli
