// crossvirt-cli edit / add-device / remove-device / change-media / dumpxml: changes to a VM
// that already exists, through the same core as the VM window (models/vmedit/VmEdit.h).
// The CLI only turns options into a wanted VmConfig or an AddDeviceRequest; whether a
// change applies now, at the next boot or not at all, and why, is the core's (and so the
// arch's) verdict. A plan with a refused step is printed and never applied: exit 1 before
// anything is sent to libvirt.

#include "app/cli/CliCommands.h"

#include "arch/ArchModel.h"
#include "models/connection/HostSession.h"
#include "models/connection/LibvirtError.h"
#include "models/provisioning/ProvisioningCore.h"
#include "models/provisioning/StorageInventory.h"
#include "models/vmedit/VmEdit.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <cstdio>
#include <functional>
#include <optional>

using namespace Qt::StringLiterals;

namespace crossvirt::cli {

using models::EditPlan;
using models::EditScope;
using models::HostSession;
using models::VmConfig;
using models::VmDevice;
using models::VmEditContext;

namespace {

// lupdate and the runtime both see the context "cli" for CliText::tr().
struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(cli)
};

// ---- options every command shares --------------------------------------------------------

QCommandLineOption vmOption()
{
    return {u"vm"_s, CliText::tr("The VM, by name or UUID."), u"NAME"_s};
}

QCommandLineOption liveOption()
{
    return {u"live"_s,
            CliText::tr("Change the running guest. Alone: only now; a change that cannot "
                        "apply now is refused (exit 1) with the reason.")};
}

QCommandLineOption configOption()
{
    return {u"config"_s,
            CliText::tr("Change the definition (what the next boot uses). Alone: the running "
                        "guest is left as it is. Neither --live nor --config: live where the "
                        "arch allows it, and always the definition.")};
}

EditScope scopeOf(const QCommandLineParser &parser)
{
    const bool live = parser.isSet(u"live"_s);
    const bool config = parser.isSet(u"config"_s);
    EditScope scope;
    if (live != config) {
        scope.live = live;
        scope.config = config;
    }
    return scope;
}

/// A whole number option; nullopt with a message (and *exitCode kExitRefused) when the
/// value is not one.
std::optional<qint64> numberOption(const QCommandLineParser &parser, const QString &name,
                                   int *exitCode)
{
    if (!parser.isSet(name))
        return std::nullopt;
    bool ok = false;
    const qint64 v = parser.value(name).toLongLong(&ok);
    if (!ok) {
        printError(
            CliText::tr("--%1 needs a whole number, not “%2”").arg(name, parser.value(name)));
        *exitCode = kExitRefused;
        return std::nullopt;
    }
    return v;
}

/// The host and the VM loaded for editing.
struct OpenedVm
{
    HostSession *session = nullptr;
    VmEditContext ctx;
};

/// Opens the one host, finds --vm (name or UUID) and loads both of its definitions.
/// nullopt with *exitCode set: 64 without --vm or without exactly one host, 1 when the
/// host has no such VM, 2 when the host or libvirt failed.
std::optional<OpenedVm> openVm(const CliContext &ctx, const QString &vm, QObject *owner,
                               int *exitCode)
{
    if (vm.isEmpty()) {
        printError(CliText::tr("%1: give the VM with --vm NAME").arg(ctx.arguments.value(0)));
        *exitCode = kExitUsage;
        return std::nullopt;
    }
    OpenedVm out;
    out.session = openOne(ctx.uris, ctx.timeoutSeconds, owner, exitCode);
    if (!out.session)
        return std::nullopt;
    QString uuid;
    for (const models::DomainSummary &d : out.session->domains()) {
        if (d.name == vm || d.uuid.compare(vm, Qt::CaseInsensitive) == 0)
            uuid = d.uuid;
    }
    if (uuid.isEmpty()) {
        printError(
            CliText::tr("vm: there is no virtual machine “%1” on %2").arg(vm, out.session->uri()));
        *exitCode = kExitRefused;
        return std::nullopt;
    }
    try {
        out.ctx = await(models::loadVmForEdit(out.session, uuid));
    } catch (...) {
        printError(models::errorText(std::current_exception()));
        *exitCode = kExitHostFailed;
        return std::nullopt;
    }
    return out;
}

// ---- JSON --------------------------------------------------------------------------------

QJsonObject deviceJson(const VmDevice &d)
{
    QJsonObject o{{u"kind"_s, d.kind}, {u"id"_s, d.id}, {u"label"_s, d.label()}};
    if (!d.model.isEmpty())
        o.insert(u"model"_s, d.model);
    if (!d.source.isEmpty())
        o.insert(u"source"_s, d.source);
    if (d.bootOrder > 0)
        o.insert(u"boot_order"_s, d.bootOrder);
    if (d.readOnly)
        o.insert(u"read_only"_s, true);
    return o;
}

QJsonObject configJson(const VmConfig &c)
{
    QJsonArray devices;
    for (const VmDevice &d : c.devices)
        devices.append(deviceJson(d));
    QJsonObject cpu{{u"mode"_s, c.cpu.mode == arch::CpuMode::Default
                                    ? u"default"_s
                                    : arch::cpuModeName(c.cpu.mode)}};
    if (!c.cpu.model.isEmpty())
        cpu.insert(u"model"_s, c.cpu.model);
    QJsonObject o{{u"name"_s, c.name},
                  {u"uuid"_s, c.uuid},
                  {u"title"_s, c.title},
                  {u"description"_s, c.description},
                  {u"arch"_s, c.arch},
                  {u"machine"_s, c.machine},
                  {u"running"_s, c.running},
                  {u"vcpus"_s, c.vcpus},
                  {u"max_vcpus"_s, c.maxVcpus},
                  {u"cpu"_s, cpu},
                  {u"memory_mib"_s, double(c.currentMemoryMiB)},
                  {u"max_memory_mib"_s, double(c.memoryMiB)},
                  {u"firmware"_s, c.firmware.isEmpty() ? u"default"_s : c.firmware},
                  {u"boot"_s, QJsonArray::fromStringList(c.bootOrder())},
                  {u"autostart"_s, c.autostart},
                  {u"devices"_s, devices}};
    if (c.sockets || c.cores || c.threads) {
        o.insert(u"topology"_s, QJsonObject{{u"sockets"_s, c.sockets},
                                            {u"cores"_s, c.cores},
                                            {u"threads"_s, c.threads}});
    }
    if (c.maxMemoryMiB > 0) {
        o.insert(u"hotplug_memory_mib"_s, double(c.maxMemoryMiB));
        o.insert(u"memory_slots"_s, c.memorySlots);
    }
    return o;
}

// ---- plan, apply, report -----------------------------------------------------------------

/// Prints the refused steps of `plan` with the arch's reasons (for --live alone the core's
/// reason says to use --config), then that nothing was changed.
void printRefusals(const VmEditContext &ctx, const EditPlan &plan)
{
    int printed = 0;
    for (const models::EditStep &step : plan.steps) {
        if (step.rule.allowed())
            continue;
        printError(step.rule.reason.isEmpty()
                       ? step.description
                       : CliText::tr("%1: %2").arg(step.description, step.rule.reason));
        ++printed;
    }
    if (printed == 0) {
        const QString all = plan.refusals();
        printError(all.isEmpty() ? CliText::tr("%1: the change was refused").arg(ctx.live.name)
                                 : all);
    }
    printError(CliText::tr("nothing was changed"));
}

/// Adds to the JSON what the command itself reports (the device added or removed).
using Decorate = std::function<void(const VmEditContext &after, QJsonObject *out)>;

/// Applies `plan` (or prints why not: exit 1, nothing sent to libvirt), re-reads the VM and
/// prints what the host has now.
int applyAndReport(const OpenedVm &vm, const EditPlan &plan, const Decorate &decorate = {})
{
    if (!plan.ok()) {
        printRefusals(vm.ctx, plan);
        return kExitRefused;
    }
    models::EditResult result;
    if (plan.isEmpty()) {
        printNote(
            CliText::tr("Nothing to change: “%1” is already like that.").arg(vm.ctx.live.name));
    } else {
        try {
            result = await(models::applyEdit(vm.session, plan));
        } catch (...) {
            printError(models::errorText(std::current_exception()));
            return kExitHostFailed;
        }
    }
    for (const QString &s : std::as_const(result.appliedNow))
        printNote(CliText::tr("Applied now: %1").arg(s));
    for (const QString &s : std::as_const(result.nextBoot))
        printNote(CliText::tr("At the next boot: %1").arg(s));
    if (plan.needsRestart()) {
        printNote(CliText::tr("“%1” runs with the old values until it is restarted.")
                      .arg(vm.ctx.live.name));
    }

    // What the host has now, read back (not what was asked for).
    VmEditContext after;
    try {
        after = await(models::loadVmForEdit(vm.session, vm.ctx.live.uuid));
    } catch (...) {
        printError(models::errorText(std::current_exception()));
        return kExitHostFailed;
    }
    QJsonObject out{{u"host"_s, vm.session->uri()},
                    {u"vm"_s, after.inactive.name},
                    {u"uuid"_s, after.inactive.uuid},
                    {u"applied_now"_s, QJsonArray::fromStringList(result.appliedNow)},
                    {u"next_boot"_s, QJsonArray::fromStringList(result.nextBoot)},
                    {u"restart_needed"_s, plan.needsRestart()},
                    {u"config"_s, configJson(after.inactive)}};
    if (after.running())
        out.insert(u"live"_s, configJson(after.live));
    if (decorate)
        decorate(after, &out);
    printJson(out);
    return kExitOk;
}

// ---- edit --------------------------------------------------------------------------------

/// --cpu: a mode name ("host-model", "default", ...) or a model name (custom).
arch::CpuChoice cpuChoiceOf(const QString &value)
{
    if (value == "default"_L1)
        return {};
    for (arch::CpuMode mode :
         {arch::CpuMode::HostModel, arch::CpuMode::HostPassthrough, arch::CpuMode::Maximum}) {
        if (value == arch::cpuModeName(mode))
            return {mode, {}};
    }
    return {arch::CpuMode::Custom, value};
}

/// --boot LIST: device ids (vda, sdb, a NIC's MAC) or hd/disk, cdrom, network for the
/// first device of that kind, in boot order. Sets each device's <boot order> (and no
/// <os><boot dev>), so a device that is not named no longer boots. Returns false with a
/// message when an entry names no device of the VM.
bool setBootOrder(VmConfig *wanted, const QString &list)
{
    QStringList ids;
    for (const QString &raw : list.split(u',', Qt::SkipEmptyParts)) {
        const QString entry = raw.trimmed();
        QString id;
        if (wanted->device(entry)) {
            id = wanted->device(entry)->id;
        } else {
            const QString kind = entry == "hd"_L1 || entry == "disk"_L1 ? u"disk"_s
                                 : entry == "network"_L1                ? u"nic"_s
                                                                        : entry;
            const QList<VmDevice> ofKind = wanted->devicesOf(kind);
            if (entry == "hd"_L1 || entry == "disk"_L1 || entry == "cdrom"_L1 ||
                entry == "network"_L1) {
                if (!ofKind.isEmpty())
                    id = ofKind.first().id;
            }
        }
        if (id.isEmpty()) {
            QStringList bootable;
            for (const VmDevice &d : std::as_const(wanted->devices)) {
                if (d.kind == "disk"_L1 || d.kind == "cdrom"_L1 || d.kind == "nic"_L1)
                    bootable << d.id;
            }
            printError(CliText::tr("--boot: “%1” has no device “%2” (its disks, CD-ROMs and "
                                   "NICs: %3; or hd, cdrom, network)")
                           .arg(wanted->name, entry,
                                bootable.isEmpty() ? CliText::tr("none") : bootable.join(u", "_s)));
            return false;
        }
        if (!ids.contains(id))
            ids << id;
    }
    if (ids.isEmpty()) {
        printError(CliText::tr("--boot: give the devices in boot order, e.g. vda,cdrom"));
        return false;
    }
    wanted->osBootDevices.clear();
    for (VmDevice &d : wanted->devices)
        d.bootOrder = int(ids.indexOf(d.id)) + 1; // 0 for the devices not named
    return true;
}

int runEditCommand(const CliContext &ctx)
{
    QCommandLineParser parser;
    const QCommandLineOption vm = vmOption();
    const QCommandLineOption vcpus(u"vcpus"_s, CliText::tr("The number of vCPUs."), u"N"_s);
    const QCommandLineOption maxVcpus(
        u"max-vcpus"_s, CliText::tr("The most vCPUs it can have (the hot-plug ceiling)."), u"N"_s);
    const QCommandLineOption memory(
        u"memory"_s, CliText::tr("Current memory in MiB (the balloon target while it runs)."),
        u"MIB"_s);
    const QCommandLineOption maxMemory(
        u"max-memory"_s, CliText::tr("Maximum memory in MiB (the memory it boots with)."),
        u"MIB"_s);
    const QCommandLineOption cpu(
        u"cpu"_s,
        CliText::tr("CPU: host-model, host-passthrough, maximum, default (QEMU's) or a model "
                    "name (`choices --arch A` lists them)."),
        u"CPU"_s);
    const QCommandLineOption boot(
        u"boot"_s,
        CliText::tr("Boot order, comma-separated: device ids (vda, sdb, a NIC's MAC) or hd, "
                    "cdrom, network for the first of that kind."),
        u"LIST"_s);
    const QCommandLineOption autostart(
        u"autostart"_s, CliText::tr("Start it with the host: on or off."), u"ON_OFF"_s);
    const QCommandLineOption name(
        u"name"_s,
        CliText::tr("A new name (the VM must be shut off: libvirt renames only inactive VMs)."),
        u"NEW"_s);
    const QCommandLineOption title(u"title"_s, CliText::tr("Its title (a short description)."),
                                   u"TEXT"_s);
    const QCommandLineOption description(u"description"_s, CliText::tr("Its description."),
                                         u"TEXT"_s);
    parser.addOptions({vm, name, vcpus, maxVcpus, memory, maxMemory, cpu, boot, autostart, title,
                       description, liveOption(), configOption()});
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, ctx, &exitCode))
        return exitCode;
    const bool anyChange = parser.isSet(vcpus) || parser.isSet(maxVcpus) || parser.isSet(memory) ||
                           parser.isSet(maxMemory) || parser.isSet(cpu) || parser.isSet(boot) ||
                           parser.isSet(autostart) || parser.isSet(title) ||
                           parser.isSet(description) || parser.isSet(name);
    if (!anyChange && parser.isSet(vm)) {
        printError(CliText::tr("edit: give at least one change (--name, --vcpus, --max-vcpus, "
                               "--memory, --max-memory, --cpu, --boot, --autostart, --title, "
                               "--description)"));
        return kExitUsage;
    }
    // Values first: nothing is opened for a value that is not one.
    const auto vcpusValue = numberOption(parser, vcpus.names().first(), &exitCode);
    const auto maxVcpusValue = numberOption(parser, maxVcpus.names().first(), &exitCode);
    const auto memoryValue = numberOption(parser, memory.names().first(), &exitCode);
    const auto maxMemoryValue = numberOption(parser, maxMemory.names().first(), &exitCode);
    if (exitCode != kExitOk)
        return exitCode;
    const QString autostartValue = parser.value(autostart);
    if (parser.isSet(autostart) && autostartValue != "on"_L1 && autostartValue != "off"_L1) {
        printError(CliText::tr("--autostart %1: use on or off").arg(autostartValue));
        return kExitRefused;
    }

    QObject owner;
    const auto opened = openVm(ctx, parser.value(vm), &owner, &exitCode);
    if (!opened)
        return exitCode;
    const VmEditContext &ectx = opened->ctx;
    VmConfig wanted = ectx.inactive;
    if (vcpusValue)
        wanted.vcpus = int(*vcpusValue);
    if (maxVcpusValue)
        wanted.maxVcpus = int(*maxVcpusValue);
    if (memoryValue)
        wanted.currentMemoryMiB = *memoryValue;
    if (maxMemoryValue)
        wanted.memoryMiB = *maxMemoryValue;
    if (parser.isSet(cpu))
        wanted.cpu = cpuChoiceOf(parser.value(cpu));
    if (parser.isSet(boot) && !setBootOrder(&wanted, parser.value(boot)))
        return kExitRefused;
    if (parser.isSet(autostart))
        wanted.autostart = autostartValue == "on"_L1;
    if (parser.isSet(name))
        wanted.name = parser.value(name);
    if (parser.isSet(title))
        wanted.title = parser.value(title);
    if (parser.isSet(description))
        wanted.description = parser.value(description);

    const EditScope scope = scopeOf(parser);
    const EditPlan plan = models::planEdit(ectx, wanted, scope);
    return applyAndReport(*opened, plan);
}

