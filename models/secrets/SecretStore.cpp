#include "models/secrets/SecretStore.h"

#include "models/connection/ConnectionUri.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QPromise>
#include <memory>
#include <qt6keychain/keychain.h>

namespace crossvirt::models {

namespace {
// lupdate and the runtime both see the context "SecretStore" for Text::tr().
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(SecretStore)
};

using namespace Qt::StringLiterals;

QString kindName(SecretKey::Kind kind)
{
    switch (kind) {
    case SecretKey::Kind::Libvirt:
        return u"libvirt"_s;
    case SecretKey::Kind::Vnc:
        return u"vnc"_s;
    case SecretKey::Kind::Ssh:
        return u"ssh"_s;
    }
    return u"other"_s;
}

QString indexEntry(const QString &uri)
{
    return uri + u" index"_s;
}

template<typename T> QFuture<T> readyFuture(T value)
{
    return QtFuture::makeReadyFuture(std::move(value));
}

} // namespace

QString SecretKey::entryName() const
{
    return uri + u' ' + kindName(kind) + u' ' + id;
}

SecretKey SecretKey::forCredentials(const QString &uri, const QList<CredentialRequest> &requests)
{
    // The prompts name what is asked (a SASL user and password, "user@host's password",
    // a key file's passphrase); the same prompts next time find the same answers.
    bool ssh = false;
    QStringList parts;
    for (const CredentialRequest &r : requests) {
        parts << QString::number(int(r.kind)) + u':' + r.prompt + u':' + r.defaultValue;
        if (r.prompt.contains(u"passphrase"_s, Qt::CaseInsensitive) ||
            r.prompt.contains(u"ssh"_s, Qt::CaseInsensitive))
            ssh = true;
    }
    const ConnectionUriSpec::Transport transport = transportOfUri(uri);
    if (transport == ConnectionUriSpec::Transport::Ssh ||
        transport == ConnectionUriSpec::Transport::LibSsh)
        ssh = true;
    // A digest keeps the entry name short; the prompts themselves are no secret.
    const QByteArray digest =
        QCryptographicHash::hash(parts.join(u'\n').toUtf8(), QCryptographicHash::Sha256)
            .toHex()
            .left(16);
    QString user;
    for (const CredentialRequest &r : requests) {
        if (r.kind == CredentialRequest::Kind::UserName && !r.defaultValue.isEmpty())
            user = r.defaultValue + u'/';
    }
    return SecretKey{uri, ssh ? Kind::Ssh : Kind::Libvirt, user + QString::fromLatin1(digest)};
}

SecretKey SecretKey::forVnc(const QString &uri, const QString &vmUuid)
{
    return SecretKey{uri, Kind::Vnc, vmUuid};
}

namespace {
QPointer<SecretStore> g_applicationStore; // GUI thread only
} // namespace

SecretStore *SecretStore::applicationStore()
{
    return g_applicationStore.data();
}

void SecretStore::setApplicationStore(SecretStore *store)
{
    g_applicationStore = store;
}

SecretStore::SecretStore(QObject *parent, QString service)
    : QObject(parent), m_service(std::move(service))
{}

SecretStore::~SecretStore() = default;

QString SecretStore::defaultService()
{
    return u"Crossvirt"_s;
}

QString SecretStore::noStoreText()
{
    return Text::tr("No secret store (such as GNOME Keyring or KWallet) is running, so "
                    "passwords cannot be remembered.");
}

void SecretStore::setAvailability(Availability availability, const QString &reason)
{
    m_availability = availability;
    m_unavailableReason = reason;
    emit availabilityChanged();
}

