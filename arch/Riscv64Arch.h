#pragma once

#include "arch/ArchModel.h"

namespace crossvirt::arch {

/// 64-bit RISC-V guests on the virt machine: virtio devices, VNC, OpenSBI firmware; libvirt
/// cannot name a riscv64 CPU, so the guest gets QEMU's default CPU.
class Riscv64Arch final : public ArchModel
{
    // Own context: lupdate files tr() of a subclass under the subclass name.
    Q_DECLARE_TR_FUNCTIONS(Riscv64Arch)

public:
    QString name() const override { return QStringLiteral("riscv64"); }
    QString displayName() const override;
    QStringList nativeGuestArches() const override;

    QStringList machineFamilies() const override;
    QString defaultMachine() const override;

    SerialConsoleSpec serialConsole(const GuestContext &ctx) const override;
    QList<ClusterCpuType> clusterCpuTypes() const override;

protected:
    QString networkBootWithheldReason(const GuestContext &ctx) const override;
    bool usesDeviceTree(const GuestContext &ctx) const override;
    ChoiceList diskPolicy(const GuestContext &ctx, DiskRole role) const override;
    QStringList hotplugDiskPolicy(const GuestContext &ctx) const override;
    ChoiceList nicPolicy(const GuestContext &ctx) const override;
    ChoiceList videoPolicy(const GuestContext &ctx) const override;
    FirmwareSpec firmwarePolicy(const GuestContext &ctx) const override;
    QString builtinFirmwareLabel() const override;
    QString cpuModeWithheldReason(const QString &mode, const GuestContext &ctx) const override;
    CpuChoice nativeCpu(const GuestContext &ctx) const override;
    CpuChoice emulatedCpu(const GuestContext &ctx) const override;
    Limits limitsPolicy(const GuestContext &ctx) const override;
    Operations operationsPolicy(const GuestContext &ctx) const override;
    bool machineIsVersioned(const QString &machine) const override;
};

} // namespace crossvirt::arch
