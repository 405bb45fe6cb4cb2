// planFromTemplate(): a new VM from a POWER9 ppc64le template (virtio and sPAPR VSCSI disks,
// an sPAPR VLAN NIC), planned against captured and hand-written capabilities: overlays on
// the template's host, copies on another, and every refusal with its reason.
#include "common/TestSupport.h"
#include "models/templates/VmTemplates.h"

#include <QFile>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace crossvirt;
using namespace crossvirt::models;

namespace {

const QString kTemplateHost = u"qemu+ssh://power9/system"_s;
const QString kOtherHost = u"qemu+ssh://power9-b/system"_s;
const QString kImages = u"/var/lib/libvirt/images"_s;

QByteArray fixture(const QString &name)
{
    QFile f(test::sourcePath(u"tests/data/capabilities/"_s + name));
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << name.toStdString();
    return f.readAll();
}

const QString kTemplateXml = uR"(<domain type='kvm'>
  <name>ppc-base</name>
  <uuid>5e1f0a8e-1c2b-4e5f-9a0b-0000000000c1</uuid>
  <metadata>
    <crossvirt:vm xmlns:crossvirt="https://crossvirt.org/xmlns/vm/1.0">
      <crossvirt:template created="2026-12-02T17:40:00Z" source-vm="ppc-build"/>
    </crossvirt:vm>
    <libosinfo:libosinfo xmlns:libosinfo="http://libosinfo.org/xmlns/libvirt/domain/1.0">
      <libosinfo:os id="http://debian.org/debian/12"/>
    </libosinfo:libosinfo>
  </metadata>
  <memory unit='KiB'>4194304</memory>
  <vcpu placement='static'>2</vcpu>
  <os>
    <type arch='ppc64le' machine='pseries-7.2'>hvm</type>
    <nvram>/var/lib/libvirt/qemu/nvram/ppc-base_VARS.fd</nvram>
  </os>
  <cpu mode='custom' match='exact'><model fallback='forbid'>POWER9</model></cpu>
  <devices>
    <emulator>/usr/bin/qemu-system-ppc64</emulator>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='/var/lib/libvirt/images/ppc-base.qcow2'/>
      <target dev='vda' bus='virtio'/>
      <readonly/>
    </disk>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='/var/lib/libvirt/images/ppc-data.qcow2'/>
      <target dev='sda' bus='scsi'/>
      <readonly/>
      <address type='drive' controller='0' bus='0' target='0' unit='0'/>
    </disk>
    <disk type='file' device='cdrom'>
      <source file='/var/lib/libvirt/images/debian.iso'/>
      <target dev='sdb' bus='scsi'/>
      <readonly/>
    </disk>
    <controller type='scsi' index='0' model='ibmvscsi'/>
    <interface type='network'>
      <mac address='52:54:00:00:00:c1'/>
      <source network='default'/>
      <model type='spapr-vlan'/>
    </interface>
    <graphics type='vnc' port='5905' autoport='no'/>
    <video><model type='vga'/></video>
  </devices>
</domain>)"_s;

TemplateDisk disk(const QString &target, const QString &volume)
{
    TemplateDisk d;
    d.target = target;
    d.device = u"disk"_s;
    d.path = kImages + u'/' + volume;
    d.pool = u"default"_s;
    d.volume = volume;
    d.format = u"qcow2"_s;
    d.capacity = 20ull << 30;
    d.allocation = 3ull << 30;
    return d;
}

TemplateInfo ppcTemplate(const QString &xml = kTemplateXml)
{
    TemplateInfo t;
    t.uri = kTemplateHost;
    t.uuid = u"5e1f0a8e-1c2b-4e5f-9a0b-0000000000c1"_s;
    t.name = u"ppc-base"_s;
    t.metadata = readCrossvirtMetadata(xml.toUtf8());
    t.requirements = guestRequirements(xml.toUtf8());
    t.arch = t.requirements.arch;
    t.machine = t.requirements.machine;
    t.vcpus = 2;
    t.memoryMiB = 4096;
    t.disks = {disk(u"vda"_s, u"ppc-base.qcow2"_s), disk(u"sda"_s, u"ppc-data.qcow2"_s)};
    TemplateDisk cdrom;
    cdrom.target = u"sdb"_s;
    cdrom.device = u"cdrom"_s;
    cdrom.path = kImages + u"/debian.iso"_s;
    t.disks << cdrom;
    t.xml = xml;
    return t;
}

