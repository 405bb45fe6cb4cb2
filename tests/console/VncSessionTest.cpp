// VncSession against a scripted RFB server on 127.0.0.1: frames, resize, input,
// passwords, and servers that misbehave (nonsense, huge screens, closing mid-update).

#include "models/console/VncSession.h"
#include "FakeVncServer.h"
#include "common/TestSupport.h"
#include "models/console/KeyMap.h"

#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QSignalSpy>
#include <atomic>
#include <chrono>
#include <gtest/gtest.h>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using crossvirt::models::KeyMap;
using crossvirt::models::VncEndpoint;
using crossvirt::models::VncSession;
using crossvirt::test::FakeVncServer;
using crossvirt::test::waitUntil;
using Failure = VncSession::Failure;

namespace {

// Left half red, right half blue, a green dot at (10, 20), white bottom-right corner.
QRgb pattern(int x, int y)
{
    if (x == 10 && y == 20)
        return qRgb(0, 255, 0);
    if (x == 63 && y == 47)
        return qRgb(255, 255, 255);
    return x < 32 ? qRgb(255, 0, 0) : qRgb(0, 0, 255);
}

void expectPattern(const QImage &frame)
{
    ASSERT_EQ(frame.size(), QSize(64, 48));
    EXPECT_EQ(frame.pixel(0, 0), qRgb(255, 0, 0));
    EXPECT_EQ(frame.pixel(31, 47), qRgb(255, 0, 0));
    EXPECT_EQ(frame.pixel(32, 0), qRgb(0, 0, 255));
    EXPECT_EQ(frame.pixel(10, 20), qRgb(0, 255, 0));
    EXPECT_EQ(frame.pixel(63, 47), qRgb(255, 255, 255));
}

VncEndpoint local(const FakeVncServer &server, const QString &password = {})
{
    return VncEndpoint::tcp(u"127.0.0.1"_s, server.port(), password);
}

// Runs a session until it ends; returns the disconnected() error.
struct Ending
{
    bool ended = false;
    QString error;
    Failure failure = Failure::None;
};

Ending runUntilDisconnected(VncSession &session, const VncEndpoint &endpoint, int timeoutMs = 8000)
{
    QSignalSpy disconnected(&session, &VncSession::disconnected);
    session.connectToEndpoint(endpoint);
    Ending ending;
    ending.ended = waitUntil([&] { return disconnected.count() > 0; }, timeoutMs);
    if (ending.ended) {
        ending.error = disconnected.first().first().toString();
        ending.failure = session.failure();
    }
    return ending;
}

} // namespace

TEST(VncSession, ShowsTheServersPixels)
{
    FakeVncServer server([](FakeVncServer &s) {
        if (s.handshake(64, 48) && s.waitForUpdateRequest() &&
            s.sendRawRect(QRect(0, 0, 64, 48), pattern))
            s.recordInputUntilClosed();
    });
    VncSession session;
    QSignalSpy connected(&session, &VncSession::connected);
    QSignalSpy full(&session, &VncSession::fullFrameReceived);
    QSignalSpy frames(&session, &VncSession::frameUpdated);
    session.connectToEndpoint(local(server));
    ASSERT_TRUE(waitUntil([&] { return full.count() > 0; }, 5000))
        << session.errorString().toStdString();

    ASSERT_EQ(connected.count(), 1);
    EXPECT_EQ(connected.first().first().toSize(), QSize(64, 48));
    EXPECT_EQ(session.state(), VncSession::State::Connected);
    EXPECT_EQ(session.frameSize(), QSize(64, 48));
    EXPECT_EQ(session.desktopName(), u"fake"_s);
    expectPattern(session.currentFrame());

    // What the view gets: the frame and the region to repaint.
    ASSERT_GT(frames.count(), 0);
    const QImage delivered = frames.last().at(0).value<QImage>();
    expectPattern(delivered);
    const QRegion dirty = frames.last().at(1).value<QRegion>();
    EXPECT_TRUE(dirty.boundingRect().contains(QRect(0, 0, 64, 48)));
}