QFuture<SecretStore::Availability> SecretStore::probe()
{
    if (m_probe)
        return *m_probe;
    auto promise = std::make_shared<QPromise<Availability>>();
    promise->start();
    m_probe = promise->future();
    // Without a session bus there is no secret service to ask (and asking could make
    // D-Bus try to autolaunch one).
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        setAvailability(Availability::Unavailable, noStoreText());
        promise->addResult(m_availability);
        promise->finish();
        return *m_probe;
    }
    enqueue([this, promise](Done done) {
        readEntry(u"probe"_s, [this, promise, done](const SecretResult &result) {
            if (result.ok())
                setAvailability(Availability::Available, {});
            else
                setAvailability(Availability::Unavailable,
                                noStoreText() + u' ' + Text::tr("(%1)").arg(result.error));
            promise->addResult(m_availability);
            promise->finish();
            done();
        });
    });
    return *m_probe;
}

void SecretStore::enqueue(std::function<void(Done)> op)
{
    m_queue << std::move(op);
    if (!m_busy)
        runNext();
}

void SecretStore::runNext()
{
    if (m_queue.isEmpty()) {
        m_busy = false;
        return;
    }
    m_busy = true;
    std::function<void(Done)> op = m_queue.takeFirst();
    op([this] { runNext(); });
}

void SecretStore::readEntry(const QString &name, std::function<void(SecretResult)> then)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setInsecureFallback(false); // never a plain-text file
    job->setAutoDelete(true);
    job->setKey(name);
    connect(job, &QKeychain::Job::finished, this, [then](QKeychain::Job *j) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
        SecretResult result;
        if (read->error() == QKeychain::NoError)
            result.secret = read->textData();
        else if (read->error() != QKeychain::EntryNotFound)
            result.error = read->errorString();
        then(result);
    });
    job->start();
}

void SecretStore::writeEntry(const QString &name, const QString &value,
                             std::function<void(SecretResult)> then)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(name);
    job->setTextData(value);
    connect(job, &QKeychain::Job::finished, this, [then](QKeychain::Job *j) {
        SecretResult result;
        if (j->error() != QKeychain::NoError)
            result.error = j->errorString();
        then(result);
    });
    job->start();
}

void SecretStore::deleteEntry(const QString &name, std::function<void(SecretResult)> then)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(name);
    connect(job, &QKeychain::Job::finished, this, [then](QKeychain::Job *j) {
        SecretResult result;
        if (j->error() != QKeychain::NoError && j->error() != QKeychain::EntryNotFound)
            result.error = j->errorString();
        then(result);
    });
    job->start();
}

void SecretStore::updateIndex(const QString &uri, const QString &entry, bool add,
                              std::function<void(SecretResult)> then)
{
    readEntry(indexEntry(uri), [this, uri, entry, add, then](const SecretResult &read) {
        if (!read.ok()) {
            then(read);
            return;
        }
        QStringList entries;
        if (read.secret) {
            for (const QJsonValue &v : QJsonDocument::fromJson(read.secret->toUtf8()).array())
                entries << v.toString();
        }
        if (add == entries.contains(entry)) {
            then({});
            return;
        }
        if (add)
            entries << entry;
        else
            entries.removeAll(entry);
        if (entries.isEmpty()) {
            deleteEntry(indexEntry(uri), then);
            return;
        }
        const QByteArray json =
            QJsonDocument(QJsonArray::fromStringList(entries)).toJson(QJsonDocument::Compact);
        writeEntry(indexEntry(uri), QString::fromUtf8(json), then);
    });
}

QFuture<SecretResult> SecretStore::read(const SecretKey &key)
{
    if (m_availability == Availability::Unavailable)
        return readyFuture(SecretResult{m_unavailableReason, std::nullopt});
    auto promise = std::make_shared<QPromise<SecretResult>>();
    promise->start();
    enqueue([this, promise, name = key.entryName()](Done done) {
        readEntry(name, [promise, done](const SecretResult &result) {
            SecretResult out = result;
            if (!out.ok())
                out.error = Text::tr("Could not read a saved password from the secret store: %1")
                                .arg(result.error);
            promise->addResult(out);
            promise->finish();
            done();
        });
    });
    return promise->future();
}

