// applyEdit() and friends on the libvirt test driver (a fresh host per test, from
// data/edit-host.xml): changes of a shut-off VM round-trip through its definition, a
// refused plan or a definition libvirt rejects changes nothing, a failed live step puts the
// definition back and drops the volume made for it.
#include "VmEditFixtures.h"

#include "common/TestSupport.h"
#include "models/connection/HostSession.h"
#include "models/connection/LibvirtError.h"
#include "models/storage/StorageJobs.h"
#include "models/vmedit/VmEdit.h"
#include "models/vmedit/VmEditWorker.h"

#include <gtest/gtest.h>
#include <libvirt/libvirt.h>

using namespace Qt::StringLiterals;
using namespace crossvirt;
using namespace crossvirt::models;

namespace {

const QString kOff = u"7d6f0a8e-1c2b-4e5f-9a0b-0000000000e1"_s;
const QString kOn = u"7d6f0a8e-1c2b-4e5f-9a0b-0000000000e2"_s;

class ApplyEdit : public ::testing::Test
{
protected:
    void SetUp() override
    {
        session = std::make_unique<HostSession>(
            u"test://"_s + test::sourcePath(u"tests/vmedit/data/edit-host.xml"_s));
        session->open();
        ASSERT_TRUE(
            test::waitUntil([&] { return session->state() == ConnectionState::Connected; }));
    }

    VmEditContext load(const QString &uuid) { return loadVmForEdit(session.get(), uuid).result(); }

    /// The failure text of `future`, empty when it succeeded.
    template<typename T> QString failure(QFuture<T> future)
    {
        try {
            future.waitForFinished();
        } catch (...) {
            return errorText(std::current_exception());
        }
        return {};
    }

    QStringList volumes(const QString &pool = u"default-pool"_s)
    {
        for (const PoolContents &p : storage::readPools(session.get()).result()) {
            if (p.info.name == pool)
                return p.volumeNames();
        }
        return {};
    }

