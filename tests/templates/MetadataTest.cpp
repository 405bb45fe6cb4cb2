// Crossvirt's <metadata> element: written, read back, replaced and removed with every other
// tool's metadata (libosinfo's) kept; the inventory's summary reads it.
#include "models/inventory/CrossvirtMetadata.h"
#include "models/inventory/DomainXml.h"

#include <QTimeZone>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace crossvirt::models;

namespace {

const QString kDomain = uR"(<domain type='kvm'>
  <name>web</name>
  <uuid>5e1f0a8e-1c2b-4e5f-9a0b-0000000000b1</uuid>
  <description>a web server</description>
  <metadata>
    <libosinfo:libosinfo xmlns:libosinfo="http://libosinfo.org/xmlns/libvirt/domain/1.0">
      <libosinfo:os id="http://debian.org/debian/12"/>
    </libosinfo:libosinfo>
  </metadata>
  <memory unit='KiB'>1048576</memory>
  <os><type arch='x86_64' machine='q35'>hvm</type></os>
  <devices/>
</domain>)"_s;

CrossvirtMetadata templateMeta()
{
    CrossvirtMetadata m;
    m.isTemplate = true;
    m.templateCreated = QDateTime(QDate(2026, 12, 2), QTime(17, 40), Qt::UTC);
    m.templateSourceVm = u"web-base"_s;
    m.templateDescription = u"Debian 12 <web> & co"_s;
    m.templateOsId = u"debian12"_s;
    return m;
}

TEST(CrossvirtMetadata, TemplateRoundTripKeepsOtherMetadata)
{
    const QString xml = withCrossvirtMetadata(kDomain, templateMeta());
    ASSERT_FALSE(xml.isEmpty());
    EXPECT_EQ(readCrossvirtMetadata(xml.toUtf8()), templateMeta());
    EXPECT_TRUE(xml.contains(u"http://debian.org/debian/12"_s)) << xml.toStdString();
    EXPECT_TRUE(xml.contains(kCrossvirtMetadataNs));
}

TEST(CrossvirtMetadata, ReplacingLeavesOneElementAndEmptyRemovesIt)
{
    const QString asTemplate = withCrossvirtMetadata(kDomain, templateMeta());
    CrossvirtMetadata vm;
    vm.fromTemplateUuid = u"5e1f0a8e-1c2b-4e5f-9a0b-0000000000a1"_s;
    vm.fromTemplateName = u"web-tpl"_s;
    vm.fromTemplateMode = u"overlay"_s;
    vm.vmPool = u"web"_s;
    const QString asVm = withCrossvirtMetadata(asTemplate, vm);
    EXPECT_EQ(readCrossvirtMetadata(asVm.toUtf8()), vm);
    EXPECT_EQ(asVm.count(kCrossvirtMetadataNs), 1) << asVm.toStdString();

    const QString cleared = withCrossvirtMetadata(asVm, {});
    EXPECT_TRUE(readCrossvirtMetadata(cleared.toUtf8()).isEmpty());
    EXPECT_FALSE(cleared.contains(kCrossvirtMetadataNs));
    EXPECT_TRUE(cleared.contains(u"libosinfo:os"_s)) << "other tools' metadata stays";
}

TEST(CrossvirtMetadata, AnotherPrefixAndNoMetadataElement)
{
    // libvirt keeps the prefix the writer chose; the namespace is what identifies it.
    const QString other = uR"(<domain type='kvm'><name>x</name><metadata>
      <cv:vm xmlns:cv="https://crossvirt.org/xmlns/vm/1.0"><cv:pool name="p1"/></cv:vm>
      </metadata></domain>)"_s;
    EXPECT_EQ(readCrossvirtMetadata(other.toUtf8()).vmPool, u"p1"_s);
    CrossvirtMetadata pool;
    pool.vmPool = u"p2"_s;
    const QString replaced = withCrossvirtMetadata(other, pool);
    EXPECT_EQ(readCrossvirtMetadata(replaced.toUtf8()).vmPool, u"p2"_s);
    EXPECT_FALSE(replaced.contains(u"p1"_s)) << replaced.toStdString();

    const QString bare =
        u"<domain type='kvm'><name>y</name><uuid>u</uuid><memory>1</memory></domain>"_s;
    const QString added = withCrossvirtMetadata(bare, pool);
    EXPECT_EQ(readCrossvirtMetadata(added.toUtf8()).vmPool, u"p2"_s);
    EXPECT_LT(added.indexOf(u"<uuid>"_s), added.indexOf(u"<metadata>"_s));
    EXPECT_TRUE(withCrossvirtMetadata(u"<domain"_s, pool).isEmpty()) << "XML that does not parse";
    EXPECT_TRUE(readCrossvirtMetadata("<network><metadata/></network>").isEmpty());
}

TEST(CrossvirtMetadata, SetMetadataFormReadsBack)
{
    // What libvirt stores after virDomainSetMetadata(crossvirtMetadataElement(...)): its
    // own prefix on the root, the children in the default namespace of the same URI.
    QString element = crossvirtMetadataElement(templateMeta());
    EXPECT_FALSE(element.contains(u"xmlns:crossvirt"_s)) << element.toStdString();
    element.replace(u"<vm "_s,
                    u"<crossvirt:vm xmlns:crossvirt=\"https://crossvirt.org/xmlns/vm/1.0\" "_s);
    element.replace(u"</vm>"_s, u"</crossvirt:vm>"_s);
    const QString xml = u"<domain><name>x</name><metadata>"_s + element + u"</metadata></domain>"_s;
    EXPECT_EQ(readCrossvirtMetadata(xml.toUtf8()), templateMeta()) << xml.toStdString();
    const QString replaced = withCrossvirtMetadata(xml, {});
    EXPECT_FALSE(replaced.contains(u"crossvirt"_s)) << replaced.toStdString();
}

TEST(CrossvirtMetadata, InventorySummaryReadsIt)
{
    DomainSummary tpl;
    readDomainXmlSummary(withCrossvirtMetadata(kDomain, templateMeta()).toUtf8(), tpl);
    EXPECT_TRUE(tpl.isTemplate);
    EXPECT_EQ(tpl.arch, u"x86_64"_s);

    CrossvirtMetadata vm;
    vm.fromTemplateUuid = u"u1"_s;
    vm.fromTemplateName = u"web-tpl"_s;
    vm.vmPool = u"web"_s;
    DomainSummary member;
    readDomainXmlSummary(withCrossvirtMetadata(kDomain, vm).toUtf8(), member);
    EXPECT_FALSE(member.isTemplate);
    EXPECT_EQ(member.fromTemplate, u"web-tpl"_s);
    EXPECT_EQ(member.vmPool, u"web"_s);

    DomainSummary plain;
    readDomainXmlSummary(kDomain.toUtf8(), plain);
    EXPECT_FALSE(plain.isTemplate);
    EXPECT_TRUE(plain.vmPool.isEmpty());
}

} // namespace