/// A POWER9 KVM host (hand-written capabilities) at `uri`, optionally with its domain
/// capabilities changed by `edit`.
GuestHostContext power9Host(const QString &uri, const std::function<void(QByteArray &)> &edit = {})
{
    GuestHostContext h;
    h.uri = uri;
    h.arch = u"ppc64le"_s;
    h.machine = u"pseries-7.2"_s;
    h.hostArch = u"ppc64le"_s;
    h.placement = {uri, arch::Execution::Native, arch::VirtType::Kvm, true, {}};
    h.hostCaps =
        arch::parseHostCapabilities(fixture(u"handwritten-ppc64le-power9-kvm-capabilities.xml"_s));
    QByteArray dom = fixture(u"domcaps-ppc64le-pseries-kvm-handwritten.xml"_s);
    if (edit)
        edit(dom);
    if (auto parsed = arch::parseDomainCapabilities(dom))
        h.domainCaps = std::make_shared<const arch::DomainCapabilities>(*parsed);
    return h;
}

StorageSnapshot storage(const QStringList &vms = {u"ppc-base"_s})
{
    StorageSnapshot s;
    PoolContents pool;
    pool.info.name = u"default"_s;
    pool.info.active = true;
    pool.info.path = kImages;
    pool.info.available = 100ull << 30;
    for (const QString &n : {u"ppc-base.qcow2"_s, u"ppc-data.qcow2"_s, u"debian.iso"_s}) {
        VolumeInfo v;
        v.name = n;
        v.path = kImages + u'/' + n;
        pool.volumes << v;
    }
    s.pools << pool;
    s.domainNames = vms;
    return s;
}

FromTemplateRequest request(const QString &name = u"build-01"_s)
{
    FromTemplateRequest r;
    r.name = name;
    return r;
}

TEST(TemplatePlan, OverlaysOnTheTemplatesHost)
{
    FromTemplateRequest r = request();
    r.vmPool = u"builders"_s;
    const FromTemplatePlan plan =
        planFromTemplate(ppcTemplate(), r, power9Host(kTemplateHost), storage());
    ASSERT_TRUE(plan.ok()) << plan.problems.join(u"\n"_s).toStdString();
    EXPECT_EQ(plan.virtType, arch::VirtType::Kvm);
    ASSERT_EQ(plan.disks.size(), 2) << "the CD-ROM is no disk of the VM's own";
    const FromTemplateDisk &vda = plan.disks[0];
    EXPECT_FALSE(vda.copy);
    EXPECT_EQ(vda.pool, u"default"_s);
    EXPECT_EQ(vda.volume, u"build-01.qcow2"_s);
    EXPECT_EQ(plan.disks[1].volume, u"build-01-sda.qcow2"_s);
    EXPECT_TRUE(vda.volumeXml.contains(u"<path>/var/lib/libvirt/images/ppc-base.qcow2</path>"_s))
        << vda.volumeXml.toStdString();
    EXPECT_TRUE(vda.volumeXml.contains(u"<backingStore>"_s));
    EXPECT_TRUE(vda.volumeXml.contains(QString::number(20ull << 30))) << "the base's capacity";

    const QString xml = plan.domainXml;
    EXPECT_TRUE(xml.contains(u"<name>build-01</name>"_s));
    EXPECT_FALSE(xml.contains(u"5e1f0a8e-1c2b-4e5f-9a0b-0000000000c1</uuid>"_s)) << "a new UUID";
    EXPECT_FALSE(xml.contains(u"52:54:00:00:00:c1"_s)) << "a new MAC";
    EXPECT_FALSE(xml.contains(u"port=\"5905\""_s)) << "graphics back to autoport";
    EXPECT_FALSE(xml.contains(u"ppc-base_VARS.fd"_s)) << "no NVRAM of the template's";
    EXPECT_TRUE(xml.contains(u"/var/lib/libvirt/images/build-01.qcow2"_s)) << xml.toStdString();
    EXPECT_EQ(xml.count(u"<readonly/>"_s), 1) << "only the CD-ROM stays read-only";
    EXPECT_TRUE(xml.contains(u"/var/lib/libvirt/images/debian.iso"_s)) << "same host: medium kept";
    EXPECT_TRUE(xml.contains(u"libosinfo:os"_s));
    const CrossvirtMetadata meta = readCrossvirtMetadata(xml.toUtf8());
    EXPECT_FALSE(meta.isTemplate);
    EXPECT_EQ(meta.fromTemplateName, u"ppc-base"_s);
    EXPECT_EQ(meta.fromTemplateMode, u"overlay"_s);
    EXPECT_EQ(meta.vmPool, u"builders"_s);
}

