// Device plans: the XML of a device to add (per kind, from the arch's lists), removing one,
// changing a CD-ROM's medium. Each is judged by arch::ArchModel::changeRule().
#include "arch/DeviceCatalogue.h"
#include "models/provisioning/DomainXmlBuilder.h"
#include "models/vmedit/VmEdit.h"
#include "models/vmedit/VmEditInternal.h"
#include "models/vmedit/VmXmlDom.h"

#include <QRegularExpression>
#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace crossvirt::models {

namespace {

using vmedit::refused;
using vmedit::ruleFor;
using vmedit::scoped;

QString kindLabel(const QString &kind)
{
    if (kind == "disk"_L1)
        return VmEditSteps::tr("disk");
    if (kind == "cdrom"_L1)
        return VmEditSteps::tr("CD-ROM");
    if (kind == "nic"_L1)
        return VmEditSteps::tr("network interface");
    if (kind == "console"_L1)
        return VmEditSteps::tr("console");
    if (kind == "graphics"_L1)
        return VmEditSteps::tr("display");
    if (kind == "video"_L1)
        return VmEditSteps::tr("video adapter");
    if (kind == "controller"_L1)
        return VmEditSteps::tr("controller");
    if (kind == "input"_L1)
        return VmEditSteps::tr("input device");
    if (kind == "watchdog"_L1)
        return VmEditSteps::tr("watchdog");
    if (kind == "rng"_L1)
        return VmEditSteps::tr("random number generator");
    if (kind == "tpm"_L1)
        return VmEditSteps::tr("TPM");
    if (kind == "usb-host"_L1)
        return VmEditSteps::tr("USB host device");
    if (kind == "pci-host"_L1)
        return VmEditSteps::tr("PCI host device");
    return kind;
}

/// Writes one element with a QXmlStreamWriter callback and returns it as text.
template<typename Fn> QString element(Fn write)
{
    QString out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.setAutoFormattingIndent(2);
    write(w);
    w.writeEndDocument();
    return out.trimmed();
}

/// The plan being built for one device change.
struct DevicePlanner
{
    const VmEditContext &ctx;
    EditScope scope;
    EditPlan plan;
    QDomDocument doc;

    DevicePlanner(const VmEditContext &c, const EditScope &s) : ctx(c), scope(s)
    {
        plan.uuid = ctx.inactive.uuid.isEmpty() ? ctx.live.uuid : ctx.inactive.uuid;
        plan.scope = scope;
        plan.running = ctx.running();
        doc = vmxml::parse(ctx.inactiveXml);
    }

    EditStep &add(const arch::GuestChangeRequest &request, const QString &description,
                  const QString &deviceXml, arch::ChangeRule rule)
    {
        EditStep s;
        s.request = request;
        s.description = description;
        s.deviceXml = deviceXml;
        s.rule = scoped(ctx, rule, scope, true);
        plan.steps << s;
        return plan.steps.last();
    }

    void finish(bool changed)
    {
        if (changed && scope.config && plan.ok())
            plan.newInactiveXml = vmxml::toString(doc);
    }

