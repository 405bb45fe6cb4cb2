// The network jobs on a test-driver host (in-process libvirt): round trips, refusals that
// change nothing, delete refused while a running VM uses the network, NIC addresses.
#include "network/NetworkHost.h"

#include "models/connection/HostSession.h"
#include "models/network/HostNetworks.h"
#include "models/network/NetworkListModel.h"
#include "models/network/NetworkValidation.h"

#include <QAbstractItemModelTester>
#include <gtest/gtest.h>

using namespace crossvirt::models;
using namespace crossvirt::test::networkhost;
using namespace Qt::StringLiterals;

namespace {

class HostNetworksTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        session.open();
        ASSERT_TRUE(crossvirt::test::waitUntil([&] { return session.domains().size() == 2; }));
    }

    QList<VirtualNetwork> networks() { return HostNetworks::list(&session).result(); }

    std::optional<VirtualNetwork> network(const QString &name)
    {
        for (const VirtualNetwork &n : networks()) {
            if (n.name == name)
                return n;
        }
        return std::nullopt;
    }

    /// The refusal's text of a job that must be refused.
    template<typename T> QString refusal(QFuture<T> future)
    {
        try {
            future.waitForFinished();
        } catch (const NetworkRefused &e) {
            return e.text();
        } catch (...) {
            return u"not a refusal: "_s + errorText(std::current_exception());
        }
        return u"not refused"_s;
    }

    HostSession session{hostUri()};
};

QStringList names(const QList<VirtualNetwork> &list)
{
    QStringList out;
    for (const VirtualNetwork &n : list)
        out << n.name;
    out.sort();
    return out;
}

} // namespace

TEST_F(HostNetworksTest, ListsEveryNetworkWithItsAddresses)
{
    const auto def = network(u"default"_s);
    ASSERT_TRUE(def);
    EXPECT_EQ(def->mode, NetworkMode::Nat);
    EXPECT_EQ(def->bridge, u"virbr0"_s);
    EXPECT_EQ(def->ipv4.cidr(), u"192.168.122.1/24"_s);
    EXPECT_EQ(def->ipv4.dhcpText(), u"192.168.122.2 – 192.168.122.254"_s);
    EXPECT_TRUE(def->active);
    EXPECT_TRUE(def->persistent);
    const auto lab = network(u"lab"_s);
    ASSERT_TRUE(lab);
    EXPECT_EQ(lab->mode, NetworkMode::Isolated);
    EXPECT_EQ(lab->domainName, u"lab.example"_s);
    EXPECT_EQ(lab->ipv4.cidr(), u"10.10.0.1/24"_s);
}

TEST_F(HostNetworksTest, CreateStartStopAutostartDeleteRoundTrip)
{
    NetworkListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setNetworks(networks());
    ASSERT_EQ(model.rowCount(), 2);

    NetworkSpec spec;
    spec.name = u"nat2"_s;
    spec.mode = NetworkMode::Nat;
    spec.ipv4 = u"10.40.0.0/24"_s;
    spec.dhcpStart = u"10.40.0.10"_s;
    spec.dhcpEnd = u"10.40.0.99"_s;
    spec.ipv6 = u"fd00:40::/64"_s;
    spec.domainName = u"nat2.example"_s;
    spec.autostart = true;
    const VirtualNetwork created = HostNetworks::create(&session, spec).result();
    EXPECT_EQ(created.name, u"nat2"_s);
    EXPECT_TRUE(created.active);
    EXPECT_TRUE(created.autostart);
    EXPECT_EQ(created.ipv4.cidr(), u"10.40.0.1/24"_s);
    EXPECT_EQ(created.ipv6.cidr(), u"fd00:40::1/64"_s);

    model.setNetworks(networks());
    const int row = model.rowOf(u"nat2"_s);
    ASSERT_GE(row, 0);
    EXPECT_EQ(model.index(row, NetworkListModel::ModeColumn).data().toString(), u"NAT"_s);
    EXPECT_EQ(model.index(row, NetworkListModel::Ipv4Column).data().toString(), u"10.40.0.1/24"_s);
    EXPECT_EQ(model.index(row, NetworkListModel::Ipv6Column).data().toString(), u"fd00:40::1/64"_s);
    EXPECT_EQ(model.index(row, NetworkListModel::DhcpColumn).data().toString(),
              u"10.40.0.10 – 10.40.0.99"_s);
    EXPECT_EQ(model.index(row, NetworkListModel::ActiveColumn).data().toString(), u"Active"_s);
    EXPECT_EQ(model.index(row, NetworkListModel::AutostartColumn).data().toString(), u"Yes"_s);

    HostNetworks::stop(&session, u"nat2"_s).waitForFinished();
    EXPECT_FALSE(network(u"nat2"_s)->active);
    HostNetworks::setAutostart(&session, u"nat2"_s, false).waitForFinished();
    EXPECT_FALSE(network(u"nat2"_s)->autostart);
    HostNetworks::start(&session, u"nat2"_s).waitForFinished();
    EXPECT_TRUE(network(u"nat2"_s)->active);
    model.setNetworks(networks());
    EXPECT_EQ(
        model.index(model.rowOf(u"nat2"_s), NetworkListModel::AutostartColumn).data().toString(),
        u"No"_s);

    HostNetworks::remove(&session, u"nat2"_s).waitForFinished();
    EXPECT_FALSE(network(u"nat2"_s));
    model.setNetworks(networks());
    EXPECT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.rowOf(u"nat2"_s), -1);
}

