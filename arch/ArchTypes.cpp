#include "arch/ArchTypes.h"

using namespace Qt::StringLiterals;

namespace crossvirt::arch {

QString virtTypeName(VirtType type)
{
    return type == VirtType::Kvm ? u"kvm"_s : u"qemu"_s;
}

std::optional<VirtType> virtTypeFromName(const QString &name)
{
    if (name == "kvm"_L1)
        return VirtType::Kvm;
    if (name == "qemu"_L1)
        return VirtType::Qemu;
    return std::nullopt;
}

QString cpuModeName(CpuMode mode)
{
    switch (mode) {
    case CpuMode::HostModel:
        return u"host-model"_s;
    case CpuMode::HostPassthrough:
        return u"host-passthrough"_s;
    case CpuMode::Maximum:
        return u"maximum"_s;
    case CpuMode::Custom:
        return u"custom"_s;
    case CpuMode::Default:
        break;
    }
    return {};
}

QString DiskInterfaceSpec::deviceName(int n) const
{
    // libvirt's disk naming: a..z, then aa..zz, ... (bijective base 26).
    QString suffix;
    int i = n + 1;
    while (i > 0) {
        --i;
        suffix.prepend(QChar(u'a' + i % 26));
        i /= 26;
    }
    return devicePrefix + suffix;
}

std::optional<DriveAddress> DiskInterfaceSpec::driveAddress(int n, int firstControllerIndex) const
{
    if (!usesDriveAddress || devicesPerController <= 0 || n < 0)
        return std::nullopt;
    DriveAddress a;
    if (id == "ide"_L1) {
        // Two buses (primary, secondary) with a master and a slave each.
        a.controller = firstControllerIndex;
        a.bus = n / 2;
        a.unit = n % 2;
        return a;
    }
    a.controller = firstControllerIndex + n / devicesPerController;
    a.unit = n % devicesPerController;
    return a;
}

int DiskInterfaceSpec::controllersNeeded(int deviceCount) const
{
    if (controllerType.isEmpty() || deviceCount <= 0)
        return 0;
    if (devicesPerController <= 0)
        return 1;
    return (deviceCount + devicesPerController - 1) / devicesPerController;
}

QList<ControllerSpec> DiskInterfaceSpec::requiredControllers(int deviceCount,
                                                             int firstControllerIndex) const
{
    QList<ControllerSpec> out;
    const int count = controllersNeeded(deviceCount);
    for (int i = 0; i < count; ++i) {
        ControllerSpec c;
        c.type = controllerType;
        c.model = controllerModel;
        c.index = firstControllerIndex + i;
        out.append(c);
    }
    return out;
}

qint64 Limits::alignMemoryMiB(qint64 mib) const
{
    const qint64 g = qMax(1, memoryGranularityMiB);
    return ((qMax<qint64>(mib, 0) + g - 1) / g) * g;
}

bool Limits::isValidMemoryMiB(qint64 mib) const
{
    const qint64 g = qMax(1, memoryGranularityMiB);
    return mib > 0 && mib >= minMemoryMiB && mib % g == 0;
}

} // namespace crossvirt::arch
