// The arch classes' snapshot and migration rules (issue #13): which snapshot modes a guest
// has for its firmware, disks and state (ARCH-FACTS §6: no internal snapshot of a running
// pflash guest, qcow2 only, external revert from libvirt 9.9), and whether a VM can move
// to a host (arch, virt type, machine type, live policy, CPU verdict), judged against
// capabilities captured from a real Debian 12 host.
#include "ArchFixtures.h"

#include "arch/ArchModel.h"

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace crossvirt::test {
namespace {

using arch::CpuMode;
using arch::CpuVerdict;
using arch::GuestContext;
using arch::MigrationFacts;
using arch::MigrationVerdict;
using arch::SnapshotFacts;
using arch::SnapshotLocation;
using arch::SnapshotModes;
using arch::SnapshotNodeFacts;
using arch::VirtType;

SnapshotFacts qcow2Disks()
{
    SnapshotFacts f;
    f.writableDiskFormats = {u"qcow2"_s, u"qcow2"_s};
    f.hostDeletesExternal = true;
    f.hostLibvirtVersion = u"9.0.0"_s;
    return f;
}

SnapshotModes modesFor(const QString &arch, bool running, const QString &firmware = {},
                       const SnapshotFacts &facts = qcow2Disks())
{
    GuestContext ctx = guestContext(arch, VirtType::Qemu);
    ctx.running = running;
    ctx.firmware = firmware;
    return archModel(arch).snapshotModes(ctx, facts);
}

TEST(SnapshotRules, RunningSlofPowerGuestHasEveryMode)
{
    const SnapshotModes m = modesFor(u"ppc64le"_s, true);
    EXPECT_TRUE(m.internal.supported) << m.internal.reason.toStdString();
    EXPECT_TRUE(m.externalWithMemory.supported);
    EXPECT_TRUE(m.externalDiskOnly.supported);
    EXPECT_TRUE(m.internalNote.isEmpty());
}

TEST(SnapshotRules, RunningUefiArmGuestHasNoInternalSnapshotAndSaysWhatToDo)
{
    // aarch64 boots UEFI from pflash by default: libvirt 9.0 refuses internal snapshots of
    // it while it runs.
    const SnapshotModes m = modesFor(u"aarch64"_s, true);
    EXPECT_FALSE(m.internal.supported);
    EXPECT_TRUE(m.internal.reason.contains(u"aarch64"_s)) << m.internal.reason.toStdString();
    EXPECT_TRUE(m.internal.reason.contains(u"pflash"_s));
    EXPECT_TRUE(m.internal.reason.contains(u"disk-only external"_s));
    EXPECT_TRUE(m.externalDiskOnly.supported);
    EXPECT_TRUE(m.externalWithMemory.supported);
}

TEST(SnapshotRules, ShutOffUefiGuestTakesAnInternalSnapshotWithoutItsNvram)
{
    const SnapshotModes m = modesFor(u"aarch64"_s, false);
    EXPECT_TRUE(m.internal.supported) << m.internal.reason.toStdString();
    EXPECT_TRUE(m.internalNote.contains(u"NVRAM"_s));
    EXPECT_FALSE(m.externalWithMemory.supported) << "a shut-off guest has no memory to save";
    EXPECT_TRUE(m.externalDiskOnly.supported);
}

TEST(SnapshotRules, X86FirmwareDecidesNotTheArch)
{
    EXPECT_TRUE(modesFor(u"x86_64"_s, true).internal.supported) << "SeaBIOS has no pflash";
    const SnapshotModes efi = modesFor(u"x86_64"_s, true, u"efi"_s);
    EXPECT_FALSE(efi.internal.supported);
    EXPECT_TRUE(efi.internal.reason.contains(u"x86_64"_s));
}

TEST(SnapshotRules, S390xAndRiscvHaveNoPflash)
{
    EXPECT_TRUE(modesFor(u"s390x"_s, true).internal.supported);
    EXPECT_TRUE(modesFor(u"riscv64"_s, true).internal.supported);
}

TEST(SnapshotRules, RawDiskRefusesInternalNamingTheFormat)
{
    SnapshotFacts f = qcow2Disks();
    f.writableDiskFormats = {u"qcow2"_s, u"raw"_s};
    const SnapshotModes m = modesFor(u"ppc64le"_s, true, {}, f);
    EXPECT_FALSE(m.internal.supported);
    EXPECT_TRUE(m.internal.reason.contains(u"raw"_s));
    EXPECT_TRUE(m.externalDiskOnly.supported) << "external overlays work over raw disks";
}

TEST(SnapshotRules, NetworkDiskRefusesExternal)
{
    SnapshotFacts f = qcow2Disks();
    f.nonFileDisks = {u"vdb"_s};
    const SnapshotModes m = modesFor(u"x86_64"_s, true, {}, f);
    EXPECT_FALSE(m.externalDiskOnly.supported);
    EXPECT_TRUE(m.externalDiskOnly.reason.contains(u"vdb"_s));
}

TEST(SnapshotRules, GuestWithoutWritableDiskHasNothingToSnapshot)
{
    SnapshotFacts f = qcow2Disks();
    f.writableDiskFormats.clear();
    EXPECT_FALSE(modesFor(u"x86_64"_s, true, {}, f).anySupported());
}

TEST(SnapshotRules, ExternalRevertNeedsLibvirt99)
{
    const GuestContext ctx = guestContext(u"ppc64le"_s);
    SnapshotNodeFacts external;
    external.location = SnapshotLocation::External;
    const auto &model = archModel(u"ppc64le"_s);
    const arch::Operation on90 = model.snapshotRevert(ctx, qcow2Disks(), external);
    EXPECT_FALSE(on90.supported);
    EXPECT_TRUE(on90.reason.contains(u"9.0.0"_s)) << on90.reason.toStdString();
    EXPECT_TRUE(on90.reason.contains(u"9.9"_s));

    SnapshotFacts newer = qcow2Disks();
    newer.hostRevertsExternal = true;
    EXPECT_TRUE(model.snapshotRevert(ctx, newer, external).supported);
    EXPECT_TRUE(model.snapshotRevert(ctx, qcow2Disks(), SnapshotNodeFacts{}).supported)
        << "internal snapshots revert on every libvirt";
}

TEST(SnapshotRules, ExternalWithChildrenIsDeletedOnlyWithThem)
{
    const GuestContext ctx = guestContext(u"x86_64"_s);
    SnapshotNodeFacts parent;
    parent.location = SnapshotLocation::External;
    parent.childCount = 1;
    const auto &model = archModel(u"x86_64"_s);
    EXPECT_FALSE(model.snapshotDelete(ctx, qcow2Disks(), parent, false).supported);
    EXPECT_TRUE(model.snapshotDelete(ctx, qcow2Disks(), parent, true).supported);
    SnapshotFacts old = qcow2Disks();
    old.hostDeletesExternal = false;
    old.hostLibvirtVersion = u"8.0.0"_s;
    const arch::Operation no = model.snapshotDelete(ctx, old, parent, true);
    EXPECT_FALSE(no.supported);
    EXPECT_TRUE(no.reason.contains(u"8.0.0"_s));
    SnapshotNodeFacts internal;
    internal.childCount = 3;
    EXPECT_TRUE(model.snapshotDelete(ctx, qcow2Disks(), internal, false).supported);
}

TEST(SnapshotRules, InternalUnderAnExternalOverlayIsNotDeletedWhileRunning)
{
    GuestContext ctx = guestContext(u"x86_64"_s);
    SnapshotNodeFacts checkpoint;
    checkpoint.externalDescendant = true;
    const auto &model = archModel(u"x86_64"_s);
    EXPECT_TRUE(model.snapshotDelete(ctx, qcow2Disks(), checkpoint, false).supported)
        << "shut off: qemu-img deletes it from the image it lives in";
    ctx.running = true;
    const arch::Operation no = model.snapshotDelete(ctx, qcow2Disks(), checkpoint, false);
    EXPECT_FALSE(no.supported);
    EXPECT_TRUE(no.reason.contains(u"shut the guest down"_s));
    checkpoint.externalDescendant = false;
    EXPECT_TRUE(model.snapshotDelete(ctx, qcow2Disks(), checkpoint, false).supported);
}

// ---- migration ----------------------------------------------------------------------------

class MigrationRules : public ::testing::Test
{
protected:
    // A Debian 12 x86_64 host with KVM: runs x86_64 natively, emulates the rest.
    arch::HostCapabilities host = loadHostCapabilities(u"debian12-x86_64-kvm-capabilities.xml"_s);

    static MigrationFacts guest(const QString &arch, const QString &machine, VirtType type)
    {
        MigrationFacts f;
        f.guest.arch = arch;
        f.guest.machine = machine;
        f.guest.virtType = type;
        f.guest.vcpus = 2;
        f.guest.memoryMiB = 1024;
        f.running = true;
        f.destinationLiveMigration = true;
        return f;
    }
    MigrationFacts on(MigrationFacts f) const
    {
        f.destinationRunsNatively = host.runsNatively(f.guest.arch);
        f.destinationEmulates = host.canEmulate(f.guest.arch);
        f.destinationLiveMigration = host.liveMigration;
        return f;
    }
    MigrationVerdict judge(const MigrationFacts &f, const arch::DomainCapabilities *caps = nullptr)
    {
        GuestContext target = guestContext(f.guest.arch, f.guest.virtType, caps, f.guest.machine);
        return archModel(f.guest.arch).migrationProblems(target, f, &host);
    }
    static QString reasons(const MigrationVerdict &v)
    {
        QStringList out;
        for (const auto &p : v.problems)
            out << p.what + u": "_s + p.reason;
        return out.join(u"; "_s);
    }
};

TEST_F(MigrationRules, SameArchNativeGuestCanMove)
{
    const auto dom = loadDomainCapabilities(u"domcaps-x86_64-q35-kvm.xml"_s);
    const MigrationVerdict v = judge(on(guest(u"x86_64"_s, u"pc-q35-7.2"_s, VirtType::Kvm)), &dom);
    EXPECT_TRUE(v.possible()) << reasons(v).toStdString();
    EXPECT_TRUE(v.notes.isEmpty());
}

TEST_F(MigrationRules, EmulatedPowerGuestCanMoveToAnEmulatingHost)
{
    const auto dom = loadDomainCapabilities(u"domcaps-ppc64le-pseries-qemu.xml"_s);
    const MigrationVerdict v =
        judge(on(guest(u"ppc64le"_s, u"pseries-7.2"_s, VirtType::Qemu)), &dom);
    EXPECT_TRUE(v.possible()) << reasons(v).toStdString();
}

TEST_F(MigrationRules, AnotherArchIsTheOnlyReason)
{
    MigrationFacts f = on(guest(u"ppc64le"_s, u"pseries-7.2"_s, VirtType::Qemu));
    GuestContext x86 = guestContext(u"x86_64"_s);
    const MigrationVerdict v = archModel(u"ppc64le"_s).migrationProblems(x86, f, &host);
    ASSERT_EQ(v.problems.size(), 1) << reasons(v).toStdString();
    EXPECT_TRUE(v.problems[0].what.contains(u"ppc64le"_s));
}

TEST_F(MigrationRules, NativeGuestCannotMoveToAnEmulatingHost)
{
    // x86 host: aarch64 only under TCG; a KVM aarch64 guest (made on an Arm host) cannot come.
    const MigrationVerdict v = judge(on(guest(u"aarch64"_s, u"virt-7.2"_s, VirtType::Kvm)));
    EXPECT_FALSE(v.possible());
    EXPECT_TRUE(reasons(v).contains(u"KVM"_s)) << reasons(v).toStdString();
}

TEST_F(MigrationRules, EmulatedGuestToANativeHostStaysEmulatedWithANote)
{
    const auto dom = loadDomainCapabilities(u"domcaps-x86_64-q35-qemu.xml"_s);
    const MigrationVerdict v = judge(on(guest(u"x86_64"_s, u"pc-q35-7.2"_s, VirtType::Qemu)), &dom);
    EXPECT_TRUE(v.possible()) << reasons(v).toStdString();
    ASSERT_EQ(v.notes.size(), 1);
    EXPECT_TRUE(v.notes[0].contains(u"emulated"_s));
}

TEST_F(MigrationRules, MachineTypeTheDestinationLacksIsNamed)
{
    const MigrationVerdict v = judge(on(guest(u"ppc64le"_s, u"pseries-9.1"_s, VirtType::Qemu)));
    EXPECT_FALSE(v.possible());
    EXPECT_TRUE(reasons(v).contains(u"pseries-9.1"_s)) << reasons(v).toStdString();
    EXPECT_TRUE(reasons(v).contains(u"pseries-7.2"_s)) << "the host's own versions are named";
}

TEST_F(MigrationRules, UnversionedMachineMovesOnlyOffline)
{
    MigrationFacts f = on(guest(u"riscv64"_s, u"virt"_s, VirtType::Qemu));
    const MigrationVerdict live = judge(f);
    EXPECT_FALSE(live.possible());
    EXPECT_TRUE(reasons(live).contains(u"version"_s)) << reasons(live).toStdString();
    f.mode.live = false;
    EXPECT_TRUE(judge(f).possible()) << reasons(judge(f)).toStdString();
    f.mode.live = true;
    f.running = false; // a shut-off guest moves as a definition
    EXPECT_TRUE(judge(f).possible());
}

TEST_F(MigrationRules, AFamilyAliasIsVersionedWhereQemuVersionsTheFamily)
{
    // The test driver keeps "pseries" as written; real libvirt pins it to pseries-7.2.
    const MigrationVerdict v = judge(on(guest(u"ppc64le"_s, u"pseries"_s, VirtType::Qemu)));
    EXPECT_FALSE(reasons(v).contains(u"version"_s)) << reasons(v).toStdString();
    EXPECT_TRUE(
        reasons(judge(on(guest(u"x86_64"_s, u"isapc"_s, VirtType::Qemu)))).contains(u"version"_s))
        << "isapc is no alias of a versioned machine";
}

TEST_F(MigrationRules, HostWithoutLiveMigrationTakesOnlyOfflineMoves)
{
    MigrationFacts f = on(guest(u"ppc64le"_s, u"pseries-7.2"_s, VirtType::Qemu));
    f.destinationLiveMigration = false;
    EXPECT_TRUE(reasons(judge(f)).contains(u"live"_s));
    f.mode.live = false;
    EXPECT_TRUE(judge(f).possible()) << reasons(judge(f)).toStdString();
}

TEST_F(MigrationRules, IncompatibleCpuNamesLibvirtsDetailAndASuggestion)
{
    MigrationFacts f = on(guest(u"x86_64"_s, u"pc-q35-7.2"_s, VirtType::Kvm));
    f.guest.cpu = {CpuMode::Custom, u"Skylake-Client"_s};
    f.cpu = CpuVerdict::Incompatible;
    f.cpuDetail = u"the host lacks avx512f"_s;
    f.cpuSuggestion = u"Haswell-noTSX"_s;
    const QString r = reasons(judge(f));
    EXPECT_TRUE(r.contains(u"avx512f"_s)) << r.toStdString();
    EXPECT_TRUE(r.contains(u"Haswell-noTSX"_s));
    f.running = false;
    EXPECT_FALSE(reasons(judge(f)).contains(u"avx512f"_s)) << "a shut-off guest moves as XML";
}

TEST_F(MigrationRules, HostPassthroughNeedsIdenticalHosts)
{
    MigrationFacts f = on(guest(u"x86_64"_s, u"pc-q35-7.2"_s, VirtType::Kvm));
    f.guest.cpu = {CpuMode::HostPassthrough, {}};
    f.cpu = CpuVerdict::Superset;
    f.cpuDetail = u"Skylake-Client here, EPYC-Rome there"_s;
    EXPECT_TRUE(reasons(judge(f)).contains(u"identical"_s)) << reasons(judge(f)).toStdString();
    f.cpu = CpuVerdict::Identical;
    EXPECT_FALSE(reasons(judge(f)).contains(u"identical"_s));
}

} // namespace
} // namespace crossvirt::test
