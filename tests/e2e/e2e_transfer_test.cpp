// Volume upload and download (issue 16) on the real libvirtd over qemu+tcp://: a 256 MiB
// file with a hole goes into a new volume and back with the same SHA-256, holes kept on
// both sides; a cancelled upload leaves no volume, a cancelled download no file; the CLI
// does the same round trip and refuses to overwrite without --force.

#include "common/TestSupport.h"
#include "e2e/E2eSupport.h"
#include "models/transfer/VolumeTransfer.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <gtest/gtest.h>
#include <libvirt/virterror.h>

#include <optional>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace crossvirt::test::e2e;
using namespace crossvirt::models;
using crossvirt::test::waitUntil;

namespace {

[[maybe_unused]] ::testing::Environment *const e2eEnvironment =
    ::testing::AddGlobalTestEnvironment(new LibvirtDaemonEnvironment);

constexpr qint64 kMiB = 1 << 20;
constexpr qint64 kFileSize = 256 * kMiB;

struct Outcome
{
    std::optional<TransferResult> result;
    std::optional<TransferFailure> failure;
    QString message;
    QList<TransferProgress> progress;
};

class TransferE2e : public LibvirtDaemonTest
{
protected:
    void SetUp() override
    {
        LibvirtDaemonTest::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        dir = crossvirt::test::makeTempDir();
        QString error;
        session = openSession(LibvirtDaemon::remoteUri(), &error);
        if (!session && daemon().reusedExistingDaemon())
            GTEST_SKIP() << "the reused libvirtd does not listen on TCP: " << error.toStdString();
        ASSERT_TRUE(session) << error.toStdString();
    }

    // 4 MiB of random data, a hole, 4 MiB of random data at the end.
    QString sparseFile(const QString &name, qint64 size = kFileSize)
    {
        const QString path = dir + u"/"_s + name;
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        QByteArray chunk(4 * kMiB, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(chunk.data()),
                                              chunk.size() / 4);
        f.write(chunk);
        f.seek(size - 4 * kMiB);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(chunk.data()),
                                              chunk.size() / 4);
        f.write(chunk);
        return path;
    }

    static QString sha256Of(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        QCryptographicHash h(QCryptographicHash::Sha256);
        h.addData(&f);
        return QString::fromLatin1(h.result().toHex());
    }

    static qint64 allocatedBytes(const QString &path)
    {
        struct stat st
        {
        };
        if (::stat(QFile::encodeName(path).constData(), &st) != 0)
            return -1;
        return qint64(st.st_blocks) * 512;
    }

    std::optional<virStorageVolInfo> volumeInfo(const QString &name)
    {
        virStoragePoolPtr pool =
            virStoragePoolLookupByName(conn(), LibvirtDaemon::poolName().toUtf8().constData());
        if (!pool)
            return std::nullopt;
        virStoragePoolRefresh(pool, 0);
        std::optional<virStorageVolInfo> out;
        if (virStorageVolPtr vol = virStorageVolLookupByName(pool, name.toUtf8().constData())) {
            virStorageVolInfo info{};
            if (virStorageVolGetInfo(vol, &info) == 0)
                out = info;
            virStorageVolFree(vol);
        }
        virResetLastError();
        virStoragePoolFree(pool);
        return out;
    }

    void deleteVolume(const QString &name)
    {
        virStoragePoolPtr pool =
            virStoragePoolLookupByName(conn(), LibvirtDaemon::poolName().toUtf8().constData());
        if (!pool)
            return;
        if (virStorageVolPtr vol = virStorageVolLookupByName(pool, name.toUtf8().constData())) {
            virStorageVolDelete(vol, 0);
            virStorageVolFree(vol);
        }
        virResetLastError();
        virStoragePoolFree(pool);
    }

