#pragma once

// What Crossvirt does around libvirt for an SSH host (qemu+ssh, qemu+libssh), on the
// connection's worker thread: before connecting, reach the SSH port and check the host's
// key against known_hosts (asking the user to trust a new key, refusing a changed one);
// after a failure, say what failed in words and whether retrying by itself makes sense.

#include "models/connection/SshHostKeys.h"

#include <QCoreApplication>
#include <QString>

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
                                const SshKnownHosts &knownHosts = SshKnownHosts(),
                                int timeoutSeconds = 10);
    /// libvirt's message for a failed SSH connection, in words; *retryable false when
    /// retrying alone cannot help (authentication refused or cancelled, host key).
    static QString failureText(const QString &libvirtMessage, bool cancelled, bool *retryable);
};

} // namespace crossvirt::models
