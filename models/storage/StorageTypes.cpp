#include "models/storage/StorageTypes.h"

#include "models/provisioning/NameRules.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QUrl>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace crossvirt::models {

namespace {
QString typeLabel(const char *text)
{
    return QCoreApplication::translate("StorageRules", text);
}
} // namespace

const QList<PoolTypeInfo> &knownPoolTypes()
{
    using F = PoolField;
    static const QList<PoolTypeInfo> types{
        {u"dir"_s,
         typeLabel(QT_TRANSLATE_NOOP("StorageRules", "Directory on the host")),
         {F::Target},
         {F::Target},
         {},
         u"/var/lib/libvirt/images/%1"_s},
        {u"fs"_s,
         typeLabel(QT_TRANSLATE_NOOP("StorageRules", "Pre-formatted block device (fs)")),
         {F::SourceDevice, F::Format, F::Target},
         {F::SourceDevice, F::Target},
         {u"auto"_s, u"ext4"_s, u"ext3"_s, u"xfs"_s, u"btrfs"_s, u"vfat"_s},
         u"/mnt/%1"_s},
        {u"netfs"_s,
         typeLabel(QT_TRANSLATE_NOOP("StorageRules", "NFS export (netfs)")),
         {F::SourceHost, F::SourcePath, F::Format, F::Target},
         {F::SourceHost, F::SourcePath, F::Target},
         {u"auto"_s, u"nfs"_s, u"glusterfs"_s, u"cifs"_s},
         u"/mnt/%1"_s},
        {u"logical"_s,
         typeLabel(QT_TRANSLATE_NOOP("StorageRules", "LVM volume group (logical)")),
         {F::SourceDevice, F::BuildDevice, F::Target},
         {},
         {},
         u"/dev/%1"_s},
        {u"iscsi"_s,
         typeLabel(QT_TRANSLATE_NOOP("StorageRules", "iSCSI target")),
         {F::SourceHost, F::SourceDevice, F::Target},
         {F::SourceHost, F::SourceDevice},
         {},
         u"/dev/disk/by-path"_s},
        {u"disk"_s,
         typeLabel(QT_TRANSLATE_NOOP("StorageRules", "Physical disk device (disk)")),
         {F::SourceDevice, F::Format, F::BuildDevice, F::Target},
         {F::SourceDevice},
         {u"auto"_s, u"gpt"_s, u"dos"_s},
         u"/dev"_s},
    };
    return types;
}

const PoolTypeInfo *findPoolType(const QString &type)
{
    for (const PoolTypeInfo &t : knownPoolTypes()) {
        if (t.type == type)
            return &t;
    }
    return nullptr;
}

QStringList parsePoolCapabilities(const QString &xml)
{
    QStringList out;
    QXmlStreamReader r(xml);
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement() && r.name() == "pool"_L1 &&
            r.attributes().value("supported"_L1) == "yes"_L1) {
            const QString type = r.attributes().value("type"_L1).toString();
            if (findPoolType(type) && !out.contains(type))
                out << type;
        }
    }
    // Keep the dialog's order, whatever order the host lists them in.
    QStringList ordered;
    for (const PoolTypeInfo &t : knownPoolTypes()) {
        if (out.contains(t.type))
            ordered << t.type;
    }
    return ordered;
}

QStringList problemTexts(const QList<FieldProblem> &problems)
{
    QStringList out;
    for (const FieldProblem &p : problems)
        out << p.message;
    return out;
}

PoolSpec defaultPoolSpec()
{
    PoolSpec s;
    s.name = QString::fromLatin1(kDefaultPoolName);
    s.type = u"dir"_s;
    s.targetPath = QString::fromLatin1(kDefaultPoolPath);
    s.autostart = true;
    return s;
}

bool isLocalUri(const QString &uri)
{
    return QUrl(uri).host().isEmpty();
}

