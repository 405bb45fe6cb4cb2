// VolumeTransfer on test:///default: every refusal happens before anything is created,
// an upload whose stream fails removes the volume it created, and a failed download
// leaves neither a partial file nor a changed existing one.
#include "models/transfer/VolumeTransfer.h"
#include "common/TestSupport.h"
#include "models/connection/HostSession.h"
#include "models/connection/WorkerJobs.h"

#include <QDir>
#include <QFile>
#include <QSemaphore>
#include <QSignalSpy>
#include <gtest/gtest.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <optional>
#include <unistd.h>

using namespace crossvirt::models;
using namespace Qt::StringLiterals;
using crossvirt::test::waitUntil;

namespace {

const QString kPool = u"default-pool"_s; // test:///default's pool

struct Outcome
{
    std::optional<TransferResult> result;
    std::optional<TransferFailure> failure;
    QString message;
};

class VolumeTransferTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        // test:///default is one shared host per process: this connection sees what the
        // session's worker did.
        conn = virConnectOpen("test:///default");
        ASSERT_TRUE(conn);
        session.open();
        ASSERT_TRUE(waitUntil([&] { return session.state() == ConnectionState::Connected; }));
        dir = crossvirt::test::makeTempDir();
        // A volume the pool already has (test:///default's pool starts empty).
        virStoragePoolPtr pool = virStoragePoolLookupByName(conn, "default-pool");
        ASSERT_TRUE(pool);
        existing =
            virStorageVolCreateXML(pool,
                                   "<volume><name>existing.img</name><capacity>1048576</capacity>"
                                   "<target><format type='raw'/></target></volume>",
                                   0);
        virStoragePoolFree(pool);
        ASSERT_TRUE(existing);
    }
    void TearDown() override
    {
        if (existing) {
            virStorageVolDelete(existing, 0);
            virStorageVolFree(existing);
        }
        if (conn)
            virConnectClose(conn);
    }

    QStringList volumeNames()
    {
        QStringList out;
        virStoragePoolPtr pool = virStoragePoolLookupByName(conn, "default-pool");
        virStorageVolPtr *vols = nullptr;
        const int n = virStoragePoolListAllVolumes(pool, &vols, 0);
        for (int i = 0; i < n; ++i) {
            out << QString::fromUtf8(virStorageVolGetName(vols[i]));
            virStorageVolFree(vols[i]);
        }
        free(vols);
        virStoragePoolFree(pool);
        return out;
    }

    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = dir + u"/"_s + name;
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        return path;
    }

    template<typename Start> Outcome run(VolumeTransfer &t, Start start)
    {
        Outcome o;
        QObject::connect(&t, &VolumeTransfer::finished,
                         [&](const TransferResult &r) { o.result = r; });
        QObject::connect(&t, &VolumeTransfer::failed, [&](TransferFailure k, const QString &m) {
            o.failure = k;
            o.message = m;
        });
        start();
        EXPECT_TRUE(waitUntil([&] { return o.result || o.failure; }, 10'000));
        EXPECT_FALSE(t.isRunning());
        return o;
    }

    Outcome upload(const UploadRequest &r)
    {
        VolumeTransfer t(&session);
        return run(t, [&] { t.startUpload(r); });
    }
    Outcome download(const DownloadRequest &r)
    {
        VolumeTransfer t(&session);
        return run(t, [&] { t.startDownload(r); });
    }

    virConnectPtr conn = nullptr;
    virStorageVolPtr existing = nullptr;
    HostSession session{u"test:///default"_s};
    QString dir;
};

} // namespace

