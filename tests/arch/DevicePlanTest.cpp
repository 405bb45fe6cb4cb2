// ArchModel::devicePlan(): every device of a new guest decided by the arch class, so the
// XML builder only writes it. Per-arch rules a user depends on.
#include "ArchFixtures.h"

#include <gtest/gtest.h>

using namespace crossvirt::arch;
using namespace crossvirt::test;
using namespace Qt::StringLiterals;

namespace {

QList<ControllerSpec> controllersOfType(const DevicePlan &plan, const QString &type)
{
    QList<ControllerSpec> out;
    for (const ControllerSpec &c : plan.controllers) {
        if (c.type == type)
            out.append(c);
    }
    return out;
}

} // namespace

TEST(DevicePlan, PseriesSpaprVscsiControllersGetIbmvscsiAndDistinctVioRegs)
{
    const ArchModel &m = archModel(u"ppc64le"_s);
    DevicePlanRequest r;
    r.diskInterfaces = QStringList(8, u"spapr-vscsi"_s);
    r.cdromInterfaces = {u"spapr-vscsi"_s};
    const DevicePlan plan = m.devicePlan(guestContext(u"ppc64le"_s), r);
    const QList<ControllerSpec> scsi = controllersOfType(plan, u"scsi"_s);
    ASSERT_EQ(scsi.size(), 2); // 9 devices, 7 per sPAPR VSCSI adapter
    QList<quint64> regs;
    for (const ControllerSpec &c : scsi) {
        EXPECT_EQ(c.model, u"ibmvscsi"_s); // libvirt refuses "spapr-vscsi" as a model
        EXPECT_EQ(c.addressType, u"spapr-vio"_s);
        EXPECT_NE(c.addressReg, 0u);
        EXPECT_FALSE(regs.contains(c.addressReg));
        regs.append(c.addressReg);
    }
    ASSERT_EQ(plan.disks.size(), 9);
    EXPECT_EQ(plan.disks.at(8).device, u"cdrom"_s);
    EXPECT_EQ(plan.disks.at(8).deviceName, u"sdi"_s);
    EXPECT_EQ(plan.bootDevices, (QStringList{u"cdrom"_s, u"hd"_s}));
}

TEST(DevicePlan, NewSpaprControllerOfAnExistingGuestAvoidsItsTakenRegs)
{
    const ArchModel &m = archModel(u"ppc64"_s);
    const ControllerSpec c =
        m.diskController(u"spapr-vscsi"_s, 3,
                         {{u"spapr-vio"_s, 0x2000}, {u"spapr-vio"_s, 0x3000}, {u"pci"_s, 0x4000}});
    EXPECT_EQ(c.index, 3);
    EXPECT_EQ(c.model, u"ibmvscsi"_s);
    EXPECT_EQ(c.addressReg, 0x4000u); // a PCI address is no VIO reg
    // Other arches know no sPAPR VSCSI at all, and VirtIO-SCSI gets no address.
    EXPECT_TRUE(archModel(u"x86_64"_s).diskController(u"spapr-vscsi"_s, 0).type.isEmpty());
    EXPECT_TRUE(m.diskController(u"scsi"_s, 0).addressType.isEmpty());
}

TEST(DevicePlan, S390xConsoleIsSclpWithoutASerialPort)
{
    const ArchModel &m = archModel(u"s390x"_s);
    const DevicePlan plan = m.devicePlan(guestContext(u"s390x"_s), DevicePlanRequest{});
    EXPECT_EQ(plan.console.consoleTargetType, u"sclp"_s);
    EXPECT_TRUE(plan.console.serialTargetType.isEmpty());
    EXPECT_EQ(plan.watchdog, u"diag288"_s);
    ASSERT_FALSE(plan.controllers.isEmpty());
    EXPECT_EQ(plan.controllers.last().type, u"usb"_s);
    EXPECT_EQ(plan.controllers.last().model, u"none"_s); // or libvirt adds a USB controller
    // A forced "serial" console is a serial console target with no <serial> behind it.
    DevicePlanRequest serial;
    serial.console = u"serial"_s;
    const DevicePlan forced = m.devicePlan(guestContext(u"s390x"_s), serial);
    EXPECT_EQ(forced.console.consoleTargetType, u"serial"_s);
    EXPECT_TRUE(forced.console.serialTargetType.isEmpty());
}

