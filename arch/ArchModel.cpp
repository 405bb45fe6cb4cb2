#include "arch/ArchModel.h"

#include <QVersionNumber>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace crossvirt::arch {

ArchModel::~ArchModel() = default;

// ---- labels --------------------------------------------------------------------------

QString ArchModel::diskInterfaceLabel(const QString &id)
{
    return DeviceCatalogue::label(DeviceKind::DiskInterface, id);
}

QString ArchModel::nicModelLabel(const QString &id)
{
    return DeviceCatalogue::label(DeviceKind::Nic, id);
}

QString ArchModel::graphicsLabel(const QString &id)
{
    return DeviceCatalogue::label(DeviceKind::Graphics, id);
}

QString ArchModel::videoLabel(const QString &id)
{
    return DeviceCatalogue::label(DeviceKind::Video, id);
}

QString ArchModel::consoleLabel(const QString &id)
{
    return DeviceCatalogue::label(DeviceKind::Console, id);
}

QString ArchModel::cpuModeLabel(const QString &id)
{
    if (id == "host-model"_L1)
        return tr("Host model");
    if (id == "host-passthrough"_L1)
        return tr("Host passthrough");
    if (id == "maximum"_L1)
        return tr("Maximum (everything QEMU can provide)");
    if (id == "custom"_L1)
        return tr("Named CPU model");
    return id;
}

QStringList ArchModel::diskUniverse()
{
    return DeviceCatalogue::ids(DeviceKind::DiskInterface);
}

// ---- helpers for subclasses -------------------------------------------------------------

QString ArchModel::notAvailableReason(const QString &label) const
{
    return tr("%1 is not available on %2 guests").arg(label, name());
}

QString ArchModel::useVncReason(const QString &label) const
{
    return tr("%1 is not available on %2 guests; use VNC").arg(label, name());
}

QString ArchModel::hostLacksReason(const QString &label) const
{
    return tr("This host's QEMU offers no %1 for %2 guests").arg(label, name());
}

ChoiceList ArchModel::policyList(const GuestContext &ctx, DeviceKind kind,
                                 const QStringList &offered,
                                 const QHash<QString, QString> &reasons) const
{
    ChoiceList list;
    for (const QString &id : offered)
        list.append(Choice{id, DeviceCatalogue::label(kind, id), true, {}});
    for (const QString &id : DeviceCatalogue::ids(kind)) {
        if (offered.contains(id))
            continue;
        const QString reason =
            reasons.value(id, DeviceCatalogue::withheldReason(kind, id, name(), familyOf(ctx)));
        list.append(Choice{id, DeviceCatalogue::label(kind, id), false, reason});
    }
    return list;
}

ChoiceList ArchModel::cdromPolicyList(const GuestContext &ctx, const QStringList &offered,
                                      const QHash<QString, QString> &reasons) const
{
    const ChoiceList disks = diskPolicy(ctx, DiskRole::Disk);
    QStringList labels;
    for (const QString &id : offered)
        labels.append(diskInterfaceLabel(id));
    ChoiceList list;
    for (const QString &id : offered)
        list.append(Choice{id, diskInterfaceLabel(id), true, {}});
    for (const QString &id : diskUniverse()) {
        if (offered.contains(id))
            continue;
        QString reason = reasons.value(id);
        if (reason.isEmpty())
            reason = disks.reasonFor(id);
        if (reason.isEmpty())
            reason = tr("Cdroms of %1 guests use %2").arg(name(), labels.join(u", "_s));
        list.append(Choice{id, diskInterfaceLabel(id), false, reason});
    }
    return list;
}

QString ArchModel::familyOf(const GuestContext &ctx) const
{
    return machineFamily(ctx.machine.isEmpty() ? defaultMachine() : ctx.machine);
}

const DomainCapabilities *ArchModel::capsFor(const GuestContext &ctx) const
{
    // Capabilities of another arch say nothing about this one: ignore rather than narrow
    // by the wrong host answer.
    if (!ctx.domainCaps || (!ctx.domainCaps->arch.isEmpty() && ctx.domainCaps->arch != name()))
        return nullptr;
    return ctx.domainCaps;
}

// ---- machine types ------------------------------------------------------------------------

QString ArchModel::machineFamily(const QString &machine) const
{
    const QString m = machine.isEmpty() ? defaultMachine() : machine;
    for (const QString &family : machineFamilies()) {
        if (m == family || m.startsWith(family + u'-'))
            return family;
    }
    return {};
}

