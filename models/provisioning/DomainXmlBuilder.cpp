#include "models/provisioning/DomainXmlBuilder.h"

#include <QSet>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace crossvirt::models {

using arch::ControllerSpec;
using arch::CpuMode;
using arch::DriveAddress;

namespace {

const QString kOsinfoNs = u"http://libosinfo.org/xmlns/libvirt/domain/1.0"_s;

void writeController(QXmlStreamWriter &w, const ControllerSpec &c)
{
    w.writeStartElement(u"controller"_s);
    w.writeAttribute(u"type"_s, c.type);
    w.writeAttribute(u"index"_s, QString::number(c.index));
    if (!c.model.isEmpty())
        w.writeAttribute(u"model"_s, c.model);
    if (!c.addressType.isEmpty()) {
        w.writeEmptyElement(u"address"_s);
        w.writeAttribute(u"type"_s, c.addressType);
        if (c.addressReg != 0)
            w.writeAttribute(u"reg"_s, u"0x"_s + QString::number(c.addressReg, 16));
    }
    w.writeEndElement();
}

void writeDriveAddress(QXmlStreamWriter &w, const std::optional<DriveAddress> &a)
{
    if (!a)
        return;
    w.writeEmptyElement(u"address"_s);
    w.writeAttribute(u"type"_s, u"drive"_s);
    w.writeAttribute(u"controller"_s, QString::number(a->controller));
    w.writeAttribute(u"bus"_s, QString::number(a->bus));
    w.writeAttribute(u"target"_s, QString::number(a->target));
    w.writeAttribute(u"unit"_s, QString::number(a->unit));
}

struct VolumeDisk
{
    QString device; ///< "disk" or "cdrom"
    QString pool;
    QString volume;
    QString format;
    QString targetDev;
    QString bus;
    std::optional<DriveAddress> address;
    int bootOrder = 0;
};

void writeBootOrder(QXmlStreamWriter &w, int order)
{
    if (order <= 0)
        return;
    w.writeEmptyElement(u"boot"_s);
    w.writeAttribute(u"order"_s, QString::number(order));
}

void writeVolumeDisk(QXmlStreamWriter &w, const VolumeDisk &d)
{
    w.writeStartElement(u"disk"_s);
    w.writeAttribute(u"type"_s, u"volume"_s);
    w.writeAttribute(u"device"_s, d.device);
    w.writeEmptyElement(u"driver"_s);
    w.writeAttribute(u"name"_s, u"qemu"_s);
    if (!d.format.isEmpty())
        w.writeAttribute(u"type"_s, d.format);
    w.writeEmptyElement(u"source"_s);
    w.writeAttribute(u"pool"_s, d.pool);
    w.writeAttribute(u"volume"_s, d.volume);
    w.writeEmptyElement(u"target"_s);
    w.writeAttribute(u"dev"_s, d.targetDev);
    w.writeAttribute(u"bus"_s, d.bus);
    if (d.device == "cdrom"_L1)
        w.writeEmptyElement(u"readonly"_s);
    writeBootOrder(w, d.bootOrder);
    writeDriveAddress(w, d.address);
    w.writeEndElement();
}

void writeCpu(QXmlStreamWriter &w, const arch::CpuChoice &cpu)
{
    if (cpu.mode == CpuMode::Default)
        return;
    w.writeStartElement(u"cpu"_s);
    w.writeAttribute(u"mode"_s, arch::cpuModeName(cpu.mode));
    if (cpu.mode == CpuMode::Custom) {
        w.writeAttribute(u"match"_s, u"exact"_s);
        w.writeStartElement(u"model"_s);
        w.writeAttribute(u"fallback"_s, u"forbid"_s);
        w.writeCharacters(cpu.model);
        w.writeEndElement();
    }
    w.writeEndElement();
}

void writeConsole(QXmlStreamWriter &w, const arch::SerialConsoleSpec &s)
{
    if (!s.serialTargetType.isEmpty()) {
        w.writeStartElement(u"serial"_s);
        w.writeAttribute(u"type"_s, u"pty"_s);
        w.writeStartElement(u"target"_s);
        w.writeAttribute(u"type"_s, s.serialTargetType);
        w.writeAttribute(u"port"_s, u"0"_s);
        if (!s.serialTargetModel.isEmpty()) {
            w.writeEmptyElement(u"model"_s);
            w.writeAttribute(u"name"_s, s.serialTargetModel);
        }
        w.writeEndElement(); // target
        w.writeEndElement(); // serial
    }
    w.writeStartElement(u"console"_s);
    w.writeAttribute(u"type"_s, u"pty"_s);
    w.writeEmptyElement(u"target"_s);
    w.writeAttribute(u"type"_s, s.consoleTargetType.isEmpty() ? u"serial"_s : s.consoleTargetType);
    w.writeAttribute(u"port"_s, u"0"_s);
    w.writeEndElement();
}

/// The NICs of `spec` in XML order: `nic`, then the extra ones.
QList<NicSpec> allNics(const VmSpec &spec)
{
    QList<NicSpec> nics;
    if (spec.nic)
        nics << *spec.nic;
    nics << spec.extraNics;
    return nics;
}

/// The user's choices of `spec` as the arch layer's request.
arch::DevicePlanRequest planRequest(const VmSpec &spec)
{
    arch::DevicePlanRequest r;
    r.machine = spec.machine;
    r.virtType = spec.virtType;
    r.firmware = spec.firmware;
    r.cpu = spec.cpu;
    if (spec.storage.kind != StorageKind::None)
        r.diskInterfaces << spec.diskInterface;
    for (const ExtraDiskSpec &extra : spec.extraDisks)
        r.diskInterfaces << extra.interfaceId;
    if (spec.cdrom)
        r.cdromInterfaces << spec.cdrom->interfaceId;
    for (const NicSpec &nic : allNics(spec))
        r.nicModels << nic.model;
    r.graphics = spec.graphics;
    r.video = spec.video;
    r.console = spec.console;
    r.install = installMethodId(spec.install);
    r.bootOrder = spec.bootOrder;
    if (spec.install == InstallMethod::KernelBoot) {
        r.kernel = spec.kernelBoot.kernel;
        r.initrd = spec.kernelBoot.initrd;
        r.cmdline = spec.kernelBoot.cmdline;
        r.dtb = spec.kernelBoot.dtb;
    }
    return r;
}

/// Source of every disk (not cdrom) of `spec`, in the XML order of planRequest().
QList<VolumeDisk> diskSources(const VmSpec &spec)
{
    QList<VolumeDisk> out;
    auto add = [&out](const StorageSpec &storage, const QString &volume) {
        VolumeDisk d;
        d.device = u"disk"_s;
        d.pool = storage.pool;
        d.volume = volume;
        d.format = storage.format;
        out.append(d);
    };
    if (spec.storage.kind != StorageKind::None)
        add(spec.storage, spec.storage.kind == StorageKind::NewVolume ? spec.newVolumeName()
                                                                      : spec.storage.volume);
    for (qsizetype i = 0; i < spec.extraDisks.size(); ++i)
        add(spec.extraDisks[i].storage, spec.extraVolumeName(i));
    return out;
}

} // namespace