// ---- add-device --------------------------------------------------------------------------

/// The kind ids `crossvirt-cli add-device --kind` knows: the arch's Add Hardware list,
/// offered or withheld (a withheld kind is planned and refused with the arch's reason).
QStringList knownKinds(const VmEditContext &ctx)
{
    const arch::ArchModel *model = ctx.model();
    if (!model)
        return {};
    return model->hardwareKinds(ctx.context()).ids();
}

bool checkArchKnown(const VmEditContext &ctx)
{
    if (ctx.model())
        return true;
    printError(
        CliText::tr("vm: Crossvirt does not know the architecture “%1”").arg(ctx.inactive.arch));
    return false;
}

QString deviceKey(const VmDevice &d)
{
    return d.kind + u'/' + d.id;
}

/// The devices of `config`, as "kind/id".
QSet<QString> deviceKeys(const VmConfig &config)
{
    QSet<QString> keys;
    for (const VmDevice &d : config.devices)
        keys.insert(deviceKey(d));
    return keys;
}

int runAddDeviceCommand(const CliContext &ctx)
{
    QCommandLineParser parser;
    const QCommandLineOption vm = vmOption();
    const QCommandLineOption kind(
        u"kind"_s,
        CliText::tr("disk, cdrom, nic, console, graphics, video, controller, input, watchdog, "
                    "rng, tpm, usb-host or pci-host."),
        u"KIND"_s);
    const QCommandLineOption model(
        u"model"_s,
        CliText::tr("The model or bus: a disk interface (virtio, scsi, ...), NIC model, "
                    "console (serial, virtio), graphics (vnc, spice), video model, controller "
                    "TYPE/MODEL, input TYPE/BUS, watchdog, RNG or TPM model. Default: the "
                    "arch's."),
        u"MODEL"_s);
    const QCommandLineOption pool(u"pool"_s,
                                  CliText::tr("disk, cdrom: the pool of the volume (default for a "
                                              "new disk: 'default' or the first active)."),
                                  u"POOL"_s);
    const QCommandLineOption volume(
        u"volume"_s,
        CliText::tr("disk, cdrom: an existing volume; with --size, the new volume's name."),
        u"NAME"_s);
    const QCommandLineOption size(u"size"_s, CliText::tr("disk: create a new volume of GiB."),
                                  u"GIB"_s);
    const QCommandLineOption format(u"format"_s,
                                    CliText::tr("disk: the new volume's format: qcow2 (default) "
                                                "or raw."),
                                    u"FORMAT"_s);
    const QCommandLineOption path(
        u"path"_s, CliText::tr("disk, cdrom: a file on the host instead of a pool volume."),
        u"PATH"_s);
    const QCommandLineOption network(
        u"network"_s,
        CliText::tr("nic: the libvirt network (default: the host's 'default' network, else its "
                    "first, as for a new VM)."),
        u"NET"_s);
    const QCommandLineOption bridge(
        u"bridge"_s, CliText::tr("nic: a host bridge instead of a network."), u"BRIDGE"_s);
    const QCommandLineOption mac(u"mac"_s, CliText::tr("nic: the MAC (default: libvirt's)."),
                                 u"MAC"_s);
    const QCommandLineOption listen(
        u"listen"_s, CliText::tr("graphics: the address to listen on (default 127.0.0.1)."),
        u"ADDRESS"_s);
    const QCommandLineOption hostDevice(
        u"host-device"_s,
        CliText::tr("usb-host, pci-host: the host's node device (usb_1_2, pci_0000_00_1f_2)."),
        u"NAME"_s);
    parser.addOptions({vm, kind, model, pool, volume, size, format, path, network, bridge, mac,
                       listen, hostDevice, liveOption(), configOption()});
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, ctx, &exitCode))
        return exitCode;
    if (parser.isSet(vm) && !parser.isSet(kind)) {
        printError(CliText::tr("add-device: give the kind of device with --kind KIND"));
        return kExitUsage;
    }
    if (parser.isSet(network) && parser.isSet(bridge)) {
        printError(CliText::tr("add-device: give --network or --bridge, not both"));
        return kExitUsage;
    }
    const auto sizeValue = numberOption(parser, size.names().first(), &exitCode);
    if (exitCode != kExitOk)
        return exitCode;

    QObject owner;
    const auto opened = openVm(ctx, parser.value(vm), &owner, &exitCode);
    if (!opened)
        return exitCode;
    const VmEditContext &ectx = opened->ctx;
    if (!checkArchKnown(ectx))
        return kExitRefused;
    const QString kindId = parser.value(kind);
    const QStringList kinds = knownKinds(ectx);
    if (!kinds.contains(kindId)) {
        printError(CliText::tr("--kind %1: Crossvirt adds no such device; give one of %2")
                       .arg(kindId, kinds.join(u", "_s)));
        return kExitRefused;
    }

    models::AddDeviceRequest request;
    request.kind = kindId;
    request.model = parser.value(model);
    request.pool = parser.value(pool);
    request.volume = parser.value(volume);
    request.newVolumeGiB = sizeValue.value_or(0);
    if (parser.isSet(format))
        request.format = parser.value(format);
    request.path = parser.value(path);
    request.bridge = parser.isSet(bridge);
    request.network = request.bridge ? parser.value(bridge) : parser.value(network);
    request.mac = parser.value(mac);
    if (parser.isSet(listen))
        request.listen = parser.value(listen);
    request.hostDevice = parser.value(hostDevice);
    if (kindId == QLatin1StringView(arch::HardwareKind::Nic) && request.network.isEmpty()) {
        // The same default network as the New VM dialog.
        try {
            request.network =
                models::ProvisioningDefaults::network(await(models::fetchStorage(opened->session)));
        } catch (...) {
            printError(models::errorText(std::current_exception()));
            return kExitHostFailed;
        }
        if (request.network.isEmpty()) {
            printError(CliText::tr("add-device: %1 has no libvirt network to put the NIC on; "
                                   "give --bridge BRIDGE (a host bridge) or define a network")
                           .arg(opened->session->uri()));
            return kExitRefused;
        }
    }
    if (request.newVolumeGiB > 0 && request.pool.isEmpty()) {
        // The same default pool as attach-disk and the New VM dialog.
        try {
            request.pool =
                models::ProvisioningDefaults::pool(await(models::fetchStorage(opened->session)));
        } catch (...) {
            printError(models::errorText(std::current_exception()));
            return kExitHostFailed;
        }
    }

    const EditScope scope = scopeOf(parser);
    const EditPlan plan = models::planAddDevice(ectx, request, scope);
    const QSet<QString> before = deviceKeys(ectx.inactive) + deviceKeys(ectx.live);
    return applyAndReport(*opened, plan, [&](const VmEditContext &after, QJsonObject *out) {
        // The device as the host named it (its target, MAC), not what was asked for.
        QJsonArray added;
        for (const VmConfig *config : {&after.inactive, &after.live}) {
            for (const VmDevice &d : config->devices) {
                if (!before.contains(deviceKey(d)) && !added.contains(deviceJson(d)))
                    added.append(deviceJson(d));
            }
        }
        out->insert(u"added"_s, added);
    });
}

