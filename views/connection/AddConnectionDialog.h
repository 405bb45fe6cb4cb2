#pragma once

#include "models/connection/ConnectionProbe.h"
#include "models/connection/ConnectionStore.h"
#include "models/connection/ConnectionUri.h"
#include "models/connection/CredentialProvider.h"

#include <QDialog>
#include <QPointer>
#include <memory>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTemporaryDir;

namespace crossvirt::views {

/// virt-manager's "Add Connection": hypervisor, transport, host, port, user, SSH key file,
/// TLS certificates and autoconnect, with the resulting URI shown as it is typed, and a
/// "Test connection" that opens the URI once (on a worker) and says what worked.
class AddConnectionDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AddConnectionDialog(QWidget *parent = nullptr);
    ~AddConnectionDialog() override;

    /// Fills the dialog from a saved connection (Edit Connection).
    void setConnection(const models::SavedConnection &connection);
    /// Answers the test's credential prompts. The default is a CredentialDialogProvider of
    /// the dialog's own: the same prompts as a real connection, but with no secret store,
    /// so a test neither uses nor remembers saved passwords.
    void setCredentialProvider(models::CredentialProvider *provider);

    /// The connection to save. For TLS with chosen files, pkipath= names the folder that
    /// accepting the dialog makes (see models/connection/TlsCertificateFolder.h).
    models::SavedConnection connection() const;
    models::ConnectionUriSpec spec() const;
    /// The TLS files in the dialog (libvirt's default places when that box is ticked).
    models::TlsCertificates tlsFiles() const;
    /// Missing or unreadable files (SSH key, TLS certificates), tr'd; empty when none.
    QStringList fileProblems() const;

    /// Makes the pki folder when needed, then accepts; stays open with the reason if not.
    void accept() override;
    void reject() override;

    QComboBox *hypervisorCombo() const { return m_hypervisor; }
    QComboBox *transportCombo() const { return m_transport; }
    QLineEdit *hostEdit() const { return m_host; }
    QSpinBox *portSpin() const { return m_port; }
    QLineEdit *userEdit() const { return m_user; }
    QLineEdit *keyFileEdit() const { return m_keyFile; }
    QCheckBox *tlsDefaultsCheck() const { return m_tlsDefaults; }
    QLabel *tlsDefaultPathsLabel() const { return m_tlsDefaultPaths; }
    QLineEdit *caCertEdit() const { return m_tlsEdits[0]; }
    QLineEdit *clientCertEdit() const { return m_tlsEdits[1]; }
    QLineEdit *clientKeyEdit() const { return m_tlsEdits[2]; }
    QLineEdit *testFileEdit() const { return m_testFile; }
    QLineEdit *customUriEdit() const { return m_custom; }
    QLineEdit *nameEdit() const { return m_name; }
    QLabel *uriLabel() const { return m_uri; }
    QLabel *problemLabel() const { return m_problem; }
    QDialogButtonBox *buttons() const { return m_buttons; }
    QPushButton *testButton() const { return m_test; }
    QPushButton *stopTestButton() const { return m_stopTest; }
    /// The test's step-by-step report.
    QLabel *testReportLabel() const { return m_testReport; }
    /// The running or last test (nullptr before the first).
    models::ConnectionProbe *probe() const { return m_probe; }

    /// Runs "Test connection" as the button does.
    void testConnection();

private:
    void update();
    void browse(QLineEdit *edit, const QString &title);
    void showReport(const models::ConnectionProbe::Report &report);
    void probeFinished(bool ok);
    void stopTest();
    bool usesChosenTlsFiles() const;

    QFormLayout *m_form;
    QComboBox *m_hypervisor;
    QComboBox *m_transport;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_user;
    QLineEdit *m_keyFile;
    QWidget *m_keyRow;
    QLabel *m_keyHint;
    QCheckBox *m_tlsDefaults;
    QLabel *m_tlsDefaultPaths;
    QLineEdit *m_tlsEdits[3] = {};
    QWidget *m_tlsRows[3] = {};
    QLineEdit *m_testFile;
    QLineEdit *m_custom;
    QLineEdit *m_name;
    QCheckBox *m_autoconnect;
    QLabel *m_uri;
    QLabel *m_problem;
    QPushButton *m_test;
    QPushButton *m_stopTest;
    QLabel *m_testStatus;
    QLabel *m_testReport;
    QDialogButtonBox *m_buttons;
    QPointer<models::CredentialProvider> m_credentials;
    QPointer<models::ConnectionProbe> m_probe;
    /// The test's pki folder of links for chosen TLS files; removed when the test ends.
    std::unique_ptr<QTemporaryDir> m_probePki;
    QStringList m_reportLines;
};

} // namespace crossvirt::views
