// planAddDevice / planRemoveDevice / planChangeMedia: the XML of each device kind, where it
// goes in the definition, and the arch's refusals (no graphics on s390x, no sPAPR VLAN
// hot-plug) with nothing written.
#include "VmEditFixtures.h"

#include "models/vmedit/VmEdit.h"

#include <QDomDocument>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace crossvirt;
using namespace crossvirt::models;
using arch::ChangeTiming;

namespace {

QDomElement element(const QString &xml)
{
    QDomDocument doc;
    doc.setContent(xml);
    return doc.documentElement();
}

AddDeviceRequest request(const QString &kind, const QString &model = {})
{
    AddDeviceRequest r;
    r.kind = kind;
    r.model = model;
    return r;
}

TEST(AddDevice, NicOnAShutOffX86Guest)
{
    const VmEditContext ctx = test::editContext(u"x86_64-q35-uefi.xml"_s);
    AddDeviceRequest r = request(u"nic"_s);
    r.network = u"default"_s;
    r.mac = u"52:54:00:AA:00:01"_s;
    const EditPlan plan = planAddDevice(ctx, r);
    ASSERT_TRUE(plan.ok()) << test::describe(plan).toStdString();
    ASSERT_EQ(plan.steps.size(), 1);
    EXPECT_EQ(plan.steps[0].rule.timing, ChangeTiming::NextBoot);
    const QDomElement nic = element(plan.steps[0].deviceXml);
    EXPECT_EQ(nic.tagName(), u"interface"_s);
    EXPECT_EQ(nic.attribute(u"type"_s), u"network"_s);
    EXPECT_EQ(nic.firstChildElement(u"source"_s).attribute(u"network"_s), u"default"_s);
    EXPECT_EQ(nic.firstChildElement(u"model"_s).attribute(u"type"_s), u"virtio"_s);
    EXPECT_EQ(nic.firstChildElement(u"mac"_s).attribute(u"address"_s), u"52:54:00:aa:00:01"_s);
    const VmConfig after = parseVmConfig(plan.newInactiveXml.toUtf8());
    EXPECT_EQ(after.devicesOf(u"nic"_s).size(), 2);
    EXPECT_TRUE(after.device(u"52:54:00:aa:00:01"_s));

    r.bridge = true;
    r.network = u"br0"_s;
    const QDomElement bridged = element(planAddDevice(ctx, r).steps[0].deviceXml);
    EXPECT_EQ(bridged.attribute(u"type"_s), u"bridge"_s);
    EXPECT_EQ(bridged.firstChildElement(u"source"_s).attribute(u"bridge"_s), u"br0"_s);
}

TEST(AddDevice, SpaprVlanIsNeverHotplugged)
{
    const VmEditContext ctx = test::runningContext(u"ppc64le-pseries.xml"_s);
    AddDeviceRequest r = request(u"nic"_s, u"spapr-vlan"_s);
    r.network = u"default"_s;
    const EditPlan live = planAddDevice(ctx, r, EditScope{true, false});
    EXPECT_FALSE(live.ok()) << test::describe(live).toStdString();
    EXPECT_TRUE(live.newInactiveXml.isEmpty());
    r.model = u"virtio"_s;
    const EditPlan virtio = planAddDevice(ctx, r);
    ASSERT_TRUE(virtio.ok()) << test::describe(virtio).toStdString();
    EXPECT_EQ(virtio.steps[0].rule.timing, ChangeTiming::Now);
}

TEST(AddDevice, NoGraphicsOnS390x)
{
    const VmEditContext ctx = test::editContext(u"s390x.xml"_s);
    const EditPlan plan = planAddDevice(ctx, request(u"graphics"_s, u"vnc"_s));
    EXPECT_FALSE(plan.ok()) << test::describe(plan).toStdString();
    EXPECT_FALSE(plan.refusals().isEmpty());
    EXPECT_TRUE(plan.newInactiveXml.isEmpty());
}

TEST(AddDevice, ConsolesComeFromTheArch)
{
    const VmEditContext z = test::editContext(u"s390x.xml"_s);
    const EditPlan virtio = planAddDevice(z, request(u"console"_s, u"virtio"_s));
    ASSERT_TRUE(virtio.ok()) << test::describe(virtio).toStdString();
    const QDomElement c = element(virtio.steps[0].deviceXml);
    EXPECT_EQ(c.tagName(), u"console"_s);
    EXPECT_EQ(c.firstChildElement(u"target"_s).attribute(u"type"_s), u"virtio"_s);
    EXPECT_EQ(c.firstChildElement(u"target"_s).attribute(u"port"_s), u"1"_s)
        << "after the SCLP console on port 0";

    const VmEditContext arm = test::editContext(u"aarch64-virt.xml"_s);
    const EditPlan serial = planAddDevice(arm, request(u"console"_s, u"serial"_s));
    ASSERT_TRUE(serial.ok()) << test::describe(serial).toStdString();
    const QDomElement s = element(serial.steps[0].deviceXml);
    EXPECT_EQ(s.tagName(), u"serial"_s);
    EXPECT_EQ(s.firstChildElement(u"target"_s).attribute(u"type"_s), u"system-serial"_s);
}

TEST(AddDevice, NewDiskGetsAVolumeAndTheNextTarget)
{
    const VmEditContext ctx = test::editContext(u"x86_64-q35-uefi.xml"_s);
    AddDeviceRequest r = request(u"disk"_s, u"virtio"_s);
    r.pool = u"default"_s;
    r.newVolumeGiB = 10;
    const EditPlan plan = planAddDevice(ctx, r);
    ASSERT_TRUE(plan.ok()) << test::describe(plan).toStdString();
    const EditStep &s = plan.steps.last();
    EXPECT_EQ(s.volumePool, u"default"_s);
    EXPECT_TRUE(s.volumeXml.contains(u"web-vdb.qcow2"_s)) << s.volumeXml.toStdString();
    const QDomElement disk = element(s.deviceXml);
    EXPECT_EQ(disk.firstChildElement(u"target"_s).attribute(u"dev"_s), u"vdb"_s);
    EXPECT_EQ(disk.firstChildElement(u"source"_s).attribute(u"volume"_s), u"web-vdb.qcow2"_s);
    EXPECT_TRUE(parseVmConfig(plan.newInactiveXml.toUtf8()).device(u"vdb"_s));
}

TEST(AddDevice, ScsiDiskFromAFileOnS390x)
{
    const VmEditContext ctx = test::editContext(u"s390x.xml"_s);
    AddDeviceRequest r = request(u"disk"_s, u"scsi"_s);
    r.path = u"/var/lib/libvirt/images/data.img"_s;
    const EditPlan plan = planAddDevice(ctx, r);
    ASSERT_TRUE(plan.ok()) << test::describe(plan).toStdString();
    const QDomElement disk = element(plan.steps.last().deviceXml);
    EXPECT_EQ(disk.attribute(u"type"_s), u"file"_s);
    EXPECT_EQ(disk.firstChildElement(u"source"_s).attribute(u"file"_s),
              u"/var/lib/libvirt/images/data.img"_s);
    EXPECT_EQ(disk.firstChildElement(u"target"_s).attribute(u"dev"_s), u"sdb"_s)
        << "sda is the CD-ROM";
}

TEST(AddDevice, CdromWithAnIso)
{
    const VmEditContext ctx = test::editContext(u"aarch64-virt.xml"_s);
    AddDeviceRequest r = request(u"cdrom"_s);
    r.path = u"/isos/tools.iso"_s;
    const EditPlan plan = planAddDevice(ctx, r);
    ASSERT_TRUE(plan.ok()) << test::describe(plan).toStdString();
    const QDomElement cd = element(plan.steps.last().deviceXml);
    EXPECT_EQ(cd.attribute(u"device"_s), u"cdrom"_s);
    EXPECT_FALSE(cd.firstChildElement(u"readonly"_s).isNull());
    EXPECT_EQ(cd.firstChildElement(u"target"_s).attribute(u"bus"_s), u"scsi"_s);
    EXPECT_EQ(cd.firstChildElement(u"source"_s).attribute(u"file"_s), u"/isos/tools.iso"_s);
}

TEST(AddDevice, OtherKindsOnX86)
{
    const VmEditContext ctx = test::editContext(u"x86_64-q35-uefi.xml"_s);
    struct Case
    {
        QString kind, model, tag, check;
    };
    const QList<Case> cases{
        {u"video"_s, u"vga"_s, u"video"_s, u"<model type=\"vga\""_s},
        {u"graphics"_s, u"vnc"_s, u"graphics"_s, u"autoport=\"yes\""_s},
        {u"controller"_s, u"scsi/virtio-scsi"_s, u"controller"_s, u"model=\"virtio-scsi\""_s},
        {u"input"_s, u"keyboard/virtio"_s, u"input"_s, u"bus=\"virtio\""_s},
        {u"watchdog"_s, u"i6300esb"_s, u"watchdog"_s, u"action=\"reset\""_s},
        {u"rng"_s, u"virtio"_s, u"rng"_s, u"/dev/urandom"_s},
        {u"tpm"_s, u"tpm-crb"_s, u"tpm"_s, u"type=\"emulator\""_s},
    };
    for (const Case &c : cases) {
        const EditPlan plan = planAddDevice(ctx, request(c.kind, c.model));
        ASSERT_TRUE(plan.ok()) << c.kind.toStdString() << ": "
                               << test::describe(plan).toStdString();
        const QString xml = plan.steps.last().deviceXml;
        EXPECT_EQ(element(xml).tagName(), c.tag);
        EXPECT_TRUE(xml.contains(c.check)) << xml.toStdString();
        EXPECT_FALSE(plan.newInactiveXml.isEmpty());
    }
}

TEST(AddDevice, HostDevices)
{
    const VmEditContext ctx = test::editContext(u"x86_64-q35-uefi.xml"_s);
    AddDeviceRequest usb = request(u"usb-host"_s);
    usb.hostDevice = u"046d:c52b"_s;
    const EditPlan u = planAddDevice(ctx, usb);
    ASSERT_TRUE(u.ok()) << test::describe(u).toStdString();
    EXPECT_TRUE(u.steps[0].deviceXml.contains(u"<vendor id=\"0x046d\"/>"_s))
        << u.steps[0].deviceXml.toStdString();
    const VmConfig after = parseVmConfig(u.newInactiveXml.toUtf8());
    EXPECT_EQ(after.devicesOf(u"usb-host"_s).value(0).source, u"046d:c52b"_s);

    AddDeviceRequest pci = request(u"pci-host"_s);
    pci.hostDevice = u"pci_0000_00_1f_2"_s;
    const EditPlan p = planAddDevice(ctx, pci);
    ASSERT_TRUE(p.ok()) << test::describe(p).toStdString();
    EXPECT_TRUE(p.steps[0].deviceXml.contains(u"managed=\"yes\""_s));
    EXPECT_EQ(parseVmConfig(p.newInactiveXml.toUtf8()).devicesOf(u"pci-host"_s).value(0).source,
              u"0000:00:1f.2"_s);

    usb.hostDevice = u"usb_1_2"_s;
    EXPECT_FALSE(planAddDevice(ctx, usb).ok()) << "a name without ids";
}

TEST(RemoveDevice, ByMacAndByAlias)
{
    const VmEditContext off = test::editContext(u"x86_64-q35-uefi.xml"_s);
    const EditPlan nic = planRemoveDevice(off, u"52:54:00:6B:3C:01"_s);
    ASSERT_TRUE(nic.ok()) << test::describe(nic).toStdString();
    EXPECT_TRUE(nic.steps[0].description.contains(u"52:54:00:6b:3c:01"_s));
    EXPECT_TRUE(parseVmConfig(nic.newInactiveXml.toUtf8()).devicesOf(u"nic"_s).isEmpty());

    // A running guest: the live alias finds the device in the definition too.
    const VmEditContext on =
        test::editContext(u"x86_64-q35-uefi.xml"_s, u"x86_64-q35-uefi-live.xml"_s);
    const EditPlan input = planRemoveDevice(on, u"input0"_s);
    ASSERT_TRUE(input.ok()) << test::describe(input).toStdString();
    EXPECT_TRUE(input.steps[0].deviceXml.contains(u"<alias name='input0'/>"_s))
        << "detach sends the live element";
    const VmConfig after = parseVmConfig(input.newInactiveXml.toUtf8());
    ASSERT_EQ(after.devicesOf(u"input"_s).size(), 2);
    EXPECT_EQ(after.devicesOf(u"input"_s)[0].model, u"mouse/ps2"_s) << "the tablet went";

    const EditPlan none = planRemoveDevice(off, u"vdz"_s);
    EXPECT_FALSE(none.ok());
    EXPECT_TRUE(none.refusals().contains(u"vdz"_s));
}

TEST(ChangeMedia, InsertEjectAndRefusals)
{
    const VmEditContext on =
        test::editContext(u"x86_64-q35-uefi.xml"_s, u"x86_64-q35-uefi-live.xml"_s);
    const EditPlan eject = planChangeMedia(on, u"sda"_s, {});
    ASSERT_TRUE(eject.ok()) << test::describe(eject).toStdString();
    EXPECT_EQ(eject.steps[0].rule.timing, ChangeTiming::Now);
    const QDomElement cd = element(eject.steps[0].deviceXml);
    EXPECT_TRUE(cd.firstChildElement(u"source"_s).isNull());
    EXPECT_EQ(cd.firstChildElement(u"target"_s).attribute(u"dev"_s), u"sda"_s);
    EXPECT_TRUE(parseVmConfig(eject.newInactiveXml.toUtf8()).device(u"sda"_s)->source.isEmpty());

    const EditPlan insert = planChangeMedia(on, u"sda"_s, u"isos/new.iso"_s);
    ASSERT_TRUE(insert.ok()) << test::describe(insert).toStdString();
    const QDomElement vol = element(insert.steps[0].deviceXml);
    EXPECT_EQ(vol.attribute(u"type"_s), u"volume"_s);
    EXPECT_EQ(vol.firstChildElement(u"source"_s).attribute(u"volume"_s), u"new.iso"_s);

    EXPECT_FALSE(planChangeMedia(on, u"vda"_s, u"/x.iso"_s).ok()) << "a disk is no CD-ROM";
    EXPECT_FALSE(planChangeMedia(on, u"hdz"_s, u"/x.iso"_s).ok());
}

} // namespace

