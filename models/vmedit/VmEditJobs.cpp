// The jobs of models/vmedit on the host's worker thread: load a VM for editing, apply a
// plan (definition first, validated, then the live calls, rolled back where they fail),
// define edited XML, list the host's passthrough devices.
#include "models/connection/HostSession.h"
#include "models/connection/LibvirtError.h"
#include "models/connection/WorkerJobs.h"
#include "models/vmedit/VmEdit.h"
#include "models/vmedit/VmEditInternal.h"
#include "models/vmedit/VmEditWorker.h"

#include <QLocale>
#include <QXmlStreamReader>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

using namespace Qt::StringLiterals;

namespace crossvirt::models {

namespace {

QString readingVm()
{
    return VmEditSteps::tr("Reading the virtual machine");
}

DomainHandle lookup(virConnectPtr conn, const QString &uuid)
{
    DomainHandle dom(virDomainLookupByUUIDString(conn, uuid.toUtf8().constData()));
    if (!dom)
        throwLastLibvirtError(readingVm());
    return dom;
}

QString xmlOf(virDomainPtr dom, unsigned int flags)
{
    char *xml = virDomainGetXMLDesc(dom, flags);
    if (!xml)
        throwLastLibvirtError(readingVm());
    return takeLibvirtString(xml);
}

/// Defines `xml`, validated against libvirt's schema first where the driver can.
bool define(virConnectPtr conn, const QString &xml, bool validate)
{
    return defineDomainXml(conn, xml, validate) != nullptr;
}

} // namespace

DomainHandle defineDomainXml(virConnectPtr conn, const QString &xml, bool validate)
{
    const QByteArray bytes = xml.toUtf8();
    DomainHandle dom(virDomainDefineXMLFlags(conn, bytes.constData(),
                                             validate ? VIR_DOMAIN_DEFINE_VALIDATE : 0));
    if (!dom && validate) {
        const virError *err = virGetLastError();
        // A driver without schema validation (flag unsupported): libvirt's parser still checks.
        if (err && (err->code == VIR_ERR_INVALID_ARG || err->code == VIR_ERR_NO_SUPPORT) &&
            QString::fromUtf8(err->message ? err->message : "").contains(u"flags"_s)) {
            virResetLastError();
            dom.reset(virDomainDefineXML(conn, bytes.constData()));
        }
    }
    return dom;
}

// ---- loadVmForEdit ------------------------------------------------------------------------

VmEditContext loadVmForEdit(virConnectPtr conn, const QString &uri, const QString &uuid)
{
    const DomainHandle domain = lookup(conn, uuid);
    virDomainPtr dom = domain.get();
    VmEditContext ctx;
    ctx.uri = uri;
    const bool running = virDomainIsActive(dom) == 1;
    const bool persistent = virDomainIsPersistent(dom) == 1;
    ctx.liveXml = xmlOf(dom, 0);
    ctx.inactiveXml = persistent ? xmlOf(dom, VIR_DOMAIN_XML_INACTIVE) : ctx.liveXml;
    ctx.inactive = parseVmConfig(ctx.inactiveXml.toUtf8());
    ctx.inactive.running = running;
    if (running) {
        ctx.live = parseVmConfig(ctx.liveXml.toUtf8());
        ctx.live.running = true;
    } else {
        ctx.live = ctx.inactive;
        ctx.liveXml = ctx.inactiveXml;
    }
    int autostart = 0;
    if (virDomainGetAutostart(dom, &autostart) == 0)
        ctx.inactive.autostart = ctx.live.autostart = autostart != 0;
    virResetLastError();

    virDomainPtr *all = nullptr;
    const int count = virConnectListAllDomains(conn, &all, 0);
    for (int i = 0; i < count; ++i) {
        const DomainHandle other(all[i]);
        char otherUuid[VIR_UUID_STRING_BUFLEN] = {};
        if (virDomainGetUUIDString(other.get(), otherUuid) == 0 &&
            uuid.compare(QLatin1StringView(otherUuid), Qt::CaseInsensitive) == 0)
            continue;
        if (const char *name = virDomainGetName(other.get()))
            ctx.otherVmNames << QString::fromUtf8(name);
    }
    free(all);
    virResetLastError();

    virNodeInfo node{};
    if (virNodeGetInfo(conn, &node) == 0) {
        ctx.hostMemoryMiB = qint64(node.memory / 1024);
        ctx.hostCpus = int(node.cpus);
    }
    virResetLastError();

    // The domain capabilities of the VM's own emulator, arch, machine and virt type; a host
    // without any (the test driver) leaves the arch policy alone to decide.
    const QByteArray emulator = ctx.inactive.emulator.toUtf8();
    const QByteArray arch = ctx.inactive.arch.toUtf8();
    const QByteArray machine = ctx.inactive.machine.toUtf8();
    const QByteArray virtType = arch::virtTypeName(ctx.inactive.virtType).toUtf8();
    const LibvirtString caps(virConnectGetDomainCapabilities(
        conn, emulator.isEmpty() ? nullptr : emulator.constData(),
        arch.isEmpty() ? nullptr : arch.constData(),
        machine.isEmpty() ? nullptr : machine.constData(), virtType.constData(), 0));
    if (caps) {
        if (auto parsed = arch::parseDomainCapabilities(QByteArray(caps.get())))
            ctx.domainCaps = std::make_shared<const arch::DomainCapabilities>(std::move(*parsed));
    }
    virResetLastError();
    return ctx;
}

QFuture<VmEditContext> loadVmForEdit(HostSession *session, const QString &uuid)
{
    return runOnWorker(session, [uuid, uri = session->uri()](virConnectPtr conn) {
        return loadVmForEdit(conn, uri, uuid);
    });
}

// ---- applyEdit ----------------------------------------------------------------------------

namespace {

/// A volume a plan created for a new disk; deleted again unless the plan succeeded.
struct CreatedVolume
{
    StorageVolHandle vol;
    ~CreatedVolume() { drop(); }
    void drop()
    {
        if (!vol)
            return;
        virStorageVolDelete(vol.get(), 0);
        vol.reset();
        virResetLastError();
    }
    void keep() { vol.reset(); }
};

/// The live call of one step; false with libvirt's error set when it failed.
bool applyLive(virDomainPtr dom, const EditStep &step)
{
    const unsigned int live = VIR_DOMAIN_AFFECT_LIVE;
    const QByteArray xml = step.deviceXml.toUtf8();
    switch (step.request.change) {
    case arch::GuestChange::VcpuCount:
        return virDomainSetVcpusFlags(dom, unsigned(step.request.to), live) == 0;
    case arch::GuestChange::MemoryCurrent:
        return virDomainSetMemoryFlags(dom, quint64(step.request.to) * 1024, live) == 0;
    case arch::GuestChange::HotplugMemory:
    case arch::GuestChange::AddDevice:
        return virDomainAttachDeviceFlags(dom, xml.constData(), live) == 0;
    case arch::GuestChange::RemoveDevice:
        return virDomainDetachDeviceFlags(dom, xml.constData(), live) == 0;
    case arch::GuestChange::CdromMedia:
    case arch::GuestChange::UpdateDevice:
        return virDomainUpdateDeviceFlags(dom, xml.constData(), live) == 0;
    case arch::GuestChange::Metadata: {
        const int type = step.request.model == "title"_L1 ? VIR_DOMAIN_METADATA_TITLE
                                                          : VIR_DOMAIN_METADATA_DESCRIPTION;
        return virDomainSetMetadata(dom, type, xml.isEmpty() ? nullptr : xml.constData(), nullptr,
                                    nullptr, live) == 0;
    }
    default:
        return true; // written to the definition only
    }
}

/// Takes back a live step (best effort) after a later one failed.
bool undoLive(virDomainPtr dom, const EditStep &step)
{
    const unsigned int live = VIR_DOMAIN_AFFECT_LIVE;
    bool ok = false;
    switch (step.request.change) {
    case arch::GuestChange::VcpuCount:
        ok = virDomainSetVcpusFlags(dom, unsigned(step.request.from), live) == 0;
        break;
    case arch::GuestChange::MemoryCurrent:
        ok = virDomainSetMemoryFlags(dom, quint64(step.request.from) * 1024, live) == 0;
        break;
    case arch::GuestChange::AddDevice:
        ok = virDomainDetachDeviceFlags(dom, step.deviceXml.toUtf8().constData(), live) == 0;
        break;
    default:
        break;
    }
    virResetLastError();
    return ok;
}

/// <capacity unit='bytes'> of a <volume> XML (DomainXmlBuilder::volumeXml writes bytes).
quint64 volumeCapacity(const QString &volumeXml)
{
    QXmlStreamReader r(volumeXml);
    while (r.readNextStartElement()) {
        if (r.name() == "volume"_L1)
            continue;
        if (r.name() == "capacity"_L1)
            return r.readElementText().trimmed().toULongLong();
        r.skipCurrentElement();
    }
    return 0;
}

/// A rename done by applyEdit, undone (best effort) unless the whole plan succeeded.
class RenameGuard
{
public:
    explicit RenameGuard(virDomainPtr dom) : m_dom(dom) {}
    RenameGuard(const RenameGuard &) = delete;
    RenameGuard &operator=(const RenameGuard &) = delete;
    ~RenameGuard()
    {
        if (m_oldName.isEmpty())
            return;
        virDomainRename(m_dom, m_oldName.toUtf8().constData(), 0);
        virResetLastError();
    }
    /// Renames to `newName`; false with libvirt's error set when libvirt refused.
    bool rename(const QString &newName)
    {
        const char *old = virDomainGetName(m_dom);
        const QString oldName = old ? QString::fromUtf8(old) : QString();
        if (virDomainRename(m_dom, newName.toUtf8().constData(), 0) < 0)
            return false;
        m_oldName = oldName;
        return true;
    }
    void keep() { m_oldName.clear(); }

private:
    virDomainPtr m_dom;
    QString m_oldName;
};

bool isLiveStep(const EditPlan &plan, const EditStep &step, bool running)
{
    return running && plan.scope.live && step.rule.timing == arch::ChangeTiming::Now &&
           step.request.change != arch::GuestChange::Autostart;
}

} // namespace

EditResult applyEdit(virConnectPtr conn, const EditPlan &plan)
{
    if (!plan.ok())
        throw LibvirtError(VmEditSteps::tr("Nothing was changed"), plan.refusals());
    const DomainHandle domain = lookup(conn, plan.uuid);
    virDomainPtr dom = domain.get();
    const bool running = virDomainIsActive(dom) == 1;
    if (plan.running && !running && !plan.scope.config)
        throw LibvirtError(VmEditSteps::tr("Nothing was changed"),
                           VmEditSteps::tr("The virtual machine is no longer running; use "
                                           "--config to change its definition"));
    const bool defines = plan.scope.config && !plan.newInactiveXml.isEmpty();
    if (defines && virDomainIsPersistent(dom) == 0)
        throw LibvirtError(VmEditSteps::tr("Nothing was changed"),
                           VmEditSteps::tr("The virtual machine is transient: it has no "
                                           "definition to change (use --live alone)"));
    EditResult result;

    // The name first: it is the step libvirt refuses most (a name taken meanwhile, a guest
    // started meanwhile: "cannot rename active domain"), and when it fails nothing else has
    // been done. Every later failure puts the old name back (the guard), so a failed plan
    // never leaves a renamed VM. newInactiveXml already carries the new name.
    RenameGuard renamed(dom);
    for (const EditStep &step : plan.steps) {
        if (step.request.change != arch::GuestChange::Rename)
            continue;
        if (!renamed.rename(step.deviceXml))
            throwLastLibvirtError(step.description);
    }

    // New volumes of new disks first: nothing refers to them yet.
    std::vector<std::unique_ptr<CreatedVolume>> volumes;
    for (const EditStep &step : plan.steps) {
        if (step.volumeXml.isEmpty())
            continue;
        const QString what = VmEditSteps::tr("Creating the volume for “%1”").arg(step.description);
        const StoragePoolHandle pool(
            virStoragePoolLookupByName(conn, step.volumePool.toUtf8().constData()));
        if (!pool)
            throwLastLibvirtError(what);
        // Thin volumes are accepted whatever their size: check the pool holds all of it.
        const quint64 capacity = volumeCapacity(step.volumeXml);
        virStoragePoolInfo info{};
        if (virStoragePoolGetInfo(pool.get(), &info) == 0 && capacity > info.available) {
            const QLocale locale;
            throw LibvirtError(what,
                               VmEditSteps::tr("The pool “%1” has only %2 free; the disk needs %3.")
                                   .arg(step.volumePool,
                                        locale.formattedDataSize(qint64(info.available), 1,
                                                                 QLocale::DataSizeIecFormat),
                                        locale.formattedDataSize(qint64(capacity), 1,
                                                                 QLocale::DataSizeIecFormat)));
        }
        virResetLastError();
        auto created = std::make_unique<CreatedVolume>();
        created->vol.reset(
            virStorageVolCreateXML(pool.get(), step.volumeXml.toUtf8().constData(), 0));
        if (!created->vol)
            throwLastLibvirtError(what);
        volumes.push_back(std::move(created));
    }

    // The definition next, validated: a bad definition changes nothing at all.
    QString oldInactive;
    if (defines) {
        oldInactive = xmlOf(dom, VIR_DOMAIN_XML_INACTIVE);
        if (!define(conn, plan.newInactiveXml, true))
            throwLastLibvirtError(VmEditSteps::tr("Writing the definition"));
    }

    // Then the running guest, step by step; a failure takes back what it can.
    QList<const EditStep *> applied;
    for (const EditStep &step : plan.steps) {
        if (!isLiveStep(plan, step, running))
            continue;
        if (applyLive(dom, step)) {
            applied << &step;
            continue;
        }
        const LibvirtError error = LibvirtError::fromLastError(step.description);
        QStringList stillApplied;
        for (auto it = applied.crbegin(); it != applied.crend(); ++it) {
            if (!undoLive(dom, **it))
                stillApplied << (*it)->description;
        }
        QString message = error.message();
        if (defines) {
            if (define(conn, oldInactive, false)) {
                message += u'\n' + VmEditSteps::tr("The definition was restored.");
            } else {
                message +=
                    u'\n' + VmEditSteps::tr("The new definition stays: it takes effect at the "
                                            "next boot.");
                for (auto &v : volumes)
                    v->keep(); // the definition that stays uses them
            }
            virResetLastError();
        }
        if (!stillApplied.isEmpty()) {
            message += u'\n' + VmEditSteps::tr("Already applied to the running guest: %1")
                                   .arg(stillApplied.join(u"; "_s));
            for (auto &v : volumes)
                v->keep(); // a disk that stays plugged in may use them
        }
        throw LibvirtError(error.context(), message, error.code());
    }

    for (const EditStep &step : plan.steps) {
        if (step.request.change == arch::GuestChange::Autostart) {
            if (virDomainSetAutostart(dom, step.request.to != 0 ? 1 : 0) < 0) {
                const LibvirtError error = LibvirtError::fromLastError(step.description);
                QStringList done;
                for (const EditStep *s : std::as_const(applied))
                    done << s->description;
                QString message = error.message();
                if (defines || !done.isEmpty())
                    message += u'\n' + VmEditSteps::tr("The other changes were applied.");
                renamed.keep(); // with them, under the new name
                for (auto &v : volumes)
                    v->keep();
                throw LibvirtError(error.context(), message, error.code());
            }
            result.appliedNow << step.description;
            continue;
        }
        // A rename is done at once (the guest is shut off), not waiting for a boot.
        if (isLiveStep(plan, step, running) || step.request.change == arch::GuestChange::Rename)
            result.appliedNow << step.description;
        else
            result.nextBoot << step.description;
    }
    renamed.keep();
    for (auto &v : volumes)
        v->keep();
    return result;
}

QFuture<EditResult> applyEdit(HostSession *session, const EditPlan &plan)
{
    return runOnWorker(session, [plan](virConnectPtr conn) { return applyEdit(conn, plan); });
}

// ---- defineEditedXml ----------------------------------------------------------------------

void defineEditedXml(virConnectPtr conn, const QString &uuid, const QString &xml)
{
    const QString step = VmEditSteps::tr("Writing the edited XML");
    QString xmlUuid;
    {
        QXmlStreamReader r(xml);
        int depth = 0;
        while (!r.atEnd()) {
            r.readNext();
            if (r.isStartElement()) {
                ++depth;
                if (depth == 2 && r.name() == "uuid"_L1) {
                    xmlUuid = r.readElementText().trimmed();
                    --depth;
                }
            } else if (r.isEndElement()) {
                --depth;
            }
        }
        if (r.hasError())
            throw LibvirtError(step, VmEditSteps::tr("The XML is not well-formed: %1 (line %2)")
                                         .arg(r.errorString())
                                         .arg(r.lineNumber()));
    }
    if (xmlUuid.compare(uuid, Qt::CaseInsensitive) != 0)
        throw LibvirtError(step, VmEditSteps::tr("The XML must keep the virtual machine's UUID "
                                                 "%1")
                                     .arg(uuid));
    lookup(conn, uuid); // the VM must exist: this never defines a new one
    if (!define(conn, xml, true))
        throwLastLibvirtError(step);
}

QFuture<void> defineEditedXml(HostSession *session, const QString &uuid, const QString &xml)
{
    return runOnWorker(session,
                       [uuid, xml](virConnectPtr conn) { defineEditedXml(conn, uuid, xml); });
}

// ---- hostDevices ------------------------------------------------------------------------

namespace {

using NodeDeviceHandle =
    std::unique_ptr<virNodeDevice, detail::LibvirtDeleter<virNodeDevice, virNodeDeviceFree>>;

} // namespace

std::optional<HostDeviceInfo> vmedit::parseNodeDevice(const QString &xml)
{
    HostDeviceInfo info;
    QXmlStreamReader r(xml);
    QString vendorName, productName;
    QString domain, bus, slot, function, usbBus, usbDevice, className;
    QStringList path;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isEndElement()) {
            path.removeLast();
            continue;
        }
        if (!r.isStartElement())
            continue;
        const QString name = r.name().toString();
        path << name;
        const auto a = r.attributes();
        auto text = [&] {
            const QString t = r.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
            path.removeLast();
            return t;
        };
        if (path.size() == 2 && name == "name"_L1) {
            info.name = text();
        } else if (path.size() == 2 && name == "capability"_L1) {
            const QString type = a.value("type"_L1).toString();
            if (type == "usb_device"_L1)
                info.kind = QString::fromLatin1(arch::HardwareKind::UsbHost);
            else if (type == "pci"_L1)
                info.kind = QString::fromLatin1(arch::HardwareKind::PciHost);
        } else if (path.size() == 3 && path[1] == "capability"_L1) {
            if (name == "vendor"_L1) {
                info.vendorId = vmedit::usbIdText(a.value("id"_L1).toString());
                vendorName = text();
            } else if (name == "product"_L1) {
                info.productId = vmedit::usbIdText(a.value("id"_L1).toString());
                productName = text();
            } else if (name == "domain"_L1) {
                domain = text();
            } else if (name == "bus"_L1) {
                bus = text();
            } else if (name == "slot"_L1) {
                slot = text();
            } else if (name == "function"_L1) {
                function = text();
            } else if (name == "device"_L1) {
                usbDevice = text();
            } else if (name == "class"_L1) {
                className = text();
            }
        }
    }
    if (info.kind.isEmpty() || info.name.isEmpty())
        return std::nullopt;
    const QString who = vendorName.isEmpty()    ? productName
                        : productName.isEmpty() ? vendorName
                                                : vendorName + u' ' + productName;
    if (info.kind == QLatin1StringView(arch::HardwareKind::UsbHost)) {
        info.address = u"%1.%2"_s.arg(bus, usbDevice);
        info.label = VmEditSteps::tr("%1 (%2:%3)")
                         .arg(who.isEmpty() ? info.name : who, info.vendorId, info.productId);
    } else {
        info.address = u"%1:%2:%3.%4"_s.arg(domain.toUInt(nullptr, 0), 4, 16, QChar(u'0'))
                           .arg(bus.toUInt(nullptr, 0), 2, 16, QChar(u'0'))
                           .arg(slot.toUInt(nullptr, 0), 2, 16, QChar(u'0'))
                           .arg(function.toUInt(nullptr, 0), 1, 16);
        info.label =
            VmEditSteps::tr("%1 (%2)").arg(who.isEmpty() ? info.name : who, info.address.mid(5));
    }
    return info;
}

