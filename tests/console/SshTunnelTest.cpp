// The SSH tunnel of consoles on SSH hosts: the ssh command lines (strict host keys, no
// prompts, the URI's port, user, key file and known_hosts), ssh's stderr in words, and one
// master per host shared by its consoles (with a scripted `ssh` that records its calls).
#include "models/console/SshTunnel.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>
#include <gtest/gtest.h>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

using namespace crossvirt::models;
using namespace Qt::StringLiterals;

TEST(SshTarget, ReadsHostPortUserKeyAndKnownHostsFromTheUri)
{
    const SshTarget t = SshTarget::fromUri(u"qemu+ssh://root@kvm1:2222/system?keyfile=/k/id"_s);
    EXPECT_EQ(t.host, u"kvm1"_s);
    EXPECT_EQ(t.port, 2222);
    EXPECT_EQ(t.user, u"root"_s);
    EXPECT_EQ(t.keyFile, u"/k/id"_s);
    const SshTarget k =
        SshTarget::fromUri(u"qemu+ssh://admin@10.0.0.2/system?keyfile=/k/id&known_hosts=/tmp/kh"_s);
    EXPECT_EQ(k.host, u"10.0.0.2"_s);
    EXPECT_EQ(k.user, u"admin"_s);
    EXPECT_EQ(k.keyFile, u"/k/id"_s);
    // libvirt's ssh ignores known_hosts= (it reads the passwd home's file, as the tunnel's
    // ssh does by default); libssh reads it, so the tunnel checks the same file.
    EXPECT_TRUE(k.knownHostsFile.isEmpty());
    EXPECT_EQ(SshTarget::fromUri(u"qemu+libssh://admin@10.0.0.2/system?known_hosts=/tmp/kh"_s)
                  .knownHostsFile,
              u"/tmp/kh"_s);
    EXPECT_EQ(SshTarget::fromUri(u"qemu+libssh://[fd00::2]/system"_s).host, u"fd00::2"_s);
    EXPECT_FALSE(SshTarget::fromUri(u"qemu+tcp://kvm1/system"_s).isValid());
    EXPECT_FALSE(SshTarget::fromUri(u"qemu:///system"_s).isValid());
    EXPECT_NE(t.key(), k.key()) << "different hosts never share a connection";
}

TEST(SshCommandLine, MasterAndConsoleRefuseUntrustedKeysAndNeverPrompt)
{
    const SshTarget t = SshTarget::fromUri(
        u"qemu+libssh://root@kvm1:2222/system?keyfile=/k/id&known_hosts=/tmp/kh"_s);
    const QStringList master = sshMasterArguments(t, u"/run/cv/abc"_s);
    auto hasPair = [](const QStringList &args, const QString &a, const QString &b) {
        for (qsizetype i = 0; i + 1 < args.size(); ++i) {
            if (args[i] == a && args[i + 1] == b)
                return true;
        }
        return false;
    };
    EXPECT_TRUE(hasPair(master, u"-p"_s, u"2222"_s));
    EXPECT_TRUE(hasPair(master, u"-l"_s, u"root"_s));
    EXPECT_TRUE(hasPair(master, u"-i"_s, u"/k/id"_s));
    EXPECT_TRUE(hasPair(master, u"-o"_s, u"UserKnownHostsFile=/tmp/kh"_s));
    EXPECT_TRUE(hasPair(master, u"-o"_s, u"StrictHostKeyChecking=yes"_s));
    EXPECT_TRUE(hasPair(master, u"-o"_s, u"BatchMode=yes"_s));
    EXPECT_TRUE(hasPair(master, u"-o"_s, u"ControlMaster=yes"_s));
    EXPECT_TRUE(hasPair(master, u"-o"_s, u"ControlPath=/run/cv/abc"_s));
    EXPECT_TRUE(master.contains(u"-N"_s));
    EXPECT_EQ(master.last(), u"kvm1"_s);
    EXPECT_EQ(master.at(master.size() - 2), u"--"_s) << "a host name is never an option";

    const QStringList console = sshStdioArguments(t, u"/run/cv/abc"_s, u"127.0.0.1"_s, 5901);
    EXPECT_TRUE(hasPair(console, u"-W"_s, u"127.0.0.1:5901"_s));
    EXPECT_TRUE(hasPair(console, u"-o"_s, u"ControlMaster=no"_s));
    EXPECT_TRUE(hasPair(console, u"-o"_s, u"ControlPath=/run/cv/abc"_s));
    EXPECT_TRUE(hasPair(console, u"-o"_s, u"StrictHostKeyChecking=yes"_s));
    EXPECT_FALSE(console.contains(u"-N"_s));
    EXPECT_TRUE(hasPair(sshStdioArguments(t, u"/p"_s, u"::1"_s, 5900), u"-W"_s, u"[::1]:5900"_s));

    const QStringList plain =
        sshMasterArguments(SshTarget::fromUri(u"qemu+ssh://kvm2/system"_s), u"/p"_s);
    EXPECT_FALSE(plain.contains(u"-p"_s));
    EXPECT_FALSE(plain.contains(u"-l"_s));
    EXPECT_FALSE(plain.contains(u"-i"_s));
}

