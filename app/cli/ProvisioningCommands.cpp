#include "app/cli/ProvisioningCommands.h"

#include "app/cli/TemplateCommands.h"

#include "arch/ArchRegistry.h"

#include "models/connection/HostSession.h"
#include "models/osinfo/OsCatalogue.h"
#include "models/provisioning/ProvisioningCore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace crossvirt::cli {

using models::ConnectionState;
using models::HostSession;

namespace {

QJsonObject choiceJson(const arch::Choice &c)
{
    QJsonObject o{{u"id"_s, c.id}, {u"label"_s, c.label}};
    if (!c.offered)
        o.insert(u"reason"_s, c.reason);
    return o;
}

QJsonObject listJson(const arch::ChoiceList &list)
{
    QJsonArray offered;
    QJsonArray withheld;
    for (const arch::Choice &c : list) {
        if (c.offered)
            offered.append(choiceJson(c));
        else
            withheld.append(choiceJson(c));
    }
    return QJsonObject{
        {u"offered"_s, offered}, {u"withheld"_s, withheld}, {u"default"_s, list.firstOffered()}};
}

QString executionName(arch::Execution e)
{
    switch (e) {
    case arch::Execution::Native:
        return u"native"_s;
    case arch::Execution::Emulated:
        return u"emulated"_s;
    case arch::Execution::Unable:
        break;
    }
    return u"unable"_s;
}

QJsonObject cpuJson(const arch::CpuChoice &cpu)
{
    QJsonObject o{{u"mode"_s, cpu.mode == arch::CpuMode::Default ? u"default"_s
                                                                 : arch::cpuModeName(cpu.mode)}};
    if (!cpu.model.isEmpty())
        o.insert(u"model"_s, cpu.model);
    return o;
}

std::shared_ptr<const models::OsCatalogue> catalogue()
{
    return await(models::OsCatalogue::loadAsync());
}

QJsonObject choicesJson(const models::GuestHostContext &host, const models::GuestChoices &c,
                        const models::OsCatalogue *os)
{
    QJsonObject o{{u"host"_s, host.uri},
                  {u"host_arch"_s, host.hostArch},
                  {u"arch"_s, c.arch},
                  {u"machine"_s, c.machine},
                  {u"execution"_s, executionName(c.placement.execution)},
                  {u"virt_type"_s, arch::virtTypeName(c.placement.virtType)},
                  {u"domain_capabilities"_s, c.domainCapsUsed}};
    if (!c.placement.offered)
        o.insert(u"placement_reason"_s, c.placement.reason);
    if (!c.domainCapsUsed) {
        o.insert(
            u"narrowing"_s,
            QCoreApplication::translate(
                "cli", "none: the host has no domain capabilities, the arch policy alone applies"));
        if (!host.domainCapsError.isEmpty())
            o.insert(u"domain_capabilities_error"_s, host.domainCapsError);
    }
    QJsonObject machines = listJson(c.machineTypes);
    machines.insert(u"default"_s, c.defaultMachine);
    o.insert(u"machine_types"_s, machines);
    o.insert(u"disk_interfaces"_s, listJson(c.diskInterfaces));
    o.insert(u"hotplug_disk_interfaces"_s, listJson(c.hotplugDiskInterfaces));
    o.insert(u"cdrom_interfaces"_s, listJson(c.cdromInterfaces));
    o.insert(u"nic_models"_s, listJson(c.nicModels));
    o.insert(u"graphics"_s, listJson(c.graphicsTypes));
    o.insert(u"video"_s, listJson(c.videoModels));
    o.insert(u"consoles"_s, listJson(c.consoleTypes));
    o.insert(u"cpu_modes"_s, listJson(c.cpuModes));
    o.insert(u"cpu_models"_s, listJson(c.cpuModels));
    o.insert(u"cluster_cpu_types"_s, listJson(c.clusterCpuTypes));
    QJsonObject fw = listJson(c.firmware.choices);
    fw.insert(u"default"_s, c.firmware.defaultFirmware);
    fw.insert(u"requires_uefi"_s, c.firmware.requiresUefi);
    if (!c.firmware.problem.isEmpty())
        fw.insert(u"problem"_s, c.firmware.problem);
    o.insert(u"firmware"_s, fw);
    const arch::DefaultDevices &d = c.defaults;
    o.insert(u"defaults"_s, QJsonObject{{u"machine"_s, d.machine},
                                        {u"disk_interface"_s, d.diskInterface},
                                        {u"cdrom_interface"_s, d.cdromInterface},
                                        {u"nic_model"_s, d.nicModel},
                                        {u"graphics"_s, d.graphics},
                                        {u"video"_s, d.video},
                                        {u"console"_s, d.console.consoleTargetType},
                                        {u"usb_controller"_s, d.usbController},
                                        {u"watchdog"_s, d.watchdog},
                                        {u"firmware"_s, d.firmware},
                                        {u"cpu"_s, cpuJson(d.cpu)}});
    o.insert(u"install_methods"_s, listJson(c.installMethods));
    QJsonObject boot = listJson(c.bootDeviceKinds);
    boot.insert(u"max_devices"_s, c.bootOrder.maxDevices);
    if (!c.bootOrder.reason.isEmpty())
        boot.insert(u"limit_reason"_s, c.bootOrder.reason);
    o.insert(u"boot_devices"_s, boot);
    QJsonObject dtb{{u"supported"_s, c.deviceTree.supported}};
    if (!c.deviceTree.supported)
        dtb.insert(u"reason"_s, c.deviceTree.reason);
    o.insert(u"device_tree"_s, dtb);
    QJsonObject consoleArgs;
    for (auto it = c.kernelConsoleArguments.cbegin(); it != c.kernelConsoleArguments.cend(); ++it)
        consoleArgs.insert(it.key(), it.value());
    o.insert(u"kernel_console_arguments"_s, consoleArgs);
    o.insert(u"limits"_s, QJsonObject{{u"max_vcpus"_s, c.limits.maxVcpus},
                                      {u"memory_granularity_mib"_s, c.limits.memoryGranularityMiB},
                                      {u"min_memory_mib"_s, c.limits.minMemoryMiB},
                                      {u"pci_slots"_s, c.limits.pciSlots}});
    if (os) {
        const QList<models::OsEntry> entries = os->forArch(c.arch);
        QJsonArray examples;
        for (const models::OsEntry &e : entries.mid(0, 5))
            examples.append(QJsonObject{{u"id"_s, e.id}, {u"name"_s, e.name}});
        QJsonObject osJson{{u"count"_s, os->count(c.arch)}, {u"examples"_s, examples}};
        if (os->isFallback())
            osJson.insert(u"notice"_s, os->notice());
        o.insert(u"os"_s, osJson);
    }
    return o;
}

} // namespace

