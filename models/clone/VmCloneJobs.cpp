// The clone jobs: the source read on the host's worker, and VmCloner's run on a thread of
// its own (the NVRAM through a storage pool, volumes one by one, then the definition).
#include "models/clone/VmClone.h"

#include "models/connection/LibvirtError.h"
#include "models/connection/VolumeUsers.h"
#include "models/connection/WorkerJobs.h"
#include "models/inventory/DomainXml.h"
#include "models/provisioning/ProvisioningWorker.h"
#include "models/storage/StorageTypes.h"
#include "models/transfer/TransferSupport.h"
#include "models/vmedit/VmEditWorker.h"
#include "models/vmedit/VmXmlDom.h"

#include <QFileInfo>
#include <QUrl>
#include <QUuid>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>
#include <libvirt/virterror.h>

#include <vector>

namespace crossvirt::models {

using namespace Qt::StringLiterals;
using transfer::sizeText;

namespace {

QByteArray utf8(const QString &s)
{
    return s.toUtf8();
}

struct NvramRef
{
    QString path;
    QString templatePath;
};

// <os><nvram template='...'>PATH</nvram>, or <nvram><source file='PATH'/></nvram>.
NvramRef readNvram(const QString &domainXml)
{
    NvramRef n;
    const QDomDocument doc = vmxml::parse(domainXml);
    const QDomElement nvram =
        doc.documentElement().firstChildElement(u"os"_s).firstChildElement(u"nvram"_s);
    if (nvram.isNull())
        return n;
    n.templatePath = nvram.attribute(u"template"_s);
    const QDomElement source = nvram.firstChildElement(u"source"_s);
    n.path = source.isNull() ? nvram.text().trimmed() : source.attribute(u"file"_s);
    return n;
}

// libvirt before 9.2 keeps a firmware='efi' (autoselected) guest's NVRAM out of its
// persistent definition: the file is <nvram dir>/<name>_VARS.fd, named in the live XML
// only. On a qemu:///system host (the default nvram dir) that file, when it exists; the
// clone's copy then goes to the path libvirt derives for the clone's name.
QString autoselectedNvramPath(virConnectPtr conn, const QString &uri, const QString &name,
                              const QString &domainXml)
{
    const QDomDocument doc = vmxml::parse(domainXml);
    const QDomElement os = doc.documentElement().firstChildElement(u"os"_s);
    if (os.attribute(u"firmware"_s) != u"efi"_s || !QUrl(uri).path().endsWith(u"/system"_s))
        return {};
    const QString dir = u"/var/lib/libvirt/qemu/nvram"_s;
    const QString path = dir + u'/' + name + u"_VARS.fd"_s;
    bool exists =
        StorageVolHandle(virStorageVolLookupByPath(conn, utf8(path).constData())) != nullptr;
    if (!exists) {
        // No pool covers the folder: a transient one, gone again when destroyed.
        const QString xml = u"<pool type='dir'><name>crossvirt-nvram-%1</name><target><path>"
                            u"%2</path></target></pool>"_s.arg(
                                QUuid::createUuid().toString(QUuid::Id128).left(12), dir);
        if (StoragePoolHandle pool{virStoragePoolCreateXML(conn, utf8(xml).constData(), 0)}) {
            exists = StorageVolHandle(virStorageVolLookupByName(
                         pool.get(), utf8(name + u"_VARS.fd"_s).constData())) != nullptr;
            virStoragePoolDestroy(pool.get());
        }
    }
    virResetLastError();
    return exists ? path : QString();
}

QStringList macsOf(virDomainPtr dom)
{
    QStringList macs;
    for (const unsigned flags : {0u, unsigned(VIR_DOMAIN_XML_INACTIVE)}) {
        const LibvirtString xml(virDomainGetXMLDesc(dom, flags));
        if (!xml)
            continue;
        for (const NicInfo &nic : parseDomainDetails(QByteArray(xml.get())).nics) {
            if (!nic.mac.isEmpty() && !macs.contains(nic.mac.toLower()))
                macs << nic.mac.toLower();
        }
    }
    virResetLastError(); // a transient domain has no inactive XML
    return macs;
}

CloneDiskSource readDisk(virConnectPtr conn, const DiskInfo &disk)
{
    CloneDiskSource d;
    d.target = disk.target;
    d.device = disk.device;
    d.path = disk.source;
    d.format = disk.format;
    d.readOnly = disk.readOnly;
    d.shareable = disk.shareable;
    if (disk.source.isEmpty() || disk.type == "network"_L1)
        return d;
    const StorageVolHandle vol = findVolume(conn, disk.source);
    if (!vol)
        return d;
    if (const QString path = takeLibvirtString(virStorageVolGetPath(vol.get())); !path.isEmpty())
        d.path = path;
    if (const StoragePoolHandle pool(virStoragePoolLookupByVolume(vol.get())); pool)
        d.pool = QString::fromUtf8(virStoragePoolGetName(pool.get()));
    d.volume = QString::fromUtf8(virStorageVolGetName(vol.get()));
    if (const std::optional<transfer::VolumeFacts> facts = transfer::readVolumeFacts(vol.get())) {
        if (!facts->format.isEmpty())
            d.format = facts->format;
        d.capacity = facts->capacity;
        d.allocation = facts->allocation;
        d.hasBackingStore = !facts->backingPath.isEmpty();
    }
    virResetLastError();
    return d;
}

CloneSource readCloneSource(virConnectPtr conn, const QString &uri, const QString &uuid)
{
    const QString context = ClonePlan::tr("Reading the virtual machine to clone");
    const DomainHandle dom(virDomainLookupByUUIDString(conn, utf8(uuid).constData()));
    if (!dom)
        throwLastLibvirtError(context);
    CloneSource s;
    s.uri = uri;
    s.uuid = uuid;
    s.name = QString::fromUtf8(virDomainGetName(dom.get()));
    s.running = virDomainIsActive(dom.get()) == 1;
    s.inactiveXml = takeLibvirtString(virDomainGetXMLDesc(dom.get(), VIR_DOMAIN_XML_INACTIVE));
    if (s.inactiveXml.isEmpty())
        throwLastLibvirtError(context);
    for (const DiskInfo &disk : parseDomainDetails(utf8(s.inactiveXml)).disks)
        s.disks << readDisk(conn, disk);
    const NvramRef nvram = readNvram(s.inactiveXml);
    s.nvramPath = nvram.path;
    s.nvramTemplate = nvram.templatePath;
    if (s.nvramPath.isEmpty())
        s.nvramPath = autoselectedNvramPath(conn, uri, s.name, s.inactiveXml);

    virDomainPtr *doms = nullptr;
    const int nd = virConnectListAllDomains(conn, &doms, 0);
    if (nd < 0)
        throwLastLibvirtError(context);
    for (const DomainHandle &other : takeLibvirtArray<DomainHandle>(doms, nd)) {
        s.otherVmNames << QString::fromUtf8(virDomainGetName(other.get()));
        s.usedMacs << macsOf(other.get());
    }

    virStoragePoolPtr *pools = nullptr;
    const int np =
        virConnectListAllStoragePools(conn, &pools, VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE);
    if (np < 0)
        throwLastLibvirtError(context);
    for (const StoragePoolHandle &pool : takeLibvirtArray<StoragePoolHandle>(pools, np)) {
        const PoolContents contents = readPool(pool.get());
        s.poolVolumes.insert(contents.info.name, contents.volumeNames());
        s.poolAvailable.insert(contents.info.name, contents.info.available);
    }
    virResetLastError();
    return s;
}

} // namespace

QFuture<CloneSource> loadCloneSource(HostSession *session, const QString &uuid)
{
    return runOnWorker(session, [uuid, uri = session->uri()](virConnectPtr conn) {
        return readCloneSource(conn, uri, uuid);
    });
}

QString CloneProgress::text() const
{
    if (volume.isEmpty())
        return step;
    return VmCloner::tr("Copying %1 (%2 of %3): %4 of %5")
        .arg(volume)
        .arg(copyNumber)
        .arg(diskCount)
        .arg(sizeText(diskDone), sizeText(diskTotal));
}

// ---- VmCloner ----------------------------------------------------------------------------

/// Shared by the VmCloner (GUI thread) and its thread.
struct VmClonerShared : transfer::ReportTarget<VmCloner>
{
};

namespace {

/// A failed step: the message already names it.
struct CloneFailure
{
    QString message;
    bool cancelled = false;
};

/// A storage pool over the NVRAM's folder: an active one found, or a transient dir pool
/// made for the clone and destroyed (so gone) when done.
class NvramPool
{
public:
    NvramPool(virConnectPtr conn, const QString &dir, const QString &step)
    {
        virStoragePoolPtr *raw = nullptr;
        const int n =
            virConnectListAllStoragePools(conn, &raw, VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE);
        for (StoragePoolHandle &pool : takeLibvirtArray<StoragePoolHandle>(raw, n)) {
            PoolInfo info;
            readPoolXml(QByteArray(LibvirtString(virStoragePoolGetXMLDesc(pool.get(), 0)).get()),
                        info);
            if (!m_pool &&
                QFileInfo(info.path).absoluteFilePath() == QFileInfo(dir).absoluteFilePath())
                m_pool = std::move(pool);
        }
        virResetLastError();
        if (!m_pool) {
            QString xml;
            QXmlStreamWriter w(&xml);
            w.writeStartElement(u"pool"_s);
            w.writeAttribute(u"type"_s, u"dir"_s);
            w.writeTextElement(u"name"_s, u"crossvirt-nvram-"_s +
                                              QUuid::createUuid().toString(QUuid::Id128).left(12));
            w.writeStartElement(u"target"_s);
            w.writeTextElement(u"path"_s, dir);
            w.writeEndElement();
            w.writeEndElement();
            m_pool.reset(virStoragePoolCreateXML(conn, utf8(xml).constData(), 0));
            if (!m_pool)
                throw CloneFailure{LibvirtError::fromLastError(step).text()};
            m_transient = true;
        }
        virStoragePoolRefresh(m_pool.get(), 0);
        virResetLastError();
    }
    ~NvramPool()
    {
        if (m_transient) {
            virStoragePoolDestroy(m_pool.get());
            virResetLastError();
        }
    }
    NvramPool(const NvramPool &) = delete;
    NvramPool &operator=(const NvramPool &) = delete;

