#pragma once

#include "models/inventory/InventoryTypes.h"

#include <QByteArray>

namespace crossvirt::models {

/// Reads the parts of a domain XML the inventory shows (arch, machine, virt type,
/// CPU mode/model) into `summary`; name/uuid/state/sizes come from libvirt calls.
void readDomainXmlSummary(const QByteArray &xml, DomainSummary &summary);

/// Parses a live domain XML into the VM window's Overview values.
DomainDetails parseDomainDetails(const QByteArray &xml);

/// Reads a network's forward mode from its XML.
void readNetworkXml(const QByteArray &xml, NetworkInfo &network);
/// Reads a storage pool's type and target path from its XML.
void readPoolXml(const QByteArray &xml, PoolInfo &pool);

} // namespace crossvirt::models