namespace {
QVersionNumber machineVersion(const QString &machine)
{
    // "pc-q35-7.2" -> 7.2, "pseries-2.12-sxxm" -> 2.12, "virt-2.10" -> 2.10
    qsizetype i = machine.size();
    while (i > 0 && (machine.at(i - 1).isDigit() || machine.at(i - 1) == u'.'))
        --i;
    QVersionNumber v = QVersionNumber::fromString(QStringView(machine).mid(i));
    if (v.isNull()) {
        // A suffix like "-sxxm": take the last number group before it.
        const qsizetype dash = machine.lastIndexOf(u'-');
        if (dash > 0)
            return machineVersion(machine.left(dash));
    }
    return v;
}
} // namespace

ChoiceList ArchModel::machineTypes(const HostCapabilities *caps) const
{
    ChoiceList list;
    const GuestArchCapabilities *guest = caps ? caps->guest(name()) : nullptr;
    for (const QString &family : machineFamilies()) {
        if (!guest) {
            list.append(Choice{family, family, true, {}});
            continue;
        }
        const MachineInfo *alias = nullptr;
        QList<MachineInfo> versioned;
        for (const MachineInfo &m : guest->machines) {
            if (m.name == family)
                alias = &m;
            else if (machineFamily(m.name) == family)
                versioned.append(m);
        }
        if (!alias && versioned.isEmpty()) {
            list.append(
                Choice{family, family, false,
                       tr("This host's QEMU has no %1 machine for %2 guests").arg(family, name())});
            continue;
        }
        if (alias) {
            const QString label = alias->canonical.isEmpty()
                                      ? family
                                      : tr("%1 (now %2)").arg(family, alias->canonical);
            list.append(Choice{family, label, true, {}});
        }
        std::stable_sort(versioned.begin(), versioned.end(),
                         [](const MachineInfo &a, const MachineInfo &b) {
                             return machineVersion(a.name) > machineVersion(b.name);
                         });
        for (const MachineInfo &m : std::as_const(versioned)) {
            if (m.deprecated)
                list.append(Choice{m.name, m.name, false,
                                   tr("QEMU marks the %1 machine as deprecated").arg(m.name)});
            else
                list.append(Choice{m.name, m.name, true, {}});
        }
    }
    return list;
}

FirmwareSpec ArchModel::firmware(const GuestContext &ctx) const
{
    FirmwareSpec spec = firmwarePolicy(ctx);
    if (!ctx.firmware.isEmpty() && spec.choices.offers(ctx.firmware))
        spec.defaultFirmware = ctx.firmware;
    const DomainCapabilities *caps = capsFor(ctx);
    if (caps && spec.choices.offers(u"efi"_s) && !caps->uefiAvailable())
        spec.choices.withhold(
            u"efi"_s, tr("This host's QEMU has no UEFI firmware for %1 guests").arg(name()));
    if (spec.requiresUefi && !spec.choices.offers(u"efi"_s)) {
        spec.problem =
            tr("%1 guests need UEFI firmware, which this host does not provide").arg(name());
    }
    if (!spec.choices.offers(spec.defaultFirmware) && !spec.requiresUefi)
        spec.defaultFirmware = spec.choices.firstOffered();
    spec.osFirmwareAttribute = spec.defaultFirmware == "efi"_L1 ? u"efi"_s : QString();
    return spec;
}

// ---- disks ------------------------------------------------------------------------------

DiskInterfaceSpec ArchModel::diskInterfaceSpec(const QString &id) const
{
    DiskInterfaceSpec s;
    s.id = id;
    if (id == "virtio"_L1) {
        s.bus = u"virtio"_s;
        s.devicePrefix = u"vd"_s;
    } else if (id == "scsi"_L1) {
        s.bus = u"scsi"_s;
        s.devicePrefix = u"sd"_s;
        s.controllerType = u"scsi"_s;
        s.controllerModel = u"virtio-scsi"_s;
        s.usesDriveAddress = true;
        s.devicesPerController = 16384; // virtio-scsi LUNs (unit 0..16383)
    } else if (id == "sata"_L1) {
        s.bus = u"sata"_s;
        s.devicePrefix = u"sd"_s;
        s.usesDriveAddress = true;
        s.devicesPerController = 6; // AHCI ports
    } else if (id == "ide"_L1) {
        s.bus = u"ide"_s;
        s.devicePrefix = u"hd"_s;
        s.usesDriveAddress = true;
        s.devicesPerController = 4; // 2 buses x master/slave
    } else if (id == "usb"_L1) {
        s.bus = u"usb"_s;
        s.devicePrefix = u"sd"_s;
    }
    return s;
}

