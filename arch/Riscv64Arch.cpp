#include "arch/Riscv64Arch.h"

using namespace Qt::StringLiterals;

namespace crossvirt::arch {

QString Riscv64Arch::displayName() const
{
    return tr("RISC-V 64-bit");
}

QStringList Riscv64Arch::nativeGuestArches() const
{
    return {u"riscv64"_s};
}

QStringList Riscv64Arch::machineFamilies() const
{
    return {u"virt"_s};
}

QString Riscv64Arch::defaultMachine() const
{
    return u"virt"_s;
}

ChoiceList Riscv64Arch::diskPolicy(const GuestContext &ctx, DiskRole role) const
{
    if (role == DiskRole::Cdrom)
        return cdromPolicyList(ctx, {u"scsi"_s});
    return policyList(ctx, DeviceKind::DiskInterface, {u"virtio"_s, u"scsi"_s, u"usb"_s});
}

QStringList Riscv64Arch::hotplugDiskPolicy(const GuestContext &) const
{
    return {u"virtio"_s, u"scsi"_s};
}

ChoiceList Riscv64Arch::nicPolicy(const GuestContext &ctx) const
{
    return policyList(ctx, DeviceKind::Nic, {u"virtio"_s});
}

ChoiceList Riscv64Arch::videoPolicy(const GuestContext &ctx) const
{
    return policyList(ctx, DeviceKind::Video, {u"virtio"_s, u"none"_s});
}

FirmwareSpec Riscv64Arch::firmwarePolicy(const GuestContext &) const
{
    FirmwareSpec spec;
    spec.choices.append(Choice{u"default"_s, builtinFirmwareLabel(), true, {}});
    spec.choices.append(
        Choice{u"efi"_s, tr("UEFI"), false, tr("UEFI is not available for riscv64 guests")});
    spec.defaultFirmware = u"default"_s;
    return spec;
}

QString Riscv64Arch::builtinFirmwareLabel() const
{
    return tr("OpenSBI");
}

QString Riscv64Arch::cpuModeWithheldReason(const QString &mode, const GuestContext &ctx) const
{
    // libvirt 9 has no CPU driver for riscv64: only QEMU's default CPU, or the host's.
    if (mode == "host-model"_L1 || mode == "custom"_L1 || mode == "maximum"_L1)
        return tr("libvirt cannot set the CPU model of riscv64 guests; QEMU's default CPU "
                  "is used");
    return ArchModel::cpuModeWithheldReason(mode, ctx);
}

CpuChoice Riscv64Arch::nativeCpu(const GuestContext &) const
{
    return CpuChoice{CpuMode::HostPassthrough, {}};
}

CpuChoice Riscv64Arch::emulatedCpu(const GuestContext &) const
{
    return CpuChoice{CpuMode::Default, {}};
}

QList<ClusterCpuType> Riscv64Arch::clusterCpuTypes() const
{
    return {
        {tr("QEMU default RISC-V CPU"), {}, CpuMode::Default, {}},
        {tr("Host CPU (passthrough)"), {}, CpuMode::HostPassthrough, {}},
    };
}

SerialConsoleSpec Riscv64Arch::serialConsole(const GuestContext &) const
{
    return {u"serial"_s, u"system-serial"_s, u"16550a"_s};
}

Limits Riscv64Arch::limitsPolicy(const GuestContext &) const
{
    Limits l;
    l.pciSlots = 30;
    l.memoryGranularityMiB = 1;
    l.memoryHotplugGranularityMiB = 0;
    l.minMemoryMiB = 128;
    l.pciExpress = true;
    return l;
}

Operations Riscv64Arch::operationsPolicy(const GuestContext &ctx) const
{
    const QString noCpu = tr("QEMU cannot hot-plug vCPUs into riscv64 guests");
    const QString noMem = tr("QEMU cannot hot-plug memory into riscv64 guests");
    // The base allows everything; only what this arch cannot do is set here.
    Operations ops = ArchModel::operationsPolicy(ctx);
    ops.cpuHotplug = refused(noCpu);
    ops.cpuHotUnplug = refused(noCpu);
    ops.memoryHotplug = refused(noMem);
    ops.memoryHotUnplug = refused(noMem);
    // QEMU 7.2's virt board has no power button (no ACPI, no GPIO key): system_powerdown,
    // and so libvirt's Shut Down and Reboot, never reach the guest (seen in the boot
    // matrix's riscv64 guest).
    ops.gracefulShutdown =
        refused(tr("QEMU's riscv64 virt board has no power button, so the guest never hears "
                   "Shut Down or Reboot; use Force Off, or shut it down from inside"));
    return ops;
}

QString Riscv64Arch::networkBootWithheldReason(const GuestContext &) const
{
    // OpenSBI hands over to a next stage (a kernel or U-Boot); it has no network stack.
    return tr("riscv64 guests boot OpenSBI, which cannot boot from the network; use direct "
              "kernel boot");
}

bool Riscv64Arch::usesDeviceTree(const GuestContext &) const
{
    return true;
}

} // namespace crossvirt::arch
