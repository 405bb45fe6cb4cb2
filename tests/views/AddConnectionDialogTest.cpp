// The Add Connection dialog as a user fills it (offscreen): each transport's URI, the TLS
// certificate folder made only on save, Edit Connection, and Test connection on the test
// driver, on a port nothing listens on and on a host that never answers.
#include "views/connection/AddConnectionDialog.h"
#include "common/TestSupport.h"
#include "models/connection/ConnectionProbe.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTcpServer>
#include <QTimer>
#include <gtest/gtest.h>

using namespace crossvirt;
using namespace crossvirt::models;
using namespace Qt::StringLiterals;
using Dialog = views::AddConnectionDialog;
using Transport = ConnectionUriSpec::Transport;

namespace {

QString screenshotPath(const QString &name)
{
    const QString dir = QCoreApplication::applicationDirPath() + u"/screenshots"_s;
    QDir().mkpath(dir);
    return dir + u'/' + name;
}

QString writeFile(const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly)) << path.toStdString();
    f.write("pem\n");
    return path;
}

void chooseTransport(Dialog &d, Transport t)
{
    d.transportCombo()->setCurrentIndex(d.transportCombo()->findData(int(t)));
}

bool okEnabled(const Dialog &d)
{
    return d.buttons()->button(QDialogButtonBox::Ok)->isEnabled();
}

void shoot(Dialog &d, const QString &name)
{
    d.show();
    d.adjustSize();
    QApplication::processEvents();
    d.grab().save(screenshotPath(name));
}

/// A private data folder for the dialog's pki folders (CROSSVIRT_DATA_DIR).
class AddConnectionDialogTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        dir = test::makeTempDir();
        qputenv("CROSSVIRT_DATA_DIR", (dir + u"/data"_s).toUtf8());
    }
    void TearDown() override { qunsetenv("CROSSVIRT_DATA_DIR"); }
    QString dir;
};

} // namespace

TEST_F(AddConnectionDialogTest, EachTransportGivesItsUri)
{
    Dialog d;
    chooseTransport(d, Transport::Ssh);
    d.hostEdit()->setText(u"kvm1"_s);
    d.userEdit()->setText(u"root"_s);
    EXPECT_TRUE(d.keyFileEdit()->isVisible() || !d.isVisible());
    EXPECT_EQ(d.connection().uri, u"qemu+ssh://root@kvm1/system"_s) << "empty key: agent, ~/.ssh";
    d.portSpin()->setValue(2222);
    const QString key = writeFile(dir + u"/keys/id_ed25519"_s);
    d.keyFileEdit()->setText(key);
    EXPECT_TRUE(okEnabled(d)) << d.problemLabel()->text().toStdString();
    EXPECT_EQ(d.uriLabel()->text(), u"qemu+ssh://root@kvm1:2222/system?keyfile="_s + key);
    shoot(d, u"add-connection-ssh.png"_s);

    d.keyFileEdit()->setText(dir + u"/keys/missing"_s);
    EXPECT_FALSE(okEnabled(d)) << "a key file that is not there is said before saving";
    EXPECT_TRUE(d.problemLabel()->text().contains(u"missing"_s));
    d.keyFileEdit()->setText(u"id_rsa"_s);
    EXPECT_FALSE(okEnabled(d)) << "relative key path";

    d.keyFileEdit()->setText(key);
    chooseTransport(d, Transport::LibSsh);
    EXPECT_EQ(d.connection().uri, u"qemu+libssh://root@kvm1:2222/system?keyfile="_s + key);

    chooseTransport(d, Transport::Tcp);
    d.portSpin()->setValue(0);
    EXPECT_EQ(d.connection().uri, u"qemu+tcp://kvm1/system"_s) << "no user or key over TCP";
    EXPECT_EQ(d.portSpin()->specialValueText(), u"default (16509)"_s);
    d.portSpin()->setValue(16600);
    EXPECT_EQ(d.connection().uri, u"qemu+tcp://kvm1:16600/system"_s);
    shoot(d, u"add-connection-tcp.png"_s);

    chooseTransport(d, Transport::Tls);
    d.portSpin()->setValue(0);
    EXPECT_TRUE(d.tlsDefaultsCheck()->isChecked());
    EXPECT_EQ(d.connection().uri, u"qemu+tls://kvm1/system"_s);
    const TlsCertificates defaults = tlsCertificatesFor(u"qemu+tls://kvm1/system"_s);
    EXPECT_TRUE(d.tlsDefaultPathsLabel()->text().contains(defaults.clientKey))
        << "the default places are shown: " << d.tlsDefaultPathsLabel()->text().toStdString();
    shoot(d, u"add-connection-tls-defaults.png"_s);
}

