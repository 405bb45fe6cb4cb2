// crossvirt-cli network list|create|start|stop|autostart|delete|leases and vm-addresses:
// the same core (models/network) as the host's Networks page.

#include "app/cli/CliCommands.h"

#include "models/connection/HostSession.h"
#include "models/network/HostNetworks.h"
#include "models/network/NetworkValidation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace crossvirt::cli {

using models::HostNetworks;
using models::HostSession;
using models::NetworkRefused;

namespace {

// lupdate and the runtime both see the context "cli" for CliText::tr().
struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(cli)
};

/// Runs `fn`, mapping a refusal to exit 1 and any other failure (libvirt) to exit 2.
template<typename Fn> int guarded(Fn fn)
{
    try {
        return fn();
    } catch (const NetworkRefused &e) {
        for (const QString &reason : e.reasons())
            printError(reason);
        return kExitRefused;
    } catch (...) {
        printError(models::errorText(std::current_exception()));
        return kExitHostFailed;
    }
}

QJsonObject networkJson(const QString &host, const models::VirtualNetwork &n)
{
    return QJsonObject{{u"host"_s, host},
                       {u"name"_s, n.name},
                       {u"uuid"_s, n.uuid},
                       {u"mode"_s, n.mode == models::NetworkMode::Other
                                       ? n.modeId
                                       : models::networkModeId(n.mode)},
                       {u"bridge"_s, n.bridge},
                       {u"ipv4"_s, n.ipv4.cidr()},
                       {u"dhcp_start"_s, n.ipv4.dhcpStart},
                       {u"dhcp_end"_s, n.ipv4.dhcpEnd},
                       {u"ipv6"_s, n.ipv6.cidr()},
                       {u"domain"_s, n.domainName},
                       {u"active"_s, n.active},
                       {u"autostart"_s, n.autostart},
                       {u"persistent"_s, n.persistent}};
}

int networkList(const CliContext &ctx)
{
    QObject owner;
    QJsonArray out;
    int failures = 0;
    for (HostSession *s : openHosts(ctx.uris, ctx.timeoutSeconds, &owner)) {
        QString error = hostError(s);
        if (error.isEmpty()) {
            try {
                for (const auto &n : await(HostNetworks::list(s)))
                    out.append(networkJson(s->uri(), n));
            } catch (...) {
                error = models::errorText(std::current_exception());
            }
        }
        if (!error.isEmpty()) {
            printError(CliText::tr("%1: %2").arg(s->uri(), error));
            ++failures;
        }
    }
    printJson(out);
    return failures ? kExitHostFailed : kExitOk;
}

const char *const kNetworkSummary = QT_TRANSLATE_NOOP(
    "cli", "Virtual networks of a host: list, create, start, stop, autostart, delete, leases");

