#include "models/cluster/ClusterInventoryModel.h"

#include "models/cluster/ClusterList.h"
#include "models/connection/HostSession.h"

#include <utility>

namespace crossvirt::models {

using namespace Qt::StringLiterals;

ClusterInventoryModel::ClusterInventoryModel(InventoryModel *hosts, ClusterList *clusters,
                                             QObject *parent)
    : QAbstractItemModel(parent), m_source(hosts), m_clusters(clusters)
{
    for (const Cluster &c : clusters->clusters())
        m_groups << Group{m_nextId++, c.id, {}};
    m_groups << Group{m_nextId++, QString(), {}};
    for (int r = 0; r < hosts->rowCount(); ++r) {
        const QString uri = hosts->index(r, 0).data(InventoryModel::UriRole).toString();
        const HostRef host{m_nextId++, uri, 0};
        m_hosts.insert(host.id, host);
        m_hostByUri.insert(uri, host.id);
        const QString wanted = desiredClusterOf(uri);
        for (Group &g : m_groups) {
            if (g.clusterId == wanted) {
                g.hosts << host.id;
                m_hosts[host.id].group = g.id;
                break;
            }
        }
    }

    // VM rows map one to one onto the by-host model's rows under the same host, so their
    // signals are forwarded; host rows are regrouped here.
    connect(hosts, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex &sourceParent, int first, int last) {
                if (!sourceParent.isValid())
                    return;
                const QModelIndex host =
                    hostIndex(sourceParent.data(InventoryModel::UriRole).toString());
                m_forwardingInsert = host.isValid();
                if (m_forwardingInsert)
                    beginInsertRows(host, first, last);
            });
    connect(hosts, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &sourceParent, int first, int last) {
                if (!sourceParent.isValid())
                    addSourceHosts(first, last);
                else if (std::exchange(m_forwardingInsert, false))
                    endInsertRows();
            });
    connect(hosts, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &sourceParent, int first, int last) {
                if (!sourceParent.isValid()) {
                    removeSourceHosts(first, last);
                    return;
                }
                const QModelIndex host =
                    hostIndex(sourceParent.data(InventoryModel::UriRole).toString());
                m_forwardingRemove = host.isValid();
                if (m_forwardingRemove)
                    beginRemoveRows(host, first, last);
            });
    connect(hosts, &QAbstractItemModel::rowsRemoved, this,
            [this](const QModelIndex &sourceParent, int, int) {
                if (sourceParent.isValid() && std::exchange(m_forwardingRemove, false))
                    endRemoveRows();
            });
    connect(hosts, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight,
                   const QList<int> &roles) {
                const QModelIndex sourceParent = topLeft.parent();
                if (!sourceParent.isValid()) {
                    for (int r = topLeft.row(); r <= bottomRight.row(); ++r) {
                        if (const HostRef *h = hostForSourceRow(r))
                            emit dataChanged(indexOfHost(*h, topLeft.column()),
                                             indexOfHost(*h, bottomRight.column()), roles);
                    }
                    return;
                }
                const QModelIndex host =
                    hostIndex(sourceParent.data(InventoryModel::UriRole).toString());
                if (host.isValid()) {
                    emit dataChanged(index(topLeft.row(), topLeft.column(), host),
                                     index(bottomRight.row(), bottomRight.column(), host), roles);
                }
            });
    connect(hosts, &QAbstractItemModel::modelAboutToBeReset, this, [this] { beginResetModel(); });
    connect(hosts, &QAbstractItemModel::modelReset, this, [this] {
        for (Group &g : m_groups)
            g.hosts.clear();
        m_hosts.clear();
        m_hostByUri.clear();
        endResetModel();
        addSourceHosts(0, m_source->rowCount() - 1);
    });
    connect(clusters, &ClusterList::clustersChanged, this, &ClusterInventoryModel::sync);
}

QString ClusterInventoryModel::desiredClusterOf(const QString &uri) const
{
    const auto c = m_clusters ? m_clusters->clusterOfHost(uri) : std::nullopt;
    return c ? c->id : QString();
}

