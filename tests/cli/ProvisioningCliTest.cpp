// crossvirt-cli choices / create / attach-disk, run as a separate process against the
// libvirt test driver: JSON on stdout, reasons on stderr, exit codes scripts rely on.
#include "CliRunner.h"
#include "arch/ArchRegistry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using crossvirt::test::CliRun;
using crossvirt::test::runCli;

namespace {

#define SKIP_UNLESS_REGISTERED(run)                                                                \
    if ((run).exitCode == 64 && (run).err.contains(u"unknown command"_s))                          \
    GTEST_SKIP() << "provisioning commands are not registered in crossvirt-cli yet"

TEST(ChoicesCli, EveryArchOnTheTestDriverIsExplained)
{
    for (const QString &a : crossvirt::arch::ArchRegistry::instance().archNames()) {
        const CliRun r =
            runCli({u"--connect"_s, u"test:///default"_s, u"choices"_s, u"--arch"_s, a});
        SKIP_UNLESS_REGISTERED(r);
        ASSERT_EQ(r.exitCode, 0) << a.toStdString() << ": " << r.err.toStdString();
        const QJsonObject o = r.json();
        EXPECT_EQ(o.value(u"arch"_s).toString(), a);
        EXPECT_FALSE(o.value(u"domain_capabilities"_s).toBool()) << "test driver has none";
        const QString exec = o.value(u"execution"_s).toString();
        EXPECT_TRUE(exec == "native"_L1 || exec == "emulated"_L1) << exec.toStdString();
        for (const char *list : {"disk_interfaces", "cdrom_interfaces", "nic_models", "graphics",
                                 "video", "consoles", "machine_types", "cpu_modes", "firmware"}) {
            const QJsonObject l = o.value(QLatin1String(list)).toObject();
            // A guest whose CPU libvirt cannot set (riscv64) offers no CPU mode: it gets
            // QEMU's default CPU, and every mode is withheld with that reason.
            const QJsonObject defaultCpu =
                o.value(u"defaults"_s).toObject().value(u"cpu"_s).toObject();
            const bool qemuDefaultCpu = QLatin1String(list) == "cpu_modes"_L1 &&
                                        defaultCpu.value(u"mode"_s).toString() == "default"_L1;
            if (!qemuDefaultCpu) {
                EXPECT_FALSE(l.value(u"offered"_s).toArray().isEmpty())
                    << a.toStdString() << " " << list;
            }
            for (const QJsonValue &w : l.value(u"withheld"_s).toArray())
                EXPECT_FALSE(w.toObject().value(u"reason"_s).toString().isEmpty())
                    << a.toStdString() << " " << list << " "
                    << w.toObject().value(u"id"_s).toString().toStdString();
        }
        EXPECT_TRUE(o.contains(u"os"_s));
        EXPECT_GE(o.value(u"os"_s).toObject().value(u"count"_s).toInt(-1), 0);
    }
}

TEST(ChoicesCli, Ppc64leWithholdsIdeWithReason)
{
    const CliRun r =
        runCli({u"choices"_s, u"--arch"_s, u"ppc64le"_s, u"--connect"_s, u"test:///default"_s});
    SKIP_UNLESS_REGISTERED(r);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    bool found = false;
    for (const QJsonValue &w :
         r.json().value(u"disk_interfaces"_s).toObject().value(u"withheld"_s).toArray()) {
        if (w.toObject().value(u"id"_s).toString() == "ide"_L1) {
            found = true;
            EXPECT_FALSE(w.toObject().value(u"reason"_s).toString().isEmpty());
        }
    }
    EXPECT_TRUE(found);
}

TEST(CreateCli, DryRunPrintsTheDomainXml)
{
    const CliRun r = runCli({u"--connect"_s, u"test:///default"_s, u"create"_s, u"--name"_s,
                             u"dry <&> vm"_s, u"--arch"_s, u"aarch64"_s, u"--disk-size"_s, u"4"_s,
                             u"--pool"_s, u"default-pool"_s, u"--dry-run"_s});
    SKIP_UNLESS_REGISTERED(r);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject o = r.json();
    EXPECT_TRUE(o.value(u"dry_run"_s).toBool());
    const QString xml = o.value(u"domain_xml"_s).toString();
    EXPECT_TRUE(xml.contains(u"<name>dry &lt;&amp;&gt; vm</name>"_s)) << xml.toStdString();
    EXPECT_TRUE(xml.contains(u"firmware=\"efi\""_s)) << xml.toStdString();
    EXPECT_TRUE(xml.contains(u"arch=\"aarch64\""_s));
}

TEST(CreateCli, IdeOnPpc64leFailsWithReason)
{
    const CliRun r = runCli({u"--connect"_s, u"test:///default"_s, u"create"_s, u"--name"_s, u"p"_s,
                             u"--arch"_s, u"ppc64le"_s, u"--disk-size"_s, u"4"_s, u"--pool"_s,
                             u"default-pool"_s, u"--disk-bus"_s, u"ide"_s});
    SKIP_UNLESS_REGISTERED(r);
    EXPECT_NE(r.exitCode, 0);
    EXPECT_TRUE(r.err.contains(u"IDE"_s)) << r.err.toStdString();
    EXPECT_TRUE(r.out.trimmed().isEmpty()) << "nothing created, nothing printed";
}

TEST(CreateCli, BadInputIsRefused)
{
    const QList<QStringList> bad{
        {u"--name"_s, u"test"_s, u"--arch"_s, u"x86_64"_s},                       // taken
        {u"--name"_s, u"a/b"_s, u"--arch"_s, u"x86_64"_s},                        // '/'
        {u"--name"_s, u"m"_s, u"--arch"_s, u"ppc64"_s, u"--memory"_s, u"1000"_s}, // not 256 steps
        {u"--name"_s, u"z"_s, u"--arch"_s, u"x86_64"_s, u"--disk-size"_s, u"0"_s},
        {u"--name"_s, u"z"_s, u"--arch"_s, u"x86_64"_s, u"--disk-size"_s, u"100000"_s},
    };
    for (const QStringList &args : bad) {
        const CliRun r =
            runCli(QStringList{u"--connect"_s, u"test:///default"_s, u"create"_s} + args);
        SKIP_UNLESS_REGISTERED(r);
        EXPECT_EQ(r.exitCode, 1) << args.join(u' ').toStdString() << ": " << r.err.toStdString();
        EXPECT_FALSE(r.err.trimmed().isEmpty());
    }
}

TEST(CreateCli, CreatesOnTheTestDriver)
{
    const CliRun r = runCli({u"--connect"_s, u"test:///default"_s, u"create"_s, u"--name"_s,
                             u"made"_s, u"--arch"_s, u"s390x"_s, u"--disk-size"_s, u"2"_s,
                             u"--pool"_s, u"default-pool"_s, u"--start"_s});
    SKIP_UNLESS_REGISTERED(r);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_FALSE(r.json().value(u"uuid"_s).toString().isEmpty());
    EXPECT_TRUE(r.json().value(u"started"_s).toBool());
    EXPECT_EQ(r.json().value(u"execution"_s).toString(), u"emulated"_s);
}

TEST(AttachDiskCli, FailureNamesTheStep)
{
    // The test driver cannot hot-plug into its running "test" VM: the command must fail
    // with the step and libvirt's message, not pretend.
    const CliRun r = runCli({u"--connect"_s, u"test:///default"_s, u"attach-disk"_s, u"--vm"_s,
                             u"test"_s, u"--size"_s, u"1"_s, u"--pool"_s, u"default-pool"_s});
    SKIP_UNLESS_REGISTERED(r);
    EXPECT_EQ(r.exitCode, 2) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"not supported"_s)) << r.err.toStdString();
}

} // namespace