int runNetworkCommand(const CliContext &ctx)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(
        u"action"_s, CliText::tr("list, create, start, stop, autostart, delete or leases"));
    const QCommandLineOption name(u"name"_s, CliText::tr("The network's name."), u"NAME"_s);
    const QCommandLineOption mode(
        u"mode"_s, CliText::tr("create: nat (default), route, isolated or bridge."), u"MODE"_s);
    const QCommandLineOption ipv4(
        u"ipv4"_s,
        CliText::tr("create: the IPv4 network, e.g. 192.168.100.0/24 (the host gets .1)."),
        u"CIDR"_s);
    const QCommandLineOption dhcp(
        u"dhcp"_s,
        CliText::tr(
            "create: the DHCP range START-END; 'auto' for the whole subnet (.2 to the last)."),
        u"RANGE"_s);
    const QCommandLineOption ipv6(
        u"ipv6"_s, CliText::tr("create: an IPv6 network, e.g. fd00:1::/64."), u"CIDR"_s);
    const QCommandLineOption domain(
        u"domain"_s, CliText::tr("create: the DNS domain of the guests."), u"DOMAIN"_s);
    const QCommandLineOption bridge(
        u"bridge"_s,
        CliText::tr(
            "create: bridge mode: the host's existing bridge; other modes: the bridge to create."),
        u"BRIDGE"_s);
    const QCommandLineOption autostart(
        u"autostart"_s,
        CliText::tr("create: start it with the host. autostart: turn autostart on."));
    const QCommandLineOption noStart(u"no-start"_s,
                                     CliText::tr("create: define it without starting it."));
    const QCommandLineOption off(u"off"_s, CliText::tr("autostart: turn autostart off."));
    parser.addOptions({name, mode, ipv4, dhcp, ipv6, domain, bridge, autostart, noStart, off});
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, ctx, &exitCode, true))
        return exitCode;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.isEmpty() ? u"list"_s : positional.value(0);
    const QString networkName = parser.isSet(name) ? parser.value(name) : positional.value(1);
    static const QStringList actions{u"list"_s,      u"create"_s, u"start"_s, u"stop"_s,
                                     u"autostart"_s, u"delete"_s, u"leases"_s};
    if (!actions.contains(action) || positional.size() > 2) {
        printError(CliText::tr("network: give one of %1").arg(actions.join(u", "_s)));
        return kExitUsage;
    }
    if (action == "list"_L1)
        return networkList(ctx);
    if (networkName.isEmpty() && action != "create"_L1) {
        printError(CliText::tr("network %1: give the network with --name NAME").arg(action));
        return kExitUsage;
    }

    models::NetworkSpec spec;
    if (action == "create"_L1) {
        spec.name = parser.value(name);
        const QString modeId = parser.isSet(mode) ? parser.value(mode) : u"nat"_s;
        spec.mode = models::networkModeFromId(modeId);
        if (spec.mode == models::NetworkMode::Other) {
            printError(CliText::tr("--mode %1: use nat, route, isolated or bridge").arg(modeId));
            return kExitRefused;
        }
        spec.ipv4 = parser.value(ipv4);
        spec.ipv6 = parser.value(ipv6);
        spec.domainName = parser.value(domain);
        spec.bridge = parser.value(bridge);
        spec.autostart = parser.isSet(autostart);
        spec.start = !parser.isSet(noStart);
        if (parser.isSet(dhcp)) {
            const QString range = parser.value(dhcp);
            if (range == "auto"_L1) {
                const auto suggested = models::suggestedDhcpRange(spec.ipv4);
                spec.dhcpStart = suggested.first;
                spec.dhcpEnd = suggested.second;
            } else {
                const qsizetype dash = range.indexOf(u'-');
                spec.dhcpStart = range.left(dash);
                spec.dhcpEnd = dash < 0 ? QString() : range.mid(dash + 1);
            }
            if (spec.dhcpStart.isEmpty() || spec.dhcpEnd.isEmpty()) {
                printError(
                    CliText::tr("--dhcp %1: give START-END (or auto with --ipv4)").arg(range));
                return kExitRefused;
            }
        }
        // The rules that need no host first: nothing is opened for a bad spec.
        const auto problems = models::validateNetworkSpec(spec, {});
        if (!problems.isEmpty()) {
            for (const auto &p : problems)
                printError(p.text);
            return kExitRefused;
        }
    }

    QObject owner;
    HostSession *s = openOne(ctx.uris, ctx.timeoutSeconds, &owner, &exitCode);
    if (!s)
        return exitCode;
    return guarded([&]() -> int {
        if (action == "create"_L1) {
            const auto created = await(HostNetworks::create(s, spec));
            printJson(networkJson(s->uri(), created));
            return kExitOk;
        }
        // Name a network the host lacks as a refusal, before asking libvirt to act on it.
        const auto networks = await(HostNetworks::list(s));
        const auto it = std::find_if(networks.begin(), networks.end(),
                                     [&](const auto &n) { return n.name == networkName; });
        if (it == networks.end())
            throw NetworkRefused(
                {CliText::tr("%1 has no network called “%2”").arg(s->uri(), networkName)});
        if (action == "leases"_L1) {
            QJsonArray out;
            for (const auto &l : await(HostNetworks::leases(s, networkName))) {
                out.append(QJsonObject{{u"network"_s, networkName},
                                       {u"mac"_s, l.mac},
                                       {u"ip"_s, l.ip},
                                       {u"hostname"_s, l.hostname},
                                       {u"vm"_s, l.vmName},
                                       {u"expiry"_s, l.expiry.isValid()
                                                         ? l.expiry.toUTC().toString(Qt::ISODate)
                                                         : QString()}});
            }
            printJson(out);
            return kExitOk;
        }
        if (action == "start"_L1)
            await(HostNetworks::start(s, networkName));
        else if (action == "stop"_L1)
            await(HostNetworks::stop(s, networkName));
        else if (action == "autostart"_L1)
            await(HostNetworks::setAutostart(s, networkName, !parser.isSet(off)));
        else if (action == "delete"_L1)
            await(HostNetworks::remove(s, networkName));
        if (action == "delete"_L1) {
            printJson(
                QJsonObject{{u"host"_s, s->uri()}, {u"name"_s, networkName}, {u"deleted"_s, true}});
            return kExitOk;
        }
        for (const auto &n : await(HostNetworks::list(s))) {
            if (n.name == networkName)
                printJson(networkJson(s->uri(), n));
        }
        return kExitOk;
    });
}

