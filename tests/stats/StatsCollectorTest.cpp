#include "models/stats/StatsCollector.h"
#include "common/TestSupport.h"
#include "models/connection/Datacenter.h"
#include "models/connection/HostSession.h"
#include "models/inventory/InventoryModel.h"
#include "models/stats/DatacenterStats.h"
#include "models/stats/InventoryStatsProxy.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <cmath>
#include <gtest/gtest.h>

using namespace crossvirt::models;
using crossvirt::test::sourcePath;
using crossvirt::test::waitUntil;
using namespace Qt::StringLiterals;

namespace {

QString demoUri()
{
    return u"test://"_s + sourcePath(u"resources/demo/demo-x86_64.xml"_s);
}

StatsSettings manualSettings()
{
    StatsSettings s;
    s.intervalSeconds = 3600; // the test drives the polls itself
    return s;
}

bool connectAndWait(HostSession &session)
{
    session.open();
    return waitUntil([&] {
        return session.state() == ConnectionState::Connected && !session.domains().isEmpty();
    });
}

// Polls once and waits for the sample (or gap) to land in the host series.
bool poll(StatsCollector &collector)
{
    QSignalSpy updated(&collector, &StatsCollector::updated);
    collector.pollNow();
    return waitUntil([&] { return !updated.isEmpty(); });
}

// The first running VM, or the first shut-off one (not a paused one: it has CPU
// samples and cannot be started). libvirt lists domains in no fixed order.
QString firstDomain(const HostSession &session, bool running)
{
    const DomainState wanted = running ? DomainState::Running : DomainState::Shutoff;
    for (const DomainSummary &d : session.domains()) {
        if (d.state == wanted)
            return d.uuid;
    }
    return {};
}

} // namespace

TEST(StatsCollector, RunningVmsGetCpuAndMemoryAndHostCountsThem)
{
    HostSession session(demoUri());
    ASSERT_TRUE(connectAndWait(session));
    StatsCollector collector(&session, manualSettings());
    ASSERT_TRUE(poll(collector));
    ASSERT_TRUE(poll(collector));

    int running = 0;
    for (const DomainSummary &d : session.domains()) {
        const VmStatsSample s = collector.latestVmSample(d.uuid);
        if (d.state == DomainState::Running) {
            ++running;
            EXPECT_FALSE(std::isnan(s.cpuPercent)) << qPrintable(d.name);
            EXPECT_GE(s.cpuPercent, 0.0);
            EXPECT_LE(s.cpuPercent, 100.0);
            EXPECT_DOUBLE_EQ(s.balloonKiB, double(d.memoryKiB)) << qPrintable(d.name);
        } else if (!isActive(d.state)) { // shut off: no CPU, a gap
            EXPECT_TRUE(std::isnan(s.cpuPercent)) << qPrintable(d.name);
        }
    }
    ASSERT_GT(running, 0);
    const HostStatsSample host = collector.hostSeries().samples.last();
    EXPECT_DOUBLE_EQ(host.runningVms, running);
    EXPECT_FALSE(std::isnan(host.cpuPercent));
    // The test driver has no virNodeGetMemoryStats: said so, not shown as zeros.
    EXPECT_TRUE(collector.hostSeries().memoryUnsupported);
    EXPECT_TRUE(std::isnan(host.memoryUsedKiB));
}

TEST(StatsCollector, DetailOnlyForWatchedVms)
{
    HostSession session(demoUri());
    ASSERT_TRUE(connectAndWait(session));
    StatsCollector collector(&session, manualSettings());
    QString watched, other;
    for (const DomainSummary &d : session.domains()) {
        if (d.state != DomainState::Running)
            continue;
        (watched.isEmpty() ? watched : other) = d.uuid;
        if (!other.isEmpty())
            break;
    }
    ASSERT_FALSE(other.isEmpty()) << "the demo host needs two running VMs";
    collector.watch(watched);
    ASSERT_TRUE(poll(collector));
    ASSERT_TRUE(poll(collector));
    ASSERT_TRUE(poll(collector));
    const VmStatsSample w = collector.latestVmSample(watched);
    EXPECT_FALSE(std::isnan(w.diskReadBps));
    EXPECT_FALSE(std::isnan(w.diskWriteBps));
    EXPECT_FALSE(std::isnan(w.netRxBps));
    EXPECT_GE(w.diskReadBps, 0.0);
    const VmStatsSample o = collector.latestVmSample(other);
    EXPECT_TRUE(std::isnan(o.diskReadBps));
    EXPECT_TRUE(std::isnan(o.netRxBps));

    collector.unwatch(watched);
    EXPECT_EQ(collector.watchCount(watched), 0);
    ASSERT_TRUE(poll(collector));
    EXPECT_TRUE(std::isnan(collector.latestVmSample(watched).diskReadBps));
}