QList<HostDeviceInfo> hostDevices(virConnectPtr conn)
{
    virNodeDevicePtr *raw = nullptr;
    int n = virConnectListAllNodeDevices(conn, &raw,
                                         VIR_CONNECT_LIST_NODE_DEVICES_CAP_USB_DEV |
                                             VIR_CONNECT_LIST_NODE_DEVICES_CAP_PCI_DEV);
    if (n < 0) {
        // The test driver filters by nothing: list all, keep USB and PCI below.
        virResetLastError();
        n = virConnectListAllNodeDevices(conn, &raw, 0);
    }
    if (n < 0)
        throwLastLibvirtError(VmEditSteps::tr("Listing the host's devices"));
    const auto devices = takeLibvirtArray<NodeDeviceHandle>(raw, n);
    QList<HostDeviceInfo> out;
    for (const NodeDeviceHandle &d : devices) {
        const QString xml = takeLibvirtString(virNodeDeviceGetXMLDesc(d.get(), 0));
        if (auto info = vmedit::parseNodeDevice(xml))
            out << *info;
    }
    virResetLastError();

    // Which VM of this host already has each one (its definition or its running self).
    virDomainPtr *doms = nullptr;
    const int count = virConnectListAllDomains(conn, &doms, 0);
    const auto domains = takeLibvirtArray<DomainHandle>(doms, count);
    for (const DomainHandle &dom : domains) {
        const VmConfig vm =
            parseVmConfig(takeLibvirtString(virDomainGetXMLDesc(dom.get(), 0)).toUtf8());
        for (const VmDevice &dev : vm.devices) {
            for (HostDeviceInfo &info : out) {
                const bool usb = dev.kind == "usb-host"_L1 && info.kind == dev.kind &&
                                 dev.source == info.vendorId + u':' + info.productId;
                const bool pci = dev.kind == "pci-host"_L1 && info.kind == dev.kind &&
                                 dev.source == info.address;
                if ((usb || pci) && info.usedBy.isEmpty())
                    info.usedBy = vm.name;
            }
        }
    }
    virResetLastError();
    return out;
}

QFuture<QList<HostDeviceInfo>> hostDevices(HostSession *session)
{
    return runOnWorker(session, [](virConnectPtr conn) { return hostDevices(conn); });
}

} // namespace crossvirt::models
