#pragma once

#include "models/inventory/InventoryTypes.h"

#include <QByteArray>
#include <QSet>

namespace crossvirt::models {

/// Reads the parts of a domain XML the inventory shows (arch, machine, virt type,
/// CPU mode/model) into `summary`; name/uuid/state/sizes come from libvirt calls.
void readDomainXmlSummary(const QByteArray &xml, DomainSummary &summary);

/// One copy of each text that many domains repeat (arch, machine, virt type, CPU mode
/// and model, template and pool names): QString is implicitly shared, so the domains of
/// a host then hold one string for "x86_64" instead of a thousand. Not thread-safe:
/// one per worker.
class SharedStrings
{
public:
    QString intern(const QString &text);
    /// Makes the repeated fields of `summary` use this pool's copies.
    void intern(DomainSummary &summary);
    void clear() { m_strings.clear(); }
    qsizetype size() const { return m_strings.size(); }

private:
    QSet<QString> m_strings;
};

/// Parses a live domain XML into the VM window's Overview values.
DomainDetails parseDomainDetails(const QByteArray &xml);

/// Reads a network's forward mode from its XML.
void readNetworkXml(const QByteArray &xml, NetworkInfo &network);
/// Reads a storage pool's type and target path from its XML.
void readPoolXml(const QByteArray &xml, PoolInfo &pool);

} // namespace crossvirt::models
