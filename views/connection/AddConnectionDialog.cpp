#include "views/connection/AddConnectionDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace crossvirt::views {

using Spec = models::ConnectionUriSpec;

AddConnectionDialog::AddConnectionDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Add Connection"));
    auto *form = new QFormLayout;
    m_hypervisor = new QComboBox(this);
    m_hypervisor->addItem(tr("QEMU/KVM"), int(Spec::Hypervisor::QemuSystem));
    m_hypervisor->addItem(tr("QEMU/KVM user session"), int(Spec::Hypervisor::QemuSession));
    m_hypervisor->addItem(tr("Test driver (no hypervisor)"), int(Spec::Hypervisor::Test));
    m_hypervisor->addItem(tr("Custom URI"), int(Spec::Hypervisor::Custom));
    form->addRow(tr("&Hypervisor:"), m_hypervisor);

    m_transport = new QComboBox(this);
    m_transport->addItem(tr("Local"), int(Spec::Transport::Local));
    m_transport->addItem(tr("SSH"), int(Spec::Transport::Ssh));
    m_transport->addItem(tr("TCP (SASL or no authentication)"), int(Spec::Transport::Tcp));
    m_transport->addItem(tr("TLS (certificates)"), int(Spec::Transport::Tls));
    auto *transportLabel = new QLabel(tr("&Transport:"), this);
    transportLabel->setBuddy(m_transport);
    form->addRow(transportLabel, m_transport);

    m_host = new QLineEdit(this);
    m_host->setPlaceholderText(tr("host name or address[:port]"));
    auto *hostLabel = new QLabel(tr("H&ost:"), this);
    hostLabel->setBuddy(m_host);
    form->addRow(hostLabel, m_host);
    m_user = new QLineEdit(this);
    m_user->setPlaceholderText(tr("optional, e.g. root"));
    auto *userLabel = new QLabel(tr("&User:"), this);
    userLabel->setBuddy(m_user);
    form->addRow(userLabel, m_user);
    m_remoteRows[0] = hostLabel;
    m_remoteRows[1] = m_host;
    m_remoteRows[2] = userLabel;
    m_remoteRows[3] = m_user;

    m_testFile = new QLineEdit(this);
    m_testFile->setPlaceholderText(tr("absolute path of a host file; empty for test:///default"));
    auto *testLabel = new QLabel(tr("Host &file:"), this);
    testLabel->setBuddy(m_testFile);
    form->addRow(testLabel, m_testFile);
    m_testRows[0] = testLabel;
    m_testRows[1] = m_testFile;

    m_custom = new QLineEdit(this);
    m_custom->setPlaceholderText(tr("e.g. qemu+ssh://root@host/system"));
    auto *customLabel = new QLabel(tr("U&RI:"), this);
    customLabel->setBuddy(m_custom);
    form->addRow(customLabel, m_custom);
    m_customRows[0] = customLabel;
    m_customRows[1] = m_custom;

    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("optional display name"));
    form->addRow(tr("&Name:"), m_name);
    m_autoconnect = new QCheckBox(tr("&Autoconnect at start"), this);
    m_autoconnect->setChecked(true);
    form->addRow(QString(), m_autoconnect);

    m_uri = new QLabel(this);
    m_uri->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Generated URI:"), m_uri);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    QPalette pal = m_problem->palette();
    pal.setColor(QPalette::WindowText, QColor(0xb0, 0x20, 0x20));
    m_problem->setPalette(pal);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Co&nnect"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addStretch();
    layout->addWidget(m_buttons);

    for (QComboBox *c : {m_hypervisor, m_transport})
        connect(c, &QComboBox::currentIndexChanged, this, &AddConnectionDialog::update);
    for (QLineEdit *e : {m_host, m_user, m_testFile, m_custom})
        connect(e, &QLineEdit::textChanged, this, &AddConnectionDialog::update);
    update();
    resize(520, sizeHint().height());
}

Spec AddConnectionDialog::spec() const
{
    Spec s;
    s.hypervisor = Spec::Hypervisor(m_hypervisor->currentData().toInt());
    s.transport = Spec::Transport(m_transport->currentData().toInt());
    s.host = m_host->text();
    s.user = m_user->text();
    s.testFile = m_testFile->text().trimmed();
    s.customUri = m_custom->text();
    return s;
}

models::SavedConnection AddConnectionDialog::connection() const
{
    return {spec().uri(), m_name->text().trimmed(), m_autoconnect->isChecked()};
}

void AddConnectionDialog::update()
{
    const Spec s = spec();
    const bool qemu = s.hypervisor == Spec::Hypervisor::QemuSystem ||
                      s.hypervisor == Spec::Hypervisor::QemuSession;
    const bool remote = qemu && s.transport != Spec::Transport::Local;
    m_transport->setEnabled(qemu);
    for (QWidget *w : m_remoteRows)
        w->setVisible(remote);
    m_user->setEnabled(s.transport == Spec::Transport::Ssh);
    for (QWidget *w : m_testRows)
        w->setVisible(s.hypervisor == Spec::Hypervisor::Test);
    for (QWidget *w : m_customRows)
        w->setVisible(s.hypervisor == Spec::Hypervisor::Custom);

    const QString problem = s.problem();
    m_uri->setText(problem.isEmpty() ? s.uri() : QString());
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

} // namespace crossvirt::views
