#pragma once

// Whether a guest that already exists (a template, a VM to copy or move) can run on a
// given host: what it needs, read from its definition by models/, judged here against the
// host's guest context (arch, virt type, domain capabilities). Templates (issue #14) use it
// before a VM is defined from one; the migration check can use it too.

#include "arch/ArchTypes.h"

#include <QString>
#include <QStringList>

namespace crossvirt::arch {

/// What an existing guest needs from a host, as plain values (models/ fills it from the
/// domain XML: VmConfig or a template's XML).
struct GuestRequirements
{
    QString arch;            ///< libvirt arch name of the guest
    QString machine;         ///< as written in the XML ("pseries-7.2", "q35", "virt")
    VirtType virtType = VirtType::Kvm; ///< what the guest was made for
    QString firmware;        ///< "efi" or "" (the arch's built-in firmware)
    CpuChoice cpu;           ///< CpuMode::Default = no <cpu>
    int vcpus = 0;
    qint64 memoryMiB = 0;
    QStringList diskBuses;     ///< <disk><target bus> values ("virtio", "scsi", "sata")
    QStringList nicModels;     ///< <interface><model type> values
    QStringList videoModels;   ///< <video><model type> values
    QStringList graphicsTypes; ///< <graphics type> values
    QStringList hostdevTypes;  ///< <hostdev type> values ("usb", "pci"): bound to one host
    QStringList tpmModels;
    /// Controllers as "TYPE/MODEL" (ArchModel::controllerChoices() ids: "scsi/virtio-scsi",
    /// "scsi/ibmvscsi", "usb/qemu-xhci"); what the disk buses alone do not tell apart.
    QStringList controllerModels;
};

/// One thing a host lacks for a guest, in words ("machine type pseries-7.2: this host's
/// QEMU offers pseries-8.0, pseries-7.1", "NIC model spapr-vlan").
struct PortabilityProblem
{
    QString what;   ///< the requirement ("Machine type", "Disk bus"), translated
    QString reason; ///< why the host cannot give it, translated, naming the values
};

} // namespace crossvirt::arch