// ---- remove-device -----------------------------------------------------------------------

int runRemoveDeviceCommand(const CliContext &ctx)
{
    QCommandLineParser parser;
    const QCommandLineOption vm = vmOption();
    const QCommandLineOption kind(u"kind"_s,
                                  CliText::tr("The kind of the device: disk, cdrom, nic, "
                                              "console, graphics, video, controller, ..."),
                                  u"KIND"_s);
    const QCommandLineOption id(
        u"id"_s,
        CliText::tr("The device: a disk's or CD-ROM's target (vda, sdb), a NIC's MAC, else its "
                    "id as `dumpxml` and `edit`'s JSON list it (video0, serial0)."),
        u"TARGET_OR_MAC"_s);
    parser.addOptions({vm, kind, id, liveOption(), configOption()});
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, ctx, &exitCode))
        return exitCode;
    if (parser.isSet(vm) && (!parser.isSet(kind) || !parser.isSet(id))) {
        printError(CliText::tr("remove-device: give the device with --kind KIND --id ID"));
        return kExitUsage;
    }

    QObject owner;
    const auto opened = openVm(ctx, parser.value(vm), &owner, &exitCode);
    if (!opened)
        return exitCode;
    const VmEditContext &ectx = opened->ctx;
    const QString kindId = parser.value(kind);
    const QString deviceId = parser.value(id);
    // A device added live only is in the live definition, not the inactive one.
    const VmDevice *device = ectx.inactive.device(deviceId);
    if (!device && ectx.running())
        device = ectx.live.device(deviceId);
    if (!device || device->kind != kindId) {
        const VmConfig &config = ectx.running() ? ectx.live : ectx.inactive;
        QStringList ofKind;
        for (const VmDevice &d : config.devicesOf(kindId))
            ofKind << d.id;
        if (ofKind.isEmpty()) {
            QStringList kinds;
            for (const VmDevice &d : config.devices) {
                if (!kinds.contains(d.kind))
                    kinds << d.kind;
            }
            printError(CliText::tr("--kind %1: “%2” has no device of that kind (its kinds: %3)")
                           .arg(kindId, config.name, kinds.join(u", "_s)));
        } else if (device) {
            printError(CliText::tr("--id %1 is a %2, not a %3 (%3 devices of “%4”: %5)")
                           .arg(deviceId, device->kind, kindId, config.name, ofKind.join(u", "_s)));
        } else {
            printError(CliText::tr("--id %1: “%2” has no such %3 (its %3 devices: %4)")
                           .arg(deviceId, config.name, kindId, ofKind.join(u", "_s)));
        }
        return kExitRefused;
    }
    const VmDevice removed = *device;

    const EditScope scope = scopeOf(parser);
    const EditPlan plan = models::planRemoveDevice(ectx, removed.id, scope);
    return applyAndReport(*opened, plan, [&](const VmEditContext &, QJsonObject *out) {
        out->insert(u"removed"_s, deviceJson(removed));
    });
}

