// Consoles of a VM on an SSH host, end to end: a real x86_64 Debian guest (the e2e kernel
// and busybox initramfs, TCG) runs on a RemoteHost (index 24) whose sshd (SshServer) is
// reached with qemu+ssh and a key. Its serial console answers a command over the libvirt
// connection; two VNC consoles show full frames through SSH tunnels that share one master
// ssh; a closed console's ssh ends; crossvirt-cli console-snapshot works through the tunnel
// too and leaves no ssh behind, and its serial command answers; a host reached with a password asks
// for it again for the tunnel's login through crossvirt-askpass (the test's credential provider
// answers); removing the host ends its ssh processes; with sshd stopped a new tunnel says the host
// refused SSH. The user's home is a private folder (SshServer::isolateUserHome): its
// known_hosts trusts the test's sshd, the real /root/.ssh is never read or written.
#include "common/TestSupport.h"
#include "e2e/E2eGuests.h"
#include "e2e/E2eSupport.h"
#include "e2e/GuestImage.h"
#include "e2e/HarnessProcesses.h"
#include "e2e/RemoteHost.h"
#include "e2e/SshServer.h"
#include "models/connection/CredentialProvider.h"
#include "models/connection/HostSession.h"
#include "models/console/ConsoleEndpoints.h"
#include "models/console/SshTunnel.h"
#include "models/console/VncSession.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QThread>
#include <gtest/gtest.h>
#include <libvirt/libvirt.h>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace crossvirt::models;
using namespace crossvirt::test::e2e;
using crossvirt::test::waitUntil;

