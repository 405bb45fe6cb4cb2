#include "models/connection/ConnectionWorker.h"

#include "arch/ArchRegistry.h"
#include "arch/XmlLimits.h"
#include "models/connection/AskpassServer.h"
#include "models/connection/ConnectionFailure.h"
#include "models/connection/ConnectionUri.h"
#include "models/connection/CredentialChannel.h"
#include "models/connection/HostCapabilitiesReader.h"
#include "models/connection/LibvirtError.h"
#include "models/connection/LibvirtEventLoop.h"
#include "models/connection/SshConnect.h"
#include "models/inventory/DomainXml.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMutex>
#include <QSemaphore>
#include <QThread>
#include <QTimer>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <algorithm>
#include <climits>

namespace crossvirt::models {

namespace {
// lupdate and the runtime both see the context "ConnectionWorker" for Text::tr().
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionWorker)
};
} // namespace

using namespace Qt::StringLiterals;

/// Bridges libvirt callbacks (event-loop thread) to the worker (its own thread).
/// The worker detaches itself before it dies, so a late callback finds no target.
struct EventSink
{
    QMutex mutex;
    ConnectionWorker *target = nullptr;

    template<typename Fn> void post(Fn fn)
    {
        QMutexLocker lock(&mutex);
        if (target)
            QMetaObject::invokeMethod(target, std::move(fn), Qt::QueuedConnection);
    }
};

namespace {

constexpr int kMaxBackoffSeconds = 60;
constexpr int kAliveCheckMs = 5000;
constexpr int kPollFallbackMs = 5000;
/// A host whose single calls typically take longer than this is shown "slow" (a LAN answers
/// in about 1 ms; 300 ms of latency each way makes 600 ms). The median of the last
/// kCallSamples pings decides, so one stalled call (a TCP retransmit) does not flip it.
constexpr int kSlowCallMs = 250;
constexpr int kCallSamples = 3;

DomainState toState(int s)
{
    switch (s) {
    case VIR_DOMAIN_RUNNING:
        return DomainState::Running;
    case VIR_DOMAIN_BLOCKED:
        return DomainState::Blocked;
    case VIR_DOMAIN_PAUSED:
        return DomainState::Paused;
    case VIR_DOMAIN_SHUTDOWN:
        return DomainState::ShuttingDown;
    case VIR_DOMAIN_SHUTOFF:
        return DomainState::Shutoff;
    case VIR_DOMAIN_CRASHED:
        return DomainState::Crashed;
    case VIR_DOMAIN_PMSUSPENDED:
        return DomainState::Suspended;
    default:
        return DomainState::NoState;
    }
}

QString uuidOf(virDomainPtr dom)
{
    char buf[VIR_UUID_STRING_BUFLEN] = {};
    virDomainGetUUIDString(dom, buf);
    return QString::fromLatin1(buf);
}

int lifecycleCallback(virConnectPtr, virDomainPtr dom, int, int, void *opaque)
{
    auto *sink = static_cast<std::shared_ptr<EventSink> *>(opaque);
    const QString uuid = uuidOf(dom);
    (*sink)->post([sink = *sink, uuid] {
        if (sink->target)
            sink->target->refreshDomain(uuid);
    });
    return 0;
}

void metadataCallback(virConnectPtr conn, virDomainPtr dom, int, const char *, void *opaque)
{
    lifecycleCallback(conn, dom, 0, 0, opaque);
}

void closeCallback(virConnectPtr, int reason, void *opaque)
{
    auto *sink = static_cast<std::shared_ptr<EventSink> *>(opaque);
    QString why;
    switch (reason) {
    case VIR_CONNECT_CLOSE_REASON_ERROR:
        why = Text::tr("the connection failed");
        break;
    case VIR_CONNECT_CLOSE_REASON_EOF:
        why = Text::tr("the host closed the connection");
        break;
    case VIR_CONNECT_CLOSE_REASON_KEEPALIVE:
        why = Text::tr("the host stopped answering keepalives");
        break;
    default:
        why = Text::tr("the connection was closed");
        break;
    }
    (*sink)->post([sink = *sink, why] {
        if (sink->target)
            sink->target->connectionLost(why);
    });
}

void freeSink(void *opaque)
{
    delete static_cast<std::shared_ptr<EventSink> *>(opaque);
}

// libvirt asks for credentials on the worker thread; the provider shows its
// dialog on the GUI thread while this thread waits.
struct AuthContext
{
    QString uri;
    std::shared_ptr<CredentialChannel> credentials;
    bool answered = false; // the provider gave answers libvirt then used
};

// libvirt's libssh transport asks "Accept SSH host key with hash '<hash>' for host
// '<host>:<port>' (y/n)?" for a key its known_hosts lacks: the host key dialog, not a raw
// prompt. Crossvirt checked and trusted the key before (SshConnect), so this is rare.
bool answerLibsshHostKey(AuthContext *ctx, virConnectCredentialPtr cred, unsigned int ncred)
{
    if (ncred != 1 || !cred[0].prompt)
        return false;
    const std::optional<SshHostKeyQuestion> q =
        SshConnect::libsshHostKeyQuestion(ctx->uri, QString::fromUtf8(cred[0].prompt));
    if (!q)
        return false;
    const QByteArray answer = ctx->credentials->confirmHostKey(*q) ? "y" : "n";
    cred[0].result = strdup(answer.constData());
    cred[0].resultlen = unsigned(answer.size());
    return true;
}

int authCallback(virConnectCredentialPtr cred, unsigned int ncred, void *cbdata)
{
    auto *ctx = static_cast<AuthContext *>(cbdata);
    if (answerLibsshHostKey(ctx, cred, ncred))
        return 0;
    QList<CredentialRequest> requests;
    for (unsigned i = 0; i < ncred; ++i) {
        CredentialRequest r;
        switch (cred[i].type) {
        case VIR_CRED_AUTHNAME:
        case VIR_CRED_USERNAME:
            r.kind = CredentialRequest::Kind::UserName;
            break;
        case VIR_CRED_PASSPHRASE:
            r.kind = CredentialRequest::Kind::Password;
            break;
        case VIR_CRED_ECHOPROMPT:
            r.kind = CredentialRequest::Kind::EchoPrompt;
            break;
        case VIR_CRED_NOECHOPROMPT:
            r.kind = CredentialRequest::Kind::NoEchoPrompt;
            break;
        case VIR_CRED_REALM:
            r.kind = CredentialRequest::Kind::Realm;
            break;
        default:
            break;
        }
        r.prompt = QString::fromUtf8(cred[i].prompt);
        r.challenge = QString::fromUtf8(cred[i].challenge);
        r.defaultValue = QString::fromUtf8(cred[i].defresult);
        requests << r;
    }
    const std::optional<QStringList> answers = ctx->credentials->ask(ctx->uri, requests);
    if (!answers || answers->size() != qsizetype(ncred))
        return -1;
    ctx->answered = true;
    for (unsigned i = 0; i < ncred; ++i) {
        const QByteArray value = answers->at(i).toUtf8();
        cred[i].result = strdup(value.constData());
        cred[i].resultlen = unsigned(value.size());
    }
    return 0;
}

} // namespace

