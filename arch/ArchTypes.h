#pragma once

#include "arch/Capabilities.h"
#include "arch/Choice.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace crossvirt::arch {

/// How a guest runs on its host: natively with KVM, or emulated by QEMU's TCG.
enum class VirtType
{
    Kvm,
    Qemu
};

/// libvirt's <domain type=...> value: "kvm" or "qemu".
QString virtTypeName(VirtType type);
/// Parses "kvm"/"qemu"; nullopt otherwise.
std::optional<VirtType> virtTypeFromName(const QString &name);

/// The guest the arch layer answers for. machine may be empty (the arch's default) or an
/// alias ("q35") or a versioned name ("pc-q35-7.2"). domainCaps, when set, narrows every
/// list (it must be for this arch; caps of another arch are ignored). firmware "efi" says
/// the guest boots UEFI; empty means the arch's default firmware.
struct GuestContext
{
    QString arch;
    QString machine;
    VirtType virtType = VirtType::Kvm;
    const DomainCapabilities *domainCaps = nullptr;
    bool running = false;
    QString firmware;

    bool isNative() const { return virtType == VirtType::Kvm; }
};

/// A controller the XML must contain, as plain values:
/// <controller type='TYPE' index='INDEX' model='MODEL'><address type=... reg=.../></controller>
struct ControllerSpec
{
    QString type;  ///< "scsi", "usb", "sata"
    QString model; ///< "virtio-scsi", "ibmvscsi" (sPAPR VSCSI), "qemu-xhci", ...
    int index = 0;
    QString addressType;    ///< set by the arch (sPAPR VIO bus); empty = let libvirt assign
    quint64 addressReg = 0; ///< reg of that address; 0 = none written

    bool operator==(const ControllerSpec &) const = default;
};

/// <address type='drive' controller= bus= target= unit=/> for scsi/sata/ide disks.
struct DriveAddress
{
    int controller = 0;
    int bus = 0;
    int target = 0;
    int unit = 0;

    bool operator==(const DriveAddress &) const = default;
};

/// How to write one disk of a given interface: <target dev='PREFIX..' bus='BUS'/>, the
/// controller model it hangs on (when any) and how devices are spread over controllers.
struct DiskInterfaceSpec
{
    QString id;                   ///< "virtio", "scsi", "spapr-vscsi", "sata", "ide", "usb"
    QString bus;                  ///< libvirt target bus ("scsi" for both SCSI interfaces)
    QString devicePrefix;         ///< "vd", "sd", "hd"
    QString controllerType;       ///< empty when the disk needs no controller of its own
    QString controllerModel;      ///< "virtio-scsi", "ibmvscsi" (libvirt's sPAPR VSCSI model)
    int devicesPerController = 0; ///< 0 = no drive address needed (virtio, usb)
    bool usesDriveAddress = false;

    /// Target device name of the n-th device (0-based) on this interface: vda, sdb, hdc.
    QString deviceName(int n) const;
    /// Drive address of the n-th device on this interface (scsi/sata/ide only); the
    /// interface's controllers start at index `firstControllerIndex`.
    std::optional<DriveAddress> driveAddress(int n, int firstControllerIndex = 0) const;
    /// How many controllers of its own `deviceCount` devices on this interface need.
    int controllersNeeded(int deviceCount) const;
    /// Controllers the XML needs so `deviceCount` devices fit on this interface. Two
    /// interfaces of the same controller type (virtio-scsi and spapr-vscsi are both
    /// type 'scsi') need distinct indices: ArchModel::planDisks() assigns them.
    QList<ControllerSpec> requiredControllers(int deviceCount, int firstControllerIndex = 0) const;
};

/// An address an existing device of a guest already holds (<address type=... reg=.../>),
/// so an arch can pick a free one for a new device.
struct TakenAddress
{
    QString type; ///< libvirt address type
    quint64 reg = 0;
};

/// One disk or cdrom of a DiskPlan: what goes in <target> and <address>.
struct PlannedDisk
{
    QString device = QStringLiteral("disk"); ///< libvirt <disk device=...>: "disk" or "cdrom"
    QString interfaceId;
    QString bus;        ///< <target bus=...>
    QString deviceName; ///< <target dev=...>
    std::optional<DriveAddress> address;
    int bootOrder = 0; ///< <boot order=N/>; 0 = none written
};

/// Target names, drive addresses and controllers for all disks and cdroms of a guest.
struct DiskPlan
{
    QList<PlannedDisk> devices;        ///< same order as the request
    QList<ControllerSpec> controllers; ///< to write before the disks
};

/// libvirt <cpu mode=...>. Default means: write no <cpu> element at all.
enum class CpuMode
{
    Default,
    HostModel,
    HostPassthrough,
    Maximum,
    Custom
};
QString cpuModeName(CpuMode mode); ///< "host-model", ..., "" for Default

