#pragma once

#include "models/inventory/InventoryTypes.h"

#include <QStackedWidget>

class QLabel;
class QTabWidget;

namespace crossvirt::models {
class DatacenterStats;
class HostSession;
} // namespace crossvirt::models

namespace crossvirt::views {

class HostChartsPage;
class HostDetailsPage;
class NetworksPage;
class OverviewPage;
class VmTilesPage;
class StoragePage;

/// The right side of the main window: nothing, a host (details and performance), a
/// cluster (its hosts' performance) or a VM's overview, read off the GUI thread.
class DetailsPane : public QStackedWidget
{
    Q_OBJECT
public:
    explicit DetailsPane(models::DatacenterStats *stats, QWidget *parent = nullptr);

    void showNothing();
    /// Several VMs selected: a short summary (rich text) instead of one VM's overview.
    void showSelectionSummary(const QString &text);
    QLabel *selectionSummary() const { return m_selectionPage; }
    void showHost(models::HostSession *session, const QString &displayName);
    void showCluster(const QString &name, const QList<models::HostSession *> &hosts);
    /// Reads the VM's details from its host, and again whenever its state changes while it
    /// is shown; a later show*() call drops a late answer.
    void showVm(models::HostSession *session, const models::DomainSummary &vm);
    /// Shows the Performance tab of the host/cluster page.
    void showHostPerformance();
    /// Shows the Tiles tab of the host/cluster page (its VMs with live thumbnails).
    void showHostTiles();

    HostDetailsPage *hostPage() const { return m_hostPage; }
    HostChartsPage *hostCharts() const { return m_hostCharts; }
    NetworksPage *networksPage() const { return m_networksPage; }
    OverviewPage *vmPage() const { return m_vmPage; }
    VmTilesPage *tilesPage() const { return m_tilesPage; }
    StoragePage *storagePage() const { return m_storagePage; }

private:
    void showHostCharts(const QList<models::HostSession *> &hosts);
    void readVm(models::HostSession *session, const QString &uuid, quint64 generation);

    models::DatacenterStats *m_stats;
    QLabel *m_emptyPage;
    QLabel *m_selectionPage;
    QTabWidget *m_hostTabs;
    HostDetailsPage *m_hostPage;
    HostChartsPage *m_hostCharts;
    VmTilesPage *m_tilesPage;
    NetworksPage *m_networksPage;
    StoragePage *m_storagePage;
    OverviewPage *m_vmPage;
    QWidget *m_vmScroll;
    quint64 m_generation = 0;
    QMetaObject::Connection m_vmUpdates; ///< state changes of the VM shown
    models::DomainState m_vmState = models::DomainState::NoState;
};

} // namespace crossvirt::views