ConnectionWorker::ConnectionWorker(QString uri, std::shared_ptr<CredentialChannel> credentials,
                                   QObject *parent)
    : QObject(parent), m_uri(std::move(uri)), m_credentials(std::move(credentials)),
      m_sink(std::make_shared<EventSink>())
{
    m_sink->target = this;
    m_host.uri = m_uri;
    m_retryTimer = new QTimer(this);
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &ConnectionWorker::open);
    m_aliveTimer = new QTimer(this);
    m_aliveTimer->setInterval(kAliveCheckMs);
    connect(m_aliveTimer, &QTimer::timeout, this, &ConnectionWorker::checkAlive);
    m_pollTimer = new QTimer(this);
    m_pollTimer->setInterval(kPollFallbackMs);
    connect(m_pollTimer, &QTimer::timeout, this, &ConnectionWorker::refreshAll);
}

ConnectionWorker::~ConnectionWorker()
{
    {
        QMutexLocker lock(&m_sink->mutex);
        m_sink->target = nullptr;
    }
    m_wantOpen = false;
    close();
}

void ConnectionWorker::setState(ConnectionState state, const QString &error, int retryIn)
{
    m_state = state;
    emit stateChanged(state, error, retryIn);
}

void ConnectionWorker::open()
{
    m_wantOpen = true;
    if (m_conn)
        return;
    LibvirtEventLoop::ensureRunning();
    setState(ConnectionState::Connecting);

    // SSH hosts: the port and the host key first (a new key is asked about here, on this
    // thread, through the credential provider); ssh's password prompts then reach the
    // credential dialog through crossvirt-askpass (AskpassServer).
    QString openUri = m_uri;
    std::unique_ptr<AskpassServer::Registration> askpass;
    if (SshConnect::isSsh(m_uri)) {
        const SshPreflight pre = SshConnect::prepare(m_uri, *m_credentials);
        if (!m_wantOpen)
            return;
        if (!pre.ok) {
            if (pre.retryable)
                scheduleReconnect(pre.error);
            else
                stopWithError(pre.error);
            return;
        }
        openUri = pre.libvirtUri;
        askpass = std::make_unique<AskpassServer::Registration>(m_uri, pre.host, m_credentials);
    }

    AuthContext ctx{m_uri, m_credentials};
    static int credTypes[] = {VIR_CRED_AUTHNAME,   VIR_CRED_USERNAME,     VIR_CRED_PASSPHRASE,
                              VIR_CRED_ECHOPROMPT, VIR_CRED_NOECHOPROMPT, VIR_CRED_REALM};
    virConnectAuth auth{credTypes, sizeof(credTypes) / sizeof(credTypes[0]), authCallback, &ctx};
    const QByteArray uri = openUri.toUtf8();
    // Answers came from the provider: through libvirt's callback or ssh's askpass.
    const auto answered = [&ctx, &askpass] {
        return ctx.answered || (askpass && askpass->answered() > 0);
    };
    // May block for as long as the host takes; only this host's thread waits.
    ConnectHandle conn(virConnectOpenAuth(
        uri.constData(), m_credentials->hasProvider() ? &auth : virConnectAuthPtrDefault, 0));
    if (!conn) {
        const LibvirtError error = LibvirtError::fromLastError({});
        // A remembered password that libvirt (or ssh, through askpass) refuses is
        // forgotten by the provider.
        if (answered()) {
            const bool refused = error.code() == VIR_ERR_AUTH_FAILED ||
                                 (askpass && SshConnect::isAuthRefusal(error.message()));
            m_credentials->reportOutcome(m_uri, refused ? CredentialProvider::Outcome::Refused
                                                        : CredentialProvider::Outcome::Unknown);
        }
        if (!m_wantOpen) // closed or abandoned while we waited
            return;
        if (askpass) { // SSH: say what failed; no retry loop when retrying cannot help
            bool retryable = true;
            const QString text =
                SshConnect::failureText(error.message(), askpass->cancelled(), &retryable);
            if (retryable)
                scheduleReconnect(text);
            else
                stopWithError(text);
            return;
        }
        // A refused password or certificate stays refused: no retry that asks again or
        // hammers the host; the user connects again (Host › Connect) after fixing it.
        const ConnectionFailure failure =
            diagnoseConnectionFailure(m_uri, error.code(), error.message());
        if (failure.retryable())
            scheduleReconnect(failure.text());
        else
            stopWithError(failure.text());
        return;
    }
    // The answers worked: a provider may now remember them.
    if (answered())
        m_credentials->reportOutcome(m_uri, CredentialProvider::Outcome::Accepted);
    if (!m_wantOpen) // closed or abandoned while we waited: `conn` closes itself
        return;
    m_conn = std::move(conn);
    m_backoffMs = 0;
    // Keepalive lets a dead remote host be noticed (ignored by local drivers).
    // Not over qemu+libssh: with keepalive on, libvirt 9.0's libssh transport crashed in
    // about half of e2e_ssh_test's runs (SIGSEGV in its client I/O loop during the first
    // calls after connecting, on the worker thread); without it, none in 8 runs.
    if (transportOfUri(m_uri) != ConnectionUriSpec::Transport::LibSsh)
        virConnectSetKeepAlive(m_conn.get(), 5, 3);
    readHostInfo();
    registerEvents();
    setState(ConnectionState::Connected);
    emit hostInfoReady(m_host);
    refreshAll();
    m_aliveTimer->start();
}

