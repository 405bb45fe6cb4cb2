#pragma once

#include "arch/ArchTypes.h"

#include <QList>
#include <QString>

namespace crossvirt::arch {

/// Whether a host's capabilities say how it runs guests: only when some <guest> has a
/// kvm or qemu domain. The test driver lists its guests with domain type 'test' only,
/// which says nothing about KVM or TCG: the registry's policy decides then.
bool capabilitiesDecide(const HostCapabilities &caps);

/// How a host whose CPU is `hostArch` runs `guestArch` guests: the one native-vs-emulated
/// rule. With capabilities that decide (see capabilitiesDecide) their kvm/qemu domains
/// answer; otherwise the policy: native when the host's arch class lists the guest arch
/// (i686 guests on i686 and x86_64 hosts), else emulated when Crossvirt knows the arch.
Execution guestExecution(const QString &hostArch, const HostCapabilities *caps,
                         const QString &guestArch);

/// The guest arches a host runs natively and those it emulates, by guestExecution();
/// with deciding capabilities, in their order (arches Crossvirt does not know included),
/// otherwise in registry order.
struct HostGuestArches
{
    QStringList native;
    QStringList emulated;
    bool fromCapabilities = false;
};
HostGuestArches hostGuestArches(const QString &hostArch, const HostCapabilities *caps);

/// Orders hosts for a guest of `guestArch` (Nova's rule): hosts that run it natively
/// (KVM) first, then hosts that emulate it (TCG) when `allowEmulation`, then the rest,
/// withheld with a reason. Input order is kept within each group. Native or emulated is
/// guestExecution()'s answer. An emulated placement always has virtType Qemu, never Kvm.
QList<HostPlacement> rankHosts(const QString &guestArch, const QList<HostCandidate> &hosts,
                               bool allowEmulation);

/// The placements of rankHosts() that are offered, in rank order.
QList<HostPlacement> offeredPlacements(const QList<HostPlacement> &ranked);

} // namespace crossvirt::arch