    QDomElement devices() { return vmxml::ensureChild(doc.documentElement(), u"devices"_s); }
};

/// Where a device of the live definition is in the inactive one: the same target or MAC,
/// else the same place among the devices of its kind.
int inactiveIndex(const VmEditContext &ctx, const VmDevice &device)
{
    const VmConfig &in = ctx.inactive;
    for (qsizetype i = 0; i < in.devices.size(); ++i) {
        if (in.devices[i].id == device.id && !device.id.isEmpty())
            return int(i);
    }
    if (device.kind == "disk"_L1 || device.kind == "cdrom"_L1 || device.kind == "nic"_L1)
        return -1; // hot-plugged only: not in the definition
    const VmConfig &from = ctx.running() ? ctx.live : ctx.inactive;
    int ordinal = 0;
    for (const VmDevice &d : from.devices) {
        if (&d == &device || (d.id == device.id && d.xml == device.xml))
            break;
        if (d.kind == device.kind)
            ++ordinal;
    }
    for (qsizetype i = 0; i < in.devices.size(); ++i) {
        if (in.devices[i].kind != device.kind)
            continue;
        // A different model there: the live one was plugged in only for this run.
        if (ordinal-- == 0)
            return in.devices[i].model == device.model ? int(i) : -1;
    }
    return -1;
}

/// The next index of a controller TYPE among both definitions.
int nextControllerIndex(const VmEditContext &ctx, const QString &type)
{
    int next = 0;
    for (const VmConfig *c : {&ctx.live, &ctx.inactive}) {
        for (const VmDevice &d : c->devices) {
            if (d.kind != "controller"_L1)
                continue;
            if (d.model.section(u'/', 0, 0) != type)
                continue;
            const QDomDocument one = vmxml::parse(d.xml);
            next = qMax(next, one.documentElement().attribute(u"index"_s).toInt() + 1);
        }
    }
    return next;
}

/// Sets a disk element's medium: a file path, "pool/volume", or none (empty drive).
void setDiskSource(QDomElement disk, const QString &source)
{
    vmxml::removeChildren(disk, u"source"_s);
    // The old medium's backing chain is not the new one's.
    vmxml::removeChildren(disk, u"backingStore"_s);
    if (source.isEmpty()) {
        disk.setAttribute(u"type"_s, u"file"_s);
        return;
    }
    QDomElement s = disk.ownerDocument().createElement(u"source"_s);
    if (source.startsWith(u'/')) {
        disk.setAttribute(u"type"_s, u"file"_s);
        s.setAttribute(u"file"_s, source);
    } else {
        disk.setAttribute(u"type"_s, u"volume"_s);
        s.setAttribute(u"pool"_s, source.section(u'/', 0, 0));
        s.setAttribute(u"volume"_s, source.section(u'/', 1));
    }
    // <source> conventionally follows <driver>.
    const QDomElement driver = disk.firstChildElement(u"driver"_s);
    if (!driver.isNull())
        disk.insertAfter(s, driver);
    else
        disk.insertBefore(s, disk.firstChild());
}

QStringList diskTargets(const VmConfig &c)
{
    QStringList out;
    for (const VmDevice &d : c.devices) {
        if (d.kind == "disk"_L1 || d.kind == "cdrom"_L1)
            out << d.id;
    }
    return out;
}

struct DeviceXml
{
    QString xml;
    QString controllerXml; ///< a controller the device needs first
    QString model;         ///< the model/interface id the arch judges
    QString volumeXml;     ///< new volume for a disk
    QString name;          ///< what the description names ("vdb", a MAC, ...)
    QString error;
};

DeviceXml storageXml(const VmEditContext &ctx, const arch::ArchModel &model,
                     const AddDeviceRequest &r, bool cdrom)
{
    DeviceXml out;
    const arch::GuestContext gc = ctx.context();
    out.model = !r.model.isEmpty() ? r.model
                : cdrom            ? model.cdromInterfaces(gc).firstOffered()
                                   : model.diskInterfaces(gc).firstOffered();
    const QString liveXml = ctx.running() ? ctx.liveXml : ctx.inactiveXml;
    QString volume = r.volume;
    if (!cdrom && r.newVolumeGiB > 0 && volume.isEmpty()) {
        // Named after the VM and the disk's target ("web-vdb.qcow2").
        const auto probe = DiskXmlBuilder::plan(liveXml, model, out.model, r.pool, u"x"_s, r.format,
                                                diskTargets(ctx.inactive));
        volume = ctx.inactive.name + u'-' + probe.targetDev +
                 (r.format == "raw"_L1 ? u".img"_s : u".qcow2"_s);
    }
    const DiskAttachPlan p = DiskXmlBuilder::plan(
        liveXml, model, out.model, r.pool.isEmpty() ? u"-"_s : r.pool,
        volume.isEmpty() ? u"-"_s : volume, cdrom ? u"raw"_s : r.format, diskTargets(ctx.inactive));
    if (!p.error.isEmpty()) {
        out.error = p.error;
        return out;
    }
    out.name = p.targetDev;
    out.controllerXml = p.controllerXml;
    QDomDocument d = vmxml::parse(p.diskXml);
    QDomElement disk = d.documentElement();
    QString source = !r.path.isEmpty()   ? r.path
                     : !volume.isEmpty() ? r.pool + u'/' + volume
                                         : QString();
    if (cdrom) {
        disk.setAttribute(u"device"_s, u"cdrom"_s);
        if (disk.firstChildElement(u"readonly"_s).isNull())
            disk.appendChild(d.createElement(u"readonly"_s));
    } else if (source.isEmpty()) {
        out.error = VmEditSteps::tr("A disk needs a volume or a file");
        return out;
    }
    setDiskSource(disk, source);
    if (!cdrom && r.newVolumeGiB > 0)
        out.volumeXml = DomainXmlBuilder::volumeXml(volume, r.newVolumeGiB, r.format);
    out.xml = vmxml::elementToString(disk);
    return out;
}

DeviceXml deviceXml(const VmEditContext &ctx, const arch::ArchModel &model,
                    const AddDeviceRequest &r)
{
    const arch::GuestContext gc = ctx.context();
    const QString &kind = r.kind;
    DeviceXml out;
    out.model = r.model;
    if (kind == "disk"_L1 || kind == "cdrom"_L1)
        return storageXml(ctx, model, r, kind == "cdrom"_L1);
    if (kind == "nic"_L1) {
        if (out.model.isEmpty())
            out.model = model.nicModels(gc).firstOffered();
        if (r.network.isEmpty()) {
            out.error = VmEditSteps::tr("A network interface needs a network or a bridge");
            return out;
        }
        out.name = r.mac.isEmpty() ? r.network : r.mac;
        out.xml = element([&](QXmlStreamWriter &w) {
            w.writeStartElement(u"interface"_s);
            w.writeAttribute(u"type"_s, r.bridge ? u"bridge"_s : u"network"_s);
            if (!r.mac.isEmpty()) {
                w.writeEmptyElement(u"mac"_s);
                w.writeAttribute(u"address"_s, r.mac.toLower());
            }
            w.writeEmptyElement(u"source"_s);
            w.writeAttribute(r.bridge ? u"bridge"_s : u"network"_s, r.network);
            if (!out.model.isEmpty()) {
                w.writeEmptyElement(u"model"_s);
                w.writeAttribute(u"type"_s, out.model);
            }
            w.writeEndElement();
        });
        return out;
    }
    if (kind == "console"_L1) {
        if (out.model.isEmpty())
            out.model = model.consoleTypes(gc).firstOffered();
        const arch::SerialConsoleSpec spec = model.consoleDevices(gc, out.model);
        const bool serial = !spec.serialTargetType.isEmpty();
        const QString elementName = serial ? u"serial"_s : u"console"_s;
        int port = 0;
        for (const VmDevice &d : (ctx.running() ? ctx.live : ctx.inactive).devices) {
            if (d.kind == "console"_L1 && d.xml.startsWith(u'<' + elementName))
                ++port;
        }
        out.name = arch::ArchModel::consoleLabel(out.model);
        out.xml = element([&](QXmlStreamWriter &w) {
            w.writeStartElement(elementName);
            w.writeAttribute(u"type"_s, u"pty"_s);
            w.writeStartElement(u"target"_s);
            w.writeAttribute(
                u"type"_s,
                serial ? spec.serialTargetType
                       : (spec.consoleTargetType.isEmpty() ? u"serial"_s : spec.consoleTargetType));
            w.writeAttribute(u"port"_s, QString::number(port));
            if (serial && !spec.serialTargetModel.isEmpty()) {
                w.writeEmptyElement(u"model"_s);
                w.writeAttribute(u"name"_s, spec.serialTargetModel);
            }
            w.writeEndElement();
            w.writeEndElement();
        });
        return out;
    }
    if (kind == "graphics"_L1) {
        if (out.model.isEmpty())
            out.model = model.graphicsTypes(gc).firstOffered();
        out.name = arch::ArchModel::graphicsLabel(out.model);
        out.xml = element([&](QXmlStreamWriter &w) {
            w.writeStartElement(u"graphics"_s);
            w.writeAttribute(u"type"_s, out.model);
            w.writeAttribute(u"autoport"_s, u"yes"_s);
            w.writeEmptyElement(u"listen"_s);
            w.writeAttribute(u"type"_s, u"address"_s);
            w.writeAttribute(u"address"_s, r.listen);
            w.writeEndElement();
        });
        return out;
    }
    if (kind == "video"_L1) {
        if (out.model.isEmpty())
            out.model = model.videoModels(gc).firstOffered();
        out.name = arch::ArchModel::videoLabel(out.model);
        out.xml = element([&](QXmlStreamWriter &w) {
            w.writeStartElement(u"video"_s);
            w.writeEmptyElement(u"model"_s);
            w.writeAttribute(u"type"_s, out.model);
            w.writeEndElement();
        });
        return out;
    }
    if (kind == "controller"_L1) {
        if (out.model.isEmpty())
            out.model = model.controllerChoices(gc).firstOffered();
        const QString type = out.model.section(u'/', 0, 0);
        const QString ctlModel = out.model.section(u'/', 1);
        if (type.isEmpty()) {
            out.error = VmEditSteps::tr("Which controller? Give TYPE/MODEL, e.g. scsi/virtio-scsi");
            return out;
        }
        out.name = out.model;
        out.xml = element([&](QXmlStreamWriter &w) {
            w.writeStartElement(u"controller"_s);
            w.writeAttribute(u"type"_s, type);
            w.writeAttribute(u"index"_s, QString::number(nextControllerIndex(ctx, type)));
            if (!ctlModel.isEmpty())
                w.writeAttribute(u"model"_s, ctlModel);
            w.writeEndElement();
        });
        return out;
    }
    if (kind == "input"_L1) {
        if (out.model.isEmpty())
            out.model = model.inputChoices(gc).firstOffered();
        out.name = out.model;
        out.xml = element([&](QXmlStreamWriter &w) {
            w.writeEmptyElement(u"input"_s);
            w.writeAttribute(u"type"_s, out.model.section(u'/', 0, 0));
            const QString bus = out.model.section(u'/', 1);
            if (!bus.isEmpty())
                w.writeAttribute(u"bus"_s, bus);
        });
        return out;
    }
    if (kind == "watchdog"_L1) {
        if (out.model.isEmpty())
            out.model = model.watchdogModels(gc).firstOffered();
        out.name = out.model;
        out.xml = element([&](QXmlStreamWriter &w) {
            w.writeEmptyElement(u"watchdog"_s);
            w.writeAttribute(u"model"_s, out.model);
            w.writeAttribute(u"action"_s, u"reset"_s);
        });
        return out;
    }
    if (kind == "rng"_L1) {
        if (out.model.isEmpty())
            out.model = model.rngModels(gc).firstOffered();
        out.name = out.model;
        out.xml = element([&](QXmlStreamWriter &w) {
            w.writeStartElement(u"rng"_s);
            w.writeAttribute(u"model"_s, out.model);
            w.writeStartElement(u"backend"_s);
            w.writeAttribute(u"model"_s, u"random"_s);
            w.writeCharacters(u"/dev/urandom"_s);
            w.writeEndElement();
            w.writeEndElement();
        });
        return out;
    }
    if (kind == "tpm"_L1) {
        if (out.model.isEmpty())
            out.model = model.tpmModels(gc).firstOffered();
        out.name = out.model;
        out.xml = element([&](QXmlStreamWriter &w) {
            w.writeStartElement(u"tpm"_s);
            w.writeAttribute(u"model"_s, out.model);
            w.writeEmptyElement(u"backend"_s);
            w.writeAttribute(u"type"_s, u"emulator"_s);
            w.writeAttribute(u"version"_s, u"2.0"_s);
            w.writeEndElement();
        });
        return out;
    }
    if (kind == "usb-host"_L1) {
        // "046d:c52b" (vendor:product, as HostDeviceInfo gives them).
        static const QRegularExpression ids(
            u"^(?:0x)?([0-9a-fA-F]{1,4}):(?:0x)?([0-9a-fA-F]{1,4})$"_s);
        const auto m = ids.match(r.hostDevice);
        if (!m.hasMatch()) {
            out.error = VmEditSteps::tr("Give the USB device as VENDOR:PRODUCT (e.g. 046d:c52b), "
                                        "not “%1”")
                            .arg(r.hostDevice);
            return out;
        }
        out.name = vmedit::usbIdText(u"0x"_s + m.captured(1)) + u':' +
                   vmedit::usbIdText(u"0x"_s + m.captured(2));
        out.xml = element([&](QXmlStreamWriter &w) {
            w.writeStartElement(u"hostdev"_s);
            w.writeAttribute(u"mode"_s, u"subsystem"_s);
            w.writeAttribute(u"type"_s, u"usb"_s);
            w.writeAttribute(u"managed"_s, u"yes"_s);
            w.writeStartElement(u"source"_s);
            w.writeEmptyElement(u"vendor"_s);
            w.writeAttribute(u"id"_s, u"0x"_s + out.name.section(u':', 0, 0));
            w.writeEmptyElement(u"product"_s);
            w.writeAttribute(u"id"_s, u"0x"_s + out.name.section(u':', 1, 1));
            w.writeEndElement();
            w.writeEndElement();
        });
        return out;
    }
    if (kind == "pci-host"_L1) {
        // "pci_0000_00_1f_2" (a node device name) or "0000:00:1f.2".
        static const QRegularExpression address(
            u"^(?:pci_)?([0-9a-fA-F]{4})[_:]([0-9a-fA-F]{2})[_:]([0-9a-fA-F]{2})[_.]([0-7])$"_s);
        const auto m = address.match(r.hostDevice);
        if (!m.hasMatch()) {
            out.error = VmEditSteps::tr("Give the PCI device as pci_DDDD_BB_SS_F or DDDD:BB:SS.F, "
                                        "not “%1”")
                            .arg(r.hostDevice);
            return out;
        }
        out.name = u"%1:%2:%3.%4"_s.arg(m.captured(1), m.captured(2), m.captured(3), m.captured(4))
                       .toLower();
        out.xml = element([&](QXmlStreamWriter &w) {
            w.writeStartElement(u"hostdev"_s);
            w.writeAttribute(u"mode"_s, u"subsystem"_s);
            w.writeAttribute(u"type"_s, u"pci"_s);
            w.writeAttribute(u"managed"_s, u"yes"_s);
            w.writeStartElement(u"source"_s);
            w.writeEmptyElement(u"address"_s);
            w.writeAttribute(u"domain"_s, u"0x"_s + m.captured(1).toLower());
            w.writeAttribute(u"bus"_s, u"0x"_s + m.captured(2).toLower());
            w.writeAttribute(u"slot"_s, u"0x"_s + m.captured(3).toLower());
            w.writeAttribute(u"function"_s, u"0x"_s + m.captured(4));
            w.writeEndElement();
            w.writeEndElement();
        });
        return out;
    }
    out.error = VmEditSteps::tr("Crossvirt cannot add a device of kind “%1”").arg(kind);
    return out;
}


// ---- NIC updates -------------------------------------------------------------------------

/// "network “default”" or "bridge “br0”" (translated).
QString nicSourceText(const QString &type, const QString &source)
{
    if (source.isEmpty())
        return VmEditSteps::tr("no source");
    if (type == "bridge"_L1)
        return VmEditSteps::tr("bridge “%1”").arg(source);
    if (type == "network"_L1)
        return VmEditSteps::tr("network “%1”").arg(source);
    return VmEditSteps::tr("%1 “%2”").arg(type, source);
}

/// Points an <interface> at a libvirt network or a host bridge. The old <source> goes whole
/// (a running guest's carries the network's bridge and port id, which are libvirt's).
void setNicSource(QDomElement iface, const QString &network, bool bridge)
{
    iface.setAttribute(u"type"_s, bridge ? u"bridge"_s : u"network"_s);
    QDomElement s = iface.ownerDocument().createElement(u"source"_s);
    s.setAttribute(bridge ? u"bridge"_s : u"network"_s, network);
    const QDomElement old = vmxml::child(iface, u"source"_s);
    if (!old.isNull()) {
        iface.replaceChild(s, old);
        return;
    }
    const QDomElement mac = vmxml::child(iface, u"mac"_s);
    if (!mac.isNull())
        iface.insertAfter(s, mac);
    else
        iface.insertBefore(s, iface.firstChild());
}

/// <link state='down'/>, or no <link> (up, libvirt's default).
void setNicLink(QDomElement iface, bool up)
{
    vmxml::removeChildren(iface, u"link"_s);
    if (up)
        return;
    QDomElement link = iface.ownerDocument().createElement(u"link"_s);
    link.setAttribute(u"state"_s, u"down"_s);
    iface.appendChild(link);
}

/// The NIC's <model type>. The guest address stays (the guest keeps naming the NIC the
/// same) unless one of the models is an arch's own device on its own bus (the catalogue's
/// onlyOn: a VIO NIC of POWER) and the other is not; virtio's <driver> tuning goes with
/// virtio.
void setNicModel(QDomElement iface, const QString &from, const QString &to)
{
    QDomElement model = vmxml::ensureChild(iface, u"model"_s);
    model.setAttribute(u"type"_s, to);
    const auto archOwn = [](const QString &m) {
        const arch::CatalogueEntry *e = arch::DeviceCatalogue::find(arch::DeviceKind::Nic, m);
        return e && !e->onlyOn.isEmpty();
    };
    if (archOwn(from) != archOwn(to))
        vmxml::removeChildren(iface, u"address"_s);
    if (from == "virtio"_L1 && to != "virtio"_L1)
        vmxml::removeChildren(iface, u"driver"_s);
}

} // namespace

