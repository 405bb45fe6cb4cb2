// Clone plans (pure): virt-clone's rules applied to a CloneSource read from the host.
#include "models/clone/VmClone.h"

#include "models/provisioning/NameRules.h"
#include "models/storage/StorageTypes.h"
#include "models/vmedit/VmXmlDom.h"

#include <QFileInfo>
#include <QLocale>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

namespace crossvirt::models {

using namespace Qt::StringLiterals;

namespace {

QString sizeText(quint64 bytes)
{
    return QLocale().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeIecFormat);
}

// A locally administered QEMU MAC (52:54:00:xx:xx:xx) that no VM of the host has.
QString newMac(QSet<QString> &used, QRandomGenerator &random)
{
    for (;;) {
        const quint32 r = random.generate();
        const QString mac = QString::asprintf("52:54:00:%02x:%02x:%02x", (r >> 16) & 0xff,
                                              (r >> 8) & 0xff, r & 0xff);
        if (!used.contains(mac)) {
            used.insert(mac);
            return mac;
        }
    }
}

// ".qcow2" of "web.qcow2"; "" when the name has no short extension.
QString extensionOf(const QString &volume)
{
    static const QRegularExpression re(u"\\.[A-Za-z0-9]{1,8}$"_s);
    const QRegularExpressionMatch m = re.match(volume);
    return m.hasMatch() ? m.captured(0) : QString();
}

// "<newName><ext>", then "<newName>-1<ext>", ...: the first name free in `taken`.
QString freeVolumeName(const QString &newName, const QString &ext, const QStringList &taken)
{
    for (int i = 0;; ++i) {
        const QString name = i == 0 ? newName + ext : u"%1-%2%3"_s.arg(newName).arg(i).arg(ext);
        if (!taken.contains(name))
            return name;
    }
}

bool removable(const CloneDiskSource &disk)
{
    return disk.device == "cdrom"_L1 || disk.device == "floppy"_L1;
}

// The disk's mode and why, by virt-clone's rules and the request.
std::pair<CloneDiskMode, QString> diskMode(const CloneDiskSource &disk, const CloneRequest &request)
{
    if (disk.path.isEmpty()) {
        return {CloneDiskMode::Keep, removable(disk)
                                         ? ClonePlan::tr("an empty drive stays empty")
                                         : ClonePlan::tr("a disk without a source stays so")};
    }
    if (removable(disk))
        return {CloneDiskMode::Share, ClonePlan::tr("CD-ROM and floppy media are shared")};
    if (const auto it = request.diskModes.constFind(disk.target); it != request.diskModes.cend()) {
        const CloneDiskMode mode = *it == CloneDiskMode::Keep ? CloneDiskMode::Share : *it;
        return {mode, ClonePlan::tr("chosen for this disk")};
    }
    if (disk.readOnly)
        return {CloneDiskMode::Share, ClonePlan::tr("read-only disks are shared")};
    if (disk.shareable)
        return {CloneDiskMode::Share, ClonePlan::tr("shareable disks are shared")};
    switch (request.writableDisks) {
    case CloneDiskMode::Copy:
        return {CloneDiskMode::Copy, ClonePlan::tr("writable disks are copied")};
    case CloneDiskMode::NewEmpty:
        return {CloneDiskMode::NewEmpty, ClonePlan::tr("a new empty disk, as asked")};
    case CloneDiskMode::Share:
    case CloneDiskMode::Keep:
        break;
    }
    return {CloneDiskMode::Share,
            ClonePlan::tr("shared as asked: both VMs write to it, never run them at once")};
}

void editDevices(QDomElement devices, QSet<QString> &usedMacs, QRandomGenerator &random,
                 QStringList *newMacs)
{
    for (QDomElement nic = devices.firstChildElement(u"interface"_s); !nic.isNull();
         nic = nic.nextSiblingElement(u"interface"_s)) {
        const QString mac = newMac(usedMacs, random);
        vmxml::ensureChild(nic, u"mac"_s).setAttribute(u"address"_s, mac);
        vmxml::removeChildren(nic, u"target"_s); // vnetN: the host names it at start
        *newMacs << mac;
    }
    for (QDomElement g = devices.firstChildElement(u"graphics"_s); !g.isNull();
         g = g.nextSiblingElement(u"graphics"_s)) {
        for (const QString &attr : {u"port"_s, u"tlsPort"_s, u"websocket"_s})
            g.removeAttribute(attr);
        g.setAttribute(u"autoport"_s, u"yes"_s);
    }
}

// The SMBIOS system UUID, when the definition sets one, follows the new UUID.
void editSysinfo(QDomElement root, const QString &uuid)
{
    for (QDomElement info = root.firstChildElement(u"sysinfo"_s); !info.isNull();
         info = info.nextSiblingElement(u"sysinfo"_s)) {
        const QDomElement system = info.firstChildElement(u"system"_s);
        for (QDomElement e = system.firstChildElement(u"entry"_s); !e.isNull();
             e = e.nextSiblingElement(u"entry"_s)) {
            if (e.attribute(u"name"_s) == "uuid"_L1) {
                while (e.hasChildNodes())
                    e.removeChild(e.firstChild());
                e.appendChild(root.ownerDocument().createTextNode(uuid));
            }
        }
    }
}

void setNvramPath(QDomElement root, const QString &path)
{
    QDomElement nvram = root.firstChildElement(u"os"_s).firstChildElement(u"nvram"_s);
    if (nvram.isNull())
        return;
    // <nvram type='file'><source file='...'/></nvram> (libvirt 8.5+) or the path as text.
    if (QDomElement source = nvram.firstChildElement(u"source"_s); !source.isNull()) {
        source.setAttribute(u"file"_s, path);
        return;
    }
    while (nvram.hasChildNodes())
        nvram.removeChild(nvram.firstChild());
    nvram.appendChild(root.ownerDocument().createTextNode(path));
}

} // namespace

