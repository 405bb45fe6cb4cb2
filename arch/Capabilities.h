#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace crossvirt::arch {

/// One machine type a host's QEMU offers for a guest arch (capabilities <machine>).
struct MachineInfo
{
    QString name;      ///< "q35", "pc-q35-7.2", "pseries"
    QString canonical; ///< For an alias, the versioned machine it stands for ("pc-q35-7.2").
    int maxCpus = 0;
    bool deprecated = false;
};

/// One <guest> of the host's capabilities: a guest arch the host can run and how.
struct GuestArchCapabilities
{
    QString osType; ///< "hvm" for QEMU/KVM
    QString arch;   ///< libvirt arch name of the guest
    int wordSize = 0;
    QString emulator;
    QList<MachineInfo> machines;
    QStringList domainTypes; ///< "qemu" (TCG), "kvm" (hardware accelerated)

    bool hasDomainType(const QString &type) const { return domainTypes.contains(type); }
};

/// A host's capabilities (virConnectGetCapabilities), parsed into plain values.
struct HostCapabilities
{
    QString hostArch; ///< <host><cpu><arch>
    QString hostCpuModel;
    QString hostCpuVendor;
    bool liveMigration = false; ///< <host><migration_features><live/>
    QList<GuestArchCapabilities> guests;
    /// What the parser cut or repaired in a hostile host's document (arch/XmlLimits.h):
    /// "N entries not read", invalid UTF-8 replaced. Empty for a normal one.
    QString parseNote;

    /// The hvm guest entry for `arch`, or nullptr.
    const GuestArchCapabilities *guest(const QString &arch) const;
    /// Guest arch with a kvm domain: runs natively, hardware accelerated.
    bool runsNatively(const QString &guestArch) const;
    /// Guest arch with a qemu (TCG) domain.
    bool canEmulate(const QString &guestArch) const;
    /// Whether the host can run `guestArch` at all.
    bool canRun(const QString &guestArch) const
    {
        return runsNatively(guestArch) || canEmulate(guestArch);
    }
    /// Arches with a kvm domain, in capabilities order.
    QStringList nativeArches() const;
    /// Arches the host can only emulate (qemu domain, no kvm).
    QStringList emulatedArches() const;
    /// Machine types for `arch` (empty when the host has no such guest).
    QList<MachineInfo> machines(const QString &arch) const;
    /// Canonical (versioned) name of a machine alias ("q35" -> "pc-q35-7.2"); the name
    /// itself when it is no alias or unknown.
    QString canonicalMachine(const QString &arch, const QString &machine) const;
    /// Emulator binary for `arch`, empty when unknown.
    QString emulator(const QString &arch) const;
};

/// A domain capabilities <enum>: whether the element was present at all (absent means
/// "unknown": nothing to narrow by) and the values the host allows.
struct CapabilityEnum
{
    bool known = false;     ///< The element and enum were in the XML.
    bool supported = false; ///< The parent element's supported='yes'.
    QStringList values;

    /// True when the value is allowed, or when the host said nothing (unknown).
    bool allows(const QString &value) const
    {
        return !known || (supported && values.contains(value));
    }
};

/// A CPU model of <mode name='custom'>; usable is "yes", "no" or "unknown" (TCG).
struct CpuModelCapability
{
    QString name;
    QString usable;
    QString vendor;
    bool isUsable() const { return usable != QLatin1String("no"); }
};

/// Domain capabilities (virConnectGetDomainCapabilities) for one (emulator, arch, machine,
/// virttype), parsed into plain values.
struct DomainCapabilities
{
    QString path;     ///< emulator binary
    QString virtType; ///< "kvm" or "qemu"
    QString machine;
    QString arch;
    int maxVcpus = 0;
    /// As HostCapabilities::parseNote.
    QString parseNote;

    bool osSupported = false;
    CapabilityEnum
        firmware; ///< os/enum firmware: "efi", "bios" (empty = automatic selection not offered)
    QStringList loaderValues;   ///< os/loader/value paths
    CapabilityEnum loaderTypes; ///< "rom", "pflash"
    CapabilityEnum secureBoot;  ///< loader/enum secure: "yes", "no"

    /// cpu/mode name -> supported ('host-passthrough', 'host-model', 'maximum', 'custom').
    QHash<QString, bool> cpuModes;
    QString hostModelName; ///< <mode name='host-model'><model>
    QList<CpuModelCapability> customModels;

    /// devices/<name>/enum[@name] as CapabilityEnum: key "disk/bus", "graphics/type",
    /// "video/modelType", "hostdev/subsysType", "tpm/model", ...
    QHash<QString, CapabilityEnum> deviceEnums;
    /// devices/<name> supported attribute ("disk" -> true, "tpm" -> false).
    QHash<QString, bool> devicesSupported;
    /// features/<name> supported attribute ("gic", "s390-pv", "sev", "backup"...).
    QHash<QString, bool> features;

    /// The enum devices/`device`/enum[@name=`name`]; unknown when absent.
    CapabilityEnum deviceEnum(const QString &device, const QString &name) const;
    /// nullopt when the mode was not listed.
    std::optional<bool> cpuModeSupported(const QString &mode) const;
    /// Whether a custom model is listed and not usable='no'. False when unlisted.
    bool customModelUsable(const QString &model) const;
    bool hasCustomModel(const QString &model) const;
    /// Whether UEFI can be chosen: firmware enum lists 'efi', or (older libvirt, no enum)
    /// the loader lists pflash images.
    bool uefiAvailable() const;
};

/// Parses capabilities XML. On malformed XML, or XML over the limits of arch/XmlLimits.h
/// (size, depth), returns nullopt and sets *error; long lists are cut (see parseNote).
std::optional<HostCapabilities> parseHostCapabilities(const QByteArray &xml,
                                                      QString *error = nullptr);
/// Parses domain capabilities XML. On malformed XML returns nullopt and sets *error.
std::optional<DomainCapabilities> parseDomainCapabilities(const QByteArray &xml,
                                                          QString *error = nullptr);

} // namespace crossvirt::arch