    std::unique_ptr<HostSession> session;
};

void setBootOrder(VmConfig &c, const QStringList &ids)
{
    c.osBootDevices.clear();
    for (VmDevice &d : c.devices)
        d.bootOrder = int(ids.indexOf(d.id)) + 1;
}

TEST_F(ApplyEdit, LoadsBothDefinitionsAndTheHost)
{
    const VmEditContext off = load(kOff);
    EXPECT_FALSE(off.running());
    EXPECT_EQ(off.inactive.name, u"off"_s);
    EXPECT_EQ(off.inactive.vcpus, 1);
    EXPECT_EQ(off.inactive.maxVcpus, 4);
    EXPECT_EQ(off.inactive.title, u"Shut-off guest"_s);
    EXPECT_FALSE(off.inactive.autostart);
    EXPECT_EQ(off.hostMemoryMiB, 16384);
    EXPECT_EQ(off.hostCpus, 8);
    EXPECT_EQ(off.domainCaps, nullptr) << "the test driver has no domain capabilities";
    ASSERT_NE(off.model(), nullptr);
    EXPECT_EQ(off.model()->name(), u"x86_64"_s);

    const VmEditContext on = load(kOn);
    EXPECT_TRUE(on.running());
    EXPECT_TRUE(on.live.running);
    EXPECT_EQ(on.inactive.name, u"on"_s);

    EXPECT_FALSE(
        failure(loadVmForEdit(session.get(), u"00000000-0000-0000-0000-000000000000"_s)).isEmpty());
}

TEST_F(ApplyEdit, ShutOffChangesRoundTrip)
{
    const VmEditContext ctx = load(kOff);
    VmConfig wanted = ctx.inactive;
    wanted.vcpus = 3;
    wanted.memoryMiB = 4096;
    wanted.currentMemoryMiB = 4096;
    wanted.title = u"Renamed title"_s;
    wanted.description = u"edited by a test"_s;
    setBootOrder(wanted, {u"sda"_s, u"vda"_s});
    const EditPlan plan = planEdit(ctx, wanted);
    ASSERT_TRUE(plan.ok()) << test::describe(plan).toStdString();
    EXPECT_FALSE(plan.newInactiveXml.isEmpty());
    for (const EditStep &s : plan.steps)
        EXPECT_EQ(s.rule.timing, arch::ChangeTiming::NextBoot) << s.description.toStdString();
    EXPECT_FALSE(plan.needsRestart()) << "nothing waits: the guest is off";

    const EditResult result = applyEdit(session.get(), plan).result();
    EXPECT_TRUE(result.appliedNow.isEmpty());
    EXPECT_EQ(result.nextBoot.size(), plan.steps.size());

    const VmEditContext back = load(kOff);
    EXPECT_EQ(back.inactive.vcpus, 3);
    EXPECT_EQ(back.inactive.maxVcpus, 4);
    EXPECT_EQ(back.inactive.memoryMiB, 4096);
    EXPECT_EQ(back.inactive.currentMemoryMiB, 4096);
    EXPECT_EQ(back.inactive.title, u"Renamed title"_s);
    EXPECT_EQ(back.inactive.description, u"edited by a test"_s);
    EXPECT_EQ(back.inactive.bootOrder(), (QStringList{u"sda"_s, u"vda"_s}));
    EXPECT_TRUE(back.inactive.osBootDevices.isEmpty()) << "never <boot dev> and <boot order>";
    EXPECT_EQ(back.inactive.devices.size(), ctx.inactive.devices.size());
}

TEST_F(ApplyEdit, AutostartRoundTrips)
{
    const VmEditContext ctx = load(kOff);
    VmConfig wanted = ctx.inactive;
    wanted.autostart = true;
    const EditPlan plan = planEdit(ctx, wanted);
    ASSERT_TRUE(plan.ok()) << test::describe(plan).toStdString();
    EXPECT_TRUE(plan.newInactiveXml.isEmpty()) << "autostart is not in the definition";
    EXPECT_EQ(failure(applyEdit(session.get(), plan)), QString());
    EXPECT_TRUE(load(kOff).inactive.autostart);
}

TEST_F(ApplyEdit, RefusedPlanChangesNothing)
{
    const VmEditContext ctx = load(kOff);
    VmConfig wanted = ctx.inactive;
    wanted.title = u"would change"_s;
    wanted.maxVcpus = 1;
    wanted.vcpus = 2; // above the maximum
    const EditPlan plan = planEdit(ctx, wanted);
    ASSERT_FALSE(plan.ok()) << test::describe(plan).toStdString();
    EXPECT_FALSE(plan.refusals().isEmpty());
    const QString error = failure(applyEdit(session.get(), plan));
    EXPECT_FALSE(error.isEmpty());
    EXPECT_TRUE(error.contains(plan.refusals())) << error.toStdString();
    EXPECT_EQ(load(kOff).inactiveXml, ctx.inactiveXml);
}

TEST_F(ApplyEdit, RejectedDefinitionLeavesTheOldOne)
{
    const VmEditContext ctx = load(kOff);
    VmConfig wanted = ctx.inactive;
    wanted.vcpus = 2;
    EditPlan plan = planEdit(ctx, wanted);
    ASSERT_TRUE(plan.ok()) << test::describe(plan).toStdString();
    // Something libvirt's schema rejects.
    plan.newInactiveXml.replace(u"<devices>"_s, u"<devices><bogus/>"_s);
    try {
        applyEdit(session.get(), plan).waitForFinished();
        FAIL() << "libvirt accepted an invalid definition";
    } catch (const LibvirtError &e) {
        EXPECT_EQ(e.context(), VmEditSteps::tr("Writing the definition"));
        EXPECT_FALSE(e.message().isEmpty());
    }
    EXPECT_EQ(load(kOff).inactiveXml, ctx.inactiveXml);
}

TEST_F(ApplyEdit, RunningGuestGetsVcpusNowAndInItsDefinition)
{
    const VmEditContext ctx = load(kOn);
    VmConfig wanted = ctx.inactive;
    wanted.vcpus = 2;
    const EditPlan plan = planEdit(ctx, wanted);
    ASSERT_TRUE(plan.ok()) << test::describe(plan).toStdString();
    ASSERT_EQ(plan.steps.size(), 1);
    EXPECT_EQ(plan.steps[0].rule.timing, arch::ChangeTiming::Now)
        << plan.steps[0].rule.reason.toStdString();
    const EditResult result = applyEdit(session.get(), plan).result();
    EXPECT_EQ(result.appliedNow.size(), 1);
    const VmEditContext back = load(kOn);
    EXPECT_EQ(back.live.vcpus, 2);
    EXPECT_EQ(back.inactive.vcpus, 2);
}

TEST_F(ApplyEdit, FailedHotplugRestoresTheDefinitionAndDropsTheVolume)
{
    const VmEditContext ctx = load(kOn);
    AddDeviceRequest disk;
    disk.kind = u"disk"_s;
    disk.model = u"virtio"_s;
    disk.pool = u"default-pool"_s;
    disk.newVolumeGiB = 1;
    const EditPlan plan = planAddDevice(ctx, disk);
    ASSERT_TRUE(plan.ok()) << test::describe(plan).toStdString();
    ASSERT_FALSE(plan.steps.last().volumeXml.isEmpty());
    const QStringList before = volumes();
    // The test driver cannot attach to a running guest: the step fails after the definition
    // was written, which must be put back, and the new volume deleted.
    const QString error = failure(applyEdit(session.get(), plan));
    if (error.isEmpty())
        GTEST_SKIP() << "this driver hot-plugged the disk; nothing to roll back";
    EXPECT_TRUE(error.contains(VmEditSteps::tr("The definition was restored.")))
        << error.toStdString();
    EXPECT_EQ(load(kOn).inactiveXml, ctx.inactiveXml);
    EXPECT_EQ(volumes(), before) << "the volume made for the disk is gone again";
}

TEST_F(ApplyEdit, ShutOffGuestGetsANewDiskAndItsVolume)
{
    const VmEditContext ctx = load(kOff);
    AddDeviceRequest disk;
    disk.kind = u"disk"_s;
    disk.model = u"virtio"_s;
    disk.pool = u"default-pool"_s;
    disk.newVolumeGiB = 2;
    const EditPlan plan = planAddDevice(ctx, disk);
    ASSERT_TRUE(plan.ok()) << test::describe(plan).toStdString();
    EXPECT_EQ(failure(applyEdit(session.get(), plan)), QString());
    const VmEditContext back = load(kOff);
    const VmDevice *vdc = back.inactive.device(u"vdc"_s);
    ASSERT_TRUE(vdc) << back.inactiveXml.toStdString();
    EXPECT_EQ(vdc->source, u"default-pool/off-vdc.qcow2"_s);
    EXPECT_TRUE(volumes().contains(u"off-vdc.qcow2"_s));
}

TEST_F(ApplyEdit, RemoveAndMediaRoundTrip)
{
    VmEditContext ctx = load(kOff);
    EditPlan plan = planRemoveDevice(ctx, u"52:54:00:00:00:e1"_s);
    ASSERT_TRUE(plan.ok()) << test::describe(plan).toStdString();
    EXPECT_EQ(failure(applyEdit(session.get(), plan)), QString());
    ctx = load(kOff);
    EXPECT_TRUE(ctx.inactive.devicesOf(u"nic"_s).isEmpty());

    plan = planChangeMedia(ctx, u"sda"_s, {});
    ASSERT_TRUE(plan.ok()) << test::describe(plan).toStdString();
    EXPECT_EQ(failure(applyEdit(session.get(), plan)), QString());
    ctx = load(kOff);
    EXPECT_TRUE(ctx.inactive.device(u"sda"_s)->source.isEmpty()) << "ejected";

    plan = planChangeMedia(ctx, u"sda"_s, u"/default-pool/other.iso"_s);
    ASSERT_TRUE(plan.ok()) << test::describe(plan).toStdString();
    EXPECT_EQ(failure(applyEdit(session.get(), plan)), QString());
    EXPECT_EQ(load(kOff).inactive.device(u"sda"_s)->source, u"/default-pool/other.iso"_s);
}

TEST_F(ApplyEdit, NicUpdateOfAShutOffGuestRoundTrips)
{
    const QString mac = u"52:54:00:00:00:e1"_s;
    VmEditContext ctx = load(kOff);
    NicUpdate u;
    u.network = u"br0"_s;
    u.bridge = true;
    u.model = u"e1000e"_s;
    u.linkUp = false;
    const EditPlan plan = planUpdateNic(ctx, mac, u);
    ASSERT_TRUE(plan.ok()) << test::describe(plan).toStdString();
    ASSERT_EQ(plan.steps.size(), 3) << test::describe(plan).toStdString();
    EXPECT_EQ(failure(applyEdit(session.get(), plan)), QString());
    ctx = load(kOff);
    const QList<VmDevice> nics = ctx.inactive.devicesOf(u"nic"_s);
    ASSERT_EQ(nics.size(), 1);
    EXPECT_EQ(nics[0].id, mac) << "the MAC stays";
    EXPECT_EQ(nics[0].source, u"br0"_s);
    EXPECT_EQ(nics[0].sourceType, u"bridge"_s);
    EXPECT_EQ(nics[0].model, u"e1000e"_s);
    EXPECT_TRUE(nics[0].linkDown);

    // And back to the network, link up.
    u = NicUpdate{};
    u.network = u"default"_s;
    u.linkUp = true;
    EXPECT_EQ(failure(applyEdit(session.get(), planUpdateNic(ctx, mac, u))), QString());
    const VmDevice back = *load(kOff).inactive.device(mac);
    EXPECT_EQ(back.source, u"default"_s);
    EXPECT_EQ(back.sourceType, u"network"_s);
    EXPECT_FALSE(back.linkDown);
    EXPECT_EQ(back.model, u"e1000e"_s);
}

TEST_F(ApplyEdit, NicModelOfARunningGuestWaitsForTheNextBoot)
{
    const QString mac = u"52:54:00:00:00:e2"_s;
    VmEditContext ctx = load(kOn);
    ASSERT_TRUE(ctx.running());
    ASSERT_TRUE(ctx.live.device(mac)) << "fixture: the running guest's NIC";
    NicUpdate u;
    u.model = u"e1000e"_s;
    const EditPlan plan = planUpdateNic(ctx, mac, u);
    ASSERT_TRUE(plan.ok()) << test::describe(plan).toStdString();
    ASSERT_EQ(plan.steps.size(), 1);
    EXPECT_EQ(plan.steps[0].rule.timing, arch::ChangeTiming::NextBoot);
    EXPECT_FALSE(plan.steps[0].rule.reason.isEmpty());
    const EditResult result = applyEdit(session.get(), plan).result();
    EXPECT_TRUE(result.appliedNow.isEmpty());
    EXPECT_EQ(result.nextBoot.size(), 1);
    ctx = load(kOn);
    EXPECT_EQ(ctx.inactive.device(mac)->model, u"e1000e"_s);
    EXPECT_EQ(ctx.live.device(mac)->model, u"virtio"_s) << "the running guest keeps its NIC";
}

TEST_F(ApplyEdit, EditedXmlMustKeepTheUuid)
{
    const VmEditContext ctx = load(kOff);
    QString xml = ctx.inactiveXml;
    xml.replace(kOff, u"7d6f0a8e-1c2b-4e5f-9a0b-0000000000ff"_s);
    EXPECT_FALSE(failure(defineEditedXml(session.get(), kOff, xml)).isEmpty());
    EXPECT_FALSE(failure(defineEditedXml(session.get(), kOff, u"<domain"_s)).isEmpty());

    xml = ctx.inactiveXml;
    xml.replace(u"Shut-off guest"_s, u"Edited as XML"_s);
    EXPECT_EQ(failure(defineEditedXml(session.get(), kOff, xml)), QString());
    EXPECT_EQ(load(kOff).inactive.title, u"Edited as XML"_s);

    // libvirt's own validation error comes back, and nothing changes.
    const QString bad = xml.replace(u"<devices>"_s, u"<devices><bogus/>"_s);
    const QString error = failure(defineEditedXml(session.get(), kOff, bad));
    EXPECT_FALSE(error.isEmpty());
    EXPECT_EQ(load(kOff).inactive.title, u"Edited as XML"_s);
}

TEST_F(ApplyEdit, HostDevicesListWithoutFailing)
{
    // The test driver's node devices hold no USB or PCI device; listing must still work.
    const QString error = failure(hostDevices(session.get()));
    EXPECT_EQ(error, QString());
}

} // namespace

