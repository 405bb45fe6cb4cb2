// The Add Connection dialog's models helpers: the TLS pki folder made from chosen files
// (on temporary files), and the probe behind "Test connection" on the test driver and on
// a port nothing listens on.
#include "common/TestSupport.h"
#include "models/connection/ConnectionProbe.h"
#include "models/connection/TlsCertificateFolder.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <gtest/gtest.h>
#include <unistd.h>

using namespace crossvirt;
using namespace crossvirt::models;
using namespace Qt::StringLiterals;

namespace {

QString writeFile(const QString &path, const QByteArray &content = "pem\n")
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly)) << path.toStdString();
    f.write(content);
    return path;
}

TlsCertificates scattered(const QString &dir)
{
    return {writeFile(dir + u"/ca/my-ca.crt"_s), writeFile(dir + u"/me/host-cert.pem"_s),
            writeFile(dir + u"/me/private/host-key.pem"_s, "secret key\n")};
}

} // namespace

TEST(TlsCertificateFolder, SaysWhichFileIsMissingOrNotAFile)
{
    const QString dir = test::makeTempDir();
    TlsCertificates files = scattered(dir);
    EXPECT_TRUE(tlsCertificateProblems(files).isEmpty());
    files.clientCertificate = dir + u"/nowhere.pem"_s;
    files.clientKey = dir; // a folder
    const QStringList problems = tlsCertificateProblems(files);
    ASSERT_EQ(problems.size(), 2);
    EXPECT_TRUE(problems[0].contains(u"client certificate"_s) &&
                problems[0].contains(u"nowhere.pem"_s) && problems[0].contains(u"does not exist"_s))
        << problems[0].toStdString();
    EXPECT_TRUE(problems[1].contains(u"client key"_s) && problems[1].contains(u"not a file"_s))
        << problems[1].toStdString();
    files.caCertificate.clear();
    EXPECT_TRUE(tlsCertificateProblems(files).value(0).contains(u"not chosen"_s));
}

TEST(TlsCertificateFolder, UnreadableFileIsSaid)
{
    if (::geteuid() == 0)
        GTEST_SKIP() << "root reads any file: no unreadable file can be made here";
    const QString dir = test::makeTempDir();
    TlsCertificates files = scattered(dir);
    QFile::setPermissions(files.clientKey, QFile::WriteOwner);
    EXPECT_TRUE(tlsCertificateProblems(files).value(0).contains(u"cannot be read"_s));
}

TEST(TlsCertificateFolder, FilesAlreadyInLibvirtsLayoutKeepTheirFolder)
{
    const QString dir = test::makeTempDir();
    const QString pki = dir + u"/pki"_s;
    const TlsCertificates files{writeFile(pki + u"/cacert.pem"_s),
                                writeFile(pki + u"/clientcert.pem"_s),
                                writeFile(pki + u"/clientkey.pem"_s)};
    EXPECT_EQ(existingPkiFolder(files), pki);
    EXPECT_EQ(plannedPkiFolder(files, u"kvm1"_s, dir + u"/base"_s), pki);
    EXPECT_TRUE(makePkiFolder(files, pki).isEmpty());
    EXPECT_FALSE(QFileInfo::exists(dir + u"/base"_s)) << "no folder is made for such files";
    EXPECT_FALSE(QFileInfo(pki + u"/clientkey.pem"_s).isSymLink());

    TlsCertificates split = files;
    split.clientKey = writeFile(dir + u"/elsewhere/clientkey.pem"_s);
    EXPECT_TRUE(existingPkiFolder(split).isEmpty()) << "the names match but not the folder";
}

TEST(TlsCertificateFolder, ChosenFilesBecomeLinksInAPerConnectionFolder)
{
    const QString dir = test::makeTempDir();
    const TlsCertificates files = scattered(dir);
    const QString base = dir + u"/data/pki"_s;
    const QString folder = plannedPkiFolder(files, u"kvm1.example.org"_s, base);
    EXPECT_TRUE(folder.startsWith(base + u"/kvm1.example.org-"_s)) << folder.toStdString();
    EXPECT_EQ(plannedPkiFolder(files, u"kvm1.example.org"_s, base), folder) << "stable";
    EXPECT_NE(plannedPkiFolder(files, u"kvm2"_s, base), folder);
    TlsCertificates other = files;
    other.caCertificate = writeFile(dir + u"/other-ca.pem"_s);
    EXPECT_NE(plannedPkiFolder(other, u"kvm1.example.org"_s, base), folder);
    EXPECT_FALSE(QFileInfo::exists(folder)) << "planning touches no file";

    ASSERT_EQ(makePkiFolder(files, folder), QString());
    const QString names[3] = {u"cacert.pem"_s, u"clientcert.pem"_s, u"clientkey.pem"_s};
    const QString targets[3] = {files.caCertificate, files.clientCertificate, files.clientKey};
    for (int i = 0; i < 3; ++i) {
        const QFileInfo link(folder + u'/' + names[i]);
        EXPECT_TRUE(link.isSymLink()) << names[i].toStdString() << " is a link, not a copy";
        EXPECT_EQ(link.symLinkTarget(), targets[i]);
    }
    EXPECT_EQ(QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).size(),
              3)
        << "no temporary link is left";
    EXPECT_EQ(tlsCertificatesFor(u"qemu+tls://kvm1/system?pkipath="_s + folder).clientKey,
              folder + u"/clientkey.pem"_s);

    // Choosing again (another key) replaces the links in place.
    TlsCertificates again = files;
    again.clientKey = writeFile(dir + u"/new-key.pem"_s);
    ASSERT_EQ(makePkiFolder(again, folder), QString());
    EXPECT_EQ(QFileInfo(folder + u"/clientkey.pem"_s).symLinkTarget(), again.clientKey);
}

