#pragma once

// Network XML: parsed with QXmlStreamReader, written with QXmlStreamWriter. Pure (no libvirt).

#include "models/network/NetworkTypes.h"

#include <QByteArray>
#include <QHostAddress>

namespace crossvirt::models {

/// Reads name, uuid, forward mode, bridge, domain and the first IPv4/IPv6 <ip> of a
/// network's XML (active/autostart/persistent come from libvirt calls).
VirtualNetwork parseNetworkXml(const QByteArray &xml);

/// The host address a spec's CIDR gives: the network address itself (192.168.100.0/24)
/// means its first host (.1 / ::1); any other address is taken as given.
/// Returns false for an invalid CIDR.
bool hostAddressOf(const QString &cidr, QHostAddress *address, int *prefix);

/// The <network> XML for a validated spec.
QByteArray networkSpecXml(const NetworkSpec &spec);

} // namespace crossvirt::models
