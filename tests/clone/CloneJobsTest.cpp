// loadCloneSource and VmCloner on the libvirt test driver (tests/clone/data/clone-host.xml):
// the source as the plan needs it, and a clone whose disks need no stream (a new empty
// disk, shared ones): defined with its new disk, MAC and NVRAM path; a clone whose second
// volume's name was taken behind its back removes the first and defines nothing.
#include "models/clone/VmClone.h"

#include "common/TestSupport.h"
#include "models/connection/HostSession.h"
#include "models/connection/LibvirtError.h"
#include "models/connection/WorkerJobs.h"
#include "models/provisioning/ProvisioningWorker.h"

#include <QSignalSpy>
#include <gtest/gtest.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <optional>

using namespace crossvirt::models;
using namespace Qt::StringLiterals;
using crossvirt::test::waitUntil;

namespace {

constexpr quint64 kGiB = quint64(1) << 30;
const QString kWeb = u"3c1e0a8e-1c2b-4e5f-9a0b-0000000000c1"_s;
const QString kBusy = u"3c1e0a8e-1c2b-4e5f-9a0b-0000000000c2"_s;

CloneRequest named(const QString &name)
{
    CloneRequest r;
    r.newName = name;
    return r;
}

template<typename T> T wait(QFuture<T> future)
{
    EXPECT_TRUE(waitUntil([&] { return future.isFinished(); }, 10000));
    return future.result();
}

const CloneDiskSource *diskOf(const CloneSource &s, const QString &target)
{
    for (const CloneDiskSource &d : s.disks) {
        if (d.target == target)
            return &d;
    }
    return nullptr;
}

struct Outcome
{
    std::optional<CloneResult> result;
    QString message;
    bool cancelled = false;
    QList<CloneProgress> progress;
};

class CloneJobsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        // Each connection reads the file afresh: everything is checked through this session.
        session = std::make_unique<HostSession>(
            u"test://"_s + crossvirt::test::sourcePath(u"tests/clone/data/clone-host.xml"_s));
        session->open();
        ASSERT_TRUE(waitUntil([&] { return session->state() == ConnectionState::Connected; }));
    }

    Outcome run(const ClonePlan &plan)
    {
        Outcome o;
        VmCloner cloner(session.get());
        QObject::connect(&cloner, &VmCloner::progress,
                         [&](const CloneProgress &p) { o.progress << p; });
        QObject::connect(&cloner, &VmCloner::finished, [&](const CloneResult &r) { o.result = r; });
        QObject::connect(&cloner, &VmCloner::failed, [&](const QString &m, bool c) {
            o.message = m;
            o.cancelled = c;
        });
        cloner.start(plan);
        EXPECT_TRUE(cloner.isRunning());
        EXPECT_TRUE(waitUntil([&] { return !cloner.isRunning(); }, 20000));
        return o;
    }

    /// The names of default-pool's volumes, and the XML of VM `name` ("" when none).
    QStringList volumes()
    {
        return wait(runOnWorker(session.get(), [](virConnectPtr conn) {
            const StoragePoolHandle pool(virStoragePoolLookupByName(conn, "default-pool"));
            return readPool(pool.get()).volumeNames();
        }));
    }
    QString domainXml(const QString &name)
    {
        return wait(runOnWorker(session.get(), [name](virConnectPtr conn) {
            QString xml;
            if (virDomainPtr d = virDomainLookupByName(conn, name.toUtf8().constData())) {
                xml = takeLibvirtString(virDomainGetXMLDesc(d, VIR_DOMAIN_XML_INACTIVE));
                virDomainFree(d);
            }
            virResetLastError();
            return xml;
        }));
    }

    std::unique_ptr<HostSession> session;
};

