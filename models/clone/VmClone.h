#pragma once

// Clone a shut-off VM (virt-clone's rules): a new name and UUID, a new MAC for every NIC,
// graphics ports back to autoport, per disk a copy (sparse), a shared disk (read-only and
// shareable disks are shared, empty CD-ROMs kept) or a new empty volume, and the UEFI
// NVRAM copied to the clone's own file. The plan is a plain value (no I/O); VmCloner runs
// it with progress per volume and a Cancel that removes what was copied. The Clone dialog,
// bulk clone and `crossvirt-cli clone` are thin clients of this file.

#include <QCoreApplication>
#include <QFuture>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

class QRandomGenerator;

namespace crossvirt::models {

class HostSession;
struct VmClonerShared;

/// What happens to one disk of the source VM.
enum class CloneDiskMode
{
    Copy,     ///< a new volume with the source's contents (sparse copy)
    Share,    ///< the clone uses the same volume (read-only/shareable disks, ISOs)
    NewEmpty, ///< a new empty volume of the same size and format
    Keep,     ///< nothing to do: an empty CD-ROM (no medium) stays empty
};
/// "copy", "share", "empty", "keep".
QString cloneDiskModeId(CloneDiskMode mode);
std::optional<CloneDiskMode> cloneDiskModeFromId(const QString &id);
/// "Copy", "Share", "New empty disk", "Keep (no medium)" (translated).
QString cloneDiskModeLabel(CloneDiskMode mode);

/// One disk of the source VM, as read from the host.
struct CloneDiskSource
{
    QString target; ///< vda, sdb, hdc
    QString device; ///< disk, cdrom, floppy, lun
    QString path;   ///< the source path; empty = no medium
    QString pool;   ///< the managed volume behind `path` ("" when libvirt manages none)
    QString volume;
    QString format; ///< qcow2, raw, iso
    quint64 capacity = 0;
    quint64 allocation = 0;
    bool readOnly = false;
    bool shareable = false;
    bool hasBackingStore = false; ///< a qcow2 overlay (its copy keeps the same backing file)
};

/// The source VM and what the plan needs of its host, read on the host's worker.
struct CloneSource
{
    QString uri;
    QString uuid;
    QString name;
    QString inactiveXml; ///< the persistent definition (what gets cloned)
    bool running = false; ///< running or paused: refused (a copy of a live disk is torn)
    QList<CloneDiskSource> disks;
    QString nvramPath;       ///< <os><nvram> path; empty = none (SLOF, s390x, BIOS)
    QString nvramTemplate;   ///< <nvram template=...>, kept for the clone
    QStringList otherVmNames; ///< every VM name on the host (templates included)
    QStringList usedMacs;     ///< every MAC of every VM on the host
    /// Active pools: name -> the names of its volumes, and free bytes.
    QMap<QString, QStringList> poolVolumes;
    QMap<QString, quint64> poolAvailable;
};

/// What the user asked for.
struct CloneRequest
{
    QString newName;
    /// The mode of every writable disk without an entry in diskModes (Copy by default;
    /// `crossvirt-cli clone --share-disks` / `--empty-disks`). Read-only and shareable
    /// disks and CD-ROMs with a medium are shared whatever this says; empty CD-ROMs kept.
    CloneDiskMode writableDisks = CloneDiskMode::Copy;
    QMap<QString, CloneDiskMode> diskModes; ///< target -> mode chosen in the Clone dialog
    /// The pool of the new volumes; "" = each source volume's own pool.
    QString targetPool;
};

/// One disk of the plan.
struct CloneDiskPlan
{
    CloneDiskSource source;
    CloneDiskMode mode = CloneDiskMode::Copy;
    QString why;       ///< translated: why this mode ("read-only disks are shared")
    QString newPool;   ///< Copy/NewEmpty: where the new volume goes
    QString newVolume; ///< Copy/NewEmpty: its name, free in newPool ("web-clone.qcow2")
    /// NewEmpty: the <volume> to create; Copy: VolumeCopy's (empty: one like the source's,
    /// its backing store included)
    QString newVolumeXml;
    quint64 bytes = 0;    ///< Copy: the bytes to copy (the source's allocation)
};

/// A clone, planned. ok() when nothing is refused; only an ok() plan can run.
struct ClonePlan
{
    Q_DECLARE_TR_FUNCTIONS(ClonePlan)

public:
    QString uri;
    QString sourceUuid;
    QString sourceName;
    QString newName;
    QString newUuid;
    /// The clone's domain XML: new name and UUID, new MACs, autoport graphics, the NVRAM
    /// path; the sources of Copy/NewEmpty disks are filled in by VmCloner with the new
    /// volumes' paths once they exist.
    QString domainXml;
    QList<CloneDiskPlan> disks;
    QStringList newMacs;   ///< one per NIC, in XML order, unique on the host
    QString nvramSource;   ///< copied to nvramTarget when not empty
    QString nvramTarget;   ///< the clone's own NVRAM file ("<dir>/<newName>_VARS.fd")
    /// Translated reasons the clone is refused: a running source, a bad or taken name,
    /// not enough free space in a pool, a disk to copy that no pool manages.
    QStringList problems;

