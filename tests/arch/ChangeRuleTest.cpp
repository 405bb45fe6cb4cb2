// ArchModel::changeRule() and Add Hardware's lists (issue 12, ARCH-FACTS.md §6): for every
// arch, whether a change to an existing guest applies now, at the next boot or not at all,
// and the reason a user sees when it does not apply now.
#include "ArchFixtures.h"

#include <gtest/gtest.h>

using namespace crossvirt::arch;
using namespace crossvirt::test;
using namespace Qt::StringLiterals;

namespace {

struct Guest
{
    QString arch;
    QString machine;
    QString firmware;
};

// The guests of the issue: x86_64 q35 and pc, ppc64le pseries, aarch64 virt with UEFI,
// s390x, riscv64, armv7l.
const QList<Guest> &guests()
{
    static const QList<Guest> list{
        {u"x86_64"_s, u"q35"_s, {}},
        {u"x86_64"_s, u"pc"_s, {}},
        {u"ppc64le"_s, u"pseries"_s, {}},
        {u"aarch64"_s, u"virt"_s, u"efi"_s},
        {u"s390x"_s, u"s390-ccw-virtio"_s, {}},
        {u"riscv64"_s, u"virt"_s, {}},
        {u"armv7l"_s, u"virt"_s, {}},
    };
    return list;
}

GuestContext context(const Guest &g, bool running, VirtType type = VirtType::Kvm,
                     const DomainCapabilities *caps = nullptr)
{
    GuestContext ctx = guestContext(g.arch, type, caps, g.machine);
    ctx.firmware = g.firmware;
    ctx.running = running;
    return ctx;
}

GuestContext context(const QString &arch, bool running, VirtType type = VirtType::Kvm)
{
    for (const Guest &g : guests()) {
        if (g.arch == arch)
            return context(g, running, type);
    }
    ADD_FAILURE() << "no guest for " << arch.toStdString();
    return {};
}

/// A plain guest: 2 of 8 vCPUs, 2 GiB of a 4 GiB hot-plug ceiling with 4 free slots, a
/// balloon and a NUMA cell, on a host with 16 CPUs and 64 GiB.
GuestFacts facts()
{
    GuestFacts f;
    f.vcpus = 2;
    f.maxVcpus = 8;
    f.memoryMiB = 2048;
    f.currentMemoryMiB = 2048;
    f.maxMemoryMiB = 4096;
    f.memorySlots = 4;
    f.freeMemorySlots = 4;
    f.hasBalloon = true;
    f.hasNumaCell = true;
    f.hostCpus = 16;
    f.hostMemoryMiB = 65536;
    return f;
}

GuestChangeRequest change(GuestChange c, qint64 to, qint64 from = 0)
{
    GuestChangeRequest r;
    r.change = c;
    r.from = from;
    r.to = to;
    return r;
}

GuestChangeRequest device(GuestChange c, const char *kind, const QString &model = {})
{
    GuestChangeRequest r;
    r.change = c;
    r.deviceKind = QString::fromLatin1(kind);
    r.model = model;
    return r;
}

GuestChangeRequest add(const char *kind, const QString &model = {})
{
    return device(GuestChange::AddDevice, kind, model);
}

ChangeRule rule(const GuestContext &ctx, const GuestChangeRequest &r, GuestFacts f = facts())
{
    return archModel(ctx.arch).changeRule(ctx, f, r);
}

const char *timingName(ChangeTiming t)
{
    switch (t) {
    case ChangeTiming::Now:
        return "Now";
    case ChangeTiming::NextBoot:
        return "NextBoot";
    case ChangeTiming::Refused:
        return "Refused";
    }
    return "?";
}

#define EXPECT_TIMING(r, t)                                                                        \
    EXPECT_EQ(timingName((r).timing), timingName(t)) << (r).reason.toStdString()

bool isOneOf(const QString &arch, std::initializer_list<const char *> arches)
{
    for (const char *a : arches) {
        if (arch == QLatin1StringView(a))
            return true;
    }
    return false;
}

// Requests a plain guest accepts on every arch, with values that are valid everywhere
// (2048 MiB is a multiple of POWER's 256 MiB; 4 vCPUs are whole cores of 1 thread).
QList<GuestChangeRequest> validEverywhere()
{
    return {
        change(GuestChange::VcpuCount, 4, 2),
        change(GuestChange::VcpuCount, 1, 2),
        change(GuestChange::MaxVcpus, 8, 8),
        change(GuestChange::CpuTopology, 0),
        change(GuestChange::MemoryCurrent, 1024),
        change(GuestChange::MaxMemory, 3072),
        change(GuestChange::BootOrder, 0),
        change(GuestChange::KernelBoot, 0),
        change(GuestChange::Autostart, 1),
        change(GuestChange::Metadata, 0),
        change(GuestChange::CdromMedia, 0),
        change(GuestChange::Rename, 0),
        add(HardwareKind::Disk, u"virtio"_s),
        add(HardwareKind::Nic, u"virtio"_s),
        add(HardwareKind::Rng, u"virtio"_s),
        add(HardwareKind::Console),
        add(HardwareKind::Watchdog),
        device(GuestChange::RemoveDevice, HardwareKind::Disk, u"virtio"_s),
    };
}

} // namespace

// ---- shut-off guests ------------------------------------------------------------------------

