// Remembered passwords against a real Secret Service: gnome-keyring-daemon on a private
// D-Bus session bus (PrivateSecretService), a libvirt test-driver host that asks for a
// user name and password, and a real QEMU VNC display with a password.
#include "KeyringTestSupport.h"
#include "PrivateSecretService.h"

#include "app/core/ApplicationCore.h"
#include "models/connection/Datacenter.h"
#include "models/connection/HostSession.h"
#include "models/console/VncEndpoint.h"
#include "models/secrets/SecretStore.h"
#include "views/connection/CredentialDialog.h"
#include "views/console/VncConsoleWidget.h"
#include "views/mainwindow/MainWindow.h"

#include "../views/MainWindowFixture.h"

#include <QAction>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <gtest/gtest.h>
#include <memory>

using namespace crossvirt;
using namespace crossvirt::test;
using namespace Qt::StringLiterals;
using models::ConnectionState;
using models::SecretStore;

namespace {

// One keyring for the whole process: libsecret and GDBus keep their session-bus
// connection once made.
PrivateSecretService *g_service = nullptr;

class KeyringEnvironment : public testing::Environment
{
public:
    void SetUp() override
    {
        g_service = new PrivateSecretService;
        if (!g_service->start(true)) {
            m_problem =
                g_service->skipReason().isEmpty() ? g_service->error() : g_service->skipReason();
            m_skip = !g_service->skipReason().isEmpty();
        }
    }
    void TearDown() override
    {
        delete g_service;
        g_service = nullptr;
    }
    QString m_problem;
    bool m_skip = false;
};

KeyringEnvironment *g_environment =
    static_cast<KeyringEnvironment *>(testing::AddGlobalTestEnvironment(new KeyringEnvironment));

const QString kUser = u"admin"_s;

class KeyringTest : public testing::Test
{
protected:
    void SetUp() override
    {
        if (g_environment->m_skip)
            GTEST_SKIP() << g_environment->m_problem.toStdString();
        ASSERT_TRUE(g_environment->m_problem.isEmpty()) << g_environment->m_problem.toStdString();
        m_dir = makeTempDir();
    }

    /// A test-driver host that asks for kUser and `password` (the file is read on every open).
    QString authHost(const QString &password)
    {
        const QString path = QDir(m_dir).filePath(u"secure-host.xml"_s);
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(
            u"<node><auth><user password=\"%1\">%2</user></auth></node>\n"_s.arg(password, kUser)
                .toUtf8());
        return u"test://"_s + path;
    }