TEST(TemplatePlan, CopiesOnAnotherHostOverlaysRefusedThere)
{
    FromTemplateRequest r = request();
    r.targetUri = kOtherHost;
    r.diskMode = TemplateDiskMode::Copy;
    const FromTemplatePlan copies =
        planFromTemplate(ppcTemplate(), r, power9Host(kOtherHost), storage({}));
    ASSERT_TRUE(copies.ok()) << copies.problems.join(u"\n"_s).toStdString();
    EXPECT_EQ(copies.targetUri, kOtherHost);
    for (const FromTemplateDisk &d : copies.disks) {
        EXPECT_TRUE(d.copy);
        EXPECT_EQ(d.bytes, 3ull << 30);
        EXPECT_FALSE(d.volumeXml.contains(u"backingStore"_s));
    }
    EXPECT_FALSE(copies.domainXml.contains(u"debian.iso"_s)) << "another host: no medium";
    EXPECT_EQ(readCrossvirtMetadata(copies.domainXml.toUtf8()).fromTemplateMode, u"copy"_s);

    r.diskMode = TemplateDiskMode::Overlay;
    const FromTemplatePlan overlays =
        planFromTemplate(ppcTemplate(), r, power9Host(kOtherHost), storage({}));
    ASSERT_FALSE(overlays.ok());
    EXPECT_TRUE(overlays.problems.join(u"\n"_s).contains(u"use copies"_s))
        << overlays.problems.join(u"\n"_s).toStdString();
}

TEST(TemplatePlan, AnotherArchsClusterIsRefusedWithTheReason)
{
    const FromTemplatePlan plan = planFromTemplate(
        ppcTemplate(), request(), power9Host(kTemplateHost), storage(), u"x86_64"_s);
    ASSERT_EQ(plan.problems.size(), 1);
    EXPECT_EQ(plan.problems[0],
              u"Template ppc-base is for ppc64le guests; this cluster runs x86_64 guests"_s);
}

TEST(TemplatePlan, AHostLackingADeviceIsNamed)
{
    // A POWER host whose QEMU lists no SCSI disk bus and no VGA: the sPAPR VSCSI disk, its
    // controller and the video model are each named.
    const GuestHostContext host = power9Host(kTemplateHost, [](QByteArray &xml) {
        xml.replace("<value>scsi</value>\n        <value>virtio</value>", "<value>virtio</value>");
        xml.replace("<value>vga</value>", "");
    });
    const FromTemplatePlan plan = planFromTemplate(ppcTemplate(), request(), host, storage());
    const QString all = plan.problems.join(u"\n"_s);
    EXPECT_TRUE(all.contains(u"Disk bus scsi"_s)) << all.toStdString();
    EXPECT_TRUE(all.contains(u"Video model vga"_s)) << all.toStdString();
    EXPECT_TRUE(all.contains(u"Controller"_s)) << all.toStdString();
}