TEST(VncSession, WaitForFullFrameWorksWithoutAnEventLoop)
{
    // Two updates of one half each: a full frame exists only after the second.
    std::atomic<bool> sendSecondHalf{false};
    FakeVncServer server([&](FakeVncServer &s) {
        if (!s.handshake(64, 48) || !s.waitForUpdateRequest() ||
            !s.sendRawRect(QRect(0, 0, 64, 24), pattern))
            return;
        while (!sendSecondHalf && !s.stopRequested())
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        if (s.sendRawRect(QRect(0, 24, 64, 24), pattern))
            s.recordInputUntilClosed();
    });
    VncSession session;
    session.connectToEndpoint(local(server));
    // The CLI's way: block, no processEvents().
    EXPECT_FALSE(session.waitForFullFrame(700));
    EXPECT_FALSE(session.hasFullFrame());
    sendSecondHalf = true;
    ASSERT_TRUE(session.waitForFullFrame(5000));
    expectPattern(session.currentFrame());

    const QString path = QDir(crossvirt::test::makeTempDir()).filePath(u"screen.png"_s);
    ASSERT_TRUE(session.currentFrame().save(path, "PNG"));
    QImage saved(path);
    expectPattern(saved.convertToFormat(QImage::Format_RGB32));
}

TEST(VncSession, FollowsTheGuestWhenItChangesResolution)
{
    FakeVncServer server([](FakeVncServer &s) {
        if (!s.handshake(64, 48) || !s.waitForUpdateRequest() ||
            !s.sendRawRect(QRect(0, 0, 64, 48), pattern) || !s.sendDesktopSize(80, 60))
            return;
        bool incremental = true;
        // After a resize the client asks for the whole new screen.
        while (incremental && s.waitForUpdateRequest(&incremental)) {
        }
        if (s.sendRawRect(QRect(0, 0, 80, 60), [](int x, int) {
                return x < 40 ? qRgb(255, 255, 0) : qRgb(0, 255, 255);
            }))
            s.recordInputUntilClosed();
    });
    VncSession session;
    QSignalSpy resized(&session, &VncSession::resized);
    // Frames may be coalesced, but a complete screen is announced after the resize.
    QList<QSize> fullFrameSizes;
    QObject::connect(&session, &VncSession::fullFrameReceived, &session,
                     [&] { fullFrameSizes.append(session.frameSize()); });
    session.connectToEndpoint(local(server));
    ASSERT_TRUE(waitUntil(
        [&] { return !fullFrameSizes.isEmpty() && fullFrameSizes.last() == QSize(80, 60); }, 5000))
        << session.errorString().toStdString();
    ASSERT_EQ(resized.count(), 1);
    EXPECT_EQ(resized.first().first().toSize(), QSize(80, 60));
    EXPECT_EQ(session.frameSize(), QSize(80, 60));
    const QImage frame = session.currentFrame();
    ASSERT_EQ(frame.size(), QSize(80, 60));
    EXPECT_EQ(frame.pixel(0, 0), qRgb(255, 255, 0));
    EXPECT_EQ(frame.pixel(79, 59), qRgb(0, 255, 255));
}

TEST(VncSession, FollowsAResizeAnnouncedTheWayQemuDoes)
{
    // QEMU prefers ExtendedDesktopSize when offered and numbers its screen 0, which
    // LibVNCClient 0.9.14 ignores; the session must end up at the new size anyway.
    FakeVncServer server([](FakeVncServer &s) {
        if (!s.handshake(64, 48) || !s.waitForUpdateRequest() ||
            !s.sendRawRect(QRect(0, 0, 64, 48), pattern) || !s.sendResizeLikeQemu(800, 600))
            return;
        if (s.sendRawRect(QRect(0, 0, 800, 600), [](int, int) { return qRgb(0, 128, 0); }))
            s.recordInputUntilClosed();
    });
    VncSession session;
    QSignalSpy resized(&session, &VncSession::resized);
    QSignalSpy disconnected(&session, &VncSession::disconnected);
    session.connectToEndpoint(local(server));
    ASSERT_TRUE(waitUntil(
        [&] { return session.hasFullFrame() && session.frameSize() == QSize(800, 600); }, 5000))
        << session.errorString().toStdString();
    EXPECT_EQ(disconnected.count(), 0);
    ASSERT_EQ(resized.count(), 1);
    EXPECT_EQ(session.currentFrame().pixel(799, 599), qRgb(0, 128, 0));
}

