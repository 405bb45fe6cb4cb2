// Changes to a guest that already exists (ARCH-FACTS.md §6): ArchModel::changeRule() and
// the lists Add Hardware offers. Values are checked first (a refused value is refused on
// a running and a shut-off guest alike), then the arch's own rule (changePolicy()), then
// the timing: on a shut-off guest every allowed change is NextBoot with no reason.
#include "arch/ArchModel.h"

using namespace Qt::StringLiterals;

namespace crossvirt::arch {

namespace {

ChangeRule now()
{
    return ChangeRule{ChangeTiming::Now, {}};
}

ChangeRule nextBoot(QString reason)
{
    return ChangeRule{ChangeTiming::NextBoot, std::move(reason)};
}

ChangeRule refuse(QString reason)
{
    return ChangeRule{ChangeTiming::Refused, std::move(reason)};
}

/// The first reason a list gives for what it withholds (the reason a whole kind is
/// withheld when it offers nothing).
QString firstReason(const ChoiceList &list, const QStringList &skip = {})
{
    for (const Choice &c : list) {
        if (!c.offered && !c.reason.isEmpty() && !skip.contains(c.id))
            return c.reason;
    }
    return {};
}

bool offersAnyBut(const ChoiceList &list, const QStringList &skip)
{
    for (const Choice &c : list) {
        if (c.offered && !skip.contains(c.id))
            return true;
    }
    return false;
}

/// A device a running PCIe guest must plug into a free pcie-root-port.
bool isPciDevice(const QString &kind, const QString &model)
{
    if (kind == QLatin1StringView(HardwareKind::Disk))
        return model == "virtio"_L1;
    if (kind == QLatin1StringView(HardwareKind::Nic))
        return model != "spapr-vlan"_L1;
    if (kind == QLatin1StringView(HardwareKind::Controller))
        return model.startsWith("scsi/virtio-scsi"_L1) || model.startsWith("usb/"_L1) ||
               model.startsWith("virtio-serial/"_L1);
    if (kind == QLatin1StringView(HardwareKind::Input))
        return model.endsWith("/virtio"_L1);
    if (kind == QLatin1StringView(HardwareKind::Watchdog))
        return model == "i6300esb"_L1;
    if (kind == QLatin1StringView(HardwareKind::Rng))
        return true;
    if (kind == QLatin1StringView(HardwareKind::PciHost))
        return true;
    return false;
}

const QStringList &hardwareKindIds()
{
    static const QStringList ids{
        QString::fromLatin1(HardwareKind::Disk),       QString::fromLatin1(HardwareKind::Cdrom),
        QString::fromLatin1(HardwareKind::Nic),        QString::fromLatin1(HardwareKind::Console),
        QString::fromLatin1(HardwareKind::Graphics),   QString::fromLatin1(HardwareKind::Video),
        QString::fromLatin1(HardwareKind::Controller), QString::fromLatin1(HardwareKind::Input),
        QString::fromLatin1(HardwareKind::Watchdog),   QString::fromLatin1(HardwareKind::Rng),
        QString::fromLatin1(HardwareKind::Tpm),        QString::fromLatin1(HardwareKind::UsbHost),
        QString::fromLatin1(HardwareKind::PciHost),
    };
    return ids;
}

} // namespace

// ---- the verdict ---------------------------------------------------------------------------

ChangeRule ArchModel::changeRule(const GuestContext &ctx, const GuestFacts &guest,
                                 const GuestChangeRequest &request) const
{
    if (std::optional<ChangeRule> refused = refusedValue(ctx, guest, request))
        return *refused;
    ChangeRule rule = ctx.running ? liveTiming(ctx, guest, request) : nextBoot({});
    if (std::optional<ChangeRule> own = changePolicy(ctx, guest, request))
        rule = *own;
    // A shut-off guest has nothing to apply "now" to and nothing to explain.
    if (!ctx.running && rule.allowed())
        rule = nextBoot({});
    return rule;
}

std::optional<ChangeRule> ArchModel::changePolicy(const GuestContext &, const GuestFacts &,
                                                  const GuestChangeRequest &) const
{
    return std::nullopt;
}

std::optional<ChangeRule> ArchModel::refusedValue(const GuestContext &ctx, const GuestFacts &guest,
                                                  const GuestChangeRequest &request) const
{
    GuestContext cold = ctx;
    cold.running = false;
    const Limits lim = limits(cold);
    const qint64 to = request.to;

    // vCPUs: the machine's ceiling always; the host's CPUs for KVM guests only. A KVM vCPU
    // is a host thread the guest kernel expects to run when it spins on a lock, so more
    // vCPUs than host CPUs stall the guest; a TCG guest's vCPUs are emulated anyway, and
    // more of them than host CPUs (to try an SMP guest on a small host) only make it slower.
    auto vcpuCeiling = [&](qint64 n) -> std::optional<ChangeRule> {
        if (lim.maxVcpus > 0 && n > lim.maxVcpus)
            return refuse(tr("%1 guests of this machine take at most %2 vCPUs")
                              .arg(name())
                              .arg(lim.maxVcpus));
        if (ctx.isNative() && guest.hostCpus > 0 && n > guest.hostCpus)
            return refuse(tr("The host has %1 CPUs: a KVM guest with more vCPUs than that "
                             "stalls waiting for them")
                              .arg(guest.hostCpus));
        return std::nullopt;
    };
    auto memoryProblem = [&](qint64 mib) -> std::optional<ChangeRule> {
        const qint64 min = qMax(1, lim.minMemoryMiB);
        if (mib < min)
            return refuse(tr("%1 guests need at least %2 MiB of memory").arg(name()).arg(min));
        const qint64 step = qMax(1, lim.memoryGranularityMiB);
        if (mib % step != 0) {
            const qint64 down = mib / step * step;
            const qint64 up = down + step;
            if (down >= min)
                return refuse(tr("%1 guest memory comes in steps of %2 MiB: use %3 or %4 MiB")
                                  .arg(name())
                                  .arg(step)
                                  .arg(down)
                                  .arg(up));
            return refuse(tr("%1 guest memory comes in steps of %2 MiB: use %3 MiB")
                              .arg(name())
                              .arg(step)
                              .arg(up));
        }
        if (guest.hostMemoryMiB > 0 && mib > guest.hostMemoryMiB)
            return refuse(tr("The host has only %1 MiB of memory").arg(guest.hostMemoryMiB));
        return std::nullopt;
    };

    switch (request.change) {
    case GuestChange::VcpuCount:
        if (to < 1)
            return refuse(tr("A guest needs at least one vCPU"));
        if (guest.maxVcpus > 0 && to > guest.maxVcpus)
            return refuse(tr("%1 vCPUs is above this guest's maximum of %2: raise the maximum "
                             "first")
                              .arg(to)
                              .arg(guest.maxVcpus));
        return vcpuCeiling(to);
    case GuestChange::MaxVcpus:
        if (to < 1)
            return refuse(tr("A guest needs at least one vCPU"));
        if (to < guest.vcpus)
            return refuse(tr("The maximum cannot be below the %1 vCPUs the guest has: lower the "
                             "vCPU count first")
                              .arg(guest.vcpus));
        return vcpuCeiling(to);
    case GuestChange::MaxMemory:
        if (std::optional<ChangeRule> r = memoryProblem(to))
            return r;
        if (guest.maxMemoryMiB > 0 && to > guest.maxMemoryMiB)
            return refuse(tr("%1 MiB is above this guest's maximum memory of %2 MiB")
                              .arg(to)
                              .arg(guest.maxMemoryMiB));
        return std::nullopt;
    case GuestChange::MemoryCurrent:
        if (std::optional<ChangeRule> r = memoryProblem(to))
            return r;
        if (guest.memoryMiB > 0 && to > guest.memoryMiB)
            return refuse(tr("Current memory cannot be above the guest's memory of %1 MiB: "
                             "raise the memory first")
                              .arg(guest.memoryMiB));
        return std::nullopt;
    case GuestChange::HotplugMemory: {
        const Operation hotplug = operations(cold).memoryHotplug;
        if (!hotplug.supported)
            return refuse(hotplug.reason);
        const int step = lim.memoryHotplugGranularityMiB;
        if (step <= 0)
            return refuse(tr("%1 guests cannot hot-plug memory").arg(name()));
        if (guest.maxMemoryMiB <= 0 || guest.memorySlots <= 0)
            return refuse(tr("This guest was defined without a maximum memory and hot-plug "
                             "slots, which memory hot-plug needs"));
        if (guest.freeMemorySlots <= 0)
            return refuse(
                tr("All %1 memory hot-plug slots of this guest are in use").arg(guest.memorySlots));
        if (lim.memoryHotplugNeedsNumaCell && !guest.hasNumaCell)
            return refuse(tr("libvirt hot-plugs memory into %1 guests only when they have a "
                             "NUMA cell (<cpu><numa>)")
                              .arg(name()));
        if (to <= 0 || to % step != 0)
            return refuse(tr("Hot-plugged memory of %1 guests comes in steps of %2 MiB")
                              .arg(name())
                              .arg(step));
        if (guest.memoryMiB + to > guest.maxMemoryMiB)
            return refuse(tr("%1 MiB more would exceed this guest's maximum memory of %2 MiB")
                              .arg(to)
                              .arg(guest.maxMemoryMiB));
        if (guest.hostMemoryMiB > 0 && guest.memoryMiB + to > guest.hostMemoryMiB)
            return refuse(tr("The host has only %1 MiB of memory").arg(guest.hostMemoryMiB));
        return std::nullopt;
    }
    case GuestChange::CpuModel: {
        const QString &m = request.model;
        if (m.isEmpty() || m == "default"_L1)
            return std::nullopt;
        const ChoiceList modes = cpuModes(cold);
        if (modes.contains(m)) {
            if (!modes.offers(m))
                return refuse(modes.reasonFor(m));
            return std::nullopt;
        }
        const ChoiceList models = cpuModels(cold);
        if (models.contains(m) && !models.offers(m))
            return refuse(models.reasonFor(m));
        const DomainCapabilities *caps = capsFor(cold);
        if (!models.contains(m) && caps && !caps->customModels.isEmpty())
            return refuse(tr("This host's QEMU does not know the %1 CPU model").arg(m));
        if (!modes.offers(u"custom"_s))
            return refuse(modes.reasonFor(u"custom"_s));
        return std::nullopt;
    }
    case GuestChange::Firmware: {
        QString id = request.model;
        if (id.isEmpty())
            return std::nullopt;
        if (id == "bios"_L1)
            id = u"default"_s;
        const FirmwareSpec fw = firmware(cold);
        if (fw.requiresUefi && id != "efi"_L1)
            return refuse(tr("%1 guests need UEFI firmware").arg(name()));
        if (!fw.choices.contains(id))
            return refuse(tr("%1 guests have no %2 firmware").arg(name(), request.model));
        if (!fw.choices.offers(id))
            return refuse(fw.choices.reasonFor(id));
        return std::nullopt;
    }
    case GuestChange::AddDevice:
        return refusedDevice(cold, request);
    case GuestChange::RemoveDevice:
        // A device the guest has can always go, even one this arch would not offer today.
        if (!hardwareKindIds().contains(request.deviceKind))
            return refuse(tr("Unknown device kind %1").arg(request.deviceKind));
        return std::nullopt;
    case GuestChange::UpdateDevice:
        if (request.deviceKind != QLatin1StringView(HardwareKind::Nic))
            return refuse(tr("Only network interfaces can be changed in place; remove the "
                             "device and add a new one"));
        if ((request.to & DeviceUpdate::Model) && !request.model.isEmpty()) {
            const ChoiceList models = nicModels(cold);
            if (!models.contains(request.model))
                return refuse(tr("%1 guests know no network interface model %2")
                                  .arg(name(), request.model));
            if (!models.offers(request.model))
                return refuse(models.reasonFor(request.model));
        }
        return std::nullopt;
    case GuestChange::CpuTopology:
    case GuestChange::BootOrder:
    case GuestChange::KernelBoot:
    case GuestChange::Autostart:
    case GuestChange::Metadata:
    case GuestChange::CdromMedia:
    case GuestChange::Rename:
        return std::nullopt;
    }
    return std::nullopt;
}

std::optional<ChangeRule> ArchModel::refusedDevice(const GuestContext &cold,
                                                   const GuestChangeRequest &request) const
{
    const QString &kind = request.deviceKind;
    const QString &model = request.model;
    if (!hardwareKindIds().contains(kind))
        return refuse(tr("Unknown device kind %1").arg(kind));
    const ChoiceList kinds = hardwareKinds(cold);
    if (!kinds.offers(kind))
        return refuse(kinds.reasonFor(kind));
    if (model.isEmpty())
        return std::nullopt; // the kind's default
    ChoiceList models;
    if (kind == QLatin1StringView(HardwareKind::Disk))
        models = diskInterfaces(cold);
    else if (kind == QLatin1StringView(HardwareKind::Cdrom))
        models = cdromInterfaces(cold);
    else if (kind == QLatin1StringView(HardwareKind::Nic))
        models = nicModels(cold);
    else if (kind == QLatin1StringView(HardwareKind::Console))
        models = consoleTypes(cold);
    else if (kind == QLatin1StringView(HardwareKind::Graphics))
        models = graphicsTypes(cold);
    else if (kind == QLatin1StringView(HardwareKind::Video))
        models = videoModels(cold);
    else if (kind == QLatin1StringView(HardwareKind::Controller))
        models = controllerChoices(cold);
    else if (kind == QLatin1StringView(HardwareKind::Input))
        models = inputChoices(cold);
    else if (kind == QLatin1StringView(HardwareKind::Watchdog))
        models = watchdogModels(cold);
    else if (kind == QLatin1StringView(HardwareKind::Rng))
        models = rngModels(cold);
    else if (kind == QLatin1StringView(HardwareKind::Tpm))
        models = tpmModels(cold);
    else
        return std::nullopt; // host devices: the model is the host's device, not ours
    if (!models.contains(model))
        return refuse(
            tr("%1 guests know no %2 device %3").arg(name(), kinds.find(kind)->label, model));
    if (!models.offers(model))
        return refuse(models.reasonFor(model));
    return std::nullopt;
}

ChangeRule ArchModel::liveTiming(const GuestContext &ctx, const GuestFacts &guest,
                                 const GuestChangeRequest &request) const
{
    const Operations ops = operations(ctx);
    switch (request.change) {
    case GuestChange::VcpuCount: {
        const qint64 current = guest.vcpus > 0 ? guest.vcpus : request.from;
        if (request.to > current)
            return ops.cpuHotplug ? now() : nextBoot(ops.cpuHotplug.reason);
        if (request.to < current)
            return ops.cpuHotUnplug ? now() : nextBoot(ops.cpuHotUnplug.reason);
        return now();
    }
    case GuestChange::MaxVcpus:
        return nextBoot(tr("The vCPU maximum of a running guest is fixed; the new one takes "
                           "effect when the guest next starts"));
    case GuestChange::CpuTopology:
        return nextBoot(tr("The CPU topology takes effect when the guest next starts"));
    case GuestChange::CpuModel:
        return nextBoot(tr("The CPU model takes effect when the guest next starts"));
    case GuestChange::MaxMemory:
        return nextBoot(tr("Boot memory takes effect when the guest next starts"));
    case GuestChange::MemoryCurrent:
        if (guest.hasBalloon)
            return now();
        return nextBoot(tr("This guest has no memory balloon: its memory changes when it next "
                           "starts"));
    case GuestChange::HotplugMemory:
        return now();
    case GuestChange::BootOrder:
        return nextBoot(tr("The boot order takes effect when the guest next starts"));
    case GuestChange::Firmware:
        return nextBoot(tr("The firmware takes effect when the guest next starts"));
    case GuestChange::KernelBoot:
        return nextBoot(tr("Direct kernel boot settings take effect when the guest next starts"));
    case GuestChange::Autostart:
    case GuestChange::Metadata:
    case GuestChange::CdromMedia:
        return now();
    case GuestChange::AddDevice:
    case GuestChange::RemoveDevice:
        return liveDeviceTiming(ctx, guest, request);
    case GuestChange::Rename:
        // libvirt (qemuDomainRename) refuses an active domain: the running QEMU, its
        // monitor socket and logs are all named after the guest. Not even for the next
        // boot: there is no "pending name" in a definition.
        return refuse(tr("A running virtual machine cannot be renamed: shut it down first"));
    case GuestChange::UpdateDevice:
        // libvirt updates a running NIC's <source> (network or bridge) and <link state>
        // (qemuDomainChangeNet); QEMU cannot swap the emulated device for another model.
        if (request.to & DeviceUpdate::Model)
            return nextBoot(tr("QEMU cannot change the model of a running guest's network "
                               "interface: the new model takes effect when the guest next "
                               "starts"));
        return now();
    }
    return nextBoot({});
}

ChangeRule ArchModel::liveDeviceTiming(const GuestContext &ctx, const GuestFacts &guest,
                                       const GuestChangeRequest &request) const
{
    const bool adding = request.change == GuestChange::AddDevice;
    const QString &kind = request.deviceKind;
    GuestContext cold = ctx;
    cold.running = false;
    QString model = request.model;
    const Operations ops = operations(ctx);

    ChangeRule rule = now();
    if (kind == QLatin1StringView(HardwareKind::Disk)) {
        if (model.isEmpty())
            model = diskInterfaces(cold).firstOffered();
        const ChoiceList pluggable = hotplugDiskInterfaces(ctx);
        if (!pluggable.offers(model)) {
            QString reason = pluggable.reasonFor(model);
            if (reason.isEmpty())
                reason = tr("%1 disks cannot be added to or removed from a running %2 guest")
                             .arg(diskInterfaceLabel(model), name());
            rule = nextBoot(reason);
        }
    } else if (kind == QLatin1StringView(HardwareKind::Cdrom)) {
        // A CD-ROM drive is hot-plugged like a disk on its bus: SCSI yes, SATA and IDE no.
        if (model.isEmpty())
            model = cdromInterfaces(cold).firstOffered();
        if (!ops.diskHotplug)
            rule = nextBoot(ops.diskHotplug.reason);
        else if (!hotplugDiskPolicy(ctx).contains(model))
            rule = nextBoot(tr("%1 CD-ROM drives cannot be added to or removed from a running "
                               "guest; the change takes effect when it next starts")
                                .arg(diskInterfaceLabel(model)));
    } else if (kind == QLatin1StringView(HardwareKind::Nic)) {
        if (model.isEmpty())
            model = nicModels(cold).firstOffered();
        const ChoiceList live = nicModels(ctx);
        if (!ops.nicHotplug)
            rule = nextBoot(ops.nicHotplug.reason);
        else if (live.contains(model) && !live.offers(model))
            rule = nextBoot(live.reasonFor(model));
    } else if (kind == QLatin1StringView(HardwareKind::Console)) {
        rule = nextBoot(tr("Consoles and serial ports are set up when the guest starts"));
    } else if (kind == QLatin1StringView(HardwareKind::Graphics)) {
        rule = nextBoot(tr("QEMU cannot add or remove graphics of a running guest"));
    } else if (kind == QLatin1StringView(HardwareKind::Video)) {
        rule = nextBoot(tr("QEMU cannot add or remove the video card of a running guest"));
    } else if (kind == QLatin1StringView(HardwareKind::Controller)) {
        // libvirt hot-plugs SCSI controllers only (qemuDomainAttachControllerDevice); the
        // sPAPR VSCSI one sits on the VIO bus, which has no hot-plug.
        if (!model.startsWith("scsi/virtio-scsi"_L1))
            rule = nextBoot(tr("libvirt hot-plugs only VirtIO-SCSI controllers; this one "
                               "changes when the guest next starts"));
    } else if (kind == QLatin1StringView(HardwareKind::Input)) {
        if (model.endsWith("/ps2"_L1))
            rule = nextBoot(tr("PS/2 devices are part of the machine and cannot be plugged "
                               "while it runs"));
    } else if (kind == QLatin1StringView(HardwareKind::Watchdog)) {
        // qemuDomainAttachWatchdog/DetachPrepWatchdog take the PCI i6300esb only.
        if (model.isEmpty())
            model = watchdogModels(cold).firstOffered();
        if (model != "i6300esb"_L1)
            rule = nextBoot(tr("libvirt plugs only the Intel 6300ESB watchdog into a running "
                               "guest; this one changes when the guest next starts"));
    } else if (kind == QLatin1StringView(HardwareKind::Tpm)) {
        rule = nextBoot(tr("QEMU cannot add or remove the TPM of a running guest"));
    }
    // Rng (virtio), USB and PCI host devices are hot-plugged as they are.

    if (adding && rule.timing == ChangeTiming::Now && guest.freePciSlots == 0 &&
        isPciDevice(kind, model) && limits(ctx).pciExpress) {
        // libvirt adds a root port for the device when the guest next starts.
        rule = nextBoot(tr("This guest has no free PCIe root port to plug the device into: "
                           "it is added when the guest next starts (add spare root ports "
                           "while the guest is shut off)"));
    }
    return rule;
}

// ---- Add Hardware's lists -----------------------------------------------------------------

QStringList ArchModel::ownIds(const GuestContext &ctx, DeviceKind kind) const
{
    QStringList out;
    const QString family = familyOf(ctx);
    for (const CatalogueEntry &e : DeviceCatalogue::entries()) {
        if (e.kind == kind && e.onlyOn.contains(name()) &&
            (e.machines.isEmpty() || e.machines.contains(family)))
            out.append(e.id);
    }
    return out;
}

QString ArchModel::noUsbReason(const GuestContext &ctx) const
{
    if (!usbControllerModel(ctx).isEmpty())
        return {};
    const QString reason = diskPolicy(ctx, DiskRole::Disk).reasonFor(u"usb"_s);
    return reason.isEmpty() ? tr("%1 guests have no USB controller").arg(name()) : reason;
}

ChoiceList ArchModel::hardwareKinds(const GuestContext &ctx) const
{
    GuestContext cold = ctx;
    cold.running = false;
    const DomainCapabilities *caps = capsFor(cold);
    ChoiceList list;
    auto add = [&](const char *id, const QString &label, const ChoiceList &models,
                   const QStringList &skip = {}) {
        Choice c{QString::fromLatin1(id), label, true, {}};
        if (!offersAnyBut(models, skip)) {
            c.offered = false;
            c.reason = firstReason(models, skip);
            if (c.reason.isEmpty())
                c.reason = tr("%1 guests have no %2").arg(name(), label);
        }
        list.append(c);
    };
    add(HardwareKind::Disk, tr("Disk"), diskInterfaces(cold));
    add(HardwareKind::Cdrom, tr("CD-ROM drive"), cdromInterfaces(cold));
    add(HardwareKind::Nic, tr("Network interface"), nicModels(cold));
    add(HardwareKind::Console, tr("Console or serial port"), consoleTypes(cold));
    add(HardwareKind::Graphics, tr("Graphics"), graphicsTypes(cold), {u"none"_s});
    add(HardwareKind::Video, tr("Video"), videoModels(cold), {u"none"_s});
    add(HardwareKind::Controller, tr("Controller"), controllerChoices(cold));
    add(HardwareKind::Input, tr("Input device"), inputChoices(cold));
    add(HardwareKind::Watchdog, tr("Watchdog"), watchdogModels(cold));
    add(HardwareKind::Rng, tr("Random number generator"), rngModels(cold));
    add(HardwareKind::Tpm, tr("TPM"), tpmModels(cold));
    if (Choice *tpm = list.find(QString::fromLatin1(HardwareKind::Tpm));
        tpm->offered && tpmBackends(cold).offered().isEmpty()) {
        tpm->offered = false;
        tpm->reason = firstReason(tpmBackends(cold));
    }

    Choice usb{QString::fromLatin1(HardwareKind::UsbHost), tr("USB host device"), true, {}};
    if (const QString reason = noUsbReason(cold); !reason.isEmpty()) {
        usb.offered = false;
        usb.reason = reason;
    } else if (caps && !caps->deviceEnum(u"hostdev"_s, u"subsysType"_s).allows(u"usb"_s)) {
        usb.offered = false;
        usb.reason = tr("This host's QEMU cannot pass USB host devices to %1 guests").arg(name());
    }
    list.append(usb);

    Choice pci{QString::fromLatin1(HardwareKind::PciHost), tr("PCI host device"), true, {}};
    if (!cold.isNative()) {
        pci.offered = false;
        pci.reason = tr("PCI passthrough needs KVM: this %1 guest is emulated").arg(name());
    } else if (caps && !caps->deviceEnum(u"hostdev"_s, u"subsysType"_s).allows(u"pci"_s)) {
        pci.offered = false;
        pci.reason = tr("This host's QEMU cannot pass PCI host devices to %1 guests").arg(name());
    }
    list.append(pci);
    return list;
}

ChoiceList ArchModel::controllerChoices(const GuestContext &ctx) const
{
    GuestContext cold = ctx;
    cold.running = false;
    const ChoiceList disks = diskInterfaces(cold);
    QStringList offered;
    QHash<QString, QString> reasons;
    if (disks.offers(u"scsi"_s))
        offered << u"scsi/virtio-scsi"_s;
    else if (disks.contains(u"scsi"_s))
        reasons.insert(u"scsi/virtio-scsi"_s, disks.reasonFor(u"scsi"_s));
    if (disks.offers(u"spapr-vscsi"_s))
        offered << u"scsi/ibmvscsi"_s;
    if (const QString noUsb = noUsbReason(cold); !noUsb.isEmpty()) {
        for (const QString &id : DeviceCatalogue::ids(DeviceKind::Controller)) {
            if (id.startsWith("usb/"_L1))
                reasons.insert(id, noUsb);
        }
    } else {
        // The arch's own USB controller first, then the PCI xHCIs every PCI machine takes.
        const QString own = u"usb/"_s + usbControllerModel(cold);
        if (DeviceCatalogue::find(DeviceKind::Controller, own))
            offered << own;
        for (const QString &id : {u"usb/qemu-xhci"_s, u"usb/nec-xhci"_s}) {
            if (!offered.contains(id))
                offered << id;
        }
    }
    offered << u"virtio-serial/virtio-serial"_s;
    const Limits lim = limits(cold);
    if (lim.pciExpress)
        offered << u"pci/pcie-root-port"_s;
    else if (lim.pciSlots <= 0)
        reasons.insert(u"pci/pcie-root-port"_s,
                       tr("%1 guests have no PCI Express bus").arg(name()));
    else
        reasons.insert(u"pci/pcie-root-port"_s,
                       tr("%1 machines plug PCI devices straight into their root bus and need no "
                          "root ports")
                           .arg(familyOf(cold)));
    return policyList(cold, DeviceKind::Controller, offered, reasons);
}

ChoiceList ArchModel::inputChoices(const GuestContext &ctx) const
{
    GuestContext cold = ctx;
    cold.running = false;
    return inputPolicy(cold);
}

ChoiceList ArchModel::inputPolicy(const GuestContext &ctx) const
{
    QStringList offered;
    QHash<QString, QString> reasons;
    const QStringList usb{u"tablet/usb"_s, u"keyboard/usb"_s, u"mouse/usb"_s};
    if (const QString noUsb = noUsbReason(ctx); noUsb.isEmpty()) {
        offered << usb;
    } else {
        for (const QString &id : usb)
            reasons.insert(id, noUsb);
    }
    offered << u"tablet/virtio"_s << u"keyboard/virtio"_s << u"mouse/virtio"_s;
    offered << ownIds(ctx, DeviceKind::Input); // PS/2 on PCs
    return policyList(ctx, DeviceKind::Input, offered, reasons);
}

ChoiceList ArchModel::watchdogModels(const GuestContext &ctx) const
{
    GuestContext cold = ctx;
    cold.running = false;
    return watchdogPolicy(cold);
}

ChoiceList ArchModel::watchdogPolicy(const GuestContext &ctx) const
{
    QStringList offered;
    if (const QString model = watchdogModel(ctx); !model.isEmpty())
        offered << model;
    for (const QString &id : ownIds(ctx, DeviceKind::Watchdog)) {
        if (!offered.contains(id))
            offered << id;
    }
    return policyList(ctx, DeviceKind::Watchdog, offered);
}

ChoiceList ArchModel::rngModels(const GuestContext &ctx) const
{
    GuestContext cold = ctx;
    cold.running = false;
    ChoiceList list = policyList(cold, DeviceKind::Rng, {u"virtio"_s});
    if (const DomainCapabilities *caps = capsFor(cold)) {
        const CapabilityEnum models = caps->deviceEnum(u"rng"_s, u"model"_s);
        const QList<Choice> offered = list.offered();
        for (const Choice &c : offered) {
            if (!models.allows(c.id))
                list.withhold(c.id, hostLacksReason(c.label));
        }
    }
    return list;
}

ChoiceList ArchModel::tpmPolicy(const GuestContext &ctx) const
{
    return policyList(ctx, DeviceKind::Tpm, {u"tpm-tis"_s});
}

ChoiceList ArchModel::tpmModels(const GuestContext &ctx) const
{
    GuestContext cold = ctx;
    cold.running = false;
    ChoiceList list = tpmPolicy(cold);
    if (const DomainCapabilities *caps = capsFor(cold)) {
        const bool supported = caps->devicesSupported.value(u"tpm"_s, true);
        const CapabilityEnum models = caps->deviceEnum(u"tpm"_s, u"model"_s);
        const QList<Choice> offered = list.offered();
        for (const Choice &c : offered) {
            if (!supported)
                list.withhold(c.id, tr("This host's QEMU offers no TPM for %1 guests").arg(name()));
            else if (!models.allows(c.id))
                list.withhold(c.id, hostLacksReason(c.label));
        }
    }
    return list;
}

ChoiceList ArchModel::tpmBackends(const GuestContext &ctx) const
{
    ChoiceList list;
    list.append(Choice{u"emulator"_s, tr("Emulated TPM (swtpm)"), true, {}});
    list.append(Choice{u"passthrough"_s, tr("The host's TPM (passthrough)"), true, {}});
    if (const DomainCapabilities *caps = capsFor(ctx)) {
        const CapabilityEnum backends = caps->deviceEnum(u"tpm"_s, u"backendModel"_s);
        if (!backends.allows(u"emulator"_s))
            list.withhold(u"emulator"_s, tr("This host has no TPM emulator (swtpm installed for "
                                            "libvirt)"));
        if (!backends.allows(u"passthrough"_s))
            list.withhold(
                u"passthrough"_s,
                tr("This host's QEMU cannot pass the host's TPM to %1 guests").arg(name()));
    }
    return list;
}

} // namespace crossvirt::arch