QString cloneDiskModeId(CloneDiskMode mode)
{
    switch (mode) {
    case CloneDiskMode::Copy:
        return u"copy"_s;
    case CloneDiskMode::Share:
        return u"share"_s;
    case CloneDiskMode::NewEmpty:
        return u"empty"_s;
    case CloneDiskMode::Keep:
        return u"keep"_s;
    }
    return {};
}

std::optional<CloneDiskMode> cloneDiskModeFromId(const QString &id)
{
    for (const CloneDiskMode mode : {CloneDiskMode::Copy, CloneDiskMode::Share,
                                     CloneDiskMode::NewEmpty, CloneDiskMode::Keep}) {
        if (cloneDiskModeId(mode) == id)
            return mode;
    }
    return std::nullopt;
}

QString cloneDiskModeLabel(CloneDiskMode mode)
{
    switch (mode) {
    case CloneDiskMode::Copy:
        return ClonePlan::tr("Copy");
    case CloneDiskMode::Share:
        return ClonePlan::tr("Share");
    case CloneDiskMode::NewEmpty:
        return ClonePlan::tr("New empty disk");
    case CloneDiskMode::Keep:
        return ClonePlan::tr("Keep (no medium)");
    }
    return {};
}

quint64 ClonePlan::bytesToCopy() const
{
    quint64 sum = 0;
    for (const CloneDiskPlan &d : disks) {
        if (d.mode == CloneDiskMode::Copy)
            sum += d.bytes;
    }
    return sum;
}

QString suggestedCloneName(const CloneSource &source)
{
    const QString base = source.name + u"-clone"_s;
    for (int i = 0;; ++i) {
        const QString name = i == 0 ? base : base + QString::number(i);
        if (!source.otherVmNames.contains(name))
            return name;
    }
}

ClonePlan planClone(const CloneSource &source, const CloneRequest &request)
{
    return planClone(source, request, *QRandomGenerator::global());
}

