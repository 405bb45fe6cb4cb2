// crossvirt-cli create with an install method: direct kernel boot (kernel, initrd, kernel
// arguments defaulting to the arch's console argument, DTB where the arch has one), a
// boot order, import and network boot, against the libvirt test driver (--dry-run XML).
#include "CliRunner.h"

#include <QJsonArray>
#include <QJsonObject>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using crossvirt::test::CliRun;
using crossvirt::test::runCli;

namespace {

CliRun create(const QStringList &args)
{
    return runCli(QStringList{u"--connect"_s, u"test:///default"_s, u"create"_s} + args);
}

QString xmlOf(const CliRun &r)
{
    return r.json().value(u"domain_xml"_s).toString();
}

TEST(InstallCli, KernelBootDefaultsTheArgumentsToTheArchConsole)
{
    struct Case
    {
        QString arch;
        QStringList extra;
        QString cmdline;
    };
    const QList<Case> cases{
        {u"x86_64"_s, {}, u"console=ttyS0"_s},
        {u"x86_64"_s, {u"--console"_s, u"virtio"_s}, u"console=hvc0"_s},
        {u"ppc64le"_s, {}, u"console=hvc0"_s},
        {u"aarch64"_s, {}, u"console=ttyAMA0"_s},
        {u"riscv64"_s, {}, u"console=ttyS0"_s},
        {u"s390x"_s, {}, u"console=ttysclp0"_s},
    };
    for (const Case &c : cases) {
        const CliRun r = create(QStringList{u"--name"_s, u"k"_s, u"--arch"_s, c.arch, u"--kernel"_s,
                                            u"/srv/boot/vmlinuz"_s, u"--initrd"_s,
                                            u"/srv/boot/initrd.gz"_s, u"--dry-run"_s} +
                                c.extra);
        ASSERT_EQ(r.exitCode, 0) << c.arch.toStdString() << ": " << r.err.toStdString();
        const QString xml = xmlOf(r);
        EXPECT_TRUE(xml.contains(u"<kernel>/srv/boot/vmlinuz</kernel>"_s)) << xml.toStdString();
        EXPECT_TRUE(xml.contains(u"<initrd>/srv/boot/initrd.gz</initrd>"_s)) << xml.toStdString();
        EXPECT_TRUE(xml.contains(u"<cmdline>"_s + c.cmdline + u"</cmdline>"_s))
            << c.arch.toStdString() << "\n"
            << xml.toStdString();
        EXPECT_FALSE(xml.contains(u"<boot dev"_s)) << xml.toStdString();
        EXPECT_EQ(r.json().value(u"install"_s).toString(), u"kernel"_s);
    }
}

TEST(InstallCli, GivenArgumentsAndDtbAreWrittenAsGiven)
{
    const CliRun r = create({u"--name"_s, u"arm"_s, u"--arch"_s, u"aarch64"_s, u"--kernel"_s,
                             u"/k"_s, u"--cmdline"_s, u"console=ttyAMA0 quiet crossvirt.tick=1"_s,
                             u"--dtb"_s, u"/board.dtb"_s, u"--dry-run"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QString xml = xmlOf(r);
    EXPECT_TRUE(xml.contains(u"<cmdline>console=ttyAMA0 quiet crossvirt.tick=1</cmdline>"_s))
        << xml.toStdString();
    EXPECT_TRUE(xml.contains(u"<dtb>/board.dtb</dtb>"_s)) << xml.toStdString();
}

TEST(InstallCli, DtbWhereTheArchHasNoneIsRefusedWithTheReason)
{
    const CliRun r = create({u"--name"_s, u"x"_s, u"--arch"_s, u"x86_64"_s, u"--kernel"_s, u"/k"_s,
                             u"--dtb"_s, u"/board.dtb"_s, u"--dry-run"_s});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(u"dtb: "_s)) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"device tree"_s)) << r.err.toStdString();
}

TEST(InstallCli, KernelOptionsWithoutKernelAndTwoMethodsAreUsageErrors)
{
    const QList<QStringList> bad{
        {u"--initrd"_s, u"/i"_s},
        {u"--cmdline"_s, u"quiet"_s},
        {u"--kernel"_s, u"/k"_s, u"--network-boot"_s},
        {u"--import-volume"_s, u"pool"_s},
    };
    for (const QStringList &args : bad) {
        const CliRun r = create(
            QStringList{u"--name"_s, u"u"_s, u"--arch"_s, u"x86_64"_s, u"--dry-run"_s} + args);
        EXPECT_EQ(r.exitCode, 64) << args.join(u' ').toStdString() << ": " << r.err.toStdString();
        EXPECT_FALSE(r.err.trimmed().isEmpty());
    }
}