int runVmAddressesCommand(const CliContext &ctx)
{
    QCommandLineParser parser;
    const QCommandLineOption vm(u"vm"_s, CliText::tr("Only this VM (default: every running VM)."),
                                u"NAME"_s);
    parser.addOption(vm);
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, ctx, &exitCode))
        return exitCode;
    const QString vmName = parser.value(vm);
    QObject owner;
    QJsonArray out;
    int failures = 0;
    bool found = false;
    for (HostSession *s : openHosts(ctx.uris, ctx.timeoutSeconds, &owner)) {
        QString error = hostError(s);
        if (error.isEmpty()) {
            for (const auto &d : s->domains()) {
                if (!vmName.isEmpty() && d.name != vmName)
                    continue;
                found = true;
                const bool running = d.state == models::DomainState::Running ||
                                     d.state == models::DomainState::Paused;
                if (!running) {
                    if (!vmName.isEmpty()) {
                        printError(CliText::tr("“%1” is not running (%2): it has no addresses")
                                       .arg(vmName, models::domainStateText(d.state)));
                        return kExitRefused;
                    }
                    continue;
                }
                try {
                    for (const auto &nic : await(HostNetworks::nicAddresses(s, d.uuid))) {
                        out.append(
                            QJsonObject{{u"host"_s, s->uri()},
                                        {u"vm"_s, d.name},
                                        {u"mac"_s, nic.mac},
                                        {u"interface"_s, nic.interfaceName},
                                        {u"addresses"_s, QJsonArray::fromStringList(nic.addresses)},
                                        {u"sources"_s, QJsonArray::fromStringList(nic.sources)}});
                    }
                } catch (...) {
                    error = models::errorText(std::current_exception());
                    break;
                }
            }
        }
        if (!error.isEmpty()) {
            printError(CliText::tr("%1: %2").arg(s->uri(), error));
            ++failures;
        }
    }
    if (!failures && !vmName.isEmpty() && !found) {
        printError(CliText::tr("no host has a VM called “%1”").arg(vmName));
        return kExitRefused;
    }
    printJson(out);
    return failures ? kExitHostFailed : kExitOk;
}

} // namespace

CliCommand networkCliCommand()
{
    return {"network", kNetworkSummary, runNetworkCommand};
}

CliCommand vmAddressesCliCommand()
{
    return {"vm-addresses",
            QT_TRANSLATE_NOOP("cli", "The IP addresses of running VMs' NICs (--vm NAME for one), "
                                     "from DHCP leases and the guest agent"),
            runVmAddressesCommand};
}

} // namespace crossvirt::cli
