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
    QStringList cdrom{u"scsi"_s};
    QStringList disk{u"virtio"_s, u"scsi"_s};
    if (isPseries(ctx)) {
        cdrom.append(u"spapr-vscsi"_s);
        disk.append(u"spapr-vscsi"_s);
    }
    disk.append(u"usb"_s);
    // IDE and SATA keep the catalogue's reason: "IDE is not available on ppc64 guests".
    if (role == DiskRole::Cdrom)
        return cdromPolicyList(ctx, cdrom);
    return policyList(ctx, DeviceKind::DiskInterface, disk);
}

DiskInterfaceSpec PowerArch::diskInterfaceSpec(const QString &id) const
{
    if (id != "spapr-vscsi"_L1)
        return ArchModel::diskInterfaceSpec(id);
    DiskInterfaceSpec s;
    s.id = id;
    s.bus = u"scsi"_s;
    s.devicePrefix = u"sd"_s;
    s.controllerType = u"scsi"_s;
    s.controllerModel = u"ibmvscsi"_s; // libvirt's name for QEMU's spapr-vscsi
    s.usesDriveAddress = true;
    s.devicesPerController = 7; // oVirt's rule: 7 disks per sPAPR VSCSI adapter
    return s;
}

void PowerArch::assignControllerAddress(ControllerSpec &c, const QList<TakenAddress> &taken) const
{
    if (c.model != "ibmvscsi"_L1)
        return;
    // sPAPR VIO devices need a unique reg; libvirt's own scheme starts SCSI at 0x2000 and
    // steps by 0x1000 (NICs use 0x1000, the console 0x30000000).
    const QString vio = u"spapr-vio"_s;
    quint64 reg = 0x2000;
    auto isTaken = [&](quint64 r) {
        for (const TakenAddress &t : taken) {
            if (t.type == vio && t.reg == r)
                return true;
        }
        return false;
    };
    while (isTaken(reg))
        reg += 0x1000;
    c.addressType = vio;
    c.addressReg = reg;
}

QStringList PowerArch::hotplugDiskPolicy(const GuestContext &) const
{
    return {u"virtio"_s, u"scsi"_s};
}

ChoiceList PowerArch::nicPolicy(const GuestContext &ctx) const
{
    QStringList offered{u"virtio"_s};
    QHash<QString, QString> reasons;
    if (isPseries(ctx) && ctx.running) {
        // VIO devices sit on the sPAPR VIO bus, which has no hot-plug.
        reasons.insert(u"spapr-vlan"_s, tr("sPAPR VLAN NICs cannot be added to a running guest"));
    } else if (isPseries(ctx)) {
        offered.append(u"spapr-vlan"_s);
    }
    offered << u"e1000"_s << u"rtl8139"_s;
    return policyList(ctx, DeviceKind::Nic, offered, reasons);
}

ChoiceList PowerArch::videoPolicy(const GuestContext &ctx) const
{
    // SLOF draws its boot menu on VGA, so VGA comes first.
    return policyList(ctx, DeviceKind::Video, {u"vga"_s, u"virtio"_s, u"bochs"_s, u"none"_s});
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

QString PowerArch::usbControllerModel(const GuestContext &) const
{
    return u"nec-xhci"_s;
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
    // libvirt exempts ppc64 from the NUMA-cell rule of memory hot-plug: PAPR guests take
    // LMBs (memory blocks) without one.
    l.memoryHotplugNeedsNumaCell = false;
    return l;
}

ChoiceList PowerArch::tpmPolicy(const GuestContext &ctx) const
{
    // The sPAPR vTPM is a VIO device; the proxy forwards to the host's TPM for secure
    // (ultravisor) guests.
    return policyList(ctx, DeviceKind::Tpm, {u"tpm-spapr"_s, u"spapr-tpm-proxy"_s},
                      {{u"tpm-tis"_s, tr("POWER guests use the sPAPR vTPM, not a TIS one")}});
}

std::optional<ChangeRule> PowerArch::changePolicy(const GuestContext &ctx, const GuestFacts &guest,
                                                  const GuestChangeRequest &request) const
{
    // QEMU 7.2 refuses it at start: "TCG cannot support more than 1 thread/core on a pseries
    // machine".
    if (request.change == GuestChange::CpuTopology && request.to > 1 && !ctx.isNative()) {
        return ChangeRule{ChangeTiming::Refused,
                          tr("Emulated POWER guests have one thread per core: QEMU's TCG runs "
                             "no SMT on pseries")};
    }
    // QEMU's pseries plugs vCPUs a whole core at a time (spapr-cpu-core), and refuses a
    // count or maximum that is not whole cores at start.
    const bool vcpus =
        request.change == GuestChange::VcpuCount || request.change == GuestChange::MaxVcpus;
    if (vcpus && guest.threadsPerCore > 1 && request.to % guest.threadsPerCore != 0) {
        return ChangeRule{ChangeTiming::Refused,
                          tr("POWER guests plug whole cores of %1 threads: use a multiple of %1 "
                             "vCPUs")
                              .arg(guest.threadsPerCore)};
    }
    return std::nullopt;
}

QString PowerArch::serialKernelConsole(const GuestContext &) const
{
    // The sPAPR VTY is a hypervisor console: Linux names it hvc0.
    return u"hvc0"_s;
}

} // namespace crossvirt::arch
