#include "models/connection/HostSession.h"
#include "models/connection/WorkerJobs.h"

#include "models/connection/ConnectionWorker.h"
#include "models/connection/LibvirtEventLoop.h"
#include "models/inventory/DomainXml.h"
#include "models/inventory/HostResources.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QMutex>
#include <QPointer>
#include <QThread>
#include <libvirt/libvirt.h>
#include <sys/resource.h>

namespace crossvirt::models {

namespace {
// lupdate and the runtime both see the context "HostSession" for Text::tr().
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(HostSession)
};
} // namespace

using namespace Qt::StringLiterals;

namespace {
QMutex g_workerThreadsMutex;
QList<QPointer<QThread>> g_workerThreads; // stopping, not yet finished
} // namespace

bool HostSession::waitForStoppingWorkers(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    QMutexLocker lock(&g_workerThreadsMutex);
    for (const QPointer<QThread> &t : std::as_const(g_workerThreads)) {
        if (t && !t->wait(deadline))
            return false;
    }
    return true;
}

QString notConnectedText()
{
    return QCoreApplication::translate("HostSession", "Not connected to this host");
}

namespace {

// Looks a domain up by UUID on the worker thread; the caller frees it.
virDomainPtr lookup(virConnectPtr conn, const QString &uuid)
{
    const QByteArray id = uuid.toLatin1();
    virDomainPtr dom = virDomainLookupByUUIDString(conn, id.constData());
    if (!dom)
        throwLastLibvirtError(Text::tr("Could not find the virtual machine"));
    return dom;
}

QString domainName(virDomainPtr dom)
{
    const char *name = virDomainGetName(dom);
    return name ? QString::fromUtf8(name) : QString();
}

void registerMetaTypes()
{
    static const bool once = [] {
        qRegisterMetaType<ConnectionState>();
        qRegisterMetaType<HostInfo>();
        qRegisterMetaType<DomainSummary>();
        qRegisterMetaType<QList<DomainSummary>>();
        qRegisterMetaType<DomainDetails>();
        qRegisterMetaType<HostDetails>();
        return true;
    }();
    Q_UNUSED(once);
}

} // namespace

HostSession::HostSession(const QString &uri, QObject *parent) : QObject(parent), m_uri(uri)
{
    registerMetaTypes();
    LibvirtEventLoop::ensureRunning();
    // Whatever the program, let stopping workers finish closing their connections
    // before the application object goes away (bounded: a stuck one is left behind).
    static const bool exitHook = [] {
        qAddPostRoutine([] { waitForStoppingWorkers(3000); });
        return true;
    }();
    Q_UNUSED(exitHook);
    m_host.uri = uri;
    m_thread = new QThread; // no parent: it may outlive this session (see dtor)
    m_thread->setObjectName(u"host:"_s + uri);
    m_worker = new ConnectionWorker(uri);
    m_worker->moveToThread(m_thread);
    // Workers run below the GUI thread's priority: parsing a large inventory must
    // not delay the event loop (Linux applies nice values per thread).
    connect(m_thread, &QThread::started, m_worker, [] { setpriority(PRIO_PROCESS, 0, 5); });
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);

    connect(m_worker, &ConnectionWorker::stateChanged, this,
            [this](ConnectionState state, const QString &error, int retryIn) {
                m_state = state;
                m_lastError = error;
                m_retryIn = retryIn;
                if (state != ConnectionState::Connected && !m_domains.isEmpty()) {
                    m_domains.clear();
                    m_index.clear();
                    emit domainsReset({});
                }
                emit stateChanged(state, error);
            });
    connect(m_worker, &ConnectionWorker::hostInfoReady, this, [this](const HostInfo &info) {
        m_host = info;
        emit hostInfoChanged(info);
    });
    connect(m_worker, &ConnectionWorker::domainsReset, this,
            [this](const QList<DomainSummary> &list) {
                m_domains = list;
                m_index.clear();
                for (qsizetype i = 0; i < m_domains.size(); ++i)
                    m_index.insert(m_domains[i].uuid, i);
                emit domainsReset(list);
            });
    connect(m_worker, &ConnectionWorker::domainUpdated, this, [this](const DomainSummary &d) {
        const auto it = m_index.constFind(d.uuid);
        if (it != m_index.constEnd()) {
            m_domains[*it] = d;
        } else {
            m_index.insert(d.uuid, m_domains.size());
            m_domains << d;
        }
        emit domainUpdated(d);
    });
    connect(m_worker, &ConnectionWorker::domainRemoved, this, [this](const QString &uuid) {
        const auto it = m_index.constFind(uuid);
        if (it == m_index.constEnd())
            return;
        m_domains.removeAt(*it);
        m_index.clear();
        for (qsizetype i = 0; i < m_domains.size(); ++i)
            m_index.insert(m_domains[i].uuid, i);
        emit domainRemoved(uuid);
    });
    m_thread->start();
}

