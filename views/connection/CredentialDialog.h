#pragma once

#include "models/connection/CredentialProvider.h"
#include "models/secrets/SecretStore.h"

#include <QHash>
#include <QPointer>

namespace crossvirt::views {

/// Asks the user for what libvirt needs to open a connection (user name,
/// password...) in a dialog on the GUI thread. With a SecretStore, answers the user
/// chose to remember are saved in the keyring once libvirt accepted them, and used
/// next time without asking; remembered answers libvirt refuses are deleted, and the
/// next attempt asks the user again.
class CredentialDialogProvider : public models::CredentialProvider
{
    Q_OBJECT
public:
    explicit CredentialDialogProvider(QWidget *parentWindow);
    /// nullptr (the default): nothing is remembered and no "Remember" option shown.
    void setSecretStore(models::SecretStore *store);

    std::optional<QStringList> provide(const QString &uri,
                                       const QList<models::CredentialRequest> &requests) override;
    /// The HostKeyDialog; "no" unless the user presses "Trust".
    bool confirmHostKey(const models::SshHostKeyQuestion &question) override;
    void provideLater(const QString &uri, const QList<models::CredentialRequest> &requests,
                      Reply reply) override;
    void credentialsUsed(const QString &uri, Outcome outcome) override;

signals:
    /// Saving or deleting a remembered password failed (the keyring's message).
    void secretStoreFailed(const QString &error);

private:
    struct Pending
    {
        models::SecretKey key;
        QStringList answers;
        bool fromStore = false; // else: typed by the user
        bool remember = false;  // typed, and "Remember" ticked for this attempt
        bool stale = false;     // remembered, asked for again in the same attempt: wrong
    };
    std::optional<QStringList> askUser(const QString &uri,
                                       const QList<models::CredentialRequest> &requests,
                                       bool *remember, const QString &storeError = {});
    void answerFromStoreOrUser(const QString &uri, const QList<models::CredentialRequest> &requests,
                               Reply reply);

    QWidget *m_parentWindow;
    QPointer<models::SecretStore> m_store;
    QHash<QString, QList<Pending>> m_pending; // per URI: answers awaiting libvirt's verdict
};

} // namespace crossvirt::views