    bool ok() const { return problems.isEmpty(); }
    /// Bytes every Copy disk sends, summed.
    quint64 bytesToCopy() const;
};

/// "NAME-clone", then "NAME-clone1", ... : the first name no VM of the host has.
QString suggestedCloneName(const CloneSource &source);

/// Plans the clone of `source` as `request` asks. Pure: no I/O.
ClonePlan planClone(const CloneSource &source, const CloneRequest &request);
/// As above, the MACs drawn from `random` (a test seeds it to know what comes next).
ClonePlan planClone(const CloneSource &source, const CloneRequest &request,
                    QRandomGenerator &random);

/// Reads the source VM, its disks' volumes, its NVRAM path and what the host has (names,
/// MACs, pools), on the host's worker.
QFuture<CloneSource> loadCloneSource(HostSession *session, const QString &uuid);

/// Where a running clone is.
struct CloneProgress
{
    int disk = 0;      ///< index into ClonePlan::disks of the disk being copied
    int diskCount = 0; ///< Copy disks in the plan
    int copyNumber = 0; ///< 1 for the first Copy disk, ... (0 while no volume is copied)
    QString volume;    ///< the new volume being written
    /// Translated, while no volume is copied: "Creating web-clone-1.qcow2", "Copying the
    /// UEFI variables", "Defining “web-clone”".
    QString step;
    quint64 diskDone = 0, diskTotal = 0;
    quint64 allDone = 0, allTotal = 0;
    /// "Copying web-clone.qcow2 (1 of 2): 120 MiB of 2.0 GiB", else `step`.
    QString text() const;
};

struct CloneResult
{
    QString uri;
    QString uuid;
    QString name;
    QStringList newVolumes; ///< paths of the volumes the clone created
    QString nvramPath;      ///< the clone's NVRAM file, when copied
};

/// Runs an ok() ClonePlan: re-checks that the source is still shut off, copies the NVRAM
/// (through a storage pool over its folder, virt-manager's way, so it works on remote
/// hosts), creates and fills the new volumes one after another (VolumeCopy's copy), then
/// defines the clone. Cancel or a failure removes every volume and file it created and defines
/// nothing; the source is never changed.
class VmCloner : public QObject
{
    Q_OBJECT
public:
    explicit VmCloner(HostSession *session, QObject *parent = nullptr);
    ~VmCloner() override;

    void start(const ClonePlan &plan);
    /// failed(message, true) follows once the cleanup is done.
    void cancel();
    bool isRunning() const { return m_running; }

    /// Test hook: passed to each VolumeCopy.
    void setChunkDelayForTesting(int ms) { m_chunkDelayMs = ms; }

signals:
    void progress(const crossvirt::models::CloneProgress &progress);
    void finished(const crossvirt::models::CloneResult &result);
    /// `cancelled` when the user cancelled; `message` says what failed (with libvirt's
    /// text) and that nothing was left behind, or what could not be removed.
    void failed(const QString &message, bool cancelled);

private:
    QPointer<HostSession> m_session;
    std::shared_ptr<VmClonerShared> m_shared;
    bool m_running = false;
    int m_chunkDelayMs = 0;
};

} // namespace crossvirt::models

Q_DECLARE_METATYPE(crossvirt::models::CloneProgress)
Q_DECLARE_METATYPE(crossvirt::models::CloneResult)