int runChoicesCommand(const CliContext &ctx)
{
    QCommandLineParser parser;
    parser.addOption({u"arch"_s,
                      QCoreApplication::translate("cli", "Guest architecture (%1).")
                          .arg(arch::ArchRegistry::instance().archNames().join(u", "_s)),
                      u"ARCH"_s});
    parser.addOption({u"machine"_s,
                      QCoreApplication::translate("cli", "Machine type (default: the arch's)."),
                      u"MACHINE"_s});
    parser.addOption(
        {u"no-emulation"_s, QCoreApplication::translate(
                                "cli", "Do not consider hosts that can only emulate the arch.")});
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, ctx, &exitCode))
        return exitCode;
    const QStringList &uris = ctx.uris;
    const QString archName = parser.value(u"arch"_s);
    if (archName.isEmpty()) {
        printError(QCoreApplication::translate("cli", "--arch is required"));
        return kExitUsage;
    }
    if (!arch::ArchRegistry::instance().find(archName)) {
        printError(QCoreApplication::translate("cli", "unknown architecture %1 (known: %2)")
                       .arg(archName, arch::ArchRegistry::instance().archNames().join(u", "_s)));
        return kExitRefused;
    }
    QObject owner;
    const QList<HostSession *> sessions = openHosts(uris, ctx.timeoutSeconds, &owner);
    const auto os = catalogue();
    QJsonArray out;
    int failures = 0;
    for (HostSession *s : sessions) {
        const QString error = hostError(s);
        if (!error.isEmpty()) {
            printError(QCoreApplication::translate("cli", "%1: %2").arg(s->uri(), error));
            out.append(QJsonObject{{u"host"_s, s->uri()}, {u"error"_s, error}});
            ++failures;
            continue;
        }
        models::HostChoicesProvider provider(s);
        try {
            const models::GuestHostContext host = await(provider.guestContext(
                archName, parser.value(u"machine"_s), !parser.isSet(u"no-emulation"_s)));
            const auto choices = models::computeGuestChoices(host);
            out.append(choicesJson(host, *choices, os.get()));
        } catch (...) {
            printError(QCoreApplication::translate("cli", "%1: %2")
                           .arg(s->uri(), models::errorText(std::current_exception())));
            ++failures;
        }
    }
    if (out.size() == 1)
        printJson(out.first());
    else
        printJson(out);
    return failures ? kExitHostFailed : kExitOk;
}

