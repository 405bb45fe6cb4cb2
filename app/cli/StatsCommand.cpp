// `crossvirt-cli stats`: samples host and VM statistics with the same collector the
// GUI charts use, and prints them as JSON.
#include "app/cli/CliCommands.h"

#include "models/connection/HostSession.h"
#include "models/stats/StatsCollector.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>
#include <cmath>

namespace crossvirt::cli {

namespace {
// lupdate and the runtime both see the context "cli" for Text::tr().
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(cli)
};
} // namespace

using namespace Qt::StringLiterals;
using models::HostSession;
using models::StatsCollector;

namespace {

QJsonValue number(double v)
{
    return std::isnan(v) ? QJsonValue(QJsonValue::Null) : QJsonValue(v);
}

QJsonObject vmJson(const models::DomainSummary &d, const models::VmStatsSample &s)
{
    return QJsonObject{{u"name"_s, d.name},
                       {u"uuid"_s, d.uuid},
                       {u"state"_s, models::domainStateText(d.state)},
                       {u"cpu_percent"_s, number(s.cpuPercent)},
                       {u"memory_balloon_kib"_s, number(s.balloonKiB)},
                       {u"memory_rss_kib"_s, number(s.rssKiB)},
                       {u"disk_read_bytes_per_s"_s, number(s.diskReadBps)},
                       {u"disk_write_bytes_per_s"_s, number(s.diskWriteBps)},
                       {u"net_rx_bytes_per_s"_s, number(s.netRxBps)},
                       {u"net_tx_bytes_per_s"_s, number(s.netTxBps)}};
}

} // namespace

/// stats [--connect URI]... [--vm NAME] [--samples N] [--interval S]
/// Prints a JSON array: one object per host and sample. Rates need two readings,
/// so one extra (unprinted) poll is made first.
int runStatsCommand(const CliContext &ctx)
{
    QCommandLineParser parser;
    const QCommandLineOption vmOption(
        u"vm"_s, Text::tr("Only this VM (default: every running VM)."), u"NAME"_s);
    const QCommandLineOption samplesOption(u"samples"_s, Text::tr("Samples to print (default 3)."),
                                           u"N"_s, u"3"_s);
    const QCommandLineOption intervalOption(
        u"interval"_s,
        Text::tr("Seconds between samples (default %1).")
            .arg(models::StatsSettings::kDefaultIntervalSeconds),
        u"S"_s, QString::number(models::StatsSettings::kDefaultIntervalSeconds));
    parser.addOptions({vmOption, samplesOption, intervalOption});
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, ctx, &exitCode))
        return exitCode;
    const QStringList uris = ctx.uris;
    const QString vmName = parser.value(vmOption);
    const int samples = qMax(1, parser.value(samplesOption).toInt());
    const int interval =
        qMax(models::StatsSettings::kMinimumIntervalSeconds, parser.value(intervalOption).toInt());

    QObject owner;
    const QList<HostSession *> sessions = openHosts(uris, ctx.timeoutSeconds, &owner);
    models::StatsSettings settings;
    settings.intervalSeconds = interval;

    int failures = 0;
    bool vmFound = vmName.isEmpty();
    QList<StatsCollector *> collectors;
    for (HostSession *s : sessions) {
        if (const QString error = hostError(s); !error.isEmpty()) {
            printError(Text::tr("%1: %2").arg(s->uri(), error));
            ++failures;
            continue;
        }
        auto *collector = new StatsCollector(s, settings, &owner);
        collector->stop(); // polled below at our own pace
        for (const models::DomainSummary &d : s->domains()) {
            if (vmName.isEmpty() ? models::isActive(d.state) : d.name == vmName) {
                collector->watch(d.uuid); // disk, network and RSS for the VMs printed
                vmFound = vmFound || d.name == vmName;
            }
        }
        collectors << collector;
    }
    if (!vmFound) {
        printError(Text::tr("stats: no virtual machine named “%1”").arg(vmName));
        return 1;
    }

    // samples + 1 polls, `interval` apart: the first one only sets the counters.
    QEventLoop loop;
    int polls = 0;
    auto pollAll = [&] {
        for (StatsCollector *c : std::as_const(collectors))
            c->pollNow();
        ++polls;
    };
    auto allHave = [&](qsizetype n) {
        for (StatsCollector *c : std::as_const(collectors)) {
            if (c->hostSeries().samples.size() < n)
                return false;
        }
        return true;
    };
    QTimer timer;
    timer.setInterval(interval * 1000);
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        if (allHave(samples + 1) || polls > samples + 3) {
            loop.quit();
            return;
        }
        pollAll();
    });
    pollAll(); // the baseline; watch()'s own early poll then finds this one running
    timer.start();
    QTimer::singleShot((samples + 5) * interval * 1000 + ctx.timeoutSeconds * 1000, &loop,
                       &QEventLoop::quit);
    if (!collectors.isEmpty())
        loop.exec();

    QJsonArray out;
    for (StatsCollector *c : std::as_const(collectors)) {
        const auto &hostSamples = c->hostSeries().samples;
        const qsizetype from = qMax<qsizetype>(1, hostSamples.size() - samples);
        for (qsizetype i = from; i < hostSamples.size(); ++i) {
            const models::HostStatsSample &h = hostSamples.at(i);
            QJsonObject o{
                {u"time"_s, QDateTime::fromMSecsSinceEpoch(h.msecs).toString(Qt::ISODateWithMs)},
                {u"host"_s, c->uri()},
                {u"cpu_percent"_s, number(h.cpuPercent)},
                {u"running_vms"_s, number(h.runningVms)}};
            if (c->hostSeries().memoryUnsupported) {
                o.insert(u"memory"_s, u"unavailable"_s); // driver lacks node memory stats
            } else {
                o.insert(u"memory_used_kib"_s, number(h.memoryUsedKiB));
                o.insert(u"memory_free_kib"_s, number(h.memoryFreeKiB));
            }
            QJsonArray vms;
            for (const models::DomainSummary &d : c->session()->domains()) {
                if (vmName.isEmpty() ? !models::isActive(d.state) : d.name != vmName)
                    continue;
                models::VmStatsSample match;
                if (const models::VmStatsSeries *series = c->vmSeries(d.uuid)) {
                    for (qsizetype k = 0; k < series->samples.size(); ++k) {
                        if (series->samples.at(k).msecs == h.msecs)
                            match = series->samples.at(k);
                    }
                }
                vms.append(vmJson(d, match));
            }
            o.insert(u"vms"_s, vms);
            out.append(o);
        }
    }
    printJson(out);
    return failures ? kExitHostFailed : kExitOk;
}

} // namespace crossvirt::cli
