// The arch policy alone (a host without domain capabilities, e.g. the test driver):
// the user-visible rules per architecture.
#include "ArchFixtures.h"

#include <gtest/gtest.h>

using namespace crossvirt::arch;
using namespace crossvirt::test;
using namespace Qt::StringLiterals;

namespace {
const QStringList kArches{u"x86_64"_s,  u"i686"_s,  u"ppc64"_s,   u"ppc64le"_s,
                          u"aarch64"_s, u"s390x"_s, u"riscv64"_s, u"armv7l"_s};

void expectReasonsOnWithheld(const ChoiceList &list, const char *what, const QString &arch)
{
    for (const Choice &c : list) {
        EXPECT_FALSE(c.label.isEmpty()) << what << " " << c.id.toStdString();
        if (!c.offered) {
            EXPECT_FALSE(c.reason.isEmpty())
                << arch.toStdString() << " " << what << " " << c.id.toStdString();
        }
    }
}
} // namespace

TEST(ArchRegistry, FindsEveryIssueArchByLibvirtNameAndNothingElse)
{
    const ArchRegistry &reg = ArchRegistry::instance();
    for (const QString &arch : kArches) {
        const ArchModel *m = reg.find(arch);
        ASSERT_NE(m, nullptr) << arch.toStdString();
        EXPECT_EQ(m->name(), arch);
        EXPECT_FALSE(m->displayName().isEmpty());
        EXPECT_TRUE(m->nativeGuestArches().contains(arch));
    }
    EXPECT_EQ(reg.find(u"sparc64"_s), nullptr);
    EXPECT_EQ(reg.archNames().size(), kArches.size());
    EXPECT_EQ(reg.models().size(), kArches.size());
}

TEST(ArchRegistry, NativeByPolicyFollowsTheHostCpu)
{
    const ArchRegistry &reg = ArchRegistry::instance();
    EXPECT_TRUE(reg.runsNatively(u"x86_64"_s, u"i686"_s));
    EXPECT_FALSE(reg.runsNatively(u"i686"_s, u"x86_64"_s));
    EXPECT_TRUE(reg.runsNatively(u"ppc64le"_s, u"ppc64"_s));
    EXPECT_FALSE(reg.runsNatively(u"x86_64"_s, u"aarch64"_s));
    EXPECT_FALSE(reg.runsNatively(u"aarch64"_s, u"x86_64"_s));
    EXPECT_FALSE(reg.runsNatively(u"unknown"_s, u"x86_64"_s));
}

