// What the serial terminal shows, and when a VM's display can be reached.
#include "models/console/ConsoleEndpoints.h"
#include "models/console/TerminalBuffer.h"

#include <gtest/gtest.h>

using namespace crossvirt::models;
using namespace Qt::StringLiterals;

TEST(TerminalBuffer, ShowsFirmwareOutputWithoutEscapeGarbage)
{
    TerminalBuffer t;
    t.feed("\x1b[2J\x1b[H\x1b[1;32mSLOF\x1b[0m booting\r\n");
    t.feed("Trying to load:  from: /vdevice/v-scsi@2000 ...   ");
    t.feed("\r\n0 > ");
    EXPECT_EQ(t.lines(),
              (QStringList{u"SLOF booting"_s,
                           u"Trying to load:  from: /vdevice/v-scsi@2000 ...   "_s, u"0 > "_s}));
}

TEST(TerminalBuffer, CarriageReturnOverwritesAndBackspaceMovesBack)
{
    TerminalBuffer t;
    t.feed("Progress 10%\rProgress 99%\n");
    EXPECT_EQ(t.lines().first(), u"Progress 99%"_s);
    t.feed("boox\bt\n");
    EXPECT_EQ(t.lines().at(1), u"boot"_s);
    t.feed("erase me\r\x1b[K");
    EXPECT_EQ(t.lines().last(), QString());
}

TEST(TerminalBuffer, Utf8SplitAcrossReadsAndBoundedHistory)
{
    TerminalBuffer t(3);
    const QByteArray text = QString(u"Olá, máquina"_s).toUtf8();
    t.feed(text.left(3)); // cuts "á" in half
    t.feed(text.mid(3) + "\n1\n2\n3");
    EXPECT_EQ(t.lines(), (QStringList{u"1"_s, u"2"_s, u"3"_s}));
    TerminalBuffer u;
    u.feed(text.left(3));
    u.feed(text.mid(3));
    EXPECT_EQ(u.text(), u"Olá, máquina"_s);
}

TEST(TerminalBuffer, KeysBecomeTheBytesASerialConsoleExpects)
{
    EXPECT_EQ(terminalBytesForKey(Qt::Key_Return, {}, u"\r"_s), QByteArray("\r"));
    EXPECT_EQ(terminalBytesForKey(Qt::Key_Backspace, {}, {}), QByteArray("\x7f"));
    EXPECT_EQ(terminalBytesForKey(Qt::Key_Up, {}, {}), QByteArray("\x1b[A"));
    EXPECT_EQ(terminalBytesForKey(Qt::Key_C, Qt::ControlModifier, u"\x03"_s), QByteArray("\x03"));
    EXPECT_EQ(terminalBytesForKey(Qt::Key_B, {}, u"b"_s), QByteArray("b"));
}

namespace {
DomainDetails runningWithVnc(const QString &listen, int port)
{
    DomainDetails d;
    d.summary.name = u"vm"_s;
    d.summary.state = DomainState::Running;
    d.graphics << GraphicsInfo{u"vnc"_s, port, listen, true, false};
    d.consoles << ConsoleInfo{u"serial"_s, u"isa-serial"_s, {}};
    return d;
}
} // namespace

TEST(ConsoleAvailability, LocalHostsUseTheGraphicsSocket)
{
    const auto a = consoleAvailability(u"qemu:///system"_s, runningWithVnc(u"127.0.0.1"_s, 5900));
    EXPECT_TRUE(a.hasGraphics);
    EXPECT_TRUE(a.hasSerial);
    EXPECT_TRUE(a.graphicsProblem.isEmpty());
}

TEST(ConsoleAvailability, RemoteLoopbackDisplayIsExplained)
{
    const auto tcp = consoleAvailability(u"qemu+tcp://power9.example/system"_s,
                                         runningWithVnc(u"127.0.0.1"_s, 5901));
    EXPECT_TRUE(tcp.graphicsProblem.contains(u"loopback"_s)) << tcp.graphicsProblem.toStdString();
    // Over SSH the tunnel reaches a loopback or any-address display from the host itself;
    // a UNIX socket display (no port) is not reachable and says so.
    for (const QString &listen : {u"127.0.0.1"_s, u"0.0.0.0"_s, QString(), u"10.0.0.5"_s}) {
        const auto ssh =
            consoleAvailability(u"qemu+ssh://root@power9/system"_s, runningWithVnc(listen, 5901));
        EXPECT_TRUE(ssh.graphicsProblem.isEmpty()) << ssh.graphicsProblem.toStdString();
    }
    const auto socketOnly =
        consoleAvailability(u"qemu+libssh://root@power9/system"_s, runningWithVnc({}, -1));
    EXPECT_TRUE(socketOnly.graphicsProblem.contains(u"UNIX socket"_s))
        << socketOnly.graphicsProblem.toStdString();
    const auto open =
        consoleAvailability(u"qemu+tls://power9/system"_s, runningWithVnc(u"0.0.0.0"_s, 5901));
    EXPECT_TRUE(open.graphicsProblem.isEmpty());
    const auto self =
        consoleAvailability(u"qemu+tcp://127.0.0.1/system"_s, runningWithVnc(u"127.0.0.1"_s, 5901));
    EXPECT_TRUE(self.graphicsProblem.isEmpty())
        << "a loopback display on this machine is reachable";
}

TEST(ConsoleAvailability, HeadlessTestDriverAndStoppedVmsSayWhy)
{
    DomainDetails s390;
    s390.summary.state = DomainState::Running;
    s390.consoles << ConsoleInfo{u"console"_s, u"sclp"_s, {}};
    const auto a = consoleAvailability(u"qemu:///system"_s, s390);
    EXPECT_FALSE(a.hasGraphics);
    EXPECT_TRUE(a.hasSerial);
    EXPECT_FALSE(a.graphicsProblem.isEmpty());
    EXPECT_FALSE(consoleAvailability(u"test:///default"_s, runningWithVnc({}, 5900))
                     .graphicsProblem.isEmpty());
    DomainDetails off = runningWithVnc({}, -1);
    off.summary.state = DomainState::Shutoff;
    EXPECT_TRUE(
        consoleAvailability(u"qemu:///system"_s, off).graphicsProblem.contains(u"not running"_s));
}
