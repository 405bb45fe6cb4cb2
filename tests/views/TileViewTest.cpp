// The VM tile view (live console thumbnails) and the Console tab's screenshot fallback on
// the demo datacenter (test driver), offscreen, as a user sees them.
#include "MainWindowFixture.h"
#include "common/TestSupport.h"
#include "models/connection/Datacenter.h"
#include "models/connection/HostSession.h"
#include "models/thumbnails/ThumbnailService.h"
#include "models/thumbnails/VmTileModel.h"
#include "views/console/ScreenshotConsole.h"
#include "views/mainwindow/DetailsPane.h"
#include "views/mainwindow/MainWindow.h"
#include "views/tiles/VmTileView.h"
#include "views/tiles/VmTilesPage.h"
#include "views/vm/ConsolePage.h"
#include "views/vm/VmWindow.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QTabWidget>
#include <QTest>
#include <algorithm>
#include <gtest/gtest.h>

using namespace crossvirt;
using namespace crossvirt::models;
using namespace Qt::StringLiterals;

namespace {

QString screenshotPath(const QString &name)
{
    const QString dir = QCoreApplication::applicationDirPath() + u"/screenshots"_s;
    QDir().mkpath(dir);
    return dir + u'/' + name;
}

bool hasDisplay(const DomainSummary &d)
{
    return isActive(d.state) && d.arch != u"s390x"_s;
}

class TileViewTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        app = test::openMainWindow();
        window = app.window.get();
        ASSERT_TRUE(test::waitUntil(
            [&] {
                for (const HostSession *s : app.core->datacenter()->sessions()) {
                    if (s->state() != ConnectionState::Connected || s->domains().isEmpty())
                        return false;
                }
                return app.core->datacenter()->sessions().size() == 4;
            },
            10000));
        QApplication::processEvents();
    }
    QList<HostSession *> sessions() const { return app.core->datacenter()->sessions(); }

    test::MainWindowUnderTest app;
    views::MainWindow *window = nullptr;
};

} // namespace

TEST_F(TileViewTest, TilesFillWithThumbnailsForEveryDemoHost)
{
    views::VmTilesPage *page = window->details()->tilesPage();
    views::VmTileView *view = page->view();
    EXPECT_FALSE(view->accessibleName().isEmpty());
    EXPECT_FALSE(view->accessibleDescription().isEmpty());
    int running = 0;
    for (HostSession *s : sessions()) {
        ASSERT_TRUE(window->select(s->uri()));
        window->tilesAction()->trigger();
        ASSERT_TRUE(view->isVisible());
        VmTileModel *tiles = view->tiles();
        ASSERT_EQ(tiles->rowCount(), s->domains().size()) << s->uri().toStdString();
        EXPECT_FALSE(page->remoteNote()->isVisible()) << "a test:/// host is local";
        QStringList names;
        for (int r = 0; r < tiles->rowCount(); ++r)
            names << tiles->index(r, 0).data().toString();
        QStringList sorted = names;
        std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) {
            return a.compare(b, Qt::CaseInsensitive) < 0;
        });
        EXPECT_EQ(names, sorted) << "by name, as the tree";
        // Every running VM with a display shows the test driver's picture, once its tile
        // has been scrolled into view.
        for (int r = 0; r < tiles->rowCount(); ++r) {
            const QModelIndex i = tiles->index(r, 0);
            const auto d = s->domain(i.data(VmTileModel::UuidRole).toString());
            ASSERT_TRUE(d);
            view->scrollTo(i);
            view->updateVisibleTiles();
            if (hasDisplay(*d)) {
                ++running;
                EXPECT_TRUE(test::waitUntil(
                    [&] { return !i.data(VmTileModel::ThumbnailRole).value<QImage>().isNull(); },
                    10000))
                    << d->name.toStdString() << ": "
                    << i.data(VmTileModel::NoteRole).toString().toStdString();
            } else {
                EXPECT_TRUE(i.data(VmTileModel::ThumbnailRole).value<QImage>().isNull())
                    << d->name.toStdString();
            }
            if (isActive(d->state) && !hasDisplay(*d)) {
                EXPECT_TRUE(i.data(VmTileModel::NoteRole).toString().contains(u"s390x"_s));
            }
        }
        view->scrollToTop();
        QApplication::processEvents();
        const QString arch = s->hostInfo().arch;
        window->grab().save(screenshotPath(
            u"tiles-%1.png"_s.arg(arch.isEmpty() ? s->uri().section(u'-', -1) : arch)));
    }
    EXPECT_GE(running, 5) << "the demo datacenter has running VMs with displays";

    // Selecting a VM hides the tiles: their polling stops.
    HostSession *x86 = sessions().at(0);
    ASSERT_TRUE(window->select(x86->uri(), x86->domains().at(0).uuid));
    QApplication::processEvents();
    EXPECT_FALSE(view->isVisible());
    EXPECT_TRUE(ThumbnailService::of(x86)->visibleUuids().isEmpty());
}

