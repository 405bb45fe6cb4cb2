#pragma once

#include "arch/ArchTypes.h"
#include "arch/DeviceCatalogue.h"
#include "arch/GuestChanges.h"
#include "arch/GuestPortability.h"
#include "arch/Migration.h"
#include "arch/Snapshots.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace crossvirt::arch {

/// What Crossvirt knows about guests of one CPU architecture (oVirt's strategy
/// class per arch). One subclass per libvirt arch name, found via ArchRegistry.
///
/// The public answers are the arch's policy intersected with the host's domain
/// capabilities when GuestContext::domainCaps is set (the policy alone when it is not,
/// e.g. on the libvirt test driver). Every withheld entry keeps a translated reason; the
/// policy's reason wins over the host's. Lists are in preference order: the first
/// offered entry is the default. Subclasses supply the policy through the protected hooks;
/// the base has a default for most of them, so a subclass overrides only what differs,
/// and DeviceCatalogue gives every withheld entry its standard reason.
class ArchModel
{
    Q_DECLARE_TR_FUNCTIONS(ArchModel)

public:
    enum class DiskRole
    {
        Disk,
        Cdrom
    };

    virtual ~ArchModel();

    /// libvirt's arch name ("x86_64", "ppc64le", ...).
    virtual QString name() const = 0;
    /// Human name shown in views ("POWER (little-endian)").
    virtual QString displayName() const = 0;
    /// Guest arches a host of this arch runs natively with KVM (itself included).
    virtual QStringList nativeGuestArches() const = 0;

    // ---- machine types and firmware ----------------------------------------------
    /// Machine families Crossvirt supports, as libvirt aliases ("q35", "pc").
    virtual QStringList machineFamilies() const = 0;
    /// The default machine alias for a new VM ("q35", "pseries", "virt").
    virtual QString defaultMachine() const = 0;
    /// The family alias a machine name belongs to ("pc-q35-7.2" -> "q35"); empty when it
    /// is none of machineFamilies(). An empty name means defaultMachine().
    virtual QString machineFamily(const QString &machine) const;
    /// Machine types to offer: the families' aliases, then their versioned names found in
    /// `caps` (newest first). Without caps: the families alone. A family the host lacks is
    /// withheld with a reason.
    ChoiceList machineTypes(const HostCapabilities *caps = nullptr) const;
    /// Firmware choices ("default", "efi"), whether UEFI is mandatory and whether the host
    /// can provide what the guest needs.
    FirmwareSpec firmware(const GuestContext &ctx) const;

    // ---- devices ----------------------------------------------------------------------
    /// Interfaces for a new disk. When ctx.running, only hot-pluggable ones are offered.
    ChoiceList diskInterfaces(const GuestContext &ctx) const;
    /// Interfaces for a cdrom.
    ChoiceList cdromInterfaces(const GuestContext &ctx) const;
    /// Interfaces a disk can be hot-plugged on (a subset of the offered cold list).
    ChoiceList hotplugDiskInterfaces(const GuestContext &ctx) const;
    /// How to write a disk on interface `id` (bus, name prefix, controller, addresses).
    /// An id this arch does not know gives a spec with an empty bus.
    virtual DiskInterfaceSpec diskInterfaceSpec(const QString &id) const;
    /// The interface id of an existing disk on target bus `bus` whose controller has model
    /// `controllerModel` (a SCSI disk on an sPAPR VSCSI controller is "spapr-vscsi"); `bus`
    /// itself when no interface of this arch names that controller.
    QString diskInterfaceOf(const QString &bus, const QString &controllerModel) const;
    /// Names, addresses and controllers for a guest's disks and cdroms, given the
    /// interface id of each device in XML order. Controller indices are unique per
    /// controller type; controllers get the bus addresses their arch needs (sPAPR VIO).
    DiskPlan planDisks(const QStringList &interfaceIds) const;
    /// The controller a disk on `interfaceId` needs, at `index`, with an address free
    /// among `taken` when the arch gives that controller one (for adding a disk to an
    /// existing guest). Empty type when the interface needs no controller of its own.
    ControllerSpec diskController(const QString &interfaceId, int index,
                                  const QList<TakenAddress> &taken = {}) const;

