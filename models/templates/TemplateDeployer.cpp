// TemplateDeployer: a new VM from an ok() FromTemplatePlan, as chained jobs on the target
// host's worker (overlays, define, start) with VolumeCopy for full copies in between. Every
// volume it makes is recorded as soon as it exists, so cancel or a failure at any step
// deletes exactly those (and the job that defines the VM undefines it again when its start
// fails).

#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "models/connection/LibvirtError.h"
#include "models/connection/WorkerJobs.h"
#include "models/templates/VmTemplates.h"
#include "models/templates/VmTemplatesInternal.h"
#include "models/transfer/VolumeCopy.h"
#include "models/vmedit/VmXmlDom.h"

#include <QLocale>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

using namespace Qt::StringLiterals;

namespace crossvirt::models {

/// A volume the deployment made.
struct MadeVolume
{
    int disk = -1; ///< index into FromTemplatePlan::disks
    QString pool;
    QString volume;
    QString path;
};

struct TemplateDeployShared
{
    FromTemplatePlan plan;
    QList<MadeVolume> made; ///< GUI thread only
    bool cancelled = false;
    bool finished = false;
    QPointer<VolumeCopy> copy;
};

namespace {

QString makingOverlay(const QString &volume)
{
    return TemplateText::tr("Creating overlay %1").arg(volume);
}

/// Deletes every volume in `made` (by pool and name). Returns the paths that could not be
/// deleted. Worker thread.
QStringList deleteVolumes(virConnectPtr conn, const QList<MadeVolume> &made)
{
    QStringList left;
    for (const MadeVolume &v : made) {
        const StoragePoolHandle pool(virStoragePoolLookupByName(conn, v.pool.toUtf8().constData()));
        const StorageVolHandle vol(
            pool ? virStorageVolLookupByName(pool.get(), v.volume.toUtf8().constData()) : nullptr);
        if (!vol || virStorageVolDelete(vol.get(), 0) < 0)
            left << (v.path.isEmpty() ? v.pool + u'/' + v.volume : v.path);
        virResetLastError();
    }
    return left;
}

/// Creates the plan's overlays; on a failure deletes the ones it made and throws.
QList<MadeVolume> createOverlays(virConnectPtr conn, const FromTemplatePlan &plan)
{
    QList<MadeVolume> made;
    for (int i = 0; i < plan.disks.size(); ++i) {
        const FromTemplateDisk &d = plan.disks.at(i);
        if (d.copy)
            continue;
        const QString step = makingOverlay(d.volume);
        const StoragePoolHandle pool(virStoragePoolLookupByName(conn, d.pool.toUtf8().constData()));
        if (!pool) {
            const LibvirtError e = LibvirtError::fromLastError(step);
            deleteVolumes(conn, made);
            throw e;
        }
        // The base must still be there: an overlay on a missing file cannot be opened.
        if (!StorageVolHandle(virStorageVolLookupByPath(conn, d.base.path.toUtf8().constData()))) {
            virResetLastError();
            deleteVolumes(conn, made);
            throw LibvirtError(step, TemplateText::tr("the template's base volume %1 no longer "
                                                      "exists")
                                         .arg(d.base.path));
        }
        const StorageVolHandle vol(
            virStorageVolCreateXML(pool.get(), d.volumeXml.toUtf8().constData(), 0));
        if (!vol) {
            const LibvirtError e = LibvirtError::fromLastError(step);
            deleteVolumes(conn, made);
            throw e;
        }
        MadeVolume m{i, d.pool, d.volume, {}};
        if (char *path = virStorageVolGetPath(vol.get()))
            m.path = takeLibvirtString(path);
        made << m;
    }
    return made;
}

/// Defines the VM on its new volumes' paths and starts it when asked; a failed start
/// undefines it again. Throws LibvirtError naming the step.
DeployedVm defineVm(virConnectPtr conn, const QString &uri, const FromTemplatePlan &plan,
                    const QList<MadeVolume> &made)
{
    const QString defining = TemplateText::tr("Defining %1").arg(plan.request.name);
    QDomDocument doc = vmxml::parse(plan.domainXml);
    const QDomElement devices = doc.documentElement().firstChildElement(u"devices"_s);
    for (const MadeVolume &m : made) {
        const QString target = plan.disks.at(m.disk).base.target;
        for (QDomElement e = devices.firstChildElement(u"disk"_s); !e.isNull();
             e = e.nextSiblingElement(u"disk"_s)) {
            if (e.firstChildElement(u"target"_s).attribute(u"dev"_s) == target)
                vmxml::ensureChild(e, u"source"_s).setAttribute(u"file"_s, m.path);
        }
    }
    DomainHandle dom;
    if (!defineValidated(conn, vmxml::toString(doc), &dom))
        throwLastLibvirtError(defining);
    DeployedVm vm;
    vm.uri = uri;
    vm.name = plan.request.name;
    char uuid[VIR_UUID_STRING_BUFLEN] = {};
    virDomainGetUUIDString(dom.get(), uuid);
    vm.uuid = QString::fromLatin1(uuid);
    for (const MadeVolume &m : made)
        vm.volumes << m.path;
    if (plan.request.start) {
        if (virDomainCreate(dom.get()) < 0) {
            const LibvirtError e =
                LibvirtError::fromLastError(TemplateText::tr("Starting %1").arg(vm.name));
            virDomainUndefineFlags(dom.get(), VIR_DOMAIN_UNDEFINE_NVRAM);
            virResetLastError();
            throw e;
        }
        vm.started = true;
    }
    return vm;
}

/// Stops (when running) and undefines the VM `uuid`. Worker thread.
void removeVm(virConnectPtr conn, const QString &uuid)
{
    const DomainHandle dom(virDomainLookupByUUIDString(conn, uuid.toUtf8().constData()));
    if (!dom)
        throwLastLibvirtError(TemplateText::tr("Removing the new VM"));
    if (virDomainIsActive(dom.get()) == 1)
        virDomainDestroy(dom.get());
    if (virDomainUndefineFlags(dom.get(), VIR_DOMAIN_UNDEFINE_NVRAM) < 0 &&
        virDomainUndefine(dom.get()) < 0)
        throwLastLibvirtError(TemplateText::tr("Removing the new VM"));
    virResetLastError();
}

void emitStep(TemplateDeployer *d, const QString &step, quint64 done = 0, quint64 total = 0)
{
    emit d->progress(DeployProgress{step, done, total});
}

} // namespace

// The steps, on the GUI thread; each checks for a cancel before it starts the next.
struct TemplateDeployFlow
{
    static void overlays(TemplateDeployer *d, HostSession *source, HostSession *target,
                         std::shared_ptr<TemplateDeployShared> s)
    {
        bool any = false;
        for (const FromTemplateDisk &disk : std::as_const(s->plan.disks))
            any = any || !disk.copy;
        if (!any) {
            copies(d, source, target, s, 0);
            return;
        }
        for (const FromTemplateDisk &disk : std::as_const(s->plan.disks)) {
            if (!disk.copy) {
                emitStep(d, makingOverlay(disk.volume));
                break;
            }
        }
        QPointer<HostSession> src(source), tgt(target);
        whenFinished(
            runOnWorker(target, [plan = s->plan](
                                    virConnectPtr conn) { return createOverlays(conn, plan); }),
            d,
            [d, src, tgt, s](const QList<MadeVolume> &made) {
                s->made << made;
                if (s->cancelled)
                    return fail(d, tgt, s, TemplateText::tr("Cancelled"), true);
                copies(d, src, tgt, s, 0);
            },
            [d, tgt, s](const QString &error) { fail(d, tgt, s, error, s->cancelled); });
    }