TEST_F(TileViewTest, OnlyVisibleTilesArePolled)
{
    HostSession *x86 = sessions().at(0); // the demo's x86_64 host: 8 VMs
    ThumbnailService *service = ThumbnailService::of(x86);
    service->setIntervalMs(300);
    // A page of its own in a small window: one row of tiles fits, the rest is scrolled.
    views::VmTilesPage page;
    page.setSessions({x86});
    page.resize(420, 250);
    page.show();
    views::VmTileView *view = page.view();
    view->updateVisibleTiles();
    VmTileModel *tiles = view->tiles();
    ASSERT_EQ(tiles->rowCount(), 8);
    const QStringList firstVisible = view->visibleUuids();
    ASSERT_FALSE(firstVisible.isEmpty());
    ASSERT_LT(firstVisible.size(), tiles->rowCount()) << "the window must be too small for all";
    const auto pollable = [&](const QString &uuid) {
        const auto d = x86->domain(uuid);
        return d && hasDisplay(*d);
    };
    QStringList visibleRunning;
    for (const QString &u : firstVisible) {
        if (pollable(u))
            visibleRunning << u;
    }
    ASSERT_FALSE(visibleRunning.isEmpty());
    ASSERT_TRUE(test::waitUntil(
        [&] {
            for (const QString &u : visibleRunning) {
                if (service->requestCount(u) < 2)
                    return false;
            }
            return true;
        },
        10000));
    page.grab().save(screenshotPath(u"tiles-small-top.png"_s));
    for (int r = 0; r < tiles->rowCount(); ++r) {
        const QString u = tiles->index(r, 0).data(VmTileModel::UuidRole).toString();
        if (!firstVisible.contains(u)) {
            EXPECT_EQ(service->requestCount(u), 0)
                << tiles->index(r, 0).data().toString().toStdString() << " is not visible";
        }
    }

    // Scroll to the bottom: the tiles that come into view are polled, the others stop.
    view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum());
    view->updateVisibleTiles();
    const QStringList nowVisible = view->visibleUuids();
    QStringList newlyRunning;
    for (const QString &u : nowVisible) {
        if (!firstVisible.contains(u) && pollable(u))
            newlyRunning << u;
    }
    ASSERT_FALSE(newlyRunning.isEmpty()) << "the bottom rows of the demo x86 host hold running VMs";
    ASSERT_TRUE(test::waitUntil(
        [&] {
            for (const QString &u : newlyRunning) {
                if (tiles->index(tiles->indexOf(x86->uri(), u).row(), 0)
                        .data(VmTileModel::ThumbnailRole)
                        .value<QImage>()
                        .isNull())
                    return false;
            }
            return true;
        },
        10000));
    test::waitUntil([] { return false; }, 400); // a request under way at the scroll ends
    QHash<QString, int> hiddenCounts;
    for (const QString &u : visibleRunning) {
        if (!nowVisible.contains(u))
            hiddenCounts.insert(u, service->requestCount(u));
    }
    ASSERT_FALSE(hiddenCounts.isEmpty());
    test::waitUntil([] { return false; }, 1000);
    for (auto it = hiddenCounts.cbegin(); it != hiddenCounts.cend(); ++it)
        EXPECT_EQ(service->requestCount(it.key()), it.value()) << "scrolled out of view";
    EXPECT_EQ(service->maxInFlight(), 1);
    page.grab().save(screenshotPath(u"tiles-small-bottom.png"_s));

    // Hidden: nothing is polled.
    page.hide();
    test::waitUntil([] { return false; }, 400);
    const int total = service->totalRequests();
    test::waitUntil([] { return false; }, 800);
    EXPECT_EQ(service->totalRequests(), total);
}

