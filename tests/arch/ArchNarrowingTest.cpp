// The arch policy narrowed by a live host's domain capabilities (captured from libvirt
// 9.0 / QEMU 7.2, or hand-written for POWER9 and s390x hosts): the offered list is
// policy ∩ host, and every withheld entry says why.
#include "ArchFixtures.h"

#include <gtest/gtest.h>

using namespace crossvirt::arch;
using namespace crossvirt::test;
using namespace Qt::StringLiterals;

TEST(ArchNarrowing, OfferedIsAlwaysASubsetOfPolicyAndOfTheHost)
{
    const struct
    {
        QString arch, file;
        VirtType type;
    } cases[] = {
        {u"x86_64"_s, u"domcaps-x86_64-q35-kvm.xml"_s, VirtType::Kvm},
        {u"x86_64"_s, u"domcaps-x86_64-pc-kvm.xml"_s, VirtType::Kvm},
        {u"x86_64"_s, u"domcaps-x86_64-q35-qemu.xml"_s, VirtType::Qemu},
        {u"ppc64"_s, u"domcaps-ppc64-pseries-qemu.xml"_s, VirtType::Qemu},
        {u"ppc64le"_s, u"domcaps-ppc64le-pseries-qemu.xml"_s, VirtType::Qemu},
        {u"ppc64le"_s, u"domcaps-ppc64le-pseries-kvm-handwritten.xml"_s, VirtType::Kvm},
        {u"aarch64"_s, u"domcaps-aarch64-virt-qemu.xml"_s, VirtType::Qemu},
        {u"s390x"_s, u"domcaps-s390x-s390-ccw-virtio-qemu.xml"_s, VirtType::Qemu},
        {u"s390x"_s, u"domcaps-s390x-s390-ccw-virtio-kvm-handwritten.xml"_s, VirtType::Kvm},
        {u"riscv64"_s, u"domcaps-riscv64-virt-qemu.xml"_s, VirtType::Qemu},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.file.toStdString());
        const DomainCapabilities caps = loadDomainCapabilities(c.file);
        const ArchModel &m = archModel(c.arch);
        const GuestContext policy = guestContext(c.arch, c.type, nullptr, caps.machine);
        const GuestContext host = guestContext(c.arch, c.type, &caps, caps.machine);

        const ChoiceList disks = m.diskInterfaces(host);
        const CapabilityEnum buses = caps.deviceEnum(u"disk"_s, u"bus"_s);
        for (const QString &id : disks.offeredIds()) {
            EXPECT_TRUE(m.diskInterfaces(policy).offers(id)) << id.toStdString();
            EXPECT_TRUE(buses.values.contains(m.diskInterfaceSpec(id).bus)) << id.toStdString();
        }
        for (const QString &id : m.hotplugDiskInterfaces(host).offeredIds())
            EXPECT_TRUE(disks.offers(id)) << id.toStdString();
        const CapabilityEnum graphics = caps.deviceEnum(u"graphics"_s, u"type"_s);
        for (const QString &id : m.graphicsTypes(host).offeredIds()) {
            EXPECT_TRUE(m.graphicsTypes(policy).offers(id));
            EXPECT_TRUE(id == "none"_L1 || graphics.values.contains(id)) << id.toStdString();
        }
        const CapabilityEnum video = caps.deviceEnum(u"video"_s, u"modelType"_s);
        for (const QString &id : m.videoModels(host).offeredIds())
            EXPECT_TRUE(video.values.contains(id)) << id.toStdString();
        for (const QString &id : m.cpuModes(host).offeredIds())
            EXPECT_EQ(caps.cpuModeSupported(id), std::optional<bool>(true)) << id.toStdString();
        for (const QString &id : m.cpuModels(host).offeredIds())
            EXPECT_TRUE(caps.customModelUsable(id)) << id.toStdString();
        for (const QString &id : m.clusterCpuChoices(host).offeredIds()) {
            const CpuChoice cpu = m.cpuForClusterType(id);
            if (cpu.mode == CpuMode::Custom) {
                EXPECT_TRUE(caps.customModelUsable(cpu.model)) << id.toStdString();
            }
        }

        const DefaultDevices d = m.defaultDevices(host);
        EXPECT_TRUE(disks.offers(d.diskInterface));
        EXPECT_TRUE(m.graphicsTypes(host).offers(d.graphics));
        EXPECT_TRUE(m.videoModels(host).offers(d.video));
        EXPECT_TRUE(m.firmware(host).problem.isEmpty());
        if (d.cpu.mode == CpuMode::Custom) {
            EXPECT_TRUE(caps.customModelUsable(d.cpu.model)) << d.cpu.model.toStdString();
        } else if (d.cpu.mode != CpuMode::Default) {
            EXPECT_EQ(caps.cpuModeSupported(cpuModeName(d.cpu.mode)), std::optional<bool>(true));
        }
        if (c.type == VirtType::Qemu) {
            EXPECT_NE(d.cpu.mode, CpuMode::HostModel);
            EXPECT_NE(d.cpu.mode, CpuMode::HostPassthrough);
        }
        if (caps.maxVcpus > 0) {
            EXPECT_LE(m.limits(host).maxVcpus, caps.maxVcpus);
        }
    }
}

