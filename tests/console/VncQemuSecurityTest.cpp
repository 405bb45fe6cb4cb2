// VncSession against a real QEMU VNC server (qemu-system-x86_64 -machine none, started
// here, no libvirt, no root): the VNC password, VeNCrypt x509 verified against a CA made
// with certtool, and the refusals (wrong password, another CA, no CA, wrong name).

#include "QemuVncDisplay.h"
#include "common/TestSupport.h"
#include "e2e/TestPki.h"
#include "models/console/VncSession.h"

#include <QDir>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using crossvirt::models::VncEndpoint;
using crossvirt::models::VncSession;
using crossvirt::test::QemuVncDisplay;
using crossvirt::test::waitUntil;
using crossvirt::test::e2e::TestPki;
using Failure = VncSession::Failure;

namespace {

const QString kPassword = u"s3cret-vnc"_s;

struct Outcome
{
    bool fullFrame = false;
    QSize size;
    Failure failure = Failure::None;
    QString error;
};

// Connects, waits for a complete screen or the end; the session is closed afterwards.
Outcome connectAndWait(const VncEndpoint &endpoint, bool askForPassword = false,
                       const std::function<void(VncSession &)> &setup = {})
{
    VncSession session;
    session.setAskForPassword(askForPassword);
    if (setup)
        setup(session);
    QSignalSpy disconnected(&session, &VncSession::disconnected);
    session.connectToEndpoint(endpoint);
    Outcome outcome;
    // Signals (the password prompt) need the event loop: wait in it.
    waitUntil([&] { return session.hasFullFrame() || disconnected.count() > 0; }, 20000);
    outcome.fullFrame = session.hasFullFrame();
    outcome.size = session.currentFrame().size();
    if (!outcome.fullFrame) {
        waitUntil([&] { return disconnected.count() > 0; }, 5000);
        outcome.failure = session.failure();
        outcome.error = session.errorString();
    }
    return outcome;
}

class QemuVnc : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (const QString why = QemuVncDisplay::missingReason(); !why.isEmpty())
            GTEST_SKIP() << why.toStdString();
    }
    void startQemu(const QString &password, const QString &x509Dir = {}, bool verifyClient = false)
    {
        QemuVncDisplay::Options options;
        options.password = password;
        options.x509Dir = x509Dir;
        options.verifyClient = verifyClient;
        QString error;
        ASSERT_TRUE(m_qemu.start(options, &error)) << error.toStdString();
    }
    VncEndpoint endpoint(const QString &password = {}) const
    {
        const int fd = m_qemu.connectSocket();
        EXPECT_GE(fd, 0);
        return VncEndpoint::socket(fd, u"test-vm"_s, password);
    }
    QemuVncDisplay m_qemu;
};

// One PKI (TestPki, certtool) for the suite, with QEMU server folders made from it.
struct VncPki
{
    QTemporaryDir folder{QDir::tempPath() + u"/crossvirt-vnc-pki-XXXXXX"_s};
    TestPki pki{folder.filePath(u"pki"_s)};
    QString serverDir(TestPki::ServerCertificate which) const
    {
        return folder.filePath(u"qemu-%1"_s.arg(int(which)));
    }
};

class QemuVncX509 : public QemuVnc
{
protected:
    void SetUp() override
    {
        QemuVnc::SetUp();
        if (IsSkipped())
            return;
        if (!s_pki) {
            auto made = std::make_unique<VncPki>();
            if (!made->pki.create(u"localhost"_s, {u"127.0.0.1"_s})) {
                if (!made->pki.skipReason().isEmpty())
                    GTEST_SKIP() << made->pki.skipReason().toStdString();
                FAIL() << made->pki.errorString().toStdString();
            }
            s_pki = std::move(made);
        }
    }
    static void TearDownTestSuite() { s_pki.reset(); }
    // QEMU's tls-creds-x509 folder for a server certificate of the given kind.
    QString serverDir(TestPki::ServerCertificate which = TestPki::ServerCertificate::Valid) const
    {
        const QString dir = s_pki->serverDir(which);
        EXPECT_TRUE(s_pki->pki.writeQemuServer(dir, which))
            << s_pki->pki.errorString().toStdString();
        return dir;
    }
    // The CA's files for a socket endpoint checked against "localhost".
    VncEndpoint tlsEndpoint(const QString &password = {}) const
    {
        VncEndpoint e = endpoint(password);
        e.tlsCaCertificate = s_pki->pki.caCertificate();
        e.tlsClientCertificate = s_pki->pki.clientCertificate();
        e.tlsClientKey = s_pki->pki.clientKey();
        e.tlsHostName = u"localhost"_s;
        return e;
    }
    static inline std::unique_ptr<VncPki> s_pki;
};

} // namespace

TEST_F(QemuVnc, RightPasswordShowsTheScreen)
{
    startQemu(kPassword);
    const Outcome o = connectAndWait(endpoint(kPassword));
    EXPECT_TRUE(o.fullFrame) << o.error.toStdString();
    EXPECT_FALSE(o.size.isEmpty());
}

