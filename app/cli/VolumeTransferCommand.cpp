// Placeholder: `volume upload` and `volume download` are built by the transfer work
// (this file is replaced there). Until then they say so and exit with the usage code.
#include "app/cli/CliCommands.h"

#include <QCoreApplication>

namespace crossvirt::cli {

int runVolumeTransferCommand(const CliContext &ctx, bool upload)
{
    Q_UNUSED(ctx);
    printError(upload ? QCoreApplication::translate("cli", "volume upload: not built yet")
                      : QCoreApplication::translate("cli", "volume download: not built yet"));
    return kExitUsage;
}

} // namespace crossvirt::cli
