#pragma once

#include "models/connection/CredentialProvider.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>
#include <functional>
#include <optional>

namespace crossvirt::models {

/// Names one remembered secret: the connection it belongs to, what it is for and, within
/// that, which one (the prompts libvirt asked, a VM's UUID, an SSH user or key file).
struct SecretKey
{
    enum class Kind
    {
        Libvirt, ///< answers to libvirt's credential prompts (user name and password)
        Vnc,     ///< the VNC password of one VM (id: the VM's UUID)
        Ssh      ///< an SSH password or key passphrase (id: user or key file)
    };
    QString uri;
    Kind kind = Kind::Libvirt;
    QString id;

    /// The keyring entry's name: readable in a keyring manager, unique per key.
    QString entryName() const;
    /// The key for answers to `requests` on `uri` (SSH prompts count as Ssh).
    static SecretKey forCredentials(const QString &uri, const QList<CredentialRequest> &requests);
    static SecretKey forVnc(const QString &uri, const QString &vmUuid);
    friend bool operator==(const SecretKey &, const SecretKey &) = default;
};

/// The outcome of one keyring operation: `error` is empty when it worked; `secret` is
/// what a read found (nullopt: nothing stored under that key).
struct SecretResult
{
    QString error;
    std::optional<QString> secret;
    bool ok() const { return error.isEmpty(); }
};

/// Remembered passwords in the desktop's secret store (GNOME Keyring, KWallet: the
/// Secret Service over D-Bus) through QtKeychain; never a plain file (no insecure
/// fallback). Lives on the GUI thread: every operation is an asynchronous keyring job
/// run by that thread's event loop, one after another in the order asked, so a read
/// after a write or delete sees its effect. Each connection's keys are listed in an
/// index entry in the keyring itself, so "forget" can remove them all.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    enum class Availability
    {
        Unknown,
        Available,
        Unavailable
    };
    /// `service` is the keyring's service (application) name for every entry.
    explicit SecretStore(QObject *parent = nullptr, QString service = defaultService());
    ~SecretStore() override;

    static QString defaultService();

    /// The application's store, for widgets made deep inside windows (a VM's console):
    /// set by the application core (or a test), nullptr in programs that remember nothing.
    /// GUI thread only.
    static SecretStore *applicationStore();
    static void setApplicationStore(SecretStore *store);

    /// Asks the secret service once whether it answers (an empty read); the result is
    /// kept (availability()) and availabilityChanged() is emitted. Later calls return
    /// the same answer.
    QFuture<Availability> probe();
    Availability availability() const { return m_availability; }
    bool isAvailable() const { return m_availability == Availability::Available; }
    /// Why passwords cannot be remembered (empty while available or unknown).
    QString unavailableReason() const { return m_unavailableReason; }
    /// "No secret store (such as GNOME Keyring or KWallet) is running, so passwords
    /// cannot be remembered."
    static QString noStoreText();

    QFuture<SecretResult> read(const SecretKey &key);
    QFuture<SecretResult> write(const SecretKey &key, const QString &secret);
    QFuture<SecretResult> remove(const SecretKey &key);
    /// The keyring entries remembered for `uri` (names only, never the secrets).
    QFuture<QStringList> entries(const QString &uri);
    /// Removes every secret remembered for `uri` (and its index).
    QFuture<SecretResult> forgetConnection(const QString &uri);

signals:
    void availabilityChanged();

private:
    using Done = std::function<void()>;
    void enqueue(std::function<void(Done)> op);
    void runNext();
    void readEntry(const QString &name, std::function<void(SecretResult)> then);
    void writeEntry(const QString &name, const QString &value,
                    std::function<void(SecretResult)> then);
    void deleteEntry(const QString &name, std::function<void(SecretResult)> then);
    void deleteEntries(QStringList names, std::function<void(SecretResult)> then);
    void updateIndex(const QString &uri, const QString &entry, bool add,
                     std::function<void(SecretResult)> then);
    void setAvailability(Availability availability, const QString &reason);

    QString m_service;
    QList<std::function<void(Done)>> m_queue;
    bool m_busy = false;
    Availability m_availability = Availability::Unknown;
    QString m_unavailableReason;
    std::optional<QFuture<Availability>> m_probe;
};

} // namespace crossvirt::models