TEST(ArchNarrowing, PolicyReasonWinsOverWhatTheHostOffers)
{
    // QEMU 7.2 lists SPICE and SATA for ppc64 guests; POWER policy still refuses them.
    const DomainCapabilities caps = loadDomainCapabilities(u"domcaps-ppc64-pseries-qemu.xml"_s);
    ASSERT_TRUE(caps.deviceEnum(u"graphics"_s, u"type"_s).values.contains(u"spice"_s));
    ASSERT_TRUE(caps.deviceEnum(u"disk"_s, u"bus"_s).values.contains(u"sata"_s));
    const ArchModel &m = archModel(u"ppc64"_s);
    const GuestContext ctx = guestContext(u"ppc64"_s, VirtType::Qemu, &caps);
    EXPECT_EQ(m.diskInterfaces(ctx).offeredIds(),
              (QStringList{u"virtio"_s, u"scsi"_s, u"spapr-vscsi"_s, u"usb"_s}));
    EXPECT_EQ(m.diskInterfaces(ctx).reasonFor(u"ide"_s), u"IDE is not available on ppc64 guests"_s);
    EXPECT_EQ(m.diskInterfaces(ctx).reasonFor(u"sata"_s),
              u"SATA is not available on ppc64 guests"_s);
    EXPECT_FALSE(m.graphicsTypes(ctx).offers(u"spice"_s));
    EXPECT_FALSE(m.graphicsTypes(ctx).reasonFor(u"spice"_s).contains(u"host"_s));
    EXPECT_TRUE(m.graphicsTypes(ctx).offers(u"vnc"_s));
    EXPECT_FALSE(m.cpuModes(ctx).offers(u"host-model"_s));
}

TEST(ArchNarrowing, HostWithoutABusWithholdsItWithTheHostReason)
{
    // The q35 QEMU has no IDE: the q35 policy already says so, and its reason wins.
    const DomainCapabilities q35 = loadDomainCapabilities(u"domcaps-x86_64-q35-kvm.xml"_s);
    const ArchModel &m = archModel(u"x86_64"_s);
    const ChoiceList disks =
        m.diskInterfaces(guestContext(u"x86_64"_s, VirtType::Kvm, &q35, q35.machine));
    EXPECT_FALSE(disks.offers(u"ide"_s));
    EXPECT_TRUE(disks.reasonFor(u"ide"_s).contains(u"q35"_s));

    // A pc guest checked against q35's capabilities: the policy allows IDE, the host
    // does not, so the host's reason shows.
    const ChoiceList pcOnQ35Caps =
        m.diskInterfaces(guestContext(u"x86_64"_s, VirtType::Kvm, &q35, u"pc"_s));
    EXPECT_FALSE(pcOnQ35Caps.offers(u"ide"_s));
    EXPECT_EQ(pcOnQ35Caps.reasonFor(u"ide"_s),
              u"This host's QEMU offers no IDE for x86_64 guests"_s);

    const DomainCapabilities pc = loadDomainCapabilities(u"domcaps-x86_64-pc-kvm.xml"_s);
    EXPECT_TRUE(m.diskInterfaces(guestContext(u"x86_64"_s, VirtType::Kvm, &pc, pc.machine))
                    .offers(u"ide"_s));
}

