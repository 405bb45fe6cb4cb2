// crossvirt-cli snapshot create|list|revert|delete, run as a user would against a
// test-driver host (tests/cli/data/snapshot-host.xml: "plain" with a tree of snapshots, a
// running UEFI aarch64 guest, a raw-disk guest, a shut-off UEFI guest). Every run is a fresh
// copy of that host, so what a command did is checked in its own JSON; a withheld mode or
// operation exits 1 with the arch's reason and prints nothing (the test driver would have
// done it: the refusal comes before libvirt).
#include "CliRunner.h"

#include <QJsonArray>
#include <QJsonObject>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using crossvirt::test::CliRun;
using crossvirt::test::expectRefused;
using crossvirt::test::runCli;
using crossvirt::test::testDriverHost;

namespace {

CliRun cli(const QStringList &args)
{
    return runCli(QStringList{u"snapshot"_s} + args +
                  QStringList{u"-c"_s, testDriverHost(u"tests/cli/data/snapshot-host.xml"_s)});
}

QStringList namesOf(const QJsonArray &array)
{
    QStringList out;
    for (const QJsonValue &v : array)
        out << v.toObject().value("name"_L1).toString();
    return out;
}

} // namespace

TEST(SnapshotCli, ListPrintsTheTreeWithTheCurrentOneMarked)
{
    const CliRun r = cli({u"list"_s, u"--vm"_s, u"plain"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QStringList lines = QString::fromLocal8Bit(r.out).split(u'\n');
    ASSERT_GE(lines.size(), 5);
    EXPECT_TRUE(lines[0].startsWith(u"NAME"_s));
    EXPECT_TRUE(lines[1].startsWith(u"base "_s)) << lines[1].toStdString();
    EXPECT_TRUE(lines[1].contains(u"Running, with memory"_s));
    EXPECT_TRUE(lines[2].startsWith(u"  offline "_s)) << lines[2].toStdString();
    EXPECT_TRUE(lines[2].contains(u"Shut off, disks"_s));
    EXPECT_TRUE(lines[3].startsWith(u"    later "_s)) << lines[3].toStdString();
    EXPECT_TRUE(lines[4].startsWith(u"  outside (current) "_s)) << lines[4].toStdString();
    EXPECT_TRUE(lines[4].contains(u"External, disks only"_s));
    // And what can be taken now.
    EXPECT_TRUE(r.out.contains("internal: yes")) << r.out.toStdString();
}

TEST(SnapshotCli, ListJsonCarriesTheTreeAndTheVerdicts)
{
    const CliRun r = cli({u"--vm"_s, u"plain"_s, u"--json"_s}); // list is the default
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonArray a = r.jsonArray();
    EXPECT_EQ(namesOf(a), (QStringList{u"base"_s, u"offline"_s, u"later"_s, u"outside"_s}));
    ASSERT_EQ(a.size(), 4);
    const QJsonObject base = a[0].toObject();
    EXPECT_TRUE(base.value("parent"_L1).isNull());
    EXPECT_EQ(base.value("state"_L1).toString(), u"running"_s);
    EXPECT_EQ(base.value("location"_L1).toString(), u"internal"_s);
    EXPECT_TRUE(base.value("with_memory"_L1).toBool());
    EXPECT_FALSE(base.value("current"_L1).toBool());
    EXPECT_EQ(base.value("children"_L1).toArray().size(), 2);
    EXPECT_TRUE(base.value("can_revert"_L1).toBool());
    const QJsonObject outside = a[3].toObject();
    EXPECT_EQ(outside.value("parent"_L1).toString(), u"base"_s);
    EXPECT_EQ(outside.value("location"_L1).toString(), u"external"_s);
    EXPECT_FALSE(outside.value("with_memory"_L1).toBool());
    EXPECT_TRUE(outside.value("current"_L1).toBool());
    EXPECT_FALSE(outside.value("can_revert"_L1).toBool());
    EXPECT_TRUE(outside.value("revert_reason"_L1).toString().contains(u"9.9"_s));
}

TEST(SnapshotCli, CreateTakesAnInternalSnapshotWithTheNextFreeName)
{
    const CliRun r = cli({u"create"_s, u"--vm"_s, u"plain"_s, u"--description"_s, u"pre"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject s = r.json();
    EXPECT_EQ(s.value("name"_L1).toString(), u"snapshot1"_s);
    EXPECT_EQ(s.value("description"_L1).toString(), u"pre"_s);
    EXPECT_EQ(s.value("location"_L1).toString(), u"internal"_s);
    EXPECT_TRUE(s.value("with_memory"_L1).toBool());
    EXPECT_TRUE(s.value("current"_L1).toBool());
    EXPECT_EQ(s.value("parent"_L1).toString(), u"outside"_s);
}

TEST(SnapshotCli, CreateRefusesATakenName)
{
    expectRefused(cli({u"create"_s, u"--vm"_s, u"plain"_s, u"--name"_s, u"base"_s}),
                  u"already has a snapshot named “base”"_s);
}

TEST(SnapshotCli, RunningUefiGuestInternalSnapshotIsRefusedWithTheArchsReason)
{
    expectRefused(cli({u"create"_s, u"--vm"_s, u"arm-uefi"_s}),
                  u"running aarch64 guest boots UEFI from pflash"_s);
}

TEST(SnapshotCli, RawDiskRefusesAnInternalSnapshot)
{
    expectRefused(cli({u"create"_s, u"--vm"_s, u"rawvm"_s}), u"qcow2"_s);
    // A shut-off guest has no memory to save.
    expectRefused(cli({u"create"_s, u"--vm"_s, u"rawvm"_s, u"--external"_s, u"--memory"_s}),
                  u"no memory state"_s);
}

TEST(SnapshotCli, ShutOffUefiGuestTakesAnInternalSnapshotWithTheNvramNote)
{
    const CliRun r = cli({u"create"_s, u"--vm"_s, u"efi-off"_s, u"--name"_s, u"cold"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.json().value("state"_L1).toString(), u"shutoff"_s);
    EXPECT_TRUE(r.err.contains(u"NVRAM"_s)) << r.err.toStdString();
}

TEST(SnapshotCli, RevertToAnExternalSnapshotIsRefusedOnLibvirt90)
{
    expectRefused(cli({u"revert"_s, u"--vm"_s, u"plain"_s, u"--name"_s, u"outside"_s}),
                  u"libvirt 9.9 or later"_s);
}

TEST(SnapshotCli, RevertToAShutOffSnapshotStopsTheGuest)
{
    const CliRun r = cli({u"revert"_s, u"--vm"_s, u"plain"_s, u"--name"_s, u"offline"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.json().value("reverted_to"_L1).toString(), u"offline"_s);
    EXPECT_FALSE(r.json().value("running"_L1).toBool());
    EXPECT_EQ(r.json().value("current"_L1).toString(), u"offline"_s);
}

TEST(SnapshotCli, DeleteWithChildrenDeletesTheSubtreeChildrenFirst)
{
    const CliRun r =
        cli({u"delete"_s, u"--vm"_s, u"plain"_s, u"--name"_s, u"offline"_s, u"--children"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.json().value("deleted"_L1).toArray(), (QJsonArray{u"later"_s, u"offline"_s}));
    expectRefused(cli({u"delete"_s, u"--vm"_s, u"plain"_s, u"--name"_s, u"nope"_s}),
                  u"no snapshot named “nope”"_s);
}

TEST(SnapshotCli, UsageErrorsExit64)
{
    EXPECT_EQ(cli({u"create"_s, u"--vm"_s, u"plain"_s, u"--memory"_s, u"--disk-only"_s}).exitCode,
              64);
    EXPECT_EQ(cli({u"delete"_s, u"--vm"_s, u"plain"_s}).exitCode, 64);  // no --name
    EXPECT_EQ(cli({u"revert"_s, u"--name"_s, u"base"_s}).exitCode, 64); // no --vm
    EXPECT_EQ(cli({u"list"_s, u"--children"_s}).exitCode, 64);
    EXPECT_EQ(cli({u"take"_s}).exitCode, 64);
    expectRefused(cli({u"create"_s, u"--vm"_s, u"no-such-vm"_s}), u"no-such-vm"_s);
}