    virStoragePoolPtr get() const { return m_pool.get(); }

private:
    StoragePoolHandle m_pool;
    bool m_transient = false;
};

/// Where a new volume ended up.
struct NewVolume
{
    StorageVolHandle vol;
    QString path;
    bool block = false;
};

/// One clone, on its own thread.
class CloneRun
{
public:
    CloneRun(virConnectPtr conn, QString uri, ClonePlan plan,
             std::shared_ptr<VmClonerShared> shared, int chunkDelayMs)
        : m_conn(conn), m_uri(std::move(uri)), m_plan(std::move(plan)), m_shared(std::move(shared)),
          m_chunkDelayMs(chunkDelayMs)
    {}

    CloneResult run()
    {
        try {
            return runSteps();
        } catch (CloneFailure &f) {
            const QStringList left = cleanUp();
            QString message;
            if (f.cancelled)
                message = VmCloner::tr("The clone of “%1” was cancelled.").arg(m_plan.sourceName);
            else
                message = VmCloner::tr("Could not clone “%1” as “%2”: %3")
                              .arg(m_plan.sourceName, m_plan.newName, f.message);
            message +=
                u"\n"_s + (left.isEmpty()
                               ? VmCloner::tr("Nothing was left behind.")
                               : VmCloner::tr("Could not remove: %1").arg(left.join(u"; "_s)));
            f.message = message;
            throw;
        }
    }

private:
    bool cancelled() const { return m_shared->cancel.load(); }
    void checkCancel()
    {
        if (cancelled())
            throw CloneFailure{{}, true};
    }
    [[noreturn]] static void failLibvirt(const QString &step)
    {
        const LibvirtError e = LibvirtError::fromLastError(step);
        virResetLastError();
        throw CloneFailure{e.text()};
    }
    void report(const CloneProgress &p)
    {
        m_shared->post([p](VmCloner *c) { emit c->progress(p); });
    }
    void reportStep(const QString &step)
    {
        CloneProgress p;
        p.diskCount = m_copyCount;
        p.allDone = m_doneBytes;
        p.allTotal = m_plan.bytesToCopy();
        p.step = step;
        report(p);
    }

