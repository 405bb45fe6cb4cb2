#pragma once

// Moving a VM to another host (issue #13). checkMigration() asks every other host of the
// datacenter whether it can take the VM and why not: the arch class judges arch, virt
// type, machine type, firmware, devices, live-migration policy and libvirt's CPU comparison
// (ArchModel::migrationProblems); this file adds what needs no arch: the host is not
// connected, a network the VM uses is missing there, its disks are not there and Copy
// storage is off (or no pool there can take the copies), a VM of the same name or UUID is
// already there. Migrator runs one move with progress from the source's job stats and a
// Cancel (virDomainAbortJob). The Migrate dialog, the datacenter tree's "where can this
// go" view and `crossvirt-cli migrate-check` / `migrate` are thin clients of this file.

#include "arch/Migration.h"

#include <QCoreApplication>
#include <QFuture>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <memory>

namespace crossvirt::models {

class Datacenter;
class HostSession;
struct MigratorShared;

/// One other host, judged for the VM.
struct MigrationTarget
{
    QString uri;
    QString displayName; ///< Datacenter::displayName (the host's name in the tree)
    bool connected = false;
    /// Every reason the VM cannot move there ("what" + "reason", translated): the arch's
    /// (arch::MigrationVerdict::problems) and this file's (not connected, network, storage,
    /// name taken). Empty = possible.
    QList<arch::PortabilityProblem> problems;
    QStringList notes; ///< remarks that do not stop the move (stays emulated there)
    /// Every writable disk is already there at the same path (shared storage): no copy
    /// needed. False when some disk would have to be copied.
    bool storageShared = false;
    /// Target devs of the writable disks Copy storage would copy ("vda"): those not found
    /// at the same path there. The Migrator copies only these.
    QStringList disksToCopy;

    bool possible() const { return connected && problems.isEmpty(); }
    /// The problems as lines "What: reason".
    QStringList reasonLines() const;
};

/// The check of one VM against every other host.
struct MigrationCheck
{
    QString sourceUri;
    QString uuid;
    QString vmName;
    QString arch;
    bool running = false;
    arch::MigrationMode mode;
    /// Every host of the datacenter but the source, by display name.
    QList<MigrationTarget> targets;

    const MigrationTarget *find(const QString &uri) const;
    QStringList possibleUris() const;
};

/// Reads the VM on its host, then asks every other host of `datacenter` (in parallel, each
/// on its own worker): its capabilities, domain capabilities for the guest's arch/machine,
/// libvirt's CPU comparison (virConnectCompareHypervisorCPU; baseline suggestion), its
/// networks, its storage pools and volumes, its VM names. A disconnected host is listed with
/// "not connected". Fails (LibvirtError) only when the VM cannot be read.
QFuture<MigrationCheck> checkMigration(Datacenter *datacenter, const QString &sourceUri,
                                       const QString &uuid, const arch::MigrationMode &mode);

/// What the user asked for.
struct MigrationRequest
{
    QString sourceUri;
    QString uuid;
    QString destinationUri; ///< as Crossvirt is connected to it
    arch::MigrationMode mode;
    /// Tunnelled through the libvirtd connection (peer to peer: the source's libvirtd opens
    /// destinationUri itself); otherwise direct: QEMU streams straight to the destination,
    /// which Crossvirt's own connection to it prepares.
    bool tunnelled = false;
    quint64 bandwidthMiBs = 0; ///< 0 = no limit
    /// Address QEMU streams to (direct mode): empty = the host part of destinationUri.
    QString migrationAddress;
};

/// What the check cannot see but libvirt would refuse for `request` to `target`: libvirt
/// 9.0 with QEMU 7.2 copies no disks through a tunnelled migration ("migration of
/// non-shared storage is not supported with tunnelled migration and this QEMU"). Translated
/// lines; empty when the request can go ahead as asked.
QStringList migrationRequestProblems(const MigrationRequest &request,
                                     const MigrationTarget &target);

/// Where a running move is (virDomainGetJobStats on the source).
struct MigrationProgress
{
    quint64 dataTotal = 0; ///< bytes (memory + disks)
    quint64 dataProcessed = 0;
    quint64 dataRemaining = 0;
    quint64 diskTotal = 0, diskRemaining = 0;
    quint64 memoryTotal = 0, memoryRemaining = 0;
    qint64 elapsedMs = 0;
    qint64 downtimeMs = -1; ///< expected/actual downtime; -1 when unknown
    int percent() const;    ///< 0..100 from dataProcessed/dataTotal
    /// "Copying disks: 320 MiB of 2.0 GiB remaining", "Memory: 120 MiB remaining, downtime
    /// about 300 ms" (translated).
    QString text() const;
};

struct MigrationResult
{
    QString destinationUri;
    QString uuid;
    QString name;
    qint64 elapsedMs = 0;
    qint64 downtimeMs = -1;
};

/// Runs one move: re-checks the destination (checkMigration) and refuses with its reasons
/// before libvirt is called; then migrates (live or offline; copy storage; tunnelled or
/// direct; bandwidth) keeping the VM defined on the destination and undefining it on the
/// source once it runs there; progress every 500 ms. Cancel aborts the job
/// (virDomainAbortJob): the VM keeps running on the source and nothing is left defined on the
/// destination. The blocking migrate call runs on a thread of its own so the source's worker
/// stays free for the job stats, the abort and the inventory.
class Migrator : public QObject
{
    Q_OBJECT
public:
    explicit Migrator(Datacenter *datacenter, QObject *parent = nullptr);
    ~Migrator() override;

    void start(const MigrationRequest &request);
    /// failed(message, true) follows once libvirt has aborted the job.
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void progress(const crossvirt::models::MigrationProgress &progress);
    void finished(const crossvirt::models::MigrationResult &result);
    /// `cancelled` when the user cancelled; `message` names what failed with libvirt's text
    /// and where the VM is now.
    void failed(const QString &message, bool cancelled);

private:
    friend struct MigrationFlow; // the chained steps (Migrator.cpp)
    QPointer<Datacenter> m_datacenter;
    std::shared_ptr<MigratorShared> m_shared;
    bool m_running = false;
};

} // namespace crossvirt::models

Q_DECLARE_METATYPE(crossvirt::models::MigrationProgress)
Q_DECLARE_METATYPE(crossvirt::models::MigrationResult)
