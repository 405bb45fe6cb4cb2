#include "views/connection/CredentialDialog.h"

#include "views/connection/HostKeyDialog.h"
#include "views/connection/RememberPasswordOption.h"

#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

#include <algorithm>

namespace crossvirt::views {

using models::CredentialRequest;
using models::SecretKey;
using models::SecretResult;
using models::SecretStore;

namespace {

QString encodeAnswers(const QStringList &answers)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(answers)).toJson(QJsonDocument::Compact));
}

QStringList decodeAnswers(const QString &stored)
{
    QStringList answers;
    for (const QJsonValue &v : QJsonDocument::fromJson(stored.toUtf8()).array())
        answers << v.toString();
    return answers;
}

} // namespace

CredentialDialogProvider::CredentialDialogProvider(QWidget *parentWindow)
    : models::CredentialProvider(parentWindow), m_parentWindow(parentWindow)
{}

void CredentialDialogProvider::setSecretStore(SecretStore *store)
{
    m_store = store;
}

std::optional<QStringList>
CredentialDialogProvider::provide(const QString &uri, const QList<CredentialRequest> &requests)
{
    return askUser(uri, requests, nullptr);
}

void CredentialDialogProvider::provideLater(const QString &uri,
                                            const QList<CredentialRequest> &requests, Reply reply)
{
    if (!m_store) {
        reply(askUser(uri, requests, nullptr));
        return;
    }
    // Nothing here waits: the keyring answers through the event loop, then the
    // remembered answers (or the dialog's) go back to the waiting worker.
    m_store->probe().then(this, [this, uri, requests, reply](SecretStore::Availability) {
        answerFromStoreOrUser(uri, requests, reply);
    });
}

void CredentialDialogProvider::answerFromStoreOrUser(const QString &uri,
                                                     const QList<CredentialRequest> &requests,
                                                     Reply reply)
{
    if (!m_store || !m_store->isAvailable()) {
        bool remember = false; // not offered: the dialog says why
        reply(askUser(uri, requests, m_store ? &remember : nullptr));
        return;
    }
    const SecretKey key = SecretKey::forCredentials(uri, requests);
    // ssh asks again in the same attempt when the host refused an answer (askpass): a
    // remembered answer already given for this prompt was wrong; ask the user instead.
    bool storedWasWrong = false;
    for (Pending &p : m_pending[uri]) {
        if (p.fromStore && p.key == key)
            p.stale = storedWasWrong = true;
    }
    if (storedWasWrong) {
        bool remember = false;
        const std::optional<QStringList> answers = askUser(uri, requests, &remember);
        if (answers)
            m_pending[uri] << Pending{key, *answers, false, remember};
        reply(answers);
        return;
    }
    m_store->read(key).then(this, [this, uri, requests, reply, key](const SecretResult &stored) {
        if (stored.secret) {
            const QStringList answers = decodeAnswers(*stored.secret);
            if (answers.size() == requests.size()) {
                m_pending[uri] << Pending{key, answers, true, false};
                reply(answers);
                return;
            }
        }
        bool remember = false;
        const std::optional<QStringList> answers = askUser(uri, requests, &remember, stored.error);
        if (answers) {
            // libvirt may ask for the user name and the password in separate rounds:
            // "Remember" on the password keeps the earlier answers of this attempt too,
            // so the next start asks nothing.
            QList<Pending> &attempt = m_pending[uri];
            if (remember) {
                for (Pending &p : attempt)
                    p.remember = !p.fromStore;
            }
            attempt << Pending{key, *answers, false, remember};
        }
        reply(answers);
    });
}

void CredentialDialogProvider::credentialsUsed(const QString &uri, Outcome outcome)
{
    const QList<Pending> pending = m_pending.take(uri);
    if (!m_store)
        return;
    // A wrong remembered answer replaced by a typed one that is saved in its place.
    const auto rememberedAgain = [&pending, outcome](const SecretKey &key) {
        return outcome == Outcome::Accepted &&
               std::any_of(pending.begin(), pending.end(), [&key](const Pending &p) {
                   return !p.fromStore && p.remember && p.key == key;
               });
    };
    for (const Pending &p : pending) {
        QFuture<SecretResult> done;
        if (outcome == Outcome::Accepted && p.remember)
            done = m_store->write(p.key, encodeAnswers(p.answers));
        else if (p.fromStore &&
                 (outcome == Outcome::Refused || (p.stale && !rememberedAgain(p.key))))
            done = m_store->remove(p.key); // the next attempt asks the user
        else
            continue;
        done.then(this, [this](const SecretResult &result) {
            if (!result.ok())
                emit secretStoreFailed(result.error);
        });
    }
}

std::optional<QStringList>
CredentialDialogProvider::askUser(const QString &uri, const QList<CredentialRequest> &requests,
                                  bool *remember, const QString &storeError)
{
    QDialog dialog(m_parentWindow);
    dialog.setObjectName(QStringLiteral("credentialDialog"));
    dialog.setWindowTitle(tr("Authentication required"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *intro = new QLabel(tr("%1 asks for credentials.").arg(uri), &dialog);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    QList<QLineEdit *> edits;
    bool anySecret = false;
    for (const CredentialRequest &r : requests) {
        auto *edit = new QLineEdit(r.defaultValue, &dialog);
        if (r.secret()) {
            edit->setEchoMode(QLineEdit::Password);
            anySecret = true;
        }
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
    QCheckBox *rememberCheck = nullptr;
    if (remember && anySecret)
        rememberCheck = addRememberPasswordOption(layout, &dialog, m_store.data(), storeError);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    if (remember)
        *remember = rememberCheck && rememberCheck->isChecked();
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
