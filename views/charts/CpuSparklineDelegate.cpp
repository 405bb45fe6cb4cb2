#include "views/charts/CpuSparklineDelegate.h"

#include "models/stats/InventoryStatsProxy.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <cmath>

namespace crossvirt::views {

using models::InventoryStatsProxy;

void CpuSparklineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget); // background, selection

    const QList<double> values =
        index.data(InventoryStatsProxy::CpuHistoryRole).value<QList<double>>();
    const QRect r = opt.rect.adjusted(3, 3, -3, -3);
    const int textWidth = opt.fontMetrics.horizontalAdvance(QStringLiteral("100 %")) + 4;
    const QRect plot = r.adjusted(0, 0, -textWidth, 0);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const bool selected = opt.state & QStyle::State_Selected;
    const QColor line = selected ? opt.palette.color(QPalette::HighlightedText)
                                 : opt.palette.color(QPalette::Highlight);
    if (values.size() >= 2 && plot.width() > 4) {
        const double step =
            double(plot.width()) / double(InventoryStatsProxy::kSparklinePoints - 1);
        const double x0 = plot.right() - step * double(values.size() - 1);
        QPainterPath path;
        bool penDown = false;
        for (qsizetype i = 0; i < values.size(); ++i) {
            const double v = values[i];
            if (std::isnan(v)) { // a gap: lift the pen
                penDown = false;
                continue;
            }
            const QPointF p(x0 + step * double(i),
                            plot.bottom() - qBound(0.0, v, 100.0) / 100.0 * plot.height());
            if (penDown)
                path.lineTo(p);
            else
                path.moveTo(p);
            penDown = true;
        }
        painter->setPen(QPen(line, 1.2));
        painter->drawPath(path);
    }
    painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(r, Qt::AlignRight | Qt::AlignVCenter, text);
    painter->restore();
}

QSize CpuSparklineDelegate::sizeHint(const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    s.setWidth(qMax(s.width(), 120));
    return s;
}

} // namespace crossvirt::views