TEST(ArchNarrowing, HostWithoutSpiceWithholdsSpiceForX86)
{
    DomainCapabilities caps = loadDomainCapabilities(u"domcaps-x86_64-q35-kvm.xml"_s);
    // A QEMU built without SPICE (as QEMU 10 on some distributions) lists only VNC.
    caps.deviceEnums[u"graphics/type"_s].values = {u"vnc"_s};
    const ChoiceList graphics =
        archModel(u"x86_64"_s).graphicsTypes(guestContext(u"x86_64"_s, VirtType::Kvm, &caps));
    EXPECT_FALSE(graphics.offers(u"spice"_s));
    EXPECT_EQ(graphics.reasonFor(u"spice"_s),
              u"This host's QEMU offers no SPICE for x86_64 guests"_s);
    EXPECT_TRUE(graphics.offers(u"vnc"_s));
}

TEST(ArchNarrowing, Aarch64WithoutUefiFirmwareOnTheHostCannotBoot)
{
    const DomainCapabilities real = loadDomainCapabilities(u"domcaps-aarch64-virt-qemu.xml"_s);
    const ArchModel &m = archModel(u"aarch64"_s);
    EXPECT_TRUE(m.firmware(guestContext(u"aarch64"_s, VirtType::Qemu, &real)).problem.isEmpty());

    DomainCapabilities noEfi = real;
    noEfi.firmware.values.clear(); // qemu-efi-aarch64 not installed
    noEfi.loaderValues.clear();
    const FirmwareSpec fw = m.firmware(guestContext(u"aarch64"_s, VirtType::Qemu, &noEfi));
    EXPECT_FALSE(fw.choices.offers(u"efi"_s));
    EXPECT_FALSE(fw.choices.reasonFor(u"efi"_s).isEmpty());
    EXPECT_FALSE(fw.problem.isEmpty());
    EXPECT_TRUE(fw.requiresUefi);
}

TEST(ArchNarrowing, EmulatedAarch64HasNoHostModelAndGetsCortexA57)
{
    const DomainCapabilities caps = loadDomainCapabilities(u"domcaps-aarch64-virt-qemu.xml"_s);
    const ArchModel &m = archModel(u"aarch64"_s);
    const GuestContext ctx = guestContext(u"aarch64"_s, VirtType::Qemu, &caps);
    const ChoiceList modes = m.cpuModes(ctx);
    EXPECT_FALSE(modes.offers(u"host-model"_s));
    EXPECT_FALSE(modes.offers(u"host-passthrough"_s));
    EXPECT_TRUE(modes.offers(u"custom"_s));
    EXPECT_EQ(m.defaultCpu(ctx), (CpuChoice{CpuMode::Custom, u"cortex-a57"_s}));
    EXPECT_FALSE(m.graphicsTypes(ctx).offers(u"spice"_s));
    EXPECT_TRUE(m.videoModels(ctx).offers(u"ramfb"_s));
    EXPECT_EQ(m.defaultDevices(ctx).firmware, u"efi"_s);
}

TEST(ArchNarrowing, ClusterCpuTypesFollowWhatTheHostCanRun)
{
    // TCG on this x86 host runs Nehalem but not Skylake; libvirt 9.0 knows no EPYC-Genoa.
    const DomainCapabilities tcg = loadDomainCapabilities(u"domcaps-x86_64-q35-qemu.xml"_s);
    const ArchModel &x86 = archModel(u"x86_64"_s);
    const ChoiceList cpus = x86.clusterCpuChoices(guestContext(u"x86_64"_s, VirtType::Qemu, &tcg));
    EXPECT_TRUE(cpus.offers(u"Nehalem"_s));
    EXPECT_FALSE(cpus.offers(u"Skylake-Server"_s));
    EXPECT_FALSE(cpus.reasonFor(u"Skylake-Server"_s).isEmpty());
    EXPECT_FALSE(cpus.offers(u"EPYC-Genoa"_s));
    EXPECT_TRUE(cpus.reasonFor(u"EPYC-Genoa"_s).contains(u"EPYC-Genoa"_s));

    // Emulated s390x: TCG cannot run a z14; natively on a z15 it can, a z16 not.
    const DomainCapabilities s390Tcg =
        loadDomainCapabilities(u"domcaps-s390x-s390-ccw-virtio-qemu.xml"_s);
    const DomainCapabilities z15 =
        loadDomainCapabilities(u"domcaps-s390x-s390-ccw-virtio-kvm-handwritten.xml"_s);
    const ArchModel &s390 = archModel(u"s390x"_s);
    EXPECT_FALSE(s390.clusterCpuChoices(guestContext(u"s390x"_s, VirtType::Qemu, &s390Tcg))
                     .offers(u"z14"_s));
    const ChoiceList native = s390.clusterCpuChoices(guestContext(u"s390x"_s, VirtType::Kvm, &z15));
    EXPECT_TRUE(native.offers(u"z14"_s));
    EXPECT_TRUE(native.offers(u"gen15a"_s));
    EXPECT_FALSE(native.offers(u"gen16a"_s));
    EXPECT_EQ(s390.defaultCpu(guestContext(u"s390x"_s, VirtType::Kvm, &z15)).mode,
              CpuMode::HostModel);
    EXPECT_EQ(s390.defaultCpu(guestContext(u"s390x"_s, VirtType::Qemu, &s390Tcg)),
              (CpuChoice{CpuMode::Custom, u"max"_s}));
}