TEST(ChangeRule, ShutOffGuestTakesEveryAllowedChangeAtNextBootWithoutReason)
{
    for (const Guest &g : guests()) {
        SCOPED_TRACE(g.arch.toStdString() + " " + g.machine.toStdString());
        const GuestContext ctx = context(g, false);
        for (const GuestChangeRequest &r : validEverywhere()) {
            SCOPED_TRACE(int(r.change));
            const ChangeRule got = rule(ctx, r);
            EXPECT_TIMING(got, ChangeTiming::NextBoot);
            EXPECT_TRUE(got.reason.isEmpty()) << got.reason.toStdString();
        }
    }
}

// libvirt renames only inactive domains (qemuDomainRename: "cannot rename active domain"):
// a running guest of any arch is refused with the reason, never deferred to a next boot.
TEST(ChangeRule, RenameOnlyWhileShutOff)
{
    for (const Guest &g : guests()) {
        SCOPED_TRACE(g.arch.toStdString() + " " + g.machine.toStdString());
        const ChangeRule running = rule(context(g, true), change(GuestChange::Rename, 0));
        EXPECT_TIMING(running, ChangeTiming::Refused);
        EXPECT_TRUE(running.reason.contains(u"shut it down"_s)) << running.reason.toStdString();
        EXPECT_TIMING(rule(context(g, false), change(GuestChange::Rename, 0)),
                      ChangeTiming::NextBoot);
    }
}

TEST(ChangeRule, ShutOffGuestStillChecksValues)
{
    const GuestContext ctx = context(u"x86_64"_s, false);
    const ChangeRule over = rule(ctx, change(GuestChange::VcpuCount, 9, 2));
    EXPECT_TIMING(over, ChangeTiming::Refused);
    EXPECT_TRUE(over.reason.contains(u"raise the maximum first"_s)) << over.reason.toStdString();
    // sPAPR VLAN exists on pseries only, whatever the guest's state.
    const ChangeRule vlan = rule(ctx, add(HardwareKind::Nic, u"spapr-vlan"_s));
    EXPECT_TIMING(vlan, ChangeTiming::Refused);
    EXPECT_EQ(vlan.reason, u"sPAPR VLAN exists only on POWER (pseries) guests"_s);
    // s390x has no vCPU unplug, but a shut-off guest just boots with fewer.
    EXPECT_TIMING(rule(context(u"s390x"_s, false), change(GuestChange::VcpuCount, 1, 2)),
                  ChangeTiming::NextBoot);
}

// ---- vCPUs ------------------------------------------------------------------------------------

TEST(ChangeRule, VcpuHotplugOnlyWhereQemuPlugsVcpus)
{
    for (const Guest &g : guests()) {
        SCOPED_TRACE(g.arch.toStdString() + " " + g.machine.toStdString());
        const GuestContext ctx = context(g, true);
        const ChangeRule plug = rule(ctx, change(GuestChange::VcpuCount, 4, 2));
        if (isOneOf(g.arch, {"x86_64", "ppc64le", "s390x"})) {
            EXPECT_TIMING(plug, ChangeTiming::Now);
        } else {
            EXPECT_TIMING(plug, ChangeTiming::NextBoot);
            EXPECT_EQ(plug.reason, u"QEMU cannot hot-plug vCPUs into %1%2 guests"_s.arg(
                                       g.arch, g.arch == "riscv64"_L1 ? QString() : u" virt"_s));
        }
        const ChangeRule unplug = rule(ctx, change(GuestChange::VcpuCount, 1, 2));
        if (isOneOf(g.arch, {"x86_64", "ppc64le"})) {
            EXPECT_TIMING(unplug, ChangeTiming::Now);
        } else {
            EXPECT_TIMING(unplug, ChangeTiming::NextBoot);
            EXPECT_FALSE(unplug.reason.isEmpty());
        }
    }
    EXPECT_EQ(rule(context(u"s390x"_s, true), change(GuestChange::VcpuCount, 1, 2)).reason,
              u"s390x guests cannot unplug vCPUs"_s);
}

TEST(ChangeRule, VcpuValuesAreRefusedWithTheReason)
{
    const GuestContext ctx = context(u"x86_64"_s, true);
    const ChangeRule zero = rule(ctx, change(GuestChange::VcpuCount, 0));
    EXPECT_TIMING(zero, ChangeTiming::Refused);
    EXPECT_EQ(zero.reason, u"A guest needs at least one vCPU"_s);

    const ChangeRule overMax = rule(ctx, change(GuestChange::VcpuCount, 12, 2));
    EXPECT_TIMING(overMax, ChangeTiming::Refused);
    EXPECT_EQ(overMax.reason,
              u"12 vCPUs is above this guest's maximum of 8: raise the maximum first"_s);

    GuestFacts four = facts();
    four.vcpus = 4;
    const ChangeRule belowCurrent = rule(ctx, change(GuestChange::MaxVcpus, 3), four);
    EXPECT_TIMING(belowCurrent, ChangeTiming::Refused);
    EXPECT_TRUE(belowCurrent.reason.contains(u"below the 4 vCPUs"_s))
        << belowCurrent.reason.toStdString();

    // The machine's ceiling: i440FX takes 255 vCPUs.
    GuestFacts big = facts();
    big.hostCpus = 1024;
    const ChangeRule pcMax =
        rule(context(guests().at(1), false), change(GuestChange::MaxVcpus, 256), big);
    EXPECT_TIMING(pcMax, ChangeTiming::Refused);
    EXPECT_EQ(pcMax.reason, u"x86_64 guests of this machine take at most 255 vCPUs"_s);
}

