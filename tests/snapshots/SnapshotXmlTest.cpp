// models/snapshots/SnapshotXml: what a domain's disks say for snapshots, a snapshot's XML
// read back, the tree order, and the <domainsnapshot> an external request becomes.
#include "models/snapshots/SnapshotXml.h"

#include <QDomDocument>
#include <gtest/gtest.h>

using namespace crossvirt;
using namespace crossvirt::models;
using namespace Qt::StringLiterals;

namespace {

SnapshotInfo snap(const QString &name, const QString &parent, qint64 secs)
{
    SnapshotInfo s;
    s.name = name;
    s.parent = parent;
    s.created = QDateTime::fromSecsSinceEpoch(secs);
    return s;
}

QStringList names(const QList<SnapshotInfo> &list)
{
    QStringList out;
    for (const SnapshotInfo &s : list)
        out << s.name;
    return out;
}

} // namespace

TEST(SnapshotXmlTest, ReadsWhichDisksASnapshotTakes)
{
    const QString xml = uR"(<domain type='kvm'><name>g</name><devices>
      <disk type='file' device='disk'><driver name='qemu' type='qcow2'/>
        <source file='/img/g.qcow2'/><target dev='vda' bus='virtio'/></disk>
      <disk type='file' device='disk'><source file='/img/data.img'/><target dev='vdb'/></disk>
      <disk type='file' device='disk'><driver type='raw'/><source file='/img/base.img'/>
        <target dev='vdc'/><readonly/></disk>
      <disk type='file' device='cdrom'><driver type='raw'/><target dev='sda'/><readonly/></disk>
      <disk type='network' device='disk'><driver type='raw'/>
        <source protocol='rbd' name='pool/img'/><target dev='vdd'/></disk>
      <disk type='volume' device='disk'><driver type='qcow2'/>
        <source pool='default' volume='v.qcow2'/><target dev='vde'/></disk>
    </devices></domain>)"_s;
    const QList<snapshotxml::SnapshotDisk> disks = snapshotxml::readDisks(xml);
    ASSERT_EQ(disks.size(), 6);
    EXPECT_EQ(disks[0].format, u"qcow2"_s);
    EXPECT_TRUE(disks[0].snapshotted());
    EXPECT_EQ(disks[0].path, u"/img/g.qcow2"_s);
    // No <driver type>: QEMU reads it as raw, and so does the qcow2 rule.
    EXPECT_EQ(disks[1].format, u"raw"_s);
    EXPECT_TRUE(disks[1].snapshotted());
    EXPECT_FALSE(disks[2].snapshotted()); // read-only
    EXPECT_FALSE(disks[3].snapshotted()); // empty CD-ROM
    EXPECT_TRUE(disks[4].snapshotted());
    EXPECT_FALSE(disks[4].isLocal());
    EXPECT_TRUE(disks[5].isLocal());
    EXPECT_EQ(disks[5].pool, u"default"_s);
    EXPECT_EQ(disks[5].volume, u"v.qcow2"_s);
}

TEST(SnapshotXmlTest, ReadsAnExternalDiskOnlySnapshot)
{
    const SnapshotInfo s = snapshotxml::parseSnapshot(uR"(<domainsnapshot>
      <name>before-upgrade</name><description>kernel 6.1</description>
      <state>disk-snapshot</state><parent><name>base</name></parent>
      <creationTime>1700000000</creationTime><memory snapshot='no'/>
      <disks><disk name='vda' snapshot='external' type='file'>
        <source file='/img/g.before-upgrade.qcow2'/></disk>
        <disk name='sda' snapshot='no'/></disks>
      <domain type='kvm'><name>g</name><devices><disk><source file='/x'/></disk></devices>
      </domain></domainsnapshot>)"_s);
    EXPECT_EQ(s.name, u"before-upgrade"_s);
    EXPECT_EQ(s.description, u"kernel 6.1"_s);
    EXPECT_EQ(s.parent, u"base"_s);
    EXPECT_EQ(s.state, u"disk-snapshot"_s);
    EXPECT_EQ(s.created.toSecsSinceEpoch(), 1700000000);
    EXPECT_EQ(s.location, arch::SnapshotLocation::External);
    EXPECT_FALSE(s.withMemory);
    EXPECT_EQ(s.stateLabel(), u"External, disks only"_s);
}

TEST(SnapshotXmlTest, ReadsAnInternalCheckpoint)
{
    const SnapshotInfo s = snapshotxml::parseSnapshot(
        u"<domainsnapshot><name>s1</name><state>running</state><creationTime>5</creationTime>"
        u"<memory snapshot='internal'/><disks><disk name='vda' snapshot='internal'/></disks>"
        u"</domainsnapshot>"_s);
    EXPECT_EQ(s.location, arch::SnapshotLocation::Internal);
    EXPECT_TRUE(s.withMemory);
    EXPECT_TRUE(s.parent.isEmpty());
    EXPECT_EQ(s.stateLabel(), u"Running, with memory"_s);
}