TEST_F(QemuVnc, WrongPasswordIsRefusedInWords)
{
    startQemu(kPassword);
    const Outcome o = connectAndWait(endpoint(u"wrong"_s));
    EXPECT_FALSE(o.fullFrame);
    EXPECT_EQ(o.failure, Failure::AuthenticationFailed) << o.error.toStdString();
    EXPECT_TRUE(o.error.contains(u"test-vm rejected the VNC password"_s)) << o.error.toStdString();
}

TEST_F(QemuVnc, NoPasswordWithoutPromptSaysOneIsNeeded)
{
    startQemu(kPassword);
    const Outcome o = connectAndWait(endpoint());
    EXPECT_EQ(o.failure, Failure::PasswordRequired) << o.error.toStdString();
    EXPECT_TRUE(o.error.contains(u"asks for a VNC password"_s)) << o.error.toStdString();
}

TEST_F(QemuVnc, PromptedPasswordIsSent)
{
    startQemu(kPassword);
    int prompts = 0;
    const Outcome o = connectAndWait(endpoint(), true, [&](VncSession &session) {
        QObject::connect(&session, &VncSession::passwordRequested, &session, [&] {
            ++prompts;
            session.providePassword(kPassword);
        });
    });
    EXPECT_TRUE(o.fullFrame) << o.error.toStdString();
    EXPECT_EQ(prompts, 1);
}

TEST_F(QemuVncX509, RightCaShowsTheScreen)
{
    startQemu({}, serverDir());
    const Outcome o = connectAndWait(tlsEndpoint());
    EXPECT_TRUE(o.fullFrame) << o.error.toStdString();
    EXPECT_FALSE(o.size.isEmpty());
}

TEST_F(QemuVncX509, ClientCertificateAndPasswordOverTls)
{
    startQemu(kPassword, serverDir(), true);
    const Outcome right = connectAndWait(tlsEndpoint(kPassword));
    EXPECT_TRUE(right.fullFrame) << right.error.toStdString();

    const Outcome wrong = connectAndWait(tlsEndpoint(u"wrong"_s));
    EXPECT_EQ(wrong.failure, Failure::AuthenticationFailed) << wrong.error.toStdString();

    // QEMU asks for a client certificate and gets none: the message names the file.
    VncEndpoint noClient = tlsEndpoint(kPassword);
    noClient.tlsClientCertificate = s_pki->folder.path() + u"/missing-client-cert.pem"_s;
    const Outcome refused = connectAndWait(noClient);
    EXPECT_FALSE(refused.fullFrame);
    EXPECT_EQ(refused.failure, Failure::TlsFailed) << refused.error.toStdString();
    EXPECT_TRUE(refused.error.contains(u"missing-client-cert.pem"_s))
        << refused.error.toStdString();
}

TEST_F(QemuVncX509, ServerCertificateFromAnotherCaIsRefused)
{
    startQemu({}, serverDir(TestPki::ServerCertificate::OtherCa));
    const Outcome o = connectAndWait(tlsEndpoint());
    EXPECT_FALSE(o.fullFrame);
    EXPECT_EQ(o.failure, Failure::CertificateRejected) << o.error.toStdString();
    EXPECT_TRUE(o.error.contains(s_pki->pki.caCertificate())) << o.error.toStdString();
}

TEST_F(QemuVncX509, MissingCaIsRefusedNotConnectedInClear)
{
    startQemu({}, serverDir());
    VncEndpoint missing = tlsEndpoint();
    missing.tlsCaCertificate = s_pki->folder.path() + u"/no-such-ca.pem"_s;
    const Outcome o = connectAndWait(missing);
    EXPECT_FALSE(o.fullFrame);
    EXPECT_EQ(o.failure, Failure::TlsFailed) << o.error.toStdString();
    EXPECT_TRUE(o.error.contains(u"no-such-ca.pem"_s)) << o.error.toStdString();
    EXPECT_TRUE(o.error.contains(u"does not exist"_s)) << o.error.toStdString();

    // A console with no CA at all (a plain VncEndpoint) is refused the same way.
    const Outcome none = connectAndWait(endpoint());
    EXPECT_FALSE(none.fullFrame);
    EXPECT_EQ(none.failure, Failure::TlsFailed) << none.error.toStdString();
    EXPECT_TRUE(none.error.contains(u"no CA certificate"_s)) << none.error.toStdString();
}

TEST_F(QemuVncX509, CertificateForAnotherNameIsRefused)
{
    startQemu({}, serverDir());
    VncEndpoint e = tlsEndpoint();
    e.tlsHostName = u"kvm1.example.org"_s;
    const Outcome o = connectAndWait(e);
    EXPECT_EQ(o.failure, Failure::CertificateRejected) << o.error.toStdString();
    EXPECT_TRUE(o.error.contains(u"kvm1.example.org"_s)) << o.error.toStdString();
}

TEST_F(QemuVncX509, SocketWithoutAHostNameIsRefused)
{
    startQemu({}, serverDir());
    VncEndpoint e = tlsEndpoint();
    e.tlsHostName.clear(); // a socket endpoint has no name of its own
    const Outcome o = connectAndWait(e);
    EXPECT_EQ(o.failure, Failure::TlsFailed) << o.error.toStdString();
    EXPECT_TRUE(o.error.contains(u"no host name"_s)) << o.error.toStdString();
}
