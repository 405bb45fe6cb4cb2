#include "views/tiles/VmTileDelegate.h"

#include "models/thumbnails/VmTileModel.h"
#include "views/common/StateIcons.h"

#include <QApplication>
#include <QPainter>

namespace crossvirt::views {

using models::VmTileModel;
using namespace Qt::StringLiterals;

namespace {
constexpr int kMargin = 6;
constexpr int kLineGap = 2;
} // namespace

VmTileDelegate::VmTileDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

QSize VmTileDelegate::pictureSize()
{
    return {160, 120};
}

QSize VmTileDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const int line = option.fontMetrics.height();
    return {pictureSize().width() + 2 * kMargin,
            pictureSize().height() + 2 * kMargin + 3 * (line + kLineGap) + kLineGap};
}

void VmTileDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                           const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    // The frame and selection come from the style; everything else is painted here.
    opt.text.clear();
    opt.icon = QIcon();
    opt.features &= ~QStyleOptionViewItem::HasDecoration;
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    painter->save();
    const QRect r = option.rect.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const QRect picture(QPoint(r.left() + (r.width() - pictureSize().width()) / 2, r.top()),
                        pictureSize());
    const auto state = models::DomainState(index.data(VmTileModel::StateRole).toInt());
    const QString stateText = index.data(VmTileModel::StateTextRole).toString();
    const QImage image = index.data(VmTileModel::ThumbnailRole).value<QImage>();
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette &pal = option.palette;

    // The picture: the screen, or a dark panel with the state icon and why there is none.
    painter->fillRect(picture,
                      image.isNull() ? pal.color(QPalette::Window).darker(115) : QColor(Qt::black));
    if (!image.isNull()) {
        const QSize scaled = image.size().scaled(picture.size(), Qt::KeepAspectRatio);
        const QRect target(picture.left() + (picture.width() - scaled.width()) / 2,
                           picture.top() + (picture.height() - scaled.height()) / 2, scaled.width(),
                           scaled.height());
        painter->setRenderHint(QPainter::SmoothPixmapTransform);
        painter->drawImage(target, image);
    } else {
        const int iconSize = 32;
        const QString note = index.data(VmTileModel::NoteRole).toString();
        const QString text = note.isEmpty() ? stateText : note;
        QRect iconRect(picture.center().x() - iconSize / 2, picture.top() + 20, iconSize, iconSize);
        domainStateIcon(state).paint(painter, iconRect);
        QFont small = option.font;
        small.setPointSizeF(small.pointSizeF() * 0.9);
        painter->setFont(small);
        painter->setPen(pal.color(QPalette::WindowText));
        const QRect textRect = picture.adjusted(8, 20 + iconSize + 8, -8, -6);
        painter->drawText(textRect, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, text);
        painter->setFont(option.font);
    }
    painter->setPen(pal.color(QPalette::Mid));
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(picture.adjusted(0, 0, -1, -1));

    const QColor textColor =
        pal.color(option.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled,
                  selected ? QPalette::HighlightedText : QPalette::Text);
    const QFontMetrics fm = option.fontMetrics;
    const int line = fm.height();
    // Line 1: the name, cut in the middle (the tooltip has it whole).
    QRect nameRect(r.left(), picture.bottom() + 1 + kLineGap, r.width(), line);
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(textColor);
    const QString name = index.data(VmTileModel::NameRole).toString();
    painter->drawText(nameRect, Qt::AlignHCenter | Qt::AlignVCenter,
                      QFontMetrics(bold).elidedText(name, Qt::ElideMiddle, nameRect.width()));
    painter->setFont(option.font);

    // Line 2: state icon and text (never colour alone). Line 3: arch, and "emulated" when
    // the host runs it under TCG, as the tree says it.
    const QRect stateLine(r.left(), nameRect.bottom() + 1 + kLineGap, r.width(), line);
    const int iconSize = qMin(16, line);
    domainStateIcon(state).paint(
        painter,
        QRect(stateLine.left(), stateLine.top() + (line - iconSize) / 2, iconSize, iconSize));
    const QRect stateRect = stateLine.adjusted(iconSize + 4, 0, 0, 0);
    painter->drawText(stateRect, Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(stateText, Qt::ElideRight, stateRect.width()));
    QString arch = index.data(VmTileModel::ArchRole).toString();
    if (index.data(VmTileModel::EmulatedRole).toBool())
        arch = tr("%1 (emulated)").arg(arch);
    const QRect archRect = stateLine.translated(0, line + kLineGap).adjusted(iconSize + 4, 0, 0, 0);
    painter->setPen(selected ? textColor : pal.color(QPalette::PlaceholderText));
    painter->drawText(archRect, Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(arch, Qt::ElideRight, archRect.width()));
    painter->restore();
}

} // namespace crossvirt::views
