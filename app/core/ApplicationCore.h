#pragma once

#include "models/connection/ConnectionStore.h"
#include "models/provisioning/HostCapabilitiesService.h"
#include "models/secrets/SecretStore.h"
#include "views/mainwindow/MainWindowModels.h"

#include <QObject>
#include <memory>

namespace crossvirt::app {

/// The application without its windows (qBittorrent's base/gui split): the hosts
/// (Datacenter), their inventory, the clusters, the statistics and the per-host
/// capabilities. It links no widgets; the main window only presents what it owns, and it
/// outlives the window.
class ApplicationCore : public QObject
{
    Q_OBJECT
public:
    /// `store` is the saved connection list; clusters are saved beside it.
    explicit ApplicationCore(models::ConnectionStore store = models::ConnectionStore(),
                             QObject *parent = nullptr);
    ~ApplicationCore() override;

    /// Opens the hosts: `uris` for this run only (nothing saved), or else the saved list
    /// (the demo datacenter on first start); then reads the clusters (ClusterList::loaded
    /// reports a problem). Returns the saved list's load error, empty when fine.
    QString open(const QStringList &uris = {});

    models::Datacenter *datacenter() const { return m_datacenter.get(); }
    models::InventoryModel *inventory() const { return m_inventory.get(); }
    models::ClusterList *clusters() const { return m_clusters.get(); }
    models::ClusterInventoryModel *clusterInventory() const { return m_clusterInventory.get(); }
    models::DatacenterStats *stats() const { return m_stats.get(); }
    models::HostCapabilitiesService *capabilities() const { return m_capabilities.get(); }
    /// Remembered passwords (the desktop's keyring); removing a host forgets its own.
    models::SecretStore *secrets() const { return m_secrets.get(); }
    /// What the main window presents (borrowed pointers; this object owns them).
    views::MainWindowModels windowModels() const;

private:
    // Declared in build order; destroyed in reverse (stats and models before the hosts).
    std::unique_ptr<models::SecretStore> m_secrets;
    std::unique_ptr<models::Datacenter> m_datacenter;
    std::unique_ptr<models::InventoryModel> m_inventory;
    std::unique_ptr<models::ClusterList> m_clusters;
    std::unique_ptr<models::ClusterInventoryModel> m_clusterInventory;
    std::unique_ptr<models::DatacenterStats> m_stats;
    std::unique_ptr<models::HostCapabilitiesService> m_capabilities;
};

} // namespace crossvirt::app