namespace {

void printProblems(const QList<models::ValidationProblem> &problems)
{
    for (const models::ValidationProblem &p : problems)
        printError(QCoreApplication::translate("cli", "%1: %2").arg(p.field, p.message));
}

/// The option's value as a positive-or-not integer; *ok false when it is no number.
qint64 number(const QCommandLineParser &parser, const QString &name, qint64 fallback, bool *ok)
{
    if (!parser.isSet(name))
        return fallback;
    bool good = false;
    const qint64 v = parser.value(name).toLongLong(&good);
    if (!good) {
        printError(QCoreApplication::translate("cli", "--%1 needs a whole number, not “%2”")
                       .arg(name, parser.value(name)));
        *ok = false;
    }
    return v;
}

} // namespace

int runCreateCommand(const CliContext &ctx)
{
    QCommandLineParser parser;
    parser.addOption(
        {u"name"_s, QCoreApplication::translate("cli", "Name of the new VM."), u"NAME"_s});
    parser.addOption(
        {u"arch"_s, QCoreApplication::translate("cli", "Guest architecture."), u"ARCH"_s});
    parser.addOption(
        {u"machine"_s, QCoreApplication::translate("cli", "Machine type."), u"MACHINE"_s});
    parser.addOption(
        {u"os"_s, QCoreApplication::translate("cli", "Guest OS (osinfo short-id, e.g. rhel9.0)."),
         u"ID"_s});
    parser.addOption({u"memory"_s, QCoreApplication::translate("cli", "Memory in MiB."), u"MIB"_s});
    parser.addOption({u"vcpus"_s, QCoreApplication::translate("cli", "Virtual CPUs."), u"N"_s});
    parser.addOption({u"disk-size"_s,
                      QCoreApplication::translate("cli", "Size of a new disk volume in GiB."),
                      u"GIB"_s});
    parser.addOption({u"pool"_s,
                      QCoreApplication::translate("cli", "Storage pool of the new disk."),
                      u"POOL"_s});
    parser.addOption({u"format"_s,
                      QCoreApplication::translate("cli", "Disk format: qcow2 (default) or raw."),
                      u"FORMAT"_s});
    parser.addOption(
        {u"disk-bus"_s,
         QCoreApplication::translate("cli", "Disk interface (the ids `choices --arch A` offers)."),
         u"BUS"_s});
    parser.addOption(
        {u"cdrom"_s, QCoreApplication::translate("cli", "ISO volume for a CD-ROM, as POOL/VOLUME."),
         u"POOL/VOLUME"_s});
    parser.addOption(
        {u"cdrom-bus"_s, QCoreApplication::translate("cli", "CD-ROM interface."), u"BUS"_s});
    parser.addOption(
        {u"nic-model"_s, QCoreApplication::translate("cli", "Network card model."), u"MODEL"_s});
    parser.addOption({u"network"_s,
                      QCoreApplication::translate("cli", "libvirt network of the network card."),
                      u"NET"_s});
    parser.addOption({u"no-nic"_s, QCoreApplication::translate("cli", "No network card.")});
    parser.addOption({u"graphics"_s,
                      QCoreApplication::translate("cli", "Display: vnc, spice or none."),
                      u"TYPE"_s});
    parser.addOption({u"video"_s, QCoreApplication::translate("cli", "Video model."), u"MODEL"_s});
    parser.addOption(
        {u"console"_s,
         QCoreApplication::translate(
             "cli", "Console type (the ids `choices --arch A` offers; default: the arch's)."),
         u"TYPE"_s});
    parser.addOption(
        {u"kernel"_s,
         QCoreApplication::translate(
             "cli", "Direct kernel boot: the kernel, a path on the VM's host (a pool volume's "
                    "path works)."),
         u"PATH"_s});
    parser.addOption({u"initrd"_s,
                      QCoreApplication::translate(
                          "cli", "Initial ramdisk for --kernel, a path on the VM's host."),
                      u"PATH"_s});
    parser.addOption(
        {u"cmdline"_s,
         QCoreApplication::translate(
             "cli", "Kernel arguments for --kernel (default: the arch's console argument for the "
                    "chosen console, e.g. console=ttyS0)."),
         u"ARGS"_s});
    parser.addOption({u"dtb"_s,
                      QCoreApplication::translate(
                          "cli", "Device tree for --kernel (only for arches whose kernels take "
                                 "one; `choices` says which)."),
                      u"PATH"_s});
    parser.addOption({u"import-volume"_s,
                      QCoreApplication::translate(
                          "cli", "Import: boot an existing volume as the disk, as POOL/VOLUME."),
                      u"POOL/VOLUME"_s});
    parser.addOption(
        {u"network-boot"_s, QCoreApplication::translate(
                                "cli", "Install by network boot (PXE) from the network card.")});
    parser.addOption(
        {u"boot"_s,
         QCoreApplication::translate(
             "cli", "Boot order, comma separated: hd (or disk), cdrom, network (default: the "
                    "arch's for the install method)."),
         u"LIST"_s});
    parser.addOption(
        {u"no-emulation"_s,
         QCoreApplication::translate("cli", "Refuse a host that can only emulate the arch.")});
    parser.addOption(
        {u"start"_s, QCoreApplication::translate("cli", "Start the VM once it is defined.")});
    parser.addOption({u"dry-run"_s, QCoreApplication::translate(
                                        "cli", "Print the domain XML and change nothing.")});
    parser.addOptions(createFromTemplateOptions());
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, ctx, &exitCode))
        return exitCode;
    if (const auto fromTemplate = runCreateFromTemplateIfAsked(parser, ctx))
        return *fromTemplate;
    const QStringList &uris = ctx.uris;
    const QString archName = parser.value(u"arch"_s);
    if (archName.isEmpty() || !parser.isSet(u"name"_s)) {
        printError(QCoreApplication::translate("cli", "--name and --arch are required"));
        return kExitUsage;
    }
    const arch::ArchModel *model = arch::ArchRegistry::instance().find(archName);
    if (!model) {
        printError(QCoreApplication::translate("cli", "unknown architecture %1").arg(archName));
        return kExitRefused;
    }
    bool ok = true;
    const qint64 memory = number(parser, u"memory"_s, 0, &ok);
    const qint64 vcpus = number(parser, u"vcpus"_s, 0, &ok);
    const qint64 diskSize = number(parser, u"disk-size"_s, 0, &ok);
    if (!ok)
        return kExitUsage;

    QObject owner;
    HostSession *session = openOne(uris, ctx.timeoutSeconds, &owner, &exitCode);
    if (!session)
        return exitCode;
    models::HostChoicesProvider provider(session);
    models::GuestHostContext host;
    models::StorageSnapshot storage;
    try {
        host = await(provider.guestContext(archName, parser.value(u"machine"_s),
                                           !parser.isSet(u"no-emulation"_s)));
        storage = await(models::fetchStorage(session));
    } catch (...) {
        printError(models::errorText(std::current_exception()));
        return kExitHostFailed;
    }
    if (!host.placement.offered) {
        printError(host.placement.reason);
        return kExitRefused;
    }
    std::optional<models::OsChoice> osChoice;
    if (parser.isSet(u"os"_s)) {
        const auto os = catalogue();
        const auto entry = os->find(parser.value(u"os"_s));
        if (!entry) {
            printError(QCoreApplication::translate("cli", "os: osinfo knows no OS “%1”")
                           .arg(parser.value(u"os"_s)));
            return kExitRefused;
        }
        if (!entry->arches.contains(archName)) {
            printError(QCoreApplication::translate("cli", "os: %1 does not run on %2 guests")
                           .arg(entry->name, archName));
            return kExitRefused;
        }
        osChoice = models::OsChoice::of(*entry, archName);
    }
    // The core's spec (the wizard starts from the same one), with the options on top.
    models::VmSpec spec = models::defaultVmSpec(host, storage, osChoice);
    spec.name = parser.value(u"name"_s);
    if (parser.isSet(u"memory"_s))
        spec.memoryMiB = memory;
    if (parser.isSet(u"vcpus"_s))
        spec.vcpus = int(std::clamp<qint64>(vcpus, -1, qint64(1) << 20));
    if (parser.isSet(u"disk-size"_s)) {
        spec.storage.kind = models::StorageKind::NewVolume;
        if (parser.isSet(u"pool"_s))
            spec.storage.pool = parser.value(u"pool"_s);
        spec.storage.sizeGiB = diskSize;
        if (parser.isSet(u"format"_s))
            spec.storage.format = parser.value(u"format"_s);
        if (parser.isSet(u"disk-bus"_s))
            spec.diskInterface = parser.value(u"disk-bus"_s);
    } else if (parser.isSet(u"pool"_s)) {
        printError(QCoreApplication::translate("cli", "--pool needs --disk-size"));
        return kExitUsage;
    } else {
        // No --disk-size: no disk (a script asks for one).
        spec.storage = models::StorageSpec{};
        spec.diskInterface.clear();
    }
    const arch::ArchModel &archModel = *model;
    const arch::GuestContext gctx = host.context();
    {
        // One install method at most; its options only with it.
        const int methods = int(parser.isSet(u"kernel"_s)) + int(parser.isSet(u"import-volume"_s)) +
                            int(parser.isSet(u"network-boot"_s));
        if (methods > 1) {
            printError(QCoreApplication::translate(
                "cli", "give only one of --kernel, --import-volume and --network-boot"));
            return kExitUsage;
        }
        for (const QString &option : {u"initrd"_s, u"cmdline"_s, u"dtb"_s}) {
            if (parser.isSet(option) && !parser.isSet(u"kernel"_s)) {
                printError(QCoreApplication::translate("cli", "--%1 needs --kernel").arg(option));
                return kExitUsage;
            }
        }
        if (parser.isSet(u"import-volume"_s) && parser.isSet(u"disk-size"_s)) {
            printError(QCoreApplication::translate(
                "cli", "--import-volume uses an existing volume: it takes no --disk-size"));
            return kExitUsage;
        }
    }
    if (parser.isSet(u"console"_s))
        spec.console = parser.value(u"console"_s);
    if (parser.isSet(u"kernel"_s)) {
        spec.install = models::InstallMethod::KernelBoot;
        spec.kernelBoot.kernel = parser.value(u"kernel"_s);
        spec.kernelBoot.initrd = parser.value(u"initrd"_s);
        spec.kernelBoot.dtb = parser.value(u"dtb"_s);
        spec.kernelBoot.cmdline = parser.isSet(u"cmdline"_s)
                                      ? parser.value(u"cmdline"_s)
                                      : models::defaultKernelArguments(host, spec.console);
    } else if (parser.isSet(u"import-volume"_s)) {
        const QString v = parser.value(u"import-volume"_s);
        const qsizetype slash = v.indexOf(u'/');
        if (slash <= 0) {
            printError(QCoreApplication::translate("cli", "--import-volume takes POOL/VOLUME"));
            return kExitUsage;
        }
        spec.install = models::InstallMethod::ImportDisk;
        spec.storage.kind = models::StorageKind::ExistingVolume;
        spec.storage.pool = v.left(slash);
        spec.storage.volume = v.mid(slash + 1);
        spec.storage.sizeGiB = 0;
        const models::PoolContents *pool = storage.pool(spec.storage.pool);
        const models::VolumeInfo *vol = pool ? pool->volume(spec.storage.volume) : nullptr;
        spec.storage.format = vol && !vol->format.isEmpty() ? vol->format : u"raw"_s;
        spec.diskInterface = parser.isSet(u"disk-bus"_s)
                                 ? parser.value(u"disk-bus"_s)
                                 : archModel.defaultDevices(gctx).diskInterface;
    } else if (parser.isSet(u"network-boot"_s)) {
        spec.install = models::InstallMethod::Network;
    }
    if (parser.isSet(u"boot"_s)) {
        spec.bootOrder.clear();
        for (const QString &entry : parser.value(u"boot"_s).split(u',', Qt::SkipEmptyParts)) {
            const QString kind = entry.trimmed();
            spec.bootOrder << (kind == "disk"_L1 ? u"hd"_s : kind);
        }
    }
    if (parser.isSet(u"cdrom"_s)) {
        const QString v = parser.value(u"cdrom"_s);
        const qsizetype slash = v.indexOf(u'/');
        if (slash <= 0) {
            printError(QCoreApplication::translate("cli", "--cdrom takes POOL/VOLUME"));
            return kExitUsage;
        }
        spec.cdrom = models::CdromSpec{v.left(slash), v.mid(slash + 1),
                                       parser.isSet(u"cdrom-bus"_s)
                                           ? parser.value(u"cdrom-bus"_s)
                                           : archModel.defaultDevices(gctx).cdromInterface};
    }
    if (parser.isSet(u"no-nic"_s)) {
        spec.nic.reset();
    } else if (spec.nic) {
        if (parser.isSet(u"network"_s))
            spec.nic->network = parser.value(u"network"_s);
        if (parser.isSet(u"nic-model"_s))
            spec.nic->model = parser.value(u"nic-model"_s);
        if (spec.nic->network.isEmpty() && !parser.isSet(u"nic-model"_s))
            spec.nic.reset(); // the host has no network to put it on
    }
    if (parser.isSet(u"graphics"_s))
        spec.graphics = parser.value(u"graphics"_s);
    if (parser.isSet(u"video"_s))
        spec.video = parser.value(u"video"_s);
    // --graphics none without --video: no video card either, when the arch allows it.
    if (parser.isSet(u"graphics"_s) && spec.graphics == "none"_L1 && !parser.isSet(u"video"_s) &&
        archModel.videoModels(gctx).offers(u"none"_s))
        spec.video = u"none"_s;
    spec.startAfterCreate = parser.isSet(u"start"_s);

    const QList<models::ValidationProblem> problems = models::validateVmSpec(spec, host, &storage);
    if (!problems.isEmpty()) {
        printProblems(problems);
        return kExitRefused;
    }
    QString error;
    const auto plan = models::planCreateVm(spec, host, &error);
    if (!plan) {
        printError(error);
        return kExitRefused;
    }
    QJsonObject out{{u"host"_s, session->uri()},
                    {u"name"_s, spec.name},
                    {u"arch"_s, spec.arch},
                    {u"machine"_s, spec.machine},
                    {u"execution"_s, executionName(host.placement.execution)},
                    {u"virt_type"_s, arch::virtTypeName(spec.virtType)}};
    if (plan->volume)
        out.insert(u"volume"_s,
                   QJsonObject{{u"pool"_s, plan->volume->pool},
                               {u"name"_s, plan->volume->name},
                               {u"capacity_bytes"_s, double(plan->volume->capacityBytes)}});
    out.insert(u"install"_s, models::installMethodId(spec.install));
    if (spec.install == models::InstallMethod::KernelBoot) {
        QJsonObject kernel{{u"kernel"_s, spec.kernelBoot.kernel},
                           {u"cmdline"_s, spec.kernelBoot.cmdline}};
        if (!spec.kernelBoot.initrd.isEmpty())
            kernel.insert(u"initrd"_s, spec.kernelBoot.initrd);
        if (!spec.kernelBoot.dtb.isEmpty())
            kernel.insert(u"dtb"_s, spec.kernelBoot.dtb);
        out.insert(u"kernel_boot"_s, kernel);
    }
    if (!spec.bootOrder.isEmpty())
        out.insert(u"boot_order"_s, QJsonArray::fromStringList(spec.bootOrder));
    if (parser.isSet(u"dry-run"_s)) {
        out.insert(u"dry_run"_s, true);
        out.insert(u"domain_xml"_s, plan->domainXml);
        printJson(out);
        return kExitOk;
    }
    try {
        const models::CreatedVm vm = await(models::createVm(session, *plan));
        out.insert(u"uuid"_s, vm.uuid);
        out.insert(u"started"_s, vm.started);
    } catch (...) {
        printError(models::errorText(std::current_exception()));
        return kExitHostFailed;
    }
    printJson(out);
    return kExitOk;
}

