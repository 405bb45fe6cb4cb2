#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace crossvirt::models {

/// One credential libvirt asks for while opening a connection (virConnectCredential).
struct CredentialRequest
{
    enum class Kind
    {
        UserName,
        Password,
        EchoPrompt,
        NoEchoPrompt,
        Realm,
        Other
    };
    Kind kind = Kind::Other;
    QString prompt;
    QString challenge;
    QString defaultValue;
    bool secret() const { return kind == Kind::Password || kind == Kind::NoEchoPrompt; }
};

/// An SSH host whose key is not in known_hosts yet: the user trusts it or not.
struct SshHostKeyQuestion
{
    QString uri;
    QString host;        ///< as known_hosts names it: "kvm1" or "[kvm1]:2222"
    QString keyType;     ///< "ED25519", "ECDSA", "RSA"
    QString fingerprint; ///< "SHA256:..."
    QString knownHostsFile;
};

/// Answers libvirt's credential requests. Lives on the GUI thread (views implement
/// it with a dialog); a connection's worker thread calls provide() through a
/// blocking queued call, so the dialog runs on the GUI thread and the worker waits.
class CredentialProvider : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    /// One answer per request, or nullopt when the user cancelled.
    virtual std::optional<QStringList> provide(const QString &uri,
                                               const QList<CredentialRequest> &requests) = 0;
    /// Whether the user trusts an SSH host key seen for the first time. The default is
    /// "no": a provider that cannot ask never trusts a key.
    virtual bool confirmHostKey(const SshHostKeyQuestion &question)
    {
        Q_UNUSED(question);
        return false;
    }
};

} // namespace crossvirt::models