    CloneResult runSteps()
    {
        for (const CloneDiskPlan &d : std::as_const(m_plan.disks))
            m_copyCount += d.mode == CloneDiskMode::Copy ? 1 : 0;

        const QString checking = VmCloner::tr("Checking “%1”").arg(m_plan.sourceName);
        reportStep(checking);
        const DomainHandle source(
            virDomainLookupByUUIDString(m_conn, utf8(m_plan.sourceUuid).constData()));
        if (!source)
            failLibvirt(checking);
        if (virDomainIsActive(source.get()) == 1) {
            throw CloneFailure{
                VmCloner::tr("“%1” is running now: shut it down first.").arg(m_plan.sourceName)};
        }
        if (DomainHandle(virDomainLookupByName(m_conn, utf8(m_plan.newName).constData()))) {
            throw CloneFailure{
                VmCloner::tr("a virtual machine named “%1” exists now.").arg(m_plan.newName)};
        }
        virResetLastError();

        // The NVRAM first: small and quick; a cancel during the disk copies removes it again.
        copyNvram();
        QMap<QString, int> byTarget; // disk target -> index into m_created
        int copyNumber = 0;
        for (int i = 0; i < m_plan.disks.size(); ++i) {
            const CloneDiskPlan &d = m_plan.disks.at(i);
            checkCancel();
            if (d.mode == CloneDiskMode::NewEmpty) {
                createEmpty(d);
            } else if (d.mode == CloneDiskMode::Copy) {
                copy(i, ++copyNumber, d);
            } else {
                continue;
            }
            byTarget.insert(d.source.target, int(m_created.size()) - 1);
        }
        checkCancel();

        const QString defining = VmCloner::tr("Defining “%1”").arg(m_plan.newName);
        reportStep(defining);
        const QString xml = withNewDisks(byTarget);
        const DomainHandle dom = defineDomainXml(m_conn, xml, true);
        if (!dom)
            failLibvirt(defining);
        CloneResult r;
        r.uri = m_uri;
        char uuid[VIR_UUID_STRING_BUFLEN] = {};
        if (virDomainGetUUIDString(dom.get(), uuid) == 0)
            r.uuid = QString::fromLatin1(uuid);
        r.name = m_plan.newName;
        for (const NewVolume &v : m_created) {
            if (m_nvramVolume && &v == &m_created.front())
                r.nvramPath = v.path;
            else
                r.newVolumes << v.path;
        }
        return r;
    }