TEST(ChangeRule, MoreVcpusThanHostCpusOnlyForEmulatedGuests)
{
    const GuestFacts f = facts(); // 16 host CPUs
    const ChangeRule kvm = rule(context(u"x86_64"_s, false), change(GuestChange::MaxVcpus, 32), f);
    EXPECT_TIMING(kvm, ChangeTiming::Refused);
    EXPECT_TRUE(kvm.reason.contains(u"16 CPUs"_s)) << kvm.reason.toStdString();
    EXPECT_TIMING(
        rule(context(u"x86_64"_s, false, VirtType::Qemu), change(GuestChange::MaxVcpus, 32), f),
        ChangeTiming::NextBoot);
    // Unknown host CPUs: nothing to check against.
    GuestFacts unknown = f;
    unknown.hostCpus = 0;
    EXPECT_TIMING(rule(context(u"x86_64"_s, false), change(GuestChange::MaxVcpus, 32), unknown),
                  ChangeTiming::NextBoot);
}

TEST(ChangeRule, PseriesPlugsWholeCores)
{
    GuestFacts smt4 = facts();
    smt4.vcpus = 4;
    smt4.maxVcpus = 16;
    smt4.threadsPerCore = 4;
    const GuestContext ppc = context(u"ppc64le"_s, true);
    const ChangeRule partial = rule(ppc, change(GuestChange::VcpuCount, 6, 4), smt4);
    EXPECT_TIMING(partial, ChangeTiming::Refused);
    EXPECT_EQ(partial.reason,
              u"POWER guests plug whole cores of 4 threads: use a multiple of 4 vCPUs"_s);
    EXPECT_TIMING(rule(ppc, change(GuestChange::VcpuCount, 8, 4), smt4), ChangeTiming::Now);
    EXPECT_TIMING(rule(context(u"ppc64le"_s, false), change(GuestChange::MaxVcpus, 10), smt4),
                  ChangeTiming::Refused);
    // TCG runs pseries guests with one thread per core only (QEMU 7.2 refuses more).
    const ChangeRule smt =
        rule(context(u"ppc64le"_s, false, VirtType::Qemu), change(GuestChange::CpuTopology, 4));
    EXPECT_TIMING(smt, ChangeTiming::Refused);
    EXPECT_TRUE(smt.reason.contains(u"one thread per core"_s)) << smt.reason.toStdString();
    EXPECT_TIMING(rule(context(u"ppc64le"_s, false), change(GuestChange::CpuTopology, 4)),
                  ChangeTiming::NextBoot);
    // x86 plugs single threads.
    EXPECT_TIMING(rule(context(u"x86_64"_s, true), change(GuestChange::VcpuCount, 6, 4), smt4),
                  ChangeTiming::Now);
}

// ---- memory ------------------------------------------------------------------------------------

TEST(ChangeRule, MemoryFollowsTheArchStepMinimumAndHost)
{
    const GuestContext ppc = context(u"ppc64le"_s, false);
    const ChangeRule offStep = rule(ppc, change(GuestChange::MaxMemory, 1000));
    EXPECT_TIMING(offStep, ChangeTiming::Refused);
    EXPECT_EQ(offStep.reason,
              u"ppc64le guest memory comes in steps of 256 MiB: use 768 or 1024 MiB"_s);
    EXPECT_TIMING(rule(ppc, change(GuestChange::MaxMemory, 1024)), ChangeTiming::NextBoot);
    EXPECT_TIMING(rule(ppc, change(GuestChange::MemoryCurrent, 1000)), ChangeTiming::Refused);
    // x86 takes any MiB.
    EXPECT_TIMING(rule(context(u"x86_64"_s, false), change(GuestChange::MaxMemory, 1000)),
                  ChangeTiming::NextBoot);

    const ChangeRule tiny = rule(context(u"s390x"_s, false), change(GuestChange::MaxMemory, 128));
    EXPECT_TIMING(tiny, ChangeTiming::Refused);
    EXPECT_EQ(tiny.reason, u"s390x guests need at least 256 MiB of memory"_s);

    GuestFacts small = facts();
    small.hostMemoryMiB = 2048;
    small.maxMemoryMiB = 0;
    const ChangeRule host =
        rule(context(u"x86_64"_s, false), change(GuestChange::MaxMemory, 4096), small);
    EXPECT_TIMING(host, ChangeTiming::Refused);
    EXPECT_EQ(host.reason, u"The host has only 2048 MiB of memory"_s);

    // Boot memory stays within the hot-plug ceiling.
    EXPECT_TIMING(rule(context(u"x86_64"_s, false), change(GuestChange::MaxMemory, 8192)),
                  ChangeTiming::Refused);
}

TEST(ChangeRule, BalloonChangesCurrentMemoryLiveUpToBootMemory)
{
    for (const Guest &g : guests()) {
        SCOPED_TRACE(g.arch.toStdString());
        const GuestContext ctx = context(g, true);
        EXPECT_TIMING(rule(ctx, change(GuestChange::MemoryCurrent, 1024)), ChangeTiming::Now);
        GuestFacts noBalloon = facts();
        noBalloon.hasBalloon = false;
        const ChangeRule without = rule(ctx, change(GuestChange::MemoryCurrent, 1024), noBalloon);
        EXPECT_TIMING(without, ChangeTiming::NextBoot);
        EXPECT_TRUE(without.reason.contains(u"no memory balloon"_s));
        const ChangeRule above = rule(ctx, change(GuestChange::MemoryCurrent, 3072));
        EXPECT_TIMING(above, ChangeTiming::Refused);
        EXPECT_TRUE(above.reason.contains(u"raise the memory first"_s));
    }
}

