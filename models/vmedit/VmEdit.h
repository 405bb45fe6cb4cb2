#pragma once

// The core of editing a VM after it exists: plans (plain values, no I/O, computed on any
// thread) and the jobs that apply them on the host's worker thread. The VM window's
// details pages, Add Hardware, Remove and crossvirt-cli edit/add-device/remove-device/
// change-media are thin clients of this file, so the GUI and the CLI cannot disagree
// about what a change does or why it is refused. Every verdict comes from
// arch::ArchModel::changeRule().

#include "arch/ArchModel.h"
#include "models/vmedit/VmConfig.h"

#include <QCoreApplication>
#include <QFuture>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace crossvirt::models {

class HostSession;

/// A VM as loaded for editing: both definitions, the host's domain capabilities for its
/// (arch, machine, virt type), and host facts the rules need.
struct VmEditContext
{
    QString uri;
    VmConfig live;     ///< == inactive when the VM does not run
    VmConfig inactive; ///< the persistent definition (what the next boot uses)
    QString liveXml;
    QString inactiveXml;
    /// nullptr when the host has none (the test driver): the arch policy alone.
    std::shared_ptr<const arch::DomainCapabilities> domainCaps;
    qint64 hostMemoryMiB = 0;
    int hostCpus = 0;
    /// The names of the host's other VMs (a new name must not be one of them).
    QStringList otherVmNames;

    bool running() const { return live.running; }
    /// The arch model of the VM's arch (nullptr when Crossvirt does not know it).
    const arch::ArchModel *model() const;
    /// The guest context (points into domainCaps: keep this object alive while using it).
    arch::GuestContext context() const;
    /// inactive.facts() with the live vCPU/memory values and the host's figures.
    arch::GuestFacts facts() const;
};

/// Where a change goes: by default live where the guest runs and the arch allows it,
/// and always into the definition.
struct EditScope
{
    bool live = true;   ///< apply to the running guest where possible (--live)
    bool config = true; ///< write the persistent definition (--config)
    /// Refuse a change that cannot apply now on a running guest instead of leaving it for
    /// the next boot (crossvirt-cli --live without --config).
    bool liveOnly() const { return live && !config; }
};

/// One change of a plan, as the details page lists it ("vCPUs: 2 → 4, now").
struct EditStep
{
    arch::GuestChangeRequest request;
    QString description;       ///< translated, names the values
    arch::ChangeRule rule;     ///< Now, NextBoot (with why not now) or Refused (why)
    QString deviceXml;         ///< Add/RemoveDevice, CdromMedia: the element to send
                               ///< (Metadata: the new title or description text;
                               ///< Rename: the new name)
    /// A new disk's volume, created before anything else and deleted again when the plan
    /// fails: its pool and <volume> XML (empty: none).
    QString volumePool;
    QString volumeXml;
};

/// What applying a change means. ok() when no step is refused; a plan with a refused step
/// is never applied (nothing is changed).
struct EditPlan
{
    QString uuid;
    QList<EditStep> steps;
    /// The inactive XML to define (empty when nothing goes into the definition): every
    /// allowed step written, the Now steps too when the scope includes --config, so the
    /// next boot keeps them. applyEdit defines it first (validated), then makes the live
    /// calls, and puts the old definition back when one of them fails.
    QString newInactiveXml;
    EditScope scope;
    bool running = false; ///< whether the guest ran when the plan was made

    bool ok() const;
    bool isEmpty() const { return steps.isEmpty(); }
    /// Translated reasons of the refused steps, one per line.
    QString refusals() const;
    /// Whether any step waits for the next boot of a running guest.
    bool needsRestart() const;
};

/// Plans the changes from `ctx.inactive`/`ctx.live` to `wanted` (a copy of ctx.inactive
/// the caller changed: name, vCPUs, topology, CPU, memory, boot order, firmware, kernel
/// boot, autostart, title, description). A new name is a Rename step, refused on a running
/// guest and for a name NameRules refuses (empty, "/", another VM's). The boot order is
/// wanted.bootOrder(): set the devices' bootOrder (1, 2, ...; 0 = not booted) and clear
/// osBootDevices. More memory for a running guest with <maxMemory> becomes a memory module
/// (HotplugMemory) where the arch allows it.
EditPlan planEdit(const VmEditContext &ctx, const VmConfig &wanted, const EditScope &scope = {});

