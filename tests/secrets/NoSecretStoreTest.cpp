// Without a secret store (no session bus, or a bus where no Secret Service answers) the
// password prompts offer no "Remember" and say why; nothing is remembered anywhere.
#include "KeyringTestSupport.h"
#include "PrivateSecretService.h"

#include "models/connection/HostSession.h"
#include "models/secrets/SecretStore.h"
#include "views/connection/CredentialDialog.h"
#include "views/mainwindow/MainWindow.h"

#include "../views/MainWindowFixture.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <gtest/gtest.h>

using namespace crossvirt;
using namespace crossvirt::test;
using namespace Qt::StringLiterals;
using models::SecretStore;

namespace {

/// Asks for credentials through the provider, as a worker would, and returns what the
/// dialog showed: whether it offered Remember, and its note.
struct PromptSeen
{
    bool offeredRemember = true;
    QString note;
    int shown = 0;
};

PromptSeen promptWith(SecretStore *store, const QString &screenshot)
{
    QWidget window;
    views::CredentialDialogProvider provider(&window);
    provider.setSecretStore(store);
    PromptSeen seen;
    DialogAnswerer user([&](QDialog *d, int) {
        seen.offeredRemember = d->findChild<QCheckBox *>(u"rememberPassword"_s) != nullptr;
        if (auto *note = d->findChild<QLabel *>(u"secretStoreNote"_s))
            seen.note = note->text();
        d->adjustSize();
        d->grab().save(screenshot);
        answerCredentials(d, u"admin"_s, u"pw"_s, true);
    });
    models::CredentialRequest password;
    password.kind = models::CredentialRequest::Kind::Password;
    password.prompt = u"Password:"_s;
    std::optional<std::optional<QStringList>> answer;
    provider.provideLater(u"qemu+tcp://h.example/system"_s, {password},
                          [&](std::optional<QStringList> a) { answer = a; });
    waitUntil([&] { return answer.has_value(); }, 20000);
    seen.shown = user.shown();
    EXPECT_TRUE(answer && *answer && (*answer)->value(0) == u"pw"_s);
    // The connection "worked": with no store, nothing is saved and nothing fails loudly.
    provider.credentialsUsed(u"qemu+tcp://h.example/system"_s,
                             models::CredentialProvider::Outcome::Accepted);
    return seen;
}

TEST(NoSecretStore, WithoutASessionBusRememberIsHiddenAndTheReasonSaid)
{
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    SecretStore store;
    EXPECT_EQ(awaitResult(store.probe()), SecretStore::Availability::Unavailable);
    EXPECT_TRUE(store.unavailableReason().contains(SecretStore::noStoreText()));
    const PromptSeen seen = promptWith(&store, screenshotPath(u"credential-no-secret-store.png"_s));
    EXPECT_EQ(seen.shown, 1);
    EXPECT_FALSE(seen.offeredRemember);
    EXPECT_TRUE(seen.note.contains(u"No secret store (such as GNOME Keyring or KWallet) is "
                                   "running, so passwords cannot be remembered."_s))
        << seen.note.toStdString();
    EXPECT_FALSE(awaitResult(store.write(models::SecretKey::forVnc(u"x"_s, u"y"_s), u"z"_s)).ok());
}

TEST(NoSecretStore, OnABusWithoutASecretServiceRememberIsHiddenAndTheReasonSaid)
{
    PrivateSecretService bus;
    if (!bus.start(false)) {
        if (!bus.skipReason().isEmpty())
            GTEST_SKIP() << bus.skipReason().toStdString();
        FAIL() << bus.error().toStdString();
    }
    SecretStore store;
    EXPECT_EQ(awaitResult(store.probe()), SecretStore::Availability::Unavailable);
    const PromptSeen seen =
        promptWith(&store, screenshotPath(u"credential-no-secret-service.png"_s));
    EXPECT_FALSE(seen.offeredRemember);
    EXPECT_TRUE(seen.note.startsWith(SecretStore::noStoreText())) << seen.note.toStdString();
}

TEST(NoSecretStore, ForgetSavedPasswordsIsOffAndSaysWhy)
{
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    MainWindowUnderTest app = openMainWindow({u"test:///default"_s});
    auto *forget = app.window->findChild<QAction *>(u"forgetPasswords"_s);
    ASSERT_NE(forget, nullptr);
    ASSERT_TRUE(app.window->select(u"test:///default"_s));
    ASSERT_TRUE(waitUntil([&] {
        return app.core->secrets()->availability() == SecretStore::Availability::Unavailable;
    }));
    EXPECT_FALSE(forget->isEnabled());
    EXPECT_TRUE(forget->toolTip().contains(SecretStore::noStoreText()))
        << forget->toolTip().toStdString();
}

TEST(NoSecretStore, WithoutAStoreThePromptOffersNothingAndSaysNothing)
{
    // A front end that remembers nothing (no store given) shows the plain dialog.
    const PromptSeen seen = promptWith(nullptr, screenshotPath(u"credential-plain.png"_s));
    EXPECT_FALSE(seen.offeredRemember);
    EXPECT_TRUE(seen.note.isEmpty());
}

} // namespace
