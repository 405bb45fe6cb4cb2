#include "views/connection/AddConnectionDialog.h"

#include "models/connection/CredentialProvider.h"
#include "models/connection/TlsCertificateFolder.h"
#include "views/connection/CredentialDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QVBoxLayout>

namespace crossvirt::views {

using namespace Qt::StringLiterals;
using Spec = models::ConnectionUriSpec;
using Transport = Spec::Transport;
using Probe = models::ConnectionProbe;

namespace {
bool isSsh(Transport t)
{
    return t == Transport::Ssh || t == Transport::LibSsh;
}

QLabel *hintLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

void setProblemColor(QLabel *label)
{
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, QColor(0xb0, 0x20, 0x20));
    label->setPalette(pal);
}
} // namespace

AddConnectionDialog::AddConnectionDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Add Connection"));
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_hypervisor = new QComboBox(this);
    m_hypervisor->addItem(tr("QEMU/KVM"), int(Spec::Hypervisor::QemuSystem));
    m_hypervisor->addItem(tr("QEMU/KVM user session"), int(Spec::Hypervisor::QemuSession));
    m_hypervisor->addItem(tr("Test driver (no hypervisor)"), int(Spec::Hypervisor::Test));
    m_hypervisor->addItem(tr("Custom URI"), int(Spec::Hypervisor::Custom));
    m_form->addRow(tr("&Hypervisor:"), m_hypervisor);

    m_transport = new QComboBox(this);
    m_transport->addItem(tr("Local"), int(Transport::Local));
    m_transport->addItem(tr("SSH"), int(Transport::Ssh));
    m_transport->addItem(tr("SSH (libssh)"), int(Transport::LibSsh));
    m_transport->addItem(tr("TCP (with SASL when the host asks)"), int(Transport::Tcp));
    m_transport->addItem(tr("TLS (certificates)"), int(Transport::Tls));
    m_form->addRow(tr("&Transport:"), m_transport);

    m_host = new QLineEdit(this);
    m_host->setPlaceholderText(tr("host name or address"));
    m_form->addRow(tr("H&ost:"), m_host);
    m_port = new QSpinBox(this);
    m_port->setRange(0, 65535);
    m_form->addRow(tr("&Port:"), m_port);
    m_user = new QLineEdit(this);
    m_user->setPlaceholderText(tr("optional, e.g. root"));
    m_form->addRow(tr("&User:"), m_user);

    // A line edit with a Browse… button for an absolute file path.
    auto fileRow = [this](QLineEdit *&edit, const QString &label, const QString &title,
                          const QString &placeholder) {
        auto *row = new QWidget(this);
        auto *h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        edit = new QLineEdit(row);
        edit->setPlaceholderText(placeholder);
        auto *button = new QPushButton(tr("Browse…"), row);
        button->setAccessibleName(tr("Browse for %1").arg(title));
        h->addWidget(edit, 1);
        h->addWidget(button);
        QLineEdit *target = edit;
        connect(button, &QPushButton::clicked, this,
                [this, target, title] { browse(target, title); });
        auto *buddy = new QLabel(label, this);
        buddy->setBuddy(edit);
        // The label is not a sibling of the edit, so accessibility cannot find it as buddy.
        edit->setAccessibleName(QString(label).remove(u'&').remove(u':'));
        m_form->addRow(buddy, row);
        return row;
    };
    m_keyRow = fileRow(m_keyFile, tr("SSH &key file:"), tr("SSH key file"),
                       tr("absolute path, e.g. ~/.ssh/id_ed25519"));
    m_keyHint = hintLabel(tr("Empty: the SSH agent and the keys in ~/.ssh are tried."), this);
    m_form->addRow(QString(), m_keyHint);

    m_tlsDefaults = new QCheckBox(tr("Use libvirt's &default places"), this);
    m_tlsDefaults->setChecked(true);
    m_form->addRow(tr("Certificates:"), m_tlsDefaults);
    m_tlsDefaultPaths = hintLabel(QString(), this);
    m_tlsDefaultPaths->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_form->addRow(QString(), m_tlsDefaultPaths);
    const QString tlsTitles[3] = {tr("CA certificate"), tr("client certificate"), tr("client key")};
    const QString tlsLabels[3] = {tr("&CA certificate:"), tr("C&lient certificate:"),
                                  tr("Client &key:")};
    for (int i = 0; i < 3; ++i) {
        m_tlsRows[i] =
            fileRow(m_tlsEdits[i], tlsLabels[i], tlsTitles[i], tr("absolute path of a PEM file"));
    }

    m_testFile = new QLineEdit(this);
    m_testFile->setPlaceholderText(tr("absolute path of a host file; empty for test:///default"));
    m_form->addRow(tr("Host &file:"), m_testFile);
    m_custom = new QLineEdit(this);
    m_custom->setPlaceholderText(tr("e.g. qemu+ssh://root@host/system"));
    m_form->addRow(tr("U&RI:"), m_custom);

    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("optional display name"));
    m_form->addRow(tr("&Name:"), m_name);
    m_autoconnect = new QCheckBox(tr("&Autoconnect at start"), this);
    m_autoconnect->setChecked(true);
    m_form->addRow(QString(), m_autoconnect);

    m_uri = new QLabel(this);
    m_uri->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_uri->setWordWrap(true);
    m_form->addRow(tr("Generated URI:"), m_uri);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    setProblemColor(m_problem);

    m_test = new QPushButton(tr("&Test Connection"), this);
    m_stopTest = new QPushButton(tr("&Stop Test"), this);
    m_stopTest->setVisible(false);
    m_testStatus = new QLabel(this);
    m_testStatus->setWordWrap(true);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_stopTest);
    testRow->addWidget(m_testStatus, 1);
    m_testReport = new QLabel(this);
    m_testReport->setWordWrap(true);
    m_testReport->setTextFormat(Qt::RichText);
    m_testReport->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testReport->setVisible(false);
    connect(m_test, &QPushButton::clicked, this, &AddConnectionDialog::testConnection);
    connect(m_stopTest, &QPushButton::clicked, this, &AddConnectionDialog::stopTest);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Co&nnect"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AddConnectionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AddConnectionDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_problem);
    layout->addLayout(testRow);
    layout->addWidget(m_testReport);
    layout->addStretch();
    layout->addWidget(m_buttons);

    for (QComboBox *c : {m_hypervisor, m_transport})
        connect(c, &QComboBox::currentIndexChanged, this, &AddConnectionDialog::update);
    for (QLineEdit *e : {m_host, m_user, m_keyFile, m_testFile, m_custom, m_tlsEdits[0],
                         m_tlsEdits[1], m_tlsEdits[2]})
        connect(e, &QLineEdit::textChanged, this, &AddConnectionDialog::update);
    connect(m_port, &QSpinBox::valueChanged, this, &AddConnectionDialog::update);
    connect(m_tlsDefaults, &QCheckBox::toggled, this, &AddConnectionDialog::update);
    m_credentials = new CredentialDialogProvider(this);
    update();
    setMinimumWidth(540);
    resize(580, sizeHint().height());
}

