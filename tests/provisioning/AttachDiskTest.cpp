// New disk for an existing VM: target names per bus, the sPAPR VSCSI controller on
// ppc64, hot-plug rules for a running VM, rollback on failure.
#include "ProvisioningFixtures.h"
#include "models/connection/LibvirtError.h"
#include "models/provisioning/DomainXmlBuilder.h"
#include "models/provisioning/ProvisioningWorker.h"

#include <QMap>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace crossvirt;
using models::AttachDiskSpec;
using models::LibvirtError;
using models::ProvisioningSteps;
using models::StorageKind;

namespace {

/// Defines a VM of `arch` with one disk on `diskInterface` (no NIC, no cdrom).
void defineVm(const test::TestDriver &driver, const QString &name, const QString &arch,
              const QString &diskInterface)
{
    models::VmSpec spec = test::defaultSpec(name, arch);
    spec.storage = models::StorageSpec{StorageKind::ExistingVolume, u"default-pool"_s,
                                       u"base.qcow2"_s, 0, u"qcow2"_s};
    spec.diskInterface = diskInterface;
    spec.nic.reset();
    const QString xml = models::DomainXmlBuilder::domainXml(
        spec, *arch::ArchRegistry::instance().find(arch), test::contextOf(spec));
    ASSERT_EQ(driver.define(xml), QString());
}

AttachDiskSpec disk(const QString &vm, const QString &iface)
{
    return AttachDiskSpec{vm, u"default-pool"_s, {}, 1, u"qcow2"_s, iface};
}

TEST(AttachDisk, StoppedVmGetsTargetNamesPerBus)
{
    test::TestDriver driver;
    defineVm(driver, u"x"_s, u"x86_64"_s, u"virtio"_s);
    const auto a = models::attachDisk(driver.conn(), disk(u"x"_s, u"virtio"_s));
    EXPECT_EQ(a.targetDev, u"vdb"_s);
    EXPECT_FALSE(a.live);
    const auto b = models::attachDisk(driver.conn(), disk(u"x"_s, u"scsi"_s));
    EXPECT_EQ(b.targetDev, u"sda"_s);
    EXPECT_TRUE(b.controllerAdded);
    const auto c = models::attachDisk(driver.conn(), disk(u"x"_s, u"scsi"_s));
    EXPECT_EQ(c.targetDev, u"sdb"_s);
    EXPECT_FALSE(c.controllerAdded) << "the virtio-scsi controller has room";
    const auto d = models::attachDisk(driver.conn(), disk(u"x"_s, u"virtio"_s));
    EXPECT_EQ(d.targetDev, u"vdc"_s);

    // libvirt keeps disks sorted by bus; compare target -> bus pairs.
    const test::ReadBack back = test::readBack(driver.dumpXml(u"x"_s));
    QMap<QString, QString> busOf;
    for (qsizetype i = 0; i < back.diskTargets.size(); ++i)
        busOf.insert(back.diskTargets.at(i), back.diskBuses.value(i));
    const QMap<QString, QString> expected{{u"vda"_s, u"virtio"_s},
                                          {u"vdb"_s, u"virtio"_s},
                                          {u"vdc"_s, u"virtio"_s},
                                          {u"sda"_s, u"scsi"_s},
                                          {u"sdb"_s, u"scsi"_s}};
    EXPECT_EQ(busOf, expected);
    EXPECT_EQ(back.controllers.count(u"scsi/virtio-scsi"_s), 1);
    // Volumes are named after the VM, free in the pool.
    const QStringList vols = driver.volumeNames();
    EXPECT_TRUE(vols.contains(u"x-disk1.qcow2"_s));
    EXPECT_TRUE(vols.contains(u"x-disk4.qcow2"_s));
}

TEST(AttachDisk, Ppc64GetsAnSpaprVscsiController)
{
    test::TestDriver driver;
    defineVm(driver, u"p"_s, u"ppc64"_s, u"virtio"_s);
    const auto a = models::attachDisk(driver.conn(), disk(u"p"_s, u"spapr-vscsi"_s));
    EXPECT_TRUE(a.controllerAdded);
    EXPECT_EQ(a.targetDev, u"sda"_s);
    const auto b = models::attachDisk(driver.conn(), disk(u"p"_s, u"spapr-vscsi"_s));
    EXPECT_FALSE(b.controllerAdded);
    EXPECT_EQ(b.targetDev, u"sdb"_s);
    const QString xml = driver.dumpXml(u"p"_s);
    const test::ReadBack back = test::readBack(xml);
    EXPECT_EQ(back.controllers.count(u"scsi/ibmvscsi"_s), 1) << xml.toStdString();
    EXPECT_TRUE(xml.contains(u"spapr-vio"_s));
}

TEST(AttachDisk, IdeOnPpc64leIsRefusedAndNothingIsCreated)
{
    test::TestDriver driver;
    defineVm(driver, u"le"_s, u"ppc64le"_s, u"virtio"_s);
    const QStringList before = driver.volumeNames();
    try {
        models::attachDisk(driver.conn(), disk(u"le"_s, u"ide"_s));
        FAIL();
    } catch (const LibvirtError &e) {
        EXPECT_TRUE(e.message().contains(u"IDE"_s)) << e.text().toStdString();
    }
    EXPECT_EQ(driver.volumeNames(), before);
}

TEST(AttachDisk, RunningVmFailureRemovesTheVolume)
{
    test::TestDriver driver;
    defineVm(driver, u"run"_s, u"x86_64"_s, u"virtio"_s);
    ASSERT_TRUE(driver.start(u"run"_s));
    const QStringList before = driver.volumeNames();
    const QString xmlBefore = driver.dumpXml(u"run"_s);
    // IDE cannot be hot-plugged: refused before anything is made.
    EXPECT_THROW(models::attachDisk(driver.conn(), disk(u"run"_s, u"ide"_s)), LibvirtError);
    // The test driver cannot attach to a running VM: the new volume must go again.
    try {
        models::attachDisk(driver.conn(), disk(u"run"_s, u"virtio"_s));
        GTEST_SKIP() << "this driver attached live; nothing to roll back";
    } catch (const LibvirtError &e) {
        EXPECT_EQ(e.context(), ProvisioningSteps::attachingDisk());
    }
    EXPECT_EQ(driver.volumeNames(), before);
    EXPECT_EQ(driver.dumpXml(u"run"_s), xmlBefore);
}

TEST(DiskXmlBuilder, RunningVmNamesAvoidTargetsOfTheInactiveDefinition)
{
    const arch::ArchModel *model = arch::ArchRegistry::instance().find(u"x86_64"_s);
    models::VmSpec spec = test::defaultSpec(u"n"_s, u"x86_64"_s);
    spec.storage = models::StorageSpec{StorageKind::ExistingVolume, u"p"_s, u"v"_s, 0, u"qcow2"_s};
    const QString xml = models::DomainXmlBuilder::domainXml(spec, *model, test::contextOf(spec));
    const auto plan = models::DiskXmlBuilder::plan(xml, *model, u"virtio"_s, u"p"_s, u"w"_s,
                                                   u"qcow2"_s, {u"vdb"_s});
    EXPECT_EQ(plan.targetDev, u"vdc"_s);
    EXPECT_TRUE(plan.controllerXml.isEmpty());
}

} // namespace
