// The storage rules that need no host: pool types and their fields, capabilities parsing,
// pool and volume XML, sizes.
#include "models/storage/StorageTypes.h"

#include <QXmlStreamReader>
#include <gtest/gtest.h>

using namespace crossvirt::models;
using namespace Qt::StringLiterals;

TEST(StorageRules, PoolCapabilitiesKeepOnlySupportedKnownTypesInDialogOrder)
{
    const QString xml = uR"(<storagepoolCapabilities>
      <pool type='disk' supported='yes'/>
      <pool type='dir' supported='yes'><volOptions/></pool>
      <pool type='rbd' supported='yes'/>
      <pool type='iscsi' supported='no'/>
      <pool type='netfs' supported='yes'/>
    </storagepoolCapabilities>)"_s;
    EXPECT_EQ(parsePoolCapabilities(xml), (QStringList{u"dir"_s, u"netfs"_s, u"disk"_s}));
}

TEST(StorageRules, EachTypeAsksForItsFields)
{
    PoolSpec nfs;
    nfs.name = u"nfs"_s;
    nfs.type = u"netfs"_s;
    QStringList fields;
    for (const FieldProblem &p : StorageRules::poolProblems(nfs, {}, {}, false))
        fields << p.field;
    EXPECT_EQ(fields, (QStringList{u"target"_s, u"sourceHost"_s, u"sourcePath"_s}));

    PoolSpec unsupported = nfs;
    unsupported.targetPath = u"/mnt/nfs"_s;
    unsupported.sourceHost = u"filer"_s;
    unsupported.sourcePath = u"/export"_s;
    EXPECT_TRUE(StorageRules::poolProblems(unsupported, {}, {u"netfs"_s}, false).isEmpty());
    const auto problems = StorageRules::poolProblems(unsupported, {}, {u"dir"_s}, false);
    ASSERT_EQ(problems.size(), 1);
    EXPECT_EQ(problems.first().field, u"type"_s);
}

TEST(StorageRules, NetfsPoolXml)
{
    PoolSpec s;
    s.name = u"nfs"_s;
    s.type = u"netfs"_s;
    s.targetPath = u"/mnt/nfs"_s;
    s.sourceHost = u"filer"_s;
    s.sourcePath = u"/export/<vm>"_s;
    s.format = u"nfs"_s;
    const QString xml = poolXml(s);
    EXPECT_TRUE(xml.contains(u"<pool type=\"netfs\">"_s)) << xml.toStdString();
    EXPECT_TRUE(xml.contains(u"<host name=\"filer\"/>"_s));
    EXPECT_TRUE(xml.contains(u"<dir path=\"/export/&lt;vm&gt;\"/>"_s)) << "escaped by the writer";
    EXPECT_TRUE(xml.contains(u"<format type=\"nfs\"/>"_s));
    EXPECT_TRUE(xml.contains(u"<path>/mnt/nfs</path>"_s));
}

TEST(StorageRules, LogicalPoolDefaultsItsTargetToTheVolumeGroup)
{
    PoolSpec s;
    s.name = u"vg0"_s;
    s.type = u"logical"_s;
    s.sourceDevice = u"/dev/sdb"_s;
    const QString xml = poolXml(s);
    EXPECT_TRUE(xml.contains(u"<path>/dev/vg0</path>"_s)) << xml.toStdString();
    EXPECT_TRUE(xml.contains(u"<format type=\"lvm2\"/>"_s));
}

TEST(StorageRules, VolumeXmlWithBackingStore)
{
    VolumeSpec v;
    v.name = u"overlay.qcow2"_s;
    v.capacity = 5 * (quint64(1) << 30);
    const QString xml = volumeXml(v, u"/images/base.qcow2"_s, u"qcow2"_s);
    EXPECT_TRUE(xml.contains(u"<capacity unit=\"bytes\">5368709120</capacity>"_s));
    EXPECT_TRUE(xml.contains(u"<backingStore>"_s));
    EXPECT_TRUE(xml.contains(u"<path>/images/base.qcow2</path>"_s));
}

TEST(StorageRules, ResizeOnlyGrows)
{
    VolumeInfo v;
    v.name = u"d"_s;
    v.capacity = 10;
    EXPECT_FALSE(StorageRules::resizeProblems(v, 5, nullptr).isEmpty());
    EXPECT_FALSE(StorageRules::resizeProblems(v, 10, nullptr).isEmpty());
    EXPECT_TRUE(StorageRules::resizeProblems(v, 11, nullptr).isEmpty());
}

TEST(StorageRules, Sizes)
{
    bool ok = false;
    EXPECT_EQ(parseSize(u"10"_s, &ok), quint64(10) << 30);
    EXPECT_TRUE(ok);
    EXPECT_EQ(parseSize(u"512M"_s, &ok), quint64(512) << 20);
    EXPECT_EQ(parseSize(u"512MiB"_s, &ok), quint64(512) << 20);
    EXPECT_EQ(parseSize(u"1.5G"_s, &ok), quint64(3) << 29);
    EXPECT_EQ(parseSize(u"2T"_s, &ok), quint64(2) << 40);
    parseSize(u"ten"_s, &ok);
    EXPECT_FALSE(ok);
    parseSize(u"0"_s, &ok);
    EXPECT_FALSE(ok);
}

TEST(StorageRules, LocalUris)
{
    EXPECT_TRUE(isLocalUri(u"qemu:///system"_s));
    EXPECT_TRUE(isLocalUri(u"test:///default"_s));
    EXPECT_FALSE(isLocalUri(u"qemu+ssh://root@kvm1/system"_s));
    EXPECT_FALSE(isLocalUri(u"qemu+tcp://127.0.0.1/system"_s));
}
