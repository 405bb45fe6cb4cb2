// SSH hosts end to end (issue 15) against a real sshd (SshServer) in front of a second
// libvirtd (RemoteHost, index 21), through the models and dialogs the app uses:
// - qemu+ssh with a key file: the first connection shows the HostKeyDialog with the key's
//   type and SHA256 fingerprint; "Do not trust" leaves it disconnected and known_hosts
//   untouched, "Trust" connects and adds the key; the inventory lists the remote VM and a
//   VM start works over SSH; after the host's key changes the connection is refused with
//   a warning and no question.
// - qemu+ssh with a password typed into the real CredentialDialog (asked by ssh through
//   crossvirt-askpass): wrong passwords show the host's refusal and leave the host
//   retryable, "Connect" asks again and the right one connects; a key's passphrase too.
// - qemu+libssh with a password (libvirt's auth callback -> the same dialog).
// ssh reads the passwd home's known_hosts: the test process gets a private home first.

#include "common/TestSupport.h"
#include "e2e/E2eSupport.h"
#include "e2e/HarnessProcesses.h"
#include "e2e/RemoteHost.h"
#include "e2e/SshServer.h"
#include "models/connection/HostSession.h"
#include "views/connection/CredentialDialog.h"
#include "views/connection/HostKeyDialog.h"

#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <gtest/gtest.h>
#include <libvirt/libvirt.h>

#include <functional>

using namespace Qt::StringLiterals;
using namespace crossvirt;
using namespace crossvirt::test::e2e;
using crossvirt::test::waitUntil;

namespace {

constexpr int kHostIndex = 21;

class PrivateHome : public ::testing::Environment
{
public:
    void SetUp() override
    {
        QString error;
        home = SshServer::isolateUserHome(&error);
        if (home.isEmpty())
            std::printf("[ home     ] %s\n", qPrintable(error));
        qputenv("CROSSVIRT_ASKPASS", CROSSVIRT_ASKPASS_PATH);
        qunsetenv("SSH_AUTH_SOCK"); // only the keys and passwords a test gives
    }
    QString home;
};
PrivateHome *const privateHome =
    static_cast<PrivateHome *>(::testing::AddGlobalTestEnvironment(new PrivateHome));

QString knownHostsText()
{
    QFile f(QDir::homePath() + u"/.ssh/known_hosts"_s);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// Acts on the modal dialogs the app shows, as a user would (polls the GUI thread).
class DialogAnswerer
{
public:
    // Called with each new modal dialog; returns after pressing a button.
    std::function<void(QDialog *)> onDialog;
    QStringList seenTitles;

    DialogAnswerer()
    {
        m_timer.setInterval(50);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            if (!dialog || dialog == m_last)
                return;
            m_last = dialog;
            seenTitles << dialog->windowTitle();
            if (onDialog)
                onDialog(dialog);
        });
        m_timer.start();
    }

private:
    QTimer m_timer;
    QPointer<QDialog> m_last;
};

void typeAndPressOk(QDialog *dialog, const QString &text)
{
    const auto edits = dialog->findChildren<QLineEdit *>();
    ASSERT_EQ(edits.size(), 1) << dialog->windowTitle().toStdString();
    edits.first()->setText(text);
    for (QPushButton *b : dialog->findChildren<QPushButton *>()) {
        if (b->text().remove(u'&') == u"OK"_s) {
            b->click();
            return;
        }
    }
    dialog->accept();
}

QString promptOf(QDialog *dialog)
{
    QStringList texts;
    for (QLabel *l : dialog->findChildren<QLabel *>())
        texts << l->text();
    return texts.join(u" | "_s);
}

class SshE2e : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (privateHome->home.isEmpty())
            GTEST_SKIP() << "no private home for ssh's known_hosts (see the log above)";
        QFile::remove(QDir::homePath() + u"/.ssh/known_hosts"_s);
        RemoteHost::Options options;
        options.index = kHostIndex;
        host = std::make_unique<RemoteHost>(options);
        if (!host->start()) {
            if (!host->skipReason().isEmpty())
                GTEST_SKIP() << host->skipReason().toStdString();
            FAIL() << host->errorString().toStdString();
        }
        sshd = std::make_unique<SshServer>(*host);
        if (!sshd->start()) {
            if (!sshd->skipReason().isEmpty())
                GTEST_SKIP() << sshd->skipReason().toStdString();
            FAIL() << sshd->errorString().toStdString();
        }
    }
    void TearDown() override
    {
        sshd.reset();
        host.reset();
    }

    std::unique_ptr<models::HostSession> session(const QString &uri)
    {
        auto s = std::make_unique<models::HostSession>(uri);
        s->setCredentialProvider(new views::CredentialDialogProvider(nullptr));
        return s;
    }
    static bool waitForState(models::HostSession *s, models::ConnectionState state,
                             int timeoutMs = 30'000)
    {
        return waitUntil([&] { return s->state() == state; }, timeoutMs);
    }
    void trustCurrentKey()
    {
        QDir().mkpath(QDir::homePath() + u"/.ssh"_s);
        ASSERT_TRUE(writeTextFile(QDir::homePath() + u"/.ssh/known_hosts"_s,
                                  sshd->knownHostsLine() + u'\n'));
    }

    std::unique_ptr<RemoteHost> host;
    std::unique_ptr<SshServer> sshd;
};