    QString m_dir;
};

/// One "start" of the application's connection path: a fresh keyring client, provider
/// and host session, as after a restart.
struct Start
{
    explicit Start(const QString &uri) : session(uri)
    {
        provider.setSecretStore(&store);
        session.setCredentialProvider(&provider);
    }
    bool connect()
    {
        const bool again = session.state() == ConnectionState::Failed;
        session.open();
        if (again) // the worker leaves Failed once it tries again
            waitUntil([&] { return session.state() != ConnectionState::Failed; }, 5000);
        waitUntil(
            [&] {
                return session.state() == ConnectionState::Connected ||
                       session.state() == ConnectionState::Failed;
            },
            20000);
        return session.state() == ConnectionState::Connected;
    }
    QWidget window;
    SecretStore store;
    views::CredentialDialogProvider provider{&window};
    models::HostSession session;
};

bool waitForEntries(SecretStore &store, const QString &uri, qsizetype count)
{
    return waitUntil([&] { return awaitResult(store.entries(uri)).size() == count; }, 10000);
}

TEST_F(KeyringTest, SecretsAreKeptPerConnectionAndForgottenPerConnection)
{
    SecretStore store;
    ASSERT_EQ(awaitResult(store.probe()), SecretStore::Availability::Available)
        << store.unavailableReason().toStdString();
    const QString a = u"qemu+tcp://a.example/system"_s;
    const QString b = u"qemu+tcp://b.example/system"_s;
    const auto vmA = models::SecretKey::forVnc(a, u"11111111-2222-3333-4444-555555555555"_s);
    const auto vmB = models::SecretKey::forVnc(b, u"11111111-2222-3333-4444-555555555555"_s);
    EXPECT_TRUE(awaitResult(store.write(vmA, u"pw-a"_s)).ok());
    EXPECT_TRUE(awaitResult(store.write(vmB, u"pw-b"_s)).ok());

    SecretStore restarted; // a new client reads what the keyring kept
    EXPECT_EQ(awaitResult(restarted.read(vmA)).secret.value_or(QString()), u"pw-a"_s);
    EXPECT_EQ(awaitResult(restarted.read(vmB)).secret.value_or(QString()), u"pw-b"_s);
    EXPECT_EQ(awaitResult(restarted.entries(a)).size(), 1);

    EXPECT_TRUE(awaitResult(restarted.forgetConnection(a)).ok());
    EXPECT_FALSE(awaitResult(restarted.read(vmA)).secret.has_value());
    EXPECT_TRUE(awaitResult(restarted.entries(a)).isEmpty());
    EXPECT_EQ(awaitResult(restarted.read(vmB)).secret.value_or(QString()), u"pw-b"_s)
        << "forgetting one connection keeps the others'";
}

TEST_F(KeyringTest, RememberedPasswordIsUsedOnTheNextStartAndARefusedOneIsDropped)
{
    QString uri = authHost(u"first-secret"_s);
    {
        SCOPED_TRACE("first start: a wrong password with Remember ticked is not stored");
        Start start(uri);
        DialogAnswerer user([](QDialog *d, int i) {
            if (i == 1)
                d->grab().save(screenshotPath(u"credential-remember.png"_s));
            // Rounds: user name, password (wrong), then after libvirt's refusal again.
            answerCredentials(d, kUser, i < 2 ? u"wrong"_s : u"first-secret"_s, true);
        });
        // The refusal is not retried by itself (no prompt loop): Failed, nothing stored.
        ASSERT_FALSE(start.connect());
        EXPECT_EQ(start.session.state(), ConnectionState::Failed);
        EXPECT_TRUE(waitForEntries(start.store, uri, 0)) << "a refused password is not stored";
        EXPECT_EQ(user.shown(), 2);
        // Host › Connect: asked again.
        ASSERT_TRUE(start.connect()) << start.session.lastError().toStdString();
        EXPECT_EQ(user.shown(), 4);
        // Saved after it worked: the user name and the password of the accepted attempt.
        EXPECT_TRUE(waitForEntries(start.store, uri, 2));
    }
    {
        SCOPED_TRACE("second start: no prompt at all");
        Start start(uri);
        DialogAnswerer user([](QDialog *d, int) { d->reject(); });
        ASSERT_TRUE(start.connect()) << start.session.lastError().toStdString();
        EXPECT_EQ(user.shown(), 0);
    }
    uri = authHost(u"second-secret"_s); // the host's password changed
    {
        SCOPED_TRACE("third start: the refused saved password is dropped and the user asked");
        Start start(uri);
        DialogAnswerer user(
            [](QDialog *d, int) { answerCredentials(d, kUser, u"second-secret"_s, false); });
        ASSERT_FALSE(start.connect()) << "the saved password no longer works";
        EXPECT_EQ(user.shown(), 0);
        EXPECT_TRUE(waitForEntries(start.store, uri, 0)) << "the refused saved password is dropped";
        ASSERT_TRUE(start.connect()) << start.session.lastError().toStdString();
        EXPECT_EQ(user.shown(), 2);
        EXPECT_TRUE(waitForEntries(start.store, uri, 0)) << "nothing remembered without the tick";
    }
    {
        SCOPED_TRACE("remembered again, then forgotten on request");
        Start start(uri);
        DialogAnswerer user(
            [](QDialog *d, int) { answerCredentials(d, kUser, u"second-secret"_s, true); });
        ASSERT_TRUE(start.connect());
        ASSERT_TRUE(waitForEntries(start.store, uri, 2));
        EXPECT_TRUE(awaitResult(start.store.forgetConnection(uri)).ok());
        EXPECT_TRUE(waitForEntries(start.store, uri, 0));
    }
    {
        Start start(uri);
        DialogAnswerer user(
            [](QDialog *d, int) { answerCredentials(d, kUser, u"second-secret"_s, false); });
        ASSERT_TRUE(start.connect());
        EXPECT_EQ(user.shown(), 2) << "forgotten passwords are asked for again";
    }
}

TEST_F(KeyringTest, NoCrossvirtFileHoldsARememberedPasswordAndRemovingTheHostForgetsIt)
{
    const QString secret = u"never-in-a-file-7f3a"_s;
    const QString uri = authHost(secret);
    const QString config = QDir(m_dir).filePath(u"config"_s);
    const QString data = QDir(m_dir).filePath(u"data"_s);
    qputenv("CROSSVIRT_CONFIG_DIR", config.toUtf8());
    qputenv("CROSSVIRT_DATA_DIR", data.toUtf8());
    {
        app::ApplicationCore core;
        core.open(); // first start: the demo datacenter, saved
        views::CredentialDialogProvider provider(nullptr);
        provider.setSecretStore(core.secrets());
        core.datacenter()->setCredentialProvider(&provider);
        DialogAnswerer user([&](QDialog *d, int) { answerCredentials(d, kUser, secret, true); });
        models::HostSession *s = core.datacenter()->addConnection({uri, u"Secure host"_s, true});
        ASSERT_TRUE(waitUntil([&] { return s->state() == ConnectionState::Connected; }, 20000))
            << s->lastError().toStdString();
        ASSERT_TRUE(waitForEntries(*core.secrets(), uri, 2));
        QSettings settings; // what the application keeps besides the connection list
        settings.setValue(u"keyringTest/lastHost"_s, uri);
        settings.sync();
        // The connection list was saved (off the GUI thread) with the new host in it.
        ASSERT_TRUE(waitUntil([&] {
            QFile f(QDir(config).filePath(u"connections.json"_s));
            return f.open(QIODevice::ReadOnly) && f.readAll().contains(uri.toUtf8());
        }));

        // Every file Crossvirt and Qt wrote for it, and the whole private HOME of the
        // keyring: the password is in none of them.
        const QStringList folders{config, data, QFileInfo(settings.fileName()).path(),
                                  g_service->home()};
        int files = 0;
        for (const QString &folder : folders) {
            QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile f(it.next());
                if (!f.open(QIODevice::ReadOnly))
                    continue;
                ++files;
                const QByteArray bytes = f.readAll();
                EXPECT_FALSE(bytes.contains(secret.toUtf8())) << f.fileName().toStdString();
                EXPECT_FALSE(bytes.contains(secret.toUtf8().toBase64()))
                    << f.fileName().toStdString();
            }
        }
        EXPECT_GE(files, 3) << "the scan read the saved files";
        // The keyring has it (so it was remembered, just not in a file).
        EXPECT_EQ(awaitResult(core.secrets()->entries(uri)).size(), 2);

        core.datacenter()->removeConnection(uri);
        EXPECT_TRUE(waitForEntries(*core.secrets(), uri, 0))
            << "removing a connection forgets its passwords";
        core.datacenter()->setCredentialProvider(nullptr);
    }
    qunsetenv("CROSSVIRT_CONFIG_DIR");
    qunsetenv("CROSSVIRT_DATA_DIR");
}

