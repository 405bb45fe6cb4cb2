#pragma once

#include "models/inventory/InventoryTypes.h"

#include <QByteArray>

namespace crossvirt::models {

/// Fills the host's CPU model and its native/emulated guest arch lists by the arch
/// layer's rule (arch::hostGuestArches): the capabilities XML decides when it describes
/// this host and lists kvm or qemu domains; otherwise (the test driver: i686 with domain
/// type 'test' only) the arch policy fills the lists, so an i686 guest there is native.
void applyHostCapabilities(const QByteArray &capabilitiesXml, HostInfo &host);

/// Whether a guest of `guestArch` with virt type `domainType` runs emulated (TCG)
/// on `host`: kvm is native, qemu is TCG, other drivers follow the host's lists.
bool isEmulatedGuest(const HostInfo &host, const QString &domainType, const QString &guestArch);

} // namespace crossvirt::models