    void remember(StorageVolHandle vol)
    {
        NewVolume v;
        v.path = takeLibvirtString(virStorageVolGetPath(vol.get()));
        virStorageVolInfo info{};
        v.block = virStorageVolGetInfo(vol.get(), &info) == 0 && info.type == VIR_STORAGE_VOL_BLOCK;
        virResetLastError();
        v.vol = std::move(vol);
        m_created.push_back(std::move(v));
    }

    void createEmpty(const CloneDiskPlan &d)
    {
        const QString step = VmCloner::tr("Creating %1 in pool “%2”").arg(d.newVolume, d.newPool);
        reportStep(step);
        StoragePoolHandle pool;
        try {
            pool = transfer::activePool(m_conn, d.newPool, step);
        } catch (const transfer::TransferError &e) {
            throw CloneFailure{e.message};
        }
        StorageVolHandle vol(
            virStorageVolCreateXML(pool.get(), utf8(d.newVolumeXml).constData(), 0));
        if (!vol)
            failLibvirt(step);
        remember(std::move(vol));
    }

    void copy(int index, int number, const CloneDiskPlan &d)
    {
        VolumeCopyRequest request;
        request.sourcePool = d.source.pool;
        request.sourceVolume = d.source.volume;
        request.targetPool = d.newPool;
        request.targetVolume = d.newVolume;
        request.targetVolumeXml = d.newVolumeXml;
        transfer::CopyControl control;
        control.cancel = &m_shared->cancel;
        control.chunkDelayMs = m_chunkDelayMs;
        const quint64 allTotal = m_plan.bytesToCopy();
        const quint64 before = m_doneBytes;
        CloneProgress p;
        p.disk = index;
        p.diskCount = m_copyCount;
        p.copyNumber = number;
        p.volume = d.newVolume;
        p.allDone = before;
        p.allTotal = allTotal;
        p.diskTotal = d.bytes;
        report(p);
        control.progress = [this, p, before, &d](const TransferProgress &t) mutable {
            p.diskDone = t.bytesDone;
            p.diskTotal = t.bytesTotal;
            // The stream counts holes too; the overall bar is in the plan's bytes.
            const double share = t.bytesTotal > 0 ? double(t.bytesDone) / double(t.bytesTotal) : 0;
            p.allDone = before + quint64(share * double(d.bytes));
            report(p);
        };
        const transfer::CopyHost host{m_conn, m_uri};
        try {
            const VolumeCopyResult result = transfer::copyVolume(host, host, request, control);
            StorageVolHandle vol(virStorageVolLookupByPath(m_conn, utf8(result.path).constData()));
            if (!vol) {
                const StoragePoolHandle pool(
                    virStoragePoolLookupByName(m_conn, utf8(d.newPool).constData()));
                if (pool)
                    vol.reset(virStorageVolLookupByName(pool.get(), utf8(d.newVolume).constData()));
            }
            if (!vol)
                failLibvirt(VmCloner::tr("Copying %1").arg(d.newVolume));
            remember(std::move(vol));
        } catch (const transfer::TransferError &e) {
            throw CloneFailure{e.message, e.kind == TransferFailure::Cancelled};
        }
        m_doneBytes = before + d.bytes;
    }

