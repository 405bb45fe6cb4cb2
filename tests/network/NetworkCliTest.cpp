// crossvirt-cli network ... and vm-addresses against the test-driver host file (each run
// starts from the file's state): JSON out, 1 for refusals (before libvirt is asked),
// 2 for libvirt or host failures.
#include "cli/CliRunner.h"
#include "network/NetworkHost.h"

#include <QJsonArray>
#include <gtest/gtest.h>

using namespace crossvirt::test;
using namespace Qt::StringLiterals;

namespace {

QStringList host()
{
    return {u"--connect"_s, networkhost::hostUri()};
}

// Nothing listens there: a command that reached for the host would fail with exit 2.
const QStringList kNoHost{u"--connect"_s, u"qemu+tcp://127.0.0.1:1/system"_s};

QJsonArray array(const CliRun &r)
{
    return QJsonDocument::fromJson(r.out).array();
}

QJsonObject find(const QJsonArray &list, const QString &name)
{
    for (const auto &v : list) {
        if (v.toObject().value(u"name"_s).toString() == name)
            return v.toObject();
    }
    return {};
}

} // namespace

TEST(NetworkCli, ListsNetworksWithAddresses)
{
    const CliRun r = runCli(host() + QStringList{u"network"_s, u"list"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject def = find(array(r), u"default"_s);
    EXPECT_EQ(def.value(u"mode"_s).toString(), u"nat"_s);
    EXPECT_EQ(def.value(u"ipv4"_s).toString(), u"192.168.122.1/24"_s);
    EXPECT_EQ(def.value(u"dhcp_start"_s).toString(), u"192.168.122.2"_s);
    EXPECT_EQ(def.value(u"bridge"_s).toString(), u"virbr0"_s);
    EXPECT_TRUE(def.value(u"active"_s).toBool());
    EXPECT_EQ(find(array(r), u"lab"_s).value(u"mode"_s).toString(), u"isolated"_s);
}

TEST(NetworkCli, CreatesAnIsolatedNetworkWithDhcpAndIpv6)
{
    const CliRun r =
        runCli(host() + QStringList{u"network"_s, u"create"_s, u"--name"_s, u"n1"_s, u"--mode"_s,
                                    u"isolated"_s, u"--ipv4"_s, u"10.80.0.0/24"_s, u"--dhcp"_s,
                                    u"auto"_s, u"--ipv6"_s, u"fd00:80::/64"_s, u"--domain"_s,
                                    u"n1.example"_s, u"--autostart"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject o = r.json();
    EXPECT_EQ(o.value(u"name"_s).toString(), u"n1"_s);
    EXPECT_EQ(o.value(u"mode"_s).toString(), u"isolated"_s);
    EXPECT_EQ(o.value(u"ipv4"_s).toString(), u"10.80.0.1/24"_s);
    EXPECT_EQ(o.value(u"dhcp_start"_s).toString(), u"10.80.0.2"_s);
    EXPECT_EQ(o.value(u"dhcp_end"_s).toString(), u"10.80.0.254"_s);
    EXPECT_EQ(o.value(u"ipv6"_s).toString(), u"fd00:80::1/64"_s);
    EXPECT_EQ(o.value(u"domain"_s).toString(), u"n1.example"_s);
    EXPECT_TRUE(o.value(u"active"_s).toBool());
    EXPECT_TRUE(o.value(u"autostart"_s).toBool());
}

TEST(NetworkCli, BadInputIsRefusedBeforeAnyHostIsAsked)
{
    CliRun r = runCli(kNoHost + QStringList{u"network"_s, u"create"_s, u"--name"_s, u"a/b"_s,
                                            u"--mode"_s, u"isolated"_s});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(u"“/”"_s)) << r.err.toStdString();
    r = runCli(kNoHost + QStringList{u"network"_s, u"create"_s, u"--name"_s, u"x"_s, u"--ipv4"_s,
                                     u"10.1.0.0/24"_s, u"--dhcp"_s, u"10.2.0.1-10.2.0.9"_s});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(u"outside"_s)) << r.err.toStdString();
    r = runCli(kNoHost + QStringList{u"network"_s, u"create"_s, u"--name"_s, u"x"_s, u"--mode"_s,
                                     u"wormhole"_s});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(u"nat, route, isolated or bridge"_s)) << r.err.toStdString();
    // A good spec does reach for the host, which is not there.
    r = runCli(kNoHost + QStringList{u"network"_s, u"create"_s, u"--name"_s, u"x"_s, u"--mode"_s,
                                     u"isolated"_s},
               60000);
    EXPECT_EQ(r.exitCode, 2) << r.err.toStdString();
}

TEST(NetworkCli, RefusesAnOverlapNamingTheOtherNetwork)
{
    const CliRun r = runCli(host() + QStringList{u"network"_s, u"create"_s, u"--name"_s, u"x"_s,
                                                 u"--ipv4"_s, u"192.168.122.0/24"_s});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(u"overlaps the network “default”"_s)) << r.err.toStdString();
}

