// planClone on real domain XMLs (tests/vmedit/data): virt-clone's rules for names, UUIDs,
// MACs, graphics ports and the NVRAM, which disks are copied, shared or kept, the new
// volumes' names, and every refusal.
#include "models/clone/VmClone.h"

#include "common/TestSupport.h"

#include <QDomDocument>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <gtest/gtest.h>

using namespace crossvirt::models;
using namespace Qt::StringLiterals;

namespace {

constexpr quint64 kGiB = quint64(1) << 30;

QString fixture(const QString &name)
{
    QFile f(crossvirt::test::sourcePath(u"tests/vmedit/data/"_s + name));
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << name.toStdString();
    return QString::fromUtf8(f.readAll());
}

/// A disk on volume `volume` of pool "default".
CloneDiskSource disk(const QString &target, const QString &device, const QString &volume,
                     const QString &format)
{
    CloneDiskSource d;
    d.target = target;
    d.device = device;
    d.path = u"/var/lib/libvirt/images/"_s + volume;
    d.pool = u"default"_s;
    d.volume = volume;
    d.format = format;
    return d;
}

/// The x86_64 q35 UEFI guest "web": vda (qcow2 in pool "default"), sda (an ISO), one NIC.
CloneSource webSource()
{
    CloneSource s;
    s.uri = u"qemu:///system"_s;
    s.uuid = u"5a0e2f3c-1d7b-4c3e-8f00-0000000000a1"_s;
    s.name = u"web"_s;
    s.inactiveXml = fixture(u"x86_64-q35-uefi.xml"_s);
    CloneDiskSource vda = disk(u"vda"_s, u"disk"_s, u"web.qcow2"_s, u"qcow2"_s);
    vda.capacity = 20 * kGiB;
    vda.allocation = 3 * kGiB;
    CloneDiskSource sda = disk(u"sda"_s, u"cdrom"_s, u"debian-12.iso"_s, u"raw"_s);
    sda.readOnly = true;
    s.disks = {vda, sda};
    s.nvramPath = u"/var/lib/libvirt/qemu/nvram/web_VARS.fd"_s;
    s.nvramTemplate = u"/usr/share/OVMF/OVMF_VARS_4M.fd"_s;
    s.otherVmNames = {u"web"_s, u"db"_s, u"web-clone"_s};
    s.usedMacs = {u"52:54:00:6b:3c:01"_s, u"52:54:00:12:34:56"_s};
    s.poolVolumes = {{u"default"_s, {u"web.qcow2"_s, u"debian-12.iso"_s, u"db.qcow2"_s}},
                     {u"fast"_s, {}}};
    s.poolAvailable = {{u"default"_s, 50 * kGiB}, {u"fast"_s, 10 * kGiB}};
    return s;
}

CloneRequest named(const QString &name)
{
    CloneRequest r;
    r.newName = name;
    return r;
}

QDomDocument parsed(const ClonePlan &plan)
{
    QDomDocument doc;
    EXPECT_TRUE(doc.setContent(plan.domainXml)) << plan.domainXml.toStdString();
    return doc;
}

QDomElement devices(const QDomDocument &doc)
{
    return doc.documentElement().firstChildElement(u"devices"_s);
}

const CloneDiskPlan *diskOf(const ClonePlan &plan, const QString &target)
{
    for (const CloneDiskPlan &d : plan.disks) {
        if (d.source.target == target)
            return &d;
    }
    return nullptr;
}

std::string problems(const ClonePlan &plan)
{
    return plan.problems.join(u" | "_s).toStdString();
}

TEST(PlanClone, NewNameUuidAndUnknownElementsKept)
{
    const ClonePlan plan = planClone(webSource(), named(u"web2"_s));
    ASSERT_TRUE(plan.ok()) << problems(plan);
    const QDomDocument doc = parsed(plan);
    const QDomElement root = doc.documentElement();
    EXPECT_EQ(root.firstChildElement(u"name"_s).text(), u"web2"_s);
    EXPECT_EQ(root.firstChildElement(u"uuid"_s).text(), plan.newUuid);
    EXPECT_NE(plan.newUuid, webSource().uuid);
    EXPECT_EQ(plan.newUuid.size(), 36);
    // Other tools' metadata, the title and devices Crossvirt does not model stay.
    EXPECT_TRUE(plan.domainXml.contains(u"libosinfo"_s));
    EXPECT_EQ(root.firstChildElement(u"title"_s).text(), u"Web server"_s);
    EXPECT_FALSE(devices(doc).firstChildElement(u"watchdog"_s).isNull());
    EXPECT_FALSE(devices(doc).firstChildElement(u"rng"_s).isNull());
    EXPECT_EQ(plan.sourceName, u"web"_s);
    EXPECT_EQ(plan.newName, u"web2"_s);
}

TEST(PlanClone, MacsAreNewAndUniqueOnTheHost)
{
    // Three NICs, and the MAC the generator draws first is already used on the host.
    CloneSource source = webSource();
    const QString nic = uR"(<interface type='network'><mac address='52:54:00:6b:3c:0%1'/>
<source network='default'/><target dev='vnet%1'/><model type='virtio'/></interface>)"_s;
    source.inactiveXml.replace(u"<serial type='pty'>"_s,
                               nic.arg(2) + nic.arg(3) + u"<serial type='pty'>"_s);
    QRandomGenerator random(1234);
    QRandomGenerator peek = random;
    const quint32 first = peek.generate();
    const QString firstMac = QString::asprintf("52:54:00:%02x:%02x:%02x", (first >> 16) & 0xff,
                                               (first >> 8) & 0xff, first & 0xff);
    source.usedMacs << firstMac.toUpper(); // case does not hide it

