// Connection failures in words: libvirt 9.0's real messages (captured from a real libvirtd
// by e2e_tls_harness_test) classified into what a user can act on, and checkTlsPeer()
// against a real TLS server (QSslServer in this process) holding TestPki's certificates.

#include "models/connection/ConnectionFailure.h"
#include "common/TestSupport.h"
#include "e2e/TestPki.h"

#include <QDir>
#include <QFile>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QtConcurrent/QtConcurrentRun>
#include <gtest/gtest.h>
#include <libvirt/virterror.h>

using namespace Qt::StringLiterals;
using namespace crossvirt::models;
using crossvirt::test::e2e::TestPki;
using Reason = ConnectionFailure::Reason;

namespace {

// Captured from libvirt 9.0 (Debian 12) by e2e_tls_harness_test.
const QString kPeerNotVerified = u"authentication failed: Failed to verify peer's certificate"_s;
const QString kNoConfirmation = u"Unable to read TLS confirmation: Input/output error"_s;
const QString kSaslRefused = u"authentication failed: authentication failed"_s;

class ConnectionFailureTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_dir = crossvirt::test::makeTempDir();
        ASSERT_FALSE(m_dir.isEmpty());
    }
    void TearDown() override { QDir(m_dir).removeRecursively(); }
    QString tlsUri(const QString &pki) const
    {
        return u"qemu+tls://10.213.28.2/system?pkipath="_s + pki;
    }
    static void touch(const QString &path)
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    }
    QString m_dir;
};

TEST_F(ConnectionFailureTest, MissingCaNamesTheFileLibvirtRead)
{
    const QString message = u"Cannot read CA certificate '%1/cacert.pem': No such file or "
                            u"directory"_s.arg(m_dir);
    const ConnectionFailure f =
        classifyConnectionFailure(tlsUri(m_dir), VIR_ERR_SYSTEM_ERROR, message);
    EXPECT_EQ(f.reason, Reason::CaCertificateMissing);
    EXPECT_TRUE(f.explanation.contains(m_dir + u"/cacert.pem"_s)) << f.explanation.toStdString();
    EXPECT_TRUE(f.text().contains(message)) << "libvirt's own text is kept";
    EXPECT_FALSE(f.retryable());
}

TEST_F(ConnectionFailureTest, MissingClientCertificateOrKeyIsNamedWithTheFolder)
{
    touch(m_dir + u"/cacert.pem"_s);
    ConnectionFailure f =
        classifyConnectionFailure(tlsUri(m_dir), VIR_ERR_SYSTEM_ERROR, kNoConfirmation);
    EXPECT_EQ(f.reason, Reason::ClientCertificateMissing);
    EXPECT_TRUE(f.explanation.contains(u"clientcert.pem"_s)) << f.explanation.toStdString();
    EXPECT_TRUE(f.explanation.contains(m_dir)) << "says where libvirt looked";

    touch(m_dir + u"/clientcert.pem"_s);
    f = classifyConnectionFailure(tlsUri(m_dir), VIR_ERR_SYSTEM_ERROR, kNoConfirmation);
    EXPECT_EQ(f.reason, Reason::ClientKeyMissing);
    EXPECT_TRUE(f.explanation.contains(u"clientkey.pem"_s)) << f.explanation.toStdString();

    // All files there: the host refused the certificate itself.
    touch(m_dir + u"/clientkey.pem"_s);
    f = classifyConnectionFailure(tlsUri(m_dir), VIR_ERR_SYSTEM_ERROR, kNoConfirmation);
    EXPECT_EQ(f.reason, Reason::ClientCertificateRefused);
    EXPECT_TRUE(f.explanation.contains(m_dir + u"/clientcert.pem"_s));
    EXPECT_FALSE(f.retryable());
}

TEST_F(ConnectionFailureTest, OwnCertificateRejectedByLibvirtsClient)
{
    const QString message =
        u"Our own certificate %1/clientcert.pem failed validation against "
        u"%1/cacert.pem: The certificate hasn't got a known issuer."_s.arg(m_dir);
    const ConnectionFailure f =
        classifyConnectionFailure(tlsUri(m_dir), VIR_ERR_SYSTEM_ERROR, message);
    EXPECT_EQ(f.reason, Reason::ClientCertificateInvalid);
    EXPECT_TRUE(f.explanation.contains(m_dir + u"/clientcert.pem"_s));
}

TEST_F(ConnectionFailureTest, SaslRefusalAndCancelAreNotRetriedByThemselves)
{
    const QString uri = u"qemu+tcp://10.213.29.2/system"_s;
    ConnectionFailure f = classifyConnectionFailure(uri, VIR_ERR_AUTH_FAILED, kSaslRefused);
    EXPECT_EQ(f.reason, Reason::CredentialsRefused);
    EXPECT_FALSE(f.retryable());
    EXPECT_TRUE(f.text().contains(kSaslRefused));
    // The credential dialog cancelled (captured by e2e_tls_sasl_test).
    f = classifyConnectionFailure(uri, VIR_ERR_AUTH_FAILED,
                                  u"authentication failed: Failed to collect auth credentials"_s);
    EXPECT_EQ(f.reason, Reason::CredentialsCancelled);
    EXPECT_FALSE(f.retryable());
    // A host that does not answer is retried.
    f = classifyConnectionFailure(
        uri, VIR_ERR_SYSTEM_ERROR,
        u"unable to connect to server at '10.213.29.2:16509': Connection refused"_s);
    EXPECT_EQ(f.reason, Reason::Other);
    EXPECT_TRUE(f.retryable());
    EXPECT_TRUE(f.explanation.isEmpty());
}

