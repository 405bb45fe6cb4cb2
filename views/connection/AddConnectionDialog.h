#pragma once

#include "models/connection/ConnectionStore.h"
#include "models/connection/ConnectionUri.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace crossvirt::views {

/// virt-manager's "Add Connection": hypervisor, transport, host, user and
/// autoconnect, with the resulting URI shown as it is typed.
class AddConnectionDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AddConnectionDialog(QWidget *parent = nullptr);

    models::SavedConnection connection() const;
    models::ConnectionUriSpec spec() const;

    QComboBox *hypervisorCombo() const { return m_hypervisor; }
    QComboBox *transportCombo() const { return m_transport; }
    QLineEdit *hostEdit() const { return m_host; }
    QLineEdit *userEdit() const { return m_user; }
    QLineEdit *customUriEdit() const { return m_custom; }
    QLabel *uriLabel() const { return m_uri; }
    QLabel *problemLabel() const { return m_problem; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    void update();

    QComboBox *m_hypervisor;
    QComboBox *m_transport;
    QLineEdit *m_host;
    QLineEdit *m_user;
    QLineEdit *m_testFile;
    QLineEdit *m_custom;
    QLineEdit *m_name;
    QCheckBox *m_autoconnect;
    QLabel *m_uri;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    QWidget *m_remoteRows[4] = {};
    QWidget *m_testRows[2] = {};
    QWidget *m_customRows[2] = {};
};

} // namespace crossvirt::views
