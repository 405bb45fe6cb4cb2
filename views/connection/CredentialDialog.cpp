#include "views/connection/CredentialDialog.h"

#include "views/connection/HostKeyDialog.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace crossvirt::views {

using models::CredentialRequest;

CredentialDialogProvider::CredentialDialogProvider(QWidget *parentWindow)
    : models::CredentialProvider(parentWindow), m_parentWindow(parentWindow)
{}

std::optional<QStringList>
CredentialDialogProvider::provide(const QString &uri, const QList<CredentialRequest> &requests)
{
    QDialog dialog(m_parentWindow);
    dialog.setWindowTitle(tr("Authentication required"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *intro = new QLabel(tr("%1 asks for credentials.").arg(uri), &dialog);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    QList<QLineEdit *> edits;
    for (const CredentialRequest &r : requests) {
        auto *edit = new QLineEdit(r.defaultValue, &dialog);
        if (r.secret())
            edit->setEchoMode(QLineEdit::Password);
        QString label = r.prompt;
        if (label.isEmpty()) {
            label = r.kind == CredentialRequest::Kind::UserName ? tr("User name:")
                    : r.secret()                                ? tr("Password:")
                                                                : tr("Answer:");
        }
        form->addRow(label, edit);
        edits << edit;
    }
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    QStringList answers;
    for (QLineEdit *e : std::as_const(edits))
        answers << e->text();
    return answers;
}

bool CredentialDialogProvider::confirmHostKey(const models::SshHostKeyQuestion &question)
{
    HostKeyDialog dialog(question, m_parentWindow);
    return dialog.exec() == QDialog::Accepted;
}

} // namespace crossvirt::views