DiskPlan ArchModel::planDisks(const QStringList &interfaceIds) const
{
    DiskPlan plan;
    QHash<QString, int> perInterface; // devices so far on each interface (addresses)
    QHash<QString, int> perPrefix;    // devices so far per name prefix (sd is shared)
    QHash<QString, int> firstIndex;   // interface -> its first controller index
    QHash<QString, int> nextIndex;    // controller type -> next free index
    QHash<QString, int> totals;
    QList<TakenAddress> taken; // bus addresses given to the controllers so far
    QStringList order;
    for (const QString &id : interfaceIds) {
        if (!totals.contains(id))
            order.append(id);
        ++totals[id];
    }
    for (const QString &id : std::as_const(order)) {
        const DiskInterfaceSpec spec = diskInterfaceSpec(id);
        if (spec.controllerType.isEmpty())
            continue;
        const int first = nextIndex.value(spec.controllerType, 0);
        firstIndex.insert(id, first);
        const int count = spec.controllersNeeded(totals.value(id));
        for (int i = 0; i < count; ++i) {
            const ControllerSpec c = diskController(id, first + i, taken);
            if (!c.addressType.isEmpty())
                taken.append(TakenAddress{c.addressType, c.addressReg});
            plan.controllers.append(c);
        }
        nextIndex.insert(spec.controllerType, first + count);
    }
    for (const QString &id : interfaceIds) {
        const DiskInterfaceSpec spec = diskInterfaceSpec(id);
        PlannedDisk d;
        d.interfaceId = id;
        d.bus = spec.bus;
        d.deviceName = spec.deviceName(perPrefix[spec.devicePrefix]++);
        d.address = spec.driveAddress(perInterface[id]++, firstIndex.value(id, 0));
        plan.devices.append(d);
    }
    return plan;
}

ControllerSpec ArchModel::diskController(const QString &interfaceId, int index,
                                         const QList<TakenAddress> &taken) const
{
    const DiskInterfaceSpec spec = diskInterfaceSpec(interfaceId);
    ControllerSpec c = spec.requiredControllers(1, index).value(0);
    if (!c.type.isEmpty())
        assignControllerAddress(c, taken);
    return c;
}

void ArchModel::assignControllerAddress(ControllerSpec &, const QList<TakenAddress> &) const {}

ChoiceList ArchModel::narrowDisks(const GuestContext &ctx, DiskRole role) const
{
    ChoiceList list = diskPolicy(ctx, role);
    const DomainCapabilities *caps = capsFor(ctx);
    if (!caps)
        return list;
    const CapabilityEnum buses = caps->deviceEnum(u"disk"_s, u"bus"_s);
    const CapabilityEnum devices = caps->deviceEnum(u"disk"_s, u"diskDevice"_s);
    const QString device = role == DiskRole::Cdrom ? u"cdrom"_s : u"disk"_s;
    const QList<Choice> offered = list.offered();
    for (const Choice &c : offered) {
        if (!devices.allows(device)) {
            list.withhold(c.id,
                          role == DiskRole::Cdrom
                              ? tr("This host's QEMU offers no cdrom for %1 guests").arg(name())
                              : tr("This host's QEMU offers no disks for %1 guests").arg(name()));
        } else if (!buses.allows(diskInterfaceSpec(c.id).bus)) {
            list.withhold(c.id, hostLacksReason(c.label));
        }
    }
    return list;
}

ChoiceList ArchModel::diskInterfaces(const GuestContext &ctx) const
{
    if (ctx.running)
        return hotplugDiskInterfaces(ctx);
    return narrowDisks(ctx, DiskRole::Disk);
}

ChoiceList ArchModel::cdromInterfaces(const GuestContext &ctx) const
{
    return narrowDisks(ctx, DiskRole::Cdrom);
}

ChoiceList ArchModel::hotplugDiskInterfaces(const GuestContext &ctx) const
{
    ChoiceList list = narrowDisks(ctx, DiskRole::Disk);
    const Operation hotplug = operations(ctx).diskHotplug;
    const QStringList pluggable = hotplugDiskPolicy(ctx);
    const QList<Choice> offered = list.offered();
    for (const Choice &c : offered) {
        if (!hotplug.supported)
            list.withhold(c.id, hotplug.reason);
        else if (!pluggable.contains(c.id))
            list.withhold(
                c.id, tr("%1 disks cannot be added to a running %2 guest").arg(c.label, name()));
    }
    return list;
}

// ---- other devices -----------------------------------------------------------------------

ChoiceList ArchModel::nicModels(const GuestContext &ctx) const
{
    ChoiceList list = nicPolicy(ctx);
    if (ctx.running) {
        const Operation hotplug = operations(ctx).nicHotplug;
        if (!hotplug.supported) {
            const QList<Choice> offered = list.offered();
            for (const Choice &c : offered)
                list.withhold(c.id, hotplug.reason);
        }
    }
    return list;
}