// ---- change-media ------------------------------------------------------------------------

/// --iso: a path ("/..."), POOL/VOLUME, or a volume name found in exactly one pool.
/// Empty with a message when the name is in no pool or in several.
QString mediaSource(HostSession *session, const QString &value, int *exitCode)
{
    if (value.startsWith(u'/') || value.contains(u'/'))
        return value;
    models::StorageSnapshot storage;
    try {
        storage = await(models::fetchStorage(session));
    } catch (...) {
        printError(models::errorText(std::current_exception()));
        *exitCode = kExitHostFailed;
        return {};
    }
    QStringList pools;
    for (const models::PoolContents &p : std::as_const(storage.pools)) {
        if (p.volume(value))
            pools << p.info.name;
    }
    *exitCode = kExitRefused;
    if (pools.isEmpty()) {
        printError(CliText::tr("--iso %1: no pool of %2 has such a volume (give POOL/VOLUME or "
                               "a path)")
                       .arg(value, session->uri()));
        return {};
    }
    if (pools.size() > 1) {
        printError(CliText::tr("--iso %1: the pools %2 all have it; give POOL/VOLUME")
                       .arg(value, pools.join(u", "_s)));
        return {};
    }
    *exitCode = kExitOk;
    return pools.first() + u'/' + value;
}