TEST_F(CloneJobsTest, LoadsTheSourceAndWhatTheHostHas)
{
    const CloneSource s = wait(loadCloneSource(session.get(), kWeb));
    EXPECT_EQ(s.name, u"web"_s);
    EXPECT_EQ(s.uuid, kWeb);
    EXPECT_FALSE(s.running);
    EXPECT_TRUE(s.inactiveXml.contains(u"<name>web</name>"_s));
    ASSERT_EQ(s.disks.size(), 5);

    const CloneDiskSource *vda = diskOf(s, u"vda"_s);
    EXPECT_EQ(vda->pool, u"default-pool"_s);
    EXPECT_EQ(vda->volume, u"web.qcow2"_s);
    EXPECT_EQ(vda->format, u"qcow2"_s);
    EXPECT_EQ(vda->capacity, 10 * kGiB);
    EXPECT_EQ(vda->allocation, 1 * kGiB);
    EXPECT_FALSE(vda->readOnly);
    EXPECT_TRUE(diskOf(s, u"vdb"_s)->readOnly);
    EXPECT_EQ(diskOf(s, u"vdb"_s)->volume, u"base.img"_s);
    EXPECT_TRUE(diskOf(s, u"vdc"_s)->pool.isEmpty()) << "no pool manages /srv/unmanaged.raw";
    EXPECT_EQ(diskOf(s, u"vdc"_s)->path, u"/srv/unmanaged.raw"_s);
    EXPECT_EQ(diskOf(s, u"sda"_s)->device, u"cdrom"_s);
    EXPECT_EQ(diskOf(s, u"sda"_s)->volume, u"install.iso"_s);
    EXPECT_TRUE(diskOf(s, u"sdb"_s)->path.isEmpty());

    EXPECT_EQ(s.nvramPath, u"/nvram/web_VARS.fd"_s);
    EXPECT_EQ(s.nvramTemplate, u"/usr/share/OVMF/OVMF_VARS_4M.fd"_s);
    EXPECT_TRUE(s.otherVmNames.contains(u"busy"_s));
    EXPECT_TRUE(s.usedMacs.contains(u"52:54:00:00:00:c1"_s));
    EXPECT_TRUE(s.usedMacs.contains(u"52:54:00:00:00:c2"_s));
    EXPECT_TRUE(s.poolVolumes.value(u"default-pool"_s).contains(u"web.qcow2"_s));
    EXPECT_GT(s.poolAvailable.value(u"default-pool"_s), 90 * kGiB); // 100 GiB less the volumes

    // As loaded, the plan copies vda, shares the rest, and refuses the unmanaged disk.
    const ClonePlan plan = planClone(s, named(u"web-clone"_s));
    EXPECT_FALSE(plan.ok());
    EXPECT_TRUE(plan.problems.join(u' ').contains(u"/srv/unmanaged.raw"_s));

    const CloneSource busy = wait(loadCloneSource(session.get(), kBusy));
    EXPECT_TRUE(busy.running);
    EXPECT_FALSE(planClone(busy, named(u"busy2"_s)).ok());
}

TEST_F(CloneJobsTest, AMissingVmFailsWithLibvirtsText)
{
    QFuture<CloneSource> f =
        loadCloneSource(session.get(), u"00000000-0000-0000-0000-000000000000"_s);
    ASSERT_TRUE(waitUntil([&] { return f.isFinished(); }));
    EXPECT_THROW(f.waitForFinished(), LibvirtError);
}

