#pragma once

#include "models/bulk/BulkActions.h"
#include "models/inventory/InventoryTypes.h"
#include "views/mainwindow/MainWindowModels.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QLabel;
class QLineEdit;
class QTreeView;

namespace crossvirt::models {
class HostSession;
class InventoryStatsProxy;
class InventoryFilterProxy;
struct DomainSummary;
} // namespace crossvirt::models

namespace crossvirt::views {

class ActionController;
class DetailsPane;
class HostChartsPage;
class HostDetailsPage;
class InventoryPresentation;
class MigrationHighlight;
class MainWindowLayout;
class VmWindow;
struct VmTarget;

/// The inventory window: every host and its VMs in one tree, a filter line that
/// understands `arch:` terms, the actions (run by its ActionController on the VM or host
/// the user picked) and a DetailsPane for the selection. It presents the models the
/// application core owns; it builds none of them.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const MainWindowModels &presented, QWidget *parent = nullptr);

    QTreeView *tree() const { return m_tree; }
    QLineEdit *filterEdit() const { return m_filter; }
    models::InventoryModel *inventory() const { return m_models.inventory; }
    models::InventoryFilterProxy *filterProxy() const { return m_proxy; }
    models::ClusterList *clusters() const { return m_models.clusters; }
    models::DatacenterStats *stats() const { return m_models.stats; }
    ActionController *actions() const { return m_actions; }
    DetailsPane *details() const { return m_details; }
    /// Shows the tree as cluster → host → VM (true) or host → VM (false).
    void setViewByCluster(bool byCluster);
    bool viewByCluster() const;
    HostDetailsPage *hostPage() const;
    /// The host (or cluster) Performance charts of the current selection, if any.
    HostChartsPage *hostCharts() const;
    /// Shows the Performance tab of the host/cluster pane.
    void showHostPerformance();
    /// Shows the VM tiles (live thumbnails) of the selected host or cluster, or of the
    /// selected VM's host.
    void showTiles();
    QAction *tilesAction() const { return m_tiles; }

    /// Opens (or raises) the VM window of `uuid` on `uri`. `nameHint` titles it while
    /// the host has not listed the VM yet (right after Create).
    VmWindow *openVm(const QString &uri, const QString &uuid, const QString &nameHint = {});
    /// The remembered layout (QSettings): window, splitter, columns, view, VM windows.
    MainWindowLayout *layout() const { return m_layout; }
    QAction *resetLayoutAction() const { return m_resetLayout; }
    /// Selects a row by URI (and VM uuid) in the tree.
    bool select(const QString &uri, const QString &uuid = {});
    /// Shows an error the way every failed action does.
    void reportError(const QString &title, const QString &text);

