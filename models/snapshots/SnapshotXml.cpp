// The snapshot XML both ways (models/snapshots/SnapshotXml.h): no libvirt here, so every
// rule about what a domain's disks and a snapshot's XML say is testable on plain text.
#include "models/snapshots/SnapshotXml.h"

#include <QFileInfo>
#include <QHash>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>
#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace crossvirt::models::snapshotxml {

bool SnapshotDisk::snapshotted() const
{
    return hasMedium && device != "cdrom"_L1 && !readOnly && !shareable && !transient;
}

bool SnapshotDisk::isLocal() const
{
    return type == "file"_L1 || type == "block"_L1 || type == "volume"_L1;
}

QList<SnapshotDisk> readDisks(const QString &domainXml)
{
    QList<SnapshotDisk> disks;
    QXmlStreamReader xml(domainXml);
    QStringList path;
    SnapshotDisk *disk = nullptr;
    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType token = xml.readNext();
        if (token == QXmlStreamReader::EndElement) {
            if (path.size() == 3 && path.last() == "disk"_L1)
                disk = nullptr;
            path.removeLast();
            continue;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        path << xml.name().toString();
        const QXmlStreamAttributes a = xml.attributes();
        // <domain><devices><disk>: depth 3; its children at depth 4.
        if (path.size() == 3 && path[1] == "devices"_L1 && path[2] == "disk"_L1) {
            disks.append(SnapshotDisk{});
            disk = &disks.last();
            disk->type = a.value("type"_L1).toString();
            disk->device = a.value("device"_L1).toString();
            if (disk->device.isEmpty())
                disk->device = u"disk"_s;
            if (disk->type.isEmpty())
                disk->type = u"file"_s;
            disk->format = u"raw"_s;
        } else if (disk && path.size() == 4) {
            const QString name = path.last();
            if (name == "driver"_L1) {
                if (const QString type = a.value("type"_L1).toString(); !type.isEmpty())
                    disk->format = type;
            } else if (name == "source"_L1) {
                disk->hasMedium = true;
                disk->path = a.value("file"_L1).toString();
                if (disk->path.isEmpty())
                    disk->path = a.value("dev"_L1).toString();
                disk->pool = a.value("pool"_L1).toString();
                disk->volume = a.value("volume"_L1).toString();
                if (disk->type == "network"_L1 && disk->path.isEmpty())
                    disk->path = a.value("name"_L1).toString();
            } else if (name == "target"_L1) {
                disk->target = a.value("dev"_L1).toString();
            } else if (name == "readonly"_L1) {
                disk->readOnly = true;
            } else if (name == "shareable"_L1) {
                disk->shareable = true;
            } else if (name == "transient"_L1) {
                disk->transient = true;
            }
        }
    }
    return disks;
}

SnapshotInfo parseSnapshot(const QString &text)
{
    SnapshotInfo s;
    QXmlStreamReader xml(text);
    QString memory;
    bool externalDisk = false;
    if (!xml.readNextStartElement() || xml.name() != "domainsnapshot"_L1)
        return s;
    while (xml.readNextStartElement()) {
        const QStringView name = xml.name();
        if (name == "name"_L1) {
            s.name = xml.readElementText();
        } else if (name == "description"_L1) {
            s.description = xml.readElementText();
        } else if (name == "state"_L1) {
            s.state = xml.readElementText();
        } else if (name == "creationTime"_L1) {
            s.created = QDateTime::fromSecsSinceEpoch(xml.readElementText().toLongLong());
        } else if (name == "parent"_L1) {
            while (xml.readNextStartElement()) {
                if (xml.name() == "name"_L1)
                    s.parent = xml.readElementText();
                else
                    xml.skipCurrentElement();
            }
        } else if (name == "memory"_L1) {
            memory = xml.attributes().value("snapshot"_L1).toString();
            xml.skipCurrentElement();
        } else if (name == "disks"_L1) {
            while (xml.readNextStartElement()) {
                if (xml.name() == "disk"_L1 &&
                    xml.attributes().value("snapshot"_L1) == "external"_L1)
                    externalDisk = true;
                xml.skipCurrentElement();
            }
        } else {
            xml.skipCurrentElement(); // <domain>, <inactiveDomain>, <cookie>, ...
        }
    }
    const bool liveState = s.state == "running"_L1 || s.state == "paused"_L1;
    s.location = memory == "external"_L1 || externalDisk ? arch::SnapshotLocation::External
                                                         : arch::SnapshotLocation::Internal;
    // Without <memory> (older libvirt), a snapshot of a running guest holds its memory.
    s.withMemory = memory.isEmpty() ? liveState : memory != "no"_L1 && liveState;
    return s;
}

