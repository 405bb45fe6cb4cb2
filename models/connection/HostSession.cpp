#include "models/connection/HostSession.h"
#include "models/connection/WorkerJobs.h"

#include "models/connection/ConnectionWorker.h"
#include "models/connection/CredentialChannel.h"
#include "models/connection/LibvirtEventLoop.h"
#include "models/connection/VolumeUsers.h"
#include "models/console/SshTunnel.h"
#include "models/inventory/DomainXml.h"
#include "models/inventory/HostResources.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QMutex>
#include <QPointer>
#include <QThread>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
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

// Looks a domain up by UUID on the worker thread.
DomainHandle lookup(virConnectPtr conn, const QString &uuid)
{
    const QByteArray id = uuid.toLatin1();
    DomainHandle dom(virDomainLookupByUUIDString(conn, id.constData()));
    if (!dom)
        throwLastLibvirtError(Text::tr("Could not find the virtual machine"));
    return dom;
}

QString domainName(virDomainPtr dom)
{
    const char *name = virDomainGetName(dom);
    return name ? QString::fromUtf8(name) : QString();
}

// The disks of a domain's persistent definition (what Delete removes).
QList<DiskInfo> definedDisks(virDomainPtr dom)
{
    const LibvirtString xml(virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE));
    if (!xml) {
        throwLastLibvirtError(
            Text::tr("Could not read the definition of “%1”").arg(domainName(dom)));
    }
    return parseDomainDetails(QByteArray(xml.get())).disks;
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
        qRegisterMetaType<DomainVolume>();
        return true;
    }();
    Q_UNUSED(once);
}

} // namespace

