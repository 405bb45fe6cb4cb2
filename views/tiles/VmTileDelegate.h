#pragma once

#include <QStyledItemDelegate>

namespace crossvirt::views {

/// Paints one VM tile: its thumbnail (or its state icon and why there is no picture),
/// its name elided in the middle, its state as icon and text, its arch and whether it
/// is emulated.
class VmTileDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit VmTileDelegate(QObject *parent = nullptr);

    /// The picture area of a tile (4:3).
    static QSize pictureSize();

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace crossvirt::views
