#include "arch/ArchModel.h"

namespace crossvirt::arch {

QList<PortabilityProblem> ArchModel::portabilityPolicy(const GuestContext &,
                                                       const GuestRequirements &) const
{
    return {};
}

} // namespace crossvirt::arch
