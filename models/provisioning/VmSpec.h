#pragma once

#include "arch/ArchTypes.h"

#include <QString>
#include <optional>

namespace crossvirt::models {

/// Where a new VM's disk comes from.
enum class StorageKind
{
    None,           ///< no disk (e.g. a live CD guest)
    NewVolume,      ///< a new volume is created in `pool`
    ExistingVolume, ///< an existing volume of `pool` is used as is
};

/// The disk of a new VM (or the new disk of an existing one).
struct StorageSpec
{
    StorageKind kind = StorageKind::None;
    QString pool;
    /// New volume: its name (empty = derived from the VM name by the builder);
    /// existing volume: the volume to use.
    QString volume;
    qint64 sizeGiB = 0;                       ///< new volume only
    QString format = QStringLiteral("qcow2"); ///< "qcow2" or "raw" (existing: its format)
};

/// A CD-ROM backed by an ISO volume of a pool.
struct CdromSpec
{
    QString pool;
    QString volume;
    QString interfaceId; ///< id of ArchModel::cdromInterfaces()
};

/// A NIC on a libvirt network.
struct NicSpec
{
    QString network;
    QString model; ///< id of ArchModel::nicModels()
};

/// Everything a New-VM dialog or `crossvirt-cli create` decided, as a plain value.
/// Ids are the arch layer's ids (see arch-api.md); DomainXmlBuilder turns it into XML.
struct VmSpec
{
    QString hostUri;
    QString name;
    QString arch;    ///< libvirt arch name of the guest
    QString machine; ///< alias or versioned name; empty = the arch's default
    arch::VirtType virtType = arch::VirtType::Kvm; ///< Kvm native, Qemu emulated
    QString osId;                                  ///< osinfo short-id ("rhel9.0"), may be empty
    QString osinfoUri; ///< osinfo URI, written to the domain metadata when set
    qint64 memoryMiB = 1024;
    int vcpus = 1;
    arch::CpuChoice cpu; ///< CpuMode::Default writes no <cpu>
    QString firmware;    ///< "efi" or "" (the arch's default firmware)
    StorageSpec storage;
    QString diskInterface; ///< id of ArchModel::diskInterfaces()
    std::optional<CdromSpec> cdrom;
    std::optional<NicSpec> nic;
    QString graphics; ///< "vnc", "spice", "none"
    QString video;    ///< video model or "none"
    QString console;  ///< an id of ArchModel::consoleTypes()
    bool startAfterCreate = false;

    /// The name of the volume a NewVolume storage gets ("<vm name>.qcow2" unless set).
    QString newVolumeName() const;
};

/// A new disk for an existing VM (New-Disk dialog, `crossvirt-cli attach-disk`).
struct AttachDiskSpec
{
    QString vmName; ///< the domain (by name)
    QString pool;
    QString volume; ///< empty = derived: "<vm>-diskN.<ext>", free in the pool
    qint64 sizeGiB = 0;
    QString format = QStringLiteral("qcow2");
    QString interfaceId; ///< id of ArchModel::diskInterfaces() (hot-pluggable when running)
};

} // namespace crossvirt::models