TEST(ChangeRule, MemoryHotplugNeedsSlotsAStepAndOnX86ANumaCell)
{
    const GuestChangeRequest dimm = change(GuestChange::HotplugMemory, 1024);
    for (const Guest &g : guests()) {
        SCOPED_TRACE(g.arch.toStdString() + " " + g.machine.toStdString());
        const ChangeRule r = rule(context(g, true), dimm);
        if (isOneOf(g.arch, {"x86_64", "ppc64le", "aarch64"}))
            EXPECT_TIMING(r, ChangeTiming::Now);
        else
            EXPECT_TIMING(r, ChangeTiming::Refused);
        EXPECT_EQ(rule(context(g, false), dimm).allowed(), r.allowed());
    }
    EXPECT_EQ(rule(context(u"s390x"_s, true), dimm).reason,
              u"s390x guests cannot hot-plug memory"_s);

    const GuestContext x86 = context(u"x86_64"_s, true);
    GuestFacts noNuma = facts();
    noNuma.hasNumaCell = false;
    const ChangeRule numa = rule(x86, dimm, noNuma);
    EXPECT_TIMING(numa, ChangeTiming::Refused);
    EXPECT_TRUE(numa.reason.contains(u"NUMA cell"_s)) << numa.reason.toStdString();
    // libvirt exempts POWER from the NUMA rule.
    EXPECT_TIMING(rule(context(u"ppc64le"_s, true), dimm, noNuma), ChangeTiming::Now);

    GuestFacts noMax = facts();
    noMax.maxMemoryMiB = 0;
    noMax.memorySlots = 0;
    noMax.freeMemorySlots = 0;
    const ChangeRule noSlots = rule(x86, dimm, noMax);
    EXPECT_TIMING(noSlots, ChangeTiming::Refused);
    EXPECT_TRUE(noSlots.reason.contains(u"without a maximum memory"_s))
        << noSlots.reason.toStdString();

    GuestFacts full = facts();
    full.freeMemorySlots = 0;
    EXPECT_EQ(rule(x86, dimm, full).reason,
              u"All 4 memory hot-plug slots of this guest are in use"_s);

    EXPECT_EQ(rule(x86, change(GuestChange::HotplugMemory, 100)).reason,
              u"Hot-plugged memory of x86_64 guests comes in steps of 128 MiB"_s);
    EXPECT_TIMING(rule(context(u"ppc64le"_s, true), change(GuestChange::HotplugMemory, 128)),
                  ChangeTiming::Refused);
    const ChangeRule tooMuch = rule(x86, change(GuestChange::HotplugMemory, 4096));
    EXPECT_TIMING(tooMuch, ChangeTiming::Refused);
    EXPECT_TRUE(tooMuch.reason.contains(u"maximum memory of 4096 MiB"_s));

    // An Arm guest sees the DIMM only through ACPI, which comes with UEFI.
    GuestContext dtb = context(u"aarch64"_s, true);
    dtb.firmware = u"default"_s;
    EXPECT_TIMING(rule(dtb, dimm), ChangeTiming::Refused);
}

// ---- changes that wait for the next boot
// ---------------------------------------------------------

TEST(ChangeRule, DefinitionOnlyChangesWaitForTheNextBootOfARunningGuest)
{
    const QList<GuestChangeRequest> offline{
        change(GuestChange::MaxVcpus, 8),     change(GuestChange::CpuTopology, 0),
        change(GuestChange::MaxMemory, 3072), change(GuestChange::BootOrder, 0),
        change(GuestChange::KernelBoot, 0),
    };
    const QList<GuestChangeRequest> live{
        change(GuestChange::Autostart, 1),
        change(GuestChange::Metadata, 0),
        change(GuestChange::CdromMedia, 0),
    };
    for (const Guest &g : guests()) {
        SCOPED_TRACE(g.arch.toStdString() + " " + g.machine.toStdString());
        const GuestContext ctx = context(g, true);
        for (const GuestChangeRequest &r : offline) {
            const ChangeRule got = rule(ctx, r);
            EXPECT_TIMING(got, ChangeTiming::NextBoot);
            EXPECT_TRUE(got.reason.contains(u"next starts"_s)) << got.reason.toStdString();
        }
        for (const GuestChangeRequest &r : live)
            EXPECT_TIMING(rule(ctx, r), ChangeTiming::Now);
    }
}

