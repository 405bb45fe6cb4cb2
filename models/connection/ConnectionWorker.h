#pragma once

// Internal to models/ (HostSession.cpp and the worker itself): it hands out the raw
// libvirt connection, so it uses libvirt's types and view code cannot include it.

#include "models/connection/ConnectionState.h"
#include "models/connection/LibvirtHandles.h"
#include "models/inventory/DomainXml.h"
#include "models/inventory/InventoryTypes.h"

#include <QHash>
#include <QObject>
#include <atomic>
#include <functional>
#include <memory>

class QTimer;

namespace crossvirt::models {

struct EventSink;
class CredentialChannel;

/// Owns one libvirt connection and makes every libvirt call for it, on the
/// host's own worker thread. Internal to HostSession, which is the GUI-side face.
class ConnectionWorker : public QObject
{
    Q_OBJECT
public:
    /// `credentials` answers libvirt's prompts (shared with the HostSession, which sets
    /// the provider on the GUI thread).
    ConnectionWorker(QString uri, std::shared_ptr<CredentialChannel> credentials,
                     QObject *parent = nullptr);
    ~ConnectionWorker() override;

    /// The open connection, or nullptr. Worker thread only.
    virConnectPtr connection() const { return m_conn.get(); }
    const HostInfo &hostInfo() const { return m_host; }

    void open();
    void close();
    /// Re-reads every domain (after actions on drivers without events, and as polling).
    void refreshAll();
    void refreshDomain(const QString &uuid);
    /// Called on the worker thread when libvirt reports the connection closed.
    void connectionLost(const QString &reason);

    /// Backoff between reconnect attempts: `firstMs`, doubling up to `maxMs` (defaults 1 s
    /// and 60 s). For tests that kill a host many times; set before sessions open.
    static void setReconnectBackoff(int firstMs, int maxMs);

    /// Reads one domain's summary from libvirt (worker thread).
    DomainSummary readDomain(virDomainPtr dom);

signals:
    void stateChanged(crossvirt::models::ConnectionState state, const QString &error,
                      int retryInSeconds);
    void hostInfoReady(const crossvirt::models::HostInfo &info);
    void domainsReset(const QList<crossvirt::models::DomainSummary> &domains);
    void domainUpdated(const crossvirt::models::DomainSummary &domain);
    void domainRemoved(const QString &uuid);
    /// The typical time of one call to the host changed (see HostSession::callLatencyMs).
    void callLatencyChanged(int ms, bool slow);

private:
    void setState(ConnectionState state, const QString &error = {}, int retryIn = 0);
    void readHostInfo();
    void registerEvents();
    void unregisterEvents();
    void scheduleReconnect(const QString &error);
    /// A failure retrying alone cannot fix (credentials refused or cancelled, a bad
    /// certificate, an SSH host key changed or not trusted): Failed with `error`, no
    /// retry; "Connect" tries (and asks) again.
    void stopWithError(const QString &error);
    void checkAlive();
    /// Times one cheap call (a single round trip) and updates the latency it reports.
    void pingHost();
    void recordCallTime(int ms);

    QString m_uri;
    ConnectHandle m_conn;
    HostInfo m_host;
    ConnectionState m_state = ConnectionState::Disconnected;
    std::shared_ptr<CredentialChannel> m_credentials;
    std::shared_ptr<EventSink> m_sink;
    int m_lifecycleCallback = -1;
    /// virDomainSetMetadata (a template or pool mark set by any client) changes no state.
    int m_metadataCallback = -1;
    bool m_closeCallbackRegistered = false;
    void *m_closeSink = nullptr; ///< the close callback's opaque, owned here (see registerEvents)
    bool m_wantOpen = false;
    int m_backoffMs = 0;
    static std::atomic<int> s_firstRetryMs;
    static std::atomic<int> s_maxRetryMs;
    QTimer *m_retryTimer = nullptr;
    QTimer *m_aliveTimer = nullptr;
    QTimer *m_pollTimer = nullptr;
    /// The last few ping times (ms) and what was last reported (-1: nothing yet).
    QList<int> m_callTimes;
    int m_reportedLatency = -1;
    bool m_reportedSlow = false;
    // Parsed XML facts per uuid: arch and machine change only on redefinition. Their
    // strings are shared between domains (m_strings); name and uuid are not kept here.
    QHash<QString, DomainSummary> m_xmlCache;
    SharedStrings m_strings;
};

} // namespace crossvirt::models
