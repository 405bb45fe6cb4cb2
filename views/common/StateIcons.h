#pragma once

#include "models/connection/ConnectionState.h"
#include "models/inventory/InventoryTypes.h"

#include <QIcon>

namespace crossvirt::views {

/// Small painted icons for VM and host states (no icon theme needed, so they look
/// the same on every desktop and offscreen).
QIcon domainStateIcon(models::DomainState state);
QIcon connectionStateIcon(models::ConnectionState state);
/// A template (an inactive domain new VMs are made from): a stencil, not a power state.
QIcon templateIcon();
/// Where one VM of a bulk action is.
enum class WorkState
{
    Waiting,
    Working,
    Done,
    Failed,
};
QIcon workStateIcon(WorkState state);
/// The application icon from the resources.
QIcon applicationIcon();

} // namespace crossvirt::views
