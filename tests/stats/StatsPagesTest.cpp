#include "common/TestSupport.h"
#include "models/connection/HostSession.h"
#include "models/stats/StatsCollector.h"
#include "views/charts/HostChartsPage.h"
#include "views/charts/StatsPreferencesDialog.h"
#include "views/charts/TimeSeriesChart.h"
#include "views/charts/VmPerformancePage.h"

#include <QChart>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineSeries>
#include <QSpinBox>
#include <QValueAxis>
#include <cmath>
#include <gtest/gtest.h>

using namespace crossvirt::models;
using namespace crossvirt::views;
using crossvirt::test::sourcePath;
using crossvirt::test::waitUntil;
using namespace Qt::StringLiterals;

namespace {

QString demoUri()
{
    return u"test://"_s + sourcePath(u"resources/demo/demo-x86_64.xml"_s);
}

StatsSettings fastSettings()
{
    StatsSettings s;
    s.intervalSeconds = 1;
    return s;
}

bool connectAndWait(HostSession &session)
{
    session.open();
    return waitUntil([&] {
        return session.state() == ConnectionState::Connected && !session.domains().isEmpty();
    });
}

} // namespace

TEST(TimeSeriesChart, GapSplitsTheLineInsteadOfDrawingZero)
{
    TimeSeriesChart chart(u"t"_s, u"CPU (%)"_s);
    const int m = chart.addMetric(u"CPU"_s);
    chart.setPoints(m, {{1000, 40}, {2000, 50}, {3000, std::nan("")}, {4000, 60}});
    EXPECT_EQ(chart.visiblePointCount(m), 3);
    int lines = 0;
    const auto all = chart.chart()->series();
    for (QAbstractSeries *s : all) {
        auto *line = qobject_cast<QLineSeries *>(s);
        ASSERT_NE(line, nullptr);
        if (line->count() > 0)
            ++lines;
        const auto pts = line->points();
        for (const QPointF &p : pts)
            EXPECT_GT(p.y(), 0.0) << "a gap must not be drawn as zero";
    }
    EXPECT_EQ(lines, 2);
}

TEST(HostChartsPage, ShowsOneSeriesPerMetricWithUnits)
{
    HostSession session(demoUri());
    ASSERT_TRUE(connectAndWait(session));
    StatsCollector collector(&session, fastSettings());
    HostChartsPage page({&collector});
    page.resize(800, 900);
    page.show();

    EXPECT_EQ(page.cpuChart()->metricNames(), QStringList{u"CPU"_s});
    EXPECT_EQ(page.memoryChart()->metricNames(), (QStringList{u"Used"_s, u"Free"_s}));
    EXPECT_EQ(page.runningVmsChart()->metricNames(), QStringList{u"Running VMs"_s});
    EXPECT_TRUE(page.cpuChart()->valueAxis()->titleText().contains(u"%"_s));
    EXPECT_TRUE(page.memoryChart()->valueAxis()->titleText().contains(u"MiB"_s));
    EXPECT_EQ(page.cpuChart()->valueAxis()->max(), 100.0);

    ASSERT_TRUE(waitUntil([&] { return page.runningVmsChart()->visiblePointCount(0) >= 2; }, 5000));
    EXPECT_GE(page.cpuChart()->visiblePointCount(0), 1);
    // The test driver has no node memory statistics: the page says so.
    EXPECT_TRUE(page.memoryNote()->isVisible());
    EXPECT_TRUE(page.memoryNote()->text().contains(u"does not report memory"_s));
    EXPECT_FALSE(page.memoryChart()->isVisible());
}

TEST(VmPerformancePage, RunningVmFillsInWithinTwoIntervals)
{
    HostSession session(demoUri());
    ASSERT_TRUE(connectAndWait(session));
    StatsSettings settings = fastSettings();
    StatsCollector collector(&session, settings);
    QString uuid;
    for (const DomainSummary &d : session.domains()) {
        if (d.state == DomainState::Running) {
            uuid = d.uuid;
            break;
        }
    }
    ASSERT_FALSE(uuid.isEmpty());
    VmPerformancePage page(&collector, uuid);
    page.resize(900, 700);
    QElapsedTimer shown;
    shown.start();
    page.show();
    EXPECT_TRUE(page.isWatching());
    EXPECT_EQ(collector.watchCount(uuid), 1);

    const int twoIntervalsMs = 2 * settings.intervalSeconds * 1000;
    const bool filled = waitUntil(
        [&] {
            return page.cpuChart()->visiblePointCount(0) > 0 &&
                   page.diskChart()->visiblePointCount(0) > 0 &&
                   page.diskChart()->visiblePointCount(1) > 0 &&
                   page.networkChart()->visiblePointCount(0) > 0 &&
                   page.networkChart()->visiblePointCount(1) > 0 &&
                   page.memoryChart()->visiblePointCount(0) > 0;
        },
        twoIntervalsMs + 500); // slack for the offscreen redraw itself
    EXPECT_TRUE(filled) << "after " << shown.elapsed() << " ms";
    EXPECT_TRUE(page.diskChart()->valueAxis()->titleText().contains(u"KiB/s"_s));
    EXPECT_TRUE(page.networkChart()->valueAxis()->titleText().contains(u"KiB/s"_s));
    EXPECT_EQ(page.memoryChart()->metricNames().size(), 2);
    EXPECT_TRUE(page.cpuChart()->chart()->legend()->isVisible());

    page.hide(); // nobody looks: detail stops
    EXPECT_EQ(collector.watchCount(uuid), 0);
}

TEST(StatsPreferencesDialog, IntervalCannotGoBelowOneSecond)
{
    StatsSettings current;
    StatsPreferencesDialog dialog(current);
    EXPECT_EQ(dialog.intervalBox()->value(), 3);
    dialog.intervalBox()->setValue(0);
    EXPECT_EQ(dialog.settings().intervalSeconds, 1);
}