TEST_F(CloneJobsTest, ClonesWithANewEmptyDiskAndDefinesIt)
{
    const CloneSource s = wait(loadCloneSource(session.get(), kWeb));
    CloneRequest r = named(u"web-2"_s);
    r.writableDisks = CloneDiskMode::NewEmpty;
    r.diskModes.insert(u"vdc"_s, CloneDiskMode::Share);
    const ClonePlan plan = planClone(s, r);
    ASSERT_TRUE(plan.ok()) << plan.problems.join(u" | "_s).toStdString();

    const Outcome o = run(plan);
    ASSERT_TRUE(o.result) << o.message.toStdString();
    EXPECT_EQ(o.result->name, u"web-2"_s);
    EXPECT_EQ(o.result->uuid, plan.newUuid);
    EXPECT_EQ(o.result->newVolumes, QStringList{u"/default-pool/web-2.qcow2"_s});
    EXPECT_TRUE(o.result->nvramPath.isEmpty()) << "the source never booted: no file to copy";
    EXPECT_FALSE(o.progress.isEmpty());
    EXPECT_TRUE(volumes().contains(u"web-2.qcow2"_s));

    const QString xml = domainXml(u"web-2"_s);
    // A disk on a pool's volume stays one, on the new volume.
    EXPECT_TRUE(xml.contains(u"<source pool='default-pool' volume='web-2.qcow2'/>"_s))
        << xml.toStdString();
    EXPECT_TRUE(xml.contains(u"/default-pool/base.img"_s)) << "the read-only disk is shared";
    EXPECT_TRUE(xml.contains(u"/srv/unmanaged.raw"_s));
    EXPECT_TRUE(xml.contains(plan.newMacs.first())) << xml.toStdString();
    EXPECT_FALSE(xml.contains(u"52:54:00:00:00:c1"_s));
    EXPECT_TRUE(xml.contains(u"/nvram/web-2_VARS.fd"_s)) << xml.toStdString();
    EXPECT_FALSE(xml.contains(u"5901"_s)) << xml.toStdString();
    // The source is untouched.
    const QString source = domainXml(u"web"_s);
    EXPECT_TRUE(source.contains(u"52:54:00:00:00:c1"_s));
    EXPECT_TRUE(source.contains(u"volume='web.qcow2'"_s));

    // The same plan again: its name is taken now; nothing more is created.
    const QStringList before = volumes();
    const Outcome again = run(plan);
    EXPECT_FALSE(again.result);
    EXPECT_TRUE(again.message.contains(u"web-2"_s)) << again.message.toStdString();
    EXPECT_EQ(volumes(), before);
}

TEST_F(CloneJobsTest, AFailureHalfWayRemovesWhatWasCreated)
{
    CloneSource s = wait(loadCloneSource(session.get(), kWeb));
    CloneDiskSource data = *diskOf(s, u"vda"_s);
    data.target = u"vdd"_s; // a second writable disk (not in the XML: only its volume matters)
    s.disks << data;
    CloneRequest r = named(u"web-3"_s);
    r.writableDisks = CloneDiskMode::NewEmpty;
    r.diskModes.insert(u"vdc"_s, CloneDiskMode::Share);
    const ClonePlan plan = planClone(s, r);
    ASSERT_TRUE(plan.ok()) << plan.problems.join(u" | "_s).toStdString();
    ASSERT_EQ(plan.disks.last().newVolume, u"web-3-1.qcow2"_s);

    // Behind the plan's back, the second volume's name is taken.
    wait(runOnWorker(session.get(), [](virConnectPtr conn) {
        virStoragePoolPtr pool = virStoragePoolLookupByName(conn, "default-pool");
        virStorageVolPtr v = virStorageVolCreateXML(
            pool, "<volume><name>web-3-1.qcow2</name><capacity>1048576</capacity></volume>", 0);
        EXPECT_TRUE(v);
        virStorageVolFree(v);
        virStoragePoolFree(pool);
        return true;
    }));
    const Outcome o = run(plan);
    ASSERT_FALSE(o.result);
    EXPECT_FALSE(o.cancelled);
    EXPECT_TRUE(o.message.contains(u"web-3-1.qcow2"_s)) << o.message.toStdString();
    EXPECT_TRUE(o.message.contains(u"Nothing was left behind"_s)) << o.message.toStdString();
    EXPECT_FALSE(volumes().contains(u"web-3.qcow2"_s)) << "the first new volume is removed";
    EXPECT_TRUE(volumes().contains(u"web-3-1.qcow2"_s)) << "what was not ours stays";
    EXPECT_TRUE(domainXml(u"web-3"_s).isEmpty());
}

TEST_F(CloneJobsTest, ARefusedPlanDoesNothing)
{
    CloneSource s = wait(loadCloneSource(session.get(), kWeb));
    const ClonePlan plan = planClone(s, named(u"busy"_s));
    ASSERT_FALSE(plan.ok());
    const QStringList before = volumes();
    const Outcome o = run(plan);
    EXPECT_FALSE(o.result);
    EXPECT_FALSE(o.message.isEmpty());
    EXPECT_EQ(volumes(), before);
}

} // namespace
