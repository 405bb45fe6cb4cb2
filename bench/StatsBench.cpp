// crossvirt-bench: starts the real inventory and statistics machinery on generated
// libvirt test-driver hosts and prints figures. Run by hand:
//   crossvirt-bench                      both scenarios, each in its own process
//   crossvirt-bench --hosts 1 --vms 1000 [--seconds 60]
//   crossvirt-bench --gui [...]          the real main window instead (GuiBench.cpp)
#include "bench/GuiBench.h"
#include "bench/HostFile.h"
#include "models/connection/Datacenter.h"
#include "models/connection/HostSession.h"
#include "models/inventory/InventoryFilterProxy.h"
#include "models/inventory/InventoryModel.h"
#include "models/stats/DatacenterStats.h"
#include "models/stats/InventoryStatsProxy.h"
#include "models/stats/StatsCollector.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

using namespace crossvirt::models;
using namespace Qt::StringLiterals;

namespace {

double cpuSeconds()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

double peakRssMiB()
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

/// Measures how late a 5 ms precise timer fires on the GUI thread: the time an
/// event waited behind other work there.
class LatencyProbe : public QObject
{
public:
    explicit LatencyProbe(QObject *parent = nullptr) : QObject(parent)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(kPeriodMs);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last >= 0)
                m_samples << qMax<double>(0.0, double(now - m_last) / 1e6 - kPeriodMs);
            m_last = now;
        });
        m_clock.start();
        m_timer.start();
    }
    QList<double> take()
    {
        m_last = -1;
        return std::exchange(m_samples, {});
    }

private:
    static constexpr int kPeriodMs = 5;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = -1;
    QList<double> m_samples;
};

/// Times every event delivered on the GUI thread, to name what blocked the loop.
class BenchApplication : public QGuiApplication
{
public:
    using QGuiApplication::QGuiApplication;

    struct SlowEvent
    {
        double ms;
        QByteArray receiver;
        int type;
    };

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (QThread::currentThread() != thread()) // worker threads: not the GUI loop
            return QGuiApplication::notify(receiver, event);
        if (++m_depth > 1) { // nested loops: time only the outermost delivery
            const bool r = QGuiApplication::notify(receiver, event);
            --m_depth;
            return r;
        }
        QElapsedTimer t;
        t.start();
        const QByteArray name = receiver->metaObject()->className();
        const int type = event->type();
        const bool r = QGuiApplication::notify(receiver, event);
        const double ms = double(t.nsecsElapsed()) / 1e6;
        --m_depth;
        if (ms >= 4.0)
            m_slow.append({ms, name, type});
        return r;
    }
    QList<SlowEvent> takeSlow() { return std::exchange(m_slow, {}); }

private:
    int m_depth = 0;
    QList<SlowEvent> m_slow;
};

void printSlow(const char *phase, QList<BenchApplication::SlowEvent> slow)
{
    std::sort(slow.begin(), slow.end(), [](auto &a, auto &b) { return a.ms > b.ms; });
    for (qsizetype i = 0; i < qMin<qsizetype>(5, slow.size()); ++i)
        printf("    slow GUI event while %s: %6.1f ms in %s (event type %d)\n", phase, slow[i].ms,
               slow[i].receiver.constData(), slow[i].type);
}

struct Percentiles
{
    double p50 = 0, p99 = 0, max = 0;
};

Percentiles percentiles(QList<double> v)
{
    Percentiles p;
    if (v.isEmpty())
        return p;
    std::sort(v.begin(), v.end());
    auto at = [&](double q) { return v[qMin(v.size() - 1, qsizetype(q * double(v.size())))]; };
    p.p50 = at(0.50);
    p.p99 = at(0.99);
    p.max = v.last();
    return p;
}

// Runs the event loop (idle-waiting, never spinning) until done() or the timeout.
void waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QEventLoop loop;
    QTimer check;
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    check.start(10);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!done())
        loop.exec();
}

