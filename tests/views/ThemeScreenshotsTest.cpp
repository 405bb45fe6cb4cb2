// Light and dark themes (File › Preferences › Theme) and HiDPI: the main window, the
// New VM wizard, the host charts and a VM's Console tab are saved as screenshots
// (build/tests/views/screenshots/theme-<light|dark>[-x2]-*.png) to be looked at, and
// what makes them readable is asserted: the palette is the chosen one, charts and the
// CPU column draw with it, and icons have pixmaps for a device pixel ratio of 2.
// desktop_ui_screenshots_x2 runs this file again under QT_SCALE_FACTOR=2.
#include "DesktopFixture.h"
#include "models/inventory/InventoryModel.h"
#include "models/stats/DatacenterStats.h"
#include "models/stats/InventoryStatsProxy.h"
#include "views/charts/HostChartsPage.h"
#include "views/charts/StatsPreferencesDialog.h"
#include "views/charts/TimeSeriesChart.h"
#include "views/common/StateIcons.h"
#include "views/common/Theme.h"
#include "views/dialogs/NewVmDialog.h"
#include "views/mainwindow/MainWindow.h"
#include "views/vm/ConsolePage.h"
#include "views/vm/VmWindow.h"

#include <QAction>
#include <QChart>
#include <QComboBox>
#include <QLegend>
#include <QTabWidget>
#include <QTreeView>
#include <QValueAxis>

using namespace crossvirt;
using namespace crossvirt::models;
using namespace Qt::StringLiterals;
using test::waitUntil;