namespace {

TEST(AddDevice, RunningQ35WithoutAFreeRootPortWaitsForTheNextBoot)
{
    const VmEditContext ctx =
        test::editContext(u"x86_64-q35-uefi.xml"_s, u"x86_64-q35-uefi-live.xml"_s);
    AddDeviceRequest r = request(u"nic"_s, u"virtio"_s);
    r.network = u"default"_s;
    const EditPlan plan = planAddDevice(ctx, r);
    ASSERT_TRUE(plan.ok()) << test::describe(plan).toStdString();
    EXPECT_EQ(plan.steps[0].rule.timing, ChangeTiming::NextBoot);
    EXPECT_TRUE(plan.steps[0].rule.reason.contains(u"root port"_s))
        << plan.steps[0].rule.reason.toStdString();
    EXPECT_TRUE(plan.needsRestart());
    // --live alone cannot wait: refused, nothing written.
    const EditPlan live = planAddDevice(ctx, r, EditScope{true, false});
    EXPECT_FALSE(live.ok());
    EXPECT_TRUE(live.newInactiveXml.isEmpty());
}

} // namespace

// ---- planUpdateNic --------------------------------------------------------------------------

namespace {

const QString kNic = u"52:54:00:6b:3c:01"_s;

QDomElement nicIn(const QString &domainXml, const QString &mac)
{
    QDomDocument doc;
    doc.setContent(domainXml);
    QDomElement i = doc.documentElement().firstChildElement(u"devices"_s).firstChildElement(
        u"interface"_s);
    for (; !i.isNull(); i = i.nextSiblingElement(u"interface"_s)) {
        if (i.firstChildElement(u"mac"_s).attribute(u"address"_s) == mac)
            return i;
    }
    return {};
}

} // namespace