int runScenario(int hosts, int vms, int seconds)
{
    QTemporaryDir dir;
    QStringList uris;
    for (int h = 0; h < hosts; ++h) {
        const QString path = dir.filePath(u"bench-host-%1.xml"_s.arg(h));
        if (!crossvirt::bench::writeHostFile(path, h, vms)) {
            fprintf(stderr, "crossvirt-bench: cannot write %s\n", qPrintable(path));
            return 1;
        }
        uris << u"test://"_s + path;
    }

    // Baseline: the same probe with nothing else on the GUI thread. On a shared,
    // loaded machine this shows how much latency the scheduler alone adds.
    LatencyProbe probe;
    QCoreApplication::processEvents();
    probe.take();
    waitFor([] { return false; }, 3000);
    const Percentiles idleLatency = percentiles(probe.take());
    const double cpu0 = cpuSeconds();
    QElapsedTimer clock;
    clock.start();

    Datacenter datacenter;
    InventoryModel inventory(&datacenter);
    DatacenterStats stats(&datacenter, StatsSettings{}); // the default interval (3 s)
    InventoryStatsProxy proxy(&stats);
    proxy.setSourceModel(&inventory);
    // The GUI's filter proxy sits on top: it re-checks rows on every dataChanged.
    InventoryFilterProxy filter;
    filter.setSourceModel(&proxy);
    datacenter.useTransient(uris);

    auto inventoryComplete = [&] {
        if (inventory.rowCount() != hosts)
            return false;
        for (int h = 0; h < hosts; ++h) {
            if (inventory.rowCount(inventory.index(h, 0)) != vms)
                return false;
        }
        return true;
    };
    waitFor(inventoryComplete, 120'000);
    const double inventoryMs = double(clock.nsecsElapsed()) / 1e6;
    if (!inventoryComplete()) {
        fprintf(stderr, "crossvirt-bench: inventory incomplete after 120 s\n");
        return 1;
    }
    const double connectCpu = cpuSeconds() - cpu0;
    const Percentiles connectLatency = percentiles(probe.take());
    auto *benchApp = static_cast<BenchApplication *>(QCoreApplication::instance());
    const auto slowConnecting = benchApp->takeSlow();

    // One VM page open per host, as a user looking at one VM would cause.
    for (HostSession *s : datacenter.sessions())
        stats.collector(s->uri())->watch(s->domains().first().uuid);

    // Steady polling: let the first polls settle, then measure.
    waitFor([] { return false; }, 4000);
    probe.take();
    benchApp->takeSlow();
    const double cpu1 = cpuSeconds();
    QElapsedTimer steady;
    steady.start();
    waitFor([] { return false; }, seconds * 1000);
    const double pollCpu = cpuSeconds() - cpu1;
    const double pollMinutes = double(steady.elapsed()) / 60000.0;
    const Percentiles pollLatency = percentiles(probe.take());
    const auto slowPolling = benchApp->takeSlow();
    int polled = 0, skipped = 0;
    for (StatsCollector *c : stats.collectors()) {
        polled += c->ticksPolled();
        skipped += c->ticksSkipped();
    }

    printf("scenario %d host(s) x %d VMs (interval %d s, %d s measured)\n", hosts, vms,
           stats.settings().intervalSeconds, seconds);
    printf("  time to full inventory        %8.0f ms\n", inventoryMs);
    printf("  CPU while connecting          %8.2f s\n", connectCpu);
    printf("  CPU per minute of polling     %8.2f s/min\n", pollCpu / pollMinutes);
    printf("  peak RSS                      %8.1f MiB\n", peakRssMiB());
    printf("  event loop, idle baseline p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms\n",
           idleLatency.p50, idleLatency.p99, idleLatency.max);
    printf("  event loop, connecting  p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms\n",
           connectLatency.p50, connectLatency.p99, connectLatency.max);
    printf("  event loop, polling     p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms\n", pollLatency.p50,
           pollLatency.p99, pollLatency.max);
    printSlow("connecting", slowConnecting);
    printSlow("polling", slowPolling);
    printf("  polls %d, skipped (previous still running) %d\n", polled, skipped);
    fflush(stdout);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (crossvirt::bench::wantsGuiBench(argc, argv))
        return crossvirt::bench::runGuiBench(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    BenchApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Inventory and statistics benchmark on test-driver hosts"_s);
    parser.addHelpOption();
    QCommandLineOption hostsOpt(u"hosts"_s, u"Hosts to generate"_s, u"N"_s);
    QCommandLineOption vmsOpt(u"vms"_s, u"VMs per host"_s, u"N"_s, u"1000"_s);
    QCommandLineOption secondsOpt(u"seconds"_s, u"Seconds of steady polling to measure"_s, u"S"_s,
                                  u"60"_s);
    parser.addOptions({hostsOpt, vmsOpt, secondsOpt});
    parser.process(app);
    const int seconds = qMax(5, parser.value(secondsOpt).toInt());
    if (parser.isSet(hostsOpt))
        return runScenario(qMax(1, parser.value(hostsOpt).toInt()),
                           qMax(1, parser.value(vmsOpt).toInt()), seconds);

    // Each scenario in its own process, so peak RSS is its own.
    int rc = 0;
    for (int hosts : {1, 10}) {
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedChannels);
        child.start(QCoreApplication::applicationFilePath(),
                    {u"--hosts"_s, QString::number(hosts), u"--vms"_s, parser.value(vmsOpt),
                     u"--seconds"_s, QString::number(seconds)});
        child.waitForFinished(-1);
        rc |= child.exitCode();
    }
    return rc;
}