TEST(ChangeRule, CpuModelAndFirmwareAreCheckedAgainstTheArch)
{
    GuestChangeRequest passthrough = change(GuestChange::CpuModel, 0);
    passthrough.model = u"host-passthrough"_s;
    const ChangeRule emulated = rule(context(u"x86_64"_s, false, VirtType::Qemu), passthrough);
    EXPECT_TIMING(emulated, ChangeTiming::Refused);
    EXPECT_TRUE(emulated.reason.contains(u"needs KVM"_s)) << emulated.reason.toStdString();
    const ChangeRule native = rule(context(u"x86_64"_s, true), passthrough);
    EXPECT_TIMING(native, ChangeTiming::NextBoot);
    EXPECT_EQ(native.reason, u"The CPU model takes effect when the guest next starts"_s);

    // Named models: what this host's QEMU knows (captured domain capabilities).
    const DomainCapabilities tcg = loadDomainCapabilities(u"domcaps-x86_64-q35-qemu.xml"_s);
    const GuestContext narrowed = context(guests().at(0), false, VirtType::Qemu, &tcg);
    GuestChangeRequest named = change(GuestChange::CpuModel, 0);
    named.model = u"Nehalem"_s;
    EXPECT_TIMING(rule(narrowed, named), ChangeTiming::NextBoot);
    named.model = u"NotACpu"_s;
    const ChangeRule unknown = rule(narrowed, named);
    EXPECT_TIMING(unknown, ChangeTiming::Refused);
    EXPECT_EQ(unknown.reason, u"This host's QEMU does not know the NotACpu CPU model"_s);

    GuestChangeRequest bios = change(GuestChange::Firmware, 0);
    bios.model = u"bios"_s;
    const ChangeRule arm = rule(context(u"aarch64"_s, false), bios);
    EXPECT_TIMING(arm, ChangeTiming::Refused);
    EXPECT_EQ(arm.reason, u"aarch64 guests need UEFI firmware"_s);
    GuestChangeRequest efi = change(GuestChange::Firmware, 0);
    efi.model = u"efi"_s;
    EXPECT_TIMING(rule(context(u"ppc64le"_s, false), efi), ChangeTiming::Refused);
    EXPECT_TIMING(rule(context(u"x86_64"_s, true), efi), ChangeTiming::NextBoot);
}

// ---- devices ----------------------------------------------------------------------------------

TEST(ChangeRule, DisksAndCdromsHotPlugOnlyOnHotPluggableBuses)
{
    for (const Guest &g : guests()) {
        SCOPED_TRACE(g.arch.toStdString() + " " + g.machine.toStdString());
        const GuestContext ctx = context(g, true);
        EXPECT_TIMING(rule(ctx, add(HardwareKind::Disk, u"virtio"_s)), ChangeTiming::Now);
        EXPECT_TIMING(rule(ctx, add(HardwareKind::Disk, u"scsi"_s)), ChangeTiming::Now);
        EXPECT_TIMING(rule(ctx, add(HardwareKind::Cdrom, u"scsi"_s)), ChangeTiming::Now);
    }
    const GuestContext q35 = context(guests().at(0), true);
    const ChangeRule sata = rule(q35, add(HardwareKind::Disk, u"sata"_s));
    EXPECT_TIMING(sata, ChangeTiming::NextBoot);
    EXPECT_EQ(sata.reason, u"SATA disks cannot be added to a running x86_64 guest"_s);
    const ChangeRule sataCd = rule(q35, add(HardwareKind::Cdrom, u"sata"_s));
    EXPECT_TIMING(sataCd, ChangeTiming::NextBoot);
    EXPECT_TRUE(sataCd.reason.startsWith(u"SATA CD-ROM drives cannot be added"_s));
    EXPECT_TIMING(rule(context(guests().at(1), true), add(HardwareKind::Cdrom, u"ide"_s)),
                  ChangeTiming::NextBoot);
    // IDE exists on pc only, running or not.
    EXPECT_TIMING(rule(context(guests().at(0), false), add(HardwareKind::Disk, u"ide"_s)),
                  ChangeTiming::Refused);
    // sPAPR VSCSI sits on the VIO bus: no hot-plug, and removal waits too.
    const GuestContext ppc = context(u"ppc64le"_s, true);
    EXPECT_TIMING(rule(ppc, add(HardwareKind::Disk, u"spapr-vscsi"_s)), ChangeTiming::NextBoot);
    EXPECT_TIMING(
        rule(ppc, device(GuestChange::RemoveDevice, HardwareKind::Disk, u"spapr-vscsi"_s)),
        ChangeTiming::NextBoot);
    EXPECT_TIMING(rule(ppc, device(GuestChange::RemoveDevice, HardwareKind::Disk, u"virtio"_s)),
                  ChangeTiming::Now);
}

TEST(ChangeRule, NicsHotPlugExceptSpaprVlan)
{
    for (const Guest &g : guests()) {
        SCOPED_TRACE(g.arch.toStdString());
        EXPECT_TIMING(rule(context(g, true), add(HardwareKind::Nic, u"virtio"_s)),
                      ChangeTiming::Now);
    }
    const GuestContext ppc = context(u"ppc64le"_s, true);
    const ChangeRule vlan = rule(ppc, add(HardwareKind::Nic, u"spapr-vlan"_s));
    EXPECT_TIMING(vlan, ChangeTiming::NextBoot);
    EXPECT_EQ(vlan.reason, u"sPAPR VLAN NICs cannot be added to a running guest"_s);
    EXPECT_TIMING(rule(context(u"ppc64le"_s, false), add(HardwareKind::Nic, u"spapr-vlan"_s)),
                  ChangeTiming::NextBoot);
    EXPECT_TIMING(rule(ppc, device(GuestChange::RemoveDevice, HardwareKind::Nic, u"spapr-vlan"_s)),
                  ChangeTiming::NextBoot);
    EXPECT_EQ(rule(context(u"s390x"_s, true), add(HardwareKind::Nic, u"e1000"_s)).reason,
              u"s390x guests have only VirtIO network cards"_s);
}

namespace {

GuestChangeRequest updateNic(const QString &model, qint64 what)
{
    GuestChangeRequest r = device(GuestChange::UpdateDevice, HardwareKind::Nic, model);
    r.to = what;
    return r;
}

} // namespace