TEST(SnapshotXmlTest, OrdersParentsBeforeChildrenAndSiblingsByTime)
{
    // Listed in libvirt's arbitrary order; two siblings in the same second go by name,
    // numbers as numbers.
    const QList<SnapshotInfo> ordered = snapshotxml::treeOrder(
        {snap(u"snapshot10"_s, u"root"_s, 20), snap(u"late-root"_s, {}, 30),
         snap(u"snapshot2"_s, u"root"_s, 20), snap(u"grandchild"_s, u"snapshot2"_s, 25),
         snap(u"root"_s, {}, 10), snap(u"orphan"_s, u"gone"_s, 40)});
    EXPECT_EQ(names(ordered), (QStringList{u"root"_s, u"snapshot2"_s, u"grandchild"_s,
                                           u"snapshot10"_s, u"late-root"_s, u"orphan"_s}));
    EXPECT_EQ(ordered[0].children, (QStringList{u"snapshot2"_s, u"snapshot10"_s}));
    EXPECT_EQ(ordered[1].children, QStringList{u"grandchild"_s});

    VmSnapshots v;
    v.snapshots = ordered;
    EXPECT_EQ(v.subtree(u"root"_s),
              (QStringList{u"grandchild"_s, u"snapshot2"_s, u"snapshot10"_s, u"root"_s}));
    EXPECT_TRUE(v.subtree(u"nope"_s).isEmpty());
}

TEST(SnapshotXmlTest, SuggestsTheFirstFreeNameAndRefusesBadOnes)
{
    VmSnapshots v;
    v.vmName = u"web"_s;
    EXPECT_EQ(suggestedSnapshotName(v), u"snapshot1"_s);
    v.snapshots = {snap(u"snapshot1"_s, {}, 1), snap(u"snapshot3"_s, {}, 2)};
    EXPECT_EQ(suggestedSnapshotName(v), u"snapshot2"_s);
    EXPECT_TRUE(snapshotNameProblem(v, u"snapshot2"_s).isEmpty());
    EXPECT_TRUE(snapshotNameProblem(v, u"snapshot1"_s).contains(u"already has"_s));
    EXPECT_FALSE(snapshotNameProblem(v, u"  "_s).isEmpty());
    EXPECT_FALSE(snapshotNameProblem(v, u"a/b"_s).isEmpty());
    EXPECT_FALSE(snapshotNameProblem(v, u"-x"_s).isEmpty());
}

TEST(SnapshotXmlTest, WritesAnExternalSnapshotWithMemory)
{
    const QString overlay = snapshotxml::overlayPath(u"/img/"_s, u"/img/g.disk.qcow2"_s, u"s1"_s);
    EXPECT_EQ(overlay, u"/img/g.disk.s1.qcow2"_s);
    const QString xml = snapshotxml::snapshotXml(
        u"s1"_s, u"before <upgrade>"_s,
        {{u"vda"_s, u"external"_s, overlay}, {u"sda"_s, u"no"_s, {}}}, u"/img/g.s1.mem"_s);
    QDomDocument doc;
    ASSERT_TRUE(bool(doc.setContent(xml))) << qPrintable(xml);
    const QDomElement root = doc.documentElement();
    EXPECT_EQ(root.firstChildElement(u"description"_s).text(), u"before <upgrade>"_s);
    const QDomElement memory = root.firstChildElement(u"memory"_s);
    EXPECT_EQ(memory.attribute(u"snapshot"_s), u"external"_s);
    EXPECT_EQ(memory.attribute(u"file"_s), u"/img/g.s1.mem"_s);
    const QDomElement vda = root.firstChildElement(u"disks"_s).firstChildElement(u"disk"_s);
    EXPECT_EQ(vda.attribute(u"name"_s), u"vda"_s);
    EXPECT_EQ(vda.attribute(u"snapshot"_s), u"external"_s);
    EXPECT_EQ(vda.firstChildElement(u"source"_s).attribute(u"file"_s), overlay);
    EXPECT_EQ(vda.firstChildElement(u"driver"_s).attribute(u"type"_s), u"qcow2"_s);
    EXPECT_EQ(vda.nextSiblingElement(u"disk"_s).attribute(u"snapshot"_s), u"no"_s);

    // Disk-only: memory 'no'; internal: neither <memory> nor <disks> (libvirt decides).
    EXPECT_TRUE(snapshotxml::snapshotXml(u"s2"_s, {}, {{u"vda"_s, u"external"_s, overlay}}, {})
                    .contains(u"<memory snapshot=\"no\"/>"_s));
    const QString internal = snapshotxml::snapshotXml(u"s3"_s, {}, {}, {});
    EXPECT_FALSE(internal.contains(u"memory"_s));
    EXPECT_FALSE(internal.contains(u"disks"_s));
}