int ClusterInventoryModel::groupRow(quintptr groupId) const
{
    for (int i = 0; i < m_groups.size(); ++i) {
        if (m_groups[i].id == groupId)
            return i;
    }
    return -1;
}

int ClusterInventoryModel::hostRowInGroup(const HostRef &host) const
{
    const int g = groupRow(host.group);
    return g < 0 ? -1 : int(m_groups[g].hosts.indexOf(host.id));
}

QModelIndex ClusterInventoryModel::indexOfHost(const HostRef &host, int column) const
{
    const int row = hostRowInGroup(host);
    return row < 0 ? QModelIndex() : createIndex(row, column, host.group);
}

const ClusterInventoryModel::HostRef *ClusterInventoryModel::hostForSourceRow(int sourceRow) const
{
    const QString uri = m_source->index(sourceRow, 0).data(InventoryModel::UriRole).toString();
    const auto it = m_hosts.constFind(m_hostByUri.value(uri));
    return it == m_hosts.constEnd() ? nullptr : &*it;
}

QModelIndex ClusterInventoryModel::sourceHostIndex(quintptr hostId) const
{
    const auto it = m_hosts.constFind(hostId);
    return it == m_hosts.constEnd() || !m_source ? QModelIndex() : m_source->hostIndex(it->uri);
}

void ClusterInventoryModel::insertHost(quintptr hostId, quintptr groupId)
{
    const int g = groupRow(groupId);
    if (g < 0)
        return;
    const int row = int(m_groups[g].hosts.size());
    beginInsertRows(index(g, 0), row, row);
    m_groups[g].hosts << hostId;
    m_hosts[hostId].group = groupId;
    endInsertRows();
}

void ClusterInventoryModel::takeHost(quintptr hostId)
{
    HostRef &host = m_hosts[hostId];
    const int g = groupRow(host.group);
    const int row = hostRowInGroup(host);
    if (g < 0 || row < 0)
        return;
    beginRemoveRows(index(g, 0), row, row);
    m_groups[g].hosts.removeAt(row);
    host.group = 0;
    endRemoveRows();
}

void ClusterInventoryModel::addSourceHosts(int first, int last)
{
    for (int r = first; r <= last; ++r) {
        const QString uri = m_source->index(r, 0).data(InventoryModel::UriRole).toString();
        if (m_hostByUri.contains(uri))
            continue;
        const HostRef host{m_nextId++, uri, 0};
        m_hosts.insert(host.id, host);
        m_hostByUri.insert(uri, host.id);
        const QModelIndex group = clusterIndex(desiredClusterOf(uri));
        insertHost(host.id, m_groups[group.row()].id);
    }
}

void ClusterInventoryModel::removeSourceHosts(int first, int last)
{
    for (int r = first; r <= last; ++r) {
        const QString uri = m_source->index(r, 0).data(InventoryModel::UriRole).toString();
        const quintptr id = m_hostByUri.value(uri);
        if (!id)
            continue;
        takeHost(id);
        m_hosts.remove(id);
        m_hostByUri.remove(uri);
    }
}