QFuture<SecretResult> SecretStore::write(const SecretKey &key, const QString &secret)
{
    if (m_availability == Availability::Unavailable)
        return readyFuture(SecretResult{m_unavailableReason, std::nullopt});
    auto promise = std::make_shared<QPromise<SecretResult>>();
    promise->start();
    enqueue([this, promise, key, secret](Done done) {
        const QString name = key.entryName();
        auto finish = [promise, done](SecretResult result) {
            if (!result.ok())
                result.error = Text::tr("Could not save the password in the secret store: %1")
                                   .arg(result.error);
            promise->addResult(result);
            promise->finish();
            done();
        };
        writeEntry(name, secret, [this, key, name, finish](const SecretResult &written) {
            if (!written.ok()) {
                finish(written);
                return;
            }
            updateIndex(key.uri, name, true, finish);
        });
    });
    return promise->future();
}

QFuture<SecretResult> SecretStore::remove(const SecretKey &key)
{
    if (m_availability == Availability::Unavailable)
        return readyFuture(SecretResult{m_unavailableReason, std::nullopt});
    auto promise = std::make_shared<QPromise<SecretResult>>();
    promise->start();
    enqueue([this, promise, key](Done done) {
        const QString name = key.entryName();
        auto finish = [promise, done](SecretResult result) {
            if (!result.ok())
                result.error =
                    Text::tr("Could not delete a saved password from the secret store: %1")
                        .arg(result.error);
            promise->addResult(result);
            promise->finish();
            done();
        };
        deleteEntry(name, [this, key, name, finish](const SecretResult &deleted) {
            if (!deleted.ok()) {
                finish(deleted);
                return;
            }
            updateIndex(key.uri, name, false, finish);
        });
    });
    return promise->future();
}

void SecretStore::deleteEntries(QStringList names, std::function<void(SecretResult)> then)
{
    // One after another; the first failure ends it.
    if (names.isEmpty()) {
        then({});
        return;
    }
    const QString first = names.takeFirst();
    deleteEntry(first, [this, names, then](const SecretResult &deleted) {
        if (!deleted.ok())
            then(deleted);
        else
            deleteEntries(names, then);
    });
}

QFuture<QStringList> SecretStore::entries(const QString &uri)
{
    if (m_availability == Availability::Unavailable)
        return readyFuture(QStringList());
    auto promise = std::make_shared<QPromise<QStringList>>();
    promise->start();
    enqueue([this, promise, uri](Done done) {
        readEntry(indexEntry(uri), [promise, done](const SecretResult &index) {
            QStringList names;
            if (index.secret) {
                for (const QJsonValue &v : QJsonDocument::fromJson(index.secret->toUtf8()).array())
                    names << v.toString();
            }
            promise->addResult(names);
            promise->finish();
            done();
        });
    });
    return promise->future();
}

QFuture<SecretResult> SecretStore::forgetConnection(const QString &uri)
{
    if (m_availability == Availability::Unavailable)
        return readyFuture(SecretResult{m_unavailableReason, std::nullopt});
    auto promise = std::make_shared<QPromise<SecretResult>>();
    promise->start();
    enqueue([this, promise, uri](Done done) {
        auto finish = [promise, done](SecretResult result) {
            if (!result.ok())
                result.error =
                    Text::tr("Could not forget the saved passwords: %1").arg(result.error);
            promise->addResult(result);
            promise->finish();
            done();
        };
        readEntry(indexEntry(uri), [this, uri, finish](const SecretResult &index) {
            if (!index.ok()) {
                finish(index);
                return;
            }
            QStringList entries;
            if (index.secret) {
                for (const QJsonValue &v : QJsonDocument::fromJson(index.secret->toUtf8()).array())
                    entries << v.toString();
            }
            entries << indexEntry(uri); // last: a failure before it leaves the list usable
            deleteEntries(entries, finish);
        });
    });
    return promise->future();
}

} // namespace crossvirt::models
