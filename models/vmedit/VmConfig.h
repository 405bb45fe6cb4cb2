#pragma once

// A VM's editable configuration as plain values, parsed from its domain XML: what the VM
// window's details pages, Add Hardware and crossvirt-cli edit show and change. The XML of
// every device is kept, so a device is detached or updated with exactly what libvirt has.

#include "arch/ArchTypes.h"
#include "arch/GuestChanges.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace crossvirt::models {

/// One device of a guest.
struct VmDevice
{
    QString kind; ///< arch::HardwareKind id; also "memballoon", "dimm" and "other"
    /// What names the device to a user and to `remove-device --id`: the target ("vda",
    /// "sdb") of a disk or CD-ROM, the MAC of a NIC, else libvirt's alias ("video0",
    /// "serial0", "watchdog0") or, on a shut-off guest, KIND + index ("video0").
    QString id;
    QString model;  ///< disk interface id, NIC model, video model, "vnc", "virtio", ...
    QString source; ///< disk/CD-ROM: file or pool/volume (empty: no medium); NIC: network
                    ///< or bridge
    /// NIC: the <interface type> ("network", "bridge", "direct", "user", ...).
    QString sourceType;
    bool linkDown = false; ///< NIC: <link state='down'> (the guest sees no carrier)
    int bootOrder = 0; ///< <boot order>; 0 = none
    bool readOnly = false;
    QString xml; ///< the element as it is in the domain XML (one element)

    /// "VirtIO Disk vda", "NIC 52:54:00:…", "Serial console", "Video VGA" (translated).
    QString label() const;
};

/// A guest's configuration (one definition: live or inactive).
struct VmConfig
{
    Q_DECLARE_TR_FUNCTIONS(VmConfig)

public:
    QString uuid;
    QString name;
    QString title;
    QString description;
    QString arch;
    QString machine;
    arch::VirtType virtType = arch::VirtType::Kvm;
    QString domainType; ///< <domain type>: "kvm", "qemu", "test"
    bool running = false;

    int vcpus = 0;    ///< current (<vcpu current>, else <vcpu>)
    int maxVcpus = 0; ///< <vcpu>
    int sockets = 0, cores = 0, threads = 0; ///< <topology>; 0 = none written
    arch::CpuChoice cpu;

    qint64 memoryMiB = 0;        ///< <memory>
    qint64 currentMemoryMiB = 0; ///< <currentMemory>
    qint64 maxMemoryMiB = 0;     ///< <maxMemory>; 0 = none
    int memorySlots = 0;

    QString firmware; ///< "efi" or "" (the arch's default); from <os firmware> or a loader
    QString kernel, initrd, cmdline, dtb;
    QStringList osBootDevices; ///< <os><boot dev> in order (legacy boot order)
    bool autostart = false;    ///< not in the XML: filled in by loadVmForEdit()

    QList<VmDevice> devices; ///< in XML order
    int numaCells = 0;       ///< <cpu><numa><cell> elements
    QString emulator;        ///< <devices><emulator> (for the domain capabilities)
    /// pcie-root-port controllers no device sits behind (hot-plug room on PCIe machines);
    /// -1 when the XML has no pcie-root (not a PCI Express machine, or not yet expanded).
    int freeRootPorts = -1;

    /// Devices of `kind`.
    QList<VmDevice> devicesOf(const QString &kind) const;
    /// The device with `id` (target, MAC or alias), or nullptr.
    const VmDevice *device(const QString &id) const;
    /// The boot order as device ids, first first (per-device <boot order>, else the
    /// devices <os><boot dev> names: the first disk for "hd", ...).
    QStringList bootOrder() const;
    /// What the arch needs to judge a change (arch::ArchModel::changeRule()).
    arch::GuestFacts facts() const;
    /// A GuestContext for this guest (arch, machine, virt type, running, firmware);
    /// `domainCaps` may be null.
    arch::GuestContext context(const arch::DomainCapabilities *domainCaps = nullptr) const;
};

/// Parses a domain XML (live or inactive). Unknown elements become devices of kind
/// "other" with their XML kept.
VmConfig parseVmConfig(const QByteArray &xml);

} // namespace crossvirt::models
