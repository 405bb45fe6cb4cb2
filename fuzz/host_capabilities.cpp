// libFuzzer target: a host's capabilities XML (virConnectGetCapabilities) as a hostile
// or broken host could send it, through the real parser and what the inventory does
// with it (native/emulated arches, the CPU model). Seeds: fuzz/corpus/host_capabilities.
#include "arch/ArchModel.h"
#include "arch/ArchRegistry.h"
#include "arch/Capabilities.h"
#include "arch/Placement.h"
#include "models/connection/HostCapabilitiesReader.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace crossvirt;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray xml =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto caps = arch::parseHostCapabilities(xml, &error);
    // A document is either parsed or refused with a reason, never both nor neither.
    if (caps.has_value() == !error.isEmpty())
        std::abort();

    // What HostSession does with it (HostCapabilitiesReader), then the same rule for a
    // host of each known arch without parsing again (mostly the arch policy decides).
    models::HostInfo host;
    host.arch = caps ? caps->hostArch : QString();
    models::applyHostCapabilities(xml, host);
    if (!caps)
        return 0;
    for (const arch::ArchModel *model : arch::ArchRegistry::instance().models()) {
        const arch::HostGuestArches arches = arch::hostGuestArches(model->name(), &*caps);
        for (const arch::GuestArchCapabilities &guest : caps->guests) {
            (void)arch::guestExecution(model->name(), &*caps, guest.arch);
            (void)models::isEmulatedGuest(host, guest.domainTypes.value(0), guest.arch);
        }
        (void)arches;
    }
    return 0;
}
