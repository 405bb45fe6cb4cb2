// crossvirt-cli migrate-check / migrate on test-driver hosts: the demo x86_64 and ppc64le
// hosts, x86-b (web-01's disk and network: it can take web-01), x86-c (no network, no pool)
// and a host that cannot be reached. The test driver cannot migrate, so `migrate` to an
// allowed host proves the path up to libvirt's own refusal (exit 2, VM still on its host).
#include "CliRunner.h"

using namespace Qt::StringLiterals;
using crossvirt::test::runCli;
using crossvirt::test::testDriverHost;

namespace {

const QString kX86 = testDriverHost(u"resources/demo/demo-x86_64.xml"_s);
const QString kPower = testDriverHost(u"resources/demo/demo-ppc64le.xml"_s);
const QString kB = testDriverHost(u"tests/migration/data/x86-b.xml"_s);
const QString kC = testDriverHost(u"tests/migration/data/x86-c.xml"_s);
const QString kGone = u"test:///nowhere/unreachable-host.xml"_s;

QStringList hosts(const QStringList &more)
{
    QStringList args{u"-c"_s, kX86, u"-c"_s, kPower, u"-c"_s, kB, u"-c"_s, kC, u"-c"_s, kGone};
    return args + more;
}

QJsonObject host(const QJsonObject &check, const QString &uri)
{
    for (const QJsonValue &h : check.value(u"hosts"_s).toArray()) {
        if (h.toObject().value(u"uri"_s).toString() == uri)
            return h.toObject();
    }
    return {};
}

QString reasons(const QJsonObject &h)
{
    QStringList lines;
    for (const QJsonValue &v : h.value(u"reasons"_s).toArray())
        lines << v.toString();
    return lines.join(u'\n');
}

} // namespace

TEST(MigrationCli, CheckListsEveryOtherHostWithReasons)
{
    const auto r =
        runCli(hosts({u"migrate-check"_s, u"--vm"_s, u"web-01"_s, u"--timeout"_s, u"10"_s}));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject check = r.json();
    EXPECT_EQ(check.value(u"vm"_s).toString(), u"web-01"_s);
    EXPECT_EQ(check.value(u"source"_s).toString(), kX86);
    EXPECT_EQ(check.value(u"hosts"_s).toArray().size(), 4);

    const QJsonObject b = host(check, kB);
    EXPECT_TRUE(b.value(u"possible"_s).toBool()) << reasons(b).toStdString();
    EXPECT_TRUE(b.value(u"storageShared"_s).toBool());
    EXPECT_TRUE(b.value(u"reasons"_s).toArray().isEmpty());

    const QJsonObject power = host(check, kPower);
    EXPECT_FALSE(power.value(u"possible"_s).toBool());
    EXPECT_TRUE(reasons(power).contains(u"x86_64"_s)) << reasons(power).toStdString();

    const QJsonObject c = host(check, kC);
    EXPECT_FALSE(c.value(u"possible"_s).toBool());
    EXPECT_TRUE(reasons(c).contains(u"no network “default”"_s)) << reasons(c).toStdString();
    EXPECT_TRUE(reasons(c).contains(u"choose Copy storage"_s)) << reasons(c).toStdString();

    const QJsonObject gone = host(check, kGone);
    EXPECT_FALSE(gone.value(u"connected"_s).toBool());
    EXPECT_TRUE(reasons(gone).contains(u"Not connected"_s)) << reasons(gone).toStdString();
}

TEST(MigrationCli, CopyStorageTakesTheStorageReasonAway)
{
    const auto r = runCli(hosts({u"migrate-check"_s, u"--vm"_s, u"db-01"_s, u"--copy-storage"_s}));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject b = host(r.json(), kB);
    EXPECT_FALSE(b.value(u"storageShared"_s).toBool());
    EXPECT_FALSE(reasons(b).contains(u"Storage"_s)) << reasons(b).toStdString();
    EXPECT_EQ(b.value(u"disksToCopy"_s).toArray(), QJsonArray{u"sda"_s});
}

TEST(MigrationCli, RefusedDestinationExitsOneWithTheReasonsBeforeLibvirt)
{
    const auto r = runCli(hosts({u"migrate"_s, u"--vm"_s, u"web-01"_s, u"--to"_s, kPower}));
    crossvirt::test::expectRefused(r, u"Native (KVM)"_s);
    EXPECT_TRUE(r.err.contains(u"Cannot move “web-01”"_s)) << r.err.toStdString();
    // libvirt was not asked: its "not supported" would name virDomainMigrate3.
    EXPECT_FALSE(r.err.contains(u"virDomainMigrate"_s)) << r.err.toStdString();
}

TEST(MigrationCli, CopyStorageThroughATunnelIsRefused)
{
    const auto r = runCli(hosts({u"migrate"_s, u"--vm"_s, u"db-01"_s, u"--to"_s, kB,
                                 u"--copy-storage"_s, u"--tunnelled"_s}));
    crossvirt::test::expectRefused(r, u"tunnelled"_s);
    EXPECT_TRUE(r.err.contains(u"sda"_s)) << r.err.toStdString();
}

TEST(MigrationCli, LibvirtFailureExitsTwoNamingWhereTheVmIs)
{
    const auto r = runCli(
        hosts({u"migrate"_s, u"--vm"_s, u"web-01"_s, u"--to"_s, kB, u"--bandwidth"_s, u"50"_s}));
    EXPECT_EQ(r.exitCode, 2) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"Could not move “web-01”"_s)) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"not supported"_s)) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"It is still running on"_s)) << r.err.toStdString();
    EXPECT_TRUE(r.out.isEmpty());
}

TEST(MigrationCli, UsageErrors)
{
    EXPECT_EQ(runCli(hosts({u"migrate"_s, u"--vm"_s, u"web-01"_s})).exitCode, 64)
        << "--to is required";
    EXPECT_EQ(
        runCli(hosts({u"migrate-check"_s, u"--vm"_s, u"web-01"_s, u"--live"_s, u"--offline"_s}))
            .exitCode,
        64);
    EXPECT_EQ(runCli(hosts({u"migrate"_s, u"--vm"_s, u"web-01"_s, u"--to"_s, kB, u"--bandwidth"_s,
                            u"fast"_s}))
                  .exitCode,
              64);
    const auto missing = runCli(hosts({u"migrate-check"_s, u"--vm"_s, u"no-such-vm"_s}));
    EXPECT_NE(missing.exitCode, 0);
    EXPECT_TRUE(missing.err.contains(u"no-such-vm"_s)) << missing.err.toStdString();
}