EditPlan planAddDevice(const VmEditContext &ctx, const AddDeviceRequest &request,
                       const EditScope &scope)
{
    arch::GuestChangeRequest change{arch::GuestChange::AddDevice, request.kind, request.model, 0,
                                    0};
    const QString what = VmEditSteps::tr("Add %1").arg(kindLabel(request.kind));
    const arch::ArchModel *model = ctx.model();
    if (!model)
        return vmedit::refusedPlan(ctx, scope, change, what,
                                   VmEditSteps::tr("Crossvirt does not know the architecture "
                                                   "“%1”.")
                                       .arg(ctx.inactive.arch));
    const DeviceXml dev = deviceXml(ctx, *model, request);
    change.model = dev.model;
    if (!dev.error.isEmpty())
        return vmedit::refusedPlan(ctx, scope, change, what, dev.error);

    DevicePlanner p(ctx, scope);
    const arch::GuestFacts facts = ctx.facts();
    if (!dev.controllerXml.isEmpty()) {
        const QDomDocument c = vmxml::parse(dev.controllerXml);
        const QString type = c.documentElement().attribute(u"type"_s);
        const QString cmodel = c.documentElement().attribute(u"model"_s);
        const QString id = cmodel.isEmpty() ? type : type + u'/' + cmodel;
        arch::GuestChangeRequest cr{arch::GuestChange::AddDevice,
                                    QString::fromLatin1(arch::HardwareKind::Controller), id, 0, 0};
        p.add(cr, VmEditSteps::tr("Add controller %1").arg(id), dev.controllerXml,
              ruleFor(ctx, facts, cr));
    }
    const QString description =
        dev.name.isEmpty() ? what
                           : VmEditSteps::tr("Add %1 %2").arg(kindLabel(request.kind), dev.name);
    EditStep &s = p.add(change, description, dev.xml, ruleFor(ctx, facts, change));
    if (!dev.volumeXml.isEmpty()) {
        s.volumePool = request.pool;
        s.volumeXml = dev.volumeXml;
    }
    bool changed = false;
    if (scope.config && p.plan.ok()) {
        QDomElement devices = p.devices();
        if (!dev.controllerXml.isEmpty())
            devices.appendChild(vmxml::importElement(p.doc, dev.controllerXml));
        devices.appendChild(vmxml::importElement(p.doc, dev.xml));
        changed = true;
    }
    p.finish(changed);
    return p.plan;
}

