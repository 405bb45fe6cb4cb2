#pragma once

// The provisioning core: everything a New VM needs between "this host, this arch, this OS"
// and a defined domain, with no widget. The New VM wizard and `crossvirt-cli create` are
// thin clients of it (virt-manager's virtinst habit), so they cannot disagree about a
// VM's defaults or its XML.

#include "models/osinfo/OsCatalogue.h"
#include "models/provisioning/HostChoices.h"
#include "models/provisioning/ProvisioningJobs.h"
#include "models/provisioning/StorageInventory.h"
#include "models/provisioning/VmSpec.h"
#include "models/provisioning/VmSpecValidator.h"

#include <QFuture>
#include <QObject>
#include <QPointer>
#include <optional>

namespace crossvirt::models {

class HostSession;

/// The guest OS a spec is for, with what osinfo recommends for the guest's arch.
struct OsChoice
{
    QString id;        ///< osinfo short-id
    QString osinfoUri; ///< osinfo URI
    OsResources recommended;

    static OsChoice of(const OsEntry &entry, const QString &arch);
};

/// Defaults of the core that are not the arch's: used when nothing else is known.
struct ProvisioningDefaults
{
    static constexpr qint64 memoryMiB = 1024;
    static constexpr int vcpus = 1;
    static constexpr qint64 diskGiB = 20;
    /// libvirt's "default" pool when active, else the first active one.
    static QString pool(const StorageSnapshot &storage);
    /// libvirt's "default" network when the host has it, else the first one.
    static QString network(const StorageSnapshot &storage);
};

/// The spec a New VM starts from for a guest in `host` (one host, one arch, one machine):
/// every device from the arch model (machine, CPU, firmware, disk and CD-ROM interface,
/// NIC model, graphics, video, the first offered console), memory and vCPUs from the OS's
/// recommendation (memory aligned by the arch's limits), a new qcow2 volume of the OS's
/// recommended size in the default pool and a NIC on the default network; install from a
/// CD-ROM, with the kernel arguments of a kernel boot preset to defaultKernelArguments()
/// for the default console. Unknown arch:
/// the host, arch and machine only.
VmSpec defaultVmSpec(const GuestHostContext &host, const StorageSnapshot &storage,
                     const std::optional<OsChoice> &os = std::nullopt);

/// Memory for `os` on the guest of `host`: its recommendation aligned by the arch's
/// limits, or the core's default.
qint64 recommendedMemoryMiB(const GuestHostContext &host, const std::optional<OsChoice> &os);

/// Kernel arguments a direct kernel boot of the guest of `host` starts with: the arch's
/// argument that puts the kernel's console on console `consoleId` ("" = the arch's default
/// console), e.g. "console=ttyS0", "console=hvc0", "console=ttysclp0". Empty for an
/// unknown arch.
QString defaultKernelArguments(const GuestHostContext &host, const QString &consoleId);

/// Every problem of `spec` for the guest of `host` (arch rules, the host's memory and
/// storage, a host that cannot run the guest).
QList<ValidationProblem> validateVmSpec(const VmSpec &spec, const GuestHostContext &host,
                                        const StorageSnapshot *storage);

/// The plan for `spec` in the host's own guest context (domain capabilities included):
/// the one path from a spec to domain XML for the wizard and the CLI.
std::optional<CreateVmPlan> planCreateVm(const VmSpec &spec, const GuestHostContext &host,
                                         QString *error = nullptr);

/// Fetches a guest context and a host's storage for one client (a wizard, a command) on
/// the hosts' worker threads. Each request gets an id; only the latest request of each
/// kind reports (Hotspot's job tracker: "latest request wins"), so a slow answer for a
/// host the user already left never overwrites the current one.
class GuestContextRequests : public QObject
{
    Q_OBJECT
public:
    explicit GuestContextRequests(QObject *parent = nullptr);

    /// Asks `provider` for the context of a guest of `arch` on `machine` (empty: the
    /// arch's default). Returns the request id.
    quint64 requestContext(HostChoicesProvider *provider, const QString &arch,
                           const QString &machine, bool allowEmulation);
    /// Reads `session`'s pools, volumes and networks. Returns the request id.
    quint64 requestStorage(HostSession *session);
    /// Forgets pending context requests (nothing to ask: no host or no arch).
    void cancelContext()
    {
        ++m_contextRequest;
        m_contextPending = false;
    }

    bool contextPending() const { return m_contextPending; }

signals:
    void contextReady(const crossvirt::models::GuestHostContext &context);
    void contextFailed(const QString &error);
    void storageReady(const crossvirt::models::StorageSnapshot &storage);
    void storageFailed(const QString &error);

private:
    quint64 m_contextRequest = 0;
    quint64 m_storageRequest = 0;
    bool m_contextPending = false;
};

} // namespace crossvirt::models