/// The CPU to put in a guest's XML.
struct CpuChoice
{
    CpuMode mode = CpuMode::Default;
    QString model; ///< for Custom: libvirt model name ("POWER9", "cortex-a57", "max")

    bool operator==(const CpuChoice &) const = default;
};

/// A CPU type a cluster can be set to (oVirt's ServerCPUList): the name users know and
/// what goes in the guest XML.
struct ClusterCpuType
{
    QString displayName; ///< "Intel Nehalem Family", "IBM POWER9", "IBM z14"
    QString model;       ///< libvirt model ("Nehalem", "POWER9", "z14"); empty for non-custom
    CpuMode mode = CpuMode::Custom;
    QString vendor; ///< "Intel", "AMD", "IBM", "ARM", ""
};

/// Firmware facts for a guest: what it boots by default, whether UEFI is a must, and
/// whether this host can provide it.
struct FirmwareSpec
{
    ChoiceList choices; ///< ids "bios" (the arch's default firmware), "efi"
    bool requiresUefi = false;
    QString defaultFirmware; ///< id of the default ("efi" or "bios")
    /// libvirt <os firmware=...> for the default: "efi" or "" (arch default, no attribute).
    QString osFirmwareAttribute;
    /// Set when the guest cannot boot on this host (UEFI required but not available).
    QString problem;
};

/// What a guest serial console is, as plain values for the XML builder:
/// <serial type='pty'><target type=SERIALTYPE><model name=SERIALMODEL/></target></serial>
/// <console type='pty'><target type=CONSOLETARGET/></console>
struct SerialConsoleSpec
{
    QString consoleTargetType; ///< "serial" or "sclp"
    QString serialTargetType;  ///< "isa-serial", "spapr-vio-serial", "system-serial"; empty = no
                               ///< <serial>
    QString serialTargetModel; ///< "isa-serial", "spapr-vty", "pl011", "16550a"; empty = libvirt's
};

/// <input type=TYPE bus=BUS/>
struct InputDeviceSpec
{
    QString type; ///< "tablet", "keyboard", "mouse"
    QString bus;  ///< "usb", "virtio", "ps2"
    bool operator==(const InputDeviceSpec &) const = default;
};

/// Limits of a guest on this arch/machine, for validating dialogs.
struct Limits
{
    int pciSlots = 0; ///< free PCI(e) slots for devices (0 = no PCI, e.g. s390x CCW)
    int maxVcpus = 0; ///< from domain capabilities when known, else policy
    /// Devices per controller (or per bus for IDE) by disk interface id.
    QHash<QString, int> devicesPerController;
    /// Maximum devices on an interface in total (IDE: 4); 0 = bounded by slots only.
    QHash<QString, int> maxDevices;
    int memoryGranularityMiB = 1;        ///< guest memory must be a multiple of this (256 on ppc)
    int memoryHotplugGranularityMiB = 0; ///< DIMM size step; 0 = no memory hot-plug
    int minMemoryMiB = 0;
    /// A DIMM needs a guest NUMA cell (<cpu><numa>): libvirt's rule for every arch but
    /// ppc64/ppc64le, which it exempts.
    bool memoryHotplugNeedsNumaCell = true;
    /// PCI Express machine (x86 q35, Arm and RISC-V virt): every PCI device sits behind a
    /// pcie-root-port, so a running guest hot-plugs a device only into a free one.
    bool pciExpress = false;

    /// Rounds `mib` up to memoryGranularityMiB.
    qint64 alignMemoryMiB(qint64 mib) const;
    bool isValidMemoryMiB(qint64 mib) const;
};

/// How a guest's firmware follows a per-device boot order (<boot order='N'/>).
struct BootOrderRules
{
    int maxDevices = 0; ///< devices the firmware tries, in order; 0 = any number
    QString reason;     ///< translated; why there is a limit (empty when there is none)
};

/// Whether an operation is supported; when not, a translated reason a view can show
/// next to the disabled action.
struct Operation
{
    bool supported = false;
    QString reason;
    explicit operator bool() const { return supported; }
};

struct Operations
{
    Operation liveMigration;
    Operation snapshots;         ///< disk snapshots (external, disk-only)
    Operation internalSnapshots; ///< qcow2 internal snapshots with memory state
    Operation diskHotplug;
    Operation nicHotplug;
    Operation cpuHotplug;
    Operation cpuHotUnplug;
    Operation memoryHotplug;
    Operation memoryHotUnplug;
    /// Shut Down and Reboot: a power-button request the guest acts on (ACPI, RTAS, SCLP
    /// quiesce, GPIO key).
    Operation gracefulShutdown;
};

/// The default console of a new VM: its id of ArchModel::consoleTypes() ("sclp" on s390x,
/// "serial" elsewhere), usable as a QString, plus the devices that id writes (kept for
/// callers written when DefaultDevices::console was a SerialConsoleSpec).
struct DefaultConsole : QString
{
    QString consoleTargetType;
    QString serialTargetType;
    QString serialTargetModel;
};

