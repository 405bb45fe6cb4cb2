// crossvirt-cli choices for the seventh arch (issue 10): armv7l, added as one arch class
// and one registry line, answers on the test driver with its lists, emulated placement
// aside, and a reason for every withheld entry.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace {

QString withheldReason(const QJsonObject &list, const QString &id)
{
    for (const QJsonValue &w : list.value(u"withheld"_s).toArray()) {
        if (w.toObject().value(u"id"_s).toString() == id)
            return w.toObject().value(u"reason"_s).toString();
    }
    return {};
}

} // namespace

TEST(ArmChoicesCli, Armv7lAnswersWithReasonsOnTheTestDriver)
{
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, home.path());
    env.insert(u"XDG_CONFIG_HOME"_s, home.path() + u"/config"_s);
    QProcess cli;
    cli.setProcessEnvironment(env);
    cli.start(QStringLiteral(CROSSVIRT_CLI_PATH),
              {u"choices"_s, u"--arch"_s, u"armv7l"_s, u"--connect"_s, u"test:///default"_s});
    ASSERT_TRUE(cli.waitForFinished(120'000));
    const QString err = QString::fromLocal8Bit(cli.readAllStandardError());
    if (cli.exitCode() == 64 && err.contains(u"unknown command"_s))
        GTEST_SKIP() << "choices is not registered in crossvirt-cli";
    ASSERT_EQ(cli.exitCode(), 0) << err.toStdString();
    const QJsonObject o = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    EXPECT_EQ(o.value(u"arch"_s).toString(), u"armv7l"_s);
    // The test driver's host is i686: it can only emulate 32-bit Arm.
    EXPECT_EQ(o.value(u"execution"_s).toString(), u"emulated"_s);
    const QJsonObject defaults = o.value(u"defaults"_s).toObject();
    EXPECT_EQ(defaults.value(u"machine"_s).toString(), u"virt"_s);
    EXPECT_EQ(defaults.value(u"cpu"_s).toObject().value(u"model"_s).toString(), u"cortex-a15"_s);

    const QJsonObject disks = o.value(u"disk_interfaces"_s).toObject();
    EXPECT_EQ(withheldReason(disks, u"spapr-vscsi"_s),
              u"sPAPR VSCSI exists only on POWER (pseries) guests"_s);
    EXPECT_EQ(withheldReason(disks, u"ide"_s), u"IDE is not available on armv7l guests"_s);
    EXPECT_EQ(withheldReason(o.value(u"consoles"_s).toObject(), u"sclp"_s),
              u"SCLP console exists only on s390x guests"_s);
    int withheld = 0;
    for (const QJsonValue &list : o) {
        for (const QJsonValue &w : list.toObject().value(u"withheld"_s).toArray()) {
            ++withheld;
            EXPECT_FALSE(w.toObject().value(u"reason"_s).toString().isEmpty())
                << w.toObject().value(u"id"_s).toString().toStdString();
        }
    }
    EXPECT_GT(withheld, 10);
}
