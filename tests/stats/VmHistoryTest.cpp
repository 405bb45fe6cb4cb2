// The compact VM history (VmHistoryClock + VmSampleRing): what the charts and the CPU
// column read back must be what was recorded, within the stored precision, and it must
// stay small enough for 10,000 VMs.
#include "models/stats/StatsSeries.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace crossvirt::models;

namespace {

VmStatsSample sample(double cpu, double balloon)
{
    VmStatsSample s;
    s.cpuPercent = cpu;
    s.balloonKiB = balloon;
    return s;
}

// Records one poll for every ring of the host, as StatsCollector does.
void poll(VmHistoryClock &clock, qint64 msecs,
          std::initializer_list<std::pair<VmSampleRing *, VmStatsSample>> vms)
{
    clock.push(msecs);
    for (const auto &[ring, s] : vms)
        ring->record(s);
}

} // namespace

TEST(VmHistory, GivesBackWhatWasRecordedWithinFixedPointPrecision)
{
    VmHistoryClock clock(10);
    VmSampleRing ring(&clock);
    EXPECT_TRUE(ring.isEmpty());
    const double cpus[] = {0.0, 0.004, 12.345678, 99.999, 100.0, 250.5};
    for (int i = 0; i < 6; ++i)
        poll(clock, 1000 * i, {{&ring, sample(cpus[i], 1048576.0 + i)}});
    ASSERT_EQ(ring.size(), 6);
    for (int i = 0; i < 6; ++i) {
        const VmStatsSample s = ring.at(i);
        EXPECT_EQ(s.msecs, 1000 * i);
        EXPECT_NEAR(s.cpuPercent, cpus[i], 0.5 / VmSampleRing::kCpuScale);
        EXPECT_NEAR(ring.cpuPercentAt(i), cpus[i], 0.5 / VmSampleRing::kCpuScale);
        EXPECT_EQ(s.balloonKiB, 1048576.0 + i); // whole KiB are exact
        // Nothing watched it: no detail, and none stored.
        EXPECT_TRUE(std::isnan(s.rssKiB));
        EXPECT_TRUE(std::isnan(s.diskReadBps));
        EXPECT_TRUE(std::isnan(s.netTxBps));
    }
    EXPECT_EQ(ring.heapBytes(), 10 * 6); // 2 bytes of CPU and 4 of balloon per slot
}

TEST(VmHistory, GapsStayGapsAndOutOfRangeValuesAreClamped)
{
    VmHistoryClock clock(4);
    VmSampleRing ring(&clock);
    poll(clock, 1, {{&ring, sample(kNoValue, kNoValue)}});
    poll(clock, 2, {{&ring, sample(1e6, 1e15)}}); // beyond 655 % and 4 TiB
    poll(clock, 3, {{&ring, sample(-1.0, -5.0)}});
    EXPECT_TRUE(std::isnan(ring.at(0).cpuPercent));
    EXPECT_TRUE(std::isnan(ring.at(0).balloonKiB));
    EXPECT_NEAR(ring.at(1).cpuPercent, 655.34, 1e-9);
    EXPECT_EQ(ring.at(1).balloonKiB, 4294967294.0);
    EXPECT_EQ(ring.at(2).cpuPercent, 0.0);
    EXPECT_EQ(ring.at(2).balloonKiB, 0.0);
}

