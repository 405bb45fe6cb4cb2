#pragma once

#include "models/connection/ConnectionState.h"
#include "models/connection/LibvirtError.h"
#include "models/inventory/InventoryTypes.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <functional>
#include <memory>
#include <optional>

struct _virConnect;
struct _virDomain;
class QThread;

namespace crossvirt::models {

class ConnectionWorker;
class CredentialChannel;
class CredentialProvider;

/// "Not connected" text used when a request reaches a closed connection.
QString notConnectedText();

/// The GUI-thread face of one libvirt host. Its ConnectionWorker lives on a thread
/// of its own and makes every libvirt call; a slow or dead host blocks only that
/// thread. Requests return QFutures (failures carry a LibvirtError); inventory
/// changes arrive as signals carrying plain values.
class HostSession : public QObject
{
    Q_OBJECT
public:
    explicit HostSession(const QString &uri, QObject *parent = nullptr);
    /// Stops the worker. A worker stuck in a call that never returns (a host that
    /// accepts and never answers) is abandoned: it finishes and frees itself later.
    ~HostSession() override;

    /// At exit: waits (bounded) for the workers of deleted sessions to finish
    /// closing their connections. False when some are still stuck in libvirt.
    static bool waitForStoppingWorkers(int timeoutMs);

    const QString &uri() const { return m_uri; }
    ConnectionState state() const { return m_state; }
    /// libvirt's message for the last failure (empty when connected).
    const QString &lastError() const { return m_lastError; }
    int retryInSeconds() const { return m_retryIn; }
    /// The typical time (ms) of one call to this host while connected: the median of its
    /// last few pings (-1 before the first). A link with 300 ms of latency makes it 600+.
    int callLatencyMs() const { return m_callLatencyMs; }
    /// Connected, but calls typically take longer than 250 ms: the inventory says "slow"
    /// rather than pretending all is well (or that the host is gone).
    bool isSlow() const { return m_slow; }
    /// Backoff between reconnect attempts of every session: `firstMs`, doubling up to
    /// `maxMs` (defaults 1 s and 60 s). Tests that kill a host many times shorten it.
    static void setReconnectBackoff(int firstMs, int maxMs);
    const HostInfo &hostInfo() const { return m_host; }
    /// The latest inventory snapshot, in libvirt's order.
    QList<DomainSummary> domains() const { return m_domains; }
    std::optional<DomainSummary> domain(const QString &uuid) const;

    void setCredentialProvider(CredentialProvider *provider);
    /// Where this host's prompts go (also those of its consoles' SSH tunnel logins).
    std::shared_ptr<CredentialChannel> credentialChannel() const { return m_credentials; }
    /// Opens the connection (and keeps reopening it with backoff while it fails).
    void open();
    /// Closes it and stops retrying.
    void close();
    void refresh();

    // Domain lifecycle. Each fails with libvirt's message.
    QFuture<void> startDomain(const QString &uuid);
    QFuture<void> shutdownDomain(const QString &uuid);
    QFuture<void> rebootDomain(const QString &uuid);
    QFuture<void> forceOffDomain(const QString &uuid);
    QFuture<void> suspendDomain(const QString &uuid);
    QFuture<void> resumeDomain(const QString &uuid);
    /// The storage behind the domain's disks, with what the Delete dialog must show:
    /// read-only, shareable, CD-ROM, and which other VMs on this host use each volume.
    QFuture<QList<DomainVolume>> domainVolumes(const QString &uuid);
    /// Undefines the domain (forcing it off first) and deletes those of its disks'
    /// volumes named in `volumes` (DomainVolume::path). A volume another VM on the host
    /// uses is never deleted (checked again at delete time): it is reported as
    /// "kept: used by <vm>". Returns the volumes that were not deleted, with reasons.
    QFuture<QStringList> deleteDomain(const QString &uuid, const QStringList &volumes);
    /// As above; `withStorage` names every volume behind a disk (never CD-ROM images).
    QFuture<QStringList> deleteDomain(const QString &uuid, bool withStorage);

    QFuture<DomainDetails> domainDetails(const QString &uuid);
    QFuture<HostDetails> hostDetails();

signals:
    void stateChanged(crossvirt::models::ConnectionState state, const QString &error);
    void hostInfoChanged(const crossvirt::models::HostInfo &info);
    void domainsReset(const QList<crossvirt::models::DomainSummary> &domains);
    void domainUpdated(const crossvirt::models::DomainSummary &domain);
    void domainRemoved(const QString &uuid);
    /// callLatencyMs() or isSlow() changed.
    void responsivenessChanged();

private:
    // Worker jobs are queued through runOnWorker() (models/connection/WorkerJobs.h, an
    // internal header of models/): only code that may call libvirt can reach the connection.
    friend struct WorkerAccess;
    void post(std::function<void(_virConnect *)> fn);
    QFuture<void> domainAction(const QString &uuid, const QString &context,
                               int (*action)(_virDomain *));
    /// `only`: the volumes to delete; nullopt for every non-CD-ROM disk.
    QFuture<QStringList> deleteDomainAndVolumes(const QString &uuid,
                                                const std::optional<QStringList> &only);

    QString m_uri;
    QThread *m_thread = nullptr;
    ConnectionWorker *m_worker = nullptr;
    std::shared_ptr<CredentialChannel> m_credentials;
    ConnectionState m_state = ConnectionState::Disconnected;
    QString m_lastError;
    int m_retryIn = 0;
    int m_callLatencyMs = -1;
    bool m_slow = false;
    HostInfo m_host;
    QList<DomainSummary> m_domains;
    QHash<QString, qsizetype> m_index;
};

} // namespace crossvirt::models
