#pragma once

#include "arch/ArchTypes.h"
#include "models/provisioning/VmSpec.h"

#include <QCoreApplication>
#include <QFuture>
#include <QString>
#include <optional>

namespace crossvirt::models {

class HostSession;

/// A new volume to create: the pool and its <volume> XML.
struct NewVolumePlan
{
    QString pool;
    QString name;
    QString xml;
    quint64 capacityBytes = 0;
};

/// What CreateVm does, as plain values built on the GUI thread (the XML a last page
/// shows is exactly what gets defined).
struct CreateVmPlan
{
    QString name;
    QString domainXml;
    std::optional<NewVolumePlan> volume; ///< the main disk's new volume
    QList<NewVolumePlan> extraVolumes;   ///< new volumes of the extra disks, in order
    bool start = false;
};

struct CreatedVm
{
    QString name;
    QString uuid;
    bool started = false;
    QString volume;           ///< the main volume created, if any
    QStringList extraVolumes; ///< the extra disks' volumes created
};

/// Steps of CreateVm and AttachDisk, as the contexts of their LibvirtErrors.
struct ProvisioningSteps
{
    Q_DECLARE_TR_FUNCTIONS(ProvisioningSteps)
public:
    static QString creatingVolume();
    static QString definingVm();
    static QString startingVm();
    static QString addingController();
    static QString attachingDisk();
    static QString readingVm();
};

/// Builds the plan for `spec` (domain XML and volume XML) in the guest context the spec's
/// choices were made in (the host's, domain capabilities included: see ProvisioningCore's
/// planCreateVm(spec, GuestHostContext)); nullopt with *error when the arch is unknown.
/// Validate the spec first (VmSpecValidator).
std::optional<CreateVmPlan> planCreateVm(const VmSpec &spec, const arch::GuestContext &ctx,
                                         QString *error = nullptr);

/// Creates every new volume (main and extra disks), defines the domain and starts it when
/// asked, on the session's worker thread. When a step fails, what was already made is
/// removed (every volume it created) and the future
/// fails with a LibvirtError naming the step and carrying libvirt's message.
QFuture<CreatedVm> createVm(HostSession *session, const CreateVmPlan &plan);

struct AttachedDisk
{
    QString targetDev;
    QString bus;
    QString pool;
    QString volume;
    bool live = false;            ///< attached to the running VM too
    bool controllerAdded = false; ///< e.g. an sPAPR VSCSI controller on ppc64
};

/// Creates the volume and attaches it to the VM, adding the controller it needs first,
/// on the session's worker thread; on failure the volume is deleted and the VM's
/// definition restored (the future fails with a LibvirtError naming the step).
QFuture<AttachedDisk> attachDisk(HostSession *session, const AttachDiskSpec &spec);

} // namespace crossvirt::models
