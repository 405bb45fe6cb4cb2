#include "models/inventory/CrossvirtMetadata.h"

#include "models/vmedit/VmXmlDom.h"

#include <QXmlStreamReader>
#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace crossvirt::models {

namespace {

/// Whether `e` (parsed without namespace processing) is Crossvirt's element: libvirt
/// writes the namespace declaration on the element itself, under whatever prefix the
/// writer chose.
bool isCrossvirtElement(const QDomElement &e)
{
    const QString tag = e.tagName();
    const qsizetype colon = tag.indexOf(u':');
    const QString decl = colon < 0 ? u"xmlns"_s : u"xmlns:"_s + tag.left(colon);
    return e.attribute(decl) == kCrossvirtMetadataNs;
}

} // namespace

CrossvirtMetadata readCrossvirtMetadata(const QByteArray &domainXml)
{
    CrossvirtMetadata m;
    // The inventory reads every domain's XML: most carry no Crossvirt element at all.
    if (!domainXml.contains(
            QByteArrayView(kCrossvirtMetadataNs.data(), kCrossvirtMetadataNs.size())))
        return m;
    QXmlStreamReader xml(domainXml);
    int depth = 0;
    bool inMetadata = false;
    bool inOurs = false;
    bool inTemplate = false;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::EndElement) {
            --depth;
            if (inTemplate && xml.name() == "template"_L1 &&
                xml.namespaceUri() == kCrossvirtMetadataNs)
                inTemplate = false;
            else if (inOurs && depth == 2)
                inOurs = false;
            else if (inMetadata && depth == 1)
                inMetadata = false;
            continue;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        ++depth;
        if (depth == 1 && xml.name() != "domain"_L1)
            return {};
        if (depth == 2) {
            inMetadata = xml.name() == "metadata"_L1;
            if (!inMetadata) {
                xml.skipCurrentElement();
                --depth;
            }
            continue;
        }
        if (!inMetadata)
            continue;
        const bool ours = xml.namespaceUri() == kCrossvirtMetadataNs;
        if (depth == 3) {
            inOurs = ours && xml.name() == "vm"_L1;
            if (!inOurs) {
                xml.skipCurrentElement();
                --depth;
            }
            continue;
        }
        if (!inOurs || !ours) {
            xml.skipCurrentElement();
            --depth;
            continue;
        }
        const auto attrs = xml.attributes();
        if (depth == 4 && xml.name() == "template"_L1) {
            m.isTemplate = true;
            m.templateCreated =
                QDateTime::fromString(attrs.value("created"_L1).toString(), Qt::ISODate).toUTC();
            m.templateSourceVm = attrs.value("source-vm"_L1).toString();
            inTemplate = true;
        } else if (depth == 4 && xml.name() == "from-template"_L1) {
            m.fromTemplateUuid = attrs.value("uuid"_L1).toString();
            m.fromTemplateName = attrs.value("name"_L1).toString();
            m.fromTemplateMode = attrs.value("mode"_L1).toString();
            xml.skipCurrentElement();
            --depth;
        } else if (depth == 4 && xml.name() == "pool"_L1) {
            m.vmPool = attrs.value("name"_L1).toString();
            xml.skipCurrentElement();
            --depth;
        } else if (depth == 5 && inTemplate && xml.name() == "description"_L1) {
            m.templateDescription = xml.readElementText();
            --depth;
        } else if (depth == 5 && inTemplate && xml.name() == "os"_L1) {
            m.templateOsId = attrs.value("id"_L1).toString();
            xml.skipCurrentElement();
            --depth;
        } else {
            xml.skipCurrentElement(); // unknown: a newer Crossvirt's, ignored
            --depth;
        }
    }
    return m;
}

namespace {

/// The element as text. Prefixed ("crossvirt:vm" declaring xmlns:crossvirt): the form
/// libvirt keeps in a domain XML. Unprefixed, in a default namespace: the form
/// virDomainSetMetadata takes, because libvirt declares the key's prefix on the root itself
/// and refuses an element that already declares it ("failed to create a new XML namespace").
QString writeElement(const CrossvirtMetadata &m, bool prefixed)
{
    QString out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.setAutoFormattingIndent(2);
    const QString p = prefixed ? kCrossvirtMetadataPrefix + u':' : QString();
    w.writeStartElement(p + u"vm"_s);
    w.writeAttribute(prefixed ? u"xmlns:"_s + kCrossvirtMetadataPrefix : u"xmlns"_s,
                     kCrossvirtMetadataNs);
    if (m.isTemplate) {
        w.writeStartElement(p + u"template"_s);
        if (m.templateCreated.isValid())
            w.writeAttribute(u"created"_s, m.templateCreated.toUTC().toString(Qt::ISODate));
        if (!m.templateSourceVm.isEmpty())
            w.writeAttribute(u"source-vm"_s, m.templateSourceVm);
        if (!m.templateDescription.isEmpty())
            w.writeTextElement(p + u"description"_s, m.templateDescription);
        if (!m.templateOsId.isEmpty()) {
            w.writeEmptyElement(p + u"os"_s);
            w.writeAttribute(u"id"_s, m.templateOsId);
        }
        w.writeEndElement();
    }
    if (!m.fromTemplateUuid.isEmpty()) {
        w.writeEmptyElement(p + u"from-template"_s);
        w.writeAttribute(u"uuid"_s, m.fromTemplateUuid);
        if (!m.fromTemplateName.isEmpty())
            w.writeAttribute(u"name"_s, m.fromTemplateName);
        if (!m.fromTemplateMode.isEmpty())
            w.writeAttribute(u"mode"_s, m.fromTemplateMode);
    }
    if (!m.vmPool.isEmpty()) {
        w.writeEmptyElement(p + u"pool"_s);
        w.writeAttribute(u"name"_s, m.vmPool);
    }
    w.writeEndElement();
    return out;
}

} // namespace

QString crossvirtMetadataElement(const CrossvirtMetadata &metadata)
{
    return writeElement(metadata, false);
}

QString withCrossvirtMetadata(const QString &domainXml, const CrossvirtMetadata &metadata)
{
    QDomDocument doc = vmxml::parse(domainXml);
    QDomElement domain = doc.documentElement();
    if (doc.isNull() || domain.tagName() != "domain"_L1)
        return {};
    QDomElement meta = domain.firstChildElement(u"metadata"_s);
    if (!meta.isNull()) {
        for (QDomElement e = meta.firstChildElement(); !e.isNull();) {
            const QDomElement next = e.nextSiblingElement();
            if (isCrossvirtElement(e))
                meta.removeChild(e);
            e = next;
        }
    }
    if (!metadata.isEmpty()) {
        if (meta.isNull()) {
            // Where libvirt writes it: after name, uuid, genid, title and description.
            meta = doc.createElement(u"metadata"_s);
            QDomElement after;
            for (const QString &n :
                 {u"name"_s, u"uuid"_s, u"genid"_s, u"title"_s, u"description"_s}) {
                if (const QDomElement e = domain.firstChildElement(n); !e.isNull())
                    after = e;
            }
            if (after.isNull())
                domain.insertBefore(meta, domain.firstChild());
            else
                domain.insertAfter(meta, after);
        }
        meta.appendChild(vmxml::importElement(doc, writeElement(metadata, true)));
    } else if (!meta.isNull() && meta.firstChildElement().isNull()) {
        domain.removeChild(meta);
    }
    return vmxml::toString(doc);
}

} // namespace crossvirt::models