TEST_F(ConnectionFailureTest, PeerCheckResultsBecomeWords)
{
    const QString uri = tlsUri(m_dir);
    EXPECT_TRUE(needsTlsPeerCheck(uri, VIR_ERR_AUTH_FAILED, kPeerNotVerified));
    EXPECT_FALSE(needsTlsPeerCheck(u"qemu+tcp://h/system"_s, VIR_ERR_AUTH_FAILED, kSaslRefused));
    TlsPeerCheck peer;
    peer.host = u"10.213.28.2"_s;
    peer.names = {u"wrong-host.invalid"_s, u"192.0.2.77"_s};
    peer.problem = TlsPeerCheck::Problem::WrongHost;
    ConnectionFailure f =
        classifyConnectionFailure(uri, VIR_ERR_AUTH_FAILED, kPeerNotVerified, peer);
    EXPECT_EQ(f.reason, Reason::ServerCertificateWrongHost);
    EXPECT_TRUE(f.explanation.contains(u"wrong-host.invalid"_s));
    EXPECT_TRUE(f.explanation.contains(u"10.213.28.2"_s));
    peer.problem = TlsPeerCheck::Problem::NotChecked;
    f = classifyConnectionFailure(uri, VIR_ERR_AUTH_FAILED, kPeerNotVerified, peer);
    EXPECT_EQ(f.reason, Reason::ServerCertificateUnverified);
    EXPECT_TRUE(f.explanation.contains(m_dir + u"/cacert.pem"_s));
}

// A TLS server on 127.0.0.1 with one of TestPki's server certificates; checkTlsPeer runs on
// another thread (it blocks) while this one serves.
TlsPeerCheck checkAgainst(TestPki &pki, TestPki::ServerCertificate which)
{
    QSslServer server;
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificate(QSslCertificate::fromPath(pki.serverCertificate(which)).value(0));
    QFile keyFile(pki.serverKey(which));
    if (!keyFile.open(QIODevice::ReadOnly))
        return {};
    config.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    server.setSslConfiguration(config);
    if (!server.listen(QHostAddress::LocalHost))
        return {};
    QObject::connect(&server, &QSslServer::errorOccurred, &server,
                     [](QSslSocket *s, auto) { s->deleteLater(); });
    const QString uri = u"qemu+tls://127.0.0.1:%1/system"_s.arg(server.serverPort());
    QFuture<TlsPeerCheck> check = QtConcurrent::run(
        [uri, ca = pki.caCertificate()] { return checkTlsPeer(uri, ca, 10'000); });
    crossvirt::test::waitUntil([&] { return check.isFinished(); }, 15'000);
    return check.isFinished() ? check.result() : TlsPeerCheck{};
}

TEST_F(ConnectionFailureTest, CheckTlsPeerTellsExpiredWrongHostAndOtherCa)
{
    if (!QSslSocket::supportsSsl())
        GTEST_SKIP() << "Qt has no TLS backend here";
    TestPki pki(m_dir + u"/pki"_s);
    if (!pki.create(u"127.0.0.1"_s)) {
        if (!pki.skipReason().isEmpty())
            GTEST_SKIP() << pki.skipReason().toStdString();
        FAIL() << pki.errorString().toStdString();
    }
    using P = TlsPeerCheck::Problem;
    using S = TestPki::ServerCertificate;
    const TlsPeerCheck valid = checkAgainst(pki, S::Valid);
    EXPECT_EQ(valid.problem, P::None) << valid.detail.toStdString();
    const TlsPeerCheck expired = checkAgainst(pki, S::Expired);
    EXPECT_EQ(expired.problem, P::Expired) << expired.detail.toStdString();
    EXPECT_EQ(expired.validUntil.date(), QDate(2022, 1, 1));
    const TlsPeerCheck notYet = checkAgainst(pki, S::NotYetValid);
    EXPECT_EQ(notYet.problem, P::NotYetValid) << notYet.detail.toStdString();
    const TlsPeerCheck wrongHost = checkAgainst(pki, S::WrongHost);
    EXPECT_EQ(wrongHost.problem, P::WrongHost) << wrongHost.detail.toStdString();
    EXPECT_TRUE(wrongHost.names.contains(u"wrong-host.invalid"_s));
    const TlsPeerCheck otherCa = checkAgainst(pki, S::OtherCa);
    EXPECT_EQ(otherCa.problem, P::Untrusted) << otherCa.detail.toStdString();
    EXPECT_EQ(otherCa.issuer, u"Crossvirt Other Test CA"_s);

    // Nobody listening: said so, not mistaken for a certificate problem.
    const TlsPeerCheck none =
        checkTlsPeer(u"qemu+tls://127.0.0.1:1/system"_s, pki.caCertificate(), 3000);
    EXPECT_EQ(none.problem, P::Unreachable);
}

} // namespace