EditPlan planRemoveDevice(const VmEditContext &ctx, const QString &id, const EditScope &scope)
{
    const VmConfig &from = ctx.running() ? ctx.live : ctx.inactive;
    const VmDevice *device = from.device(id);
    if (!device) {
        // A device only in the definition (added for the next boot) can go from it too.
        if (ctx.running())
            device = ctx.inactive.device(id);
    }
    arch::GuestChangeRequest change{arch::GuestChange::RemoveDevice, {}, {}, 0, 0};
    if (!device)
        return vmedit::refusedPlan(
            ctx, scope, change, VmEditSteps::tr("Remove “%1”").arg(id),
            VmEditSteps::tr("The virtual machine has no device “%1”").arg(id));
    change.deviceKind = device->kind;
    change.model = device->model;
    DevicePlanner p(ctx, scope);
    const bool inLive = ctx.running() && ctx.live.device(id) == device;
    arch::ChangeRule rule = ruleFor(ctx, ctx.facts(), change);
    if (ctx.running() && !inLive && rule.allowed())
        rule = arch::ChangeRule{arch::ChangeTiming::NextBoot,
                                VmEditSteps::tr("the device is in the definition only")};
    p.add(change, VmEditSteps::tr("Remove %1").arg(device->label()), device->xml, rule);
    bool changed = false;
    if (scope.config && p.plan.ok()) {
        const int at =
            inLive ? inactiveIndex(ctx, *device) : int(device - ctx.inactive.devices.constData());
        const QList<QDomElement> elements = vmxml::deviceElements(p.doc);
        if (at >= 0 && at < elements.size()) {
            p.devices().removeChild(elements[at]);
            changed = true;
        }
    }
    p.finish(changed);
    return p.plan;
}

