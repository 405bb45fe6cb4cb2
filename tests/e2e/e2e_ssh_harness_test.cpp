// The e2e sshd (SshServer) inside a RemoteHost's namespaces, proven with the plain ssh
// client and raw libvirt calls (no Crossvirt code): key login runs commands where the
// remote libvirtd's socket is, password login works with root's test password and is
// refused with another, a regenerated host key no longer matches a known_hosts that
// trusted the old one, and libvirt's qemu+ssh runs ssh the way SshServer.h writes down
// (checked with a logging `ssh` wrapper first in PATH).

#include "e2e/HarnessProcesses.h"
#include "e2e/RemoteHost.h"
#include "e2e/SshServer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

using namespace Qt::StringLiterals;
using namespace crossvirt::test::e2e;

namespace {

constexpr int kHostIndex = 20;

// Before any thread starts: ssh (run by libvirt in this process) must not see the
// machine's ~/.ssh.
class PrivateHome : public ::testing::Environment
{
public:
    void SetUp() override
    {
        QString error;
        home = SshServer::isolateUserHome(&error);
        if (home.isEmpty())
            std::printf("[ home     ] %s\n", qPrintable(error));
    }
    QString home;
};
PrivateHome *const privateHome =
    static_cast<PrivateHome *>(::testing::AddGlobalTestEnvironment(new PrivateHome));

struct Ran
{
    int code = -1;
    QString output;
};

// ssh with no user config, a private known_hosts and the given options; `env` adds to the
// environment (the askpass settings).
Ran ssh(const QStringList &options, const QString &command,
        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(findProgram(u"ssh"_s),
            QStringList{u"-F"_s, u"/dev/null"_s} + options + QStringList{command});
    if (!p.waitForFinished(30'000)) {
        p.kill();
        p.waitForFinished();
        return {-1, u"timed out"_s};
    }
    return {p.exitCode(), QString::fromLocal8Bit(p.readAll()).trimmed()};
}

TEST(SshHarness, KeyPasswordHostKeyAndLibvirtsSshCommandLine)
{
    if (privateHome->home.isEmpty())
        GTEST_SKIP() << "no private home for ssh's known_hosts (see the log above)";
    RemoteHost::Options options;
    options.index = kHostIndex;
    RemoteHost host(options);
    if (!host.start()) {
        if (!host.skipReason().isEmpty())
            GTEST_SKIP() << host.skipReason().toStdString();
        FAIL() << host.errorString().toStdString();
    }
    SshServer sshd(host);
    if (!sshd.start()) {
        if (!sshd.skipReason().isEmpty())
            GTEST_SKIP() << sshd.skipReason().toStdString();
        FAIL() << sshd.errorString().toStdString();
    }
    QTemporaryDir dir(u"/var/tmp/crossvirt-e2e-ssh-harness-XXXXXX"_s);
    ASSERT_TRUE(dir.isValid());
    const QString knownHosts = dir.filePath(u"known_hosts"_s);
    ASSERT_TRUE(writeTextFile(knownHosts, sshd.knownHostsLine() + u'\n'));
    const QStringList strict = {u"-o"_s,
                                u"UserKnownHostsFile="_s + knownHosts,
                                u"-o"_s,
                                u"StrictHostKeyChecking=yes"_s,
                                u"-o"_s,
                                u"BatchMode=yes"_s,
                                u"root@"_s + sshd.address()};

    // Key login: the command runs in the remote host's mount namespace (its libvirtd socket).
    Ran r = ssh(QStringList{u"-i"_s, sshd.clientKey()} + strict,
                u"test -S /run/libvirt/libvirt-sock && echo socket-here"_s);
    EXPECT_EQ(r.code, 0) << r.output.toStdString() << sshd.logTail().toStdString();
    EXPECT_TRUE(r.output.contains(u"socket-here"_s)) << r.output.toStdString();

    // Password login through an askpass program that prints a variable of its environment.
    const QString askpass = dir.filePath(u"askpass.sh"_s);
    ASSERT_TRUE(writeTextFile(askpass, u"#!/bin/sh\nprintf '%s\\n' \"$E2E_ANSWER\"\n"_s));
    QFile::setPermissions(askpass, QFile::ReadOwner | QFile::ExeOwner | QFile::WriteOwner);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"SSH_ASKPASS"_s, askpass);
    env.insert(u"SSH_ASKPASS_REQUIRE"_s, u"force"_s);
    env.insert(u"E2E_ANSWER"_s, SshServer::password());
    const QStringList passwordOnly = {u"-o"_s,
                                      u"UserKnownHostsFile="_s + knownHosts,
                                      u"-o"_s,
                                      u"StrictHostKeyChecking=yes"_s,
                                      u"-o"_s,
                                      u"PubkeyAuthentication=no"_s,
                                      u"-o"_s,
                                      u"NumberOfPasswordPrompts=1"_s,
                                      u"root@"_s + sshd.address()};
    r = ssh(passwordOnly, u"echo password-ok"_s, env);
    EXPECT_EQ(r.code, 0) << r.output.toStdString() << sshd.logTail().toStdString();
    EXPECT_TRUE(r.output.contains(u"password-ok"_s));
    env.insert(u"E2E_ANSWER"_s, u"not-the-password"_s);
    r = ssh(passwordOnly, u"echo password-ok"_s, env);
    EXPECT_NE(r.code, 0);
    EXPECT_TRUE(r.output.contains(u"Permission denied"_s)) << r.output.toStdString();

    // libvirt's own ssh: a logging wrapper first in PATH records argv and environment.
    const QString wrapperDir = dir.filePath(u"bin"_s);
    QDir().mkpath(wrapperDir);
    const QString record = dir.filePath(u"ssh-call.txt"_s);
    ASSERT_TRUE(writeTextFile(wrapperDir + u"/ssh"_s, uR"(#!/bin/sh
{ printf 'ARG %s\n' "$@"; env | sed 's/^/ENV /'; printf 'PPID %s\n' "$PPID"; } > '%1'
exec %2 "$@"
)"_s.arg(record, findProgram(u"ssh"_s))));
    QFile::setPermissions(wrapperDir + u"/ssh"_s,
                          QFile::ReadOwner | QFile::ExeOwner | QFile::WriteOwner);
    const QByteArray oldPath = qgetenv("PATH");
    qputenv("PATH", wrapperDir.toUtf8() + ':' + oldPath);
    qputenv("SSH_ASKPASS", "/nonexistent/askpass");
    qputenv("SSH_ASKPASS_REQUIRE", "force");
    qputenv("DISPLAY", ":99");
    // ssh ignores known_hosts=: it reads ~/.ssh/known_hosts (the private home's).
    const QString userKnownHosts = QDir::homePath() + u"/.ssh/known_hosts"_s;
    ASSERT_TRUE(writeTextFile(userKnownHosts, sshd.knownHostsLine() + u'\n'));
    const QString uri =
        sshd.uri() + u"?keyfile=%1&known_hosts=%2&no_tty=1"_s.arg(sshd.clientKey(), knownHosts);
    virConnectPtr conn = virConnectOpen(uri.toUtf8().constData());
    const virErrorPtr err = conn ? nullptr : virGetLastError();
    const QString openError = err && err->message ? QString::fromUtf8(err->message) : QString();
    qputenv("PATH", oldPath);
    qunsetenv("SSH_ASKPASS");
    qunsetenv("SSH_ASKPASS_REQUIRE");
    qunsetenv("DISPLAY");
    QFile call(record);
    ASSERT_TRUE(call.open(QIODevice::ReadOnly)) << "libvirt did not run ssh from PATH";
    const QString seen = QString::fromUtf8(call.readAll());
    std::printf("[ ssh call ] %s\n", qPrintable(seen));
    ASSERT_TRUE(conn) << "libvirt over ssh failed: " << openError.toStdString() << '\n'
                      << sshd.logTail().toStdString();
    char *hostname = virConnectGetHostname(conn);
    EXPECT_TRUE(hostname);
    free(hostname);
    virConnectClose(conn);
    EXPECT_TRUE(seen.contains(u"ARG -i\nARG "_s + sshd.clientKey())) << seen.toStdString();
    EXPECT_FALSE(seen.contains(u"UserKnownHostsFile"_s)) << seen.toStdString();
    EXPECT_TRUE(seen.contains(u"ARG BatchMode=yes"_s)) << seen.toStdString();
    EXPECT_TRUE(seen.contains(u"ENV SSH_ASKPASS=/nonexistent/askpass"_s)) << seen.toStdString();
    EXPECT_TRUE(seen.contains(u"ENV DISPLAY=:99"_s)) << seen.toStdString();
    EXPECT_FALSE(seen.contains(u"SSH_ASKPASS_REQUIRE"_s)) << seen.toStdString();
    EXPECT_TRUE(seen.contains(u"PPID %1\n"_s.arg(QCoreApplication::applicationPid())))
        << "ssh's parent is not the process that called virConnectOpen: " << seen.toStdString();

    // A new host key: the known_hosts that trusted the old one now refuses the host.
    const QString oldKey = sshd.hostPublicKey();
    ASSERT_TRUE(sshd.regenerateHostKey()) << sshd.errorString().toStdString();
    EXPECT_NE(sshd.hostPublicKey(), oldKey);
    r = ssh(QStringList{u"-i"_s, sshd.clientKey()} + strict, u"echo reached"_s);
    EXPECT_NE(r.code, 0);
    EXPECT_TRUE(r.output.contains(u"REMOTE HOST IDENTIFICATION HAS CHANGED"_s))
        << r.output.toStdString();

    sshd.stop();
    EXPECT_FALSE(QFile::exists(host.stateDirectory() + u"/ssh/shadow"_s))
        << "the password hash copy was left behind";
}

} // namespace
