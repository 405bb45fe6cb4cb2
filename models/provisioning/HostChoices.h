#pragma once

#include "arch/ArchRegistry.h"
#include "arch/Placement.h"

#include <QFuture>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <memory>
#include <optional>

namespace crossvirt::models {

class HostSession;

/// Everything the arch layer needs to answer for one guest (arch, machine) on one host:
/// how the host would run it, its capabilities and the domain capabilities for that
/// (arch, machine, virttype). Plain value; build a GuestContext from it with context().
struct GuestHostContext
{
    QString uri;
    QString arch;    ///< guest arch asked for
    QString machine; ///< machine asked for, or the arch's default when none was
    QString hostArch;
    quint64 hostMemoryKiB = 0;
    /// Native, emulated or unable (with a reason); virtType is what the XML gets.
    arch::HostPlacement placement;
    /// nullopt when the host's capabilities do not describe it (the test driver).
    std::optional<arch::HostCapabilities> hostCaps;
    /// nullptr when the host has none (the test driver): lists are the policy alone.
    std::shared_ptr<const arch::DomainCapabilities> domainCaps;
    /// libvirt's message when domain capabilities could not be read.
    QString domainCapsError;

    /// The arch model of `arch` (nullptr when Crossvirt does not know it).
    const arch::ArchModel *model() const { return arch::ArchRegistry::instance().find(arch); }
    /// A GuestContext for this guest. It points into this object's domainCaps: keep this
    /// object alive as long as the context is used.
    arch::GuestContext context(bool running = false, const QString &firmware = {}) const;
};

/// Fetches (on the session's worker thread) and caches a host's capabilities once and
/// its domain capabilities per (arch, machine, virttype), for the dialogs and the CLI.
/// A host without domain capabilities (the test driver) yields a context without them.
class HostChoicesProvider : public QObject
{
    Q_OBJECT
public:
    explicit HostChoicesProvider(HostSession *session, QObject *parent = nullptr);

    HostSession *session() const { return m_session; }

    /// The host's capabilities, nullopt when they do not describe the host.
    QFuture<std::optional<arch::HostCapabilities>> hostCapabilities();
    /// What hostCapabilities() answered, without asking the host: nullopt while they have
    /// not been read yet (GUI thread; cheap).
    std::optional<std::optional<arch::HostCapabilities>> cachedHostCapabilities() const;
    /// Uses `caps` as the host's capabilities from now on (read elsewhere, e.g. from a
    /// saved copy or a test fixture); domain capabilities are read again.
    void primeHostCapabilities(const std::optional<arch::HostCapabilities> &caps);
    /// Domain capabilities for (arch, machine, virtType); nullptr when the host has none.
    QFuture<std::shared_ptr<const arch::DomainCapabilities>>
    domainCapabilities(const QString &arch, const QString &machine, arch::VirtType virtType);
    /// The whole context for a guest of `arch` on `machine` (empty: the arch default).
    /// With !allowEmulation a host that can only emulate the arch is "Unable".
    QFuture<GuestHostContext> guestContext(const QString &arch, const QString &machine = {},
                                           bool allowEmulation = true);

private:
    struct Cache;
    HostSession *m_session;
    std::shared_ptr<Cache> m_cache;
};

/// Every list the dialogs offer for one guest on one host, with withheld entries and
/// their reasons, plus the defaults. Computed from a GuestHostContext (cheap, no I/O).
struct GuestChoices
{
    QString arch;
    QString machine;
    arch::HostPlacement placement;
    bool domainCapsUsed = false; ///< false: the arch policy alone (no domain capabilities)
    arch::ChoiceList machineTypes;
    QString defaultMachine;
    arch::ChoiceList diskInterfaces;
    arch::ChoiceList cdromInterfaces;
    arch::ChoiceList hotplugDiskInterfaces;
    arch::ChoiceList nicModels;
    arch::ChoiceList graphicsTypes;
    arch::ChoiceList videoModels;
    arch::ChoiceList consoleTypes;
    arch::ChoiceList cpuModes;
    arch::ChoiceList cpuModels;
    arch::ChoiceList clusterCpuTypes;
    arch::FirmwareSpec firmware;
    arch::DefaultDevices defaults;
    arch::Limits limits;
    arch::ChoiceList installMethods;  ///< "cdrom", "kernel", "import", "network"
    arch::ChoiceList bootDeviceKinds; ///< "hd", "cdrom", "network" for a boot order
    arch::BootOrderRules bootOrder;   ///< how many boot devices the firmware tries
    arch::Operation deviceTree;       ///< whether a kernel boot takes a DTB, else why not
    /// Kernel console argument per console id of consoleTypes ("serial" -> "console=ttyS0").
    QHash<QString, QString> kernelConsoleArguments;
};

/// Computes GuestChoices; nullopt when the arch is unknown to Crossvirt.
std::optional<GuestChoices> computeGuestChoices(const GuestHostContext &host);

} // namespace crossvirt::models