/// A device to add (Add Hardware, `crossvirt-cli add-device`).
struct AddDeviceRequest
{
    QString kind;  ///< arch::HardwareKind id
    QString model; ///< interface id / model / "TYPE/MODEL" / "TYPE/BUS"; "" = the arch's default
    // disk, cdrom
    QString pool;         ///< volume's pool (existing or new volume)
    QString volume;       ///< existing volume name; with newVolumeGiB > 0: the new one's
    qint64 newVolumeGiB = 0;
    QString format = QStringLiteral("qcow2");
    QString path;         ///< a file path instead of pool/volume (ISO for a CD-ROM)
    // nic
    QString network;      ///< libvirt network (or bridge with bridge = true)
    bool bridge = false;
    QString mac;          ///< "" = libvirt generates one
    // graphics
    QString listen = QStringLiteral("127.0.0.1");
    // usb-host: the device's ids VENDOR:PRODUCT ("046d:c52b", HostDeviceInfo::vendorId and
    // productId: libvirt finds a USB device by them); pci-host: the node device name
    // ("pci_0000_00_1f_2") or its address ("0000:00:1f.2")
    QString hostDevice;
};

/// Plans adding one device: its XML (addresses and controllers from the arch), the
/// controller to add first where the device needs one, and the verdict.
EditPlan planAddDevice(const VmEditContext &ctx, const AddDeviceRequest &request,
                       const EditScope &scope = {});
/// Plans removing the device with `id` (VmDevice::id), live and/or persistent.
EditPlan planRemoveDevice(const VmEditContext &ctx, const QString &id,
                          const EditScope &scope = {});
/// Plans putting `source` (a file path or pool/volume; empty = eject) into the CD-ROM with
/// target `target`.
EditPlan planChangeMedia(const VmEditContext &ctx, const QString &target, const QString &source,
                         const EditScope &scope = {});

/// A change to an existing network interface (the NIC page of the Details tab). Fields
/// left unset stay as they are; the MAC never changes.
struct NicUpdate
{
    QString network;           ///< the new libvirt network, or host bridge with bridge; "" = keep
    bool bridge = false;       ///< `network` names a host bridge (<interface type='bridge'>)
    QString model;             ///< the new NIC model; "" = keep
    std::optional<bool> linkUp; ///< the new link state; nullopt = keep

    bool isEmpty() const { return network.isEmpty() && model.isEmpty() && !linkUp; }
};

/// Plans updating the NIC with MAC `mac` (VmDevice::id): one step per thing that changes
/// (source, link state, model), each judged by the arch (GuestChange::UpdateDevice). On a
/// running guest the source and link state apply now (virDomainUpdateDeviceFlags), the
/// model at the next boot; everything goes into the definition. Values equal to the
/// NIC's current ones are left out.
EditPlan planUpdateNic(const VmEditContext &ctx, const QString &mac, const NicUpdate &update,
                       const EditScope &scope = {});

/// planEdit(), then the NIC updates of `nics` (MAC -> update) on top of it, as one plan
/// (the Details tab stages both).
EditPlan planEdit(const VmEditContext &ctx, const VmConfig &wanted,
                  const QMap<QString, NicUpdate> &nics, const EditScope &scope = {});

/// What apply did, per step: applied now, written for the next boot.
struct EditResult
{
    QStringList appliedNow;
    QStringList nextBoot;
};

// ---- jobs on the host's worker thread ---------------------------------------------------

/// Reads both definitions, autostart, the host's figures and domain capabilities.
QFuture<VmEditContext> loadVmForEdit(HostSession *session, const QString &uuid);
/// Applies an ok() plan: a Rename step first (virDomainRename; when it fails nothing else
/// is done, and when a later step fails the old name is put back), then live steps with
/// virDomainSetVcpusFlags / SetMemoryFlags / Attach/Detach/UpdateDeviceFlags (LIVE|CONFIG where
/// both), then defines newInactiveXml and sets autostart. Fails with a LibvirtError naming the
/// step; steps already applied are listed in the error's text. A plan with a refused step fails
/// before libvirt is called.
QFuture<EditResult> applyEdit(HostSession *session, const EditPlan &plan);

/// Defines `xml` for an existing VM (Edit XML), validated by libvirt first
/// (VIR_DOMAIN_DEFINE_VALIDATE); the UUID must stay the VM's. Fails with libvirt's text.
QFuture<void> defineEditedXml(HostSession *session, const QString &uuid, const QString &xml);

/// A host device that can be passed through.
struct HostDeviceInfo
{
    QString name;        ///< node device name ("usb_1_2", "pci_0000_00_1f_2")
    QString kind;        ///< arch::HardwareKind::UsbHost or PciHost
    QString label;       ///< "Logitech USB Receiver (046d:c52b)", "Intel SATA (00:1f.2)"
    QString vendorId, productId; ///< USB ids ("046d"), PCI vendor/product
    QString address;     ///< USB bus.device, PCI domain:bus:slot.function
    QString usedBy;      ///< a VM on this host that already has it, or empty
};

/// USB and PCI devices of the host (virConnectListAllNodeDevices).
QFuture<QList<HostDeviceInfo>> hostDevices(HostSession *session);

/// Step names for LibvirtError contexts and messages (translated).
struct VmEditSteps
{
    Q_DECLARE_TR_FUNCTIONS(VmEditSteps)
};

} // namespace crossvirt::models