void ConnectionWorker::close()
{
    m_wantOpen = false;
    m_retryTimer->stop();
    m_aliveTimer->stop();
    m_pollTimer->stop();
    if (m_conn) {
        unregisterEvents();
        m_conn.reset();
    }
    m_xmlCache.clear();
    m_callTimes.clear();
    m_reportedLatency = -1;
    m_reportedSlow = false;
    m_strings.clear();
    if (m_state != ConnectionState::Disconnected)
        setState(ConnectionState::Disconnected);
}

void ConnectionWorker::readHostInfo()
{
    HostInfo h;
    h.uri = m_uri;
    virConnectPtr conn = m_conn.get();
    h.hostname = takeLibvirtString(virConnectGetHostname(conn));
    if (const char *type = virConnectGetType(conn))
        h.driver = QString::fromUtf8(type);
    unsigned long version = 0;
    QElapsedTimer call;
    call.start();
    if (virConnectGetLibVersion(conn, &version) == 0) {
        h.libvirtVersion = version;
        recordCallTime(int(qMin<qint64>(call.elapsed(), INT_MAX))); // the first ping
    }
    virNodeInfo node{};
    if (virNodeGetInfo(conn, &node) == 0) {
        h.arch = QString::fromLatin1(node.model);
        h.cpus = int(node.cpus);
        h.mhz = int(node.mhz);
        h.memoryKiB = node.memory;
    }
    const LibvirtString caps(virConnectGetCapabilities(conn));
    applyHostCapabilities(caps ? QByteArray(caps.get()) : QByteArray(), h);
    m_host = h;
}

