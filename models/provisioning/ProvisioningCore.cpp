#include "models/provisioning/ProvisioningCore.h"

#include "arch/ArchRegistry.h"
#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"

using namespace Qt::StringLiterals;

namespace crossvirt::models {

OsChoice OsChoice::of(const OsEntry &entry, const QString &arch)
{
    return OsChoice{entry.id, entry.osinfoId, entry.recommendedFor(arch)};
}

QString ProvisioningDefaults::pool(const StorageSnapshot &storage)
{
    const QStringList active = storage.activePoolNames();
    return active.contains(u"default"_s) ? u"default"_s : active.value(0);
}

QString ProvisioningDefaults::network(const StorageSnapshot &storage)
{
    const QStringList names = storage.networkNames();
    return names.contains(u"default"_s) ? u"default"_s : names.value(0);
}

qint64 recommendedMemoryMiB(const GuestHostContext &host, const std::optional<OsChoice> &os)
{
    if (!os || os->recommended.ramMiB <= 0)
        return ProvisioningDefaults::memoryMiB;
    const arch::ArchModel *model = host.model();
    return model ? qint64(model->limits(host.context()).alignMemoryMiB(os->recommended.ramMiB))
                 : qint64(os->recommended.ramMiB);
}

VmSpec defaultVmSpec(const GuestHostContext &host, const StorageSnapshot &storage,
                     const std::optional<OsChoice> &os)
{
    VmSpec spec;
    spec.hostUri = host.uri;
    spec.arch = host.arch;
    spec.machine = host.machine;
    spec.virtType = host.placement.virtType;
    if (os) {
        spec.osId = os->id;
        spec.osinfoUri = os->osinfoUri;
    }
    spec.memoryMiB = recommendedMemoryMiB(host, os);
    spec.vcpus =
        os && os->recommended.vcpus > 0 ? os->recommended.vcpus : ProvisioningDefaults::vcpus;
    spec.storage.kind = StorageKind::NewVolume;
    spec.storage.pool = ProvisioningDefaults::pool(storage);
    spec.storage.sizeGiB = os && os->recommended.storageGiB > 0 ? os->recommended.storageGiB
                                                                : ProvisioningDefaults::diskGiB;
    spec.nic = NicSpec{ProvisioningDefaults::network(storage), {}};

    const arch::ArchModel *model = host.model();
    if (!model)
        return spec;
    const arch::GuestContext ctx = host.context();
    const arch::DefaultDevices d = model->defaultDevices(ctx);
    spec.cpu = d.cpu;
    spec.firmware = d.firmware;
    spec.diskInterface = d.diskInterface;
    spec.nic->model = d.nicModel;
    spec.graphics = d.graphics;
    spec.video = d.video;
    spec.console = model->consoleTypes(ctx).firstOffered();
    spec.kernelBoot.cmdline = model->kernelConsoleArgument(ctx, spec.console);
    return spec;
}

QString defaultKernelArguments(const GuestHostContext &host, const QString &consoleId)
{
    const arch::ArchModel *model = host.model();
    return model ? model->kernelConsoleArgument(host.context(), consoleId) : QString();
}

QList<ValidationProblem> validateVmSpec(const VmSpec &spec, const GuestHostContext &host,
                                        const StorageSnapshot *storage)
{
    QList<ValidationProblem> problems;
    if (const arch::ArchModel *model = host.model()) {
        problems = VmSpecValidator::validate(spec, *model, host.context(false, spec.firmware),
                                             ValidationHost{host.hostMemoryKiB, storage});
    } else {
        problems.append(
            {u"arch"_s, ProvisioningSteps::tr("Crossvirt does not know the architecture “%1”.")
                            .arg(host.arch)});
    }
    if (!host.placement.offered)
        problems.append({u"host"_s, host.placement.reason});
    return problems;
}

std::optional<CreateVmPlan> planCreateVm(const VmSpec &spec, const GuestHostContext &host,
                                         QString *error)
{
    return planCreateVm(spec, host.context(false, spec.firmware), error);
}

GuestContextRequests::GuestContextRequests(QObject *parent) : QObject(parent) {}

quint64 GuestContextRequests::requestContext(HostChoicesProvider *provider, const QString &arch,
                                             const QString &machine, bool allowEmulation)
{
    const quint64 request = ++m_contextRequest;
    m_contextPending = true;
    whenFinished(
        provider->guestContext(arch, machine, allowEmulation), this,
        [this, request](const GuestHostContext &context) {
            if (request != m_contextRequest)
                return;
            m_contextPending = false;
            emit contextReady(context);
        },
        [this, request](const QString &error) {
            if (request != m_contextRequest)
                return;
            m_contextPending = false;
            emit contextFailed(error);
        });
    return request;
}

quint64 GuestContextRequests::requestStorage(HostSession *session)
{
    const quint64 request = ++m_storageRequest;
    whenFinished(
        fetchStorage(session), this,
        [this, request](const StorageSnapshot &snapshot) {
            if (request == m_storageRequest)
                emit storageReady(snapshot);
        },
        [this, request](const QString &error) {
            if (request == m_storageRequest)
                emit storageFailed(error);
        });
    return request;
}

} // namespace crossvirt::models