TEST_F(HostNetworksTest, CreatesRoutedIsolatedAndBridgeNetworks)
{
    NetworkSpec routed;
    routed.name = u"routed"_s;
    routed.mode = NetworkMode::Route;
    routed.ipv4 = u"10.50.0.0/24"_s;
    EXPECT_EQ(HostNetworks::create(&session, routed).result().mode, NetworkMode::Route);

    NetworkSpec isolated;
    isolated.name = u"iso"_s;
    isolated.mode = NetworkMode::Isolated;
    isolated.ipv4 = u"10.60.0.0/24"_s;
    isolated.dhcpStart = u"10.60.0.2"_s;
    isolated.dhcpEnd = u"10.60.0.254"_s;
    isolated.start = false;
    const VirtualNetwork iso = HostNetworks::create(&session, isolated).result();
    EXPECT_EQ(iso.mode, NetworkMode::Isolated);
    EXPECT_FALSE(iso.active) << "--no-start defines it only";

    NetworkSpec bridged;
    bridged.name = u"lan"_s;
    bridged.mode = NetworkMode::Bridge;
    bridged.bridge = u"br0"_s;
    const VirtualNetwork lan = HostNetworks::create(&session, bridged).result();
    EXPECT_EQ(lan.mode, NetworkMode::Bridge);
    EXPECT_EQ(lan.bridge, u"br0"_s);
    EXPECT_EQ(names(networks()),
              (QStringList{u"default"_s, u"iso"_s, u"lab"_s, u"lan"_s, u"routed"_s}));
}

TEST_F(HostNetworksTest, RefusedSpecsChangeNothing)
{
    const QList<VirtualNetwork> before = networks();
    NetworkSpec overlap;
    overlap.name = u"clash"_s;
    overlap.mode = NetworkMode::Nat;
    overlap.ipv4 = u"192.168.122.0/25"_s;
    EXPECT_TRUE(refusal(HostNetworks::create(&session, overlap))
                    .contains(u"overlaps the network “default”"_s));

    NetworkSpec bridge;
    bridge.name = u"clash"_s;
    bridge.mode = NetworkMode::Isolated;
    bridge.bridge = u"virbr7"_s;
    EXPECT_TRUE(refusal(HostNetworks::create(&session, bridge))
                    .contains(u"virbr7 is already used by the network “lab”"_s));

    NetworkSpec slash;
    slash.name = u"a/b"_s;
    slash.mode = NetworkMode::Isolated;
    EXPECT_TRUE(refusal(HostNetworks::create(&session, slash)).contains(u"“/”"_s));

    NetworkSpec dhcp;
    dhcp.name = u"clash"_s;
    dhcp.mode = NetworkMode::Isolated;
    dhcp.ipv4 = u"10.70.0.0/24"_s;
    dhcp.dhcpStart = u"10.70.0.10"_s;
    dhcp.dhcpEnd = u"10.71.0.10"_s;
    EXPECT_TRUE(refusal(HostNetworks::create(&session, dhcp)).contains(u"outside"_s));

    EXPECT_EQ(names(networks()), names(before));
}

