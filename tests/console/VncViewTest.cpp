// The VNC view and console widget, offscreen: scaling, coordinate mapping, keys,
// capture, and the console widget against a scripted RFB server.

#include "views/console/VncView.h"
#include "FakeVncServer.h"
#include "common/TestSupport.h"
#include "models/console/SshTunnel.h"
#include "views/console/VncConsoleWidget.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QKeyEvent>
#include <QMenu>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QWheelEvent>
#include <atomic>
#include <chrono>
#include <gtest/gtest.h>
#include <thread>

using namespace Qt::StringLiterals;
using crossvirt::models::VncEndpoint;
using crossvirt::models::VncSession;
using crossvirt::test::FakeVncServer;
using crossvirt::test::waitUntil;
using crossvirt::views::VncConsoleWidget;
using crossvirt::views::VncView;

namespace {

QImage filled(int width, int height, QColor colour)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(colour);
    return image;
}

struct PointerCall
{
    int x, y, buttons;
};

std::vector<PointerCall> pointerCalls(const QSignalSpy &spy)
{
    std::vector<PointerCall> calls;
    for (const QList<QVariant> &args : spy)
        calls.push_back({args.at(0).toInt(), args.at(1).toInt(), args.at(2).toInt()});
    return calls;
}

std::vector<std::pair<quint32, bool>> keyCalls(const QSignalSpy &spy)
{
    std::vector<std::pair<quint32, bool>> calls;
    for (const QList<QVariant> &args : spy)
        calls.emplace_back(args.at(0).toUInt(), args.at(1).toBool());
    return calls;
}

void sendKey(QWidget *to, QEvent::Type type, int key, Qt::KeyboardModifiers mods,
             const QString &text = {}, bool autoRepeat = false)
{
    QKeyEvent event(type, key, mods, text, autoRepeat);
    QApplication::sendEvent(to, &event);
}

// A view of 400x400 showing a 200x100 screen, input on.
struct ShownView
{
    VncView view;
    ShownView(QSize frame = {200, 100}, QSize widget = {400, 400})
    {
        view.resize(widget);
        view.setFrame(filled(frame.width(), frame.height(), Qt::darkGreen));
        view.setInputEnabled(true);
        view.show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&view));
    }
};

QRgb patternPixel(int x, int)
{
    return x < 32 ? qRgb(255, 0, 0) : qRgb(0, 0, 255);
}

} // namespace

TEST(VncView, FitToWindowKeepsTheAspectRatio)
{
    ShownView shown;
    VncView &view = shown.view;
    ASSERT_EQ(view.viewport()->size(), QSize(400, 400));
    const QRectF rect = view.frameRect();
    EXPECT_DOUBLE_EQ(rect.width() / rect.height(), 2.0);
    EXPECT_EQ(rect, QRectF(0, 100, 400, 200)); // scaled x2, centred vertically

    view.resize(300, 600);
    QApplication::processEvents();
    EXPECT_EQ(view.frameRect(), QRectF(0, 225, 300, 150));
    EXPECT_FALSE(view.horizontalScrollBar()->isVisible());
}

TEST(VncView, ClickIsMappedBackToFramebufferCoordinates)
{
    ShownView shown;
    VncView &view = shown.view;
    QSignalSpy pointer(&view, &VncView::pointerEvent);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(200, 200));
    auto calls = pointerCalls(pointer);
    ASSERT_EQ(calls.size(), 2u);
    EXPECT_EQ(calls[0].x, 100);
    EXPECT_EQ(calls[0].y, 50);
    EXPECT_EQ(calls[0].buttons, 1);
    EXPECT_EQ(calls[1].buttons, 0);

    pointer.clear();
    QTest::mouseClick(view.viewport(), Qt::RightButton, {}, QPoint(399, 299));
    calls = pointerCalls(pointer);
    ASSERT_EQ(calls.size(), 2u);
    EXPECT_EQ(calls[0].x, 199);
    EXPECT_EQ(calls[0].y, 99);
    EXPECT_EQ(calls[0].buttons, 4);

    // The black bar above the picture clamps to the top row.
    EXPECT_EQ(view.viewportToFrame(QPointF(300, 10)), QPoint(150, 0));
}

