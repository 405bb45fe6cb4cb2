#pragma once

#include "arch/ArchTypes.h"

#include <QList>
#include <QString>
#include <QStringList>
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

/// How a new VM boots its installer or its OS (virt-manager's install methods). Ids (for the
/// CLI and the arch layer's ArchModel::installMethods()): "cdrom", "kernel", "import",
/// "network".
enum class InstallMethod
{
    Cdrom,      ///< an ISO as a CD-ROM (or nothing yet: the disk, as configured)
    KernelBoot, ///< direct kernel boot: QEMU loads kernel and initrd from the VM's host
    ImportDisk, ///< boot an existing disk volume
    Network,    ///< PXE from the first network card
};
/// "cdrom", "kernel", "import", "network".
QString installMethodId(InstallMethod method);
/// The method of an id; nullopt for an unknown id.
std::optional<InstallMethod> installMethodFromId(const QString &id);

/// Direct kernel boot: files on the VM's host (a pool volume is given by its path).
struct KernelBootSpec
{
    QString kernel;  ///< path of the kernel
    QString initrd;  ///< may be empty
    QString cmdline; ///< kernel arguments
    QString dtb;     ///< may be empty; only where the arch uses a device tree
};

/// A disk after the main one (`VmSpec::storage`), each on its own interface.
struct ExtraDiskSpec
{
    StorageSpec storage; ///< a new volume (name empty = derived) or an existing one
    QString interfaceId; ///< id of ArchModel::diskInterfaces()
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
    InstallMethod install = InstallMethod::Cdrom;
    KernelBootSpec kernelBoot; ///< used when install == KernelBoot
    /// "hd", "cdrom", "network" in boot order (the first device of each kind boots);
    /// empty = the arch's default for the install method.
    QStringList bootOrder;
    QList<ExtraDiskSpec> extraDisks; ///< more disks after `storage`, in XML order
    QList<NicSpec> extraNics;        ///< more NICs after `nic`

    /// The name of the volume a NewVolume storage gets ("<vm name>.qcow2" unless set).
    QString newVolumeName() const;
    /// The volume name of extra disk `index` ("<vm name>-disk<index + 2>.qcow2" unless set).
    QString extraVolumeName(qsizetype index) const;
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
