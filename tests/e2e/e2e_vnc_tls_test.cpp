// A VeNCrypt x509 VNC display (qemu.conf vnc_tls = 1, vnc_tls_x509_verify = 1) of a guest
// on a remote host (RemoteHost, its own network namespace) reached over qemu+tls with a
// client folder (pkipath=): vncEndpointFor fills in that folder's CA, client certificate
// and key and the host's address, and VncSession shows the screen verified against that
// CA; the same display checked with another CA, a missing CA or without the client
// certificate QEMU asks for is refused in words naming the file. One SeaBIOS guest.

#include "common/TestSupport.h"
#include "e2e/E2eSupport.h"
#include "e2e/RemoteHost.h"
#include "e2e/TestPki.h"
#include "models/console/ConsoleEndpoints.h"
#include "models/console/VncSession.h"

#include <QDir>
#include <QElapsedTimer>
#include <QScopeGuard>
#include <gtest/gtest.h>
#include <libvirt/libvirt.h>

using namespace Qt::StringLiterals;
using namespace crossvirt::test::e2e;
using namespace crossvirt::models;
using crossvirt::test::waitUntil;

namespace {

[[maybe_unused]] ::testing::Environment *const e2eEnvironment =
    ::testing::AddGlobalTestEnvironment(new LibvirtDaemonEnvironment);

constexpr int kIndex = 32; // issue 15's vncsec range: 32-35

struct Attempt
{
    bool fullFrame = false;
    VncSession::Failure failure = VncSession::Failure::None;
    QString error;
};

Attempt attempt(const VncEndpoint &endpoint)
{
    VncSession vnc;
    vnc.setAskForPassword(false);
    vnc.connectToEndpoint(endpoint);
    Attempt a;
    a.fullFrame = vnc.waitForFullFrame(30'000, &a.error);
    if (!a.fullFrame) {
        waitUntil([&] { return vnc.state() == VncSession::State::Disconnected; }, 5000);
        a.failure = vnc.failure();
        info(u"vnc"_s, a.error);
    }
    return a;
}

TEST(VncTlsE2e, X509DisplayOfARemoteGuestIsVerifiedAgainstTheConnectionsCa)
{
    LibvirtDaemon *daemon = LibvirtDaemonEnvironment::daemon();
    if (!daemon || !daemon->skipReason().isEmpty())
        GTEST_SKIP() << "no harness libvirtd";
    QElapsedTimer timer;
    timer.start();
    const QString base = crossvirt::test::makeTempDir();
    const auto cleanup = qScopeGuard([base] { QDir(base).removeRecursively(); });
    TestPki pki(base + u"/pki"_s);
    const QString qemuDir = base + u"/qemu-vnc"_s;
    RemoteHost::Options options;
    options.index = kIndex;
    options.tlsPkiDir = base + u"/server"_s;
    options.extraQemuConf = uR"(vnc_listen = "0.0.0.0"
vnc_tls = 1
vnc_tls_x509_cert_dir = "%1"
vnc_tls_x509_verify = 1
)"_s.arg(qemuDir);
    RemoteHost probe(options);
    if (!pki.create(probe.address())) {
        if (!pki.skipReason().isEmpty())
            GTEST_SKIP() << pki.skipReason().toStdString();
        FAIL() << pki.errorString().toStdString();
    }
    const QString clientDir = base + u"/client"_s;
    ASSERT_TRUE(pki.writeLibvirtServer(options.tlsPkiDir)) << pki.errorString().toStdString();
    ASSERT_TRUE(pki.writeLibvirtClient(clientDir)) << pki.errorString().toStdString();
    ASSERT_TRUE(pki.writeQemuServer(qemuDir)) << pki.errorString().toStdString();

    RemoteHost host(options);
    if (!host.start()) {
        if (!host.skipReason().isEmpty())
            GTEST_SKIP() << host.skipReason().toStdString();
        FAIL() << host.errorString().toStdString();
    }
    info(u"vnc"_s, u"remote host up after %1 ms"_s.arg(timer.elapsed()));
    const QString uri = host.tlsUri(clientDir);
    QString error;
    auto session = openSession(uri, &error);
    ASSERT_TRUE(session) << error.toStdString();

    virConnectPtr conn = virConnectOpen(uri.toUtf8().constData());
    ASSERT_TRUE(conn) << lastLibvirtError().toStdString();
    const QString name = LibvirtDaemon::domainPrefix() + u"vnc-x509"_s;
    const QString xml =
        u"<domain type='%1'><name>%2</name><memory unit='MiB'>64</memory><vcpu>1</vcpu>"
        "<os><type arch='x86_64' machine='pc'>hvm</type></os><devices>"
        "<graphics type='vnc' autoport='yes'/><video><model type='vga'/></video>"
        "</devices></domain>"_s.arg(daemon->domainTypeFor(u"x86_64"_s), name);
    virDomainPtr dom = virDomainCreateXML(conn, xml.toUtf8().constData(), 0);
    const auto destroy = qScopeGuard([conn, dom] {
        if (dom) {
            virDomainDestroy(dom);
            virDomainFree(dom);
        }
        virConnectClose(conn);
    });
    ASSERT_TRUE(dom) << lastLibvirtError().toStdString();
    char uuidText[VIR_UUID_STRING_BUFLEN] = {};
    ASSERT_EQ(virDomainGetUUIDString(dom, uuidText), 0);
    const QString uuid = QString::fromLatin1(uuidText);
    ASSERT_TRUE(waitUntil([&] { return session->domain(uuid).has_value(); }, 20'000));

    const VncEndpoint endpoint = await(vncEndpointFor(session.get(), uuid));
    ASSERT_TRUE(endpoint.isValid()) << endpoint.error.toStdString();
    EXPECT_EQ(endpoint.host, host.address());
    EXPECT_EQ(endpoint.tlsHostName, host.address());
    EXPECT_EQ(endpoint.tlsCaCertificate, clientDir + u"/cacert.pem"_s);
    EXPECT_EQ(endpoint.tlsClientCertificate, clientDir + u"/clientcert.pem"_s);

    const Attempt verified = attempt(endpoint);
    EXPECT_TRUE(verified.fullFrame) << verified.error.toStdString();

    VncEndpoint otherCa = endpoint;
    otherCa.tlsCaCertificate = pki.otherCaCertificate();
    const Attempt refused = attempt(otherCa);
    EXPECT_EQ(refused.failure, VncSession::Failure::CertificateRejected)
        << refused.error.toStdString();
    EXPECT_TRUE(refused.error.contains(pki.otherCaCertificate())) << refused.error.toStdString();

    VncEndpoint noCa = endpoint;
    noCa.tlsCaCertificate = clientDir + u"/no-such-cacert.pem"_s;
    const Attempt missing = attempt(noCa);
    EXPECT_EQ(missing.failure, VncSession::Failure::TlsFailed) << missing.error.toStdString();
    EXPECT_TRUE(missing.error.contains(u"no-such-cacert.pem"_s)) << missing.error.toStdString();

    VncEndpoint noClient = endpoint;
    noClient.tlsClientKey = clientDir + u"/no-such-clientkey.pem"_s;
    const Attempt unknown = attempt(noClient);
    EXPECT_FALSE(unknown.fullFrame);
    EXPECT_EQ(unknown.failure, VncSession::Failure::TlsFailed) << unknown.error.toStdString();
    EXPECT_TRUE(unknown.error.contains(u"no-such-clientkey.pem"_s)) << unknown.error.toStdString();
    info(u"vnc"_s, u"done in %1 ms"_s.arg(timer.elapsed()));
}

} // namespace