int runChangeMediaCommand(const CliContext &ctx)
{
    QCommandLineParser parser;
    const QCommandLineOption vm = vmOption();
    const QCommandLineOption target(u"target"_s, CliText::tr("The CD-ROM's target (sda, hdc)."),
                                    u"TARGET"_s);
    const QCommandLineOption iso(
        u"iso"_s,
        CliText::tr("The medium to insert: a volume (POOL/VOLUME, or a name only one pool "
                    "has) or a path on the host."),
        u"VOL_OR_PATH"_s);
    const QCommandLineOption eject(u"eject"_s, CliText::tr("Take the medium out."));
    parser.addOptions({vm, target, iso, eject, liveOption(), configOption()});
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, ctx, &exitCode))
        return exitCode;
    if (parser.isSet(vm) && (!parser.isSet(target) || parser.isSet(iso) == parser.isSet(eject))) {
        printError(CliText::tr("change-media: give --target T and one of --iso VOL_OR_PATH and "
                               "--eject"));
        return kExitUsage;
    }

    QObject owner;
    const auto opened = openVm(ctx, parser.value(vm), &owner, &exitCode);
    if (!opened)
        return exitCode;
    const VmEditContext &ectx = opened->ctx;
    const QString targetId = parser.value(target);
    const VmConfig &config = ectx.running() ? ectx.live : ectx.inactive;
    const VmDevice *cdrom = config.device(targetId);
    if (!cdrom || cdrom->kind != "cdrom"_L1) {
        QStringList cdroms;
        for (const VmDevice &d : config.devicesOf(u"cdrom"_s))
            cdroms << d.id;
        printError(CliText::tr("--target %1: “%2” has no CD-ROM %1 (its CD-ROMs: %3)")
                       .arg(targetId, config.name,
                            cdroms.isEmpty() ? CliText::tr("none") : cdroms.join(u", "_s)));
        return kExitRefused;
    }
    QString source;
    if (parser.isSet(iso)) {
        source = mediaSource(opened->session, parser.value(iso), &exitCode);
        if (source.isEmpty())
            return exitCode;
    }

    const EditScope scope = scopeOf(parser);
    const EditPlan plan = models::planChangeMedia(ectx, targetId, source, scope);
    return applyAndReport(*opened, plan);
}