// Rules that hold for every arch, native and emulated, cold and running.
TEST(ArchPolicy, EveryArchGivesConsistentAnswers)
{
    for (const QString &arch : kArches) {
        const ArchModel &m = archModel(arch);
        for (VirtType type : {VirtType::Kvm, VirtType::Qemu}) {
            const GuestContext ctx = guestContext(arch, type);
            const ChoiceList cold = m.diskInterfaces(ctx);
            const ChoiceList hot = m.hotplugDiskInterfaces(ctx);
            for (const QString &id : hot.offeredIds())
                EXPECT_TRUE(cold.offers(id))
                    << arch.toStdString() << " hot-plug " << id.toStdString();
            EXPECT_FALSE(hot.offeredIds().isEmpty()) << arch.toStdString();

            GuestContext running = ctx;
            running.running = true;
            EXPECT_EQ(m.diskInterfaces(running).offeredIds(), hot.offeredIds());

            expectReasonsOnWithheld(cold, "disk", arch);
            expectReasonsOnWithheld(hot, "hot-plug disk", arch);
            expectReasonsOnWithheld(m.cdromInterfaces(ctx), "cdrom", arch);
            expectReasonsOnWithheld(m.nicModels(ctx), "nic", arch);
            expectReasonsOnWithheld(m.graphicsTypes(ctx), "graphics", arch);
            expectReasonsOnWithheld(m.videoModels(ctx), "video", arch);
            expectReasonsOnWithheld(m.consoleTypes(ctx), "console", arch);
            expectReasonsOnWithheld(m.cpuModes(ctx), "cpu mode", arch);
            expectReasonsOnWithheld(m.firmware(ctx).choices, "firmware", arch);

            const DefaultDevices d = m.defaultDevices(ctx);
            EXPECT_EQ(d.machine, m.defaultMachine());
            EXPECT_TRUE(m.diskInterfaces(ctx).offers(d.diskInterface)) << arch.toStdString();
            EXPECT_TRUE(m.cdromInterfaces(ctx).offers(d.cdromInterface)) << arch.toStdString();
            EXPECT_TRUE(m.nicModels(ctx).offers(d.nicModel)) << arch.toStdString();
            EXPECT_TRUE(m.graphicsTypes(ctx).offers(d.graphics)) << arch.toStdString();
            EXPECT_TRUE(m.videoModels(ctx).offers(d.video)) << arch.toStdString();
            EXPECT_FALSE(d.console.consoleTargetType.isEmpty()) << arch.toStdString();
            EXPECT_EQ(d.virtType, type);
            EXPECT_TRUE(m.firmware(ctx).problem.isEmpty()) << arch.toStdString();

            // Emulated guests never get the host's CPU.
            if (type == VirtType::Qemu) {
                EXPECT_NE(d.cpu.mode, CpuMode::HostModel) << arch.toStdString();
                EXPECT_NE(d.cpu.mode, CpuMode::HostPassthrough) << arch.toStdString();
                EXPECT_FALSE(m.cpuModes(ctx).offers(u"host-model"_s)) << arch.toStdString();
                EXPECT_FALSE(m.cpuModes(ctx).offers(u"host-passthrough"_s)) << arch.toStdString();
            } else {
                EXPECT_TRUE(d.cpu.mode == CpuMode::HostModel ||
                            d.cpu.mode == CpuMode::HostPassthrough)
                    << arch.toStdString();
            }

            const Limits l = m.limits(ctx);
            EXPECT_GE(l.memoryGranularityMiB, 1);
            EXPECT_TRUE(l.isValidMemoryMiB(l.alignMemoryMiB(1000))) << arch.toStdString();
        }
        EXPECT_FALSE(m.clusterCpuTypes().isEmpty()) << arch.toStdString();
        const ChoiceList machines = m.machineTypes();
        EXPECT_EQ(machines.firstOffered(), m.defaultMachine()) << arch.toStdString();
        EXPECT_EQ(m.machineFamily(m.defaultMachine()), m.defaultMachine());
    }
}

TEST(ArchPolicy, Ppc64OffersVirtioScsiAndSpaprVscsiButNeverIdeOrSata)
{
    for (const QString &arch : {u"ppc64"_s, u"ppc64le"_s}) {
        const ArchModel &m = archModel(arch);
        const GuestContext ctx = guestContext(arch);
        const ChoiceList disks = m.diskInterfaces(ctx);
        EXPECT_TRUE(disks.offers(u"virtio"_s));
        EXPECT_TRUE(disks.offers(u"scsi"_s));
        EXPECT_TRUE(disks.offers(u"spapr-vscsi"_s));
        EXPECT_EQ(disks.find(u"spapr-vscsi"_s)->label, u"sPAPR VSCSI"_s);
        EXPECT_FALSE(disks.offers(u"ide"_s));
        EXPECT_FALSE(disks.offers(u"sata"_s));
        EXPECT_EQ(disks.reasonFor(u"ide"_s), u"IDE is not available on %1 guests"_s.arg(arch));
        EXPECT_FALSE(m.cdromInterfaces(ctx).offers(u"ide"_s));
        EXPECT_FALSE(m.cdromInterfaces(ctx).offers(u"sata"_s));

        const ChoiceList graphics = m.graphicsTypes(ctx);
        EXPECT_TRUE(graphics.offers(u"vnc"_s));
        EXPECT_FALSE(graphics.offers(u"spice"_s));
        EXPECT_TRUE(graphics.reasonFor(u"spice"_s).contains(u"SPICE"_s));

        EXPECT_TRUE(m.nicModels(ctx).offers(u"spapr-vlan"_s));
        EXPECT_EQ(m.limits(ctx).memoryGranularityMiB, 256);
        EXPECT_FALSE(m.limits(ctx).isValidMemoryMiB(1000));
        EXPECT_EQ(m.limits(ctx).alignMemoryMiB(1000), 1024);
        EXPECT_EQ(m.serialConsole(ctx).serialTargetType, u"spapr-vio-serial"_s);
        EXPECT_FALSE(m.firmware(ctx).choices.offers(u"efi"_s));
    }
}

