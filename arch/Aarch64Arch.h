#pragma once

#include "arch/ArchModel.h"

namespace crossvirt::arch {

/// 64-bit ARM guests on the virt machine: UEFI (AAVMF) is mandatory, no IDE, no
/// host-model CPU (host-passthrough natively, a named model under emulation).
class Aarch64Arch final : public ArchModel
{
    // Own context: lupdate files tr() of a subclass under the subclass name.
    Q_DECLARE_TR_FUNCTIONS(Aarch64Arch)

public:
    QString name() const override { return QStringLiteral("aarch64"); }
    QString displayName() const override;
    QStringList nativeGuestArches() const override;

    QStringList machineFamilies() const override;
    QString defaultMachine() const override;

    SerialConsoleSpec serialConsole(const GuestContext &ctx) const override;
    QStringList guestFeatures(const GuestContext &ctx) const override;
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
    std::optional<ChangeRule> changePolicy(const GuestContext &ctx, const GuestFacts &guest,
                                           const GuestChangeRequest &request) const override;
};

} // namespace crossvirt::arch
