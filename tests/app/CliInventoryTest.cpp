// crossvirt-cli hosts / list, run as a script would run them.
#include "common/TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTcpServer>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace {

struct CliRun
{
    int exitCode = -1;
    QJsonArray json;
    QString stderrText;
};

CliRun runCli(const QStringList &args)
{
    const QString dir = crossvirt::test::makeTempDir();
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"CROSSVIRT_CONFIG_DIR"_s, dir + u"/config"_s); // no saved list
    env.insert(u"CROSSVIRT_DATA_DIR"_s, dir + u"/data"_s);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CROSSVIRT_CLI_PATH), args);
    EXPECT_TRUE(p.waitForFinished(60000));
    CliRun r;
    r.exitCode = p.exitCode();
    r.json = QJsonDocument::fromJson(p.readAllStandardOutput()).array();
    r.stderrText = QString::fromLocal8Bit(p.readAllStandardError());
    return r;
}

} // namespace

TEST(CliInventory, HostsWithoutASavedListShowsTheDemoDatacenter)
{
    const CliRun r = runCli({u"hosts"_s});
    EXPECT_EQ(r.exitCode, 0) << r.stderrText.toStdString();
    ASSERT_EQ(r.json.size(), 4);
    QSet<QString> arches;
    for (const auto &v : r.json) {
        const QJsonObject o = v.toObject();
        EXPECT_EQ(o.value("state"_L1).toString(), u"connected"_s);
        EXPECT_GT(o.value("cpus"_L1).toInt(), 0);
        EXPECT_GT(o.value("memory_kib"_L1).toDouble(), 0);
        arches.insert(o.value("arch"_L1).toString());
    }
    EXPECT_GE(arches.size(), 4);
    EXPECT_TRUE(arches.contains(u"ppc64le"_s) && arches.contains(u"s390x"_s));
}

TEST(CliInventory, ListShowsArchAndNativeOrEmulated)
{
    const CliRun r = runCli({u"list"_s});
    EXPECT_EQ(r.exitCode, 0);
    bool sawEmulated = false, sawNativePower = false;
    for (const auto &v : r.json) {
        const QJsonObject o = v.toObject();
        for (const char *key :
             {"host", "name", "uuid", "state", "arch", "mode", "vcpus", "memory_kib"})
            EXPECT_TRUE(o.contains(QLatin1String(key))) << key;
        if (o.value("name"_L1).toString() == "ppc64le-ci"_L1)
            sawEmulated = o.value("mode"_L1).toString() == "emulated"_L1;
        if (o.value("name"_L1).toString() == "power-db"_L1)
            sawNativePower = o.value("mode"_L1).toString() == "native"_L1 &&
                             o.value("arch"_L1).toString() == "ppc64le"_L1;
    }
    EXPECT_EQ(r.json.size(), 20);
    EXPECT_TRUE(sawEmulated);
    EXPECT_TRUE(sawNativePower);
}

TEST(CliInventory, UnreachableHostFailsTheExitCodeButOthersAreListed)
{
    QTcpServer probe;
    ASSERT_TRUE(probe.listen(QHostAddress::LocalHost));
    const QString dead = u"qemu+tcp://127.0.0.1:%1/system"_s.arg(probe.serverPort());
    probe.close();
    const CliRun r =
        runCli({u"--connect"_s, dead, u"--connect"_s, u"test:///default"_s, u"hosts"_s});
    EXPECT_NE(r.exitCode, 0);
    EXPECT_TRUE(r.stderrText.contains(dead)) << r.stderrText.toStdString();
    EXPECT_TRUE(r.stderrText.contains(u"refused"_s, Qt::CaseInsensitive));
    ASSERT_EQ(r.json.size(), 2);
    EXPECT_EQ(r.json[0].toObject().value("state"_L1).toString(), u"disconnected"_s);
    EXPECT_FALSE(r.json[0].toObject().value("error"_L1).toString().isEmpty());
    EXPECT_EQ(r.json[1].toObject().value("state"_L1).toString(), u"connected"_s);
}