TEST(ArchNarrowing, NativePower9HostOffersHostModelAndItsOwnGenerations)
{
    const DomainCapabilities kvm =
        loadDomainCapabilities(u"domcaps-ppc64le-pseries-kvm-handwritten.xml"_s);
    const ArchModel &m = archModel(u"ppc64le"_s);
    const GuestContext ctx = guestContext(u"ppc64le"_s, VirtType::Kvm, &kvm);
    EXPECT_TRUE(m.cpuModes(ctx).offers(u"host-model"_s));
    EXPECT_EQ(m.defaultCpu(ctx).mode, CpuMode::HostModel);
    const ChoiceList cpus = m.clusterCpuChoices(ctx);
    EXPECT_TRUE(cpus.offers(u"POWER9"_s));
    EXPECT_TRUE(cpus.offers(u"POWER8"_s));
    EXPECT_FALSE(cpus.offers(u"POWER10"_s));
    EXPECT_FALSE(m.graphicsTypes(ctx).offers(u"spice"_s));
}

TEST(ArchNarrowing, RiscvCpuCannotBeNamed)
{
    const DomainCapabilities caps = loadDomainCapabilities(u"domcaps-riscv64-virt-qemu.xml"_s);
    const ArchModel &m = archModel(u"riscv64"_s);
    const GuestContext ctx = guestContext(u"riscv64"_s, VirtType::Qemu, &caps);
    EXPECT_TRUE(m.cpuModes(ctx).offeredIds().isEmpty());
    EXPECT_EQ(m.defaultCpu(ctx).mode, CpuMode::Default);
    EXPECT_FALSE(m.diskInterfaces(ctx).offers(u"sata"_s));
    EXPECT_TRUE(m.graphicsTypes(ctx).offers(u"vnc"_s));
}

TEST(ArchNarrowing, CapsOfAnotherArchAreIgnoredAndNoCapsMeansPolicy)
{
    const DomainCapabilities x86 = loadDomainCapabilities(u"domcaps-x86_64-q35-kvm.xml"_s);
    const ArchModel &m = archModel(u"ppc64le"_s);
    const GuestContext wrong = guestContext(u"ppc64le"_s, VirtType::Qemu, &x86);
    const GuestContext none = guestContext(u"ppc64le"_s, VirtType::Qemu, nullptr);
    EXPECT_EQ(m.diskInterfaces(wrong).all(), m.diskInterfaces(none).all());
    EXPECT_EQ(m.cpuModels(wrong).ids(), m.cpuModels(none).ids());
    // Policy-only CPU models: the arch's cluster models, all offered.
    EXPECT_TRUE(m.cpuModels(none).offers(u"POWER9"_s));
}