TEST_F(TileViewTest, EnterOnATileOpensItsConsole)
{
    HostSession *x86 = sessions().at(0);
    ASSERT_TRUE(window->select(x86->uri()));
    window->showTiles();
    views::VmTileView *view = window->details()->tilesPage()->view();
    QString uuid;
    for (const DomainSummary &d : x86->domains()) {
        if (d.name == u"db-01"_s)
            uuid = d.uuid;
    }
    const QModelIndex tile = view->tiles()->indexOf(x86->uri(), uuid);
    ASSERT_TRUE(tile.isValid());
    view->setFocus();
    view->setCurrentIndex(tile);
    QTest::keyClick(view, Qt::Key_Return);
    views::VmWindow *vm = window->openVm(x86->uri(), uuid); // the one Enter opened, raised
    ASSERT_NE(vm, nullptr);
    EXPECT_EQ(vm->tabs()->currentWidget(), vm->console());
}

TEST_F(TileViewTest, ConsoleTabFallsBackToAScreenshotOnTheTestDriver)
{
    HostSession *x86 = sessions().at(0);
    QString uuid;
    for (const DomainSummary &d : x86->domains()) {
        if (d.name == u"db-01"_s)
            uuid = d.uuid;
    }
    views::VmWindow *vm = window->openVm(x86->uri(), uuid);
    ASSERT_NE(vm, nullptr);
    vm->resize(900, 700);
    vm->showConsole();
    views::ConsolePage *page = vm->console();
    ASSERT_TRUE(test::waitUntil([&] { return page->screenshotConsole() != nullptr; }));
    views::ScreenshotConsole *shot = page->screenshotConsole();
    ASSERT_TRUE(test::waitUntil([&] { return !shot->image().isNull(); }, 10000))
        << shot->errorText().toStdString();
    EXPECT_EQ(shot->image().size(), QSize(1120, 832));
    EXPECT_TRUE(shot->noteText().contains(u"no live console"_s)) << shot->noteText().toStdString();
    EXPECT_TRUE(shot->noteText().contains(u"5 s"_s)) << shot->noteText().toStdString();
    EXPECT_EQ(page->vncConsole(), nullptr);
    EXPECT_EQ(page->serialConsole(), nullptr) << "not the serial console's 'not supported' error";
    QApplication::processEvents();
    vm->grab().save(screenshotPath(u"console-screenshot-fallback.png"_s));
    // Refreshed slowly.
    shot->setIntervalMs(200);
    shot->start();
    const int taken = shot->screenshotsTaken();
    EXPECT_TRUE(test::waitUntil([&] { return shot->screenshotsTaken() >= taken + 2; }, 5000));
}

TEST(RemoteTiles, ARemoteHostSaysThumbnailsAreOffUntilTheUserTurnsThemOn)
{
    HostSession remote(u"qemu+tcp://192.0.2.1/system"_s); // never opened: no network here
    views::VmTilesPage page;
    page.setSessions({&remote});
    page.resize(420, 300);
    page.show();
    QApplication::processEvents();
    ThumbnailService *service = ThumbnailService::of(&remote);
    EXPECT_FALSE(service->isEnabled());
    EXPECT_TRUE(page.remoteNote()->isVisible());
    EXPECT_TRUE(page.remoteNote()->text().contains(u"remote"_s))
        << page.remoteNote()->text().toStdString();
    EXPECT_TRUE(page.enableRemoteButton()->isVisible());
    page.grab().save(screenshotPath(u"tiles-remote-off.png"_s));
    page.enableRemoteButton()->click();
    EXPECT_TRUE(service->isEnabled());
    EXPECT_FALSE(page.remoteNote()->isVisible());
}
