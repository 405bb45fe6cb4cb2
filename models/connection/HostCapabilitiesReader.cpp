#include "models/connection/HostCapabilitiesReader.h"

#include "arch/ArchRegistry.h"
#include "arch/Capabilities.h"

namespace crossvirt::models {

using namespace Qt::StringLiterals;

void applyHostCapabilities(const QByteArray &capabilitiesXml, HostInfo &host)
{
    const auto caps = arch::parseHostCapabilities(capabilitiesXml);
    // Capabilities describe this host only when they agree with virNodeGetInfo's
    // arch; the test driver reports i686 for every host, whatever its file says.
    if (caps && !caps->hostArch.isEmpty() && caps->hostArch == host.arch &&
        !caps->guests.isEmpty()) {
        host.cpuModel = caps->hostCpuModel;
        host.nativeArches = caps->nativeArches();
        host.emulatedArches = caps->emulatedArches();
        host.archesFromCapabilities = true;
        return;
    }
    const auto &registry = arch::ArchRegistry::instance();
    host.nativeArches.clear();
    host.emulatedArches.clear();
    for (const QString &a : registry.archNames()) {
        if (registry.runsNatively(host.arch, a))
            host.nativeArches << a;
        else
            host.emulatedArches << a;
    }
    host.archesFromCapabilities = false;
}

bool isEmulatedGuest(const HostInfo &host, const QString &domainType, const QString &guestArch)
{
    if (domainType == "kvm"_L1)
        return false;
    if (domainType == "qemu"_L1)
        return true;
    return !host.nativeArches.contains(guestArch);
}

} // namespace crossvirt::models