TEST(ChangeRule, NicSourceAndLinkChangeLiveModelAtTheNextBoot)
{
    for (const Guest &g : guests()) {
        SCOPED_TRACE(g.arch.toStdString());
        const GuestContext running = context(g, true);
        // A new network or bridge, and the link state, reach the running guest now.
        EXPECT_TIMING(rule(running, updateNic(u"virtio"_s, DeviceUpdate::Source)),
                      ChangeTiming::Now);
        EXPECT_TIMING(rule(running, updateNic(u"virtio"_s, DeviceUpdate::LinkState)),
                      ChangeTiming::Now);
        EXPECT_TIMING(rule(running, updateNic(u"virtio"_s,
                                              DeviceUpdate::Source | DeviceUpdate::LinkState)),
                      ChangeTiming::Now);
        // A model change waits for the next boot, and says why.
        const ChangeRule model = rule(running, updateNic(u"virtio"_s, DeviceUpdate::Model));
        EXPECT_TIMING(model, ChangeTiming::NextBoot);
        EXPECT_TRUE(model.reason.contains(u"model"_s)) << model.reason.toStdString();
        // A shut-off guest takes all of it into its definition, with nothing to explain.
        const ChangeRule off =
            rule(context(g, false), updateNic(u"virtio"_s, DeviceUpdate::Model));
        EXPECT_TIMING(off, ChangeTiming::NextBoot);
        EXPECT_TRUE(off.reason.isEmpty());
    }
    // The model must be one the arch offers, running or not.
    const ChangeRule e1000 =
        rule(context(u"s390x"_s, false), updateNic(u"e1000"_s, DeviceUpdate::Model));
    EXPECT_TIMING(e1000, ChangeTiming::Refused);
    EXPECT_EQ(e1000.reason, u"s390x guests have only VirtIO network cards"_s);
    EXPECT_TIMING(rule(context(u"x86_64"_s, false), updateNic(u"nosuch"_s, DeviceUpdate::Model)),
                  ChangeTiming::Refused);
    // The model is not judged when only the source changes (a NIC defined by hand).
    EXPECT_TIMING(rule(context(u"x86_64"_s, true), updateNic(u"nosuch"_s, DeviceUpdate::Source)),
                  ChangeTiming::Now);
    // Only NICs are updated in place.
    GuestChangeRequest disk = device(GuestChange::UpdateDevice, HardwareKind::Disk, u"virtio"_s);
    disk.to = DeviceUpdate::Model;
    EXPECT_TIMING(rule(context(u"x86_64"_s, true), disk), ChangeTiming::Refused);
}

TEST(ChangeRule, OtherDevicesPerKindOnARunningGuest)
{
    const GuestContext q35 = context(guests().at(0), true);
    EXPECT_TIMING(rule(q35, add(HardwareKind::Rng, u"virtio"_s)), ChangeTiming::Now);
    EXPECT_TIMING(rule(q35, add(HardwareKind::Input, u"tablet/usb"_s)), ChangeTiming::Now);
    EXPECT_TIMING(rule(q35, add(HardwareKind::UsbHost)), ChangeTiming::Now);
    EXPECT_TIMING(rule(q35, add(HardwareKind::PciHost)), ChangeTiming::Now);
    EXPECT_TIMING(rule(q35, add(HardwareKind::Controller, u"scsi/virtio-scsi"_s)),
                  ChangeTiming::Now);
    // libvirt 9.0 hot-plugs the PCI i6300esb watchdog (qemuDomainAttachWatchdog), no other.
    EXPECT_TIMING(rule(q35, add(HardwareKind::Watchdog, u"i6300esb"_s)), ChangeTiming::Now);
    EXPECT_TIMING(rule(context(u"s390x"_s, true), add(HardwareKind::Watchdog, u"diag288"_s)),
                  ChangeTiming::NextBoot);
    for (const auto &[kind, model] :
         {std::pair{HardwareKind::Graphics, u"vnc"_s}, std::pair{HardwareKind::Video, u"virtio"_s},
          std::pair{HardwareKind::Tpm, u"tpm-crb"_s}, std::pair{HardwareKind::Watchdog, u"ib700"_s},
          std::pair{HardwareKind::Console, u"serial"_s},
          std::pair{HardwareKind::Controller, u"usb/qemu-xhci"_s},
          std::pair{HardwareKind::Input, u"mouse/ps2"_s}}) {
        SCOPED_TRACE(kind);
        const ChangeRule r = rule(q35, add(kind, model));
        EXPECT_TIMING(r, ChangeTiming::NextBoot);
        EXPECT_FALSE(r.reason.isEmpty());
        EXPECT_TIMING(rule(context(guests().at(0), false), add(kind, model)),
                      ChangeTiming::NextBoot);
    }
    // PCI passthrough needs KVM, running or not.
    const ChangeRule tcg =
        rule(context(u"x86_64"_s, true, VirtType::Qemu), add(HardwareKind::PciHost));
    EXPECT_TIMING(tcg, ChangeTiming::Refused);
    EXPECT_EQ(tcg.reason, u"PCI passthrough needs KVM: this x86_64 guest is emulated"_s);
    // Models the arch has not.
    EXPECT_TIMING(rule(q35, add(HardwareKind::Watchdog, u"diag288"_s)), ChangeTiming::Refused);
    EXPECT_TIMING(rule(context(u"aarch64"_s, true), add(HardwareKind::Input, u"mouse/ps2"_s)),
                  ChangeTiming::Refused);
    EXPECT_TIMING(rule(q35, add("sound")), ChangeTiming::Refused);
}

