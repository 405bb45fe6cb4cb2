#include "arch/Armv7lArch.h"

using namespace Qt::StringLiterals;

namespace crossvirt::arch {

QString Armv7lArch::displayName() const
{
    return tr("ARM 32-bit (ARMv7)");
}

QStringList Armv7lArch::nativeGuestArches() const
{
    // KVM on a 32-bit Arm host existed up to Linux 5.7; current hosts emulate (TCG).
    return {u"armv7l"_s};
}

QStringList Armv7lArch::machineFamilies() const
{
    return {u"virt"_s};
}

QString Armv7lArch::defaultMachine() const
{
    return u"virt"_s;
}

ChoiceList Armv7lArch::diskPolicy(const GuestContext &ctx, DiskRole role) const
{
    // virt has no IDE bus and no SATA controller of its own; VirtIO, VirtIO-SCSI and USB
    // storage are what 32-bit Arm distributions boot from.
    if (role == DiskRole::Cdrom)
        return cdromPolicyList(ctx, {u"scsi"_s, u"usb"_s});
    return policyList(ctx, DeviceKind::DiskInterface, {u"virtio"_s, u"scsi"_s, u"usb"_s});
}

ChoiceList Armv7lArch::nicPolicy(const GuestContext &ctx) const
{
    // virt has PCIe: QEMU's PCI NICs all work; VirtIO is the fast one.
    return policyList(ctx, DeviceKind::Nic, {u"virtio"_s, u"e1000e"_s, u"e1000"_s, u"rtl8139"_s});
}

ChoiceList Armv7lArch::videoPolicy(const GuestContext &ctx) const
{
    // No VGA on virt: virtio-gpu. ramfb only shows what a firmware hands over (Linux has no
    // ramfb driver) and armv7l guests boot without firmware, so its screen stays blank.
    return policyList(ctx, DeviceKind::Video, {u"virtio"_s, u"none"_s},
                      {{u"ramfb"_s, tr("A RAM framebuffer shows only a firmware's screen and "
                                       "32-bit Arm guests boot without one: use Virtio GPU")}});
}

FirmwareSpec Armv7lArch::firmwarePolicy(const GuestContext &) const
{
    // Unlike aarch64, UEFI is not the default: Debian's 32-bit Arm UEFI build
    // (qemu-efi-arm, AAVMF32) is a separate package, not pulled in by qemu-system-arm, and
    // it installs no firmware descriptor in /usr/share/qemu/firmware, so libvirt's
    // <os firmware='efi'> cannot find it. The host's domain capabilities withhold UEFI when
    // it has none.
    FirmwareSpec spec;
    spec.choices.append(Choice{u"default"_s, builtinFirmwareLabel(), true, {}});
    spec.choices.append(Choice{u"efi"_s, tr("UEFI (AAVMF32)"), true, {}});
    spec.defaultFirmware = u"default"_s;
    return spec;
}

QString Armv7lArch::builtinFirmwareLabel() const
{
    return tr("No firmware (direct kernel boot)");
}

QString Armv7lArch::cpuModeWithheldReason(const QString &mode, const GuestContext &ctx) const
{
    if (mode == "host-model"_L1)
        return tr("libvirt has no host-model CPU for armv7l guests");
    if (mode == "custom"_L1 && ctx.isNative())
        return tr("KVM on Arm runs only the host's own CPU; use host-passthrough");
    return ArchModel::cpuModeWithheldReason(mode, ctx);
}

CpuChoice Armv7lArch::nativeCpu(const GuestContext &) const
{
    return CpuChoice{CpuMode::HostPassthrough, {}};
}

CpuChoice Armv7lArch::emulatedCpu(const GuestContext &) const
{
    // Cortex-A15: LPAE and the virtualization extensions every armhf distribution
    // kernel (multi_v7, LPAE) expects.
    return CpuChoice{CpuMode::Custom, u"cortex-a15"_s};
}

QList<ClusterCpuType> Armv7lArch::clusterCpuTypes() const
{
    const auto arm = u"ARM"_s;
    return {
        {tr("ARM Cortex-A15"), u"cortex-a15"_s, CpuMode::Custom, arm},
        {tr("ARM Cortex-A7"), u"cortex-a7"_s, CpuMode::Custom, arm},
        {tr("QEMU maximum (emulated)"), u"max"_s, CpuMode::Custom, {}},
    };
}

SerialConsoleSpec Armv7lArch::serialConsole(const GuestContext &) const
{
    return {u"serial"_s, u"system-serial"_s, u"pl011"_s};
}

Limits Armv7lArch::limitsPolicy(const GuestContext &) const
{
    Limits l;
    l.pciSlots = 30; // PCIe root ports on pcie.0 of the virt machine
    l.maxVcpus = 8;  // GICv2, the interrupt controller of Cortex-A15 guests
    l.memoryGranularityMiB = 1;
    l.memoryHotplugGranularityMiB = 0;
    l.minMemoryMiB = 128;
    l.pciExpress = true;
    return l;
}

Operations Armv7lArch::operationsPolicy(const GuestContext &ctx) const
{
    Operations ops = ArchModel::operationsPolicy(ctx);
    const QString noCpu = tr("QEMU cannot hot-plug vCPUs into armv7l virt guests");
    const QString noMem = tr("QEMU cannot hot-plug memory into armv7l virt guests");
    ops.cpuHotplug = refused(noCpu);
    ops.cpuHotUnplug = refused(noCpu);
    ops.memoryHotplug = refused(noMem);
    ops.memoryHotUnplug = refused(noMem);
    return ops;
}

QString Armv7lArch::serialKernelConsole(const GuestContext &) const
{
    return u"ttyAMA0"_s; // PL011
}

QString Armv7lArch::networkBootWithheldReason(const GuestContext &ctx) const
{
    // Without UEFI (AAVMF32) nothing in the guest can fetch a boot image over the network.
    if (ctx.firmware != "efi"_L1 || !firmware(ctx).choices.offers(u"efi"_s))
        return tr("armv7l guests without UEFI firmware cannot boot from the network; use direct "
                  "kernel boot");
    return {};
}

bool Armv7lArch::usesDeviceTree(const GuestContext &) const
{
    return true;
}

} // namespace crossvirt::arch
