#pragma once

#include "models/inventory/InventoryModel.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QPointer>

namespace crossvirt::models {

class ClusterList;

/// The inventory by cluster: clusters, under each its hosts, under each host its VMs.
/// Hosts in no cluster sit under an "Unclustered" node (always the last top-level row).
/// Host and VM rows show exactly what the by-host InventoryModel shows (same columns and
/// roles); this model follows that model's row signals and the ClusterList's changes
/// with begin/end insert/remove calls, never a reset after the first fill.
class ClusterInventoryModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    /// InventoryModel::KindRole of cluster rows (after ItemKind::Host and ItemKind::Domain).
    static constexpr int ClusterKind = 2;
    enum Role
    {
        ClusterIdRole = InventoryModel::HostSessionRole + 16, ///< cluster rows and their hosts;
                                                              ///< empty for "Unclustered"
        EmulatingRole, ///< host rows: the host emulates its cluster's arch (TCG)
    };

    ClusterInventoryModel(InventoryModel *hosts, ClusterList *clusters, QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// Row of a cluster (empty id: the "Unclustered" node).
    QModelIndex clusterIndex(const QString &clusterId) const;
    QModelIndex hostIndex(const QString &uri) const;
    QModelIndex domainIndex(const QString &uri, const QString &uuid) const;
    /// The by-host model's index for a host or VM row of this model (invalid for clusters).
    QModelIndex toInventoryIndex(const QModelIndex &index) const;
    InventoryModel *inventory() const { return m_source; }

private:
    struct Group
    {
        quintptr id = 0;
        QString clusterId; ///< empty: Unclustered
        QList<quintptr> hosts;
    };
    struct HostRef
    {
        quintptr id = 0;
        QString uri;
        quintptr group = 0;
    };

    void sync();
    void addSourceHosts(int first, int last);
    void removeSourceHosts(int first, int last);
    QString desiredClusterOf(const QString &uri) const;
    void insertHost(quintptr hostId, quintptr groupId);
    void takeHost(quintptr hostId);
    int groupRow(quintptr groupId) const;
    int hostRowInGroup(const HostRef &host) const;
    QModelIndex indexOfHost(const HostRef &host, int column = 0) const;
    QModelIndex sourceHostIndex(quintptr hostId) const;
    const HostRef *hostForSourceRow(int sourceRow) const;
    QVariant clusterData(const Group &group, int column, int role) const;

    QPointer<InventoryModel> m_source;
    QPointer<ClusterList> m_clusters;
    QList<Group> m_groups;
    QHash<quintptr, HostRef> m_hosts;
    QHash<QString, quintptr> m_hostByUri;
    quintptr m_nextId = 1;
    bool m_forwardingInsert = false; // a VM insert of the source is being forwarded
    bool m_forwardingRemove = false;
};

} // namespace crossvirt::models
