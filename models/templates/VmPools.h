#pragma once

// VM pools (oVirt's): N VMs from one template with a name pattern ("web-%02d"), spread over
// a cluster's hosts by the placement rules (hosts that run the arch natively first, emulated
// ones only where the cluster allows it), created concurrently. A VM of a pool carries the
// pool's name in Crossvirt's metadata, so a pool is found again on any machine and deleted
// with its VMs.

#include "models/inventory/InventoryTypes.h"
#include "models/templates/VmTemplates.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

namespace crossvirt::models {

class HostSession;

/// The names of `pattern` for members first..first+count-1: one printf-style integer
/// conversion ("%d", "%02d", "%3d") is required; "%%" is a literal percent. Empty with
/// *error (translated) for no or several conversions, another conversion, a name libvirt
/// or NameRules refuses ("/", empty), or duplicates ("web-%1d" over 12 members).
QStringList expandNamePattern(const QString &pattern, int count, int first = 1,
                              QString *error = nullptr);

/// What a pool asks for.
struct VmPoolRequest
{
    QString name;        ///< the pool's name (metadata); letters, digits, "-", "_", "."
    QString namePattern; ///< "web-%02d"
    int count = 0;       ///< 1..kMaxPoolSize
    TemplateDiskMode diskMode = TemplateDiskMode::Overlay; ///< overlays on the template's
                         ///< host; other hosts always get full copies
    QString clusterArch; ///< the target cluster's arch ("" = the template's)
    bool allowEmulation = false; ///< the cluster's setting
    bool start = false;
};
inline constexpr int kMaxPoolSize = 500;

/// One host of the cluster, as the planner needs it.
struct PoolHostFacts
{
    QString uri;
    QString hostArch;
    GuestHostContext context; ///< for the template's arch and machine on this host
    StorageSnapshot storage;
    qint64 freeMemoryMiB = 0; ///< host memory not already given to running guests
};

struct VmPoolMember
{
    QString name;
    QString hostUri;
    FromTemplatePlan plan; ///< ok() for every member of an ok() pool plan
};

/// A pool, planned: every member placed and planned, or the reasons it cannot be made
/// (nothing is created then).
struct VmPoolPlan
{
    Q_DECLARE_TR_FUNCTIONS(VmPoolPlan)

public:
    TemplateInfo source;
    VmPoolRequest request;
    QList<VmPoolMember> members;
    /// Hosts not used, with the reason (translated): "cannot run ppc64le guests",
    /// "emulated; the cluster does not allow emulation", "lacks machine type ...".
    QList<QPair<QString, QString>> withheldHosts;
    /// Translated reasons the whole pool is refused: a bad pattern, names taken on the
    /// target hosts, no host that can run the template, a count beyond the free space of
    /// the pools or the hosts' memory (naming what is needed and what is free), a pool
    /// name already in use.
    QStringList problems;
    bool ok() const { return problems.isEmpty(); }
};

/// Places and plans the pool over `hosts` (pure). Hosts are ranked with
/// arch::rankHosts(); members go round-robin over the best group (native hosts; emulated
/// only when no native host can take them and the request allows emulation), each to the
/// host with the most free memory left after the members already placed.
/// `existingPools`: the pool names already in use in the datacenter.
VmPoolPlan planVmPool(const TemplateInfo &tmpl, const VmPoolRequest &request,
                      const QList<PoolHostFacts> &hosts, const QStringList &existingPools = {});

/// Reads what planVmPool() needs of one host for `tmpl`: its guest context for the
/// template's arch and machine (emulation allowed: planVmPool() ranks), its storage and VM
/// names, and its free memory (the host's memory less what its running guests have, from
/// the session's inventory). Call on the session's thread; the reads run on its worker.
QFuture<PoolHostFacts> loadPoolHostFacts(HostSession *session, const TemplateInfo &tmpl);

/// The VM pool names in use among `domains` (sorted, each once): planVmPool()'s
/// `existingPools` is this over every host of the datacenter.
QStringList vmPoolNames(const QList<DomainSummary> &domains);

/// The result of one member.
struct VmPoolMemberResult
{
    QString name;
    QString hostUri;
    bool ok = false;
    QString message; ///< the failure, translated (empty when ok)
    QString uuid;
};

/// Creates the members of an ok() plan concurrently (one TemplateDeployer per member, at
/// most two at a time per host). A member that fails is reported and leaves the others;
/// Cancel stops members not yet started and cancels those under way (their volumes are
/// removed); members already made stay.
class VmPoolCreator : public QObject
{
    Q_OBJECT
public:
    /// `sessionFor` finds a host's session by URI (the datacenter's).
    using SessionLookup = std::function<HostSession *(const QString &uri)>;
    VmPoolCreator(SessionLookup sessionFor, QObject *parent = nullptr);
    ~VmPoolCreator() override;

    void start(const VmPoolPlan &plan);
    void cancel();
    bool isRunning() const;

signals:
    /// Overall progress: members done (made or failed) of all.
    void progress(int done, int total);
    void memberFinished(const crossvirt::models::VmPoolMemberResult &result);
    /// Every member has ended; `results` in plan order.
    void finished(const QList<crossvirt::models::VmPoolMemberResult> &results);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

/// Forces off and deletes every VM of pool `pool` on the host, with the volumes made for
/// them (overlays and copies; never the template's bases). Returns the names deleted; a VM
/// that cannot be deleted fails the future with the names already deleted in the text.
QFuture<QStringList> deleteVmPoolOnHost(HostSession *session, const QString &pool);

} // namespace crossvirt::models

Q_DECLARE_METATYPE(crossvirt::models::VmPoolMemberResult)
