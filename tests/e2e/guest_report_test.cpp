// The guest console parser (GuestConsoleLog) on console output: what the e2e tests read
// through Crossvirt's serial console must give the same report the guest printed, even with
// kernel messages, \r\n and escape sequences mixed in. Most cases read consoles captured
// from real boots of the test guest (tests/data/guest-consoles/<arch>.txt).

#include "common/TestSupport.h"
#include "e2e/GuestImage.h"
#include "e2e/GuestReport.h"

#include <QDir>
#include <QFile>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using crossvirt::test::e2e::GuestConsoleLog;
using crossvirt::test::e2e::GuestReport;

namespace {

QByteArray capture(const QString &arch)
{
    QFile file(crossvirt::test::sourcePath(u"tests/data/guest-consoles/%1.txt"_s.arg(arch)));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

/// The capture fed in pieces of `chunk` bytes, as a serial console delivers it.
GuestConsoleLog parsed(const QString &arch, qsizetype chunk = 61)
{
    const QByteArray bytes = capture(arch);
    GuestConsoleLog log;
    for (qsizetype i = 0; i < bytes.size(); i += chunk)
        log.append(bytes.mid(i, chunk));
    return log;
}

QStringList drivers(const GuestReport &r, const QString &blockOrNic)
{
    if (const auto *b = r.block(blockOrNic))
        return b->drivers;
    if (const auto *n = r.nic(blockOrNic))
        return n->drivers;
    return {u"<no such device>"_s};
}

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

TEST(GuestConsoleLog, X86_64Q35RebootedThenPoweredOffByAcpi)
{
    const GuestConsoleLog log = parsed(u"x86_64"_s);
    ASSERT_EQ(log.readyCount(), 2) << log.text().toStdString();
    ASSERT_EQ(log.reports().size(), 2);
    EXPECT_EQ(log.reports().at(0).bootCount + 1, log.reports().at(1).bootCount);
    const GuestReport r = *log.latestReport();
    EXPECT_EQ(r.arch, u"x86_64"_s);
    EXPECT_EQ(r.kernel, u"6.1.0-50-amd64"_s);
    EXPECT_EQ(r.consoleDevice, u"ttyS0"_s);
    EXPECT_EQ(drivers(r, u"vda"_s), (QStringList{u"virtio_blk"_s, u"virtio-pci"_s}));
    EXPECT_EQ(drivers(r, u"sda"_s), (QStringList{u"sd"_s, u"virtio_scsi"_s, u"virtio-pci"_s}));
    EXPECT_EQ(drivers(r, u"sdb"_s),
              (QStringList{u"sd"_s, u"usb-storage"_s, u"usb"_s, u"xhci_hcd"_s}));
    EXPECT_EQ(drivers(r, u"sdc"_s), (QStringList{u"sd"_s, u"ahci"_s}));
    EXPECT_EQ(drivers(r, u"eth0"_s), QStringList{u"e1000"_s});
    EXPECT_EQ(drivers(r, u"eth1"_s), QStringList{u"e1000e"_s});
    EXPECT_EQ(drivers(r, u"eth2"_s), QStringList{u"8139cp"_s});
    EXPECT_EQ(drivers(r, u"eth3"_s), (QStringList{u"virtio_net"_s, u"virtio-pci"_s}));
    EXPECT_EQ(r.nic(u"eth3"_s)->mac, u"52:54:00:00:00:04"_s);
    ASSERT_EQ(r.framebuffers.size(), 1);
    EXPECT_EQ(r.framebuffers.at(0).driver, u"bochs-drm"_s);
    EXPECT_TRUE(r.framebuffers.at(0).painted);
    EXPECT_EQ(log.poweroffSources(), QStringList{u"acpi"_s});
    EXPECT_TRUE(log.contains(u"CROSSVIRT-POWEROFF-REQUEST"_s));
}

TEST(GuestConsoleLog, I686PcWithIdeAndCirrus)
{
    const GuestConsoleLog log = parsed(u"i686"_s);
    ASSERT_EQ(log.readyCount(), 1);
    const GuestReport r = *log.latestReport();
    EXPECT_EQ(r.arch, u"i686"_s);
    EXPECT_EQ(drivers(r, u"sda"_s), (QStringList{u"sd"_s, u"ata_piix"_s}));
    EXPECT_EQ(r.block(u"sda"_s)->sizeKb, 16384);
    EXPECT_EQ(drivers(r, u"eth1"_s), QStringList{u"8139cp"_s});
    ASSERT_EQ(r.framebuffers.size(), 1);
    EXPECT_EQ(r.framebuffers.at(0).driver, u"cirrus"_s);
    EXPECT_EQ(r.framebuffers.at(0).bpp, 16);
    EXPECT_EQ(log.poweroffSources(), QStringList{u"acpi"_s});
}

TEST(GuestConsoleLog, Ppc64lePseriesWithKernelBannerInterleaved)
{
    const GuestConsoleLog log = parsed(u"ppc64le"_s, 13);
    // "#1 SMP Debian 6.CROSSVIRT-BOOT count=1 ...": the kernel's banner ends in our line.
    ASSERT_EQ(log.readyCount(), 2);
    EXPECT_EQ(log.reports().at(0).bootCount, 1);
    const GuestReport r = *log.latestReport();
    EXPECT_EQ(r.bootCount, 2);
    EXPECT_EQ(r.arch, u"ppc64le"_s);
    EXPECT_EQ(r.consoleDevice, u"hvc0"_s);
    EXPECT_TRUE(r.cpuModel.startsWith(u"POWER9"_s)) << r.cpuModel.toStdString();
    EXPECT_EQ(r.memTotalKb, 989760);
    EXPECT_EQ(drivers(r, u"sda"_s), (QStringList{u"sd"_s, u"ibmvscsi"_s}));
    EXPECT_EQ(drivers(r, u"sdb"_s), (QStringList{u"sd"_s, u"virtio_scsi"_s, u"virtio-pci"_s}));
    EXPECT_EQ(drivers(r, u"eth0"_s), QStringList{u"ibmveth"_s});
    EXPECT_EQ(drivers(r, u"eth1"_s), QStringList{u"e1000"_s});
    EXPECT_EQ(log.poweroffSources(), QStringList{u"rtas"_s});
    EXPECT_FALSE(log.tickUptimes().isEmpty());
}

TEST(GuestConsoleLog, S390xOnSclpPoweredOffBySclpQuiesce)
{
    const GuestConsoleLog log = parsed(u"s390x"_s);
    ASSERT_EQ(log.readyCount(), 1);
    const GuestReport r = *log.latestReport();
    EXPECT_EQ(r.bootCount, 2); // the disk kept the counter of an earlier boot
    EXPECT_EQ(r.consoleDevice, u"ttysclp0"_s);
    EXPECT_EQ(drivers(r, u"vda"_s), (QStringList{u"virtio_blk"_s, u"virtio_ccw"_s}));
    EXPECT_EQ(drivers(r, u"sda"_s), (QStringList{u"sd"_s, u"virtio_scsi"_s, u"virtio_ccw"_s}));
    EXPECT_EQ(drivers(r, u"eth0"_s), (QStringList{u"virtio_net"_s, u"virtio_ccw"_s}));
    EXPECT_TRUE(r.framebuffers.isEmpty());
    EXPECT_EQ(log.poweroffSources(), QStringList{u"sclp"_s});
}

TEST(GuestConsoleLog, Aarch64VirtWithUsbAndVirtioGpu)
{
    const GuestConsoleLog log = parsed(u"aarch64"_s);
    ASSERT_EQ(log.readyCount(), 2);
    const GuestReport r = *log.latestReport();
    EXPECT_EQ(r.consoleDevice, u"ttyAMA0"_s);
    EXPECT_EQ(drivers(r, u"sdb"_s),
              (QStringList{u"sd"_s, u"usb-storage"_s, u"usb"_s, u"xhci_hcd"_s}));
    EXPECT_EQ(drivers(r, u"eth0"_s), QStringList{u"e1000e"_s});
    ASSERT_EQ(r.framebuffers.size(), 1);
    EXPECT_EQ(r.framebuffers.at(0).driver, u"virtio_gpu"_s);
    EXPECT_EQ(r.framebuffers.at(0).width, 1280);
    EXPECT_EQ(log.poweroffSources(), QStringList{u"gpio-keys"_s});
}

TEST(GuestConsoleLog, Armv7lVirtWithVirtioMmioAndPci)
{
    const GuestConsoleLog log = parsed(u"armv7l"_s);
    ASSERT_EQ(log.readyCount(), 1);
    const GuestReport r = *log.latestReport();
    EXPECT_EQ(r.arch, u"armv7l"_s);
    EXPECT_EQ(drivers(r, u"vda"_s), (QStringList{u"virtio_blk"_s, u"virtio-mmio"_s}));
    EXPECT_EQ(drivers(r, u"vdb"_s), (QStringList{u"virtio_blk"_s, u"virtio-pci"_s}));
    EXPECT_EQ(drivers(r, u"eth0"_s), (QStringList{u"virtio_net"_s, u"virtio-mmio"_s}));
    EXPECT_EQ(log.poweroffSources(), QStringList{u"gpio-keys"_s});
}

TEST(GuestConsoleLog, Riscv64TicksAdvanceAndNoPowerButton)
{
    const GuestConsoleLog log = parsed(u"riscv64"_s);
    ASSERT_EQ(log.readyCount(), 2);
    EXPECT_EQ(log.latestReport()->bootCount, 2);
    EXPECT_EQ(log.latestReport()->kernel, u"6.12.117+deb13-riscv64"_s);
    const QList<double> ticks = log.tickUptimes();
    ASSERT_GE(ticks.size(), 5);
    // Every tick of one boot is later than the one before; the reboot restarts the clock.
    int restarts = 0;
    for (qsizetype i = 1; i < ticks.size(); ++i) {
        if (ticks.at(i) <= ticks.at(i - 1))
            ++restarts;
    }
    EXPECT_LE(restarts, 1);
    EXPECT_TRUE(log.poweroffSources().isEmpty()); // QEMU 7.2's riscv virt has no power button
    EXPECT_TRUE(log.lastLines(3).join(u'\n').contains(u"CROSSVIRT-TICK"_s));
}

TEST(GuestImage, AnUnknownArchIsAnErrorThatNamesIt)
{
    const auto image = crossvirt::test::e2e::guestImageFor(u"sparc64"_s);
    EXPECT_FALSE(image.ok());
    EXPECT_TRUE(image.error.contains(u"sparc64"_s)) << image.error.toStdString();
    EXPECT_TRUE(image.error.contains(u"unknown arch"_s)) << image.error.toStdString();
}

TEST(GuestImage, ACachedImageGivesItsKernelInitrdAndVersion)
{
    // Only from the cache (scripts/test.sh makes the images before the e2e run): a unit test
    // never downloads a kernel.
    const QString cache =
        qEnvironmentVariable("CROSSVIRT_GUEST_CACHE", u"/var/cache/crossvirt/guest-images"_s);
    if (!QFile::exists(QDir(cache).filePath(u"x86_64/image.env"_s)))
        GTEST_SKIP() << "no x86_64 guest image in " << cache.toStdString()
                     << " yet (tests/e2e/guest/make-guest-image.sh x86_64 makes it)";
    const auto image = crossvirt::test::e2e::guestImageFor(u"x86_64"_s);
    ASSERT_TRUE(image.ok()) << image.error.toStdString();
    EXPECT_EQ(image.arch, u"x86_64"_s);
    EXPECT_TRUE(QFile::exists(image.kernel)) << image.kernel.toStdString();
    EXPECT_TRUE(QFile::exists(image.initrd)) << image.initrd.toStdString();
    EXPECT_TRUE(image.kernelVersion.endsWith(u"-amd64"_s)) << image.kernelVersion.toStdString();
    // Memoized: the second call does not run the script again and gives the same answer.
    const auto again = crossvirt::test::e2e::guestImageFor(u"x86_64"_s);
    EXPECT_EQ(again.kernel, image.kernel);
}
