// The migration check's judgement against captured QEMU capabilities (a Debian 12 x86_64
// KVM host, a POWER9 and a z15 host), the migrate flags and the progress text.
#include "arch/Capabilities.h"
#include "common/TestSupport.h"
#include "models/migration/MigrationInternal.h"

#include <libvirt/libvirt.h>

#include <QFile>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace crossvirt;
using namespace crossvirt::models;

namespace {

QByteArray readFile(const QString &relative)
{
    QFile f(test::sourcePath(relative));
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << relative.toStdString();
    return f.readAll();
}

std::optional<arch::HostCapabilities> caps(const char *file)
{
    return hypervisorCapabilities(
        readFile(u"tests/data/capabilities/%1"_s.arg(QLatin1String(file))));
}

const QByteArray kWebXml = R"(<domain type='kvm'>
  <name>web</name><uuid>11111111-2222-3333-4444-555555555555</uuid>
  <memory unit='MiB'>2048</memory><vcpu>2</vcpu>
  <os><type arch='x86_64' machine='q35'>hvm</type></os>
  <cpu mode='custom' match='exact'><model fallback='forbid'>Skylake-Client</model></cpu>
  <devices>
    <disk type='file' device='disk'><driver name='qemu' type='qcow2'/>
      <source file='/var/lib/libvirt/images/web.qcow2'/><target dev='vda' bus='virtio'/></disk>
    <disk type='file' device='disk'><driver name='qemu' type='raw'/>
      <source file='/srv/shared/data.raw'/><target dev='vdb' bus='virtio'/><shareable/></disk>
    <disk type='file' device='cdrom'><driver name='qemu' type='raw'/>
      <source file='/iso/debian.iso'/><target dev='sda' bus='sata'/><readonly/></disk>
    <disk type='network' device='disk'><source protocol='rbd' name='pool/img'/>
      <target dev='vdc' bus='virtio'/></disk>
    <interface type='network'><source network='default'/><model type='virtio'/></interface>
    <interface type='network'><source network='backend'/><model type='virtio'/></interface>
  </devices>
</domain>)";

MigrationDestination destination(const std::optional<arch::HostCapabilities> &hostCaps,
                                 const QString &guestArch)
{
    MigrationDestination d;
    d.uri = u"qemu+tcp://other/system"_s;
    d.displayName = u"other"_s;
    d.connected = true;
    d.hostCaps = hostCaps;
    d.runsNatively = hostCaps && hostCaps->runsNatively(guestArch);
    d.emulates = hostCaps && hostCaps->canEmulate(guestArch);
    d.presentPaths = {u"/var/lib/libvirt/images/web.qcow2"_s, u"/iso/debian.iso"_s};
    d.poolFolders = {u"/var/lib/libvirt/images"_s};
    return d;
}

bool has(const MigrationTarget &t, const QString &what)
{
    for (const arch::PortabilityProblem &p : t.problems) {
        if (p.what.startsWith(what))
            return true;
    }
    return false;
}

} // namespace

TEST(MigrationJudge, ReadsTheVmWithItsCanonicalMachineDisksAndNetworks)
{
    const auto x86 = caps("debian12-x86_64-kvm-capabilities.xml");
    ASSERT_TRUE(x86.has_value());
    const MigrationSource s = parseMigrationSource(kWebXml, &*x86);
    EXPECT_EQ(s.name, u"web"_s);
    EXPECT_EQ(s.guest.machine, u"pc-q35-7.2"_s) << "the alias resolved by the source's QEMU";
    EXPECT_TRUE(s.cpuXml.startsWith(u"<cpu"_s));
    EXPECT_TRUE(s.cpuXml.contains(u"Skylake-Client"_s));
    EXPECT_EQ(s.networks, (QStringList{u"default"_s, u"backend"_s}));
    ASSERT_EQ(s.disks.size(), 1) << "shareable and network disks are not copied";
    EXPECT_EQ(s.disks.first().target, u"vda"_s);
    EXPECT_EQ(s.disks.first().format, u"qcow2"_s);
    ASSERT_EQ(s.media.size(), 1);
    EXPECT_EQ(s.media.first().path, u"/iso/debian.iso"_s);
}