ClonePlan planClone(const CloneSource &source, const CloneRequest &request,
                    QRandomGenerator &random)
{
    ClonePlan plan;
    plan.uri = source.uri;
    plan.sourceUuid = source.uuid;
    plan.sourceName = source.name;
    plan.newName = request.newName;
    plan.newUuid = QUuid::createUuid().toString(QUuid::WithoutBraces);

    if (source.running) {
        plan.problems << ClonePlan::tr("“%1” is running: shut it down first (a copy of disks "
                                       "in use would not be consistent).")
                             .arg(source.name);
    }
    plan.problems << NameRules::vmNameProblems(request.newName, source.otherVmNames);

    QDomDocument doc = vmxml::parse(source.inactiveXml);
    if (doc.isNull()) {
        plan.problems
            << ClonePlan::tr("The definition of “%1” could not be read.").arg(source.name);
        return plan;
    }
    QDomElement root = doc.documentElement();
    vmxml::setChildText(root, u"name"_s, request.newName);
    vmxml::setChildText(root, u"uuid"_s, plan.newUuid);
    editSysinfo(root, plan.newUuid);

    QSet<QString> usedMacs;
    for (const QString &mac : source.usedMacs)
        usedMacs.insert(mac.toLower());
    const QDomElement devices = root.firstChildElement(u"devices"_s);
    for (QDomElement nic = devices.firstChildElement(u"interface"_s); !nic.isNull();
         nic = nic.nextSiblingElement(u"interface"_s)) // the source's own, whatever the list says
        usedMacs.insert(nic.firstChildElement(u"mac"_s).attribute(u"address"_s).toLower());
    editDevices(devices, usedMacs, random, &plan.newMacs);

    if (!source.nvramPath.isEmpty()) {
        plan.nvramSource = source.nvramPath;
        plan.nvramTarget =
            QFileInfo(source.nvramPath).path() + u'/' + request.newName + u"_VARS.fd"_s;
        setNvramPath(root, plan.nvramTarget);
    }

    QMap<QString, QStringList> taken = source.poolVolumes;
    QMap<QString, quint64> needed;
    for (const CloneDiskSource &disk : source.disks) {
        CloneDiskPlan d;
        d.source = disk;
        std::tie(d.mode, d.why) = diskMode(disk, request);
        if (d.mode == CloneDiskMode::Copy || d.mode == CloneDiskMode::NewEmpty) {
            d.newPool = request.targetPool.isEmpty() ? disk.pool : request.targetPool;
            if (disk.pool.isEmpty() && (d.mode == CloneDiskMode::Copy || d.newPool.isEmpty())) {
                plan.problems << ClonePlan::tr("%1 (%2): no storage pool manages it, so it "
                                               "cannot be copied; share it, or add a storage "
                                               "pool over its folder")
                                     .arg(disk.target, disk.path);
            } else if (!source.poolVolumes.contains(d.newPool)) {
                plan.problems << ClonePlan::tr("%1: the storage pool “%2” is not active")
                                     .arg(disk.target, d.newPool);
            } else {
                const QString ext = extensionOf(
                    disk.volume.isEmpty() ? QFileInfo(disk.path).fileName() : disk.volume);
                d.newVolume = freeVolumeName(request.newName, ext, taken.value(d.newPool));
                taken[d.newPool] << d.newVolume;
                if (d.mode == CloneDiskMode::Copy) {
                    d.bytes = disk.allocation;
                    needed[d.newPool] += disk.allocation;
                } else {
                    VolumeSpec spec;
                    spec.pool = d.newPool;
                    spec.name = d.newVolume;
                    spec.format = disk.format.isEmpty() ? u"raw"_s : disk.format;
                    spec.capacity = disk.capacity;
                    d.newVolumeXml = volumeXml(spec);
                }
            }
        }
        plan.disks << d;
    }
    for (auto it = needed.cbegin(); it != needed.cend(); ++it) {
        const quint64 available = source.poolAvailable.value(it.key());
        if (it.value() > available) {
            plan.problems << ClonePlan::tr("The storage pool “%1” has %2 free; the copies need %3.")
                                 .arg(it.key(), sizeText(available), sizeText(it.value()));
        }
    }
    plan.domainXml = vmxml::toString(doc);
    return plan;
}

} // namespace crossvirt::models
