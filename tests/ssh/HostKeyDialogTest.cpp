// The first-connection host key question as the user sees it: host, key type and SHA256
// fingerprint shown whole; "Do not trust" is the default (Enter never trusts); the
// provider answers yes only for "Trust and connect". Screenshot: screenshots/host-key.png.

#include "views/connection/HostKeyDialog.h"
#include "views/connection/CredentialDialog.h"

#include <QApplication>
#include <QDir>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace crossvirt;

namespace {

models::SshHostKeyQuestion question()
{
    return {u"qemu+ssh://root@kvm1.example.org/system"_s, u"[kvm1.example.org]:2222"_s,
            u"ED25519"_s, u"SHA256:a44H09E+fOlgOEGp1O4sdvYi66PJ8hZkxhWqE52IhC8"_s,
            u"/home/admin/.ssh/known_hosts"_s};
}

TEST(HostKeyDialog, ShowsTheKeyAndDefaultsToNo)
{
    views::HostKeyDialog dialog(question());
    dialog.show();
    QApplication::processEvents();
    EXPECT_EQ(dialog.findChild<QLabel *>(u"keyType"_s)->text(), u"ED25519"_s);
    QLabel *fp = dialog.findChild<QLabel *>(u"fingerprint"_s);
    EXPECT_EQ(fp->text(), question().fingerprint);
    // The whole fingerprint is visible (not cut).
    EXPECT_GE(fp->width(), fp->sizeHint().width());
    bool hostShown = false;
    for (QLabel *l : dialog.findChildren<QLabel *>())
        hostShown = hostShown || l->text().contains(u"[kvm1.example.org]:2222"_s);
    EXPECT_TRUE(hostShown);
    EXPECT_TRUE(dialog.rejectButton()->isDefault());
    EXPECT_FALSE(dialog.trustButton()->isDefault());

    QDir().mkpath(QStringLiteral(CROSSVIRT_BINARY_DIR "/screenshots"));
    EXPECT_TRUE(
        dialog.grab().save(QStringLiteral(CROSSVIRT_BINARY_DIR "/screenshots/host-key.png")));

    // Enter answers with the default: no.
    QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
    QApplication::sendEvent(&dialog, &enter);
    EXPECT_EQ(dialog.result(), QDialog::Rejected);
}

TEST(HostKeyDialog, ProviderSaysYesOnlyForTrust)
{
    views::CredentialDialogProvider provider(nullptr);
    for (const bool trust : {false, true}) {
        QTimer::singleShot(100, [trust] {
            auto *d = qobject_cast<views::HostKeyDialog *>(QApplication::activeModalWidget());
            ASSERT_TRUE(d);
            (trust ? d->trustButton() : d->rejectButton())->click();
        });
        EXPECT_EQ(provider.confirmHostKey(question()), trust);
    }
}

} // namespace
