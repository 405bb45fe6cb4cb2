#include "models/provisioning/VmSpecValidator.h"

#include "models/provisioning/NameRules.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace crossvirt::models {

namespace {

void add(QList<ValidationProblem> &out, const QString &field, const QString &message)
{
    out.append(ValidationProblem{field, message});
}

void addAll(QList<ValidationProblem> &out, const QString &field, const QStringList &messages)
{
    for (const QString &m : messages)
        add(out, field, m);
}

/// "X is not offered": the list's own reason when it has one.
void checkChoice(QList<ValidationProblem> &out, const QString &field, const arch::ChoiceList &list,
                 const QString &id, const QString &unknownText)
{
    if (list.offers(id))
        return;
    const QString reason = list.reasonFor(id);
    add(out, field, reason.isEmpty() ? unknownText : reason);
}

QString gib(quint64 bytes)
{
    return QLocale().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeIecFormat);
}

} // namespace

QStringList VmSpecValidator::messagesFor(const QList<ValidationProblem> &problems,
                                         const QString &field)
{
    QStringList out;
    for (const ValidationProblem &p : problems) {
        if (p.field == field)
            out << p.message;
    }
    return out;
}

QList<ValidationProblem> VmSpecValidator::sizeProblems(qint64 sizeGiB, const PoolContents *pool)
{
    QList<ValidationProblem> out;
    if (sizeGiB <= 0) {
        add(out, u"size"_s, tr("The disk size must be more than 0 GiB."));
        return out;
    }
    // floor(available / 1 GiB) < size  <=>  size GiB > available, without overflow.
    if (pool && quint64(sizeGiB) > (pool->info.available >> 30)) {
        add(out, u"size"_s,
            tr("The pool “%1” has only %2 free; the disk needs %3 GiB.")
                .arg(pool->info.name, gib(pool->info.available))
                .arg(sizeGiB));
    }
    return out;
}

namespace {

void checkPoolAndVolume(QList<ValidationProblem> &out, const StorageSpec &storage,
                        const QString &newVolumeName, const ValidationHost &host)
{
    if (storage.pool.isEmpty()) {
        add(out, u"pool"_s, VmSpecValidator::tr("Choose a storage pool for the disk."));
        return;
    }
    const PoolContents *pool = host.storage ? host.storage->pool(storage.pool) : nullptr;
    if (host.storage && !pool) {
        add(out, u"pool"_s,
            VmSpecValidator::tr("There is no storage pool “%1” on this host.").arg(storage.pool));
        return;
    }
    if (pool && !pool->info.active) {
        add(out, u"pool"_s,
            VmSpecValidator::tr("The storage pool “%1” is not active.").arg(storage.pool));
    }
    if (storage.kind == StorageKind::NewVolume) {
        if (storage.format != "qcow2"_L1 && storage.format != "raw"_L1)
            add(out, u"format"_s, VmSpecValidator::tr("The disk format must be qcow2 or raw."));
        addAll(out, u"volume"_s,
               NameRules::volumeNameProblems(newVolumeName,
                                             pool ? pool->volumeNames() : QStringList{}));
        out.append(VmSpecValidator::sizeProblems(storage.sizeGiB, pool));
    } else if (storage.kind == StorageKind::ExistingVolume) {
        if (storage.volume.isEmpty())
            add(out, u"volume"_s, VmSpecValidator::tr("Choose the volume to use as the disk."));
        else if (pool && !pool->volume(storage.volume))
            add(out, u"volume"_s,
                VmSpecValidator::tr("The pool “%1” has no volume “%2”.")
                    .arg(storage.pool, storage.volume));
    }
}

} // namespace

