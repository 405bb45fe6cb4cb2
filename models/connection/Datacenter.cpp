#include "models/connection/Datacenter.h"

#include "models/connection/ConnectionUri.h"
#include "models/connection/DemoDatacenter.h"
#include "models/connection/HostSession.h"
#include "models/connection/StartupHold.h"
#include "models/secrets/SecretStore.h"

#include <QFutureWatcher>
#include <QHash>
#include <QPointer>
#include <QtConcurrent>
#include <algorithm>

namespace crossvirt::models {

namespace {

// The held opens of each Datacenter that asked (StartupHold.h); GUI thread only.
struct OpenHold
{
    int immediate = 0; ///< how many more may open at once
    QList<QPointer<HostSession>> held;
};

QHash<const Datacenter *, OpenHold> &openHolds()
{
    static QHash<const Datacenter *, OpenHold> holds;
    return holds;
}

} // namespace

void holdOpens(Datacenter *datacenter, int immediate)
{
    openHolds()[datacenter].immediate = immediate;
}

void releaseHeldOpens(Datacenter *datacenter)
{
    const OpenHold hold = openHolds().take(datacenter);
    for (const QPointer<HostSession> &s : hold.held) {
        if (s) // not removed meanwhile
            s->open();
    }
}

bool holdingOpens(const Datacenter *datacenter)
{
    return openHolds().contains(datacenter);
}

Datacenter::Datacenter(ConnectionStore store, QObject *parent)
    : QObject(parent), m_store(std::move(store))
{}

Datacenter::~Datacenter()
{
    openHolds().remove(this);
    qDeleteAll(m_sessions);
}

ConnectionStore::LoadResult Datacenter::loadSaved()
{
    ConnectionStore::LoadResult result = m_store.load();
    QList<SavedConnection> entries = result.connections;
    if (result.status == ConnectionStore::Status::Missing) {
        QString error;
        entries = DemoDatacenter::install(DemoDatacenter::defaultFolder(), &error);
        if (!error.isEmpty())
            result.error = error;
    }
    m_persistent =
        !(result.status != ConnectionStore::Status::Loaded &&
          result.status != ConnectionStore::Status::Missing && result.backupPath.isEmpty());
    for (const SavedConnection &c : std::as_const(entries))
        createSession(c);
    if (result.status == ConnectionStore::Status::Missing && !entries.isEmpty())
        save();
    return result;
}

void Datacenter::useTransient(const QStringList &uris)
{
    m_persistent = false;
    for (const QString &uri : uris)
        createSession(SavedConnection{uri, {}, true});
}

HostSession *Datacenter::createSession(const SavedConnection &connection)
{
    if (HostSession *existing = session(connection.uri))
        return existing;
    auto *s = new HostSession(connection.uri, this);
    if (m_credentials)
        s->setCredentialProvider(m_credentials);
    m_entries << connection;
    m_sessions << s;
    emit sessionAdded(s);
    if (connection.autoconnect) {
        const auto hold = openHolds().find(this);
        if (hold == openHolds().end() || hold->immediate-- > 0)
            s->open();
        else
            hold->held << s;
    }
    return s;
}

HostSession *Datacenter::addConnection(const SavedConnection &connection)
{
    if (HostSession *existing = session(connection.uri))
        return existing;
    HostSession *s = createSession(connection);
    save();
    return s;
}

void Datacenter::removeConnection(const QString &uri)
{
    for (qsizetype i = 0; i < m_sessions.size(); ++i) {
        if (m_sessions[i]->uri() != uri)
            continue;
        HostSession *s = m_sessions[i];
        emit sessionAboutToBeRemoved(s);
        m_sessions.removeAt(i);
        m_entries.removeAt(i);
        delete s;
        save();
        // A removed host keeps no remembered password (a failure only leaves them behind).
        if (m_secrets)
            m_secrets->forgetConnection(uri);
        return;
    }
}

HostSession *Datacenter::updateConnection(const QString &oldUri, const SavedConnection &connection)
{
    const qsizetype i = std::find_if(m_entries.cbegin(), m_entries.cend(),
                                     [&](const SavedConnection &c) { return c.uri == oldUri; }) -
                        m_entries.cbegin();
    if (i >= m_entries.size())
        return nullptr;
    if (connection.uri != oldUri) {
        if (HostSession *other = session(connection.uri))
            return other;
        removeConnection(oldUri);
        // Views follow sessionAdded/sessionAboutToBeRemoved, so the new host is added last.
        HostSession *s = createSession(connection);
        save();
        return s;
    }
    m_entries[i] = connection;
    save();
    return m_sessions[i];
}

HostSession *Datacenter::session(const QString &uri) const
{
    for (HostSession *s : m_sessions) {
        if (s->uri() == uri)
            return s;
    }
    return nullptr;
}

SavedConnection Datacenter::entry(const QString &uri) const
{
    for (const SavedConnection &c : m_entries) {
        if (c.uri == uri)
            return c;
    }
    return {};
}

QString Datacenter::displayName(const QString &uri) const
{
    const SavedConnection c = entry(uri);
    return c.name.isEmpty() ? displayNameForUri(uri) : c.name;
}

void Datacenter::setCredentialProvider(CredentialProvider *provider)
{
    m_credentials = provider;
    for (HostSession *s : std::as_const(m_sessions))
        s->setCredentialProvider(provider);
}

void Datacenter::setSecretStore(SecretStore *store)
{
    m_secrets = store;
}

void Datacenter::save()
{
    if (!m_persistent)
        return;
    // The file write runs off the GUI thread; saves are few and each writes the
    // whole list atomically, so the last one to finish is the newest list.
    const ConnectionStore store = m_store;
    const QList<SavedConnection> entries = m_entries;
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
        const QString error = watcher->result();
        watcher->deleteLater();
        if (!error.isEmpty())
            emit saveFailed(error);
    });
    static QThreadPool savePool; // one thread: saves run in order
    savePool.setMaxThreadCount(1);
    watcher->setFuture(
        QtConcurrent::run(&savePool, [store, entries] { return store.save(entries); }));
}

} // namespace crossvirt::models
