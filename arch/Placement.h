#pragma once

#include "arch/ArchTypes.h"

#include <QList>
#include <QString>

namespace crossvirt::arch {

/// Orders hosts for a guest of `guestArch` (Nova's rule): hosts that run it natively
/// (KVM) first, then hosts that emulate it (TCG) when `allowEmulation`, then the rest,
/// withheld with a reason. Input order is kept within each group. With capabilities the
/// host's <guest> entries decide (a kvm domain = native); without (test driver) the
/// registry's policy decides and any known arch is assumed emulatable. An emulated
/// placement always has virtType Qemu, never Kvm.
QList<HostPlacement> rankHosts(const QString &guestArch, const QList<HostCandidate> &hosts,
                               bool allowEmulation);

/// The placements of rankHosts() that are offered, in rank order.
QList<HostPlacement> offeredPlacements(const QList<HostPlacement> &ranked);

} // namespace crossvirt::arch