QList<ValidationProblem> VmSpecValidator::validate(const VmSpec &spec, const arch::ArchModel &model,
                                                   const arch::GuestContext &ctx,
                                                   const ValidationHost &host)
{
    QList<ValidationProblem> out;
    addAll(out, u"name"_s,
           NameRules::vmNameProblems(spec.name,
                                     host.storage ? host.storage->domainNames : QStringList{}));

    if (spec.arch != model.name())
        add(out, u"arch"_s,
            tr("The guest architecture “%1” does not match “%2”.").arg(spec.arch, model.name()));
    if (!spec.machine.isEmpty() && model.machineFamily(spec.machine).isEmpty()) {
        add(out, u"machine"_s,
            tr("The machine type “%1” is not one Crossvirt supports for %2 guests.")
                .arg(spec.machine, model.name()));
    }

    const arch::Limits limits = model.limits(ctx);
    if (spec.memoryMiB <= 0) {
        add(out, u"memory"_s, tr("The memory must be more than 0 MiB."));
    } else {
        if (!limits.isValidMemoryMiB(spec.memoryMiB)) {
            if (limits.minMemoryMiB > 0 && spec.memoryMiB < limits.minMemoryMiB) {
                add(out, u"memory"_s,
                    tr("%1 guests need at least %2 MiB of memory.")
                        .arg(model.name())
                        .arg(limits.minMemoryMiB));
            } else {
                add(out, u"memory"_s,
                    tr("Memory of %1 guests must be a multiple of %2 MiB (for example %3 MiB).")
                        .arg(model.name())
                        .arg(limits.memoryGranularityMiB)
                        .arg(limits.alignMemoryMiB(spec.memoryMiB)));
            }
        }
        if (host.hostMemoryKiB > 0 && quint64(spec.memoryMiB) * 1024 > host.hostMemoryKiB) {
            add(out, u"memory"_s,
                tr("The host has only %1 MiB of memory; the guest asks for %2 MiB.")
                    .arg(host.hostMemoryKiB / 1024)
                    .arg(spec.memoryMiB));
        }
    }
    if (spec.vcpus <= 0)
        add(out, u"vcpus"_s, tr("A virtual machine needs at least one virtual CPU."));
    else if (limits.maxVcpus > 0 && spec.vcpus > limits.maxVcpus)
        add(out, u"vcpus"_s,
            tr("%1 guests can have at most %2 virtual CPUs here.")
                .arg(model.name())
                .arg(limits.maxVcpus));

    if (spec.cpu.mode != arch::CpuMode::Default) {
        const QString mode = arch::cpuModeName(spec.cpu.mode);
        checkChoice(out, u"cpu"_s, model.cpuModes(ctx), mode,
                    tr("The CPU mode “%1” is not available for this guest.").arg(mode));
        if (spec.cpu.mode == arch::CpuMode::Custom) {
            if (spec.cpu.model.isEmpty())
                add(out, u"cpu"_s, tr("Choose a CPU model."));
            else
                checkChoice(out, u"cpu"_s, model.cpuModels(ctx), spec.cpu.model,
                            tr("The CPU model “%1” is not available for %2 guests.")
                                .arg(spec.cpu.model, model.name()));
        }
    }

    const arch::FirmwareSpec fw = model.firmware(ctx);
    if (!fw.problem.isEmpty())
        add(out, u"firmware"_s, fw.problem);
    if (spec.firmware == "efi"_L1)
        checkChoice(out, u"firmware"_s, fw.choices, u"efi"_s,
                    tr("UEFI is not available for this guest."));
    else if (fw.requiresUefi)
        add(out, u"firmware"_s, tr("%1 guests need UEFI firmware.").arg(model.name()));

    if (spec.storage.kind != StorageKind::None) {
        checkPoolAndVolume(out, spec.storage, spec.newVolumeName(), host);
        checkChoice(out, u"diskInterface"_s, model.diskInterfaces(ctx), spec.diskInterface,
                    tr("“%1” is not a disk interface for %2 guests.")
                        .arg(spec.diskInterface, model.name()));
    }
    if (spec.cdrom) {
        const CdromSpec &cd = *spec.cdrom;
        if (cd.pool.isEmpty() || cd.volume.isEmpty()) {
            add(out, u"cdrom"_s, tr("Choose the ISO image for the CD-ROM."));
        } else if (host.storage) {
            const PoolContents *pool = host.storage->pool(cd.pool);
            if (!pool || !pool->volume(cd.volume))
                add(out, u"cdrom"_s,
                    tr("There is no volume “%1” in pool “%2”.").arg(cd.volume, cd.pool));
        }
        checkChoice(
            out, u"cdromInterface"_s, model.cdromInterfaces(ctx), cd.interfaceId,
            tr("“%1” is not a CD-ROM interface for %2 guests.").arg(cd.interfaceId, model.name()));
    }
    if (spec.nic) {
        if (spec.nic->network.isEmpty())
            add(out, u"network"_s, tr("Choose the network for the network card."));
        else if (host.storage && !host.storage->networkNames().contains(spec.nic->network))
            add(out, u"network"_s,
                tr("There is no network “%1” on this host.").arg(spec.nic->network));
        checkChoice(out, u"nicModel"_s, model.nicModels(ctx), spec.nic->model,
                    tr("“%1” is not a network card model for %2 guests.")
                        .arg(spec.nic->model, model.name()));
    }
    checkChoice(out, u"graphics"_s, model.graphicsTypes(ctx),
                spec.graphics.isEmpty() ? u"none"_s : spec.graphics,
                tr("“%1” is not a display type for %2 guests.").arg(spec.graphics, model.name()));
    if (!spec.video.isEmpty())
        checkChoice(out, u"video"_s, model.videoModels(ctx), spec.video,
                    tr("“%1” is not a video model for %2 guests.").arg(spec.video, model.name()));
    if (!spec.console.isEmpty())
        checkChoice(
            out, u"console"_s, model.consoleTypes(ctx), spec.console,
            tr("“%1” is not a console type for %2 guests.").arg(spec.console, model.name()));
    checkInstall(out, spec, model, ctx);
    checkExtraDevices(out, spec, model, ctx, host);
    checkBootOrder(out, spec, model, ctx);
    return out;
}

