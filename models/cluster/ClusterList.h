#pragma once

#include "models/cluster/ClusterStore.h"

#include <QList>
#include <QObject>
#include <optional>

namespace crossvirt::models {

/// The user's clusters, on the GUI thread. Loads and saves clusters.json off the GUI
/// thread (saves in order, each one the whole list, atomically). Keeps every host in at
/// most one cluster.
class ClusterList : public QObject
{
    Q_OBJECT
public:
    explicit ClusterList(ClusterStore store = ClusterStore(), QObject *parent = nullptr);

    /// Reads the saved list on a worker thread; emits loaded() and clustersChanged().
    /// A corrupt file that could not be copied aside is never overwritten.
    void load();
    bool isLoaded() const { return m_loaded; }

    const QList<Cluster> &clusters() const { return m_clusters; }
    std::optional<Cluster> cluster(const QString &id) const;
    /// The cluster host `uri` belongs to, if any.
    std::optional<Cluster> clusterOfHost(const QString &uri) const;
    /// Every cluster but `id` (for name checks while editing `id`).
    QList<Cluster> clustersExcept(const QString &id) const;

    /// Adds `cluster`, or replaces the one with its id. Its hosts leave any other
    /// cluster (a host belongs to one cluster). Saves.
    void setCluster(const Cluster &cluster);
    void removeCluster(const QString &id);
    /// Drops a host from its cluster (e.g. when its connection is removed). Saves.
    void removeHost(const QString &uri);

    const ClusterStore &store() const { return m_store; }

signals:
    void loaded(const crossvirt::models::ClusterStore::LoadResult &result);
    /// After any change: a cluster added, edited or removed, or the list loaded.
    void clustersChanged();
    void saveFailed(const QString &error);

private:
    void save();

    ClusterStore m_store;
    QList<Cluster> m_clusters;
    bool m_loaded = false;
    bool m_persistent = true;
};

} // namespace crossvirt::models