TEST_F(KeyringTest, HostMenuForgetsTheSelectedHostsSavedPasswords)
{
    const QString uri = authHost(u"menu-secret"_s);
    MainWindowUnderTest app = openMainWindow(); // the demo datacenter, in a test folder
    views::CredentialDialogProvider provider(app.window.get());
    provider.setSecretStore(app.core->secrets());
    app.core->datacenter()->setCredentialProvider(&provider);
    DialogAnswerer user(
        [](QDialog *d, int) { answerCredentials(d, kUser, u"menu-secret"_s, true); });
    // Added once the provider is set, as the Add Connection dialog would.
    app.core->datacenter()->addConnection({uri, u"Secure host"_s, true});
    QString error;
    ASSERT_NE(connectedSession(app, uri, &error), nullptr) << error.toStdString();
    ASSERT_TRUE(waitForEntries(*app.core->secrets(), uri, 2));

    auto *forget = app.window->findChild<QAction *>(u"forgetPasswords"_s);
    ASSERT_NE(forget, nullptr);
    ASSERT_TRUE(app.window->select(uri));
    ASSERT_TRUE(waitUntil([&] { return forget->isEnabled(); })) << "the store answered";
    EXPECT_TRUE(forget->isVisible());
    forget->trigger();
    EXPECT_TRUE(waitForEntries(*app.core->secrets(), uri, 0));
    app.core->datacenter()->setCredentialProvider(nullptr);
}

TEST_F(KeyringTest, CliForgetPasswordsRemovesOneConnectionsPasswords)
{
    SecretStore store;
    const QString uri = u"qemu+tcp://cli.example/system"_s;
    const QString other = u"qemu+tcp://other.example/system"_s;
    ASSERT_TRUE(awaitResult(store.write(models::SecretKey::forVnc(uri, u"vm-1"_s), u"a"_s)).ok());
    ASSERT_TRUE(awaitResult(store.write(models::SecretKey::forVnc(other, u"vm-2"_s), u"b"_s)).ok());
    QProcess cli; // inherits this process's private DBUS_SESSION_BUS_ADDRESS
    cli.start(QStringLiteral(CROSSVIRT_CLI_PATH), {u"forget-passwords"_s, u"--uri"_s, uri});
    ASSERT_TRUE(cli.waitForFinished(30000));
    EXPECT_EQ(cli.exitCode(), 0) << cli.readAllStandardError().toStdString();
    EXPECT_TRUE(cli.readAllStandardOutput().contains("\"forgotten\": true"));
    EXPECT_TRUE(awaitResult(store.entries(uri)).isEmpty());
    EXPECT_FALSE(awaitResult(store.read(models::SecretKey::forVnc(uri, u"vm-1"_s))).secret);
    EXPECT_EQ(awaitResult(store.entries(other)).size(), 1) << "other hosts keep theirs";
    awaitResult(store.forgetConnection(other));
}