QString DomainXmlBuilder::volumeXml(const QString &name, qint64 sizeGiB, const QString &format)
{
    QString xml;
    QXmlStreamWriter w(&xml);
    w.setAutoFormatting(true);
    w.writeStartElement(u"volume"_s);
    w.writeTextElement(u"name"_s, name);
    w.writeStartElement(u"capacity"_s);
    w.writeAttribute(u"unit"_s, u"bytes"_s);
    w.writeCharacters(QString::number(quint64(qMax<qint64>(sizeGiB, 0)) << 30));
    w.writeEndElement();
    // Thin: the pool's free space is checked before creating instead.
    w.writeStartElement(u"allocation"_s);
    w.writeAttribute(u"unit"_s, u"bytes"_s);
    w.writeCharacters(u"0"_s);
    w.writeEndElement();
    w.writeStartElement(u"target"_s);
    w.writeEmptyElement(u"format"_s);
    w.writeAttribute(u"type"_s, format.isEmpty() ? u"qcow2"_s : format);
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndDocument();
    return xml;
}

QString DomainXmlBuilder::domainXml(const VmSpec &spec, const arch::ArchModel &model,
                                    const arch::GuestContext &ctx)
{
    // Every device decision is the arch's; this only writes the plan.
    const arch::DevicePlan plan = model.devicePlan(ctx, planRequest(spec));

    QString xml;
    QXmlStreamWriter w(&xml);
    w.setAutoFormatting(true);
    w.setAutoFormattingIndent(2);
    w.writeStartElement(u"domain"_s);
    w.writeAttribute(u"type"_s, plan.domainType);
    w.writeTextElement(u"name"_s, spec.name);

    if (!spec.osinfoUri.isEmpty()) {
        // Where virt-install records the OS, so every tool knows what the guest runs.
        w.writeStartElement(u"metadata"_s);
        w.writeNamespace(kOsinfoNs, u"libosinfo"_s);
        w.writeStartElement(kOsinfoNs, u"libosinfo"_s);
        w.writeEmptyElement(kOsinfoNs, u"os"_s);
        w.writeAttribute(u"id"_s, spec.osinfoUri);
        w.writeEndElement();
        w.writeEndElement();
    }

    w.writeStartElement(u"memory"_s);
    w.writeAttribute(u"unit"_s, u"MiB"_s);
    w.writeCharacters(QString::number(spec.memoryMiB));
    w.writeEndElement();
    w.writeStartElement(u"currentMemory"_s);
    w.writeAttribute(u"unit"_s, u"MiB"_s);
    w.writeCharacters(QString::number(spec.memoryMiB));
    w.writeEndElement();
    w.writeStartElement(u"vcpu"_s);
    w.writeAttribute(u"placement"_s, u"static"_s);
    w.writeCharacters(QString::number(spec.vcpus));
    w.writeEndElement();

    w.writeStartElement(u"os"_s);
    if (!plan.osFirmware.isEmpty())
        w.writeAttribute(u"firmware"_s, plan.osFirmware);
    w.writeStartElement(u"type"_s);
    w.writeAttribute(u"arch"_s, spec.arch);
    w.writeAttribute(u"machine"_s, plan.machine);
    w.writeCharacters(u"hvm"_s);
    w.writeEndElement();
    if (!plan.firmwareFeaturesOff.isEmpty()) {
        w.writeStartElement(u"firmware"_s);
        for (const QString &feature : plan.firmwareFeaturesOff) {
            w.writeEmptyElement(u"feature"_s);
            w.writeAttribute(u"enabled"_s, u"no"_s);
            w.writeAttribute(u"name"_s, feature);
        }
        w.writeEndElement();
    }
    for (const QString &dev : plan.bootDevices) {
        w.writeEmptyElement(u"boot"_s);
        w.writeAttribute(u"dev"_s, dev);
    }
    if (!plan.kernel.isEmpty()) {
        w.writeTextElement(u"kernel"_s, plan.kernel);
        if (!plan.initrd.isEmpty())
            w.writeTextElement(u"initrd"_s, plan.initrd);
        if (!plan.cmdline.isEmpty())
            w.writeTextElement(u"cmdline"_s, plan.cmdline);
        if (!plan.dtb.isEmpty())
            w.writeTextElement(u"dtb"_s, plan.dtb);
    }
    w.writeEndElement(); // os

    if (!plan.features.isEmpty()) {
        w.writeStartElement(u"features"_s);
        for (const QString &f : plan.features)
            w.writeEmptyElement(f);
        w.writeEndElement();
    }

    writeCpu(w, plan.cpu);
    w.writeEmptyElement(u"clock"_s);
    w.writeAttribute(u"offset"_s, u"utc"_s);
    w.writeTextElement(u"on_poweroff"_s, u"destroy"_s);
    w.writeTextElement(u"on_reboot"_s, u"restart"_s);
    w.writeTextElement(u"on_crash"_s, u"destroy"_s);

    w.writeStartElement(u"devices"_s);
    for (const ControllerSpec &c : plan.controllers)
        writeController(w, c);
    const QList<VolumeDisk> sources = diskSources(spec);
    qsizetype nextDisk = 0;
    for (const arch::PlannedDisk &p : plan.disks) {
        VolumeDisk d;
        if (p.device == "cdrom"_L1) {
            d.pool = spec.cdrom->pool;
            d.volume = spec.cdrom->volume;
            d.format = u"raw"_s;
        } else {
            d = sources.value(nextDisk++);
        }
        d.device = p.device;
        d.targetDev = p.deviceName;
        d.bus = p.bus;
        d.address = p.address;
        d.bootOrder = p.bootOrder;
        writeVolumeDisk(w, d);
    }
    const QList<NicSpec> nics = allNics(spec);
    for (qsizetype i = 0; i < plan.nicModels.size(); ++i) {
        const QString &nicModel = plan.nicModels[i];
        w.writeStartElement(u"interface"_s);
        w.writeAttribute(u"type"_s, u"network"_s);
        w.writeEmptyElement(u"source"_s);
        w.writeAttribute(u"network"_s, nics.value(i).network);
        if (!nicModel.isEmpty()) {
            w.writeEmptyElement(u"model"_s);
            w.writeAttribute(u"type"_s, nicModel);
        }
        writeBootOrder(w, plan.nicBootOrders.value(i));
        w.writeEndElement();
    }
    writeConsole(w, plan.console);

    for (const arch::InputDeviceSpec &in : plan.inputs) {
        w.writeEmptyElement(u"input"_s);
        w.writeAttribute(u"type"_s, in.type);
        w.writeAttribute(u"bus"_s, in.bus);
    }
    if (!plan.graphics.isEmpty()) {
        w.writeStartElement(u"graphics"_s);
        w.writeAttribute(u"type"_s, plan.graphics);
        w.writeAttribute(u"autoport"_s, u"yes"_s);
        w.writeEmptyElement(u"listen"_s);
        w.writeAttribute(u"type"_s, u"address"_s);
        w.writeAttribute(u"address"_s, plan.graphicsListen);
        w.writeEndElement();
    }
    if (!plan.video.isEmpty()) {
        w.writeStartElement(u"video"_s);
        w.writeEmptyElement(u"model"_s);
        w.writeAttribute(u"type"_s, plan.video);
        w.writeEndElement();
    }
    if (!plan.watchdog.isEmpty()) {
        w.writeEmptyElement(u"watchdog"_s);
        w.writeAttribute(u"model"_s, plan.watchdog);
        w.writeAttribute(u"action"_s, plan.watchdogAction);
    }
    if (!plan.rngModel.isEmpty()) {
        w.writeStartElement(u"rng"_s);
        w.writeAttribute(u"model"_s, plan.rngModel);
        w.writeStartElement(u"backend"_s);
        w.writeAttribute(u"model"_s, u"random"_s);
        w.writeCharacters(plan.rngBackend);
        w.writeEndElement();
        w.writeEndElement();
    }
    w.writeEndElement(); // devices
    w.writeEndElement(); // domain
    w.writeEndDocument();
    return xml;
}