TEST_F(SshE2e, HostKeyPromptKeyFileInventoryVmStartAndChangedKey)
{
    QElapsedTimer clock;
    clock.start();
    // A tiny diskless guest on the remote host (raw libvirt over the harness's TCP link).
    const QString name = LibvirtDaemon::domainPrefix() + u"ssh-tiny"_s;
    const QString xml = uR"(<domain type='qemu'><name>%1</name><memory unit='MiB'>32</memory>
<os><type arch='x86_64'>hvm</type></os><devices><graphics type='vnc' port='-1'/></devices>
</domain>)"_s.arg(name);
    virDomainPtr dom = virDomainDefineXML(host->connection(), xml.toUtf8().constData());
    ASSERT_TRUE(dom) << "cannot define the tiny guest on the remote host";
    char uuid[VIR_UUID_STRING_BUFLEN];
    virDomainGetUUIDString(dom, uuid);
    virDomainFree(dom);

    const QString uri = sshd->uri() + u"?keyfile="_s + sshd->clientKey();
    DialogAnswerer answerer;
    QString shownType, shownFingerprint;
    bool trust = false;
    answerer.onDialog = [&](QDialog *dialog) {
        auto *keyDialog = qobject_cast<views::HostKeyDialog *>(dialog);
        if (!keyDialog) {
            dialog->reject();
            return;
        }
        shownType = keyDialog->findChild<QLabel *>(u"keyType"_s)->text();
        shownFingerprint = keyDialog->findChild<QLabel *>(u"fingerprint"_s)->text();
        (trust ? keyDialog->trustButton() : keyDialog->rejectButton())->click();
    };

    // "Do not trust": not connected, known_hosts unchanged, no retry loop.
    auto s = session(uri);
    s->open();
    ASSERT_TRUE(waitUntil([&] { return !s->lastError().isEmpty(); }, 30'000))
        << "no HostKeyDialog answer reached the connection";
    EXPECT_EQ(s->state(), models::ConnectionState::Disconnected);
    EXPECT_TRUE(s->lastError().contains(u"not trusted"_s)) << s->lastError().toStdString();
    EXPECT_EQ(shownType, u"ED25519"_s);
    EXPECT_EQ(shownFingerprint, sshd->hostKeyFingerprint());
    EXPECT_EQ(knownHostsText(), QString()) << "known_hosts changed although the key was refused";
    EXPECT_EQ(answerer.seenTitles.size(), 1) << answerer.seenTitles.join(u", "_s).toStdString();

    // "Connect" again, "Trust": connected over ssh with the key file, the key remembered.
    trust = true;
    s->open();
    ASSERT_TRUE(waitForState(s.get(), models::ConnectionState::Connected))
        << s->lastError().toStdString() << '\n'
        << sshd->logTail().toStdString();
    EXPECT_EQ(answerer.seenTitles.size(), 2);
    EXPECT_TRUE(knownHostsText().contains(sshd->hostPublicKey())) << knownHostsText().toStdString();
    EXPECT_TRUE(sshd->logTail(50).contains(u"Accepted publickey for root"_s));

    // The inventory lists the remote VM; starting it works over SSH.
    ASSERT_TRUE(waitUntil([&] { return s->domain(QString::fromLatin1(uuid)).has_value(); }, 20'000))
        << "the inventory over SSH does not list " << name.toStdString();
    EXPECT_EQ(s->domain(QString::fromLatin1(uuid))->name, name);
    await(s->startDomain(QString::fromLatin1(uuid)), 60'000);
    EXPECT_TRUE(waitUntil(
        [&] {
            const auto d = s->domain(QString::fromLatin1(uuid));
            return d && d->state == models::DomainState::Running;
        },
        30'000))
        << "the VM started over SSH is not shown running";
    s.reset();

    // The host's key changes: refused with a warning, no question, known_hosts kept.
    const QString before = knownHostsText();
    ASSERT_TRUE(sshd->regenerateHostKey()) << sshd->errorString().toStdString();
    auto again = session(uri);
    again->open();
    ASSERT_TRUE(waitUntil([&] { return !again->lastError().isEmpty(); }, 30'000));
    EXPECT_EQ(again->state(), models::ConnectionState::Disconnected);
    EXPECT_TRUE(again->lastError().contains(u"CHANGED"_s)) << again->lastError().toStdString();
    EXPECT_TRUE(again->lastError().contains(sshd->hostKeyFingerprint()));
    EXPECT_EQ(answerer.seenTitles.size(), 2) << "a changed key must not be offered for trust";
    EXPECT_EQ(knownHostsText(), before);
    std::printf("[ timing   ] host key, key file, inventory, start, changed key: %lld ms\n",
                clock.elapsed());
}

TEST_F(SshE2e, PasswordsThroughTheCredentialDialogOverSshAndLibssh)
{
    QElapsedTimer clock;
    clock.start();
    trustCurrentKey();
    DialogAnswerer answerer;
    QString answer;
    QStringList prompts;
    answerer.onDialog = [&](QDialog *dialog) {
        prompts << promptOf(dialog);
        typeAndPressOk(dialog, answer);
    };

    // Wrong password: ssh asks three times, then the host's refusal is shown; no retry
    // loop, the host stays usable.
    answer = u"wrong-password"_s;
    auto s = session(sshd->uri());
    s->open();
    ASSERT_TRUE(waitUntil([&] { return !s->lastError().isEmpty(); }, 60'000));
    EXPECT_EQ(s->state(), models::ConnectionState::Disconnected);
    EXPECT_TRUE(s->lastError().contains(u"Permission denied"_s)) << s->lastError().toStdString();
    EXPECT_TRUE(s->lastError().contains(u"authentication failed"_s, Qt::CaseInsensitive));
    ASSERT_FALSE(prompts.isEmpty());
    EXPECT_TRUE(prompts.first().contains(u"root@%1's password"_s.arg(sshd->address())))
        << prompts.first().toStdString();
    const qsizetype wrongPrompts = prompts.size();
    EXPECT_TRUE(waitUntil([] { return false; }, 1'500) == false);
    EXPECT_EQ(prompts.size(), wrongPrompts) << "a refused password must not be asked again alone";

    // "Connect" again asks again; the right password connects.
    answer = SshServer::password();
    s->open();
    ASSERT_TRUE(waitForState(s.get(), models::ConnectionState::Connected))
        << s->lastError().toStdString() << '\n'
        << sshd->logTail().toStdString();
    EXPECT_EQ(prompts.size(), wrongPrompts + 1);
    EXPECT_TRUE(sshd->logTail(80).contains(u"Accepted password for root"_s));
    s.reset();

    // A key with a passphrase: ssh asks for the passphrase through the same dialog.
    prompts.clear();
    answer = SshServer::keyPassphrase();
    auto k = session(sshd->uri() + u"?keyfile="_s + sshd->clientKeyWithPassphrase());
    k->open();
    ASSERT_TRUE(waitForState(k.get(), models::ConnectionState::Connected))
        << k->lastError().toStdString();
    ASSERT_EQ(prompts.size(), 1);
    EXPECT_TRUE(prompts.first().contains(u"passphrase"_s)) << prompts.first().toStdString();
    k.reset();

    // qemu+libssh: libvirt's auth callback -> the credential dialog.
    prompts.clear();
    answer = SshServer::password();
    auto l = session(sshd->uri(u"qemu+libssh"_s) + u"?sshauth=password"_s);
    l->open();
    ASSERT_TRUE(waitForState(l.get(), models::ConnectionState::Connected))
        << l->lastError().toStdString() << '\n'
        << sshd->logTail().toStdString();
    EXPECT_GE(prompts.size(), 1);
    l.reset();
    std::printf("[ timing   ] ssh password (wrong, right), passphrase, libssh: %lld ms\n",
                clock.elapsed());

    // No secret in a file: nothing under the private home holds the password.
    for (const QString &file : QDir(QDir::homePath()).entryList(QDir::Files | QDir::Hidden)) {
        QFile f(QDir::homePath() + u'/' + file);
        if (f.open(QIODevice::ReadOnly)) {
            EXPECT_FALSE(f.readAll().contains(SshServer::password().toUtf8()))
                << file.toStdString();
        }
    }
}

} // namespace
