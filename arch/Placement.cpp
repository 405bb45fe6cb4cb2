#include "arch/Placement.h"

#include "arch/ArchRegistry.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace crossvirt::arch {

bool capabilitiesDecide(const HostCapabilities &caps)
{
    for (const GuestArchCapabilities &g : caps.guests) {
        if (g.hasDomainType(u"kvm"_s) || g.hasDomainType(u"qemu"_s))
            return true;
    }
    return false;
}

Execution guestExecution(const QString &hostArch, const HostCapabilities *caps,
                         const QString &guestArch)
{
    if (caps && capabilitiesDecide(*caps)) {
        // The host's own capabilities are the truth when they speak of KVM or TCG.
        if (caps->runsNatively(guestArch))
            return Execution::Native;
        return caps->canEmulate(guestArch) ? Execution::Emulated : Execution::Unable;
    }
    // No usable capabilities (test driver): policy, and QEMU can emulate every arch
    // Crossvirt knows.
    const ArchRegistry &registry = ArchRegistry::instance();
    if (registry.runsNatively(hostArch, guestArch))
        return Execution::Native;
    return registry.find(guestArch) ? Execution::Emulated : Execution::Unable;
}

HostGuestArches hostGuestArches(const QString &hostArch, const HostCapabilities *caps)
{
    HostGuestArches out;
    if (caps && capabilitiesDecide(*caps)) {
        out.native = caps->nativeArches();
        out.emulated = caps->emulatedArches();
        out.fromCapabilities = true;
        return out;
    }
    for (const QString &a : ArchRegistry::instance().archNames()) {
        if (guestExecution(hostArch, nullptr, a) == Execution::Native)
            out.native << a;
        else
            out.emulated << a;
    }
    return out;
}

QList<HostPlacement> rankHosts(const QString &guestArch, const QList<HostCandidate> &hosts,
                               bool allowEmulation)
{
    QList<HostPlacement> native, emulated, unable;
    for (const HostCandidate &h : hosts) {
        HostPlacement p;
        p.id = h.id;
        const Execution execution =
            guestExecution(h.hostArch, h.caps ? &*h.caps : nullptr, guestArch);
        const bool runsNatively = execution == Execution::Native;
        const bool canEmulate = execution == Execution::Emulated;
        if (runsNatively) {
            p.execution = Execution::Native;
            p.virtType = VirtType::Kvm;
            p.offered = true;
            native.append(p);
        } else if (canEmulate) {
            p.execution = Execution::Emulated;
            p.virtType = VirtType::Qemu; // never kvm: the host CPU is another arch
            p.offered = allowEmulation;
            if (!allowEmulation) {
                p.reason =
                    QCoreApplication::translate(
                        "Placement", "This host can only emulate %1 guests, and emulation is not "
                                     "allowed")
                        .arg(guestArch);
                unable.append(p);
            } else {
                emulated.append(p);
            }
        } else {
            p.execution = Execution::Unable;
            p.reason = QCoreApplication::translate("Placement", "This host cannot run %1 guests")
                           .arg(guestArch);
            unable.append(p);
        }
    }
    return native + emulated + unable;
}

QList<HostPlacement> offeredPlacements(const QList<HostPlacement> &ranked)
{
    QList<HostPlacement> out;
    for (const HostPlacement &p : ranked) {
        if (p.offered)
            out.append(p);
    }
    return out;
}

} // namespace crossvirt::arch
