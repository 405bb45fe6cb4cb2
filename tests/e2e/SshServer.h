#pragma once

// A real OpenSSH sshd inside a RemoteHost's network and mount namespaces, listening on
// RemoteHost::address():22, so `ssh root@<address>` runs its command where that host's
// libvirtd socket is (libvirt's qemu+ssh runs `virt-ssh-helper` or `nc` there).
//
// - Its own host key (ed25519, made fresh by every start(); regenerateHostKey() makes a new
//   one and restarts sshd: a host whose key CHANGED) and sshd_config in
//   <RemoteHost::stateDirectory()>/ssh.
// - root may log in with a client key (authorized_keys in that folder) or with password():
//   a private copy of /etc/shadow with root's hash replaced is bind-mounted over
//   /etc/shadow inside the mount namespace only (the machine's root password is untouched);
//   the copy is deleted by stop().
// - Client keys in a private 0700 folder (clientDirectory()): clientKey() has no
//   passphrase, clientKeyWithPassphrase() is protected by keyPassphrase().
//
// How libvirt 9.0 runs ssh for qemu+ssh (virNetSocketNewConnectSSH), checked with a logging
// `ssh` wrapper in PATH: `ssh [-p port] [-l user] [-i keyfile] -T -e none
// [-o BatchMode=yes (no_tty=1)] [-o StrictHostKeyChecking=no (no_verify=1)]
// -- host sh -c '<virt-ssh-helper or nc script>'` (seen: `-l root -i <key> -T -e none -o
// BatchMode=yes -- 10.213.20.2 sh -c 'which virt-ssh-helper ...'`). known_hosts= is NOT
// passed to ssh (only the libssh transports use it): ssh reads the known_hosts of the
// passwd entry's home (~/.ssh/known_hosts; ssh ignores $HOME), so tests that connect over
// qemu+ssh first call isolateUserHome(). The environment is reduced to HOME, PATH, TERM,
// LC_ALL, PWD and, when set, SSH_ASKPASS, DISPLAY, SSH_AUTH_SOCK, KRB5CCNAME, XAUTHORITY
// (not SSH_ASKPASS_REQUIRE, nor XDG_RUNTIME_DIR). ssh's parent is the process that called
// virConnectOpen. See e2e_ssh_harness_test.cpp.

#include <QString>

#include <memory>

class QProcess;
class QTemporaryDir;

namespace crossvirt::test::e2e {

class RemoteHost;

class SshServer
{
public:
    /// `host` must outlive this and be started before start().
    explicit SshServer(RemoteHost &host);
    ~SshServer();
    SshServer(const SshServer &) = delete;
    SshServer &operator=(const SshServer &) = delete;

    /// Makes keys, config and the password, starts sshd and waits until port 22 answers
    /// with an SSH banner. Returns isRunning(); otherwise skipReason() or errorString().
    bool start();
    /// Stops sshd and deletes the private shadow copy (logs and keys stay until destroyed).
    void stop();
    /// A new host key (the old one is gone), sshd restarted: clients that trusted the old
    /// key must refuse this host now.
    bool regenerateHostKey();

    bool isRunning() const;
    /// sshd, ssh-keygen or ssh missing, or the RemoteHost not ready.
    QString skipReason() const { return m_skipReason; }
    QString errorString() const { return m_error; }

    QString address() const;
    int port() const { return 22; }
    /// "qemu+ssh://root@<address>/system" (or the given scheme: "qemu+libssh").
    QString uri(const QString &scheme = QStringLiteral("qemu+ssh")) const;

    /// Gives this process (call it from main's thread before any other thread starts) a
    /// private mount namespace in which an empty temporary folder is mounted over the
    /// user's home (the passwd entry's, which ssh uses): ssh's ~/.ssh/known_hosts, libvirt's
    /// ~/.config and ~/.cache are then the test's, never the machine's. Returns that folder
    /// (removed at exit by the caller's QTemporaryDir semantics: it lives in /var/tmp), or
    /// empty with *error.
    static QString isolateUserHome(QString *error);

    /// root's password inside the namespace, and the passphrase of clientKeyWithPassphrase().
    static QString password();
    static QString keyPassphrase();
    QString clientDirectory() const;
    QString clientKey() const;
    QString clientKeyWithPassphrase() const;

    /// The current host key: "ssh-ed25519 AAAA..." and "SHA256:..." (ssh-keygen -l).
    QString hostPublicKey() const { return m_hostPublicKey; }
    QString hostKeyFingerprint() const { return m_hostFingerprint; }
    /// "<address> ssh-ed25519 AAAA...": a known_hosts line trusting the current key.
    QString knownHostsLine() const;

    /// The last lines of sshd's log (-E), for failure messages.
    QString logTail(int lines = 30) const;

private:
    bool checkCanRun();
    bool makeClientKeys();
    bool makeHostKey();
    bool writeConfig();
    bool installPassword();
    bool startDaemon();
    void stopDaemon();
    void fail(const QString &message);
    QString path(const QString &relative) const;

    RemoteHost &m_host;
    std::unique_ptr<QTemporaryDir> m_clientDir;
    std::unique_ptr<QProcess> m_sshd;
    bool m_shadowMounted = false;
    QString m_hostPublicKey;
    QString m_hostFingerprint;
    QString m_skipReason;
    QString m_error;
};

} // namespace crossvirt::test::e2e