TEST(ChangeRule, NoFreeRootPortDefersPciHotplugOnPcieMachines)
{
    GuestFacts full = facts();
    full.freePciSlots = 0;
    for (const Guest &g : guests()) {
        SCOPED_TRACE(g.arch.toStdString() + " " + g.machine.toStdString());
        const GuestContext ctx = context(g, true);
        const ChangeRule nic = rule(ctx, add(HardwareKind::Nic, u"virtio"_s), full);
        const bool pcie = g.machine == "q35"_L1 || g.machine == "virt"_L1;
        if (pcie) {
            EXPECT_TIMING(nic, ChangeTiming::NextBoot);
            EXPECT_TRUE(nic.reason.contains(u"no free PCIe root port"_s))
                << nic.reason.toStdString();
        } else {
            EXPECT_TIMING(nic, ChangeTiming::Now); // pc, pseries: PCI root bus; s390x: CCW
        }
        // USB devices and SCSI disks need no PCI slot; unknown (-1) is not checked.
        EXPECT_TIMING(rule(ctx, add(HardwareKind::Disk, u"scsi"_s), full), ChangeTiming::Now);
        EXPECT_TIMING(rule(ctx, add(HardwareKind::Nic, u"virtio"_s)), ChangeTiming::Now);
        // Removing frees a port rather than needing one.
        EXPECT_TIMING(
            rule(ctx, device(GuestChange::RemoveDevice, HardwareKind::Nic, u"virtio"_s), full),
            ChangeTiming::Now);
    }
}

// ---- Add Hardware's lists ----------------------------------------------------------------------

TEST(HardwareKinds, EveryKindInDisplayOrderWithheldOnesWithTheReason)
{
    const QStringList order{u"disk"_s,  u"cdrom"_s,      u"nic"_s,     u"console"_s,  u"graphics"_s,
                            u"video"_s, u"controller"_s, u"input"_s,   u"watchdog"_s, u"rng"_s,
                            u"tpm"_s,   u"usb-host"_s,   u"pci-host"_s};
    for (const Guest &g : guests()) {
        SCOPED_TRACE(g.arch.toStdString() + " " + g.machine.toStdString());
        const ChoiceList kinds = archModel(g.arch).hardwareKinds(context(g, false));
        EXPECT_EQ(kinds.ids(), order);
        if (g.arch == "s390x"_L1) {
            EXPECT_EQ(kinds.offeredIds(),
                      (QStringList{u"disk"_s, u"cdrom"_s, u"nic"_s, u"console"_s, u"controller"_s,
                                   u"input"_s, u"watchdog"_s, u"rng"_s, u"pci-host"_s}));
            EXPECT_EQ(kinds.reasonFor(u"graphics"_s),
                      u"s390x guests have no graphics; use the serial console"_s);
            EXPECT_TRUE(kinds.reasonFor(u"video"_s).startsWith(u"s390x guests have no display"_s));
            EXPECT_EQ(kinds.reasonFor(u"tpm"_s), u"s390x guests have no TPM"_s);
            EXPECT_EQ(kinds.reasonFor(u"usb-host"_s), u"s390x guests have no USB"_s);
        } else {
            EXPECT_EQ(kinds.offeredIds(), order);
        }
        for (const Choice &c : kinds) {
            EXPECT_FALSE(c.label.isEmpty());
            EXPECT_EQ(c.offered, c.reason.isEmpty()) << c.id.toStdString();
        }
    }
    const ChoiceList tcg =
        archModel(u"aarch64"_s).hardwareKinds(context(u"aarch64"_s, false, VirtType::Qemu));
    EXPECT_EQ(tcg.reasonFor(u"pci-host"_s),
              u"PCI passthrough needs KVM: this aarch64 guest is emulated"_s);
}

TEST(HardwareKinds, ModelListsPerArch)
{
    const ArchModel &x86 = archModel(u"x86_64"_s);
    const GuestContext q35 = context(guests().at(0), false);
    const GuestContext pc = context(guests().at(1), false);
    EXPECT_EQ(x86.watchdogModels(q35).offeredIds(), (QStringList{u"i6300esb"_s, u"ib700"_s}));
    EXPECT_EQ(x86.tpmModels(q35).offeredIds(), (QStringList{u"tpm-crb"_s, u"tpm-tis"_s}));
    EXPECT_EQ(x86.inputChoices(q35).offeredIds().mid(0, 1), QStringList{u"tablet/usb"_s});
    EXPECT_TRUE(x86.inputChoices(q35).offers(u"mouse/ps2"_s));
    EXPECT_EQ(x86.rngModels(q35).offeredIds(), QStringList{u"virtio"_s});
    EXPECT_EQ(x86.controllerChoices(q35).reasonFor(u"scsi/ibmvscsi"_s),
              u"sPAPR VSCSI controller exists only on POWER (pseries) guests"_s);
    EXPECT_TRUE(x86.controllerChoices(q35).offers(u"pci/pcie-root-port"_s));
    EXPECT_FALSE(x86.controllerChoices(pc).offers(u"pci/pcie-root-port"_s));
    EXPECT_EQ(x86.controllerChoices(pc).offeredIds().value(1), u"usb/piix3-uhci"_s);

    const ArchModel &ppc = archModel(u"ppc64le"_s);
    const GuestContext pseries = context(u"ppc64le"_s, false);
    EXPECT_TRUE(ppc.controllerChoices(pseries).offers(u"scsi/ibmvscsi"_s));
    EXPECT_EQ(ppc.controllerChoices(pseries).offeredIds().value(2), u"usb/nec-xhci"_s);
    EXPECT_EQ(ppc.tpmModels(pseries).offeredIds(),
              (QStringList{u"tpm-spapr"_s, u"spapr-tpm-proxy"_s}));
    EXPECT_EQ(ppc.inputChoices(pseries).reasonFor(u"mouse/ps2"_s),
              u"PS/2 mouse exists only on x86 (PC) guests"_s);

    const ArchModel &s390 = archModel(u"s390x"_s);
    const GuestContext z = context(u"s390x"_s, false);
    EXPECT_EQ(s390.watchdogModels(z).offeredIds(), QStringList{u"diag288"_s});
    EXPECT_EQ(s390.inputChoices(z).reasonFor(u"tablet/usb"_s), u"s390x guests have no USB"_s);
    EXPECT_TRUE(s390.inputChoices(z).offers(u"tablet/virtio"_s));
    EXPECT_EQ(s390.controllerChoices(z).reasonFor(u"usb/qemu-xhci"_s),
              u"s390x guests have no USB"_s);
    EXPECT_TRUE(s390.tpmModels(z).offeredIds().isEmpty());

    for (const QString &arch : {u"aarch64"_s, u"riscv64"_s, u"armv7l"_s}) {
        SCOPED_TRACE(arch.toStdString());
        const GuestContext ctx = context(arch, false);
        EXPECT_EQ(archModel(arch).tpmModels(ctx).offeredIds(), QStringList{u"tpm-tis"_s});
        EXPECT_EQ(archModel(arch).watchdogModels(ctx).offeredIds(), QStringList{u"i6300esb"_s});
        EXPECT_TRUE(archModel(arch).controllerChoices(ctx).offers(u"pci/pcie-root-port"_s));
    }
}

