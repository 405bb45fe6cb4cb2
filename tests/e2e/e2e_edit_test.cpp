// Editing a VM after it exists (issue 12), proven from inside real guests: the core of
// models/vmedit/VmEdit.h (loadVmForEdit -> planEdit / planAddDevice / planRemoveDevice /
// planChangeMedia -> applyEdit) on the real daemon, each change then looked at from the
// guest's own shell on its serial console (tests/e2e/guest: Debian's kernel + busybox).
// One guest per arch, booted once: what needs the VM shut off (vCPU maximum, maximum
// memory with slots, CPU model, a CD-ROM drive) is planned before its first start; the
// live changes follow on the running guest.
//   x86_64  vCPU hot-plug, a DIMM in MemTotal, CD-ROM medium read then ejected, disk
//           removal, virtio and e1000 NICs, the CPU model the boot uses; bad input
//           refused, the XML unchanged.
//   ppc64le a core and a DIMM hot-plugged (pseries); SMT refused under TCG.
//   aarch64 a virtio NIC hot-plugged, more until no root port is free (then not "now");
//           vCPU hot-plug refused by the plan, nothing sent (libvirt's own refusal shown).
//   s390x   a vCPU plugged, its unplug refused (libvirt's own refusal shown); a virtio NIC.

#include "common/TestSupport.h"
#include "e2e/E2eSupport.h"
#include "e2e/GuestImage.h"
#include "e2e/GuestReport.h"
#include "models/connection/HostSession.h"
#include "models/provisioning/HostChoices.h"
#include "models/provisioning/ProvisioningCore.h"
#include "models/provisioning/ProvisioningJobs.h"
#include "models/provisioning/StorageInventory.h"
#include "models/vmedit/VmEdit.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <gtest/gtest.h>
#include <libvirt/libvirt.h>

#include <vector>

using namespace Qt::StringLiterals;
using namespace crossvirt;
using namespace crossvirt::test::e2e;
using crossvirt::test::waitUntil;
using models::AddDeviceRequest;
using models::EditPlan;
using models::EditResult;
using models::EditScope;
using models::VmConfig;
using models::VmEditContext;

namespace {

[[maybe_unused]] ::testing::Environment *const e2eEnvironment =
    ::testing::AddGlobalTestEnvironment(new LibvirtDaemonEnvironment);

// TCG on 2 busy cores: a boot takes 15-50 s here; room for a busier machine.
constexpr int kBootTimeoutMs = 240'000;
// The guest's reaction to a hot-plug (ACPI/PCIe/RTAS/SCLP event, driver probe).
constexpr int kGuestTimeoutMs = 60'000;

// Guest shell one-liners (busybox sh).
// Online every offline CPU (hot-added CPUs stay offline without udev), then the online list.
const QString kOnlineCpus =
    u"for c in /sys/devices/system/cpu/cpu[0-9]*; do [ \"$(cat $c/online 2>/dev/null)\" = 0 ] "
    u"&& echo 1 > $c/online; done; cat /sys/devices/system/cpu/online"_s;
// Online every offline memory block (memhp_default_state=online normally did), then MemTotal.
const QString kOnlineMemory =
    u"for m in /sys/devices/system/memory/memory*; do [ \"$(cat $m/state)\" = offline ] && "
    u"echo online > $m/state; done; sed -n 's/^MemTotal: *\\([0-9]*\\).*/\\1/p' /proc/meminfo"_s;

// "0-3,5" -> 5.
int cpuListCount(const QString &list)
{
    int count = 0;
    for (const QString &range : list.trimmed().split(u',', Qt::SkipEmptyParts)) {
        const QStringList ends = range.split(u'-');
        bool okA = false, okB = false;
        const int a = ends.first().toInt(&okA);
        const int b = ends.last().toInt(&okB);
        if (!okA || !okB)
            return -1;
        count += b - a + 1;
    }
    return count;
}

QString stepsText(const EditPlan &plan)
{
    QStringList lines;
    for (const auto &s : plan.steps) {
        const char *timing = s.rule.timing == arch::ChangeTiming::Now        ? "now"
                             : s.rule.timing == arch::ChangeTiming::NextBoot ? "next boot"
                                                                             : "refused";
        lines << u"%1 [%2]%3"_s.arg(s.description, QLatin1StringView(timing),
                                    s.rule.reason.isEmpty() ? QString() : u" "_s + s.rule.reason);
    }
    return lines.join(u"; "_s);
}

// The vCPU counts of a domain: {live current, config current}.
std::pair<int, int> vcpuCounts(virConnectPtr conn, const QString &uuid)
{
    virDomainPtr dom = virDomainLookupByUUIDString(conn, uuid.toUtf8().constData());
    if (!dom)
        return {-1, -1};
    const int live = virDomainGetVcpusFlags(dom, VIR_DOMAIN_AFFECT_LIVE);
    const int config = virDomainGetVcpusFlags(dom, VIR_DOMAIN_AFFECT_CONFIG);
    virDomainFree(dom);
    return {live, config};
}

// Both definitions as libvirt has them: {live, inactive}.
std::pair<QString, QString> domainXml(virConnectPtr conn, const QString &uuid)
{
    virDomainPtr dom = virDomainLookupByUUIDString(conn, uuid.toUtf8().constData());
    if (!dom)
        return {};
    auto get = [dom](unsigned flags) {
        char *xml = virDomainGetXMLDesc(dom, flags);
        const QString text = xml ? QString::fromUtf8(xml) : QString();
        free(xml);
        return text;
    };
    std::pair<QString, QString> both{get(0), get(VIR_DOMAIN_XML_INACTIVE)};
    virDomainFree(dom);
    return both;
}

// Asks libvirt directly (bypassing the plan) to set the running guest's vCPUs: what real
// QEMU says about a change the arch rules refuse. Empty when libvirt did it.
QString setVcpusDirectly(virConnectPtr conn, const QString &uuid, int count)
{
    virDomainPtr dom = virDomainLookupByUUIDString(conn, uuid.toUtf8().constData());
    if (!dom)
        return lastLibvirtError();
    const int rc = virDomainSetVcpusFlags(dom, unsigned(count), VIR_DOMAIN_AFFECT_LIVE);
    const QString error = rc == 0 ? QString() : lastLibvirtError();
    virDomainFree(dom);
    return error;
}

/// What a guest of one arch gets beyond the arch's defaults.
struct GuestOptions
{
    qint64 diskGiB = 0;      ///< > 0: a first disk (the boot counter) of this size
    qint64 extraDiskGiB = 0; ///< > 0: a second disk (to be removed)
    QString cmdlineExtra;    ///< appended to the kernel command line
};

/// One guest of the test: made shut off, edited, booted once.
struct Guest
{
    QString arch;
    QString name;
    QString uuid;
    models::GuestHostContext host;
    std::unique_ptr<GuestShell> shell;
    QElapsedTimer clock; ///< since the test began
    std::optional<GuestReport> report;
};

class EditE2e : public LibvirtDaemonTest
{
protected:
    void SetUp() override
    {
        LibvirtDaemonTest::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        QString error;
        m_session = openSession(LibvirtDaemon::localUri(), &error);
        ASSERT_TRUE(m_session) << error.toStdString();
    }

