// The same host through qemu+tcp://127.0.0.1/system (issue 7): inventory, create + start
// (the New VM dialog's code), one stats sample (StatsCollector, the charts' code) and a VNC
// frame through vncEndpointFor, which for a remote URI connects to host:port. Plus a disk
// hot-plugged into a running guest by AttachDisk (the test driver cannot hot-plug).

#include "common/TestSupport.h"
#include "e2e/E2eSupport.h"
#include "models/console/ConsoleEndpoints.h"
#include "models/console/VncSession.h"
#include "models/provisioning/ProvisioningJobs.h"
#include "models/stats/StatsCollector.h"

#include <QElapsedTimer>
#include <gtest/gtest.h>
#include <libvirt/virterror.h>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace crossvirt::test::e2e;
using namespace crossvirt::models;
using crossvirt::test::waitUntil;

namespace {

[[maybe_unused]] ::testing::Environment *const e2eEnvironment =
    ::testing::AddGlobalTestEnvironment(new LibvirtDaemonEnvironment);

class RemoteE2e : public LibvirtDaemonTest
{
};

TEST_F(RemoteE2e, InventoryCreateStatsAndVncThroughTcp)
{
    QString error;
    auto session = openSession(LibvirtDaemon::remoteUri(), &error);
    if (!session && daemon().reusedExistingDaemon())
        GTEST_SKIP() << "the reused libvirtd does not listen on TCP: " << error.toStdString();
    ASSERT_TRUE(session) << error.toStdString();
    info(u"remote"_s,
         u"connected to %1 (%2)"_s.arg(session->uri(), daemon().accelerationSummary()));

    const QString name = LibvirtDaemon::domainPrefix() + u"remote-x86_64"_s;
    const QString uuid =
        createDefaultGuest(session.get(), daemon(), u"x86_64"_s, name, &error, {}, 1);
    ASSERT_FALSE(uuid.isEmpty()) << error.toStdString();

    // Inventory: the remote session lists the new VM, running.
    EXPECT_TRUE(waitUntil(
        [&] {
            const auto d = session->domain(uuid);
            return d && d->state == DomainState::Running;
        },
        20'000))
        << "the remote inventory does not show the VM running";
    const auto summary = session->domain(uuid);
    ASSERT_TRUE(summary);
    EXPECT_EQ(summary->name, name);
    EXPECT_EQ(summary->arch, u"x86_64"_s);
    EXPECT_TRUE(livingQemuPid(name).has_value());

    // Stats: one poll gives the VM's memory; a second one its CPU rate.
    {
        StatsSettings settings;
        settings.intervalSeconds = 1;
        StatsCollector stats(session.get(), settings);
        stats.watch(uuid);
        stats.pollNow();
        const bool sampled = waitUntil(
            [&] {
                const VmStatsSample s = stats.latestVmSample(uuid);
                return stats.ticksPolled() >= 2 && !std::isnan(s.balloonKiB) &&
                       !std::isnan(s.cpuPercent);
            },
            20'000);
        const VmStatsSample s = stats.latestVmSample(uuid);
        info(u"stats"_s,
             u"ticks %1: cpu %2 %, balloon %3 KiB, rss %4 KiB"_s.arg(stats.ticksPolled())
                 .arg(s.cpuPercent)
                 .arg(s.balloonKiB)
                 .arg(s.rssKiB));
        EXPECT_TRUE(sampled) << "no VM stats sample through " << session->uri().toStdString();
        EXPECT_GT(s.balloonKiB, 0.0);
        EXPECT_GE(s.cpuPercent, 0.0);
        stats.stop();
    }

    // VNC: a remote URI gives host:port (the display listens on 127.0.0.1).
    const VncEndpoint endpoint = await(vncEndpointFor(session.get(), uuid), 30'000);
    ASSERT_TRUE(endpoint.isValid()) << endpoint.error.toStdString();
    EXPECT_LT(endpoint.fd, 0) << "a remote host must be reached over TCP, not a local socket";
    EXPECT_EQ(endpoint.host, u"127.0.0.1"_s);
    VncSession vnc;
    vnc.setAskForPassword(false);
    vnc.connectToEndpoint(endpoint);
    EXPECT_TRUE(
        waitUntil([&] { return vnc.hasFullFrame() || vnc.failure() != VncSession::Failure::None; },
                  30'000) &&
        vnc.hasFullFrame())
        << vnc.errorString().toStdString();
    const QImage frame = vnc.currentFrame();
    info(u"vnc"_s, u"remote frame %1x%2 from %3:%4"_s.arg(frame.width())
                       .arg(frame.height())
                       .arg(endpoint.host)
                       .arg(endpoint.port));
    EXPECT_GE(frame.width(), 640);
    vnc.disconnectFromServer();

    const QStringList left = await(session->deleteDomain(uuid, true), 60'000);
    EXPECT_TRUE(left.isEmpty()) << left.join(u"; "_s).toStdString();
    EXPECT_FALSE(livingQemuPid(name).has_value());
}

TEST_F(RemoteE2e, HotPlugsADiskIntoARunningGuest)
{
    QString error;
    auto session = openSession(LibvirtDaemon::localUri(), &error);
    ASSERT_TRUE(session) << error.toStdString();
    const QString name = LibvirtDaemon::domainPrefix() + u"hotplug-ppc64le"_s;
    const QString uuid =
        createDefaultGuest(session.get(), daemon(), u"ppc64le"_s, name, &error, {}, 1);
    ASSERT_FALSE(uuid.isEmpty()) << error.toStdString();

    for (const QString &bus : {u"virtio"_s, u"scsi"_s}) {
        AttachDiskSpec spec;
        spec.vmName = name;
        spec.pool = LibvirtDaemon::poolName();
        spec.sizeGiB = 1;
        spec.interfaceId = bus;
        try {
            const AttachedDisk disk = await(attachDisk(session.get(), spec), 60'000);
            info(u"hotplug"_s, u"%1: %2 on %3, live %4, controller added %5"_s.arg(
                                   bus, disk.targetDev, disk.bus, disk.live ? u"yes"_s : u"no"_s,
                                   disk.controllerAdded ? u"yes"_s : u"no"_s));
            EXPECT_TRUE(disk.live) << bus.toStdString();
            // The running QEMU has the disk: the live XML lists its target.
            virDomainPtr dom = virDomainLookupByUUIDString(conn(), uuid.toUtf8().constData());
            ASSERT_TRUE(dom);
            char *xml = virDomainGetXMLDesc(dom, 0);
            const QString live = QString::fromUtf8(xml);
            free(xml);
            virDomainFree(dom);
            EXPECT_TRUE(live.contains(u"dev='%1'"_s.arg(disk.targetDev)))
                << "live XML lacks " << disk.targetDev.toStdString();
        } catch (...) {
            ADD_FAILURE() << "hot-plugging a " << bus.toStdString()
                          << " disk: " << exceptionText(std::current_exception()).toStdString();
        }
    }
    const QStringList left = await(session->deleteDomain(uuid, true), 60'000);
    EXPECT_TRUE(left.isEmpty()) << left.join(u"; "_s).toStdString();
}

} // namespace
