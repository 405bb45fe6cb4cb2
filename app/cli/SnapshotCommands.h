#pragma once

#include "app/cli/CliCommands.h"

#include <QList>

namespace crossvirt::cli {

/// `snapshot create|list|revert|delete`: a VM's snapshots (models/snapshots/Snapshots.h).
QList<CliCommand> snapshotCliCommands();

} // namespace crossvirt::cli