TEST(VncView, OneToOneScrollsAndMapsThroughTheScrollPosition)
{
    ShownView shown({800, 600}, {400, 300});
    VncView &view = shown.view;
    view.setScaleMode(VncView::ScaleMode::OneToOne);
    QApplication::processEvents();
    ASSERT_GT(view.horizontalScrollBar()->maximum(), 0);
    ASSERT_GT(view.verticalScrollBar()->maximum(), 0);
    EXPECT_EQ(view.frameRect().size(), QSizeF(800, 600));

    view.horizontalScrollBar()->setValue(100);
    view.verticalScrollBar()->setValue(50);
    EXPECT_EQ(view.viewportToFrame(QPointF(0, 0)), QPoint(100, 50));
    EXPECT_EQ(view.viewportToFrame(QPointF(10.5, 20.5)), QPoint(110, 70));

    // Back to fit: no scroll bars, whole screen visible.
    view.setScaleMode(VncView::ScaleMode::FitToWindow);
    QApplication::processEvents();
    EXPECT_FALSE(view.horizontalScrollBar()->isVisible());
    EXPECT_LE(view.frameRect().width(), view.viewport()->width());
}

TEST(VncView, FollowsANewScreenSize)
{
    ShownView shown;
    VncView &view = shown.view;
    view.updateFrame(filled(100, 100, Qt::red), QRegion(0, 0, 100, 100));
    EXPECT_EQ(view.frame().size(), QSize(100, 100));
    EXPECT_EQ(view.frameRect(), QRectF(0, 0, 400, 400));
}

TEST(VncView, DirtyUpdateCopiesOnlyTheDirtyArea)
{
    ShownView shown;
    VncView &view = shown.view;
    const QImage white = filled(200, 100, Qt::white);
    view.updateFrame(white, QRegion(10, 10, 5, 5));
    EXPECT_EQ(view.frame().pixel(12, 12), qRgb(255, 255, 255));
    EXPECT_EQ(view.frame().pixel(0, 0), QColor(Qt::darkGreen).rgb());
    EXPECT_EQ(view.frame().pixel(15, 15), QColor(Qt::darkGreen).rgb());
}

TEST(VncView, WheelSendsButtonFourAndFiveClicks)
{
    ShownView shown;
    VncView &view = shown.view;
    QSignalSpy pointer(&view, &VncView::pointerEvent);
    QWheelEvent up(QPointF(200, 200), view.viewport()->mapToGlobal(QPointF(200, 200)), QPoint(),
                   QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view.viewport(), &up);
    QWheelEvent down(QPointF(200, 200), view.viewport()->mapToGlobal(QPointF(200, 200)), QPoint(),
                     QPoint(0, -240), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view.viewport(), &down);
    const auto calls = pointerCalls(pointer);
    ASSERT_EQ(calls.size(), 6u);
    EXPECT_EQ(calls[0].buttons, 8);
    EXPECT_EQ(calls[1].buttons, 0);
    EXPECT_EQ(calls[2].buttons, 16);
    EXPECT_EQ(calls[3].buttons, 0);
    EXPECT_EQ(calls[4].buttons, 16);
    EXPECT_EQ(calls[0].x, 100);
    EXPECT_EQ(calls[0].y, 50);
}

TEST(VncView, KeysBecomeKeysymsWithRepeatAndMatchingRelease)
{
    ShownView shown;
    VncView &view = shown.view;
    QSignalSpy keys(&view, &VncView::keyEvent);

    QTest::keyClick(&view, Qt::Key_A);
    // Auto-repeat: more presses, one release at the end.
    sendKey(&view, QEvent::KeyPress, Qt::Key_B, {}, u"b"_s);
    sendKey(&view, QEvent::KeyRelease, Qt::Key_B, {}, u"b"_s, true);
    sendKey(&view, QEvent::KeyPress, Qt::Key_B, {}, u"b"_s, true);
    sendKey(&view, QEvent::KeyRelease, Qt::Key_B, {}, u"b"_s);
    // Shift let go before the letter: the release still names 'A'.
    sendKey(&view, QEvent::KeyPress, Qt::Key_Shift, Qt::ShiftModifier);
    sendKey(&view, QEvent::KeyPress, Qt::Key_A, Qt::ShiftModifier, u"A"_s);
    sendKey(&view, QEvent::KeyRelease, Qt::Key_Shift, {});
    sendKey(&view, QEvent::KeyRelease, Qt::Key_A, {}, u"a"_s);
    // Tab goes to the guest instead of moving focus.
    QTest::keyClick(&view, Qt::Key_Tab);
    // Keypad Enter.
    QTest::keyClick(&view, Qt::Key_Enter, Qt::KeypadModifier);

    const std::vector<std::pair<quint32, bool>> expected = {
        {0x61, true},   {0x61, false},                                   // a
        {0x62, true},   {0x62, true},    {0x62, false},                  // b repeated
        {0xffe1, true}, {0x41, true},    {0xffe1, false}, {0x41, false}, // Shift, A
        {0xff09, true}, {0xff09, false},                                 // Tab
        {0xff8d, true}, {0xff8d, false},                                 // KP_Enter
    };
    EXPECT_EQ(keyCalls(keys), expected);
}

