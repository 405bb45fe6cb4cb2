// Pool and volume operations and their item models on the libvirt test driver: round
// trips, refusals before libvirt is asked (nothing changed on the host), and deleting a
// volume a VM uses refused with the VM's name.
#include "models/storage/StorageJobs.h"
#include "common/TestSupport.h"
#include "models/connection/HostSession.h"
#include "models/connection/LibvirtError.h"
#include "models/storage/HostStorage.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <gtest/gtest.h>

using namespace crossvirt::models;
using namespace Qt::StringLiterals;
namespace st = crossvirt::models::storage;

namespace {

constexpr quint64 kGiB = quint64(1) << 30;

/// The failure text of a job that must fail, and whether it was a refusal.
struct Failure
{
    bool failed = false;
    bool refused = false;
    QString text;
};

template<typename T> Failure failureOf(QFuture<T> future)
{
    Failure f;
    try {
        future.waitForFinished();
    } catch (...) {
        f.failed = true;
        f.refused = st::isRefusal(std::current_exception());
        f.text = errorText(std::current_exception());
    }
    return f;
}

class StorageTest : public ::testing::Test
{
protected:
    void open(const QString &uri)
    {
        session = std::make_unique<HostSession>(uri);
        session->open();
        ASSERT_TRUE(crossvirt::test::waitUntil(
            [&] { return session->state() == ConnectionState::Connected; }));
    }
    void SetUp() override
    {
        open(u"test://"_s + crossvirt::test::sourcePath(u"tests/storage/data/storage-host.xml"_s));
    }

    QList<PoolContents> pools() { return st::readPools(session.get()).result(); }
    std::optional<PoolContents> pool(const QString &name)
    {
        for (const PoolContents &p : pools()) {
            if (p.info.name == name)
                return p;
        }
        return std::nullopt;
    }
    QStringList volumeNames(const QString &poolName)
    {
        const auto p = pool(poolName);
        return p ? p->volumeNames() : QStringList();
    }

    std::unique_ptr<HostSession> session;
};

PoolSpec dirPool(const QString &name, const QString &path)
{
    PoolSpec s;
    s.name = name;
    s.type = u"dir"_s;
    s.targetPath = path;
    return s;
}

VolumeSpec volume(const QString &name, quint64 capacity, const QString &format = u"qcow2"_s)
{
    VolumeSpec v;
    v.pool = u"default-pool"_s;
    v.name = name;
    v.capacity = capacity;
    v.format = format;
    return v;
}

} // namespace

TEST_F(StorageTest, TestDriverCannotListPoolTypesSoTheFixedListIsOfferedWithANote)
{
    const PoolTypeSupport s = st::readPoolTypes(session.get()).result();
    EXPECT_FALSE(s.fromHost);
    EXPECT_EQ(s.types,
              (QStringList{u"dir"_s, u"fs"_s, u"netfs"_s, u"logical"_s, u"iscsi"_s, u"disk"_s}));
    EXPECT_FALSE(s.note.isEmpty());
}

TEST_F(StorageTest, PoolRoundTripCreateStopStartAutostartDelete)
{
    const QString dir = crossvirt::test::makeTempDir();
    PoolSpec spec = dirPool(u"scratch"_s, dir);
    spec.autostart = true;
    st::createPool(session.get(), spec).waitForFinished();
    auto p = pool(u"scratch"_s);
    ASSERT_TRUE(p);
    EXPECT_TRUE(p->info.active);
    EXPECT_TRUE(p->info.autostart);
    EXPECT_EQ(p->info.type, u"dir"_s);
    EXPECT_EQ(p->info.path, dir);

    st::stopPool(session.get(), u"scratch"_s).waitForFinished();
    EXPECT_FALSE(pool(u"scratch"_s)->info.active);
    st::startPool(session.get(), u"scratch"_s).waitForFinished();
    st::setPoolAutostart(session.get(), u"scratch"_s, false).waitForFinished();
    st::refreshPool(session.get(), u"scratch"_s).waitForFinished();
    p = pool(u"scratch"_s);
    EXPECT_TRUE(p->info.active);
    EXPECT_FALSE(p->info.autostart);

    st::deletePool(session.get(), u"scratch"_s, false).waitForFinished();
    EXPECT_FALSE(pool(u"scratch"_s));
}

