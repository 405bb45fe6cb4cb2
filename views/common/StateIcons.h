#pragma once

#include "models/connection/ConnectionState.h"
#include "models/inventory/InventoryTypes.h"

#include <QIcon>

namespace crossvirt::views {

/// Small painted icons for VM and host states (no icon theme needed, so they look
/// the same on every desktop and offscreen).
QIcon domainStateIcon(models::DomainState state);
QIcon connectionStateIcon(models::ConnectionState state);
/// The application icon from the resources.
QIcon applicationIcon();

} // namespace crossvirt::views
