// Consoles of real guests through the GUI's own console code (issue 7): VNC frames of a
// ppc64 pseries guest at SLOF, an aarch64 virt guest in UEFI and an x86_64 guest in
// SeaBIOS via vncEndpointFor + VncSession; keystrokes reaching SLOF; the serial console
// (SerialConsoleSession + TerminalBuffer) reading SLOF and typing into it; and the VM
// window's Console tab showing SLOF, saved as a screenshot. Guests are made by the New
// VM dialog's code (HostChoicesProvider -> computeGuestChoices -> planCreateVm -> createVm).
// Issue 11: a frame counts as the guest's screen only when it is not QEMU's "Guest has not
// initialized the display (yet)." placeholder (VncPlaceholderDetector); a guest paused
// before its firmware drew makes the Console tab say "Waiting for the guest's display…"
// and console-snapshot refuse, until it runs and draws.

#include "common/TestSupport.h"
#include "e2e/E2eSupport.h"
#include "models/console/ConsoleEndpoints.h"
#include "models/console/KeyMap.h"
#include "models/console/SerialConsoleSession.h"
#include "models/console/TerminalBuffer.h"
#include "models/console/VncPlaceholderDetector.h"
#include "models/console/VncSession.h"
#include "models/provisioning/HostChoices.h"
#include "models/provisioning/ProvisioningJobs.h"
#include "models/thumbnails/ThumbnailService.h"
#include "views/console/VncConsoleWidget.h"
#include "views/console/VncView.h"
#include "views/vm/ConsolePage.h"
#include "views/vm/VmWindow.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTabWidget>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace crossvirt::test::e2e;
using namespace crossvirt::models;
namespace arch = crossvirt::arch;
using crossvirt::test::waitUntil;

namespace {

[[maybe_unused]] ::testing::Environment *const e2eEnvironment =
    ::testing::AddGlobalTestEnvironment(new LibvirtDaemonEnvironment);

QString screenshotDir()
{
    const QString dir = QStringLiteral(CROSSVIRT_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    return dir;
}

int distinctColours(const QImage &image, int stopAt = 1000)
{
    QSet<QRgb> colours;
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < img.height(); y += 2) {
        const auto *line = reinterpret_cast<const QRgb *>(img.constScanLine(y));
        for (int x = 0; x < img.width(); x += 2) {
            colours.insert(line[x] & 0xffffff);
            if (colours.size() >= stopAt)
                return int(colours.size());
        }
    }
    return int(colours.size());
}

// Pixels that differ between two frames (all of them when the sizes differ).
qint64 changedPixels(const QImage &a, const QImage &b)
{
    if (a.size() != b.size())
        return qint64(qMax(a.width() * a.height(), b.width() * b.height()));
    const QImage x = a.convertToFormat(QImage::Format_RGB32);
    const QImage y = b.convertToFormat(QImage::Format_RGB32);
    qint64 n = 0;
    for (int row = 0; row < x.height(); ++row) {
        const auto *p = reinterpret_cast<const QRgb *>(x.constScanLine(row));
        const auto *q = reinterpret_cast<const QRgb *>(y.constScanLine(row));
        for (int col = 0; col < x.width(); ++col)
            n += (p[col] & 0xffffff) != (q[col] & 0xffffff);
    }
    return n;
}

// A firmware's blinking text cursor is not activity.
constexpr qint64 kCursorPixels = 200;

class ConsoleE2e : public LibvirtDaemonTest
{
protected:
    void SetUp() override
    {
        LibvirtDaemonTest::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        QString error;
        m_session = openSession(LibvirtDaemon::localUri(), &error);
        ASSERT_TRUE(m_session) << error.toStdString();
    }

