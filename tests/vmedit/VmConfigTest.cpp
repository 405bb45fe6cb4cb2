// parseVmConfig() on real domain XMLs of four arches: the values the details pages show,
// device ids a user names in `remove-device --id`, and each device's XML kept exactly.
#include "VmEditFixtures.h"

#include "models/vmedit/VmConfig.h"

#include <QDomDocument>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace crossvirt;
using models::VmConfig;
using models::VmDevice;

namespace {

QStringList ids(const VmConfig &c, const QString &kind)
{
    QStringList out;
    for (const VmDevice &d : c.devicesOf(kind))
        out << d.id;
    return out;
}

TEST(VmConfig, X86Q35UefiLive)
{
    const QString xml = test::vmeditFixture(u"x86_64-q35-uefi-live.xml"_s);
    ASSERT_FALSE(xml.isEmpty());
    const VmConfig c = models::parseVmConfig(xml.toUtf8());
    EXPECT_EQ(c.name, u"web"_s);
    EXPECT_EQ(c.uuid, u"5a0e2f3c-1d7b-4c3e-8f00-0000000000a1"_s);
    EXPECT_EQ(c.title, u"Web server"_s);
    EXPECT_EQ(c.description, u"nginx front end"_s);
    EXPECT_EQ(c.arch, u"x86_64"_s);
    EXPECT_EQ(c.machine, u"pc-q35-7.2"_s);
    EXPECT_EQ(c.virtType, arch::VirtType::Kvm);
    EXPECT_TRUE(c.running) << "a live XML carries the domain id";
    EXPECT_EQ(c.vcpus, 2);
    EXPECT_EQ(c.maxVcpus, 4);
    EXPECT_EQ(c.sockets, 4);
    EXPECT_EQ(c.cores, 1);
    EXPECT_EQ(c.threads, 1);
    EXPECT_EQ(c.cpu.mode, arch::CpuMode::HostModel);
    EXPECT_EQ(c.memoryMiB, 2048);
    EXPECT_EQ(c.currentMemoryMiB, 2048);
    EXPECT_EQ(c.maxMemoryMiB, 0);
    EXPECT_EQ(c.firmware, u"efi"_s);
    EXPECT_EQ(c.emulator, u"/usr/bin/qemu-system-x86_64"_s);

    EXPECT_EQ(ids(c, u"disk"_s), QStringList{u"vda"_s});
    EXPECT_EQ(ids(c, u"cdrom"_s), QStringList{u"sda"_s});
    EXPECT_EQ(ids(c, u"nic"_s), QStringList{u"52:54:00:6b:3c:01"_s});
    EXPECT_EQ(ids(c, u"video"_s), QStringList{u"video0"_s});
    EXPECT_EQ(ids(c, u"watchdog"_s), QStringList{u"watchdog0"_s});
    EXPECT_EQ(ids(c, u"input"_s), (QStringList{u"input0"_s, u"input1"_s, u"input2"_s}));
    EXPECT_EQ(c.devicesOf(u"other"_s).size(), 1) << "the guest agent channel";

    const VmDevice *vda = c.device(u"vda"_s);
    ASSERT_TRUE(vda);
    EXPECT_EQ(vda->model, u"virtio"_s);
    EXPECT_EQ(vda->source, u"default/web.qcow2"_s);
    EXPECT_EQ(vda->bootOrder, 2);
    const VmDevice *cd = c.device(u"sda"_s);
    ASSERT_TRUE(cd);
    EXPECT_EQ(cd->model, u"sata"_s);
    EXPECT_TRUE(cd->readOnly);
    EXPECT_EQ(cd->source, u"/var/lib/libvirt/images/debian-12.iso"_s);
    EXPECT_EQ(c.device(u"52:54:00:6B:3C:01"_s), c.device(u"52:54:00:6b:3c:01"_s))
        << "MACs match whatever their case";
    EXPECT_EQ(c.device(u"52:54:00:6b:3c:01"_s)->model, u"virtio"_s);
    EXPECT_EQ(c.device(u"52:54:00:6b:3c:01"_s)->source, u"default"_s);
    EXPECT_EQ(c.device(u"video0"_s)->model, u"virtio"_s);
    EXPECT_EQ(c.device(u"input0"_s)->model, u"tablet/usb"_s);
    EXPECT_EQ(c.device(u"rng0"_s)->source, u"/dev/urandom"_s);

    // The CD-ROM boots first, then the disk (per-device <boot order>).
    EXPECT_EQ(c.bootOrder(), (QStringList{u"sda"_s, u"vda"_s}));

    // Every device's XML is exactly the text of its element, so detach sends what libvirt has.
    for (const VmDevice &d : c.devices) {
        EXPECT_TRUE(xml.contains(d.xml)) << d.xml.toStdString();
        QDomDocument one;
        EXPECT_TRUE(bool(one.setContent(d.xml))) << d.xml.toStdString();
    }
    EXPECT_TRUE(vda->xml.startsWith(u"<disk type='volume' device='disk'>"_s));
    EXPECT_TRUE(vda->xml.endsWith(u"</disk>"_s));

    const arch::GuestFacts f = c.facts();
    EXPECT_EQ(f.vcpus, 2);
    EXPECT_EQ(f.maxVcpus, 4);
    EXPECT_TRUE(f.hasBalloon);
    EXPECT_FALSE(f.hasNumaCell);
    EXPECT_EQ(c.freeRootPorts, 0) << "every pcie-root-port has a device behind it";
    EXPECT_EQ(f.freePciSlots, 0);
    const arch::GuestContext gc = c.context();
    EXPECT_EQ(gc.arch, u"x86_64"_s);
    EXPECT_TRUE(gc.running);
    EXPECT_EQ(gc.firmware, u"efi"_s);
}

TEST(VmConfig, InactiveX86HasKindIndexIds)
{
    const VmConfig c =
        models::parseVmConfig(test::vmeditFixture(u"x86_64-q35-uefi.xml"_s).toUtf8());
    EXPECT_FALSE(c.running);
    EXPECT_EQ(ids(c, u"video"_s), QStringList{u"video0"_s});
    EXPECT_EQ(ids(c, u"console"_s), (QStringList{u"serial0"_s, u"console0"_s}));
    EXPECT_EQ(ids(c, u"input"_s), (QStringList{u"input0"_s, u"input1"_s, u"input2"_s}));
    EXPECT_EQ(c.device(u"serial0"_s)->model, u"serial"_s);
}

TEST(VmConfig, Ppc64lePseries)
{
    const VmConfig c =
        models::parseVmConfig(test::vmeditFixture(u"ppc64le-pseries.xml"_s).toUtf8());
    EXPECT_EQ(c.arch, u"ppc64le"_s);
    EXPECT_EQ(c.machine, u"pseries-7.2"_s);
    EXPECT_EQ(c.vcpus, 4);
    EXPECT_EQ(c.maxVcpus, 8);
    EXPECT_EQ(c.cores, 4);
    EXPECT_EQ(c.threads, 2);
    EXPECT_EQ(c.facts().threadsPerCore, 2);
    EXPECT_EQ(c.cpu.mode, arch::CpuMode::HostPassthrough);
    EXPECT_EQ(c.memoryMiB, 4096);
    EXPECT_TRUE(c.firmware.isEmpty()) << "SLOF, the arch's default";
    const VmDevice *cd = c.device(u"sda"_s);
    ASSERT_TRUE(cd);
    EXPECT_EQ(cd->kind, u"cdrom"_s);
    EXPECT_EQ(cd->model, u"spapr-vscsi"_s) << "a SCSI CD-ROM on the ibmvscsi controller";
    EXPECT_TRUE(cd->source.isEmpty()) << "no medium";
    EXPECT_EQ(c.device(u"scsi0"_s)->model, u"scsi/ibmvscsi"_s);
    EXPECT_EQ(c.bootOrder(), QStringList{u"vda"_s});
    EXPECT_EQ(c.freeRootPorts, -1) << "pseries is no PCI Express machine";
}

TEST(VmConfig, Aarch64VirtLegacyBootDev)
{
    const VmConfig c = models::parseVmConfig(test::vmeditFixture(u"aarch64-virt.xml"_s).toUtf8());
    EXPECT_EQ(c.arch, u"aarch64"_s);
    EXPECT_EQ(c.virtType, arch::VirtType::Qemu);
    EXPECT_EQ(c.firmware, u"efi"_s);
    EXPECT_EQ(c.cpu.mode, arch::CpuMode::Custom);
    EXPECT_EQ(c.cpu.model, u"cortex-a57"_s);
    EXPECT_EQ(c.osBootDevices, QStringList{u"hd"_s});
    EXPECT_EQ(c.bootOrder(), QStringList{u"vda"_s}) << "<boot dev='hd'> is the first disk";
    EXPECT_EQ(c.device(u"sda"_s)->source, u"isos/debian-12-arm64.iso"_s);
    EXPECT_EQ(c.device(u"sda"_s)->model, u"scsi"_s);
    EXPECT_EQ(c.freeRootPorts, 1) << "only root port 5 has no device behind it";
}

TEST(VmConfig, S390x)
{
    const VmConfig c = models::parseVmConfig(test::vmeditFixture(u"s390x.xml"_s).toUtf8());
    EXPECT_EQ(c.arch, u"s390x"_s);
    EXPECT_EQ(c.cpu.mode, arch::CpuMode::HostModel);
    EXPECT_EQ(ids(c, u"console"_s), QStringList{u"console0"_s});
    EXPECT_EQ(c.device(u"console0"_s)->model, u"sclp"_s);
    EXPECT_EQ(c.device(u"console0"_s)->label(), VmConfig::tr("SCLP console"));
    EXPECT_EQ(c.bootOrder(), QStringList{u"vda"_s});
    EXPECT_EQ(c.devicesOf(u"other"_s).size(), 1) << "the panic device";
}

TEST(VmConfig, MemoryUnits)
{
    const VmConfig c = models::parseVmConfig(R"(<domain type='kvm'><name>u</name>
        <memory unit='GiB'>4</memory><currentMemory>1048576</currentMemory>
        <maxMemory slots='16' unit='M'>16384</maxMemory><vcpu>2</vcpu>
        <cpu><topology sockets='1' cores='2' threads='1'/><numa>
        <cell id='0' cpus='0-1' memory='4' unit='GiB'/></numa></cpu>
        <devices><memory model='dimm'><target><size unit='MiB'>512</size><node>0</node>
        </target></memory></devices></domain>)");
    EXPECT_EQ(c.memoryMiB, 4096);
    EXPECT_EQ(c.currentMemoryMiB, 1024) << "KiB when no unit is given";
    EXPECT_EQ(c.maxMemoryMiB, 16384);
    EXPECT_EQ(c.memorySlots, 16);
    EXPECT_EQ(c.vcpus, 2) << "no current: all of them";
    EXPECT_EQ(c.cpu.mode, arch::CpuMode::Default) << "a topology alone is QEMU's default CPU";
    const arch::GuestFacts f = c.facts();
    EXPECT_TRUE(f.hasNumaCell);
    EXPECT_EQ(f.freeMemorySlots, 15);
    EXPECT_EQ(c.devicesOf(u"dimm"_s).value(0).source, u"512"_s);
}

} // namespace

