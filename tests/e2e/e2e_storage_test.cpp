// Storage pools and volumes on the real libvirtd (issue 16): a dir pool in a temporary
// directory, volumes created, grown, cloned and deleted on disk, a volume a defined VM uses
// refused naming the VM, a pool that cannot start undefined again, and the pool deleted
// with its volumes and directory. No guest boots: it takes a few seconds.

#include "common/TestSupport.h"
#include "e2e/E2eSupport.h"
#include "models/connection/HostSession.h"
#include "models/connection/LibvirtError.h"
#include "models/storage/StorageJobs.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <libvirt/virterror.h>

using namespace Qt::StringLiterals;
using namespace crossvirt::test::e2e;
using namespace crossvirt::models;
namespace st = crossvirt::models::storage;

namespace {

[[maybe_unused]] ::testing::Environment *const e2eEnvironment =
    ::testing::AddGlobalTestEnvironment(new LibvirtDaemonEnvironment);

constexpr quint64 kMiB = quint64(1) << 20;
const QString kPool = u"crossvirt-e2e-storage"_s;

class StorageE2e : public LibvirtDaemonTest
{
protected:
    void SetUp() override
    {
        LibvirtDaemonTest::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        removeLeftovers();
    }
    void TearDown() override
    {
        removeLeftovers();
        LibvirtDaemonTest::TearDown();
    }

    // A crashed earlier run may have left the pool or the fs pool behind.
    void removeLeftovers()
    {
        for (const QString &name : QStringList{kPool, kPool + u"-fs"_s}) {
            if (virStoragePoolPtr p =
                    virStoragePoolLookupByName(conn(), name.toUtf8().constData())) {
                virStoragePoolDestroy(p);
                virStoragePoolUndefine(p);
                virStoragePoolFree(p);
            }
        }
        undefineVm();
    }

    void undefineVm()
    {
        if (virDomainPtr d = virDomainLookupByName(conn(), vmName().toUtf8().constData())) {
            virDomainUndefine(d);
            virDomainFree(d);
        }
        virResetLastError();
    }

    static QString vmName() { return LibvirtDaemon::domainPrefix() + u"storage-user"_s; }

    /// Text and refusal flag of a job that must fail.
    template<typename T> std::pair<QString, bool> failure(QFuture<T> future)
    {
        try {
            await(future);
        } catch (...) {
            return {exceptionText(std::current_exception()),
                    st::isRefusal(std::current_exception())};
        }
        return {};
    }

