// Live console thumbnails: which VMs are polled, how often, how many at once, and the
// remote-host policy, on the libvirt test driver (it implements virDomainScreenshot).
#include "models/thumbnails/ThumbnailService.h"
#include "common/TestSupport.h"
#include "models/connection/HostSession.h"
#include "models/console/ConsoleEndpoints.h"
#include "models/thumbnails/DomainScreenshot.h"
#include "models/thumbnails/VmTileModel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QFutureWatcher>
#include <gtest/gtest.h>
#include <memory>

using namespace crossvirt;
using namespace crossvirt::models;
using namespace Qt::StringLiterals;

namespace {

// A test-driver host: six running x86_64 VMs (vm-a … vm-f), a shut-off one and a running
// s390x one (no display).
QString writeHost()
{
    QString xml = u"<node>"_s;
    const auto domain = [](const QString &name, const QString &arch, bool running) {
        return uR"(<domain type='test' xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>
  <name>%1</name><memory>65536</memory>
  <os><type arch='%2'>hvm</type></os>
  <devices><graphics type='vnc' port='-1'/></devices>
  %3
</domain>)"_s.arg(name, arch, running ? QString() : u"<test:runstate>5</test:runstate>"_s);
    };
    for (const char *n : {"vm-a", "vm-b", "vm-c", "vm-d", "vm-e", "vm-f"})
        xml += domain(QLatin1String(n), u"x86_64"_s, true);
    xml += domain(u"vm-off"_s, u"x86_64"_s, false);
    xml += domain(u"vm-zlinux"_s, u"s390x"_s, true);
    xml += u"</node>"_s;
    const QString path = test::makeTempDir() + u"/thumbs-host.xml"_s;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(xml.toUtf8());
    return path;
}

class ThumbnailServiceTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        const QString path = writeHost();
        ASSERT_FALSE(path.isEmpty());
        session = std::make_unique<HostSession>(u"test://"_s + path);
        session->open();
        ASSERT_TRUE(test::waitUntil([&] { return session->domains().size() == 8; }, 10000))
            << session->lastError().toStdString();
        for (const DomainSummary &d : session->domains())
            uuids.insert(d.name, d.uuid);
        service = ThumbnailService::of(session.get());
        service->setIntervalMs(200);
    }
    QString uuid(const char *name) const { return uuids.value(QLatin1String(name)); }

    std::unique_ptr<HostSession> session;
    ThumbnailService *service = nullptr;
    QHash<QString, QString> uuids;
};

} // namespace

TEST(ThumbnailPolicy, LocalHostsOnRemoteHostsOff)
{
    for (const char *uri :
         {"test:///default", "qemu:///system", "qemu:///session", "qemu+unix:///system"})
        EXPECT_TRUE(ThumbnailService::isLocalUri(QLatin1String(uri))) << uri;
    for (const char *uri : {"qemu+tcp://host.example/system", "qemu+ssh://root@host/system",
                            "qemu+tls://10.0.0.5/system", "qemu://host.example/system"})
        EXPECT_FALSE(ThumbnailService::isLocalUri(QLatin1String(uri))) << uri;
}

TEST(ThumbnailPolicy, ARemoteHostIsNotAskedForScreenshotsByDefault)
{
    HostSession remote(u"qemu+tcp://192.0.2.1/system"_s); // never opened: no network here
    ThumbnailService *service = ThumbnailService::of(&remote);
    EXPECT_EQ(ThumbnailService::of(&remote), service) << "one service per host";
    EXPECT_FALSE(service->isEnabled());
    QObject viewer;
    service->setVisible(&viewer, {u"00000000-0000-0000-0000-000000000001"_s});
    test::waitUntil([] { return false; }, 300);
    EXPECT_EQ(service->totalRequests(), 0);
}