    /// Every device of a new guest for the user's `request` (see DevicePlanRequest): the
    /// one place that decides controllers, addresses, console, USB, inputs, watchdog, RNG,
    /// video, graphics, firmware, features and boot order. `ctx` gives the domain
    /// capabilities; the request's machine, virt type and firmware override ctx's.
    DevicePlan devicePlan(const GuestContext &ctx, const DevicePlanRequest &request) const;

    ChoiceList nicModels(const GuestContext &ctx) const;
    /// "vnc", "spice", "none".
    ChoiceList graphicsTypes(const GuestContext &ctx) const;
    /// Console kinds: "serial", "virtio", "sclp".
    ChoiceList consoleTypes(const GuestContext &ctx) const;
    /// The serial console to write for a new VM.
    virtual SerialConsoleSpec serialConsole(const GuestContext &ctx) const = 0;
    /// The <serial>/<console> devices for console id `consoleId` ("" = the default one):
    /// "virtio" a virtio console, "sclp" the SCLP console, "serial" serialConsole().
    virtual SerialConsoleSpec consoleDevices(const GuestContext &ctx,
                                             const QString &consoleId) const;
    /// Video models ("vga", "virtio", "qxl", "bochs", "cirrus", "ramfb", "none").
    ChoiceList videoModels(const GuestContext &ctx) const;
    /// Watchdog model ("i6300esb", "diag288"); empty when the arch has none. Default:
    /// i6300esb (a PCI device).
    virtual QString watchdogModel(const GuestContext &ctx) const;
    /// USB controller model ("qemu-xhci", "nec-xhci", "piix3-uhci"); empty = none.
    /// Default: qemu-xhci.
    virtual QString usbControllerModel(const GuestContext &ctx) const;
    /// Input devices a new VM with graphics gets (tablet so the pointer follows VNC).
    /// Default: USB keyboard and tablet (machines without PS/2).
    virtual QList<InputDeviceSpec> inputDevices(const GuestContext &ctx) const;
    /// Hypervisor features a new VM gets, as libvirt's <features> child names ("acpi",
    /// "apic"). Without ACPI an x86 or UEFI Arm guest cannot be shut down gently. Default:
    /// none.
    virtual QStringList guestFeatures(const GuestContext &ctx) const;

    // ---- install methods and boot ------------------------------------------------------
    /// Kernel argument that sends the kernel's console to console `consoleId` ("" = the
    /// default one): "console=ttyS0", "console=hvc0", "console=ttyAMA0",
    /// "console=ttysclp0", ... A virtio console is hvc0 on every arch.
    QString kernelConsoleArgument(const GuestContext &ctx, const QString &consoleId) const;
    /// Install methods "cdrom" (an ISO as a CD-ROM), "kernel" (direct kernel boot),
    /// "import" (an existing disk) and "network" (PXE), withheld ones with a reason (network
    /// boot needs firmware that can do it).
    ChoiceList installMethods(const GuestContext &ctx) const;
    /// Device kinds a boot order can name: "hd", "cdrom", "network" (withheld like network
    /// install where the firmware cannot boot from the network).
    ChoiceList bootDeviceKinds(const GuestContext &ctx) const;
    /// How many devices with a boot order the firmware tries, and why it is limited.
    virtual BootOrderRules bootOrderRules(const GuestContext &ctx) const;
    /// Whether a direct kernel boot can be given a device tree (<os><dtb>): only arches that
    /// describe their hardware with one; refused with the reason elsewhere.
    Operation deviceTree(const GuestContext &ctx) const;

