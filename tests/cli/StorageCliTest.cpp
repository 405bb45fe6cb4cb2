// crossvirt-cli pool ... and volume ..., run as a separate process against the libvirt
// test driver (each run is a fresh test:///default): JSON on stdout, reasons on stderr,
// exit 1 for a refusal made before libvirt is called, 64 for bad usage.
#include "CliRunner.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using crossvirt::test::CliRun;
using crossvirt::test::runCli;

namespace {

const QString kTest = u"test:///default"_s;

QString sharedVolumeHost()
{
    return u"test://"_s + qEnvironmentVariable("CROSSVIRT_SOURCE_DIR") +
           u"/tests/models/data/shared-volume.xml"_s;
}

CliRun cli(const QString &uri, const QStringList &args)
{
    return runCli(QStringList{u"--connect"_s, uri} + args);
}

QJsonArray jsonArray(const CliRun &r)
{
    return QJsonDocument::fromJson(r.out).array();
}

} // namespace

TEST(StorageCli, PoolListShowsTheTestDriversPool)
{
    const CliRun r = cli(kTest, {u"pool"_s, u"list"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonArray pools = jsonArray(r);
    ASSERT_EQ(pools.size(), 1);
    const QJsonObject p = pools.first().toObject();
    EXPECT_EQ(p.value(u"name"_s).toString(), u"default-pool"_s);
    EXPECT_EQ(p.value(u"state"_s).toString(), u"active"_s);
    EXPECT_EQ(p.value(u"type"_s).toString(), u"dir"_s);
    EXPECT_GT(p.value(u"available_bytes"_s).toDouble(), 0);
}

TEST(StorageCli, PoolCreateMakesAnActiveAutostartPool)
{
    QTemporaryDir dir;
    const CliRun r = cli(kTest, {u"pool"_s, u"create"_s, u"--name"_s, u"scratch"_s, u"--type"_s,
                                 u"dir"_s, u"--target"_s, dir.path(), u"--autostart"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject p = r.json();
    EXPECT_EQ(p.value(u"name"_s).toString(), u"scratch"_s);
    EXPECT_EQ(p.value(u"state"_s).toString(), u"active"_s);
    EXPECT_TRUE(p.value(u"autostart"_s).toBool());
    EXPECT_EQ(p.value(u"path"_s).toString(), dir.path());
}

TEST(StorageCli, PoolCreateRefusesAMissingDirectory)
{
    const CliRun r = cli(kTest, {u"pool"_s, u"create"_s, u"--name"_s, u"p"_s, u"--target"_s,
                                 u"/nonexistent/crossvirt/images"_s});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(u"/nonexistent/crossvirt/images does not exist"_s))
        << r.err.toStdString();
    EXPECT_TRUE(r.out.isEmpty());
}

TEST(StorageCli, PoolActionsAndUsageErrors)
{
    CliRun r = cli(kTest, {u"pool"_s, u"stop"_s, u"--name"_s, u"default-pool"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.json().value(u"state"_s).toString(), u"inactive"_s);

    r = cli(kTest, {u"pool"_s, u"autostart"_s, u"--name"_s, u"default-pool"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.json().value(u"autostart"_s).toBool());

    r = cli(kTest, {u"pool"_s, u"delete"_s, u"--name"_s, u"default-pool"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.json().value(u"deleted"_s).toBool());

    r = cli(kTest, {u"pool"_s, u"start"_s, u"--name"_s, u"nope"_s});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(u"no storage pool “nope”"_s)) << r.err.toStdString();

    EXPECT_EQ(cli(kTest, {u"pool"_s, u"start"_s}).exitCode, 64) << "--name is required";
    EXPECT_EQ(cli(kTest, {u"pool"_s, u"explode"_s}).exitCode, 64);
    EXPECT_EQ(cli(kTest, {u"pool"_s}).exitCode, 64);
    r = cli(kTest, {u"pool"_s, u"create"_s, u"--help"_s});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_TRUE(r.out.contains("--source-host")) << r.out.toStdString();
}

TEST(StorageCli, VolumeCreateCloneAndRefusals)
{
    CliRun r = cli(kTest, {u"volume"_s, u"create"_s, u"--pool"_s, u"default-pool"_s, u"--name"_s,
                           u"disk.qcow2"_s, u"--size"_s, u"512M"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.json().value(u"capacity_bytes"_s).toDouble(), 512.0 * 1024 * 1024);
    EXPECT_EQ(r.json().value(u"format"_s).toString(), u"qcow2"_s);
    EXPECT_EQ(r.json().value(u"path"_s).toString(), u"/default-pool/disk.qcow2"_s);

    r = cli(kTest, {u"volume"_s, u"create"_s, u"--pool"_s, u"default-pool"_s, u"--name"_s, u"a/b"_s,
                    u"--size"_s, u"1"_s});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(u"/"_s)) << r.err.toStdString();

    r = cli(kTest, {u"volume"_s, u"create"_s, u"--pool"_s, u"default-pool"_s, u"--name"_s,
                    u"huge"_s, u"--size"_s, u"5T"_s});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(u"free space"_s)) << r.err.toStdString();

    r = cli(kTest, {u"volume"_s, u"create"_s, u"--pool"_s, u"default-pool"_s, u"--name"_s, u"x"_s,
                    u"--size"_s, u"lots"_s});
    EXPECT_EQ(r.exitCode, 64);
    r = cli(kTest, {u"volume"_s, u"create"_s, u"--pool"_s, u"nope"_s, u"--name"_s, u"x"_s,
                    u"--size"_s, u"1"_s});
    EXPECT_EQ(r.exitCode, 1);
}

TEST(StorageCli, VolumesOfAHostWithVmsSayWhoUsesThemAndDeleteIsRefused)
{
    const QString host = sharedVolumeHost();
    CliRun r = cli(host, {u"volume"_s, u"list"_s, u"--pool"_s, u"default"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    bool found = false;
    for (const QJsonValue &v : jsonArray(r)) {
        if (v.toObject().value(u"name"_s).toString() == "shared-data.qcow2"_L1) {
            found = true;
            EXPECT_EQ(v.toObject().value(u"used_by"_s).toArray(),
                      (QJsonArray{u"app-a"_s, u"app-b"_s}));
        }
    }
    EXPECT_TRUE(found);

    r = cli(host, {u"volume"_s, u"delete"_s, u"--pool"_s, u"default"_s, u"--name"_s,
                   u"shared-data.qcow2"_s});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(u"used by app-a, app-b"_s)) << r.err.toStdString();

    r = cli(host, {u"volume"_s, u"resize"_s, u"--pool"_s, u"default"_s, u"--name"_s,
                   u"app-a.qcow2"_s, u"--size"_s, u"5G"_s});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(u"only grow"_s)) << r.err.toStdString();

    r = cli(host, {u"volume"_s, u"clone"_s, u"--pool"_s, u"default"_s, u"--from"_s,
                   u"app-a.qcow2"_s, u"--name"_s, u"app-c.qcow2"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.json().value(u"name"_s).toString(), u"app-c.qcow2"_s);
    EXPECT_EQ(r.json().value(u"capacity_bytes"_s).toDouble(), 10.0 * (1 << 30));

    r = cli(host, {u"pool"_s, u"delete"_s, u"--name"_s, u"default"_s, u"--delete-volumes"_s});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(u"app-a"_s)) << r.err.toStdString();
}