ChoiceList ArchModel::graphicsTypes(const GuestContext &ctx) const
{
    ChoiceList list = graphicsPolicy(ctx);
    if (const DomainCapabilities *caps = capsFor(ctx)) {
        const CapabilityEnum types = caps->deviceEnum(u"graphics"_s, u"type"_s);
        const QList<Choice> offered = list.offered();
        for (const Choice &c : offered) {
            if (c.id != "none"_L1 && !types.allows(c.id))
                list.withhold(c.id, hostLacksReason(c.label));
        }
    }
    return list;
}

ChoiceList ArchModel::consoleTypes(const GuestContext &ctx) const
{
    return consolePolicy(ctx);
}

ChoiceList ArchModel::videoModels(const GuestContext &ctx) const
{
    ChoiceList list = videoPolicy(ctx);
    if (const DomainCapabilities *caps = capsFor(ctx)) {
        const CapabilityEnum models = caps->deviceEnum(u"video"_s, u"modelType"_s);
        const QList<Choice> offered = list.offered();
        for (const Choice &c : offered) {
            if (c.id != "none"_L1 && !models.allows(c.id))
                list.withhold(c.id, hostLacksReason(c.label));
        }
    }
    return list;
}

// ---- CPU --------------------------------------------------------------------------------

QString ArchModel::cpuModeWithheldReason(const QString &mode, const GuestContext &ctx) const
{
    if ((mode == "host-model"_L1 || mode == "host-passthrough"_L1) && !ctx.isNative()) {
        return tr("%1 needs KVM: this %2 guest is emulated, so it gets a named CPU model")
            .arg(cpuModeLabel(mode), name());
    }
    return {};
}

ChoiceList ArchModel::cpuModes(const GuestContext &ctx) const
{
    const DomainCapabilities *caps = capsFor(ctx);
    ChoiceList list;
    for (const QString &mode :
         {u"host-model"_s, u"host-passthrough"_s, u"custom"_s, u"maximum"_s}) {
        Choice c{mode, cpuModeLabel(mode), true, {}};
        const QString policy = cpuModeWithheldReason(mode, ctx);
        if (!policy.isEmpty()) {
            c.offered = false;
            c.reason = policy;
        } else if (caps && caps->cpuModeSupported(mode) == false) {
            c.offered = false;
            c.reason = tr("This host's QEMU does not support the %1 CPU mode for %2 guests")
                           .arg(c.label, name());
        }
        list.append(c);
    }
    return list;
}

QStringList ArchModel::policyCpuModels() const
{
    QStringList models;
    for (const ClusterCpuType &t : clusterCpuTypes()) {
        if (t.mode == CpuMode::Custom && !t.model.isEmpty() && !models.contains(t.model))
            models.append(t.model);
    }
    return models;
}

ChoiceList ArchModel::cpuModels(const GuestContext &ctx) const
{
    ChoiceList list;
    const ChoiceList modes = cpuModes(ctx);
    const QString customReason = modes.reasonFor(u"custom"_s);
    const DomainCapabilities *caps = capsFor(ctx);
    if (caps && !caps->customModels.isEmpty()) {
        for (const CpuModelCapability &m : caps->customModels) {
            Choice c{m.name, m.name, true, {}};
            if (!customReason.isEmpty()) {
                c.offered = false;
                c.reason = customReason;
            } else if (!m.isUsable()) {
                c.offered = false;
                c.reason = tr("This host cannot run the %1 CPU model").arg(m.name);
            }
            list.append(c);
        }
        return list;
    }
    QStringList names = policyCpuModels();
    const CpuChoice emulated = emulatedCpu(ctx);
    if (emulated.mode == CpuMode::Custom && !names.contains(emulated.model))
        names.append(emulated.model);
    for (const QString &n : std::as_const(names))
        list.append(Choice{n, n, customReason.isEmpty(), customReason});
    return list;
}

QString ArchModel::clusterCpuId(const ClusterCpuType &t)
{
    if (t.mode == CpuMode::Custom)
        return t.model;
    if (t.mode == CpuMode::Default)
        return u"default"_s;
    return cpuModeName(t.mode);
}