    static void copies(TemplateDeployer *d, HostSession *source, HostSession *target,
                       std::shared_ptr<TemplateDeployShared> s, int from)
    {
        int i = from;
        while (i < s->plan.disks.size() && !s->plan.disks.at(i).copy)
            ++i;
        if (i >= s->plan.disks.size()) {
            define(d, target, s);
            return;
        }
        if (!source || !target)
            return fail(d, target, s, TemplateText::tr("The host was closed"), false);
        const FromTemplateDisk &disk = s->plan.disks.at(i);
        auto *copy = new VolumeCopy(source, target, d);
        s->copy = copy;
        const QString step = TemplateText::tr("Copying %1").arg(disk.volume);
        emitStep(d, step, 0, disk.bytes);
        QPointer<HostSession> src(source), tgt(target);
        QObject::connect(copy, &VolumeCopy::progress, d, [d, step](const TransferProgress &p) {
            emitStep(d, step, p.bytesDone, p.bytesTotal);
        });
        QObject::connect(copy, &VolumeCopy::finished, d,
                         [d, src, tgt, s, copy, i](const VolumeCopyResult &r) {
                             copy->deleteLater();
                             s->made << MadeVolume{i, r.pool, r.volume, r.path};
                             if (s->cancelled)
                                 return fail(d, tgt, s, TemplateText::tr("Cancelled"), true);
                             copies(d, src, tgt, s, i + 1);
                         });
        QObject::connect(copy, &VolumeCopy::failed, d,
                         [d, tgt, s, copy](TransferFailure kind, const QString &message) {
                             copy->deleteLater();
                             fail(d, tgt, s, message, kind == TransferFailure::Cancelled);
                         });
        VolumeCopyRequest request;
        request.sourcePool = disk.base.pool;
        request.sourceVolume = disk.base.volume;
        request.targetPool = disk.pool;
        request.targetVolume = disk.volume;
        request.targetVolumeXml = disk.volumeXml;
        copy->start(request);
    }

