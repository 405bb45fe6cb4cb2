#include "models/cluster/ClusterList.h"

#include <QFutureWatcher>
#include <QThreadPool>
#include <QtConcurrent>

namespace crossvirt::models {

namespace {
// One thread: loads and saves of the cluster file run in the order they were asked for,
// so the last save to finish wrote the newest list.
QThreadPool &filePool()
{
    static QThreadPool pool;
    pool.setMaxThreadCount(1);
    return pool;
}
} // namespace

ClusterList::ClusterList(ClusterStore store, QObject *parent)
    : QObject(parent), m_store(std::move(store))
{}

void ClusterList::load()
{
    const ClusterStore store = m_store;
    auto *watcher = new QFutureWatcher<ClusterStore::LoadResult>(this);
    connect(watcher, &QFutureWatcher<ClusterStore::LoadResult>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const ClusterStore::LoadResult result = watcher->result();
        m_clusters = result.clusters;
        m_loaded = true;
        // A corrupt file nobody could copy aside must survive: keep working in memory only.
        m_persistent = result.status == ClusterStore::Status::Loaded ||
                       result.status == ClusterStore::Status::Missing ||
                       !result.backupPath.isEmpty();
        emit loaded(result);
        emit clustersChanged();
    });
    watcher->setFuture(QtConcurrent::run(&filePool(), [store] { return store.load(); }));
}

std::optional<Cluster> ClusterList::cluster(const QString &id) const
{
    for (const Cluster &c : m_clusters) {
        if (c.id == id)
            return c;
    }
    return std::nullopt;
}

std::optional<Cluster> ClusterList::clusterOfHost(const QString &uri) const
{
    for (const Cluster &c : m_clusters) {
        if (c.hostUris.contains(uri))
            return c;
    }
    return std::nullopt;
}

QList<Cluster> ClusterList::clustersExcept(const QString &id) const
{
    QList<Cluster> others;
    for (const Cluster &c : m_clusters) {
        if (c.id != id)
            others << c;
    }
    return others;
}

void ClusterList::setCluster(const Cluster &cluster)
{
    Cluster added = cluster;
    if (added.id.isEmpty())
        added.id = newClusterId();
    added.hostUris.removeDuplicates();
    bool replaced = false;
    for (Cluster &c : m_clusters) {
        if (c.id == added.id) {
            c = added;
            replaced = true;
            continue;
        }
        for (const QString &uri : std::as_const(added.hostUris))
            c.hostUris.removeAll(uri);
    }
    if (!replaced)
        m_clusters << added;
    emit clustersChanged();
    save();
}

void ClusterList::removeCluster(const QString &id)
{
    const auto removed = m_clusters.removeIf([&id](const Cluster &c) { return c.id == id; });
    if (removed == 0)
        return;
    emit clustersChanged();
    save();
}

void ClusterList::removeHost(const QString &uri)
{
    bool changed = false;
    for (Cluster &c : m_clusters)
        changed = c.hostUris.removeAll(uri) > 0 || changed;
    if (!changed)
        return;
    emit clustersChanged();
    save();
}

void ClusterList::save()
{
    if (!m_persistent)
        return;
    const ClusterStore store = m_store;
    const QList<Cluster> clusters = m_clusters;
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const QString error = watcher->result();
        if (!error.isEmpty())
            emit saveFailed(error);
    });
    watcher->setFuture(
        QtConcurrent::run(&filePool(), [store, clusters] { return store.save(clusters); }));
}

} // namespace crossvirt::models
