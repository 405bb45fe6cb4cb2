#pragma once

// What Crossvirt does around libvirt for an SSH host (qemu+ssh, qemu+libssh), on the
// connection's worker thread: before connecting, reach the SSH port and check the host's
// key against known_hosts (asking the user to trust a new key, refusing a changed one);
// after a failure, say what failed in words and whether retrying by itself makes sense.

#include "models/connection/CredentialProvider.h"
#include "models/connection/SshHostKeys.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace crossvirt::models {

class CredentialChannel;

struct SshPreflight
{
    bool ok = false;
    /// The host or its sshd is down: the usual reconnect backoff applies. Otherwise (key
    /// changed or not trusted) only the user's "Connect" tries again.
    bool retryable = false;
    QString error;      ///< for the user (tr'd)
    QString libvirtUri; ///< the URI to open (libssh: with known_hosts= of the checked file)
    QString host;
    int port = 22;
};

class SshConnect
{
    Q_DECLARE_TR_FUNCTIONS(SshConnect)
public:
    /// Whether `uri` goes over SSH (qemu+ssh or qemu+libssh).
    static bool isSsh(const QString &uri);
    /// Checks the port and the host key; a new key is shown through `credentials`
    /// (CredentialProvider::confirmHostKey) and added to known_hosts only on yes.
    static SshPreflight prepare(const QString &uri, CredentialChannel &credentials,
                                int timeoutSeconds = 10);
    /// The known_hosts file the connection's SSH client reads: qemu+libssh's known_hosts=
    /// when the URI has one, else SshKnownHosts::defaultFile() (the ssh program always
    /// reads that one: libvirt does not pass known_hosts= to it).
    static QString knownHostsFileFor(const QString &uri);
    /// libvirt's libssh host key question ("Accept SSH host key with hash '<hash>' for
    /// host '<host>:<port>' (y/n)?") as a HostKeyDialog question; nullopt for other prompts.
    static std::optional<SshHostKeyQuestion> libsshHostKeyQuestion(const QString &uri,
                                                                   const QString &prompt);
    /// libvirt's message for a failed SSH connection, in words; *retryable false when
    /// retrying alone cannot help (authentication refused or cancelled, host key).
    /// Whether libvirt's message for a failed SSH connection says the host refused the
    /// password, passphrase or key.
    static bool isAuthRefusal(const QString &libvirtMessage);
    static QString failureText(const QString &libvirtMessage, bool cancelled, bool *retryable);
};

} // namespace crossvirt::models
