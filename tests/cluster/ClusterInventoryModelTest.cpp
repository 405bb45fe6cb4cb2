// The inventory by cluster, fed by real test-driver hosts (the demo datacenter files).
#include "models/cluster/ClusterInventoryModel.h"
#include "models/connection/WorkerJobs.h"
#include "common/TestSupport.h"
#include "models/cluster/ClusterList.h"
#include "models/connection/Datacenter.h"
#include "models/connection/HostSession.h"
#include "models/inventory/InventoryModel.h"

#include <QAbstractItemModelTester>
#include <gtest/gtest.h>
#include <libvirt/libvirt.h>

using namespace crossvirt::models;
using namespace Qt::StringLiterals;
using crossvirt::test::waitUntil;

namespace {

QString demoUri(const char *arch)
{
    return u"test://"_s +
           crossvirt::test::sourcePath(u"resources/demo/demo-%1.xml"_s.arg(QLatin1String(arch)));
}

bool allConnected(const Datacenter &dc)
{
    for (const HostSession *s : dc.sessions()) {
        if (s->state() != ConnectionState::Connected || s->domains().isEmpty())
            return false;
    }
    return !dc.sessions().isEmpty();
}

QStringList topLevelNames(const QAbstractItemModel &m)
{
    QStringList names;
    for (int r = 0; r < m.rowCount(); ++r)
        names << m.index(r, 0).data().toString();
    return names;
}

QStringList hostUrisUnder(const QAbstractItemModel &m, const QModelIndex &group)
{
    QStringList uris;
    for (int r = 0; r < m.rowCount(group); ++r)
        uris << m.index(r, 0, group).data(InventoryModel::UriRole).toString();
    return uris;
}

} // namespace

class ClusterInventoryModelTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        // The testers watch from the first row on: every later change must be well formed.
        model = std::make_unique<ClusterInventoryModel>(&hosts, &clusters);
        tester = std::make_unique<QAbstractItemModelTester>(
            model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        datacenter.useTransient({demoUri("x86_64"), demoUri("ppc64le"), demoUri("s390x")});
        ASSERT_TRUE(waitUntil([&] { return allConnected(datacenter); }, 10000));
    }

    Cluster powerCluster() const
    {
        return Cluster{{},          u"Power"_s, u"POWER9 hosts"_s,   u"ppc64le"_s,
                       u"POWER9"_s, false,      {demoUri("ppc64le")}};
    }

    Datacenter datacenter{ConnectionStore(crossvirt::test::makeTempDir() + u"/c.json"_s)};
    ClusterList clusters{ClusterStore(crossvirt::test::makeTempDir() + u"/clusters.json"_s)};
    InventoryModel hosts{&datacenter};
    std::unique_ptr<ClusterInventoryModel> model;
    std::unique_ptr<QAbstractItemModelTester> tester;
};

TEST_F(ClusterInventoryModelTest, HostsInNoClusterAreUnclustered)
{
    EXPECT_EQ(topLevelNames(*model), QStringList{u"Unclustered"_s});
    const QModelIndex unclustered = model->index(0, 0);
    EXPECT_EQ(unclustered.data(InventoryModel::KindRole).toInt(),
              ClusterInventoryModel::ClusterKind);
    EXPECT_EQ(hostUrisUnder(*model, unclustered),
              (QStringList{demoUri("x86_64"), demoUri("ppc64le"), demoUri("s390x")}));
    // VMs sit under their host exactly as in the by-host tree.
    const QModelIndex ppc = model->hostIndex(demoUri("ppc64le"));
    ASSERT_TRUE(ppc.isValid());
    EXPECT_EQ(model->rowCount(ppc), hosts.rowCount(hosts.hostIndex(demoUri("ppc64le"))));
    EXPECT_EQ(model->index(0, 0, ppc).data(InventoryModel::KindRole).toInt(),
              int(InventoryModel::ItemKind::Domain));
}