/// The devices a new VM of this arch gets unless the user picks otherwise. Every id is
/// an offered entry of the corresponding (narrowed) list.
struct DefaultDevices
{
    QString machine;
    VirtType virtType = VirtType::Kvm;
    QString diskInterface;  ///< id, see DiskInterfaceSpec
    QString cdromInterface; ///< id
    QString nicModel;
    QString graphics;       ///< "vnc", "spice" or "none"
    QString video;          ///< model type or "none"
    DefaultConsole console; ///< id ("sclp", "serial"); see DefaultConsole
    QString
        usbController; ///< model, empty = no USB controller (<controller type='usb' model='none'/>)
    QString watchdog;  ///< model, empty = none
    QString firmware;  ///< libvirt <os firmware=...>: "efi" or ""
    CpuChoice cpu;
    QList<InputDeviceSpec> inputs;
    QList<ControllerSpec> controllers; ///< controllers the default disk/cdrom need
};

/// What the user chose for a new guest, as plain values: the input of
/// ArchModel::devicePlan(). Empty ids mean the arch's default for that device.
struct DevicePlanRequest
{
    QString machine; ///< alias or versioned name; empty = the arch's default
    VirtType virtType = VirtType::Kvm;
    QString firmware;            ///< "efi" or "" (the arch's default firmware)
    CpuChoice cpu;               ///< CpuMode::Default writes no <cpu>
    QStringList diskInterfaces;  ///< interface id of each disk, in XML order
    QStringList cdromInterfaces; ///< interface id of each cdrom, after the disks
    QStringList nicModels;       ///< model id of each NIC ("" = the hypervisor's default)
    QString graphics;            ///< "vnc", "spice", "none" or ""
    QString video;               ///< model id, "none", or "" (no <video> element)
    QString console;             ///< "serial", "virtio", "sclp"; "" = the arch's default
    /// How the guest installs/boots: "cdrom", "kernel", "import", "network"; "" = "cdrom".
    QString install;
    /// Device kinds "hd", "cdrom", "network" in boot order: the first device of each kind
    /// gets <boot order='N'/> and <os> no <boot dev>. Empty: the arch's default for install.
    QStringList bootOrder;
    QString kernel;  ///< direct kernel boot: <os><kernel> path on the host (empty = none)
    QString initrd;  ///< <os><initrd>
    QString cmdline; ///< <os><cmdline>
    QString dtb;     ///< <os><dtb>
};

/// Every device of a new guest as plain values, decided by the arch: the XML builder
/// only writes them, in this order.
struct DevicePlan
{
    QString domainType; ///< <domain type=...>: "kvm" or "qemu"
    QString machine;    ///< <os><type machine=...>
    QString osFirmware; ///< <os firmware=...>: "efi" or "" (no attribute)
    /// <os><firmware><feature enabled='no' name=.../>: firmware features libvirt must not
    /// pick ("secure-boot", "enrolled-keys"); empty = no <firmware> element.
    QStringList firmwareFeaturesOff;
    QStringList bootDevices; ///< <os><boot dev=...> in order: "cdrom", "hd"; empty when
                             ///< devices carry <boot order> (never both)
    QString kernel;          ///< <os><kernel>; empty = none (likewise the three below)
    QString initrd;          ///< <os><initrd>
    QString cmdline;         ///< <os><cmdline>
    QString dtb;             ///< <os><dtb>
    QStringList features;    ///< children of <features>
    CpuChoice cpu;
    /// Disk controllers, then the USB one, then spare pcie-root-ports on PCIe machines.
    QList<ControllerSpec> controllers;
    QList<PlannedDisk> disks;  ///< disks, then cdroms, as requested
    QStringList nicModels;     ///< one per NIC; "" = no <model>
    QList<int> nicBootOrders;  ///< one per NIC: <boot order=N/>, 0 = none
    SerialConsoleSpec console; ///< <serial> (when serialTargetType) and <console>
    QList<InputDeviceSpec> inputs;
    QString graphics;       ///< "vnc", "spice"; empty = none
    QString graphicsListen; ///< listen address of the graphics
    QString video;          ///< model type ("none" written as such); empty = no <video>
    QString watchdog;       ///< model; empty = none
    QString watchdogAction;
    QString rngModel;   ///< empty = no <rng>
    QString rngBackend; ///< random source device
};

/// A host considered for placing a guest: its id, its own arch and, when fetched, its
/// capabilities (a test-driver host has none).
struct HostCandidate
{
    QString id;
    QString hostArch;
    std::optional<HostCapabilities> caps;
};

enum class Execution
{
    Native,
    Emulated,
    Unable
};

/// One host's answer for a guest arch: how it would run it, and why not when it cannot.
struct HostPlacement
{
    QString id;
    Execution execution = Execution::Unable;
    VirtType virtType = VirtType::Qemu; ///< Kvm only when Native
    bool offered = false;
    QString reason; ///< translated, set when !offered
};

} // namespace crossvirt::arch
