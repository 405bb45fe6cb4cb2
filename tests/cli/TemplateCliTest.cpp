// crossvirt-cli clone / template / create --template / vm-pool, run as a user would against
// a test-driver host (tests/cli/data/template-host.xml: a shut-off and a running x86_64 VM,
// an x86_64 template with a two-VM pool made from it, a ppc64le template). Every run is a
// fresh copy of that host, so what a command made is checked in its own JSON, and a
// refusal by exit 1, the reason on stderr and nothing on stdout (nothing was created: the
// plan is refused before anything is sent to libvirt). Copies of disks need libvirt
// streams, which the test driver lacks: tests/e2e covers them on a real host.
#include "CliRunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using crossvirt::test::CliRun;
using crossvirt::test::expectRefused;
using crossvirt::test::runCli;
using crossvirt::test::testDriverHost;

namespace {

QString templateHost()
{
    return testDriverHost(u"tests/cli/data/template-host.xml"_s);
}

/// Another x86_64 host, for a cluster of two.
QString otherHost()
{
    return testDriverHost(u"tests/cli/data/edit-host.xml"_s);
}

CliRun cli(const QStringList &args)
{
    return runCli(QStringList{u"--connect"_s, templateHost()} + args);
}

QJsonObject byName(const QJsonArray &array, const QString &name)
{
    for (const QJsonValue &v : array) {
        if (v.toObject().value(u"name"_s).toString() == name)
            return v.toObject();
    }
    return {};
}

QStringList names(const QJsonArray &array)
{
    QStringList out;
    for (const QJsonValue &v : array)
        out << v.toObject().value(u"name"_s).toString();
    return out;
}

/// A clusters.json (the GUI's saved clusters) in a private config folder, for --cluster.
class TemplateCliWithClusters : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        qputenv("CROSSVIRT_CONFIG_DIR", m_dir.path().toLocal8Bit());
        const QJsonObject x86{{u"id"_s, u"6f7c0000-0000-4000-8000-000000000001"_s},
                              {u"name"_s, u"x86-web"_s},
                              {u"description"_s, u""_s},
                              {u"arch"_s, u"x86_64"_s},
                              {u"cpuType"_s, u""_s},
                              {u"allowEmulation"_s, false},
                              {u"hosts"_s, QJsonArray{templateHost()}}};
        // Two x86_64 hosts, the template's second.
        const QJsonObject two{{u"id"_s, u"6f7c0000-0000-4000-8000-000000000002"_s},
                              {u"name"_s, u"two-hosts"_s},
                              {u"description"_s, u""_s},
                              {u"arch"_s, u"x86_64"_s},
                              {u"cpuType"_s, u""_s},
                              {u"allowEmulation"_s, false},
                              {u"hosts"_s, QJsonArray{otherHost(), templateHost()}}};
        QFile file(QDir(m_dir.path()).filePath(u"clusters.json"_s));
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(
            QJsonDocument(QJsonObject{{u"version"_s, 1}, {u"clusters"_s, QJsonArray{x86, two}}})
                .toJson());
    }
    void TearDown() override { qunsetenv("CROSSVIRT_CONFIG_DIR"); }

private:
    QTemporaryDir m_dir;
};

} // namespace

// ---- templates --------------------------------------------------------------------------