TEST(VncView, HeldKeysAreReleasedWhenFocusGoesAway)
{
    ShownView shown;
    VncView &view = shown.view;
    QSignalSpy keys(&view, &VncView::keyEvent);
    sendKey(&view, QEvent::KeyPress, Qt::Key_Control, Qt::ControlModifier);
    view.releaseAllKeys();
    const auto calls = keyCalls(keys);
    ASSERT_EQ(calls.size(), 2u);
    EXPECT_EQ(calls[1], std::make_pair(quint32(0xffe3), false));
}

TEST(VncView, NoInputWhileDisabled)
{
    ShownView shown;
    VncView &view = shown.view;
    view.setInputEnabled(false);
    QSignalSpy keys(&view, &VncView::keyEvent);
    QSignalSpy pointer(&view, &VncView::pointerEvent);
    QTest::keyClick(&view, Qt::Key_A);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(10, 150));
    EXPECT_EQ(keys.count(), 0);
    EXPECT_EQ(pointer.count(), 0);
    view.setInputGrabbed(true);
    EXPECT_FALSE(view.isInputGrabbed());
}

TEST(VncView, CaptureShowsAHintAndCtrlAltReleasesIt)
{
    ShownView shown;
    VncView &view = shown.view;
    QSignalSpy grab(&view, &VncView::inputGrabChanged);
    EXPECT_FALSE(view.isReleaseHintVisible());
    view.setInputGrabbed(true);
    EXPECT_TRUE(view.isInputGrabbed());
    EXPECT_TRUE(view.isReleaseHintVisible());
    ASSERT_EQ(grab.count(), 1);
    EXPECT_TRUE(grab.first().first().toBool());
    EXPECT_TRUE(VncView::releaseHint().contains(u"Ctrl+Alt"_s));

    // Ctrl+Alt+F2 belongs to the guest: still captured afterwards.
    sendKey(&view, QEvent::KeyPress, Qt::Key_Control, Qt::ControlModifier);
    sendKey(&view, QEvent::KeyPress, Qt::Key_Alt, Qt::ControlModifier | Qt::AltModifier);
    sendKey(&view, QEvent::KeyPress, Qt::Key_F2, Qt::ControlModifier | Qt::AltModifier);
    sendKey(&view, QEvent::KeyRelease, Qt::Key_F2, Qt::ControlModifier | Qt::AltModifier);
    sendKey(&view, QEvent::KeyRelease, Qt::Key_Alt, Qt::ControlModifier);
    sendKey(&view, QEvent::KeyRelease, Qt::Key_Control, {});
    EXPECT_TRUE(view.isInputGrabbed());

    // Ctrl+Alt alone releases.
    QSignalSpy keys(&view, &VncView::keyEvent);
    sendKey(&view, QEvent::KeyPress, Qt::Key_Control, Qt::ControlModifier);
    sendKey(&view, QEvent::KeyPress, Qt::Key_Alt, Qt::ControlModifier | Qt::AltModifier);
    sendKey(&view, QEvent::KeyRelease, Qt::Key_Alt, Qt::ControlModifier);
    EXPECT_FALSE(view.isInputGrabbed());
    EXPECT_FALSE(view.isReleaseHintVisible());
    // Nothing stays pressed in the guest.
    const auto calls = keyCalls(keys);
    ASSERT_FALSE(calls.empty());
    EXPECT_EQ(calls.back(), std::make_pair(quint32(0xffe3), false));
}