EditPlan planChangeMedia(const VmEditContext &ctx, const QString &target, const QString &source,
                         const EditScope &scope)
{
    const VmConfig &from = ctx.running() ? ctx.live : ctx.inactive;
    const VmDevice *device = from.device(target);
    arch::GuestChangeRequest change{
        arch::GuestChange::CdromMedia, QString::fromLatin1(arch::HardwareKind::Cdrom), {}, 0, 0};
    const QString what = source.isEmpty()
                             ? VmEditSteps::tr("Eject the CD-ROM %1").arg(target)
                             : VmEditSteps::tr("CD-ROM %1: insert “%2”").arg(target, source);
    if (!device)
        return vmedit::refusedPlan(
            ctx, scope, change, what,
            VmEditSteps::tr("The virtual machine has no device “%1”").arg(target));
    if (device->kind != "cdrom"_L1)
        return vmedit::refusedPlan(ctx, scope, change, what,
                                   VmEditSteps::tr("“%1” is not a CD-ROM").arg(device->label()));
    change.model = device->model;
    const QString description =
        source.isEmpty()
            ? VmEditSteps::tr("Eject “%1” from the CD-ROM %2").arg(device->source, target)
        : device->source.isEmpty()
            ? VmEditSteps::tr("CD-ROM %1: insert “%2”").arg(target, source)
            : VmEditSteps::tr("CD-ROM %1: “%2” → “%3”").arg(target, device->source, source);

    QDomDocument one = vmxml::parse(device->xml);
    setDiskSource(one.documentElement(), source);
    DevicePlanner p(ctx, scope);
    p.add(change, description, vmxml::elementToString(one.documentElement()),
          ruleFor(ctx, ctx.facts(), change));
    bool changed = false;
    if (scope.config && p.plan.ok()) {
        const int at = ctx.running() ? inactiveIndex(ctx, *device)
                                     : int(device - ctx.inactive.devices.constData());
        const QList<QDomElement> elements = vmxml::deviceElements(p.doc);
        if (at >= 0 && at < elements.size()) {
            setDiskSource(elements[at], source);
            changed = true;
        }
    }
    p.finish(changed);
    return p.plan;
}

