#pragma once

// Whether a VM can move to another host (issue #13), as plain values: models/ reads the
// guest (GuestRequirements from its live XML) and what it learnt from the destination
// (its capabilities, domain capabilities for the guest's machine, libvirt's CPU
// comparison); ArchModel::migrationProblems() judges them with the arch's rules. The
// checks that need no arch (networks, storage, a VM of the same name) stay in models/.

#include "arch/GuestPortability.h"

#include <QString>
#include <QStringList>

namespace crossvirt::arch {

/// How a VM would move.
struct MigrationMode
{
    bool live = true;         ///< running guest moved while it runs (else offline: the
                              ///< definition only, or a shut-off guest)
    bool copyStorage = false; ///< disks copied to the destination (non-shared storage)
};

/// libvirt's verdict on the guest's CPU on the destination
/// (virConnectCompareHypervisorCPU with the guest's <cpu>, or for host-passthrough a
/// comparison of the two hosts' CPUs).
enum class CpuVerdict
{
    Unknown,      ///< not compared (test driver, no <cpu> in the guest, call failed)
    Identical,    ///< same host CPU (host-passthrough can move)
    Superset,     ///< the destination provides more: fine
    Incompatible, ///< the destination lacks something; see MigrationFacts::cpuDetail
};

/// What models/ learnt about the guest and one destination host.
struct MigrationFacts
{
    GuestRequirements guest; ///< from the guest's live (running) or inactive XML
    bool running = false;    ///< running or paused
    MigrationMode mode;
    /// Destination offers a KVM / a TCG (qemu) domain for the guest's arch.
    bool destinationRunsNatively = false;
    bool destinationEmulates = false;
    /// Destination's <host><migration_features><live/> (false on the test driver).
    bool destinationLiveMigration = false;
    CpuVerdict cpu = CpuVerdict::Unknown;
    /// libvirt's words for Incompatible (the features it names), or the two hosts' CPUs
    /// for host-passthrough ("Intel Skylake-Client here, AMD EPYC there").
    QString cpuDetail;
    /// A common CPU model libvirt suggests (virConnectBaselineHypervisorCPU), may be empty.
    QString cpuSuggestion;
};

/// The arch's verdict on one destination: `problems` empty = it can move there.
struct MigrationVerdict
{
    QList<PortabilityProblem> problems;
    /// Translated remarks that do not stop the move ("It stays emulated (TCG) there,
    /// although that host could run aarch64 guests natively").
    QStringList notes;
    bool possible() const { return problems.isEmpty(); }
};

} // namespace crossvirt::arch
