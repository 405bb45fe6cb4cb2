#include "arch/Aarch64Arch.h"

using namespace Qt::StringLiterals;

namespace crossvirt::arch {

QString Aarch64Arch::displayName() const
{
    return tr("ARM 64-bit (AArch64)");
}

QStringList Aarch64Arch::nativeGuestArches() const
{
    return {u"aarch64"_s};
}

QStringList Aarch64Arch::machineFamilies() const
{
    return {u"virt"_s};
}

QString Aarch64Arch::defaultMachine() const
{
    return u"virt"_s;
}

ChoiceList Aarch64Arch::diskPolicy(const GuestContext &ctx, DiskRole role) const
{
    if (role == DiskRole::Cdrom)
        return cdromPolicyList(ctx, {u"scsi"_s});
    return policyList(ctx, DeviceKind::DiskInterface,
                      {u"virtio"_s, u"scsi"_s, u"usb"_s, u"sata"_s});
}

ChoiceList Aarch64Arch::nicPolicy(const GuestContext &ctx) const
{
    return policyList(ctx, DeviceKind::Nic, {u"virtio"_s, u"e1000e"_s});
}

ChoiceList Aarch64Arch::videoPolicy(const GuestContext &ctx) const
{
    // AAVMF drives virtio-gpu; ramfb serves guests without a virtio-gpu driver.
    return policyList(ctx, DeviceKind::Video, {u"virtio"_s, u"ramfb"_s, u"bochs"_s, u"none"_s});
}

FirmwareSpec Aarch64Arch::firmwarePolicy(const GuestContext &) const
{
    FirmwareSpec spec;
    spec.choices.append(Choice{u"efi"_s, tr("UEFI (AAVMF)"), true, {}});
    spec.choices.append(Choice{u"default"_s, builtinFirmwareLabel(), false,
                               tr("aarch64 virt guests can boot only with UEFI")});
    spec.requiresUefi = true;
    spec.defaultFirmware = u"efi"_s;
    return spec;
}

QString Aarch64Arch::builtinFirmwareLabel() const
{
    return tr("No firmware (direct kernel boot)");
}

QString Aarch64Arch::cpuModeWithheldReason(const QString &mode, const GuestContext &ctx) const
{
    if (mode == "host-model"_L1)
        return tr("libvirt has no host-model CPU for aarch64 guests");
    if (mode == "custom"_L1 && ctx.isNative())
        return tr("KVM on aarch64 runs only the host's own CPU; use host-passthrough");
    return ArchModel::cpuModeWithheldReason(mode, ctx);
}

CpuChoice Aarch64Arch::nativeCpu(const GuestContext &) const
{
    return CpuChoice{CpuMode::HostPassthrough, {}};
}

QStringList Aarch64Arch::guestFeatures(const GuestContext &) const
{
    // UEFI (mandatory on virt) hands the OS its hardware through ACPI tables; without
    // <acpi/> libvirt starts QEMU with acpi=off and a guest cannot be shut down gently.
    return {u"acpi"_s};
}

CpuChoice Aarch64Arch::emulatedCpu(const GuestContext &) const
{
    // Nova's choice for emulated aarch64: old enough for every arm64 distribution.
    return CpuChoice{CpuMode::Custom, u"cortex-a57"_s};
}

QList<ClusterCpuType> Aarch64Arch::clusterCpuTypes() const
{
    const auto arm = u"ARM"_s;
    return {
        {tr("Host CPU (passthrough)"), {}, CpuMode::HostPassthrough, {}},
        {tr("ARM Cortex-A57"), u"cortex-a57"_s, CpuMode::Custom, arm},
        {tr("ARM Cortex-A72"), u"cortex-a72"_s, CpuMode::Custom, arm},
        {tr("ARM Neoverse N1"), u"neoverse-n1"_s, CpuMode::Custom, arm},
        {tr("QEMU maximum (emulated)"), u"max"_s, CpuMode::Custom, {}},
    };
}

SerialConsoleSpec Aarch64Arch::serialConsole(const GuestContext &) const
{
    return {u"serial"_s, u"system-serial"_s, u"pl011"_s};
}

Limits Aarch64Arch::limitsPolicy(const GuestContext &) const
{
    Limits l;
    l.pciSlots = 30; // PCIe root ports on pcie.0 of the virt machine
    l.memoryGranularityMiB = 1;
    // 512 MiB fits arm64 kernels with 4K (128 MiB blocks) and 64K (512 MiB) pages alike.
    l.memoryHotplugGranularityMiB = 512;
    l.minMemoryMiB = 128;
    l.pciExpress = true;
    return l;
}

std::optional<ChangeRule> Aarch64Arch::changePolicy(const GuestContext &ctx, const GuestFacts &,
                                                    const GuestChangeRequest &request) const
{
    // QEMU announces a DIMM on the virt board through ACPI (the GED device), which an Arm
    // guest reads only when it boots UEFI; a device-tree boot never sees the new memory.
    if (request.change == GuestChange::HotplugMemory) {
        const QString fw =
            ctx.firmware.isEmpty() ? firmwarePolicy(ctx).defaultFirmware : ctx.firmware;
        if (fw != "efi"_L1)
            return ChangeRule{ChangeTiming::Refused,
                              tr("aarch64 guests see hot-plugged memory through ACPI, which "
                                 "needs UEFI firmware")};
    }
    return std::nullopt;
}

Operations Aarch64Arch::operationsPolicy(const GuestContext &ctx) const
{
    const QString noCpuHotplug = tr("QEMU cannot hot-plug vCPUs into aarch64 virt guests");
    // The base allows everything; only what this arch cannot do is set here.
    Operations ops = ArchModel::operationsPolicy(ctx);
    ops.cpuHotplug = refused(noCpuHotplug);
    ops.cpuHotUnplug = refused(noCpuHotplug);
    ops.memoryHotUnplug = refused(tr("aarch64 guests cannot unplug memory"));
    return ops;
}

QString Aarch64Arch::serialKernelConsole(const GuestContext &) const
{
    return u"ttyAMA0"_s; // PL011
}

QString Aarch64Arch::networkBootWithheldReason(const GuestContext &ctx) const
{
    // Only the UEFI firmware (AAVMF) can boot from the network.
    if (!firmware(ctx).choices.offers(u"efi"_s))
        return tr("aarch64 guests boot from the network through UEFI, which this host does "
                  "not provide");
    return {};
}

bool Aarch64Arch::usesDeviceTree(const GuestContext &) const
{
    return true;
}

} // namespace crossvirt::arch