TEST(SshErrors, WhatSshSaidBecomesTheReason)
{
    const SshTarget t = SshTarget::fromUri(u"qemu+ssh://root@kvm1/system"_s);
    using K = SshFailure::Kind;
    // Texts as OpenSSH 9.2 prints them.
    SshFailure f = classifySshError(t, u"root@kvm1: Permission denied (publickey,password).\r\n"_s);
    EXPECT_EQ(f.kind, K::AuthenticationFailed);
    EXPECT_TRUE(f.message.contains(u"publickey,password"_s)) << f.message.toStdString();
    f = classifySshError(t, u"No ED25519 host key is known for kvm1 and you have requested "
                            "strict checking.\r\nHost key verification failed.\r\n"_s);
    EXPECT_EQ(f.kind, K::HostKeyUnknown);
    EXPECT_TRUE(f.message.contains(u"not trusted"_s));
    f = classifySshError(t,
                         u"@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\r\n"
                         "@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\r\n"
                         "IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!\r\n"
                         "Host key for kvm1 has changed and you have requested strict checking.\r\n"
                         "Host key verification failed.\r\n"_s);
    EXPECT_EQ(f.kind, K::HostKeyChanged);
    EXPECT_TRUE(f.message.contains(u"CHANGED"_s));
    f = classifySshError(t, u"ssh: connect to host kvm1 port 22: Connection refused\r\n"_s);
    EXPECT_EQ(f.kind, K::ConnectionRefused);
    EXPECT_TRUE(f.message.contains(u"port 22: Connection refused"_s)) << f.message.toStdString();
    f = classifySshError(t, u"ssh: connect to host kvm1 port 22: No route to host\r\n"_s);
    EXPECT_EQ(f.kind, K::HostUnreachable);
    EXPECT_TRUE(f.message.contains(u"No route to host"_s));
    f = classifySshError(t, u"ssh: Could not resolve hostname kvm1: Name or service not known\n"_s);
    EXPECT_EQ(f.kind, K::HostUnreachable);
    f = classifySshError(t, u"ssh: connect to host kvm1 port 22: Connection timed out\n"_s);
    EXPECT_EQ(f.kind, K::TimedOut);
    f = classifySshError(t,
                         u"channel 0: open failed: connect failed: Connection refused\r\n"
                         "stdio forwarding failed\r\n"_s,
                         u"127.0.0.1:5901"_s);
    EXPECT_EQ(f.kind, K::ForwardRefused) << "the display, not sshd, refused";
    EXPECT_TRUE(f.message.contains(u"127.0.0.1:5901"_s));
    f = classifySshError(t, u"kex_exchange_identification: Connection closed by remote host\n"_s);
    EXPECT_EQ(f.kind, K::Other);
    EXPECT_TRUE(f.message.contains(u"Connection closed by remote host"_s));
    EXPECT_FALSE(classifySshError(t, {}).message.isEmpty());
}

namespace {
// A stand-in for ssh: records each call; as a master it makes the control socket's path
// (after FAKE_SSH_LOGIN_DELAY seconds) and waits to be ended; as a console it greets like
// a VNC server and reads until the console closes. FAKE_SSH_SAY makes either fail.
constexpr auto kFakeSsh = R"(#!/bin/sh
echo "$*" >> "$FAKE_SSH_LOG"
case "$*" in
*ControlMaster=yes*)
    if [ -n "$FAKE_SSH_MASTER_SAY" ]; then echo "$FAKE_SSH_MASTER_SAY" >&2; exit 255; fi
    [ -n "$FAKE_SSH_LOGIN_DELAY" ] && sleep "$FAKE_SSH_LOGIN_DELAY"
    for a in "$@"; do case "$a" in ControlPath=*) : > "${a#ControlPath=}";; esac; done
    exec sleep 60;;
*)
    if [ -n "$FAKE_SSH_SAY" ]; then echo "$FAKE_SSH_SAY" >&2; exit 255; fi
    printf 'RFB 003.008\n'
    exec cat > /dev/null;;
esac
)";

bool alive(qint64 pid)
{
    return ::kill(pid_t(pid), 0) == 0;
}

bool waitGone(const QList<qint64> &pids, int ms = 5000)
{
    for (int waited = 0; waited < ms; waited += 50) {
        bool any = false;
        for (qint64 p : pids)
            any = any || alive(p);
        if (!any)
            return true;
        QThread::msleep(50);
    }
    return false;
}

class SshTunnelsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        const QString program = m_dir.filePath(u"ssh"_s);
        QFile f(program);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(kFakeSsh);
        f.close();
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        qputenv("FAKE_SSH_LOG", QFile::encodeName(m_dir.filePath(u"calls"_s)));
        SshTunnels::instance().closeAll();
        SshTunnels::instance().setSshProgram(program);
        SshTunnels::instance().setTimeouts(3000, 3000);
    }
    void TearDown() override
    {
        SshTunnels::instance().closeAll();
        SshTunnels::instance().setSshProgram({});
        SshTunnels::instance().setTimeouts(30'000, 20'000);
        for (const char *v :
             {"FAKE_SSH_LOG", "FAKE_SSH_SAY", "FAKE_SSH_MASTER_SAY", "FAKE_SSH_LOGIN_DELAY"})
            qunsetenv(v);
    }
    QStringList calls(QLatin1StringView containing) const
    {
        QFile f(m_dir.filePath(u"calls"_s));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QString::fromLocal8Bit(f.readAll()).split(u'\n').filter(containing);
    }
    QTemporaryDir m_dir;
};
} // namespace

TEST_F(SshTunnelsTest, ConsolesOfOneHostShareOneMasterAndEndWithTheirConsole)
{
    const QString uri = u"qemu+ssh://root@kvm1/system"_s;
    auto &tunnels = SshTunnels::instance();
    VncEndpoint a = tunnels.openVncTunnel(uri, u"127.0.0.1"_s, 5900, u"vm-a"_s);
    ASSERT_TRUE(a.isValid()) << a.error.toStdString();
    VncEndpoint b = tunnels.openVncTunnel(uri, u"127.0.0.1"_s, 5901, u"vm-b"_s);
    ASSERT_TRUE(b.isValid()) << b.error.toStdString();
    EXPECT_EQ(calls("ControlMaster=yes"_L1).size(), 1) << "one login for both consoles";
    EXPECT_EQ(calls("-W 127.0.0.1:590"_L1).size(), 2);
    EXPECT_EQ(tunnels.masterProcessIds().size(), 1);
    const QList<qint64> consoles = tunnels.tunnelProcessIds();
    EXPECT_EQ(consoles.size(), 2);
    // The greeting is still there for VncSession.
    char greeting[12];
    ASSERT_EQ(::read(a.fd, greeting, sizeof greeting), 12);
    EXPECT_EQ(QByteArray(greeting, 12), QByteArray("RFB 003.008\n"));

    // Another host: a master of its own.
    VncEndpoint c =
        tunnels.openVncTunnel(u"qemu+ssh://root@kvm2/system"_s, u"127.0.0.1"_s, 5900, {});
    ASSERT_TRUE(c.isValid()) << c.error.toStdString();
    EXPECT_EQ(tunnels.masterProcessIds().size(), 2);

    // Closing a console ends its ssh; removing the host ends the master and the rest.
    a.closeSocket();
    EXPECT_TRUE(waitGone({consoles.first()})) << "the console's ssh outlived the console";
    const QList<qint64> masters = tunnels.masterProcessIds();
    tunnels.closeHost(uri);
    tunnels.closeHost(u"qemu+ssh://root@kvm2/system"_s);
    EXPECT_TRUE(waitGone(masters + consoles));
    EXPECT_TRUE(tunnels.masterProcessIds().isEmpty());
    b.closeSocket();
    c.closeSocket();
}

TEST_F(SshTunnelsTest, FailuresSayWhyAndLeaveNoProcess)
{
    const QString uri = u"qemu+ssh://root@kvm1/system"_s;
    auto &tunnels = SshTunnels::instance();
    qputenv("FAKE_SSH_MASTER_SAY", "root@kvm1: Permission denied (publickey).");
    VncEndpoint e = tunnels.openVncTunnel(uri, u"127.0.0.1"_s, 5900, {});
    EXPECT_FALSE(e.isValid());
    EXPECT_TRUE(e.error.contains(u"authentication"_s)) << e.error.toStdString();
    EXPECT_TRUE(tunnels.masterProcessIds().isEmpty());
    qunsetenv("FAKE_SSH_MASTER_SAY");

    // The login works but the display's port refuses: the tunnel's own failure.
    qputenv("FAKE_SSH_SAY", "channel 0: open failed: connect failed: Connection refused");
    e = tunnels.openVncTunnel(uri, u"127.0.0.1"_s, 5999, {});
    EXPECT_FALSE(e.isValid());
    EXPECT_TRUE(e.error.contains(u"127.0.0.1:5999"_s)) << e.error.toStdString();
    EXPECT_TRUE(waitGone(tunnels.tunnelProcessIds()));
    qunsetenv("FAKE_SSH_SAY");
    tunnels.closeAll();

    // A login that never finishes is given up, not waited on forever.
    qputenv("FAKE_SSH_LOGIN_DELAY", "30");
    tunnels.setTimeouts(1000, 1000);
    QElapsedTimer timer;
    timer.start();
    e = tunnels.openVncTunnel(u"qemu+ssh://root@kvm3/system"_s, u"127.0.0.1"_s, 5900, {});
    EXPECT_LT(timer.elapsed(), 5000);
    EXPECT_TRUE(e.error.contains(u"timed out"_s)) << e.error.toStdString();
}