    // The NVRAM file, copied through a storage pool over its folder (virt-manager's way:
    // it works on a remote host too). A source that never booted has no file yet: libvirt
    // makes the clone's from the template at its first start.
    void copyNvram()
    {
        if (m_plan.nvramSource.isEmpty() || m_plan.nvramTarget.isEmpty())
            return;
        const QString step =
            VmCloner::tr("Copying the UEFI variables to %1").arg(m_plan.nvramTarget);
        reportStep(VmCloner::tr("Copying the UEFI variables"));
        m_nvramPool =
            std::make_unique<NvramPool>(m_conn, QFileInfo(m_plan.nvramSource).path(), step);
        const StorageVolHandle source(virStorageVolLookupByName(
            m_nvramPool->get(), utf8(QFileInfo(m_plan.nvramSource).fileName()).constData()));
        virResetLastError();
        if (!source)
            return;
        const QString name = QFileInfo(m_plan.nvramTarget).fileName();
        if (StorageVolHandle(virStorageVolLookupByName(m_nvramPool->get(), utf8(name).constData())))
            throw CloneFailure{step + u": "_s + VmCloner::tr("the file exists already")};
        virResetLastError();
        const std::optional<transfer::VolumeFacts> facts = transfer::readVolumeFacts(source.get());
        if (!facts)
            failLibvirt(step);
        VolumeSpec spec;
        spec.name = name;
        spec.format = u"raw"_s;
        spec.capacity = facts->capacity;
        StorageVolHandle vol(virStorageVolCreateXMLFrom(
            m_nvramPool->get(), utf8(volumeXml(spec)).constData(), source.get(), 0));
        if (!vol)
            failLibvirt(step);
        remember(std::move(vol));
        m_nvramVolume = true;
    }

