#include "models/storage/StorageModels.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace crossvirt::models {

QString storageSizeText(quint64 bytes)
{
    return QLocale().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeTraditionalFormat);
}

namespace {

bool samePool(const PoolContents &a, const PoolContents &b)
{
    const PoolInfo &x = a.info;
    const PoolInfo &y = b.info;
    if (x.name != y.name || x.active != y.active || x.type != y.type || x.path != y.path ||
        x.capacity != y.capacity || x.allocation != y.allocation || x.available != y.available ||
        x.volumes != y.volumes || x.autostart != y.autostart ||
        a.volumes.size() != b.volumes.size())
        return false;
    return true;
}

bool sameVolume(const VolumeInfo &a, const VolumeInfo &b)
{
    return a.name == b.name && a.path == b.path && a.format == b.format &&
           a.capacity == b.capacity && a.allocation == b.allocation && a.usedBy == b.usedBy;
}

} // namespace

PoolListModel::PoolListModel(QObject *parent) : KeyedTableModel(parent) {}

void PoolListModel::setPools(const QList<PoolContents> &pools)
{
    mergeRows(
        m_pools, pools, [](const PoolContents &p) { return p.info.name; }, samePool, ColumnCount);
}

const PoolContents *PoolListModel::pool(const QString &name) const
{
    const int row = rowOf(name);
    return row < 0 ? nullptr : &m_pools.at(row);
}

int PoolListModel::rowOf(const QString &name) const
{
    return rowOfKey(m_pools, name, [](const PoolContents &p) { return p.info.name; });
}

int PoolListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_pools.size());
}

int PoolListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PoolListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_pools.size())
        return {};
    const PoolInfo &p = m_pools.at(index.row()).info;
    const double usage = p.capacity ? double(p.allocation) / double(p.capacity) : 0.0;
    switch (role) {
    case NameRole:
        return p.name;
    case UsageRole:
        return usage;
    case ActiveRole:
        return p.active;
    case AutostartRole:
        return p.autostart;
    case Qt::TextAlignmentRole:
        if (index.column() == CapacityColumn || index.column() == AvailableColumn ||
            index.column() == VolumesColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == UsageColumn)
            return tr("%1 of %2 allocated, %3 free")
                .arg(storageSizeText(p.allocation), storageSizeText(p.capacity),
                     storageSizeText(p.available));
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (Column(index.column())) {
    case NameColumn:
        return p.name;
    case StateColumn:
        return p.active ? tr("Active") : tr("Inactive");
    case TypeColumn:
        return p.type;
    case UsageColumn:
        return p.active ? tr("%1 %").arg(qRound(usage * 100)) : QString();
    case CapacityColumn:
        return p.active ? storageSizeText(p.capacity) : QString();
    case AvailableColumn:
        return p.active ? storageSizeText(p.available) : QString();
    case AutostartColumn:
        return p.autostart ? tr("Yes") : tr("No");
    case VolumesColumn:
        return p.active ? QString::number(p.volumes) : QString();
    case PathColumn:
        return p.path;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant PoolListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case NameColumn:
        return tr("Name");
    case StateColumn:
        return tr("State");
    case TypeColumn:
        return tr("Type");
    case UsageColumn:
        return tr("Usage");
    case CapacityColumn:
        return tr("Capacity");
    case AvailableColumn:
        return tr("Free");
    case AutostartColumn:
        return tr("Autostart");
    case VolumesColumn:
        return tr("Volumes");
    case PathColumn:
        return tr("Path");
    case ColumnCount:
        break;
    }
    return {};
}

VolumeListModel::VolumeListModel(QObject *parent) : KeyedTableModel(parent) {}

void VolumeListModel::setVolumes(const QList<VolumeInfo> &volumes)
{
    mergeRows(
        m_volumes, volumes, [](const VolumeInfo &v) { return v.name; }, sameVolume, ColumnCount);
}

const VolumeInfo *VolumeListModel::volume(const QString &name) const
{
    const int row = rowOf(name);
    return row < 0 ? nullptr : &m_volumes.at(row);
}

int VolumeListModel::rowOf(const QString &name) const
{
    return rowOfKey(m_volumes, name, [](const VolumeInfo &v) { return v.name; });
}

int VolumeListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_volumes.size());
}

int VolumeListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VolumeListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_volumes.size())
        return {};
    const VolumeInfo &v = m_volumes.at(index.row());
    switch (role) {
    case NameRole:
        return v.name;
    case UsedByRole:
        return v.usedBy;
    case Qt::TextAlignmentRole:
        if (index.column() == CapacityColumn || index.column() == AllocationColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        return index.column() == PathColumn || index.column() == NameColumn ? v.path : QVariant();
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (Column(index.column())) {
    case NameColumn:
        return v.name;
    case FormatColumn:
        return v.format;
    case CapacityColumn:
        return storageSizeText(v.capacity);
    case AllocationColumn:
        return storageSizeText(v.allocation);
    case UsedByColumn:
        return v.usedBy.join(u", "_s);
    case PathColumn:
        return v.path;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant VolumeListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case NameColumn:
        return tr("Name");
    case FormatColumn:
        return tr("Format");
    case CapacityColumn:
        return tr("Capacity");
    case AllocationColumn:
        return tr("Allocation");
    case UsedByColumn:
        return tr("Used by");
    case PathColumn:
        return tr("Path");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace crossvirt::models
