#include "models/provisioning/VmSpec.h"

using namespace Qt::StringLiterals;

namespace crossvirt::models {

QString VmSpec::newVolumeName() const
{
    if (!storage.volume.isEmpty())
        return storage.volume;
    return name + (storage.format == "raw"_L1 ? u".img"_s : u".qcow2"_s);
}

} // namespace crossvirt::models
