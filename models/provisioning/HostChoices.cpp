#include "models/provisioning/HostChoices.h"

#include "models/connection/HostSession.h"
#include "models/connection/WorkerJobs.h"

#include <QMutexLocker>
#include <algorithm>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

using namespace Qt::StringLiterals;

namespace crossvirt::models {

arch::GuestContext GuestHostContext::context(bool running, const QString &firmware) const
{
    arch::GuestContext ctx;
    ctx.arch = arch;
    ctx.machine = machine;
    ctx.virtType = placement.virtType;
    ctx.domainCaps = domainCaps.get();
    ctx.running = running;
    ctx.firmware = firmware;
    return ctx;
}

/// Shared with worker jobs; every access holds the mutex (jobs of one host run on one
/// thread, but the provider may be asked from the GUI thread meanwhile).
struct HostChoicesProvider::Cache
{
    QMutex mutex;
    bool capsRead = false;
    std::optional<arch::HostCapabilities> caps;
    struct DomCaps
    {
        std::shared_ptr<const arch::DomainCapabilities> caps;
        QString error;
    };
    QHash<QString, DomCaps> domainCaps; // "arch|machine|virttype"

    std::optional<arch::HostCapabilities> hostCaps(virConnectPtr conn, bool describesHost)
    {
        QMutexLocker lock(&mutex);
        if (capsRead)
            return caps;
        lock.unlock();
        std::optional<arch::HostCapabilities> parsed;
        if (describesHost) {
            const QString xml = takeLibvirtString(virConnectGetCapabilities(conn));
            if (!xml.isEmpty())
                parsed = arch::parseHostCapabilities(xml.toUtf8());
            // Only a hypervisor's capabilities say what runs here: the test driver's list
            // i686 guests of domain type 'test', which would rule every arch out.
            const bool hypervisor =
                parsed && std::any_of(parsed->guests.cbegin(), parsed->guests.cend(),
                                      [](const arch::GuestArchCapabilities &g) {
                                          return g.hasDomainType(u"kvm"_s) ||
                                                 g.hasDomainType(u"qemu"_s);
                                      });
            if (!hypervisor)
                parsed.reset();
        }
        lock.relock();
        capsRead = true;
        caps = parsed;
        return caps;
    }