QList<FieldProblem> StorageRules::poolProblems(const PoolSpec &spec,
                                               const QStringList &existingPools,
                                               const QStringList &supportedTypes,
                                               bool checkLocalPaths)
{
    QList<FieldProblem> out;
    // Pool names follow the volume name rules (libvirt turns them into file names too).
    for (const QString &p : NameRules::volumeNameProblems(spec.name))
        out << FieldProblem{u"name"_s, p};
    if (!spec.name.isEmpty() && existingPools.contains(spec.name))
        out << FieldProblem{
            u"name"_s, tr("A storage pool named “%1” already exists on this host.").arg(spec.name)};
    const PoolTypeInfo *type = findPoolType(spec.type);
    if (!type) {
        out << FieldProblem{u"type"_s,
                            tr("Crossvirt cannot create pools of type “%1”.").arg(spec.type)};
        return out;
    }
    if (!supportedTypes.isEmpty() && !supportedTypes.contains(spec.type))
        out << FieldProblem{u"type"_s,
                            tr("This host's libvirt cannot create “%1” pools.").arg(type->label)};
    const auto need = [&](PoolField f, const QString &value, const QString &field,
                          const QString &text) {
        if (type->needs(f) && value.trimmed().isEmpty())
            out << FieldProblem{field, text};
    };
    need(PoolField::Target, spec.targetPath, u"target"_s, tr("Give the target path."));
    need(PoolField::SourceDevice, spec.sourceDevice, u"sourceDevice"_s,
         spec.type == "iscsi"_L1 ? tr("Give the iSCSI target's IQN.")
                                 : tr("Give the source device (e.g. /dev/sdb)."));
    need(PoolField::SourceHost, spec.sourceHost, u"sourceHost"_s,
         tr("Give the server's host name or address."));
    need(PoolField::SourcePath, spec.sourcePath, u"sourcePath"_s,
         tr("Give the exported directory on the server."));
    if (!spec.targetPath.isEmpty() && !spec.targetPath.startsWith(u'/'))
        out << FieldProblem{u"target"_s, tr("The target path must be absolute.")};
    if (!spec.sourceDevice.isEmpty() && spec.type != "iscsi"_L1 &&
        !spec.sourceDevice.startsWith(u'/'))
        out << FieldProblem{u"sourceDevice"_s, tr("The source device must be an absolute path.")};
    if (type->has(PoolField::Format) && !spec.format.isEmpty() &&
        !type->formats.contains(spec.format))
        out << FieldProblem{u"format"_s,
                            tr("“%1” is not a format of %2 pools.").arg(spec.format, type->label)};
    if (spec.buildDevice && (!type->has(PoolField::BuildDevice) || spec.sourceDevice.isEmpty()))
        out << FieldProblem{u"sourceDevice"_s,
                            tr("Initialising needs a source device of a LVM or disk pool.")};
    // A dir pool on this machine: check the directory now, with a message that says what
    // is wrong, rather than libvirt's "cannot open directory" after defining the pool.
    if (checkLocalPaths && spec.type == "dir"_L1 && spec.targetPath.startsWith(u'/')) {
        const QFileInfo dir(spec.targetPath);
        if (!dir.exists())
            out << FieldProblem{
                u"target"_s,
                tr("The directory %1 does not exist on this host.").arg(spec.targetPath)};
        else if (!dir.isDir())
            out << FieldProblem{u"target"_s, tr("%1 is not a directory.").arg(spec.targetPath)};
        else if (!dir.isWritable())
            out << FieldProblem{u"target"_s,
                                tr("The directory %1 is not writable.").arg(spec.targetPath)};
    }
    return out;
}

namespace {
QString bytesText(quint64 bytes)
{
    return QLocale().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeTraditionalFormat);
}
} // namespace

QList<FieldProblem> StorageRules::volumeProblems(const VolumeSpec &spec, const PoolContents *pool)
{
    QList<FieldProblem> out;
    for (const QString &p :
         NameRules::volumeNameProblems(spec.name, pool ? pool->volumeNames() : QStringList()))
        out << FieldProblem{u"name"_s, p};
    if (spec.format != "qcow2"_L1 && spec.format != "raw"_L1)
        out << FieldProblem{u"format"_s,
                            tr("The format must be qcow2 or raw, not “%1”.").arg(spec.format)};
    if (spec.capacity == 0)
        out << FieldProblem{u"size"_s, tr("The size must be more than 0.")};
    if (pool && !pool->info.active)
        out << FieldProblem{
            u"pool"_s, tr("The pool “%1” is not active: start it first.").arg(pool->info.name)};
    // A raw volume takes its whole size at once; a qcow2 grows, but a disk that cannot
    // ever fit is refused now rather than when the guest fills it.
    if (pool && pool->info.active && spec.capacity > pool->info.available)
        out << FieldProblem{u"size"_s,
                            tr("%1 is more than the pool's free space (%2).")
                                .arg(bytesText(spec.capacity), bytesText(pool->info.available))};
    if (!spec.backingVolume.isEmpty()) {
        if (spec.format != "qcow2"_L1)
            out << FieldProblem{u"backing"_s, tr("Only a qcow2 volume can have a backing volume.")};
        else if (pool && !spec.backingVolume.startsWith(u'/') && !pool->volume(spec.backingVolume))
            out << FieldProblem{u"backing"_s,
                                tr("The pool has no volume “%1” to use as backing volume.")
                                    .arg(spec.backingVolume)};
    }
    return out;
}

QList<FieldProblem> StorageRules::resizeProblems(const VolumeInfo &volume, quint64 newCapacity,
                                                 const PoolContents *pool)
{
    QList<FieldProblem> out;
    if (newCapacity < volume.capacity) {
        out << FieldProblem{u"size"_s,
                            tr("Volumes can only grow: %1 is smaller than its size (%2). "
                               "Shrinking would cut off the guest's data.")
                                .arg(bytesText(newCapacity), bytesText(volume.capacity))};
    } else if (newCapacity == volume.capacity) {
        out << FieldProblem{u"size"_s, tr("The volume already has that size.")};
    } else if (pool && newCapacity - volume.capacity > pool->info.available) {
        out << FieldProblem{u"size"_s, tr("Growing by %1 needs more than the pool's free space "
                                          "(%2).")
                                           .arg(bytesText(newCapacity - volume.capacity),
                                                bytesText(pool->info.available))};
    }
    return out;
}