    /// Runs one transfer; `onProgress` may cancel it.
    template<typename Start>
    Outcome run(Start start, int chunkDelayMs = 0,
                std::function<void(VolumeTransfer &, const TransferProgress &)> onProgress = {})
    {
        Outcome o;
        VolumeTransfer t(session.get());
        t.setChunkDelayForTesting(chunkDelayMs);
        QObject::connect(&t, &VolumeTransfer::progress, [&](const TransferProgress &p) {
            o.progress << p;
            if (onProgress)
                onProgress(t, p);
        });
        QObject::connect(&t, &VolumeTransfer::finished,
                         [&](const TransferResult &r) { o.result = r; });
        QObject::connect(&t, &VolumeTransfer::failed, [&](TransferFailure k, const QString &m) {
            o.failure = k;
            o.message = m;
        });
        start(t);
        EXPECT_TRUE(waitUntil([&] { return o.result || o.failure; }, 60'000));
        return o;
    }

    QString dir;
    std::unique_ptr<HostSession> session;
};

TEST_F(TransferE2e, SparseFileRoundTripKeepsDataAndHoles)
{
    const QString source = sparseFile(u"sparse.img"_s);
    const QString sourceSha = sha256Of(source);
    const QString volume = u"crossvirt-e2e-upload.img"_s;
    deleteVolume(volume);

    const Outcome up = run([&](VolumeTransfer &t) {
        t.startUpload({LibvirtDaemon::poolName(), volume, source, {}, true});
    });
    ASSERT_TRUE(up.result) << up.message.toStdString();
    info(u"upload"_s,
         u"%1 bytes (%2 through the stream) in %3 s, %4 progress signals"_s.arg(up.result->bytes)
             .arg(up.result->dataBytes)
             .arg(up.result->seconds)
             .arg(up.progress.size()));
    EXPECT_EQ(up.result->bytes, quint64(kFileSize));
    EXPECT_LE(up.result->dataBytes, quint64(16 * kMiB)) << "the hole must not be sent";
    EXPECT_EQ(up.result->sha256, sourceSha);
    EXPECT_TRUE(up.result->createdVolume);
    // At most ten progress signals a second.
    EXPECT_LE(up.progress.size(), int(up.result->seconds * 10) + 2);

    const auto vi = volumeInfo(volume);
    ASSERT_TRUE(vi);
    EXPECT_EQ(vi->capacity, quint64(kFileSize));
    EXPECT_LT(vi->allocation, quint64(64 * kMiB)) << "the volume stays sparse";
    info(u"volume"_s, u"capacity %1, allocation %2"_s.arg(vi->capacity).arg(vi->allocation));

    const QString copy = dir + u"/copy.img"_s;
    const Outcome down = run([&](VolumeTransfer &t) {
        t.startDownload({LibvirtDaemon::poolName(), volume, copy, false, false});
    });
    ASSERT_TRUE(down.result) << down.message.toStdString();
    EXPECT_EQ(down.result->bytes, quint64(kFileSize));
    EXPECT_EQ(QFileInfo(copy).size(), kFileSize);
    EXPECT_EQ(sha256Of(copy), sourceSha);
    const qint64 allocated = allocatedBytes(copy);
    info(u"download"_s, u"%1 bytes in %2 s, local allocation %3"_s.arg(down.result->bytes)
                            .arg(down.result->seconds)
                            .arg(allocated));
    EXPECT_LT(allocated, 64 * kMiB) << "the downloaded file stays sparse";

    // Download again onto the copy: refused unless overwrite is asked.
    Outcome again = run([&](VolumeTransfer &t) {
        t.startDownload({LibvirtDaemon::poolName(), volume, copy, false, false});
    });
    ASSERT_TRUE(again.failure);
    EXPECT_EQ(*again.failure, TransferFailure::Exists);

    // A download cancelled half way removes its partial file and keeps the existing one.
    const QDateTime copyTime = QFileInfo(copy).lastModified();
    again = run(
        [&](VolumeTransfer &t) {
            t.startDownload({LibvirtDaemon::poolName(), volume, copy, true, false});
        },
        40, [](VolumeTransfer &t, const TransferProgress &) { t.cancel(); });
    ASSERT_TRUE(again.failure) << "the download finished before it was cancelled";
    EXPECT_EQ(*again.failure, TransferFailure::Cancelled) << again.message.toStdString();
    EXPECT_EQ(QDir(dir).entryList(QDir::Files), (QStringList{u"copy.img"_s, u"sparse.img"_s}));
    EXPECT_EQ(QFileInfo(copy).lastModified(), copyTime) << "the existing file is untouched";
    EXPECT_EQ(QFileInfo(copy).size(), kFileSize);
    deleteVolume(volume);
}

TEST_F(TransferE2e, CancelledOrRefusedUploadLeavesNoVolume)
{
    const QString source = sparseFile(u"cancel.img"_s);
    const QString volume = u"crossvirt-e2e-cancel.img"_s;
    deleteVolume(volume);

    bool sawVolume = false;
    const Outcome o = run(
        [&](VolumeTransfer &t) {
            t.startUpload({LibvirtDaemon::poolName(), volume, source, {}, false});
        },
        40,
        [&](VolumeTransfer &t, const TransferProgress &p) {
            if (p.bytesDone > 0 && p.bytesDone < p.bytesTotal && !sawVolume) {
                sawVolume = volumeInfo(volume).has_value();
                t.cancel();
            }
        });
    ASSERT_TRUE(o.failure) << "the upload finished before it was cancelled";
    EXPECT_EQ(*o.failure, TransferFailure::Cancelled) << o.message.toStdString();
    EXPECT_TRUE(sawVolume) << "the volume existed while the upload ran";
    EXPECT_FALSE(volumeInfo(volume)) << "the cancelled upload's volume is removed";

    // Refused before anything is made: a missing file, a folder, a name with '/'.
    for (const UploadRequest &r :
         {UploadRequest{LibvirtDaemon::poolName(), volume, dir + u"/missing.iso"_s, {}, false},
          UploadRequest{LibvirtDaemon::poolName(), volume, dir, {}, false},
          UploadRequest{LibvirtDaemon::poolName(), u"a/b.img"_s, source, {}, false}}) {
        const Outcome refused = run([&](VolumeTransfer &t) { t.startUpload(r); });
        ASSERT_TRUE(refused.failure);
        EXPECT_EQ(*refused.failure, TransferFailure::Invalid) << refused.message.toStdString();
        info(u"refused"_s, refused.message);
        EXPECT_FALSE(volumeInfo(volume));
    }
}

TEST_F(TransferE2e, CliUploadDownloadForceAndInterrupt)
{
    const QString source = sparseFile(u"cli.img"_s, 32 * kMiB); // the round trip above has 256
    const QString sourceSha = sha256Of(source);
    const QString volume = u"crossvirt-e2e-cli.img"_s;
    deleteVolume(volume);
    auto cli = [&](const QStringList &args, int expectedExit) {
        QProcess p;
        p.start(QStringLiteral(CROSSVIRT_CLI_PATH),
                QStringList{u"--connect"_s, LibvirtDaemon::remoteUri(), u"volume"_s} + args);
        EXPECT_TRUE(p.waitForFinished(60'000));
        const QByteArray err = p.readAllStandardError();
        EXPECT_EQ(p.exitCode(), expectedExit) << err.toStdString();
        return std::make_pair(QJsonDocument::fromJson(p.readAllStandardOutput()).object(),
                              QString::fromLocal8Bit(err));
    };
    const auto [up, upErr] = cli({u"upload"_s, u"--pool"_s, LibvirtDaemon::poolName(), u"--name"_s,
                                  volume, u"--file"_s, source, u"--sha256"_s},
                                 0);
    EXPECT_EQ(up.value("bytes"_L1).toDouble(), double(32 * kMiB));
    EXPECT_EQ(up.value("sha256"_L1).toString(), sourceSha);
    EXPECT_EQ(up.value("volume"_L1).toString(), volume);
    EXPECT_TRUE(upErr.contains(u"MiB"_s)) << "progress on stderr: " << upErr.toStdString();
    EXPECT_TRUE(volumeInfo(volume));

    const QString copy = dir + u"/cli-copy.img"_s;
    const auto [down, downErr] = cli({u"download"_s, u"--pool"_s, LibvirtDaemon::poolName(),
                                      u"--name"_s, volume, u"--file"_s, copy, u"--sha256"_s},
                                     0);
    EXPECT_EQ(down.value("sha256"_L1).toString(), sourceSha);
    EXPECT_EQ(sha256Of(copy), sourceSha);

    const auto [refused, refusedErr] = cli({u"download"_s, u"--pool"_s, LibvirtDaemon::poolName(),
                                            u"--name"_s, volume, u"--file"_s, copy},
                                           1);
    EXPECT_TRUE(refusedErr.contains(u"--force"_s)) << refusedErr.toStdString();
    cli({u"download"_s, u"--pool"_s, LibvirtDaemon::poolName(), u"--name"_s, volume, u"--file"_s,
         copy, u"--force"_s},
        0);

    // The same name again is refused, naming the volume.
    const auto [again, againErr] = cli({u"upload"_s, u"--pool"_s, LibvirtDaemon::poolName(),
                                        u"--name"_s, volume, u"--file"_s, source},
                                       1);
    EXPECT_TRUE(againErr.contains(volume)) << againErr.toStdString();
    deleteVolume(volume);

    // SIGTERM (as Ctrl-C) half way: the upload is cancelled and its volume removed.
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"CROSSVIRT_TRANSFER_CHUNK_DELAY_MS"_s, u"100"_s);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CROSSVIRT_CLI_PATH),
            {u"--connect"_s, LibvirtDaemon::remoteUri(), u"volume"_s, u"upload"_s, u"--pool"_s,
             LibvirtDaemon::poolName(), u"--name"_s, volume, u"--file"_s, source});
    QByteArray err;
    ASSERT_TRUE(waitUntil(
        [&] {
            err += p.readAllStandardError();
            return err.contains("MiB") || p.state() == QProcess::NotRunning;
        },
        30'000));
    ASSERT_EQ(p.state(), QProcess::Running) << err.toStdString();
    EXPECT_TRUE(volumeInfo(volume)) << "the upload has created its volume";
    p.terminate();
    ASSERT_TRUE(p.waitForFinished(30'000));
    err += p.readAllStandardError();
    EXPECT_EQ(p.exitCode(), 130) << err.toStdString();
    EXPECT_TRUE(err.contains("cancelled")) << err.toStdString();
    EXPECT_FALSE(volumeInfo(volume)) << "the interrupted upload's volume is removed";
}

} // namespace
