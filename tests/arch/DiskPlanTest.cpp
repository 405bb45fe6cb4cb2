// Target names, drive addresses and controllers the XML builder writes for disks.
#include "ArchFixtures.h"

#include <gtest/gtest.h>

using namespace crossvirt::arch;
using namespace crossvirt::test;
using namespace Qt::StringLiterals;

TEST(DiskPlan, SpaprVscsiAddsItsControllersWithSpaprVioAddresses)
{
    const ArchModel &m = archModel(u"ppc64le"_s);
    const QStringList eight(8, u"spapr-vscsi"_s);
    const DiskPlan plan = m.planDisks(eight);
    // Seven units per sPAPR VSCSI adapter: eight disks need two controllers.
    ASSERT_EQ(plan.controllers.size(), 2);
    for (int i = 0; i < 2; ++i) {
        EXPECT_EQ(plan.controllers.at(i).type, u"scsi"_s);
        EXPECT_EQ(plan.controllers.at(i).model, u"ibmvscsi"_s); // libvirt's name
        EXPECT_EQ(plan.controllers.at(i).index, i);
        EXPECT_EQ(plan.controllers.at(i).addressType, u"spapr-vio"_s);
    }
    EXPECT_NE(plan.controllers.at(0).addressReg, plan.controllers.at(1).addressReg);
    ASSERT_EQ(plan.devices.size(), 8);
    EXPECT_EQ(plan.devices.at(0).deviceName, u"sda"_s);
    EXPECT_EQ(plan.devices.at(7).deviceName, u"sdh"_s);
    EXPECT_EQ(plan.devices.at(0).bus, u"scsi"_s);
    EXPECT_EQ(plan.devices.at(6).address, (DriveAddress{0, 0, 0, 6}));
    EXPECT_EQ(plan.devices.at(7).address, (DriveAddress{1, 0, 0, 0}));
}

TEST(DiskPlan, VirtioScsiAndSpaprVscsiGetDistinctControllersAndShareSdNames)
{
    const ArchModel &m = archModel(u"ppc64"_s);
    const DiskPlan plan = m.planDisks({u"virtio"_s, u"scsi"_s, u"spapr-vscsi"_s, u"scsi"_s});
    ASSERT_EQ(plan.controllers.size(), 2);
    EXPECT_EQ(plan.controllers.at(0).model, u"virtio-scsi"_s);
    EXPECT_EQ(plan.controllers.at(0).index, 0);
    EXPECT_EQ(plan.controllers.at(1).model, u"ibmvscsi"_s);
    EXPECT_EQ(plan.controllers.at(1).index, 1);
    EXPECT_EQ(plan.devices.at(0).deviceName, u"vda"_s);
    EXPECT_FALSE(plan.devices.at(0).address.has_value());
    EXPECT_EQ(plan.devices.at(1).deviceName, u"sda"_s);
    EXPECT_EQ(plan.devices.at(2).deviceName, u"sdb"_s);
    EXPECT_EQ(plan.devices.at(3).deviceName, u"sdc"_s);
    EXPECT_EQ(plan.devices.at(1).address->controller, 0);
    EXPECT_EQ(plan.devices.at(2).address->controller, 1);
    EXPECT_EQ(plan.devices.at(3).address, (DriveAddress{0, 0, 0, 1}));
}

TEST(DiskPlan, IdeUsesTwoBusesOfTwoUnits)
{
    const DiskPlan plan = archModel(u"x86_64"_s).planDisks(QStringList(4, u"ide"_s));
    EXPECT_TRUE(plan.controllers.isEmpty()); // libvirt adds the built-in IDE controller
    ASSERT_EQ(plan.devices.size(), 4);
    EXPECT_EQ(plan.devices.at(0).deviceName, u"hda"_s);
    EXPECT_EQ(plan.devices.at(3).deviceName, u"hdd"_s);
    EXPECT_EQ(plan.devices.at(1).address, (DriveAddress{0, 0, 0, 1}));
    EXPECT_EQ(plan.devices.at(2).address, (DriveAddress{0, 1, 0, 0}));
}

TEST(DiskPlan, DeviceNamesContinuePastZ)
{
    const DiskInterfaceSpec virtio = archModel(u"x86_64"_s).diskInterfaceSpec(u"virtio"_s);
    EXPECT_EQ(virtio.deviceName(25), u"vdz"_s);
    EXPECT_EQ(virtio.deviceName(26), u"vdaa"_s);
    EXPECT_EQ(virtio.deviceName(27), u"vdab"_s);
}

TEST(DiskPlan, DefaultDevicesCarryTheControllersTheirCdromNeeds)
{
    // ppc64 and s390x cdroms sit on VirtIO-SCSI: the defaults must bring that controller,
    // or libvirt would add its own default SCSI model.
    for (const QString &arch : {u"ppc64le"_s, u"s390x"_s, u"aarch64"_s}) {
        const DefaultDevices d = archModel(arch).defaultDevices(guestContext(arch));
        EXPECT_EQ(d.cdromInterface, u"scsi"_s) << arch.toStdString();
        ASSERT_EQ(d.controllers.size(), 1) << arch.toStdString();
        EXPECT_EQ(d.controllers.first().model, u"virtio-scsi"_s);
    }
    EXPECT_TRUE(
        archModel(u"x86_64"_s).defaultDevices(guestContext(u"x86_64"_s)).controllers.isEmpty());
}