TEST_F(StorageTest, DeletePoolWithItsVolumes)
{
    const QString dir = crossvirt::test::makeTempDir();
    st::createPool(session.get(), dirPool(u"full"_s, dir)).waitForFinished();
    VolumeSpec v = volume(u"a.qcow2"_s, kGiB);
    v.pool = u"full"_s;
    st::createVolume(session.get(), v).waitForFinished();
    v.name = u"b.raw"_s;
    v.format = u"raw"_s;
    st::createVolume(session.get(), v).waitForFinished();
    EXPECT_EQ(volumeNames(u"full"_s).size(), 2);

    st::deletePool(session.get(), u"full"_s, true).waitForFinished();
    EXPECT_FALSE(pool(u"full"_s));
}

TEST_F(StorageTest, BadPoolInputIsRefusedBeforeLibvirtAndNothingChanges)
{
    const QList<PoolContents> before = pools();
    const QString dir = crossvirt::test::makeTempDir();
    struct Case
    {
        PoolSpec spec;
        const char *expected;
    };
    const QList<Case> cases{
        {dirPool(u"missing"_s, dir + u"/does/not/exist"_s), "does not exist"},
        {dirPool(u"a/b"_s, dir), "/"},
        {dirPool(QString(), dir), ""},
        {dirPool(u"default-pool"_s, dir), "already exists"},
        {dirPool(u"relative"_s, u"images"_s), "absolute"},
    };
    for (const Case &c : cases) {
        const Failure f = failureOf(st::createPool(session.get(), c.spec));
        EXPECT_TRUE(f.failed) << c.spec.name.toStdString();
        EXPECT_TRUE(f.refused) << f.text.toStdString();
        EXPECT_TRUE(f.text.contains(QString::fromUtf8(c.expected))) << f.text.toStdString();
        EXPECT_TRUE(f.text.startsWith(u"Could not create the storage pool"_s))
            << f.text.toStdString();
    }
    EXPECT_EQ(pools().size(), before.size());
}

TEST_F(StorageTest, UnwritableDirectoryIsRefused)
{
    // Root may write anywhere on a writable file system; /proc is never writable.
    const Failure f = failureOf(st::createPool(session.get(), dirPool(u"ro"_s, u"/proc/sys"_s)));
    if (!f.failed && pool(u"ro"_s))
        GTEST_SKIP() << "/proc/sys is writable here";
    EXPECT_TRUE(f.refused) << f.text.toStdString();
    EXPECT_TRUE(f.text.contains(u"not writable"_s)) << f.text.toStdString();
    EXPECT_FALSE(pool(u"ro"_s));
}

TEST_F(StorageTest, VolumeRoundTripCreateCloneDelete)
{
    const VolumeInfo base =
        st::createVolume(session.get(), volume(u"base.qcow2"_s, 2 * kGiB)).result();
    EXPECT_EQ(base.name, u"base.qcow2"_s);
    EXPECT_EQ(base.capacity, 2 * kGiB);
    EXPECT_EQ(base.path, u"/default-pool/base.qcow2"_s);

    VolumeSpec overlay = volume(u"overlay.qcow2"_s, 2 * kGiB);
    overlay.backingVolume = u"base.qcow2"_s;
    st::createVolume(session.get(), overlay).waitForFinished();

    const VolumeInfo copy =
        st::cloneVolume(session.get(), u"default-pool"_s, u"base.qcow2"_s, u"copy.qcow2"_s)
            .result();
    EXPECT_EQ(copy.capacity, 2 * kGiB);
    QStringList names = volumeNames(u"default-pool"_s);
    names.sort();
    EXPECT_EQ(names, (QStringList{u"base.qcow2"_s, u"copy.qcow2"_s, u"overlay.qcow2"_s}));

    for (const QString &v : {u"copy.qcow2"_s, u"overlay.qcow2"_s, u"base.qcow2"_s})
        st::deleteVolume(session.get(), u"default-pool"_s, v).waitForFinished();
    EXPECT_TRUE(volumeNames(u"default-pool"_s).isEmpty());
}

