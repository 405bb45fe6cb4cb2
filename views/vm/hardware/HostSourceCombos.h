#pragma once

// The host's sources a device can use, as combo box entries: the ISO volumes of the
// host's pools (a CD-ROM's medium) and the host's virtual networks plus a host-bridge
// entry (a NIC's source). Shared by Add Hardware's CD-ROM and NIC pages and the Details
// tab's CD-ROM ("Change media…") and NIC pages, so both offer the same lists.

#include "models/provisioning/StorageInventory.h"

#include <QString>

class QComboBox;

namespace crossvirt::views {

/// Fills `combo` with the ISO volumes of `storage`'s pools ("NAME (pool POOL)"); each
/// entry's data is "POOL/VOLUME" (isoVolumeOf). Nothing selected when there is none.
void fillIsoVolumes(QComboBox *combo, const models::StorageSnapshot &storage);
/// The pool and volume of the chosen ISO entry ({} when none).
QStringList isoVolumeOf(const QComboBox *combo);
/// Selects the entry of "POOL/VOLUME" `source`; false when the list has none.
bool selectIsoVolume(QComboBox *combo, const QString &source);

/// Fills `combo` with `storage`'s networks (data: the network's name; ones not running
/// are marked), a separator and the host-bridge entry (isBridgeEntry). Selects "default"
/// or the first running network; returns the selected row.
int fillNetworks(QComboBox *combo, const models::StorageSnapshot &storage);
/// Whether the chosen entry of a fillNetworks() combo is the host-bridge one.
bool isBridgeEntry(const QComboBox *combo);
/// Selects network `name` (adding an entry for it when the host does not list it), or
/// the host-bridge entry with `bridge`.
void selectNetwork(QComboBox *combo, const QString &name, bool bridge);
/// Whether `name` is a network device name a host bridge can have ("br0").
bool isBridgeName(const QString &name);

} // namespace crossvirt::views
