#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace crossvirt::models {

/// A domain's run state (virDomainState), as shown in the inventory.
enum class DomainState
{
    NoState,
    Running,
    Blocked,
    Paused,
    ShuttingDown,
    Shutoff,
    Crashed,
    Suspended, ///< PM-suspended by the guest
};

QString domainStateText(DomainState state);
/// Running, blocked, paused, shutting down or PM-suspended: QEMU is alive.
bool isActive(DomainState state);

/// Facts about one host, read on its worker thread when the connection opens.
struct HostInfo
{
    QString uri;
    QString hostname;
    QString driver;   ///< virConnectGetType(): "QEMU", "TEST", ...
    QString arch;     ///< the host's own CPU arch (virNodeGetInfo().model)
    QString cpuModel; ///< capabilities <host><cpu><model>, when it describes this host
    int cpus = 0;
    int mhz = 0;
    quint64 memoryKiB = 0;
    quint64 libvirtVersion = 0;
    QStringList nativeArches;   ///< guest arches run with KVM
    QStringList emulatedArches; ///< guest arches run only with TCG
    /// True when the arch lists come from the host's capabilities; false when the
    /// driver's capabilities do not describe the host (test driver) and policy filled them.
    bool archesFromCapabilities = false;
    /// What the capabilities parser refused or cut (a hostile or broken host: too large,
    /// too deep, over-long lists, invalid UTF-8); empty when they were read whole.
    QString capabilitiesNote;
};

/// One row of the inventory: a domain's identity, state and size.
struct DomainSummary
{
    QString uuid;
    QString name;
    DomainState state = DomainState::NoState;
    QString arch;          ///< guest arch (<os><type arch>)
    QString machine;       ///< machine type (<os><type machine>)
    QString domainType;    ///< "kvm", "qemu", "test", ...
    QString cpuMode;       ///< host-model, host-passthrough, custom, maximum
    QString cpuModel;      ///< named model when custom
    bool emulated = false; ///< runs under TCG rather than natively on this host
    bool persistent = true;
    int vcpus = 0;
    quint64 memoryKiB = 0; ///< current allocation (balloon)
    quint64 maxMemoryKiB = 0;
    /// From Crossvirt's <metadata> (CrossvirtMetadata): a template is an inactive domain
    /// that is never started; VMs of a VM pool carry the pool's name.
    bool isTemplate = false;
    QString fromTemplate; ///< the name of the template the VM was made from
    QString vmPool;       ///< the VM pool the VM belongs to
};

struct DiskInfo
{
    QString device;          ///< disk, cdrom, floppy, lun
    QString type;            ///< file, block, volume, network
    QString source;          ///< path, or pool/volume, or network name
    QString format;          ///< qcow2, raw
    QString target;          ///< vda, sda, hdc
    QString bus;             ///< virtio, scsi, sata, ide, usb
    QString controllerModel; ///< model of the controller the disk sits on (spapr-vscsi...)
    bool readOnly = false;
    bool shareable = false;
};

/// One storage volume behind a VM's disk, as the Delete dialog offers it: what the
/// user must know before ticking it, read from the host on the worker thread.
struct DomainVolume
{
    QString path;         ///< the disk's source: volume path, or pool/volume
    QString target;       ///< vda, sdb, hdc
    QString device;       ///< disk, cdrom, floppy, lun
    bool managed = false; ///< a storage volume libvirt manages (only those can be deleted)
    bool readOnly = false;
    bool shareable = false;
    QStringList usedBy; ///< other VMs on this host whose disks use the same volume
    bool cdrom() const { return device == QLatin1String("cdrom"); }
    /// Never deleted when another VM uses it; not offered when libvirt cannot delete it.
    bool deletable() const { return managed && usedBy.isEmpty(); }
};

struct NicInfo
{
    QString type;   ///< network, bridge, direct, user
    QString source; ///< network or bridge name
    QString model;  ///< virtio, e1000e, spapr-vlan
    QString mac;
};

struct GraphicsInfo
{
    QString type;  ///< vnc, spice
    int port = -1; ///< -1 until the domain runs with autoport
    QString listen;
    bool autoport = false;
    bool hasPassword = false;
};

struct ConsoleInfo
{
    QString kind;       ///< serial or console
    QString targetType; ///< isa-serial, spapr-vio-serial, sclp, virtio, pl011...
    QString alias;
};

/// What the VM window's Overview page shows; parsed from the live domain XML.
struct DomainDetails
{
    DomainSummary summary;
    QString hostUri;
    QString emulator;
    QString firmware; ///< "efi", "bios" or a loader path
    QList<DiskInfo> disks;
    QList<NicInfo> nics;
    QList<GraphicsInfo> graphics;
    QList<ConsoleInfo> consoles;
    QStringList videoModels;
    QStringList controllers; ///< "scsi/virtio-scsi", "usb/qemu-xhci", ...
    QString xml;             ///< the live XML it was parsed from (empty when refused)
    /// What was refused, cut or repaired in a hostile host's XML (arch/XmlLimits.h), in
    /// words for the user: "1000 devices not shown", "The host sent 40 MB of XML...".
    QStringList notices;
};

struct NetworkInfo
{
    QString name;
    bool active = false;
    bool autostart = false;
    QString bridge;
    QString forwardMode; ///< nat, route, bridge, open, or empty for isolated
};

struct PoolInfo
{
    QString name;
    bool active = false;
    QString type; ///< dir, logical, ...
    QString path;
    quint64 capacity = 0;
    quint64 allocation = 0;
    quint64 available = 0;
    int volumes = 0;
    bool autostart = false;
    bool persistent = true; ///< false for a transient pool (gone once stopped)
};

/// The host details page: the host, what it can run, its networks and pools.
struct HostDetails
{
    HostInfo info;
    QString capabilitiesXml;
    QList<NetworkInfo> networks;
    QList<PoolInfo> pools;
};

} // namespace crossvirt::models

Q_DECLARE_METATYPE(crossvirt::models::HostInfo)
Q_DECLARE_METATYPE(crossvirt::models::DomainSummary)
Q_DECLARE_METATYPE(crossvirt::models::DomainDetails)
Q_DECLARE_METATYPE(crossvirt::models::HostDetails)
Q_DECLARE_METATYPE(crossvirt::models::DomainVolume)