TEST_F(ThumbnailServiceTest, OnlyVisibleRunningVmsArePolledOneAtATime)
{
    EXPECT_TRUE(service->isEnabled()) << "a test:/// host is local";
    auto viewer = std::make_unique<QObject>();
    service->setVisible(viewer.get(),
                        {uuid("vm-a"), uuid("vm-b"), uuid("vm-off"), uuid("vm-zlinux")});
    ASSERT_TRUE(test::waitUntil(
        [&] {
            return !service->thumbnail(uuid("vm-a")).isNull() &&
                   !service->thumbnail(uuid("vm-b")).isNull();
        },
        10000))
        << service->problem(uuid("vm-a")).toStdString();
    // The test driver's screenshot (1120×832) scaled into the thumbnail size.
    const QImage a = service->thumbnail(uuid("vm-a"));
    EXPECT_LE(a.width(), service->thumbnailSize().width());
    EXPECT_LE(a.height(), service->thumbnailSize().height());
    EXPECT_GT(a.width(), service->thumbnailSize().width() / 2);

    // Refreshed slowly while visible.
    ASSERT_TRUE(test::waitUntil([&] { return service->requestCount(uuid("vm-a")) >= 3; }, 5000));
    for (const char *hidden : {"vm-c", "vm-d", "vm-e", "vm-f"})
        EXPECT_EQ(service->requestCount(uuid(hidden)), 0) << hidden << " is not visible";
    EXPECT_EQ(service->requestCount(uuid("vm-off")), 0) << "a shut-off VM has no screen";
    EXPECT_EQ(service->requestCount(uuid("vm-zlinux")), 0) << "s390x guests have no display";
    EXPECT_TRUE(service->problem(uuid("vm-zlinux")).contains(u"s390x"_s));
    EXPECT_TRUE(service->thumbnail(uuid("vm-off")).isNull());

    // Scrolled: the newly visible ones are polled, the ones gone from view no longer.
    service->setVisible(viewer.get(), {uuid("vm-c"), uuid("vm-d")});
    ASSERT_TRUE(test::waitUntil(
        [&] {
            return !service->thumbnail(uuid("vm-c")).isNull() &&
                   !service->thumbnail(uuid("vm-d")).isNull();
        },
        10000));
    test::waitUntil([] { return false; }, 100); // a request for vm-a may have been under way
    const int aBefore = service->requestCount(uuid("vm-a"));
    ASSERT_TRUE(test::waitUntil([&] { return service->requestCount(uuid("vm-c")) >= 4; }, 5000));
    EXPECT_EQ(service->requestCount(uuid("vm-a")), aBefore);
    EXPECT_EQ(service->requestCount(uuid("vm-e")), 0);
    EXPECT_EQ(service->maxInFlight(), 1) << "at most one screenshot in flight per host";

    // A viewer that goes away stops its polling.
    viewer.reset();
    test::waitUntil([] { return false; }, 100);
    const int total = service->totalRequests();
    test::waitUntil([] { return false; }, 600);
    EXPECT_EQ(service->totalRequests(), total);
    EXPECT_EQ(service->inFlight(), 0);
}

TEST_F(ThumbnailServiceTest, AStoppedVmLosesItsPictureAndTurningOffStopsPolling)
{
    QObject viewer;
    service->setVisible(&viewer, {uuid("vm-a"), uuid("vm-b")});
    ASSERT_TRUE(test::waitUntil([&] { return !service->thumbnail(uuid("vm-a")).isNull(); }, 10000));
    QFutureWatcher<void> off;
    off.setFuture(session->forceOffDomain(uuid("vm-a")));
    ASSERT_TRUE(test::waitUntil([&] { return service->thumbnail(uuid("vm-a")).isNull(); }, 5000));
    const int afterStop = service->requestCount(uuid("vm-a"));
    test::waitUntil([] { return false; }, 600);
    EXPECT_EQ(service->requestCount(uuid("vm-a")), afterStop) << "a stopped VM is not polled";

    // Off (as a remote host is by default): nothing is asked, the pictures go.
    service->setEnabled(false);
    test::waitUntil([] { return false; }, 100);
    const int total = service->totalRequests();
    test::waitUntil([] { return false; }, 600);
    EXPECT_EQ(service->totalRequests(), total);
    EXPECT_TRUE(service->thumbnail(uuid("vm-b")).isNull());
    service->setEnabled(true);
    EXPECT_TRUE(test::waitUntil([&] { return !service->thumbnail(uuid("vm-b")).isNull(); }, 5000));
}

