#include "models/inventory/DomainXml.h"

#include <gtest/gtest.h>

using namespace crossvirt::models;
using namespace Qt::StringLiterals;

TEST(DomainXml, ReadsWhatTheOverviewShows)
{
    const QByteArray xml = R"(<domain type='kvm' id='3'>
  <name>power-db &amp; co</name>
  <uuid>11111111-2222-3333-4444-555555555555</uuid>
  <os><type arch='ppc64le' machine='pseries-7.2'>hvm</type></os>
  <cpu mode='custom' match='exact'><model fallback='forbid'>POWER9</model></cpu>
  <devices>
    <emulator>/usr/bin/qemu-system-ppc64</emulator>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='/var/lib/libvirt/images/power-db.qcow2'/>
      <target dev='sda' bus='scsi'/>
      <address type='drive' controller='1' bus='0' target='0' unit='0'/>
    </disk>
    <disk type='file' device='cdrom'>
      <target dev='sdb' bus='scsi'/><readonly/>
      <address type='drive' controller='0' bus='0' target='0' unit='1'/>
    </disk>
    <controller type='scsi' index='0' model='virtio-scsi'/>
    <controller type='scsi' index='1' model='ibmvscsi'/>
    <interface type='network'>
      <mac address='52:54:00:aa:bb:cc'/><source network='default'/><model type='spapr-vlan'/>
    </interface>
    <serial type='pty'><target type='spapr-vio-serial' port='0'><model name='spapr-vty'/></target></serial>
    <console type='pty'><target type='serial' port='0'/></console>
    <graphics type='vnc' port='5901' autoport='yes' listen='127.0.0.1'/>
    <video><model type='vga' vram='16384'/></video>
  </devices>
</domain>)";
    const DomainDetails d = parseDomainDetails(xml);
    EXPECT_EQ(d.summary.name, u"power-db & co"_s);
    EXPECT_EQ(d.summary.arch, u"ppc64le"_s);
    EXPECT_EQ(d.summary.machine, u"pseries-7.2"_s);
    EXPECT_EQ(d.summary.domainType, u"kvm"_s);
    EXPECT_EQ(d.summary.cpuMode, u"custom"_s);
    EXPECT_EQ(d.summary.cpuModel, u"POWER9"_s);
    ASSERT_EQ(d.disks.size(), 2);
    EXPECT_EQ(d.disks[0].bus, u"scsi"_s);
    EXPECT_EQ(d.disks[0].controllerModel, u"ibmvscsi"_s)
        << "the sPAPR VSCSI disk sits on controller 1";
    EXPECT_EQ(d.disks[0].format, u"qcow2"_s);
    EXPECT_EQ(d.disks[1].device, u"cdrom"_s);
    EXPECT_EQ(d.disks[1].controllerModel, u"virtio-scsi"_s);
    EXPECT_TRUE(d.disks[1].readOnly);
    ASSERT_EQ(d.nics.size(), 1);
    EXPECT_EQ(d.nics[0].model, u"spapr-vlan"_s);
    EXPECT_EQ(d.nics[0].source, u"default"_s);
    ASSERT_EQ(d.graphics.size(), 1);
    EXPECT_EQ(d.graphics[0].port, 5901);
    EXPECT_EQ(d.graphics[0].listen, u"127.0.0.1"_s);
    ASSERT_EQ(d.consoles.size(), 2);
    EXPECT_EQ(d.consoles[0].targetType, u"spapr-vio-serial"_s);
    EXPECT_EQ(d.videoModels, QStringList{u"vga"_s});
}
