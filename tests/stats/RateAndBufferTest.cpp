#include "models/stats/RateCalculator.h"
#include "models/stats/RingBuffer.h"
#include "models/stats/StatsSeries.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace crossvirt::models;

TEST(RateCalculator, FirstReadingHasNoRate)
{
    RateCalculator r;
    EXPECT_TRUE(std::isnan(r.update(1000, 0)));
}

TEST(RateCalculator, RateIsDeltaPerSecond)
{
    RateCalculator r;
    r.update(1000, 10'000);
    EXPECT_DOUBLE_EQ(r.update(4000, 13'000), 1000.0); // 3000 bytes over 3 s
    EXPECT_DOUBLE_EQ(r.update(4000, 14'000), 0.0);
}

TEST(RateCalculator, CounterResetGivesNoRateThenResumes)
{
    RateCalculator r;
    r.update(1'000'000, 0);
    r.update(1'003'000, 3000);
    const double atReset = r.update(500, 6000); // counter went down: VM restarted
    EXPECT_TRUE(std::isnan(atReset));
    EXPECT_DOUBLE_EQ(r.update(3500, 9000), 1000.0); // measured from the new counter
}

TEST(RateCalculator, VmRestartNeverGivesNegativeRate)
{
    RateCalculator r;
    double lowest = 0;
    quint64 counter = 5'000'000;
    for (int i = 0; i < 10; ++i) {
        if (i == 5)
            counter = 0; // QEMU restarted: CPU time starts from zero
        counter += 1000;
        const double rate = r.update(counter, i * 1000);
        if (!std::isnan(rate))
            lowest = std::min(lowest, rate);
    }
    EXPECT_GE(lowest, 0.0);
}

TEST(RateCalculator, ClockNotAdvancingGivesNoRate)
{
    RateCalculator r;
    r.update(10, 1000);
    EXPECT_TRUE(std::isnan(r.update(20, 1000)));
}

TEST(RingBuffer, NeverGrowsPastCapacityAndKeepsNewest)
{
    RingBuffer<int> b(5);
    for (int i = 0; i < 12; ++i)
        b.push(i);
    ASSERT_EQ(b.size(), 5);
    EXPECT_EQ(b.toList(), (QList<int>{7, 8, 9, 10, 11}));
    EXPECT_EQ(b.last(), 11);
}

TEST(RingBuffer, ShrinkingKeepsNewestValues)
{
    RingBuffer<int> b(4);
    for (int i = 0; i < 6; ++i)
        b.push(i);
    b.setCapacity(2);
    EXPECT_EQ(b.toList(), (QList<int>{4, 5}));
    b.push(6);
    EXPECT_EQ(b.toList(), (QList<int>{5, 6}));
}

TEST(HostStatsSeries, DefaultHistoryIsFiveMinutesAtThreeSeconds)
{
    const StatsSettings s;
    EXPECT_EQ(s.intervalSeconds, 3);
    EXPECT_EQ(HostStatsSeries().samples.capacity(), 300 / 3 + 1);
}

TEST(ClusterSum, SumsMemoryAndVmsAndWeightsCpuByHostCpus)
{
    HostStatsSeries a, b;
    a.cpus = 4;
    b.cpus = 12;
    a.samples.push({3000, 100.0, 1024.0, 3072.0, 2.0});
    b.samples.push({3100, 0.0, 2048.0, 2048.0, 5.0});
    const HostStatsSeries sum = sumHostSeries({&a, &b}, 3000);
    ASSERT_EQ(sum.samples.size(), 1);
    const HostStatsSample s = sum.samples.last();
    EXPECT_DOUBLE_EQ(s.cpuPercent, 25.0);
    EXPECT_DOUBLE_EQ(s.memoryUsedKiB, 3072.0);
    EXPECT_DOUBLE_EQ(s.memoryFreeKiB, 5120.0);
    EXPECT_DOUBLE_EQ(s.runningVms, 7.0);
}

TEST(ClusterSum, SlotWhereNoHostReportedStaysAGap)
{
    HostStatsSeries a;
    a.cpus = 2;
    a.samples.push({3000, 50.0, kNoValue, kNoValue, 1.0});
    a.samples.push({6000, kNoValue, kNoValue, kNoValue, kNoValue}); // disconnected
    const HostStatsSeries sum = sumHostSeries({&a}, 3000);
    ASSERT_EQ(sum.samples.size(), 2);
    EXPECT_TRUE(std::isnan(sum.samples.at(1).cpuPercent));
    EXPECT_TRUE(std::isnan(sum.samples.at(1).runningVms));
}
