#pragma once

#include <QFuture>
#include <QMainWindow>
#include <QPointer>
#include <functional>

class QAction;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTreeView;

namespace crossvirt::models {
class ClusterInventoryModel;
class ClusterList;
class Datacenter;
class DatacenterStats;
class InventoryStatsProxy;
class HostSession;
class InventoryFilterProxy;
class InventoryModel;
} // namespace crossvirt::models

namespace crossvirt::views {

class HostChartsPage;
class HostDetailsPage;
class InventoryPresentation;
class OverviewPage;
class VmWindow;

/// The inventory window: every host and its VMs in one tree, a filter line that
/// understands `arch:` terms, VM actions, and a details pane for the selection.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(models::Datacenter *datacenter, QWidget *parent = nullptr);

    QTreeView *tree() const { return m_tree; }
    QLineEdit *filterEdit() const { return m_filter; }
    models::InventoryModel *inventory() const { return m_model; }
    models::InventoryFilterProxy *filterProxy() const { return m_proxy; }
    models::ClusterList *clusters() const { return m_clusters; }
    /// Shows the tree as cluster → host → VM (true) or host → VM (false).
    void setViewByCluster(bool byCluster);
    bool viewByCluster() const;
    HostDetailsPage *hostPage() const { return m_hostPage; }
    /// The host (or cluster) Performance charts of the current selection, if any.
    HostChartsPage *hostCharts() const { return m_hostCharts; }
    models::DatacenterStats *stats() const { return m_stats; }
    /// Shows the Performance tab of the host/cluster pane.
    void showHostPerformance();

    /// Opens (or raises) the VM window of `uuid` on `uri`.
    VmWindow *openVm(const QString &uri, const QString &uuid);
    /// Selects a row by URI (and VM uuid) in the tree.
    bool select(const QString &uri, const QString &uuid = {});
    /// Shows an error the way every failed action does.
    void reportError(const QString &title, const QString &text);

    QAction *startAction() const { return m_start; }
    QAction *shutdownAction() const { return m_shutdown; }
    QAction *forceOffAction() const { return m_forceOff; }
    QAction *pauseAction() const { return m_pause; }
    QAction *resumeAction() const { return m_resume; }
    QAction *deleteAction() const { return m_delete; }
    QAction *newVmAction() const { return m_newVm; }
    QAction *addDiskAction() const { return m_addDisk; }
    QAction *newClusterAction() const { return m_newCluster; }

private:
    void createActions();
    void updateActions();
    void showSelection();
    void updateSummary();
    void
    runOnSelectedVm(const QString &failureTitle,
                    const std::function<QFuture<void>(models::HostSession *, const QString &)> &fn);
    void deleteSelectedVm();
    void addConnection();
    void removeSelectedConnection();
    void connectSelectedHost(bool open);
    void newVm();
    void addDisk();
    void editCluster(bool create);
    void deleteCluster();
    /// The current row in InventoryModel terms (invalid for cluster rows).
    QModelIndex currentSourceIndex() const;
    /// The current row in the tree's source model (InventoryModel or the cluster model).
    QModelIndex currentTreeSourceIndex() const;
    QString currentClusterId() const;
    /// Maps a tree (view) index down to InventoryModel or ClusterInventoryModel.
    QModelIndex toBaseIndex(const QModelIndex &viewIndex) const;
    QModelIndex fromBaseIndex(const QModelIndex &baseIndex) const;
    void showHostCharts(const QList<models::HostSession *> &hosts);
    void editPreferences();

    models::Datacenter *m_datacenter;
    models::InventoryModel *m_model;
    models::ClusterList *m_clusters;
    models::ClusterInventoryModel *m_clusterModel;
    models::DatacenterStats *m_stats;
    models::InventoryStatsProxy *m_statsByHost;
    models::InventoryStatsProxy *m_statsByCluster;
    InventoryPresentation *m_presentation;
    models::InventoryFilterProxy *m_proxy;
    QTreeView *m_tree;
    QLineEdit *m_filter;
    QLabel *m_filterHint;
    QStackedWidget *m_details;
    HostDetailsPage *m_hostPage;
    class QTabWidget *m_hostTabs = nullptr;
    HostChartsPage *m_hostCharts = nullptr;
    OverviewPage *m_vmPage;
    QLabel *m_emptyPage;
    QLabel *m_summary = nullptr;
    QAction *m_addConnection, *m_removeConnection, *m_connect, *m_disconnect;
    QAction *m_open, *m_start, *m_shutdown, *m_reboot, *m_forceOff, *m_pause, *m_resume, *m_delete;
    QAction *m_newVm, *m_addDisk, *m_newCluster, *m_editCluster, *m_deleteCluster, *m_byHost,
        *m_byCluster;
    QList<QPointer<VmWindow>> m_vmWindows;
    quint64 m_detailsGeneration = 0;
};

} // namespace crossvirt::views
