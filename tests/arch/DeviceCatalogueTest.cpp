// The device catalogue: one table gives every arch its labels and the standard reasons
// for what it withholds, so no arch class writes them by hand.
#include "ArchFixtures.h"

#include "arch/DeviceCatalogue.h"

#include <gtest/gtest.h>

using namespace crossvirt::arch;
using namespace crossvirt::test;
using namespace Qt::StringLiterals;

TEST(DeviceCatalogue, OwnedDevicesGiveTheStandardReasonOnEveryOtherArch)
{
    for (const QString &arch : ArchRegistry::instance().archNames()) {
        SCOPED_TRACE(arch.toStdString());
        const ArchModel &m = archModel(arch);
        const GuestContext ctx = guestContext(arch);
        const bool power = arch.startsWith(u"ppc64"_s);
        if (!power) {
            EXPECT_EQ(m.diskInterfaces(ctx).reasonFor(u"spapr-vscsi"_s),
                      u"sPAPR VSCSI exists only on POWER (pseries) guests"_s);
            // s390x states its own rule for every NIC ("only VirtIO network cards").
            if (arch != "s390x"_L1) {
                EXPECT_EQ(m.nicModels(ctx).reasonFor(u"spapr-vlan"_s),
                          u"sPAPR VLAN exists only on POWER (pseries) guests"_s);
            }
        } else {
            EXPECT_TRUE(m.diskInterfaces(ctx).offers(u"spapr-vscsi"_s));
            EXPECT_TRUE(m.nicModels(ctx).offers(u"spapr-vlan"_s));
        }
        if (arch != "s390x"_L1) {
            EXPECT_EQ(m.consoleTypes(ctx).reasonFor(u"sclp"_s),
                      u"SCLP console exists only on s390x guests"_s);
        }
        // Every entry of every kind is in the list, offered or with a reason.
        EXPECT_EQ(m.diskInterfaces(ctx).size(),
                  DeviceCatalogue::ids(DeviceKind::DiskInterface).size());
        EXPECT_EQ(m.nicModels(ctx).size(), DeviceCatalogue::ids(DeviceKind::Nic).size());
        EXPECT_EQ(m.videoModels(ctx).size(), DeviceCatalogue::ids(DeviceKind::Video).size());
        EXPECT_EQ(m.consoleTypes(ctx).size(), DeviceCatalogue::ids(DeviceKind::Console).size());
    }
}

TEST(DeviceCatalogue, ReasonsNameTheArchOrTheMachineThatHasTheDevice)
{
    EXPECT_EQ(DeviceCatalogue::withheldReason(DeviceKind::DiskInterface, u"ide"_s, u"armv7l"_s,
                                              u"virt"_s),
              u"IDE is not available on armv7l guests"_s);
    // On POWER but not on a pseries machine: the machine is what is missing.
    EXPECT_EQ(DeviceCatalogue::withheldReason(DeviceKind::DiskInterface, u"spapr-vscsi"_s,
                                              u"ppc64le"_s, u"powernv"_s),
              u"sPAPR VSCSI needs a pseries machine"_s);
    EXPECT_EQ(DeviceCatalogue::label(DeviceKind::Video, u"ramfb"_s), u"RAM framebuffer"_s);
    EXPECT_EQ(DeviceCatalogue::label(DeviceKind::Video, u"unknown"_s), u"unknown"_s);
    EXPECT_EQ(DeviceCatalogue::hotPluggableDiskInterfaces(),
              (QStringList{u"virtio"_s, u"scsi"_s, u"usb"_s}));
}
