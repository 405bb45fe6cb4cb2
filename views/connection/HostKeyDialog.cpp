#include "views/connection/HostKeyDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace crossvirt::views {

HostKeyDialog::HostKeyDialog(const models::SshHostKeyQuestion &q, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Unknown SSH host key"));
    setObjectName(QStringLiteral("HostKeyDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxQuestion).pixmap(48, 48));
    icon->setAlignment(Qt::AlignTop);
    top->addWidget(icon);
    auto *intro = new QLabel(
        tr("<p>This is the first connection to <b>%1</b>. Its identity cannot be "
           "established yet.</p><p>Compare the fingerprint below with the one the host's "
           "administrator gives you (<tt>ssh-keygen -l -f /etc/ssh/ssh_host_*_key.pub</tt> "
           "on the host). Trust it only if they match.</p>")
            .arg(q.host.toHtmlEscaped()),
        this);
    intro->setWordWrap(true);
    intro->setMinimumWidth(420);
    top->addWidget(intro, 1);
    layout->addLayout(top);

    auto *form = new QFormLayout;
    auto *host = new QLabel(q.host, this);
    host->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Host:"), host);
    auto *type = new QLabel(q.keyType.isEmpty() ? tr("(not given)") : q.keyType, this);
    type->setObjectName(QStringLiteral("keyType"));
    form->addRow(tr("Key type:"), type);
    auto *fingerprint = new QLabel(q.fingerprint, this);
    fingerprint->setObjectName(QStringLiteral("fingerprint"));
    fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont mono = fingerprint->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    fingerprint->setFont(mono);
    form->addRow(tr("Fingerprint:"), fingerprint);
    if (!q.knownHostsFile.isEmpty()) {
        auto *file = new QLabel(tr("Trusting adds the key to %1.").arg(q.knownHostsFile), this);
        file->setWordWrap(true);
        form->addRow(QString(), file);
    }
    layout->addLayout(form);

    auto *buttons = new QDialogButtonBox(this);
    m_trust = buttons->addButton(tr("&Trust and connect"), QDialogButtonBox::AcceptRole);
    m_reject = buttons->addButton(tr("&Do not trust"), QDialogButtonBox::RejectRole);
    m_reject->setDefault(true);
    m_reject->setFocus();
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace crossvirt::views