// ---- attach-disk ----------------------------------------------------------------------

namespace {

struct ExistingDisk
{
    QString target;
    QString bus;
    std::optional<DriveAddress> address;
};

struct ExistingController
{
    QString type;
    QString model;
    int index = 0;
};

struct ExistingDevices
{
    QList<ExistingDisk> disks;
    QList<ExistingController> controllers;
    QList<arch::TakenAddress> addresses; ///< every <address> with a reg, for the arch
};

ExistingDevices readDevices(const QString &domainXml)
{
    ExistingDevices out;
    QXmlStreamReader r(domainXml);
    std::optional<ExistingDisk> disk;
    std::optional<ExistingController> controller;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement()) {
            const auto name = r.name();
            const auto a = r.attributes();
            if (name == "disk"_L1) {
                disk = ExistingDisk{};
            } else if (name == "controller"_L1) {
                controller =
                    ExistingController{a.value("type"_L1).toString(),
                                       a.value("model"_L1).toString(), a.value("index"_L1).toInt()};
            } else if (name == "target"_L1 && disk) {
                disk->target = a.value("dev"_L1).toString();
                disk->bus = a.value("bus"_L1).toString();
            } else if (name == "address"_L1) {
                if (a.value("type"_L1) == "drive"_L1 && disk) {
                    DriveAddress d;
                    d.controller = a.value("controller"_L1).toInt();
                    d.bus = a.value("bus"_L1).toInt();
                    d.target = a.value("target"_L1).toInt();
                    d.unit = a.value("unit"_L1).toInt();
                    disk->address = d;
                } else if (a.hasAttribute("reg"_L1)) {
                    bool ok = false;
                    const quint64 reg = a.value("reg"_L1).toString().toULongLong(&ok, 0);
                    if (ok)
                        out.addresses.append({a.value("type"_L1).toString(), reg});
                }
            }
        } else if (r.isEndElement()) {
            if (r.name() == "disk"_L1 && disk) {
                out.disks.append(*disk);
                disk.reset();
            } else if (r.name() == "controller"_L1 && controller) {
                out.controllers.append(*controller);
                controller.reset();
            }
        }
    }
    return out;
}