TEST(HardwareKinds, HostDomainCapabilitiesNarrowTpmAndHostDevices)
{
    // Captured from libvirt 9.0 / QEMU 7.2 on this project's host.
    const DomainCapabilities q35 = loadDomainCapabilities(u"domcaps-x86_64-q35-kvm.xml"_s);
    const DomainCapabilities arm = loadDomainCapabilities(u"domcaps-aarch64-virt-qemu.xml"_s);
    const DomainCapabilities ppc = loadDomainCapabilities(u"domcaps-ppc64le-pseries-qemu.xml"_s);
    const DomainCapabilities z =
        loadDomainCapabilities(u"domcaps-s390x-s390-ccw-virtio-qemu.xml"_s);
    EXPECT_EQ(archModel(u"x86_64"_s)
                  .tpmModels(context(guests().at(0), false, VirtType::Kvm, &q35))
                  .offeredIds(),
              (QStringList{u"tpm-crb"_s, u"tpm-tis"_s}));
    EXPECT_EQ(archModel(u"aarch64"_s)
                  .tpmModels(context(guests().at(3), false, VirtType::Qemu, &arm))
                  .offeredIds(),
              QStringList{u"tpm-tis"_s});
    EXPECT_EQ(archModel(u"ppc64le"_s)
                  .tpmModels(context(guests().at(2), false, VirtType::Qemu, &ppc))
                  .offeredIds(),
              (QStringList{u"tpm-spapr"_s, u"spapr-tpm-proxy"_s}));
    // s390x: the host's QEMU says <tpm supported='no'>, and hostdev lists no usb.
    const ChoiceList zKinds =
        archModel(u"s390x"_s).hardwareKinds(context(guests().at(4), false, VirtType::Qemu, &z));
    EXPECT_FALSE(zKinds.offers(u"tpm"_s));
    EXPECT_FALSE(zKinds.offers(u"usb-host"_s));

    // This host's libvirt finds no swtpm: a TPM can only be the host's own, passed through.
    const ChoiceList backends =
        archModel(u"x86_64"_s).tpmBackends(context(guests().at(0), false, VirtType::Kvm, &q35));
    EXPECT_EQ(backends.offeredIds(), QStringList{u"passthrough"_s});
    EXPECT_TRUE(backends.reasonFor(u"emulator"_s).contains(u"swtpm"_s));
    EXPECT_EQ(archModel(u"x86_64"_s).tpmBackends(context(guests().at(0), false)).offeredIds(),
              (QStringList{u"emulator"_s, u"passthrough"_s}));

    // A host without TPM support or PCI passthrough withholds them with the host's reason.
    DomainCapabilities noTpm = q35;
    noTpm.devicesSupported.insert(u"tpm"_s, false);
    noTpm.deviceEnums[u"hostdev/subsysType"_s].values = {u"usb"_s};
    const GuestContext ctx = context(guests().at(0), false, VirtType::Kvm, &noTpm);
    const ChoiceList kinds = archModel(u"x86_64"_s).hardwareKinds(ctx);
    EXPECT_EQ(kinds.reasonFor(u"tpm"_s), u"This host's QEMU offers no TPM for x86_64 guests"_s);
    EXPECT_EQ(kinds.reasonFor(u"pci-host"_s),
              u"This host's QEMU cannot pass PCI host devices to x86_64 guests"_s);
    EXPECT_TRUE(kinds.offers(u"usb-host"_s));
    const ChangeRule tpm = archModel(u"x86_64"_s).changeRule(ctx, facts(), add(HardwareKind::Tpm));
    EXPECT_TIMING(tpm, ChangeTiming::Refused);
    EXPECT_EQ(tpm.reason, u"This host's QEMU offers no TPM for x86_64 guests"_s);
}
