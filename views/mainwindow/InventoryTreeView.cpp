#include "views/mainwindow/InventoryTreeView.h"

namespace crossvirt::views {

void InventoryTreeView::dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                    const QList<int> &roles)
{
    const bool statsOnly = m_statsColumn >= 0 && topLeft.column() == m_statsColumn &&
                           bottomRight.column() == m_statsColumn &&
                           topLeft.parent() == bottomRight.parent();
    if (!statsOnly) {
        QTreeView::dataChanged(topLeft, bottomRight, roles);
        return;
    }
    // Rows under a collapsed host have no rectangle: nothing on screen changed.
    if (topLeft.parent().isValid() && !isExpanded(topLeft.parent()))
        return;
    const QRect first = visualRect(topLeft);
    const QRect last = visualRect(bottomRight);
    if (!first.isValid() || !last.isValid()) {
        QTreeView::dataChanged(topLeft, bottomRight, roles); // not laid out yet: as before
        return;
    }
    const QRect changed = (first | last).intersected(viewport()->rect());
    if (!changed.isEmpty())
        viewport()->update(changed);
}

} // namespace crossvirt::views
