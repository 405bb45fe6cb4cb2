#pragma once

#include "models/connection/CredentialProvider.h"

#include <QAtomicInteger>
#include <QPointer>
#include <memory>
#include <optional>

namespace crossvirt::models {

/// Hands libvirt's credential requests from a connection's worker thread to the
/// CredentialProvider on the GUI thread. The provider pointer is read and written only on
/// the GUI thread (a QPointer is not safe to read from another thread while its object
/// is being destroyed); the worker only posts a request there and waits for the answer.
/// Shared by a HostSession and its worker, so either may go first.
class CredentialChannel : public std::enable_shared_from_this<CredentialChannel>
{
public:
    /// GUI thread. nullptr stops answering (libvirt's default prompts are used instead
    /// for connections opened afterwards).
    void setProvider(CredentialProvider *provider);
    /// Any thread: whether a provider was set.
    bool hasProvider() const { return m_hasProvider.loadAcquire(); }
    /// Worker thread: asks the provider on the GUI thread and waits. nullopt when the user
    /// cancelled, when the provider is gone, or when the application is shutting down.
    std::optional<QStringList> ask(const QString &uri, const QList<CredentialRequest> &requests);
    /// Worker thread: the provider's confirmHostKey() on the GUI thread; false when the
    /// user says no, when the provider is gone, or when the application is shutting down.
    bool confirmHostKey(const SshHostKeyQuestion &question);

private:
    QPointer<CredentialProvider> m_provider; // GUI thread only
    QAtomicInteger<bool> m_hasProvider = false;
};

} // namespace crossvirt::models
