// qemu+tls and SASL on qemu+tcp through Crossvirt's own code, against a RemoteHost
// (index 29) with a TestPki certificate and a SASL DIGEST-MD5 user: over TLS the inventory
// lists the VMs started through it, the VNC console of a ppc64 guest gives a full SLOF
// frame and the serial console of another answers Forth; over SASL the real credential
// dialog (offscreen) is answered as a user would: a wrong password is refused in words and
// asked again only when the user connects again, the right one connects and the consoles
// work there too. Expired, not-yet-valid, wrong-host and other-CA server certificates, a
// refused client certificate and a missing CA give their worded errors.

#include "common/TestSupport.h"
#include "e2e/E2eSupport.h"
#include "e2e/RemoteHost.h"
#include "e2e/TestPki.h"
#include "models/connection/HostSession.h"
#include "models/console/ConsoleEndpoints.h"
#include "models/console/SerialConsoleSession.h"
#include "models/console/TerminalBuffer.h"
#include "models/console/VncSession.h"
#include "views/connection/CredentialDialog.h"

#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTest>
#include <QTimer>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace crossvirt::test::e2e;
using namespace crossvirt::models;
using crossvirt::test::waitUntil;

namespace {

[[maybe_unused]] ::testing::Environment *const e2eEnvironment =
    ::testing::AddGlobalTestEnvironment(new LibvirtDaemonEnvironment);

const QString kUser = u"crossvirt"_s;
const QString kPassword = u"e2e-sasl-secret"_s;

QString screenshotDir()
{
    const QString dir = QStringLiteral(CROSSVIRT_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    return dir;
}

// Answers the credential dialog the way a user would: types into its fields (the user
// name in the visible ones, the password in the hidden ones) and presses OK.
class DialogAnswerer : public QObject
{
public:
    QString password;
    bool cancel = false; ///< press Cancel instead
    int prompts = 0;
    QStringList labels;

    DialogAnswerer()
    {
        m_timer.setInterval(50);
        connect(&m_timer, &QTimer::timeout, this, &DialogAnswerer::poll);
        m_timer.start();
    }

private:
    void poll()
    {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog || dialog == m_answered)
            return;
        m_answered = dialog;
        ++prompts;
        labels.clear();
        for (QLabel *label : dialog->findChildren<QLabel *>())
            labels << label->text();
        for (QLineEdit *edit : dialog->findChildren<QLineEdit *>()) {
            edit->clear();
            QTest::keyClicks(edit, edit->echoMode() == QLineEdit::Password ? password : kUser);
        }
        if (prompts == 1)
            dialog->grab().save(screenshotDir() + u"/credential-dialog-sasl.png"_s);
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        const auto which = cancel ? QDialogButtonBox::Cancel : QDialogButtonBox::Ok;
        if (buttons && buttons->button(which))
            buttons->button(which)->click();
    }

    QTimer m_timer;
    QPointer<QDialog> m_answered;
};

bool waitForState(HostSession &s, ConnectionState state, int timeoutMs = 30'000)
{
    return waitUntil([&] { return s.state() == state; }, timeoutMs);
}

// A full VNC frame of the guest through vncEndpointFor on `session`.
void expectVncFrame(HostSession *session, const QString &uuid, const QString &address)
{
    const VncEndpoint endpoint = await(vncEndpointFor(session, uuid), 30'000);
    ASSERT_TRUE(endpoint.isValid()) << endpoint.error.toStdString();
    EXPECT_EQ(endpoint.host, address) << "the display must be reached at the host's address";
    VncSession vnc;
    vnc.setAskForPassword(false);
    vnc.connectToEndpoint(endpoint);
    EXPECT_TRUE(
        waitUntil([&] { return vnc.hasFullFrame() || vnc.failure() != VncSession::Failure::None; },
                  30'000) &&
        vnc.hasFullFrame())
        << vnc.errorString().toStdString();
    const QImage frame = vnc.currentFrame();
    EXPECT_GE(frame.width(), 640);
    info(u"vnc"_s, u"%1: frame %2x%3 from %4:%5"_s.arg(session->uri())
                       .arg(frame.width())
                       .arg(frame.height())
                       .arg(endpoint.host)
                       .arg(endpoint.port));
    vnc.disconnectFromServer();
}

// The serial console of SLOF answers Forth: 6 7 * . prints 2a (hex).
void expectSerialAnswers(HostSession *session, const QString &uuid, const QString &sum,
                         const QString &answer)
{
    SerialConsoleSession serial(session, uuid);
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
    serial.send("\r");
    ASSERT_TRUE(waitUntil([&] { return terminal.text().contains(u"0 >"_s); }, 90'000))
        << "no SLOF prompt over " << session->uri().toStdString() << ":\n"
        << terminal.text().toStdString();
    serial.send(sum.toLatin1() + '\r');
    EXPECT_TRUE(waitUntil([&] { return terminal.text().contains(answer); }, 20'000))
        << "SLOF did not answer " << sum.toStdString() << " over " << session->uri().toStdString()
        << ":\n"
        << terminal.text().toStdString();
    serial.close();
}

// Opens `uri` and expects the connection to fail, not retried, with `words` in its error.
void expectRefusal(const QString &uri, const QStringList &words)
{
    HostSession s(uri);
    s.open();
    ASSERT_TRUE(waitForState(s, ConnectionState::Failed))
        << uri.toStdString() << " did not fail for good: state " << int(s.state()) << ", "
        << s.lastError().toStdString();
    info(u"refused"_s, s.lastError());
    for (const QString &w : words)
        EXPECT_TRUE(s.lastError().contains(w))
            << "missing \"" << w.toStdString() << "\" in: " << s.lastError().toStdString();
}

class TlsSaslE2e : public LibvirtDaemonTest
{
};

TEST_F(TlsSaslE2e, ConsolesOverTlsAndSaslAndRefusalsInWords)
{
    QElapsedTimer clock;
    clock.start();
    const QString base = crossvirt::test::makeTempDir();
    const QString serverDir = base + u"/server"_s, clientDir = base + u"/client"_s;
    RemoteHost::Options options;
    options.index = 29;
    options.poolPath = daemon().poolPath();
    options.tlsPkiDir = serverDir;
    options.tlsSanityCheck = false; // bad certificates are swapped in below
    options.saslUser = kUser;
    options.saslPassword = kPassword;
    options.extraQemuConf = u"vnc_listen = \"10.213.29.2\"\n"_s;
    TestPki pki(base + u"/pki"_s);
    if (!pki.create(u"10.213.29.2"_s)) {
        if (!pki.skipReason().isEmpty())
            GTEST_SKIP() << pki.skipReason().toStdString();
        FAIL() << pki.errorString().toStdString();
    }
    ASSERT_TRUE(pki.writeLibvirtServer(serverDir) && pki.writeLibvirtClient(clientDir))
        << pki.errorString().toStdString();
    RemoteHost host(options);
    if (!host.start()) {
        if (!host.skipReason().isEmpty())
            GTEST_SKIP() << host.skipReason().toStdString();
        FAIL() << host.errorString().toStdString();
    }

    // qemu+tls with the connection's own certificate folder (pkipath=).
    QString error;
    auto tls = openSession(host.tlsUri(clientDir), &error, 30'000);
    ASSERT_TRUE(tls) << error.toStdString();
    const QString prefix = LibvirtDaemon::domainPrefix();
    const QString vncGuest =
        createDefaultGuest(tls.get(), daemon(), u"ppc64"_s, prefix + u"tls-vnc"_s, &error);
    ASSERT_FALSE(vncGuest.isEmpty()) << error.toStdString();
    // New VMs' displays listen on 127.0.0.1 (Crossvirt's safe default), which another
    // machine cannot reach: as an admin would, let this one listen where the host's
    // qemu.conf says (vnc_listen = the host's address) and start it again, through TLS.
    {
        virConnectPtr raw = host.connection();
        virDomainPtr dom = virDomainLookupByUUIDString(raw, vncGuest.toLatin1().constData());
        ASSERT_TRUE(dom);
        virDomainDestroy(dom);
        char *xml = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE);
        QString text = QString::fromUtf8(xml);
        free(xml);
        virDomainFree(dom);
        const qsizetype removed = text.count(u"<listen type='address' address='127.0.0.1'/>"_s);
        text.remove(u"<listen type='address' address='127.0.0.1'/>"_s);
        text.remove(u" listen='127.0.0.1'"_s);
        ASSERT_EQ(removed, 1) << text.toStdString();
        dom = virDomainDefineXML(raw, text.toUtf8().constData());
        ASSERT_TRUE(dom) << lastLibvirtError().toStdString();
        virDomainFree(dom);
        ASSERT_TRUE(waitUntil(
            [&] {
                const auto d = tls->domain(vncGuest);
                return d && d->state == DomainState::Shutoff;
            },
            20'000));
        await(tls->startDomain(vncGuest), 60'000);
    }
    const QString serialGuest = createDefaultGuest(tls.get(), daemon(), u"ppc64"_s,
                                                   prefix + u"tls-serial"_s, &error, u"none"_s);
    ASSERT_FALSE(serialGuest.isEmpty()) << error.toStdString();
    EXPECT_TRUE(waitUntil(
        [&] {
            const auto a = tls->domain(vncGuest), b = tls->domain(serialGuest);
            return a && b && a->state == DomainState::Running && b->state == DomainState::Running;
        },
        20'000))
        << "the TLS inventory does not list both VMs running";
    expectVncFrame(tls.get(), vncGuest, host.address());
    expectSerialAnswers(tls.get(), serialGuest, u"6 7 * ."_s, u"2a  ok"_s);
    info(u"tls"_s, u"TLS inventory, VNC and serial after %1 ms"_s.arg(clock.elapsed()));

    // SASL on qemu+tcp through the real credential dialog.
    {
        QWidget window;
        crossvirt::views::CredentialDialogProvider provider(&window);
        DialogAnswerer user;
        user.password = u"not-the-password"_s;
        HostSession sasl(host.uri());
        sasl.setCredentialProvider(&provider);
        sasl.open();
        ASSERT_TRUE(waitForState(sasl, ConnectionState::Failed))
            << "state " << int(sasl.state()) << ": " << sasl.lastError().toStdString();
        info(u"sasl"_s, u"wrong password: "_s + sasl.lastError());
        EXPECT_TRUE(sasl.lastError().contains(u"refused the user name or password"_s))
            << sasl.lastError().toStdString();
        EXPECT_TRUE(sasl.lastError().contains(u"authentication failed"_s))
            << "libvirt's own text is kept: " << sasl.lastError().toStdString();
        // Not asked again, not retried: still one prompt and Failed a while later.
        waitUntil([] { return false; }, 2500);
        EXPECT_EQ(user.prompts, 1) << "the password was asked again without the user";
        EXPECT_EQ(sasl.state(), ConnectionState::Failed);

        // Connect again and cancel the dialog: said so, not asked again by itself.
        user.cancel = true;
        sasl.open();
        ASSERT_TRUE(waitUntil([&] { return user.prompts == 2; }, 20'000));
        ASSERT_TRUE(waitForState(sasl, ConnectionState::Failed))
            << "state " << int(sasl.state()) << ": " << sasl.lastError().toStdString();
        info(u"sasl"_s, u"cancelled: "_s + sasl.lastError());
        EXPECT_TRUE(sasl.lastError().contains(u"cancelled"_s)) << sasl.lastError().toStdString();
        waitUntil([] { return false; }, 1500);
        EXPECT_EQ(user.prompts, 2) << "asked again after Cancel without the user";

        // Connect again: asked again, the right password connects.
        user.cancel = false;
        user.password = kPassword;
        sasl.open();
        ASSERT_TRUE(waitForState(sasl, ConnectionState::Connected))
            << "state " << int(sasl.state()) << ": " << sasl.lastError().toStdString();
        EXPECT_EQ(user.prompts, 3);
        info(u"sasl"_s, u"dialog labels: "_s + user.labels.join(u" | "_s));
        EXPECT_TRUE(waitUntil(
            [&] { return sasl.domain(vncGuest).has_value() && sasl.domain(serialGuest); }, 20'000))
            << "the SASL inventory does not list the VMs";
        expectVncFrame(&sasl, vncGuest, host.address());
        expectSerialAnswers(&sasl, serialGuest, u"5 5 + ."_s, u"a  ok"_s);
    }
    info(u"sasl"_s, u"SASL refusal, retry, VNC and serial after %1 ms"_s.arg(clock.elapsed()));
    tls.reset();

    // Certificate problems, in words.
    const QString otherClient = base + u"/client-other"_s;
    ASSERT_TRUE(pki.writeLibvirtClient(otherClient, TestPki::ClientCertificate::OtherCa));
    expectRefusal(host.tlsUri(otherClient),
                  {u"refused the client certificate"_s, otherClient + u"/clientcert.pem"_s});
    expectRefusal(host.tlsUri(base + u"/nowhere"_s),
                  {u"CA certificate"_s, base + u"/nowhere/cacert.pem"_s, u"missing"_s});
    using S = TestPki::ServerCertificate;
    const QList<std::pair<S, QStringList>> bad{
        {S::Expired, {u"expired on"_s}},
        {S::NotYetValid, {u"not valid before"_s}},
        {S::WrongHost, {u"wrong-host.invalid"_s, u"not for 10.213.29.2"_s}},
        {S::OtherCa, {u"not signed by the CA"_s, u"Crossvirt Other Test CA"_s}},
    };
    for (const auto &[which, words] : bad) {
        ASSERT_TRUE(pki.writeLibvirtServer(serverDir, which));
        ASSERT_TRUE(host.restart()) << host.errorString().toStdString();
        expectRefusal(host.tlsUri(clientDir), words + QStringList{u"Failed to verify peer"_s});
    }
    info(u"tls"_s, u"done after %1 ms"_s.arg(clock.elapsed()));
    host.stop();
    QDir(base).removeRecursively();
}

} // namespace