    DomCaps domCaps(virConnectPtr conn, const QString &arch, const QString &machine,
                    arch::VirtType virtType)
    {
        const QString key = arch + u'|' + machine + u'|' + arch::virtTypeName(virtType);
        {
            QMutexLocker lock(&mutex);
            const auto it = domainCaps.constFind(key);
            if (it != domainCaps.constEnd())
                return *it;
        }
        DomCaps result;
        const QByteArray a = arch.toUtf8();
        const QByteArray m = machine.toUtf8();
        const QByteArray v = arch::virtTypeName(virtType).toUtf8();
        const LibvirtString xml(virConnectGetDomainCapabilities(
            conn, nullptr, a.constData(), m.isEmpty() ? nullptr : m.constData(), v.constData(), 0));
        if (xml) {
            QString error;
            auto parsed = arch::parseDomainCapabilities(QByteArray(xml.get()), &error);
            if (parsed)
                result.caps = std::make_shared<const arch::DomainCapabilities>(std::move(*parsed));
            else
                result.error = error;
        } else {
            // The test driver has none; the arch policy alone decides then.
            const virError *err = virGetLastError();
            result.error = err && err->message ? QString::fromUtf8(err->message) : QString();
            virResetLastError();
        }
        QMutexLocker lock(&mutex);
        domainCaps.insert(key, result);
        return result;
    }
};

HostChoicesProvider::HostChoicesProvider(HostSession *session, QObject *parent)
    : QObject(parent), m_session(session), m_cache(std::make_shared<Cache>())
{}

void HostChoicesProvider::primeHostCapabilities(const std::optional<arch::HostCapabilities> &caps)
{
    QMutexLocker lock(&m_cache->mutex);
    m_cache->capsRead = true;
    m_cache->caps = caps;
    m_cache->domainCaps.clear();
}

std::optional<std::optional<arch::HostCapabilities>>
HostChoicesProvider::cachedHostCapabilities() const
{
    QMutexLocker lock(&m_cache->mutex);
    if (!m_cache->capsRead)
        return std::nullopt;
    return m_cache->caps;
}

QFuture<std::optional<arch::HostCapabilities>> HostChoicesProvider::hostCapabilities()
{
    const bool describesHost = m_session->hostInfo().archesFromCapabilities;
    return runOnWorker(m_session, [cache = m_cache, describesHost](virConnectPtr conn) {
        return cache->hostCaps(conn, describesHost);
    });
}

QFuture<std::shared_ptr<const arch::DomainCapabilities>>
HostChoicesProvider::domainCapabilities(const QString &arch, const QString &machine,
                                        arch::VirtType virtType)
{
    return runOnWorker(m_session, [cache = m_cache, arch, machine, virtType](virConnectPtr conn) {
        return cache->domCaps(conn, arch, machine, virtType).caps;
    });
}

QFuture<GuestHostContext>
HostChoicesProvider::guestContext(const QString &arch, const QString &machine, bool allowEmulation)
{
    const HostInfo host = m_session->hostInfo();
    return runOnWorker(
        m_session, [cache = m_cache, host, arch, machine, allowEmulation](virConnectPtr conn) {
            GuestHostContext out;
            out.uri = host.uri;
            out.arch = arch;
            out.hostArch = host.arch;
            out.hostMemoryKiB = host.memoryKiB;
            const arch::ArchModel *model = arch::ArchRegistry::instance().find(arch);
            out.machine = machine.isEmpty() && model ? model->defaultMachine() : machine;
            out.hostCaps = cache->hostCaps(conn, host.archesFromCapabilities);
            const QList<arch::HostPlacement> ranked = arch::rankHosts(
                arch, {arch::HostCandidate{host.uri, host.arch, out.hostCaps}}, allowEmulation);
            if (!ranked.isEmpty())
                out.placement = ranked.first();
            if (model && out.placement.offered) {
                const auto dc = cache->domCaps(conn, arch, out.machine, out.placement.virtType);
                out.domainCaps = dc.caps;
                out.domainCapsError = dc.error;
            }
            return out;
        });
}

std::optional<GuestChoices> computeGuestChoices(const GuestHostContext &host)
{
    const arch::ArchModel *model = host.model();
    if (!model)
        return std::nullopt;
    const arch::GuestContext ctx = host.context();
    GuestChoices c;
    c.arch = host.arch;
    c.machine = host.machine;
    c.placement = host.placement;
    c.domainCapsUsed = host.domainCaps != nullptr;
    c.machineTypes = model->machineTypes(host.hostCaps ? &*host.hostCaps : nullptr);
    c.defaultMachine = model->defaultMachine();
    c.diskInterfaces = model->diskInterfaces(ctx);
    c.cdromInterfaces = model->cdromInterfaces(ctx);
    c.hotplugDiskInterfaces = model->hotplugDiskInterfaces(ctx);
    c.nicModels = model->nicModels(ctx);
    c.graphicsTypes = model->graphicsTypes(ctx);
    c.videoModels = model->videoModels(ctx);
    c.consoleTypes = model->consoleTypes(ctx);
    c.cpuModes = model->cpuModes(ctx);
    c.cpuModels = model->cpuModels(ctx);
    c.clusterCpuTypes = model->clusterCpuChoices(ctx);
    c.firmware = model->firmware(ctx);
    c.defaults = model->defaultDevices(ctx);
    c.limits = model->limits(ctx);
    c.installMethods = model->installMethods(ctx);
    c.bootDeviceKinds = model->bootDeviceKinds(ctx);
    c.bootOrder = model->bootOrderRules(ctx);
    c.deviceTree = model->deviceTree(ctx);
    for (const arch::Choice &console : c.consoleTypes)
        c.kernelConsoleArguments.insert(console.id, model->kernelConsoleArgument(ctx, console.id));
    return c;
}

} // namespace crossvirt::models
