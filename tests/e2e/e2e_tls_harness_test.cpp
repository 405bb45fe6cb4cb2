// The TLS and SASL harness (TestPki + RemoteHost's tlsPkiDir / saslUser options) proven with
// RAW libvirt calls: qemu+tls with the test CA and client certificate answers, qemu+tcp
// with SASL DIGEST-MD5 answers the right password and refuses a wrong one, and a server
// with an expired, not yet valid, wrong-host or other-CA certificate, or a client
// certificate from another CA, is refused. libvirt's exact messages are printed (the
// product's classification tests use them).

#include "common/TestSupport.h"
#include "e2e/E2eSupport.h"
#include "e2e/HarnessProcesses.h"
#include "e2e/RemoteHost.h"
#include "e2e/TestPki.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <gtest/gtest.h>
#include <libvirt/virterror.h>

#include <cstring>

using namespace Qt::StringLiterals;
using namespace crossvirt::test::e2e;

namespace {

[[maybe_unused]] ::testing::Environment *const e2eEnvironment =
    ::testing::AddGlobalTestEnvironment(new LibvirtDaemonEnvironment);

constexpr int kIndex = 28;
const QString kUser = u"crossvirt"_s;
const QString kPassword = u"e2e-sasl-secret"_s;

struct Attempt
{
    bool ok = false;
    int code = 0;
    QString message;
};

struct Answer
{
    QByteArray user;
    QByteArray password;
};

int answer(virConnectCredentialPtr cred, unsigned int ncred, void *cbdata)
{
    const auto *a = static_cast<const Answer *>(cbdata);
    for (unsigned int i = 0; i < ncred; ++i) {
        const QByteArray &v = cred[i].type == VIR_CRED_PASSPHRASE ? a->password : a->user;
        cred[i].result = strdup(v.constData());
        cred[i].resultlen = static_cast<unsigned int>(v.size());
    }
    return 0;
}

Attempt tryOpen(const QString &uri, const QString &user = {}, const QString &password = {})
{
    virSetErrorFunc(nullptr, quietLibvirtErrors);
    Answer a{user.toUtf8(), password.toUtf8()};
    int types[] = {VIR_CRED_AUTHNAME, VIR_CRED_PASSPHRASE};
    virConnectAuth auth{types, 2, answer, &a};
    virConnectPtr conn = virConnectOpenAuth(uri.toUtf8().constData(), &auth, 0);
    Attempt result;
    if (conn) {
        result.ok = true;
        virConnectClose(conn);
    } else if (const virErrorPtr err = virGetLastError()) {
        result.code = err->code;
        result.message = QString::fromUtf8(err->message ? err->message : "");
    }
    virSetErrorFunc(nullptr, nullptr);
    info(u"tls"_s, u"%1 -> %2 (code %3) %4"_s.arg(uri, result.ok ? u"ok"_s : u"refused"_s)
                       .arg(result.code)
                       .arg(result.message));
    return result;
}

TEST(TlsHarnessE2e, TlsAndSaslAnswerAndBadCertificatesAreRefused)
{
    QElapsedTimer timer;
    timer.start();
    const QString base = crossvirt::test::makeTempDir();
    TestPki pki(base + u"/pki"_s);
    RemoteHost::Options options;
    options.index = kIndex;
    options.saslUser = kUser;
    options.saslPassword = kPassword;
    options.tlsSanityCheck = false; // the bad certificates below are swapped in
    options.tlsPkiDir = base + u"/server"_s;
    RemoteHost probe(options);
    if (!pki.create(probe.address())) {
        if (!pki.skipReason().isEmpty())
            GTEST_SKIP() << pki.skipReason().toStdString();
        FAIL() << pki.errorString().toStdString();
    }
    info(u"tls"_s, u"certificates made in %1 ms"_s.arg(timer.elapsed()));
    ASSERT_TRUE(pki.writeLibvirtServer(options.tlsPkiDir)) << pki.errorString().toStdString();
    const QString clientDir = base + u"/client"_s;
    ASSERT_TRUE(pki.writeLibvirtClient(clientDir)) << pki.errorString().toStdString();

    RemoteHost host(options);
    if (!host.start()) {
        if (!host.skipReason().isEmpty())
            GTEST_SKIP() << host.skipReason().toStdString();
        FAIL() << host.errorString().toStdString();
    }
    info(u"tls"_s, u"remote host up after %1 ms"_s.arg(timer.elapsed()));

    // The harness's own connection used SASL already; TLS with the client folder answers.
    EXPECT_TRUE(tryOpen(host.tlsUri(clientDir)).ok);
    // SASL: a wrong password is refused with libvirt's text, the right one works.
    const Attempt wrong = tryOpen(host.uri(), kUser, u"not-the-password"_s);
    EXPECT_FALSE(wrong.ok);
    EXPECT_EQ(wrong.code, VIR_ERR_AUTH_FAILED) << wrong.message.toStdString();
    EXPECT_TRUE(tryOpen(host.uri(), kUser, kPassword).ok);
    // Missing client files: libvirt names the file.
    const Attempt missing = tryOpen(host.tlsUri(base + u"/nothing-here"_s));
    EXPECT_FALSE(missing.ok);
    EXPECT_TRUE(missing.message.contains(u"cacert.pem"_s)) << missing.message.toStdString();
    const QString caOnly = base + u"/ca-only"_s;
    ASSERT_TRUE(QDir().mkpath(caOnly));
    ASSERT_TRUE(QFile::copy(pki.caCertificate(), caOnly + u"/cacert.pem"_s));
    // No client certificate: libvirt's client goes on without one and the server refuses.
    const Attempt noClient = tryOpen(host.tlsUri(caOnly));
    EXPECT_FALSE(noClient.ok);
    EXPECT_TRUE(noClient.message.contains(u"TLS confirmation"_s)) << noClient.message.toStdString();

    // A certificate without its key, and a key without its certificate.
    const QString noKey = base + u"/no-key"_s, noCert = base + u"/no-cert"_s;
    ASSERT_TRUE(pki.writeLibvirtClient(noKey) && pki.writeLibvirtClient(noCert));
    QFile::remove(noKey + u"/clientkey.pem"_s);
    QFile::remove(noCert + u"/clientcert.pem"_s);
    EXPECT_FALSE(tryOpen(host.tlsUri(noKey)).ok);
    EXPECT_FALSE(tryOpen(host.tlsUri(noCert)).ok);

    // A client certificate from another CA: the server refuses it.
    const QString otherClient = base + u"/client-other"_s;
    ASSERT_TRUE(pki.writeLibvirtClient(otherClient, TestPki::ClientCertificate::OtherCa));
    const Attempt refused = tryOpen(host.tlsUri(otherClient));
    EXPECT_FALSE(refused.ok);
    EXPECT_TRUE(refused.message.contains(u"TLS confirmation"_s)) << refused.message.toStdString();

    for (const auto which :
         {TestPki::ServerCertificate::Expired, TestPki::ServerCertificate::NotYetValid,
          TestPki::ServerCertificate::WrongHost, TestPki::ServerCertificate::OtherCa}) {
        ASSERT_TRUE(pki.writeLibvirtServer(options.tlsPkiDir, which));
        ASSERT_TRUE(host.restart()) << host.errorString().toStdString();
        const Attempt bad = tryOpen(host.tlsUri(clientDir));
        EXPECT_FALSE(bad.ok) << "certificate " << int(which) << " was accepted";
    }
    info(u"tls"_s, u"done in %1 ms"_s.arg(timer.elapsed()));
    host.stop();
    EXPECT_FALSE(QDir(host.stateDirectory() + u"/sasl2"_s).exists())
        << "the sasldb (it holds the password) must not outlive the host";
    QDir(base).removeRecursively();
}

} // namespace
