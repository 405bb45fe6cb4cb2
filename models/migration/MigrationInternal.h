#pragma once

// Internal to models/migration: what the check reads from the VM's host and from each
// other host, as plain values, and the pure functions that judge them. Kept apart from the
// libvirt calls (MigrationCheck.cpp) so the judgement is testable with captured
// capabilities, and the migrate flags are chosen in one place (Migrator.cpp uses them).

#include "arch/Capabilities.h"
#include "models/migration/Migration.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace crossvirt::models {

/// One disk of the VM as the check needs it.
struct MigrationDisk
{
    QString target;       ///< "vda"
    QString path;         ///< file or block device on the source host; empty for a pool volume
    QString pool, volume; ///< <disk type='volume'>: found there by pool and volume name
    QString format;       ///< "qcow2", "raw"

    /// What identifies it on both hosts: the path, or "pool:POOL/VOLUME".
    QString key() const
    {
        return path.isEmpty() ? QStringLiteral("pool:") + pool + u'/' + volume : path;
    }
    /// "vda (/var/lib/libvirt/images/a.qcow2)", "vda (volume a.qcow2 of pool default)".
    QString label() const;
};

/// What the check reads from the VM on its host.
struct MigrationSource
{
    QString uri;
    QString uuid;
    QString name;
    bool running = false; ///< running or paused
    /// Machine canonical (an alias resolved with the source's capabilities).
    arch::GuestRequirements guest;
    QString cpuXml;             ///< the guest's <cpu> element, empty without one
    QStringList networks;       ///< <interface type='network'> source networks
    QList<MigrationDisk> disks; ///< writable disks with a local path (file or block)
    QList<MigrationDisk> media; ///< read-only disks and CD-ROMs with a local path
    QString hostCpuModel, hostCpuVendor;
    QString hostCpuXml; ///< the source host's <host><cpu>, for a baseline suggestion
};

/// Reads a MigrationSource from the domain's XML (live when it runs, else inactive).
/// `sourceCaps` (the source's capabilities, may be null) resolves a machine alias.
MigrationSource parseMigrationSource(const QByteArray &domainXml,
                                     const arch::HostCapabilities *sourceCaps);

/// The capabilities of a host that runs guests (kvm or qemu domains); nullopt for the test
/// driver, whose capabilities describe no hypervisor and would rule every arch out.
std::optional<arch::HostCapabilities> hypervisorCapabilities(const QByteArray &capabilitiesXml);
/// The <host><cpu> element of capabilities XML, as XML text (empty when absent).
QString hostCpuXml(const QByteArray &capabilitiesXml);

/// What the check learnt about one other host.
struct MigrationDestination
{
    QString uri;
    QString displayName;
    bool connected = false;
    /// Why the host could not be asked (libvirt's text); a problem of its own.
    QString error;
    std::optional<arch::HostCapabilities> hostCaps; ///< nullopt: test driver
    bool runsNatively = false; ///< a kvm domain for the guest's arch (caps or policy)
    bool emulates = false;     ///< a qemu (TCG) domain for it
    std::shared_ptr<const arch::DomainCapabilities> domainCaps;
    arch::CpuVerdict cpu = arch::CpuVerdict::Unknown;
    QString cpuDetail;
    QString cpuSuggestion;
    QStringList missingNetworks;  ///< not defined there
    QStringList inactiveNetworks; ///< defined, not running
    QStringList presentPaths;     ///< disk and media MigrationDisk::key()s that are there too
    QStringList poolFolders;      ///< target paths of its active storage pools
    QStringList poolNames;        ///< names of its active storage pools
    QString nameTakenBy;          ///< a VM there with the same name ("" = none)
    QString uuidTakenBy;          ///< the name of a VM there with the same UUID
};

/// The verdict on one destination: the arch's (ArchModel::migrationProblems) and the
/// common ones (connection, networks, storage, name).
MigrationTarget judgeMigrationTarget(const MigrationSource &source,
                                     const MigrationDestination &destination,
                                     const arch::MigrationMode &mode);

/// Target devs of the disks that must be copied (not at the same path there).
QStringList disksToCopy(const MigrationSource &source, const MigrationDestination &destination);

/// The libvirt flags for one move, in one place (virDomainMigrateFlags values).
/// running: the VM runs now; live: the user asked for a live move (a running VM moved
/// without `live` is paused while it moves); a shut-off VM moves offline (definition only).
unsigned long migrationFlags(bool running, bool live, bool copyStorage, bool tunnelled);

/// "tcp://HOST" for direct migration to `destinationUri` (or `address` when given); empty
/// when the destination URI names no host (a local one): libvirt picks then.
QString migrationStreamUri(const QString &destinationUri, const QString &address);

} // namespace crossvirt::models