TEST(StatsCollector, DisconnectedHostRecordsGapsThenResumes)
{
    HostSession session(demoUri());
    ASSERT_TRUE(connectAndWait(session));
    StatsCollector collector(&session, manualSettings());
    ASSERT_TRUE(poll(collector));
    ASSERT_TRUE(poll(collector));
    const QString vm = firstDomain(session, true);
    ASSERT_FALSE(vm.isEmpty());
    ASSERT_FALSE(std::isnan(collector.latestVmSample(vm).cpuPercent));

    session.close();
    ASSERT_TRUE(waitUntil([&] { return session.state() == ConnectionState::Disconnected; }));
    ASSERT_TRUE(poll(collector));
    const HostStatsSample gap = collector.hostSeries().samples.last();
    EXPECT_TRUE(std::isnan(gap.cpuPercent));
    EXPECT_TRUE(std::isnan(gap.runningVms));
    // The VM's history is kept, with a gap rather than a drop to zero.
    ASSERT_NE(collector.vmSeries(vm), nullptr);
    EXPECT_TRUE(std::isnan(collector.latestVmSample(vm).cpuPercent));

    ASSERT_TRUE(connectAndWait(session));
    ASSERT_TRUE(poll(collector));
    ASSERT_TRUE(poll(collector));
    EXPECT_FALSE(std::isnan(collector.hostSeries().samples.last().runningVms));
    EXPECT_FALSE(std::isnan(collector.latestVmSample(vm).cpuPercent));
}

TEST(StatsCollector, SkipsTickWhileThePreviousOneRuns)
{
    HostSession session(demoUri());
    ASSERT_TRUE(connectAndWait(session));
    StatsCollector collector(&session, manualSettings());
    collector.pollNow();
    collector.pollNow(); // the first has not come back yet
    EXPECT_EQ(collector.ticksPolled(), 1);
    EXPECT_EQ(collector.ticksSkipped(), 1);
    ASSERT_TRUE(waitUntil([&] { return collector.hostSeries().samples.size() == 1; }));
}

TEST(InventoryStatsProxy, CpuColumnFollowsVmsStartingAndStopping)
{
    Datacenter datacenter;
    InventoryModel inventory(&datacenter);
    StatsSettings settings;
    settings.intervalSeconds = 1;
    DatacenterStats stats(&datacenter, settings);
    InventoryStatsProxy proxy(&stats);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.setSourceModel(&inventory);
    QSignalSpy resets(&proxy, &QAbstractItemModel::modelReset);

    datacenter.useTransient({demoUri()});
    HostSession *session = datacenter.sessions().first();
    ASSERT_TRUE(waitUntil([&] {
        return session->state() == ConnectionState::Connected && !session->domains().isEmpty();
    }));
    const int cpuColumn = proxy.cpuColumn();
    EXPECT_EQ(cpuColumn, inventory.columnCount());
    EXPECT_EQ(proxy.headerData(cpuColumn, Qt::Horizontal).toString(), u"CPU"_s);

    const QModelIndex host = proxy.index(0, 0);
    auto cpuCell = [&](const QString &uuid) {
        const QModelIndex src = inventory.domainIndex(session->uri(), uuid);
        const QModelIndex p = proxy.mapFromSource(src);
        return proxy.index(p.row(), cpuColumn, p.parent());
    };
    const QString running = firstDomain(*session, true);
    const QString stopped = firstDomain(*session, false);
    ASSERT_FALSE(running.isEmpty());
    ASSERT_FALSE(stopped.isEmpty());
    ASSERT_TRUE(waitUntil([&] { return cpuCell(running).data().isValid(); }, 8000));
    EXPECT_TRUE(cpuCell(running).data().toString().endsWith(u'%'));
    EXPECT_FALSE(cpuCell(running)
                     .data(InventoryStatsProxy::CpuHistoryRole)
                     .value<QList<double>>()
                     .isEmpty());
    EXPECT_FALSE(cpuCell(stopped).data().isValid());
    EXPECT_TRUE(proxy.index(0, cpuColumn).data().isValid()); // the host's own CPU

    // Polls change only the CPU column.
    QSignalSpy changes(&proxy, &QAbstractItemModel::dataChanged);
    ASSERT_TRUE(waitUntil([&] { return changes.size() >= 2; }, 5000));
    for (const auto &args : std::as_const(changes)) {
        EXPECT_EQ(args.at(0).toModelIndex().column(), cpuColumn);
        EXPECT_EQ(args.at(1).toModelIndex().column(), cpuColumn);
    }

    // Start the stopped VM and stop the running one while the tester watches.
    bool started = false, stoppedOk = false;
    session->startDomain(stopped).then([&] { started = true; });
    session->forceOffDomain(running).then([&] { stoppedOk = true; });
    ASSERT_TRUE(waitUntil([&] { return started && stoppedOk; }));
    ASSERT_TRUE(waitUntil([&] { return cpuCell(stopped).data().isValid(); }, 8000));
    ASSERT_TRUE(waitUntil([&] { return !cpuCell(running).data().isValid(); }, 8000));
    EXPECT_EQ(proxy.rowCount(host), inventory.rowCount(inventory.index(0, 0)));
    EXPECT_EQ(resets.size(), 0);
}

