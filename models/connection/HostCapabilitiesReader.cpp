#include "models/connection/HostCapabilitiesReader.h"

#include "arch/Capabilities.h"
#include "arch/Placement.h"

namespace crossvirt::models {

using namespace Qt::StringLiterals;

void applyHostCapabilities(const QByteArray &capabilitiesXml, HostInfo &host)
{
    QString error;
    const auto caps = arch::parseHostCapabilities(capabilitiesXml, &error);
    host.capabilitiesNote = caps ? caps->parseNote : capabilitiesXml.isEmpty() ? QString() : error;
    // Capabilities describe this host only when they agree with virNodeGetInfo's arch;
    // the test driver reports i686 for every host, whatever its file says. Whether they
    // decide native vs emulated is the arch layer's rule (arch/Placement.h).
    const bool describesHost = caps && !caps->hostArch.isEmpty() && caps->hostArch == host.arch;
    const arch::HostGuestArches arches =
        arch::hostGuestArches(host.arch, describesHost ? &*caps : nullptr);
    if (arches.fromCapabilities)
        host.cpuModel = caps->hostCpuModel;
    host.nativeArches = arches.native;
    host.emulatedArches = arches.emulated;
    host.archesFromCapabilities = arches.fromCapabilities;
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
