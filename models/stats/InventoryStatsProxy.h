#pragma once

#include <QIdentityProxyModel>

namespace crossvirt::models {

class DatacenterStats;

/// The inventory tree plus one trailing "CPU" column fed by the statistics
/// collectors: current CPU % as text, and the recent CPU history for a sparkline
/// delegate. Sits on top of InventoryModel (or any model with its UriRole,
/// UuidRole and KindRole) without changing it; each poll emits dataChanged on
/// that column only.
class InventoryStatsProxy : public QIdentityProxyModel
{
    Q_OBJECT
public:
    enum Role
    {
        CpuPercentRole = Qt::UserRole + 100, ///< double, invalid when there is no value
        CpuHistoryRole,                      ///< QList<double>, oldest first, NaN = gap
    };
    /// Points of history the sparkline gets (the newest ones).
    static constexpr int kSparklinePoints = 40;

    explicit InventoryStatsProxy(DatacenterStats *stats, QObject *parent = nullptr);

    int cpuColumn() const;

    void setSourceModel(QAbstractItemModel *source) override;
    int columnCount(const QModelIndex &parent = {}) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &idx) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    bool isCpuColumn(const QModelIndex &index) const;
    QModelIndex firstColumnOf(const QModelIndex &proxyIndex) const;
    void hostUpdated(const QString &uri);
    double cpuPercent(const QModelIndex &sourceRow) const;
    QList<double> cpuHistory(const QModelIndex &sourceRow) const;

    DatacenterStats *m_stats;
};

} // namespace crossvirt::models