TEST(VncConsoleWidget, ShowsTheConsoleAndSendsKeyCombos)
{
    FakeVncServer server([](FakeVncServer &s) {
        if (s.handshake(64, 48) && s.waitForUpdateRequest() &&
            s.sendRawRect(QRect(0, 0, 64, 48), patternPixel))
            s.recordInputUntilClosed();
    });
    VncConsoleWidget console;
    console.resize(500, 400);
    console.show();
    EXPECT_FALSE(console.sendKeyButton()->isEnabled());
    console.setEndpoint(VncEndpoint::tcp(u"127.0.0.1"_s, server.port()));
    console.connectToConsole();
    ASSERT_TRUE(waitUntil(
        [&] {
            const QImage &shown = console.view()->frame();
            return shown.size() == QSize(64, 48) && shown.pixel(40, 10) == qRgb(0, 0, 255);
        },
        5000))
        << console.statusText().toStdString();
    EXPECT_TRUE(console.statusText().contains(u"Connected"_s))
        << console.statusText().toStdString();
    EXPECT_TRUE(console.statusText().contains(u"64×48"_s));
    EXPECT_TRUE(console.view()->isInputEnabled());
    EXPECT_TRUE(console.sendKeyButton()->isEnabled());

    QAction *cad = nullptr;
    for (QAction *action : console.sendKeyButton()->menu()->actions()) {
        if (action->data().toString() == u"ctrl-alt-del"_s)
            cad = action;
    }
    ASSERT_NE(cad, nullptr);
    EXPECT_EQ(cad->text(), u"Ctrl+Alt+Del"_s);
    cad->trigger();
    ASSERT_TRUE(waitUntil([&] { return server.keys().size() >= 6; }, 5000));
    EXPECT_EQ(server.keys().front().keysym, 0xffe3u);
    EXPECT_EQ(server.keys()[2].keysym, 0xffffu);

    // Fit toggle switches the view to 1:1.
    console.fitToWindowAction()->setChecked(false);
    EXPECT_EQ(console.view()->scaleMode(), VncView::ScaleMode::OneToOne);

    // Screenshot to PNG, written off the GUI thread.
    const QString path = QDir(crossvirt::test::makeTempDir()).filePath(u"shot"_s);
    QFuture<bool> saved = console.saveScreenshot(path);
    ASSERT_TRUE(waitUntil([&] { return saved.isFinished(); }, 5000));
    EXPECT_TRUE(saved.result());
    const QImage png(path + u".png"_s);
    ASSERT_EQ(png.size(), QSize(64, 48));
    EXPECT_EQ(png.pixel(0, 0), qRgb(255, 0, 0));
    EXPECT_TRUE(console.statusText().contains(u"shot.png"_s)) << console.statusText().toStdString();
}

TEST(VncConsoleWidget, PromptsForThePassword)
{
    bool accepted = false;
    FakeVncServer server([&](FakeVncServer &s) {
        if (s.greet(QByteArray(1, '\x02')) && s.authenticateVnc("pw", "bad", &accepted) &&
            accepted && s.serverInit(64, 48) && s.waitForUpdateRequest() &&
            s.sendRawRect(QRect(0, 0, 64, 48), patternPixel))
            s.recordInputUntilClosed();
    });
    VncConsoleWidget console;
    QString askedFor;
    console.setPasswordPrompt([&](QWidget *, const QString &name) -> std::optional<QString> {
        askedFor = name;
        return u"pw"_s;
    });
    console.setEndpoint(VncEndpoint::tcp(u"127.0.0.1"_s, server.port()));
    console.connectToConsole();
    ASSERT_TRUE(waitUntil([&] { return console.session()->hasFullFrame(); }, 5000))
        << console.statusText().toStdString();
    EXPECT_TRUE(accepted);
    EXPECT_TRUE(askedFor.startsWith(u"127.0.0.1:"_s));
}

TEST(VncConsoleWidget, ShowsTheErrorWhenTheServerIsNotVnc)
{
    FakeVncServer server([](FakeVncServer &s) {
        s.sendBytes("HTTP/1.1 400 Bad Request\r\n\r\n");
        s.readExact(1, nullptr, 3000);
    });
    VncConsoleWidget console;
    console.setEndpoint(VncEndpoint::tcp(u"127.0.0.1"_s, server.port()));
    console.connectToConsole();
    ASSERT_TRUE(
        waitUntil([&] { return console.statusText().startsWith(u"Disconnected:"_s); }, 5000))
        << console.statusText().toStdString();
    EXPECT_TRUE(console.statusText().contains(u"not a VNC server"_s))
        << console.statusText().toStdString();
    EXPECT_FALSE(console.view()->isInputEnabled());
    EXPECT_TRUE(console.reconnectAction()->isEnabled());
}

