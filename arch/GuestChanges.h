#pragma once

// Changes to a guest that already exists (the VM window's details pages, Add Hardware,
// crossvirt-cli edit/add-device/remove-device/change-media): what a change is, what the
// arch needs to know of the guest to judge it, and the verdict. ArchModel::changeRule()
// is the one place that says whether a change applies now, at the next boot, or not at
// all, and why (ARCH-FACTS.md §6).

#include <QList>
#include <QString>

namespace crossvirt::arch {

/// What is being changed.
enum class GuestChange
{
    VcpuCount,     ///< current vCPUs (virDomainSetVcpusFlags); from/to are counts
    MaxVcpus,      ///< the vCPU ceiling (<vcpu> maximum); from/to are counts
    CpuTopology,   ///< sockets/cores/threads; `to` = the new threads per core (0 = not given)
    CpuModel,      ///< <cpu> mode and model
    MemoryCurrent, ///< the balloon target (<currentMemory>); from/to in MiB
    MaxMemory,     ///< boot memory (<memory>); from/to in MiB
    HotplugMemory, ///< hot-plug a DIMM of `to` MiB (<maxMemory> and slots must exist)
    BootOrder,
    Firmware,
    KernelBoot, ///< <os><kernel>/<initrd>/<cmdline>/<dtb>
    Autostart,
    Metadata,     ///< title and description
    AddDevice,    ///< deviceKind/model say which
    RemoveDevice, ///< deviceKind/model say which
    CdromMedia,   ///< insert or eject the medium of an existing CD-ROM
    /// A new name (virDomainRename): libvirt renames only a shut-off guest. The name's own
    /// rules (empty, "/", taken) are models::NameRules', judged by the edit plan.
    Rename,
    /// Change an existing device in place (virDomainUpdateDeviceFlags); deviceKind/model
    /// name it (model = the model it has after the change), `to` = the DeviceUpdate flags
    /// of what changes. Only network interfaces are updated in place.
    UpdateDevice,
};

/// What a GuestChange::UpdateDevice request changes (GuestChangeRequest::to, or-ed).
namespace DeviceUpdate {
inline constexpr qint64 Source = 1;    ///< a NIC's libvirt network or host bridge
inline constexpr qint64 LinkState = 2; ///< a NIC's link state (up or down)
inline constexpr qint64 Model = 4;     ///< the device's model
} // namespace DeviceUpdate

/// Device kinds of Add Hardware and of a guest's device list (ArchModel::hardwareKinds()).
namespace HardwareKind {
inline constexpr const char *Disk = "disk";
inline constexpr const char *Cdrom = "cdrom";
inline constexpr const char *Nic = "nic";
inline constexpr const char *Console = "console"; ///< serial or console: model = console id
inline constexpr const char *Graphics = "graphics";
inline constexpr const char *Video = "video";
inline constexpr const char *Controller = "controller";
inline constexpr const char *Input = "input";
inline constexpr const char *Watchdog = "watchdog";
inline constexpr const char *Rng = "rng";
inline constexpr const char *Tpm = "tpm";
inline constexpr const char *UsbHost = "usb-host"; ///< USB host device passthrough
inline constexpr const char *PciHost = "pci-host"; ///< PCI host device passthrough (VFIO)
} // namespace HardwareKind

/// One change asked for. deviceKind is a HardwareKind id and model the device's model or
/// bus id (a disk interface id, a NIC model, "vnc", "virtio", ...) for Add/RemoveDevice.
struct GuestChangeRequest
{
    GuestChange change = GuestChange::Metadata;
    QString deviceKind;
    QString model;
    qint64 from = 0;
    qint64 to = 0;
};

/// What the arch needs to know of an existing guest beyond GuestContext.
struct GuestFacts
{
    int vcpus = 0;          ///< current vCPUs
    int maxVcpus = 0;       ///< <vcpu> (the hot-plug ceiling)
    int threadsPerCore = 1; ///< <cpu><topology threads>; 1 when none
    qint64 memoryMiB = 0;        ///< <memory> (boot memory)
    qint64 currentMemoryMiB = 0; ///< <currentMemory> (balloon target)
    qint64 maxMemoryMiB = 0;     ///< <maxMemory>; 0 when none (no memory hot-plug)
    int memorySlots = 0;         ///< <maxMemory slots>
    int freeMemorySlots = 0;     ///< slots not taken by <memory model='dimm'> devices
    bool hasBalloon = false;     ///< a memballoon other than model 'none'
    bool hasNumaCell = false;    ///< <cpu><numa><cell> (x86 DIMMs need one)
    qint64 hostMemoryMiB = 0;    ///< 0 = unknown
    int hostCpus = 0;            ///< 0 = unknown
    /// Free hot-plug PCIe root ports of a running guest on a PCIe machine (q35, virt):
    /// pcie-root-port controllers no device sits behind; -1 = unknown (not checked).
    int freePciSlots = -1;
};

/// When a change takes effect.
enum class ChangeTiming
{
    Now,      ///< applied to the running guest now, and kept for the next boot
    NextBoot, ///< written to the definition; the running guest sees it after a restart
    Refused,  ///< not possible at all (bad value or unsupported)
};

/// The verdict on one change. reason is translated: why it is refused, or, for NextBoot
/// on a running guest, why it cannot apply now ("QEMU cannot hot-plug vCPUs into aarch64
/// virt guests"). On a shut-off guest every allowed change is NextBoot with no reason.
struct ChangeRule
{
    ChangeTiming timing = ChangeTiming::Refused;
    QString reason;

    bool allowed() const { return timing != ChangeTiming::Refused; }
};

} // namespace crossvirt::arch