TEST(UpdateNic, ShutOffGuestTakesSourceModelAndLinkIntoItsDefinition)
{
    const VmEditContext ctx = test::editContext(u"x86_64-q35-uefi.xml"_s);
    NicUpdate u;
    u.network = u"br0"_s;
    u.bridge = true;
    u.model = u"e1000e"_s;
    u.linkUp = false;
    const EditPlan plan = planUpdateNic(ctx, kNic, u);
    ASSERT_TRUE(plan.ok()) << test::describe(plan).toStdString();
    ASSERT_EQ(plan.steps.size(), 3) << test::describe(plan).toStdString();
    for (const EditStep &s : plan.steps) {
        EXPECT_EQ(s.request.change, arch::GuestChange::UpdateDevice);
        EXPECT_EQ(s.rule.timing, ChangeTiming::NextBoot);
        EXPECT_TRUE(s.rule.reason.isEmpty());
    }
    const QDomElement nic = nicIn(plan.newInactiveXml, kNic);
    ASSERT_FALSE(nic.isNull()) << "the MAC stays";
    EXPECT_EQ(nic.attribute(u"type"_s), u"bridge"_s);
    EXPECT_EQ(nic.firstChildElement(u"source"_s).attribute(u"bridge"_s), u"br0"_s);
    EXPECT_FALSE(nic.firstChildElement(u"source"_s).hasAttribute(u"network"_s));
    EXPECT_EQ(nic.firstChildElement(u"model"_s).attribute(u"type"_s), u"e1000e"_s);
    EXPECT_EQ(nic.firstChildElement(u"link"_s).attribute(u"state"_s), u"down"_s);
    // Same bus (PCI): the guest address stays, so the guest keeps naming the NIC the same.
    EXPECT_EQ(nic.firstChildElement(u"address"_s).attribute(u"bus"_s), u"0x01"_s);
    const VmConfig after = parseVmConfig(plan.newInactiveXml.toUtf8());
    ASSERT_TRUE(after.device(kNic));
    EXPECT_TRUE(after.device(kNic)->linkDown);
    EXPECT_EQ(after.device(kNic)->sourceType, u"bridge"_s);
    EXPECT_EQ(after.devicesOf(u"nic"_s).size(), 1);
}