    static void define(TemplateDeployer *d, HostSession *target,
                       std::shared_ptr<TemplateDeployShared> s)
    {
        if (s->cancelled)
            return fail(d, target, s, TemplateText::tr("Cancelled"), true);
        if (!target)
            return fail(d, target, s, TemplateText::tr("The host was closed"), false);
        emitStep(d, TemplateText::tr("Defining %1").arg(s->plan.request.name));
        QPointer<HostSession> tgt(target);
        whenFinished(
            runOnWorker(target,
                        [plan = s->plan, made = s->made, uri = target->uri()](virConnectPtr conn) {
                            return defineVm(conn, uri, plan, made);
                        }),
            d,
            [d, tgt, s](const DeployedVm &vm) {
                if (s->cancelled && tgt) {
                    // Cancelled while it was being defined: take the VM back out.
                    whenFinished(
                        runOnWorker(tgt.data(),
                                    [uuid = vm.uuid](virConnectPtr conn) { removeVm(conn, uuid); }),
                        d, [d, tgt, s] { fail(d, tgt, s, TemplateText::tr("Cancelled"), true); },
                        [d, tgt, s](const QString &error) { fail(d, tgt, s, error, true); });
                    return;
                }
                s->finished = true;
                s->made.clear(); // the VM's now
                d->m_running = false;
                emit d->finished(vm);
            },
            [d, tgt, s](const QString &error) { fail(d, tgt, s, error, false); });
    }

    static void fail(TemplateDeployer *d, HostSession *target,
                     std::shared_ptr<TemplateDeployShared> s, const QString &message,
                     bool cancelled)
    {
        if (s->finished)
            return;
        s->finished = true;
        const QList<MadeVolume> made = std::exchange(s->made, {});
        if (made.isEmpty() || !target) {
            d->m_running = false;
            emit d->failed(message, cancelled);
            return;
        }
        emitStep(d, TemplateText::tr("Removing the volumes made so far"));
        whenFinished(
            runOnWorker(target, [made](virConnectPtr conn) { return deleteVolumes(conn, made); }),
            d,
            [d, message, cancelled](const QStringList &left) {
                d->m_running = false;
                QString text = message;
                if (!left.isEmpty())
                    text += u"\n"_s + TemplateText::tr("These volumes could not be removed: %1")
                                          .arg(left.join(u", "_s));
                emit d->failed(text, cancelled);
            },
            [d, message, cancelled](const QString &error) {
                d->m_running = false;
                emit d->failed(message + u"\n"_s + error, cancelled);
            });
    }
};

TemplateDeployer::TemplateDeployer(HostSession *templateHost, HostSession *targetHost,
                                   QObject *parent)
    : QObject(parent), m_templateHost(templateHost), m_targetHost(targetHost)
{}

TemplateDeployer::~TemplateDeployer()
{
    if (!m_shared || m_shared->finished)
        return;
    m_shared->cancelled = true;
    m_shared->finished = true;
    // Nobody waits for the result any more: still remove what was made.
    if (m_targetHost && !m_shared->made.isEmpty()) {
        runOnWorker(m_targetHost.data(),
                    [made = m_shared->made](virConnectPtr conn) { deleteVolumes(conn, made); });
    }
}

void TemplateDeployer::start(const FromTemplatePlan &plan)
{
    if (m_running)
        return;
    m_running = true;
    m_shared = std::make_shared<TemplateDeployShared>();
    m_shared->plan = plan;
    if (!plan.ok()) {
        TemplateDeployFlow::fail(this, m_targetHost, m_shared, plan.problems.join(u"\n"_s), false);
        return;
    }
    if (!m_targetHost || !m_templateHost) {
        TemplateDeployFlow::fail(this, m_targetHost, m_shared,
                                 TemplateText::tr("The host was closed"), false);
        return;
    }
    TemplateDeployFlow::overlays(this, m_templateHost, m_targetHost, m_shared);
}

void TemplateDeployer::cancel()
{
    if (!m_running || !m_shared)
        return;
    m_shared->cancelled = true;
    if (m_shared->copy)
        m_shared->copy->cancel(); // its failed(Cancelled) removes what was made
}

} // namespace crossvirt::models
