// crossvirt-cli edit / add-device / remove-device / change-media / dumpxml, run as a user
// would against a test-driver host (tests/cli/data/edit-host.xml: shut-off and running
// x86_64, ppc64le and aarch64 guests). Every run is a fresh copy of that host, so a change
// is checked in what the command read back from the host after applying it (its JSON
// "config"), and a refusal by exit 1, the arch's reason on stderr and nothing on stdout:
// the command stops before anything is sent to libvirt.
#include "CliRunner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using crossvirt::test::CliRun;
using crossvirt::test::expectRefused;
using crossvirt::test::runCli;
using crossvirt::test::testDriverHost;

namespace {

QString editHost()
{
    return testDriverHost(u"tests/cli/data/edit-host.xml"_s);
}

CliRun cli(const QStringList &args)
{
    return runCli(QStringList{u"--connect"_s, editHost()} + args);
}

QJsonObject config(const CliRun &r)
{
    return r.json().value(u"config"_s).toObject();
}

/// The devices of `kind` in a config JSON.
QJsonArray devicesOf(const QJsonObject &config, const QString &kind)
{
    QJsonArray out;
    for (const QJsonValue &d : config.value(u"devices"_s).toArray()) {
        if (d.toObject().value(u"kind"_s).toString() == kind)
            out.append(d);
    }
    return out;
}

QJsonObject device(const QJsonObject &config, const QString &id)
{
    for (const QJsonValue &d : config.value(u"devices"_s).toArray()) {
        if (d.toObject().value(u"id"_s).toString() == id)
            return d.toObject();
    }
    return {};
}

QStringList strings(const QJsonValue &array)
{
    QStringList out;
    for (const QJsonValue &v : array.toArray())
        out << v.toString();
    return out;
}

} // namespace

