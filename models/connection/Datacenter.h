#pragma once

#include "models/connection/ConnectionStore.h"
#include "models/connection/CredentialProvider.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace crossvirt::models {

class HostSession;
class SecretStore;

/// Every host the user works with: one HostSession per saved connection, kept in
/// the saved list's order. Lives on the GUI thread; saves the list off it.
class Datacenter : public QObject
{
    Q_OBJECT
public:
    explicit Datacenter(ConnectionStore store = ConnectionStore(), QObject *parent = nullptr);
    ~Datacenter() override;

    /// Loads the saved list and opens its autoconnect hosts. On first start (no
    /// saved file) the demo datacenter is installed and saved. Returns the load
    /// result so the caller can tell the user about an unreadable file.
    ConnectionStore::LoadResult loadSaved();
    /// Uses `uris` instead of the saved list for this run (command line --connect);
    /// nothing is saved.
    void useTransient(const QStringList &uris);

    /// Adds and opens a host; returns the existing session when the URI is known.
    HostSession *addConnection(const SavedConnection &connection);
    void removeConnection(const QString &uri);

    const QList<HostSession *> &sessions() const { return m_sessions; }
    HostSession *session(const QString &uri) const;
    SavedConnection entry(const QString &uri) const;
    QString displayName(const QString &uri) const;
    void setCredentialProvider(CredentialProvider *provider);
    /// Where this host's remembered passwords are: removeConnection() forgets them.
    void setSecretStore(SecretStore *store);
    const ConnectionStore &store() const { return m_store; }

signals:
    void sessionAdded(crossvirt::models::HostSession *session);
    /// Emitted before the session is deleted.
    void sessionAboutToBeRemoved(crossvirt::models::HostSession *session);
    void saveFailed(const QString &error);

private:
    HostSession *createSession(const SavedConnection &connection);
    void save();

    ConnectionStore m_store;
    QList<SavedConnection> m_entries;
    QList<HostSession *> m_sessions;
    QPointer<CredentialProvider> m_credentials;
    QPointer<SecretStore> m_secrets;
    bool m_persistent = true;
};

} // namespace crossvirt::models