HostSession::~HostSession()
{
    ConnectionWorker *worker = m_worker;
    disconnect(worker, nullptr, this, nullptr);
    QMetaObject::invokeMethod(
        worker, [worker] { worker->close(); }, Qt::QueuedConnection);
    m_thread->quit();
    // Never wait here: a worker blocked in libvirt (a host that never answers) cannot
    // be interrupted, and removing that host must not freeze the window. The thread
    // finishes on its own; finished() deletes worker and thread.
    QPointer<QThread> thread(m_thread);
    QMutexLocker lock(&g_workerThreadsMutex);
    g_workerThreads.removeAll(nullptr);
    g_workerThreads << thread;
}

std::optional<DomainSummary> HostSession::domain(const QString &uuid) const
{
    const auto it = m_index.constFind(uuid);
    if (it == m_index.constEnd())
        return std::nullopt;
    return m_domains[*it];
}

void HostSession::setCredentialProvider(CredentialProvider *provider)
{
    QPointer<CredentialProvider> guarded(provider);
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, guarded] { w->setCredentialProvider(guarded.data()); },
        Qt::QueuedConnection);
}

void HostSession::open()
{
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->open(); }, Qt::QueuedConnection);
}

void HostSession::close()
{
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->close(); }, Qt::QueuedConnection);
}

void HostSession::refresh()
{
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->refreshAll(); }, Qt::QueuedConnection);
}

void HostSession::post(std::function<void(virConnectPtr)> fn)
{
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, fn = std::move(fn)] { fn(w->connection()); },
        Qt::QueuedConnection);
}

QFuture<void> HostSession::domainAction(const QString &uuid, const QString &context,
                                        int (*action)(virDomainPtr))
{
    ConnectionWorker *worker = m_worker;
    return runOnWorker(this, [uuid, context, action, worker](virConnectPtr conn) {
        virDomainPtr dom = lookup(conn, uuid);
        const QString name = domainName(dom);
        const int rc = action(dom);
        if (rc < 0) {
            const LibvirtError error = LibvirtError::fromLastError(context.arg(name));
            virDomainFree(dom);
            throw error;
        }
        virDomainFree(dom);
        // Drivers without lifecycle events still show the new state at once.
        worker->refreshDomain(uuid);
    });
}

QFuture<void> HostSession::startDomain(const QString &uuid)
{
    return domainAction(uuid, Text::tr("Could not start “%1”"), virDomainCreate);
}

QFuture<void> HostSession::shutdownDomain(const QString &uuid)
{
    return domainAction(uuid, Text::tr("Could not shut down “%1”"), virDomainShutdown);
}

QFuture<void> HostSession::rebootDomain(const QString &uuid)
{
    return domainAction(uuid, Text::tr("Could not reboot “%1”"),
                        [](virDomainPtr d) { return virDomainReboot(d, 0); });
}

QFuture<void> HostSession::forceOffDomain(const QString &uuid)
{
    return domainAction(uuid, Text::tr("Could not force off “%1”"), virDomainDestroy);
}

QFuture<void> HostSession::suspendDomain(const QString &uuid)
{
    return domainAction(uuid, Text::tr("Could not pause “%1”"), virDomainSuspend);
}

QFuture<void> HostSession::resumeDomain(const QString &uuid)
{
    return domainAction(uuid, Text::tr("Could not resume “%1”"), virDomainResume);
}