TEST(UpdateNic, RunningGuestGetsSourceAndLinkNowAndTheModelAtTheNextBoot)
{
    const VmEditContext ctx =
        test::editContext(u"x86_64-q35-uefi.xml"_s, u"x86_64-q35-uefi-live.xml"_s);
    ASSERT_TRUE(ctx.running());
    NicUpdate u;
    u.network = u"isolated"_s;
    u.model = u"e1000e"_s;
    u.linkUp = false;
    const EditPlan plan = planUpdateNic(ctx, kNic, u);
    ASSERT_TRUE(plan.ok()) << test::describe(plan).toStdString();
    ASSERT_EQ(plan.steps.size(), 3) << test::describe(plan).toStdString();
    const EditStep &source = plan.steps[0];
    const EditStep &link = plan.steps[1];
    const EditStep &model = plan.steps[2];
    EXPECT_EQ(source.rule.timing, ChangeTiming::Now) << source.rule.reason.toStdString();
    EXPECT_EQ(link.rule.timing, ChangeTiming::Now) << link.rule.reason.toStdString();
    EXPECT_EQ(model.rule.timing, ChangeTiming::NextBoot);
    EXPECT_TRUE(model.rule.reason.contains(u"model"_s)) << model.rule.reason.toStdString();
    EXPECT_TRUE(plan.needsRestart());
    // The live XML is the running NIC's (alias, target), with the new source and link but
    // the model it runs with: QEMU cannot swap the model.
    const QDomElement live = element(link.deviceXml);
    EXPECT_EQ(live.firstChildElement(u"mac"_s).attribute(u"address"_s), kNic);
    EXPECT_EQ(live.firstChildElement(u"alias"_s).attribute(u"name"_s), u"net0"_s);
    EXPECT_EQ(live.firstChildElement(u"source"_s).attribute(u"network"_s), u"isolated"_s);
    EXPECT_FALSE(live.firstChildElement(u"source"_s).hasAttribute(u"portid"_s));
    EXPECT_EQ(live.firstChildElement(u"link"_s).attribute(u"state"_s), u"down"_s);
    EXPECT_EQ(live.firstChildElement(u"model"_s).attribute(u"type"_s), u"virtio"_s);
    // The definition gets all three.
    const QDomElement def = nicIn(plan.newInactiveXml, kNic);
    EXPECT_EQ(def.firstChildElement(u"source"_s).attribute(u"network"_s), u"isolated"_s);
    EXPECT_EQ(def.firstChildElement(u"model"_s).attribute(u"type"_s), u"e1000e"_s);
    EXPECT_EQ(def.firstChildElement(u"link"_s).attribute(u"state"_s), u"down"_s);
}