QList<FieldProblem> StorageRules::cloneProblems(const VolumeInfo &source, const QString &newName,
                                                const PoolContents *pool)
{
    QList<FieldProblem> out;
    for (const QString &p :
         NameRules::volumeNameProblems(newName, pool ? pool->volumeNames() : QStringList()))
        out << FieldProblem{u"name"_s, p};
    // A clone of a raw volume takes its full size; a qcow2 clone at most its allocation.
    const quint64 needed = source.format == "raw"_L1 ? source.capacity : source.allocation;
    if (pool && needed > pool->info.available)
        out << FieldProblem{
            u"name"_s, tr("A copy of “%1” needs %2, more than the pool's free "
                          "space (%3).")
                           .arg(source.name, bytesText(needed), bytesText(pool->info.available))};
    return out;
}

QString StorageRules::volumeDeleteRefusal(const VolumeInfo &volume)
{
    if (volume.usedBy.isEmpty())
        return {};
    return tr("“%1” is used by %2: remove it from the VM first.")
        .arg(volume.name, volume.usedBy.join(u", "_s));
}

QString poolXml(const PoolSpec &spec)
{
    const PoolTypeInfo *type = findPoolType(spec.type);
    QString xml;
    QXmlStreamWriter w(&xml);
    w.setAutoFormatting(true);
    w.writeStartElement(u"pool"_s);
    w.writeAttribute(u"type"_s, spec.type);
    w.writeTextElement(u"name"_s, spec.name);
    const bool hasSource =
        type && (type->has(PoolField::SourceDevice) || type->has(PoolField::SourceHost));
    if (hasSource) {
        w.writeStartElement(u"source"_s);
        if (!spec.sourceHost.isEmpty()) {
            w.writeEmptyElement(u"host"_s);
            w.writeAttribute(u"name"_s, spec.sourceHost);
        }
        if (!spec.sourceDevice.isEmpty()) {
            w.writeEmptyElement(u"device"_s);
            w.writeAttribute(u"path"_s, spec.sourceDevice);
        }
        if (!spec.sourcePath.isEmpty()) {
            w.writeEmptyElement(u"dir"_s);
            w.writeAttribute(u"path"_s, spec.sourcePath);
        }
        if (spec.type == "logical"_L1) {
            w.writeTextElement(u"name"_s, spec.name); // the volume group
            w.writeEmptyElement(u"format"_s);
            w.writeAttribute(u"type"_s, u"lvm2"_s);
        } else if (!spec.format.isEmpty()) {
            w.writeEmptyElement(u"format"_s);
            w.writeAttribute(u"type"_s, spec.format);
        }
        w.writeEndElement();
    }
    QString target = spec.targetPath;
    if (target.isEmpty() && type && !type->needs(PoolField::Target))
        target = type->defaultTarget.contains("%1"_L1) ? type->defaultTarget.arg(spec.name)
                                                       : type->defaultTarget;
    if (!target.isEmpty()) {
        w.writeStartElement(u"target"_s);
        w.writeTextElement(u"path"_s, target);
        w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndDocument();
    return xml;
}

QString volumeXml(const VolumeSpec &spec, const QString &backingPath, const QString &backingFormat)
{
    QString xml;
    QXmlStreamWriter w(&xml);
    w.setAutoFormatting(true);
    w.writeStartElement(u"volume"_s);
    w.writeTextElement(u"name"_s, spec.name);
    w.writeStartElement(u"capacity"_s);
    w.writeAttribute(u"unit"_s, u"bytes"_s);
    w.writeCharacters(QString::number(spec.capacity));
    w.writeEndElement();
    // Thin: the pool's free space is checked before creating instead.
    w.writeStartElement(u"allocation"_s);
    w.writeAttribute(u"unit"_s, u"bytes"_s);
    w.writeCharacters(u"0"_s);
    w.writeEndElement();
    w.writeStartElement(u"target"_s);
    w.writeEmptyElement(u"format"_s);
    w.writeAttribute(u"type"_s, spec.format);
    w.writeEndElement();
    if (!backingPath.isEmpty()) {
        w.writeStartElement(u"backingStore"_s);
        w.writeTextElement(u"path"_s, backingPath);
        if (!backingFormat.isEmpty()) {
            w.writeEmptyElement(u"format"_s);
            w.writeAttribute(u"type"_s, backingFormat);
        }
        w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndDocument();
    return xml;
}

quint64 parseSize(const QString &text, bool *ok)
{
    static const QRegularExpression re(u"^\\s*(\\d+(?:\\.\\d+)?)\\s*([KMGT]?)(?:i?B)?\\s*$"_s,
                                       QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch()) {
        *ok = false;
        return 0;
    }
    const double value = m.captured(1).toDouble();
    const QString unit = m.captured(2).toUpper();
    int shift = 30; // a plain number is GiB
    if (unit == "K"_L1)
        shift = 10;
    else if (unit == "M"_L1)
        shift = 20;
    else if (unit == "T"_L1)
        shift = 40;
    *ok = value > 0;
    return *ok ? quint64(value * double(quint64(1) << shift)) : 0;
}

} // namespace crossvirt::models