namespace {

// WCAG's contrast ratio of two colours (1 to 21); 4.5 is enough for body text.
double contrast(const QColor &a, const QColor &b)
{
    auto lum = [](const QColor &c) {
        auto ch = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF());
    };
    const double la = lum(a), lb = lum(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QString prefix(const char *theme)
{
    const bool x2 = qApp->devicePixelRatio() > 1.5;
    return u"theme-%1%2-"_s.arg(QLatin1String(theme), x2 ? u"-x2"_s : QString());
}

void saveShot(QWidget *w, const QString &name)
{
    QApplication::processEvents();
    const QPixmap shot = w->grab();
    EXPECT_TRUE(shot.save(test::screenshotPath(name + u".png"_s))) << name.toStdString();
    EXPECT_DOUBLE_EQ(shot.devicePixelRatio(), qApp->devicePixelRatio());
}

HostSession *sessionOfArch(const Datacenter *dc, const QString &arch)
{
    for (HostSession *s : dc->sessions()) {
        if (s->hostInfo().arch == arch)
            return s;
    }
    return nullptr;
}

void takeScreenshots(views::ThemeChoice choice, const char *theme)
{
    views::applyTheme(choice);
    test::MainWindowUnderTest app = test::openDemoWindow();
    views::MainWindow *w = app.window.get();
    const bool dark = choice == views::ThemeChoice::Dark;
    EXPECT_EQ(views::isDarkPalette(w->palette()), dark);
    const QPalette pal = w->tree()->palette();
    EXPECT_GE(contrast(pal.color(QPalette::Text), pal.color(QPalette::Base)), 7.0);
    EXPECT_GE(contrast(views::emulatedTextColor(pal), pal.color(QPalette::Base)), 4.5)
        << "emulated guests' arch reads on the tree";
    // The CPU column carries its value as text next to the sparkline, never colour alone.
    StatsSettings fast = w->stats()->settings();
    fast.intervalSeconds = 1;
    w->stats()->setSettings(fast);
    HostSession *x86 = sessionOfArch(app.core->datacenter(), u"x86_64"_s);
    ASSERT_NE(x86, nullptr);
    const auto *statsProxy = w->tree()->model();
    const int cpuColumn = InventoryModel::ColumnCount;
    ASSERT_TRUE(waitUntil(
        [&] {
            const QModelIndex host = statsProxy->index(0, 0);
            return statsProxy->index(0, cpuColumn, host).data().toString().contains(u'%');
        },
        8000))
        << "the CPU column shows the percentage as text";
    saveShot(w, prefix(theme) + u"main-window"_s);

    // Host charts: background, labels and legend from the palette.
    ASSERT_TRUE(w->select(x86->uri()));
    w->showHostPerformance();
    views::HostChartsPage *charts = w->hostCharts();
    ASSERT_NE(charts, nullptr);
    ASSERT_TRUE(waitUntil([&] { return charts->cpuChart()->visiblePointCount(0) >= 2; }, 8000));
    QChart *chart = charts->cpuChart()->chart();
    EXPECT_EQ(views::isDarkPalette(charts->palette()), dark);
    EXPECT_EQ(chart->theme(), dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    EXPECT_GE(contrast(chart->legend()->labelColor(), chart->backgroundBrush().color()), 4.5);
    EXPECT_GE(
        contrast(charts->cpuChart()->valueAxis()->labelsColor(), chart->backgroundBrush().color()),
        4.5);
    EXPECT_TRUE(chart->legend()->isVisible()) << "lines are named in a legend, not by colour";
    saveShot(w, prefix(theme) + u"host-charts"_s);

    // The New VM wizard.
    w->newVmAction()->trigger();
    auto *wizard = w->findChild<views::NewVmDialog *>();
    ASSERT_NE(wizard, nullptr);
    ASSERT_TRUE(waitUntil([&] { return wizard->isReady(); }, 10000));
    saveShot(wizard, prefix(theme) + u"new-vm"_s);
    wizard->next();
    saveShot(wizard, prefix(theme) + u"new-vm-install"_s);
    wizard->reject();

    // A VM's Console tab (the test driver has no console stream: its message shows).
    QString uuid;
    for (const DomainSummary &d : x86->domains()) {
        if (isActive(d.state)) {
            uuid = d.uuid;
            break;
        }
    }
    views::VmWindow *vm = w->openVm(x86->uri(), uuid);
    ASSERT_NE(vm, nullptr);
    vm->showConsole();
    QApplication::processEvents();
    waitUntil([&] { return !vm->console()->messageText().isEmpty(); }, 5000);
    saveShot(vm, prefix(theme) + u"vm-console"_s);
    vm->tabs()->setCurrentIndex(0);
    saveShot(vm, prefix(theme) + u"vm-overview"_s);
    w->close();
}

} // namespace

class ThemeScreenshots : public ::testing::Test
{
protected:
    void SetUp() override { test::isolateSettings(); }
    void TearDown() override { views::applyTheme(views::ThemeChoice::System); }
};

TEST_F(ThemeScreenshots, Light)
{
    takeScreenshots(views::ThemeChoice::Light, "light");
}

TEST_F(ThemeScreenshots, Dark)
{
    takeScreenshots(views::ThemeChoice::Dark, "dark");
}

TEST_F(ThemeScreenshots, StateIconsHavePixmapsForScaleTwo)
{
    for (const QIcon &icon : {views::domainStateIcon(DomainState::Running),
                              views::connectionStateIcon(ConnectionState::Connected)}) {
        const QList<QSize> sizes = icon.availableSizes();
        EXPECT_TRUE(sizes.contains(QSize(32, 32)) && sizes.contains(QSize(48, 48)) &&
                    sizes.contains(QSize(64, 64)))
            << "16, 24 and 32 px icons drawn at ×2";
    }
    EXPECT_FALSE(views::applicationIcon().pixmap(QSize(64, 64), 2.0).isNull())
        << "the application icon is an SVG, crisp at any scale";
}

TEST_F(ThemeScreenshots, PreferencesThemeIsSavedAndApplied)
{
    views::StatsPreferencesDialog prefs(StatsSettings::load());
    QComboBox *box = prefs.themeBox();
    ASSERT_NE(box, nullptr);
    EXPECT_EQ(box->currentData().toInt(), int(views::ThemeChoice::System));
    box->setCurrentIndex(box->findData(int(views::ThemeChoice::Dark)));
    prefs.accept();
    EXPECT_EQ(views::savedThemeChoice(), views::ThemeChoice::Dark);
    EXPECT_TRUE(views::isDarkPalette(QApplication::palette()));
    views::TimeSeriesChart chart(u"CPU"_s, u"%"_s);
    chart.addMetric(u"Host"_s);
    EXPECT_EQ(chart.chart()->theme(), QChart::ChartThemeDark) << "a new chart follows the theme";
    views::applyTheme(views::ThemeChoice::Light);
    QApplication::processEvents();
    EXPECT_EQ(chart.chart()->theme(), QChart::ChartThemeLight) << "an open chart follows a change";
    EXPECT_FALSE(views::isDarkPalette(QApplication::palette()));
}