TEST(MigrationJudge, TestDriverCapabilitiesDescribeNoHypervisor)
{
    EXPECT_FALSE(hypervisorCapabilities(QByteArray()).has_value());
    EXPECT_FALSE(hypervisorCapabilities(
                     "<capabilities><host><cpu><arch>i686</arch></cpu></host><guest><os_type>"
                     "hvm</os_type><arch name='i686'><domain type='test'/></arch></guest>"
                     "</capabilities>")
                     .has_value());
    EXPECT_TRUE(caps("handwritten-ppc64le-power9-kvm-capabilities.xml").has_value());
    EXPECT_TRUE(
        hostCpuXml(readFile(u"tests/data/capabilities/debian12-x86_64-kvm-capabilities.xml"_s))
            .contains(u"<model>kvm64</model>"_s));
}

TEST(MigrationJudge, HostWithoutTheGuestArchIsRefusedForTheArchitecture)
{
    const auto x86 = caps("debian12-x86_64-kvm-capabilities.xml");
    MigrationSource s = parseMigrationSource(kWebXml, &*x86);
    s.guest.arch = u"ppc64le"_s; // a POWER guest
    s.guest.machine = u"pseries-7.2"_s;
    s.running = true;
    const auto z15 = caps("handwritten-s390x-z15-kvm-capabilities.xml");
    ASSERT_TRUE(z15.has_value());
    const MigrationTarget t = judgeMigrationTarget(s, destination(z15, u"ppc64le"_s), {});
    EXPECT_FALSE(t.possible());
    ASSERT_FALSE(t.problems.isEmpty());
    EXPECT_EQ(t.problems.first().what, u"Architecture ppc64le"_s);
}

TEST(MigrationJudge, SameHostTypeWithSharedStorageIsPossible)
{
    const auto x86 = caps("debian12-x86_64-kvm-capabilities.xml");
    MigrationSource s = parseMigrationSource(kWebXml, &*x86);
    s.running = true;
    MigrationDestination d = destination(x86, u"x86_64"_s);
    d.cpu = arch::CpuVerdict::Superset;
    const MigrationTarget t = judgeMigrationTarget(s, d, {});
    EXPECT_TRUE(t.possible()) << t.reasonLines().join(u'\n').toStdString();
    EXPECT_TRUE(t.storageShared);
}

TEST(MigrationJudge, NamesWhatDiffers)
{
    const auto x86 = caps("debian12-x86_64-kvm-capabilities.xml");
    MigrationSource s = parseMigrationSource(kWebXml, &*x86);
    s.running = true;
    s.guest.machine = u"pc-q35-9.9"_s; // made by a newer QEMU
    MigrationDestination d = destination(x86, u"x86_64"_s);
    d.cpu = arch::CpuVerdict::Incompatible;
    d.cpuDetail = u"Host CPU does not provide required features: avx512f"_s;
    d.cpuSuggestion = u"Haswell"_s;
    d.missingNetworks = {u"backend"_s};
    d.presentPaths.clear();
    d.nameTakenBy = u"web"_s;
    const MigrationTarget t = judgeMigrationTarget(s, d, {});
    const QString all = t.reasonLines().join(u'\n');
    EXPECT_TRUE(has(t, u"Machine type"_s)) << all.toStdString();
    EXPECT_TRUE(all.contains(u"avx512f"_s)) << all.toStdString();
    EXPECT_TRUE(all.contains(u"Haswell"_s)) << all.toStdString();
    EXPECT_TRUE(all.contains(u"Network backend: That host has no network “backend”"_s));
    EXPECT_TRUE(all.contains(u"vda (/var/lib/libvirt/images/web.qcow2) is not on that host: "
                             "choose Copy storage"_s))
        << all.toStdString();
    EXPECT_TRUE(all.contains(u"sda (/iso/debian.iso)"_s)) << all.toStdString();
    EXPECT_TRUE(has(t, u"Name"_s));
}

TEST(MigrationJudge, CopyStorageOfAShutOffVmIsRefused)
{
    const auto x86 = caps("debian12-x86_64-kvm-capabilities.xml");
    MigrationSource s = parseMigrationSource(kWebXml, &*x86);
    s.running = false;
    MigrationDestination d = destination(x86, u"x86_64"_s);
    d.presentPaths = {u"/iso/debian.iso"_s};
    arch::MigrationMode copy;
    copy.copyStorage = true;
    const MigrationTarget t = judgeMigrationTarget(s, d, copy);
    EXPECT_TRUE(has(t, u"Copy storage"_s)) << t.reasonLines().join(u'\n').toStdString();
    EXPECT_EQ(t.disksToCopy, QStringList{u"vda"_s});
}