TEST_F(AddConnectionDialogTest, ChosenTlsFilesAreLinkedOnSaveOnly)
{
    const TlsCertificates files{writeFile(dir + u"/certs/ca.crt"_s),
                                writeFile(dir + u"/certs/me.crt"_s),
                                writeFile(dir + u"/certs/private/me.key"_s)};
    auto fill = [&](Dialog &d) {
        chooseTransport(d, Transport::Tls);
        d.hostEdit()->setText(u"kvm1"_s);
        d.tlsDefaultsCheck()->setChecked(false);
        d.caCertEdit()->setText(files.caCertificate);
        d.clientCertEdit()->setText(files.clientCertificate);
        d.clientKeyEdit()->setText(files.clientKey);
    };
    const QString base = dir + u"/data/pki"_s;
    {
        Dialog d;
        fill(d);
        ASSERT_TRUE(okEnabled(d)) << d.problemLabel()->text().toStdString();
        const QString uri = d.connection().uri;
        EXPECT_TRUE(uri.startsWith(u"qemu+tls://kvm1/system?pkipath="_s + base + u"/kvm1-"_s))
            << uri.toStdString();
        shoot(d, u"add-connection-tls-files.png"_s);
        d.reject();
        EXPECT_FALSE(QFileInfo::exists(base)) << "nothing is left behind on cancel";
    }
    {
        Dialog d;
        fill(d);
        d.clientKeyEdit()->setText(dir + u"/certs/nokey.pem"_s);
        EXPECT_FALSE(okEnabled(d));
        EXPECT_TRUE(d.problemLabel()->text().contains(u"client key"_s) &&
                    d.problemLabel()->text().contains(u"nokey.pem"_s))
            << d.problemLabel()->text().toStdString();
        d.accept();
        EXPECT_EQ(d.result(), QDialog::Rejected) << "not saved with a missing key";
        EXPECT_FALSE(QFileInfo::exists(base));
    }
    Dialog d;
    fill(d);
    const SavedConnection saved = d.connection();
    d.accept();
    EXPECT_EQ(d.result(), QDialog::Accepted);
    const TlsCertificates used = tlsCertificatesFor(saved.uri);
    EXPECT_TRUE(QFileInfo(used.clientKey).isSymLink()) << "the key is linked, never copied";
    EXPECT_EQ(QFileInfo(used.clientKey).symLinkTarget(), files.clientKey);
    EXPECT_EQ(QFileInfo(used.caCertificate).symLinkTarget(), files.caCertificate);

    // Edit Connection: the dialog shows the chosen files again, not the links.
    Dialog edit;
    edit.setConnection(saved);
    EXPECT_EQ(edit.windowTitle(), u"Edit Connection"_s);
    EXPECT_EQ(edit.transportCombo()->currentData().toInt(), int(Transport::Tls));
    EXPECT_FALSE(edit.tlsDefaultsCheck()->isChecked());
    EXPECT_EQ(edit.clientKeyEdit()->text(), files.clientKey);
    EXPECT_EQ(edit.connection(), saved);
}

TEST_F(AddConnectionDialogTest, FilesInLibvirtsLayoutUseTheirOwnFolder)
{
    const QString pki = dir + u"/pki"_s;
    Dialog d;
    chooseTransport(d, Transport::Tls);
    d.hostEdit()->setText(u"kvm1"_s);
    d.tlsDefaultsCheck()->setChecked(false);
    d.caCertEdit()->setText(writeFile(pki + u"/cacert.pem"_s));
    d.clientCertEdit()->setText(writeFile(pki + u"/clientcert.pem"_s));
    d.clientKeyEdit()->setText(writeFile(pki + u"/clientkey.pem"_s));
    EXPECT_EQ(d.connection().uri, u"qemu+tls://kvm1/system?pkipath="_s + pki);
    d.accept();
    EXPECT_EQ(d.result(), QDialog::Accepted);
    EXPECT_FALSE(QFileInfo::exists(dir + u"/data/pki"_s));
}

TEST_F(AddConnectionDialogTest, EditFillsEveryTransportFromItsUri)
{
    const QString key = writeFile(dir + u"/id_ed25519"_s);
    for (const QString &uri : QStringList{
             u"qemu+ssh://admin@kvm2:2200/system?keyfile="_s + key, u"qemu+libssh://kvm2/session"_s,
             u"qemu+tcp://10.0.0.5:16600/system"_s, u"qemu+tls://kvm3/system"_s,
             u"test:///default"_s, u"qemu+ssh://kvm2/system?no_verify=1"_s}) {
        Dialog d;
        d.setConnection({uri, u"Name"_s, false});
        EXPECT_EQ(d.connection(), (SavedConnection{uri, u"Name"_s, false})) << uri.toStdString();
    }
}

TEST_F(AddConnectionDialogTest, TestConnectionReportsTheTestDriversFigures)
{
    Dialog d;
    d.hypervisorCombo()->setCurrentIndex(
        d.hypervisorCombo()->findData(int(ConnectionUriSpec::Hypervisor::Test)));
    d.show();
    d.testButton()->click();
    ASSERT_NE(d.probe(), nullptr);
    EXPECT_TRUE(d.stopTestButton()->isVisible());
    EXPECT_FALSE(d.testButton()->isEnabled()) << "one test at a time";
    ASSERT_TRUE(test::waitUntil([&] { return !d.probe()->isRunning(); }, 15000));
    const QString report = d.testReportLabel()->text();
    EXPECT_TRUE(report.contains(u"Connecting"_s) && report.contains(u"Authenticating"_s))
        << report.toStdString();
    EXPECT_TRUE(report.contains(u"i686"_s)) << "the host's arch: " << report.toStdString();
    EXPECT_TRUE(report.contains(u"libvirt "_s)) << report.toStdString();
    EXPECT_TRUE(report.contains(u"1 virtual machine"_s)) << report.toStdString();
    EXPECT_FALSE(report.contains(u"✘"_s)) << report.toStdString();
    EXPECT_FALSE(d.stopTestButton()->isVisible());
    EXPECT_TRUE(d.testButton()->isEnabled());
    EXPECT_EQ(d.result(), 0) << "testing saves nothing and keeps the dialog open";
    shoot(d, u"add-connection-test-ok.png"_s);
}