TEST_F(StorageTest, BadVolumeInputIsRefusedAndNothingChanges)
{
    st::createVolume(session.get(), volume(u"taken"_s, kGiB)).waitForFinished();
    const quint64 free = pool(u"default-pool"_s)->info.available;
    struct Case
    {
        VolumeSpec spec;
        const char *expected;
    };
    VolumeSpec rawBacking = volume(u"raw-backed"_s, kGiB, u"raw"_s);
    rawBacking.backingVolume = u"taken"_s;
    VolumeSpec noBacking = volume(u"no-backing"_s, kGiB);
    noBacking.backingVolume = u"nope.qcow2"_s;
    const QList<Case> cases{
        {volume(u"sub/dir.qcow2"_s, kGiB), "/"},
        {volume(QString(), kGiB), ""},
        {volume(u"taken"_s, kGiB), "already exists"},
        {volume(u"huge.qcow2"_s, free + kGiB), "free space"},
        {volume(u"zero.qcow2"_s, 0), "more than 0"},
        {volume(u"vmdk.vmdk"_s, kGiB, u"vmdk"_s), "qcow2 or raw"},
        {rawBacking, "Only a qcow2"},
        {noBacking, "nope.qcow2"},
    };
    for (const Case &c : cases) {
        const Failure f = failureOf(st::createVolume(session.get(), c.spec));
        EXPECT_TRUE(f.failed) << c.spec.name.toStdString();
        EXPECT_TRUE(f.refused) << f.text.toStdString();
        EXPECT_TRUE(f.text.contains(QString::fromUtf8(c.expected))) << f.text.toStdString();
    }
    EXPECT_EQ(volumeNames(u"default-pool"_s), QStringList{u"taken"_s});
}

TEST_F(StorageTest, ShrinkIsRefusedWithTheReason)
{
    st::createVolume(session.get(), volume(u"disk.qcow2"_s, 4 * kGiB)).waitForFinished();
    const Failure f =
        failureOf(st::resizeVolume(session.get(), u"default-pool"_s, u"disk.qcow2"_s, kGiB));
    EXPECT_TRUE(f.refused) << f.text.toStdString();
    EXPECT_TRUE(f.text.contains(u"only grow"_s)) << f.text.toStdString();
    EXPECT_EQ(pool(u"default-pool"_s)->volume(u"disk.qcow2"_s)->capacity, 4 * kGiB);
    // Growing is libvirt's: the test driver has no virStorageVolResize, and says so.
    const Failure grow =
        failureOf(st::resizeVolume(session.get(), u"default-pool"_s, u"disk.qcow2"_s, 8 * kGiB));
    if (grow.failed) {
        EXPECT_FALSE(grow.refused);
        EXPECT_TRUE(grow.text.startsWith(u"Could not resize the volume “disk.qcow2”: "_s))
            << grow.text.toStdString();
    }
}

TEST_F(StorageTest, DefaultPoolHelperMakesTheDefaultPool)
{
    st::createDefaultPool(session.get()).waitForFinished();
    const auto p = pool(u"default"_s);
    ASSERT_TRUE(p);
    EXPECT_TRUE(p->info.active);
    EXPECT_TRUE(p->info.autostart);
    EXPECT_EQ(p->info.path, u"/var/lib/libvirt/images"_s);
    // Asked again (the wizard's button twice): the pool is there and stays.
    st::createDefaultPool(session.get()).waitForFinished();
    EXPECT_TRUE(pool(u"default"_s));
}

// The shared-volume host: app-a and app-b share shared-data.qcow2.
class SharedVolumeStorageTest : public StorageTest
{
protected:
    void SetUp() override
    {
        open(u"test://"_s + crossvirt::test::sourcePath(u"tests/models/data/shared-volume.xml"_s));
    }
};

TEST_F(SharedVolumeStorageTest, VolumesSayWhichVmsUseThem)
{
    const auto p = pool(u"default"_s);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->volume(u"shared-data.qcow2"_s)->usedBy, (QStringList{u"app-a"_s, u"app-b"_s}));
    EXPECT_EQ(p->volume(u"zz-idle.qcow2"_s)->usedBy, QStringList{u"zz-idle"_s})
        << "a stopped VM's disk counts too";
}