void ClusterInventoryModel::sync()
{
    QStringList wantedGroups;
    for (const Cluster &c : m_clusters->clusters())
        wantedGroups << c.id;
    wantedGroups << QString();

    // 1. Hosts whose cluster changed leave their group first.
    QList<quintptr> moving;
    for (const Group &g : std::as_const(m_groups)) {
        for (quintptr id : g.hosts) {
            if (desiredClusterOf(m_hosts[id].uri) != g.clusterId)
                moving << id;
        }
    }
    for (quintptr id : std::as_const(moving))
        takeHost(id);

    // 2. Clusters that are gone (now empty) go.
    for (int i = int(m_groups.size()) - 1; i >= 0; --i) {
        if (!wantedGroups.contains(m_groups[i].clusterId)) {
            beginRemoveRows({}, i, i);
            m_groups.removeAt(i);
            endRemoveRows();
        }
    }

    // 3. New clusters come in, in the list's order.
    for (int i = 0; i < wantedGroups.size(); ++i) {
        if (i < m_groups.size() && m_groups[i].clusterId == wantedGroups[i])
            continue;
        int found = -1;
        for (int j = i + 1; j < m_groups.size(); ++j) {
            if (m_groups[j].clusterId == wantedGroups[i])
                found = j;
        }
        if (found >= 0) {
            beginMoveRows({}, found, found, {}, i);
            m_groups.move(found, i);
            endMoveRows();
        } else {
            beginInsertRows({}, i, i);
            m_groups.insert(i, Group{m_nextId++, wantedGroups[i], {}});
            endInsertRows();
        }
    }

    // 4. Names, arches and emulation marks may have changed.
    for (int g = 0; g < m_groups.size(); ++g) {
        const QModelIndex group = index(g, 0);
        emit dataChanged(group, index(g, columnCount() - 1));
        if (!m_groups[g].hosts.isEmpty()) {
            emit dataChanged(index(0, 0, group),
                             index(int(m_groups[g].hosts.size()) - 1, columnCount() - 1, group));
        }
    }

    // 5. Moved hosts join their new group.
    for (quintptr id : std::as_const(moving)) {
        const QModelIndex group = clusterIndex(desiredClusterOf(m_hosts[id].uri));
        insertHost(id, m_groups[group.row()].id);
    }
}

QModelIndex ClusterInventoryModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= columnCount())
        return {};
    if (!parent.isValid())
        return row < m_groups.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.column() != 0)
        return {};
    if (parent.internalId() == 0) {
        if (parent.row() >= m_groups.size() || row >= m_groups[parent.row()].hosts.size())
            return {};
        return createIndex(row, column, m_groups[parent.row()].id);
    }
    if (m_hosts.contains(parent.internalId()))
        return {}; // VMs have no children
    const int g = groupRow(parent.internalId());
    if (g < 0 || parent.row() >= m_groups[g].hosts.size())
        return {};
    const quintptr hostId = m_groups[g].hosts[parent.row()];
    if (row >= m_source->rowCount(sourceHostIndex(hostId)))
        return {};
    return createIndex(row, column, hostId);
}

QModelIndex ClusterInventoryModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    const auto host = m_hosts.constFind(child.internalId());
    if (host != m_hosts.constEnd())
        return indexOfHost(*host);
    const int g = groupRow(child.internalId());
    return g < 0 ? QModelIndex() : createIndex(g, 0, quintptr(0));
}

int ClusterInventoryModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.column() != 0)
        return 0;
    if (parent.internalId() == 0)
        return parent.row() < m_groups.size() ? int(m_groups[parent.row()].hosts.size()) : 0;
    if (m_hosts.contains(parent.internalId()))
        return 0;
    const int g = groupRow(parent.internalId());
    if (g < 0 || parent.row() >= m_groups[g].hosts.size())
        return 0;
    return m_source->rowCount(sourceHostIndex(m_groups[g].hosts[parent.row()]));
}

int ClusterInventoryModel::columnCount(const QModelIndex &) const
{
    return InventoryModel::ColumnCount;
}

QVariant ClusterInventoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return m_source ? m_source->headerData(section, orientation, role) : QVariant();
}

QModelIndex ClusterInventoryModel::toInventoryIndex(const QModelIndex &idx) const
{
    if (!idx.isValid() || idx.model() != this || idx.internalId() == 0)
        return {};
    const auto host = m_hosts.constFind(idx.internalId());
    if (host != m_hosts.constEnd())
        return m_source->index(idx.row(), idx.column(), m_source->hostIndex(host->uri));
    const int g = groupRow(idx.internalId());
    if (g < 0 || idx.row() >= m_groups[g].hosts.size())
        return {};
    return sourceHostIndex(m_groups[g].hosts[idx.row()]).siblingAtColumn(idx.column());
}