TEST(VncSession, SendsKeysAndPointerToTheServer)
{
    FakeVncServer server([](FakeVncServer &s) {
        if (s.handshake(64, 48) && s.waitForUpdateRequest() &&
            s.sendRawRect(QRect(0, 0, 64, 48), pattern))
            s.recordInputUntilClosed();
    });
    VncSession session;
    QSignalSpy full(&session, &VncSession::fullFrameReceived);
    session.connectToEndpoint(local(server));
    ASSERT_TRUE(waitUntil([&] { return full.count() > 0; }, 5000));

    session.sendKey(0xff0d, true);
    session.sendKey(0xff0d, false);
    session.sendPointer(10, 20, 1);
    session.sendPointer(10, 20, 0);
    session.sendPointer(500, -3, 4); // clamped to the 64x48 screen
    session.sendKeyStrokes(KeyMap::sendKeyCombo(u"ctrl-alt-del"_s)->strokes());

    ASSERT_TRUE(waitUntil(
        [&] { return server.keys().size() >= 8 && server.pointers().size() >= 3; }, 5000));
    const auto keys = server.keys();
    const std::vector<std::pair<quint32, bool>> expectedKeys = {
        {0xff0d, true}, {0xff0d, false}, {0xffe3, true},  {0xffe9, true},
        {0xffff, true}, {0xffff, false}, {0xffe9, false}, {0xffe3, false}};
    ASSERT_EQ(keys.size(), expectedKeys.size());
    for (size_t i = 0; i < keys.size(); ++i) {
        EXPECT_EQ(keys[i].keysym, expectedKeys[i].first) << i;
        EXPECT_EQ(keys[i].down, expectedKeys[i].second) << i;
    }
    const auto pointers = server.pointers();
    ASSERT_EQ(pointers.size(), 3u);
    EXPECT_EQ(pointers[0].x, 10);
    EXPECT_EQ(pointers[0].y, 20);
    EXPECT_EQ(pointers[0].buttons, 1);
    EXPECT_EQ(pointers[1].buttons, 0);
    EXPECT_EQ(pointers[2].x, 63);
    EXPECT_EQ(pointers[2].y, 0);
    EXPECT_EQ(pointers[2].buttons, 4);
}

TEST(VncSession, ConnectsThroughAnAlreadyOpenSocket)
{
    FakeVncServer server([](FakeVncServer &s) {
        if (s.handshake(64, 48) && s.waitForUpdateRequest() &&
            s.sendRawRect(QRect(0, 0, 64, 48), pattern))
            s.recordInputUntilClosed();
    });
    // What virDomainOpenGraphicsFD hands over: a connected stream socket.
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(server.port());
    ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);

    VncSession session;
    QSignalSpy full(&session, &VncSession::fullFrameReceived);
    session.connectToEndpoint(VncEndpoint::socket(fd, u"vm1"_s));
    ASSERT_TRUE(waitUntil([&] { return full.count() > 0; }, 5000))
        << session.errorString().toStdString();
    EXPECT_EQ(session.endpointName(), u"vm1"_s);
    expectPattern(session.currentFrame());

    // Disconnecting closes the fd: the server sees the end of the stream.
    QSignalSpy disconnected(&session, &VncSession::disconnected);
    session.disconnectFromServer();
    ASSERT_EQ(disconnected.count(), 1);
    EXPECT_TRUE(disconnected.first().first().toString().isEmpty());
    EXPECT_EQ(session.failure(), Failure::None);
    EXPECT_EQ(session.state(), VncSession::State::Disconnected);
    EXPECT_TRUE(waitUntil([&] { return server.clientClosed(); }, 5000));
    // The last screen stays available after the disconnect.
    expectPattern(session.currentFrame());
}