namespace {

constexpr int kHostIndex = 24;

class PrivateHome : public ::testing::Environment
{
public:
    void SetUp() override
    {
        home = SshServer::isolateUserHome(&error);
        qputenv("CROSSVIRT_ASKPASS", CROSSVIRT_ASKPASS_PATH);
        qunsetenv("SSH_AUTH_SOCK"); // only the keys and passwords the test gives
    }
    QString home;
    QString error;
};
PrivateHome *const privateHome =
    static_cast<PrivateHome *>(::testing::AddGlobalTestEnvironment(new PrivateHome));

// Answers password prompts as a user typing root's password would; counts them.
class PasswordAnswerer : public CredentialProvider
{
public:
    std::optional<QStringList> provide(const QString &uri,
                                       const QList<CredentialRequest> &requests) override
    {
        Q_UNUSED(uri);
        QStringList answers;
        for (const CredentialRequest &r : requests) {
            prompts << r.prompt;
            answers << (r.secret() ? SshServer::password() : QString());
        }
        return answers;
    }
    QStringList prompts;
};

std::string text(const QString &s)
{
    return s.toStdString();
}

bool running(qint64 pid)
{
    return ::kill(pid_t(pid), 0) == 0;
}

// ssh processes whose command line names `needle` (the master's ControlPath).
int sshProcessesWith(const QString &needle)
{
    int count = 0;
    for (const QString &pid : QDir(u"/proc"_s).entryList(QDir::Dirs)) {
        QFile f(u"/proc/%1/cmdline"_s.arg(pid));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray cmd = f.readAll().replace('\0', ' ');
        if (cmd.contains("ssh") && cmd.contains("ControlMaster=yes") &&
            cmd.contains(needle.toUtf8()))
            ++count;
    }
    return count;
}

bool connectVnc(VncSession &vnc, HostSession *session, const QString &uuid, QString *error)
{
    VncEndpoint endpoint;
    try {
        endpoint = await(vncEndpointFor(session, uuid), 45'000);
    } catch (...) {
        *error = exceptionText(std::current_exception());
        return false;
    }
    if (!endpoint.isValid()) {
        *error = endpoint.error;
        return false;
    }
    if (endpoint.fd < 0) {
        *error = u"not a tunnel's socket but %1"_s.arg(endpoint.displayName());
        return false;
    }
    vnc.setAskForPassword(false);
    vnc.connectToEndpoint(endpoint);
    const bool full = waitUntil(
        [&vnc] { return vnc.hasFullFrame() || vnc.failure() != VncSession::Failure::None; },
        30'000);
    *error = vnc.errorString();
    return full && vnc.hasFullFrame();
}

TEST(SshConsoleE2e, VncThroughOneSharedTunnelSerialAndCliAndAStoppedSshd)
{
    QElapsedTimer clock;
    clock.start();
    RemoteHost::Options options;
    options.index = kHostIndex;
    RemoteHost host(options);
    if (!host.start()) {
        if (!host.skipReason().isEmpty() && !qEnvironmentVariableIsSet("CROSSVIRT_E2E_REQUIRED"))
            GTEST_SKIP() << text(host.skipReason());
        FAIL() << text(host.skipReason() + host.errorString());
    }
    SshServer sshd(host);
    if (!sshd.start()) {
        if (!sshd.skipReason().isEmpty() && !qEnvironmentVariableIsSet("CROSSVIRT_E2E_REQUIRED"))
            GTEST_SKIP() << text(sshd.skipReason());
        FAIL() << text(sshd.errorString());
    }
    const GuestImage image = guestImageFor(u"x86_64"_s);
    if (!image.ok()) {
        if (!qEnvironmentVariableIsSet("CROSSVIRT_E2E_REQUIRED"))
            GTEST_SKIP() << text(image.error);
        FAIL() << text(image.error);
    }

    if (privateHome->home.isEmpty())
        GTEST_SKIP() << "no private home for ssh's known_hosts: " << text(privateHome->error);
    // The private home's known_hosts trusts this sshd, as if the user had said yes.
    QDir().mkpath(QDir::homePath() + u"/.ssh"_s);
    ASSERT_TRUE(
        writeTextFile(QDir::homePath() + u"/.ssh/known_hosts"_s, sshd.knownHostsLine() + u'\n'));
    QTemporaryDir dir(u"/var/tmp/crossvirt-e2e-sshconsole-XXXXXX"_s);
    ASSERT_TRUE(dir.isValid());
    const QString uri = sshd.uri() + u"?keyfile=%1&no_tty=1"_s.arg(sshd.clientKey());

    // The guest runs on the SSH host: a VGA display on its loopback, a serial console.
    const QString name = LibvirtDaemon::domainPrefix() + u"sshconsole"_s;
    const QString xml = uR"(<domain type='qemu'>
  <name>%1</name>
  <memory unit='MiB'>256</memory>
  <vcpu>1</vcpu>
  <os><type arch='x86_64' machine='pc'>hvm</type>
    <kernel>%2</kernel><initrd>%3</initrd><cmdline>console=ttyS0 quiet</cmdline></os>
  <on_poweroff>destroy</on_poweroff>
  <devices>
    <serial type='pty'><target port='0'/></serial>
    <console type='pty'><target type='serial' port='0'/></console>
    <graphics type='vnc' port='-1' autoport='yes' listen='127.0.0.1'/>
    <video><model type='vga'/></video>
    <memballoon model='none'/>
  </devices>
</domain>)"_s.arg(name, image.kernel.toHtmlEscaped(), image.initrd.toHtmlEscaped());
    virDomainPtr dom = virDomainCreateXML(host.connection(), xml.toUtf8().constData(), 0);
    ASSERT_NE(dom, nullptr) << text(lastLibvirtError()) << text(host.daemonLogTail());
    auto destroy = qScopeGuard([&] {
        virDomainDestroy(dom);
        virDomainFree(dom);
    });
    char uuidBuf[VIR_UUID_STRING_BUFLEN];
    virDomainGetUUIDString(dom, uuidBuf);
    const QString uuid = QString::fromLatin1(uuidBuf);

    QString error;
    auto session = openSession(uri, &error);
    ASSERT_TRUE(session) << text(error) << text(sshd.logTail());
    info(u"ssh"_s, u"connected to %1 after %2 s"_s.arg(uri, secondsSince(clock)));

    // Serial: virDomainOpenConsole over the qemu+ssh connection; the guest's shell answers.
    GuestShell shell(session.get(), uuid);
    ASSERT_TRUE(shell.open()) << "the serial console did not open over SSH";

    // VNC: two consoles of this host while the guest boots, one master ssh.
    VncSession first;
    VncSession second;
    ASSERT_TRUE(connectVnc(first, session.get(), uuid, &error)) << text(error);
    ASSERT_TRUE(connectVnc(second, session.get(), uuid, &error)) << text(error);
    info(u"vnc"_s,
         u"two full frames (%1x%2) through the tunnel after %3 s"_s.arg(first.frameSize().width())
             .arg(first.frameSize().height())
             .arg(secondsSince(clock)));
    EXPECT_FALSE(first.currentFrame().isNull());
    const QList<qint64> masters = SshTunnels::instance().masterProcessIds();
    EXPECT_EQ(masters.size(), 1) << "each console must not log in again";
    const QList<qint64> tunnels = SshTunnels::instance().tunnelProcessIds();
    EXPECT_EQ(tunnels.size(), 2);
    EXPECT_EQ(sshProcessesWith(sshd.address()), 1) << "one master ssh process for the host";

    // A closed console ends its ssh; the other console and the master stay.
    first.disconnectFromServer();
    EXPECT_TRUE(
        waitUntil([&] { return SshTunnels::instance().tunnelProcessIds().size() == 1; }, 10'000))
        << "the closed console's ssh is still running";
    EXPECT_EQ(second.state(), VncSession::State::Connected) << text(second.errorString());
    EXPECT_EQ(SshTunnels::instance().masterProcessIds(), masters);

    const auto report = shell.waitForReport(kGuestBootTimeoutMs);
    ASSERT_TRUE(report) << "the guest did not boot: " << shell.tail();
    const auto answer = shell.run(u"echo ssh-serial-$((6*7))"_s);
    ASSERT_TRUE(answer) << shell.tail();
    EXPECT_TRUE(answer->contains(u"ssh-serial-42"_s)) << text(*answer);
    info(u"serial"_s, u"the guest answered over SSH after %1 s"_s.arg(secondsSince(clock)));

    // The CLI: the same tunnel code in another process, which ends its ssh when it exits.
    const QString png = dir.filePath(u"screen.png"_s);
    const CliRun cli = runCliProgram(QStringLiteral(CROSSVIRT_CLI_PATH),
                                     {u"--connect"_s, uri, u"console-snapshot"_s, u"--vm"_s, name,
                                      u"--out"_s, png, u"--wait"_s, u"30"_s},
                                     60'000);
    EXPECT_EQ(cli.exitCode, 0) << text(cli.err);
    EXPECT_FALSE(QImage(png).isNull());
    // The CLI's master gets SIGTERM as the CLI exits; give a loaded machine time to reap it.
    EXPECT_TRUE(waitUntil([&] { return sshProcessesWith(sshd.address()) == 1; }, 15'000))
        << "crossvirt-cli left its master ssh behind: " << sshProcessesWith(sshd.address())
        << " master ssh processes";

    // The CLI's serial console over qemu+ssh (it takes the console over from the shell).
    const CliRun serial =
        runCliProgram(QStringLiteral(CROSSVIRT_CLI_PATH),
                      {u"--connect"_s, uri, u"serial"_s, u"--vm"_s, name, u"--seconds"_s, u"30"_s,
                       u"--send"_s, u"echo cli-$((6*7))\\r"_s, u"--until"_s, u"cli-42"_s},
                      60'000);
    EXPECT_EQ(serial.exitCode, 0) << text(serial.err) << serial.out.toStdString();
    EXPECT_TRUE(serial.out.contains("cli-42")) << serial.out.toStdString();

    // A host reached with a password: the tunnel's own login asks through askpass too.
    PasswordAnswerer answerer;
    HostSession byPassword(sshd.uri());
    byPassword.setCredentialProvider(&answerer);
    byPassword.open();
    ASSERT_TRUE(waitUntil([&] { return byPassword.state() == ConnectionState::Connected; }, 30'000))
        << text(byPassword.lastError());
    const qsizetype libvirtPrompts = answerer.prompts.size();
    EXPECT_GE(libvirtPrompts, 1) << "libvirt's ssh did not ask for the password";
    VncSession third;
    ASSERT_TRUE(connectVnc(third, &byPassword, uuid, &error)) << text(error);
    EXPECT_EQ(answerer.prompts.size(), libvirtPrompts + 1)
        << "the tunnel's login did not ask once: " << text(answerer.prompts.join(u" | "_s));
    info(u"askpass"_s, u"the tunnel asked: %1"_s.arg(answerer.prompts.value(libvirtPrompts)));
    const QList<qint64> passwordMasters = SshTunnels::instance().masterProcessIds();
    EXPECT_EQ(passwordMasters.size(), 2) << "another login (password, no key): its own master";
    third.disconnectFromServer();
    byPassword.close();

    // The hosts removed: their masters and tunnels end.
    second.disconnectFromServer();
    session.reset();
    byPassword.setCredentialProvider(nullptr);
    SshTunnels::instance().closeHost(sshd.uri());
    EXPECT_TRUE(waitUntil(
        [&] {
            for (qint64 pid : passwordMasters + tunnels) {
                if (running(pid))
                    return false;
            }
            return true;
        },
        10'000))
        << "ssh processes outlived the host";

    // sshd stopped: a new tunnel cannot be made, and says so instead of hanging.
    sshd.stop();
    QElapsedTimer refused;
    refused.start();
    const VncEndpoint none = SshTunnels::instance().openVncTunnel(uri, u"127.0.0.1"_s, 5900, name);
    EXPECT_FALSE(none.isValid());
    EXPECT_TRUE(none.error.contains(u"refused the SSH connection"_s)) << text(none.error);
    EXPECT_LT(refused.elapsed(), 15'000);
    info(u"ssh"_s, u"with sshd stopped: %1 (%2 s in all)"_s.arg(none.error, secondsSince(clock)));
    SshTunnels::instance().closeAll();
}

} // namespace
