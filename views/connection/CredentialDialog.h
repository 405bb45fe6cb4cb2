#pragma once

#include "models/connection/CredentialProvider.h"

namespace crossvirt::views {

/// Asks the user for what libvirt needs to open a connection (user name,
/// password...) in a dialog on the GUI thread.
class CredentialDialogProvider : public models::CredentialProvider
{
    Q_OBJECT
public:
    explicit CredentialDialogProvider(QWidget *parentWindow);
    std::optional<QStringList> provide(const QString &uri,
                                       const QList<models::CredentialRequest> &requests) override;
    /// The HostKeyDialog; "no" unless the user presses "Trust".
    bool confirmHostKey(const models::SshHostKeyQuestion &question) override;

private:
    QWidget *m_parentWindow;
};

} // namespace crossvirt::views