TEST(DevicePlan, VirtioConsoleReplacesTheSerialPortOnEveryArch)
{
    for (const QString &arch : ArchRegistry::instance().archNames()) {
        DevicePlanRequest r;
        r.console = u"virtio"_s;
        const DevicePlan plan = archModel(arch).devicePlan(guestContext(arch), r);
        EXPECT_EQ(plan.console.consoleTargetType, u"virtio"_s) << arch.toStdString();
        EXPECT_TRUE(plan.console.serialTargetType.isEmpty()) << arch.toStdString();
    }
    // The default ("") on POWER is its VIO serial port.
    const DevicePlan ppc = archModel(u"ppc64le"_s).devicePlan(guestContext(u"ppc64le"_s), {});
    EXPECT_EQ(ppc.console.serialTargetType, u"spapr-vio-serial"_s);
    EXPECT_EQ(ppc.console.serialTargetModel, u"spapr-vty"_s);
}

TEST(DevicePlan, X86PcAndQ35DifferInCdromBusAndUsb)
{
    const ArchModel &m = archModel(u"x86_64"_s);
    for (const QString &machine : {u"pc"_s, u"q35"_s}) {
        SCOPED_TRACE(machine.toStdString());
        const GuestContext ctx = guestContext(u"x86_64"_s, VirtType::Kvm, nullptr, machine);
        const DefaultDevices d = m.defaultDevices(ctx);
        DevicePlanRequest r;
        r.machine = machine;
        r.diskInterfaces = {d.diskInterface};
        r.cdromInterfaces = {d.cdromInterface};
        r.graphics = u"vnc"_s;
        const DevicePlan plan = m.devicePlan(ctx, r);
        ASSERT_EQ(plan.disks.size(), 2);
        const PlannedDisk &cdrom = plan.disks.at(1);
        EXPECT_EQ(cdrom.device, u"cdrom"_s);
        if (machine == "pc"_L1) {
            EXPECT_EQ(cdrom.bus, u"ide"_s);
            EXPECT_EQ(cdrom.deviceName, u"hda"_s);
            EXPECT_EQ(controllersOfType(plan, u"usb"_s).value(0).model, u"piix3-uhci"_s);
        } else {
            EXPECT_EQ(cdrom.bus, u"sata"_s); // q35 has no IDE
            EXPECT_EQ(cdrom.deviceName, u"sda"_s);
            EXPECT_EQ(controllersOfType(plan, u"usb"_s).value(0).model, u"qemu-xhci"_s);
        }
        EXPECT_EQ(plan.machine, machine);
        EXPECT_EQ(plan.features, (QStringList{u"acpi"_s, u"apic"_s}));
        EXPECT_EQ(plan.inputs, (QList<InputDeviceSpec>{{u"tablet"_s, u"usb"_s}}));
        EXPECT_EQ(plan.graphics, u"vnc"_s);
        EXPECT_EQ(plan.graphicsListen, u"127.0.0.1"_s);
    }
}

TEST(DevicePlan, HeadlessGuestGetsNoInputsNoGraphicsButItsRng)
{
    DevicePlanRequest r;
    r.graphics = u"none"_s;
    const DevicePlan plan = archModel(u"aarch64"_s).devicePlan(guestContext(u"aarch64"_s), r);
    EXPECT_TRUE(plan.graphics.isEmpty());
    EXPECT_TRUE(plan.inputs.isEmpty());
    EXPECT_EQ(plan.rngModel, u"virtio"_s);
    EXPECT_EQ(plan.bootDevices, QStringList{u"hd"_s});
}