    // ---- CPU ---------------------------------------------------------------------------
    /// Cluster CPU types of this arch (oVirt style), policy only, in display order.
    virtual QList<ClusterCpuType> clusterCpuTypes() const = 0;
    /// clusterCpuTypes() as choices (id = model, or the mode name for a non-custom type),
    /// narrowed: not what KVM/TCG can do, not what the host's CPU cannot run.
    ChoiceList clusterCpuChoices(const GuestContext &ctx) const;
    /// Id of a cluster CPU type: its model, or the mode name ("host-passthrough"), or
    /// "default" (QEMU's default CPU, no <cpu> element).
    static QString clusterCpuId(const ClusterCpuType &type);
    /// The libvirt CPU for a cluster CPU type id from clusterCpuChoices().
    CpuChoice cpuForClusterType(const QString &id) const;
    /// "host-model", "host-passthrough", "maximum", "custom": host-* only natively.
    ChoiceList cpuModes(const GuestContext &ctx) const;
    /// Named models for mode custom: the host's usable models when known, else policy.
    ChoiceList cpuModels(const GuestContext &ctx) const;
    /// The CPU of a new VM: host-model/passthrough natively, a named model when emulated.
    CpuChoice defaultCpu(const GuestContext &ctx) const;

    // ---- limits and operations -------------------------------------------------------
    Limits limits(const GuestContext &ctx) const;
    /// What can be done with a guest (live migration, snapshots, hot-plug...).
    Operations operations(const GuestContext &ctx) const;

    // ---- changes to an existing guest (arch/GuestChanges.h) -----------------------------
    /// Whether `request` can be made to the guest of `ctx` (ctx.running says whether it
    /// runs) with `guest`'s current values, and when it takes effect: Now (live and kept),
    /// NextBoot (written to the definition; with a reason when the guest runs) or Refused
    /// with the reason. Checks values too: a vCPU count above the maximum, the maximum
    /// below the current count, a count that is not whole cores on pseries, memory off the
    /// arch's step or beyond the host, a DIMM without <maxMemory> slots. Arch rules come
    /// from operations() and changePolicy(); the host's domain capabilities narrow models.
    ChangeRule changeRule(const GuestContext &ctx, const GuestFacts &guest,
                          const GuestChangeRequest &request) const;
    /// Device kinds Add Hardware offers (HardwareKind ids, display order), withheld ones
    /// with the reason (no graphics on s390x; PCI passthrough needs KVM; TPM where the
    /// host's QEMU has no TPM model for the arch).
    ChoiceList hardwareKinds(const GuestContext &ctx) const;
    /// Controllers Add Hardware offers, ids "TYPE/MODEL": "scsi/virtio-scsi",
    /// "scsi/ibmvscsi" (pseries), "usb/qemu-xhci", "virtio-serial/virtio-serial".
    ChoiceList controllerChoices(const GuestContext &ctx) const;
    /// Input devices, ids "TYPE/BUS": "tablet/usb", "keyboard/usb", "mouse/usb",
    /// "keyboard/virtio", "tablet/virtio", "mouse/ps2" (x86 only).
    ChoiceList inputChoices(const GuestContext &ctx) const;
    /// Watchdog models: "i6300esb", "ib700" (x86 pc), "diag288" (s390x).
    ChoiceList watchdogModels(const GuestContext &ctx) const;
    /// RNG models: "virtio" (backend /dev/urandom).
    ChoiceList rngModels(const GuestContext &ctx) const;
    /// TPM models: "tpm-crb", "tpm-tis" (x86, aarch64), "spapr-tpm-proxy"/"tpm-spapr"
    /// (pseries); withheld where the host's domain capabilities list none.
    ChoiceList tpmModels(const GuestContext &ctx) const;
    /// TPM backends: "emulator" (swtpm, a TPM of the guest's own), "passthrough" (the
    /// host's TPM); withheld where the host's domain capabilities list neither.
    ChoiceList tpmBackends(const GuestContext &ctx) const;