    const ClonePlan plan = planClone(source, named(u"web2"_s), random);
    ASSERT_TRUE(plan.ok()) << problems(plan);
    ASSERT_EQ(plan.newMacs.size(), 3);
    static const QRegularExpression qemuMac(u"^52:54:00(:[0-9a-f]{2}){3}$"_s);
    QStringList seen;
    for (const QString &mac : plan.newMacs) {
        EXPECT_TRUE(qemuMac.match(mac).hasMatch()) << mac.toStdString();
        EXPECT_NE(mac, firstMac) << "a MAC another VM has is never given";
        EXPECT_FALSE(source.usedMacs.contains(mac)) << mac.toStdString();
        EXPECT_FALSE(seen.contains(mac));
        EXPECT_FALSE(mac.startsWith(u"52:54:00:6b:3c:0"_s)) << "not the source's own";
        seen << mac;
    }
    // The XML carries them in NIC order, without the source's vnet names.
    QStringList inXml;
    const QDomElement devs = devices(parsed(plan));
    for (QDomElement i = devs.firstChildElement(u"interface"_s); !i.isNull();
         i = i.nextSiblingElement(u"interface"_s)) {
        inXml << i.firstChildElement(u"mac"_s).attribute(u"address"_s);
        EXPECT_TRUE(i.firstChildElement(u"target"_s).isNull());
    }
    EXPECT_EQ(inXml, plan.newMacs);
}

TEST(PlanClone, GraphicsPortsBackToAutoport)
{
    CloneSource source = webSource();
    source.inactiveXml.replace(
        u"<graphics type='vnc' port='-1' autoport='yes' listen='127.0.0.1'>"_s,
        u"<graphics type='vnc' port='5907' autoport='no' websocket='5707' "
        "listen='127.0.0.1'>"_s);
    ASSERT_TRUE(source.inactiveXml.contains(u"5907"_s));
    const ClonePlan plan = planClone(source, named(u"web2"_s));
    const QDomElement g = devices(parsed(plan)).firstChildElement(u"graphics"_s);
    EXPECT_EQ(g.attribute(u"autoport"_s), u"yes"_s);
    EXPECT_FALSE(g.hasAttribute(u"port"_s));
    EXPECT_FALSE(g.hasAttribute(u"websocket"_s));
    EXPECT_EQ(g.attribute(u"listen"_s), u"127.0.0.1"_s) << "the rest of <graphics> stays";
}