ChoiceList ArchModel::clusterCpuChoices(const GuestContext &ctx) const
{
    ChoiceList list;
    const ChoiceList modes = cpuModes(ctx);
    const DomainCapabilities *caps = capsFor(ctx);
    for (const ClusterCpuType &t : clusterCpuTypes()) {
        const QString mode = cpuModeName(t.mode);
        Choice c{clusterCpuId(t), t.displayName, true, {}};
        if (t.mode != CpuMode::Default && !modes.offers(mode)) {
            c.offered = false;
            c.reason = modes.reasonFor(mode);
        } else if (t.mode == CpuMode::Custom && caps && !caps->customModels.isEmpty()) {
            if (!caps->hasCustomModel(t.model)) {
                c.offered = false;
                c.reason = tr("This host's QEMU does not know the %1 CPU model").arg(t.model);
            } else if (!caps->customModelUsable(t.model)) {
                c.offered = false;
                c.reason = tr("This host cannot run %1 guests").arg(t.displayName);
            }
        }
        list.append(c);
    }
    return list;
}

CpuChoice ArchModel::cpuForClusterType(const QString &id) const
{
    for (const ClusterCpuType &t : clusterCpuTypes()) {
        if (clusterCpuId(t) == id)
            return CpuChoice{t.mode, t.mode == CpuMode::Custom ? t.model : QString()};
    }
    return {};
}

QStringList ArchModel::guestFeatures(const GuestContext &) const
{
    return {};
}

CpuChoice ArchModel::nativeCpu(const GuestContext &) const
{
    return CpuChoice{CpuMode::HostModel, {}};
}

CpuChoice ArchModel::defaultCpu(const GuestContext &ctx) const
{
    const ChoiceList modes = cpuModes(ctx);
    if (ctx.isNative()) {
        const CpuChoice preferred = nativeCpu(ctx);
        if (modes.offers(cpuModeName(preferred.mode)))
            return preferred;
        for (CpuMode m : {CpuMode::HostModel, CpuMode::HostPassthrough}) {
            if (modes.offers(cpuModeName(m)))
                return CpuChoice{m, {}};
        }
    }
    const CpuChoice emulated = emulatedCpu(ctx);
    if (emulated.mode == CpuMode::Default)
        return emulated;
    if (emulated.mode == CpuMode::Custom) {
        const ChoiceList models = cpuModels(ctx);
        if (models.offers(emulated.model))
            return emulated;
        // The preferred model is not usable here: fall back to QEMU's "max" model.
        if (models.offers(u"max"_s))
            return CpuChoice{CpuMode::Custom, u"max"_s};
    } else if (modes.offers(cpuModeName(emulated.mode))) {
        return emulated;
    }
    if (modes.offers(u"maximum"_s))
        return CpuChoice{CpuMode::Maximum, {}};
    return CpuChoice{CpuMode::Default, {}};
}

Operations ArchModel::operations(const GuestContext &ctx) const
{
    Operations ops = operationsPolicy(ctx);
    const QString fw = ctx.firmware.isEmpty() ? firmwarePolicy(ctx).defaultFirmware : ctx.firmware;
    // libvirt refuses internal (qcow2, with memory) snapshots of pflash-firmware guests.
    if (fw == "efi"_L1 && ops.internalSnapshots.supported) {
        ops.internalSnapshots =
            refused(tr("Snapshots with memory state are not possible for guests that boot UEFI; "
                       "disk-only snapshots are"));
    }
    return ops;
}

// ---- limits and defaults ------------------------------------------------------------------

Limits ArchModel::limits(const GuestContext &ctx) const
{
    Limits l = limitsPolicy(ctx);
    // Per-controller capacity of every interface the arch offers, from the interface specs.
    for (const QString &id : diskPolicy(ctx, DiskRole::Disk).offeredIds()) {
        const DiskInterfaceSpec spec = diskInterfaceSpec(id);
        if (spec.devicesPerController > 0 && !l.devicesPerController.contains(id))
            l.devicesPerController.insert(id, spec.devicesPerController);
    }
    if (const DomainCapabilities *caps = capsFor(ctx); caps && caps->maxVcpus > 0)
        l.maxVcpus = l.maxVcpus > 0 ? qMin(l.maxVcpus, caps->maxVcpus) : caps->maxVcpus;
    return l;
}

