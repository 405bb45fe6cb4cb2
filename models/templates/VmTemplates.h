#pragma once

// Templates (oVirt's): an inactive domain carrying Crossvirt's metadata
// (models/inventory/CrossvirtMetadata.h), stored in libvirt itself so every Crossvirt on
// any machine sees the same templates; its disks are read-only bases. New VMs are made from
// one as qcow2 overlays on its volumes (on the template's own host) or full copies (any
// host of a cluster of its arch), checked against the target host's capabilities before
// anything is created. The New VM wizard, VM pools and `crossvirt-cli template`/`create
// --template` are thin clients of this file.

#include "arch/GuestPortability.h"
#include "models/inventory/CrossvirtMetadata.h"
#include "models/provisioning/HostChoices.h"
#include "models/provisioning/StorageInventory.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFuture>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <memory>

namespace crossvirt::models {

class HostSession;
struct TemplateDeployShared;
struct TemplateDeployFlow;

/// One disk of a template.
struct TemplateDisk
{
    QString target; ///< vda, sda
    QString device; ///< disk, cdrom
    QString path;   ///< the base volume's path ("" for an empty CD-ROM)
    QString pool;   ///< the managed volume ("" when none manages it)
    QString volume;
    QString format;
    quint64 capacity = 0;
    quint64 allocation = 0;
    bool exists = true; ///< false when the volume is gone (deleted behind the template)
};

/// A template as listTemplates() reads it.
struct TemplateInfo
{
    QString uri; ///< its host
    QString uuid;
    QString name;
    CrossvirtMetadata metadata; ///< description, OS, source VM, created
    QString arch;
    QString machine;
    arch::VirtType virtType = arch::VirtType::Kvm;
    QString firmware; ///< "efi" or ""
    int vcpus = 0;
    qint64 memoryMiB = 0;
    QList<TemplateDisk> disks;
    QStringList nicNetworks; ///< the network (or bridge) of each NIC
    /// "2 vCPUs · 2.0 GiB · virtio disk 20 GiB · virtio NIC" (translated)
    QString summary;
    arch::GuestRequirements requirements; ///< what a host must offer (from the XML)
    QString xml; ///< its inactive XML
};

/// Makes a template of the shut-off VM `uuid` in place: writes Crossvirt's template
/// metadata (`description`, `osId` may be empty), marks every disk <readonly/> so a start
/// cannot write its bases, and turns autostart off. Refused (LibvirtError with the reason)
/// for a running VM, a transient one, a VM that already is a template, or a disk that no
/// pool manages. Nothing is changed on refusal.
QFuture<TemplateInfo> makeTemplate(HostSession *session, const QString &uuid,
                                   const QString &description);

/// Every template of the host (inactive domains with template metadata), with its disks'
/// volumes looked up (exists = false for a deleted base).
QFuture<QList<TemplateInfo>> listTemplates(HostSession *session);

/// Deletes template `uuid`: refused while any VM of the host still has a disk backed by one
/// of its volumes (naming the VMs). With `withVolumes`, its base volumes go too.
QFuture<void> deleteTemplate(HostSession *session, const QString &uuid, bool withVolumes);

/// How a VM's disks come from the template's.
enum class TemplateDiskMode
{
    Overlay, ///< qcow2 overlays backed by the template's volumes (template's host only)
    Copy,    ///< full copies (any host)
};
QString templateDiskModeId(TemplateDiskMode mode); ///< "overlay", "copy"
std::optional<TemplateDiskMode> templateDiskModeFromId(const QString &id);

/// A VM to make from a template.
struct FromTemplateRequest
{
    QString name;
    QString targetUri; ///< the host the VM goes to ("" = the template's)
    TemplateDiskMode diskMode = TemplateDiskMode::Overlay;
    QString targetPool; ///< "" = libvirt's default pool (else the first active one)
    QString vmPool;     ///< the VM pool the VM joins ("" = none)
    bool start = false;
};

/// One disk of the new VM.
struct FromTemplateDisk
{
    TemplateDisk base;
    QString pool;      ///< the new volume's pool on the target host
    QString volume;    ///< the new volume's name
    QString volumeXml; ///< Overlay: a qcow2 <volume> with <backingStore> on base.path
    bool copy = false; ///< Copy: VolumeCopy from the template's host
    quint64 bytes = 0; ///< Copy: bytes to send
};

/// A VM from a template, planned. Only an ok() plan can run.
struct FromTemplatePlan
{
    Q_DECLARE_TR_FUNCTIONS(FromTemplatePlan)

public:
    TemplateInfo source;
    FromTemplateRequest request;
    QString targetUri;
    arch::VirtType virtType = arch::VirtType::Kvm; ///< how the target host runs it
    /// The new domain's XML: new name, UUID and MACs, disks (no <readonly/>) on the new
    /// volumes (paths filled in when they exist), Crossvirt's from-template (and pool)
    /// metadata, the domain type of virtType.
    QString domainXml;
    QList<FromTemplateDisk> disks;
    /// Translated reasons it is refused: the target host lacks something the template
    /// needs (arch::ArchModel::portabilityProblems, each named), another arch than the
    /// target cluster's, a base volume that is gone, a taken name, an overlay on another
    /// host than the template's, not enough room in the pool.
    QStringList problems;
    bool ok() const { return problems.isEmpty(); }
};

/// Plans `request` for `tmpl` on the host of `target` (its guest context for the
/// template's arch and machine, domain capabilities included) with `targetStorage` its
/// pools and VM names. `clusterArch` (when not empty) is the arch of the cluster the VM
/// goes to: a template of another arch is refused with the reason. Pure: no I/O.
FromTemplatePlan planFromTemplate(const TemplateInfo &tmpl, const FromTemplateRequest &request,
                                  const GuestHostContext &target,
                                  const StorageSnapshot &targetStorage,
                                  const QString &clusterArch = {});

/// Where a running deployment is.
struct DeployProgress
{
    QString step; ///< translated: "Creating overlay web-01.qcow2", "Copying ...", "Defining web-01"
    quint64 bytesDone = 0;
    quint64 bytesTotal = 0;
};

struct DeployedVm
{
    QString uri;
    QString uuid;
    QString name;
    bool started = false;
    QStringList volumes; ///< paths of the volumes created
};

/// Runs an ok() FromTemplatePlan: creates the overlays or copies (VolumeCopy from the
/// template's host), defines the domain (validated), starts it when asked. Cancel or a
/// failure deletes every volume it created and undefines what it defined.
class TemplateDeployer : public QObject
{
    Q_OBJECT
public:
    /// `templateHost`: the template's host; `targetHost`: where the VM goes (may be the same).
    TemplateDeployer(HostSession *templateHost, HostSession *targetHost,
                     QObject *parent = nullptr);
    ~TemplateDeployer() override;

    void start(const FromTemplatePlan &plan);
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void progress(const crossvirt::models::DeployProgress &progress);
    void finished(const crossvirt::models::DeployedVm &vm);
    void failed(const QString &message, bool cancelled);

private:
    friend struct TemplateDeployFlow; // the chained steps (TemplateDeployer.cpp)
    QPointer<HostSession> m_templateHost;
    QPointer<HostSession> m_targetHost;
    std::shared_ptr<TemplateDeployShared> m_shared;
    bool m_running = false;
};

/// Reads what a host must offer from a domain XML (arch, machine, devices) for
/// arch::ArchModel::portabilityProblems().
arch::GuestRequirements guestRequirements(const QByteArray &domainXml);

} // namespace crossvirt::models

Q_DECLARE_METATYPE(crossvirt::models::TemplateInfo)
Q_DECLARE_METATYPE(crossvirt::models::DeployProgress)
Q_DECLARE_METATYPE(crossvirt::models::DeployedVm)
