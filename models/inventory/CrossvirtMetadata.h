#pragma once

// Crossvirt's own element in a domain's <metadata> (libvirt keeps it with the domain, so
// every Crossvirt on any machine sees it): whether the domain is a template, which
// template a VM was made from, and which VM pool it belongs to.
//
//   <metadata>
//     <crossvirt:vm xmlns:crossvirt="https://crossvirt.org/xmlns/vm/1.0">
//       <crossvirt:template created="2026-12-02T17:40:00Z" source-vm="web-base">
//         <crossvirt:description>Debian 12 web server</crossvirt:description>
//         <crossvirt:os id="debian12"/>
//       </crossvirt:template>
//       <crossvirt:from-template uuid="..." name="web-tpl" mode="overlay"/>
//       <crossvirt:pool name="web"/>
//     </crossvirt:vm>
//   </metadata>

#include <QByteArray>
#include <QDateTime>
#include <QLatin1StringView>
#include <QString>

namespace crossvirt::models {

/// The namespace URI of Crossvirt's metadata element (virDomainSetMetadata's uri).
inline constexpr QLatin1StringView kCrossvirtMetadataNs{"https://crossvirt.org/xmlns/vm/1.0"};
/// The element's prefix (virDomainSetMetadata's key).
inline constexpr QLatin1StringView kCrossvirtMetadataPrefix{"crossvirt"};

struct CrossvirtMetadata
{
    // The domain is a template (an inactive domain whose disks are read-only bases).
    bool isTemplate = false;
    QDateTime templateCreated;   ///< UTC
    QString templateSourceVm;    ///< the VM it was made from ("" when made in the wizard)
    QString templateDescription;
    QString templateOsId;        ///< osinfo short-id, may be empty

    // A VM made from a template.
    QString fromTemplateUuid;
    QString fromTemplateName;
    QString fromTemplateMode; ///< "overlay" or "copy"

    // A VM of a VM pool.
    QString vmPool;

    bool isEmpty() const
    {
        return !isTemplate && fromTemplateUuid.isEmpty() && vmPool.isEmpty();
    }
    friend bool operator==(const CrossvirtMetadata &, const CrossvirtMetadata &) = default;
};

/// Reads Crossvirt's element from a domain XML; an empty value when there is none (or the
/// XML is not a domain). Never throws; unknown child elements are ignored.
CrossvirtMetadata readCrossvirtMetadata(const QByteArray &domainXml);

/// The element's XML alone (what virDomainSetMetadata takes), with the namespace declared
/// as the default one: libvirt declares kCrossvirtMetadataPrefix on it itself and refuses an
/// element that already does.
QString crossvirtMetadataElement(const CrossvirtMetadata &metadata);

/// `domainXml` with Crossvirt's element replaced by `metadata` (removed when it is empty),
/// every other part of the XML (other tools' metadata included) kept. Empty on XML that
/// does not parse.
QString withCrossvirtMetadata(const QString &domainXml, const CrossvirtMetadata &metadata);

} // namespace crossvirt::models
