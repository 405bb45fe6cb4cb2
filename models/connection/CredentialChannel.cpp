#include "models/connection/CredentialChannel.h"

#include "models/connection/AskpassServer.h"

#include <QCoreApplication>
#include <QFuture>
#include <QPromise>
#include <QThread>

namespace crossvirt::models {

void CredentialChannel::setProvider(CredentialProvider *provider)
{
    m_provider = provider;
    m_hasProvider.storeRelease(provider != nullptr);
    if (provider) // ssh's password prompts (qemu+ssh) reach the provider through it
        AskpassServer::ensureStarted();
}

std::optional<QStringList> CredentialChannel::ask(const QString &uri,
                                                  const QList<CredentialRequest> &requests)
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app)
        return std::nullopt;
    if (QThread::currentThread() == app->thread()) {
        CredentialProvider *provider = m_provider.data();
        return provider ? provider->provide(uri, requests) : std::nullopt;
    }
    // The promise travels with the posted call: if the call never runs (the application
    // object is destroyed first), destroying the promise cancels the future and the
    // worker stops waiting.
    using Answer = std::optional<QStringList>;
    auto promise = std::make_shared<QPromise<Answer>>();
    QFuture<Answer> answer = promise->future();
    promise->start();
    QMetaObject::invokeMethod(
        app,
        [self = shared_from_this(), promise, uri, requests] {
            Answer result;
            if (CredentialProvider *provider = self->m_provider.data())
                result = provider->provide(uri, requests);
            promise->addResult(result);
            promise->finish();
        },
        Qt::QueuedConnection);
    promise.reset();
    answer.waitForFinished();
    if (answer.isCanceled() || answer.resultCount() == 0)
        return std::nullopt;
    return answer.result();
}

bool CredentialChannel::confirmHostKey(const SshHostKeyQuestion &question)
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app)
        return false;
    if (QThread::currentThread() == app->thread()) {
        CredentialProvider *provider = m_provider.data();
        return provider && provider->confirmHostKey(question);
    }
    // As in ask(): the promise is cancelled if the posted call never runs.
    auto promise = std::make_shared<QPromise<bool>>();
    QFuture<bool> answer = promise->future();
    promise->start();
    QMetaObject::invokeMethod(
        app,
        [self = shared_from_this(), promise, question] {
            CredentialProvider *provider = self->m_provider.data();
            promise->addResult(provider && provider->confirmHostKey(question));
            promise->finish();
        },
        Qt::QueuedConnection);
    promise.reset();
    answer.waitForFinished();
    return !answer.isCanceled() && answer.resultCount() > 0 && answer.result();
}

} // namespace crossvirt::models