    void TearDown() override
    {
        for (const QString &uuid : std::as_const(m_created)) {
            try {
                await(m_session->deleteDomain(uuid, true), 60'000);
            } catch (...) {
                ADD_FAILURE() << exceptionText(std::current_exception()).toStdString();
            }
        }
        m_session.reset();
        LibvirtDaemonTest::TearDown();
    }

    // Creates and starts a disk-less VM of `archName` with the arch's defaults, through
    // the New VM dialog's code. `graphics` "none" makes the serial port the guest's
    // console. Returns the uuid (empty after a test failure).
    QString createGuest(const QString &archName, const QString &suffix,
                        const QString &graphics = {})
    {
        QString error;
        const QString uuid = createDefaultGuest(
            m_session.get(), daemon(), archName,
            LibvirtDaemon::domainPrefix() + u"console-"_s + suffix, &error, graphics);
        if (uuid.isEmpty())
            ADD_FAILURE() << "creating the " << archName.toStdString()
                          << " guest: " << error.toStdString();
        else
            m_created << uuid;
        return uuid;
    }

    // Connects a VncSession the way the console widget does and waits for a full frame.
    bool connectVnc(VncSession &vnc, const QString &uuid, QString *error)
    {
        VncEndpoint endpoint;
        try {
            endpoint = await(vncEndpointFor(m_session.get(), uuid), 30'000);
        } catch (...) {
            *error = exceptionText(std::current_exception());
            return false;
        }
        if (!endpoint.isValid()) {
            *error = endpoint.error;
            return false;
        }
        vnc.setAskForPassword(false);
        vnc.connectToEndpoint(endpoint);
        return waitUntil(
                   [&vnc] {
                       return vnc.hasFullFrame() || vnc.failure() != VncSession::Failure::None;
                   },
                   30'000) &&
               vnc.hasFullFrame();
    }

    // Polls frames until the screen shows more than `minColours` colours and has not
    // changed for `stableMs` (the firmware is idle at its prompt), or `timeoutMs` passed.
    // The first screen is QEMU's own "Guest has not initialized the display (yet)":
    // wait for the guest's first drawing before waiting for it to settle.
    QImage waitForIdleScreen(VncSession &vnc, int minColours, int stableMs, int timeoutMs,
                             bool waitForFirstDrawing = true)
    {
        QElapsedTimer total;
        total.start();
        const QImage placeholder = vnc.currentFrame();
        if (waitForFirstDrawing &&
            !waitUntil(
                [&] { return changedPixels(vnc.currentFrame(), placeholder) > kCursorPixels; },
                timeoutMs))
            return placeholder;
        QImage last;
        QElapsedTimer stable;
        stable.start();
        while (total.elapsed() < timeoutMs) {
            waitUntil([] { return false; }, 250);
            const QImage now = vnc.currentFrame();
            if (changedPixels(now, last) > kCursorPixels) {
                last = now;
                stable.restart();
                continue;
            }
            if (stable.elapsed() >= stableMs && distinctColours(last) > minColours)
                return last;
        }
        return last;
    }

    std::unique_ptr<HostSession> m_session;
    QStringList m_created;
};

TEST_F(ConsoleE2e, VncFramesOfSlofUefiAndBiosGuestsAndKeysReachSlof)
{
    struct Case
    {
        QString arch;
        QString what;
    };
    const QList<Case> cases{
        {u"ppc64"_s, u"SLOF"_s}, {u"aarch64"_s, u"UEFI"_s}, {u"x86_64"_s, u"SeaBIOS"_s}};
    for (const Case &c : cases) {
        SCOPED_TRACE(c.arch.toStdString());
        QElapsedTimer timer;
        timer.start();
        const QString uuid = createGuest(c.arch, c.arch);
        ASSERT_FALSE(uuid.isEmpty());
        VncSession vnc;
        QString error;
        ASSERT_TRUE(connectVnc(vnc, uuid, &error)) << "no full VNC frame: " << error.toStdString()
                                                   << " " << vnc.errorString().toStdString();
        // Firmware screens settle within seconds under TCG; a blank or one-colour screen
        // means the firmware showed nothing.
        const QImage frame = waitForIdleScreen(vnc, 1, 3000, 60'000);
        const int colours = distinctColours(frame);
        info(u"vnc"_s, u"%1 %2: %3x%4, %5 colours, %6 ms"_s.arg(c.arch, c.what)
                           .arg(frame.width())
                           .arg(frame.height())
                           .arg(colours)
                           .arg(timer.elapsed()));
        EXPECT_GE(frame.width(), 640);
        EXPECT_GE(frame.height(), 400);
        EXPECT_GT(colours, 1) << c.what.toStdString() << " screen is blank";
        // More than one colour and a real size also fit QEMU's placeholder.
        EXPECT_FALSE(VncPlaceholderDetector::isPlaceholder(frame))
            << c.what.toStdString() << ": still QEMU's placeholder, not the guest's screen";
        EXPECT_TRUE(vnc.guestDisplayActive());
        const QString path = screenshotDir() + u"/vnc-%1.png"_s.arg(c.what.toLower().remove(u' '));
        EXPECT_TRUE(frame.save(path)) << path.toStdString();

        if (c.arch == "ppc64"_L1) {
            // SLOF sits at its "0 >" prompt: typing "boot" + Enter must change the screen.
            QList<KeyStroke> strokes;
            for (const QChar ch : u"boot"_s) {
                const quint32 sym = KeyMap::keysymForCharacter(ch.unicode());
                strokes << KeyStroke{sym, true} << KeyStroke{sym, false};
            }
            strokes << KeyStroke{0xff0d, true} << KeyStroke{0xff0d, false}; // Return
            vnc.sendKeyStrokes(strokes);
            const bool changed = waitUntil(
                [&] { return changedPixels(vnc.currentFrame(), frame) > kCursorPixels; }, 20'000);
            EXPECT_TRUE(changed) << "typing 'boot' at SLOF changed nothing on the screen";
            const QImage after = waitForIdleScreen(vnc, 1, 2000, 30'000, false);
            after.save(screenshotDir() + u"/vnc-slof-after-boot.png"_s);
            info(u"vnc"_s, u"SLOF after typing boot: screen %1"_s.arg(changed ? u"changed"_s
                                                                              : u"unchanged"_s));
        }
        vnc.disconnectFromServer();
    }
}

TEST_F(ConsoleE2e, SerialConsoleReadsSlofAndTypesIntoIt)
{
    // Without graphics SLOF uses the spapr-vty serial console for output and input.
    const QString uuid = createGuest(u"ppc64"_s, u"serial-ppc64"_s, u"none"_s);
    ASSERT_FALSE(uuid.isEmpty());
    SerialConsoleSession serial(m_session.get(), uuid);
    TerminalBuffer terminal;
    QString closedWith;
    bool closed = false;
    QObject::connect(&serial, &SerialConsoleSession::received, &serial,
                     [&terminal](const QByteArray &bytes) { terminal.feed(bytes); });
    QObject::connect(&serial, &SerialConsoleSession::closed, &serial, [&](const QString &e) {
        closed = true;
        closedWith = e;
    });
    serial.open();
    ASSERT_TRUE(waitUntil([&] { return serial.isOpen() || closed; }, 20'000) && serial.isOpen())
        << closedWith.toStdString();
    // SLOF prints its banner, fails to boot (no OS) and waits at "0 >".
    const bool prompt = waitUntil([&] { return terminal.text().contains(u"0 >"_s); }, 90'000);
    info(u"serial"_s,
         u"SLOF console (last lines):\n"_s +
             terminal.lines().mid(qMax(0, int(terminal.lines().size()) - 8)).join(u'\n'));
    ASSERT_TRUE(prompt) << "no SLOF prompt on the serial console; got:\n"
                        << terminal.text().toStdString();
    EXPECT_TRUE(terminal.text().contains(u"Open Firmware"_s)) << terminal.text().toStdString();
    // Forth arithmetic: the answer can only come from SLOF reading what we typed. SLOF
    // counts in hex: 6 * 7 prints "2a".
    serial.send("6 7 * .\r");
    EXPECT_TRUE(waitUntil([&] { return terminal.text().contains(u"2a  ok"_s); }, 20'000))
        << "SLOF did not answer 6 7 * . with 2a; console:\n"
        << terminal.text().toStdString();
    serial.close();
}

TEST_F(ConsoleE2e, VmWindowConsoleTabShowsSlof)
{
    const QString uuid = createGuest(u"ppc64"_s, u"window-ppc64"_s);
    ASSERT_FALSE(uuid.isEmpty());
    // The inventory must know the VM before the window can show it.
    ASSERT_TRUE(waitUntil([&] { return m_session->domain(uuid).has_value(); }, 20'000));
    crossvirt::views::VmWindow window(m_session.get(), uuid);
    window.resize(1100, 850);
    window.show();
    window.showConsole();
    auto *page = window.console();
    ASSERT_TRUE(page);
    ASSERT_TRUE(waitUntil(
        [&] {
            return page->vncConsole() && page->vncConsole()->session() &&
                   page->vncConsole()->session()->hasFullFrame();
        },
        60'000))
        << "the Console tab got no VNC frame: " << page->messageText().toStdString();
    VncSession *vnc = page->vncConsole()->session();
    const QImage frame = waitForIdleScreen(*vnc, 1, 3000, 60'000);
    EXPECT_GT(distinctColours(frame), 1);
    EXPECT_FALSE(VncPlaceholderDetector::isPlaceholder(frame));
    EXPECT_TRUE(vnc->guestDisplayActive());
    EXPECT_FALSE(page->vncConsole()->isWaitingForGuestDisplay());
    EXPECT_TRUE(page->vncConsole()->view()->waitingMessage().isEmpty());
    waitUntil([] { return false; }, 500); // let the view paint the last update
    const QString path = screenshotDir() + u"/vm-console-slof.png"_s;
    EXPECT_TRUE(window.grab().save(path)) << path.toStdString();
    info(u"gui"_s, u"saved "_s + path);
}

// The tile view's thumbnail of a real guest: QEMU's screendump (PPM) through
// virDomainScreenshot, decoded and scaled down.
TEST_F(ConsoleE2e, ThumbnailOfARunningX86Guest)
{
    const QString uuid = createGuest(u"x86_64"_s, u"thumb-x86"_s);
    ASSERT_FALSE(uuid.isEmpty());
    ASSERT_TRUE(waitUntil([&] { return m_session->domain(uuid).has_value(); }, 20'000));
    crossvirt::models::ThumbnailService *thumbs =
        crossvirt::models::ThumbnailService::of(m_session.get());
    EXPECT_TRUE(thumbs->isEnabled()) << "qemu:///system is local: thumbnails on by default";
    QObject viewer;
    thumbs->setVisible(&viewer, {uuid});
    ASSERT_TRUE(waitUntil([&] { return !thumbs->thumbnail(uuid).isNull(); }, 20'000))
        << thumbs->problem(uuid).toStdString();
    const QImage image = thumbs->thumbnail(uuid);
    EXPECT_LE(image.width(), thumbs->thumbnailSize().width());
    EXPECT_LE(image.height(), thumbs->thumbnailSize().height());
    EXPECT_GE(image.width(), 100) << "a VGA screen scaled into the tile, not a sliver";
    EXPECT_EQ(thumbs->maxInFlight(), 1);
    // Refreshed: the first picture is often QEMU's "Guest has not initialized the display
    // (yet)."; SeaBIOS's screen replaces it.
    thumbs->setIntervalMs(1000);
    const QImage first = thumbs->thumbnail(uuid);
    EXPECT_TRUE(waitUntil([&] { return thumbs->thumbnail(uuid) != first; }, 30'000))
        << "the thumbnail never changed while the guest booted";
    const QString path = screenshotDir() + u"/thumbnail-x86_64.png"_s;
    EXPECT_TRUE(thumbs->thumbnail(uuid).save(path)) << path.toStdString();
}

} // namespace

TEST_F(ConsoleE2e, CliConsoleSnapshotOfSlofIsACorrectPng)
{
    // crossvirt-cli console-snapshot goes through the same endpoint and VNC code.
    const QString name = LibvirtDaemon::domainPrefix() + u"console-cli-ppc64"_s;
    const QString uuid = createGuest(u"ppc64"_s, u"cli-ppc64"_s);
    ASSERT_FALSE(uuid.isEmpty());
    // Let SLOF draw its screen before the snapshot.
    VncSession vnc;
    QString error;
    ASSERT_TRUE(connectVnc(vnc, uuid, &error)) << error.toStdString();
    waitForIdleScreen(vnc, 1, 3000, 60'000);
    vnc.disconnectFromServer();

    const QString out = screenshotDir() + u"/cli-snapshot-slof.png"_s;
    QFile::remove(out);
    QProcess cli;
    cli.start(QStringLiteral(CROSSVIRT_CLI_PATH),
              {u"--connect"_s, u"qemu:///system"_s, u"console-snapshot"_s, u"--vm"_s, name,
               u"--out"_s, out});
    ASSERT_TRUE(cli.waitForFinished(90'000));
    EXPECT_EQ(cli.exitCode(), 0) << cli.readAllStandardError().toStdString();
    QImage png;
    ASSERT_TRUE(png.load(out, "PNG")) << "no PNG at " << out.toStdString();
    EXPECT_GE(png.width(), 640);
    EXPECT_GE(png.height(), 400);
    EXPECT_GT(distinctColours(png), 1) << "the snapshot is blank";
    EXPECT_FALSE(VncPlaceholderDetector::isPlaceholder(png))
        << "the snapshot is QEMU's placeholder";
    info(u"cli"_s, u"console-snapshot of SLOF: %1x%2, %3 colours"_s.arg(png.width())
                       .arg(png.height())
                       .arg(distinctColours(png)));
}

TEST_F(ConsoleE2e, PausedBeforeItsFirmwareDrewTheConsoleSaysWaitingForTheGuestsDisplay)
{
    // SLOF takes seconds under TCG before it sets up the VGA: paused at once, the guest keeps
    // QEMU's placeholder, which must not be presented as the guest's screen.
    const QString name = LibvirtDaemon::domainPrefix() + u"console-waiting-ppc64"_s;
    const QString uuid = createGuest(u"ppc64"_s, u"waiting-ppc64"_s);
    ASSERT_FALSE(uuid.isEmpty());
    try {
        await(m_session->suspendDomain(uuid), 30'000);
    } catch (...) {
        FAIL() << exceptionText(std::current_exception()).toStdString();
    }
    {
        VncSession vnc;
        QString error;
        ASSERT_TRUE(connectVnc(vnc, uuid, &error)) << error.toStdString();
        ASSERT_TRUE(waitUntil(
            [&] { return vnc.displayState() != VncSession::DisplayState::NoFrame; }, 10'000));
        if (vnc.displayState() != VncSession::DisplayState::Placeholder)
            GTEST_SKIP() << "SLOF drew before the guest was paused; no placeholder to check";
        EXPECT_EQ(VncPlaceholderDetector::classify(vnc.currentFrame()),
                  VncPlaceholderDetector::Placeholder::NotInitialized);
        vnc.disconnectFromServer();
    }

    // crossvirt-cli console-snapshot waits for the guest's own screen and says why it gave up.
    const QString out = screenshotDir() + u"/cli-snapshot-placeholder.png"_s;
    QFile::remove(out);
    QProcess cli;
    cli.start(QStringLiteral(CROSSVIRT_CLI_PATH),
              {u"--connect"_s, u"qemu:///system"_s, u"console-snapshot"_s, u"--vm"_s, name,
               u"--out"_s, out, u"--wait"_s, u"4"_s});
    ASSERT_TRUE(cli.waitForFinished(60'000));
    const QString cliErr = QString::fromLocal8Bit(cli.readAllStandardError());
    info(u"cli"_s, u"console-snapshot of a paused guest: exit %1: %2"_s.arg(cli.exitCode())
                       .arg(cliErr.trimmed()));
    EXPECT_EQ(cli.exitCode(), 1) << cliErr.toStdString();
    EXPECT_TRUE(cliErr.contains(u"the guest has not initialized its display"_s))
        << cliErr.toStdString();
    EXPECT_FALSE(QFile::exists(out));

    // The VM window's Console tab says it is waiting, then shows SLOF once the guest runs.
    ASSERT_TRUE(waitUntil([&] { return m_session->domain(uuid).has_value(); }, 20'000));
    crossvirt::views::VmWindow window(m_session.get(), uuid);
    window.resize(1100, 850);
    window.show();
    window.showConsole();
    auto *page = window.console();
    ASSERT_TRUE(page);
    ASSERT_TRUE(waitUntil(
        [&] { return page->vncConsole() && page->vncConsole()->isWaitingForGuestDisplay(); },
        60'000))
        << "the Console tab did not say it waits: " << page->messageText().toStdString();
    auto *console = page->vncConsole();
    EXPECT_EQ(console->view()->waitingMessage(), u"Waiting for the guest's display…"_s);
    EXPECT_TRUE(console->statusText().contains(u"has not drawn on its display yet"_s))
        << console->statusText().toStdString();
    waitUntil([] { return false; }, 500);
    const QString waitingPath = screenshotDir() + u"/vm-console-waiting-for-guest-display.png"_s;
    EXPECT_TRUE(window.grab().save(waitingPath)) << waitingPath.toStdString();
    info(u"gui"_s, u"saved "_s + waitingPath);

    try {
        await(m_session->resumeDomain(uuid), 30'000);
    } catch (...) {
        FAIL() << exceptionText(std::current_exception()).toStdString();
    }
    QElapsedTimer timer;
    timer.start();
    EXPECT_TRUE(waitUntil([&] { return console->session()->guestDisplayActive(); }, 90'000))
        << "SLOF never replaced QEMU's placeholder: " << console->statusText().toStdString();
    info(u"gui"_s, u"the guest's display replaced the placeholder %1 ms after resuming"_s.arg(
                       timer.elapsed()));
    EXPECT_TRUE(console->view()->waitingMessage().isEmpty());
    EXPECT_FALSE(console->isWaitingForGuestDisplay());
}
