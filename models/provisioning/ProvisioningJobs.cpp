#include "models/provisioning/ProvisioningJobs.h"

#include "arch/ArchRegistry.h"
#include "models/connection/HostSession.h"
#include "models/connection/LibvirtError.h"
#include "models/connection/WorkerJobs.h"
#include "models/provisioning/DomainXmlBuilder.h"
#include "models/provisioning/ProvisioningWorker.h"

#include <QLocale>
#include <QXmlStreamReader>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace crossvirt::models {

QString ProvisioningSteps::creatingVolume()
{
    return tr("Creating the disk volume");
}
QString ProvisioningSteps::definingVm()
{
    return tr("Defining the virtual machine");
}
QString ProvisioningSteps::startingVm()
{
    return tr("Starting the virtual machine");
}
QString ProvisioningSteps::addingController()
{
    return tr("Adding the disk controller");
}
QString ProvisioningSteps::attachingDisk()
{
    return tr("Attaching the disk");
}
QString ProvisioningSteps::readingVm()
{
    return tr("Reading the virtual machine");
}

std::optional<CreateVmPlan> planCreateVm(const VmSpec &spec, const arch::GuestContext &ctx,
                                         QString *error)
{
    const arch::ArchModel *model = arch::ArchRegistry::instance().find(spec.arch);
    if (!model) {
        if (error)
            *error = ProvisioningSteps::tr("Crossvirt does not know the architecture “%1”.")
                         .arg(spec.arch);
        return std::nullopt;
    }
    CreateVmPlan plan;
    plan.name = spec.name;
    plan.start = spec.startAfterCreate;
    plan.domainXml = DomainXmlBuilder::domainXml(spec, *model, ctx);
    auto volumePlan = [](const StorageSpec &storage, const QString &name) {
        NewVolumePlan v;
        v.pool = storage.pool;
        v.name = name;
        v.capacityBytes = quint64(qMax<qint64>(storage.sizeGiB, 0)) << 30;
        v.xml = DomainXmlBuilder::volumeXml(v.name, storage.sizeGiB, storage.format);
        return v;
    };
    if (spec.storage.kind == StorageKind::NewVolume)
        plan.volume = volumePlan(spec.storage, spec.newVolumeName());
    for (qsizetype i = 0; i < spec.extraDisks.size(); ++i) {
        if (spec.extraDisks[i].storage.kind == StorageKind::NewVolume)
            plan.extraVolumes.append(
                volumePlan(spec.extraDisks[i].storage, spec.extraVolumeName(i)));
    }
    return plan;
}

namespace {

/// Creates a volume after checking the pool has room for all of it (the test driver
/// and thin formats would otherwise accept a disk the pool can never hold).
StorageVolHandle createVolume(virConnectPtr conn, const NewVolumePlan &v, const QString &step)
{
    const QByteArray pool = v.pool.toUtf8();
    const StoragePoolHandle p(virStoragePoolLookupByName(conn, pool.constData()));
    if (!p)
        throwLastLibvirtError(step);
    virStoragePoolInfo info{};
    if (virStoragePoolGetInfo(p.get(), &info) == 0 && v.capacityBytes > info.available) {
        const QLocale locale;
        throw LibvirtError(
            step, ProvisioningSteps::tr("The pool “%1” has only %2 free; the disk needs %3.")
                      .arg(v.pool,
                           locale.formattedDataSize(qint64(info.available), 1,
                                                    QLocale::DataSizeIecFormat),
                           locale.formattedDataSize(qint64(v.capacityBytes), 1,
                                                    QLocale::DataSizeIecFormat)));
    }
    const QByteArray xml = v.xml.toUtf8();
    StorageVolHandle vol(virStorageVolCreateXML(p.get(), xml.constData(), 0));
    if (!vol)
        throwLastLibvirtError(step);
    return vol;
}

/// Deletes a volume this job created (rollback); libvirt's error of the delete is dropped
/// so the step's own error stays the one reported.
void deleteVolume(StorageVolHandle &vol)
{
    if (!vol)
        return;
    virStorageVolDelete(vol.get(), 0);
    vol.reset();
    virResetLastError();
}

void undefine(virDomainPtr dom)
{
    if (virDomainIsActive(dom) == 1)
        virDomainDestroy(dom);
    if (virDomainUndefineFlags(dom, VIR_DOMAIN_UNDEFINE_NVRAM) < 0)
        virDomainUndefine(dom);
    virResetLastError();
}

/// Volumes a CreateVm made so far; deletes them all on failure (rollback).
struct CreatedVolumes
{
    std::vector<StorageVolHandle> handles;
    void deleteAll()
    {
        for (auto it = handles.rbegin(); it != handles.rend(); ++it)
            deleteVolume(*it);
        handles.clear();
    }
};

} // namespace