    // ---- an existing guest on another host (arch/GuestPortability.h) --------------------
    /// What the host of `target` lacks for an existing guest that needs `guest` (a
    /// template deployed on it, a VM copied there): another guest arch; a machine type the
    /// host's QEMU does not offer for the arch (`hostCaps`' machines; the nearest versions
    /// named); UEFI where the domain capabilities offer none; a CPU model the host cannot
    /// provide; disk buses, NIC/video models, graphics and TPM models its domain
    /// capabilities do not list; host devices (bound to the host they were made on); more
    /// vCPUs than the machine allows. Empty when the guest can run there. `target.virtType`
    /// is how the host would run it (an emulated host cannot give a Kvm-only CPU mode).
    /// `hostCaps` and target.domainCaps may be null (test driver): then only the arch rules.
    /// Arch rules come from portabilityPolicy().
    QList<PortabilityProblem> portabilityProblems(const GuestContext &target,
                                                  const GuestRequirements &guest,
                                                  const HostCapabilities *hostCaps) const;

    // ---- snapshots (arch/Snapshots.h) ----------------------------------------------------
    /// Which snapshots the guest of `ctx` (its firmware, machine and ctx.running) can take
    /// now. Internal: every writable disk in qcow2 (else refused naming the raw disks); a
    /// running guest whose firmware sits in pflash (UEFI) is refused (libvirt: "internal
    /// snapshots of a VM with pflash based firmware are not supported"), with the way out
    /// ("shut it down or take a disk-only external snapshot"); a shut-off UEFI guest is
    /// allowed with internalNote (the NVRAM is left out). External with memory: running
    /// guests only. External: no network disks. operations(ctx).snapshots and
    /// .internalSnapshots (the arch's own policy) win over everything.
    SnapshotModes snapshotModes(const GuestContext &ctx, const SnapshotFacts &facts) const;
    /// Whether the guest of `ctx` can be reverted to `snapshot`: an external one only where
    /// facts.hostRevertsExternal (libvirt >= 9.9), the reason naming the host's version.
    Operation snapshotRevert(const GuestContext &ctx, const SnapshotFacts &facts,
                             const SnapshotNodeFacts &snapshot) const;
    /// Whether `snapshot` can be deleted (`withChildren`: its descendants too). External:
    /// only where facts.hostDeletesExternal, and libvirt 9.x refuses external snapshots that
    /// have children (kept: delete the children first) unless all go.
    Operation snapshotDelete(const GuestContext &ctx, const SnapshotFacts &facts,
                             const SnapshotNodeFacts &snapshot, bool withChildren) const;

    // ---- migration (arch/Migration.h) ----------------------------------------------------
    /// Whether the guest can move to the host of `target` (target.arch is the guest's arch,
    /// target.machine the guest's machine, target.domainCaps the destination's domain
    /// capabilities for that machine when it has it, target.virtType the guest's own virt
    /// type): portabilityProblems() (another arch, machine type missing, UEFI, devices, host
    /// devices); the guest's virt type (a KVM guest needs KVM there, a TCG guest a TCG
    /// domain); live migration: the destination's live-migration feature and
    /// operations(ctx).liveMigration with migrationPolicy() (e.g. a machine type QEMU does
    /// not version); the CPU verdict (Incompatible names libvirt's detail and suggestion;
    /// host-passthrough needs Identical). Notes: a TCG guest going to a host that could run
    /// its arch natively stays emulated.
    MigrationVerdict migrationProblems(const GuestContext &target, const MigrationFacts &facts,
                                       const HostCapabilities *hostCaps) const;

    /// Devices for a new VM of this arch on ctx (machine empty = default machine).
    DefaultDevices defaultDevices(const GuestContext &ctx) const;

    /// Label of a disk interface / NIC / graphics / video / console id (translated).
    static QString diskInterfaceLabel(const QString &id);
    static QString nicModelLabel(const QString &id);
    static QString graphicsLabel(const QString &id);
    static QString videoLabel(const QString &id);
    static QString consoleLabel(const QString &id);
    static QString cpuModeLabel(const QString &id);

protected:
    ArchModel() = default;
    ArchModel(const ArchModel &) = delete;
    ArchModel &operator=(const ArchModel &) = delete;