TEST(ArchNarrowing, MachineTypesComeFromTheHostNewestFirst)
{
    const HostCapabilities caps = loadHostCapabilities(u"debian12-x86_64-kvm-capabilities.xml"_s);
    const ChoiceList x86 = archModel(u"x86_64"_s).machineTypes(&caps);
    const QStringList ids = x86.offeredIds();
    ASSERT_GE(ids.size(), 4);
    EXPECT_EQ(ids.first(), u"q35"_s);
    EXPECT_TRUE(x86.find(u"q35"_s)->label.contains(u"pc-q35-7.2"_s));
    EXPECT_EQ(ids.at(1), u"pc-q35-7.2"_s);
    EXPECT_LT(ids.indexOf(u"pc-q35-7.2"_s), ids.indexOf(u"pc-q35-2.10"_s));
    EXPECT_LT(ids.indexOf(u"pc-q35-2.10"_s), ids.indexOf(u"pc-q35-2.9"_s));
    EXPECT_TRUE(ids.contains(u"pc"_s));
    EXPECT_FALSE(ids.contains(u"microvm"_s));
    EXPECT_FALSE(ids.contains(u"isapc"_s));
    EXPECT_FALSE(x86.offers(u"pc-i440fx-1.4"_s)); // deprecated by QEMU
    EXPECT_FALSE(x86.reasonFor(u"pc-i440fx-1.4"_s).isEmpty());

    const ChoiceList ppc = archModel(u"ppc64le"_s).machineTypes(&caps);
    EXPECT_EQ(ppc.firstOffered(), u"pseries"_s);
    EXPECT_FALSE(ppc.contains(u"powernv9"_s));
    EXPECT_TRUE(archModel(u"riscv64"_s).machineTypes(&caps).offers(u"virt"_s));

    // A host lacking the arch's machine altogether says so.
    HostCapabilities noPseries = caps;
    for (GuestArchCapabilities &g : noPseries.guests) {
        if (g.arch == "ppc64le"_L1)
            g.machines = {MachineInfo{u"powernv9"_s, {}, 1, false}};
    }
    const ChoiceList missing = archModel(u"ppc64le"_s).machineTypes(&noPseries);
    EXPECT_FALSE(missing.offers(u"pseries"_s));
    EXPECT_FALSE(missing.reasonFor(u"pseries"_s).isEmpty());
}

// The boot matrix (issue 11) found these screens blank inside a booted Linux guest: an
// s390x kernel has no graphics driver, and ramfb shows only a firmware's screen, which an
// armv7l guest does not have. So they are withheld, with the reason.
TEST(ArchNarrowing, VideosALinuxGuestCannotShowAreWithheldWithTheReason)
{
    const ArchModel &s390 = archModel(u"s390x"_s);
    const ChoiceList s390Videos = s390.videoModels(guestContext(u"s390x"_s, VirtType::Qemu));
    EXPECT_EQ(s390Videos.offered().size(), 1);
    EXPECT_TRUE(s390Videos.offers(u"none"_s));
    ASSERT_TRUE(s390Videos.find(u"virtio"_s));
    EXPECT_TRUE(s390Videos.find(u"virtio"_s)->reason.contains(u"no display"_s));

    const ArchModel &arm = archModel(u"armv7l"_s);
    const ChoiceList armVideos = arm.videoModels(guestContext(u"armv7l"_s, VirtType::Qemu));
    EXPECT_TRUE(armVideos.offers(u"virtio"_s));
    EXPECT_FALSE(armVideos.offers(u"ramfb"_s));
    ASSERT_TRUE(armVideos.find(u"ramfb"_s));
    EXPECT_TRUE(armVideos.find(u"ramfb"_s)->reason.contains(u"firmware"_s));
}

// The boot matrix's riscv64 guest never heard QEMU's system_powerdown (QEMU 7.2's virt
// board has no power button), so Shut Down and Reboot are refused with the reason there,
// and allowed on the arches whose guests powered off on the button.
TEST(ArchNarrowing, ShutDownNeedsAPowerButtonTheGuestHears)
{
    for (const QString &name : {u"x86_64"_s, u"ppc64le"_s, u"aarch64"_s, u"s390x"_s, u"armv7l"_s}) {
        const Operations ops = archModel(name).operations(guestContext(name, VirtType::Qemu));
        EXPECT_TRUE(ops.gracefulShutdown.supported) << name.toStdString();
    }
    const Operations riscv =
        archModel(u"riscv64"_s).operations(guestContext(u"riscv64"_s, VirtType::Qemu));
    EXPECT_FALSE(riscv.gracefulShutdown.supported);
    EXPECT_TRUE(riscv.gracefulShutdown.reason.contains(u"Force Off"_s));
}
