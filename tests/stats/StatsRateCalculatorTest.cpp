// The pure half of statistics: raw counters of consecutive polls -> samples. The
// counters are the shapes libvirt really reports (cpu.time in ns, balloon and node
// memory in KiB, node CPU as cumulative kernel/user/idle/iowait ns), no connection.
#include "models/stats/RateCalculator.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace crossvirt::models;
using namespace Qt::StringLiterals;

namespace {

const QString kVm = u"6695eb01-f6a4-8304-79aa-97f2502e193f"_s;
constexpr qint64 kT0 = 1764640000000; // ms since the epoch

RawVmCounters runningVm(quint64 cpuNs, int vcpus = 2)
{
    RawVmCounters vm;
    vm.active = true;
    vm.running = true;
    vm.vcpus = vcpus;
    vm.cpuTimeNs = cpuNs;
    vm.balloonKiB = 1048576;
    return vm;
}

RawStatsTick tickAt(qint64 msecs, const RawVmCounters &vm)
{
    RawStatsTick raw;
    raw.msecs = msecs;
    raw.vms.insert(kVm, vm);
    return raw;
}

} // namespace

TEST(StatsRateCalculator, FirstPollHasGapsSecondHasRates)
{
    StatsRateCalculator calc;
    const StatsTick first = calc.next(tickAt(kT0, runningVm(5'000'000'000)));
    EXPECT_TRUE(std::isnan(first.vms[kVm].cpuPercent)) << "no rate from one reading";
    EXPECT_EQ(first.vms[kVm].balloonKiB, 1048576.0) << "gauges need no second reading";
    EXPECT_EQ(first.host.runningVms, 1.0);

    // 3 s later, 3 s of CPU time on 2 vCPUs: half of the VM's capacity.
    const StatsTick second = calc.next(tickAt(kT0 + 3000, runningVm(8'000'000'000)));
    EXPECT_DOUBLE_EQ(second.vms[kVm].cpuPercent, 50.0);
    EXPECT_EQ(second.msecs, kT0 + 3000);
}

TEST(StatsRateCalculator, CpuPercentIsBoundedAndZeroVcpusCountAsOne)
{
    StatsRateCalculator calc;
    calc.next(tickAt(kT0, runningVm(0, 0)));
    // 2 s of CPU in 1 s on "0" vCPUs (unknown): capped at 100, never 200.
    EXPECT_DOUBLE_EQ(calc.next(tickAt(kT0 + 1000, runningVm(2'000'000'000, 0))).vms[kVm].cpuPercent,
                     100.0);
}

TEST(StatsRateCalculator, CounterGoingBackIsAGapNotANegativeRate)
{
    StatsRateCalculator calc;
    calc.next(tickAt(kT0, runningVm(90'000'000'000)));
    const StatsTick reset = calc.next(tickAt(kT0 + 3000, runningVm(1'000'000'000)));
    EXPECT_TRUE(std::isnan(reset.vms[kVm].cpuPercent));
    const StatsTick after = calc.next(tickAt(kT0 + 6000, runningVm(4'000'000'000)));
    EXPECT_DOUBLE_EQ(after.vms[kVm].cpuPercent, 50.0) << "rates resume from the new counter";
}

TEST(StatsRateCalculator, StoppedVmIsAGapAndItsRestartStartsAfresh)
{
    StatsRateCalculator calc;
    calc.next(tickAt(kT0, runningVm(10'000'000'000)));
    RawVmCounters off;
    const StatsTick stopped = calc.next(tickAt(kT0 + 3000, off));
    EXPECT_TRUE(std::isnan(stopped.vms[kVm].cpuPercent));
    EXPECT_TRUE(std::isnan(stopped.vms[kVm].balloonKiB));
    EXPECT_EQ(stopped.host.runningVms, 0.0);
    // Restarted with a counter above the old one: still no rate against a reading
    // from before the stop.
    const StatsTick restarted = calc.next(tickAt(kT0 + 6000, runningVm(13'000'000'000)));
    EXPECT_TRUE(std::isnan(restarted.vms[kVm].cpuPercent));
}

TEST(StatsRateCalculator, ResetAfterAReconnectionForgetsEveryReading)
{
    StatsRateCalculator calc;
    RawStatsTick raw = tickAt(kT0, runningVm(1'000'000'000));
    raw.cpuBusy = 1000;
    raw.cpuTotal = 4000;
    calc.next(raw);
    calc.reset();
    raw = tickAt(kT0 + 3000, runningVm(4'000'000'000));
    raw.cpuBusy = 2000;
    raw.cpuTotal = 8000;
    const StatsTick t = calc.next(raw);
    EXPECT_TRUE(std::isnan(t.vms[kVm].cpuPercent));
    EXPECT_TRUE(std::isnan(t.host.cpuPercent));
}

TEST(StatsRateCalculator, NodeCpuFromCumulativeTimesOrTheDriversPercentage)
{
    StatsRateCalculator calc;
    RawStatsTick raw;
    raw.msecs = kT0;
    raw.cpuBusy = 400'000'000'000; // kernel + user
    raw.cpuTotal = 1'600'000'000'000;
    EXPECT_TRUE(std::isnan(calc.next(raw).host.cpuPercent));
    raw.msecs += 3000;
    *raw.cpuBusy += 3'000'000'000;
    *raw.cpuTotal += 12'000'000'000; // 4 CPUs for 3 s
    EXPECT_DOUBLE_EQ(calc.next(raw).host.cpuPercent, 25.0);
    raw.msecs += 3000; // counters that did not move: idle, not a gap
    EXPECT_DOUBLE_EQ(calc.next(raw).host.cpuPercent, 0.0);

    RawStatsTick direct;
    direct.cpuUtilization = 37.0;
    EXPECT_DOUBLE_EQ(StatsRateCalculator().next(direct).host.cpuPercent, 37.0);
}

TEST(StatsRateCalculator, HostMemoryCountsCacheAndBuffersAsFree)
{
    RawStatsTick raw;
    raw.memTotalKiB = 16'000'000;
    raw.memFreeKiB = 2'000'000;
    raw.memBuffersKiB = 1'000'000;
    raw.memCachedKiB = 5'000'000;
    const StatsTick t = StatsRateCalculator().next(raw);
    EXPECT_DOUBLE_EQ(t.host.memoryUsedKiB, 8'000'000.0);
    EXPECT_DOUBLE_EQ(t.host.memoryFreeKiB, 8'000'000.0);

    RawStatsTick missing; // the driver gave no total: a gap, not 0 KiB used
    missing.memFreeKiB = 2'000'000;
    missing.memoryUnsupported = true;
    const StatsTick m = StatsRateCalculator().next(missing);
    EXPECT_TRUE(std::isnan(m.host.memoryUsedKiB));
    EXPECT_TRUE(m.hostMemoryUnsupported);
}

TEST(StatsRateCalculator, DetailRatesOnlyWhileWatchedAndAfreshForANewWatcher)
{
    StatsRateCalculator calc;
    auto watchedVm = [](quint64 bytes, bool watched) {
        RawVmCounters vm = runningVm(0);
        vm.watched = watched;
        vm.diskReadBytes = bytes;
        vm.diskWriteBytes = bytes / 2;
        vm.netRxBytes = bytes * 2;
        vm.netTxBytes = bytes;
        vm.rssKiB = 700'000;
        return vm;
    };
    calc.next(tickAt(kT0, watchedVm(1'000'000, true)));
    StatsTick t = calc.next(tickAt(kT0 + 2000, watchedVm(3'000'000, true)));
    EXPECT_DOUBLE_EQ(t.vms[kVm].diskReadBps, 1'000'000.0);
    EXPECT_DOUBLE_EQ(t.vms[kVm].diskWriteBps, 500'000.0);
    EXPECT_DOUBLE_EQ(t.vms[kVm].netRxBps, 2'000'000.0);
    EXPECT_DOUBLE_EQ(t.vms[kVm].netTxBps, 1'000'000.0);
    EXPECT_DOUBLE_EQ(t.vms[kVm].rssKiB, 700'000.0);

    t = calc.next(tickAt(kT0 + 4000, watchedVm(5'000'000, false)));
    EXPECT_TRUE(std::isnan(t.vms[kVm].diskReadBps)) << "unwatched: no detail";
    // Watched again: the reading from before the pause is not used for a rate.
    t = calc.next(tickAt(kT0 + 60000, watchedVm(9'000'000, true)));
    EXPECT_TRUE(std::isnan(t.vms[kVm].diskReadBps));
}

TEST(StatsRateCalculator, VmGoneFromTheHostLeavesTheTickAndItsCounters)
{
    StatsRateCalculator calc;
    calc.next(tickAt(kT0, runningVm(1'000'000'000)));
    RawStatsTick empty;
    empty.msecs = kT0 + 3000;
    EXPECT_TRUE(calc.next(empty).vms.isEmpty());
    const StatsTick back = calc.next(tickAt(kT0 + 6000, runningVm(7'000'000'000)));
    EXPECT_TRUE(std::isnan(back.vms[kVm].cpuPercent))
        << "an undefined-and-redefined VM starts afresh";
}

// A poll of only the VMs on screen (StatsReadRequest::allVms false) must not treat the
// others as gone: their counters stay, so the next full poll gives them a rate over the
// whole time since their last reading, and the host still counts them as running.
TEST(StatsRateCalculator, PartialPollKeepsTheUnreadVmsCountersAndRunningCount)
{
    const QString other = u"0a1b2c3d-0000-4000-8000-000000000002"_s;
    StatsRateCalculator calc;
    RawStatsTick all = tickAt(kT0, runningVm(1'000'000'000));
    all.vms.insert(other, runningVm(1'000'000'000));
    calc.next(all);

    // 3 s of CPU in 3 s on 2 vCPUs: 50 %.
    RawStatsTick part = tickAt(kT0 + 3000, runningVm(4'000'000'000));
    part.allVms = false;
    StatsTick t = calc.next(part);
    EXPECT_FALSE(t.allVms);
    EXPECT_EQ(t.vms.size(), 1);
    EXPECT_FALSE(t.vms.contains(other));
    EXPECT_DOUBLE_EQ(t.vms[kVm].cpuPercent, 50.0);
    EXPECT_DOUBLE_EQ(t.host.runningVms, 2.0) << "the unread VM still runs";

    // 30 s of CPU in the 30 s since its last reading on 2 vCPUs: 50 %.
    RawStatsTick all2 = tickAt(kT0 + 30000, runningVm(31'000'000'000));
    all2.vms.insert(other, runningVm(31'000'000'000));
    t = calc.next(all2);
    EXPECT_TRUE(t.allVms);
    EXPECT_DOUBLE_EQ(t.vms[other].cpuPercent, 50.0);
    EXPECT_DOUBLE_EQ(t.host.runningVms, 2.0);

    // A full poll without it: gone, and no longer counted by a partial poll either.
    calc.next(tickAt(kT0 + 33000, runningVm(34'000'000'000)));
    RawStatsTick part2 = tickAt(kT0 + 36000, runningVm(37'000'000'000));
    part2.allVms = false;
    EXPECT_DOUBLE_EQ(calc.next(part2).host.runningVms, 1.0);
}