DefaultDevices ArchModel::defaultDevices(const GuestContext &ctx) const
{
    GuestContext c = ctx;
    c.running = false;
    if (c.machine.isEmpty())
        c.machine = defaultMachine();
    const FirmwareSpec fw = firmware(c);
    if (c.firmware.isEmpty())
        c.firmware = fw.osFirmwareAttribute;

    DefaultDevices d;
    d.machine = c.machine;
    d.virtType = c.virtType;
    d.diskInterface = diskInterfaces(c).firstOffered();
    d.cdromInterface = cdromInterfaces(c).firstOffered();
    d.nicModel = nicModels(c).firstOffered();
    d.graphics = graphicsTypes(c).firstOffered();
    const ChoiceList video = videoModels(c);
    if (d.graphics == "none"_L1 && video.offers(u"none"_s))
        d.video = u"none"_s;
    else
        d.video = video.firstOffered();
    static_cast<QString &>(d.console) = consoleTypes(c).firstOffered();
    const SerialConsoleSpec console = consoleDevices(c, d.console);
    d.console.consoleTargetType = console.consoleTargetType;
    d.console.serialTargetType = console.serialTargetType;
    d.console.serialTargetModel = console.serialTargetModel;
    d.usbController = usbControllerModel(c);
    d.watchdog = watchdogModel(c);
    d.firmware = fw.osFirmwareAttribute;
    d.cpu = defaultCpu(c);
    if (d.graphics != "none"_L1)
        d.inputs = inputDevices(c);
    QStringList devices;
    if (!d.diskInterface.isEmpty())
        devices.append(d.diskInterface);
    if (!d.cdromInterface.isEmpty())
        devices.append(d.cdromInterface);
    d.controllers = planDisks(devices).controllers;
    return d;
}

// ---- defaults a subclass overrides only where it differs ----------------------------------

QStringList ArchModel::hotplugDiskPolicy(const GuestContext &) const
{
    return DeviceCatalogue::hotPluggableDiskInterfaces();
}

ChoiceList ArchModel::graphicsPolicy(const GuestContext &ctx) const
{
    return policyList(ctx, DeviceKind::Graphics, {u"vnc"_s, u"none"_s},
                      {{u"spice"_s, useVncReason(graphicsLabel(u"spice"_s))}});
}

ChoiceList ArchModel::consolePolicy(const GuestContext &ctx) const
{
    return policyList(ctx, DeviceKind::Console, {u"serial"_s, u"virtio"_s});
}

Operations ArchModel::operationsPolicy(const GuestContext &) const
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
    ops.gracefulShutdown = allowed();
    return ops;
}

QString ArchModel::watchdogModel(const GuestContext &) const
{
    return u"i6300esb"_s;
}

QString ArchModel::usbControllerModel(const GuestContext &) const
{
    return u"qemu-xhci"_s;
}

QList<InputDeviceSpec> ArchModel::inputDevices(const GuestContext &) const
{
    return {{u"keyboard"_s, u"usb"_s}, {u"tablet"_s, u"usb"_s}};
}

SerialConsoleSpec ArchModel::consoleDevices(const GuestContext &ctx, const QString &consoleId) const
{
    // The console the user chose is written as chosen, even one the arch withholds
    // (libvirt then refuses it with its own message): a forced SCLP console on ppc64
    // must not silently become a serial port.
    const QString id = consoleId.isEmpty() ? consoleTypes(ctx).firstOffered() : consoleId;
    if (id == "virtio"_L1 || id == "sclp"_L1)
        return SerialConsoleSpec{id, {}, {}};
    return serialConsole(ctx);
}

// ---- install methods and boot ---------------------------------------------------------------

QString ArchModel::serialKernelConsole(const GuestContext &) const
{
    return u"ttyS0"_s;
}

QString ArchModel::networkBootWithheldReason(const GuestContext &) const
{
    return {};
}

bool ArchModel::usesDeviceTree(const GuestContext &) const
{
    return false;
}

BootOrderRules ArchModel::bootOrderRules(const GuestContext &) const
{
    return {};
}

QString ArchModel::kernelConsoleArgument(const GuestContext &ctx, const QString &consoleId) const
{
    const QString id = consoleId.isEmpty() ? consoleTypes(ctx).firstOffered() : consoleId;
    QString device;
    if (id == "virtio"_L1)
        device = u"hvc0"_s; // the first virtio console port on every arch
    else if (id == "sclp"_L1)
        device = u"ttysclp0"_s;
    else
        device = serialKernelConsole(ctx);
    return u"console="_s + device;
}

