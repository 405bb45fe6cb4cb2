// crossvirt-cli serial on the libvirt test driver: the usage errors, and every refusal a
// script must be able to tell apart (VM not found, not running, no console device, a
// driver that cannot open consoles, an unreachable host). Reading a real guest's console
// is proven in tests/e2e/e2e_cli_test.cpp.
#include "CliRunner.h"

#include <QFile>
#include <QTcpServer>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using crossvirt::test::CliRun;
using crossvirt::test::runCli;

namespace {

// test:///default's "test" VM runs but has no serial or console device. This host file
// adds a running VM with a serial console and a shut-off one (test:runstate 5).
QString testHostWithConsoles()
{
    static QTemporaryDir dir;
    const QString path = dir.path() + u"/host.xml"_s;
    QFile f(path);
    if (!f.exists() && f.open(QIODevice::WriteOnly)) {
        f.write(R"(<node>
  <domain type='test'>
    <name>with-serial</name>
    <memory>65536</memory>
    <os><type>hvm</type></os>
    <devices>
      <serial type='pty'><target port='0'/></serial>
      <console type='pty'><target type='serial' port='0'/></console>
    </devices>
  </domain>
  <domain type='test' xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>
    <name>stopped</name>
    <memory>65536</memory>
    <os><type>hvm</type></os>
    <devices><serial type='pty'><target port='0'/></serial></devices>
    <test:runstate>5</test:runstate>
  </domain>
</node>
)");
    }
    return u"test://"_s + path;
}

CliRun serial(const QStringList &args)
{
    return runCli(QStringList{u"serial"_s} + args, 60'000);
}

TEST(SerialCli, UsageErrorsExit64WithTheReason)
{
    const QString host = u"test:///default"_s;
    struct Case
    {
        QStringList args;
        QString says;
    };
    const QList<Case> cases{
        {{u"-c"_s, host}, u"--vm NAME"_s},
        {{u"-c"_s, host, u"--vm"_s, u"test"_s, u"--seconds"_s, u"soon"_s}, u"--seconds"_s},
        {{u"-c"_s, host, u"--vm"_s, u"test"_s, u"--seconds"_s, u"0"_s}, u"--seconds"_s},
        {{u"-c"_s, host, u"--vm"_s, u"test"_s, u"--seconds"_s, u"-3"_s}, u"--seconds"_s},
        {{u"-c"_s, host, u"--vm"_s, u"test"_s, u"--send"_s, u"ls\\q"_s}, u"unknown escape \\q"_s},
        {{u"-c"_s, host, u"--vm"_s, u"test"_s, u"--send"_s, u"ls\\"_s}, u"lone backslash"_s},
        {{u"-c"_s, host, u"--vm"_s, u"test"_s, u"--send"_s, u"\\x4"_s}, u"two hex digits"_s},
        {{u"-c"_s, host, u"--vm"_s, u"test"_s, u"--until"_s, u""_s}, u"--until"_s},
        {{u"-c"_s, host, u"--vm"_s, u"test"_s, u"--no-such-option"_s}, u"no-such-option"_s},
        {{u"-c"_s, host, u"--vm"_s, u"test"_s, u"extra"_s}, u"unexpected argument extra"_s},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.args.join(u' ').toStdString());
        const CliRun r = serial(c.args);
        EXPECT_EQ(r.exitCode, 64) << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(c.says)) << r.err.toStdString();
        EXPECT_TRUE(r.out.isEmpty()) << r.out.toStdString();
    }
}

TEST(SerialCli, HelpDocumentsEscapesAndExitCodes)
{
    const CliRun r = serial({u"--help"_s});
    ASSERT_EQ(r.exitCode, 0);
    const QString text = QString::fromLocal8Bit(r.out);
    for (const QString &needle : {u"--seconds"_s, u"--send"_s, u"--until"_s, u"\\n"_s, u"\\xHH"_s,
                                  u"uname -a\\n"_s, u"closed its console"_s})
        EXPECT_TRUE(text.contains(needle)) << needle.toStdString() << "\n" << text.toStdString();
}

TEST(SerialCli, VmThatDoesNotExistIsRefused)
{
    const CliRun r = serial({u"-c"_s, u"test:///default"_s, u"--vm"_s, u"no-such-vm"_s});
    EXPECT_EQ(r.exitCode, 1) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"no virtual machine named “no-such-vm” on test:///default"_s))
        << r.err.toStdString();
}

TEST(SerialCli, VmWithoutConsoleDeviceIsRefused)
{
    const CliRun r = serial({u"--vm"_s, u"test"_s, u"-c"_s, u"test:///default"_s});
    EXPECT_EQ(r.exitCode, 1) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"“test” has no serial console"_s)) << r.err.toStdString();
}

TEST(SerialCli, VmThatIsNotRunningIsRefused)
{
    const CliRun r = serial({u"-c"_s, testHostWithConsoles(), u"--vm"_s, u"stopped"_s});
    EXPECT_EQ(r.exitCode, 1) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"“stopped” is not running (Shut off)"_s)) << r.err.toStdString();
}

TEST(SerialCli, DriverWithoutConsolesSaysSoAndExitsTwo)
{
    // The test driver has no virDomainOpenConsole: libvirt's own words reach the user.
    const CliRun r = serial(
        {u"-c"_s, testHostWithConsoles(), u"--vm"_s, u"with-serial"_s, u"--seconds"_s, u"1"_s});
    EXPECT_EQ(r.exitCode, 2) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"could not open the serial console of “with-serial”"_s))
        << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"not supported"_s)) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"virDomainOpenConsole"_s)) << r.err.toStdString();
}

TEST(SerialCli, UnreachableHostExitsTwoWithLibvirtsMessage)
{
    QTcpServer probe;
    ASSERT_TRUE(probe.listen(QHostAddress::LocalHost));
    const QString dead = u"qemu+tcp://127.0.0.1:%1/system"_s.arg(probe.serverPort());
    probe.close();
    const CliRun r = serial({u"-c"_s, dead, u"--vm"_s, u"x"_s});
    EXPECT_EQ(r.exitCode, 2) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"refused"_s, Qt::CaseInsensitive)) << r.err.toStdString();
}

TEST(SerialCli, SameNameOnTwoHostsAsksForConnect)
{
    const CliRun r = serial(
        {u"-c"_s, u"test:///default"_s, u"-c"_s, u"test:///default"_s, u"--vm"_s, u"test"_s});
    EXPECT_EQ(r.exitCode, 1) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"several hosts"_s)) << r.err.toStdString();
}

} // namespace
