// ArchModel's snapshot and migration rules (issue #13): which snapshot modes a guest has,
// which snapshots it can revert to or delete, and whether it can move to another host.
// models/ gathers the facts (arch/Snapshots.h, arch/Migration.h); this file judges them.

#include "arch/ArchModel.h"
#include "arch/Riscv64Arch.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace crossvirt::arch {

QString snapshotLocationId(SnapshotLocation location)
{
    return location == SnapshotLocation::External ? u"external"_s : u"internal"_s;
}

namespace {

/// Whether QEMU keeps this machine type's layout stable across releases: it carries a
/// version ("pc-q35-7.2", "pseries-7.2", "virt-7.2", "s390-ccw-virtio-7.2").
bool isVersionedMachine(const QString &machine)
{
    static const QRegularExpression re(u"\\d+\\.\\d+"_s);
    return re.match(machine).hasMatch();
}

} // namespace

// ---- snapshots --------------------------------------------------------------------------

SnapshotModes ArchModel::snapshotModes(const GuestContext &ctx, const SnapshotFacts &facts) const
{
    const Operations policy = operationsPolicy(ctx);
    const QString fw = ctx.firmware.isEmpty() ? firmwarePolicy(ctx).defaultFirmware : ctx.firmware;
    const bool pflash = fw == "efi"_L1;

    SnapshotModes modes;

    // ---- internal: every writable disk in qcow2 --------------------------------------
    QStringList notQcow2;
    for (const QString &format : facts.writableDiskFormats) {
        if (format != "qcow2"_L1 && !notQcow2.contains(format))
            notQcow2.append(format);
    }
    if (!policy.internalSnapshots.supported) {
        modes.internal = policy.internalSnapshots;
    } else if (!notQcow2.isEmpty()) {
        modes.internal = refused(tr("Internal snapshots need every disk in qcow2 format; this "
                                    "guest has %1 disks: take an external snapshot")
                                     .arg(notQcow2.join(u", "_s)));
    } else if (ctx.running && pflash) {
        modes.internal =
            refused(tr("This running %1 guest boots UEFI from pflash: libvirt cannot take an "
                       "internal snapshot of it; shut it down or take a disk-only external "
                       "snapshot")
                        .arg(name()));
    } else if (facts.writableDiskFormats.isEmpty()) {
        modes.internal = refused(tr("This guest has no writable disk to snapshot"));
    } else {
        modes.internal = allowed();
        if (!ctx.running && pflash)
            modes.internalNote = tr("The UEFI variables (NVRAM) are not part of an internal "
                                    "snapshot: a revert keeps the current ones");
    }

    // ---- external ----------------------------------------------------------------------
    const Operation externalPolicy = policy.snapshots;
    if (!externalPolicy.supported) {
        modes.externalDiskOnly = externalPolicy;
        modes.externalWithMemory = externalPolicy;
    } else if (!facts.nonFileDisks.isEmpty()) {
        const Operation no = refused(tr("External snapshots need disks that are files or block "
                                        "devices on the host; %1 is not")
                                         .arg(facts.nonFileDisks.join(u", "_s)));
        modes.externalDiskOnly = no;
        modes.externalWithMemory = no;
    } else if (facts.writableDiskFormats.isEmpty()) {
        const Operation no = refused(tr("This guest has no writable disk to snapshot"));
        modes.externalDiskOnly = no;
        modes.externalWithMemory = no;
    } else {
        modes.externalDiskOnly = allowed();
        modes.externalWithMemory =
            ctx.running ? allowed()
                        : refused(tr("The guest is shut off: there is no memory state to save"));
    }
    return modes;
}

Operation ArchModel::snapshotRevert(const GuestContext &, const SnapshotFacts &facts,
                                    const SnapshotNodeFacts &snapshot) const
{
    if (snapshot.location == SnapshotLocation::External && !facts.hostRevertsExternal) {
        return refused(tr("This host's libvirt (%1) cannot revert to an external snapshot; "
                          "libvirt 9.9 or later can")
                           .arg(facts.hostLibvirtVersion.isEmpty() ? tr("before 9.9")
                                                                   : facts.hostLibvirtVersion));
    }
    return allowed();
}

Operation ArchModel::snapshotDelete(const GuestContext &ctx, const SnapshotFacts &facts,
                                    const SnapshotNodeFacts &snapshot, bool withChildren) const
{
    if (snapshot.location != SnapshotLocation::External) {
        // A running guest's internal snapshot is deleted by QEMU inside the image the guest
        // writes; once an external overlay sits above it, libvirt 9.0 refuses ("disk image
        // 'vda' for internal snapshot ... is not the same as disk image currently used by VM").
        if (ctx.running && snapshot.externalDescendant && !withChildren)
            return refused(tr("The running guest now writes to an external overlay taken after "
                              "this snapshot: libvirt cannot delete it while the guest runs; "
                              "shut the guest down first"));
        return allowed();
    }
    if (!facts.hostDeletesExternal) {
        return refused(tr("This host's libvirt (%1) cannot delete external snapshots; libvirt "
                          "9.0 or later can")
                           .arg(facts.hostLibvirtVersion.isEmpty() ? tr("before 9.0")
                                                                   : facts.hostLibvirtVersion));
    }
    if (snapshot.parentInternal) {
        return refused(tr("libvirt cannot delete an external snapshot taken after an internal "
                          "one (\"deleting external snapshot that has internal snapshot as "
                          "parent not supported\")"));
    }
    if (snapshot.childCount > 0 && !withChildren) {
        return refused(tr("libvirt cannot delete an external snapshot that has later "
                          "snapshots; delete those first, or delete it with its children"));
    }
    return allowed();
}