    // VM pools and templates (issue 14; PoolActions.cpp).
    QAction *newVmPoolAction() const { return m_newVmPool; }
    QAction *deleteVmPoolAction() const { return m_deleteVmPool; }
    QAction *deleteTemplateAction() const { return m_deleteTemplate; }
    QAction *newVmFromTemplateAction() const { return m_newVmFromTemplate; }
    QAction *startAction() const { return m_start; }
    QAction *shutdownAction() const { return m_shutdown; }
    QAction *rebootAction() const { return m_reboot; }
    QAction *forceOffAction() const { return m_forceOff; }
    QAction *pauseAction() const { return m_pause; }
    QAction *resumeAction() const { return m_resume; }
    QAction *deleteAction() const { return m_delete; }
    QAction *newVmAction() const { return m_newVm; }
    QAction *addDiskAction() const { return m_addDisk; }
    QAction *newClusterAction() const { return m_newCluster; }
    // Clone, templates and bulk actions (issue 14).
    QAction *cloneAction() const { return m_clone; }
    QAction *makeTemplateAction() const { return m_makeTemplate; }
    // Snapshots (issue 13; SnapshotActions.cpp).
    QAction *takeSnapshotAction() const { return m_takeSnapshot; }
    QAction *manageSnapshotsAction() const { return m_manageSnapshots; }
    /// The VMs selected in the tree (several with Ctrl/Shift), in tree order.
    QList<VmTarget> selectedVms() const;
    /// The selected VMs `action` applies to (Start: shut-off VMs that are no template...).
    QList<VmTarget> bulkTargets(models::BulkAction action) const;
    // Migration (issue 13; MigrationActions.cpp).
    QAction *migrateAction() const { return m_migrate; }
    /// View › Show Where the VM Can Move: highlights the hosts the selected VM could move to.
    QAction *whereCanMoveAction() const { return m_whereCanMove; }
    MigrationHighlight *migrationHighlight() const { return m_highlight; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createCloneActions();
    /// Runs `action` on the selection: several VMs go through a bulk confirmation.
    bool runOnSeveral(models::BulkAction action);
    void updateCloneActions(const models::DomainSummary *selected);
    /// Several VMs selected: their summary in the details pane (true), else false.
    bool showSeveralSelected();
    void updateActions();
    void showSelection();
    void updateSummary();
    /// The selected VM, taken once when an action is triggered.
    VmTarget selectedVm() const;
    /// The selected host's URI (empty unless a host row is current).
    QString selectedHostUri() const;
    /// The current row in InventoryModel terms (invalid for cluster rows).
    QModelIndex currentSourceIndex() const;
    /// The current row in the tree's source model (InventoryModel or the cluster model).
    QModelIndex currentTreeSourceIndex() const;
    QString currentClusterId() const;
    /// Maps a tree (view) index down to InventoryModel or ClusterInventoryModel.
    QModelIndex toBaseIndex(const QModelIndex &viewIndex) const;
    QModelIndex fromBaseIndex(const QModelIndex &baseIndex) const;
    void editPreferences();
    /// The Pools menu (New VM Pool, Delete VM Pool, New VM from Template, Delete Template).
    void createPoolActions();
    void updatePoolActions(const models::DomainSummary *selected);
    /// The Snapshot menu (Take Snapshot…, Manage Snapshots…).
    void createSnapshotActions();
    void updateSnapshotActions(const models::DomainSummary *selected,
                               const models::HostSession *session);
    /// Migrate… in the VM menu and the tree's menu; the "where can this go" toggle.
    void createMigrationActions();
    void updateMigrationActions(const models::DomainSummary *selected);
    /// Runs the migration check for the selected VM into the tree (toggle on), or clears it.
    void updateMigrationHighlight();

    MainWindowModels m_models;
    models::InventoryStatsProxy *m_statsByHost;
    models::InventoryStatsProxy *m_statsByCluster;
    InventoryPresentation *m_presentation;
    MigrationHighlight *m_highlight;
    models::InventoryFilterProxy *m_proxy;
    ActionController *m_actions;
    QTreeView *m_tree;
    QLineEdit *m_filter;
    QLabel *m_filterHint;
    DetailsPane *m_details;
    QLabel *m_summary = nullptr;
    QAction *m_addConnection, *m_removeConnection, *m_connect, *m_disconnect;
    QAction *m_forgetPasswords = nullptr;
    QAction *m_open, *m_start, *m_shutdown, *m_reboot, *m_forceOff, *m_pause, *m_resume, *m_delete;
    QAction *m_newVm, *m_addDisk, *m_newCluster, *m_editCluster, *m_deleteCluster, *m_byHost,
        *m_byCluster;
    QAction *m_tiles = nullptr;
    QAction *m_clone = nullptr, *m_makeTemplate = nullptr;
    QList<QPointer<VmWindow>> m_vmWindows;
    MainWindowLayout *m_layout = nullptr;
    QAction *m_resetLayout = nullptr;
    QAction *m_newVmPool = nullptr, *m_deleteVmPool = nullptr, *m_deleteTemplate = nullptr,
            *m_newVmFromTemplate = nullptr;
    QAction *m_takeSnapshot = nullptr, *m_manageSnapshots = nullptr;
    QAction *m_migrate = nullptr, *m_whereCanMove = nullptr;
    quint64 m_highlightRequest = 0;
};

} // namespace crossvirt::views
