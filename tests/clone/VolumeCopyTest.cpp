// VolumeCopy on the libvirt test driver (tests/clone/data/clone-host.xml): every refusal
// comes before anything is created, and a copy whose stream fails (the test driver has no
// volume streams) removes the volume it created. The data path is tested on a real
// libvirtd in tests/e2e/e2e_clone_core_test.cpp.
#include "models/transfer/VolumeCopy.h"

#include "common/TestSupport.h"
#include "models/connection/HostSession.h"
#include "models/connection/WorkerJobs.h"
#include "models/provisioning/ProvisioningWorker.h"

#include <gtest/gtest.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <optional>

using namespace crossvirt::models;
using namespace Qt::StringLiterals;
using crossvirt::test::waitUntil;

namespace {

const QString kPool = u"default-pool"_s;

struct Outcome
{
    std::optional<VolumeCopyResult> result;
    std::optional<TransferFailure> failure;
    QString message;
};

class VolumeCopyTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        session = std::make_unique<HostSession>(
            u"test://"_s + crossvirt::test::sourcePath(u"tests/clone/data/clone-host.xml"_s));
        session->open();
        ASSERT_TRUE(waitUntil([&] { return session->state() == ConnectionState::Connected; }));
    }

    Outcome copy(const VolumeCopyRequest &request)
    {
        Outcome o;
        VolumeCopy c(session.get(), session.get());
        QObject::connect(&c, &VolumeCopy::finished,
                         [&](const VolumeCopyResult &r) { o.result = r; });
        QObject::connect(&c, &VolumeCopy::failed, [&](TransferFailure k, const QString &m) {
            o.failure = k;
            o.message = m;
        });
        c.start(request);
        EXPECT_TRUE(c.isRunning());
        EXPECT_TRUE(waitUntil([&] { return o.result || o.failure; }, 10000));
        EXPECT_FALSE(c.isRunning());
        return o;
    }

    QStringList volumes()
    {
        QFuture<QStringList> f = runOnWorker(session.get(), [](virConnectPtr conn) {
            const StoragePoolHandle pool(virStoragePoolLookupByName(conn, "default-pool"));
            return readPool(pool.get()).volumeNames();
        });
        EXPECT_TRUE(waitUntil([&] { return f.isFinished(); }));
        return f.result();
    }

    std::unique_ptr<HostSession> session;
};

TEST_F(VolumeCopyTest, RefusesBeforeCreatingAnything)
{
    // A pool that is defined but not started.
    QFuture<bool> defined = runOnWorker(session.get(), [](virConnectPtr conn) {
        const StoragePoolHandle p(virStoragePoolDefineXML(
            conn, "<pool type='dir'><name>cold</name><target><path>/cold</path></target></pool>",
            0));
        return bool(p);
    });
    ASSERT_TRUE(waitUntil([&] { return defined.isFinished(); }));
    ASSERT_TRUE(defined.result());
    const QStringList before = volumes();

    struct Case
    {
        VolumeCopyRequest request;
        QString says;
    };
    const QList<Case> cases = {
        {{kPool, u"web.qcow2"_s, kPool, u"base.img"_s, {}}, u"already has"_s},
        {{kPool, u"gone.qcow2"_s, kPool, u"new.qcow2"_s, {}}, u"gone.qcow2"_s},
        {{kPool, u"web.qcow2"_s, u"cold"_s, u"new.qcow2"_s, {}}, u"not active"_s},
        {{u"cold"_s, u"web.qcow2"_s, kPool, u"new.qcow2"_s, {}}, u"not active"_s},
        {{kPool, u"web.qcow2"_s, kPool, u"a/b.qcow2"_s, {}}, u"a/b.qcow2"_s},
    };
    for (const Case &c : cases) {
        const Outcome o = copy(c.request);
        ASSERT_TRUE(o.failure) << c.says.toStdString();
        EXPECT_EQ(*o.failure, TransferFailure::Invalid) << o.message.toStdString();
        EXPECT_TRUE(o.message.contains(c.says)) << o.message.toStdString();
        EXPECT_EQ(volumes(), before) << o.message.toStdString();
    }
}

TEST_F(VolumeCopyTest, AFailedStreamRemovesTheNewVolume)
{
    const Outcome o = copy({kPool, u"web.qcow2"_s, kPool, u"web-copy.qcow2"_s, {}});
    ASSERT_TRUE(o.failure);
    EXPECT_EQ(*o.failure, TransferFailure::HostFailed) << o.message.toStdString();
    EXPECT_TRUE(o.message.contains(u"web-copy.qcow2"_s)) << o.message.toStdString();
    EXPECT_FALSE(o.message.contains(u"could not be removed"_s)) << o.message.toStdString();
    EXPECT_FALSE(volumes().contains(u"web-copy.qcow2"_s));
}

TEST_F(VolumeCopyTest, AClosedHostFailsWithoutCrashing)
{
    VolumeCopy c(session.get(), nullptr);
    std::optional<TransferFailure> failure;
    QObject::connect(&c, &VolumeCopy::failed,
                     [&](TransferFailure k, const QString &) { failure = k; });
    c.start({kPool, u"web.qcow2"_s, kPool, u"x.qcow2"_s, {}});
    ASSERT_TRUE(waitUntil([&] { return failure.has_value(); }));
    EXPECT_EQ(*failure, TransferFailure::HostFailed);
}

} // namespace