QVariant ClusterInventoryModel::data(const QModelIndex &idx, int role) const
{
    if (!idx.isValid())
        return {};
    if (idx.internalId() == 0)
        return idx.row() < m_groups.size() ? clusterData(m_groups[idx.row()], idx.column(), role)
                                           : QVariant();
    const QModelIndex source = toInventoryIndex(idx);
    const int g = groupRow(idx.internalId());
    if (g < 0) // a VM row
        return source.data(role);

    // A host row: as the by-host model shows it, plus how it serves its cluster.
    const auto cluster = m_clusters ? m_clusters->cluster(m_groups[g].clusterId) : std::nullopt;
    const auto *session = qobject_cast<HostSession *>(
        source.data(InventoryModel::HostSessionRole).value<QObject *>());
    const bool emulating = cluster && session && session->state() == ConnectionState::Connected &&
                           !session->hostInfo().nativeArches.contains(cluster->arch);
    switch (role) {
    case ClusterIdRole:
        return m_groups[g].clusterId;
    case EmulatingRole:
        return emulating;
    case Qt::DisplayRole:
        if (emulating && idx.column() == InventoryModel::ArchColumn)
            return tr("%1 (emulates %2)").arg(source.data(role).toString(), cluster->arch);
        break;
    case Qt::ToolTipRole:
        if (emulating) {
            return QString(source.data(role).toString() + u"\n"_s +
                           tr("Runs this cluster's %1 guests emulated (TCG), not natively.")
                               .arg(cluster->arch));
        }
        break;
    default:
        break;
    }
    return source.data(role);
}

QVariant ClusterInventoryModel::clusterData(const Group &group, int column, int role) const
{
    const auto cluster = m_clusters ? m_clusters->cluster(group.clusterId) : std::nullopt;
    switch (role) {
    case InventoryModel::KindRole:
        return ClusterKind;
    case ClusterIdRole:
        return group.clusterId;
    case InventoryModel::ArchRole:
        return cluster ? cluster->arch : QString();
    case InventoryModel::NameRole:
        return cluster ? cluster->name : tr("Unclustered");
    case Qt::ToolTipRole:
        if (!cluster)
            return tr("Hosts that belong to no cluster");
        if (cluster->allowEmulation) {
            return cluster->description.isEmpty()
                       ? tr("%1 guests; hosts may emulate them").arg(cluster->arch)
                       : tr("%1\n%2 guests; hosts may emulate them")
                             .arg(cluster->description, cluster->arch);
        }
        return cluster->description.isEmpty()
                   ? tr("%1 guests, run natively").arg(cluster->arch)
                   : tr("%1\n%2 guests, run natively").arg(cluster->description, cluster->arch);
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (column) {
    case InventoryModel::NameColumn:
        return cluster ? cluster->name : tr("Unclustered");
    case InventoryModel::StateColumn:
        return tr("%n host(s)", nullptr, int(group.hosts.size()));
    case InventoryModel::ArchColumn:
        return cluster ? cluster->arch : QString();
    case InventoryModel::CpuModelColumn:
        return cluster ? cluster->cpuType : QString();
    default:
        return {};
    }
}

QModelIndex ClusterInventoryModel::clusterIndex(const QString &clusterId) const
{
    for (int i = 0; i < m_groups.size(); ++i) {
        if (m_groups[i].clusterId == clusterId)
            return index(i, 0);
    }
    return {};
}

QModelIndex ClusterInventoryModel::hostIndex(const QString &uri) const
{
    const auto it = m_hosts.constFind(m_hostByUri.value(uri));
    return it == m_hosts.constEnd() ? QModelIndex() : indexOfHost(*it);
}

QModelIndex ClusterInventoryModel::domainIndex(const QString &uri, const QString &uuid) const
{
    const QModelIndex host = hostIndex(uri);
    const QModelIndex source = m_source->domainIndex(uri, uuid);
    return host.isValid() && source.isValid() ? index(source.row(), 0, host) : QModelIndex();
}

} // namespace crossvirt::models