TEST(ArchPolicy, SpaprDevicesAreNotOfferedToX86Guests)
{
    const ArchModel &m = archModel(u"x86_64"_s);
    const GuestContext ctx = guestContext(u"x86_64"_s);
    EXPECT_FALSE(m.diskInterfaces(ctx).offers(u"spapr-vscsi"_s));
    EXPECT_FALSE(m.nicModels(ctx).offers(u"spapr-vlan"_s));
    EXPECT_FALSE(m.diskInterfaces(ctx).reasonFor(u"spapr-vscsi"_s).isEmpty());
}

TEST(ArchPolicy, X86Q35HasNoIdeWhilePcHasIt)
{
    const ArchModel &m = archModel(u"x86_64"_s);
    for (const QString &q35 : {u"q35"_s, u"pc-q35-7.2"_s, QString()}) {
        const GuestContext ctx = guestContext(u"x86_64"_s, VirtType::Kvm, nullptr, q35);
        EXPECT_FALSE(m.diskInterfaces(ctx).offers(u"ide"_s)) << q35.toStdString();
        EXPECT_FALSE(m.cdromInterfaces(ctx).offers(u"ide"_s));
        EXPECT_TRUE(m.diskInterfaces(ctx).offers(u"sata"_s));
        EXPECT_EQ(m.defaultDevices(ctx).cdromInterface, u"sata"_s);
    }
    for (const QString &pc : {u"pc"_s, u"pc-i440fx-7.2"_s}) {
        const GuestContext ctx = guestContext(u"x86_64"_s, VirtType::Kvm, nullptr, pc);
        EXPECT_TRUE(m.diskInterfaces(ctx).offers(u"ide"_s)) << pc.toStdString();
        EXPECT_EQ(m.defaultDevices(ctx).cdromInterface, u"ide"_s);
        EXPECT_EQ(m.limits(ctx).maxDevices.value(u"ide"_s), 4);
    }
    const GuestContext ctx = guestContext(u"x86_64"_s);
    EXPECT_TRUE(m.graphicsTypes(ctx).offers(u"spice"_s));
    EXPECT_TRUE(m.videoModels(ctx).offers(u"qxl"_s));
    EXPECT_EQ(m.defaultDevices(ctx).diskInterface, u"virtio"_s);
}

TEST(ArchPolicy, IdeAndSataCannotBeHotPlugged)
{
    const ArchModel &m = archModel(u"x86_64"_s);
    GuestContext ctx = guestContext(u"x86_64"_s, VirtType::Kvm, nullptr, u"pc"_s);
    ctx.running = true;
    const ChoiceList running = m.diskInterfaces(ctx);
    EXPECT_TRUE(running.offers(u"virtio"_s));
    EXPECT_FALSE(running.offers(u"ide"_s));
    EXPECT_FALSE(running.offers(u"sata"_s));
    EXPECT_FALSE(running.reasonFor(u"sata"_s).isEmpty());
}

TEST(ArchPolicy, S390xHasNoGraphicsAnSclpConsoleAndOnlyVirtioNics)
{
    const ArchModel &m = archModel(u"s390x"_s);
    const GuestContext ctx = guestContext(u"s390x"_s);
    const ChoiceList graphics = m.graphicsTypes(ctx);
    EXPECT_EQ(graphics.offeredIds(), QStringList{u"none"_s});
    EXPECT_FALSE(graphics.reasonFor(u"vnc"_s).isEmpty());
    EXPECT_EQ(m.nicModels(ctx).offeredIds(), QStringList{u"virtio"_s});
    EXPECT_TRUE(m.consoleTypes(ctx).offers(u"sclp"_s));
    EXPECT_FALSE(m.consoleTypes(ctx).offers(u"serial"_s));
    EXPECT_FALSE(m.diskInterfaces(ctx).offers(u"usb"_s));

    const DefaultDevices d = m.defaultDevices(ctx);
    EXPECT_EQ(d.graphics, u"none"_s);
    EXPECT_EQ(d.console.consoleTargetType, u"sclp"_s);
    EXPECT_TRUE(d.console.serialTargetType.isEmpty());
    EXPECT_EQ(d.watchdog, u"diag288"_s);
    EXPECT_TRUE(d.usbController.isEmpty());
    EXPECT_TRUE(d.inputs.isEmpty());

    const Operations ops = m.operations(ctx);
    EXPECT_TRUE(ops.liveMigration);
    EXPECT_TRUE(ops.cpuHotplug);
    EXPECT_FALSE(ops.cpuHotUnplug);
    EXPECT_FALSE(ops.memoryHotplug);
    EXPECT_FALSE(ops.memoryHotplug.reason.isEmpty());
    // The other consoles keep SCLP for s390x alone.
    EXPECT_FALSE(archModel(u"x86_64"_s).consoleTypes(guestContext(u"x86_64"_s)).offers(u"sclp"_s));
}

