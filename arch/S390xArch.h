#pragma once

#include "arch/ArchModel.h"

namespace crossvirt::arch {

/// IBM Z guests on s390-ccw-virtio: channel I/O (no PCI slots to count), virtio only,
/// no graphics, an SCLP console, the diag288 watchdog and no USB.
class S390xArch final : public ArchModel
{
    // Own context: lupdate files tr() of a subclass under the subclass name.
    Q_DECLARE_TR_FUNCTIONS(S390xArch)

public:
    QString name() const override { return QStringLiteral("s390x"); }
    QString displayName() const override;
    QStringList nativeGuestArches() const override;

    QStringList machineFamilies() const override;
    QString defaultMachine() const override;

    SerialConsoleSpec serialConsole(const GuestContext &ctx) const override;
    SerialConsoleSpec consoleDevices(const GuestContext &ctx,
                                     const QString &consoleId) const override;
    QString watchdogModel(const GuestContext &ctx) const override;
    QString usbControllerModel(const GuestContext &ctx) const override;
    QList<InputDeviceSpec> inputDevices(const GuestContext &ctx) const override;
    QList<ClusterCpuType> clusterCpuTypes() const override;
    BootOrderRules bootOrderRules(const GuestContext &ctx) const override;

protected:
    QString serialKernelConsole(const GuestContext &ctx) const override;
    ChoiceList diskPolicy(const GuestContext &ctx, DiskRole role) const override;
    ChoiceList nicPolicy(const GuestContext &ctx) const override;
    ChoiceList graphicsPolicy(const GuestContext &ctx) const override;
    ChoiceList consolePolicy(const GuestContext &ctx) const override;
    ChoiceList videoPolicy(const GuestContext &ctx) const override;
    FirmwareSpec firmwarePolicy(const GuestContext &ctx) const override;
    QString builtinFirmwareLabel() const override;
    CpuChoice nativeCpu(const GuestContext &ctx) const override;
    CpuChoice emulatedCpu(const GuestContext &ctx) const override;
    Limits limitsPolicy(const GuestContext &ctx) const override;
    Operations operationsPolicy(const GuestContext &ctx) const override;
    ChoiceList tpmPolicy(const GuestContext &ctx) const override;
    /// A custom CPU model of a newer generation than the host's processor (KVM only).
    QList<PortabilityProblem> portabilityPolicy(const GuestContext &target,
                                                const GuestRequirements &guest) const override;
};

} // namespace crossvirt::arch
