#include "models/stats/InventoryStatsProxy.h"

#include "models/inventory/InventoryModel.h"
#include "models/stats/DatacenterStats.h"
#include "models/stats/StatsCollector.h"

#include <cmath>

namespace crossvirt::models {

InventoryStatsProxy::InventoryStatsProxy(DatacenterStats *stats, QObject *parent)
    : QIdentityProxyModel(parent), m_stats(stats)
{
    connect(stats, &DatacenterStats::hostUpdated, this, &InventoryStatsProxy::hostUpdated);
}

void InventoryStatsProxy::setSourceModel(QAbstractItemModel *source)
{
    QIdentityProxyModel::setSourceModel(source);
}

int InventoryStatsProxy::cpuColumn() const
{
    return sourceModel() ? sourceModel()->columnCount() : 0;
}

bool InventoryStatsProxy::isCpuColumn(const QModelIndex &index) const
{
    return index.isValid() && index.model() == this && index.column() == cpuColumn();
}

// Indexes in the added column carry the same internal pointer as the row's first
// column, so the row's identity (and parent) comes from there.
QModelIndex InventoryStatsProxy::firstColumnOf(const QModelIndex &proxyIndex) const
{
    return createIndex(proxyIndex.row(), 0, proxyIndex.internalPointer());
}

int InventoryStatsProxy::columnCount(const QModelIndex &parent) const
{
    if (!sourceModel() || isCpuColumn(parent))
        return 0;
    return sourceModel()->columnCount(mapToSource(parent)) + 1;
}

int InventoryStatsProxy::rowCount(const QModelIndex &parent) const
{
    if (!sourceModel() || isCpuColumn(parent))
        return 0;
    return QIdentityProxyModel::rowCount(parent);
}

bool InventoryStatsProxy::hasChildren(const QModelIndex &parent) const
{
    if (!sourceModel() || isCpuColumn(parent))
        return false;
    return QIdentityProxyModel::hasChildren(parent);
}

QModelIndex InventoryStatsProxy::index(int row, int column, const QModelIndex &parent) const
{
    if (!sourceModel() || isCpuColumn(parent))
        return {};
    if (column == cpuColumn()) {
        const QModelIndex first = QIdentityProxyModel::index(row, 0, parent);
        return first.isValid() ? createIndex(row, column, first.internalPointer()) : QModelIndex();
    }
    return QIdentityProxyModel::index(row, column, parent);
}

QModelIndex InventoryStatsProxy::parent(const QModelIndex &child) const
{
    if (isCpuColumn(child))
        return QIdentityProxyModel::parent(firstColumnOf(child));
    return QIdentityProxyModel::parent(child);
}

QModelIndex InventoryStatsProxy::sibling(int row, int column, const QModelIndex &idx) const
{
    if (!idx.isValid())
        return {};
    return index(row, column, parent(idx));
}

QModelIndex InventoryStatsProxy::mapToSource(const QModelIndex &proxyIndex) const
{
    if (isCpuColumn(proxyIndex))
        return {}; // no source cell: the column is ours
    return QIdentityProxyModel::mapToSource(proxyIndex);
}

Qt::ItemFlags InventoryStatsProxy::flags(const QModelIndex &index) const
{
    if (isCpuColumn(index))
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    Qt::ItemFlags flags = QIdentityProxyModel::flags(index);
    // A VM row never has children. Saying so keeps the tree view from asking every VM
    // for children and from recording 10,000 VMs as "expanded" persistent indexes, which
    // each later re-filter would have to move (hundreds of ms per keystroke).
    if (index.isValid() &&
        index.data(InventoryModel::KindRole).toInt() == int(InventoryModel::ItemKind::Domain))
        flags |= Qt::ItemNeverHasChildren;
    return flags;
}

QVariant InventoryStatsProxy::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && section == cpuColumn()) {
        if (role == Qt::DisplayRole)
            return tr("CPU");
        if (role == Qt::ToolTipRole)
            return tr("CPU use over the last minutes");
        return {};
    }
    return QIdentityProxyModel::headerData(section, orientation, role);
}

double InventoryStatsProxy::cpuPercent(const QModelIndex &sourceRow) const
{
    const QString uri = sourceRow.data(InventoryModel::UriRole).toString();
    const StatsCollector *c = m_stats->collector(uri);
    if (!c)
        return std::nan("");
    const auto kind = sourceRow.data(InventoryModel::KindRole).toInt();
    if (kind == int(InventoryModel::ItemKind::Host)) {
        const auto &samples = c->hostSeries().samples;
        return samples.isEmpty() ? std::nan("") : samples.last().cpuPercent;
    }
    return c->latestVmSample(sourceRow.data(InventoryModel::UuidRole).toString()).cpuPercent;
}

