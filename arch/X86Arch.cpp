#include "arch/X86Arch.h"

using namespace Qt::StringLiterals;

namespace crossvirt::arch {

X86Arch::X86Arch(QString arch) : m_arch(std::move(arch)) {}

bool X86Arch::is64Bit() const
{
    return m_arch == "x86_64"_L1;
}

QString X86Arch::displayName() const
{
    return is64Bit() ? tr("x86-64 (Intel/AMD 64-bit)") : tr("x86 (Intel/AMD 32-bit)");
}

QStringList X86Arch::nativeGuestArches() const
{
    // A 64-bit PC runs 32-bit guests with KVM; a 32-bit one runs only 32-bit guests.
    if (is64Bit())
        return {u"x86_64"_s, u"i686"_s};
    return {u"i686"_s};
}

QStringList X86Arch::machineFamilies() const
{
    return {u"q35"_s, u"pc"_s};
}

QString X86Arch::defaultMachine() const
{
    return u"q35"_s;
}

QString X86Arch::machineFamily(const QString &machine) const
{
    const QString m = machine.isEmpty() ? defaultMachine() : machine;
    // Both families are "pc-*", so the prefix rule of the base does not apply.
    if (m == "q35"_L1 || m.startsWith("pc-q35-"_L1))
        return u"q35"_s;
    if (m == "pc"_L1 || m.startsWith("pc-i440fx-"_L1))
        return u"pc"_s;
    return {};
}

bool X86Arch::isQ35(const GuestContext &ctx) const
{
    return familyOf(ctx) != "pc"_L1;
}

ChoiceList X86Arch::diskPolicy(const GuestContext &ctx, DiskRole role) const
{
    const QHash<QString, QString> reasons{
        {u"ide"_s, tr("IDE is not available on q35 machines; use SATA, or the pc machine")},
    };
    if (role == DiskRole::Cdrom) {
        return isQ35(ctx) ? cdromPolicyList(ctx, {u"sata"_s, u"scsi"_s}, reasons)
                          : cdromPolicyList(ctx, {u"ide"_s, u"sata"_s, u"scsi"_s}, reasons);
    }
    const QStringList offered =
        isQ35(ctx) ? QStringList{u"virtio"_s, u"scsi"_s, u"sata"_s, u"usb"_s}
                   : QStringList{u"virtio"_s, u"scsi"_s, u"sata"_s, u"ide"_s, u"usb"_s};
    return policyList(ctx, DeviceKind::DiskInterface, offered, reasons);
}

ChoiceList X86Arch::nicPolicy(const GuestContext &ctx) const
{
    return policyList(ctx, DeviceKind::Nic, {u"virtio"_s, u"e1000e"_s, u"e1000"_s, u"rtl8139"_s});
}

ChoiceList X86Arch::graphicsPolicy(const GuestContext &ctx) const
{
    return policyList(ctx, DeviceKind::Graphics, {u"vnc"_s, u"spice"_s, u"none"_s});
}

ChoiceList X86Arch::videoPolicy(const GuestContext &ctx) const
{
    return policyList(ctx, DeviceKind::Video,
                      {u"vga"_s, u"virtio"_s, u"qxl"_s, u"bochs"_s, u"cirrus"_s, u"none"_s});
}

FirmwareSpec X86Arch::firmwarePolicy(const GuestContext &) const
{
    FirmwareSpec spec;
    spec.choices.append(Choice{u"default"_s, builtinFirmwareLabel(), true, {}});
    if (is64Bit())
        spec.choices.append(Choice{u"efi"_s, tr("UEFI (OVMF)"), true, {}});
    else
        spec.choices.append(Choice{u"efi"_s, tr("UEFI (OVMF)"), false,
                                   tr("UEFI is not offered for 32-bit x86 guests")});
    spec.defaultFirmware = u"default"_s;
    return spec;
}

QString X86Arch::builtinFirmwareLabel() const
{
    return tr("BIOS (SeaBIOS)");
}

SerialConsoleSpec X86Arch::serialConsole(const GuestContext &) const
{
    return {u"serial"_s, u"isa-serial"_s, u"isa-serial"_s};
}

QString X86Arch::usbControllerModel(const GuestContext &ctx) const
{
    // pc is kept for old OSes, which often lack xHCI drivers.
    return isQ35(ctx) ? u"qemu-xhci"_s : u"piix3-uhci"_s;
}

QList<InputDeviceSpec> X86Arch::inputDevices(const GuestContext &) const
{
    // PS/2 keyboard and mouse are built in; a tablet keeps the VNC pointer in sync.
    return {{u"tablet"_s, u"usb"_s}};
}

QList<ClusterCpuType> X86Arch::clusterCpuTypes() const
{
    // oVirt's ServerCPUList for x86_64, mapped to libvirt's CPU map names.
    const auto intel = u"Intel"_s;
    const auto amd = u"AMD"_s;
    return {
        {tr("Intel Nehalem Family"), u"Nehalem"_s, CpuMode::Custom, intel},
        {tr("Intel Westmere Family"), u"Westmere"_s, CpuMode::Custom, intel},
        {tr("Intel SandyBridge Family"), u"SandyBridge"_s, CpuMode::Custom, intel},
        {tr("Intel IvyBridge Family"), u"IvyBridge"_s, CpuMode::Custom, intel},
        {tr("Intel Haswell Family"), u"Haswell-noTSX"_s, CpuMode::Custom, intel},
        {tr("Intel Broadwell Family"), u"Broadwell-noTSX"_s, CpuMode::Custom, intel},
        {tr("Intel Skylake Client Family"), u"Skylake-Client"_s, CpuMode::Custom, intel},
        {tr("Intel Skylake Server Family"), u"Skylake-Server"_s, CpuMode::Custom, intel},
        {tr("Intel Cascadelake Server Family"), u"Cascadelake-Server"_s, CpuMode::Custom, intel},
        {tr("Intel Icelake Server Family"), u"Icelake-Server"_s, CpuMode::Custom, intel},
        {tr("Intel SapphireRapids Server Family"), u"SapphireRapids"_s, CpuMode::Custom, intel},
        {tr("AMD Opteron G4"), u"Opteron_G4"_s, CpuMode::Custom, amd},
        {tr("AMD Opteron G5"), u"Opteron_G5"_s, CpuMode::Custom, amd},
        {tr("AMD EPYC"), u"EPYC"_s, CpuMode::Custom, amd},
        {tr("AMD EPYC-Rome"), u"EPYC-Rome"_s, CpuMode::Custom, amd},
        {tr("AMD EPYC-Milan"), u"EPYC-Milan"_s, CpuMode::Custom, amd},
        {tr("AMD EPYC-Genoa"), u"EPYC-Genoa"_s, CpuMode::Custom, amd},
    };
}

QStringList X86Arch::guestFeatures(const GuestContext &) const
{
    // ACPI for power-button shutdown and the APIC every modern x86 OS expects; libvirt
    // turns ACPI off (-machine acpi=off) when <acpi/> is missing.
    return {u"acpi"_s, u"apic"_s};
}

CpuChoice X86Arch::emulatedCpu(const GuestContext &) const
{
    // TCG's "max" CPU has the x86-64-v2 features current distributions need; qemu64
    // (QEMU's default) does not.
    return CpuChoice{CpuMode::Maximum, {}};
}

Limits X86Arch::limitsPolicy(const GuestContext &ctx) const
{
    Limits l;
    l.pciSlots = 26; // oVirt's free-slot count for x86_64 guests
    l.maxVcpus = isQ35(ctx) ? 288 : 255;
    if (!isQ35(ctx))
        l.maxDevices.insert(u"ide"_s, 4); // 2 buses x 2: 3 disks and a cdrom
    l.memoryGranularityMiB = 1;
    l.memoryHotplugGranularityMiB = 128;
    l.minMemoryMiB = 64;
    l.pciExpress = isQ35(ctx); // i440FX plugs devices straight into its PCI root bus
    return l;
}

ChoiceList X86Arch::tpmPolicy(const GuestContext &ctx) const
{
    // CRB is the TPM 2.0 interface of current PCs (what Windows 11 and systemd expect first).
    return policyList(ctx, DeviceKind::Tpm, {u"tpm-crb"_s, u"tpm-tis"_s});
}

} // namespace crossvirt::arch