TEST(UpdateNic, UnchangedValuesAreNoStepsAndUnknownMacsOrModelsAreRefused)
{
    const VmEditContext ctx = test::editContext(u"x86_64-q35-uefi.xml"_s);
    NicUpdate same;
    same.network = u"default"_s;
    same.model = u"virtio"_s;
    same.linkUp = true;
    const EditPlan none = planUpdateNic(ctx, kNic, same);
    EXPECT_TRUE(none.isEmpty()) << test::describe(none).toStdString();
    EXPECT_TRUE(none.newInactiveXml.isEmpty());

    NicUpdate u;
    u.network = u"default"_s;
    EXPECT_FALSE(planUpdateNic(ctx, u"52:54:00:ff:ff:ff"_s, u).ok());
    u.model = u"no-such-nic"_s;
    const EditPlan bad = planUpdateNic(ctx, kNic, u);
    EXPECT_FALSE(bad.ok());
    EXPECT_TRUE(bad.newInactiveXml.isEmpty());

    // s390x has VirtIO NICs only.
    const VmEditContext s390 = test::editContext(u"s390x.xml"_s);
    const QList<VmDevice> nics = s390.inactive.devicesOf(u"nic"_s);
    ASSERT_FALSE(nics.isEmpty());
    NicUpdate e1000;
    e1000.model = u"e1000"_s;
    const EditPlan refused = planUpdateNic(s390, nics[0].id, e1000);
    EXPECT_FALSE(refused.ok());
    EXPECT_FALSE(refused.refusals().isEmpty());
}

TEST(UpdateNic, StagedWithOtherEditsInOnePlan)
{
    const VmEditContext ctx = test::editContext(u"x86_64-q35-uefi.xml"_s);
    VmConfig wanted = ctx.inactive;
    wanted.title = u"Renamed"_s;
    NicUpdate u;
    u.linkUp = false;
    const EditPlan plan = planEdit(ctx, wanted, {{kNic, u}});
    ASSERT_TRUE(plan.ok()) << test::describe(plan).toStdString();
    ASSERT_EQ(plan.steps.size(), 2) << test::describe(plan).toStdString();
    const VmConfig after = parseVmConfig(plan.newInactiveXml.toUtf8());
    EXPECT_EQ(after.title, u"Renamed"_s);
    ASSERT_TRUE(after.device(kNic));
    EXPECT_TRUE(after.device(kNic)->linkDown);
}