TEST_F(SharedVolumeStorageTest, DeletingAVolumeInUseIsRefusedNamingTheVms)
{
    const Failure f =
        failureOf(st::deleteVolume(session.get(), u"default"_s, u"shared-data.qcow2"_s));
    EXPECT_TRUE(f.refused) << f.text.toStdString();
    EXPECT_TRUE(f.text.contains(u"app-a, app-b"_s)) << f.text.toStdString();
    EXPECT_TRUE(pool(u"default"_s)->volume(u"shared-data.qcow2"_s));
}

TEST_F(SharedVolumeStorageTest, DeletingAPoolInUseIsRefusedNamingTheVms)
{
    const Failure f = failureOf(st::deletePool(session.get(), u"default"_s, true));
    EXPECT_TRUE(f.refused) << f.text.toStdString();
    EXPECT_TRUE(f.text.contains(u"app-a"_s) && f.text.contains(u"zz-idle"_s))
        << f.text.toStdString();
    const auto p = pool(u"default"_s);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->volumes.size(), 5);
}

TEST_F(StorageTest, ModelsFollowTheHostUnderTheModelTester)
{
    HostStorage storage;
    QAbstractItemModelTester poolTester(storage.pools(),
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester volumeTester(storage.volumes(),
                                          QAbstractItemModelTester::FailureReportingMode::Fatal);
    storage.setSession(session.get());
    ASSERT_TRUE(crossvirt::test::waitUntil([&] { return storage.isLoaded(); }));
    ASSERT_EQ(storage.pools()->rowCount(), 1);
    EXPECT_EQ(storage.pools()->index(0, PoolListModel::NameColumn).data().toString(),
              u"default-pool"_s);
    EXPECT_EQ(storage.pools()->index(0, PoolListModel::StateColumn).data().toString(), u"Active"_s);
    storage.selectPool(u"default-pool"_s);
    EXPECT_EQ(storage.volumes()->rowCount(), 0);

    // Operations read the host again when they end: the models follow.
    storage.createVolume(volume(u"one.qcow2"_s, kGiB)).waitForFinished();
    ASSERT_TRUE(crossvirt::test::waitUntil([&] { return storage.volumes()->rowCount() == 1; }));
    EXPECT_EQ(storage.volumes()->index(0, VolumeListModel::FormatColumn).data().toString(),
              u"qcow2"_s);
    EXPECT_EQ(storage.volumes()->index(0, VolumeListModel::CapacityColumn).data().toString(),
              storageSizeText(kGiB));
    storage.createVolume(volume(u"two.raw"_s, kGiB, u"raw"_s)).waitForFinished();
    ASSERT_TRUE(crossvirt::test::waitUntil([&] { return storage.volumes()->rowCount() == 2; }));

    const QString dir = crossvirt::test::makeTempDir();
    storage.createPool(dirPool(u"second"_s, dir)).waitForFinished();
    ASSERT_TRUE(crossvirt::test::waitUntil([&] { return storage.pools()->rowCount() == 2; }));
    const int row = storage.pools()->rowOf(u"second"_s);
    EXPECT_EQ(storage.pools()->index(row, PoolListModel::PathColumn).data().toString(), dir);

    storage.deleteVolume(u"default-pool"_s, u"one.qcow2"_s).waitForFinished();
    ASSERT_TRUE(crossvirt::test::waitUntil([&] { return storage.volumes()->rowCount() == 1; }));
    EXPECT_EQ(storage.volumes()->index(0, VolumeListModel::NameColumn).data().toString(),
              u"two.raw"_s);
    storage.stopPool(u"second"_s).waitForFinished();
    ASSERT_TRUE(crossvirt::test::waitUntil([&] {
        return storage.pools()
                   ->index(storage.pools()->rowOf(u"second"_s), 0)
                   .data(PoolListModel::ActiveRole)
                   .toBool() == false;
    }));
    storage.deletePool(u"second"_s, false).waitForFinished();
    ASSERT_TRUE(crossvirt::test::waitUntil([&] { return storage.pools()->rowCount() == 1; }));

    storage.setSession(nullptr);
    EXPECT_EQ(storage.pools()->rowCount(), 0);
    EXPECT_EQ(storage.volumes()->rowCount(), 0);
}
