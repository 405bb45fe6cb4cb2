#pragma once

#include "models/connection/CredentialProvider.h"

#include <QDialog>

class QPushButton;

namespace crossvirt::views {

/// First connection to an SSH host: shows the host key's type and SHA256 fingerprint and
/// asks whether to trust it. "Do not trust" is the default button: Enter never trusts.
class HostKeyDialog : public QDialog
{
    Q_OBJECT
public:
    HostKeyDialog(const models::SshHostKeyQuestion &question, QWidget *parent = nullptr);
    QPushButton *trustButton() const { return m_trust; }
    QPushButton *rejectButton() const { return m_reject; }

private:
    QPushButton *m_trust = nullptr;
    QPushButton *m_reject = nullptr;
};

} // namespace crossvirt::views
