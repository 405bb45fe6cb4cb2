#pragma once

#include "arch/ArchModel.h"

namespace crossvirt::arch {

/// 32-bit Arm guests (armv7l) on the virt machine, in practice emulated (TCG): Linux
/// dropped KVM for 32-bit Arm hosts in 5.7. The worked example of arch/README.md:
/// everything it does not override (USB, inputs, watchdog, graphics, console list,
/// hot-plug list) is the base's default.
class Armv7lArch final : public ArchModel
{
    // Own context: lupdate files tr() of a subclass under the subclass name.
    Q_DECLARE_TR_FUNCTIONS(Armv7lArch)

public:
    QString name() const override { return QStringLiteral("armv7l"); }
    QString displayName() const override;
    QStringList nativeGuestArches() const override;

    QStringList machineFamilies() const override;
    QString defaultMachine() const override;

    SerialConsoleSpec serialConsole(const GuestContext &ctx) const override;
    QList<ClusterCpuType> clusterCpuTypes() const override;

protected:
    QString serialKernelConsole(const GuestContext &ctx) const override;
    QString networkBootWithheldReason(const GuestContext &ctx) const override;
    bool usesDeviceTree(const GuestContext &ctx) const override;
    ChoiceList diskPolicy(const GuestContext &ctx, DiskRole role) const override;
    ChoiceList nicPolicy(const GuestContext &ctx) const override;
    ChoiceList videoPolicy(const GuestContext &ctx) const override;
    FirmwareSpec firmwarePolicy(const GuestContext &ctx) const override;
    QString builtinFirmwareLabel() const override;
    QString cpuModeWithheldReason(const QString &mode, const GuestContext &ctx) const override;
    CpuChoice nativeCpu(const GuestContext &ctx) const override;
    CpuChoice emulatedCpu(const GuestContext &ctx) const override;
    Limits limitsPolicy(const GuestContext &ctx) const override;
    Operations operationsPolicy(const GuestContext &ctx) const override;
};

} // namespace crossvirt::arch