    /// Policy hooks: each returns the full list for its kind, preference order, with the
    /// arch's own reasons for what it withholds. Use policyList() to build them.
    virtual ChoiceList diskPolicy(const GuestContext &ctx, DiskRole role) const = 0;
    /// Ids of disk interfaces that can be hot-plugged on this arch/machine. Default: the
    /// catalogue's hot-pluggable ones (virtio, scsi, usb).
    virtual QStringList hotplugDiskPolicy(const GuestContext &ctx) const;
    virtual ChoiceList nicPolicy(const GuestContext &ctx) const = 0;
    /// Default: VNC or headless; SPICE withheld ("use VNC").
    virtual ChoiceList graphicsPolicy(const GuestContext &ctx) const;
    /// Default: serial, then virtio console.
    virtual ChoiceList consolePolicy(const GuestContext &ctx) const;
    virtual ChoiceList videoPolicy(const GuestContext &ctx) const = 0;
    /// firmware choices by policy; requiresUefi/defaultFirmware set by the arch.
    virtual FirmwareSpec firmwarePolicy(const GuestContext &ctx) const = 0;
    /// Label of the arch's built-in firmware ("SeaBIOS", "SLOF").
    virtual QString builtinFirmwareLabel() const = 0;
    /// Why the arch withholds a CPU mode ("host-model", "host-passthrough", "maximum",
    /// "custom") for ctx, or empty when it offers it. The base withholds host-* modes for
    /// emulated guests; overrides add their own rules and fall back to the base.
    virtual QString cpuModeWithheldReason(const QString &mode, const GuestContext &ctx) const;
    /// CPU for a native (KVM) guest; default host-model.
    virtual CpuChoice nativeCpu(const GuestContext &ctx) const;
    /// Named CPU for an emulated (TCG) guest: never host-model/host-passthrough.
    virtual CpuChoice emulatedCpu(const GuestContext &ctx) const = 0;
    /// Named models by policy (used when the host lists none).
    virtual QStringList policyCpuModels() const;
    virtual Limits limitsPolicy(const GuestContext &ctx) const = 0;
    /// Default: everything allowed (KVM on x86 and POWER).
    virtual Operations operationsPolicy(const GuestContext &ctx) const;
    /// Whether QEMU keeps `machine`'s layout stable across releases, so a running guest can
    /// move between hosts of different QEMU versions. Default: a name with a version
    /// ("pseries-7.2") or one of machineFamilies()' aliases (QEMU versions them; libvirt pins
    /// the alias to the newest version when the VM is defined).
    virtual bool machineIsVersioned(const QString &machine) const;
    /// The arch's own rules for moving a guest (added to migrationProblems()'s common ones).
    /// Default: a live move of a guest whose machine type is not versioned
    /// (machineIsVersioned()) is refused.
    virtual QList<PortabilityProblem> migrationPolicy(const GuestContext &target,
                                                      const MigrationFacts &facts) const;
    /// The arch's own verdict on a change, after the base has checked values and
    /// operations(): return nullopt to keep the base's verdict. Default: nullopt.
    /// Arch-specific problems of portabilityProblems(), added to the common ones.
    /// Default: none.
    virtual QList<PortabilityProblem> portabilityPolicy(const GuestContext &target,
                                                        const GuestRequirements &guest) const;
    virtual std::optional<ChangeRule> changePolicy(const GuestContext &ctx, const GuestFacts &guest,
                                                   const GuestChangeRequest &request) const;
    /// Input devices by policy (catalogue ids "TYPE/BUS"). Default: USB tablet, keyboard
    /// and mouse where the guest has a USB controller, then the VirtIO ones.
    virtual ChoiceList inputPolicy(const GuestContext &ctx) const;
    /// Watchdog models by policy. Default: watchdogModel() alone.
    virtual ChoiceList watchdogPolicy(const GuestContext &ctx) const;
    /// TPM models by policy, before the host narrows them. Default: TPM TIS (the sysbus
    /// tpm-tis-device libvirt writes for non-x86 machines).
    virtual ChoiceList tpmPolicy(const GuestContext &ctx) const;
    /// The Linux console device of the arch's own serial console (serialConsole()) without
    /// "console=": default "ttyS0" (an 8250/16550 UART).
    virtual QString serialKernelConsole(const GuestContext &ctx) const;
    /// Why the firmware of ctx cannot boot from the network, or empty when it can.
    /// Default: empty (SeaBIOS/OVMF with iPXE, SLOF, UEFI).
    virtual QString networkBootWithheldReason(const GuestContext &ctx) const;
    /// Whether the arch's kernels take a device tree from the boot loader. Default: no.
    virtual bool usesDeviceTree(const GuestContext &ctx) const;
    /// Sets the bus address of a new disk controller, free among `taken`. Default: none
    /// (libvirt assigns PCI addresses itself).
    virtual void assignControllerAddress(ControllerSpec &controller,
                                         const QList<TakenAddress> &taken) const;