#include "models/vmedit/VmEditInternal.h"

namespace {

TEST(HostDevices, NodeDeviceXml)
{
    // As `virsh nodedev-dumpxml` prints them on a real host.
    const auto pci = models::vmedit::parseNodeDevice(uR"(<device>
  <name>pci_0000_00_03_0</name>
  <path>/sys/devices/pci0000:00/0000:00:03.0</path>
  <parent>computer</parent>
  <driver><name>virtio-pci</name></driver>
  <capability type='pci'>
    <class>0x020000</class>
    <domain>0</domain>
    <bus>0</bus>
    <slot>3</slot>
    <function>0</function>
    <product id='0x1041'>Virtio 1.0 network device</product>
    <vendor id='0x1af4'>Red Hat, Inc.</vendor>
  </capability>
</device>)"_s);
    ASSERT_TRUE(pci);
    EXPECT_EQ(pci->name, u"pci_0000_00_03_0"_s);
    EXPECT_EQ(pci->kind, u"pci-host"_s);
    EXPECT_EQ(pci->address, u"0000:00:03.0"_s);
    EXPECT_EQ(pci->vendorId, u"1af4"_s);
    EXPECT_EQ(pci->productId, u"1041"_s);
    EXPECT_EQ(pci->label, u"Red Hat, Inc. Virtio 1.0 network device (00:03.0)"_s);

    const auto usb = models::vmedit::parseNodeDevice(uR"(<device>
  <name>usb_1_2</name>
  <parent>usb_usb1</parent>
  <capability type='usb_device'>
    <bus>1</bus>
    <device>2</device>
    <product id='0xc52b'>Unifying Receiver</product>
    <vendor id='0x046d'>Logitech, Inc.</vendor>
  </capability>
</device>)"_s);
    ASSERT_TRUE(usb);
    EXPECT_EQ(usb->kind, u"usb-host"_s);
    EXPECT_EQ(usb->address, u"1.2"_s);
    EXPECT_EQ(usb->label, u"Logitech, Inc. Unifying Receiver (046d:c52b)"_s);

    EXPECT_FALSE(models::vmedit::parseNodeDevice(
        u"<device><name>computer</name><capability type='system'/></device>"_s));
}

} // namespace

