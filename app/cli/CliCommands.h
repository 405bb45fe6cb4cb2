#pragma once

#include <QJsonValue>
#include <QStringList>
#include <functional>

namespace crossvirt::models {
class HostSession;
}

namespace crossvirt::cli {

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
/// connected with its inventory read, or has failed. Hosts that failed carry
/// their error (HostSession::lastError) and are still returned.
QList<models::HostSession *> openHosts(const QStringList &uris, int timeoutSeconds, QObject *owner);

int runStatsCommand(const CliContext &ctx); // StatsCommand.cpp

void printJson(const QJsonValue &value);
void printError(const QString &message);

} // namespace crossvirt::cli