// ---- migration --------------------------------------------------------------------------

bool ArchModel::machineIsVersioned(const QString &machine) const
{
    return isVersionedMachine(machine) || machineFamilies().contains(machine);
}

bool Riscv64Arch::machineIsVersioned(const QString &machine) const
{
    // QEMU has never versioned the RISC-V virt board: "virt" is the machine itself, not an
    // alias of "virt-X.Y", so its layout may change with each QEMU release.
    return isVersionedMachine(machine);
}

QList<PortabilityProblem> ArchModel::migrationPolicy(const GuestContext &target,
                                                     const MigrationFacts &facts) const
{
    QList<PortabilityProblem> problems;
    const QString machine = facts.guest.machine.isEmpty() ? target.machine : facts.guest.machine;
    if (facts.running && facts.mode.live && !machine.isEmpty() && !machineIsVersioned(machine)) {
        problems.append({tr("Machine type %1").arg(machine),
                         tr("QEMU does not version the %1 machine of %2 guests, so its layout "
                            "may differ on another host: shut the guest down and move it "
                            "offline")
                             .arg(machine, name())});
    }
    return problems;
}

MigrationVerdict ArchModel::migrationProblems(const GuestContext &target,
                                              const MigrationFacts &facts,
                                              const HostCapabilities *hostCaps) const
{
    MigrationVerdict verdict;
    const QString guestArch = facts.guest.arch.isEmpty() ? name() : facts.guest.arch;
    auto add = [&verdict](PortabilityProblem p) {
        for (const PortabilityProblem &q : std::as_const(verdict.problems)) {
            if (q.what == p.what)
                return;
        }
        verdict.problems.append(std::move(p));
    };

    // ---- arch and virt type --------------------------------------------------------------
    const bool archKnownThere = hostCaps
                                    ? hostCaps->canRun(guestArch)
                                    : (facts.destinationRunsNatively || facts.destinationEmulates);
    if (!archKnownThere || (!target.arch.isEmpty() && target.arch != guestArch)) {
        add({tr("Architecture %1").arg(guestArch),
             tr("That host runs no %1 guests").arg(guestArch)});
        return verdict; // nothing else can be judged
    }
    if (facts.guest.virtType == VirtType::Kvm && !facts.destinationRunsNatively) {
        add({tr("Native (KVM)"),
             tr("This guest runs natively with KVM; that host can only emulate %1 guests, and "
                "KVM state cannot be loaded into an emulator")
                 .arg(guestArch)});
    } else if (facts.guest.virtType != VirtType::Kvm && !facts.destinationEmulates) {
        add({tr("Emulated (TCG)"),
             tr("This guest is emulated (TCG); that host's QEMU offers no emulated %1 guests")
                 .arg(guestArch)});
    } else if (facts.guest.virtType != VirtType::Kvm && facts.destinationRunsNatively) {
        verdict.notes.append(tr("It stays emulated (TCG) there, although that host runs %1 "
                                "guests natively: change it to KVM after the move for full "
                                "speed")
                                 .arg(guestArch));
    }

    // ---- what the guest needs from the destination's QEMU --------------------------------
    GuestContext ctx = target;
    ctx.arch = guestArch;
    ctx.virtType = facts.guest.virtType;
    if (!facts.guest.machine.isEmpty())
        ctx.machine = facts.guest.machine;
    ctx.firmware = facts.guest.firmware;
    for (PortabilityProblem &p : portabilityProblems(ctx, facts.guest, hostCaps))
        add(std::move(p));

    // ---- live ----------------------------------------------------------------------------
    if (facts.running && facts.mode.live) {
        GuestContext running = ctx;
        running.running = true;
        const Operation live = operations(running).liveMigration;
        if (!live.supported)
            add({tr("Live migration"), live.reason});
        else if (hostCaps && !facts.destinationLiveMigration)
            add({tr("Live migration"),
                 tr("That host does not accept live migrations; move the guest offline")});
    }
    for (PortabilityProblem &p : migrationPolicy(ctx, facts))
        add(std::move(p));

    // ---- CPU -----------------------------------------------------------------------------
    const bool passthrough = facts.guest.cpu.mode == CpuMode::HostPassthrough;
    if (facts.running && passthrough && facts.cpu != CpuVerdict::Identical &&
        facts.cpu != CpuVerdict::Unknown) {
        add({tr("CPU mode %1").arg(cpuModeLabel(u"host-passthrough"_s)),
             tr("A host-passthrough guest moves only between identical hosts: %1")
                 .arg(facts.cpuDetail)});
    } else if (facts.running && facts.cpu == CpuVerdict::Incompatible) {
        QString reason =
            tr("That host's CPU cannot provide this guest's CPU: %1").arg(facts.cpuDetail);
        if (!facts.cpuSuggestion.isEmpty())
            reason += u' ' + tr("(a model both hosts provide: %1)").arg(facts.cpuSuggestion);
        add({tr("CPU"), reason});
    }
    return verdict;
}

} // namespace crossvirt::arch
