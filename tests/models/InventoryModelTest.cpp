// The inventory model fed by real test-driver hosts (the demo datacenter files).
#include "models/inventory/InventoryModel.h"
#include "common/TestSupport.h"
#include "models/connection/Datacenter.h"
#include "models/connection/HostSession.h"
#include "models/connection/WorkerJobs.h"
#include "models/inventory/InventoryFilterProxy.h"

#include <QAbstractItemModelTester>
#include <gtest/gtest.h>
#include <libvirt/libvirt.h>

using namespace crossvirt::models;
using namespace Qt::StringLiterals;

namespace {

QStringList demoUris()
{
    QStringList uris;
    for (const char *a : {"x86_64", "ppc64le", "aarch64", "s390x"}) {
        uris << u"test://"_s + crossvirt::test::sourcePath(
                                   u"resources/demo/demo-%1.xml"_s.arg(QLatin1String(a)));
    }
    return uris;
}

bool allConnected(const Datacenter &dc)
{
    for (const HostSession *s : dc.sessions()) {
        if (s->state() != ConnectionState::Connected || s->domains().isEmpty())
            return false;
    }
    return true;
}

QModelIndex findVm(const QAbstractItemModel &m, const QString &name)
{
    for (int h = 0; h < m.rowCount(); ++h) {
        const QModelIndex host = m.index(h, 0);
        for (int v = 0; v < m.rowCount(host); ++v) {
            const QModelIndex vm = m.index(v, 0, host);
            if (vm.data(InventoryModel::NameRole).toString() == name)
                return vm;
        }
    }
    return {};
}

} // namespace

class InventoryModelTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        model = std::make_unique<InventoryModel>(&datacenter);
        tester = std::make_unique<QAbstractItemModelTester>(
            model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        datacenter.useTransient(demoUris());
        ASSERT_TRUE(crossvirt::test::waitUntil([&] { return allConnected(datacenter); }, 10000));
    }

    Datacenter datacenter{ConnectionStore(crossvirt::test::makeTempDir() + u"/c.json"_s)};
    std::unique_ptr<InventoryModel> model;
    std::unique_ptr<QAbstractItemModelTester> tester;
};

TEST_F(InventoryModelTest, ShowsEveryDemoHostWithItsOwnArchAndVms)
{
    ASSERT_EQ(model->rowCount(), 4);
    QStringList arches;
    for (int h = 0; h < 4; ++h) {
        const QModelIndex host = model->index(h, 0);
        arches << model->index(h, InventoryModel::ArchColumn).data().toString();
        EXPECT_EQ(model->index(h, InventoryModel::StateColumn).data().toString(), u"Connected"_s);
        EXPECT_GE(model->rowCount(host), 3) << "each demo host has several VMs";
        EXPECT_FALSE(model->index(h, InventoryModel::MemoryColumn).data().toString().isEmpty());
    }
    EXPECT_EQ(arches, (QStringList{u"x86_64"_s, u"ppc64le"_s, u"aarch64"_s, u"s390x"_s}));
}

TEST_F(InventoryModelTest, MarksEmulatedGuests)
{
    const QModelIndex ppcOnX86 = findVm(*model, u"ppc64le-ci"_s);
    ASSERT_TRUE(ppcOnX86.isValid());
    EXPECT_TRUE(ppcOnX86.data(InventoryModel::EmulatedRole).toBool());
    EXPECT_EQ(ppcOnX86.siblingAtColumn(InventoryModel::ArchColumn).data().toString(),
              u"ppc64le (emulated)"_s);
    const QModelIndex native = findVm(*model, u"power-db"_s);
    ASSERT_TRUE(native.isValid());
    EXPECT_FALSE(native.data(InventoryModel::EmulatedRole).toBool());
    EXPECT_EQ(native.siblingAtColumn(InventoryModel::ArchColumn).data().toString(), u"ppc64le"_s);
}

