// libvirt asks for credentials on a worker thread; the provider answers on the GUI thread.
#include "models/connection/CredentialChannel.h"
#include "common/TestSupport.h"

#include <QThread>
#include <atomic>
#include <gtest/gtest.h>

using namespace crossvirt::models;
using namespace Qt::StringLiterals;

namespace {

class FixedAnswers : public CredentialProvider
{
public:
    std::optional<QStringList> provide(const QString &uri,
                                       const QList<CredentialRequest> &requests) override
    {
        askedOnThread = QThread::currentThread();
        return QStringList(requests.size(), uri);
    }
    QThread *askedOnThread = nullptr;
};

// Asks from a thread of its own, as a connection worker does inside virConnectOpenAuth.
std::optional<QStringList> askFromWorker(const std::shared_ptr<CredentialChannel> &channel,
                                         const std::function<void()> &whileWaiting = {})
{
    std::optional<QStringList> answer;
    std::atomic<bool> done = false;
    QThread *worker = QThread::create([&] {
        answer = channel->ask(u"qemu+ssh://h/system"_s, {CredentialRequest{}, CredentialRequest{}});
        done = true;
    });
    worker->start();
    if (whileWaiting)
        whileWaiting();
    EXPECT_TRUE(crossvirt::test::waitUntil([&] { return done.load(); }));
    worker->wait();
    delete worker;
    return answer;
}

} // namespace

TEST(CredentialChannel, TheProviderAnswersOnItsOwnThread)
{
    auto channel = std::make_shared<CredentialChannel>();
    FixedAnswers provider;
    channel->setProvider(&provider);
    EXPECT_TRUE(channel->hasProvider());
    const auto answer = askFromWorker(channel);
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer->size(), 2);
    EXPECT_EQ(provider.askedOnThread, QThread::currentThread());
}

TEST(CredentialChannel, AProviderDeletedWhileTheWorkerWaitsIsAnsweredAsCancelled)
{
    auto channel = std::make_shared<CredentialChannel>();
    auto *provider = new FixedAnswers;
    channel->setProvider(provider);
    // The provider goes away (its window closed) before the GUI thread gets to the
    // request: the worker gets "cancelled", nothing touches the deleted object.
    const auto answer = askFromWorker(channel, [&] {
        QThread::msleep(50); // the request is queued, not yet delivered
        delete provider;
    });
    EXPECT_FALSE(answer);
}