TEST(DevicePlan, Armv7lVirtGuestIsEmulatedWithPl011AndCortexA15)
{
    const ArchModel &m = archModel(u"armv7l"_s);
    const GuestContext ctx = guestContext(u"armv7l"_s, VirtType::Qemu);
    const DefaultDevices d = m.defaultDevices(ctx);
    EXPECT_EQ(d.machine, u"virt"_s);
    EXPECT_EQ(d.cpu, (CpuChoice{CpuMode::Custom, u"cortex-a15"_s}));
    EXPECT_EQ(d.firmware, QString()); // no UEFI by default (see Armv7lArch::firmwarePolicy)
    EXPECT_EQ(d.diskInterface, u"virtio"_s);
    EXPECT_EQ(d.nicModel, u"virtio"_s);
    EXPECT_EQ(d.graphics, u"vnc"_s);
    EXPECT_EQ(d.video, u"virtio"_s);
    EXPECT_EQ(QString(d.console), u"serial"_s);

    DevicePlanRequest r;
    r.virtType = VirtType::Qemu;
    r.cpu = d.cpu;
    r.diskInterfaces = {d.diskInterface};
    r.cdromInterfaces = {d.cdromInterface};
    r.graphics = d.graphics;
    r.video = d.video;
    const DevicePlan plan = m.devicePlan(ctx, r);
    EXPECT_EQ(plan.domainType, u"qemu"_s);
    EXPECT_EQ(plan.console.serialTargetType, u"system-serial"_s);
    EXPECT_EQ(plan.console.serialTargetModel, u"pl011"_s);
    EXPECT_EQ(plan.disks.at(1).bus, u"scsi"_s); // cdrom on VirtIO-SCSI, no IDE on virt
    EXPECT_EQ(controllersOfType(plan, u"scsi"_s).value(0).model, u"virtio-scsi"_s);
    EXPECT_TRUE(plan.osFirmware.isEmpty());

    const ChoiceList disks = m.diskInterfaces(ctx);
    EXPECT_EQ(disks.offeredIds(), (QStringList{u"virtio"_s, u"scsi"_s, u"usb"_s}));
    EXPECT_EQ(disks.reasonFor(u"spapr-vscsi"_s),
              u"sPAPR VSCSI exists only on POWER (pseries) guests"_s);
    EXPECT_EQ(disks.reasonFor(u"ide"_s), u"IDE is not available on armv7l guests"_s);
    EXPECT_EQ(m.consoleTypes(ctx).reasonFor(u"sclp"_s),
              u"SCLP console exists only on s390x guests"_s);
    EXPECT_FALSE(m.graphicsTypes(ctx).offers(u"spice"_s));
    EXPECT_FALSE(m.videoModels(ctx).offers(u"vga"_s));
    EXPECT_FALSE(m.cpuModes(ctx).offers(u"host-model"_s));
    const Operations ops = m.operations(ctx);
    EXPECT_FALSE(ops.cpuHotplug.supported);
    EXPECT_FALSE(ops.memoryHotplug.supported);
    EXPECT_FALSE(ops.cpuHotplug.reason.isEmpty());
    EXPECT_TRUE(ops.diskHotplug.supported);
}

TEST(DevicePlan, Armv7lIsEmulatedOnTheHostsOfThisDatacenter)
{
    // No host arch Crossvirt knows runs armv7l with KVM but a 32-bit Arm one.
    for (const QString &host : {u"x86_64"_s, u"aarch64"_s, u"ppc64le"_s, u"i686"_s})
        EXPECT_FALSE(ArchRegistry::instance().runsNatively(host, u"armv7l"_s))
            << host.toStdString();
}

TEST(DevicePlan, PcieMachinesGetSpareRootPortsForHotplug)
{
    // A running q35/virt guest hot-plugs a NIC or disk only into a free pcie-root-port, and
    // libvirt fills the listed ports with the guest's own devices first: a new guest gets
    // one per device plus spares. i440FX, pseries and s390x plug devices without them.
    struct Case
    {
        QString arch;
        QString machine;
        bool pcie;
    };
    const QList<Case> cases{
        {u"x86_64"_s, u"q35"_s, true},
        {u"x86_64"_s, u"pc"_s, false},
        {u"aarch64"_s, u"virt"_s, true},
        {u"riscv64"_s, u"virt"_s, true},
        {u"armv7l"_s, u"virt"_s, true},
        {u"ppc64le"_s, u"pseries"_s, false},
        {u"s390x"_s, u"s390-ccw-virtio"_s, false},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.arch.toStdString() + " " + c.machine.toStdString());
        const ArchModel &m = archModel(c.arch);
        const GuestContext ctx = guestContext(c.arch, VirtType::Kvm, nullptr, c.machine);
        const DefaultDevices d = m.defaultDevices(ctx);
        DevicePlanRequest r;
        r.machine = c.machine;
        r.diskInterfaces = {u"virtio"_s};
        r.cdromInterfaces = {d.cdromInterface};
        r.nicModels = {u"virtio"_s};
        r.graphics = d.graphics;
        r.video = d.video;
        const DevicePlan plan = m.devicePlan(ctx, r);
        const QList<ControllerSpec> ports = controllersOfType(plan, u"pci"_s);
        if (!c.pcie) {
            EXPECT_TRUE(ports.isEmpty());
            continue;
        }
        // Devices that surely take a port: the virtio disk, the NIC, the USB controller, the
        // RNG and libvirt's balloon; at least 4 more stay free.
        EXPECT_GE(ports.size(), 5 + 4);
        for (qsizetype i = 0; i < ports.size(); ++i) {
            EXPECT_EQ(ports.at(i).model, u"pcie-root-port"_s);
            EXPECT_EQ(ports.at(i).index, i + 1); // 0 is the pcie-root libvirt adds
        }
        // The USB controller is still there, and comes before the ports.
        EXPECT_EQ(controllersOfType(plan, u"usb"_s).size(), 1);
        EXPECT_EQ(plan.controllers.last().type, u"pci"_s);
    }
}
