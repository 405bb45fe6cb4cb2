#pragma once

// Internal to models/vmedit: what the plan files share (scope rules, refusals).

#include "models/vmedit/VmEdit.h"

#include <optional>

class QXmlStreamAttributes;

namespace crossvirt::models::vmedit {

/// The arch's verdict adjusted to the scope: a shut-off guest takes everything into its
/// definition (refused without --config); on a running guest a change with no live call
/// (`liveCall` false) or outside --live waits for the next boot, and one that must wait is
/// refused with --live alone.
arch::ChangeRule scoped(const VmEditContext &ctx, arch::ChangeRule rule, const EditScope &scope,
                        bool liveCall);

/// A refused rule with `reason`.
arch::ChangeRule refused(const QString &reason);

/// A plan with one refused step (no XML): for requests that cannot even be planned.
EditPlan refusedPlan(const VmEditContext &ctx, const EditScope &scope,
                     const arch::GuestChangeRequest &request, const QString &description,
                     const QString &reason);

/// Whether a step writes the definition (allowed, and --config).
inline bool writesConfig(const EditStep &step, const EditScope &scope)
{
    return scope.config && step.rule.allowed();
}

/// The arch's rule for `request`, or a refusal when Crossvirt does not know the arch.
arch::ChangeRule ruleFor(const VmEditContext &ctx, const arch::GuestFacts &facts,
                         const arch::GuestChangeRequest &request);

/// "046d" for a USB id written "0x046d" (or "046d").
QString usbIdText(const QString &id);
/// "0000:00:1f.2" for the attributes of a PCI <address domain bus slot function>.
QString pciAddressText(const QXmlStreamAttributes &address);

/// A node device's XML as a passthrough candidate (USB device or PCI function; nullopt for
/// any other kind). usedBy is left empty.
std::optional<HostDeviceInfo> parseNodeDevice(const QString &xml);

} // namespace crossvirt::models::vmedit