    static Operation allowed() { return Operation{true, {}}; }
    static Operation refused(const QString &reason) { return Operation{false, reason}; }

    /// Builds a policy list over the catalogue's ids of `kind`: `offered` ids first in the
    /// given order, then the rest withheld with `reasons[id]` or the catalogue's standard
    /// reason ("exists only on POWER (pseries) guests", "is not available on <arch> guests").
    ChoiceList policyList(const GuestContext &ctx, DeviceKind kind, const QStringList &offered,
                          const QHash<QString, QString> &reasons = {}) const;
    /// A cdrom list over the disk universe: `offered` first; the rest keep `reasons[id]`,
    /// the disk list's own reason, or "Cdroms of <arch> guests use <offered labels>".
    ChoiceList cdromPolicyList(const GuestContext &ctx, const QStringList &offered,
                               const QHash<QString, QString> &reasons = {}) const;
    /// "<label> is not available on <arch> guests".
    QString notAvailableReason(const QString &label) const;
    /// "<label> is not available on <arch> guests; use VNC".
    QString useVncReason(const QString &label) const;
    /// "This host's QEMU offers no <label> for <arch> guests".
    QString hostLacksReason(const QString &label) const;
    /// The machine family ctx refers to (its default when empty).
    QString familyOf(const GuestContext &ctx) const;

    static QStringList diskUniverse();

private:
    const DomainCapabilities *capsFor(const GuestContext &ctx) const;
    /// Kernel boot and boot order of `plan` for `request` (after its disks and NICs).
    void planBoot(const GuestContext &ctx, const DevicePlanRequest &request,
                  DevicePlan &plan) const;
    ChoiceList narrowDisks(const GuestContext &ctx, DiskRole role) const;
    /// pcie-root-ports for `plan`'s own devices plus spare ones for hot-plug, on PCIe machines.
    void addSpareRootPorts(const GuestContext &ctx, DevicePlan &plan) const;
    /// changeRule() parts (GuestChangeRules.cpp): why the request's values are impossible
    /// for this guest; whether a device kind/model exists here; when an allowed change
    /// reaches a running guest.
    std::optional<ChangeRule> refusedValue(const GuestContext &ctx, const GuestFacts &guest,
                                           const GuestChangeRequest &request) const;
    std::optional<ChangeRule> refusedDevice(const GuestContext &ctx,
                                            const GuestChangeRequest &request) const;
    ChangeRule liveTiming(const GuestContext &ctx, const GuestFacts &guest,
                          const GuestChangeRequest &request) const;
    ChangeRule liveDeviceTiming(const GuestContext &ctx, const GuestFacts &guest,
                                const GuestChangeRequest &request) const;
    /// Catalogue ids of `kind` that exist only on this arch (and machine family).
    QStringList ownIds(const GuestContext &ctx, DeviceKind kind) const;
    /// Why guests of ctx have no USB devices, or empty when they have a USB controller.
    QString noUsbReason(const GuestContext &ctx) const;
};

} // namespace crossvirt::arch