TEST_F(HostNetworksTest, DeleteIsRefusedWhileARunningVmUsesItNamingIt)
{
    const QString text = refusal(HostNetworks::remove(&session, u"default"_s));
    EXPECT_TRUE(text.contains(u"running VMs: web1."_s)) << text.toStdString();
    EXPECT_FALSE(text.contains(u"db1"_s)) << "db1 is shut off";
    ASSERT_TRUE(network(u"default"_s));
    EXPECT_TRUE(network(u"default"_s)->active) << "a refusal stops nothing";
    EXPECT_EQ(HostNetworks::runningVmsUsing(&session, u"default"_s).result(),
              QStringList{u"web1"_s});

    // Once web1 is off, it goes.
    session.forceOffDomain(kWeb1).waitForFinished();
    HostNetworks::remove(&session, u"default"_s).waitForFinished();
    EXPECT_FALSE(network(u"default"_s));
}

TEST_F(HostNetworksTest, CreatesTheDefaultNatNetworkLibvirtShips)
{
    session.forceOffDomain(kWeb1).waitForFinished();
    HostNetworks::remove(&session, u"default"_s).waitForFinished();
    ASSERT_FALSE(hasDefaultNetwork(networks()));
    const VirtualNetwork def = HostNetworks::createDefault(&session).result();
    EXPECT_EQ(def.name, u"default"_s);
    EXPECT_EQ(def.mode, NetworkMode::Nat);
    EXPECT_EQ(def.bridge, u"virbr0"_s);
    EXPECT_EQ(def.ipv4.cidr(), u"192.168.122.1/24"_s);
    EXPECT_EQ(def.ipv4.dhcpText(), u"192.168.122.2 – 192.168.122.254"_s);
    EXPECT_TRUE(def.active);
    EXPECT_TRUE(def.autostart);
    // A second time it is refused, naming what exists.
    EXPECT_TRUE(refusal(HostNetworks::createDefault(&session))
                    .contains(u"already has a network called “default”"_s));
}

TEST_F(HostNetworksTest, ActionsOnAMissingNetworkSayWhatFailed)
{
    try {
        HostNetworks::start(&session, u"nope"_s).waitForFinished();
        FAIL() << "started a network that does not exist";
    } catch (const LibvirtError &e) {
        EXPECT_TRUE(e.text().startsWith(u"Could not start the network “nope”: "_s))
            << e.text().toStdString();
    }
}

TEST_F(HostNetworksTest, LeasesFailWithLibvirtsTextWhereTheDriverHasNone)
{
    // The test driver has no DHCP server; the real one is read in the e2e test.
    try {
        HostNetworks::leases(&session, u"default"_s).waitForFinished();
        FAIL() << "the test driver has leases now: test them here";
    } catch (const LibvirtError &e) {
        EXPECT_TRUE(e.text().startsWith(u"Could not read the DHCP leases of the network "
                                        u"“default”: "_s))
            << e.text().toStdString();
    }
}

TEST_F(HostNetworksTest, NicAddressesOfARunningVmPerMac)
{
    const QList<NicAddresses> nics = HostNetworks::nicAddresses(&session, kWeb1).result();
    ASSERT_EQ(nics.size(), 1);
    EXPECT_EQ(nics[0].mac, u"52:54:00:aa:00:01"_s);
    ASSERT_FALSE(nics[0].addresses.isEmpty());
    EXPECT_TRUE(nics[0].addresses[0].startsWith(u"192.168.122."_s))
        << nics[0].addresses.join(u", "_s).toStdString();
    EXPECT_EQ(nics[0].sources, QStringList{u"lease"_s});
    EXPECT_TRUE(HostNetworks::nicAddresses(&session, kDb1).result().isEmpty())
        << "a shut-off VM has no addresses";
}