AddConnectionDialog::~AddConnectionDialog() = default;

void AddConnectionDialog::setCredentialProvider(models::CredentialProvider *provider)
{
    m_credentials = provider;
}

void AddConnectionDialog::setConnection(const models::SavedConnection &connection)
{
    setWindowTitle(tr("Edit Connection"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Save"));
    const Spec s = Spec::fromUri(connection.uri);
    m_hypervisor->setCurrentIndex(m_hypervisor->findData(int(s.hypervisor)));
    m_transport->setCurrentIndex(qMax(0, m_transport->findData(int(s.transport))));
    m_host->setText(s.host);
    m_port->setValue(s.port);
    m_user->setText(s.user);
    m_keyFile->setText(s.sshKeyFile);
    m_testFile->setText(s.testFile);
    m_custom->setText(s.customUri);
    m_tlsDefaults->setChecked(s.pkiDir.isEmpty());
    if (!s.pkiDir.isEmpty()) {
        // A folder Crossvirt made holds links: show the files the user chose.
        const models::TlsCertificates files = models::tlsCertificatesFor(connection.uri);
        const QString paths[3] = {files.caCertificate, files.clientCertificate, files.clientKey};
        for (int i = 0; i < 3; ++i) {
            const QFileInfo info(paths[i]);
            m_tlsEdits[i]->setText(info.isSymLink() ? info.symLinkTarget() : paths[i]);
        }
    }
    m_name->setText(connection.name);
    m_autoconnect->setChecked(connection.autoconnect);
    update();
}

bool AddConnectionDialog::usesChosenTlsFiles() const
{
    const Spec s = spec();
    return s.hypervisor != Spec::Hypervisor::Custom && s.hypervisor != Spec::Hypervisor::Test &&
           s.transport == Transport::Tls && !m_tlsDefaults->isChecked();
}

models::TlsCertificates AddConnectionDialog::tlsFiles() const
{
    if (m_tlsDefaults->isChecked())
        return models::tlsCertificatesFor(u"qemu+tls://host/system"_s);
    return {m_tlsEdits[0]->text().trimmed(), m_tlsEdits[1]->text().trimmed(),
            m_tlsEdits[2]->text().trimmed()};
}

Spec AddConnectionDialog::spec() const
{
    Spec s;
    s.hypervisor = Spec::Hypervisor(m_hypervisor->currentData().toInt());
    s.transport = Transport(m_transport->currentData().toInt());
    s.host = m_host->text();
    s.testFile = m_testFile->text().trimmed();
    s.customUri = m_custom->text();
    if (s.transport == Transport::Local)
        return s;
    s.port = m_port->value();
    if (isSsh(s.transport)) {
        s.user = m_user->text();
        s.sshKeyFile = m_keyFile->text().trimmed();
    }
    if (s.transport == Transport::Tls && !m_tlsDefaults->isChecked()) {
        const models::TlsCertificates files = tlsFiles();
        if (!files.caCertificate.isEmpty() && !files.clientCertificate.isEmpty() &&
            !files.clientKey.isEmpty())
            s.pkiDir = models::plannedPkiFolder(files, s.host.trimmed());
    }
    return s;
}

models::SavedConnection AddConnectionDialog::connection() const
{
    return {spec().uri(), m_name->text().trimmed(), m_autoconnect->isChecked()};
}

QStringList AddConnectionDialog::fileProblems() const
{
    const Spec s = spec();
    const bool remoteQemu = s.hypervisor == Spec::Hypervisor::QemuSystem ||
                            s.hypervisor == Spec::Hypervisor::QemuSession;
    QStringList problems;
    if (!remoteQemu)
        return problems;
    if (isSsh(s.transport) && !s.sshKeyFile.isEmpty() && QFileInfo(s.sshKeyFile).isAbsolute()) {
        const QFileInfo key(s.sshKeyFile);
        if (!key.exists())
            problems << tr("The SSH key file %1 does not exist.").arg(s.sshKeyFile);
        else if (!key.isFile() || !key.isReadable())
            problems << tr("The SSH key file %1 cannot be read.").arg(s.sshKeyFile);
    }
    if (s.transport == Transport::Tls)
        problems << models::tlsCertificateProblems(tlsFiles());
    return problems;
}

void AddConnectionDialog::update()
{
    const Spec s = spec();
    const bool qemu = s.hypervisor == Spec::Hypervisor::QemuSystem ||
                      s.hypervisor == Spec::Hypervisor::QemuSession;
    const bool remote = qemu && s.transport != Transport::Local;
    const bool ssh = remote && isSsh(s.transport);
    const bool tls = remote && s.transport == Transport::Tls;
    m_transport->setEnabled(qemu);
    m_form->setRowVisible(m_host, remote);
    m_form->setRowVisible(m_port, remote);
    m_form->setRowVisible(m_user, ssh);
    m_form->setRowVisible(m_keyRow, ssh);
    m_form->setRowVisible(m_keyHint, ssh);
    m_form->setRowVisible(m_tlsDefaults, tls);
    m_form->setRowVisible(m_tlsDefaultPaths, tls && m_tlsDefaults->isChecked());
    for (QWidget *row : m_tlsRows)
        m_form->setRowVisible(row, tls && !m_tlsDefaults->isChecked());
    m_form->setRowVisible(m_testFile, s.hypervisor == Spec::Hypervisor::Test);
    m_form->setRowVisible(m_custom, s.hypervisor == Spec::Hypervisor::Custom);

    int defaultPort = 0;
    if (isSsh(s.transport))
        defaultPort = 22;
    else if (s.transport == Transport::Tcp)
        defaultPort = 16509;
    else if (s.transport == Transport::Tls)
        defaultPort = 16514;
    m_port->setSpecialValueText(tr("default (%1)").arg(defaultPort));
    if (tls && m_tlsDefaults->isChecked()) {
        const models::TlsCertificates d = tlsFiles();
        m_tlsDefaultPaths->setText(tr("libvirt reads %1, %2 and %3.")
                                       .arg(d.caCertificate, d.clientCertificate, d.clientKey));
    }

    QString problem = s.problem();
    const QStringList files = fileProblems();
    // Chosen files must exist to be linked; libvirt's default places are only warned about
    // (they are libvirt's to find, and may be installed after the host is added).
    const bool defaultPlaces = tls && m_tlsDefaults->isChecked();
    const bool blocking = !problem.isEmpty() || (!files.isEmpty() && !defaultPlaces);
    if (problem.isEmpty() && !files.isEmpty()) {
        problem =
            defaultPlaces
                ? tr("Connecting will fail until these are in place: %1").arg(files.join(u' '))
                : files.join(u' ');
    }
    m_uri->setText(s.problem().isEmpty() ? s.uri() : QString());
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!blocking);
    const bool running = m_probe && m_probe->isRunning();
    m_test->setEnabled(s.problem().isEmpty() && !running);
}

void AddConnectionDialog::browse(QLineEdit *edit, const QString &title)
{
    QString start = edit->text();
    if (start.isEmpty())
        start = edit == m_keyFile ? QDir::homePath() + u"/.ssh"_s : QDir::homePath();
    const QString file = QFileDialog::getOpenFileName(this, tr("Choose the %1").arg(title), start);
    if (!file.isEmpty())
        edit->setText(QFileInfo(file).absoluteFilePath());
}

void AddConnectionDialog::accept()
{
    update();
    if (!m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
        return;
    if (usesChosenTlsFiles()) {
        const QString error = models::makePkiFolder(tlsFiles(), spec().pkiDir);
        if (!error.isEmpty()) {
            m_problem->setText(error);
            m_problem->setVisible(true);
            return;
        }
    }
    stopTest();
    QDialog::accept();
}

void AddConnectionDialog::reject()
{
    stopTest();
    QDialog::reject();
}

void AddConnectionDialog::testConnection()
{
    if (m_probe && m_probe->isRunning())
        return;
    Spec s = spec();
    if (!s.problem().isEmpty())
        return;
    m_reportLines.clear();
    m_testReport->clear();
    m_testReport->setVisible(false);
    std::optional<models::TlsCertificates> shown;
    if (usesChosenTlsFiles()) {
        // Test the chosen files through a temporary folder of links: nothing is saved.
        const models::TlsCertificates files = tlsFiles();
        m_probePki = std::make_unique<QTemporaryDir>();
        const QString error = m_probePki->isValid()
                                  ? models::makePkiFolder(files, m_probePki->path())
                                  : m_probePki->errorString();
        if (!error.isEmpty()) {
            m_probePki.reset();
            m_testStatus->setText(tr("Not tested: %1").arg(error));
            return;
        }
        const QString own = models::existingPkiFolder(files);
        s.pkiDir = own.isEmpty() ? m_probePki->path() : own;
        shown = files;
    }
    delete m_probe;
    m_probe = new Probe(s.uri(), m_credentials, this);
    if (shown)
        m_probe->setCertificateFiles(*shown);
    connect(m_probe, &Probe::reported, this, &AddConnectionDialog::showReport);
    connect(m_probe, &Probe::finished, this, &AddConnectionDialog::probeFinished);
    m_testStatus->setText(tr("Testing %1…").arg(s.uri()));
    m_stopTest->setVisible(true);
    m_probe->start();
    update();
}

void AddConnectionDialog::showReport(const Probe::Report &report)
{
    QString step;
    switch (report.step) {
    case Probe::Step::Connecting:
        step = tr("Connecting");
        break;
    case Probe::Step::Authenticating:
        step = tr("Authenticating");
        break;
    case Probe::Step::Host:
        step = tr("Host");
        break;
    case Probe::Step::Domains:
        step = tr("Virtual machines");
        break;
    case Probe::Step::Certificates:
        step = tr("Certificates");
        break;
    }
    const QString mark = report.ok ? u"<span style=\"color:#1a7f37\">✔</span>"_s
                                   : u"<span style=\"color:#b02020\">✘</span>"_s;
    m_reportLines << u"%1 <b>%2:</b> %3"_s.arg(mark, step.toHtmlEscaped(),
                                               report.text.toHtmlEscaped());
    m_testReport->setText(m_reportLines.join(u"<br>"_s));
    m_testReport->setVisible(true);
}

void AddConnectionDialog::probeFinished(bool ok)
{
    m_testStatus->setText(ok ? tr("The connection works; nothing was saved.")
                             : tr("The test failed; nothing was saved."));
    m_stopTest->setVisible(false);
    m_probePki.reset();
    update();
}

void AddConnectionDialog::stopTest()
{
    if (m_probe && m_probe->isRunning())
        m_probe->cancel();
}

} // namespace crossvirt::views
