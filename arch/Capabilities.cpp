#include "arch/Capabilities.h"

using namespace Qt::StringLiterals;

namespace crossvirt::arch {

const GuestArchCapabilities *HostCapabilities::guest(const QString &arch) const
{
    // Several <guest> entries may exist for one arch (e.g. hvm and xen); QEMU/KVM is hvm.
    for (const GuestArchCapabilities &g : guests) {
        if (g.arch == arch && (g.osType.isEmpty() || g.osType == "hvm"_L1))
            return &g;
    }
    return nullptr;
}

bool HostCapabilities::runsNatively(const QString &guestArch) const
{
    const GuestArchCapabilities *g = guest(guestArch);
    return g && g->hasDomainType(u"kvm"_s);
}

bool HostCapabilities::canEmulate(const QString &guestArch) const
{
    const GuestArchCapabilities *g = guest(guestArch);
    return g && g->hasDomainType(u"qemu"_s);
}

QStringList HostCapabilities::nativeArches() const
{
    QStringList out;
    for (const GuestArchCapabilities &g : guests) {
        if (g.hasDomainType(u"kvm"_s) && !out.contains(g.arch))
            out.append(g.arch);
    }
    return out;
}

QStringList HostCapabilities::emulatedArches() const
{
    QStringList out;
    for (const GuestArchCapabilities &g : guests) {
        if (g.hasDomainType(u"qemu"_s) && !runsNatively(g.arch) && !out.contains(g.arch))
            out.append(g.arch);
    }
    return out;
}

QList<MachineInfo> HostCapabilities::machines(const QString &arch) const
{
    const GuestArchCapabilities *g = guest(arch);
    return g ? g->machines : QList<MachineInfo>();
}

QString HostCapabilities::canonicalMachine(const QString &arch, const QString &machine) const
{
    for (const MachineInfo &m : machines(arch)) {
        if (m.name == machine && !m.canonical.isEmpty())
            return m.canonical;
    }
    return machine;
}

QString HostCapabilities::emulator(const QString &arch) const
{
    const GuestArchCapabilities *g = guest(arch);
    return g ? g->emulator : QString();
}

CapabilityEnum DomainCapabilities::deviceEnum(const QString &device, const QString &name) const
{
    const auto it = deviceEnums.constFind(device + u'/' + name);
    if (it != deviceEnums.cend())
        return it.value();
    CapabilityEnum out;
    // <tpm supported='no'/> has no enums, yet it does say "none of them".
    if (devicesSupported.contains(device) && !devicesSupported.value(device))
        out.known = true;
    return out;
}

std::optional<bool> DomainCapabilities::cpuModeSupported(const QString &mode) const
{
    const auto it = cpuModes.constFind(mode);
    if (it == cpuModes.cend())
        return std::nullopt;
    return it.value();
}

bool DomainCapabilities::customModelUsable(const QString &model) const
{
    for (const CpuModelCapability &m : customModels) {
        if (m.name == model)
            return m.isUsable();
    }
    return false;
}

bool DomainCapabilities::hasCustomModel(const QString &model) const
{
    for (const CpuModelCapability &m : customModels) {
        if (m.name == model)
            return true;
    }
    return false;
}

bool DomainCapabilities::uefiAvailable() const
{
    if (firmware.known)
        return firmware.values.contains(u"efi"_s);
    // libvirt before firmware auto-selection: a pflash loader image means UEFI works.
    return !loaderValues.isEmpty() && loaderTypes.allows(u"pflash"_s);
}

} // namespace crossvirt::arch