TEST(PlanClone, NvramGetsItsOwnFileBesideTheSources)
{
    const ClonePlan plan = planClone(webSource(), named(u"web2"_s));
    EXPECT_EQ(plan.nvramSource, u"/var/lib/libvirt/qemu/nvram/web_VARS.fd"_s);
    EXPECT_EQ(plan.nvramTarget, u"/var/lib/libvirt/qemu/nvram/web2_VARS.fd"_s);
    const QDomElement nvram =
        parsed(plan).documentElement().firstChildElement(u"os"_s).firstChildElement(u"nvram"_s);
    EXPECT_EQ(nvram.text(), plan.nvramTarget);
    EXPECT_EQ(nvram.attribute(u"template"_s), u"/usr/share/OVMF/OVMF_VARS_4M.fd"_s);

    // The aarch64 guest's NVRAM too; a pseries guest (SLOF) has none to copy.
    CloneSource arm = webSource();
    arm.inactiveXml = fixture(u"aarch64-virt.xml"_s);
    arm.nvramPath = u"/var/lib/libvirt/qemu/nvram/arm_VARS.fd"_s;
    EXPECT_EQ(planClone(arm, named(u"arm-2"_s)).nvramTarget,
              u"/var/lib/libvirt/qemu/nvram/arm-2_VARS.fd"_s);
    CloneSource ppc = webSource();
    ppc.inactiveXml = fixture(u"ppc64le-pseries.xml"_s);
    ppc.nvramPath.clear();
    const ClonePlan ppcPlan = planClone(ppc, named(u"ppc-2"_s));
    EXPECT_TRUE(ppcPlan.nvramSource.isEmpty());
    EXPECT_TRUE(ppcPlan.nvramTarget.isEmpty());
}

TEST(PlanClone, WritableDisksCopiedMediaSharedEmptyDrivesKept)
{
    CloneSource source = webSource();
    CloneDiskSource empty;
    empty.target = u"sdb"_s;
    empty.device = u"cdrom"_s;
    empty.readOnly = true;
    source.disks << empty;
    source.otherVmNames << u"web2"_s;
    source.poolVolumes[u"default"_s] << u"web3.qcow2"_s; // taken: the next name is used

    const ClonePlan plan = planClone(source, named(u"web3"_s));
    ASSERT_TRUE(plan.ok()) << problems(plan);
    const CloneDiskPlan *vda = diskOf(plan, u"vda"_s);
    ASSERT_TRUE(vda);
    EXPECT_EQ(vda->mode, CloneDiskMode::Copy);
    EXPECT_EQ(vda->newPool, u"default"_s);
    EXPECT_EQ(vda->newVolume, u"web3-1.qcow2"_s);
    EXPECT_EQ(vda->bytes, 3 * kGiB);
    EXPECT_FALSE(vda->why.isEmpty());
    const CloneDiskPlan *sda = diskOf(plan, u"sda"_s);
    EXPECT_EQ(sda->mode, CloneDiskMode::Share);
    EXPECT_TRUE(sda->newVolume.isEmpty());
    EXPECT_TRUE(sda->why.contains(u"CD-ROM"_s)) << sda->why.toStdString();
    EXPECT_EQ(diskOf(plan, u"sdb"_s)->mode, CloneDiskMode::Keep);
    EXPECT_EQ(plan.bytesToCopy(), 3 * kGiB);
}