int runAttachDiskCommand(const CliContext &ctx)
{
    QCommandLineParser parser;
    parser.addOption({u"vm"_s, QCoreApplication::translate("cli", "Name of the VM."), u"NAME"_s});
    parser.addOption(
        {u"size"_s, QCoreApplication::translate("cli", "Size of the new disk in GiB."), u"GIB"_s});
    parser.addOption({u"bus"_s,
                      QCoreApplication::translate("cli", "Disk interface (default: the arch's)."),
                      u"BUS"_s});
    parser.addOption({u"pool"_s,
                      QCoreApplication::translate(
                          "cli", "Storage pool (default: 'default' or the first active)."),
                      u"POOL"_s});
    parser.addOption(
        {u"format"_s, QCoreApplication::translate("cli", "qcow2 (default) or raw."), u"FORMAT"_s});
    parser.addOption(
        {u"volume"_s,
         QCoreApplication::translate("cli", "Name of the new volume (default: <vm>-diskN)."),
         u"NAME"_s});
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, ctx, &exitCode))
        return exitCode;
    const QStringList &uris = ctx.uris;
    if (!parser.isSet(u"vm"_s) || !parser.isSet(u"size"_s)) {
        printError(QCoreApplication::translate("cli", "--vm and --size are required"));
        return kExitUsage;
    }
    bool ok = true;
    const qint64 size = number(parser, u"size"_s, 0, &ok);
    if (!ok)
        return kExitUsage;
    QObject owner;
    HostSession *session = openOne(uris, ctx.timeoutSeconds, &owner, &exitCode);
    if (!session)
        return exitCode;
    std::optional<models::DomainSummary> vm;
    for (const models::DomainSummary &d : session->domains()) {
        if (d.name == parser.value(u"vm"_s))
            vm = d;
    }
    if (!vm) {
        printError(QCoreApplication::translate("cli", "vm: there is no virtual machine “%1” on %2")
                       .arg(parser.value(u"vm"_s), session->uri()));
        return kExitRefused;
    }
    const arch::ArchModel *model = arch::ArchRegistry::instance().find(vm->arch);
    if (!model) {
        printError(
            QCoreApplication::translate("cli", "vm: Crossvirt does not know the architecture “%1”")
                .arg(vm->arch));
        return kExitRefused;
    }
    models::StorageSnapshot storage;
    try {
        storage = await(models::fetchStorage(session));
    } catch (...) {
        printError(models::errorText(std::current_exception()));
        return kExitHostFailed;
    }
    arch::GuestContext gctx;
    gctx.arch = vm->arch;
    gctx.machine = vm->machine;
    gctx.virtType = arch::virtTypeFromName(vm->domainType).value_or(arch::VirtType::Kvm);
    gctx.running = models::isActive(vm->state);
    models::AttachDiskSpec spec;
    spec.vmName = vm->name;
    spec.pool = parser.isSet(u"pool"_s) ? parser.value(u"pool"_s)
                                        : models::ProvisioningDefaults::pool(storage);
    spec.volume = parser.value(u"volume"_s);
    spec.sizeGiB = size;
    if (parser.isSet(u"format"_s))
        spec.format = parser.value(u"format"_s);
    if (parser.isSet(u"bus"_s)) {
        spec.interfaceId = parser.value(u"bus"_s);
    } else {
        const arch::ChoiceList offered = model->diskInterfaces(gctx);
        const QString preferred = model->defaultDevices(gctx).diskInterface;
        spec.interfaceId = offered.offers(preferred) ? preferred : offered.firstOffered();
    }
    const auto problems =
        models::VmSpecValidator::validate(spec, *model, gctx, models::ValidationHost{0, &storage});
    if (!problems.isEmpty()) {
        printProblems(problems);
        return kExitRefused;
    }
    try {
        const models::AttachedDisk a = await(models::attachDisk(session, spec));
        printJson(QJsonObject{{u"host"_s, session->uri()},
                              {u"vm"_s, spec.vmName},
                              {u"target"_s, a.targetDev},
                              {u"bus"_s, a.bus},
                              {u"interface"_s, spec.interfaceId},
                              {u"pool"_s, a.pool},
                              {u"volume"_s, a.volume},
                              {u"live"_s, a.live},
                              {u"controller_added"_s, a.controllerAdded}});
    } catch (...) {
        printError(models::errorText(std::current_exception()));
        return kExitHostFailed;
    }
    return kExitOk;
}

} // namespace crossvirt::cli