namespace {

TEST_F(ApplyEdit, BalloonOfARunningGuestNow)
{
    const VmEditContext ctx = load(kOn);
    VmConfig wanted = ctx.inactive;
    wanted.currentMemoryMiB = 1024;
    const EditPlan plan = planEdit(ctx, wanted);
    ASSERT_TRUE(plan.ok()) << test::describe(plan).toStdString();
    ASSERT_EQ(plan.steps.size(), 1);
    EXPECT_EQ(plan.steps[0].rule.timing, arch::ChangeTiming::Now)
        << plan.steps[0].rule.reason.toStdString();
    EXPECT_EQ(applyEdit(session.get(), plan).result().appliedNow.size(), 1);
    const VmEditContext back = load(kOn);
    EXPECT_EQ(back.live.currentMemoryMiB, 1024);
    EXPECT_EQ(back.inactive.currentMemoryMiB, 1024);
}

TEST_F(ApplyEdit, HotplugCeilingIsDefined)
{
    const VmEditContext ctx = load(kOff);
    VmConfig wanted = ctx.inactive;
    wanted.maxMemoryMiB = 8192;
    wanted.memorySlots = 4;
    const EditPlan plan = planEdit(ctx, wanted);
    ASSERT_TRUE(plan.ok()) << test::describe(plan).toStdString();
    EXPECT_EQ(failure(applyEdit(session.get(), plan)), QString());
    const VmEditContext back = load(kOff);
    EXPECT_EQ(back.inactive.maxMemoryMiB, 8192);
    EXPECT_EQ(back.inactive.memorySlots, 4);
    EXPECT_EQ(back.inactive.numaCells, 1);
    EXPECT_EQ(back.inactive.memoryMiB, 2048);
}

TEST_F(ApplyEdit, LiveOnlyPlanOfAStoppedGuestChangesNothing)
{
    VmEditContext ctx = load(kOn);
    VmConfig wanted = ctx.inactive;
    wanted.vcpus = 2;
    const EditPlan plan = planEdit(ctx, wanted, EditScope{true, false});
    ASSERT_TRUE(plan.ok()) << test::describe(plan).toStdString();
    EXPECT_EQ(failure(session->forceOffDomain(kOn)), QString());
    EXPECT_FALSE(failure(applyEdit(session.get(), plan)).isEmpty());
    EXPECT_EQ(load(kOn).inactive.vcpus, 1);
}

} // namespace

