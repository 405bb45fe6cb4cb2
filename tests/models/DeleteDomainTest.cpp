// Delete with storage on a test-driver host where two VMs share a volume: the host lists
// what the Delete dialog must show, and never deletes a volume another VM uses.
#include "models/SharedVolumeHost.h"
#include "models/connection/HostSession.h"

#include <gtest/gtest.h>

using namespace crossvirt::models;
using namespace Qt::StringLiterals;

namespace {

using namespace crossvirt::test::sharedvolume;

class DeleteDomainTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        session.open();
        ASSERT_TRUE(crossvirt::test::waitUntil([&] { return session.domains().size() == 3; }));
    }

    std::optional<DomainVolume> volume(const QList<DomainVolume> &list, const QString &name)
    {
        for (const DomainVolume &v : list) {
            if (v.path == kImages + name)
                return v;
        }
        return std::nullopt;
    }

    HostSession session{hostUri()};
};

} // namespace

TEST_F(DeleteDomainTest, VolumesSayWhoElseUsesThemAndWhatTheyAre)
{
    const QList<DomainVolume> volumes = session.domainVolumes(kAppA).result();
    ASSERT_EQ(volumes.size(), 3);
    const auto own = volume(volumes, u"app-a.qcow2"_s);
    ASSERT_TRUE(own);
    EXPECT_TRUE(own->managed);
    EXPECT_TRUE(own->usedBy.isEmpty());
    EXPECT_TRUE(own->deletable());
    EXPECT_EQ(own->target, u"vda"_s);

    const auto shared = volume(volumes, u"shared-data.qcow2"_s);
    ASSERT_TRUE(shared);
    EXPECT_TRUE(shared->shareable);
    EXPECT_EQ(shared->usedBy, QStringList{u"app-b"_s});
    EXPECT_FALSE(shared->deletable()) << "a volume another VM uses is never offered";

    const auto cdrom = volume(volumes, u"install.iso"_s);
    ASSERT_TRUE(cdrom);
    EXPECT_TRUE(cdrom->cdrom());
    EXPECT_TRUE(cdrom->readOnly);
}

TEST_F(DeleteDomainTest, DeletingOneSharerKeepsTheSharedVolumeAndSaysWhy)
{
    // Even when asked for it (a stale dialog, another client), the host refuses.
    const QStringList problems =
        session
            .deleteDomain(kAppA,
                          QStringList{kImages + u"app-a.qcow2"_s, kImages + u"shared-data.qcow2"_s})
            .result();
    ASSERT_EQ(problems.size(), 1) << problems.join(u'\n').toStdString();
    EXPECT_TRUE(problems.first().contains(u"shared-data.qcow2"_s));
    EXPECT_TRUE(problems.first().contains(u"kept: used by app-b"_s))
        << problems.first().toStdString();
    EXPECT_FALSE(volumeExists(&session, u"app-a.qcow2"_s)) << "its own volume is deleted";
    EXPECT_TRUE(volumeExists(&session, u"shared-data.qcow2"_s));
    EXPECT_TRUE(volumeExists(&session, u"install.iso"_s)) << "not asked for: kept";
    ASSERT_TRUE(crossvirt::test::waitUntil([&] { return !session.domain(kAppA); }));
    EXPECT_TRUE(session.domain(kAppB).has_value());
}

TEST_F(DeleteDomainTest, WithStorageAlsoKeepsASharedVolume)
{
    const QStringList problems = session.deleteDomain(kAppB, true).result();
    ASSERT_EQ(problems.size(), 1) << problems.join(u'\n').toStdString();
    EXPECT_TRUE(problems.first().contains(u"kept: used by app-a"_s));
    EXPECT_FALSE(volumeExists(&session, u"app-b.qcow2"_s));
    EXPECT_TRUE(volumeExists(&session, u"shared-data.qcow2"_s));
}

TEST_F(DeleteDomainTest, OnlyTheTickedVolumesGo)
{
    const QStringList problems = session.deleteDomain(kAppA, QStringList{}).result();
    EXPECT_TRUE(problems.isEmpty());
    EXPECT_TRUE(volumeExists(&session, u"app-a.qcow2"_s));
    EXPECT_TRUE(volumeExists(&session, u"install.iso"_s));
    ASSERT_TRUE(crossvirt::test::waitUntil([&] { return !session.domain(kAppA); }));
}

TEST_F(DeleteDomainTest, OnceTheOtherUserIsGoneTheVolumeCanBeDeleted)
{
    session.deleteDomain(kAppB, QStringList{}).waitForFinished();
    const QList<DomainVolume> volumes = session.domainVolumes(kAppA).result();
    const auto shared = volume(volumes, u"shared-data.qcow2"_s);
    ASSERT_TRUE(shared);
    EXPECT_TRUE(shared->usedBy.isEmpty());
    EXPECT_TRUE(shared->deletable());
    EXPECT_TRUE(session.deleteDomain(kAppA, QStringList{kImages + u"shared-data.qcow2"_s})
                    .result()
                    .isEmpty());
    EXPECT_FALSE(volumeExists(&session, u"shared-data.qcow2"_s));
}