TEST(ArchPolicy, Aarch64RequiresUefiAndHasNoHostModel)
{
    const ArchModel &m = archModel(u"aarch64"_s);
    for (VirtType type : {VirtType::Kvm, VirtType::Qemu}) {
        const GuestContext ctx = guestContext(u"aarch64"_s, type);
        const FirmwareSpec fw = m.firmware(ctx);
        EXPECT_TRUE(fw.requiresUefi);
        EXPECT_EQ(fw.defaultFirmware, u"efi"_s);
        EXPECT_EQ(fw.osFirmwareAttribute, u"efi"_s);
        EXPECT_FALSE(fw.choices.offers(u"default"_s));
        EXPECT_EQ(m.defaultDevices(ctx).firmware, u"efi"_s);
        EXPECT_FALSE(m.cpuModes(ctx).offers(u"host-model"_s));
        EXPECT_FALSE(m.diskInterfaces(ctx).offers(u"ide"_s));
        // libvirt refuses internal snapshots of pflash (UEFI) guests.
        EXPECT_FALSE(m.operations(ctx).internalSnapshots);
        EXPECT_TRUE(m.operations(ctx).snapshots);
    }
    const GuestContext native = guestContext(u"aarch64"_s, VirtType::Kvm);
    EXPECT_EQ(m.defaultCpu(native).mode, CpuMode::HostPassthrough);
    const GuestContext emulated = guestContext(u"aarch64"_s, VirtType::Qemu);
    EXPECT_EQ(m.defaultCpu(emulated), (CpuChoice{CpuMode::Custom, u"cortex-a57"_s}));
    EXPECT_FALSE(m.cpuModes(emulated).offers(u"host-passthrough"_s));
    EXPECT_FALSE(m.graphicsTypes(native).offers(u"spice"_s));
}

TEST(ArchPolicy, EmulatedGuestsGetNamedCpuModels)
{
    const auto cpu = [](const QString &arch) {
        return archModel(arch).defaultCpu(guestContext(arch, VirtType::Qemu));
    };
    EXPECT_EQ(cpu(u"ppc64le"_s), (CpuChoice{CpuMode::Custom, u"POWER9"_s}));
    EXPECT_EQ(cpu(u"ppc64"_s), (CpuChoice{CpuMode::Custom, u"POWER9"_s}));
    EXPECT_EQ(cpu(u"s390x"_s), (CpuChoice{CpuMode::Custom, u"max"_s}));
    EXPECT_EQ(cpu(u"x86_64"_s).mode, CpuMode::Maximum);
    // libvirt cannot name a riscv64 CPU: no <cpu> element, QEMU's default.
    EXPECT_EQ(cpu(u"riscv64"_s).mode, CpuMode::Default);
}