/// A real QEMU whose VNC display asks for `password` (no guest: -machine none).
class QemuVnc
{
public:
    explicit QemuVnc(const QString &password)
    {
        const QString qemu = QStandardPaths::findExecutable(u"qemu-system-x86_64"_s);
        if (qemu.isEmpty())
            return;
        for (int display = 60; display < 99 && !m_port; ++display) {
            QTcpServer probe;
            if (!probe.listen(QHostAddress::LocalHost, quint16(5900 + display)))
                continue;
            probe.close();
            m_process.start(qemu,
                            {u"-machine"_s, u"none"_s, u"-nodefaults"_s, u"-display"_s, u"none"_s,
                             u"-object"_s, u"secret,id=vncpw,data="_s + password, u"-vnc"_s,
                             u"127.0.0.1:%1,password-secret=vncpw"_s.arg(display)});
            if (!m_process.waitForStarted(5000))
                return;
            const quint16 port = quint16(5900 + display);
            if (waitUntil(
                    [&] {
                        QTcpSocket s;
                        s.connectToHost(QHostAddress::LocalHost, port);
                        return s.waitForConnected(200);
                    },
                    10000))
                m_port = port;
        }
    }
    ~QemuVnc()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(3000))
            m_process.kill();
        m_process.waitForFinished(3000);
    }
    quint16 port() const { return m_port; }

private:
    QProcess m_process;
    quint16 m_port = 0;
};

TEST_F(KeyringTest, VncPasswordIsRememberedAfterQemuAcceptedItAndDroppedWhenRefused)
{
    if (QStandardPaths::findExecutable(u"qemu-system-x86_64"_s).isEmpty())
        GTEST_SKIP() << "qemu-system-x86_64 is not installed (Debian: qemu-system-x86)";
    const QString uri = u"qemu+tcp://vnc.example/system"_s;
    const QString vm = u"6f0c7a2e-1d3b-4e5f-9a8b-7c6d5e4f3a2b"_s;
    auto connected = [](views::VncConsoleWidget &w) {
        return waitUntil(
            [&] { return w.session()->state() == models::VncSession::State::Connected; }, 20000);
    };
    QemuVnc first(u"vnc-first"_s);
    ASSERT_NE(first.port(), 0) << "QEMU's VNC display did not come up";
    {
        SecretStore store;
        views::VncConsoleWidget console;
        console.setSecretStore(&store, uri, vm);
        console.setEndpoint(models::VncEndpoint::tcp(u"127.0.0.1"_s, first.port()));
        DialogAnswerer user([&](QDialog *d, int) {
            // The prompt offers Remember: the keyring answers.
            EXPECT_NE(d->findChild<QCheckBox *>(u"rememberPassword"_s), nullptr);
            d->grab().save(screenshotPath(u"vnc-password-remember.png"_s));
            answerCredentials(d, {}, u"vnc-first"_s, true);
        });
        console.connectToConsole();
        ASSERT_TRUE(connected(console)) << console.statusText().toStdString();
        EXPECT_EQ(user.shown(), 1);
        EXPECT_TRUE(waitForEntries(store, uri, 1));
    }
    {
        SecretStore store; // as after a restart
        views::VncConsoleWidget console;
        console.setSecretStore(&store, uri, vm);
        console.setEndpoint(models::VncEndpoint::tcp(u"127.0.0.1"_s, first.port()));
        DialogAnswerer user([](QDialog *d, int) { d->reject(); });
        console.connectToConsole();
        ASSERT_TRUE(connected(console)) << console.statusText().toStdString();
        EXPECT_EQ(user.shown(), 0) << "the remembered password answered";
    }
    QemuVnc changed(u"vnc-second"_s); // the VM's display password changed
    ASSERT_NE(changed.port(), 0);
    {
        SecretStore store;
        views::VncConsoleWidget console;
        console.setSecretStore(&store, uri, vm);
        console.setEndpoint(models::VncEndpoint::tcp(u"127.0.0.1"_s, changed.port()));
        DialogAnswerer user(
            [](QDialog *d, int) { answerCredentials(d, {}, u"vnc-second"_s, false); });
        console.connectToConsole();
        ASSERT_TRUE(connected(console)) << console.statusText().toStdString();
        EXPECT_EQ(user.shown(), 1) << "refused saved password: the user is asked again";
        EXPECT_TRUE(waitForEntries(store, uri, 0)) << "the refused password is forgotten";
    }
}

} // namespace