TEST_F(VolumeTransferTest, UploadWhoseStreamFailsRemovesTheVolumeItCreated)
{
    const QString file = writeFile(u"disk.img"_s, QByteArray(100'000, 'x'));
    const QStringList before = volumeNames();
    const Outcome o = upload({kPool, u"uploaded.img"_s, file, {}, false});
    ASSERT_TRUE(o.failure);
    EXPECT_EQ(*o.failure, TransferFailure::HostFailed);
    // What was being done, then libvirt's own text (the test driver has no upload).
    EXPECT_TRUE(o.message.contains(u"Could not upload"_s)) << o.message.toStdString();
    EXPECT_TRUE(o.message.contains(u"not supported"_s)) << o.message.toStdString();
    EXPECT_FALSE(o.message.contains(u"could not be removed"_s)) << o.message.toStdString();
    EXPECT_EQ(volumeNames(), before) << "the created volume must be deleted again";
}

TEST_F(VolumeTransferTest, RefusalsComeBeforeAnythingIsCreated)
{
    const QString file = writeFile(u"disk.img"_s, QByteArray(4096, 'x'));
    const QStringList before = volumeNames();

    Outcome o = upload({kPool, u"a/b.img"_s, file, {}, false});
    ASSERT_TRUE(o.failure);
    EXPECT_EQ(*o.failure, TransferFailure::Invalid);
    EXPECT_TRUE(o.message.contains(u"/"_s)) << o.message.toStdString();

    o = upload({kPool, u"missing.img"_s, dir + u"/no-such-file.iso"_s, {}, false});
    ASSERT_TRUE(o.failure);
    EXPECT_EQ(*o.failure, TransferFailure::Invalid);
    EXPECT_TRUE(o.message.contains(u"does not exist"_s)) << o.message.toStdString();

    o = upload({kPool, u"folder.img"_s, dir, {}, false});
    ASSERT_TRUE(o.failure);
    EXPECT_TRUE(o.message.contains(u"not a regular file"_s)) << o.message.toStdString();

    o = upload({u"no-such-pool"_s, u"x.img"_s, file, {}, false});
    ASSERT_TRUE(o.failure);
    EXPECT_EQ(*o.failure, TransferFailure::Invalid);
    EXPECT_TRUE(o.message.contains(u"no-such-pool"_s)) << o.message.toStdString();

    o = upload({kPool, u"x.img"_s, file, u"vmdk"_s, false});
    ASSERT_TRUE(o.failure);
    EXPECT_TRUE(o.message.contains(u"vmdk"_s)) << o.message.toStdString();

    // A name the pool already has.
    o = upload({kPool, u"existing.img"_s, file, {}, false});
    ASSERT_TRUE(o.failure);
    EXPECT_EQ(*o.failure, TransferFailure::Invalid);
    EXPECT_TRUE(o.message.contains(u"already has a volume named"_s)) << o.message.toStdString();

    // Larger than the pool's free space (a sparse file: no disk used here).
    virStoragePoolPtr pool = virStoragePoolLookupByName(conn, "default-pool");
    virStoragePoolInfo info{};
    ASSERT_EQ(virStoragePoolGetInfo(pool, &info), 0);
    virStoragePoolFree(pool);
    const QString huge = dir + u"/huge.img"_s;
    {
        QFile f(huge);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        ASSERT_TRUE(f.resize(qint64(info.available) + (qint64(1) << 30)));
    }
    o = upload({kPool, u"huge.img"_s, huge, {}, false});
    ASSERT_TRUE(o.failure);
    EXPECT_EQ(*o.failure, TransferFailure::Invalid);
    EXPECT_TRUE(o.message.contains(u"free"_s)) << o.message.toStdString();

    if (geteuid() != 0) { // root reads any file
        const QString locked = writeFile(u"locked.iso"_s, QByteArray(10, 'x'));
        QFile::setPermissions(locked, {});
        o = upload({kPool, u"locked.iso"_s, locked, {}, false});
        ASSERT_TRUE(o.failure);
        EXPECT_EQ(*o.failure, TransferFailure::Invalid);
        EXPECT_TRUE(o.message.contains(u"cannot read"_s)) << o.message.toStdString();
    }
    EXPECT_EQ(volumeNames(), before);
}

TEST_F(VolumeTransferTest, CancelBeforeTheStreamCreatesNothing)
{
    const QString file = writeFile(u"disk.img"_s, QByteArray(4096, 'x'));
    const QStringList before = volumeNames();
    VolumeTransfer t(&session);
    // Hold the host's worker so the cancel surely comes before the transfer starts.
    QSemaphore hold;
    const QFuture<void> busy = runOnWorker(&session, [&](virConnectPtr) { hold.acquire(); });
    const Outcome o = run(t, [&] {
        t.startUpload({kPool, u"cancelled.img"_s, file, {}, false});
        t.cancel();
        hold.release();
    });
    ASSERT_TRUE(o.failure);
    EXPECT_EQ(*o.failure, TransferFailure::Cancelled) << o.message.toStdString();
    EXPECT_EQ(volumeNames(), before);
}

TEST_F(VolumeTransferTest, FailedDownloadLeavesNoPartialFileAndKeepsAnExistingOne)
{
    const QString dest = dir + u"/out.img"_s;
    const QString volume = u"existing.img"_s;

    Outcome o = download({kPool, volume, dest, false, false});
    ASSERT_TRUE(o.failure);
    EXPECT_EQ(*o.failure, TransferFailure::HostFailed);
    EXPECT_TRUE(o.message.contains(u"not supported"_s)) << o.message.toStdString();
    EXPECT_EQ(QDir(dir).entryList(QDir::Files | QDir::Hidden), QStringList{})
        << "no partial file is left";

    const QString kept = writeFile(u"kept.img"_s, "precious");
    o = download({kPool, volume, kept, false, false});
    ASSERT_TRUE(o.failure);
    EXPECT_EQ(*o.failure, TransferFailure::Exists);

    o = download({kPool, volume, kept, true, false}); // overwrite asked, but it fails
    ASSERT_TRUE(o.failure);
    EXPECT_EQ(*o.failure, TransferFailure::HostFailed);
    QFile f(kept);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll(), QByteArray("precious"));
    EXPECT_EQ(QDir(dir).entryList(QDir::Files | QDir::Hidden), QStringList{u"kept.img"_s});

    o = download({kPool, u"no-such-volume"_s, dest, false, false});
    ASSERT_TRUE(o.failure);
    EXPECT_EQ(*o.failure, TransferFailure::Invalid);
    EXPECT_TRUE(o.message.contains(u"no-such-volume"_s)) << o.message.toStdString();

    o = download({kPool, volume, dir + u"/missing-folder/out.img"_s, false, false});
    ASSERT_TRUE(o.failure);
    EXPECT_EQ(*o.failure, TransferFailure::Invalid);
    EXPECT_TRUE(o.message.contains(u"does not exist"_s)) << o.message.toStdString();
}

TEST_F(VolumeTransferTest, FormatIsGuessedFromTheContents)
{
    QByteArray qcow = QByteArray("QFI\xfb", 4) + QByteArray(60, '\0');
    EXPECT_EQ(VolumeTransfer::guessFormat(writeFile(u"image.bin"_s, qcow)), u"qcow2"_s);
    QByteArray iso(40'000, '\0');
    iso.replace(32769, 5, "CD001");
    EXPECT_EQ(VolumeTransfer::guessFormat(writeFile(u"cd.bin"_s, iso)), u"iso"_s);
    EXPECT_EQ(VolumeTransfer::guessFormat(writeFile(u"plain.iso"_s, "x")), u"iso"_s);
    EXPECT_EQ(VolumeTransfer::guessFormat(writeFile(u"disk.img"_s, "x")), u"raw"_s);
}

TEST(TransferProgressText, SaysBytesRateAndTimeLeft)
{
    TransferProgress p;
    p.bytesDone = 128ull << 20;
    p.bytesTotal = 256ull << 20;
    p.bytesPerSecond = 32ull << 20;
    p.secondsLeft = 4;
    const QString text = p.text();
    EXPECT_TRUE(text.contains(u"128"_s)) << text.toStdString();
    EXPECT_TRUE(text.contains(u"256"_s)) << text.toStdString();
    EXPECT_TRUE(text.contains(u"32"_s) && text.contains(u"/s"_s)) << text.toStdString();
    EXPECT_TRUE(text.contains(u"4 s left"_s)) << text.toStdString();
}