ChoiceList ArchModel::installMethods(const GuestContext &ctx) const
{
    ChoiceList list;
    Choice cdrom{u"cdrom"_s, tr("Install from an ISO image (CD-ROM)"), true, {}};
    if (cdromInterfaces(ctx).firstOffered().isEmpty()) {
        cdrom.offered = false;
        cdrom.reason = tr("%1 guests have no CD-ROM interface here").arg(name());
    }
    list.append(cdrom);
    // QEMU loads a kernel itself (or hands it to the firmware) on every arch.
    list.append(
        Choice{u"kernel"_s, tr("Direct kernel boot (kernel, initrd, arguments)"), true, {}});
    Choice import{u"import"_s, tr("Import an existing disk image"), true, {}};
    if (diskInterfaces(ctx).firstOffered().isEmpty()) {
        import.offered = false;
        import.reason = tr("%1 guests have no disk interface here").arg(name());
    }
    list.append(import);
    Choice network{u"network"_s, tr("Network boot (PXE)"), true, {}};
    QString reason = networkBootWithheldReason(ctx);
    if (reason.isEmpty() && nicModels(ctx).firstOffered().isEmpty())
        reason = tr("%1 guests have no network card model here").arg(name());
    if (!reason.isEmpty()) {
        network.offered = false;
        network.reason = reason;
    }
    list.append(network);
    return list;
}

ChoiceList ArchModel::bootDeviceKinds(const GuestContext &ctx) const
{
    const ChoiceList methods = installMethods(ctx);
    ChoiceList list;
    list.append(Choice{u"hd"_s, tr("Hard disk"), methods.offers(u"import"_s),
                       methods.reasonFor(u"import"_s)});
    list.append(Choice{u"cdrom"_s, tr("CD-ROM"), methods.offers(u"cdrom"_s),
                       methods.reasonFor(u"cdrom"_s)});
    list.append(Choice{u"network"_s, tr("Network (PXE)"), methods.offers(u"network"_s),
                       methods.reasonFor(u"network"_s)});
    return list;
}

Operation ArchModel::deviceTree(const GuestContext &ctx) const
{
    if (usesDeviceTree(ctx))
        return allowed();
    return refused(tr("%1 guests take no device tree (DTB) file: QEMU and the firmware "
                      "describe their hardware")
                       .arg(name()));
}

// ---- the device plan of a new guest ---------------------------------------------------------

void ArchModel::planBoot(const GuestContext &ctx, const DevicePlanRequest &request,
                         DevicePlan &plan) const
{
    plan.kernel = request.kernel;
    plan.initrd = request.initrd;
    plan.cmdline = request.cmdline;
    plan.dtb = request.dtb;
    // UEFI starts the kernel QEMU hands it; libvirt's first choice of UEFI build has
    // Secure Boot with Microsoft's keys enrolled (Debian's edk2 descriptors), which refuses
    // a kernel not signed for them ("Security Violation"), so ask for a build without.
    if (!plan.kernel.isEmpty() && plan.osFirmware == "efi"_L1)
        plan.firmwareFeaturesOff = {u"enrolled-keys"_s, u"secure-boot"_s};
    const QString install = request.install.isEmpty() ? u"cdrom"_s : request.install;
    QStringList order = request.bootOrder;
    // PXE names the NIC to boot from, which only a per-device order can say.
    if (order.isEmpty() && install == "network"_L1)
        order = {u"network"_s, u"hd"_s};
    if (order.isEmpty()) {
        // A kernel QEMU loads needs no boot device; otherwise libvirt's <boot dev> list:
        // install media first, then the disk it installs onto (an import boots its disk).
        if (install == "kernel"_L1)
            return;
        const bool hasCdrom = !request.cdromInterfaces.isEmpty();
        const bool hasDisk = !request.diskInterfaces.isEmpty();
        if (install == "import"_L1 && hasDisk)
            plan.bootDevices << u"hd"_s;
        if (hasCdrom)
            plan.bootDevices << u"cdrom"_s;
        if (!plan.bootDevices.contains(u"hd"_s) && (hasDisk || !hasCdrom))
            plan.bootDevices << u"hd"_s;
        return;
    }
    // Per-device <boot order>, never mixed with <os><boot dev>: the first device of each
    // kind, as many as the firmware tries.
    const int max = bootOrderRules(ctx).maxDevices;
    int next = 0;
    for (const QString &kind : std::as_const(order)) {
        if (max > 0 && next >= max)
            break;
        if (kind == "network"_L1) {
            if (!plan.nicBootOrders.isEmpty() && plan.nicBootOrders.first() == 0)
                plan.nicBootOrders.first() = ++next;
            continue;
        }
        const QString device = kind == "cdrom"_L1 ? u"cdrom"_s : u"disk"_s;
        if (kind != "cdrom"_L1 && kind != "hd"_L1)
            continue;
        for (PlannedDisk &d : plan.disks) {
            if (d.device == device) {
                if (d.bootOrder == 0)
                    d.bootOrder = ++next;
                break;
            }
        }
    }
}

