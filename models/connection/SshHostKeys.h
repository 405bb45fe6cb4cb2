#pragma once

// An SSH host's keys against the user's known_hosts, checked by Crossvirt itself before
// libvirt connects (qemu+ssh and qemu+libssh), with OpenSSH's own tools: ssh-keyscan asks
// the host for its keys, ssh-keygen -F finds the host's entries (hashed ones too) and
// ssh-keygen -l gives the SHA256 fingerprints. Runs processes: worker threads only.

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace crossvirt::models {

/// One public key of a host: "ssh-ed25519" + base64, its "SHA256:..." fingerprint and
/// the type ssh-keygen names ("ED25519", "ECDSA", "RSA").
struct SshHostKey
{
    QString algorithm;
    QString base64;
    QString fingerprint;
    QString typeName;
    bool operator==(const SshHostKey &o) const
    {
        return algorithm == o.algorithm && base64 == o.base64;
    }
};

class SshKnownHosts
{
    Q_DECLARE_TR_FUNCTIONS(SshKnownHosts)
public:
    enum class Status
    {
        Trusted,     ///< a key the host offers is in known_hosts, and none of its type differs
        Unknown,     ///< known_hosts has no entry for the host: ask the user
        Changed,     ///< known_hosts has the host with other keys: refuse
        Unreachable, ///< no SSH server answered (error says why)
        Failed,      ///< ssh-keyscan or ssh-keygen is missing or failed (error says why)
    };
    struct Check
    {
        Status status = Status::Failed;
        QList<SshHostKey> offered; ///< what the host offers, ssh's preferred type first
        QList<SshHostKey> known;   ///< what known_hosts holds for it
        QString error;
    };

    /// `file` empty: defaultFile().
    explicit SshKnownHosts(QString file = {});
    /// ~/.ssh/known_hosts of the passwd entry's home: the file the ssh program reads
    /// (it ignores $HOME).
    static QString defaultFile();
    QString file() const { return m_file; }
    /// How known_hosts names the host: "host", or "[host]:port" when port is not 22.
    static QString hostPattern(const QString &host, int port);

    /// Asks the host for its keys (ssh-keyscan, `timeoutSeconds`) and compares them.
    Check check(const QString &host, int port, int timeoutSeconds = 10) const;
    /// Compares keys the host offered with known_hosts (no network).
    Check compare(const QString &host, int port, QList<SshHostKey> offered) const;
    /// Appends the keys for the host (creating ~/.ssh 0700 and the file 0600).
    bool trust(const QString &host, int port, const QList<SshHostKey> &keys, QString *error) const;

    /// "host algorithm base64" lines (ssh-keyscan's output, known_hosts lines): the keys,
    /// ssh's preferred algorithm first, fingerprints filled in (ssh-keygen -l).
    static QList<SshHostKey> parseKeys(const QString &lines, QString *error = nullptr);

private:
    QString m_file;
};

} // namespace crossvirt::models
