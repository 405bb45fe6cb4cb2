#pragma once

#include "models/inventory/InventoryTypes.h"

#include <QByteArray>

namespace crossvirt::models {

/// Fills the host's CPU model and its native/emulated guest arch lists from the
/// capabilities XML. When the capabilities do not describe this host (the test
/// driver reports i686 for every host), the arch layer's policy fills the lists.
void applyHostCapabilities(const QByteArray &capabilitiesXml, HostInfo &host);

/// Whether a guest of `guestArch` with virt type `domainType` runs emulated (TCG)
/// on `host`: kvm is native, qemu is TCG, other drivers follow the host's lists.
bool isEmulatedGuest(const HostInfo &host, const QString &domainType, const QString &guestArch);

} // namespace crossvirt::models