EditPlan planUpdateNic(const VmEditContext &ctx, const QString &mac, const NicUpdate &update,
                       const EditScope &scope)
{
    const VmConfig &from = ctx.running() ? ctx.live : ctx.inactive;
    const VmDevice *device = from.device(mac);
    // A NIC only in the definition (added for the next boot) is updated there.
    if (!device && ctx.running())
        device = ctx.inactive.device(mac);
    const QString nicKind = QString::fromLatin1(arch::HardwareKind::Nic);
    arch::GuestChangeRequest change{arch::GuestChange::UpdateDevice, nicKind, {}, 0, 0};
    if (!device || device->kind != nicKind)
        return vmedit::refusedPlan(
            ctx, scope, change, VmEditSteps::tr("Change the network interface %1").arg(mac),
            VmEditSteps::tr("The virtual machine has no network interface “%1”").arg(mac));
    const bool inLive = ctx.running() && ctx.live.device(mac) == device;
    const arch::GuestFacts facts = ctx.facts();
    DevicePlanner p(ctx, scope);
    // The running NIC's element as libvirt has it, each live step's changes added to it.
    QDomDocument live = vmxml::parse(device->xml);
    const auto rule = [&](const arch::GuestChangeRequest &r) {
        arch::ChangeRule verdict = ruleFor(ctx, facts, r);
        if (ctx.running() && !inLive && verdict.allowed())
            verdict = arch::ChangeRule{arch::ChangeTiming::NextBoot,
                                       VmEditSteps::tr("the device is in the definition only")};
        return verdict;
    };
    const QString label = device->label();

    // What the definition has counts too: a model applied for the next boot is not
    // planned again while the guest still runs the old one.
    const VmDevice *defined = ctx.inactive.device(mac);
    const QString newType = update.bridge ? u"bridge"_s : u"network"_s;
    const auto otherSource = [&](const VmDevice *d) {
        return d && (update.network != d->source || newType != d->sourceType);
    };
    const bool sourceChanges =
        !update.network.isEmpty() && (otherSource(device) || otherSource(defined));
    if (sourceChanges) {
        arch::GuestChangeRequest r = change;
        r.model = device->model;
        r.to = arch::DeviceUpdate::Source;
        setNicSource(live.documentElement(), update.network, update.bridge);
        p.add(r,
              VmEditSteps::tr("%1: %2 → %3")
                  .arg(label, nicSourceText(device->sourceType, device->source),
                       nicSourceText(newType, update.network)),
              vmxml::elementToString(live.documentElement()), rule(r));
    }
    const bool linkChanges = update.linkUp && (*update.linkUp == device->linkDown ||
                                               (defined && *update.linkUp == defined->linkDown));
    if (linkChanges) {
        arch::GuestChangeRequest r = change;
        r.model = device->model;
        r.to = arch::DeviceUpdate::LinkState;
        setNicLink(live.documentElement(), *update.linkUp);
        p.add(r,
              *update.linkUp ? VmEditSteps::tr("%1: link up").arg(label)
                             : VmEditSteps::tr("%1: link down").arg(label),
              vmxml::elementToString(live.documentElement()), rule(r));
    }
    const QString definedModel = defined ? defined->model : device->model;
    const bool modelChanges = !update.model.isEmpty() && update.model != definedModel;
    if (modelChanges) {
        arch::GuestChangeRequest r = change;
        r.model = update.model;
        r.to = arch::DeviceUpdate::Model;
        QDomDocument one = vmxml::parse(device->xml);
        setNicModel(one.documentElement(), device->model, update.model);
        p.add(r,
              VmEditSteps::tr("%1: model %2 → %3")
                  .arg(label, definedModel.isEmpty() ? VmEditSteps::tr("default") : definedModel,
                       update.model),
              vmxml::elementToString(one.documentElement()), rule(r));
    }

    bool changed = false;
    if (scope.config && p.plan.ok() && !p.plan.isEmpty()) {
        const int at = inLive ? inactiveIndex(ctx, *device)
                              : int(device - ctx.inactive.devices.constData());
        const QList<QDomElement> elements = vmxml::deviceElements(p.doc);
        if (at >= 0 && at < elements.size()) {
            QDomElement iface = elements[at];
            if (sourceChanges)
                setNicSource(iface, update.network, update.bridge);
            if (linkChanges)
                setNicLink(iface, *update.linkUp);
            if (modelChanges) {
                const QString old = vmxml::child(iface, u"model"_s).attribute(u"type"_s);
                setNicModel(iface, old, update.model);
            }
            changed = true;
        }
    }
    p.finish(changed);
    return p.plan;
}

EditPlan planEdit(const VmEditContext &ctx, const VmConfig &wanted,
                  const QMap<QString, NicUpdate> &nics, const EditScope &scope)
{
    EditPlan plan = planEdit(ctx, wanted, scope);
    VmEditContext next = ctx;
    for (auto it = nics.cbegin(); it != nics.cend(); ++it) {
        if (it->isEmpty())
            continue;
        // Each NIC's plan starts from the definition the plan so far writes.
        if (!plan.newInactiveXml.isEmpty() && plan.newInactiveXml != next.inactiveXml) {
            const bool autostart = next.inactive.autostart;
            next.inactiveXml = plan.newInactiveXml;
            next.inactive = parseVmConfig(next.inactiveXml.toUtf8());
            next.inactive.autostart = autostart;
        }
        const EditPlan nic = planUpdateNic(next, it.key(), *it, scope);
        plan.steps += nic.steps;
        if (!nic.newInactiveXml.isEmpty())
            plan.newInactiveXml = nic.newInactiveXml;
    }
    if (!plan.ok())
        plan.newInactiveXml.clear();
    return plan;
}

} // namespace crossvirt::models
