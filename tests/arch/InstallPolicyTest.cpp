// Install methods, kernel console arguments, device trees and boot order: per-arch rules a
// user relies on when booting a kernel or a network image (virt-manager's install page).
#include "ArchFixtures.h"

#include <gtest/gtest.h>

using namespace crossvirt::arch;
using namespace crossvirt::test;
using namespace Qt::StringLiterals;

namespace {

TEST(KernelConsole, EachArchNamesTheConsoleItsKernelKnows)
{
    struct Case
    {
        QString arch;
        QString console;
        QString argument;
    };
    const QList<Case> cases{
        {u"x86_64"_s, u"serial"_s, u"console=ttyS0"_s},
        {u"i686"_s, u"serial"_s, u"console=ttyS0"_s},
        {u"x86_64"_s, u"virtio"_s, u"console=hvc0"_s},
        {u"ppc64le"_s, u"serial"_s, u"console=hvc0"_s}, // sPAPR VTY
        {u"ppc64"_s, u"serial"_s, u"console=hvc0"_s},
        {u"ppc64le"_s, u"virtio"_s, u"console=hvc0"_s},
        {u"aarch64"_s, u"serial"_s, u"console=ttyAMA0"_s}, // PL011
        {u"armv7l"_s, u"serial"_s, u"console=ttyAMA0"_s},
        {u"aarch64"_s, u"virtio"_s, u"console=hvc0"_s},
        {u"riscv64"_s, u"serial"_s, u"console=ttyS0"_s}, // 16550a
        {u"riscv64"_s, u"virtio"_s, u"console=hvc0"_s},
        {u"s390x"_s, u"sclp"_s, u"console=ttysclp0"_s},
        {u"s390x"_s, u"virtio"_s, u"console=hvc0"_s},
    };
    for (const Case &c : cases) {
        EXPECT_EQ(archModel(c.arch).kernelConsoleArgument(guestContext(c.arch), c.console),
                  c.argument)
            << c.arch.toStdString() << " " << c.console.toStdString();
    }
    // "" is the arch's default console.
    EXPECT_EQ(archModel(u"s390x"_s).kernelConsoleArgument(guestContext(u"s390x"_s), {}),
              u"console=ttysclp0"_s);
    EXPECT_EQ(archModel(u"x86_64"_s).kernelConsoleArgument(guestContext(u"x86_64"_s), {}),
              u"console=ttyS0"_s);
}

TEST(InstallMethods, KernelBootCdromAndImportOnEveryArch)
{
    for (const QString &a : ArchRegistry::instance().archNames()) {
        const ChoiceList methods = archModel(a).installMethods(guestContext(a, VirtType::Qemu));
        EXPECT_EQ(methods.ids(), (QStringList{u"cdrom"_s, u"kernel"_s, u"import"_s, u"network"_s}))
            << a.toStdString();
        EXPECT_TRUE(methods.offers(u"kernel"_s)) << a.toStdString();
        EXPECT_TRUE(methods.offers(u"import"_s)) << a.toStdString();
        EXPECT_TRUE(methods.offers(u"cdrom"_s)) << a.toStdString();
    }
}

TEST(InstallMethods, NetworkBootWhereTheFirmwareCanDoIt)
{
    for (const QString &a :
         {u"x86_64"_s, u"i686"_s, u"ppc64le"_s, u"ppc64"_s, u"aarch64"_s, u"s390x"_s}) {
        EXPECT_TRUE(archModel(a).installMethods(guestContext(a)).offers(u"network"_s))
            << a.toStdString();
    }
    const ChoiceList riscv = archModel(u"riscv64"_s).installMethods(guestContext(u"riscv64"_s));
    EXPECT_FALSE(riscv.offers(u"network"_s));
    EXPECT_TRUE(riscv.reasonFor(u"network"_s).contains(u"OpenSBI"_s));
    GuestContext arm = guestContext(u"armv7l"_s, VirtType::Qemu);
    const ChoiceList armMethods = archModel(u"armv7l"_s).installMethods(arm);
    EXPECT_FALSE(armMethods.offers(u"network"_s));
    EXPECT_TRUE(armMethods.reasonFor(u"network"_s).contains(u"UEFI"_s));
    arm.firmware = u"efi"_s;
    EXPECT_TRUE(archModel(u"armv7l"_s).installMethods(arm).offers(u"network"_s));
    // Network boot withheld: so is "network" in a boot order, with the same reason.
    const ChoiceList kinds = archModel(u"riscv64"_s).bootDeviceKinds(guestContext(u"riscv64"_s));
    EXPECT_FALSE(kinds.offers(u"network"_s));
    EXPECT_EQ(kinds.reasonFor(u"network"_s), riscv.reasonFor(u"network"_s));
}

TEST(DeviceTree, OnlyArchesWhoseKernelsTakeOne)
{
    for (const QString &a : {u"aarch64"_s, u"armv7l"_s, u"riscv64"_s})
        EXPECT_TRUE(archModel(a).deviceTree(guestContext(a)).supported) << a.toStdString();
    for (const QString &a : {u"x86_64"_s, u"i686"_s, u"ppc64le"_s, u"ppc64"_s, u"s390x"_s}) {
        const Operation dtb = archModel(a).deviceTree(guestContext(a));
        EXPECT_FALSE(dtb.supported) << a.toStdString();
        EXPECT_TRUE(dtb.reason.contains(a)) << dtb.reason.toStdString();
    }
}

TEST(BootOrder, S390xFirmwareTriesOnlyOneDevice)
{
    const BootOrderRules z = archModel(u"s390x"_s).bootOrderRules(guestContext(u"s390x"_s));
    EXPECT_EQ(z.maxDevices, 1);
    EXPECT_FALSE(z.reason.isEmpty());
    for (const QString &a : {u"x86_64"_s, u"ppc64le"_s, u"aarch64"_s, u"riscv64"_s})
        EXPECT_EQ(archModel(a).bootOrderRules(guestContext(a)).maxDevices, 0) << a.toStdString();
}

TEST(BootOrder, UserOrderIsPerDeviceAndNeverMixedWithBootDev)
{
    const ArchModel &m = archModel(u"x86_64"_s);
    DevicePlanRequest r;
    r.diskInterfaces = {u"virtio"_s, u"sata"_s};
    r.cdromInterfaces = {u"sata"_s};
    r.nicModels = {u"virtio"_s, u"e1000e"_s};
    r.bootOrder = {u"network"_s, u"cdrom"_s, u"hd"_s};
    const DevicePlan plan = m.devicePlan(guestContext(u"x86_64"_s), r);
    EXPECT_TRUE(plan.bootDevices.isEmpty());
    ASSERT_EQ(plan.disks.size(), 3);
    EXPECT_EQ(plan.disks[0].bootOrder, 3); // the first disk
    EXPECT_EQ(plan.disks[1].bootOrder, 0);
    EXPECT_EQ(plan.disks[2].bootOrder, 2); // the cdrom
    EXPECT_EQ(plan.nicBootOrders, (QList<int>{1, 0}));
}

TEST(BootOrder, DefaultsFollowTheInstallMethod)
{
    const ArchModel &m = archModel(u"x86_64"_s);
    DevicePlanRequest r;
    r.diskInterfaces = {u"virtio"_s};
    r.cdromInterfaces = {u"sata"_s};
    r.nicModels = {u"virtio"_s};
    EXPECT_EQ(m.devicePlan(guestContext(u"x86_64"_s), r).bootDevices,
              (QStringList{u"cdrom"_s, u"hd"_s}));
    r.install = u"import"_s;
    EXPECT_EQ(m.devicePlan(guestContext(u"x86_64"_s), r).bootDevices,
              (QStringList{u"hd"_s, u"cdrom"_s}));
    r.install = u"kernel"_s;
    r.kernel = u"/boot/vmlinuz"_s;
    r.cmdline = u"console=ttyS0"_s;
    DevicePlan plan = m.devicePlan(guestContext(u"x86_64"_s), r);
    EXPECT_TRUE(plan.bootDevices.isEmpty());
    EXPECT_EQ(plan.kernel, u"/boot/vmlinuz"_s);
    EXPECT_EQ(plan.cmdline, u"console=ttyS0"_s);
    r.install = u"network"_s;
    plan = m.devicePlan(guestContext(u"x86_64"_s), r);
    EXPECT_TRUE(plan.bootDevices.isEmpty());
    EXPECT_EQ(plan.nicBootOrders, QList<int>{1});
    EXPECT_EQ(plan.disks[0].bootOrder, 2);

    // s390x: PXE from the NIC only, as its firmware tries a single device.
    const ArchModel &z = archModel(u"s390x"_s);
    DevicePlanRequest zr;
    zr.diskInterfaces = {u"virtio"_s};
    zr.nicModels = {u"virtio"_s};
    zr.install = u"network"_s;
    const DevicePlan zp = z.devicePlan(guestContext(u"s390x"_s), zr);
    EXPECT_EQ(zp.nicBootOrders, QList<int>{1});
    EXPECT_EQ(zp.disks[0].bootOrder, 0);
}

} // namespace
