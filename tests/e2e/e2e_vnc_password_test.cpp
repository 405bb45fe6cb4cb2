// A libvirt guest with <graphics type='vnc' passwd='…'/> on the harness libvirtd, reached
// through qemu+tcp://127.0.0.1/system, so vncEndpointFor gives host:port and QEMU asks
// for the password (a local URI's graphics fd skips VNC auth): no password, a wrong one
// and the right one through VncSession, and crossvirt-cli console-snapshot taking it from
// the environment and from a file descriptor. One small SeaBIOS guest, no disk.

#include "common/TestSupport.h"
#include "e2e/E2eSupport.h"
#include "models/connection/ConnectionUri.h"
#include "models/console/ConsoleEndpoints.h"
#include "models/console/VncSession.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <libvirt/libvirt.h>

using namespace Qt::StringLiterals;
using namespace crossvirt::test::e2e;
using namespace crossvirt::models;
using crossvirt::test::waitUntil;

namespace {

[[maybe_unused]] ::testing::Environment *const e2eEnvironment =
    ::testing::AddGlobalTestEnvironment(new LibvirtDaemonEnvironment);

const QString kPassword = u"e2evncpw"_s; // libvirt allows 8 characters (VNC auth is DES)

class VncPasswordE2e : public LibvirtDaemonTest
{
};

struct Attempt
{
    bool fullFrame = false;
    VncSession::Failure failure = VncSession::Failure::None;
    QString error;
};

Attempt attempt(HostSession *session, const QString &uuid, const QString &password)
{
    VncEndpoint endpoint = await(vncEndpointFor(session, uuid));
    endpoint.password = password;
    VncSession vnc;
    vnc.setAskForPassword(false);
    vnc.connectToEndpoint(endpoint);
    Attempt a;
    a.fullFrame = vnc.waitForFullFrame(30'000, &a.error);
    if (!a.fullFrame) {
        waitUntil([&] { return vnc.state() == VncSession::State::Disconnected; }, 5000);
        a.failure = vnc.failure();
    }
    return a;
}

// console-snapshot with the password on stdin (--password-fd 0) or in the environment.
CliRun snapshot(const QStringList &args, const QString &stdinPassword, const QString &envPassword)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"CROSSVIRT_VNC_PASSWORD"_s);
    if (!envPassword.isEmpty())
        env.insert(u"CROSSVIRT_VNC_PASSWORD"_s, envPassword);
    return runCliProgram(QStringLiteral(CROSSVIRT_CLI_PATH), args, 90'000, &env,
                         stdinPassword.isEmpty() ? QByteArray() : stdinPassword.toUtf8() + '\n');
}

} // namespace

TEST_F(VncPasswordE2e, GuestWithAVncPasswordThroughTcp)
{
    QString error;
    auto session = openSession(LibvirtDaemon::remoteUri(), &error);
    if (!session && daemon().reusedExistingDaemon())
        GTEST_SKIP() << "the reused libvirtd does not listen on TCP: " << error.toStdString();
    ASSERT_TRUE(session) << error.toStdString();

    const QString name = LibvirtDaemon::domainPrefix() + u"vnc-password"_s;
    const QString xml =
        u"<domain type='%1'><name>%2</name><memory unit='MiB'>64</memory><vcpu>1</vcpu>"
        "<os><type arch='x86_64' machine='pc'>hvm</type></os><devices>"
        "<graphics type='vnc' autoport='yes' listen='127.0.0.1' passwd='%3'/>"
        "<video><model type='vga'/></video></devices></domain>"_s.arg(
            daemon().domainTypeFor(u"x86_64"_s), name, kPassword);
    // Transient: gone when destroyed, and the harness removes its daemon's state.
    virDomainPtr dom = virDomainCreateXML(conn(), xml.toUtf8().constData(), 0);
    ASSERT_TRUE(dom) << lastLibvirtError().toStdString();
    const auto destroy = qScopeGuard([dom] {
        virDomainDestroy(dom);
        virDomainFree(dom);
    });
    char uuidText[VIR_UUID_STRING_BUFLEN] = {};
    ASSERT_EQ(virDomainGetUUIDString(dom, uuidText), 0);
    const QString uuid = QString::fromLatin1(uuidText);
    ASSERT_TRUE(waitUntil([&] { return session->domain(uuid).has_value(); }, 20'000));

    // The endpoint carries the connection's TLS files and the host's name for x509.
    VncEndpoint endpoint = await(vncEndpointFor(session.get(), uuid));
    ASSERT_TRUE(endpoint.isValid()) << endpoint.error.toStdString();
    EXPECT_EQ(endpoint.tlsHostName, u"127.0.0.1"_s);
    EXPECT_EQ(endpoint.tlsCaCertificate, tlsCertificatesFor(session->uri()).caCertificate);
    endpoint.closeSocket();

    const Attempt none = attempt(session.get(), uuid, {});
    EXPECT_EQ(none.failure, VncSession::Failure::PasswordRequired) << none.error.toStdString();
    const Attempt wrong = attempt(session.get(), uuid, u"not-it"_s);
    EXPECT_EQ(wrong.failure, VncSession::Failure::AuthenticationFailed)
        << wrong.error.toStdString();
    EXPECT_TRUE(wrong.error.contains(u"rejected the VNC password"_s)) << wrong.error.toStdString();
    const Attempt right = attempt(session.get(), uuid, kPassword);
    EXPECT_TRUE(right.fullFrame) << right.error.toStdString();

    // The CLI: never the password on its command line.
    QTemporaryDir out;
    ASSERT_TRUE(out.isValid());
    const QString png = out.filePath(u"vnc.png"_s);
    const QStringList args{u"--connect"_s,
                           LibvirtDaemon::remoteUri(),
                           u"console-snapshot"_s,
                           u"--vm"_s,
                           name,
                           u"--out"_s,
                           png,
                           u"--wait"_s,
                           u"60"_s};
    const CliRun refused = snapshot(args, {}, u"not-it"_s);
    EXPECT_NE(refused.exitCode, 0);
    EXPECT_TRUE(refused.err.contains(u"rejected the VNC password"_s)) << refused.err.toStdString();
    EXPECT_FALSE(QFile::exists(png));

    const CliRun fromEnv = snapshot(args, {}, kPassword);
    EXPECT_EQ(fromEnv.exitCode, 0) << fromEnv.err.toStdString();
    EXPECT_FALSE(QImage(png).isNull());
    QFile::remove(png);

    const CliRun fromFd = snapshot(args + QStringList{u"--password-fd"_s, u"0"_s}, kPassword, {});
    EXPECT_EQ(fromFd.exitCode, 0) << fromFd.err.toStdString();
    EXPECT_FALSE(QImage(png).isNull());
    info(u"vnc"_s,
         u"CLI runs: %1 ms, %2 ms, %3 ms"_s.arg(refused.ms).arg(fromEnv.ms).arg(fromFd.ms));
}