TEST_F(AddConnectionDialogTest, TestConnectionToAClosedPortSaysWhy)
{
    Dialog d;
    chooseTransport(d, Transport::Tcp);
    d.hostEdit()->setText(u"127.0.0.1"_s);
    d.portSpin()->setValue(1);
    ASSERT_EQ(d.connection().uri, u"qemu+tcp://127.0.0.1:1/system"_s);
    d.show();
    QElapsedTimer clock;
    clock.start();
    d.testConnection();
    EXPECT_LT(clock.elapsed(), 500) << "the button returns at once";
    ASSERT_TRUE(test::waitUntil([&] { return !d.probe()->isRunning(); }, 15000));
    const QString report = d.testReportLabel()->text();
    EXPECT_TRUE(report.contains(u"✘"_s)) << report.toStdString();
    EXPECT_TRUE(report.contains(u"Could not connect to 127.0.0.1 over TCP"_s))
        << report.toStdString();
    EXPECT_TRUE(report.contains(u"refused"_s, Qt::CaseInsensitive))
        << "libvirt's own words: " << report.toStdString();
    shoot(d, u"add-connection-test-failed.png"_s);
}

TEST_F(AddConnectionDialogTest, AHostThatNeverAnswersCanBeCancelledAndClosed)
{
    // Accepts TCP connections and never speaks: libvirt waits for its first answer.
    QTcpServer silent;
    ASSERT_TRUE(silent.listen(QHostAddress::LocalHost));
    auto *d = new Dialog;
    chooseTransport(*d, Transport::Tcp);
    d->hostEdit()->setText(u"127.0.0.1"_s);
    d->portSpin()->setValue(silent.serverPort());
    d->show();
    d->testConnection();
    int ticks = 0;
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, [&] { ++ticks; });
    ticker.start(20);
    test::waitUntil([] { return false; }, 600);
    EXPECT_TRUE(d->probe()->isRunning()) << "still waiting for the silent host";
    EXPECT_GE(ticks, 10) << "the event loop keeps running while the test waits";
    EXPECT_TRUE(d->stopTestButton()->isVisible());
    d->stopTestButton()->click();
    EXPECT_FALSE(d->probe()->isRunning());
    EXPECT_TRUE(d->testReportLabel()->text().contains(u"Cancelled"_s));
    EXPECT_TRUE(d->testButton()->isEnabled());

    d->testConnection();
    EXPECT_TRUE(d->probe()->isRunning());
    QPointer<ConnectionProbe> probe = d->probe();
    QElapsedTimer clock;
    clock.start();
    d->reject(); // closing the dialog cancels the test
    EXPECT_FALSE(probe->isRunning());
    delete d;
    EXPECT_TRUE(probe.isNull());
    EXPECT_LT(clock.elapsed(), 500) << "closing does not wait for the host";
    silent.close(); // the abandoned workers see EOF and finish
}

TEST_F(AddConnectionDialogTest, TestingChosenTlsFilesNamesThemAndSavesNothing)
{
    Dialog d;
    chooseTransport(d, Transport::Tls);
    d.hostEdit()->setText(u"127.0.0.1"_s);
    d.portSpin()->setValue(1);
    d.tlsDefaultsCheck()->setChecked(false);
    // Not PEM at all: libvirt refuses them before it even connects.
    d.caCertEdit()->setText(writeFile(dir + u"/certs/ca.crt"_s));
    d.clientCertEdit()->setText(writeFile(dir + u"/certs/me.crt"_s));
    d.clientKeyEdit()->setText(writeFile(dir + u"/certs/me.key"_s));
    d.show();
    d.testConnection();
    ASSERT_NE(d.probe(), nullptr);
    ASSERT_TRUE(test::waitUntil([&] { return !d.probe()->isRunning(); }, 15000));
    const QString report = d.testReportLabel()->text();
    EXPECT_TRUE(report.contains(u"✘"_s)) << report.toStdString();
    EXPECT_TRUE(report.contains(dir + u"/certs/me.key"_s))
        << "the report names the chosen files, not the test's links: " << report.toStdString();
    EXPECT_FALSE(QFileInfo::exists(dir + u"/data/pki"_s)) << "testing makes no saved folder";
    EXPECT_TRUE(
        report.contains(u"Unable to import client certificate "_s + dir + u"/certs/me.crt"_s))
        << "libvirt's words, about the user's file: " << report.toStdString();
    shoot(d, u"add-connection-test-tls.png"_s);
}
