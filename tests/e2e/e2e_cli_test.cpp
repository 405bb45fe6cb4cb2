// crossvirt-cli choices against a real qemu:///system (issue 3's "done when"): for every
// arch the lists come from the arch model narrowed by the host's real domain
// capabilities, and what is withheld carries its reason.

#include "e2e/E2eSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace crossvirt::test::e2e;

namespace {

[[maybe_unused]] ::testing::Environment *const e2eEnvironment =
    ::testing::AddGlobalTestEnvironment(new LibvirtDaemonEnvironment);

class CliE2e : public LibvirtDaemonTest
{
protected:
    QJsonObject choices(const QString &arch)
    {
        QProcess cli;
        cli.start(QStringLiteral(CROSSVIRT_CLI_PATH),
                  {u"--connect"_s, u"qemu:///system"_s, u"choices"_s, u"--arch"_s, arch});
        EXPECT_TRUE(cli.waitForFinished(60'000));
        EXPECT_EQ(cli.exitCode(), 0) << cli.readAllStandardError().toStdString();
        return QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    }
};

QStringList ids(const QJsonObject &list, const char *which)
{
    QStringList out;
    for (const QJsonValue &v : list.value(QLatin1String(which)).toArray())
        out << v.toObject().value("id"_L1).toString();
    return out;
}

QString reasonFor(const QJsonObject &list, const QString &id)
{
    for (const QJsonValue &v : list.value("withheld"_L1).toArray()) {
        if (v.toObject().value("id"_L1).toString() == id)
            return v.toObject().value("reason"_L1).toString();
    }
    return {};
}

TEST_F(CliE2e, ChoicesForEveryArchAreNarrowedByTheRealHostAndExplained)
{
    for (const QString &arch : {u"x86_64"_s, u"ppc64"_s, u"ppc64le"_s, u"aarch64"_s, u"s390x"_s,
                                u"riscv64"_s, u"armv7l"_s}) {
        SCOPED_TRACE(arch.toStdString());
        const QJsonObject c = choices(arch);
        ASSERT_FALSE(c.isEmpty());
        EXPECT_TRUE(c.value("domain_capabilities"_L1).toBool())
            << "the real host has domain capabilities for " << arch.toStdString() << ": "
            << c.value("domain_capabilities_error"_L1).toString().toStdString();
        const QJsonObject disks = c.value("disk_interfaces"_L1).toObject();
        const QJsonObject graphics = c.value("graphics"_L1).toObject();
        const QJsonObject nics = c.value("nic_models"_L1).toObject();
        EXPECT_FALSE(ids(disks, "offered").isEmpty());
        EXPECT_TRUE(ids(disks, "offered").contains(u"virtio"_s));
        // Everything withheld says why.
        for (const char *list :
             {"disk_interfaces", "nic_models", "graphics", "video", "consoles"}) {
            for (const QJsonValue &v :
                 c.value(QLatin1String(list)).toObject().value("withheld"_L1).toArray()) {
                EXPECT_FALSE(v.toObject().value("reason"_L1).toString().isEmpty())
                    << list << " " << v.toObject().value("id"_L1).toString().toStdString();
            }
        }
        info(u"choices"_s,
             u"%1 (%2): disks %3; nics %4; graphics %5"_s.arg(
                 arch, c.value("execution"_L1).toString(), ids(disks, "offered").join(u','),
                 ids(nics, "offered").join(u','), ids(graphics, "offered").join(u',')));
        if (arch.startsWith("ppc64"_L1)) {
            EXPECT_TRUE(ids(disks, "offered").contains(u"spapr-vscsi"_s));
            EXPECT_FALSE(reasonFor(disks, u"ide"_s).isEmpty());
            EXPECT_FALSE(reasonFor(disks, u"sata"_s).isEmpty());
            EXPECT_TRUE(ids(graphics, "offered").contains(u"vnc"_s));
            EXPECT_FALSE(ids(graphics, "offered").contains(u"spice"_s));
            EXPECT_EQ(c.value("execution"_L1).toString(), u"emulated"_s);
        }
        if (arch == "s390x"_L1) {
            EXPECT_FALSE(ids(graphics, "offered").contains(u"vnc"_s));
            EXPECT_EQ(ids(nics, "offered"), QStringList{u"virtio"_s});
        }
        if (arch == "x86_64"_L1) {
            EXPECT_EQ(c.value("execution"_L1).toString(),
                      daemon().hasKvm() ? u"native"_s : u"emulated"_s);
        }
        if (arch == "aarch64"_L1) {
            EXPECT_FALSE(reasonFor(c.value("cpu_modes"_L1).toObject(), u"host-model"_s).isEmpty());
        }
    }
}

} // namespace