TEST(VncSession, AsksForThePasswordAndSendsIt)
{
    bool accepted = false;
    FakeVncServer server([&](FakeVncServer &s) {
        if (s.greet(QByteArray(1, '\x02')) &&
            s.authenticateVnc("secret", "Authentication failed", &accepted) && accepted &&
            s.serverInit(64, 48) && s.waitForUpdateRequest() &&
            s.sendRawRect(QRect(0, 0, 64, 48), pattern))
            s.recordInputUntilClosed();
    });
    VncSession session;
    QSignalSpy asked(&session, &VncSession::passwordRequested);
    QSignalSpy full(&session, &VncSession::fullFrameReceived);
    session.connectToEndpoint(local(server));
    ASSERT_TRUE(waitUntil([&] { return asked.count() > 0; }, 5000));
    EXPECT_TRUE(session.isPasswordRequestPending());
    session.providePassword(u"secret"_s);
    ASSERT_TRUE(waitUntil([&] { return full.count() > 0; }, 5000))
        << session.errorString().toStdString();
    EXPECT_TRUE(accepted);
    expectPattern(session.currentFrame());
}

TEST(VncSession, UsesTheEndpointPasswordWithoutAsking)
{
    bool accepted = false;
    FakeVncServer server([&](FakeVncServer &s) {
        if (s.greet(QByteArray(1, '\x02')) &&
            s.authenticateVnc("secret", "Authentication failed", &accepted) && accepted &&
            s.serverInit(64, 48) && s.waitForUpdateRequest() &&
            s.sendRawRect(QRect(0, 0, 64, 48), pattern))
            s.recordInputUntilClosed();
    });
    VncSession session;
    QSignalSpy asked(&session, &VncSession::passwordRequested);
    QSignalSpy full(&session, &VncSession::fullFrameReceived);
    session.connectToEndpoint(local(server, u"secret"_s));
    ASSERT_TRUE(waitUntil([&] { return full.count() > 0; }, 5000))
        << session.errorString().toStdString();
    EXPECT_EQ(asked.count(), 0);
}

TEST(VncSession, WithoutPromptsAMissingPasswordFailsAtOnce)
{
    // The CLI's case: no one to ask, no event loop; the wait reports why.
    FakeVncServer server([](FakeVncServer &s) {
        bool accepted = false;
        if (s.greet(QByteArray(1, '\x02')))
            s.authenticateVnc("secret", "no", &accepted);
    });
    VncSession session;
    session.setAskForPassword(false);
    session.connectToEndpoint(local(server));
    QString error;
    QElapsedTimer timer;
    timer.start();
    EXPECT_FALSE(session.waitForFullFrame(5000, &error));
    EXPECT_LT(timer.elapsed(), 4000);
    EXPECT_TRUE(error.contains(u"password"_s)) << error.toStdString();
}

TEST(VncSession, WaitForFullFrameReportsATimeout)
{
    std::atomic<bool> done{false};
    FakeVncServer server([&](FakeVncServer &s) {
        if (s.handshake(64, 48) && s.waitForUpdateRequest())
            while (!done && !s.stopRequested())
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
    });
    VncSession session;
    session.connectToEndpoint(local(server));
    QString error;
    EXPECT_FALSE(session.waitForFullFrame(300, &error));
    EXPECT_TRUE(error.contains(u"No complete screen"_s)) << error.toStdString();
    done = true;
}

TEST(VncSession, WrongPasswordEndsWithTheServersReason)
{
    bool accepted = true;
    FakeVncServer server([&](FakeVncServer &s) {
        if (s.greet(QByteArray(1, '\x02')))
            s.authenticateVnc("secret", "Authentication failed", &accepted);
    });
    VncSession session;
    const Ending ending = runUntilDisconnected(session, local(server, u"wrong"_s));
    ASSERT_TRUE(ending.ended);
    EXPECT_FALSE(accepted);
    EXPECT_EQ(ending.failure, Failure::AuthenticationFailed);
    EXPECT_TRUE(ending.error.contains(u"password"_s)) << ending.error.toStdString();
    EXPECT_TRUE(ending.error.contains(u"Authentication failed"_s)) << ending.error.toStdString();
}

TEST(VncSession, CancelledPasswordPromptEndsTheSession)
{
    FakeVncServer server([](FakeVncServer &s) {
        bool accepted = false;
        if (s.greet(QByteArray(1, '\x02')))
            s.authenticateVnc("secret", "no", &accepted);
    });
    VncSession session;
    QObject::connect(&session, &VncSession::passwordRequested, &session,
                     [&session] { session.cancelPasswordRequest(); });
    const Ending ending = runUntilDisconnected(session, local(server));
    ASSERT_TRUE(ending.ended);
    EXPECT_EQ(ending.failure, Failure::PasswordRequired);
    EXPECT_TRUE(ending.error.contains(u"password"_s)) << ending.error.toStdString();
}