DevicePlan ArchModel::devicePlan(const GuestContext &ctx, const DevicePlanRequest &request) const
{
    GuestContext c = ctx;
    c.running = false;
    if (!request.machine.isEmpty())
        c.machine = request.machine;
    if (c.machine.isEmpty())
        c.machine = defaultMachine();
    c.virtType = request.virtType;
    if (!request.firmware.isEmpty())
        c.firmware = request.firmware;

    DevicePlan plan;
    plan.domainType = virtTypeName(request.virtType);
    plan.machine = c.machine;
    plan.osFirmware = request.firmware == "efi"_L1 ? u"efi"_s : QString();
    plan.features = guestFeatures(c);
    plan.cpu = request.cpu;

    const DiskPlan disks = planDisks(request.diskInterfaces + request.cdromInterfaces);
    plan.controllers = disks.controllers;
    {
        // No USB controller is written as model 'none', or libvirt adds its default.
        ControllerSpec usb;
        usb.type = u"usb"_s;
        usb.model = usbControllerModel(c);
        if (usb.model.isEmpty())
            usb.model = u"none"_s;
        plan.controllers.append(usb);
    }
    plan.disks = disks.devices;
    for (qsizetype i = request.diskInterfaces.size(); i < plan.disks.size(); ++i)
        plan.disks[i].device = u"cdrom"_s;
    plan.nicModels = request.nicModels;
    plan.nicBootOrders = QList<int>(request.nicModels.size(), 0);
    plan.console = consoleDevices(c, request.console);
    planBoot(c, request, plan);

    if (!request.graphics.isEmpty() && request.graphics != "none"_L1) {
        plan.inputs = inputDevices(c);
        plan.graphics = request.graphics;
        // Local only: remote viewers reach it through the libvirt connection (SSH/TLS).
        plan.graphicsListen = u"127.0.0.1"_s;
    }
    plan.video = request.video;
    plan.watchdog = watchdogModel(c);
    if (!plan.watchdog.isEmpty())
        plan.watchdogAction = u"reset"_s;
    // Entropy for the guest's early boot (key generation) on every arch.
    plan.rngModel = u"virtio"_s;
    plan.rngBackend = u"/dev/urandom"_s;
    addSpareRootPorts(c, plan);
    return plan;
}

namespace {
/// PCIe devices of `plan` libvirt puts behind a root port of its own (q35 and virt). An
/// estimate that errs high: a device counted but plugged elsewhere leaves one more spare.
int rootPortDevices(const DevicePlan &plan)
{
    int n = 1; // the memballoon libvirt adds to every guest
    bool sata = false;
    for (const PlannedDisk &d : plan.disks) {
        if (d.device == "disk"_L1 && d.bus == "virtio"_L1)
            ++n;
        sata = sata || d.bus == "sata"_L1;
    }
    if (sata)
        ++n; // the AHCI controller (built in on q35)
    for (const ControllerSpec &c : plan.controllers) {
        if ((c.type == "scsi"_L1 && c.model == "virtio-scsi"_L1) ||
            (c.type == "usb"_L1 && c.model != "none"_L1))
            ++n;
    }
    n += int(plan.nicModels.size());
    if (!plan.rngModel.isEmpty())
        ++n;
    if (!plan.video.isEmpty() && plan.video != "none"_L1 && plan.video != "ramfb"_L1)
        ++n;
    if (!plan.watchdog.isEmpty())
        ++n;
    if (plan.console.consoleTargetType == "virtio"_L1)
        ++n; // its virtio-serial controller
    for (const InputDeviceSpec &i : plan.inputs) {
        if (i.bus == "virtio"_L1)
            ++n;
    }
    return n;
}
} // namespace

void ArchModel::addSpareRootPorts(const GuestContext &ctx, DevicePlan &plan) const
{
    if (!limits(ctx).pciExpress)
        return;
    // On a PCIe machine a running guest hot-plugs a device only into a free pcie-root-port,
    // and libvirt adds just the ports the defined devices fill. So, as virt-install does,
    // write ports for the guest's own devices (libvirt fills listed ports first) plus a few
    // spare: enough for a NIC, a disk or two and a passthrough device while the guest runs.
    // Not more: each port is a bridge that takes a bus number and a window of the x86 I/O
    // space (64 KiB in all) from the firmware, and more can be added while shut off.
    constexpr int kSpareRootPorts = 4;
    const int ports = rootPortDevices(plan) + kSpareRootPorts;
    // Index 0 is the machine's pcie-root, which libvirt adds itself.
    for (int i = 1; i <= ports; ++i) {
        ControllerSpec port;
        port.type = u"pci"_s;
        port.model = u"pcie-root-port"_s;
        port.index = i;
        plan.controllers.append(port);
    }
}

} // namespace crossvirt::arch