void ConnectionWorker::registerEvents()
{
    if (!LibvirtEventLoop::isRunning()) {
        m_pollTimer->start();
        return;
    }
    m_lifecycleCallback =
        virConnectDomainEventRegisterAny(m_conn.get(), nullptr, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                         VIR_DOMAIN_EVENT_CALLBACK(lifecycleCallback),
                                         new std::shared_ptr<EventSink>(m_sink), freeSink);
    if (m_lifecycleCallback < 0)
        m_pollTimer->start(); // no events from this driver: poll instead
    m_metadataCallback =
        virConnectDomainEventRegisterAny(m_conn.get(), nullptr, VIR_DOMAIN_EVENT_ID_METADATA_CHANGE,
                                         VIR_DOMAIN_EVENT_CALLBACK(metadataCallback),
                                         new std::shared_ptr<EventSink>(m_sink), freeSink);
    if (m_metadataCallback < 0)
        virResetLastError(); // an older driver: redefinitions still arrive as lifecycle events
    // The close callback's opaque stays ours: drivers without close callbacks (the test
    // driver) return success without keeping it, so libvirt would never free it (a leak on
    // every connect, found by LeakSanitizer). It is freed after unregistering.
    auto *closeSink = new std::shared_ptr<EventSink>(m_sink);
    m_closeCallbackRegistered =
        virConnectRegisterCloseCallback(m_conn.get(), closeCallback, closeSink, nullptr) == 0;
    if (m_closeCallbackRegistered)
        m_closeSink = closeSink;
    else
        delete closeSink;
}

void ConnectionWorker::unregisterEvents()
{
    if (m_lifecycleCallback >= 0)
        virConnectDomainEventDeregisterAny(m_conn.get(), m_lifecycleCallback);
    m_lifecycleCallback = -1;
    if (m_metadataCallback >= 0)
        virConnectDomainEventDeregisterAny(m_conn.get(), m_metadataCallback);
    m_metadataCallback = -1;
    if (m_closeCallbackRegistered)
        virConnectUnregisterCloseCallback(m_conn.get(), closeCallback);
    m_closeCallbackRegistered = false;
    freeSink(m_closeSink); // libvirt no longer calls closeCallback with it
    m_closeSink = nullptr;
}

void ConnectionWorker::scheduleReconnect(const QString &error)
{
    if (!m_wantOpen)
        return;
    m_backoffMs =
        m_backoffMs == 0 ? s_firstRetryMs.load() : qMin(m_backoffMs * 2, s_maxRetryMs.load());
    m_retryTimer->start(m_backoffMs);
    setState(ConnectionState::Retrying, error, qMax(1, (m_backoffMs + 999) / 1000));
}

void ConnectionWorker::stopWithError(const QString &error)
{
    m_wantOpen = false;
    m_backoffMs = 0;
    setState(ConnectionState::Failed, error);
}

void ConnectionWorker::connectionLost(const QString &reason)
{
    if (!m_conn)
        return;
    m_callTimes.clear();
    m_reportedLatency = -1;
    m_reportedSlow = false;
    m_aliveTimer->stop();
    m_pollTimer->stop();
    unregisterEvents();
    m_conn.reset();
    m_xmlCache.clear();
    m_strings.clear();
    scheduleReconnect(reason);
}

void ConnectionWorker::checkAlive()
{
    if (m_conn && virConnectIsAlive(m_conn.get()) == 0) {
        connectionLost(Text::tr("the host stopped answering"));
        return;
    }
    pingHost();
}

std::atomic<int> ConnectionWorker::s_firstRetryMs = 1000;
std::atomic<int> ConnectionWorker::s_maxRetryMs = kMaxBackoffSeconds * 1000;

void ConnectionWorker::setReconnectBackoff(int firstMs, int maxMs)
{
    s_firstRetryMs = qMax(1, firstMs);
    s_maxRetryMs = qMax(qMax(1, firstMs), maxMs);
}