TEST_F(ThumbnailServiceTest, FullSizeScreenshotFromTheTestDriver)
{
    QFutureWatcher<QImage> watcher;
    watcher.setFuture(domainScreenshot(session.get(), uuid("vm-a")));
    ASSERT_TRUE(test::waitUntil([&] { return watcher.isFinished(); }, 10000));
    const QImage image = watcher.future().result();
    EXPECT_EQ(image.size(), QSize(1120, 832)) << "libvirt's test-screenshot.png, unscaled";
}

TEST_F(ThumbnailServiceTest, TileModelFollowsTheHost)
{
    VmTileModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setSessions({session.get()});
    ASSERT_EQ(model.rowCount(), 8);
    const QModelIndex off = model.indexOf(session->uri(), uuid("vm-off"));
    ASSERT_TRUE(off.isValid());
    EXPECT_EQ(off.data(VmTileModel::StateTextRole).toString(),
              domainStateText(DomainState::Shutoff));
    EXPECT_TRUE(off.data(Qt::ToolTipRole).toString().contains(u"vm-off"_s));
    const QModelIndex z = model.indexOf(session->uri(), uuid("vm-zlinux"));
    EXPECT_TRUE(z.data(VmTileModel::NoteRole).toString().contains(u"s390x"_s));

    QObject viewer;
    service->setVisible(&viewer, {uuid("vm-a")});
    const QModelIndex a = model.indexOf(session->uri(), uuid("vm-a"));
    EXPECT_TRUE(test::waitUntil(
        [&] { return !a.data(VmTileModel::ThumbnailRole).value<QImage>().isNull(); }, 10000));
    EXPECT_TRUE(a.data(VmTileModel::NoteRole).toString().isEmpty());

    QFutureWatcher<void> start;
    start.setFuture(session->startDomain(uuid("vm-off")));
    EXPECT_TRUE(test::waitUntil([&] {
        return DomainState(off.data(VmTileModel::StateRole).toInt()) == DomainState::Running;
    }));
    QFutureWatcher<QStringList> removed;
    removed.setFuture(session->deleteDomain(uuid("vm-f"), false));
    EXPECT_TRUE(test::waitUntil([&] { return model.rowCount() == 7; }));
    EXPECT_FALSE(model.indexOf(session->uri(), uuid("vm-f")).isValid());
}

// The Console tab falls back to a screenshot only where the driver opens no console
// stream (the test driver), and only for a VM that has a display.
TEST(ConsoleFallback, OnlyTheTestDriverShowsAScreenshotInsteadOfAConsole)
{
    DomainDetails d;
    d.summary.state = DomainState::Running;
    d.graphics << GraphicsInfo{u"spice"_s, -1, u"127.0.0.1"_s, true, false};
    EXPECT_TRUE(consoleAvailability(u"test:///default"_s, d).screenshotOnly)
        << "any display type can be screenshot";
    EXPECT_FALSE(consoleAvailability(u"qemu:///system"_s, d).screenshotOnly);
    d.graphics.first().type = u"vnc"_s;
    EXPECT_FALSE(consoleAvailability(u"qemu:///system"_s, d).screenshotOnly);
    EXPECT_FALSE(consoleAvailability(u"qemu+tcp://h/system"_s, d).screenshotOnly);
    d.graphics.clear();
    EXPECT_FALSE(consoleAvailability(u"test:///default"_s, d).screenshotOnly)
        << "no display, no screenshot";
}
