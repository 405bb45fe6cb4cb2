// The saved connection list must survive crashes and never be silently replaced.
#include "models/connection/ConnectionStore.h"
#include "common/TestSupport.h"
#include "models/connection/Datacenter.h"
#include "models/connection/HostSession.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace crossvirt::models;
using namespace Qt::StringLiterals;

namespace {

QList<SavedConnection> sampleList()
{
    return {{u"qemu:///system"_s, u"Local"_s, true},
            {u"qemu+ssh://root@kvm1/system"_s, u"kvm1 “rack 4”"_s, false},
            {u"test:///default"_s, QString(), true}};
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

TEST(ConnectionStore, SaveAndLoadRoundTrip)
{
    const QString path = crossvirt::test::makeTempDir() + u"/sub/connections.json"_s;
    ConnectionStore store(path);
    EXPECT_EQ(store.load().status, ConnectionStore::Status::Missing);
    ASSERT_EQ(store.save(sampleList()), QString());
    const auto loaded = store.load();
    EXPECT_EQ(loaded.status, ConnectionStore::Status::Loaded);
    EXPECT_EQ(loaded.connections, sampleList());
}

TEST(ConnectionStore, CrashInTheMiddleOfASaveKeepsThePreviousList)
{
    const QString path = crossvirt::test::makeTempDir() + u"/connections.json"_s;
    ConnectionStore store(path);
    ASSERT_EQ(store.save(sampleList()), QString());
    const QByteArray before = readAll(path);

    // A child process starts saving a new list and dies before committing, the
    // way a crash or power cut would stop it half-way through the write.
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            _exit(3);
        file.write("{\"version\": 1, \"connections\": [{\"uri\": \"qemu:///sys");
        file.flush();
        _exit(9); // no commit(): the crash
    }
    int status = 0;
    waitpid(child, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    ASSERT_EQ(WEXITSTATUS(status), 9);

    EXPECT_EQ(readAll(path), before)
        << "the list on disk was touched by a save that never finished";
    const auto loaded = store.load();
    EXPECT_EQ(loaded.status, ConnectionStore::Status::Loaded);
    EXPECT_EQ(loaded.connections, sampleList());
}

TEST(ConnectionStore, CorruptFileIsReportedAndKeptNotReplaced)
{
    const QString dir = crossvirt::test::makeTempDir();
    const QString path = dir + u"/connections.json"_s;
    const QByteArray garbage = "{\"connections\": [ {\"uri\": \"qemu:///system\" ,, oops";
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(garbage);
    }
    ConnectionStore store(path);
    const auto loaded = store.load();
    EXPECT_EQ(loaded.status, ConnectionStore::Status::Corrupt);
    EXPECT_FALSE(loaded.error.isEmpty());
    EXPECT_TRUE(loaded.error.contains(path)) << loaded.error.toStdString();
    ASSERT_FALSE(loaded.backupPath.isEmpty());
    EXPECT_EQ(readAll(loaded.backupPath), garbage) << "the unreadable list must be kept intact";
    EXPECT_EQ(readAll(path), garbage) << "loading must not modify the file";
    EXPECT_TRUE(loaded.error.contains(loaded.backupPath));
}

TEST(ConnectionStore, DatacenterDoesNotAddDemoHostsOverACorruptList)
{
    const QString dir = crossvirt::test::makeTempDir();
    const QString path = dir + u"/connections.json"_s;
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("not json at all");
    }
    qputenv("CROSSVIRT_DATA_DIR", (dir + u"/data"_s).toUtf8());
    Datacenter datacenter{ConnectionStore(path)};
    const auto result = datacenter.loadSaved();
    EXPECT_EQ(result.status, ConnectionStore::Status::Corrupt);
    EXPECT_FALSE(result.error.isEmpty());
    EXPECT_TRUE(datacenter.sessions().isEmpty())
        << "a corrupt list is not an empty one: no demo hosts are added over it";
}

TEST(ConnectionStore, FirstStartInstallsAndSavesTheDemoDatacenter)
{
    const QString dir = crossvirt::test::makeTempDir();
    qputenv("CROSSVIRT_DATA_DIR", (dir + u"/data"_s).toUtf8());
    const QString path = dir + u"/config/connections.json"_s;
    {
        Datacenter datacenter{ConnectionStore(path)};
        const auto result = datacenter.loadSaved();
        EXPECT_EQ(result.status, ConnectionStore::Status::Missing);
        ASSERT_EQ(datacenter.sessions().size(), 4);
        for (const HostSession *s : datacenter.sessions()) {
            EXPECT_TRUE(s->uri().startsWith(u"test://"_s + dir)) << s->uri().toStdString();
            EXPECT_TRUE(QFile::exists(s->uri().mid(7)));
        }
    }
    // The save runs off the GUI thread; wait for the file to appear.
    ASSERT_TRUE(crossvirt::test::waitUntil([&] { return QFile::exists(path); }, 5000));
    EXPECT_EQ(ConnectionStore(path).load().connections.size(), 4);
}
