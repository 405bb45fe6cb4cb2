// The clone core on the real libvirtd (issue 14), no guest booted: VolumeCopy copies a
// sparse raw and a qcow2 volume with the same contents (holes stay holes), refuses a taken
// name and an overlay going to another host, and a cancelled copy leaves no volume;
// VmCloner clones a defined VM (a copied disk, a shared read-only disk, an empty CD-ROM, an
// NVRAM file in a folder no pool covers) into a clone with its own disk, MAC and NVRAM and
// leaves the source as it was; a cancelled clone and one failing half way leave no volume,
// no NVRAM file and no domain. A dir pool in a temporary directory; a few seconds.

#include "common/TestSupport.h"
#include "e2e/E2eSupport.h"
#include "models/clone/VmClone.h"
#include "models/transfer/VolumeCopy.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <libvirt/virterror.h>

#include <optional>

using namespace Qt::StringLiterals;
using namespace crossvirt::test::e2e;
using namespace crossvirt::models;
using crossvirt::test::waitUntil;

namespace {

[[maybe_unused]] ::testing::Environment *const e2eEnvironment =
    ::testing::AddGlobalTestEnvironment(new LibvirtDaemonEnvironment);

constexpr qint64 kMiB = 1 << 20;
const QString kPool = u"crossvirt-e2e-clone"_s;

QString vmName(const QString &suffix)
{
    return LibvirtDaemon::domainPrefix() + u"clone-"_s + suffix;
}

struct CopyOutcome
{
    std::optional<VolumeCopyResult> result;
    std::optional<TransferFailure> failure;
    QString message;
    int progressSignals = 0;
};

struct CloneOutcome
{
    std::optional<CloneResult> result;
    QString message;
    bool cancelled = false;
    int progressSignals = 0;
};

/// qemu-img's output and exit code.
std::pair<int, QString> qemuImg(const QStringList &args)
{
    QProcess p;
    p.start(u"qemu-img"_s, args);
    if (!p.waitForFinished(60'000))
        return {-1, u"qemu-img did not finish"_s};
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError())};
}

/// Bytes the file takes on disk (qemu-img's actual-size).
qint64 actualSize(const QString &path)
{
    const auto [rc, out] = qemuImg({u"info"_s, u"--output=json"_s, u"-U"_s, path});
    if (rc != 0)
        return -1;
    return QJsonDocument::fromJson(out.toUtf8()).object().value("actual-size"_L1).toInteger(-1);
}

QByteArray contents(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

class CloneCoreE2e : public LibvirtDaemonTest
{
protected:
    void SetUp() override
    {
        LibvirtDaemonTest::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        removeLeftovers();
        tmp = std::make_unique<QTemporaryDir>(QDir::tempPath() + u"/crossvirt-e2e-clone-XXXXXX"_s);
        ASSERT_TRUE(tmp->isValid());
        images = tmp->path() + u"/images"_s;
        nvramDir = tmp->path() + u"/nvram"_s;
        ASSERT_TRUE(QDir().mkpath(images));
        ASSERT_TRUE(QDir().mkpath(nvramDir));
        const QString xml = u"<pool type='dir'><name>%1</name><target><path>%2</path></target>"
                            "</pool>"_s.arg(kPool, images);
        virStoragePoolPtr p = virStoragePoolCreateXML(conn(), xml.toUtf8().constData(), 0);
        ASSERT_TRUE(p) << lastLibvirtError().toStdString();
        virStoragePoolFree(p);
        QString error;
        session = openSession(LibvirtDaemon::localUri(), &error);
        ASSERT_TRUE(session) << error.toStdString();
    }

    void TearDown() override
    {
        session.reset();
        removeLeftovers();
        tmp.reset();
        LibvirtDaemonTest::TearDown();
    }

    void removeLeftovers()
    {
        for (const QString &name : {vmName(u"src"_s), vmName(u"dst"_s)}) {
            if (virDomainPtr d = virDomainLookupByName(conn(), name.toUtf8().constData())) {
                virDomainUndefineFlags(d, VIR_DOMAIN_UNDEFINE_KEEP_NVRAM);
                virDomainFree(d);
            }
        }
        if (virStoragePoolPtr p = virStoragePoolLookupByName(conn(), kPool.toUtf8().constData())) {
            virStoragePoolDestroy(p);
            virStoragePoolFree(p);
        }
        virResetLastError();
    }

    void refreshPool()
    {
        if (virStoragePoolPtr p = virStoragePoolLookupByName(conn(), kPool.toUtf8().constData())) {
            virStoragePoolRefresh(p, 0);
            virStoragePoolFree(p);
        }
    }

    /// A raw file of `size` with 4 MiB of random data at the start and at the end, a hole
    /// between, made in the pool's folder.
    QString sparseRaw(const QString &name, qint64 size)
    {
        const QString path = images + u'/' + name;
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        QByteArray chunk(4 * kMiB, Qt::Uninitialized);
        for (const qint64 at : {qint64(0), size - 4 * kMiB}) {
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(chunk.data()),
                                                  chunk.size() / 4);
            f.seek(at);
            f.write(chunk);
        }
        f.close();
        refreshPool();
        return path;
    }

    /// A qcow2 volume holding `rawName`'s data.
    QString qcow2From(const QString &rawName, const QString &name)
    {
        const QString path = images + u'/' + name;
        const auto [rc, out] = qemuImg(
            {u"convert"_s, u"-f"_s, u"raw"_s, u"-O"_s, u"qcow2"_s, images + u'/' + rawName, path});
        EXPECT_EQ(rc, 0) << out.toStdString();
        refreshPool();
        return path;
    }

    bool volumeExists(const QString &name)
    {
        refreshPool();
        return QFile::exists(images + u'/' + name);
    }

    CopyOutcome copy(const VolumeCopyRequest &request, HostSession *target = nullptr,
                     int chunkDelayMs = 0, bool cancelAtFirstProgress = false)
    {
        CopyOutcome o;
        VolumeCopy c(session.get(), target ? target : session.get());
        c.setChunkDelayForTesting(chunkDelayMs);
        QObject::connect(&c, &VolumeCopy::progress, [&](const TransferProgress &) {
            ++o.progressSignals;
            if (cancelAtFirstProgress)
                c.cancel();
        });
        QObject::connect(&c, &VolumeCopy::finished,
                         [&](const VolumeCopyResult &r) { o.result = r; });
        QObject::connect(&c, &VolumeCopy::failed, [&](TransferFailure k, const QString &m) {
            o.failure = k;
            o.message = m;
        });
        c.start(request);
        EXPECT_TRUE(waitUntil([&] { return o.result || o.failure; }, 120'000));
        return o;
    }

    CloneOutcome clone(const ClonePlan &plan, int chunkDelayMs = 0, bool cancelWhileCopying = false)
    {
        CloneOutcome o;
        VmCloner cloner(session.get());
        cloner.setChunkDelayForTesting(chunkDelayMs);
        QObject::connect(&cloner, &VmCloner::progress, [&](const CloneProgress &p) {
            ++o.progressSignals;
            if (cancelWhileCopying && !p.volume.isEmpty() && p.diskDone > 0)
                cloner.cancel();
        });
        QObject::connect(&cloner, &VmCloner::finished, [&](const CloneResult &r) { o.result = r; });
        QObject::connect(&cloner, &VmCloner::failed, [&](const QString &m, bool c) {
            o.message = m;
            o.cancelled = c;
        });
        cloner.start(plan);
        EXPECT_TRUE(waitUntil([&] { return !cloner.isRunning(); }, 120'000));
        return o;
    }

    /// Defines the source VM: vda a copy of `disk` (qcow2), vdb the read-only base.img,
    /// an empty CD-ROM, one NIC, VNC on a fixed port, and its NVRAM file in nvramDir.
    QString defineSource(const QString &disk, const QString &extraDisks = {})
    {
        const QString nvram = nvramDir + u"/src_VARS.fd"_s;
        QFile f(nvram);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        QByteArray vars(528 * 1024, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(vars.data()),
                                              vars.size() / 4);
        f.write(vars);
        f.close();
        const QString xml = uR"(<domain type='qemu'>
  <name>%1</name>
  <memory unit='MiB'>128</memory>
  <os>
    <type arch='x86_64' machine='q35'>hvm</type>
    <loader readonly='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE_4M.fd</loader>
    <nvram template='/usr/share/OVMF/OVMF_VARS_4M.fd'>%2</nvram>
  </os>
  <features><acpi/></features>
  <devices>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='%3'/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <disk type='file' device='disk'>
      <driver name='qemu' type='raw'/>
      <source file='%4/base.img'/>
      <target dev='vdb' bus='virtio'/>
      <readonly/>
    </disk>
    %5
    <disk type='file' device='cdrom'>
      <driver name='qemu' type='raw'/>
      <target dev='sda' bus='sata'/>
      <readonly/>
    </disk>
    <interface type='user'>
      <mac address='52:54:00:e2:e0:01'/>
      <model type='virtio'/>
    </interface>
    <graphics type='vnc' port='5977' autoport='no' listen='127.0.0.1'/>
  </devices>
</domain>)"_s.arg(vmName(u"src"_s), nvram, disk, images, extraDisks);
        virDomainPtr d = virDomainDefineXML(conn(), xml.toUtf8().constData());
        EXPECT_TRUE(d) << lastLibvirtError().toStdString();
        if (!d)
            return {};
        char uuid[VIR_UUID_STRING_BUFLEN] = {};
        virDomainGetUUIDString(d, uuid);
        virDomainFree(d);
        return QString::fromLatin1(uuid);
    }

    QString inactiveXml(const QString &name)
    {
        QString xml;
        if (virDomainPtr d = virDomainLookupByName(conn(), name.toUtf8().constData())) {
            char *raw = virDomainGetXMLDesc(d, VIR_DOMAIN_XML_INACTIVE);
            xml = QString::fromUtf8(raw);
            free(raw);
            virDomainFree(d);
        }
        virResetLastError();
        return xml;
    }

    QStringList nvramPools()
    {
        QStringList out;
        virStoragePoolPtr *pools = nullptr;
        const int n = virConnectListAllStoragePools(conn(), &pools, 0);
        for (int i = 0; i < n; ++i) {
            const QString name = QString::fromUtf8(virStoragePoolGetName(pools[i]));
            if (name.startsWith(u"crossvirt-nvram-"_s))
                out << name;
            virStoragePoolFree(pools[i]);
        }
        free(pools);
        return out;
    }

    /// The source VM on a qcow2 disk of `diskSize` (plus `extraDisks`), planned as "dst".
    ClonePlan sourceAndPlan(qint64 diskSize, const QString &extraDisks = {})
    {
        sparseRaw(u"data.raw"_s, diskSize);
        const QString disk = qcow2From(u"data.raw"_s, u"src.qcow2"_s);
        sparseRaw(u"base.img"_s, 8 * kMiB);
        const QString uuid = defineSource(disk, extraDisks);
        EXPECT_FALSE(uuid.isEmpty());
        const ClonePlan p = plan(uuid, vmName(u"dst"_s));
        EXPECT_TRUE(p.ok()) << p.problems.join(u" | "_s).toStdString();
        return p;
    }

    ClonePlan plan(const QString &uuid, const QString &newName)
    {
        const CloneSource source = await(loadCloneSource(session.get(), uuid));
        CloneRequest r;
        r.newName = newName;
        return planClone(source, r);
    }

    std::unique_ptr<QTemporaryDir> tmp;
    QString images;
    QString nvramDir;
    std::unique_ptr<HostSession> session;
};

TEST_F(CloneCoreE2e, CopiesSparseRawAndQcow2VolumesByteForByte)
{
    const QString raw = sparseRaw(u"data.raw"_s, 256 * kMiB);
    CopyOutcome o = copy({kPool, u"data.raw"_s, kPool, u"copy.raw"_s, {}});
    ASSERT_TRUE(o.result) << o.message.toStdString();
    info(u"raw"_s,
         u"%1 bytes (%2 through the streams) in %3 s, %4 progress signals"_s.arg(o.result->bytes)
             .arg(o.result->dataBytes)
             .arg(o.result->seconds)
             .arg(o.progressSignals));
    EXPECT_EQ(o.result->path, images + u"/copy.raw"_s);
    EXPECT_EQ(o.result->bytes, quint64(256 * kMiB));
    EXPECT_LE(o.result->dataBytes, quint64(16 * kMiB)) << "the hole is not sent";
    EXPECT_LE(o.progressSignals, int(o.result->seconds * 10) + 2) << "at most ten a second";
    EXPECT_EQ(QFileInfo(o.result->path).size(), 256 * kMiB);
    EXPECT_EQ(
        qemuImg({u"compare"_s, u"-f"_s, u"raw"_s, u"-F"_s, u"raw"_s, raw, o.result->path}).first,
        0);
    EXPECT_EQ(contents(raw), contents(o.result->path));
    EXPECT_LT(actualSize(o.result->path), 64 * kMiB) << "the copy stays sparse";

    const QString qcow2 = qcow2From(u"data.raw"_s, u"disk.qcow2"_s);
    o = copy({kPool, u"disk.qcow2"_s, kPool, u"disk-copy.qcow2"_s, {}});
    ASSERT_TRUE(o.result) << o.message.toStdString();
    const auto [rc, out] = qemuImg({u"compare"_s, qcow2, o.result->path});
    EXPECT_EQ(rc, 0) << out.toStdString();
    EXPECT_EQ(contents(qcow2), contents(o.result->path)) << "the file is copied as it is";
    const auto [checkRc, checkOut] = qemuImg({u"check"_s, o.result->path});
    EXPECT_EQ(checkRc, 0) << checkOut.toStdString();

    // Refused before anything is made: a taken name, a missing source.
    o = copy({kPool, u"data.raw"_s, kPool, u"copy.raw"_s, {}});
    ASSERT_TRUE(o.failure);
    EXPECT_EQ(*o.failure, TransferFailure::Invalid);
    EXPECT_TRUE(o.message.contains(u"already has"_s)) << o.message.toStdString();
    EXPECT_EQ(contents(raw), contents(images + u"/copy.raw"_s)) << "the existing one is kept";
    o = copy({kPool, u"missing.raw"_s, kPool, u"new.raw"_s, {}});
    ASSERT_TRUE(o.failure);
    EXPECT_EQ(*o.failure, TransferFailure::Invalid);
    EXPECT_TRUE(o.message.contains(u"missing.raw"_s)) << o.message.toStdString();
    EXPECT_FALSE(volumeExists(u"new.raw"_s));
}

TEST_F(CloneCoreE2e, ACancelledCopyLeavesNoVolume)
{
    sparseRaw(u"data.raw"_s, 64 * kMiB);
    const CopyOutcome o =
        copy({kPool, u"data.raw"_s, kPool, u"cancelled.raw"_s, {}}, nullptr, 40, true);
    ASSERT_TRUE(o.failure) << "the copy finished before it was cancelled";
    EXPECT_EQ(*o.failure, TransferFailure::Cancelled) << o.message.toStdString();
    EXPECT_FALSE(volumeExists(u"cancelled.raw"_s));
}

TEST_F(CloneCoreE2e, AnOverlayDoesNotGoToAnotherHost)
{
    QString error;
    const auto remote = openSession(LibvirtDaemon::remoteUri(), &error);
    if (!remote && daemon().reusedExistingDaemon())
        GTEST_SKIP() << "the reused libvirtd does not listen on TCP: " << error.toStdString();
    ASSERT_TRUE(remote) << error.toStdString();
    sparseRaw(u"data.raw"_s, 16 * kMiB);
    const QString base = qcow2From(u"data.raw"_s, u"base.qcow2"_s);
    const auto [rc, out] = qemuImg({u"create"_s, u"-f"_s, u"qcow2"_s, u"-F"_s, u"qcow2"_s, u"-b"_s,
                                    base, images + u"/overlay.qcow2"_s});
    ASSERT_EQ(rc, 0) << out.toStdString();
    refreshPool();

    CopyOutcome o =
        copy({kPool, u"overlay.qcow2"_s, kPool, u"overlay-there.qcow2"_s, {}}, remote.get());
    ASSERT_TRUE(o.failure);
    EXPECT_EQ(*o.failure, TransferFailure::Invalid);
    EXPECT_TRUE(o.message.contains(base)) << o.message.toStdString();
    EXPECT_FALSE(volumeExists(u"overlay-there.qcow2"_s));
    // A volume without a backing file goes over (the same daemon, seen as two hosts).
    o = copy({kPool, u"base.qcow2"_s, kPool, u"base-there.qcow2"_s, {}}, remote.get());
    ASSERT_TRUE(o.result) << o.message.toStdString();
    EXPECT_EQ(qemuImg({u"compare"_s, base, o.result->path}).first, 0);
    // On the same host the overlay's copy keeps its backing file.
    o = copy({kPool, u"overlay.qcow2"_s, kPool, u"overlay-copy.qcow2"_s, {}});
    ASSERT_TRUE(o.result) << o.message.toStdString();
    EXPECT_TRUE(qemuImg({u"info"_s, u"-U"_s, o.result->path}).second.contains(base));
}

TEST_F(CloneCoreE2e, ClonesADefinedVmWithItsOwnDiskMacAndNvram)
{
    const ClonePlan p = sourceAndPlan(64 * kMiB);
    ASSERT_TRUE(p.ok());
    const QString disk = images + u"/src.qcow2"_s;
    const QString sourceXml = inactiveXml(vmName(u"src"_s));
    const QByteArray sourceVars = contents(nvramDir + u"/src_VARS.fd"_s);
    ASSERT_FALSE(sourceVars.isEmpty());
    ASSERT_EQ(p.disks.size(), 3);
    EXPECT_EQ(p.disks[0].mode, CloneDiskMode::Copy);
    EXPECT_EQ(p.disks[0].newVolume, vmName(u"dst"_s) + u".qcow2"_s);
    EXPECT_EQ(p.disks[1].mode, CloneDiskMode::Share);
    EXPECT_EQ(p.disks[2].mode, CloneDiskMode::Keep);

    const CloneOutcome o = clone(p);
    ASSERT_TRUE(o.result) << o.message.toStdString();
    info(u"clone"_s, u"%1 progress signals; volumes %2; NVRAM %3"_s.arg(o.progressSignals)
                         .arg(o.result->newVolumes.join(u", "_s), o.result->nvramPath));
    const QString newDisk = images + u'/' + vmName(u"dst"_s) + u".qcow2"_s;
    const QString newVars = nvramDir + u'/' + vmName(u"dst"_s) + u"_VARS.fd"_s;
    EXPECT_EQ(o.result->newVolumes, QStringList{newDisk});
    EXPECT_EQ(o.result->nvramPath, newVars);
    EXPECT_EQ(o.result->uuid, p.newUuid);

    const QString xml = inactiveXml(vmName(u"dst"_s));
    ASSERT_FALSE(xml.isEmpty());
    EXPECT_TRUE(xml.contains(u"<source file='%1'/>"_s.arg(newDisk))) << xml.toStdString();
    EXPECT_TRUE(xml.contains(u"<source file='%1/base.img'/>"_s.arg(images)))
        << "the read-only disk is shared";
    EXPECT_TRUE(xml.contains(u"<target dev='sda' bus='sata'/>"_s)) << "the empty CD-ROM stays";
    EXPECT_FALSE(xml.contains(u"52:54:00:e2:e0:01"_s));
    EXPECT_TRUE(xml.contains(p.newMacs.value(0))) << xml.toStdString();
    EXPECT_TRUE(xml.contains(u">%1</nvram>"_s.arg(newVars))) << xml.toStdString();
    EXPECT_FALSE(xml.contains(u"5977"_s)) << "graphics back to autoport";
    EXPECT_EQ(qemuImg({u"compare"_s, disk, newDisk}).first, 0);
    EXPECT_EQ(contents(newVars), sourceVars) << "the clone's NVRAM has the source's bytes";

    EXPECT_EQ(inactiveXml(vmName(u"src"_s)), sourceXml) << "the source is untouched";
    EXPECT_EQ(contents(nvramDir + u"/src_VARS.fd"_s), sourceVars);
    EXPECT_TRUE(nvramPools().isEmpty()) << "the transient pool over the NVRAM folder is gone";
}

TEST_F(CloneCoreE2e, ACancelledCloneLeavesNothing)
{
    const ClonePlan p = sourceAndPlan(64 * kMiB);
    ASSERT_TRUE(p.ok());

    const CloneOutcome o = clone(p, 40, true);
    ASSERT_FALSE(o.result) << "the clone finished before it was cancelled";
    EXPECT_TRUE(o.cancelled) << o.message.toStdString();
    EXPECT_TRUE(o.message.contains(u"Nothing was left behind"_s)) << o.message.toStdString();
    EXPECT_FALSE(volumeExists(vmName(u"dst"_s) + u".qcow2"_s));
    EXPECT_FALSE(QFile::exists(nvramDir + u'/' + vmName(u"dst"_s) + u"_VARS.fd"_s));
    EXPECT_TRUE(inactiveXml(vmName(u"dst"_s)).isEmpty());
    EXPECT_TRUE(nvramPools().isEmpty());
}

TEST_F(CloneCoreE2e, AFailureHalfWayRemovesTheFirstCopy)
{
    sparseRaw(u"extra.raw"_s, 16 * kMiB);
    qcow2From(u"extra.raw"_s, u"src-data.qcow2"_s);
    const ClonePlan p = sourceAndPlan(16 * kMiB, uR"(<disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/><source file='%1/src-data.qcow2'/>
      <target dev='vdc' bus='virtio'/></disk>)"_s.arg(images));
    ASSERT_TRUE(p.ok());
    const QString second = vmName(u"dst"_s) + u"-1.qcow2"_s;
    ASSERT_EQ(p.disks[2].newVolume, second);

    // Behind the plan's back, the second copy's name is taken.
    QFile taken(images + u'/' + second);
    ASSERT_TRUE(taken.open(QIODevice::WriteOnly));
    taken.write("not the clone's");
    taken.close();
    refreshPool();

    const CloneOutcome o = clone(p);
    ASSERT_FALSE(o.result);
    EXPECT_FALSE(o.cancelled);
    info(u"failure"_s, o.message);
    EXPECT_TRUE(o.message.contains(second)) << o.message.toStdString();
    EXPECT_TRUE(o.message.contains(u"Nothing was left behind"_s)) << o.message.toStdString();
    EXPECT_FALSE(volumeExists(vmName(u"dst"_s) + u".qcow2"_s)) << "the first copy is removed";
    EXPECT_EQ(contents(images + u'/' + second), QByteArray("not the clone's"));
    EXPECT_FALSE(QFile::exists(nvramDir + u'/' + vmName(u"dst"_s) + u"_VARS.fd"_s));
    EXPECT_TRUE(inactiveXml(vmName(u"dst"_s)).isEmpty());
}

} // namespace