TEST(VncSession, DestroyedWhileThePasswordPromptIsOpen)
{
    FakeVncServer server([](FakeVncServer &s) {
        bool accepted = false;
        if (s.greet(QByteArray(1, '\x02')))
            s.authenticateVnc("secret", "no", &accepted);
    });
    QElapsedTimer timer;
    {
        VncSession session;
        QSignalSpy asked(&session, &VncSession::passwordRequested);
        session.connectToEndpoint(local(server));
        ASSERT_TRUE(waitUntil([&] { return asked.count() > 0; }, 5000));
        timer.start();
    }
    // The protocol thread stopped waiting for an answer nobody will give.
    EXPECT_LT(timer.elapsed(), 1500);
    EXPECT_TRUE(waitUntil([&] { return server.finished(); }, 8000));
}

TEST(VncSession, NonsenseInsteadOfAVersionIsNotAVncServer)
{
    FakeVncServer server([](FakeVncServer &s) {
        s.sendBytes("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n");
        s.readExact(1, nullptr, 3000);
    });
    VncSession session;
    const Ending ending = runUntilDisconnected(session, local(server));
    ASSERT_TRUE(ending.ended);
    EXPECT_EQ(ending.failure, Failure::HandshakeFailed);
    EXPECT_TRUE(ending.error.contains(u"not a VNC server"_s)) << ending.error.toStdString();
    EXPECT_TRUE(ending.error.contains(u"SSH-2.0"_s)) << ending.error.toStdString();
    EXPECT_EQ(session.state(), VncSession::State::Disconnected);
}

TEST(VncSession, NonsenseMessageAfterTheHandshakeIsAProtocolError)
{
    FakeVncServer server([](FakeVncServer &s) {
        if (s.handshake(64, 48) && s.waitForUpdateRequest())
            s.sendBytes(QByteArray("\x77garbage garbage garbage", 24));
        s.readExact(1, nullptr, 3000);
    });
    VncSession session;
    const Ending ending = runUntilDisconnected(session, local(server));
    ASSERT_TRUE(ending.ended);
    EXPECT_EQ(ending.failure, Failure::ProtocolError);
    EXPECT_TRUE(ending.error.contains(u"not part of the VNC protocol"_s))
        << ending.error.toStdString();
}

TEST(VncSession, HugeFramebufferIsRefused)
{
    FakeVncServer server([](FakeVncServer &s) {
        s.handshake(65535, 65535);
        s.readExact(1, nullptr, 3000);
    });
    VncSession session;
    const Ending ending = runUntilDisconnected(session, local(server));
    ASSERT_TRUE(ending.ended);
    EXPECT_EQ(ending.failure, Failure::FramebufferTooLarge);
    EXPECT_TRUE(ending.error.contains(u"65535×65535"_s)) << ending.error.toStdString();
    EXPECT_TRUE(session.currentFrame().isNull());
}

TEST(VncSession, HugeResizeIsRefused)
{
    FakeVncServer server([](FakeVncServer &s) {
        if (s.handshake(64, 48) && s.waitForUpdateRequest() &&
            s.sendRawRect(QRect(0, 0, 64, 48), pattern))
            s.sendDesktopSize(20000, 100);
        s.readExact(1, nullptr, 3000);
    });
    VncSession session;
    const Ending ending = runUntilDisconnected(session, local(server));
    ASSERT_TRUE(ending.ended);
    EXPECT_EQ(ending.failure, Failure::FramebufferTooLarge);
    EXPECT_TRUE(ending.error.contains(u"20000×100"_s)) << ending.error.toStdString();
}