namespace {

bool hasNic(const VmSpec &spec)
{
    return spec.nic.has_value() || !spec.extraNics.isEmpty();
}

bool hasDisk(const VmSpec &spec)
{
    return spec.storage.kind != StorageKind::None || !spec.extraDisks.isEmpty();
}

/// A path on the VM's host: only its form can be checked here (the host may be remote).
void checkHostPath(QList<ValidationProblem> &out, const QString &field, const QString &path,
                   const QString &what)
{
    if (!path.isEmpty() && !path.startsWith(u'/'))
        add(out, field,
            VmSpecValidator::tr("The %1 must be an absolute path on the VM's host, not “%2”.")
                .arg(what, path));
}

} // namespace

void VmSpecValidator::checkInstall(QList<ValidationProblem> &out, const VmSpec &spec,
                                   const arch::ArchModel &model, const arch::GuestContext &ctx)
{
    const QString id = installMethodId(spec.install);
    checkChoice(out, u"install"_s, model.installMethods(ctx), id,
                tr("“%1” is not an install method for %2 guests.").arg(id, model.name()));
    switch (spec.install) {
    case InstallMethod::Cdrom:
        break;
    case InstallMethod::KernelBoot: {
        const KernelBootSpec &k = spec.kernelBoot;
        if (k.kernel.isEmpty())
            add(out, u"kernel"_s, tr("Give the kernel to boot: a path on the VM's host."));
        checkHostPath(out, u"kernel"_s, k.kernel, tr("kernel"));
        checkHostPath(out, u"initrd"_s, k.initrd, tr("initrd"));
        if (!k.dtb.isEmpty()) {
            const arch::Operation dtb = model.deviceTree(ctx);
            if (!dtb.supported)
                add(out, u"dtb"_s, dtb.reason);
            checkHostPath(out, u"dtb"_s, k.dtb, tr("device tree"));
        }
        break;
    }
    case InstallMethod::ImportDisk:
        if (spec.storage.kind != StorageKind::ExistingVolume)
            add(out, u"install"_s,
                tr("Importing boots an existing disk: choose “Use an existing volume” and its "
                   "volume."));
        break;
    case InstallMethod::Network:
        if (!hasNic(spec))
            add(out, u"install"_s, tr("Network boot needs a network card."));
        break;
    }
}

void VmSpecValidator::checkExtraDevices(QList<ValidationProblem> &out, const VmSpec &spec,
                                        const arch::ArchModel &model, const arch::GuestContext &ctx,
                                        const ValidationHost &host)
{
    const arch::ChoiceList interfaces = model.diskInterfaces(ctx);
    QStringList newNames;
    if (spec.storage.kind == StorageKind::NewVolume)
        newNames << spec.newVolumeName();
    QHash<QString, int> perInterface;
    if (spec.storage.kind != StorageKind::None)
        ++perInterface[spec.diskInterface];
    for (qsizetype i = 0; i < spec.extraDisks.size(); ++i) {
        const ExtraDiskSpec &extra = spec.extraDisks[i];
        const QString prefix = tr("Disk %1: ").arg(i + 2);
        if (extra.storage.kind == StorageKind::None) {
            add(out, u"extraDisks"_s, prefix + tr("choose a new or an existing volume."));
            continue;
        }
        ++perInterface[extra.interfaceId];
        QList<ValidationProblem> own;
        const QString name = spec.extraVolumeName(i);
        checkPoolAndVolume(own, extra.storage, name, host);
        checkChoice(
            own, u"extraDisks"_s, interfaces, extra.interfaceId,
            tr("“%1” is not a disk interface for %2 guests.").arg(extra.interfaceId, model.name()));
        if (extra.storage.kind == StorageKind::NewVolume) {
            if (newNames.contains(name))
                add(own, u"extraDisks"_s,
                    tr("Another disk of this VM already gets the volume name “%1”.").arg(name));
            newNames << name;
        }
        for (const ValidationProblem &p : std::as_const(own))
            add(out, u"extraDisks"_s, prefix + p.message);
    }
    if (spec.cdrom)
        ++perInterface[spec.cdrom->interfaceId];
    const arch::Limits limits = model.limits(ctx);
    for (auto it = perInterface.cbegin(); it != perInterface.cend(); ++it) {
        const int max = limits.maxDevices.value(it.key(), 0);
        if (max > 0 && it.value() > max)
            add(out, u"extraDisks"_s,
                tr("%1 guests hold at most %2 %3 devices; this VM has %4.")
                    .arg(model.name())
                    .arg(max)
                    .arg(arch::ArchModel::diskInterfaceLabel(it.key()))
                    .arg(it.value()));
    }

    const arch::ChoiceList nicModels = model.nicModels(ctx);
    for (qsizetype i = 0; i < spec.extraNics.size(); ++i) {
        const NicSpec &nic = spec.extraNics[i];
        const QString prefix = tr("Network card %1: ").arg(i + 2);
        if (nic.network.isEmpty())
            add(out, u"extraNics"_s, prefix + tr("choose its network."));
        else if (host.storage && !host.storage->networkNames().contains(nic.network))
            add(out, u"extraNics"_s,
                prefix + tr("there is no network “%1” on this host.").arg(nic.network));
        QList<ValidationProblem> own;
        checkChoice(
            own, u"extraNics"_s, nicModels, nic.model,
            tr("“%1” is not a network card model for %2 guests.").arg(nic.model, model.name()));
        for (const ValidationProblem &p : std::as_const(own))
            add(out, u"extraNics"_s, prefix + p.message);
    }
}

