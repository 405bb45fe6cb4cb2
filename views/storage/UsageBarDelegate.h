#pragma once

#include <QStyledItemDelegate>

namespace crossvirt::views {

/// Draws a cell as a bar filled to the fraction in `role` (0..1) with the cell's text on
/// it: a pool's allocation of its capacity.
class UsageBarDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    UsageBarDelegate(int role, QObject *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_role;
};

} // namespace crossvirt::views