TEST(TemplateCli, ListShowsEveryTemplateOfTheHostAndNoVm)
{
    CliRun r = cli({u"template"_s, u"list"_s, u"--json"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonArray templates = r.jsonArray();
    QStringList listed = names(templates);
    listed.sort();
    EXPECT_EQ(listed, (QStringList{u"tpl-power"_s, u"tpl-web"_s})) << r.out.toStdString();
    const QJsonObject web = byName(templates, u"tpl-web"_s);
    EXPECT_EQ(web.value(u"arch"_s).toString(), u"x86_64"_s);
    EXPECT_EQ(web.value(u"description"_s).toString(), u"Debian 12 web server"_s);
    EXPECT_EQ(web.value(u"host"_s).toString(), templateHost());
    const QJsonArray disks = web.value(u"disks"_s).toArray();
    ASSERT_EQ(disks.size(), 1);
    EXPECT_EQ(disks[0].toObject().value(u"volume"_s).toString(), u"tpl-web.qcow2"_s);
    EXPECT_TRUE(disks[0].toObject().value(u"exists"_s).toBool());
    EXPECT_EQ(byName(templates, u"tpl-power"_s).value(u"arch"_s).toString(), u"ppc64le"_s);

    // Without --json: a table a person reads, one row per template.
    r = cli({u"template"_s, u"list"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QStringList lines = QString::fromLocal8Bit(r.out).split(u'\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 3) << r.out.toStdString();
    EXPECT_TRUE(lines[0].startsWith(u"NAME"_s));
    EXPECT_TRUE(lines.join(u'\n').contains(u"ppc64le"_s));
    EXPECT_TRUE(lines.join(u'\n').contains(u"Debian 12 web server"_s));
}

TEST(TemplateCli, CreateTurnsAShutOffVmIntoATemplate)
{
    const CliRun r = cli({u"template"_s, u"create"_s, u"--vm"_s, u"base-vm"_s, u"--description"_s,
                          u"golden image"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject t = r.json();
    EXPECT_EQ(t.value(u"name"_s).toString(), u"base-vm"_s);
    EXPECT_EQ(t.value(u"uuid"_s).toString(), u"5b1e7f40-7a3c-4d2e-8f10-000000000001"_s);
    EXPECT_EQ(t.value(u"description"_s).toString(), u"golden image"_s);
    EXPECT_EQ(t.value(u"arch"_s).toString(), u"x86_64"_s);
    EXPECT_FALSE(t.value(u"disks"_s).toArray().isEmpty());
}

TEST(TemplateCli, CreateRefusesARunningVmAndAnUnknownOne)
{
    expectRefused(cli({u"template"_s, u"create"_s, u"--vm"_s, u"busy-vm"_s}), u"running"_s);
    expectRefused(cli({u"template"_s, u"create"_s, u"--vm"_s, u"no-such-vm"_s}), u"no-such-vm"_s);
    EXPECT_EQ(cli({u"template"_s, u"create"_s}).exitCode, 64); // no --vm
}

TEST(TemplateCli, DeleteRemovesAnUnusedTemplateAndRefusesOneVmsStillUse)
{
    CliRun r = cli({u"template"_s, u"delete"_s, u"tpl-power"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.json().value(u"name"_s).toString(), u"tpl-power"_s);
    EXPECT_TRUE(r.json().value(u"deleted"_s).toBool());

    // web-01 and web-02 are overlays on tpl-web's volume: deleting it would break them.
    // A refusal (exit 1), not a host failure (exit 2): nothing was asked of libvirt.
    r = cli({u"template"_s, u"delete"_s, u"tpl-web"_s, u"--with-volumes"_s});
    expectRefused(r, u"web-01"_s);
    EXPECT_TRUE(r.out.isEmpty()) << r.out.toStdString();
    // A VM that is no template is not deleted as one.
    expectRefused(cli({u"template"_s, u"delete"_s, u"base-vm"_s}), u"base-vm"_s);
    EXPECT_EQ(cli({u"template"_s, u"delete"_s}).exitCode, 64);
}

// ---- create --template ------------------------------------------------------------------

TEST(TemplateCli, CreateFromATemplateMakesAnOverlayVm)
{
    CliRun r = cli({u"create"_s, u"--template"_s, u"tpl-web"_s, u"--name"_s, u"app-1"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject vm = r.json();
    EXPECT_EQ(vm.value(u"name"_s).toString(), u"app-1"_s);
    EXPECT_EQ(vm.value(u"template"_s).toString(), u"tpl-web"_s);
    EXPECT_EQ(vm.value(u"host"_s).toString(), templateHost());
    EXPECT_EQ(vm.value(u"disk_mode"_s).toString(), u"overlay"_s);
    EXPECT_FALSE(vm.value(u"uuid"_s).toString().isEmpty());
    EXPECT_EQ(vm.value(u"volumes"_s).toArray().size(), 1);

    // --dry-run: the domain the plan would define, made from the template, nothing created.
    r = cli({u"create"_s, u"--template"_s, u"tpl-web"_s, u"--name"_s, u"app-2"_s, u"--dry-run"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QString xml = r.json().value(u"domain_xml"_s).toString();
    EXPECT_TRUE(xml.contains(u"<name>app-2</name>"_s)) << xml.toStdString();
    EXPECT_TRUE(xml.contains(u"from-template"_s)) << xml.toStdString();
    EXPECT_FALSE(xml.contains(u"52:54:00:14:00:03"_s)) << "the template's MAC is not reused";
    EXPECT_TRUE(r.json().value(u"uuid"_s).isUndefined());
}

TEST(TemplateCli, CreateFromATemplateRefusesATakenNameAndMixedOptions)
{
    expectRefused(cli({u"create"_s, u"--template"_s, u"tpl-web"_s, u"--name"_s, u"base-vm"_s}),
                  u"base-vm"_s);
    expectRefused(cli({u"create"_s, u"--template"_s, u"no-such-tpl"_s, u"--name"_s, u"x"_s}),
                  u"no-such-tpl"_s);
    // The template decides the hardware; --host/--cluster/--copy-disks need --template.
    EXPECT_EQ(cli({u"create"_s, u"--template"_s, u"tpl-web"_s, u"--name"_s, u"x"_s, u"--arch"_s,
                   u"x86_64"_s})
                  .exitCode,
              64);
    EXPECT_EQ(cli({u"create"_s, u"--name"_s, u"x"_s, u"--arch"_s, u"x86_64"_s, u"--copy-disks"_s,
                   u"--dry-run"_s})
                  .exitCode,
              64);
    // create without --template works as before.
    EXPECT_EQ(cli({u"create"_s, u"--name"_s, u"plain"_s, u"--arch"_s, u"x86_64"_s, u"--dry-run"_s})
                  .exitCode,
              0);
}

TEST_F(TemplateCliWithClusters, CreateOnAClusterUsesItsHostAndRefusesATemplateOfAnotherArch)
{
    CliRun r = cli({u"create"_s, u"--template"_s, u"tpl-web"_s, u"--name"_s, u"app-c"_s,
                    u"--cluster"_s, u"x86-web"_s, u"--dry-run"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.json().value(u"host"_s).toString(), templateHost());
    EXPECT_EQ(r.json().value(u"cluster"_s).toString(), u"x86-web"_s);

    // A ppc64le template on an x86_64 cluster: refused with the arches named.
    r = cli({u"create"_s, u"--template"_s, u"tpl-power"_s, u"--name"_s, u"p-1"_s, u"--cluster"_s,
             u"x86-web"_s});
    expectRefused(r, u"ppc64le"_s);
    EXPECT_TRUE(r.err.contains(u"x86_64"_s)) << r.err.toStdString();

    r = cli({u"vm-pool"_s, u"create"_s, u"--template"_s, u"tpl-power"_s, u"--count"_s, u"2"_s,
             u"--name-pattern"_s, u"p-%d"_s, u"--name"_s, u"power"_s, u"--cluster"_s,
             u"x86-web"_s});
    expectRefused(r, u"ppc64le"_s);

    expectRefused(cli({u"create"_s, u"--template"_s, u"tpl-web"_s, u"--name"_s, u"x"_s,
                       u"--cluster"_s, u"no-such-cluster"_s}),
                  u"no-such-cluster"_s);
}

TEST_F(TemplateCliWithClusters, OverlaysGoToTheTemplatesHostCopiesToTheFirstOfTheCluster)
{
    // Both hosts run x86_64 natively: overlays stand on the template's volumes, so its own
    // host; full copies go to the first host placement offers.
    CliRun r = cli({u"create"_s, u"--template"_s, u"tpl-web"_s, u"--name"_s, u"c-1"_s,
                    u"--cluster"_s, u"two-hosts"_s, u"--dry-run"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.json().value(u"host"_s).toString(), templateHost());
    EXPECT_EQ(r.json().value(u"disk_mode"_s).toString(), u"overlay"_s);

    r = cli({u"create"_s, u"--template"_s, u"tpl-web"_s, u"--name"_s, u"c-2"_s, u"--cluster"_s,
             u"two-hosts"_s, u"--copy-disks"_s, u"--dry-run"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.json().value(u"host"_s).toString(), otherHost());
    EXPECT_EQ(r.json().value(u"template_host"_s).toString(), templateHost());
    EXPECT_EQ(r.json().value(u"disk_mode"_s).toString(), u"copy"_s);

    // --host names the target itself: an overlay there is refused with the way out.
    r = cli({u"create"_s, u"--template"_s, u"tpl-web"_s, u"--name"_s, u"c-3"_s, u"--host"_s,
             otherHost()});
    EXPECT_EQ(r.exitCode, 1) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"--copy-disks"_s)) << r.err.toStdString();
    EXPECT_TRUE(r.out.isEmpty());
}

// ---- VM pools ---------------------------------------------------------------------------

TEST(TemplateCli, PoolCreateMakesEveryMemberAndReportsEach)
{
    CliRun r = cli({u"vm-pool"_s, u"create"_s, u"--template"_s, u"tpl-web"_s, u"--count"_s, u"3"_s,
                    u"--name-pattern"_s, u"app-%02d"_s, u"--name"_s, u"apps"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject pool = r.json();
    EXPECT_EQ(pool.value(u"pool"_s).toString(), u"apps"_s);
    EXPECT_EQ(pool.value(u"made"_s).toInt(), 3);
    EXPECT_EQ(pool.value(u"failed"_s).toInt(), 0);
    const QJsonArray members = pool.value(u"members"_s).toArray();
    EXPECT_EQ(names(members), (QStringList{u"app-01"_s, u"app-02"_s, u"app-03"_s}));
    for (const QJsonValue &m : members) {
        EXPECT_TRUE(m.toObject().value(u"ok"_s).toBool());
        EXPECT_FALSE(m.toObject().value(u"uuid"_s).toString().isEmpty());
        // One line per member on stderr, as it ends.
        EXPECT_TRUE(r.err.contains(m.toObject().value(u"name"_s).toString()))
            << r.err.toStdString();
    }

    // The spelling, `pool create --template ...`, is the same command.
    r = cli({u"pool"_s, u"create"_s, u"--template"_s, u"tpl-web"_s, u"--count"_s, u"1"_s,
             u"--name-pattern"_s, u"one-%d"_s, u"--name"_s, u"ones"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(names(r.json().value(u"members"_s).toArray()), QStringList{u"one-1"_s});
}

TEST(TemplateCli, PoolCreateRefusesBadPatternsTakenNamesAndPoolNames)
{
    const QStringList base{u"vm-pool"_s, u"create"_s, u"--template"_s,
                           u"tpl-web"_s, u"--name"_s, u"apps"_s};
    // No number conversion in the pattern; two; another conversion than an integer.
    expectRefused(cli(base + QStringList{u"--count"_s, u"3"_s, u"--name-pattern"_s, u"web"_s}),
                  u"pattern"_s);
    expectRefused(cli(base + QStringList{u"--count"_s, u"3"_s, u"--name-pattern"_s, u"w-%d-%d"_s}),
                  u"pattern"_s);
    expectRefused(cli(base + QStringList{u"--count"_s, u"3"_s, u"--name-pattern"_s, u"w-%s"_s}),
                  u"pattern"_s);
    // web-01 and web-02 exist already.
    expectRefused(cli({u"vm-pool"_s, u"create"_s, u"--template"_s, u"tpl-web"_s, u"--count"_s,
                       u"3"_s, u"--name-pattern"_s, u"web-%02d"_s, u"--name"_s, u"more"_s}),
                  u"web-01"_s);
    // The pool "web" exists already.
    expectRefused(cli({u"vm-pool"_s, u"create"_s, u"--template"_s, u"tpl-web"_s, u"--count"_s,
                       u"2"_s, u"--name-pattern"_s, u"w2-%d"_s, u"--name"_s, u"web"_s}),
                  u"web"_s);
    // Usage: a count that is no number, a missing option.
    EXPECT_EQ(
        cli(base + QStringList{u"--count"_s, u"many"_s, u"--name-pattern"_s, u"w-%d"_s}).exitCode,
        64);
    EXPECT_EQ(cli(base + QStringList{u"--name-pattern"_s, u"w-%d"_s}).exitCode, 64);
}

TEST(TemplateCli, PoolListShowsThePoolsOfTheHost)
{
    CliRun r = cli({u"vm-pool"_s, u"list"_s, u"--json"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonArray pools = r.jsonArray();
    ASSERT_EQ(pools.size(), 1) << r.out.toStdString();
    const QJsonObject web = pools[0].toObject();
    EXPECT_EQ(web.value(u"name"_s).toString(), u"web"_s);
    EXPECT_EQ(names(web.value(u"vms"_s).toArray()), (QStringList{u"web-01"_s, u"web-02"_s}));
    EXPECT_EQ(web.value(u"templates"_s).toArray(), QJsonArray{u"tpl-web"_s});
    EXPECT_EQ(web.value(u"running"_s).toInt(), 0);

    r = cli({u"vm-pool"_s, u"list"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QStringList lines = QString::fromLocal8Bit(r.out).split(u'\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 2) << r.out.toStdString();
    EXPECT_TRUE(lines[1].startsWith(u"web "_s)) << lines[1].toStdString();
    EXPECT_TRUE(lines[1].contains(u"tpl-web"_s));
}

TEST(TemplateCli, PoolDeleteRemovesEveryVmOfThePool)
{
    CliRun r = cli({u"vm-pool"_s, u"delete"_s, u"web"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.json().value(u"pool"_s).toString(), u"web"_s);
    QStringList deleted = names(r.json().value(u"deleted"_s).toArray());
    deleted.sort();
    EXPECT_EQ(deleted, (QStringList{u"web-01"_s, u"web-02"_s}));

    // `pool delete NAME` (no --name: not a storage pool) is the same.
    r = cli({u"pool"_s, u"delete"_s, u"web"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.json().value(u"deleted"_s).toArray().size(), 2);

    expectRefused(cli({u"vm-pool"_s, u"delete"_s, u"no-such-pool"_s}), u"no-such-pool"_s);
}

// ---- clone ------------------------------------------------------------------------------

TEST(TemplateCli, CloneWithEmptyOrSharedDisks)
{
    CliRun r =
        cli({u"clone"_s, u"--vm"_s, u"base-vm"_s, u"--name"_s, u"base-2"_s, u"--empty-disks"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    QJsonObject clone = r.json();
    EXPECT_EQ(clone.value(u"name"_s).toString(), u"base-2"_s);
    EXPECT_EQ(clone.value(u"source"_s).toString(), u"base-vm"_s);
    EXPECT_NE(clone.value(u"uuid"_s).toString(), u"5b1e7f40-7a3c-4d2e-8f10-000000000001"_s);
    const QJsonArray macs = clone.value(u"macs"_s).toArray();
    ASSERT_EQ(macs.size(), 1);
    EXPECT_NE(macs[0].toString(), u"52:54:00:14:00:01"_s);
    QJsonObject vda;
    for (const QJsonValue &d : clone.value(u"disks"_s).toArray()) {
        if (d.toObject().value(u"target"_s).toString() == "vda"_L1)
            vda = d.toObject();
    }
    EXPECT_EQ(vda.value(u"mode"_s).toString(), u"empty"_s);
    EXPECT_EQ(vda.value(u"pool"_s).toString(), u"default"_s);
    EXPECT_FALSE(vda.value(u"volume"_s).toString().isEmpty());
    EXPECT_NE(vda.value(u"volume"_s).toString(), u"base-vm.qcow2"_s);
    EXPECT_EQ(clone.value(u"new_volumes"_s).toArray().size(), 1);
    EXPECT_TRUE(r.err.contains(u"vda"_s)) << "the plan is told: " << r.err.toStdString();

    r = cli({u"clone"_s, u"--vm"_s, u"base-vm"_s, u"--name"_s, u"base-3"_s, u"--share-disks"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    clone = r.json();
    for (const QJsonValue &d : clone.value(u"disks"_s).toArray()) {
        if (d.toObject().value(u"target"_s).toString() == "vda"_L1) {
            EXPECT_EQ(d.toObject().value(u"mode"_s).toString(), u"share"_s);
            EXPECT_EQ(d.toObject().value(u"path"_s).toString(),
                      u"/var/lib/libvirt/images/base-vm.qcow2"_s);
        }
    }
    EXPECT_TRUE(clone.value(u"new_volumes"_s).toArray().isEmpty());
}

TEST(TemplateCli, CloneRefusesARunningVmATakenNameAndBadUsage)
{
    // Nothing is copied from a running guest (its disks would be torn): exit 1, the reason,
    // and the cloner never started (it says "Cloning ..." first).
    const CliRun running =
        cli({u"clone"_s, u"--vm"_s, u"busy-vm"_s, u"--name"_s, u"busy-2"_s, u"--empty-disks"_s});
    expectRefused(running, u"running"_s);
    EXPECT_FALSE(running.err.contains(u"Cloning"_s)) << running.err.toStdString();
    expectRefused(
        cli({u"clone"_s, u"--vm"_s, u"base-vm"_s, u"--name"_s, u"busy-vm"_s, u"--empty-disks"_s}),
        u"busy-vm"_s);
    expectRefused(cli({u"clone"_s, u"--vm"_s, u"no-such-vm"_s}), u"no-such-vm"_s);
    EXPECT_EQ(cli({u"clone"_s, u"--name"_s, u"x"_s}).exitCode, 64); // no --vm
    EXPECT_EQ(
        cli({u"clone"_s, u"--vm"_s, u"base-vm"_s, u"--share-disks"_s, u"--empty-disks"_s}).exitCode,
        64);
}

TEST(TemplateCli, HelpOfEachSubcommandListsItsOptions)
{
    const QList<QPair<QStringList, QStringList>> cases{
        {{u"clone"_s},
         {u"--vm"_s, u"--name"_s, u"--share-disks"_s, u"--empty-disks"_s, u"--pool"_s}},
        {{u"template"_s, u"create"_s}, {u"--vm"_s, u"--description"_s}},
        {{u"template"_s, u"list"_s}, {u"--json"_s}},
        {{u"template"_s, u"delete"_s}, {u"--with-volumes"_s}},
        {{u"create"_s}, {u"--template"_s, u"--host"_s, u"--cluster"_s, u"--copy-disks"_s}},
        {{u"vm-pool"_s, u"create"_s},
         {u"--template"_s, u"--count"_s, u"--name-pattern"_s, u"--name"_s, u"--cluster"_s,
          u"--copy-disks"_s, u"--start"_s}},
        {{u"vm-pool"_s, u"list"_s}, {u"--json"_s}},
    };
    for (const auto &[command, options] : cases) {
        SCOPED_TRACE(command.join(u' ').toStdString());
        const CliRun r = runCli(command + QStringList{u"--help"_s});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        const QString text = QString::fromLocal8Bit(r.out);
        EXPECT_TRUE(text.contains(u"crossvirt-cli [global options] "_s + command.join(u' ')))
            << text.toStdString();
        for (const QString &option : options)
            EXPECT_TRUE(text.contains(option)) << option.toStdString();
    }
}
