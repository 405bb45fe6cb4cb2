#pragma once

#include "app/cli/CliCommands.h"

namespace crossvirt::cli {

/// `choices --arch A [--machine M] [--connect URI] [--no-emulation]`: every list the New-VM
/// dialog offers for that guest on each host, withheld entries with reasons, as JSON.
int runChoicesCommand(const CliContext &ctx);
/// `create --name N --arch A ... [--dry-run]`: validates like the dialog, then creates
/// the volume, defines (and with --start starts) the VM; --dry-run prints the XML only.
int runCreateCommand(const CliContext &ctx);
/// `attach-disk --vm N --size GiB [--bus B] [--pool P] [--format F]`: a new volume attached
/// to the VM (live and persistent when it runs).
int runAttachDiskCommand(const CliContext &ctx);

} // namespace crossvirt::cli