// A host of thousands of VMs costs per tick what the window shows: the VMs on screen
// are read every tick, the others every n-th tick and whenever the inventory changes.
TEST(StatsCollector, OffScreenVmsAreReadEveryNthTickOnScreenOnesEveryTick)
{
    HostSession session(demoUri());
    ASSERT_TRUE(connectAndWait(session));
    QStringList running;
    for (const DomainSummary &d : session.domains()) {
        if (d.state == DomainState::Running)
            running << d.uuid;
    }
    ASSERT_GE(running.size(), 2) << "the demo host needs two running VMs";
    const QString onScreen = running.at(0), offScreen = running.at(1);
    StatsCollector collector(&session, manualSettings());
    collector.setOffScreenEvery(3);
    collector.setOnScreen({onScreen});
    // Read by the last tick: its last read has the host sample's time.
    auto readNow = [&](const QString &uuid) {
        return collector.lastReadMsecs(uuid) == collector.hostSeries().samples.last().msecs;
    };

    ASSERT_TRUE(poll(collector)); // the first reads every VM
    EXPECT_TRUE(collector.lastUpdateReadAll());
    EXPECT_TRUE(readNow(onScreen));
    EXPECT_TRUE(readNow(offScreen));
    for (int i = 0; i < 2; ++i) {
        QTest::qWait(5); // distinct sample times
        ASSERT_TRUE(poll(collector));
        EXPECT_FALSE(collector.lastUpdateReadAll());
        EXPECT_EQ(collector.lastUpdatedVms(), QList<QString>{onScreen});
        EXPECT_TRUE(readNow(onScreen));
        EXPECT_FALSE(readNow(offScreen));
        // Unread, it keeps its last value in step with the host's samples (the sparkline
        // of a row scrolled into view has no holes).
        ASSERT_NE(collector.vmSeries(offScreen), nullptr);
        EXPECT_EQ(collector.vmSeries(offScreen)->samples.size(),
                  collector.vmSeries(onScreen)->samples.size());
        const double last = collector.latestVmSample(offScreen).cpuPercent;
        const double first = collector.vmSeries(offScreen)->samples.at(0).cpuPercent;
        EXPECT_TRUE(last == first || (std::isnan(last) && std::isnan(first)));
        EXPECT_DOUBLE_EQ(collector.hostSeries().samples.last().runningVms, running.size())
            << "the unread VMs still count";
    }
    EXPECT_FALSE(std::isnan(collector.latestVmSample(onScreen).cpuPercent));

    QTest::qWait(5);
    ASSERT_TRUE(poll(collector)); // the third since: every VM again
    EXPECT_TRUE(collector.lastUpdateReadAll());
    EXPECT_TRUE(readNow(onScreen));
    EXPECT_TRUE(readNow(offScreen));
    EXPECT_FALSE(std::isnan(collector.latestVmSample(offScreen).cpuPercent))
        << "a rate over the time since its last reading";

    // A VM stopped off screen: the next tick reads every VM, so the count is right at once.
    ASSERT_TRUE(poll(collector));
    EXPECT_FALSE(collector.lastUpdateReadAll());
    bool stopped = false;
    session.forceOffDomain(offScreen).then([&] { stopped = true; });
    ASSERT_TRUE(waitUntil(
        [&] { return stopped && session.domain(offScreen)->state == DomainState::Shutoff; }));
    ASSERT_TRUE(poll(collector));
    EXPECT_TRUE(collector.lastUpdateReadAll());
    EXPECT_DOUBLE_EQ(collector.hostSeries().samples.last().runningVms, running.size() - 1);
    EXPECT_TRUE(std::isnan(collector.latestVmSample(offScreen).cpuPercent));
}