TEST(TlsCertificateFolder, FailureLeavesNothingBehind)
{
    const QString dir = test::makeTempDir();
    TlsCertificates files = scattered(dir);
    const QString blocker = writeFile(dir + u"/data"_s); // a file where the base folder goes
    QString error = makePkiFolder(files, blocker + u"/pki/kvm1"_s);
    EXPECT_TRUE(error.contains(u"Could not create"_s)) << error.toStdString();

    files.clientKey = dir + u"/missing-key.pem"_s;
    const QString folder = dir + u"/pki/kvm1"_s;
    error = makePkiFolder(files, folder);
    EXPECT_TRUE(error.contains(u"missing-key.pem"_s)) << error.toStdString();
    EXPECT_FALSE(QFileInfo::exists(folder)) << "no folder for files that are not there";
}

TEST(ConnectionProbe, FailuresAreFiledUnderTheirStep)
{
    using Step = ConnectionProbe::Step;
    EXPECT_EQ(ConnectionProbe::stepOfFailure(
                  u"unable to connect to server at '127.0.0.1:1': Connection refused"_s),
              Step::Connecting);
    EXPECT_EQ(ConnectionProbe::stepOfFailure(u"authentication failed: Failed to authenticate"_s),
              Step::Authenticating);
    EXPECT_EQ(ConnectionProbe::stepOfFailure(
                  u"Cannot recv data: root@10.0.0.2: Permission denied (publickey,password)."_s),
              Step::Authenticating);
    EXPECT_EQ(ConnectionProbe::stepOfFailure(
                  u"Cannot access CA certificate '/etc/pki/CA/cacert.pem': No such file"_s),
              Step::Certificates);
}

TEST(ConnectionProbe, TestDriverReportsTheHostAndItsVms)
{
    ConnectionProbe probe(u"test:///default"_s, nullptr);
    QList<ConnectionProbe::Report> seen;
    QObject::connect(&probe, &ConnectionProbe::reported,
                     [&](const ConnectionProbe::Report &r) { seen << r; });
    bool done = false, ok = false;
    QObject::connect(&probe, &ConnectionProbe::finished, [&](bool result) {
        done = true;
        ok = result;
    });
    probe.start();
    EXPECT_TRUE(probe.isRunning());
    ASSERT_TRUE(test::waitUntil([&] { return done; }, 15000));
    EXPECT_TRUE(ok);
    EXPECT_FALSE(probe.isRunning());
    ASSERT_EQ(seen.size(), 4) << "connecting, authenticating, host, VMs";
    for (const auto &r : seen)
        EXPECT_TRUE(r.ok) << r.text.toStdString();
    EXPECT_EQ(seen[2].step, ConnectionProbe::Step::Host);
    EXPECT_TRUE(seen[2].text.contains(u"i686"_s) &&
                seen[2].text.contains(u"TEST"_s, Qt::CaseInsensitive))
        << seen[2].text.toStdString();
    EXPECT_TRUE(seen[2].text.contains(u"libvirt "_s)) << seen[2].text.toStdString();
    EXPECT_EQ(seen[3].step, ConnectionProbe::Step::Domains);
    EXPECT_TRUE(seen[3].text.startsWith(u"1 "_s) && seen[3].text.contains(u"1 running"_s))
        << seen[3].text.toStdString();
}

TEST(ConnectionProbe, UnreachableHostFailsInWordsWithoutBlocking)
{
    ConnectionProbe probe(u"qemu+tcp://127.0.0.1:1/system"_s, nullptr);
    bool done = false, ok = true;
    QObject::connect(&probe, &ConnectionProbe::finished, [&](bool result) {
        done = true;
        ok = result;
    });
    QElapsedTimer clock;
    clock.start();
    probe.start();
    EXPECT_LT(clock.elapsed(), 500) << "start() does not wait for the host";
    EXPECT_FALSE(done) << "the answer comes later, through the event loop";
    ASSERT_TRUE(test::waitUntil([&] { return done; }, 15000));
    EXPECT_FALSE(ok);
    ASSERT_FALSE(probe.reports().isEmpty());
    const ConnectionProbe::Report r = probe.reports().constLast();
    EXPECT_EQ(r.step, ConnectionProbe::Step::Connecting);
    EXPECT_FALSE(r.ok);
    EXPECT_TRUE(r.text.contains(u"Could not connect to 127.0.0.1 over TCP"_s))
        << r.text.toStdString();
    EXPECT_TRUE(r.text.contains(u"refused"_s, Qt::CaseInsensitive))
        << "libvirt's own text: " << r.text.toStdString();
}