CreatedVm createVm(virConnectPtr conn, const CreateVmPlan &plan)
{
    CreatedVm out;
    out.name = plan.name;
    CreatedVolumes volumes;
    QList<NewVolumePlan> wanted;
    if (plan.volume)
        wanted << *plan.volume;
    wanted << plan.extraVolumes;
    for (const NewVolumePlan &v : std::as_const(wanted)) {
        try {
            volumes.handles.push_back(createVolume(conn, v, ProvisioningSteps::creatingVolume()));
        } catch (...) {
            volumes.deleteAll(); // nothing half-made stays behind
            throw;
        }
    }
    if (plan.volume)
        out.volume = plan.volume->name;
    for (const NewVolumePlan &v : plan.extraVolumes)
        out.extraVolumes << v.name;
    const QByteArray xml = plan.domainXml.toUtf8();
    const DomainHandle dom(virDomainDefineXML(conn, xml.constData()));
    if (!dom) {
        const LibvirtError e = LibvirtError::fromLastError(ProvisioningSteps::definingVm());
        volumes.deleteAll();
        throw e;
    }
    char uuid[VIR_UUID_STRING_BUFLEN] = {};
    if (virDomainGetUUIDString(dom.get(), uuid) == 0)
        out.uuid = QString::fromLatin1(uuid);
    if (plan.start) {
        if (virDomainCreate(dom.get()) < 0) {
            // The issue asks that a failed Create leaves nothing behind, start included.
            const LibvirtError e = LibvirtError::fromLastError(ProvisioningSteps::startingVm());
            undefine(dom.get());
            volumes.deleteAll();
            throw e;
        }
        out.started = true;
    }
    return out;
}

QFuture<CreatedVm> createVm(HostSession *session, const CreateVmPlan &plan)
{
    return runOnWorker(session, [plan](virConnectPtr conn) { return createVm(conn, plan); });
}

// ---- attach-disk ----------------------------------------------------------------------

namespace {

struct DomainFacts
{
    QString arch;
    QString machine;
    QString type;
    QStringList targets;
};

DomainFacts readFacts(const QString &xml)
{
    DomainFacts f;
    QXmlStreamReader r(xml);
    int depth = 0;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement()) {
            ++depth;
            const auto a = r.attributes();
            if (depth == 1 && r.name() == "domain"_L1) {
                f.type = a.value("type"_L1).toString();
            } else if (r.name() == "type"_L1 && f.arch.isEmpty() && depth == 3) {
                f.arch = a.value("arch"_L1).toString();
                f.machine = a.value("machine"_L1).toString();
            } else if (r.name() == "target"_L1 && a.hasAttribute("dev"_L1) &&
                       a.hasAttribute("bus"_L1)) {
                f.targets << a.value("dev"_L1).toString();
            }
        } else if (r.isEndElement()) {
            --depth;
        }
    }
    return f;
}

QString domainXmlOf(virDomainPtr dom, unsigned int flags)
{
    char *xml = virDomainGetXMLDesc(dom, flags);
    if (!xml)
        throwLastLibvirtError(ProvisioningSteps::readingVm());
    return takeLibvirtString(xml);
}

QString freeVolumeName(virConnectPtr conn, const QString &pool, const QString &vm,
                       const QString &format)
{
    const QString ext = format == "raw"_L1 ? u".img"_s : u".qcow2"_s;
    const StoragePoolHandle p(virStoragePoolLookupByName(conn, pool.toUtf8().constData()));
    if (!p)
        throwLastLibvirtError(ProvisioningSteps::creatingVolume());
    QString name;
    for (int n = 1;; ++n) {
        name = vm + u"-disk"_s + QString::number(n) + ext;
        if (!StorageVolHandle(virStorageVolLookupByName(p.get(), name.toUtf8().constData())))
            break;
    }
    virResetLastError();
    return name;
}

/// Adds one device: virDomainAttachDeviceFlags, or, for a stopped VM on a driver that
/// cannot attach (the test driver), a redefinition with the device added.
/// Returns false with the error when it failed.
bool addDevice(virConnectPtr conn, virDomainPtr dom, const QString &deviceXml, unsigned int flags,
               bool running, const QString &step, std::optional<LibvirtError> *error)
{
    const QByteArray dev = deviceXml.toUtf8();
    if (virDomainAttachDeviceFlags(dom, dev.constData(), flags) == 0)
        return true;
    const virError *err = virGetLastError();
    if (!running && err && err->code == VIR_ERR_NO_SUPPORT) {
        virResetLastError();
        const QString inactive =
            takeLibvirtString(virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE));
        if (!inactive.isEmpty()) {
            const QString updated = DiskXmlBuilder::withDevice(inactive, deviceXml);
            if (DomainHandle(virDomainDefineXML(conn, updated.toUtf8().constData())))
                return true;
        }
    }
    *error = LibvirtError::fromLastError(step);
    return false;
}

} // namespace

