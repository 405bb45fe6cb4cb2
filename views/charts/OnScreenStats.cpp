#include "views/charts/OnScreenStats.h"

#include "models/inventory/InventoryModel.h"
#include "models/stats/DatacenterStats.h"

#include <QEvent>
#include <QScrollBar>
#include <QTreeView>

namespace crossvirt::views {

using models::InventoryModel;

OnScreenStats::OnScreenStats(QTreeView *view, models::DatacenterStats *stats, QObject *parent)
    : QObject(parent), m_view(view), m_stats(stats)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(50);
    connect(&m_timer, &QTimer::timeout, this, &OnScreenStats::report);
    connect(view->verticalScrollBar(), &QScrollBar::valueChanged, this, &OnScreenStats::reportSoon);
    connect(view, &QTreeView::expanded, this, &OnScreenStats::reportSoon);
    connect(view, &QTreeView::collapsed, this, &OnScreenStats::reportSoon);
    if (QAbstractItemModel *model = view->model()) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &OnScreenStats::reportSoon);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &OnScreenStats::reportSoon);
        connect(model, &QAbstractItemModel::rowsMoved, this, &OnScreenStats::reportSoon);
        connect(model, &QAbstractItemModel::layoutChanged, this, &OnScreenStats::reportSoon);
        connect(model, &QAbstractItemModel::modelReset, this, &OnScreenStats::reportSoon);
    }
    view->viewport()->installEventFilter(this);
    m_stats->setOffScreenEvery(kOffScreenEvery);
    reportSoon();
}

bool OnScreenStats::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::Resize:
    case QEvent::Show:
    case QEvent::Hide:
        reportSoon();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void OnScreenStats::reportSoon()
{
    if (!m_timer.isActive())
        m_timer.start();
}

void OnScreenStats::report()
{
    QHash<QString, QSet<QString>> byHost;
    if (m_view->isVisible()) {
        const int height = m_view->viewport()->height();
        // From the first row at the top down to the bottom edge: a few dozen rows.
        QModelIndex row = m_view->indexAt(QPoint(1, 1));
        while (row.isValid() && m_view->visualRect(row).top() < height) {
            if (row.data(InventoryModel::KindRole).toInt() == int(InventoryModel::ItemKind::Domain))
                byHost[row.data(InventoryModel::UriRole).toString()].insert(
                    row.data(InventoryModel::UuidRole).toString());
            row = m_view->indexBelow(row);
        }
    }
    if (byHost == m_last)
        return;
    m_last = byHost;
    m_stats->setOnScreen(byHost);
}

} // namespace crossvirt::views