TEST_F(ClusterInventoryModelTest, ClusterGathersItsHostsAndGivesThemBack)
{
    const QPersistentModelIndex vm(model->index(0, 0, model->hostIndex(demoUri("ppc64le"))));
    const QString vmName = vm.data().toString();
    clusters.setCluster(powerCluster());
    EXPECT_EQ(topLevelNames(*model), (QStringList{u"Power"_s, u"Unclustered"_s}));
    const QModelIndex power = model->index(0, 0);
    EXPECT_EQ(power.siblingAtColumn(InventoryModel::ArchColumn).data().toString(), u"ppc64le"_s);
    EXPECT_EQ(power.siblingAtColumn(InventoryModel::StateColumn).data().toString(), u"1 host(s)"_s);
    EXPECT_EQ(hostUrisUnder(*model, power), QStringList{demoUri("ppc64le")});
    EXPECT_EQ(hostUrisUnder(*model, model->index(1, 0)),
              (QStringList{demoUri("x86_64"), demoUri("s390x")}));
    const QModelIndex ppc = model->hostIndex(demoUri("ppc64le"));
    EXPECT_EQ(ppc.parent(), power);
    EXPECT_EQ(model->index(0, 0, ppc).data().toString(), vmName);
    EXPECT_FALSE(ppc.data(ClusterInventoryModel::EmulatingRole).toBool());

    // An x86_64 host joins the POWER cluster as an emulating member.
    Cluster edited = clusters.clusters().constFirst();
    edited.allowEmulation = true;
    edited.hostUris << demoUri("x86_64");
    clusters.setCluster(edited);
    const QModelIndex x86 = model->hostIndex(demoUri("x86_64"));
    ASSERT_TRUE(x86.isValid());
    EXPECT_EQ(x86.parent(), model->index(0, 0));
    EXPECT_TRUE(x86.data(ClusterInventoryModel::EmulatingRole).toBool());
    EXPECT_EQ(x86.siblingAtColumn(InventoryModel::ArchColumn).data().toString(),
              u"x86_64 (emulates ppc64le)"_s);

    clusters.removeCluster(edited.id);
    EXPECT_EQ(topLevelNames(*model), QStringList{u"Unclustered"_s});
    EXPECT_EQ(model->rowCount(model->index(0, 0)), 3);
    EXPECT_FALSE(
        model->hostIndex(demoUri("x86_64")).data(ClusterInventoryModel::EmulatingRole).toBool());
}

TEST_F(ClusterInventoryModelTest, VmsComeAndGoUnderTheirClusteredHost)
{
    clusters.setCluster(powerCluster());
    HostSession *ppc = datacenter.session(demoUri("ppc64le"));
    const QModelIndex host = model->hostIndex(demoUri("ppc64le"));
    const int before = model->rowCount(host);
    const QString xml = uR"(<domain type='test'><name>cluster-test-vm</name><memory>262144</memory>
        <os><type arch='ppc64le' machine='pseries'>hvm</type></os></domain>)"_s;
    runOnWorker(ppc, [xml](virConnectPtr conn) {
           virDomainPtr d = virDomainDefineXML(conn, xml.toUtf8().constData());
           if (d)
               virDomainFree(d);
       })
        .waitForFinished();
    ASSERT_TRUE(waitUntil(
        [&] { return model->rowCount(model->hostIndex(demoUri("ppc64le"))) == before + 1; }));

    runOnWorker(ppc, [](virConnectPtr conn) {
           if (virDomainPtr d = virDomainLookupByName(conn, "cluster-test-vm")) {
               virDomainUndefine(d);
               virDomainFree(d);
           }
       })
        .waitForFinished();
    ASSERT_TRUE(
        waitUntil([&] { return model->rowCount(model->hostIndex(demoUri("ppc64le"))) == before; }));
}

TEST_F(ClusterInventoryModelTest, RemovedConnectionLeavesTheTree)
{
    clusters.setCluster(powerCluster());
    datacenter.removeConnection(demoUri("ppc64le"));
    EXPECT_FALSE(model->hostIndex(demoUri("ppc64le")).isValid());
    EXPECT_EQ(model->rowCount(model->clusterIndex(clusters.clusters().constFirst().id)), 0);
    datacenter.addConnection(SavedConnection{demoUri("ppc64le"), {}, true});
    ASSERT_TRUE(waitUntil([&] { return allConnected(datacenter); }, 10000));
    EXPECT_EQ(model->hostIndex(demoUri("ppc64le")).parent(),
              model->clusterIndex(clusters.clusters().constFirst().id));
}
