#pragma once

#include <QTreeView>

namespace crossvirt::views {

/// The main window's inventory tree. A statistics tick changes one column of a host's
/// rows (thousands at once); QTreeView would repaint its whole viewport for every such
/// range, even when none of those rows is on screen. Here a range in that column
/// repaints only the part of it that is on screen, and nothing when none is.
class InventoryTreeView : public QTreeView
{
    Q_OBJECT
public:
    using QTreeView::QTreeView;

    /// The column a statistics tick changes (InventoryStatsProxy::cpuColumn()).
    void setStatsColumn(int column) { m_statsColumn = column; }
    int statsColumn() const { return m_statsColumn; }

    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                     const QList<int> &roles = QList<int>()) override;

private:
    int m_statsColumn = -1;
};

} // namespace crossvirt::views
