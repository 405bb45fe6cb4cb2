#include "e2e/E2eSupport.h"

#include "common/TestSupport.h"
#include "models/connection/LibvirtError.h"
#include "models/provisioning/HostChoices.h"
#include "models/provisioning/ProvisioningJobs.h"

#include <QFile>

#include <cstdio>
#include <signal.h>

using namespace Qt::StringLiterals;

namespace crossvirt::test::e2e {

void info(const QString &tag, const QString &text)
{
    std::printf("[ %-8s ] %s\n", tag.toLocal8Bit().constData(), text.toLocal8Bit().constData());
    std::fflush(stdout);
}

bool waitForFuture(const std::function<bool()> &finished, int timeoutMs)
{
    return crossvirt::test::waitUntil(finished, timeoutMs);
}

std::unique_ptr<models::HostSession> openSession(const QString &uri, QString *error, int timeoutMs)
{
    auto session = std::make_unique<models::HostSession>(uri);
    session->open();
    const bool ok = crossvirt::test::waitUntil(
        [&session] { return session->state() == models::ConnectionState::Connected; }, timeoutMs);
    if (!ok) {
        if (error)
            *error = u"%1 did not connect: %2"_s.arg(uri, session->lastError());
        return nullptr;
    }
    return session;
}

std::optional<qint64> livingQemuPid(const QString &name)
{
    QFile pidFile(u"/run/libvirt/qemu/%1.pid"_s.arg(name));
    if (!pidFile.open(QIODevice::ReadOnly))
        return std::nullopt;
    bool ok = false;
    const qint64 pid = QString::fromLatin1(pidFile.readAll()).trimmed().toLongLong(&ok);
    if (!ok || pid <= 0 || ::kill(pid_t(pid), 0) != 0)
        return std::nullopt;
    QFile cmdline(u"/proc/%1/cmdline"_s.arg(pid));
    if (!cmdline.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray args = cmdline.readAll();
    if (!args.contains(QByteArray(QByteArray("guest=") + name.toUtf8())))
        return std::nullopt;
    return pid;
}

QString exceptionText(std::exception_ptr e)
{
    try {
        std::rethrow_exception(e);
    } catch (const models::LibvirtError &err) {
        return err.text();
    } catch (const std::exception &err) {
        return QString::fromLocal8Bit(err.what());
    } catch (...) {
        return u"unknown exception"_s;
    }
}

QString createDefaultGuest(models::HostSession *session, const LibvirtDaemon &daemon,
                           const QString &archName, const QString &name, QString *error,
                           const QString &graphics, qint64 diskGiB)
{
    using namespace crossvirt::models;
    namespace arch = crossvirt::arch;
    HostChoicesProvider provider(session);
    try {
        GuestHostContext host = await(provider.guestContext(archName));
        const arch::VirtType wanted =
            daemon.domainTypeFor(archName) == "kvm"_L1 ? arch::VirtType::Kvm : arch::VirtType::Qemu;
        if (host.placement.virtType != wanted) {
            host.placement.virtType = wanted;
            host.domainCaps = await(provider.domainCapabilities(archName, host.machine, wanted));
        }
        const auto choices = computeGuestChoices(host);
        if (!choices) {
            *error = u"unknown arch "_s + archName;
            return {};
        }
        const arch::DefaultDevices &d = choices->defaults;
        const arch::GuestContext ctx = host.context(false, d.firmware);
        VmSpec spec;
        spec.hostUri = session->uri();
        spec.name = name;
        spec.arch = archName;
        spec.machine = d.machine;
        spec.virtType = wanted;
        spec.memoryMiB = host.model()->limits(ctx).alignMemoryMiB(512);
        spec.cpu = d.cpu;
        if (wanted == arch::VirtType::Kvm && LibvirtDaemon::hostArch() == "x86_64"_L1)
            spec.cpu = arch::CpuChoice{arch::CpuMode::Default, {}};
        spec.firmware = d.firmware;
        spec.diskInterface = d.diskInterface;
        if (diskGiB > 0) {
            spec.storage.kind = StorageKind::NewVolume;
            spec.storage.pool = LibvirtDaemon::poolName();
            spec.storage.sizeGiB = diskGiB;
        }
        spec.graphics = graphics.isEmpty() ? d.graphics : graphics;
        spec.video = graphics == "none"_L1 ? QString() : d.video;
        spec.console = choices->consoleTypes.firstOffered();
        spec.startAfterCreate = true;
        const auto plan = planCreateVm(spec, ctx, error);
        if (!plan)
            return {};
        const CreatedVm vm = await(createVm(session, *plan), 120'000);
        info(u"guest"_s, u"%1 started (%2, %3) on %4"_s.arg(
                             name, archName, arch::virtTypeName(wanted), session->uri()));
        return vm.uuid;
    } catch (...) {
        *error = exceptionText(std::current_exception());
        return {};
    }
}

} // namespace crossvirt::test::e2e
