#include "models/provisioning/VmSpec.h"

using namespace Qt::StringLiterals;

namespace crossvirt::models {

QString VmSpec::newVolumeName() const
{
    if (!storage.volume.isEmpty())
        return storage.volume;
    return name + (storage.format == "raw"_L1 ? u".img"_s : u".qcow2"_s);
}

QString VmSpec::extraVolumeName(qsizetype index) const
{
    const StorageSpec &extra = extraDisks.at(index).storage;
    if (!extra.volume.isEmpty())
        return extra.volume;
    return u"%1-disk%2%3"_s.arg(name).arg(index + 2).arg(extra.format == "raw"_L1 ? u".img"_s
                                                                                  : u".qcow2"_s);
}

QString installMethodId(InstallMethod method)
{
    switch (method) {
    case InstallMethod::Cdrom:
        break;
    case InstallMethod::KernelBoot:
        return u"kernel"_s;
    case InstallMethod::ImportDisk:
        return u"import"_s;
    case InstallMethod::Network:
        return u"network"_s;
    }
    return u"cdrom"_s;
}

std::optional<InstallMethod> installMethodFromId(const QString &id)
{
    for (InstallMethod m : {InstallMethod::Cdrom, InstallMethod::KernelBoot,
                            InstallMethod::ImportDisk, InstallMethod::Network}) {
        if (installMethodId(m) == id)
            return m;
    }
    return std::nullopt;
}

} // namespace crossvirt::models
