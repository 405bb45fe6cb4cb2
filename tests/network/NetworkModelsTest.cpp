// The networks and leases tables under QAbstractItemModelTester: rows kept, inserted and
// removed by name as the host's list changes; leases with the VM's name.
#include "models/network/DhcpLeaseModel.h"
#include "models/network/NetworkListModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <gtest/gtest.h>

using namespace crossvirt::models;
using namespace Qt::StringLiterals;

namespace {
VirtualNetwork net(const QString &name, bool active)
{
    VirtualNetwork n;
    n.name = name;
    n.active = active;
    n.mode = NetworkMode::Isolated;
    return n;
}
} // namespace

TEST(NetworkListModel, ReloadsUpdateInPlaceInsertAndRemoveByName)
{
    NetworkListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setNetworks({net(u"a"_s, true), net(u"b"_s, false), net(u"c"_s, true)});
    ASSERT_EQ(model.rowCount(), 3);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setNetworks({net(u"c"_s, false), net(u"a"_s, true), net(u"d"_s, true)});
    EXPECT_EQ(removed.size(), 1) << "b is gone";
    EXPECT_EQ(inserted.size(), 1) << "d is new";
    EXPECT_EQ(reset.size(), 0) << "a selection in the view survives a reload";
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.index(model.rowOf(u"c"_s), NetworkListModel::ActiveColumn).data().toString(),
              u"Inactive"_s);
    EXPECT_EQ(model.index(model.rowOf(u"d"_s), 0).data(NetworkListModel::NameRole).toString(),
              u"d"_s);
    model.setNetworks({});
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(DhcpLeaseModel, ShowsTheVmOwningEachLease)
{
    DhcpLeaseModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    DhcpLease mine{u"52:54:00:aa:00:01"_s,
                   u"10.1.0.5/24"_s,
                   u"web1"_s,
                   {},
                   u"web1"_s,
                   QDateTime::fromSecsSinceEpoch(2000000000),
                   false};
    DhcpLease stranger{u"52:54:00:ff:ff:ff"_s, u"10.1.0.6/24"_s, {}, {}, {}, {}, false};
    model.setLeases({mine, stranger});
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.index(0, DhcpLeaseModel::VmColumn).data().toString(), u"web1"_s);
    EXPECT_EQ(model.index(0, DhcpLeaseModel::IpColumn).data().toString(), u"10.1.0.5/24"_s);
    EXPECT_FALSE(model.index(0, DhcpLeaseModel::ExpiryColumn).data().toString().isEmpty());
    EXPECT_EQ(model.index(1, DhcpLeaseModel::VmColumn).data().toString(),
              u"(not a VM of this host)"_s);
    model.setLeases({});
    EXPECT_EQ(model.rowCount(), 0);
}
