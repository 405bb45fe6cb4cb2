#include "arch/Placement.h"

#include "arch/ArchRegistry.h"

#include <QCoreApplication>

namespace crossvirt::arch {

QList<HostPlacement> rankHosts(const QString &guestArch, const QList<HostCandidate> &hosts,
                               bool allowEmulation)
{
    const ArchRegistry &registry = ArchRegistry::instance();
    const bool knownArch = registry.find(guestArch) != nullptr;
    QList<HostPlacement> native, emulated, unable;
    for (const HostCandidate &h : hosts) {
        HostPlacement p;
        p.id = h.id;
        bool runsNatively = false;
        bool canEmulate = false;
        if (h.caps) {
            // The host's own capabilities are the truth when we have them.
            runsNatively = h.caps->runsNatively(guestArch);
            canEmulate = h.caps->canEmulate(guestArch);
        } else {
            // No capabilities (test driver): policy, and QEMU can emulate every arch
            // Crossvirt knows.
            runsNatively = registry.runsNatively(h.hostArch, guestArch);
            canEmulate = knownArch;
        }
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
