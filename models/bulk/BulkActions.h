#pragma once

// Actions on several VMs at once, across hosts (datacenter admins need them; virt-manager
// refuses multi-VM operations by design): start, shut down, force off, delete (with the
// volumes only that VM uses) or clone. Each VM's action runs on its own host's worker;
// hosts work in parallel. One result per VM; a failure never stops the others.

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <functional>
#include <memory>

namespace crossvirt::models {

class HostSession;

enum class BulkAction
{
    Start,
    Shutdown,
    ForceOff,
    Delete, ///< undefine (forced off first) and delete the volumes no other VM uses
    Clone,  ///< clone each shut-off VM as suggestedCloneName() with copied disks
};
/// "start", "shutdown", "force-off", "delete", "clone".
QString bulkActionId(BulkAction action);
/// "Start", "Shut down", ... (translated), for the progress window's title.
QString bulkActionLabel(BulkAction action);

struct BulkTarget
{
    QString uri;
    QString uuid;
    QString name;
};

struct BulkItemResult
{
    BulkTarget target;
    bool ok = false;
    /// Translated: what happened ("Started", "Cloned as web-clone") or libvirt's reason.
    QString message;
};

/// Runs one action over many VMs. Targets of one host run one after another (a clone
/// copies one VM at a time); hosts run in parallel.
class BulkRunner : public QObject
{
    Q_OBJECT
public:
    using SessionLookup = std::function<HostSession *(const QString &uri)>;
    explicit BulkRunner(SessionLookup sessionFor, QObject *parent = nullptr);
    ~BulkRunner() override;

    void start(BulkAction action, const QList<BulkTarget> &targets);
    /// Targets not yet started are reported as cancelled; a clone under way is cancelled
    /// (its copies removed).
    void cancel();
    bool isRunning() const;

signals:
    void itemStarted(int index);
    void itemFinished(int index, const crossvirt::models::BulkItemResult &result);
    /// Every target has a result (in target order).
    void finished(const QList<crossvirt::models::BulkItemResult> &results);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace crossvirt::models

Q_DECLARE_METATYPE(crossvirt::models::BulkItemResult)