    std::optional<PoolContents> pool(HostSession *session, const QString &name)
    {
        for (const PoolContents &p : await(st::readPools(session))) {
            if (p.info.name == name)
                return p;
        }
        return std::nullopt;
    }
};

TEST_F(StorageE2e, DirPoolAndVolumesRoundTrip)
{
    QString error;
    const auto session = openSession(LibvirtDaemon::localUri(), &error);
    ASSERT_TRUE(session) << error.toStdString();
    QTemporaryDir tmp(QDir::tempPath() + u"/crossvirt-e2e-pool-XXXXXX"_s);
    ASSERT_TRUE(tmp.isValid());
    const QString dir = tmp.path() + u"/images"_s;
    ASSERT_TRUE(QDir().mkpath(dir));

    // A missing directory is refused before libvirt is asked.
    PoolSpec spec;
    spec.name = kPool;
    spec.targetPath = tmp.path() + u"/missing"_s;
    auto [text, refused] = failure(st::createPool(session.get(), spec));
    EXPECT_TRUE(refused) << text.toStdString();
    EXPECT_TRUE(text.contains(u"does not exist"_s)) << text.toStdString();
    EXPECT_FALSE(pool(session.get(), kPool));

    spec.targetPath = dir;
    await(st::createPool(session.get(), spec));
    auto p = pool(session.get(), kPool);
    ASSERT_TRUE(p);
    EXPECT_TRUE(p->info.active);
    EXPECT_TRUE(p->info.autostart);
    EXPECT_GT(p->info.available, 0u);

    VolumeSpec base;
    base.pool = kPool;
    base.name = u"base.qcow2"_s;
    base.capacity = 64 * kMiB;
    const VolumeInfo created = await(st::createVolume(session.get(), base));
    EXPECT_EQ(created.path, dir + u"/base.qcow2"_s);
    EXPECT_TRUE(QFileInfo::exists(created.path));

    VolumeSpec overlay = base;
    overlay.name = u"overlay.qcow2"_s;
    overlay.backingVolume = u"base.qcow2"_s;
    await(st::createVolume(session.get(), overlay));

    await(st::resizeVolume(session.get(), kPool, u"base.qcow2"_s, 128 * kMiB));
    std::tie(text, refused) =
        failure(st::resizeVolume(session.get(), kPool, u"base.qcow2"_s, 32 * kMiB));
    EXPECT_TRUE(refused) << text.toStdString();
    EXPECT_TRUE(text.contains(u"only grow"_s)) << text.toStdString();

    const VolumeInfo copy =
        await(st::cloneVolume(session.get(), kPool, u"base.qcow2"_s, u"copy.qcow2"_s));
    EXPECT_EQ(copy.capacity, 128 * kMiB);
    EXPECT_TRUE(QFileInfo::exists(dir + u"/copy.qcow2"_s));
    p = pool(session.get(), kPool);
    EXPECT_EQ(p->volume(u"base.qcow2"_s)->capacity, 128 * kMiB);
    EXPECT_EQ(p->volumes.size(), 3);

    // A defined (not running) VM uses copy.qcow2: deleting it is refused, naming the VM.
    const QString xml = uR"(<domain type='qemu'><name>%1</name><memory unit='MiB'>64</memory>
<os><type arch='%2'>hvm</type></os><devices>
<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='%3'/>
<target dev='vda' bus='virtio'/></disk></devices></domain>)"_s.arg(
        vmName(), LibvirtDaemon::hostArch(), copy.path);
    virDomainPtr vm = virDomainDefineXML(conn(), xml.toUtf8().constData());
    ASSERT_TRUE(vm) << lastLibvirtError().toStdString();
    virDomainFree(vm);
    std::tie(text, refused) = failure(st::deleteVolume(session.get(), kPool, u"copy.qcow2"_s));
    EXPECT_TRUE(refused) << text.toStdString();
    EXPECT_TRUE(text.contains(vmName())) << text.toStdString();
    EXPECT_TRUE(QFileInfo::exists(dir + u"/copy.qcow2"_s));
    EXPECT_EQ(pool(session.get(), kPool)->volume(u"copy.qcow2"_s)->usedBy, QStringList{vmName()});
    // ... and so is deleting the whole pool.
    std::tie(text, refused) = failure(st::deletePool(session.get(), kPool, true));
    EXPECT_TRUE(refused) << text.toStdString();
    EXPECT_TRUE(text.contains(vmName())) << text.toStdString();

    EXPECT_EQ(pool(session.get(), kPool)->volumes.size(), 3) << "nothing was deleted";

    undefineVm();

    await(st::deleteVolume(session.get(), kPool, u"overlay.qcow2"_s));
    EXPECT_FALSE(QFileInfo::exists(dir + u"/overlay.qcow2"_s));
    await(st::deletePool(session.get(), kPool, true));
    EXPECT_FALSE(pool(session.get(), kPool));
    EXPECT_FALSE(QFileInfo::exists(dir))
        << "a dir pool deleted with its volumes takes its directory";
}

TEST_F(StorageE2e, APoolThatCannotStartIsUndefinedAgain)
{
    QString error;
    const auto session = openSession(LibvirtDaemon::localUri(), &error);
    ASSERT_TRUE(session) << error.toStdString();
    QTemporaryDir tmp(QDir::tempPath() + u"/crossvirt-e2e-fs-XXXXXX"_s);
    PoolSpec spec;
    spec.name = kPool + u"-fs"_s;
    spec.type = u"fs"_s;
    spec.sourceDevice = u"/dev/crossvirt-no-such-device"_s;
    spec.targetPath = tmp.path();
    const auto [text, refused] = failure(st::createPool(session.get(), spec));
    info(u"storage"_s, text);
    EXPECT_FALSE(refused) << "libvirt's own failure";
    EXPECT_TRUE(text.contains(u"removed again"_s)) << text.toStdString();
    EXPECT_FALSE(pool(session.get(), spec.name)) << "nothing half-made is left";
}

} // namespace
