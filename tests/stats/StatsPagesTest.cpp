#include "common/TestSupport.h"
#include "models/connection/Datacenter.h"
#include "models/connection/HostSession.h"
#include "models/inventory/InventoryModel.h"
#include "models/stats/DatacenterStats.h"
#include "models/stats/InventoryStatsProxy.h"
#include "models/stats/StatsCollector.h"
#include "views/charts/HostChartsPage.h"
#include "views/charts/OnScreenStats.h"
#include "views/charts/StatsPreferencesDialog.h"
#include "views/charts/TimeSeriesChart.h"
#include "views/charts/VmPerformancePage.h"
#include "views/mainwindow/InventoryTreeView.h"

#include <QChart>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineSeries>
#include <QPaintEvent>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTreeView>
#include <QValueAxis>
#include <cmath>
#include <gtest/gtest.h>

using namespace crossvirt::models;
using namespace crossvirt::views;
using crossvirt::test::makeTempDir;
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

namespace {

// A test-driver host with `vms` running guests named vm000, vm001, ...
QString hostWithVms(int vms)
{
    const QString path = makeTempDir() + u"/host.xml"_s;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    QByteArray xml = "<node><cpu><mhz>3000</mhz><model>x86_64</model><active>8</active>"
                     "<nodes>1</nodes><sockets>1</sockets><cores>8</cores><threads>1</threads>"
                     "</cpu><memory>16777216</memory>";
    for (int i = 0; i < vms; ++i) {
        xml += QStringLiteral("<domain type='kvm'><name>vm%1</name><memory>1048576</memory>"
                              "<vcpu>1</vcpu><os><type arch='x86_64'>hvm</type></os></domain>")
                   .arg(i, 3, 10, QChar(u'0'))
                   .toUtf8();
    }
    xml += "</node>";
    f.write(xml);
    return path;
}

} // namespace

// The statistics learn which VMs the inventory tree shows, and follow scrolling: those
// are read every tick, the hundreds scrolled away only every few ticks.
TEST(OnScreenStats, ReportsTheVmRowsOnScreenAndFollowsScrolling)
{
    Datacenter datacenter;
    InventoryModel inventory(&datacenter);
    DatacenterStats stats(&datacenter, fastSettings());
    InventoryStatsProxy proxy(&stats);
    proxy.setSourceModel(&inventory);
    QTreeView tree;
    tree.setModel(&proxy);
    tree.setUniformRowHeights(true);
    tree.resize(400, 300);
    OnScreenStats onScreen(&tree, &stats);
    tree.show();

    const QString path = hostWithVms(200);
    ASSERT_FALSE(path.isEmpty());
    datacenter.useTransient({u"test://"_s + path});
    HostSession *session = datacenter.sessions().first();
    ASSERT_TRUE(waitUntil([&] { return proxy.rowCount(proxy.index(0, 0)) == 200; }));
    tree.expandAll();
    StatsCollector *collector = stats.collector(session->uri());
    ASSERT_NE(collector, nullptr);
    EXPECT_EQ(collector->offScreenEvery(), OnScreenStats::kOffScreenEvery);

    auto uuidAtRow = [&](int row) {
        return proxy.index(row, 0, proxy.index(0, 0)).data(InventoryModel::UuidRole).toString();
    };
    ASSERT_TRUE(waitUntil([&] { return collector->onScreen().contains(uuidAtRow(0)); }));
    const qsizetype shown = collector->onScreen().size();
    EXPECT_GT(shown, 3);
    EXPECT_LT(shown, 40) << "only the rows that fit in 300 pixels";
    EXPECT_FALSE(collector->onScreen().contains(uuidAtRow(199)));

    tree.verticalScrollBar()->setValue(tree.verticalScrollBar()->maximum());
    ASSERT_TRUE(waitUntil([&] { return collector->onScreen().contains(uuidAtRow(199)); }));
    EXPECT_FALSE(collector->onScreen().contains(uuidAtRow(0)));

    // Partial ticks repaint only the rows they read: one range within the rows on screen.
    int partialRanges = 0, widest = 0;
    QObject::connect(&proxy, &QAbstractItemModel::dataChanged, &tree,
                     [&](const QModelIndex &from, const QModelIndex &to) {
                         if (!from.parent().isValid() || collector->lastUpdateReadAll())
                             return; // the host's own cell, or a tick that read every VM
                         ++partialRanges;
                         widest = qMax(widest, to.row() - from.row() + 1);
                     });
    ASSERT_TRUE(waitUntil([&] { return partialRanges >= 2; }, 8000));
    EXPECT_LE(widest, shown + 1);
    tree.hide();
    ASSERT_TRUE(waitUntil([&] { return collector->onScreen().isEmpty(); }));
}

namespace {

// Records what a widget repaints.
class PaintRecorder : public QObject
{
public:
    int paints = 0;
    QRegion region;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            ++paints;
            region += static_cast<QPaintEvent *>(event)->region();
        }
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

// A statistics tick changes the CPU column of a host's thousands of rows: the tree
// repaints only what of it is on screen, and nothing for a host scrolled away.
TEST(InventoryTreeView, AStatsTickRepaintsOnlyItsColumnOnScreen)
{
    QStandardItemModel model;
    model.setColumnCount(3);
    for (int h = 0; h < 2; ++h) {
        auto *host = new QStandardItem(u"host%1"_s.arg(h));
        for (int v = 0; v < 100; ++v) {
            host->appendRow({new QStandardItem(u"vm%1"_s.arg(v)), new QStandardItem(u"on"_s),
                             new QStandardItem(u"1 %"_s)});
        }
        model.appendRow({host, new QStandardItem, new QStandardItem});
    }
    InventoryTreeView tree;
    tree.setModel(&model);
    tree.setStatsColumn(2);
    tree.setUniformRowHeights(true);
    tree.resize(400, 300);
    tree.expandAll();
    tree.show();
    waitUntil([] { return false; }, 300); // the first paints
    PaintRecorder recorder;
    tree.viewport()->installEventFilter(&recorder);
    const QModelIndex first = model.index(0, 0), second = model.index(1, 0);

    emit model.dataChanged(model.index(0, 2, second), model.index(99, 2, second));
    waitUntil([] { return false; }, 200);
    EXPECT_EQ(recorder.paints, 0) << "the second host's rows are all scrolled away";

    model.setData(model.index(3, 2, first), u"5 %"_s); // a tick of the first host
    emit model.dataChanged(model.index(0, 2, first), model.index(99, 2, first));
    ASSERT_TRUE(waitUntil([&] { return recorder.paints > 0; }));
    const QRect column(tree.columnViewportPosition(2), 0, tree.columnWidth(2),
                       tree.viewport()->height());
    EXPECT_TRUE(column.contains(recorder.region.boundingRect())) << "only the CPU column repaints";

    // Any other change repaints as QTreeView always did.
    recorder.paints = 0;
    recorder.region = {};
    model.setData(model.index(3, 0, first), u"renamed"_s);
    ASSERT_TRUE(waitUntil([&] { return recorder.paints > 0; }));
    EXPECT_LT(recorder.region.boundingRect().left(), tree.columnViewportPosition(1));
}