TEST(VncSession, ServerClosingInTheMiddleOfAnUpdate)
{
    FakeVncServer server([](FakeVncServer &s) {
        if (!s.handshake(64, 48) || !s.waitForUpdateRequest())
            return;
        // Header of a 64x48 raw rectangle, then only 1000 of its 12288 pixel bytes.
        QByteArray update("\x00\x00\x00\x01"
                          "\x00\x00\x00\x00\x00\x40\x00\x30"
                          "\x00\x00\x00\x00",
                          16);
        update.append(QByteArray(1000, '\x7f'));
        s.sendBytes(update);
    }); // the script returns: the socket closes
    VncSession session;
    const Ending ending = runUntilDisconnected(session, local(server));
    ASSERT_TRUE(ending.ended);
    EXPECT_EQ(ending.failure, Failure::ServerClosed);
    EXPECT_TRUE(ending.error.contains(u"in the middle of a screen update"_s))
        << ending.error.toStdString();
}

TEST(VncSession, ServerStallingInTheMiddleOfAnUpdate)
{
    std::atomic<bool> done{false};
    FakeVncServer server([&](FakeVncServer &s) {
        if (!s.handshake(64, 48) || !s.waitForUpdateRequest())
            return;
        QByteArray update("\x00\x00\x00\x01"
                          "\x00\x00\x00\x00\x00\x40\x00\x30"
                          "\x00\x00\x00\x00",
                          16);
        update.append(QByteArray(1000, '\x7f'));
        s.sendBytes(update);
        while (!done && !s.stopRequested()) // silent, connection open
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
    });
    VncSession session;
    session.setStallTimeout(1100);
    const Ending ending = runUntilDisconnected(session, local(server));
    done = true;
    ASSERT_TRUE(ending.ended);
    EXPECT_EQ(ending.failure, Failure::TimedOut);
    EXPECT_TRUE(ending.error.contains(u"stopped sending"_s)) << ending.error.toStdString();
}

TEST(VncSession, SlowServerIsNotMistakenForAStalledOne)
{
    // A 64x48 screen dribbled out in small pieces over about two seconds: far more
    // "would block" results than LibVNCClient's retry count, yet no silence.
    FakeVncServer server([](FakeVncServer &s) {
        if (!s.handshake(64, 48) || !s.waitForUpdateRequest())
            return;
        QByteArray update("\x00\x00\x00\x01"
                          "\x00\x00\x00\x00\x00\x40\x00\x30"
                          "\x00\x00\x00\x00",
                          16);
        for (int y = 0; y < 48; ++y)
            for (int x = 0; x < 64; ++x)
                update.append(s.encodePixel(pattern(x, y)));
        for (qsizetype at = 0; at < update.size(); at += 64) {
            if (!s.sendBytes(update.mid(at, 64)))
                return;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        s.recordInputUntilClosed();
    });
    VncSession session;
    session.setStallTimeout(1100);
    QSignalSpy full(&session, &VncSession::fullFrameReceived);
    session.connectToEndpoint(local(server));
    ASSERT_TRUE(waitUntil([&] { return full.count() > 0; }, 10000))
        << session.errorString().toStdString();
    expectPattern(session.currentFrame());
}

TEST(VncSession, ServerClosingDuringTheHandshake)
{
    FakeVncServer server([](FakeVncServer &s) { s.sendBytes("RFB 003.008\n"); });
    VncSession session;
    const Ending ending = runUntilDisconnected(session, local(server));
    ASSERT_TRUE(ending.ended);
    EXPECT_EQ(ending.failure, Failure::ServerClosed);
    EXPECT_TRUE(ending.error.contains(u"handshake"_s)) << ending.error.toStdString();
    EXPECT_TRUE(ending.error.contains(u"127.0.0.1"_s)) << ending.error.toStdString();
}

TEST(VncSession, ConnectionRefused)
{
    // A port nobody listens on: bind it, read its number, close it.
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length);
    ::close(fd);

    VncSession session;
    const Ending ending =
        runUntilDisconnected(session, VncEndpoint::tcp(u"127.0.0.1"_s, ntohs(address.sin_port)));
    ASSERT_TRUE(ending.ended);
    EXPECT_EQ(ending.failure, Failure::ConnectionFailed);
    EXPECT_TRUE(ending.error.contains(u"refused"_s)) << ending.error.toStdString();
    EXPECT_TRUE(ending.error.contains(u"127.0.0.1:"_s)) << ending.error.toStdString();
}