TEST(InstallCli, BootOrderGoesOnTheDevices)
{
    const CliRun r =
        create({u"--name"_s, u"b"_s, u"--arch"_s, u"x86_64"_s, u"--disk-size"_s, u"2"_s,
                u"--pool"_s, u"default-pool"_s, u"--boot"_s, u"network,disk"_s, u"--dry-run"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QString xml = xmlOf(r);
    EXPECT_FALSE(xml.contains(u"<boot dev"_s)) << xml.toStdString();
    EXPECT_TRUE(xml.contains(u"<boot order=\"1\"/>"_s)) << xml.toStdString();
    EXPECT_TRUE(xml.contains(u"<boot order=\"2\"/>"_s)) << xml.toStdString();
    // The NIC comes after the disk in the XML, but boots first.
    EXPECT_GT(xml.indexOf(u"<boot order=\"1\"/>"_s), xml.indexOf(u"<boot order=\"2\"/>"_s));
    EXPECT_EQ(r.json().value(u"boot_order"_s).toArray().size(), 2);
}

TEST(InstallCli, BootOrderAndMethodsTheVmOrArchCannotHaveAreRefused)
{
    struct Case
    {
        QStringList args;
        QString expect;
    };
    const QList<Case> cases{
        // No CD-ROM to boot from.
        {{u"--arch"_s, u"x86_64"_s, u"--boot"_s, u"cdrom"_s}, u"bootOrder: "_s},
        // s390x's firmware tries one device.
        {{u"--arch"_s, u"s390x"_s, u"--disk-size"_s, u"2"_s, u"--pool"_s, u"default-pool"_s,
          u"--boot"_s, u"hd,network"_s},
         u"first device"_s},
        // OpenSBI has no network boot.
        {{u"--arch"_s, u"riscv64"_s, u"--network-boot"_s}, u"OpenSBI"_s},
        // Import needs an existing volume.
        {{u"--arch"_s, u"x86_64"_s, u"--import-volume"_s, u"default-pool/none.qcow2"_s},
         u"none.qcow2"_s},
    };
    for (const Case &c : cases) {
        const CliRun r = create(QStringList{u"--name"_s, u"r"_s, u"--dry-run"_s} + c.args);
        EXPECT_EQ(r.exitCode, 1) << c.args.join(u' ').toStdString() << ": " << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(c.expect))
            << c.args.join(u' ').toStdString() << ": " << r.err.toStdString();
    }
}

TEST(InstallCli, NetworkBootOnX86BootsTheNic)
{
    const CliRun r = create(
        {u"--name"_s, u"pxe"_s, u"--arch"_s, u"x86_64"_s, u"--network-boot"_s, u"--dry-run"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QString xml = xmlOf(r);
    const qsizetype nic = xml.indexOf(u"<interface"_s);
    ASSERT_GE(nic, 0) << xml.toStdString();
    EXPECT_GT(xml.indexOf(u"<boot order=\"1\"/>"_s), nic) << xml.toStdString();
    EXPECT_EQ(r.json().value(u"install"_s).toString(), u"network"_s);
}

TEST(InstallCli, ChoicesListInstallMethodsAndConsoleArguments)
{
    const CliRun r =
        runCli({u"--connect"_s, u"test:///default"_s, u"choices"_s, u"--arch"_s, u"riscv64"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject o = r.json();
    const QJsonObject methods = o.value(u"install_methods"_s).toObject();
    EXPECT_EQ(methods.value(u"default"_s).toString(), u"cdrom"_s);
    const QJsonArray withheld = methods.value(u"withheld"_s).toArray();
    ASSERT_EQ(withheld.size(), 1);
    EXPECT_EQ(withheld[0].toObject().value(u"id"_s).toString(), u"network"_s);
    EXPECT_TRUE(o.value(u"device_tree"_s).toObject().value(u"supported"_s).toBool());
    EXPECT_EQ(o.value(u"kernel_console_arguments"_s).toObject().value(u"serial"_s).toString(),
              u"console=ttyS0"_s);
}

TEST(InstallCli, HelpNamesTheInstallOptions)
{
    const CliRun r = runCli({u"create"_s, u"--help"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QString help = QString::fromUtf8(r.out) + r.err;
    for (const char *option : {"--kernel", "--initrd", "--cmdline", "--dtb", "--boot",
                               "--import-volume", "--network-boot", "--console"})
        EXPECT_TRUE(help.contains(QLatin1String(option))) << option;
}

} // namespace