TEST(EditCli, DumpXmlPrintsTheDefinition)
{
    CliRun r = cli({u"dumpxml"_s, u"--vm"_s, u"x86-off"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QString xml = QString::fromUtf8(r.out);
    EXPECT_TRUE(xml.contains(u"<name>x86-off</name>"_s)) << xml.toStdString();
    EXPECT_TRUE(xml.contains(u"52:54:00:00:00:01"_s));

    // By UUID too, and --inactive of a running guest.
    r = cli({u"dumpxml"_s, u"--vm"_s, u"3c0a6a51-0e7d-4b1c-9d0e-000000000002"_s, u"--inactive"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(QString::fromUtf8(r.out).contains(u"<name>x86-run</name>"_s));

    expectRefused(cli({u"dumpxml"_s, u"--vm"_s, u"no-such-vm"_s}), u"no-such-vm"_s);
    EXPECT_EQ(cli({u"dumpxml"_s}).exitCode, 64);
}

TEST(EditCli, EditsAShutOffVmAndReadsTheChangeBack)
{
    const CliRun r =
        cli({u"edit"_s, u"--vm"_s, u"x86-off"_s, u"--max-vcpus"_s, u"6"_s, u"--vcpus"_s, u"3"_s,
             u"--memory"_s, u"3072"_s, u"--max-memory"_s, u"3072"_s, u"--title"_s, u"Build box"_s,
             u"--description"_s, u"nightly builds"_s, u"--boot"_s, u"cdrom,vda"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject c = config(r);
    EXPECT_EQ(c.value(u"vcpus"_s).toInt(), 3);
    EXPECT_EQ(c.value(u"max_vcpus"_s).toInt(), 6);
    EXPECT_EQ(c.value(u"memory_mib"_s).toInt(), 3072);
    EXPECT_EQ(c.value(u"max_memory_mib"_s).toInt(), 3072);
    EXPECT_EQ(c.value(u"title"_s).toString(), u"Build box"_s);
    EXPECT_EQ(c.value(u"description"_s).toString(), u"nightly builds"_s);
    EXPECT_EQ(strings(c.value(u"boot"_s)), (QStringList{u"sda"_s, u"vda"_s}));
    // A shut-off guest: nothing applies "now", all of it at the next boot.
    const QJsonObject o = r.json();
    EXPECT_TRUE(o.value(u"applied_now"_s).toArray().isEmpty());
    EXPECT_FALSE(o.value(u"next_boot"_s).toArray().isEmpty());
    EXPECT_FALSE(o.value(u"restart_needed"_s).toBool());
    EXPECT_TRUE(r.err.contains(u"At the next boot"_s)) << r.err.toStdString();
}

TEST(EditCli, CpuModeModelAndAutostart)
{
    CliRun r = cli({u"edit"_s, u"--vm"_s, u"x86-off"_s, u"--cpu"_s, u"host-passthrough"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(config(r).value(u"cpu"_s).toObject().value(u"mode"_s).toString(),
              u"host-passthrough"_s);
    r = cli({u"edit"_s, u"--vm"_s, u"x86-off"_s, u"--cpu"_s, u"Nehalem"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject cpu = config(r).value(u"cpu"_s).toObject();
    EXPECT_EQ(cpu.value(u"mode"_s).toString(), u"custom"_s);
    EXPECT_EQ(cpu.value(u"model"_s).toString(), u"Nehalem"_s);

    // Autostart is kept beside the definition: set now, even for a shut-off VM.
    r = cli({u"edit"_s, u"--vm"_s, u"x86-off"_s, u"--autostart"_s, u"on"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(config(r).value(u"autostart"_s).toBool());
    EXPECT_EQ(r.json().value(u"applied_now"_s).toArray().size(), 1) << r.out.toStdString();

    // Asking for what it already is changes nothing and says so.
    r = cli({u"edit"_s, u"--vm"_s, u"x86-off"_s, u"--vcpus"_s, u"2"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"Nothing to change"_s)) << r.err.toStdString();
}

TEST(EditCli, BadValuesAreRefusedWithTheReasonBeforeLibvirt)
{
    // Above the maximum (4), and the maximum below the current count (2).
    expectRefused(cli({u"edit"_s, u"--vm"_s, u"x86-off"_s, u"--vcpus"_s, u"5"_s}), u"4"_s);
    expectRefused(cli({u"edit"_s, u"--vm"_s, u"x86-off"_s, u"--max-vcpus"_s, u"1"_s}), u"2"_s);
    // POWER's memory step is 256 MiB.
    expectRefused(cli({u"edit"_s, u"--vm"_s, u"power-off"_s, u"--max-memory"_s, u"4000"_s}),
                  u"256"_s);
    // One bad change refuses the whole edit: the good one is not made either.
    const CliRun mixed =
        cli({u"edit"_s, u"--vm"_s, u"x86-off"_s, u"--title"_s, u"changed"_s, u"--vcpus"_s, u"5"_s});
    expectRefused(mixed, u"nothing was changed"_s);
    // Not a number, not on/off.
    expectRefused(cli({u"edit"_s, u"--vm"_s, u"x86-off"_s, u"--vcpus"_s, u"many"_s}), u"many"_s);
    expectRefused(cli({u"edit"_s, u"--vm"_s, u"x86-off"_s, u"--autostart"_s, u"maybe"_s}),
                  u"on or off"_s);
    // A boot device the VM lacks names the ones it has.
    expectRefused(cli({u"edit"_s, u"--vm"_s, u"x86-off"_s, u"--boot"_s, u"vdz"_s}), u"vda"_s);
    // Usage: no VM, no change.
    EXPECT_EQ(cli({u"edit"_s, u"--vcpus"_s, u"2"_s}).exitCode, 64);
    EXPECT_EQ(cli({u"edit"_s, u"--vm"_s, u"x86-off"_s}).exitCode, 64);
}

TEST(EditCli, LiveVcpuChangeOnRunningAarch64IsRefusedWithTheArchsReason)
{
    const CliRun r = cli({u"edit"_s, u"--vm"_s, u"arm-run"_s, u"--vcpus"_s, u"3"_s, u"--live"_s});
    expectRefused(r, u"aarch64"_s);
    // --live alone: the reason says how to have it at the next boot instead.
    EXPECT_TRUE(r.err.contains(u"--config"_s)) << r.err.toStdString();

    // --config alone: written for the next boot, the running guest keeps 2.
    const CliRun written =
        cli({u"edit"_s, u"--vm"_s, u"arm-run"_s, u"--vcpus"_s, u"3"_s, u"--config"_s});
    ASSERT_EQ(written.exitCode, 0) << written.err.toStdString();
    EXPECT_EQ(config(written).value(u"vcpus"_s).toInt(), 3);
    EXPECT_EQ(written.json().value(u"live"_s).toObject().value(u"vcpus"_s).toInt(), 2);
    EXPECT_TRUE(written.json().value(u"applied_now"_s).toArray().isEmpty());
}

TEST(EditCli, RunningX86GuestChangesNowWithTheScopeAsked)
{
    const CliRun r = cli({u"edit"_s, u"--vm"_s, u"x86-run"_s, u"--vcpus"_s, u"3"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_FALSE(r.json().value(u"applied_now"_s).toArray().isEmpty()) << r.out.toStdString();
    EXPECT_EQ(r.json().value(u"live"_s).toObject().value(u"vcpus"_s).toInt(), 3);
    EXPECT_EQ(config(r).value(u"vcpus"_s).toInt(), 3);
    EXPECT_TRUE(r.err.contains(u"Applied now"_s)) << r.err.toStdString();

    // The balloon target of a running guest changes now.
    const CliRun memory = cli({u"edit"_s, u"--vm"_s, u"x86-run"_s, u"--memory"_s, u"1024"_s});
    ASSERT_EQ(memory.exitCode, 0) << memory.err.toStdString();
    EXPECT_EQ(memory.json().value(u"live"_s).toObject().value(u"memory_mib"_s).toInt(), 1024);
    EXPECT_EQ(config(memory).value(u"memory_mib"_s).toInt(), 1024);

    // --live alone: the running guest only, the definition keeps its title.
    const CliRun title =
        cli({u"edit"_s, u"--vm"_s, u"x86-run"_s, u"--title"_s, u"now only"_s, u"--live"_s});
    ASSERT_EQ(title.exitCode, 0) << title.err.toStdString();
    EXPECT_EQ(title.json().value(u"live"_s).toObject().value(u"title"_s).toString(), u"now only"_s);
    EXPECT_EQ(config(title).value(u"title"_s).toString(), QString());

    // --live on a shut-off VM: there is nothing running to change.
    expectRefused(cli({u"edit"_s, u"--vm"_s, u"x86-off"_s, u"--vcpus"_s, u"3"_s, u"--live"_s}),
                  u"--config"_s);
}

TEST(EditCli, AddsANicAndADiskToAShutOffVm)
{
    CliRun r = cli({u"add-device"_s, u"--vm"_s, u"x86-off"_s, u"--kind"_s, u"nic"_s, u"--network"_s,
                    u"default"_s, u"--mac"_s, u"52:54:00:aa:bb:cc"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(devicesOf(config(r), u"nic"_s).size(), 2);
    EXPECT_FALSE(device(config(r), u"52:54:00:aa:bb:cc"_s).isEmpty());
    const QJsonArray added = r.json().value(u"added"_s).toArray();
    ASSERT_EQ(added.size(), 1) << r.out.toStdString();
    EXPECT_EQ(added[0].toObject().value(u"id"_s).toString(), u"52:54:00:aa:bb:cc"_s);

    r = cli({u"add-device"_s, u"--vm"_s, u"x86-off"_s, u"--kind"_s, u"disk"_s, u"--pool"_s,
             u"default"_s, u"--volume"_s, u"spare.qcow2"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(devicesOf(config(r), u"disk"_s).size(), 2);
}

TEST(EditCli, RemovesADeviceByTargetOrMac)
{
    CliRun r = cli({u"remove-device"_s, u"--vm"_s, u"x86-off"_s, u"--kind"_s, u"nic"_s, u"--id"_s,
                    u"52:54:00:00:00:01"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(devicesOf(config(r), u"nic"_s).isEmpty());
    EXPECT_EQ(r.json().value(u"removed"_s).toObject().value(u"id"_s).toString(),
              u"52:54:00:00:00:01"_s);

    r = cli({u"remove-device"_s, u"--vm"_s, u"x86-off"_s, u"--kind"_s, u"cdrom"_s, u"--id"_s,
             u"sda"_s, u"--config"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(devicesOf(config(r), u"cdrom"_s).isEmpty());
    EXPECT_FALSE(device(config(r), u"vda"_s).isEmpty());
}

TEST(EditCli, UnknownKindOrIdGivesAClearMessage)
{
    expectRefused(cli({u"add-device"_s, u"--vm"_s, u"x86-off"_s, u"--kind"_s, u"banana"_s}),
                  u"banana"_s);
    // It lists the kinds there are.
    const CliRun kind = cli({u"add-device"_s, u"--vm"_s, u"x86-off"_s, u"--kind"_s, u"banana"_s});
    EXPECT_TRUE(kind.err.contains(u"nic"_s)) << kind.err.toStdString();

    const CliRun id = cli(
        {u"remove-device"_s, u"--vm"_s, u"x86-off"_s, u"--kind"_s, u"disk"_s, u"--id"_s, u"vdq"_s});
    expectRefused(id, u"vdq"_s);
    EXPECT_TRUE(id.err.contains(u"vda"_s)) << id.err.toStdString(); // the disks it has
    // The id of a device of another kind.
    expectRefused(cli({u"remove-device"_s, u"--vm"_s, u"x86-off"_s, u"--kind"_s, u"disk"_s,
                       u"--id"_s, u"52:54:00:00:00:01"_s}),
                  u"nic"_s);
    EXPECT_EQ(cli({u"remove-device"_s, u"--vm"_s, u"x86-off"_s, u"--kind"_s, u"disk"_s}).exitCode,
              64);
}

TEST(EditCli, ChangesAndEjectsTheCdromMedium)
{
    CliRun r = cli({u"change-media"_s, u"--vm"_s, u"x86-off"_s, u"--target"_s, u"sda"_s, u"--iso"_s,
                    u"debian-12-netinst.iso"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(device(config(r), u"sda"_s)
                    .value(u"source"_s)
                    .toString()
                    .contains(u"debian-12-netinst.iso"_s))
        << r.out.toStdString();

    // --config on a running guest: the definition gets the medium, the guest keeps its
    // empty drive. (The test driver cannot change a medium live: tests/e2e does.)
    r = cli({u"change-media"_s, u"--vm"_s, u"x86-run"_s, u"--target"_s, u"sda"_s, u"--iso"_s,
             u"default/debian-12-netinst.iso"_s, u"--config"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.json().value(u"applied_now"_s).toArray().isEmpty()) << r.out.toStdString();
    EXPECT_FALSE(r.json().value(u"next_boot"_s).toArray().isEmpty()) << r.out.toStdString();
    EXPECT_FALSE(device(config(r), u"sda"_s).value(u"source"_s).toString().isEmpty());
    EXPECT_TRUE(device(r.json().value(u"live"_s).toObject(), u"sda"_s)
                    .value(u"source"_s)
                    .toString()
                    .isEmpty());

    r = cli({u"change-media"_s, u"--vm"_s, u"x86-off"_s, u"--target"_s, u"sda"_s, u"--eject"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(device(config(r), u"sda"_s).value(u"source"_s).toString().isEmpty());

    // Not a CD-ROM; a volume no pool has; both --iso and --eject.
    expectRefused(
        cli({u"change-media"_s, u"--vm"_s, u"x86-off"_s, u"--target"_s, u"vda"_s, u"--eject"_s}),
        u"sda"_s);
    expectRefused(cli({u"change-media"_s, u"--vm"_s, u"x86-off"_s, u"--target"_s, u"sda"_s,
                       u"--iso"_s, u"nothere.iso"_s}),
                  u"nothere.iso"_s);
    EXPECT_EQ(cli({u"change-media"_s, u"--vm"_s, u"x86-off"_s, u"--target"_s, u"sda"_s, u"--iso"_s,
                   u"x.iso"_s, u"--eject"_s})
                  .exitCode,
              64);
}

TEST(EditCli, RenamesAShutOffVmAndKeepsItsUuid)
{
    const CliRun r = cli({u"edit"_s, u"--vm"_s, u"x86-off"_s, u"--name"_s, u"x86-renamed"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject c = config(r);
    EXPECT_EQ(c.value(u"name"_s).toString(), u"x86-renamed"_s);
    EXPECT_EQ(c.value(u"uuid"_s).toString(), u"3c0a6a51-0e7d-4b1c-9d0e-000000000001"_s);
    EXPECT_FALSE(device(c, u"52:54:00:00:00:01"_s).isEmpty()) << "its devices stay";
    EXPECT_EQ(r.json().value(u"vm"_s).toString(), u"x86-renamed"_s);
}

TEST(EditCli, RenameToATakenNameOrOfARunningVmIsRefused)
{
    expectRefused(cli({u"edit"_s, u"--vm"_s, u"x86-off"_s, u"--name"_s, u"x86-run"_s}),
                  u"“x86-run” already exists"_s);
    expectRefused(cli({u"edit"_s, u"--vm"_s, u"x86-off"_s, u"--name"_s, u"a/b"_s}), u"“/”"_s);
    expectRefused(cli({u"edit"_s, u"--vm"_s, u"x86-run"_s, u"--name"_s, u"x86-other"_s}),
                  u"shut it down"_s);
}

TEST(EditCli, AddsANicOnTheHostsDefaultNetworkWhenNoneIsGiven)
{
    const CliRun r = cli({u"add-device"_s, u"--vm"_s, u"x86-off"_s, u"--kind"_s, u"nic"_s,
                          u"--mac"_s, u"52:54:00:aa:bb:cd"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject nic = device(config(r), u"52:54:00:aa:bb:cd"_s);
    EXPECT_EQ(nic.value(u"source"_s).toString(), u"default"_s) << r.out.toStdString();
}

TEST(EditCli, NicWithoutANetworkOnAHostWithNoneSaysWhatToGive)
{
    // The same host without its <network>.
    QFile in(qEnvironmentVariable("CROSSVIRT_SOURCE_DIR") + u"/tests/cli/data/edit-host.xml"_s);
    ASSERT_TRUE(in.open(QIODevice::ReadOnly));
    QString xml = QString::fromUtf8(in.readAll());
    xml.remove(QRegularExpression(u"<network>.*</network>"_s,
                                  QRegularExpression::DotMatchesEverythingOption));
    ASSERT_FALSE(xml.contains(u"<network>"_s));
    QTemporaryDir dir;
    QFile out(dir.filePath(u"no-network.xml"_s));
    ASSERT_TRUE(out.open(QIODevice::WriteOnly));
    out.write(xml.toUtf8());
    out.close();
    const CliRun r = runCli({u"--connect"_s, u"test://"_s + out.fileName(), u"add-device"_s,
                             u"--vm"_s, u"x86-off"_s, u"--kind"_s, u"nic"_s});
    expectRefused(r, u"--bridge"_s);
    EXPECT_TRUE(r.err.contains(u"no libvirt network"_s)) << r.err.toStdString();
}