    // The plan's XML with the new volumes behind the Copy and NewEmpty disks.
    QString withNewDisks(const QMap<QString, int> &byTarget) const
    {
        QDomDocument doc = vmxml::parse(m_plan.domainXml);
        QDomElement devices = doc.documentElement().firstChildElement(u"devices"_s);
        QMap<QString, const CloneDiskPlan *> plans;
        for (const CloneDiskPlan &d : m_plan.disks)
            plans.insert(d.source.target, &d);
        for (QDomElement disk = devices.firstChildElement(u"disk"_s); !disk.isNull();
             disk = disk.nextSiblingElement(u"disk"_s)) {
            const QString target = disk.firstChildElement(u"target"_s).attribute(u"dev"_s);
            if (!byTarget.contains(target))
                continue;
            const NewVolume &v = m_created.at(size_t(byTarget.value(target)));
            const CloneDiskPlan *d = plans.value(target);
            // The <source> keeps its children (seclabel, ...): only where it points changes.
            QDomElement source = disk.firstChildElement(u"source"_s);
            if (source.isNull()) {
                source = doc.createElement(u"source"_s);
                disk.insertBefore(source, disk.firstChildElement(u"target"_s));
            }
            for (const QString &attr : {u"file"_s, u"dev"_s, u"pool"_s, u"volume"_s, u"mode"_s})
                source.removeAttribute(attr);
            if (disk.attribute(u"type"_s) == "volume"_L1) {
                source.setAttribute(u"pool"_s, d->newPool);
                source.setAttribute(u"volume"_s, d->newVolume);
            } else if (v.block) {
                disk.setAttribute(u"type"_s, u"block"_s);
                source.setAttribute(u"dev"_s, v.path);
            } else {
                disk.setAttribute(u"type"_s, u"file"_s);
                source.setAttribute(u"file"_s, v.path);
            }
            if (d->mode == CloneDiskMode::NewEmpty)
                vmxml::removeChildren(disk, u"backingStore"_s);
        }
        return vmxml::toString(doc);
    }

    // Deletes what was made, newest first; what could not be removed, in words.
    QStringList cleanUp()
    {
        QStringList left;
        while (!m_created.empty()) {
            NewVolume &v = m_created.back();
            if (virStorageVolDelete(v.vol.get(), 0) != 0) {
                left << u"%1 (%2)"_s.arg(v.path, LibvirtError::fromLastError({}).message());
                virResetLastError();
            }
            m_created.pop_back();
        }
        m_nvramPool.reset();
        return left;
    }

    virConnectPtr m_conn;
    QString m_uri;
    ClonePlan m_plan;
    std::shared_ptr<VmClonerShared> m_shared;
    int m_chunkDelayMs = 0;
    int m_copyCount = 0;
    quint64 m_doneBytes = 0;
    std::unique_ptr<NvramPool> m_nvramPool; // outlives the volumes made in it
    std::vector<NewVolume> m_created;
    bool m_nvramVolume = false; // the first of m_created is the NVRAM file
};

} // namespace

VmCloner::VmCloner(HostSession *session, QObject *parent) : QObject(parent), m_session(session)
{
    qRegisterMetaType<CloneProgress>();
    qRegisterMetaType<CloneResult>();
}

VmCloner::~VmCloner()
{
    if (m_shared)
        m_shared->detach();
}

void VmCloner::start(const ClonePlan &plan)
{
    if (m_running)
        return;
    if (m_shared)
        m_shared->detach();
    m_shared = std::make_shared<VmClonerShared>();
    m_shared->target = this;
    m_running = true;

    const std::shared_ptr<VmClonerShared> shared = m_shared;
    const auto fail = [shared](const QString &message, bool cancelled) {
        shared->post([message, cancelled](VmCloner *c) {
            c->m_running = false;
            emit c->failed(message, cancelled);
        });
    };
    if (!plan.ok()) {
        fail(
            VmCloner::tr("Could not clone “%1”: %2").arg(plan.sourceName, plan.problems.join(u' ')),
            false);
        return;
    }
    if (!m_session) {
        fail(notConnectedText(), false);
        return;
    }
    const QString uri = m_session->uri();
    const int delay = m_chunkDelayMs;
    transfer::runOnOwnThread(
        m_session, nullptr,
        [shared, fail, uri, plan, delay](virConnectPtr conn, virConnectPtr) {
            try {
                const CloneResult result = CloneRun(conn, uri, plan, shared, delay).run();
                shared->post([result](VmCloner *c) {
                    c->m_running = false;
                    emit c->finished(result);
                });
            } catch (const CloneFailure &f) {
                fail(f.message, f.cancelled);
            }
        },
        [fail](const QString &message) { fail(message, false); });
}

void VmCloner::cancel()
{
    if (m_shared)
        m_shared->cancel = true;
}

} // namespace crossvirt::models