namespace {

/// "snapshot2" before "snapshot10": runs of digits compare as numbers (QCollator's numeric
/// mode needs ICU, which a C locale build lacks).
bool naturalLess(const QString &a, const QString &b)
{
    qsizetype i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            qsizetype ei = i, ej = j;
            while (ei < a.size() && a[ei].isDigit())
                ++ei;
            while (ej < b.size() && b[ej].isDigit())
                ++ej;
            qsizetype si = i, sj = j; // leading zeros do not make a number bigger
            while (si + 1 < ei && a[si] == u'0')
                ++si;
            while (sj + 1 < ej && b[sj] == u'0')
                ++sj;
            const QStringView ta = QStringView(a).mid(si, ei - si);
            const QStringView tb = QStringView(b).mid(sj, ej - sj);
            if (ta.size() != tb.size())
                return ta.size() < tb.size();
            if (const int c = ta.compare(tb); c != 0)
                return c < 0;
            i = ei;
            j = ej;
            continue;
        }
        if (a[i] != b[j])
            return a[i] < b[j];
        ++i;
        ++j;
    }
    return a.size() - i < b.size() - j;
}

} // namespace

QList<SnapshotInfo> treeOrder(QList<SnapshotInfo> snapshots)
{
    std::stable_sort(snapshots.begin(), snapshots.end(),
                     [](const SnapshotInfo &a, const SnapshotInfo &b) {
                         if (a.created != b.created)
                             return a.created < b.created;
                         return naturalLess(a.name, b.name);
                     });
    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < snapshots.size(); ++i) {
        snapshots[i].children.clear();
        index.insert(snapshots[i].name, i);
    }
    QHash<QString, QList<qsizetype>> childrenOf;
    QList<qsizetype> roots;
    for (qsizetype i = 0; i < snapshots.size(); ++i) {
        const QString &parent = snapshots[i].parent;
        if (!parent.isEmpty() && index.contains(parent) && parent != snapshots[i].name) {
            childrenOf[parent].append(i);
            snapshots[index.value(parent)].children.append(snapshots[i].name);
        } else {
            roots.append(i);
        }
    }
    QList<SnapshotInfo> ordered;
    QList<bool> placed(snapshots.size(), false);
    const std::function<void(qsizetype)> visit = [&](qsizetype i) {
        if (placed[i])
            return; // a loop in broken metadata: each snapshot once
        placed[i] = true;
        ordered.append(snapshots[i]);
        for (qsizetype child : childrenOf.value(snapshots[i].name))
            visit(child);
    };
    for (qsizetype root : roots)
        visit(root);
    for (qsizetype i = 0; i < snapshots.size(); ++i) {
        if (!placed[i]) // only in a parent loop: listed rather than lost
            visit(i);
    }
    return ordered;
}

QString overlayPath(const QString &folder, const QString &diskPath, const QString &snapshot)
{
    const QFileInfo disk(diskPath);
    QString base = disk.fileName();
    if (const qsizetype dot = base.lastIndexOf(u'.'); dot > 0)
        base.truncate(dot);
    QString dir = folder;
    while (dir.size() > 1 && dir.endsWith(u'/'))
        dir.chop(1);
    return dir + u'/' + base + u'.' + snapshot + u".qcow2"_s;
}

QString snapshotXml(const QString &name, const QString &description,
                    const QList<DiskSnapshotPlan> &disks, const QString &memoryFile)
{
    QString out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartElement(u"domainsnapshot"_s);
    xml.writeTextElement(u"name"_s, name);
    if (!description.isEmpty())
        xml.writeTextElement(u"description"_s, description);
    bool external = false;
    for (const DiskSnapshotPlan &d : disks)
        external = external || d.snapshot == "external"_L1;
    if (!memoryFile.isEmpty()) {
        xml.writeEmptyElement(u"memory"_s);
        xml.writeAttribute(u"snapshot"_s, u"external"_s);
        xml.writeAttribute(u"file"_s, memoryFile);
    } else if (external) {
        xml.writeEmptyElement(u"memory"_s);
        xml.writeAttribute(u"snapshot"_s, u"no"_s);
    }
    if (!disks.isEmpty()) {
        xml.writeStartElement(u"disks"_s);
        for (const DiskSnapshotPlan &d : disks) {
            xml.writeStartElement(u"disk"_s);
            xml.writeAttribute(u"name"_s, d.target);
            xml.writeAttribute(u"snapshot"_s, d.snapshot);
            if (d.snapshot == "external"_L1) {
                xml.writeAttribute(u"type"_s, u"file"_s);
                xml.writeEmptyElement(u"driver"_s);
                xml.writeAttribute(u"type"_s, u"qcow2"_s);
                xml.writeEmptyElement(u"source"_s);
                xml.writeAttribute(u"file"_s, d.overlay);
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
    xml.writeEndElement();
    return out;
}

} // namespace crossvirt::models::snapshotxml