TEST(VmHistory, DetailIsKeptOnlyWhileAVmHasSome)
{
    VmHistoryClock clock(3);
    VmSampleRing ring(&clock);
    poll(clock, 1, {{&ring, sample(1, 1)}});
    VmStatsSample watched = sample(2, 2);
    watched.rssKiB = 524288;
    watched.diskReadBps = 1234.5;
    watched.diskWriteBps = 0;
    watched.netRxBps = 1e9;
    poll(clock, 2, {{&ring, watched}});
    const VmStatsSample s = ring.last();
    EXPECT_EQ(s.rssKiB, 524288.0);
    EXPECT_EQ(s.diskReadBps, 1234.5);
    EXPECT_EQ(s.diskWriteBps, 0.0);
    EXPECT_NEAR(s.netRxBps, 1e9, 1e9 * 1e-7); // float: 7 significant digits
    EXPECT_TRUE(std::isnan(s.netTxBps));
    EXPECT_TRUE(std::isnan(ring.at(0).rssKiB)); // before it was watched
    const qsizetype withDetail = ring.heapBytes();
    EXPECT_GT(withDetail, 3 * 6);

    // Unwatched: the detail stays on the chart until it scrolls out, then is freed.
    poll(clock, 3, {{&ring, sample(3, 3)}});
    poll(clock, 4, {{&ring, sample(4, 4)}});
    EXPECT_EQ(ring.at(0).rssKiB, 524288.0);
    EXPECT_EQ(ring.heapBytes(), withDetail);
    poll(clock, 5, {{&ring, sample(5, 5)}});
    EXPECT_EQ(ring.heapBytes(), 3 * 6);
    for (qsizetype i = 0; i < ring.size(); ++i)
        EXPECT_TRUE(std::isnan(ring.at(i).rssKiB));
}

TEST(VmHistory, KeepsTheNewestPointsOnceFullAndAVmArrivingLateHasOnlyItsOwn)
{
    VmHistoryClock clock(5);
    VmSampleRing early(&clock), late(&clock);
    for (int i = 0; i < 12; ++i) {
        if (i < 9)
            poll(clock, i, {{&early, sample(i, i)}});
        else
            poll(clock, i, {{&early, sample(i, i)}, {&late, sample(100 + i, i)}});
    }
    ASSERT_EQ(early.size(), 5);
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(early.at(i).msecs, 7 + i);
        EXPECT_EQ(early.at(i).cpuPercent, 7 + i);
    }
    ASSERT_EQ(late.size(), 3);
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(late.at(i).msecs, 9 + i);
        EXPECT_EQ(late.at(i).cpuPercent, 109 + i);
    }
}

TEST(VmHistory, ChangingTheCapacityKeepsTheNewestPointsOfEveryVm)
{
    VmHistoryClock clock(6);
    VmSampleRing a(&clock), b(&clock);
    for (int i = 0; i < 9; ++i) {
        VmStatsSample sa = sample(i, i);
        sa.netTxBps = 10 * i;
        if (i < 7)
            poll(clock, i, {{&a, sa}});
        else
            poll(clock, i, {{&a, sa}, {&b, sample(50 + i, i)}});
    }
    for (qsizetype shrunk : {3, 8}) { // shrinking, then growing again
        const auto before = clock.layout();
        clock.setCapacity(shrunk);
        a.relayout(before);
        b.relayout(before);
    }
    ASSERT_EQ(a.size(), 3);
    ASSERT_EQ(b.size(), 2);
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(a.at(i).msecs, 6 + i);
        EXPECT_EQ(a.at(i).cpuPercent, 6 + i);
        EXPECT_EQ(a.at(i).netTxBps, 10 * (6 + i));
    }
    EXPECT_EQ(b.at(0).cpuPercent, 57);
    EXPECT_EQ(b.last().cpuPercent, 58);

    // And it keeps recording where it left off.
    poll(clock, 9, {{&a, sample(9, 9)}, {&b, sample(59, 9)}});
    EXPECT_EQ(a.size(), 4);
    EXPECT_EQ(a.last().msecs, 9);
    EXPECT_EQ(b.at(0).cpuPercent, 57);
    EXPECT_EQ(b.last().cpuPercent, 59);
}

TEST(VmHistory, TenThousandVmsOfFiveMinutesFitInSevenMegabytes)
{
    // The default history (5 minutes at 3 s) costs 606 bytes a VM without detail:
    // 6 MB for 10,000 VMs, where 64-byte samples took 65 MB.
    VmHistoryClock clock;
    VmSampleRing ring(&clock);
    EXPECT_EQ(ring.heapBytes(), (300 / 3 + 1) * 6);
    EXPECT_LE(10'000 * ring.heapBytes(), 7'000'000);
}
