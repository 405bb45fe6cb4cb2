// The guest console parser (GuestConsoleLog) on console output: what the e2e tests read
// through Crossvirt's serial console must give the same report the guest printed, even with
// kernel messages, \r\n and escape sequences mixed in.

#include "common/TestSupport.h"
#include "e2e/GuestReport.h"

#include <QFile>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using crossvirt::test::e2e::GuestConsoleLog;

namespace {

const QByteArray kSample =
    "[    0.000000] Linux version 6.1.0-28-amd64\r\n"
    "\x1b[0;32mCROSSVIRT-BOOT count=1 kernel=6.1.0-28-amd64 arch=x86_64\r\n"
    "CROSSVIRT-CPU count=1 model=QEMU_Virtual_CPU_version_2.5+\r\n"
    "CROSSVIRT-MEM total_kb=492340\r\n"
    "CROSSVIRT-CONSOLE dev=ttyS0\r\n"
    "CROSSVIRT-BLOCK name=sda drivers=sd,ahci size_kb=65536\r\n"
    "[    2.500000] e1000: eth0 NIC Link is Up CROSSVIRT-BLOCK name=vda "
    "drivers=virtio_blk,virtio-pci size_kb=32768\r\n"
    "CROSSVIRT-NET name=eth0 drivers=e1000 mac=52:54:00:12:34:56\r\n"
    "CROSSVIRT-FB name=fb0 driver=bochs-drm size=1024x768 bpp=32 painted=1\r\n"
    "CROSSVIRT-READY count=1\r\n"
    "CROSSVIRT-TICK uptime=3.01\r\n"
    "CROSSVIRT-TICK upt";

} // namespace

TEST(GuestConsoleLog, ParsesAReportWithKernelLinesAndEscapesMixedIn)
{
    GuestConsoleLog log;
    // Fed in small pieces, as a serial console delivers it.
    for (qsizetype i = 0; i < kSample.size(); i += 7)
        log.append(kSample.mid(i, 7));
    ASSERT_EQ(log.readyCount(), 1);
    const auto report = log.latestReport();
    ASSERT_TRUE(report.has_value());
    EXPECT_EQ(report->bootCount, 1);
    EXPECT_EQ(report->kernel, u"6.1.0-28-amd64"_s);
    EXPECT_EQ(report->arch, u"x86_64"_s);
    EXPECT_EQ(report->cpus, 1);
    EXPECT_EQ(report->cpuModel, u"QEMU_Virtual_CPU_version_2.5+"_s);
    EXPECT_EQ(report->memTotalKb, 492340);
    EXPECT_EQ(report->consoleDevice, u"ttyS0"_s);
    ASSERT_EQ(report->blocks.size(), 2);
    EXPECT_EQ(report->blocks.at(0).drivers, (QStringList{u"sd"_s, u"ahci"_s}));
    ASSERT_NE(report->block(u"vda"_s), nullptr);
    EXPECT_EQ(report->block(u"vda"_s)->drivers, (QStringList{u"virtio_blk"_s, u"virtio-pci"_s}));
    EXPECT_EQ(report->block(u"vda"_s)->sizeKb, 32768);
    ASSERT_EQ(report->nics.size(), 1);
    EXPECT_EQ(report->nics.at(0).mac, u"52:54:00:12:34:56"_s);
    ASSERT_EQ(report->framebuffers.size(), 1);
    EXPECT_EQ(report->framebuffers.at(0).driver, u"bochs-drm"_s);
    EXPECT_EQ(report->framebuffers.at(0).width, 1024);
    EXPECT_EQ(report->framebuffers.at(0).height, 768);
    EXPECT_TRUE(report->framebuffers.at(0).painted);
    // The unfinished last line is text, not yet a tick.
    EXPECT_EQ(log.tickUptimes(), (QList<double>{3.01}));
    EXPECT_TRUE(log.contains(u"CROSSVIRT-TICK upt"_s));
    EXPECT_FALSE(log.text().contains(u'\r'));
    EXPECT_FALSE(log.text().contains(u'\x1b'));
    EXPECT_EQ(log.lastLines(1), QStringList{u"CROSSVIRT-TICK upt"_s});
}

TEST(GuestConsoleLog, NoReportBeforeReady)
{
    GuestConsoleLog log;
    log.append(
        "CROSSVIRT-BOOT count=1 kernel=6.1 arch=ppc64le\nCROSSVIRT-BLOCK name=sda drivers=sd\n");
    EXPECT_EQ(log.readyCount(), 0);
    EXPECT_FALSE(log.latestReport().has_value());
}