TEST(VncSession, EndpointErrorIsReported)
{
    VncSession session;
    const Ending ending = runUntilDisconnected(
        session, VncEndpoint::failed(u"libvirt: the domain has no graphics device"_s));
    ASSERT_TRUE(ending.ended);
    EXPECT_EQ(ending.failure, Failure::EndpointUnavailable);
    EXPECT_EQ(ending.error, u"libvirt: the domain has no graphics device"_s);
}

TEST(VncSession, ReconnectingDropsTheOldConnection)
{
    auto script = [](FakeVncServer &s) {
        if (s.handshake(64, 48) && s.waitForUpdateRequest() &&
            s.sendRawRect(QRect(0, 0, 64, 48), pattern))
            s.recordInputUntilClosed();
    };
    FakeVncServer first(script);
    FakeVncServer second(script);
    VncSession session;
    QSignalSpy disconnected(&session, &VncSession::disconnected);
    QSignalSpy full(&session, &VncSession::fullFrameReceived);
    session.connectToEndpoint(local(first));
    ASSERT_TRUE(waitUntil([&] { return full.count() == 1; }, 5000));
    session.connectToEndpoint(local(second));
    ASSERT_TRUE(waitUntil([&] { return full.count() == 2; }, 5000));
    EXPECT_TRUE(waitUntil([&] { return first.clientClosed(); }, 5000));
    // The old connection ending is not reported as this session's disconnect.
    EXPECT_EQ(disconnected.count(), 0);
    EXPECT_EQ(session.state(), VncSession::State::Connected);
}

TEST(VncSession, DisplayStateFollowsQemusPlaceholderBothWays)
{
    // A guest turning its output off makes QEMU replace its screen, at the same size, with
    // "Display output is not active." (the real frame, tests/data/vnc): the session must
    // notice although the screen was the guest's own before, and notice the guest's next
    // drawing however small.
    const QImage notActive =
        QImage(crossvirt::test::sourcePath(u"tests/data/vnc/placeholder-not-active.png"_s))
            .convertToFormat(QImage::Format_RGB32);
    ASSERT_EQ(notActive.size(), QSize(1280, 800));
    std::atomic<int> step = 0;
    FakeVncServer server([&](FakeVncServer &s) {
        auto waitStep = [&](int n) {
            while (step < n && !s.clientClosed())
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            return step >= n;
        };
        if (!s.handshake(1280, 800) || !s.waitForUpdateRequest() ||
            !s.sendRawRect(QRect(0, 0, 1280, 800), [](int, int) { return qRgb(0x20, 0xc0, 0x60); }))
            return;
        if (!waitStep(1) ||
            !s.sendRawRect(notActive.rect(), [&](int x, int y) { return notActive.pixel(x, y); }))
            return;
        if (!waitStep(2) ||
            !s.sendRawRect(QRect(0, 0, 8, 16), [](int, int) { return qRgb(0xff, 0xff, 0xff); }))
            return;
        s.recordInputUntilClosed();
    });
    VncSession session;
    QSignalSpy states(&session, &VncSession::displayStateChanged);
    EXPECT_EQ(session.displayState(), VncSession::DisplayState::NoFrame);
    session.connectToEndpoint(local(server));
    ASSERT_TRUE(waitUntil([&] { return session.guestDisplayActive(); }, 5000))
        << session.errorString().toStdString();
    step = 1;
    ASSERT_TRUE(waitUntil(
        [&] { return session.displayState() == VncSession::DisplayState::Placeholder; }, 5000));
    EXPECT_FALSE(session.guestDisplayActive());
    EXPECT_EQ(session.placeholder(),
              crossvirt::models::VncPlaceholderDetector::Placeholder::NotActive);
    step = 2;
    ASSERT_TRUE(waitUntil([&] { return session.guestDisplayActive(); }, 5000));
    ASSERT_EQ(states.count(), 3);
    EXPECT_EQ(states.at(0).at(0).value<VncSession::DisplayState>(),
              VncSession::DisplayState::GuestDisplay);
    EXPECT_EQ(states.at(1).at(0).value<VncSession::DisplayState>(),
              VncSession::DisplayState::Placeholder);
    session.disconnectFromServer();
    EXPECT_EQ(session.displayState(), VncSession::DisplayState::GuestDisplay); // kept
}