TEST(VncConsoleWidget, SaysWaitingWhileQemuShowsItsPlaceholderThenShowsTheGuest)
{
    // Frames QEMU really sent (tests/data/vnc): its placeholder, then SeaBIOS's text screen.
    const QImage placeholder =
        QImage(crossvirt::test::sourcePath(u"tests/data/vnc/placeholder-not-initialized.png"_s))
            .convertToFormat(QImage::Format_RGB32);
    const QImage bios = QImage(crossvirt::test::sourcePath(u"tests/data/vnc/seabios-text.png"_s))
                            .convertToFormat(QImage::Format_RGB32);
    ASSERT_FALSE(placeholder.isNull());
    ASSERT_FALSE(bios.isNull());
    std::atomic<bool> guestDraws = false;
    FakeVncServer server([&](FakeVncServer &s) {
        if (!s.handshake(640, 480) || !s.waitForUpdateRequest() ||
            !s.sendRawRect(placeholder.rect(),
                           [&](int x, int y) { return placeholder.pixel(x, y); }))
            return;
        while (!guestDraws && !s.clientClosed())
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        if (s.sendResizeLikeQemu(bios.width(), bios.height()) &&
            s.sendRawRect(bios.rect(), [&](int x, int y) { return bios.pixel(x, y); }))
            s.recordInputUntilClosed();
    });
    VncConsoleWidget console;
    console.resize(800, 600);
    console.show();
    QSignalSpy states(console.session(), &VncSession::displayStateChanged);
    console.setEndpoint(VncEndpoint::tcp(u"127.0.0.1"_s, server.port()));
    console.connectToConsole();
    ASSERT_TRUE(waitUntil([&] { return console.isWaitingForGuestDisplay(); }, 5000))
        << console.statusText().toStdString();
    EXPECT_EQ(console.session()->displayState(), VncSession::DisplayState::Placeholder);
    EXPECT_FALSE(console.session()->guestDisplayActive());
    EXPECT_EQ(console.view()->waitingMessage(), u"Waiting for the guest's display…"_s);
    EXPECT_TRUE(console.statusText().contains(u"has not drawn on its display yet"_s))
        << console.statusText().toStdString();
    EXPECT_FALSE(console.statusText().contains(u"640×480"_s)) << console.statusText().toStdString();
    EXPECT_FALSE(console.screenshotAction()->isEnabled()); // the placeholder is no screenshot
    EXPECT_TRUE(console.sendKeyButton()->isEnabled());     // keys still reach the guest
    // What the user sees: the waiting text, not QEMU's placeholder.
    const QString dir = QCoreApplication::applicationDirPath() + u"/screenshots"_s;
    QDir().mkpath(dir);
    QCoreApplication::processEvents();
    const QImage shot = console.grab().toImage();
    EXPECT_TRUE(shot.save(dir + u"/vnc-console-waiting-for-guest-display.png"_s));

    guestDraws = true;
    ASSERT_TRUE(waitUntil([&] { return console.session()->guestDisplayActive(); }, 5000))
        << console.statusText().toStdString();
    EXPECT_TRUE(console.view()->waitingMessage().isEmpty());
    EXPECT_FALSE(console.isWaitingForGuestDisplay());
    EXPECT_TRUE(console.statusText().contains(u"720×400"_s)) << console.statusText().toStdString();
    EXPECT_TRUE(console.screenshotAction()->isEnabled());
    ASSERT_GE(states.count(), 2);
    EXPECT_EQ(states.last().at(0).value<VncSession::DisplayState>(),
              VncSession::DisplayState::GuestDisplay);
    QCoreApplication::processEvents();
    console.grab().save(dir + u"/vnc-console-guest-display.png"_s);
}

TEST(VncConsoleWidget, ShowsWhyTheSshTunnelCouldNotBeMade)
{
    // What the endpoint provider of an SSH host gives when its sshd is down (the words come
    // from ssh's own stderr, see SshTunnelTest): shown like any other connection failure.
    const crossvirt::models::SshTarget host =
        crossvirt::models::SshTarget::fromUri(u"qemu+ssh://root@kvm1.example/system"_s);
    const QString reason =
        crossvirt::models::classifySshError(
            host, u"ssh: connect to host kvm1.example port 22: Connection refused\r\n"_s)
            .message;
    VncConsoleWidget console;
    console.resize(720, 420);
    console.setEndpointProvider(
        [reason] { return QtFuture::makeReadyFuture(VncEndpoint::failed(reason)); });
    console.show();
    console.connectToConsole();
    ASSERT_TRUE(waitUntil([&] { return console.statusText().contains(u"SSH"_s); }, 5000))
        << console.statusText().toStdString();
    EXPECT_TRUE(console.statusText().contains(u"kvm1.example refused the SSH connection"_s))
        << console.statusText().toStdString();
    EXPECT_TRUE(console.reconnectAction()->isEnabled()) << "the user can try again";
    const QString dir = QCoreApplication::applicationDirPath() + u"/screenshots"_s;
    QDir().mkpath(dir);
    QCoreApplication::processEvents();
    EXPECT_TRUE(console.grab().save(dir + u"/vnc-console-ssh-tunnel-refused.png"_s));
}
