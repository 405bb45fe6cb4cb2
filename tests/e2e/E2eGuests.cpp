#include "e2e/E2eGuests.h"

#include "common/TestSupport.h"
#include "e2e/GuestImage.h"
#include "models/connection/HostSession.h"
#include "models/provisioning/ProvisioningCore.h"
#include "models/provisioning/ProvisioningJobs.h"
#include "models/provisioning/StorageInventory.h"

#include <gtest/gtest.h>
#include <libvirt/virterror.h>

using namespace Qt::StringLiterals;
using crossvirt::test::waitUntil;

namespace crossvirt::test::e2e {

QString Guest::stateDisk() const
{
    if (!report)
        return {};
    for (const GuestBlockDevice &b : report->blocks)
        if (!b.name.startsWith(u"sr"_s))
            return b.name;
    return {};
}

QString secondsSince(const QElapsedTimer &t)
{
    return QString::number(double(t.elapsed()) / 1000.0, 'f', 1);
}

std::optional<models::GuestHostContext> harnessHostContext(models::HostSession *session,
                                                           const LibvirtDaemon &daemon,
                                                           const QString &archName,
                                                           const QString &machine, QString *skip)
{
    models::HostChoicesProvider provider(session);
    models::GuestHostContext host = await(provider.guestContext(archName, machine));
    const arch::VirtType wanted =
        daemon.domainTypeFor(archName) == "kvm"_L1 ? arch::VirtType::Kvm : arch::VirtType::Qemu;
    if (host.placement.virtType != wanted) {
        host.placement.virtType = wanted;
        host.domainCaps = await(provider.domainCapabilities(archName, host.machine, wanted));
    }
    if (!host.domainCaps) {
        *skip = u"the host cannot run %1 guests: %2"_s.arg(archName, host.domainCapsError);
        return std::nullopt;
    }
    return host;
}

QString defineE2eGuest(models::HostSession *session, const LibvirtDaemon &daemon,
                       const QString &archName, const QString &name, const DefineOptions &options,
                       QString *skip, QString *error)
{
    using namespace crossvirt::models;
    const GuestImage image = guestImageFor(archName);
    if (!image.ok()) {
        *skip = u"no guest image for %1: %2"_s.arg(archName, image.error);
        return {};
    }
    try {
        const auto host = harnessHostContext(session, daemon, archName, {}, skip);
        if (!host)
            return {};
        const StorageSnapshot storage = await(fetchStorage(session));
        VmSpec spec = defaultVmSpec(*host, storage);
        const arch::GuestContext ctx = host->context(false, spec.firmware);
        spec.name = name;
        spec.virtType = host->placement.virtType;
        if (spec.virtType == arch::VirtType::Kvm)
            spec.cpu = arch::CpuChoice{arch::CpuMode::Default, {}};
        spec.memoryMiB = host->model()->limits(ctx).alignMemoryMiB(512);
        spec.vcpus = 1;
        spec.storage = StorageSpec{};
        spec.storage.kind = StorageKind::None;
        if (options.diskGiB > 0) {
            spec.storage.kind = StorageKind::NewVolume;
            spec.storage.pool = options.pool;
            spec.storage.sizeGiB = options.diskGiB;
            spec.storage.format = options.diskFormat;
        }
        spec.cdrom.reset();
        if (options.nic && spec.nic)
            spec.nic->network = LibvirtDaemon::networkName();
        else
            spec.nic.reset();
        spec.graphics = u"none"_s;
        if (host->model()->videoModels(ctx).offers(u"none"_s))
            spec.video = u"none"_s;
        spec.install = InstallMethod::KernelBoot;
        spec.kernelBoot.kernel = image.kernel;
        spec.kernelBoot.initrd = image.initrd;
        spec.kernelBoot.cmdline =
            host->model()->kernelConsoleArgument(ctx, spec.console) + u" quiet"_s;
        spec.bootOrder.clear();
        spec.startAfterCreate = false;
        const QList<ValidationProblem> problems = validateVmSpec(spec, *host, &storage);
        if (!problems.isEmpty()) {
            QStringList lines;
            for (const ValidationProblem &p : problems)
                lines << p.field + u": "_s + p.message;
            *error = u"the spec has problems: "_s + lines.join(u"; "_s);
            return {};
        }
        const auto plan = planCreateVm(spec, *host, error);
        if (!plan)
            return {};
        const CreatedVm vm = await(createVm(session, *plan), 120'000);
        info(archName, u"%1 defined (%2, machine %3, firmware %4)"_s.arg(
                           name, arch::virtTypeName(spec.virtType), spec.machine,
                           spec.firmware.isEmpty() ? u"default"_s : spec.firmware));
        return vm.uuid;
    } catch (...) {
        *error = exceptionText(std::current_exception());
        return {};
    }
}

bool startGuest(models::HostSession *session, Guest &g)
{
    try {
        await(session->startDomain(g.uuid), 120'000);
    } catch (...) {
        ADD_FAILURE() << g.name.toStdString() << ": start failed: "
                      << exceptionText(std::current_exception()).toStdString();
        return false;
    }
    g.bootClock.start();
    g.shell = std::make_unique<GuestShell>(session, g.uuid);
    if (!g.shell->open()) {
        ADD_FAILURE() << g.name.toStdString() << ": the serial console did not open";
        g.shell.reset();
        return false;
    }
    return true;
}

bool waitForGuestBoot(Guest &g, int timeoutMs)
{
    if (!g.shell)
        return false;
    g.report = g.shell->waitForReport(timeoutMs);
    if (!g.report) {
        ADD_FAILURE() << g.name.toStdString() << ": no CROSSVIRT-READY and shell within "
                      << timeoutMs / 1000 << " s" << g.shell->tail();
        return false;
    }
    QStringList nics;
    for (const GuestNic &n : g.report->nics)
        nics << n.name + u" "_s + n.mac;
    info(g.arch, u"%1 ready %2 s after its start: boot count %3, disk %4, NIC %5"_s
                     .arg(g.name, secondsSince(g.bootClock))
                     .arg(g.report->bootCount)
                     .arg(g.stateDisk(), nics.join(u", "_s)));
    return true;
}

bool bootTogether(models::HostSession *session, const QList<Guest *> &guests)
{
    bool ok = true;
    for (Guest *g : guests)
        ok = startGuest(session, *g) && ok;
    for (Guest *g : guests)
        ok = waitForGuestBoot(*g) && ok;
    return ok;
}

int domainState(virConnectPtr conn, const QString &uuid)
{
    virDomainPtr dom = virDomainLookupByUUIDString(conn, uuid.toUtf8().constData());
    if (!dom) {
        virResetLastError();
        return -1;
    }
    int state = -1, reason = 0;
    if (virDomainGetState(dom, &state, &reason, 0) != 0)
        state = -1;
    virDomainFree(dom);
    return state;
}

void shutDownGuest(models::HostSession *session, virConnectPtr conn, Guest &g, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    g.shell.reset();
    try {
        await(session->shutdownDomain(g.uuid), 60'000);
    } catch (...) {
        info(g.arch, u"shutdown request: "_s + exceptionText(std::current_exception()));
    }
    const bool clean =
        waitUntil([&] { return domainState(conn, g.uuid) == VIR_DOMAIN_SHUTOFF; }, timeoutMs);
    if (!clean) {
        try {
            await(session->forceOffDomain(g.uuid), 60'000);
        } catch (...) {
        }
        EXPECT_TRUE(
            waitUntil([&] { return domainState(conn, g.uuid) == VIR_DOMAIN_SHUTOFF; }, 30'000))
            << g.name.toStdString() << " does not shut off";
    }
    info(g.arch, u"%1 shut off (%2) in %3 s"_s.arg(
                     g.name, clean ? u"power button"_s : u"forced off"_s, secondsSince(t)));
}

} // namespace crossvirt::test::e2e
