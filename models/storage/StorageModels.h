#pragma once

#include "models/provisioning/StorageInventory.h"

#include "models/inventory/KeyedTableModel.h"

namespace crossvirt::models {

/// A host's storage pools as a table (one row per pool, by name). setPools() merges a
/// fresh read: rows of vanished pools are removed, new ones inserted, changed cells
/// reported with dataChanged, so a selection survives a refresh.
class PoolListModel : public KeyedTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        StateColumn,
        TypeColumn,
        UsageColumn, ///< allocation of capacity: UsageRole gives the fraction for a bar
        CapacityColumn,
        AvailableColumn,
        AutostartColumn,
        VolumesColumn,
        PathColumn,
        ColumnCount
    };
    enum Role
    {
        NameRole = Qt::UserRole + 1, ///< the pool's name (any column)
        UsageRole,                   ///< allocation / capacity, 0..1 (double)
        ActiveRole,                  ///< bool
        AutostartRole,               ///< bool
    };

    explicit PoolListModel(QObject *parent = nullptr);

    void setPools(const QList<PoolContents> &pools);
    const QList<PoolContents> &pools() const { return m_pools; }
    const PoolContents *pool(const QString &name) const;
    int rowOf(const QString &name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<PoolContents> m_pools;
};

/// The volumes of one pool as a table (one row per volume, by name), merged like
/// PoolListModel.
class VolumeListModel : public KeyedTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        FormatColumn,
        CapacityColumn,
        AllocationColumn,
        UsedByColumn,
        PathColumn,
        ColumnCount
    };
    enum Role
    {
        NameRole = Qt::UserRole + 1, ///< the volume's name (any column)
        UsedByRole,                  ///< QStringList of VM names
    };

    explicit VolumeListModel(QObject *parent = nullptr);

    void setVolumes(const QList<VolumeInfo> &volumes);
    const QList<VolumeInfo> &volumes() const { return m_volumes; }
    const VolumeInfo *volume(const QString &name) const;
    int rowOf(const QString &name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<VolumeInfo> m_volumes;
};

/// "12.5 GiB" (binary units, one decimal), as the storage tables show sizes.
QString storageSizeText(quint64 bytes);

} // namespace crossvirt::models