TEST_F(InventoryModelTest, ArchFilterKeepsOnlyThatArchsVms)
{
    InventoryFilterProxy proxy;
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.setSourceModel(model.get());
    proxy.setFilterText(u"arch:ppc64le"_s);
    int vms = 0;
    QStringList hosts;
    for (int h = 0; h < proxy.rowCount(); ++h) {
        const QModelIndex host = proxy.index(h, 0);
        hosts << host.data(InventoryModel::ArchRole).toString();
        for (int v = 0; v < proxy.rowCount(host); ++v) {
            EXPECT_EQ(proxy.index(v, 0, host).data(InventoryModel::ArchRole).toString(),
                      u"ppc64le"_s);
            ++vms;
        }
    }
    EXPECT_EQ(vms, 5) << "4 on the POWER9 host, 1 emulated on the x86_64 host";
    EXPECT_EQ(hosts, (QStringList{u"x86_64"_s, u"ppc64le"_s}));

    proxy.setFilterText(u"arch:s390x state:running"_s);
    int running = 0;
    for (int h = 0; h < proxy.rowCount(); ++h)
        running += proxy.rowCount(proxy.index(h, 0));
    EXPECT_EQ(running, 2);

    proxy.setFilterText(u"web"_s);
    QStringList names;
    for (int h = 0; h < proxy.rowCount(); ++h) {
        for (int v = 0; v < proxy.rowCount(proxy.index(h, 0)); ++v)
            names << proxy.index(v, 0, proxy.index(h, 0)).data().toString();
    }
    names.sort();
    EXPECT_EQ(names, (QStringList{u"arm-web-1"_s, u"arm-web-2"_s, u"web-01"_s}));
    proxy.setFilterText(u"colour:red"_s);
    EXPECT_EQ(proxy.unknownTerms(), QStringList{u"colour:red"_s});
}

TEST_F(InventoryModelTest, ActionsUpdateRowsInPlace)
{
    HostSession *x86 = datacenter.sessions().first();
    const QModelIndex vm = findVm(*model, u"legacy-win2k8"_s);
    ASSERT_TRUE(vm.isValid());
    const QPersistentModelIndex persistent(vm);
    const QString uuid = vm.data(InventoryModel::UuidRole).toString();
    const int rowsBefore = model->rowCount(vm.parent());
    x86->startDomain(uuid).waitForFinished();
    ASSERT_TRUE(crossvirt::test::waitUntil([&] {
        return persistent.data(InventoryModel::DomainStateRole).toInt() ==
               int(DomainState::Running);
    }));
    EXPECT_EQ(model->rowCount(persistent.parent()), rowsBefore) << "no rows were added or removed";
    x86->forceOffDomain(uuid).waitForFinished();
    ASSERT_TRUE(crossvirt::test::waitUntil([&] {
        return persistent.data(InventoryModel::DomainStateRole).toInt() ==
               int(DomainState::Shutoff);
    }));
}

TEST_F(InventoryModelTest, FailedActionsCarryLibvirtsMessage)
{
    HostSession *x86 = datacenter.sessions().first();
    const QModelIndex vm = findVm(*model, u"web-01"_s); // already running
    auto future = x86->startDomain(vm.data(InventoryModel::UuidRole).toString());
    try {
        future.waitForFinished();
        FAIL() << "starting a running VM must fail";
    } catch (const LibvirtError &e) {
        EXPECT_TRUE(e.text().contains(u"web-01"_s)) << e.text().toStdString();
        EXPECT_FALSE(e.message().isEmpty()) << "libvirt's own text is kept";
    }
}

TEST_F(InventoryModelTest, DeleteRemovesTheRowAndOptionallyTheVolumes)
{
    HostSession *x86 = datacenter.sessions().first();
    const QModelIndex vm = findVm(*model, u"riscv-lab"_s);
    ASSERT_TRUE(vm.isValid());
    const int before = model->rowCount(vm.parent());
    const QStringList problems =
        x86->deleteDomain(vm.data(InventoryModel::UuidRole).toString(), true).result();
    EXPECT_TRUE(problems.isEmpty()) << problems.join(u'\n').toStdString();
    ASSERT_TRUE(crossvirt::test::waitUntil(
        [&] { return model->rowCount(model->index(0, 0)) == before - 1; }));
    EXPECT_FALSE(findVm(*model, u"riscv-lab"_s).isValid());
    const bool volumeGone = runOnWorker(x86, [](virConnectPtr c) {
                                return !StorageVolHandle(virStorageVolLookupByPath(
                                    c, "/var/lib/libvirt/images/riscv-lab.qcow2"));
                            }).result();
    EXPECT_TRUE(volumeGone);
}

TEST_F(InventoryModelTest, RemovingAHostRemovesItsRows)
{
    datacenter.removeConnection(datacenter.sessions().at(1)->uri());
    EXPECT_EQ(model->rowCount(), 3);
    EXPECT_FALSE(findVm(*model, u"power-db"_s).isValid());
}