// Found by the domain_xml fuzz target (UBSan): a memory size beyond 64 bits of bytes,
// such as a hostile host's 100-digit <memory>, was converted to an integer out of range.
// Such sizes, and negative, inf and nan ones, read as no size (0), as text that is not a
// number does; libvirt's real largest sizes still read exactly.
TEST(VmConfig, MemorySizesNoHostCanHaveReadAsNoSize)
{
    const auto memoryOf = [](const QString &value, const QString &unit) {
        const QString xml = u"<domain type='kvm'><name>m</name><memory unit='%1'>%2</memory>"
                            "<os><type arch='x86_64'>hvm</type></os></domain>"_s.arg(unit, value);
        return models::parseVmConfig(xml.toUtf8()).memoryMiB;
    };
    EXPECT_EQ(memoryOf(u"1"_s + QString(100, u'1'), u"KiB"_s), 0);
    EXPECT_EQ(memoryOf(u"1e300"_s, u"TiB"_s), 0);
    EXPECT_EQ(memoryOf(u"inf"_s, u"KiB"_s), 0);
    EXPECT_EQ(memoryOf(u"nan"_s, u"KiB"_s), 0);
    EXPECT_EQ(memoryOf(u"-1048576"_s, u"KiB"_s), 0);
    EXPECT_EQ(memoryOf(u"262144"_s, u"KiB"_s), 256);
    EXPECT_EQ(memoryOf(u"16383"_s, u"TiB"_s), 16383LL * 1024 * 1024);
}
