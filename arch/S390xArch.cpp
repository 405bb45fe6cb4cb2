#include "arch/S390xArch.h"

using namespace Qt::StringLiterals;

namespace crossvirt::arch {

QString S390xArch::displayName() const
{
    return tr("IBM Z (s390x)");
}

QStringList S390xArch::nativeGuestArches() const
{
    return {u"s390x"_s};
}

QStringList S390xArch::machineFamilies() const
{
    return {u"s390-ccw-virtio"_s};
}

QString S390xArch::defaultMachine() const
{
    return u"s390-ccw-virtio"_s;
}

ChoiceList S390xArch::diskPolicy(const GuestContext &ctx, DiskRole role) const
{
    const QHash<QString, QString> reasons{
        {u"usb"_s, tr("s390x guests have no USB")},
    };
    if (role == DiskRole::Cdrom)
        return cdromPolicyList(ctx, {u"scsi"_s}, reasons);
    return policyList(ctx, DeviceKind::DiskInterface, {u"virtio"_s, u"scsi"_s}, reasons);
}

ChoiceList S390xArch::nicPolicy(const GuestContext &ctx) const
{
    // Every s390x device sits on the channel subsystem as virtio-ccw: NICs are virtio.
    const QString onlyVirtio = tr("s390x guests have only VirtIO network cards");
    QHash<QString, QString> reasons;
    for (const QString &id : DeviceCatalogue::ids(DeviceKind::Nic))
        reasons.insert(id, onlyVirtio);
    return policyList(ctx, DeviceKind::Nic, {u"virtio"_s}, reasons);
}

ChoiceList S390xArch::graphicsPolicy(const GuestContext &ctx) const
{
    const QString noGraphics = tr("s390x guests have no graphics; use the serial console");
    return policyList(ctx, DeviceKind::Graphics, {u"none"_s},
                      {{u"vnc"_s, noGraphics}, {u"spice"_s, noGraphics}});
}

ChoiceList S390xArch::consolePolicy(const GuestContext &ctx) const
{
    return policyList(ctx, DeviceKind::Console, {u"sclp"_s, u"virtio"_s},
                      {{u"serial"_s, tr("s390x guests have no serial port; their console is "
                                        "SCLP")}});
}

SerialConsoleSpec S390xArch::consoleDevices(const GuestContext &ctx, const QString &consoleId) const
{
    // A forced "serial" console is written as a serial console target without <serial>
    // (there is no serial port to back it): libvirt then answers for itself.
    if (consoleId == "serial"_L1)
        return SerialConsoleSpec{u"serial"_s, {}, {}};
    return ArchModel::consoleDevices(ctx, consoleId);
}

ChoiceList S390xArch::videoPolicy(const GuestContext &ctx) const
{
    // Debian's and RHEL's s390x kernels have neither DRM nor fbdev (CONFIG_DRM and CONFIG_FB
    // are not set, checked in the kernel package): a virtio-gpu would stay blank, and s390x
    // guests get no graphics to look at it with anyway (the boot matrix shows it).
    const QString noDisplay =
        tr("s390x guests have no display: their Linux kernels carry no graphics driver; use "
           "the SCLP or virtio console");
    QHash<QString, QString> reasons;
    for (const QString &id : DeviceCatalogue::ids(DeviceKind::Video))
        if (id != "none"_L1)
            reasons.insert(id, noDisplay);
    return policyList(ctx, DeviceKind::Video, {u"none"_s}, reasons);
}

FirmwareSpec S390xArch::firmwarePolicy(const GuestContext &) const
{
    FirmwareSpec spec;
    spec.choices.append(Choice{u"default"_s, builtinFirmwareLabel(), true, {}});
    spec.choices.append(
        Choice{u"efi"_s, tr("UEFI"), false, tr("s390x guests boot with the s390-ccw firmware")});
    spec.defaultFirmware = u"default"_s;
    return spec;
}

QString S390xArch::builtinFirmwareLabel() const
{
    return tr("s390-ccw firmware");
}

CpuChoice S390xArch::nativeCpu(const GuestContext &) const
{
    return CpuChoice{CpuMode::HostModel, {}};
}

CpuChoice S390xArch::emulatedCpu(const GuestContext &) const
{
    // TCG cannot run the z13+ models distributions need; "max" is the most it offers.
    return CpuChoice{CpuMode::Custom, u"max"_s};
}

QList<ClusterCpuType> S390xArch::clusterCpuTypes() const
{
    const auto ibm = u"IBM"_s;
    return {
        {tr("IBM z196"), u"z196"_s, CpuMode::Custom, ibm},
        {tr("IBM zEC12"), u"zEC12"_s, CpuMode::Custom, ibm},
        {tr("IBM z13"), u"z13"_s, CpuMode::Custom, ibm},
        {tr("IBM z14"), u"z14"_s, CpuMode::Custom, ibm},
        {tr("IBM z15"), u"gen15a"_s, CpuMode::Custom, ibm},
        {tr("IBM z16"), u"gen16a"_s, CpuMode::Custom, ibm},
    };
}

SerialConsoleSpec S390xArch::serialConsole(const GuestContext &) const
{
    // Only <console type='pty'><target type='sclp'/></console>; no <serial> element.
    return {u"sclp"_s, {}, {}};
}

QString S390xArch::watchdogModel(const GuestContext &) const
{
    return u"diag288"_s;
}

QString S390xArch::usbControllerModel(const GuestContext &) const
{
    return {};
}

QList<InputDeviceSpec> S390xArch::inputDevices(const GuestContext &) const
{
    return {};
}

Limits S390xArch::limitsPolicy(const GuestContext &) const
{
    Limits l;
    l.pciSlots = 0; // devices are on channel I/O (CCW), not PCI
    l.maxVcpus = 248;
    l.memoryGranularityMiB = 1;
    l.memoryHotplugGranularityMiB = 0;
    l.minMemoryMiB = 256;
    return l;
}

ChoiceList S390xArch::tpmPolicy(const GuestContext &ctx) const
{
    const QString noTpm = tr("s390x guests have no TPM");
    QHash<QString, QString> reasons;
    for (const QString &id : DeviceCatalogue::ids(DeviceKind::Tpm))
        reasons.insert(id, noTpm);
    return policyList(ctx, DeviceKind::Tpm, {}, reasons);
}

Operations S390xArch::operationsPolicy(const GuestContext &ctx) const
{
    // The base allows everything; only what this arch cannot do is set here.
    Operations ops = ArchModel::operationsPolicy(ctx);
    ops.cpuHotUnplug = refused(tr("s390x guests cannot unplug vCPUs"));
    ops.memoryHotplug = refused(tr("s390x guests cannot hot-plug memory"));
    ops.memoryHotUnplug = refused(tr("s390x guests cannot hot-plug memory"));
    return ops;
}

QString S390xArch::serialKernelConsole(const GuestContext &) const
{
    // No serial port: the SCLP line-mode console is the one Linux has.
    return u"ttysclp0"_s;
}

BootOrderRules S390xArch::bootOrderRules(const GuestContext &) const
{
    // QEMU's s390-ccw firmware (up to QEMU 9.0) IPLs the first device with a boot index and
    // never falls back to the next; it net-boots a virtio-net-ccw NIC (s390-netboot.img).
    return BootOrderRules{1, tr("s390x guests boot only from the first device with a boot "
                                "order: QEMU's s390-ccw firmware does not try the next one")};
}

} // namespace crossvirt::arch
