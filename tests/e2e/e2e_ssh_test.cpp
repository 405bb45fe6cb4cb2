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
// - ssh-agent keys (SSH_AUTH_SOCK) connect without a prompt.
// - qemu+libssh with its own known_hosts= file (the key is asked about for that file) and
//   a password (libvirt's auth callback -> the same dialog).
// - Remember (the keyring, a private Secret Service): a remembered ssh password connects
//   without a prompt next time; a remembered one the host refuses makes ssh ask the user
//   in the same attempt, and is forgotten.
// ssh reads the passwd home's known_hosts: the test process gets a private home first.

#include "PrivateSecretService.h"
#include "common/TestSupport.h"
#include "e2e/E2eSupport.h"
#include "e2e/HarnessProcesses.h"
#include "e2e/RemoteHost.h"
#include "e2e/SshServer.h"
#include "models/connection/HostSession.h"
#include "models/secrets/SecretStore.h"
#include "views/connection/CredentialDialog.h"
#include "views/connection/HostKeyDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QTemporaryDir>
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
    if (text.isEmpty()) {
        dialog->reject(); // Cancel
        return;
    }
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

    std::unique_ptr<models::HostSession> session(const QString &uri,
                                                 models::SecretStore *store = nullptr)
    {
        auto s = std::make_unique<models::HostSession>(uri);
        auto *provider = new views::CredentialDialogProvider(nullptr);
        provider->setSecretStore(store);
        s->setCredentialProvider(provider);
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
    EXPECT_EQ(s->state(), models::ConnectionState::Failed);
    std::printf("[ message  ] %s\n", qPrintable(s->lastError()));
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

    // Nothing on the host to reach libvirtd with (virt-ssh-helper hidden, no nc there).
    ASSERT_EQ(host->runInNamespace(
                  {u"mount"_s, u"--bind"_s, u"/dev/null"_s, findProgram(u"virt-ssh-helper"_s)}),
              0);
    auto noHelper = session(uri);
    noHelper->open();
    EXPECT_TRUE(waitUntil([&] { return !noHelper->lastError().isEmpty(); }, 30'000));
    std::printf("[ message  ] %s\n", qPrintable(noHelper->lastError()));
    EXPECT_TRUE(noHelper->lastError().contains(u"neither virt-ssh-helper nor nc"_s))
        << noHelper->lastError().toStdString();
    noHelper.reset();
    host->runInNamespace({u"umount"_s, findProgram(u"virt-ssh-helper"_s)});

    // No sshd on the port: refused, in words, and retried with backoff.
    auto refused = session(u"qemu+ssh://root@%1:2222/system"_s.arg(sshd->address()));
    refused->open();
    EXPECT_TRUE(waitUntil([&] { return !refused->lastError().isEmpty(); }, 30'000));
    std::printf("[ message  ] %s\n", qPrintable(refused->lastError()));
    EXPECT_EQ(refused->state(), models::ConnectionState::Retrying);
    EXPECT_TRUE(refused->lastError().contains(u"refused the SSH connection"_s))
        << refused->lastError().toStdString();
    refused.reset();

    // The host's key changes: refused with a warning, no question, known_hosts kept.
    const QString before = knownHostsText();
    ASSERT_TRUE(sshd->regenerateHostKey()) << sshd->errorString().toStdString();
    auto again = session(uri);
    again->open();
    ASSERT_TRUE(waitUntil([&] { return !again->lastError().isEmpty(); }, 30'000));
    std::printf("[ message  ] %s\n", qPrintable(again->lastError()));
    EXPECT_EQ(again->state(), models::ConnectionState::Failed);
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
    int hostKeyQuestions = 0;
    answerer.onDialog = [&](QDialog *dialog) {
        if (auto *keyDialog = qobject_cast<views::HostKeyDialog *>(dialog)) {
            ++hostKeyQuestions;
            keyDialog->trustButton()->click();
            return;
        }
        prompts << promptOf(dialog);
        typeAndPressOk(dialog, answer);
    };

    // Wrong password: ssh asks three times, then the host's refusal is shown; no retry
    // loop, the host stays usable.
    answer = u"wrong-password"_s;
    auto s = session(sshd->uri());
    s->open();
    ASSERT_TRUE(waitUntil([&] { return !s->lastError().isEmpty(); }, 60'000));
    EXPECT_EQ(s->state(), models::ConnectionState::Failed);
    std::printf("[ message  ] %s\n", qPrintable(s->lastError()));
    EXPECT_TRUE(s->lastError().contains(u"Permission denied"_s)) << s->lastError().toStdString();
    EXPECT_TRUE(s->lastError().contains(u"authentication failed"_s, Qt::CaseInsensitive));
    ASSERT_FALSE(prompts.isEmpty());
    EXPECT_TRUE(prompts.first().contains(u"root@%1's password"_s.arg(sshd->address())))
        << prompts.first().toStdString();
    const qsizetype wrongPrompts = prompts.size();
    EXPECT_TRUE(waitUntil([] { return false; }, 1'500) == false);
    EXPECT_EQ(prompts.size(), wrongPrompts) << "a refused password must not be asked again alone";

    // Cancel: ssh stops at once, the reason is said, nothing is retried.
    prompts.clear();
    answer = QString(); // typeAndPressOk with an empty answer presses Cancel
    s->open();
    ASSERT_TRUE(waitUntil(
        [&] {
            return prompts.size() == 1 && s->state() == models::ConnectionState::Failed &&
                   s->lastError().contains(u"cancelled"_s);
        },
        30'000))
        << s->lastError().toStdString();
    std::printf("[ message  ] %s\n", qPrintable(s->lastError()));
    EXPECT_TRUE(s->lastError().contains(u"cancelled"_s)) << s->lastError().toStdString();
    EXPECT_EQ(prompts.size(), 1);

    // "Connect" again asks again; the right password connects.
    answer = SshServer::password();
    s->open();
    ASSERT_TRUE(waitForState(s.get(), models::ConnectionState::Connected))
        << s->lastError().toStdString() << '\n'
        << sshd->logTail().toStdString();
    EXPECT_EQ(prompts.size(), 2); // the cancelled one and this one
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

    // The agent (SSH_AUTH_SOCK, which libvirt passes to ssh): no prompt at all.
    {
        QTemporaryDir agentDir(u"/var/tmp/crossvirt-e2e-agent-XXXXXX"_s);
        const QString sock = agentDir.filePath(u"agent.sock"_s);
        QProcess agent;
        agent.start(findProgram(u"ssh-agent"_s), {u"-D"_s, u"-a"_s, sock});
        ASSERT_TRUE(waitUntil([&] { return QFile::exists(sock); }, 10'000)) << "no ssh-agent";
        QProcess add;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"SSH_AUTH_SOCK"_s, sock);
        add.setProcessEnvironment(env);
        add.start(findProgram(u"ssh-add"_s), {sshd->clientKey()});
        ASSERT_TRUE(add.waitForFinished(10'000) && add.exitCode() == 0);
        qputenv("SSH_AUTH_SOCK", sock.toUtf8());
        prompts.clear();
        auto a = session(sshd->uri());
        a->open();
        const bool connected = waitForState(a.get(), models::ConnectionState::Connected);
        qunsetenv("SSH_AUTH_SOCK");
        EXPECT_TRUE(connected) << a->lastError().toStdString();
        EXPECT_TRUE(prompts.isEmpty()) << prompts.join(u", "_s).toStdString();
        a.reset();
        agent.terminate();
        agent.waitForFinished(5'000);
    }

    // qemu+libssh with a known_hosts= of its own (empty): the key is asked about for
    // that file, then libvirt's auth callback brings the password to the dialog.
    prompts.clear();
    answer = SshServer::password();
    QTemporaryDir libsshDir(u"/var/tmp/crossvirt-e2e-libssh-XXXXXX"_s);
    const QString libsshKnown = libsshDir.filePath(u"known_hosts"_s);
    auto l =
        session(sshd->uri(u"qemu+libssh"_s) + u"?sshauth=password&known_hosts="_s + libsshKnown);
    l->open();
    ASSERT_TRUE(waitForState(l.get(), models::ConnectionState::Connected))
        << l->lastError().toStdString() << '\n'
        << sshd->logTail().toStdString();
    EXPECT_EQ(hostKeyQuestions, 1);
    QFile libsshFile(libsshKnown);
    EXPECT_TRUE(libsshFile.open(QIODevice::ReadOnly) &&
                libsshFile.readAll().contains(sshd->hostPublicKey().toUtf8()));
    ASSERT_EQ(prompts.size(), 1);
    EXPECT_TRUE(prompts.first().contains(u"assword"_s)) << prompts.first().toStdString();
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

TEST_F(SshE2e, RememberedSshPasswordIsUsedAndAWrongOneAsksAgain)
{
    test::PrivateSecretService keyring;
    if (!keyring.start(true)) {
        if (!keyring.skipReason().isEmpty())
            GTEST_SKIP() << keyring.skipReason().toStdString();
        FAIL() << keyring.error().toStdString();
    }
    models::SecretStore store;
    auto probe = store.probe();
    ASSERT_TRUE(waitUntil([&] { return probe.isFinished(); }, 20'000));
    ASSERT_EQ(probe.result(), models::SecretStore::Availability::Available);
    const auto entries = [&] {
        auto f = store.entries(sshd->uri());
        waitUntil([&] { return f.isFinished(); }, 10'000);
        return f.isFinished() && f.resultCount() ? f.result().size() : -1;
    };
    trustCurrentKey();
    DialogAnswerer answerer;
    bool remember = false;
    QStringList prompts;
    answerer.onDialog = [&](QDialog *dialog) {
        prompts << promptOf(dialog);
        auto *check = dialog->findChild<QCheckBox *>(u"rememberPassword"_s);
        ASSERT_TRUE(check) << "the SSH password prompt offers Remember";
        check->setChecked(remember);
        typeAndPressOk(dialog, SshServer::password());
    };

    // Typed with Remember: saved once ssh got in.
    remember = true;
    auto s = session(sshd->uri(), &store);
    s->open();
    ASSERT_TRUE(waitForState(s.get(), models::ConnectionState::Connected))
        << s->lastError().toStdString();
    EXPECT_EQ(prompts.size(), 1);
    EXPECT_TRUE(waitUntil([&] { return entries() == 1; }, 10'000));
    s.reset();

    // Next time: no prompt at all.
    prompts.clear();
    s = session(sshd->uri(), &store);
    s->open();
    ASSERT_TRUE(waitForState(s.get(), models::ConnectionState::Connected))
        << s->lastError().toStdString();
    EXPECT_TRUE(prompts.isEmpty()) << prompts.join(u", "_s).toStdString();
    s.reset();

    // The remembered password became wrong: ssh asks again, the user is asked (once) in
    // the same attempt, and the wrong one is forgotten (Remember left unticked).
    models::CredentialRequest request;
    request.kind = models::CredentialRequest::Kind::Password;
    request.prompt = u"root@%1's password:"_s.arg(sshd->address());
    auto written = store.write(models::SecretKey::forCredentials(sshd->uri(), {request}),
                               u"[\"not-the-password\"]"_s);
    ASSERT_TRUE(waitUntil([&] { return written.isFinished(); }, 10'000));
    ASSERT_TRUE(written.result().ok()) << written.result().error.toStdString();
    prompts.clear();
    remember = false;
    s = session(sshd->uri(), &store);
    s->open();
    ASSERT_TRUE(waitForState(s.get(), models::ConnectionState::Connected))
        << s->lastError().toStdString();
    EXPECT_EQ(prompts.size(), 1);
    EXPECT_TRUE(waitUntil([&] { return entries() == 0; }, 10'000))
        << "a remembered password the host refused must be forgotten";
    s.reset();
}

} // namespace