TEST(PlanClone, NewVolumeNamesKeepTheExtensionAndAreFreeInTheirPool)
{
    CloneSource source = webSource();
    CloneDiskSource data = source.disks.first();
    data.target = u"vdb"_s;
    data.path = u"/var/lib/libvirt/images/web-data.img"_s;
    data.volume = u"web-data.img"_s;
    data.format = u"raw"_s;
    CloneDiskSource logs = source.disks.first();
    logs.target = u"vdc"_s;
    logs.volume = u"web-logs.qcow2"_s;
    source.disks = {source.disks.first(), data, logs};
    const ClonePlan plan = planClone(source, named(u"copy"_s));
    ASSERT_TRUE(plan.ok()) << problems(plan);
    EXPECT_EQ(diskOf(plan, u"vda"_s)->newVolume, u"copy.qcow2"_s);
    EXPECT_EQ(diskOf(plan, u"vdb"_s)->newVolume, u"copy.img"_s);
    EXPECT_EQ(diskOf(plan, u"vdc"_s)->newVolume, u"copy-1.qcow2"_s);

    // Into another pool as asked.
    CloneRequest r = named(u"copy"_s);
    r.targetPool = u"fast"_s;
    const ClonePlan fast = planClone(source, r);
    ASSERT_TRUE(fast.ok()) << problems(fast);
    for (const CloneDiskPlan &d : fast.disks)
        EXPECT_EQ(d.newPool, u"fast"_s);
}

TEST(PlanClone, ReadOnlyAndShareableDisksAreShared)
{
    CloneSource source = webSource();
    CloneDiskSource base = source.disks.first();
    base.target = u"vdb"_s;
    base.volume = u"base.qcow2"_s;
    base.readOnly = true;
    CloneDiskSource cluster = source.disks.first();
    cluster.target = u"vdc"_s;
    cluster.volume = u"cluster.raw"_s;
    cluster.shareable = true;
    source.disks << base << cluster;
    CloneRequest r = named(u"web2"_s);
    r.writableDisks = CloneDiskMode::NewEmpty; // read-only and shareable ones stay shared
    const ClonePlan plan = planClone(source, r);
    ASSERT_TRUE(plan.ok()) << problems(plan);
    EXPECT_EQ(diskOf(plan, u"vda"_s)->mode, CloneDiskMode::NewEmpty);
    EXPECT_EQ(diskOf(plan, u"vdb"_s)->mode, CloneDiskMode::Share);
    EXPECT_TRUE(diskOf(plan, u"vdb"_s)->why.contains(u"read-only"_s));
    EXPECT_EQ(diskOf(plan, u"vdc"_s)->mode, CloneDiskMode::Share);
    EXPECT_TRUE(diskOf(plan, u"vdc"_s)->why.contains(u"shareable"_s));
    EXPECT_EQ(plan.bytesToCopy(), 0u);
    // The new empty disk: same size and format.
    const QString xml = diskOf(plan, u"vda"_s)->newVolumeXml;
    EXPECT_TRUE(xml.contains(QString::number(20 * kGiB))) << xml.toStdString();
    EXPECT_TRUE(xml.contains(u"qcow2"_s)) << xml.toStdString();
    EXPECT_TRUE(xml.contains(u"<name>web2.qcow2</name>"_s)) << xml.toStdString();
}

TEST(PlanClone, PerDiskChoiceOverridesTheDefault)
{
    CloneSource source = webSource();
    CloneDiskSource data = source.disks.first();
    data.target = u"vdb"_s;
    data.volume = u"web-data.qcow2"_s;
    source.disks << data;
    CloneRequest r = named(u"web2"_s);
    r.diskModes.insert(u"vdb"_s, CloneDiskMode::Share);
    r.diskModes.insert(u"sda"_s, CloneDiskMode::Copy); // an ISO is shared whatever is asked
    const ClonePlan plan = planClone(source, r);
    ASSERT_TRUE(plan.ok()) << problems(plan);
    EXPECT_EQ(diskOf(plan, u"vda"_s)->mode, CloneDiskMode::Copy);
    EXPECT_EQ(diskOf(plan, u"vdb"_s)->mode, CloneDiskMode::Share);
    EXPECT_TRUE(diskOf(plan, u"vdb"_s)->newVolume.isEmpty());
    EXPECT_EQ(diskOf(plan, u"sda"_s)->mode, CloneDiskMode::Share);
    EXPECT_EQ(plan.bytesToCopy(), 3 * kGiB) << "only vda is copied";
}

