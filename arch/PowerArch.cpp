#include "arch/PowerArch.h"

using namespace Qt::StringLiterals;

namespace crossvirt::arch {

PowerArch::PowerArch(QString arch) : m_arch(std::move(arch)) {}

QString Ppc64Arch::displayName() const
{
    return tr("POWER (big-endian)");
}

QString Ppc64leArch::displayName() const
{
    return tr("POWER (little-endian)");
}

QStringList PowerArch::nativeGuestArches() const
{
    // KVM on POWER runs guests of either endianness.
    if (m_arch == "ppc64le"_L1)
        return {u"ppc64le"_s, u"ppc64"_s};
    return {u"ppc64"_s, u"ppc64le"_s};
}

QStringList PowerArch::machineFamilies() const
{
    // powernv emulates bare metal; libvirt guests on POWER are pseries (PAPR) guests.
    return {u"pseries"_s};
}

QString PowerArch::defaultMachine() const
{
    return u"pseries"_s;
}

bool PowerArch::isPseries(const GuestContext &ctx) const
{
    return familyOf(ctx) == "pseries"_L1;
}

ChoiceList PowerArch::diskPolicy(const GuestContext &ctx, DiskRole role) const
{
    QHash<QString, QString> reasons;
    if (!isPseries(ctx))
        reasons.insert(u"spapr-vscsi"_s, tr("sPAPR VSCSI needs a pseries machine"));
    QStringList cdrom{u"scsi"_s};
    QStringList disk{u"virtio"_s, u"scsi"_s};
    if (isPseries(ctx)) {
        cdrom.append(u"spapr-vscsi"_s);
        disk.append(u"spapr-vscsi"_s);
    }
    disk.append(u"usb"_s);
    // IDE and SATA keep the base reason: "IDE is not available on ppc64 guests".
    if (role == DiskRole::Cdrom)
        return cdromPolicyList(ctx, cdrom, reasons);
    return policyList(diskUniverse(), disk, reasons, &diskInterfaceLabel);
}

QStringList PowerArch::hotplugDiskPolicy(const GuestContext &) const
{
    return {u"virtio"_s, u"scsi"_s};
}

ChoiceList PowerArch::nicPolicy(const GuestContext &ctx) const
{
    QStringList offered{u"virtio"_s};
    QHash<QString, QString> reasons;
    if (!isPseries(ctx)) {
        reasons.insert(u"spapr-vlan"_s, tr("sPAPR VLAN needs a pseries machine"));
    } else if (ctx.running) {
        // VIO devices sit on the sPAPR VIO bus, which has no hot-plug.
        reasons.insert(u"spapr-vlan"_s, tr("sPAPR VLAN NICs cannot be added to a running guest"));
    } else {
        offered.append(u"spapr-vlan"_s);
    }
    offered << u"e1000"_s << u"rtl8139"_s;
    return policyList(nicUniverse(), offered, reasons, &nicModelLabel);
}

ChoiceList PowerArch::graphicsPolicy(const GuestContext &) const
{
    // No SPICE on POWER (PowerKVM, oVirt), whatever QEMU's domain capabilities list.
    return policyList(graphicsUniverse(), {u"vnc"_s, u"none"_s},
                      {{u"spice"_s, useVncReason(graphicsLabel(u"spice"_s))}}, &graphicsLabel);
}

ChoiceList PowerArch::consolePolicy(const GuestContext &) const
{
    return policyList(consoleUniverse(), {u"serial"_s, u"virtio"_s},
                      {{u"sclp"_s, s390OnlyReason(consoleLabel(u"sclp"_s))}}, &consoleLabel);
}

ChoiceList PowerArch::videoPolicy(const GuestContext &) const
{
    // SLOF draws its boot menu on VGA, so VGA comes first.
    return policyList(videoUniverse(), {u"vga"_s, u"virtio"_s, u"bochs"_s, u"none"_s}, {},
                      &videoLabel);
}

FirmwareSpec PowerArch::firmwarePolicy(const GuestContext &) const
{
    FirmwareSpec spec;
    spec.choices.append(Choice{u"default"_s, builtinFirmwareLabel(), true, {}});
    spec.choices.append(
        Choice{u"efi"_s, tr("UEFI"), false,
               tr("%1 guests boot with SLOF; there is no UEFI for pseries").arg(name())});
    spec.defaultFirmware = u"default"_s;
    return spec;
}

QString PowerArch::builtinFirmwareLabel() const
{
    return tr("SLOF (Open Firmware)");
}

SerialConsoleSpec PowerArch::serialConsole(const GuestContext &) const
{
    return {u"serial"_s, u"spapr-vio-serial"_s, u"spapr-vty"_s};
}

QString PowerArch::watchdogModel(const GuestContext &) const
{
    return u"i6300esb"_s;
}

QString PowerArch::usbControllerModel(const GuestContext &) const
{
    return u"nec-xhci"_s;
}

QList<InputDeviceSpec> PowerArch::inputDevices(const GuestContext &) const
{
    // pseries has no PS/2: keyboard and tablet come over USB.
    return {{u"keyboard"_s, u"usb"_s}, {u"tablet"_s, u"usb"_s}};
}

QList<ClusterCpuType> PowerArch::clusterCpuTypes() const
{
    const auto ibm = u"IBM"_s;
    return {
        {tr("IBM POWER8"), u"POWER8"_s, CpuMode::Custom, ibm},
        {tr("IBM POWER9"), u"POWER9"_s, CpuMode::Custom, ibm},
        {tr("IBM POWER10"), u"POWER10"_s, CpuMode::Custom, ibm},
    };
}

CpuChoice PowerArch::emulatedCpu(const GuestContext &) const
{
    // Nova uses POWER8; current distributions (RHEL 9, SLES 15 SP5+) need POWER9, which
    // QEMU's pseries-7.2 also defaults to.
    return CpuChoice{CpuMode::Custom, u"POWER9"_s};
}

Limits PowerArch::limitsPolicy(const GuestContext &) const
{
    Limits l;
    l.pciSlots = 29;              // oVirt's free-slot count for ppc64 guests
    l.memoryGranularityMiB = 256; // PAPR memory blocks (LMBs) are 256 MiB
    l.memoryHotplugGranularityMiB = 256;
    l.minMemoryMiB = 256;
    return l;
}

Operations PowerArch::operationsPolicy(const GuestContext &) const
{
    Operations ops;
    ops.liveMigration = allowed();
    ops.snapshots = allowed();
    ops.internalSnapshots = allowed();
    ops.diskHotplug = allowed();
    ops.nicHotplug = allowed();
    ops.cpuHotplug = allowed();
    ops.cpuHotUnplug = allowed();
    ops.memoryHotplug = allowed();
    ops.memoryHotUnplug = allowed();
    return ops;
}

} // namespace crossvirt::arch