TEST(NetworkCli, DeleteRefusedWhileARunningVmUsesIt)
{
    CliRun r = runCli(host() + QStringList{u"network"_s, u"delete"_s, u"--name"_s, u"default"_s});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(u"used by running VMs: web1"_s)) << r.err.toStdString();
    r = runCli(host() + QStringList{u"network"_s, u"delete"_s, u"lab"_s});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.json().value(u"deleted"_s).toBool());
}

TEST(NetworkCli, StopStartAutostartAndMissingNetworks)
{
    CliRun r = runCli(host() + QStringList{u"network"_s, u"stop"_s, u"--name"_s, u"lab"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_FALSE(r.json().value(u"active"_s).toBool());
    r = runCli(host() + QStringList{u"network"_s, u"autostart"_s, u"--name"_s, u"lab"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.json().value(u"autostart"_s).toBool());
    r = runCli(host() + QStringList{u"network"_s, u"start"_s, u"--name"_s, u"nope"_s});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(u"no network called “nope”"_s)) << r.err.toStdString();
    r = runCli(host() + QStringList{u"network"_s, u"frobnicate"_s});
    EXPECT_EQ(r.exitCode, 64);
}

TEST(NetworkCli, LeasesFailWithLibvirtsTextOnADriverWithoutThem)
{
    const CliRun r =
        runCli(host() + QStringList{u"network"_s, u"leases"_s, u"--name"_s, u"default"_s});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(u"Could not read the DHCP leases of the network “default”"_s))
        << r.err.toStdString();
}

TEST(NetworkCli, VmAddressesPrintsEachNicsAddresses)
{
    CliRun r = runCli(host() + QStringList{u"vm-addresses"_s, u"--vm"_s, u"web1"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonArray nics = array(r);
    ASSERT_EQ(nics.size(), 1);
    const QJsonObject nic = nics[0].toObject();
    EXPECT_EQ(nic.value(u"mac"_s).toString(), u"52:54:00:aa:00:01"_s);
    EXPECT_TRUE(nic.value(u"addresses"_s).toArray().at(0).toString().startsWith(u"192.168.122."_s));
    r = runCli(host() + QStringList{u"vm-addresses"_s, u"--vm"_s, u"db1"_s});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(u"not running"_s)) << r.err.toStdString();
    r = runCli(host() + QStringList{u"vm-addresses"_s, u"--vm"_s, u"nope"_s});
    EXPECT_EQ(r.exitCode, 1);
    // Without --vm: every running VM (db1 is shut off).
    r = runCli(host() + QStringList{u"vm-addresses"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    ASSERT_EQ(array(r).size(), 1);
    EXPECT_EQ(array(r)[0].toObject().value(u"vm"_s).toString(), u"web1"_s);
}
