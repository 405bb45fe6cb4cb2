// QEMU's VNC server as recorded by fuzz/record-qemu-vnc.py (the seeds of the
// vnc_server_messages fuzz target) replayed through VncProtocolRun on the calling thread,
// as the fuzz target drives it: a server that has said everything and closed. Each
// encoding QEMU used ends in the whole 640x480 screen and then "the server closed"; a
// password challenge with no password to give is reported as a password being required.
#include "models/console/VncEndpoint.h"
#include "models/console/VncProtocolRun.h"

#include <QFile>

#include <gtest/gtest.h>

#include <memory>
#include <sys/socket.h>
#include <unistd.h>

using namespace crossvirt::models;
using namespace Qt::StringLiterals;

namespace {

QByteArray recorded(const QString &name)
{
    QFile file(qEnvironmentVariable("CROSSVIRT_SOURCE_DIR") +
               u"/fuzz/corpus/vnc_server_messages/"_s + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

struct Replay
{
    VncFailureReport outcome;
    bool fullFrame = false;
    QSize size;
};

// The server's bytes go into a socketpair, the server half-closes, the client runs.
Replay replay(const QByteArray &serverBytes)
{
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
        return {};
    EXPECT_EQ(::send(fds[1], serverBytes.constData(), size_t(serverBytes.size()), MSG_NOSIGNAL),
              serverBytes.size());
    ::shutdown(fds[1], SHUT_WR);
    auto run = std::make_shared<VncProtocolRun>(VncEndpoint::socket(fds[0], u"QEMU"_s), false, 2000,
                                                nullptr);
    Replay out;
    out.outcome = run->runOnCallingThread();
    out.fullFrame = run->hasFullFrame();
    out.size = run->frameCopy().size();
    ::close(fds[1]);
    return out;
}

} // namespace

TEST(VncRecordedSession, EveryEncodingQemuUsedGivesTheWholeScreenThenServerClosed)
{
    for (const QString &encoding : {u"tight"_s, u"zrle"_s, u"hextile"_s, u"zlib"_s}) {
        SCOPED_TRACE(encoding.toStdString());
        const QByteArray bytes = recorded(u"qemu7.2-none-"_s + encoding + u".bin"_s);
        ASSERT_FALSE(bytes.isEmpty());
        const Replay r = replay(bytes);
        EXPECT_TRUE(r.fullFrame);
        EXPECT_EQ(r.size, QSize(640, 480));
        EXPECT_EQ(r.outcome.failure, VncSession::Failure::ServerClosed);
        EXPECT_FALSE(r.outcome.message.isEmpty());
    }
}

TEST(VncRecordedSession, PasswordChallengeWithoutPasswordSaysOneIsRequired)
{
    const QByteArray bytes = recorded(u"qemu7.2-none-password.bin"_s);
    ASSERT_FALSE(bytes.isEmpty());
    const Replay r = replay(bytes);
    EXPECT_FALSE(r.fullFrame);
    EXPECT_EQ(r.outcome.failure, VncSession::Failure::PasswordRequired);
    EXPECT_FALSE(r.outcome.message.isEmpty());
}