// ---- dumpxml -----------------------------------------------------------------------------

int runDumpXmlCommand(const CliContext &ctx)
{
    QCommandLineParser parser;
    const QCommandLineOption vm = vmOption();
    const QCommandLineOption inactive(
        u"inactive"_s,
        CliText::tr("The persistent definition (what the next boot uses) of a running VM."));
    parser.addOptions({vm, inactive});
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, ctx, &exitCode))
        return exitCode;
    QObject owner;
    const auto opened = openVm(ctx, parser.value(vm), &owner, &exitCode);
    if (!opened)
        return exitCode;
    const VmEditContext &ectx = opened->ctx;
    QString xml = parser.isSet(inactive) || !ectx.running() ? ectx.inactiveXml : ectx.liveXml;
    if (!xml.endsWith(u'\n'))
        xml += u'\n';
    const QByteArray bytes = xml.toUtf8();
    fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    fflush(stdout);
    return kExitOk;
}

} // namespace

QList<CliCommand> editCliCommands()
{
    return {
        {"edit",
         QT_TRANSLATE_NOOP("cli",
                           "Change a VM's name, vCPUs, memory, CPU, boot order, autostart, title "
                           "(--vm, --live, --config)"),
         runEditCommand},
        {"add-device",
         QT_TRANSLATE_NOOP("cli", "Add a device to a VM (--vm, --kind disk|cdrom|nic|...), "
                                  "hot-plugged where the arch allows"),
         runAddDeviceCommand},
        {"remove-device",
         QT_TRANSLATE_NOOP("cli", "Remove a device from a VM (--vm, --kind, --id TARGET_OR_MAC)"),
         runRemoveDeviceCommand},
        {"change-media",
         QT_TRANSLATE_NOOP("cli", "Insert or eject a CD-ROM's medium (--vm, --target, --iso or "
                                  "--eject)"),
         runChangeMediaCommand},
        {"dumpxml",
         QT_TRANSLATE_NOOP("cli", "Print a VM's domain XML (--vm; --inactive: the definition)"),
         runDumpXmlCommand},
    };
}

} // namespace crossvirt::cli
