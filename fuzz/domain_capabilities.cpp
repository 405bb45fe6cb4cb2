// libFuzzer target: domain capabilities XML (virConnectGetDomainCapabilities) through the
// real parser, then through the arch layer's queries that narrow what the New VM and
// Add Hardware dialogs offer by it. Seeds: fuzz/corpus/domain_capabilities.
#include "arch/ArchModel.h"
#include "arch/ArchRegistry.h"
#include "arch/Capabilities.h"

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
    const auto caps = arch::parseDomainCapabilities(xml, &error);
    if (caps.has_value() == !error.isEmpty())
        std::abort();
    if (!caps)
        return 0;

    // The arch the document names, or the registry's first for one Crossvirt does not know.
    const arch::ArchRegistry &registry = arch::ArchRegistry::instance();
    const arch::ArchModel *model = registry.find(caps->arch);
    if (!model)
        model = registry.models().constFirst();
    for (const bool running : {false, true}) {
        arch::GuestContext ctx;
        ctx.arch = model->name();
        ctx.machine = caps->machine;
        ctx.virtType =
            caps->virtType == QLatin1String("kvm") ? arch::VirtType::Kvm : arch::VirtType::Qemu;
        ctx.domainCaps = &*caps;
        ctx.running = running;
        (void)model->firmware(ctx);
        (void)model->diskInterfaces(ctx);
        (void)model->cdromInterfaces(ctx);
        (void)model->hotplugDiskInterfaces(ctx);
        (void)model->nicModels(ctx);
        (void)model->graphicsTypes(ctx);
        (void)model->consoleTypes(ctx);
        (void)model->videoModels(ctx);
        (void)model->cpuModes(ctx);
        (void)model->cpuModels(ctx);
        (void)model->devicePlan(ctx, arch::DevicePlanRequest{});
    }
    return 0;
}