TEST(MigrationJudge, FlagsFollowTheVmStateAndTheChoices)
{
    const unsigned long keep = VIR_MIGRATE_PERSIST_DEST | VIR_MIGRATE_UNDEFINE_SOURCE;
    EXPECT_EQ(migrationFlags(true, true, false, false), keep | VIR_MIGRATE_LIVE);
    EXPECT_EQ(migrationFlags(true, true, true, false),
              keep | VIR_MIGRATE_LIVE | VIR_MIGRATE_NON_SHARED_DISK);
    EXPECT_EQ(migrationFlags(true, false, false, true),
              keep | VIR_MIGRATE_PEER2PEER | VIR_MIGRATE_TUNNELLED);
    EXPECT_EQ(migrationFlags(false, true, false, false), keep | VIR_MIGRATE_OFFLINE);
    EXPECT_EQ(migrationStreamUri(u"qemu+tcp://10.0.0.2/system"_s, {}), u"tcp://10.0.0.2"_s);
    EXPECT_EQ(migrationStreamUri(u"qemu+ssh://root@h2/system"_s, u"192.168.5.2"_s),
              u"tcp://192.168.5.2"_s);
    EXPECT_EQ(migrationStreamUri(u"qemu:///system"_s, {}), QString());
}

TEST(MigrationJudge, ProgressPercentAndText)
{
    MigrationProgress p;
    EXPECT_EQ(p.percent(), 0);
    p.dataTotal = 4000;
    p.dataProcessed = 1000;
    p.dataRemaining = 3000;
    EXPECT_EQ(p.percent(), 25);
    p.memoryTotal = 2048ull << 20;
    p.memoryRemaining = 120ull << 20;
    p.downtimeMs = 300;
    EXPECT_TRUE(p.text().contains(u"Memory: 120"_s)) << p.text().toStdString();
    EXPECT_TRUE(p.text().contains(u"300 ms"_s));
    p.diskTotal = 2ull << 30;
    p.diskRemaining = 320ull << 20;
    EXPECT_TRUE(p.text().startsWith(u"Copying disks: 320.0 MiB of 2.0 GiB remaining"_s))
        << p.text().toStdString();
}

TEST(MigrationJudge, CopyStorageThroughATunnelIsRefusedBeforeLibvirt)
{
    MigrationTarget target;
    target.connected = true;
    target.disksToCopy = {u"vda"_s};
    MigrationRequest request;
    request.mode.copyStorage = true;
    request.tunnelled = true;
    const QStringList no = migrationRequestProblems(request, target);
    ASSERT_EQ(no.size(), 1);
    EXPECT_TRUE(no.first().contains(u"vda"_s));
    request.tunnelled = false;
    EXPECT_TRUE(migrationRequestProblems(request, target).isEmpty());
    request.tunnelled = true;
    target.disksToCopy.clear(); // shared storage: nothing to copy, the tunnel is fine
    EXPECT_TRUE(migrationRequestProblems(request, target).isEmpty());
}

TEST(MigrationJudge, PoolVolumeDisksAreFoundByPoolAndVolumeName)
{
    const QByteArray xml = R"(<domain type='qemu'><name>p</name><uuid>1-2</uuid>
  <os><type arch='ppc64le' machine='pseries-7.2'>hvm</type></os>
  <devices><disk type='volume' device='disk'><driver name='qemu' type='qcow2'/>
    <source pool='images' volume='p.qcow2'/><target dev='vda' bus='virtio'/></disk></devices>
</domain>)";
    MigrationSource s = parseMigrationSource(xml, nullptr);
    ASSERT_EQ(s.disks.size(), 1);
    EXPECT_EQ(s.disks.first().key(), u"pool:images/p.qcow2"_s);
    s.running = true;
    MigrationDestination d;
    d.connected = true;
    d.emulates = true;
    arch::MigrationMode copy;
    copy.copyStorage = true;
    MigrationTarget t = judgeMigrationTarget(s, d, copy);
    EXPECT_TRUE(t.reasonLines().join(u'\n').contains(u"storage pool “images”"_s))
        << t.reasonLines().join(u'\n').toStdString();
    d.poolNames = {u"images"_s};
    t = judgeMigrationTarget(s, d, copy);
    EXPECT_FALSE(has(t, u"Storage"_s)) << t.reasonLines().join(u'\n').toStdString();
    EXPECT_EQ(t.disksToCopy, QStringList{u"vda"_s});
    d.presentPaths = {u"pool:images/p.qcow2"_s};
    EXPECT_TRUE(judgeMigrationTarget(s, d, {}).storageShared);
}
