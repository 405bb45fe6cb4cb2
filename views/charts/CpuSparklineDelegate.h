#pragma once

#include <QStyledItemDelegate>

namespace crossvirt::views {

/// Paints the inventory's CPU column as a sparkline of the recent CPU % (the
/// InventoryStatsProxy::CpuHistoryRole list) with the current value as text.
/// Painting only: no widget per row.
class CpuSparklineDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace crossvirt::views