QList<double> InventoryStatsProxy::cpuHistory(const QModelIndex &sourceRow) const
{
    QList<double> out;
    const QString uri = sourceRow.data(InventoryModel::UriRole).toString();
    const StatsCollector *c = m_stats->collector(uri);
    if (!c)
        return out;
    const auto kind = sourceRow.data(InventoryModel::KindRole).toInt();
    if (kind == int(InventoryModel::ItemKind::Host)) {
        const auto &samples = c->hostSeries().samples;
        const qsizetype from = qMax<qsizetype>(0, samples.size() - kSparklinePoints);
        for (qsizetype i = from; i < samples.size(); ++i)
            out << samples.at(i).cpuPercent;
        return out;
    }
    const VmStatsSeries *series = c->vmSeries(sourceRow.data(InventoryModel::UuidRole).toString());
    if (!series)
        return out;
    const qsizetype from = qMax<qsizetype>(0, series->samples.size() - kSparklinePoints);
    for (qsizetype i = from; i < series->samples.size(); ++i)
        out << series->samples.at(i).cpuPercent;
    return out;
}

QVariant InventoryStatsProxy::data(const QModelIndex &index, int role) const
{
    if (!isCpuColumn(index))
        return QIdentityProxyModel::data(index, role);
    const QModelIndex sourceRow = QIdentityProxyModel::mapToSource(firstColumnOf(index));
    switch (role) {
    case Qt::DisplayRole:
    case CpuPercentRole: {
        const double cpu = cpuPercent(sourceRow);
        if (std::isnan(cpu))
            return {};
        if (role == CpuPercentRole)
            return cpu;
        return tr("%1 %").arg(cpu, 0, 'f', cpu < 10 ? 1 : 0);
    }
    case CpuHistoryRole:
        return QVariant::fromValue(cpuHistory(sourceRow));
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    default:
        // Identity roles (URI, UUID, kind) read the same as the row's first cell.
        if (role >= Qt::UserRole && role < CpuPercentRole)
            return sourceRow.data(role);
        return {};
    }
}

void InventoryStatsProxy::hostUpdated(const QString &uri)
{
    QAbstractItemModel *source = sourceModel();
    if (!source)
        return;
    QModelIndex host;
    if (auto *inventory = qobject_cast<InventoryModel *>(source)) {
        host = inventory->hostIndex(uri);
    } else {
        // Hosts at the top, or one level down under group rows (the cluster view).
        for (int r = 0; r < source->rowCount() && !host.isValid(); ++r) {
            const QModelIndex i = source->index(r, 0);
            if (i.data(InventoryModel::KindRole).toInt() == int(InventoryModel::ItemKind::Host)) {
                if (i.data(InventoryModel::UriRole).toString() == uri)
                    host = i;
                continue;
            }
            for (int c = 0; c < source->rowCount(i); ++c) {
                const QModelIndex h = source->index(c, 0, i);
                if (h.data(InventoryModel::UriRole).toString() == uri) {
                    host = h;
                    break;
                }
            }
        }
    }
    if (!host.isValid())
        return;
    const int col = cpuColumn();
    const QModelIndex proxyHost = mapFromSource(host);
    const QModelIndex hostCell = index(proxyHost.row(), col, proxyHost.parent());
    const QList<int> roles{Qt::DisplayRole, CpuPercentRole, CpuHistoryRole};
    emit dataChanged(hostCell, hostCell, roles);
    const int vms = rowCount(proxyHost);
    if (vms <= 0)
        return;
    int first = 0, last = vms - 1;
    const StatsCollector *c = m_stats->collector(uri);
    auto *inventory = qobject_cast<InventoryModel *>(source);
    if (c && !c->lastUpdateReadAll() && inventory) {
        // Only the VMs on screen were read: one range over their rows, not the host's
        // thousands (each changed row costs the filter and the view above us).
        first = vms;
        last = -1;
        for (const QString &uuid : c->lastUpdatedVms()) {
            const QModelIndex row = inventory->domainIndex(uri, uuid);
            if (row.isValid()) {
                first = qMin(first, row.row());
                last = qMax(last, row.row());
            }
        }
        if (last < first)
            return;
    }
    emit dataChanged(index(first, col, proxyHost), index(last, col, proxyHost), roles);
}

} // namespace crossvirt::models