namespace {

TEST_F(ApplyEdit, DiskLargerThanThePoolIsRefusedBeforeAnythingChanges)
{
    const VmEditContext ctx = load(kOff);
    AddDeviceRequest disk;
    disk.kind = u"disk"_s;
    disk.model = u"virtio"_s;
    disk.pool = u"default-pool"_s;
    disk.newVolumeGiB = 500; // the pool has 100 GiB
    const EditPlan plan = planAddDevice(ctx, disk);
    ASSERT_TRUE(plan.ok()) << test::describe(plan).toStdString();
    const QStringList before = volumes();
    const QString error = failure(applyEdit(session.get(), plan));
    EXPECT_TRUE(error.contains(u"default-pool"_s)) << error.toStdString();
    EXPECT_EQ(volumes(), before);
    EXPECT_EQ(load(kOff).inactiveXml, ctx.inactiveXml);
}

} // namespace

// ---- rename (virDomainRename; libvirt renames only inactive domains) ----------------------

namespace {

const EditStep *renameStep(const EditPlan &plan)
{
    for (const EditStep &s : plan.steps) {
        if (s.request.change == arch::GuestChange::Rename)
            return &s;
    }
    return nullptr;
}

QStringList deviceIds(const VmConfig &c)
{
    QStringList ids;
    for (const VmDevice &d : c.devices)
        ids << d.kind + u'/' + d.id;
    return ids;
}

TEST_F(ApplyEdit, RenameShutOffVmKeepsItsUuidAndDevices)
{
    const VmEditContext ctx = load(kOff);
    EXPECT_TRUE(ctx.otherVmNames.contains(u"on"_s)) << ctx.otherVmNames.join(u',').toStdString();
    EXPECT_FALSE(ctx.otherVmNames.contains(u"off"_s)) << "its own name is not another VM's";
    VmConfig wanted = ctx.inactive;
    wanted.name = u"off-renamed"_s;
    const EditPlan plan = planEdit(ctx, wanted);
    ASSERT_TRUE(plan.ok()) << test::describe(plan).toStdString();
    ASSERT_NE(renameStep(plan), nullptr);
    EXPECT_EQ(renameStep(plan)->rule.timing, arch::ChangeTiming::Now) << "not at a next boot";
    EXPECT_FALSE(plan.needsRestart());
    EXPECT_TRUE(plan.newInactiveXml.isEmpty()) << "a rename alone defines nothing";

    const EditResult result = applyEdit(session.get(), plan).result();
    EXPECT_EQ(result.appliedNow, QStringList{renameStep(plan)->description});

    const VmEditContext back = load(kOff); // by UUID
    EXPECT_EQ(back.inactive.name, u"off-renamed"_s);
    EXPECT_EQ(back.inactive.uuid, kOff);
    EXPECT_EQ(deviceIds(back.inactive), deviceIds(ctx.inactive));
    EXPECT_EQ(back.inactive.vcpus, ctx.inactive.vcpus);
    EXPECT_EQ(back.inactive.title, ctx.inactive.title);
}

TEST_F(ApplyEdit, RenameWithOtherChangesDefinesThemUnderTheNewName)
{
    const VmEditContext ctx = load(kOff);
    VmConfig wanted = ctx.inactive;
    wanted.name = u"renamed-and-bigger"_s;
    wanted.vcpus = 3;
    const EditPlan plan = planEdit(ctx, wanted);
    ASSERT_TRUE(plan.ok()) << test::describe(plan).toStdString();
    EXPECT_EQ(plan.steps.first().request.change, arch::GuestChange::Rename) << "listed first";
    EXPECT_EQ(failure(applyEdit(session.get(), plan)), QString());
    const VmEditContext back = load(kOff);
    EXPECT_EQ(back.inactive.name, u"renamed-and-bigger"_s);
    EXPECT_EQ(back.inactive.vcpus, 3);
}

TEST_F(ApplyEdit, RenameToAnotherVmsNameIsRefusedWithTheName)
{
    const VmEditContext ctx = load(kOff);
    VmConfig wanted = ctx.inactive;
    wanted.name = u"on"_s;
    wanted.vcpus = 2;
    const EditPlan plan = planEdit(ctx, wanted);
    ASSERT_FALSE(plan.ok());
    const EditStep *step = renameStep(plan);
    ASSERT_NE(step, nullptr);
    EXPECT_FALSE(step->rule.allowed());
    EXPECT_TRUE(step->rule.reason.contains(u"“on” already exists"_s))
        << step->rule.reason.toStdString();
    EXPECT_FALSE(failure(applyEdit(session.get(), plan)).isEmpty());
    EXPECT_EQ(load(kOff).inactiveXml, ctx.inactiveXml) << "nothing of the plan applied";
}

TEST_F(ApplyEdit, RenameRefusesNamesNameRulesRefuse)
{
    const VmEditContext ctx = load(kOff);
    for (const QString &bad : {QString(), u"a/b"_s}) {
        VmConfig wanted = ctx.inactive;
        wanted.name = bad;
        const EditPlan plan = planEdit(ctx, wanted);
        const EditStep *step = renameStep(plan);
        ASSERT_NE(step, nullptr) << bad.toStdString();
        EXPECT_FALSE(step->rule.allowed()) << bad.toStdString();
        EXPECT_FALSE(step->rule.reason.isEmpty());
    }
}

TEST_F(ApplyEdit, RenameOfARunningVmIsRefusedAndChangesNothing)
{
    const VmEditContext ctx = load(kOn);
    ASSERT_TRUE(ctx.running());
    VmConfig wanted = ctx.inactive;
    wanted.name = u"on-renamed"_s;
    const EditPlan plan = planEdit(ctx, wanted);
    ASSERT_FALSE(plan.ok());
    const EditStep *step = renameStep(plan);
    ASSERT_NE(step, nullptr);
    EXPECT_TRUE(step->rule.reason.contains(u"shut it down"_s)) << step->rule.reason.toStdString();
    EXPECT_FALSE(failure(applyEdit(session.get(), plan)).isEmpty());
    EXPECT_EQ(load(kOn).inactive.name, u"on"_s);
}

TEST_F(ApplyEdit, RenameIsUndoneWhenTheDefinitionIsRejected)
{
    const VmEditContext ctx = load(kOff);
    VmConfig wanted = ctx.inactive;
    wanted.name = u"never-kept"_s;
    wanted.vcpus = 2;
    EditPlan plan = planEdit(ctx, wanted);
    ASSERT_TRUE(plan.ok()) << test::describe(plan).toStdString();
    plan.newInactiveXml.replace(u"<devices>"_s, u"<devices><bogus/>"_s);
    EXPECT_FALSE(failure(applyEdit(session.get(), plan)).isEmpty());
    const VmEditContext back = load(kOff);
    EXPECT_EQ(back.inactive.name, u"off"_s) << "the old name is put back";
    EXPECT_EQ(back.inactiveXml, ctx.inactiveXml);
}

} // namespace
