// Network XML as libvirt writes it (netmask or prefix, <forward/> without a mode) and as
// Crossvirt writes it for each mode of the New Network dialog.
#include "models/network/NetworkXml.h"

#include <gtest/gtest.h>

using namespace crossvirt::models;
using namespace Qt::StringLiterals;

TEST(NetworkXml, ReadsLibvirtsDefaultNetwork)
{
    const VirtualNetwork n = parseNetworkXml(R"(<network>
  <name>default</name>
  <uuid>dd8fe884-6c02-601e-7551-cca97df1c5df</uuid>
  <forward mode='nat'/>
  <bridge name='virbr0' stp='on' delay='0'/>
  <ip address='192.168.122.1' netmask='255.255.255.0'>
    <dhcp><range start='192.168.122.2' end='192.168.122.254'/></dhcp>
  </ip>
</network>)");
    EXPECT_EQ(n.name, u"default"_s);
    EXPECT_EQ(n.mode, NetworkMode::Nat);
    EXPECT_EQ(n.bridge, u"virbr0"_s);
    EXPECT_EQ(n.ipv4.cidr(), u"192.168.122.1/24"_s);
    EXPECT_EQ(n.ipv4.dhcpStart, u"192.168.122.2"_s);
    EXPECT_EQ(n.ipv4.dhcpEnd, u"192.168.122.254"_s);
    EXPECT_FALSE(n.ipv6.isValid());
}

TEST(NetworkXml, ForwardWithoutModeIsNatAndNoForwardIsIsolated)
{
    EXPECT_EQ(parseNetworkXml("<network><name>a</name><forward/></network>").mode,
              NetworkMode::Nat);
    EXPECT_EQ(parseNetworkXml("<network><name>a</name></network>").mode, NetworkMode::Isolated);
    const VirtualNetwork open =
        parseNetworkXml("<network><name>a</name><forward mode='open'/></network>");
    EXPECT_EQ(open.mode, NetworkMode::Other);
    EXPECT_EQ(open.modeId, u"open"_s);
}

TEST(NetworkXml, SpecRoundTripsForEveryMode)
{
    NetworkSpec nat;
    nat.name = u"lab"_s;
    nat.mode = NetworkMode::Nat;
    nat.ipv4 = u"10.20.0.0/24"_s; // the network address: the host takes .1
    nat.dhcpStart = u"10.20.0.100"_s;
    nat.dhcpEnd = u"10.20.0.200"_s;
    nat.ipv6 = u"fd00:20::/64"_s;
    nat.domainName = u"lab.example"_s;
    nat.bridge = u"virbr20"_s;
    VirtualNetwork n = parseNetworkXml(networkSpecXml(nat));
    EXPECT_EQ(n.name, u"lab"_s);
    EXPECT_EQ(n.mode, NetworkMode::Nat);
    EXPECT_EQ(n.ipv4.cidr(), u"10.20.0.1/24"_s);
    EXPECT_EQ(n.ipv4.dhcpText(), u"10.20.0.100 – 10.20.0.200"_s);
    EXPECT_EQ(n.ipv6.cidr(), u"fd00:20::1/64"_s);
    EXPECT_EQ(n.domainName, u"lab.example"_s);
    EXPECT_EQ(n.bridge, u"virbr20"_s);

    NetworkSpec routed = nat;
    routed.mode = NetworkMode::Route;
    routed.ipv4 = u"10.20.0.5/24"_s; // a host address: kept as given
    n = parseNetworkXml(networkSpecXml(routed));
    EXPECT_EQ(n.mode, NetworkMode::Route);
    EXPECT_EQ(n.ipv4.cidr(), u"10.20.0.5/24"_s);

    NetworkSpec isolated;
    isolated.name = u"iso"_s;
    isolated.mode = NetworkMode::Isolated;
    const QByteArray isoXml = networkSpecXml(isolated);
    EXPECT_FALSE(isoXml.contains("<forward")) << isoXml.constData();
    EXPECT_EQ(parseNetworkXml(isoXml).mode, NetworkMode::Isolated);

    NetworkSpec bridged;
    bridged.name = u"lan"_s;
    bridged.mode = NetworkMode::Bridge;
    bridged.bridge = u"br0"_s;
    n = parseNetworkXml(networkSpecXml(bridged));
    EXPECT_EQ(n.mode, NetworkMode::Bridge);
    EXPECT_EQ(n.bridge, u"br0"_s);
    EXPECT_FALSE(n.ipv4.isValid());
}