QFuture<QStringList> HostSession::deleteDomain(const QString &uuid, bool withStorage)
{
    ConnectionWorker *worker = m_worker;
    return runOnWorker(this, [uuid, withStorage, worker](virConnectPtr conn) {
        virDomainPtr dom = lookup(conn, uuid);
        const QString name = domainName(dom);
        auto fail = [&](const QString &context) {
            const LibvirtError error = LibvirtError::fromLastError(context.arg(name));
            virDomainFree(dom);
            throw error;
        };
        // Collect the disks' volumes before the definition is gone.
        QStringList volumePaths;
        if (withStorage) {
            char *xml = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE);
            if (!xml)
                fail(Text::tr("Could not read the definition of “%1”"));
            const DomainDetails details = parseDomainDetails(QByteArray(xml));
            free(xml);
            for (const DiskInfo &disk : details.disks) {
                if (disk.device == "disk"_L1 && !disk.source.isEmpty())
                    volumePaths << disk.source;
            }
        }
        // A guest may stop by itself between the check and the force-off: only a
        // domain that is still running after a failed destroy is an error.
        if (virDomainIsActive(dom) == 1 && virDomainDestroy(dom) < 0 &&
            virDomainIsActive(dom) != 0)
            fail(Text::tr("Could not force off “%1” before deleting it"));
        const unsigned flags = VIR_DOMAIN_UNDEFINE_MANAGED_SAVE |
                               VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA |
                               VIR_DOMAIN_UNDEFINE_CHECKPOINTS_METADATA | VIR_DOMAIN_UNDEFINE_NVRAM;
        if (virDomainUndefineFlags(dom, flags) < 0 && virDomainUndefine(dom) < 0)
            fail(Text::tr("Could not delete “%1”"));
        virDomainFree(dom);

        QStringList problems;
        for (const QString &path : std::as_const(volumePaths)) {
            const QByteArray p = path.toUtf8();
            virStorageVolPtr vol = virStorageVolLookupByPath(conn, p.constData());
            if (!vol && path.contains(u'/')) { // pool/volume form
                const QString pool = path.section(u'/', 0, 0);
                const QString volName = path.section(u'/', 1);
                if (virStoragePoolPtr sp =
                        virStoragePoolLookupByName(conn, pool.toUtf8().constData())) {
                    vol = virStorageVolLookupByName(sp, volName.toUtf8().constData());
                    virStoragePoolFree(sp);
                }
            }
            if (!vol) {
                problems << Text::tr("%1: not a storage volume libvirt manages, left in place").arg(path);
                continue;
            }
            if (virStorageVolDelete(vol, 0) < 0)
                problems << LibvirtError::fromLastError(path).text();
            virStorageVolFree(vol);
        }
        worker->refreshDomain(uuid);
        return problems;
    });
}

QFuture<DomainDetails> HostSession::domainDetails(const QString &uuid)
{
    const QString uri = m_uri;
    ConnectionWorker *worker = m_worker;
    return runOnWorker(this, [uuid, uri, worker](virConnectPtr conn) {
        virDomainPtr dom = lookup(conn, uuid);
        char *xml = virDomainGetXMLDesc(dom, 0);
        if (!xml) {
            const LibvirtError error = LibvirtError::fromLastError(
                Text::tr("Could not read the definition of “%1”").arg(domainName(dom)));
            virDomainFree(dom);
            throw error;
        }
        DomainDetails details = parseDomainDetails(QByteArray(xml));
        free(xml);
        details.summary = worker->readDomain(dom);
        details.hostUri = uri;
        virDomainFree(dom);
        return details;
    });
}

QFuture<HostDetails> HostSession::hostDetails()
{
    ConnectionWorker *worker = m_worker;
    return runOnWorker(this, [worker](virConnectPtr conn) {
        HostDetails d;
        d.info = worker->hostInfo();
        if (char *caps = virConnectGetCapabilities(conn)) {
            d.capabilitiesXml = QString::fromUtf8(caps);
            free(caps);
        }
        d.networks = readNetworks(conn);
        virStoragePoolPtr *pools = nullptr;
        const int np = virConnectListAllStoragePools(conn, &pools, 0);
        for (int i = 0; i < np; ++i) {
            d.pools << readPoolInfo(pools[i]);
            virStoragePoolFree(pools[i]);
        }
        free(pools);
        return d;
    });
}

} // namespace crossvirt::models
