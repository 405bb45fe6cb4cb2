// The console widget against a real QEMU VNC server (offscreen): the password prompt
// (asked again once after a rejection, then the console stops) and a refused x509
// display's message in the status line.

#include "FakeVncServer.h"
#include "QemuVncDisplay.h"
#include "common/TestSupport.h"
#include "views/console/VncConsoleWidget.h"

#include <QApplication>
#include <QDir>
#include <QInputDialog>
#include <QLabel>
#include <QTest>
#include <QTimer>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using crossvirt::models::VncEndpoint;
using crossvirt::models::VncSession;
using crossvirt::test::QemuVncDisplay;
using crossvirt::test::waitUntil;
using crossvirt::views::VncConsoleWidget;

namespace {

const QString kPassword = u"s3cret-vnc"_s;

class ConsoleOnQemu : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (const QString why = QemuVncDisplay::missingReason(); !why.isEmpty())
            GTEST_SKIP() << why.toStdString();
        QemuVncDisplay::Options options;
        options.password = kPassword;
        QString error;
        ASSERT_TRUE(m_qemu.start(options, &error)) << error.toStdString();
        // Each connect needs a new socket, as with libvirt's graphics fd.
        m_console.setEndpointProvider([this] {
            return QtFuture::makeReadyFuture(
                VncEndpoint::socket(m_qemu.connectSocket(), u"test-vm"_s));
        });
        m_console.resize(640, 480);
    }
    bool waitForStatus(const QString &start, int timeoutMs = 15000)
    {
        return waitUntil([&] { return m_console.statusText().startsWith(start); }, timeoutMs);
    }
    QemuVncDisplay m_qemu;
    VncConsoleWidget m_console;
};

} // namespace

TEST_F(ConsoleOnQemu, RightPasswordAtThePromptShowsTheGuest)
{
    int prompts = 0;
    m_console.setPasswordPrompt([&](QWidget *, const QString &) -> std::optional<QString> {
        ++prompts;
        return kPassword;
    });
    m_console.connectToConsole();
    ASSERT_TRUE(waitForStatus(u"Connected to test-vm"_s)) << m_console.statusText().toStdString();
    EXPECT_EQ(prompts, 1);
    EXPECT_TRUE(waitUntil([&] { return m_console.session()->hasFullFrame(); }, 10000));
}

TEST_F(ConsoleOnQemu, WrongPasswordIsAskedOnceMoreThenTheConsoleStops)
{
    QStringList reasons;
    m_console.setPasswordPrompt([&](QWidget *, const QString &) -> std::optional<QString> {
        reasons.append(m_console.passwordRetryReason());
        return u"wrong"_s;
    });
    m_console.connectToConsole();
    ASSERT_TRUE(waitUntil([&] { return reasons.size() >= 2; }, 15000)) << reasons.size();
    ASSERT_TRUE(waitForStatus(u"Disconnected:"_s)) << m_console.statusText().toStdString();
    EXPECT_TRUE(m_console.statusText().contains(u"test-vm rejected the VNC password"_s))
        << m_console.statusText().toStdString();
    EXPECT_EQ(m_console.session()->failure(), VncSession::Failure::AuthenticationFailed);
    // No third prompt, however long we wait.
    QTest::qWait(1500);
    EXPECT_EQ(reasons.size(), 2);
    EXPECT_TRUE(reasons.at(0).isEmpty());
    EXPECT_TRUE(reasons.at(1).contains(u"rejected the VNC password"_s))
        << reasons.at(1).toStdString();

    // Reconnect is the user asking again: one prompt (and one retry) anew.
    m_console.reconnectAction()->trigger();
    ASSERT_TRUE(waitUntil([&] { return reasons.size() >= 4; }, 15000)) << reasons.size();
    ASSERT_TRUE(waitForStatus(u"Disconnected:"_s));
    QTest::qWait(500);
    EXPECT_EQ(reasons.size(), 4);
}

TEST_F(ConsoleOnQemu, SecondPromptWithTheRightPasswordConnects)
{
    int prompts = 0;
    m_console.setPasswordPrompt([&](QWidget *, const QString &) -> std::optional<QString> {
        return ++prompts == 1 ? u"wrong"_s : kPassword;
    });
    m_console.connectToConsole();
    ASSERT_TRUE(waitForStatus(u"Connected to test-vm"_s)) << m_console.statusText().toStdString();
    EXPECT_EQ(prompts, 2);
}

// The real dialog, as the user sees it on the second attempt (screenshot saved for a look).
TEST_F(ConsoleOnQemu, RetryDialogSaysWhy)
{
    m_console.show();
    QString firstLabel;
    QString secondLabel;
    int dialogs = 0;
    QTimer poll;
    poll.setInterval(50);
    QObject::connect(&poll, &QTimer::timeout, &m_console, [&] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isVisible())
            return;
        ++dialogs;
        (dialogs == 1 ? firstLabel : secondLabel) = dialog->labelText();
        if (dialogs == 2) {
            // Next to the test binary, as the other widget tests keep theirs.
            const QString dir = QCoreApplication::applicationDirPath() + u"/screenshots"_s;
            QDir().mkpath(dir);
            dialog->grab().save(dir + u"/vnc-password-retry.png"_s);
            dialog->reject();
            return;
        }
        dialog->setTextValue(u"wrong"_s);
        dialog->accept();
    });
    poll.start();
    m_console.connectToConsole();
    ASSERT_TRUE(waitUntil([&] { return dialogs >= 2; }, 20000)) << dialogs;
    ASSERT_TRUE(waitForStatus(u"Disconnected:"_s)) << m_console.statusText().toStdString();
    EXPECT_TRUE(firstLabel.startsWith(u"Password for the console of test-vm"_s))
        << firstLabel.toStdString();
    EXPECT_TRUE(secondLabel.contains(u"test-vm rejected the VNC password"_s))
        << secondLabel.toStdString();
    EXPECT_TRUE(secondLabel.contains(u"last attempt"_s)) << secondLabel.toStdString();
    // Cancelled the second prompt: the console says a password is needed.
    EXPECT_TRUE(m_console.statusText().contains(u"password"_s))
        << m_console.statusText().toStdString();
}

// A refusal of the security type reaches the status line in words, without a prompt.
TEST(ConsoleSecurityRefusal, SaslOnlyServerIsRefusedInTheStatusLine)
{
    crossvirt::test::FakeVncServer server([](crossvirt::test::FakeVncServer &s) {
        if (s.greet(QByteArray(1, '\x14'))) // SASL (20) only
            s.readExact(1, nullptr, 3000);
    });
    VncConsoleWidget console;
    int prompts = 0;
    console.setPasswordPrompt([&](QWidget *, const QString &) -> std::optional<QString> {
        ++prompts;
        return std::nullopt;
    });
    console.setEndpoint(VncEndpoint::tcp(u"127.0.0.1"_s, server.port()));
    console.connectToConsole();
    ASSERT_TRUE(
        waitUntil([&] { return console.statusText().startsWith(u"Disconnected:"_s); }, 10000))
        << console.statusText().toStdString();
    EXPECT_TRUE(console.statusText().contains(
        u"asks for SASL authentication, which Crossvirt does not support"_s))
        << console.statusText().toStdString();
    EXPECT_EQ(console.session()->failure(), VncSession::Failure::UnsupportedSecurity);
    EXPECT_EQ(prompts, 0);
    console.resize(640, 400);
    const QString dir = QCoreApplication::applicationDirPath() + u"/screenshots"_s;
    QDir().mkpath(dir);
    console.grab().save(dir + u"/vnc-sasl-refused.png"_s);
}
