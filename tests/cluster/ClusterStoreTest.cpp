#include "models/cluster/ClusterStore.h"
#include "models/cluster/ClusterList.h"
#include "models/connection/ConnectionStore.h"

#include "common/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <gtest/gtest.h>

using namespace crossvirt::models;
using namespace Qt::StringLiterals;
using crossvirt::test::makeTempDir;
using crossvirt::test::waitUntil;

namespace {

Cluster powerCluster()
{
    Cluster c;
    c.id = newClusterId();
    c.name = u"Power"_s;
    c.description = u"POWER9 hosts"_s;
    c.arch = u"ppc64le"_s;
    c.cpuType = u"POWER9"_s;
    c.allowEmulation = true;
    c.hostUris = {u"test:///a.xml"_s, u"test:///b.xml"_s};
    return c;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

TEST(ClusterStore, LivesBesideTheConnectionList)
{
    const QString dir = makeTempDir();
    qputenv("CROSSVIRT_CONFIG_DIR", dir.toLocal8Bit());
    EXPECT_EQ(QFileInfo(ClusterStore::defaultPath()).dir(),
              QFileInfo(ConnectionStore::defaultPath()).dir());
    EXPECT_EQ(QFileInfo(ClusterStore::defaultPath()).fileName(), u"clusters.json"_s);
    qunsetenv("CROSSVIRT_CONFIG_DIR");
}

TEST(ClusterStore, SavesAndLoadsEveryField)
{
    const ClusterStore store(makeTempDir() + u"/sub/clusters.json"_s);
    EXPECT_EQ(store.load().status, ClusterStore::Status::Missing);
    const Cluster x86{newClusterId(), u"Intel"_s, {}, u"x86_64"_s, u"Skylake-Server"_s, false, {}};
    ASSERT_EQ(store.save({powerCluster(), x86}), QString());
    const auto loaded = store.load();
    ASSERT_EQ(loaded.status, ClusterStore::Status::Loaded);
    ASSERT_EQ(loaded.clusters.size(), 2);
    Cluster expected = powerCluster();
    expected.id = loaded.clusters[0].id;
    EXPECT_EQ(loaded.clusters[0], expected);
    EXPECT_EQ(loaded.clusters[1], x86);
}

TEST(ClusterStore, CorruptFileIsKeptAsideNotLost)
{
    const QString path = makeTempDir() + u"/clusters.json"_s;
    writeFile(path, "{ \"clusters\": [ { \"name\": ");
    const auto result = ClusterStore(path).load();
    EXPECT_EQ(result.status, ClusterStore::Status::Corrupt);
    EXPECT_TRUE(result.clusters.isEmpty());
    ASSERT_FALSE(result.backupPath.isEmpty());
    QFile backup(result.backupPath);
    ASSERT_TRUE(backup.open(QIODevice::ReadOnly));
    EXPECT_EQ(backup.readAll(), QByteArray("{ \"clusters\": [ { \"name\": "));
    EXPECT_TRUE(result.error.contains(result.backupPath));
}

TEST(ClusterStore, EntryWithoutArchIsCorrupt)
{
    const QString path = makeTempDir() + u"/clusters.json"_s;
    writeFile(path, R"({"version":1,"clusters":[{"id":"x","name":"A"}]})");
    EXPECT_EQ(ClusterStore(path).load().status, ClusterStore::Status::Corrupt);
}

TEST(ClusterList, LoadsOffTheGuiThreadAndSavesEachChange)
{
    const QString path = makeTempDir() + u"/clusters.json"_s;
    ASSERT_EQ(ClusterStore(path).save({powerCluster()}), QString());

    ClusterList list{ClusterStore(path)};
    QSignalSpy changed(&list, &ClusterList::clustersChanged);
    list.load();
    EXPECT_FALSE(list.isLoaded()); // the read is asynchronous
    ASSERT_TRUE(waitUntil([&] { return list.isLoaded(); }));
    ASSERT_EQ(list.clusters().size(), 1);
    EXPECT_EQ(changed.size(), 1);

    Cluster x86{{}, u"Intel"_s, {}, u"x86_64"_s, u"Nehalem"_s, false, {}};
    list.setCluster(x86);
    ASSERT_EQ(list.clusters().size(), 2);
    EXPECT_FALSE(list.clusters()[1].id.isEmpty()); // an id is given
    ASSERT_TRUE(waitUntil([&] { return ClusterStore(path).load().clusters.size() == 2; }));

    list.removeCluster(list.clusters()[0].id);
    ASSERT_TRUE(waitUntil([&] {
        const auto saved = ClusterStore(path).load().clusters;
        return saved.size() == 1 && saved[0].name == u"Intel"_s;
    }));
}

TEST(ClusterList, AHostBelongsToOneClusterOnly)
{
    ClusterList list{ClusterStore(makeTempDir() + u"/clusters.json"_s)};
    const Cluster power = powerCluster();
    list.setCluster(power);
    Cluster other{{}, u"Other"_s, {}, u"ppc64le"_s, u"POWER10"_s, false, {u"test:///b.xml"_s}};
    list.setCluster(other);

    ASSERT_EQ(list.clusters().size(), 2);
    EXPECT_EQ(list.cluster(power.id)->hostUris, QStringList{u"test:///a.xml"_s});
    EXPECT_EQ(list.clusterOfHost(u"test:///b.xml"_s)->name, u"Other"_s);

    list.removeHost(u"test:///a.xml"_s);
    EXPECT_FALSE(list.clusterOfHost(u"test:///a.xml"_s).has_value());
}

TEST(ClusterName, RefusesEmptyLongOddAndDuplicateNames)
{
    const QList<Cluster> others{powerCluster()};
    EXPECT_FALSE(clusterNameProblem(u"  "_s, others).isEmpty());
    EXPECT_FALSE(clusterNameProblem(QString(kClusterNameMaxLength + 1, u'a'), others).isEmpty());
    EXPECT_FALSE(clusterNameProblem(u"a/b"_s, others).isEmpty());
    EXPECT_FALSE(clusterNameProblem(u"power"_s, others).isEmpty()); // case-insensitive
    EXPECT_TRUE(clusterNameProblem(u"Power 10_lab.2"_s, others).isEmpty());
}