AttachedDisk attachDisk(virConnectPtr conn, const AttachDiskSpec &spec)
{
    const DomainHandle domain(virDomainLookupByName(conn, spec.vmName.toUtf8().constData()));
    if (!domain)
        throwLastLibvirtError(ProvisioningSteps::readingVm());
    virDomainPtr dom = domain.get();

    const bool running = virDomainIsActive(dom) == 1;
    const bool persistent = virDomainIsPersistent(dom) == 1;
    const QString liveXml = domainXmlOf(dom, 0);
    const QString inactiveXml = persistent ? domainXmlOf(dom, VIR_DOMAIN_XML_INACTIVE) : liveXml;
    const DomainFacts facts = readFacts(inactiveXml);
    const arch::ArchModel *model = arch::ArchRegistry::instance().find(facts.arch);
    if (!model) {
        throw LibvirtError(ProvisioningSteps::attachingDisk(),
                           ProvisioningSteps::tr("Crossvirt does not know the architecture “%1”.")
                               .arg(facts.arch));
    }
    arch::GuestContext ctx;
    ctx.arch = facts.arch;
    ctx.machine = facts.machine;
    ctx.virtType = arch::virtTypeFromName(facts.type).value_or(arch::VirtType::Kvm);
    ctx.running = running;
    const arch::ChoiceList interfaces = model->diskInterfaces(ctx);
    if (!interfaces.offers(spec.interfaceId)) {
        const QString reason = interfaces.reasonFor(spec.interfaceId);
        throw LibvirtError(
            ProvisioningSteps::attachingDisk(),
            reason.isEmpty() ? ProvisioningSteps::tr("“%1” is not a disk interface for %2 guests.")
                                   .arg(spec.interfaceId, facts.arch)
                             : reason);
    }

    AttachedDisk out;
    out.pool = spec.pool;
    out.volume = spec.volume.isEmpty() ? freeVolumeName(conn, spec.pool, spec.vmName, spec.format)
                                       : spec.volume;
    const DiskAttachPlan plan = DiskXmlBuilder::plan(liveXml, *model, spec.interfaceId, spec.pool,
                                                     out.volume, spec.format, facts.targets);
    if (!plan.error.isEmpty())
        throw LibvirtError(ProvisioningSteps::attachingDisk(), plan.error);
    out.targetDev = plan.targetDev;
    out.bus = plan.bus;
    out.live = running;

    NewVolumePlan v;
    v.pool = spec.pool;
    v.name = out.volume;
    v.capacityBytes = quint64(qMax<qint64>(spec.sizeGiB, 0)) << 30;
    v.xml = DomainXmlBuilder::volumeXml(v.name, spec.sizeGiB, spec.format);
    StorageVolHandle vol = createVolume(conn, v, ProvisioningSteps::creatingVolume());

    unsigned int flags = 0;
    if (running)
        flags |= VIR_DOMAIN_AFFECT_LIVE;
    if (persistent)
        flags |= VIR_DOMAIN_AFFECT_CONFIG;
    std::optional<LibvirtError> error;
    auto rollback = [&] {
        // Put the definition back as it was (drops a controller added for this disk).
        if (out.controllerAdded) {
            virDomainDetachDeviceFlags(dom, plan.controllerXml.toUtf8().constData(), flags);
            if (persistent && !running)
                DomainHandle(virDomainDefineXML(conn, inactiveXml.toUtf8().constData()));
        }
        deleteVolume(vol);
    };
    if (!plan.controllerXml.isEmpty()) {
        if (!addDevice(conn, dom, plan.controllerXml, flags, running,
                       ProvisioningSteps::addingController(), &error)) {
            rollback();
            throw *error;
        }
        out.controllerAdded = true;
    }
    if (!addDevice(conn, dom, plan.diskXml, flags, running, ProvisioningSteps::attachingDisk(),
                   &error)) {
        rollback();
        throw *error;
    }
    return out;
}

QFuture<AttachedDisk> attachDisk(HostSession *session, const AttachDiskSpec &spec)
{
    return runOnWorker(session, [spec](virConnectPtr conn) { return attachDisk(conn, spec); });
}

} // namespace crossvirt::models