HostSession::HostSession(const QString &uri, QObject *parent)
    : QObject(parent), m_uri(uri), m_credentials(std::make_shared<CredentialChannel>())
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
    m_worker = new ConnectionWorker(uri, m_credentials);
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
                if (state != ConnectionState::Connected) {
                    m_callLatencyMs = -1;
                    m_slow = false;
                }
                if (state != ConnectionState::Connected && !m_domains.isEmpty()) {
                    m_domains.clear();
                    m_index.clear();
                    emit domainsReset({});
                }
                emit stateChanged(state, error);
            });
    connect(m_worker, &ConnectionWorker::callLatencyChanged, this, [this](int ms, bool slow) {
        m_callLatencyMs = ms;
        m_slow = slow;
        emit responsivenessChanged();
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
    // The host is removed (or the app quits): its console tunnels' SSH connection ends too.
    SshTunnels::instance().closeHost(m_uri);
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

void HostSession::setReconnectBackoff(int firstMs, int maxMs)
{
    ConnectionWorker::setReconnectBackoff(firstMs, maxMs);
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
    m_credentials->setProvider(provider);
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
        const DomainHandle dom = lookup(conn, uuid);
        if (action(dom.get()) < 0) {
            // Read libvirt's error before asking for the name: every libvirt call
            // (virDomainGetName too) clears the thread's last error.
            LibvirtError error = LibvirtError::fromLastError({});
            throw LibvirtError(context.arg(domainName(dom.get())), error.message(), error.code());
        }
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

QFuture<QList<DomainVolume>> HostSession::domainVolumes(const QString &uuid)
{
    return runOnWorker(this, [uuid](virConnectPtr conn) {
        const DomainHandle dom = lookup(conn, uuid);
        const QList<DiskInfo> disks = definedDisks(dom.get());
        const QHash<QString, QStringList> users = volumeUsers(conn, uuid);
        QList<DomainVolume> out;
        for (const DiskInfo &disk : disks) {
            if (disk.source.isEmpty() || disk.type == "network"_L1)
                continue;
            DomainVolume v;
            v.path = disk.source;
            v.target = disk.target;
            v.device = disk.device;
            v.readOnly = disk.readOnly;
            v.shareable = disk.shareable;
            v.managed = bool(findVolume(conn, disk.source));
            v.usedBy = users.value(volumeKey(conn, disk.source));
            out << v;
        }
        return out;
    });
}

QFuture<QStringList> HostSession::deleteDomain(const QString &uuid, bool withStorage)
{
    return deleteDomainAndVolumes(uuid, withStorage ? std::nullopt
                                                    : std::optional<QStringList>(QStringList()));
}

QFuture<QStringList> HostSession::deleteDomain(const QString &uuid, const QStringList &volumes)
{
    return deleteDomainAndVolumes(uuid, volumes);
}

QFuture<QStringList> HostSession::deleteDomainAndVolumes(const QString &uuid,
                                                         const std::optional<QStringList> &only)
{
    ConnectionWorker *worker = m_worker;
    return runOnWorker(this, [uuid, only, worker](virConnectPtr conn) {
        const DomainHandle dom = lookup(conn, uuid);
        const QString name = domainName(dom.get());
        // Collect the disks' volumes before the definition is gone: the ones asked for,
        // or (no list) every disk that is not a CD-ROM. Only this VM's own disks qualify.
        QStringList volumePaths;
        if (!only || !only->isEmpty()) {
            for (const DiskInfo &disk : definedDisks(dom.get())) {
                if (disk.source.isEmpty() || volumePaths.contains(disk.source))
                    continue;
                if (only ? only->contains(disk.source) : disk.device == "disk"_L1)
                    volumePaths << disk.source;
            }
        }
        // A guest may stop by itself between the check and the force-off: only a
        // domain that is still running after a failed destroy is an error.
        if (virDomainIsActive(dom.get()) == 1 && virDomainDestroy(dom.get()) < 0 &&
            virDomainIsActive(dom.get()) != 0)
            throwLastLibvirtError(
                Text::tr("Could not force off “%1” before deleting it").arg(name));
        const unsigned flags = VIR_DOMAIN_UNDEFINE_MANAGED_SAVE |
                               VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA |
                               VIR_DOMAIN_UNDEFINE_CHECKPOINTS_METADATA | VIR_DOMAIN_UNDEFINE_NVRAM;
        if (virDomainUndefineFlags(dom.get(), flags) < 0 && virDomainUndefine(dom.get()) < 0)
            throwLastLibvirtError(Text::tr("Could not delete “%1”").arg(name));

        QStringList problems;
        // Re-checked now, whatever the dialog showed: a volume another VM uses stays.
        const QHash<QString, QStringList> users =
            volumePaths.isEmpty() ? QHash<QString, QStringList>() : volumeUsers(conn, uuid);
        for (const QString &path : std::as_const(volumePaths)) {
            const QStringList usedBy = users.value(volumeKey(conn, path));
            if (!usedBy.isEmpty()) {
                problems << Text::tr("%1: kept: used by %2").arg(path, usedBy.join(u", "_s));
                continue;
            }
            const StorageVolHandle vol = findVolume(conn, path);
            if (!vol) {
                problems << Text::tr("%1: not a storage volume libvirt manages, left in place")
                                .arg(path);
                continue;
            }
            if (virStorageVolDelete(vol.get(), 0) < 0)
                problems << LibvirtError::fromLastError(path).text();
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
        const DomainHandle dom = lookup(conn, uuid);
        const LibvirtString xml(virDomainGetXMLDesc(dom.get(), 0));
        if (!xml) {
            throwLastLibvirtError(
                Text::tr("Could not read the definition of “%1”").arg(domainName(dom.get())));
        }
        DomainDetails details = parseDomainDetails(QByteArray(xml.get()));
        details.summary = worker->readDomain(dom.get());
        details.hostUri = uri;
        return details;
    });
}

QFuture<HostDetails> HostSession::hostDetails()
{
    ConnectionWorker *worker = m_worker;
    return runOnWorker(this, [worker](virConnectPtr conn) {
        HostDetails d;
        d.info = worker->hostInfo();
        d.capabilitiesXml = takeLibvirtString(virConnectGetCapabilities(conn));
        d.networks = readNetworks(conn);
        virStoragePoolPtr *pools = nullptr;
        const int np = virConnectListAllStoragePools(conn, &pools, 0);
        for (const StoragePoolHandle &pool : takeLibvirtArray<StoragePoolHandle>(pools, np))
            d.pools << readPoolInfo(pool.get());
        return d;
    });
}

} // namespace crossvirt::models
