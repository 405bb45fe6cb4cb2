#pragma once

#include "models/bulk/BulkActions.h"
#include "models/inventory/InventoryTypes.h"
#include "views/mainwindow/MainWindowModels.h"

#include <QFuture>
#include <QObject>
#include <QPointer>
#include <functional>

class QWidget;

namespace crossvirt::models {
class HostSession;
}

namespace crossvirt::views {

/// One VM as the user picked it: the host's URI and the VM's UUID identify it; the name
/// and state are what the confirmation showed. Actions run on exactly this VM, however
/// the tree's selection changes while a confirmation is open.
struct VmTarget
{
    QString uri;
    QString uuid;
    QString name;
    models::DomainState state = models::DomainState::NoState;
    bool isValid() const { return !uri.isEmpty() && !uuid.isEmpty(); }
};

/// The main window's VM and host actions: confirmations, the Delete dialog (fed by a
/// worker-thread read of the VM's storage), and the requests to the host. It never reads
/// the window's selection: callers pass the VM or host the user acted on.
class BulkProgressDialog;

class ActionController : public QObject
{
    Q_OBJECT
public:
    /// `window` parents the confirmations and dialogs.
    ActionController(const MainWindowModels &presented, QWidget *window);

    void start(const VmTarget &vm);
    void shutdown(const VmTarget &vm);
    void reboot(const VmTarget &vm);
    /// Asks first (like pulling the power cord), then forces off `vm`.
    void forceOff(const VmTarget &vm);
    void pause(const VmTarget &vm);
    void resume(const VmTarget &vm);
    /// Reads `vm`'s volumes and who else uses them (worker thread), shows the Delete
    /// dialog, then deletes `vm` and the ticked volumes.
    void deleteVm(const VmTarget &vm);
    void addDisk(const VmTarget &vm);

    // Clone, templates and bulk actions (issue 14).
    /// The Clone dialog for `vm` (a running VM is refused there with the reason).
    void clone(const VmTarget &vm);
    /// The Make Template dialog for `vm`.
    void makeTemplate(const VmTarget &vm);
    /// The Take Snapshot dialog for `vm` (issue 13; SnapshotActions.cpp).
    void takeSnapshot(const VmTarget &vm);
    /// Asks once, listing `targets`, then runs `action` on all of them in a
    /// BulkProgressDialog (one result per VM).
    void bulk(models::BulkAction action, const QList<VmTarget> &targets);

    /// The New VM wizard, preselecting a cluster (if any) or else a host.
    void newVm(const QString &clusterId, const QString &hostUri);
    void addConnection();
    void removeConnection(const QString &uri);
    void connectHost(const QString &uri, bool open);
    /// Deletes every password remembered for `uri` from the keyring (reported on the
    /// status line, or as a failure with the keyring's message).
    void forgetPasswords(const QString &uri);
    void newCluster();
    void editCluster(const QString &clusterId);
    void deleteCluster(const QString &clusterId);

    // VM pools and templates (issue 14; views/mainwindow/PoolActions.cpp).
    /// The New VM Pool dialog, preselecting cluster `clusterId` when it fits the template.
    void newVmPool(const QString &clusterId);
    void deleteVmPool();
    /// Asks (optionally with its base volumes) and deletes template `vm`.
    void deleteTemplate(const VmTarget &vm);
    /// The New VM wizard on its "From a template" path.
    void newVmFromTemplate(const QString &clusterId, const QString &hostUri);

    // Migration (issue 13; views/mainwindow/MigrationActions.cpp).
    /// The Migrate dialog for `vm`.
    void migrate(const VmTarget &vm);

signals:
    void statusMessage(const QString &text, int timeoutMs);
    void failed(const QString &title, const QString &text);
    /// A host to select in the tree (after Add Connection).
    void hostAdded(const QString &uri);
    /// A connection is about to be removed (the details pane lets go of it first).
    void connectionAboutToBeRemoved(const QString &uri);
    void vmCreated(const QString &uri, const QString &uuid, bool openConsole, const QString &name);
    /// A cluster was created or edited: show the tree by cluster.
    void clustersChanged();
    /// A Clone dialog made `name` (selected in the tree).
    void vmCloned(const QString &uri, const QString &uuid, const QString &name);
    void templateMade(const QString &uri, const QString &uuid, const QString &name);
    /// A Migrate dialog moved `name` to host `uri` (selected in the tree).
    void vmMigrated(const QString &uri, const QString &uuid, const QString &name);
    /// A bulk action was confirmed and runs in `dialog` (non-modal, deleted when closed).
    void bulkStarted(crossvirt::views::BulkProgressDialog *dialog);
    /// Emitted when a Delete finished; `problems` lists the volumes that were kept.
    void vmDeleted(const QString &uri, const QString &uuid, const QStringList &problems);

private:
    void run(const VmTarget &vm, const QString &failureTitle,
             const std::function<QFuture<void>(models::HostSession *, const QString &)> &fn);
    void confirmAndDelete(const VmTarget &vm, const QList<models::DomainVolume> &volumes);

    MainWindowModels m_models;
    QPointer<QWidget> m_window;
};

} // namespace crossvirt::views
