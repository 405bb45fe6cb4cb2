#pragma once

#include "models/provisioning/StorageInventory.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace crossvirt::models {

/// The fields a kind of storage pool needs (virt-manager's "Add a New Storage Pool").
enum class PoolField
{
    Target,       ///< target path: the directory, mount point or /dev directory
    SourceDevice, ///< a block device (fs, logical, disk) or the iSCSI target IQN
    SourceHost,   ///< NFS or iSCSI server
    SourcePath,   ///< the exported directory on the NFS server
    Format,       ///< file system type (fs, netfs) or partition table (disk)
    BuildDevice,  ///< write a new volume group / partition table on the device
};

/// One kind of storage pool Crossvirt can create, with its fields.
struct PoolTypeInfo
{
    QString type;  ///< libvirt's pool type: dir, fs, netfs, logical, iscsi, disk
    QString label; ///< "Directory", "NFS export", ... (translated)
    QList<PoolField> fields;
    QList<PoolField> required;
    QStringList formats;   ///< for PoolField::Format, the first is the default
    QString defaultTarget; ///< suggested target path (may contain %1 for the pool's name)

    bool has(PoolField f) const { return fields.contains(f); }
    bool needs(PoolField f) const { return required.contains(f); }
};

/// Every pool type Crossvirt knows, in the order a dialog offers them.
const QList<PoolTypeInfo> &knownPoolTypes();
const PoolTypeInfo *findPoolType(const QString &type);

/// The pool types a host can create.
struct PoolTypeSupport
{
    QStringList types;
    /// True when the list comes from the host (virConnectGetStoragePoolCapabilities);
    /// false when the host cannot say and Crossvirt's fixed list is offered instead.
    bool fromHost = false;
    QString note; ///< why the fixed list is shown (translated), empty when fromHost
};

/// Parses virConnectGetStoragePoolCapabilities XML: the known types it marks supported.
QStringList parsePoolCapabilities(const QString &xml);

/// A new storage pool.
struct PoolSpec
{
    QString name;
    QString type = QStringLiteral("dir");
    QString targetPath;
    QString sourceDevice;
    QString sourceHost;
    QString sourcePath;
    QString format;
    bool buildDevice = false; ///< logical/disk: initialise the device (never over data)
    bool autostart = true;
};

/// A new volume: `capacity` in bytes; `backingVolume` (qcow2 only) is a volume name in the
/// same pool or an absolute path.
struct VolumeSpec
{
    QString pool;
    QString name;
    QString format = QStringLiteral("qcow2");
    quint64 capacity = 0;
    QString backingVolume;
};

/// A problem with one field of a form, shown next to it; `field` is a stable id
/// ("name", "type", "target", "sourceDevice", "sourceHost", "sourcePath", "format",
/// "size", "backing", "pool").
struct FieldProblem
{
    QString field;
    QString message;
};
QStringList problemTexts(const QList<FieldProblem> &problems);

/// libvirt's "default" pool as virt-install makes it.
inline constexpr const char *kDefaultPoolName = "default";
inline constexpr const char *kDefaultPoolPath = "/var/lib/libvirt/images";
PoolSpec defaultPoolSpec();

/// Whether a connection URI names this machine (no server part), so a dir pool's target
/// can be checked with the local file system before libvirt is asked.
bool isLocalUri(const QString &uri);

/// The rules checked before libvirt is called. Translated sentences, one per problem.
class StorageRules
{
    Q_DECLARE_TR_FUNCTIONS(StorageRules)

public:
    /// `existingPools`: the host's pool names; `supportedTypes`: empty to skip that check;
    /// `checkLocalPaths`: check a dir pool's target on this machine's file system.
    static QList<FieldProblem> poolProblems(const PoolSpec &spec, const QStringList &existingPools,
                                            const QStringList &supportedTypes,
                                            bool checkLocalPaths);
    /// `pool`: the pool the volume goes into (its volumes and free space), null when unknown.
    static QList<FieldProblem> volumeProblems(const VolumeSpec &spec, const PoolContents *pool);
    static QList<FieldProblem> resizeProblems(const VolumeInfo &volume, quint64 newCapacity,
                                              const PoolContents *pool);
    static QList<FieldProblem> cloneProblems(const VolumeInfo &source, const QString &newName,
                                             const PoolContents *pool);
    /// Empty, or why the volume must not be deleted (the VMs using it).
    static QString volumeDeleteRefusal(const VolumeInfo &volume);
};

/// Pool and volume XML, written with QXmlStreamWriter.
QString poolXml(const PoolSpec &spec);
/// `backingPath`/`backingFormat`: the resolved backing volume, empty for none.
QString volumeXml(const VolumeSpec &spec, const QString &backingPath = {},
                  const QString &backingFormat = {});

/// Parses "10G", "10GiB", "512M", "512MiB", "1T" or a plain number of GiB into bytes;
/// 0 and *ok false when it is not a size.
quint64 parseSize(const QString &text, bool *ok);

} // namespace crossvirt::models