void VmSpecValidator::checkBootOrder(QList<ValidationProblem> &out, const VmSpec &spec,
                                     const arch::ArchModel &model, const arch::GuestContext &ctx)
{
    if (spec.bootOrder.isEmpty())
        return;
    const arch::ChoiceList kinds = model.bootDeviceKinds(ctx);
    QStringList seen;
    for (const QString &kind : spec.bootOrder) {
        if (!kinds.contains(kind)) {
            add(out, u"bootOrder"_s,
                tr("“%1” is not a boot device; use hd, cdrom or network.").arg(kind));
            continue;
        }
        if (seen.contains(kind)) {
            add(out, u"bootOrder"_s, tr("“%1” is in the boot order twice.").arg(kind));
            continue;
        }
        seen << kind;
        if (!kinds.offers(kind)) {
            add(out, u"bootOrder"_s, kinds.reasonFor(kind));
            continue;
        }
        if (kind == "hd"_L1 && !hasDisk(spec))
            add(out, u"bootOrder"_s, tr("The boot order names a disk, but the VM has none."));
        else if (kind == "cdrom"_L1 && !spec.cdrom)
            add(out, u"bootOrder"_s, tr("The boot order names a CD-ROM, but the VM has none."));
        else if (kind == "network"_L1 && !hasNic(spec))
            add(out, u"bootOrder"_s,
                tr("The boot order names the network, but the VM has no network card."));
    }
    const arch::BootOrderRules rules = model.bootOrderRules(ctx);
    if (rules.maxDevices > 0 && spec.bootOrder.size() > rules.maxDevices)
        add(out, u"bootOrder"_s, rules.reason);
}

QList<ValidationProblem> VmSpecValidator::validate(const AttachDiskSpec &spec,
                                                   const arch::ArchModel &model,
                                                   const arch::GuestContext &ctx,
                                                   const ValidationHost &host)
{
    QList<ValidationProblem> out;
    if (spec.vmName.isEmpty())
        add(out, u"vm"_s, tr("Choose the virtual machine to add the disk to."));
    else if (host.storage && !host.storage->domainNames.contains(spec.vmName))
        add(out, u"vm"_s, tr("There is no virtual machine “%1” on this host.").arg(spec.vmName));
    StorageSpec storage;
    storage.kind = StorageKind::NewVolume;
    storage.pool = spec.pool;
    storage.volume = spec.volume;
    storage.sizeGiB = spec.sizeGiB;
    storage.format = spec.format;
    // A derived name is chosen free in the pool by the job; only a typed one is checked.
    checkPoolAndVolume(out, storage, spec.volume.isEmpty() ? u"disk"_s : spec.volume, host);
    const arch::ChoiceList interfaces = model.diskInterfaces(ctx);
    if (ctx.running && interfaces.contains(spec.interfaceId) &&
        !interfaces.offers(spec.interfaceId)) {
        add(out, u"diskInterface"_s, interfaces.reasonFor(spec.interfaceId));
    } else {
        checkChoice(
            out, u"diskInterface"_s, interfaces, spec.interfaceId,
            tr("“%1” is not a disk interface for %2 guests.").arg(spec.interfaceId, model.name()));
    }
    return out;
}

} // namespace crossvirt::models