QString addressKey(const QString &bus, const DriveAddress &a)
{
    return u"%1/%2/%3/%4/%5"_s.arg(bus).arg(a.controller).arg(a.bus).arg(a.target).arg(a.unit);
}

} // namespace

DiskAttachPlan DiskXmlBuilder::plan(const QString &domainXml, const arch::ArchModel &model,
                                    const QString &interfaceId, const QString &pool,
                                    const QString &volume, const QString &format,
                                    const QStringList &alsoUsedTargets)
{
    DiskAttachPlan out;
    const arch::DiskInterfaceSpec spec = model.diskInterfaceSpec(interfaceId);
    if (spec.bus.isEmpty()) {
        out.error = tr("“%1” is not a disk interface Crossvirt knows.").arg(interfaceId);
        return out;
    }
    out.bus = spec.bus;
    const ExistingDevices existing = readDevices(domainXml);

    QSet<QString> usedTargets(alsoUsedTargets.cbegin(), alsoUsedTargets.cend());
    QSet<QString> usedAddresses;
    for (const ExistingDisk &d : existing.disks) {
        usedTargets.insert(d.target);
        if (d.address)
            usedAddresses.insert(addressKey(d.bus, *d.address));
    }
    for (int n = 0;; ++n) {
        const QString name = spec.deviceName(n);
        if (!usedTargets.contains(name)) {
            out.targetDev = name;
            break;
        }
    }

    std::optional<DriveAddress> address;
    std::optional<ControllerSpec> newController;
    auto freeSlotOn = [&](int controllerIndex) -> std::optional<DriveAddress> {
        const int perController = qMax(1, spec.devicesPerController);
        for (int n = 0; n < perController; ++n) {
            const auto a = spec.driveAddress(n, controllerIndex);
            if (a && !usedAddresses.contains(addressKey(spec.bus, *a)))
                return a;
        }
        return std::nullopt;
    };

    if (!spec.controllerType.isEmpty()) {
        const QString &wanted = spec.controllerModel;
        int maxIndex = -1;
        for (const ExistingController &c : existing.controllers) {
            if (c.type != spec.controllerType)
                continue;
            maxIndex = qMax(maxIndex, c.index);
            if (!address && c.model == wanted)
                address = freeSlotOn(c.index);
        }
        if (!address) {
            // No controller of that model with a free slot: the arch gives one at the next
            // index, with a bus address free among the guest's.
            newController = model.diskController(interfaceId, maxIndex + 1, existing.addresses);
            address = spec.driveAddress(0, newController->index);
        }
    } else if (spec.usesDriveAddress) {
        // SATA/IDE: the machine's built-in controller (index 0 and up, as libvirt numbers them).
        arch::GuestContext limitsCtx;
        limitsCtx.arch = model.name();
        const int maxDevices = model.limits(limitsCtx).maxDevices.value(interfaceId, 0);
        const int limit = maxDevices > 0 ? maxDevices : qMax(1, spec.devicesPerController) * 4;
        for (int n = 0; n < limit && !address; ++n) {
            const auto a = spec.driveAddress(n, 0);
            if (a && !usedAddresses.contains(addressKey(spec.bus, *a)))
                address = a;
        }
        if (!address) {
            out.error = tr("Every %1 slot of this virtual machine is taken.")
                            .arg(arch::ArchModel::diskInterfaceLabel(interfaceId));
            return out;
        }
    }

    if (newController) {
        QXmlStreamWriter cw(&out.controllerXml);
        cw.setAutoFormatting(true);
        writeController(cw, *newController);
        cw.writeEndDocument();
    }
    QXmlStreamWriter w(&out.diskXml);
    w.setAutoFormatting(true);
    VolumeDisk d;
    d.device = u"disk"_s;
    d.pool = pool;
    d.volume = volume;
    d.format = format;
    d.targetDev = out.targetDev;
    d.bus = spec.bus;
    d.address = address;
    writeVolumeDisk(w, d);
    w.writeEndDocument();
    return out;
}

QString DiskXmlBuilder::withDevice(const QString &domainXml, const QString &deviceXml)
{
    QString out;
    QXmlStreamWriter w(&out);
    QXmlStreamReader r(domainXml);
    r.setNamespaceProcessing(false);
    int depth = 0;
    bool inserted = false;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement())
            ++depth;
        if (r.isEndElement()) {
            if (depth == 2 && r.name() == "devices"_L1 && !inserted) {
                QXmlStreamReader dev(deviceXml);
                dev.setNamespaceProcessing(false);
                while (!dev.atEnd()) {
                    dev.readNext();
                    if (dev.isStartDocument() || dev.isEndDocument() || dev.hasError())
                        continue;
                    w.writeCurrentToken(dev);
                }
                inserted = true;
            }
            --depth;
        }
        if (r.hasError())
            break;
        if (r.isStartDocument() || r.isEndDocument())
            continue;
        w.writeCurrentToken(r);
    }
    w.writeEndDocument();
    return out;
}

} // namespace crossvirt::models