TEST(ArchPolicy, ClusterCpuTypesMapDisplayNamesToLibvirtModels)
{
    const auto model = [](const QString &arch, const QString &display) {
        for (const ClusterCpuType &t : archModel(arch).clusterCpuTypes()) {
            if (t.displayName == display)
                return t.model;
        }
        return QString();
    };
    EXPECT_EQ(model(u"x86_64"_s, u"Intel Nehalem Family"_s), u"Nehalem"_s);
    EXPECT_EQ(model(u"x86_64"_s, u"AMD EPYC-Genoa"_s), u"EPYC-Genoa"_s);
    EXPECT_EQ(model(u"ppc64"_s, u"IBM POWER9"_s), u"POWER9"_s);
    EXPECT_EQ(model(u"ppc64le"_s, u"IBM POWER9"_s), u"POWER9"_s);
    EXPECT_EQ(model(u"s390x"_s, u"IBM z14"_s), u"z14"_s);
    EXPECT_TRUE(model(u"x86_64"_s, u"IBM POWER9"_s).isEmpty());

    const ArchModel &x86 = archModel(u"x86_64"_s);
    EXPECT_EQ(x86.cpuForClusterType(u"Nehalem"_s), (CpuChoice{CpuMode::Custom, u"Nehalem"_s}));
    // Without domain capabilities (test driver) every cluster CPU of the arch is offered.
    EXPECT_TRUE(x86.clusterCpuChoices(guestContext(u"x86_64"_s)).withheld().isEmpty());
    // aarch64 under KVM runs only the host CPU: named models are withheld, with why.
    const ChoiceList arm = archModel(u"aarch64"_s).clusterCpuChoices(guestContext(u"aarch64"_s));
    EXPECT_TRUE(arm.offers(u"host-passthrough"_s));
    EXPECT_FALSE(arm.offers(u"cortex-a57"_s));
    EXPECT_FALSE(arm.reasonFor(u"cortex-a57"_s).isEmpty());
}

TEST(ArchPolicy, OperationsAnswerPerArch)
{
    const Operations x86 = archModel(u"x86_64"_s).operations(guestContext(u"x86_64"_s));
    EXPECT_TRUE(x86.liveMigration && x86.snapshots && x86.internalSnapshots && x86.diskHotplug &&
                x86.nicHotplug && x86.cpuHotplug && x86.memoryHotplug);
    GuestContext uefi = guestContext(u"x86_64"_s);
    uefi.firmware = u"efi"_s;
    EXPECT_FALSE(archModel(u"x86_64"_s).operations(uefi).internalSnapshots);

    const Operations arm = archModel(u"aarch64"_s).operations(guestContext(u"aarch64"_s));
    EXPECT_FALSE(arm.cpuHotplug);
    EXPECT_FALSE(arm.cpuHotplug.reason.isEmpty());
    EXPECT_EQ(
        archModel(u"ppc64le"_s).limits(guestContext(u"ppc64le"_s)).memoryHotplugGranularityMiB,
        256);
    EXPECT_EQ(archModel(u"x86_64"_s).limits(guestContext(u"x86_64"_s)).memoryHotplugGranularityMiB,
              128);
}

TEST(ArchPolicy, SpaprVlanIsPseriesOnlyAndCannotBeHotPlugged)
{
    const ArchModel &m = archModel(u"ppc64le"_s);
    GuestContext ctx = guestContext(u"ppc64le"_s);
    EXPECT_TRUE(m.nicModels(ctx).offers(u"spapr-vlan"_s));
    ctx.running = true;
    EXPECT_FALSE(m.nicModels(ctx).offers(u"spapr-vlan"_s));
    EXPECT_TRUE(m.nicModels(ctx).offers(u"virtio"_s));
    GuestContext powernv = guestContext(u"ppc64le"_s, VirtType::Kvm, nullptr, u"powernv9"_s);
    EXPECT_FALSE(m.nicModels(powernv).offers(u"spapr-vlan"_s));
    EXPECT_FALSE(m.diskInterfaces(powernv).offers(u"spapr-vscsi"_s));
}

TEST(ArchPolicy, MachineTypesWithoutCapsAreTheSupportedFamilies)
{
    EXPECT_EQ(archModel(u"x86_64"_s).machineTypes().offeredIds(), (QStringList{u"q35"_s, u"pc"_s}));
    EXPECT_EQ(archModel(u"ppc64le"_s).machineTypes().offeredIds(), QStringList{u"pseries"_s});
    EXPECT_EQ(archModel(u"s390x"_s).defaultMachine(), u"s390-ccw-virtio"_s);
    EXPECT_EQ(archModel(u"x86_64"_s).machineFamily(u"pc-i440fx-7.2"_s), u"pc"_s);
    EXPECT_EQ(archModel(u"x86_64"_s).machineFamily(u"microvm"_s), QString());
}