TEST(PlanClone, TakenOrInvalidNamesAreRefused)
{
    const ClonePlan taken = planClone(webSource(), named(u"db"_s));
    EXPECT_FALSE(taken.ok());
    EXPECT_FALSE(planClone(webSource(), named(u"web"_s)).ok()) << "the source's own name";
    EXPECT_FALSE(planClone(webSource(), named(u"a/b"_s)).ok());
    EXPECT_FALSE(planClone(webSource(), named({})).ok());
    EXPECT_TRUE(planClone(webSource(), named(u"web-clone1"_s)).ok());
}

TEST(PlanClone, ARunningSourceIsRefused)
{
    CloneSource source = webSource();
    source.running = true;
    const ClonePlan plan = planClone(source, named(u"web2"_s));
    ASSERT_FALSE(plan.ok());
    EXPECT_TRUE(plan.problems.join(u' ').contains(u"shut it down first"_s)) << problems(plan);
}

TEST(PlanClone, CopiesMustFitThePool)
{
    CloneSource source = webSource();
    source.poolAvailable[u"default"_s] = 2 * kGiB; // vda needs 3 GiB
    const ClonePlan plan = planClone(source, named(u"web2"_s));
    ASSERT_FALSE(plan.ok());
    EXPECT_TRUE(plan.problems.join(u' ').contains(u"“default”"_s)) << problems(plan);
    // Shared, it needs nothing.
    CloneRequest r = named(u"web2"_s);
    r.writableDisks = CloneDiskMode::Share;
    EXPECT_TRUE(planClone(source, r).ok());
    // Two disks that fit one at a time but not together.
    source.poolAvailable[u"default"_s] = 5 * kGiB;
    CloneDiskSource data = source.disks.first();
    data.target = u"vdb"_s;
    data.volume = u"web-data.qcow2"_s;
    source.disks << data;
    EXPECT_FALSE(planClone(source, named(u"web2"_s)).ok());
}

TEST(PlanClone, ADiskNoPoolManagesCannotBeCopied)
{
    CloneSource source = webSource();
    source.disks[0].pool.clear();
    source.disks[0].volume.clear();
    source.disks[0].path = u"/srv/images/web.qcow2"_s;
    const ClonePlan plan = planClone(source, named(u"web2"_s));
    ASSERT_FALSE(plan.ok());
    EXPECT_TRUE(plan.problems.join(u' ').contains(u"/srv/images/web.qcow2"_s)) << problems(plan);
    // Shared instead, it can.
    CloneRequest r = named(u"web2"_s);
    r.diskModes.insert(u"vda"_s, CloneDiskMode::Share);
    EXPECT_TRUE(planClone(source, r).ok());
    // An inactive target pool is refused too.
    CloneRequest cold = named(u"web2"_s);
    cold.targetPool = u"cold"_s;
    EXPECT_FALSE(planClone(webSource(), cold).ok());
}

TEST(PlanClone, SuggestedNamesAndModeIds)
{
    CloneSource source = webSource();
    source.otherVmNames = {u"web"_s};
    EXPECT_EQ(suggestedCloneName(source), u"web-clone"_s);
    source.otherVmNames << u"web-clone"_s << u"web-clone1"_s;
    EXPECT_EQ(suggestedCloneName(source), u"web-clone2"_s);
    for (const CloneDiskMode m : {CloneDiskMode::Copy, CloneDiskMode::Share,
                                  CloneDiskMode::NewEmpty, CloneDiskMode::Keep}) {
        EXPECT_EQ(cloneDiskModeFromId(cloneDiskModeId(m)), m);
        EXPECT_FALSE(cloneDiskModeLabel(m).isEmpty());
    }
    EXPECT_FALSE(cloneDiskModeFromId(u"bogus"_s));
}

} // namespace
