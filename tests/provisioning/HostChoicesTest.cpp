// The host's choices for a guest, fetched off the GUI thread: the test driver has no
// domain capabilities, so the arch policy alone is offered.
#include "models/provisioning/HostChoices.h"
#include "ProvisioningFixtures.h"
#include "common/TestSupport.h"
#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "models/provisioning/ProvisioningJobs.h"
#include "models/provisioning/StorageInventory.h"

#include <QThread>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace crossvirt;

namespace {

template<typename T> T await(QFuture<T> f)
{
    EXPECT_TRUE(test::waitUntil([&] { return f.isFinished(); }, 10000));
    return f.result();
}

class HostChoicesTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        session = std::make_unique<models::HostSession>(u"test:///default"_s);
        session->open();
        ASSERT_TRUE(test::waitUntil(
            [&] { return session->state() == models::ConnectionState::Connected; }, 10000));
    }
    std::unique_ptr<models::HostSession> session;
};

TEST_F(HostChoicesTest, EveryArchGetsPolicyListsWithoutDomainCapabilities)
{
    models::HostChoicesProvider provider(session.get());
    for (const QString &a : arch::ArchRegistry::instance().archNames()) {
        const models::GuestHostContext ctx = await(provider.guestContext(a));
        EXPECT_EQ(ctx.domainCaps, nullptr) << "the test driver has no domain capabilities";
        EXPECT_TRUE(ctx.placement.offered)
            << a.toStdString() << ": " << ctx.placement.reason.toStdString();
        const auto choices = models::computeGuestChoices(ctx);
        ASSERT_TRUE(choices);
        EXPECT_FALSE(choices->diskInterfaces.offeredIds().isEmpty()) << a.toStdString();
        EXPECT_FALSE(choices->nicModels.offeredIds().isEmpty()) << a.toStdString();
        EXPECT_FALSE(choices->domainCapsUsed);
        EXPECT_EQ(choices->machine, ctx.model()->defaultMachine());
    }
    const auto ppc = models::computeGuestChoices(await(provider.guestContext(u"ppc64le"_s)));
    ASSERT_TRUE(ppc);
    EXPECT_FALSE(ppc->diskInterfaces.offers(u"ide"_s));
    EXPECT_FALSE(ppc->diskInterfaces.reasonFor(u"ide"_s).isEmpty());
}

TEST_F(HostChoicesTest, StorageSnapshotListsPoolsNetworksAndDomains)
{
    const models::StorageSnapshot s = await(models::fetchStorage(session.get()));
    const models::PoolContents *pool = s.pool(u"default-pool"_s);
    ASSERT_NE(pool, nullptr);
    EXPECT_TRUE(pool->info.active);
    EXPECT_GT(pool->info.available, 0u);
    EXPECT_TRUE(s.networkNames().contains(u"default"_s));
    EXPECT_TRUE(s.domainNames.contains(u"test"_s));
}

TEST_F(HostChoicesTest, CreateRunsOnTheWorkerAndReportsTheFailedStep)
{
    models::VmSpec spec = test::defaultSpec(u"async"_s, u"x86_64"_s);
    spec.storage =
        models::StorageSpec{models::StorageKind::NewVolume, u"default-pool"_s, {}, 2, u"qcow2"_s};
    const auto plan = models::planCreateVm(spec, test::contextOf(spec));
    ASSERT_TRUE(plan);
    const models::CreatedVm vm = await(models::createVm(session.get(), *plan));
    EXPECT_FALSE(vm.uuid.isEmpty());

    // The same name again: the dialog's error handler gets the step and libvirt's text.
    QObject context;
    QString error;
    bool done = false;
    models::whenFinished(
        models::createVm(session.get(), *plan), &context,
        [&](const models::CreatedVm &) { done = true; },
        [&](const QString &text) {
            error = text;
            done = true;
        });
    ASSERT_TRUE(test::waitUntil([&] { return done; }, 10000));
    // The volume of the same name exists already, so the first step fails.
    EXPECT_TRUE(error.contains(models::ProvisioningSteps::creatingVolume())) << error.toStdString();

    auto second = *plan;
    second.volume->name = u"async-2.qcow2"_s;
    second.volume->xml = second.volume->xml.replace(u"async.qcow2"_s, u"async-2.qcow2"_s);
    error.clear();
    done = false;
    models::whenFinished(
        models::createVm(session.get(), second), &context,
        [&](const models::CreatedVm &) { done = true; },
        [&](const QString &text) {
            error = text;
            done = true;
        });
    ASSERT_TRUE(test::waitUntil([&] { return done; }, 10000));
    EXPECT_TRUE(error.contains(models::ProvisioningSteps::definingVm())) << error.toStdString();
    const models::StorageSnapshot s = await(models::fetchStorage(session.get()));
    EXPECT_FALSE(s.pool(u"default-pool"_s)->volumeNames().contains(u"async-2.qcow2"_s));
}

} // namespace
