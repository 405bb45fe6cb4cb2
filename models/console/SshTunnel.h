#pragma once

#include "models/console/VncEndpoint.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <memory>

class QThreadPool;

namespace crossvirt::models {

class CredentialChannel;

/// Where the console tunnels of one SSH host go: the parts of a qemu+ssh (or +libssh) URI
/// that OpenSSH needs. Two URIs with the same target share one SSH connection.
struct SshTarget
{
    QString host;
    int port = 0; ///< 0: ssh's default (22 or the user's ssh config)
    QString user; ///< empty: ssh's default
    QString keyFile;
    /// The known_hosts the connection checked: qemu+libssh's `known_hosts=`; else empty,
    /// ssh's own (the passwd home's ~/.ssh/known_hosts, as SshKnownHosts::defaultFile()).
    QString knownHostsFile;

    /// Empty host when the URI names no SSH host.
    static SshTarget fromUri(const QString &uri);
    bool isValid() const { return !host.isEmpty(); }
    /// "user@host" (or "host"), as messages name it.
    QString displayName() const;
    /// Identity of one shared connection.
    QString key() const;
};

/// The options every ssh of a tunnel gets: no prompt on a terminal (BatchMode, unless
/// `askpass`: then one password or passphrase prompt goes to crossvirt-askpass), only keys
/// that the user already trusts (StrictHostKeyChecking=yes), bounded connect and keep-alive.
QStringList sshCommonArguments(const SshTarget &target, const QString &controlPath,
                               bool askpass = false);
/// The one connection per host (stays in the foreground: Crossvirt owns and ends it); the
/// only ssh of a host that logs in, so the only one that may ask through askpass.
QStringList sshMasterArguments(const SshTarget &target, const QString &controlPath,
                               bool askpass = false);
/// One console: stdin/stdout forwarded to `toHost`:`toPort` as seen from the SSH host,
/// through the master's control socket.
QStringList sshStdioArguments(const SshTarget &target, const QString &controlPath,
                              const QString &toHost, quint16 toPort);

/// Why ssh could not make the tunnel, as the user reads it.
struct SshFailure
{
    enum class Kind
    {
        None,
        AuthenticationFailed,
        HostKeyUnknown,
        HostKeyChanged,
        ConnectionRefused, ///< no sshd on that port
        HostUnreachable,   ///< no route, unknown name, network down
        TimedOut,
        ForwardRefused, ///< SSH worked; nothing listens on the display's address and port
        Other
    };
    Kind kind = Kind::None;
    QString message; ///< translated; names the host and carries ssh's own words
};

/// Pure: reads ssh's stderr. `forwardTo` ("127.0.0.1:5900") names the display for a
/// refused forward.
SshFailure classifySshError(const SshTarget &target, const QString &sshStderr,
                            const QString &forwardTo = {});

/// The SSH connections of console tunnels (virt-manager's approach): one OpenSSH master per
/// host, in a private 0700 folder, shared by every console of that host; each console is an
/// `ssh -W` whose stdin/stdout is one end of a socketpair handed to VncSession. Thread-safe;
/// openVncTunnel() blocks (never call it on the GUI thread). Ends its processes on
/// closeHost(), closeAll() and at exit.
class SshTunnels
{
public:
    static SshTunnels &instance();
    ~SshTunnels();

    /// Opens a tunnel to `listenAddress`:`port` on the host of `uri` and waits until the
    /// VNC server greets through it; gives a socket endpoint, or failed(reason). With the
    /// host's `credentials` (a provider set, crossvirt-askpass running) a password or
    /// passphrase the login needs is asked in the credential dialog (AskpassServer).
    VncEndpoint openVncTunnel(const QString &uri, const QString &listenAddress, quint16 port,
                              const QString &label,
                              std::shared_ptr<CredentialChannel> credentials = {});
    /// Ends the master of that host and its tunnels (without waiting for them).
    void closeHost(const QString &uri);
    void closeAll();

    /// Threads for openVncTunnel() (a dead host keeps one busy for up to the timeouts), so
    /// waiting tunnels never starve the global pool.
    QThreadPool *threadPool();

    /// Process ids of the running masters, and of the console tunnels still running.
    QList<qint64> masterProcessIds() const;
    QList<qint64> tunnelProcessIds() const;

    /// For tests: another ssh program, and shorter limits (master login, VNC greeting).
    void setSshProgram(const QString &program);
    void setTimeouts(int masterMs, int greetingMs);

    struct Private;

private:
    SshTunnels();
    std::unique_ptr<Private> d;
};

} // namespace crossvirt::models
