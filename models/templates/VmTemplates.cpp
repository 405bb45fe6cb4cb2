// Templates: make (a shut-off VM becomes one in place), list, delete, and the plan of a new
// VM from one (pure). The deployment itself is in TemplateDeployer.cpp.

#include "models/templates/VmTemplates.h"

#include "arch/ArchModel.h"
#include "models/connection/HostSession.h"
#include "models/connection/LibvirtError.h"
#include "models/connection/VolumeUsers.h"
#include "models/connection/WorkerJobs.h"
#include "models/provisioning/NameRules.h"
#include "models/storage/StorageJobs.h"
#include "models/templates/VmTemplatesInternal.h"
#include "models/vmedit/VmConfig.h"
#include "models/vmedit/VmXmlDom.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QSet>
#include <QUuid>
#include <QXmlStreamWriter>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

using namespace Qt::StringLiterals;

namespace crossvirt::models {

// ---- small pieces ----------------------------------------------------------------------------

QString templateDiskModeId(TemplateDiskMode mode)
{
    return mode == TemplateDiskMode::Copy ? u"copy"_s : u"overlay"_s;
}

std::optional<TemplateDiskMode> templateDiskModeFromId(const QString &id)
{
    if (id == "overlay"_L1)
        return TemplateDiskMode::Overlay;
    if (id == "copy"_L1)
        return TemplateDiskMode::Copy;
    return std::nullopt;
}

namespace {

void appendUnique(QStringList &list, const QString &value)
{
    if (!value.isEmpty() && !list.contains(value))
        list.append(value);
}

qint64 toMiB(const QString &value, const QString &unit)
{
    const double v = value.trimmed().toDouble();
    const QString u = unit.toLower();
    if (u == "b"_L1 || u == "bytes"_L1)
        return qint64(v / (1024.0 * 1024.0));
    if (u == "mib"_L1 || u == "m"_L1)
        return qint64(v);
    if (u == "gib"_L1 || u == "g"_L1)
        return qint64(v * 1024);
    if (u == "tib"_L1 || u == "t"_L1)
        return qint64(v * 1024 * 1024);
    return qint64(v / 1024); // KiB, libvirt's default
}

} // namespace

arch::GuestRequirements guestRequirements(const QByteArray &domainXml)
{
    arch::GuestRequirements g;
    QDomDocument doc;
    if (!doc.setContent(domainXml))
        return g;
    const QDomElement domain = doc.documentElement();
    if (const auto type = arch::virtTypeFromName(domain.attribute(u"type"_s)))
        g.virtType = *type;
    const QDomElement os = domain.firstChildElement(u"os"_s);
    const QDomElement osType = os.firstChildElement(u"type"_s);
    g.arch = osType.attribute(u"arch"_s);
    g.machine = osType.attribute(u"machine"_s);
    const QDomElement loader = os.firstChildElement(u"loader"_s);
    if (os.attribute(u"firmware"_s) == "efi"_L1 || loader.attribute(u"type"_s) == "pflash"_L1)
        g.firmware = u"efi"_s;

    const QDomElement cpu = domain.firstChildElement(u"cpu"_s);
    if (!cpu.isNull()) {
        const QString mode = cpu.attribute(u"mode"_s);
        const QString model = cpu.firstChildElement(u"model"_s).text().trimmed();
        if (mode == "host-model"_L1)
            g.cpu = {arch::CpuMode::HostModel, {}};
        else if (mode == "host-passthrough"_L1)
            g.cpu = {arch::CpuMode::HostPassthrough, {}};
        else if (mode == "maximum"_L1)
            g.cpu = {arch::CpuMode::Maximum, {}};
        else if (!model.isEmpty())
            g.cpu = {arch::CpuMode::Custom, model};
    }
    g.vcpus = domain.firstChildElement(u"vcpu"_s).text().trimmed().toInt();
    const QDomElement memory = domain.firstChildElement(u"memory"_s);
    g.memoryMiB = toMiB(memory.text(), memory.attribute(u"unit"_s));

    const QDomElement devices = domain.firstChildElement(u"devices"_s);
    for (QDomElement e = devices.firstChildElement(); !e.isNull(); e = e.nextSiblingElement()) {
        const QString tag = e.tagName();
        if (tag == "disk"_L1) {
            appendUnique(g.diskBuses, e.firstChildElement(u"target"_s).attribute(u"bus"_s));
        } else if (tag == "interface"_L1) {
            appendUnique(g.nicModels, e.firstChildElement(u"model"_s).attribute(u"type"_s));
        } else if (tag == "video"_L1) {
            appendUnique(g.videoModels, e.firstChildElement(u"model"_s).attribute(u"type"_s));
        } else if (tag == "graphics"_L1) {
            appendUnique(g.graphicsTypes, e.attribute(u"type"_s));
        } else if (tag == "hostdev"_L1) {
            appendUnique(g.hostdevTypes, e.attribute(u"type"_s));
        } else if (tag == "tpm"_L1) {
            appendUnique(g.tpmModels, e.attribute(u"model"_s));
        } else if (tag == "controller"_L1 && e.hasAttribute(u"model"_s)) {
            appendUnique(g.controllerModels,
                         e.attribute(u"type"_s) + u'/' + e.attribute(u"model"_s));
        }
    }
    return g;
}

// ---- reading a template --------------------------------------------------------------------

namespace {

struct DiskElementInfo
{
    QString device, target, bus, path, format;
    bool readOnly = false;
};

DiskElementInfo diskInfo(const QDomElement &disk)
{
    DiskElementInfo d;
    d.device = disk.attribute(u"device"_s, u"disk"_s);
    d.target = disk.firstChildElement(u"target"_s).attribute(u"dev"_s);
    d.bus = disk.firstChildElement(u"target"_s).attribute(u"bus"_s);
    d.format = disk.firstChildElement(u"driver"_s).attribute(u"type"_s);
    d.readOnly = !disk.firstChildElement(u"readonly"_s).isNull();
    const QDomElement source = disk.firstChildElement(u"source"_s);
    for (const QString &a : {u"file"_s, u"dev"_s, u"name"_s}) {
        if (source.hasAttribute(a)) {
            d.path = source.attribute(a);
            break;
        }
    }
    if (d.path.isEmpty() && source.hasAttribute(u"pool"_s))
        d.path = source.attribute(u"pool"_s) + u'/' + source.attribute(u"volume"_s);
    return d;
}

QString volumeXmlOf(virStorageVolPtr vol)
{
    return takeLibvirtString(virStorageVolGetXMLDesc(vol, 0));
}

/// The <target><format type> and <backingStore><path> of a volume's XML.
std::pair<QString, QString> volumeFormatAndBacking(const QString &xml)
{
    QDomDocument doc;
    if (!doc.setContent(xml))
        return {};
    const QDomElement v = doc.documentElement();
    return {v.firstChildElement(u"target"_s).firstChildElement(u"format"_s).attribute(u"type"_s),
            v.firstChildElement(u"backingStore"_s).firstChildElement(u"path"_s).text().trimmed()};
}

TemplateDisk readTemplateDisk(virConnectPtr conn, const DiskElementInfo &d)
{
    TemplateDisk t;
    t.target = d.target;
    t.device = d.device;
    t.path = d.path;
    t.format = d.format;
    if (d.path.isEmpty())
        return t;
    const StorageVolHandle vol = findVolume(conn, d.path);
    if (!vol) {
        virResetLastError();
        t.exists = d.device != "disk"_L1; // a CD-ROM's medium is not the template's to judge
        return t;
    }
    if (const char *path = virStorageVolGetPath(vol.get())) {
        t.path = QString::fromUtf8(path);
        std::free(const_cast<char *>(path));
    }
    if (const char *name = virStorageVolGetName(vol.get()))
        t.volume = QString::fromUtf8(name);
    const StoragePoolHandle pool(virStoragePoolLookupByVolume(vol.get()));
    if (pool) {
        if (const char *name = virStoragePoolGetName(pool.get()))
            t.pool = QString::fromUtf8(name);
    }
    virStorageVolInfo info{};
    if (virStorageVolGetInfo(vol.get(), &info) == 0) {
        t.capacity = info.capacity;
        t.allocation = info.allocation;
    }
    const auto [format, backing] = volumeFormatAndBacking(volumeXmlOf(vol.get()));
    Q_UNUSED(backing)
    if (!format.isEmpty() && format != "none"_L1)
        t.format = format;
    virResetLastError();
    return t;
}

/// `buses`: the <target bus> of each of t.disks.
QString templateSummary(const TemplateInfo &t, const QStringList &buses)
{
    const QLocale locale;
    QStringList parts;
    parts << TemplateText::tr("%n vCPU(s)", nullptr, t.vcpus);
    parts << locale.formattedDataSize(t.memoryMiB * 1024 * 1024, 1);
    const arch::GuestRequirements &r = t.requirements;
    for (qsizetype i = 0; i < t.disks.size(); ++i) {
        const TemplateDisk &d = t.disks.at(i);
        if (d.device != "disk"_L1)
            continue;
        parts << TemplateText::tr("%1 disk %2")
                     .arg(buses.value(i), locale.formattedDataSize(qint64(d.capacity), 1));
    }
    for (const QString &m : r.nicModels)
        parts << TemplateText::tr("%1 NIC").arg(m);
    return parts.join(u" · "_s);
}

} // namespace

TemplateInfo readTemplateInfo(virConnectPtr conn, const QString &uri, const QString &xml)
{
    TemplateInfo t;
    t.uri = uri;
    t.xml = xml;
    const QByteArray bytes = xml.toUtf8();
    const VmConfig config = parseVmConfig(bytes);
    t.uuid = config.uuid;
    t.name = config.name;
    t.metadata = readCrossvirtMetadata(bytes);
    t.arch = config.arch;
    t.machine = config.machine;
    t.virtType = config.virtType;
    t.firmware = config.firmware;
    t.vcpus = config.maxVcpus > 0 ? config.maxVcpus : config.vcpus;
    t.memoryMiB = config.memoryMiB;
    t.requirements = guestRequirements(bytes);
    const QDomDocument doc = vmxml::parse(xml);
    const QDomElement devices = doc.documentElement().firstChildElement(u"devices"_s);
    QStringList buses;
    for (QDomElement e = devices.firstChildElement(); !e.isNull(); e = e.nextSiblingElement()) {
        if (e.tagName() == "disk"_L1) {
            const DiskElementInfo d = diskInfo(e);
            t.disks << readTemplateDisk(conn, d);
            buses << d.bus;
        } else if (e.tagName() == "interface"_L1) {
            const QDomElement source = e.firstChildElement(u"source"_s);
            QString net = source.attribute(u"network"_s);
            if (net.isEmpty())
                net = source.attribute(u"bridge"_s);
            t.nicNetworks << net;
        }
    }
    t.summary = templateSummary(t, buses);
    return t;
}

namespace {

DomainHandle lookupDomain(virConnectPtr conn, const QString &uuid, const QString &step)
{
    DomainHandle dom(virDomainLookupByUUIDString(conn, uuid.toUtf8().constData()));
    if (!dom)
        throwLastLibvirtError(step);
    return dom;
}

QString domainName(virDomainPtr dom)
{
    const char *n = virDomainGetName(dom);
    return n ? QString::fromUtf8(n) : QString();
}

QString domainUuid(virDomainPtr dom)
{
    char buf[VIR_UUID_STRING_BUFLEN] = {};
    virDomainGetUUIDString(dom, buf);
    return QString::fromLatin1(buf);
}

QString inactiveXml(virDomainPtr dom, const QString &step)
{
    const unsigned flags = virDomainIsPersistent(dom) == 1 ? VIR_DOMAIN_XML_INACTIVE : 0;
    char *xml = virDomainGetXMLDesc(dom, flags);
    if (!xml)
        throwLastLibvirtError(step);
    return takeLibvirtString(xml);
}

} // namespace

bool defineValidated(virConnectPtr conn, const QString &xml, DomainHandle *out)
{
    const QByteArray bytes = xml.toUtf8();
    DomainHandle dom(virDomainDefineXMLFlags(conn, bytes.constData(), VIR_DOMAIN_DEFINE_VALIDATE));
    if (!dom) {
        const virError *err = virGetLastError();
        // A driver without schema validation (flag unsupported): libvirt's parser still checks.
        if (err && (err->code == VIR_ERR_INVALID_ARG || err->code == VIR_ERR_NO_SUPPORT) &&
            QString::fromUtf8(err->message ? err->message : "").contains(u"flags"_s)) {
            virResetLastError();
            dom.reset(virDomainDefineXML(conn, bytes.constData()));
        }
    }
    const bool ok = dom != nullptr;
    if (out)
        *out = std::move(dom);
    return ok;
}

// ---- makeTemplate ----------------------------------------------------------------------------

TemplateInfo makeTemplate(virConnectPtr conn, const QString &uri, const QString &uuid,
                          const QString &description)
{
    const QString reading = TemplateText::tr("Reading the virtual machine");
    const DomainHandle dom = lookupDomain(conn, uuid, reading);
    const QString name = domainName(dom.get());
    const QString step = TemplateText::tr("Making a template of “%1”").arg(name);
    if (virDomainIsActive(dom.get()) == 1)
        throw LibvirtError(step,
                           TemplateText::tr("“%1” is running: shut it down first, so its "
                                            "disks are consistent bases")
                               .arg(name),
                           storage::kStorageRefused);
    if (virDomainIsPersistent(dom.get()) != 1)
        throw LibvirtError(step,
                           TemplateText::tr("“%1” is transient: a template must stay "
                                            "defined when it is not running")
                               .arg(name),
                           storage::kStorageRefused);
    const QString xml = inactiveXml(dom.get(), reading);
    CrossvirtMetadata meta = readCrossvirtMetadata(xml.toUtf8());
    if (meta.isTemplate)
        throw LibvirtError(step, TemplateText::tr("“%1” already is a template").arg(name),
                           storage::kStorageRefused);

    QDomDocument doc = vmxml::parse(xml);
    if (doc.isNull())
        throw LibvirtError(step,
                           TemplateText::tr("libvirt returned a definition that does not parse"));
    const QDomElement devices = doc.documentElement().firstChildElement(u"devices"_s);
    for (QDomElement e = devices.firstChildElement(u"disk"_s); !e.isNull();
         e = e.nextSiblingElement(u"disk"_s)) {
        const DiskElementInfo d = diskInfo(e);
        if (d.device != "disk"_L1 || d.path.isEmpty())
            continue;
        if (!findVolume(conn, d.path)) {
            virResetLastError();
            throw LibvirtError(step,
                               TemplateText::tr("Disk %1 (%2) is in no storage pool: the "
                                                "disks of a template must be volumes so "
                                                "new VMs can be made from them")
                                   .arg(d.target, d.path),
                               storage::kStorageRefused);
        }
        // The disk becomes a base: no start may write it.
        if (!d.readOnly)
            e.appendChild(doc.createElement(u"readonly"_s));
    }
    meta.isTemplate = true;
    meta.templateCreated = QDateTime::currentDateTimeUtc();
    meta.templateSourceVm = name;
    meta.templateDescription = description;
    // A template is made from a VM; what it was made from is not carried on.
    meta.fromTemplateUuid.clear();
    meta.fromTemplateName.clear();
    meta.fromTemplateMode.clear();
    meta.vmPool.clear();
    const QString newXml = withCrossvirtMetadata(vmxml::toString(doc), meta);
    DomainHandle defined;
    if (!defineValidated(conn, newXml, &defined))
        throwLastLibvirtError(step);
    if (virDomainSetAutostart(defined.get(), 0) < 0)
        virResetLastError(); // a driver without autostart has none to turn off
    return readTemplateInfo(conn, uri, inactiveXml(defined.get(), reading));
}

QFuture<TemplateInfo> makeTemplate(HostSession *session, const QString &uuid,
                                   const QString &description)
{
    return runOnWorker(session, [uuid, description, uri = session->uri()](virConnectPtr conn) {
        return makeTemplate(conn, uri, uuid, description);
    });
}

// ---- listTemplates ---------------------------------------------------------------------------

QList<TemplateInfo> listTemplates(virConnectPtr conn, const QString &uri)
{
    QList<TemplateInfo> out;
    virDomainPtr *doms = nullptr;
    const int n = virConnectListAllDomains(
        conn, &doms, VIR_CONNECT_LIST_DOMAINS_INACTIVE | VIR_CONNECT_LIST_DOMAINS_PERSISTENT);
    if (n < 0)
        throwLastLibvirtError(TemplateText::tr("Listing the templates"));
    for (const DomainHandle &dom : takeLibvirtArray<DomainHandle>(doms, n)) {
        char *xml = virDomainGetXMLDesc(dom.get(), VIR_DOMAIN_XML_INACTIVE);
        if (!xml) {
            virResetLastError(); // undefined meanwhile
            continue;
        }
        const QString text = takeLibvirtString(xml);
        if (!readCrossvirtMetadata(text.toUtf8()).isTemplate)
            continue;
        out << readTemplateInfo(conn, uri, text);
    }
    std::sort(out.begin(), out.end(), [](const TemplateInfo &a, const TemplateInfo &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    return out;
}

QFuture<QList<TemplateInfo>> listTemplates(HostSession *session)
{
    return runOnWorker(
        session, [uri = session->uri()](virConnectPtr conn) { return listTemplates(conn, uri); });
}

// ---- deleteTemplate --------------------------------------------------------------------------

QStringList templateUsers(virConnectPtr conn, const TemplateInfo &tmpl)
{
    QSet<QString> bases;
    for (const TemplateDisk &d : tmpl.disks) {
        if (d.device == "disk"_L1 && !d.path.isEmpty())
            bases.insert(d.path);
    }
    QStringList users;
    virDomainPtr *doms = nullptr;
    const int n = virConnectListAllDomains(conn, &doms, 0);
    if (n < 0)
        throwLastLibvirtError(TemplateText::tr("Listing the VMs of the host"));
    for (const DomainHandle &dom : takeLibvirtArray<DomainHandle>(doms, n)) {
        const QString uuid = domainUuid(dom.get());
        if (uuid.compare(tmpl.uuid, Qt::CaseInsensitive) == 0)
            continue;
        char *raw = virDomainGetXMLDesc(
            dom.get(), virDomainIsPersistent(dom.get()) == 1 ? VIR_DOMAIN_XML_INACTIVE : 0);
        if (!raw) {
            virResetLastError();
            continue;
        }
        const QString xml = takeLibvirtString(raw);
        const CrossvirtMetadata meta = readCrossvirtMetadata(xml.toUtf8());
        bool uses = meta.fromTemplateUuid.compare(tmpl.uuid, Qt::CaseInsensitive) == 0 &&
                    meta.fromTemplateMode == "overlay"_L1;
        const QDomDocument doc = vmxml::parse(xml);
        const QDomElement devices = doc.documentElement().firstChildElement(u"devices"_s);
        for (QDomElement e = devices.firstChildElement(u"disk"_s); !uses && !e.isNull();
             e = e.nextSiblingElement(u"disk"_s)) {
            // The backing chain as the domain shows it (live XML), else as the volume does.
            const QString backing = e.firstChildElement(u"backingStore"_s)
                                        .firstChildElement(u"source"_s)
                                        .attribute(u"file"_s);
            if (bases.contains(backing)) {
                uses = true;
                break;
            }
            const DiskElementInfo d = diskInfo(e);
            if (d.path.isEmpty())
                continue;
            if (const StorageVolHandle vol = findVolume(conn, d.path)) {
                const auto [format, volBacking] = volumeFormatAndBacking(volumeXmlOf(vol.get()));
                Q_UNUSED(format)
                uses = bases.contains(volBacking);
            }
            virResetLastError();
        }
        if (uses)
            users << domainName(dom.get());
    }
    users.sort();
    return users;
}

void deleteTemplate(virConnectPtr conn, const QString &uri, const QString &uuid, bool withVolumes)
{
    const QString reading = TemplateText::tr("Reading the template");
    const DomainHandle dom = lookupDomain(conn, uuid, reading);
    const QString name = domainName(dom.get());
    const QString step = TemplateText::tr("Deleting template “%1”").arg(name);
    const TemplateInfo tmpl = readTemplateInfo(conn, uri, inactiveXml(dom.get(), reading));
    if (!tmpl.metadata.isTemplate)
        throw LibvirtError(step, TemplateText::tr("“%1” is not a template").arg(name),
                           storage::kStorageRefused);
    if (virDomainIsActive(dom.get()) == 1)
        throw LibvirtError(step, TemplateText::tr("“%1” is running").arg(name),
                           storage::kStorageRefused);
    const QStringList users = templateUsers(conn, tmpl);
    if (!users.isEmpty()) {
        throw LibvirtError(step,
                           TemplateText::tr("These VMs have disks backed by its volumes: "
                                            "%1. Delete them (or their disks) first.")
                               .arg(users.join(u", "_s)),
                           storage::kStorageRefused);
    }
    std::vector<StorageVolHandle> toDelete;
    if (withVolumes) {
        const QHash<QString, QStringList> direct = volumeUsers(conn, uuid);
        for (const TemplateDisk &d : tmpl.disks) {
            if (d.device != "disk"_L1 || !d.exists || d.path.isEmpty())
                continue;
            const QStringList others = direct.value(volumeKey(conn, d.path));
            if (!others.isEmpty()) {
                throw LibvirtError(step,
                                   TemplateText::tr("Its volume %1 is used by %2")
                                       .arg(d.path, others.join(u", "_s)),
                                   storage::kStorageRefused);
            }
            if (StorageVolHandle vol = findVolume(conn, d.path))
                toDelete.push_back(std::move(vol));
            virResetLastError();
        }
    }
    if (virDomainUndefineFlags(dom.get(), VIR_DOMAIN_UNDEFINE_NVRAM |
                                              VIR_DOMAIN_UNDEFINE_MANAGED_SAVE |
                                              VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA) < 0) {
        virResetLastError();
        if (virDomainUndefine(dom.get()) < 0)
            throwLastLibvirtError(step);
    }
    for (const StorageVolHandle &vol : toDelete) {
        if (virStorageVolDelete(vol.get(), 0) < 0)
            throwLastLibvirtError(
                TemplateText::tr("Deleting the volumes of template “%1”").arg(name));
    }
}

QFuture<void> deleteTemplate(HostSession *session, const QString &uuid, bool withVolumes)
{
    return runOnWorker(session, [uuid, withVolumes, uri = session->uri()](virConnectPtr conn) {
        deleteTemplate(conn, uri, uuid, withVolumes);
    });
}

// ---- planFromTemplate ------------------------------------------------------------------------

namespace {

QString randomMac(QSet<QString> &taken)
{
    for (;;) {
        const quint32 r = QRandomGenerator::global()->generate();
        const QString mac = u"52:54:00:%1:%2:%3"_s.arg((r >> 16) & 0xff, 2, 16, QLatin1Char('0'))
                                .arg((r >> 8) & 0xff, 2, 16, QLatin1Char('0'))
                                .arg(r & 0xff, 2, 16, QLatin1Char('0'));
        if (!taken.contains(mac)) {
            taken.insert(mac);
            return mac;
        }
    }
}

QString volumeExtension(const QString &format)
{
    return format == "qcow2"_L1 ? u".qcow2"_s : u".img"_s;
}

/// The pool a new volume goes to: the one asked for, libvirt's "default", `preferred`, the
/// first active one.
QString choosePool(const StorageSnapshot &storage, const QString &requested,
                   const QString &preferred)
{
    if (!requested.isEmpty())
        return requested;
    const QStringList active = storage.activePoolNames();
    if (active.contains(u"default"_s))
        return u"default"_s;
    if (!preferred.isEmpty() && active.contains(preferred))
        return preferred;
    return active.value(0);
}

QString capacityXml(const QString &name, quint64 capacity, const QString &format,
                    const TemplateDisk *backing)
{
    QString out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.writeStartElement(u"volume"_s);
    w.writeTextElement(u"name"_s, name);
    w.writeStartElement(u"capacity"_s);
    w.writeAttribute(u"unit"_s, u"bytes"_s);
    w.writeCharacters(QString::number(capacity));
    w.writeEndElement();
    w.writeStartElement(u"target"_s);
    w.writeEmptyElement(u"format"_s);
    w.writeAttribute(u"type"_s, format);
    w.writeEndElement();
    if (backing) {
        w.writeStartElement(u"backingStore"_s);
        w.writeTextElement(u"path"_s, backing->path);
        w.writeEmptyElement(u"format"_s);
        w.writeAttribute(u"type"_s, backing->format.isEmpty() ? u"raw"_s : backing->format);
        w.writeEndElement();
    }
    w.writeEndElement();
    return out;
}

} // namespace

FromTemplatePlan planFromTemplate(const TemplateInfo &tmpl, const FromTemplateRequest &request,
                                  const GuestHostContext &target,
                                  const StorageSnapshot &targetStorage, const QString &clusterArch)
{
    FromTemplatePlan plan;
    plan.source = tmpl;
    plan.request = request;
    plan.targetUri = !target.uri.isEmpty()          ? target.uri
                     : !request.targetUri.isEmpty() ? request.targetUri
                                                    : tmpl.uri;
    const bool sameHost = plan.targetUri == tmpl.uri;
    using Text = FromTemplatePlan;

    if (!clusterArch.isEmpty() && clusterArch != tmpl.arch) {
        plan.problems << Text::tr("Template %1 is for %2 guests; this cluster runs %3 guests")
                             .arg(tmpl.name, tmpl.arch, clusterArch);
        return plan;
    }
    if (!tmpl.metadata.isTemplate)
        plan.problems << Text::tr("“%1” is not a template").arg(tmpl.name);
    plan.problems << NameRules::vmNameProblems(request.name, targetStorage.domainNames);

    const arch::ArchModel *model = target.model();
    if (!model) {
        plan.problems << Text::tr("Crossvirt does not know the architecture “%1”").arg(target.arch);
        return plan;
    }
    if (target.placement.execution == arch::Execution::Unable || !target.placement.offered) {
        QString reason = target.placement.reason;
        if (reason.isEmpty())
            reason = Text::tr("This host cannot run %1 guests").arg(tmpl.arch);
        plan.problems << reason;
    }
    plan.virtType = target.placement.virtType;

    // A new VM carries no machine state: where the host lacks the template's exact
    // versioned machine but has its family, the VM gets the host's current one.
    arch::GuestRequirements req = tmpl.requirements;
    QString machine = req.machine;
    if (target.hostCaps && !machine.isEmpty()) {
        const QList<arch::MachineInfo> machines = target.hostCaps->machines(tmpl.arch);
        bool found = false;
        for (const arch::MachineInfo &m : machines)
            found =
                found || m.name == machine || (!m.canonical.isEmpty() && m.canonical == machine);
        const QString family = model->machineFamily(machine);
        if (!found && !family.isEmpty()) {
            QString replacement;
            for (const arch::MachineInfo &m : machines) {
                if (m.name == family)
                    replacement = m.canonical.isEmpty() ? m.name : m.canonical;
            }
            if (replacement.isEmpty()) {
                for (const arch::MachineInfo &m : machines) {
                    if (model->machineFamily(m.name) == family && !m.deprecated) {
                        replacement = m.name;
                        break;
                    }
                }
            }
            if (!replacement.isEmpty())
                machine = replacement;
        }
    }
    req.machine = machine;
    arch::GuestContext ctx = target.context(false, tmpl.firmware);
    ctx.arch = target.arch.isEmpty() ? tmpl.arch : target.arch;
    ctx.machine = machine;
    ctx.virtType = plan.virtType;
    const arch::HostCapabilities *hostCaps = target.hostCaps ? &*target.hostCaps : nullptr;
    for (const arch::PortabilityProblem &p : model->portabilityProblems(ctx, req, hostCaps))
        plan.problems << Text::tr("%1: %2").arg(p.what, p.reason);

    // ---- disks ----
    QHash<QString, QStringList> takenVolumes; // pool -> names, the plan's own included
    QHash<QString, quint64> copyBytes;        // pool -> bytes the copies need
    for (const TemplateDisk &base : tmpl.disks) {
        if (base.device != "disk"_L1 || base.path.isEmpty())
            continue;
        if (!base.exists) {
            plan.problems << Text::tr("Disk %1: the template's base volume %2 no longer exists")
                                 .arg(base.target, base.path);
            continue;
        }
        FromTemplateDisk d;
        d.base = base;
        d.copy = request.diskMode == TemplateDiskMode::Copy;
        if (!d.copy && !sameHost) {
            plan.problems << Text::tr(
                                 "Disk %1: an overlay needs the template's volume, which is on "
                                 "%2; use copies to make the VM on another host")
                                 .arg(base.target, tmpl.uri);
            continue;
        }
        d.pool = choosePool(targetStorage, request.targetPool, sameHost ? base.pool : QString());
        const PoolContents *pool = targetStorage.pool(d.pool);
        if (!pool || !pool->info.active) {
            plan.problems
                << (d.pool.isEmpty()
                        ? Text::tr("The host has no active storage pool for the new disks")
                        : Text::tr("Storage pool %1 is not active on the host").arg(d.pool));
            continue;
        }
        QStringList &taken = takenVolumes[d.pool];
        if (taken.isEmpty())
            taken = pool->volumeNames();
        const QString format =
            d.copy ? (base.format.isEmpty() ? u"raw"_s : base.format) : u"qcow2"_s;
        const bool first = plan.disks.isEmpty();
        d.volume =
            (first ? request.name : request.name + u'-' + base.target) + volumeExtension(format);
        for (const QString &p : NameRules::volumeNameProblems(d.volume, taken))
            plan.problems << Text::tr("Disk %1: %2").arg(base.target, p);
        taken << d.volume;
        if (d.copy) {
            d.bytes = base.allocation > 0 ? base.allocation : base.capacity;
            copyBytes[d.pool] += d.bytes;
            d.volumeXml = capacityXml(d.volume, base.capacity, format, nullptr);
        } else {
            d.volumeXml = capacityXml(d.volume, base.capacity, format, &base);
        }
        plan.disks << d;
    }
    for (auto it = copyBytes.constBegin(); it != copyBytes.constEnd(); ++it) {
        const PoolContents *pool = targetStorage.pool(it.key());
        if (pool && it.value() > pool->info.available) {
            const QLocale locale;
            plan.problems << Text::tr("Storage pool %1 has %2 free; the copies need %3")
                                 .arg(it.key(),
                                      locale.formattedDataSize(qint64(pool->info.available)),
                                      locale.formattedDataSize(qint64(it.value())));
        }
    }

    // ---- the new domain ----
    QDomDocument doc = vmxml::parse(tmpl.xml);
    if (doc.isNull()) {
        plan.problems << Text::tr("The template's definition does not parse");
        return plan;
    }
    QDomElement domain = doc.documentElement();
    domain.setAttribute(u"type"_s, arch::virtTypeName(plan.virtType));
    vmxml::setChildText(domain, u"name"_s, request.name);
    vmxml::setChildText(domain, u"uuid"_s, QUuid::createUuid().toString(QUuid::WithoutBraces));
    QDomElement os = domain.firstChildElement(u"os"_s);
    QDomElement osType = os.firstChildElement(u"type"_s);
    if (!machine.isEmpty())
        osType.setAttribute(u"machine"_s, machine);
    // The VM gets NVRAM of its own, made by libvirt from the firmware's template.
    vmxml::removeChildren(os, u"nvram"_s);

    QSet<QString> macs;
    QDomElement devices = domain.firstChildElement(u"devices"_s);
    for (QDomElement e = devices.firstChildElement(); !e.isNull(); e = e.nextSiblingElement()) {
        const QString tag = e.tagName();
        if (tag == "interface"_L1) {
            vmxml::ensureChild(e, u"mac"_s).setAttribute(u"address"_s, randomMac(macs));
            vmxml::removeChildren(e, u"target"_s);
        } else if (tag == "graphics"_L1 && e.hasAttribute(u"port"_s)) {
            e.setAttribute(u"autoport"_s, u"yes"_s);
            e.removeAttribute(u"port"_s);
            e.removeAttribute(u"websocket"_s);
        } else if (tag == "disk"_L1) {
            const DiskElementInfo info = diskInfo(e);
            const FromTemplateDisk *planned = nullptr;
            for (const FromTemplateDisk &d : std::as_const(plan.disks)) {
                if (d.base.target == info.target)
                    planned = &d;
            }
            if (planned) {
                // The VM's own disk: writable, on its new volume.
                e.setAttribute(u"type"_s, u"file"_s);
                vmxml::removeChildren(e, u"readonly"_s);
                vmxml::removeChildren(e, u"backingStore"_s);
                vmxml::removeChildren(e, u"source"_s);
                QDomElement source = doc.createElement(u"source"_s);
                const PoolContents *pool = targetStorage.pool(planned->pool);
                const QString dir = pool ? pool->info.path : QString();
                source.setAttribute(u"file"_s,
                                    dir.isEmpty() ? planned->volume : dir + u'/' + planned->volume);
                e.insertBefore(source, e.firstChildElement(u"target"_s));
                QDomElement driver = vmxml::ensureChild(e, u"driver"_s);
                driver.setAttribute(u"type"_s, planned->copy ? (planned->base.format.isEmpty()
                                                                    ? u"raw"_s
                                                                    : planned->base.format)
                                                             : u"qcow2"_s);
            } else if (info.device != "disk"_L1 && !sameHost) {
                // A medium on the template's host means nothing on another: leave it empty.
                vmxml::removeChildren(e, u"source"_s);
            }
        }
    }
    // The template's own element goes; other tools' metadata (libosinfo) stays.
    CrossvirtMetadata meta;
    meta.fromTemplateUuid = tmpl.uuid;
    meta.fromTemplateName = tmpl.name;
    meta.fromTemplateMode = templateDiskModeId(request.diskMode);
    meta.vmPool = request.vmPool;
    plan.domainXml = withCrossvirtMetadata(vmxml::toString(doc), meta);
    return plan;
}

} // namespace crossvirt::models
