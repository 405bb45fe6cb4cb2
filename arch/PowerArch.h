#pragma once

#include "arch/ArchModel.h"

namespace crossvirt::arch {

/// POWER guests on pseries (PowerKVM/oVirt's PPC64 rules): no IDE or SATA, sPAPR VSCSI
/// as an interface of its own, spapr-vlan NICs, VNC only, memory in 256 MiB steps.
/// Shared by the two endiannesses, which differ only in name and default CPU heritage.
class PowerArch : public ArchModel
{
    // Own context: lupdate files tr() of a subclass under the subclass name.
    Q_DECLARE_TR_FUNCTIONS(PowerArch)

public:
    QString name() const override { return m_arch; }
    QStringList nativeGuestArches() const override;

    QStringList machineFamilies() const override;
    QString defaultMachine() const override;

    DiskInterfaceSpec diskInterfaceSpec(const QString &id) const override;
    SerialConsoleSpec serialConsole(const GuestContext &ctx) const override;
    QString usbControllerModel(const GuestContext &ctx) const override;
    QList<ClusterCpuType> clusterCpuTypes() const override;

protected:
    QString serialKernelConsole(const GuestContext &ctx) const override;
    explicit PowerArch(QString arch);

    ChoiceList diskPolicy(const GuestContext &ctx, DiskRole role) const override;
    QStringList hotplugDiskPolicy(const GuestContext &ctx) const override;
    ChoiceList nicPolicy(const GuestContext &ctx) const override;
    ChoiceList videoPolicy(const GuestContext &ctx) const override;
    FirmwareSpec firmwarePolicy(const GuestContext &ctx) const override;
    QString builtinFirmwareLabel() const override;
    CpuChoice emulatedCpu(const GuestContext &ctx) const override;
    Limits limitsPolicy(const GuestContext &ctx) const override;
    ChoiceList tpmPolicy(const GuestContext &ctx) const override;
    /// A custom CPU model of a newer generation than the host's processor (KVM only).
    QList<PortabilityProblem> portabilityPolicy(const GuestContext &target,
                                                const GuestRequirements &guest) const override;
    std::optional<ChangeRule> changePolicy(const GuestContext &ctx, const GuestFacts &guest,
                                           const GuestChangeRequest &request) const override;
    void assignControllerAddress(ControllerSpec &controller,
                                 const QList<TakenAddress> &taken) const override;

private:
    bool isPseries(const GuestContext &ctx) const;

    QString m_arch;
};

/// Big-endian POWER guests (ppc64).
class Ppc64Arch final : public PowerArch
{
    // Own context: lupdate files tr() of a subclass under the subclass name.
    Q_DECLARE_TR_FUNCTIONS(Ppc64Arch)

public:
    Ppc64Arch() : PowerArch(QStringLiteral("ppc64")) {}
    QString displayName() const override;
};

/// Little-endian POWER guests (ppc64le), what current distributions ship.
class Ppc64leArch final : public PowerArch
{
    // Own context: lupdate files tr() of a subclass under the subclass name.
    Q_DECLARE_TR_FUNCTIONS(Ppc64leArch)

public:
    Ppc64leArch() : PowerArch(QStringLiteral("ppc64le")) {}
    QString displayName() const override;
};

} // namespace crossvirt::arch
