#pragma once

#include "arch/ArchModel.h"

namespace crossvirt::arch {

/// PC guests: x86_64 and i686 (one class, two registrations). q35 is the default
/// machine; pc (i440fx) stays for old OSes and is the only one with IDE.
class X86Arch final : public ArchModel
{
    // Own context: lupdate files tr() of a subclass under the subclass name.
    Q_DECLARE_TR_FUNCTIONS(X86Arch)

public:
    /// `arch` is "x86_64" or "i686".
    explicit X86Arch(QString arch);

    QString name() const override { return m_arch; }
    QString displayName() const override;
    QStringList nativeGuestArches() const override;

    QStringList machineFamilies() const override;
    QString defaultMachine() const override;
    QString machineFamily(const QString &machine) const override;

    SerialConsoleSpec serialConsole(const GuestContext &ctx) const override;
    QString usbControllerModel(const GuestContext &ctx) const override;
    QList<InputDeviceSpec> inputDevices(const GuestContext &ctx) const override;
    QStringList guestFeatures(const GuestContext &ctx) const override;
    QList<ClusterCpuType> clusterCpuTypes() const override;

protected:
    ChoiceList diskPolicy(const GuestContext &ctx, DiskRole role) const override;
    ChoiceList nicPolicy(const GuestContext &ctx) const override;
    ChoiceList graphicsPolicy(const GuestContext &ctx) const override;
    ChoiceList videoPolicy(const GuestContext &ctx) const override;
    FirmwareSpec firmwarePolicy(const GuestContext &ctx) const override;
    QString builtinFirmwareLabel() const override;
    CpuChoice emulatedCpu(const GuestContext &ctx) const override;
    Limits limitsPolicy(const GuestContext &ctx) const override;
    ChoiceList tpmPolicy(const GuestContext &ctx) const override;

private:
    bool isQ35(const GuestContext &ctx) const;
    bool is64Bit() const;

    QString m_arch;
};

} // namespace crossvirt::arch
