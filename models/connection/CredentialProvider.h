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
};

} // namespace crossvirt::models