void ConnectionWorker::pingHost()
{
    if (!m_conn)
        return;
    QElapsedTimer timer;
    timer.start();
    unsigned long version = 0;
    // One round trip to the daemon for a remote URI (remote driver RPC).
    if (virConnectGetLibVersion(m_conn.get(), &version) < 0) {
        virResetLastError(); // a dead host is noticed by keepalive and the close callback
        return;
    }
    recordCallTime(int(qMin<qint64>(timer.elapsed(), INT_MAX)));
}

void ConnectionWorker::recordCallTime(int ms)
{
    m_callTimes << ms;
    if (m_callTimes.size() > kCallSamples)
        m_callTimes.removeFirst();
    QList<int> sorted = m_callTimes;
    std::sort(sorted.begin(), sorted.end());
    const int median = sorted[sorted.size() / 2];
    const bool slow = median > kSlowCallMs;
    // Report a change of state, or of the figure by more than a tenth while slow (the
    // figure is shown then); not every ping.
    const bool changed = slow != m_reportedSlow || m_reportedLatency < 0 ||
                         (slow && qAbs(median - m_reportedLatency) * 10 > m_reportedLatency);
    if (!changed)
        return;
    m_reportedLatency = median;
    m_reportedSlow = slow;
    emit callLatencyChanged(median, slow);
}

DomainSummary ConnectionWorker::readDomain(virDomainPtr dom)
{
    DomainSummary d;
    d.uuid = uuidOf(dom);
    if (const char *name = virDomainGetName(dom))
        d.name = arch::capName(QString::fromUtf8(name)); // a 10 MB name would stall painting
    virDomainInfo info{};
    if (virDomainGetInfo(dom, &info) == 0) {
        d.state = toState(info.state);
        d.vcpus = info.nrVirtCpu;
        d.memoryKiB = info.memory;
        d.maxMemoryKiB = info.maxMem;
    }
    d.persistent = virDomainIsPersistent(dom) == 1;

    auto cached = m_xmlCache.constFind(d.uuid);
    if (cached == m_xmlCache.constEnd()) {
        DomainSummary parsed;
        if (const LibvirtString xml{virDomainGetXMLDesc(dom, 0)})
            readDomainXmlSummary(QByteArray(xml.get()), parsed);
        parsed.uuid.clear(); // d has them; the cache keeps only what the XML adds
        parsed.name.clear();
        m_strings.intern(parsed);
        cached = m_xmlCache.insert(d.uuid, parsed);
    }
    d.arch = cached->arch;
    d.machine = cached->machine;
    d.domainType = cached->domainType;
    d.cpuMode = cached->cpuMode;
    d.cpuModel = cached->cpuModel;
    d.isTemplate = cached->isTemplate;
    d.fromTemplate = cached->fromTemplate;
    d.vmPool = cached->vmPool;
    d.emulated = isEmulatedGuest(m_host, d.domainType, d.arch);
    return d;
}

void ConnectionWorker::refreshAll()
{
    if (!m_conn)
        return;
    // Reading a whole inventory is CPU-bound (one XML per domain); with many hosts
    // connecting at once, let no more of them do it than leaves a core for the GUI.
    static QSemaphore readers(qMax(1, QThread::idealThreadCount() - 1));
    readers.acquire();
    const QSemaphoreReleaser release(readers);
    virDomainPtr *doms = nullptr;
    const int n = virConnectListAllDomains(m_conn.get(), &doms, 0);
    if (n < 0) {
        const QString error = LibvirtError::fromLastError({}).message();
        if (virConnectIsAlive(m_conn.get()) == 0)
            connectionLost(error);
        return;
    }
    QList<DomainSummary> list;
    list.reserve(n);
    for (const DomainHandle &dom : takeLibvirtArray<DomainHandle>(doms, n))
        list << readDomain(dom.get());
    emit domainsReset(list);
#ifdef __GLIBC__
    // Opening a host and reading its inventory freed a lot (the test driver's parsed
    // file, every domain's XML) between what stays: give those pages back, here on the
    // worker rather than on the GUI thread.
    malloc_trim(0);
#endif
}

void ConnectionWorker::refreshDomain(const QString &uuid)
{
    if (!m_conn)
        return;
    const QByteArray id = uuid.toLatin1();
    const DomainHandle dom(virDomainLookupByUUIDString(m_conn.get(), id.constData()));
    if (!dom) {
        m_xmlCache.remove(uuid);
        emit domainRemoved(uuid);
        return;
    }
    // Redefinition may have changed arch or machine: re-read the XML.
    m_xmlCache.remove(uuid);
    emit domainUpdated(readDomain(dom.get()));
}

} // namespace crossvirt::models
