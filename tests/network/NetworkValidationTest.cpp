// What the New Network dialog, the CLI and the create job refuse before libvirt is asked.
#include "models/network/NetworkValidation.h"

#include <gtest/gtest.h>

using namespace crossvirt::models;
using namespace Qt::StringLiterals;

namespace {

VirtualNetwork existing(const QString &name, const QString &address, int prefix,
                        const QString &bridge)
{
    VirtualNetwork n;
    n.name = name;
    n.mode = NetworkMode::Nat;
    n.ipv4.address = address;
    n.ipv4.prefix = prefix;
    n.bridge = bridge;
    return n;
}

const QList<VirtualNetwork> kHost{existing(u"default"_s, u"192.168.122.1"_s, 24, u"virbr0"_s)};

NetworkSpec good()
{
    NetworkSpec s;
    s.name = u"lab"_s;
    s.mode = NetworkMode::Nat;
    s.ipv4 = u"10.30.0.0/24"_s;
    s.dhcpStart = u"10.30.0.2"_s;
    s.dhcpEnd = u"10.30.0.254"_s;
    return s;
}

/// The problems of `spec` on kHost as "field: text" lines.
QStringList problems(const NetworkSpec &spec)
{
    QStringList out;
    for (const NetworkProblem &p : validateNetworkSpec(spec, kHost))
        out << p.field + u": "_s + p.text;
    return out;
}

::testing::AssertionResult refused(const NetworkSpec &spec, const QString &field,
                                   const QString &needle)
{
    const QStringList list = problems(spec);
    for (const QString &p : list) {
        if (p.startsWith(field + u": "_s) && p.contains(needle))
            return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure()
           << "no " << field.toStdString() << " problem with \"" << needle.toStdString()
           << "\"; got: " << list.join(u" | "_s).toStdString();
}

} // namespace

TEST(NetworkValidation, AGoodSpecPasses)
{
    EXPECT_TRUE(problems(good()).isEmpty()) << problems(good()).join(u'\n').toStdString();
    NetworkSpec iso;
    iso.name = u"iso"_s;
    iso.mode = NetworkMode::Isolated; // no address at all is fine for isolated
    EXPECT_TRUE(problems(iso).isEmpty());
    NetworkSpec v6 = good();
    v6.ipv6 = u"fd00:30::/64"_s;
    v6.domainName = u"lab.example"_s;
    EXPECT_TRUE(problems(v6).isEmpty()) << problems(v6).join(u'\n').toStdString();
    EXPECT_TRUE(problems(defaultNatNetworkSpec()).size() > 0) << "default exists on kHost";
    EXPECT_TRUE(validateNetworkSpec(defaultNatNetworkSpec(), {}).isEmpty());
}

TEST(NetworkValidation, NamesEmptyWithSlashOrTaken)
{
    NetworkSpec s = good();
    s.name.clear();
    EXPECT_TRUE(refused(s, u"name"_s, u"name"_s));
    s.name = u"a/b"_s;
    EXPECT_TRUE(refused(s, u"name"_s, u"“/”"_s));
    s.name = u"default"_s;
    EXPECT_TRUE(refused(s, u"name"_s, u"already has a network called “default”"_s));
}

TEST(NetworkValidation, AddressesAndPrefixes)
{
    NetworkSpec s = good();
    s.ipv4 = u"10.30.0.0"_s;
    EXPECT_TRUE(refused(s, u"ipv4"_s, u"not an IPv4 network with a prefix"_s));
    s.ipv4 = u"10.300.0.0/24"_s;
    EXPECT_TRUE(refused(s, u"ipv4"_s, u"not an IPv4 network"_s));
    s.ipv4 = u"10.30.0.0/33"_s;
    EXPECT_TRUE(refused(s, u"ipv4"_s, u"not an IPv4 network"_s));
    s.ipv4 = u"10.30.0.0/31"_s;
    s.dhcpStart.clear();
    s.dhcpEnd.clear();
    EXPECT_TRUE(refused(s, u"ipv4"_s, u"/30 or shorter"_s));
    s.ipv4 = u"fd00::/64"_s;
    EXPECT_TRUE(refused(s, u"ipv4"_s, u"not an IPv4 network"_s));
    s.ipv4 = u"10.30.0.255/24"_s;
    EXPECT_TRUE(refused(s, u"ipv4"_s, u"broadcast"_s));
    s = good();
    s.ipv4.clear();
    EXPECT_TRUE(refused(s, u"ipv4"_s, u"needs an IPv4 network"_s));
    s = good();
    s.ipv6 = u"10.1.0.0/24"_s;
    EXPECT_TRUE(refused(s, u"ipv6"_s, u"not an IPv6 network"_s));
}

TEST(NetworkValidation, DhcpRangeInsideTheSubnet)
{
    NetworkSpec s = good();
    s.dhcpEnd = u"10.31.0.10"_s;
    EXPECT_TRUE(refused(s, u"dhcp"_s, u"10.31.0.10 is outside"_s));
    s = good();
    s.dhcpStart = u"10.30.0.0"_s; // the network address
    EXPECT_TRUE(refused(s, u"dhcp"_s, u"outside"_s));
    s = good();
    s.dhcpStart = u"10.30.0.200"_s;
    s.dhcpEnd = u"10.30.0.100"_s;
    EXPECT_TRUE(refused(s, u"dhcp"_s, u"starts (10.30.0.200) after it ends"_s));
    s = good();
    s.dhcpEnd.clear();
    EXPECT_TRUE(refused(s, u"dhcp"_s, u"both"_s));
    s = good();
    s.dhcpStart = u"10.30.0.1"_s; // the host's own address
    EXPECT_TRUE(refused(s, u"dhcp"_s, u"host's own address 10.30.0.1"_s));
}

TEST(NetworkValidation, OverlapsAndBridgesNameTheOtherNetwork)
{
    NetworkSpec s = good();
    s.ipv4 = u"192.168.0.0/16"_s;
    s.dhcpStart.clear();
    s.dhcpEnd.clear();
    EXPECT_TRUE(refused(s, u"ipv4"_s,
                        u"192.168.0.0/16 overlaps the network “default” "
                        u"(192.168.122.0/24)"_s));
    s.ipv4 = u"192.168.122.128/25"_s;
    EXPECT_TRUE(refused(s, u"ipv4"_s, u"overlaps the network “default”"_s));
    s = good();
    s.bridge = u"virbr0"_s;
    EXPECT_TRUE(refused(s, u"bridge"_s, u"virbr0 is already used by the network “default”"_s));
    s.bridge = u"a bridge"_s;
    EXPECT_TRUE(refused(s, u"bridge"_s, u"not a valid bridge name"_s));
}

TEST(NetworkValidation, BridgeModeNeedsABridgeAndNoAddresses)
{
    NetworkSpec s;
    s.name = u"lan"_s;
    s.mode = NetworkMode::Bridge;
    EXPECT_TRUE(refused(s, u"bridge"_s, u"existing bridge"_s));
    s.bridge = u"br0"_s;
    EXPECT_TRUE(problems(s).isEmpty());
    s.ipv4 = u"10.1.0.0/24"_s;
    EXPECT_TRUE(refused(s, u"ipv4"_s, u"leave IPv4"_s));
}

TEST(NetworkValidation, DomainName)
{
    NetworkSpec s = good();
    s.domainName = u"bad_domain!"_s;
    EXPECT_TRUE(refused(s, u"domain"_s, u"not a DNS domain name"_s));
}

TEST(NetworkValidation, SuggestedDhcpRange)
{
    EXPECT_EQ(suggestedDhcpRange(u"192.168.122.0/24"_s),
              (QPair<QString, QString>{u"192.168.122.2"_s, u"192.168.122.254"_s}));
    EXPECT_EQ(suggestedDhcpRange(u"10.0.0.0/16"_s),
              (QPair<QString, QString>{u"10.0.0.2"_s, u"10.0.255.254"_s}));
    EXPECT_EQ(suggestedDhcpRange(u"10.0.0.9/29"_s), // host .9: guests .10 – .14
              (QPair<QString, QString>{u"10.0.0.10"_s, u"10.0.0.14"_s}));
    EXPECT_TRUE(suggestedDhcpRange(u"nonsense"_s).first.isEmpty());
}