    void TearDown() override
    {
        for (const auto &g : m_guests)
            g->shell.reset();
        if (m_session) {
            for (const auto &g : m_guests) {
                if (g->uuid.isEmpty() || !m_session->domain(g->uuid))
                    continue;
                try {
                    await(m_session->deleteDomain(g->uuid, true), 60'000);
                } catch (...) {
                    ADD_FAILURE() << exceptionText(std::current_exception()).toStdString();
                }
            }
        }
        m_session.reset();
        LibvirtDaemonTest::TearDown();
    }

    void note(const Guest &g, const QString &text)
    {
        info(g.arch, u"%1 (%2 s)"_s.arg(text).arg(double(g.clock.elapsed()) / 1000.0, 0, 'f', 1));
    }

    /// After a 256 MiB DIMM was plugged: the guest onlines its memory and MemTotal grows by
    /// (about) that much; `t` timed the plug.
    void expectDimmSeen(Guest &g, qint64 memBeforeKb, const QElapsedTimer &t)
    {
        QString seen;
        const auto out = g.shell->runUntil(
            kOnlineMemory,
            [&](const QString &o) {
                return o.split(u'\n').last().toLongLong() >= memBeforeKb + 200 * 1024;
            },
            kGuestTimeoutMs, &seen);
        EXPECT_TRUE(out.has_value()) << "MemTotal " << memBeforeKb << " kB before, now "
                                     << seen.toStdString() << g.shell->tail();
        note(g, u"DIMM of 256 MiB: MemTotal %1 -> %2 kB (%3 ms)"_s.arg(memBeforeKb)
                    .arg(seen.split(u'\n').last())
                    .arg(t.elapsed()));
    }

    /// Defines (does not start) the e2e guest image of `archName` with the arch's defaults
    /// through the provisioning core: direct kernel boot, 1 vCPU, 512 MiB, no NIC, no
    /// graphics, the serial console. Empty *skip/*error when it was made.
    bool defineGuest(Guest &g, const QString &archName, const GuestOptions &options, QString *skip,
                     QString *error)
    {
        using namespace crossvirt::models;
        g.arch = archName;
        g.clock.start();
        const GuestImage image = guestImageFor(archName);
        if (!image.ok()) {
            *skip = u"no guest image for %1: %2"_s.arg(archName, image.error);
            return false;
        }
        HostChoicesProvider provider(m_session.get());
        try {
            g.host = await(provider.guestContext(archName));
            const arch::VirtType wanted = daemon().domainTypeFor(archName) == "kvm"_L1
                                              ? arch::VirtType::Kvm
                                              : arch::VirtType::Qemu;
            if (g.host.placement.virtType != wanted) {
                g.host.placement.virtType = wanted;
                g.host.domainCaps =
                    await(provider.domainCapabilities(archName, g.host.machine, wanted));
            }
            if (!g.host.domainCaps) {
                *skip =
                    u"the host cannot run %1 guests: %2"_s.arg(archName, g.host.domainCapsError);
                return false;
            }
            const StorageSnapshot storage = await(fetchStorage(m_session.get()));
            VmSpec spec = defaultVmSpec(g.host, storage);
            const arch::GuestContext ctx = g.host.context(false, spec.firmware);
            spec.name = LibvirtDaemon::domainPrefix() + u"edit-"_s + archName;
            spec.virtType = wanted;
            if (wanted == arch::VirtType::Kvm)
                spec.cpu = arch::CpuChoice{arch::CpuMode::Default, {}};
            spec.memoryMiB = g.host.model()->limits(ctx).alignMemoryMiB(512);
            spec.vcpus = 1;
            spec.storage = StorageSpec{};
            spec.storage.kind = StorageKind::None;
            if (options.diskGiB > 0) {
                spec.storage.kind = StorageKind::NewVolume;
                spec.storage.pool = LibvirtDaemon::poolName();
                spec.storage.sizeGiB = options.diskGiB;
                spec.storage.format = u"qcow2"_s;
            }
            if (options.extraDiskGiB > 0) {
                ExtraDiskSpec extra;
                extra.storage.kind = StorageKind::NewVolume;
                extra.storage.pool = LibvirtDaemon::poolName();
                extra.storage.sizeGiB = options.extraDiskGiB;
                extra.storage.format = u"qcow2"_s;
                extra.interfaceId = spec.diskInterface;
                spec.extraDisks << extra;
            }
            spec.cdrom.reset();
            spec.nic.reset();
            spec.graphics = u"none"_s;
            if (g.host.model()->videoModels(ctx).offers(u"none"_s))
                spec.video = u"none"_s;
            spec.install = InstallMethod::KernelBoot;
            spec.kernelBoot.kernel = image.kernel;
            spec.kernelBoot.initrd = image.initrd;
            spec.kernelBoot.cmdline = g.host.model()->kernelConsoleArgument(ctx, spec.console) +
                                      u" quiet "_s + options.cmdlineExtra;
            spec.bootOrder.clear();
            spec.startAfterCreate = false;
            const QList<ValidationProblem> problems = validateVmSpec(spec, g.host, &storage);
            if (!problems.isEmpty()) {
                QStringList lines;
                for (const ValidationProblem &p : problems)
                    lines << p.field + u": "_s + p.message;
                *error = u"the spec has problems: "_s + lines.join(u"; "_s);
                return false;
            }
            const auto plan = planCreateVm(spec, g.host, error);
            if (!plan)
                return false;
            const CreatedVm vm = await(createVm(m_session.get(), *plan), 120'000);
            g.uuid = vm.uuid;
            g.name = spec.name;
            note(g, u"%1 defined (%2, machine %3)"_s.arg(g.name, arch::virtTypeName(wanted),
                                                         spec.machine));
            return true;
        } catch (...) {
            *error = exceptionText(std::current_exception());
            return false;
        }
    }

    VmEditContext load(const Guest &g)
    {
        return await(models::loadVmForEdit(m_session.get(), g.uuid), 60'000);
    }

    /// Applies an ok() plan; the steps it applied now, or a test failure.
    std::optional<EditResult> apply(const Guest &g, const EditPlan &plan, const char *what)
    {
        if (!plan.ok()) {
            ADD_FAILURE() << g.arch.toStdString() << " " << what
                          << ": the plan refuses it: " << plan.refusals().toStdString() << " ("
                          << stepsText(plan).toStdString() << ")";
            return std::nullopt;
        }
        try {
            const EditResult r = await(models::applyEdit(m_session.get(), plan), 120'000);
            if (allNow(plan)) {
                EXPECT_FALSE(r.appliedNow.isEmpty()) << what << ": nothing applied now";
            }
            return r;
        } catch (...) {
            ADD_FAILURE() << g.arch.toStdString() << " " << what << ": applyEdit failed: "
                          << exceptionText(std::current_exception()).toStdString() << " ("
                          << stepsText(plan).toStdString() << ")";
            return std::nullopt;
        }
    }

    /// Every step of `plan` applies now (live) on the running guest.
    static bool allNow(const EditPlan &plan)
    {
        for (const auto &s : plan.steps)
            if (s.rule.timing != arch::ChangeTiming::Now)
                return false;
        return !plan.steps.isEmpty();
    }

    /// Starts the guest, opens its console and waits for its report and shell.
    bool boot(Guest &g)
    {
        try {
            await(m_session->startDomain(g.uuid), 120'000);
        } catch (...) {
            ADD_FAILURE() << g.arch.toStdString() << ": start failed: "
                          << exceptionText(std::current_exception()).toStdString();
            return false;
        }
        QElapsedTimer bootClock;
        bootClock.start();
        g.shell = std::make_unique<GuestShell>(m_session.get(), g.uuid);
        if (!g.shell->open()) {
            ADD_FAILURE() << g.arch.toStdString() << ": the serial console did not open";
            return false;
        }
        g.report = g.shell->waitForReport(kBootTimeoutMs);
        if (!g.report) {
            ADD_FAILURE() << g.arch.toStdString() << ": no CROSSVIRT-READY and shell within "
                          << kBootTimeoutMs / 1000 << " s" << g.shell->tail();
            return false;
        }
        note(g, u"booted in %1 s: %2 CPU(s) %3, MemTotal %4 kB, disks %5"_s
                    .arg(bootClock.elapsed() / 1000)
                    .arg(g.report->cpus)
                    .arg(g.report->cpuModel)
                    .arg(g.report->memTotalKb)
                    .arg([&] {
                        QStringList names;
                        for (const auto &b : g.report->blocks)
                            names << b.name;
                        return names.join(u","_s);
                    }()));
        return true;
    }

    /// The guest's online CPU count after onlining what was hot-added; -1 on no answer.
    int onlineCpusInGuest(Guest &g, int expected, QString *seen)
    {
        const auto out = g.shell->runUntil(
            kOnlineCpus,
            [&](const QString &o) { return cpuListCount(o.split(u'\n').last()) >= expected; },
            kGuestTimeoutMs, seen);
        return out ? cpuListCount(out->split(u'\n').last()) : -1;
    }

    /// A NIC of `model` with `mac` hot-plugged on the libvirt network of the harness, live.
    void hotplugNicSeenByGuest(Guest &g, const QString &mac, const QString &model = u"virtio"_s)
    {
        VmEditContext ctx = load(g);
        AddDeviceRequest nic;
        nic.kind = QString::fromLatin1(arch::HardwareKind::Nic);
        nic.model = model;
        nic.network = LibvirtDaemon::networkName();
        nic.mac = mac;
        const EditPlan plan = models::planAddDevice(ctx, nic);
        EXPECT_TRUE(allNow(plan)) << stepsText(plan).toStdString();
        if (!apply(g, plan, "NIC hot-plug"))
            return;
        QString seen;
        const auto out = g.shell->runUntil(
            u"cat /sys/class/net/*/address"_s,
            [&](const QString &o) { return o.contains(mac, Qt::CaseInsensitive); }, kGuestTimeoutMs,
            &seen);
        EXPECT_TRUE(out.has_value())
            << g.arch.toStdString() << ": no NIC with " << mac.toStdString()
            << " in the guest; it has: " << seen.toStdString() << g.shell->tail();
        if (out) {
            const auto drivers = g.shell->run(
                u"for n in /sys/class/net/*; do grep -qi %1 $n/address && echo ${n##*/} "
                u"$(basename $(readlink $n/device/driver)); done"_s.arg(mac));
            note(g, u"%1 NIC %2 hot-plugged, the guest sees it: %3"_s.arg(
                        model, mac, drivers.value_or(QString())));
        }
    }

    /// A guest the fixture deletes (with its volumes) after the test.
    Guest &newGuest()
    {
        m_guests.push_back(std::make_unique<Guest>());
        return *m_guests.back();
    }

    std::unique_ptr<models::HostSession> m_session;
    std::vector<std::unique_ptr<Guest>> m_guests;
};

#define SKIP_OR_FAIL(skip, error)                                                                  \
    do {                                                                                           \
        if (!(skip).isEmpty())                                                                     \
            GTEST_SKIP() << (skip).toStdString();                                                  \
        FAIL() << (error).toStdString();                                                           \
    } while (0)

} // namespace

// ---- x86_64 ----------------------------------------------------------------------------

TEST_F(EditE2e, X86_64LiveCpuMemoryCdromDiskAndNextBootCpuModel)
{
    Guest &g = newGuest();
    QString skip, error;
    if (!defineGuest(g, u"x86_64"_s, {1, 1, u"memhp_default_state=online"_s}, &skip, &error))
        SKIP_OR_FAIL(skip, error);

    // 1. Shut off: the vCPU ceiling, maximum memory with DIMM slots (and the NUMA cell
    // x86 needs), a named CPU model, an empty CD-ROM drive.
    VmEditContext ctx = load(g);
    ASSERT_FALSE(ctx.running());
    const QString diskToRemove = [&] {
        const auto disks = ctx.inactive.devicesOf(QString::fromLatin1(arch::HardwareKind::Disk));
        return disks.size() >= 2 ? disks.at(1).id : QString();
    }();
    ASSERT_FALSE(diskToRemove.isEmpty()) << ctx.inactiveXml.toStdString();

    // A named model QEMU runs here that is not QEMU's default, and the name the guest's
    // /proc/cpuinfo gives it (QEMU's model_id).
    struct NamedModel
    {
        QString name, inGuest;
    };
    const QList<NamedModel> candidates{{u"Nehalem"_s, u"Nehalem"_s},
                                       {u"Westmere"_s, u"Westmere"_s},
                                       {u"Penryn"_s, u"Penryn"_s},
                                       {u"Conroe"_s, u"Conroe"_s}};
    NamedModel model;
    for (const NamedModel &c : candidates) {
        if (ctx.domainCaps && ctx.domainCaps->customModelUsable(c.name)) {
            model = c;
            break;
        }
    }
    ASSERT_FALSE(model.name.isEmpty()) << "none of Nehalem, Westmere, Penryn, Conroe is usable";

    VmConfig wanted = ctx.inactive;
    wanted.maxVcpus = 2;
    wanted.maxMemoryMiB = 2048;
    wanted.memorySlots = 2;
    wanted.cpu = arch::CpuChoice{arch::CpuMode::Custom, model.name};
    const EditPlan offline = models::planEdit(ctx, wanted);
    info(g.arch, u"offline plan: "_s + stepsText(offline));
    ASSERT_TRUE(apply(g, offline, "offline vCPU maximum, maximum memory, CPU model"));

    ctx = load(g);
    AddDeviceRequest cdrom;
    cdrom.kind = QString::fromLatin1(arch::HardwareKind::Cdrom);
    const EditPlan addCdrom = models::planAddDevice(ctx, cdrom);
    ASSERT_TRUE(apply(g, addCdrom, "an empty CD-ROM drive"));

    ctx = load(g);
    EXPECT_EQ(ctx.inactive.maxVcpus, 2);
    EXPECT_EQ(ctx.inactive.maxMemoryMiB, 2048);
    EXPECT_EQ(ctx.inactive.cpu.model, model.name);
    EXPECT_TRUE(ctx.inactiveXml.contains(u"<numa>"_s)) << ctx.inactiveXml.toStdString();
    const auto cdroms = ctx.inactive.devicesOf(QString::fromLatin1(arch::HardwareKind::Cdrom));
    ASSERT_EQ(cdroms.size(), 1) << ctx.inactiveXml.toStdString();
    const QString cdromTarget = cdroms.first().id;
    note(g, u"shut off: max 2 vCPUs, max memory 2048 MiB / 2 slots, CPU %1, CD-ROM %2"_s.arg(
                model.name, cdromTarget));

    // 2. One boot: the CPU model is the one the boot uses.
    ASSERT_TRUE(boot(g));
    EXPECT_EQ(g.report->cpus, 1);
    EXPECT_TRUE(g.report->cpuModel.contains(model.inGuest))
        << "the guest's CPU is " << g.report->cpuModel.toStdString() << ", wanted "
        << model.name.toStdString();
    EXPECT_NE(g.report->block(diskToRemove), nullptr) << g.shell->tail();
    const qint64 memBeforeKb = g.report->memTotalKb;

    // 3. vCPU hot-plug 1 -> 2.
    {
        QElapsedTimer t;
        t.start();
        ctx = load(g);
        ASSERT_TRUE(ctx.running());
        VmConfig w = ctx.inactive;
        w.vcpus = 2;
        const EditPlan plan = models::planEdit(ctx, w);
        EXPECT_TRUE(allNow(plan)) << stepsText(plan).toStdString();
        if (apply(g, plan, "vCPU hot-plug")) {
            QString seen;
            const int cpus = onlineCpusInGuest(g, 2, &seen);
            EXPECT_EQ(cpus, 2) << "online CPUs in the guest: " << seen.toStdString()
                               << g.shell->tail();
            EXPECT_EQ(vcpuCounts(conn(), g.uuid).first, 2);
            note(g, u"vCPU hot-plug 1 -> 2: the guest has %1 online (%2 ms)"_s.arg(cpus).arg(
                        t.elapsed()));
        }
    }

    // 4. Memory: a 256 MiB DIMM.
    {
        QElapsedTimer t;
        t.start();
        ctx = load(g);
        VmConfig w = ctx.inactive;
        w.memoryMiB = ctx.live.memoryMiB + 256;
        const EditPlan plan = models::planEdit(ctx, w);
        EXPECT_TRUE(allNow(plan)) << stepsText(plan).toStdString();
        bool sawDimm = false;
        for (const auto &s : plan.steps)
            sawDimm = sawDimm || s.request.change == arch::GuestChange::HotplugMemory;
        EXPECT_TRUE(sawDimm) << "no DIMM step: " << stepsText(plan).toStdString();
        if (apply(g, plan, "memory hot-plug"))
            expectDimmSeen(g, memBeforeKb, t);
    }

    // 5. CD-ROM medium: a 4 MiB file put into the running guest's empty drive, read by the
    // guest, then ejected.
    {
        QElapsedTimer t;
        t.start();
        const QString medium = daemon().poolPath() + u"/edit-medium.iso"_s;
        {
            QFile f(medium);
            ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QByteArray bytes = QByteArray("CROSSVIRT-MEDIUM").repeated(256 * 1024);
            f.write(bytes); // 4 MiB = 8192 sectors of 512 bytes
        }
        // Opening the drive makes sr notice a medium change and reread the capacity.
        const QString readCmd = u"dd if=/dev/sr0 bs=2048 count=1 2>/dev/null | head -c 16; echo; "
                                u"echo size $(cat /sys/block/sr0/size)"_s;
        const auto before = g.shell->run(readCmd);
        ASSERT_TRUE(before.has_value()) << g.shell->tail();
        EXPECT_FALSE(before->contains(u"CROSSVIRT-MEDIUM"_s))
            << "the empty drive: " << before->toStdString();
        ctx = load(g);
        const EditPlan plan = models::planChangeMedia(ctx, cdromTarget, medium);
        EXPECT_TRUE(allNow(plan)) << stepsText(plan).toStdString();
        if (apply(g, plan, "CD-ROM media change")) {
            QString seen;
            const auto out = g.shell->runUntil(
                readCmd,
                [](const QString &o) {
                    return o.contains(u"CROSSVIRT-MEDIUM"_s) && o.contains(u"size 8192"_s);
                },
                kGuestTimeoutMs, &seen);
            EXPECT_TRUE(out.has_value())
                << "the guest's CD-ROM: " << seen.toStdString() << g.shell->tail();
            note(g, u"CD-ROM %1: medium inserted, the guest reads it: %2 (%3 ms)"_s
                        .arg(cdromTarget, seen.simplified())
                        .arg(t.elapsed()));
        }
        t.restart();
        ctx = load(g);
        const EditPlan eject = models::planChangeMedia(ctx, cdromTarget, QString());
        EXPECT_TRUE(allNow(eject)) << stepsText(eject).toStdString();
        if (apply(g, eject, "CD-ROM eject")) {
            QString seen;
            const auto out = g.shell->runUntil(
                readCmd, [](const QString &o) { return !o.contains(u"CROSSVIRT-MEDIUM"_s); },
                kGuestTimeoutMs, &seen);
            EXPECT_TRUE(out.has_value())
                << "the guest still reads the ejected medium: " << seen.toStdString()
                << g.shell->tail();
            const VmEditContext after = load(g);
            const models::VmDevice *drive = after.live.device(cdromTarget);
            EXPECT_TRUE(drive && drive->source.isEmpty()) << after.liveXml.toStdString();
            note(g, u"CD-ROM %1 ejected: the guest reads %2 (%3 ms)"_s
                        .arg(cdromTarget, seen.simplified())
                        .arg(t.elapsed()));
        }
    }

    // 6. Removing a disk from the running guest.
    {
        QElapsedTimer t;
        t.start();
        ctx = load(g);
        const EditPlan plan = models::planRemoveDevice(ctx, diskToRemove);
        EXPECT_TRUE(allNow(plan)) << stepsText(plan).toStdString();
        if (apply(g, plan, "disk removal")) {
            QString seen;
            const auto out = g.shell->runUntil(
                u"ls /sys/block"_s,
                [&](const QString &o) {
                    return !o.split(QRegularExpression(u"\\s+"_s)).contains(diskToRemove);
                },
                kGuestTimeoutMs, &seen);
            EXPECT_TRUE(out.has_value())
                << diskToRemove.toStdString() << " is still in the guest: " << seen.toStdString()
                << g.shell->tail();
            EXPECT_EQ(load(g).inactive.device(diskToRemove), nullptr) << "still in the definition";
            note(g, u"disk %1 removed: the guest's block devices now %2 (%3 ms)"_s
                        .arg(diskToRemove, seen.simplified())
                        .arg(t.elapsed()));
        }
    }

    // 7. NICs hot-plugged: virtio (PCIe root port) and e1000 (conventional PCI, behind the
    // PCIe-to-PCI bridge on q35).
    hotplugNicSeenByGuest(g, u"52:54:00:ed:12:86"_s);
    hotplugNicSeenByGuest(g, u"52:54:00:ed:12:e1"_s, u"e1000"_s);

    // 7b. The virtio NIC's link set down, then up again (planUpdateNic, live): the guest's
    // carrier follows at once; the definition keeps the state.
    {
        const QString mac = u"52:54:00:ed:12:86"_s;
        // The carrier of the NIC with `mac`, brought up in the guest first ("" = no answer).
        const QString carrier =
            u"for n in /sys/class/net/*; do grep -qi %1 $n/address && { ip link set ${n##*/} "
            u"up 2>/dev/null || ifconfig ${n##*/} up; echo carrier=$(cat $n/carrier); }; done"_s
                .arg(mac);
        const auto waitCarrier = [&](const QString &want, QString *seen) {
            return g.shell->runUntil(
                carrier,
                [&](const QString &o) { return o.contains(QString(u"carrier="_s + want)); },
                kGuestTimeoutMs, seen);
        };
        QString seen;
        if (!waitCarrier(u"1"_s, &seen)) {
            ADD_FAILURE() << "the hot-plugged NIC has no carrier before the change: "
                          << seen.toStdString();
        } else {
            for (const bool up : {false, true}) {
                ctx = load(g);
                models::NicUpdate u;
                u.linkUp = up;
                const EditPlan plan = models::planUpdateNic(ctx, mac, u);
                EXPECT_TRUE(allNow(plan)) << stepsText(plan).toStdString();
                QElapsedTimer t;
                t.start();
                if (!apply(g, plan, up ? "NIC link up" : "NIC link down"))
                    break;
                const auto out = waitCarrier(up ? u"1"_s : u"0"_s, &seen);
                EXPECT_TRUE(out.has_value()) << "link " << (up ? "up" : "down")
                                             << ": the guest's carrier says " << seen.toStdString();
                const VmEditContext after = load(g);
                const models::VmDevice *defined = after.inactive.device(mac);
                ASSERT_NE(defined, nullptr);
                EXPECT_EQ(defined->linkDown, !up) << "the definition keeps the link state";
                if (out)
                    note(g, u"NIC %1 link %2: the guest's carrier follows (%3 ms)"_s
                                .arg(mac, up ? u"up"_s : u"down"_s)
                                .arg(t.elapsed()));
            }
        }
    }

    // 8. Bad input on the running guest: refused with a message, the XML unchanged, and
    // applyEdit of the refused plan changes nothing either.
    {
        ctx = load(g);
        const auto xmlBefore = domainXml(conn(), g.uuid);
        struct Bad
        {
            const char *what;
            VmConfig wanted;
            EditScope scope;
        };
        QList<Bad> bad;
        VmConfig w = ctx.inactive;
        w.maxVcpus = 1; // below the 2 running
        bad << Bad{"maximum vCPUs below the current count", w, {}};
        w = ctx.inactive;
        w.vcpus = w.maxVcpus + 1;
        bad << Bad{"vCPUs above the maximum", w, {}};
        w = ctx.inactive;
        w.maxVcpus = std::max(ctx.hostCpus, ctx.domainCaps ? ctx.domainCaps->maxVcpus : 0) + 64;
        w.vcpus = w.maxVcpus;
        bad << Bad{"vCPUs beyond the host", w, EditScope{false, true}};
        w = ctx.inactive;
        w.memoryMiB = ctx.hostMemoryMiB * 4;
        bad << Bad{"memory beyond the host", w, {}};
        w = ctx.inactive;
        w.cpu = arch::CpuChoice{arch::CpuMode::Custom,
                                model.name == "Penryn"_L1 ? u"Conroe"_s : u"Penryn"_s};
        bad << Bad{"a CPU model change on the running guest, --live without --config", w,
                   EditScope{true, false}};
        for (const Bad &b : bad) {
            const EditPlan plan = models::planEdit(ctx, b.wanted, b.scope);
            EXPECT_FALSE(plan.ok()) << b.what << ": not refused: " << stepsText(plan).toStdString();
            EXPECT_FALSE(plan.refusals().trimmed().isEmpty()) << b.what << ": no reason";
            info(g.arch, u"refused, %1: %2"_s.arg(QLatin1StringView(b.what), plan.refusals()));
            bool threw = false;
            try {
                await(models::applyEdit(m_session.get(), plan), 60'000);
            } catch (...) {
                threw = true;
            }
            EXPECT_TRUE(threw) << b.what << ": applyEdit of a refused plan did not fail";
        }
        const auto xmlAfter = domainXml(conn(), g.uuid);
        EXPECT_EQ(xmlAfter.first, xmlBefore.first) << "the live XML changed";
        EXPECT_EQ(xmlAfter.second, xmlBefore.second) << "the inactive XML changed";
    }
    note(g, u"done"_s);
}

// ---- ppc64le ---------------------------------------------------------------------------

TEST_F(EditE2e, Ppc64leCoreAndMemoryHotplug)
{
    Guest &g = newGuest();
    QString skip, error;
    if (!defineGuest(g, u"ppc64le"_s, {0, 0, u"memhp_default_state=online"_s}, &skip, &error))
        SKIP_OR_FAIL(skip, error);
    VmEditContext ctx = load(g);
    // QEMU 7.2 runs one thread per core on an emulated pseries ("TCG cannot support more
    // than 1 thread/core on a pseries machine"): an SMT topology is refused there.
    if (ctx.inactive.virtType == arch::VirtType::Qemu) {
        VmConfig smt = ctx.inactive;
        smt.maxVcpus = 2;
        smt.sockets = 1;
        smt.cores = 1;
        smt.threads = 2;
        const EditPlan plan = models::planEdit(ctx, smt);
        EXPECT_FALSE(plan.ok()) << "an SMT topology on TCG pseries: "
                                << stepsText(plan).toStdString();
        info(g.arch, u"SMT topology on TCG: "_s + plan.refusals());
    }
    const int threads = std::max(1, ctx.inactive.threads);
    VmConfig wanted = ctx.inactive;
    wanted.vcpus = threads;
    wanted.maxVcpus = 2 * threads;
    wanted.maxMemoryMiB = 2048;
    wanted.memorySlots = 2;
    const EditPlan offline = models::planEdit(ctx, wanted);
    info(g.arch, u"offline plan: "_s + stepsText(offline));
    ASSERT_TRUE(apply(g, offline, "offline vCPU maximum and maximum memory"));

    ASSERT_TRUE(boot(g));
    EXPECT_EQ(g.report->cpus, threads);
    const qint64 memBeforeKb = g.report->memTotalKb;

    {
        QElapsedTimer t;
        t.start();
        ctx = load(g);
        VmConfig w = ctx.inactive;
        w.vcpus = 2 * threads;
        const EditPlan plan = models::planEdit(ctx, w);
        EXPECT_TRUE(allNow(plan)) << stepsText(plan).toStdString();
        if (apply(g, plan, "core hot-plug")) {
            QString seen;
            const int cpus = onlineCpusInGuest(g, 2 * threads, &seen);
            EXPECT_EQ(cpus, 2 * threads)
                << "online CPUs in the guest: " << seen.toStdString() << g.shell->tail();
            note(g, u"core hot-plug (%1 thread(s) per core) %2 -> %3 vCPUs: the guest has %4 "
                    u"online (%5 ms)"_s.arg(threads)
                        .arg(threads)
                        .arg(2 * threads)
                        .arg(cpus)
                        .arg(t.elapsed()));
        }
    }
    {
        // A 256 MiB DIMM (one pseries LMB), added by the guest's kernel through RTAS.
        QElapsedTimer t;
        t.start();
        ctx = load(g);
        VmConfig w = ctx.inactive;
        w.memoryMiB = ctx.live.memoryMiB + 256;
        const EditPlan plan = models::planEdit(ctx, w);
        EXPECT_TRUE(allNow(plan)) << stepsText(plan).toStdString();
        if (apply(g, plan, "memory hot-plug"))
            expectDimmSeen(g, memBeforeKb, t);
    }
    note(g, u"done"_s);
}

// ---- aarch64 ---------------------------------------------------------------------------

TEST_F(EditE2e, Aarch64NicHotplugAndVcpuHotplugRefused)
{
    Guest &g = newGuest();
    QString skip, error;
    if (!defineGuest(g, u"aarch64"_s, {}, &skip, &error))
        SKIP_OR_FAIL(skip, error);
    VmEditContext ctx = load(g);
    // A NIC hot-plugged into a PCIe machine needs a free root port: a new VM has spares.
    EXPECT_GT(ctx.inactive.freeRootPorts, 0) << ctx.inactiveXml.toStdString();
    const int spareRootPorts = ctx.inactive.freeRootPorts;

    // A vCPU ceiling above the count, so that the live request below is a hot-plug within
    // the maximum and only the arch can refuse it. Where the arch refuses even the ceiling
    // (QEMU would not start the guest), the request is judged without it.
    ctx = load(g);
    VmConfig ceiling = ctx.inactive;
    ceiling.maxVcpus = 2;
    const EditPlan maxPlan = models::planEdit(ctx, ceiling);
    info(g.arch, u"vCPU ceiling: "_s + stepsText(maxPlan));
    if (maxPlan.ok()) {
        ASSERT_TRUE(apply(g, maxPlan, "offline vCPU maximum"));
    }

    ASSERT_TRUE(boot(g));
    const int cpusBefore = g.report->cpus;

    // vCPU hot-plug: refused by the plan, before anything reaches libvirt.
    {
        ctx = load(g);
        const auto counts = vcpuCounts(conn(), g.uuid);
        const auto xmlBefore = domainXml(conn(), g.uuid);
        VmConfig w = ctx.inactive;
        w.vcpus = ctx.live.vcpus + 1;
        w.maxVcpus = std::max(w.maxVcpus, w.vcpus);
        // The arch's own verdict on a vCPU hot-plug into this running guest.
        arch::GuestFacts facts = ctx.facts();
        facts.maxVcpus = w.maxVcpus;
        const arch::ChangeRule expected = ctx.model()->changeRule(
            ctx.context(), facts,
            arch::GuestChangeRequest{
                arch::GuestChange::VcpuCount, {}, {}, ctx.live.vcpus, ctx.live.vcpus + 1});
        EXPECT_NE(expected.timing, arch::ChangeTiming::Now);
        EXPECT_FALSE(expected.reason.isEmpty());
        // Default scope: not now, with that reason; --live alone: refused with it.
        const EditPlan plan = models::planEdit(ctx, w);
        info(g.arch, u"vCPU hot-plug plan: "_s + stepsText(plan));
        for (const auto &s : plan.steps) {
            if (s.request.change == arch::GuestChange::VcpuCount) {
                EXPECT_NE(s.rule.timing, arch::ChangeTiming::Now) << stepsText(plan).toStdString();
                EXPECT_TRUE(s.rule.reason.contains(expected.reason))
                    << stepsText(plan).toStdString();
            }
        }
        const EditPlan liveOnly = models::planEdit(ctx, w, EditScope{true, false});
        EXPECT_FALSE(liveOnly.ok()) << stepsText(liveOnly).toStdString();
        EXPECT_TRUE(liveOnly.refusals().contains(expected.reason))
            << "refusals: " << liveOnly.refusals().toStdString()
            << "\nthe arch's reason: " << expected.reason.toStdString();
        bool threw = false;
        try {
            await(models::applyEdit(m_session.get(), liveOnly), 60'000);
        } catch (...) {
            threw = true;
            info(g.arch, u"applyEdit refused: "_s + exceptionText(std::current_exception()));
        }
        EXPECT_TRUE(threw) << "applyEdit of the refused plan did not fail";
        EXPECT_EQ(vcpuCounts(conn(), g.uuid), counts);
        EXPECT_EQ(domainXml(conn(), g.uuid), xmlBefore) << "the domain changed";
        const auto inGuest = g.shell->run(u"cat /sys/devices/system/cpu/online"_s);
        EXPECT_EQ(cpuListCount(inGuest.value_or(QString())), cpusBefore);
        note(g, u"vCPU hot-plug refused: "_s + liveOnly.refusals());
    }

    hotplugNicSeenByGuest(g, u"52:54:00:ed:12:a6"_s);

    // More NICs until no root port is free: each the plan calls "now" libvirt must plug,
    // and the one after the last free port the plan must not call "now" (libvirt would
    // fail: "internal error: No more available PCI slots"): the next boot, with the reason,
    // and refused for --live alone.
    bool refusedWhenFull = false;
    for (int n = 2; n <= spareRootPorts + 2 && !refusedWhenFull; ++n) {
        ctx = load(g);
        AddDeviceRequest nic;
        nic.kind = QString::fromLatin1(arch::HardwareKind::Nic);
        nic.model = u"virtio"_s;
        nic.network = LibvirtDaemon::networkName();
        const EditPlan plan = models::planAddDevice(ctx, nic);
        info(g.arch, u"NIC %1 with %2 free root port(s): %3"_s.arg(n)
                         .arg(ctx.live.freeRootPorts)
                         .arg(stepsText(plan)));
        if (!allNow(plan)) {
            EXPECT_EQ(ctx.live.freeRootPorts, 0) << "not now with a free root port";
            for (const auto &step : plan.steps)
                EXPECT_FALSE(step.rule.reason.isEmpty()) << stepsText(plan).toStdString();
            const EditPlan liveOnly = models::planAddDevice(ctx, nic, EditScope{true, false});
            EXPECT_FALSE(liveOnly.ok()) << stepsText(liveOnly).toStdString();
            refusedWhenFull = true;
            continue;
        }
        EXPECT_GT(ctx.live.freeRootPorts, 0);
        if (!apply(g, plan, "a further virtio NIC hot-plug"))
            break;
    }
    EXPECT_TRUE(refusedWhenFull) << "a NIC hot-plug with every root port taken was planned now";

    // The rule matches real QEMU: libvirt asked directly refuses the hot-plug too (last,
    // since it would change the guest if a newer QEMU could do it).
    const QString direct = setVcpusDirectly(conn(), g.uuid, cpusBefore + 1);
    EXPECT_FALSE(direct.isEmpty()) << "libvirt hot-plugged a vCPU into an aarch64 virt guest: "
                                      "the arch rule refusing it is out of date";
    note(g, u"libvirt asked directly: "_s + (direct.isEmpty() ? u"done"_s : direct));
    note(g, u"done"_s);
}

// ---- s390x -----------------------------------------------------------------------------

TEST_F(EditE2e, S390xVcpuPlugUnplugRefusedAndNicHotplug)
{
    Guest &g = newGuest();
    QString skip, error;
    if (!defineGuest(g, u"s390x"_s, {}, &skip, &error))
        SKIP_OR_FAIL(skip, error);
    VmEditContext ctx = load(g);
    VmConfig wanted = ctx.inactive;
    wanted.maxVcpus = 2;
    ASSERT_TRUE(apply(g, models::planEdit(ctx, wanted), "offline vCPU maximum"));

    ASSERT_TRUE(boot(g));
    EXPECT_EQ(g.report->cpus, 1);

    {
        QElapsedTimer t;
        t.start();
        ctx = load(g);
        VmConfig w = ctx.inactive;
        w.vcpus = 2;
        const EditPlan plan = models::planEdit(ctx, w);
        EXPECT_TRUE(allNow(plan)) << stepsText(plan).toStdString();
        if (apply(g, plan, "vCPU plug")) {
            QString seen;
            // SCLP tells the kernel of the new CPU; a rescan makes sure it is detected.
            const auto out = g.shell->runUntil(
                u"echo 1 > /sys/devices/system/cpu/rescan; "_s + kOnlineCpus,
                [](const QString &o) { return cpuListCount(o.split(u'\n').last()) >= 2; },
                kGuestTimeoutMs, &seen);
            EXPECT_TRUE(out.has_value())
                << "online CPUs in the guest: " << seen.toStdString() << g.shell->tail();
            note(g, u"vCPU plug 1 -> 2: the guest's online CPUs %1 (%2 ms)"_s
                        .arg(seen.split(u'\n').last())
                        .arg(t.elapsed()));
        }
    }
    {
        // s390x cannot unplug: never now; --live alone refused, with the reason.
        ctx = load(g);
        const auto counts = vcpuCounts(conn(), g.uuid);
        VmConfig w = ctx.inactive;
        w.vcpus = 1;
        const EditPlan plan = models::planEdit(ctx, w);
        info(g.arch, u"vCPU unplug plan: "_s + stepsText(plan));
        for (const auto &s : plan.steps) {
            if (s.request.change != arch::GuestChange::VcpuCount)
                continue;
            EXPECT_NE(s.rule.timing, arch::ChangeTiming::Now) << stepsText(plan).toStdString();
            EXPECT_FALSE(s.rule.reason.isEmpty()) << stepsText(plan).toStdString();
        }
        const EditPlan liveOnly = models::planEdit(ctx, w, EditScope{true, false});
        EXPECT_FALSE(liveOnly.ok())
            << "s390x vCPU unplug not refused: " << stepsText(liveOnly).toStdString();
        EXPECT_FALSE(liveOnly.refusals().trimmed().isEmpty());
        bool threw = false;
        try {
            await(models::applyEdit(m_session.get(), liveOnly), 60'000);
        } catch (...) {
            threw = true;
        }
        EXPECT_TRUE(threw) << "applyEdit of the refused plan did not fail";
        note(g, u"vCPU unplug refused: "_s + liveOnly.refusals());
        EXPECT_EQ(vcpuCounts(conn(), g.uuid), counts);
    }
    hotplugNicSeenByGuest(g, u"52:54:00:ed:12:5b"_s);

    // The rule matches real QEMU: libvirt asked directly cannot unplug either.
    const QString direct = setVcpusDirectly(conn(), g.uuid, 1);
    EXPECT_FALSE(direct.isEmpty()) << "libvirt unplugged a vCPU of an s390x guest: the arch "
                                      "rule refusing it is out of date";
    note(g, u"libvirt asked directly to unplug: "_s + (direct.isEmpty() ? u"done"_s : direct));
    note(g, u"done"_s);
}