TEST(TemplatePlan, UnableHostIsRefusedWithThePlacementReason)
{
    GuestHostContext host = power9Host(kTemplateHost);
    host.placement = {kTemplateHost, arch::Execution::Unable, arch::VirtType::Qemu, false,
                      u"emulated; the cluster does not allow emulation"_s};
    const FromTemplatePlan plan = planFromTemplate(ppcTemplate(), request(), host, storage());
    EXPECT_TRUE(plan.problems.contains(u"emulated; the cluster does not allow emulation"_s))
        << plan.problems.join(u"\n"_s).toStdString();
}

TEST(TemplatePlan, DeletedBaseAndTakenNameAreRefused)
{
    TemplateInfo t = ppcTemplate();
    t.disks[1].exists = false;
    const FromTemplatePlan plan =
        planFromTemplate(t, request(u"taken"_s), power9Host(kTemplateHost), storage({u"taken"_s}));
    const QString all = plan.problems.join(u"\n"_s);
    EXPECT_TRUE(all.contains(u"/var/lib/libvirt/images/ppc-data.qcow2"_s)) << all.toStdString();
    EXPECT_TRUE(all.contains(u"taken"_s)) << all.toStdString();
    EXPECT_GE(plan.problems.size(), 2);
}

TEST(TemplatePlan, VolumeNameTakenInThePoolIsRefused)
{
    StorageSnapshot s = storage();
    VolumeInfo v;
    v.name = u"build-01.qcow2"_s;
    s.pools[0].volumes << v;
    const FromTemplatePlan plan =
        planFromTemplate(ppcTemplate(), request(), power9Host(kTemplateHost), s);
    EXPECT_FALSE(plan.ok());
    EXPECT_TRUE(plan.problems.join(u"\n"_s).contains(u"vda"_s));
}

TEST(TemplatePlan, NewerMachineOfTheSameFamilyBecomesTheHostsCurrentOne)
{
    QString xml = kTemplateXml;
    xml.replace(u"machine='pseries-7.2'"_s, u"machine='pseries-9.1'"_s);
    const FromTemplatePlan plan =
        planFromTemplate(ppcTemplate(xml), request(), power9Host(kTemplateHost), storage());
    ASSERT_TRUE(plan.ok()) << plan.problems.join(u"\n"_s).toStdString();
    EXPECT_TRUE(plan.domainXml.contains(u"machine=\"pseries-7.2\""_s))
        << plan.domainXml.toStdString();
}

TEST(TemplatePlan, APower10TemplateOnAPower9Host)
{
    QString xml = kTemplateXml;
    xml.replace(u">POWER9<"_s, u">POWER10<"_s);
    const FromTemplatePlan plan =
        planFromTemplate(ppcTemplate(xml), request(), power9Host(kTemplateHost), storage());
    ASSERT_EQ(plan.problems.size(), 1) << plan.problems.join(u"\n"_s).toStdString();
    EXPECT_TRUE(plan.problems[0].startsWith(u"CPU model POWER10: "_s))
        << plan.problems[0].toStdString();
}

TEST(TemplatePlan, GuestRequirementsFromTheXml)
{
    const arch::GuestRequirements g = guestRequirements(kTemplateXml.toUtf8());
    EXPECT_EQ(g.arch, u"ppc64le"_s);
    EXPECT_EQ(g.machine, u"pseries-7.2"_s);
    EXPECT_EQ(g.cpu, (arch::CpuChoice{arch::CpuMode::Custom, u"POWER9"_s}));
    EXPECT_EQ(g.vcpus, 2);
    EXPECT_EQ(g.memoryMiB, 4096);
    EXPECT_EQ(g.diskBuses, (QStringList{u"virtio"_s, u"scsi"_s}));
    EXPECT_EQ(g.nicModels, QStringList{u"spapr-vlan"_s});
    EXPECT_EQ(g.controllerModels, QStringList{u"scsi/ibmvscsi"_s});
    EXPECT_EQ(g.graphicsTypes, QStringList{u"vnc"_s});
    EXPECT_EQ(g.videoModels, QStringList{u"vga"_s});
    EXPECT_EQ(templateDiskModeFromId(templateDiskModeId(TemplateDiskMode::Copy)),
              TemplateDiskMode::Copy);
    EXPECT_FALSE(templateDiskModeFromId(u"bogus"_s));
}

} // namespace
