#include "views/common/StateIcons.h"

#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <functional>

namespace crossvirt::views {

using models::ConnectionState;
using models::DomainState;

namespace {

enum class Glyph
{
    Play,
    Pause,
    Stop,
    Cross,
    Dots,
    Check,
    Moon,
    Stencil,
    Clock
};

QIcon paint(const QColor &color, Glyph glyph)
{
    QIcon icon;
    // 48 and 64 px too: at a device pixel ratio of 2 a 24 or 32 px icon stays crisp.
    for (int size : {16, 24, 32, 48, 64}) {
        QPixmap pm(size, size);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        const QRectF r(1, 1, size - 2, size - 2);
        p.setPen(QPen(color.darker(130), 1));
        p.setBrush(color);
        p.drawEllipse(r);
        p.setPen(Qt::NoPen);
        p.setBrush(Qt::white);
        const double s = size;
        switch (glyph) {
        case Glyph::Play: {
            QPainterPath path;
            path.moveTo(s * 0.40, s * 0.28);
            path.lineTo(s * 0.72, s * 0.50);
            path.lineTo(s * 0.40, s * 0.72);
            path.closeSubpath();
            p.drawPath(path);
            break;
        }
        case Glyph::Pause:
            p.drawRect(QRectF(s * 0.32, s * 0.28, s * 0.12, s * 0.44));
            p.drawRect(QRectF(s * 0.56, s * 0.28, s * 0.12, s * 0.44));
            break;
        case Glyph::Stop:
            p.drawRect(QRectF(s * 0.32, s * 0.32, s * 0.36, s * 0.36));
            break;
        case Glyph::Cross:
            p.setPen(QPen(Qt::white, s * 0.12, Qt::SolidLine, Qt::RoundCap));
            p.drawLine(QPointF(s * 0.33, s * 0.33), QPointF(s * 0.67, s * 0.67));
            p.drawLine(QPointF(s * 0.67, s * 0.33), QPointF(s * 0.33, s * 0.67));
            break;
        case Glyph::Dots:
            for (double x : {0.30, 0.50, 0.70})
                p.drawEllipse(QPointF(s * x, s * 0.5), s * 0.07, s * 0.07);
            break;
        case Glyph::Check:
            p.setPen(QPen(Qt::white, s * 0.12, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            p.drawPolyline(
                QList<QPointF>{{s * 0.30, s * 0.52}, {s * 0.45, s * 0.67}, {s * 0.70, s * 0.36}});
            break;
        case Glyph::Stencil:
            // A page with a dashed outline: the shape new VMs are cut from.
            p.setPen(QPen(Qt::white, qMax(1.0, s * 0.07), Qt::DashLine));
            p.setBrush(Qt::NoBrush);
            p.drawRect(QRectF(s * 0.30, s * 0.26, s * 0.40, s * 0.48));
            p.setPen(QPen(Qt::white, qMax(1.0, s * 0.07)));
            p.drawLine(QPointF(s * 0.38, s * 0.42), QPointF(s * 0.62, s * 0.42));
            p.drawLine(QPointF(s * 0.38, s * 0.56), QPointF(s * 0.62, s * 0.56));
            break;
        case Glyph::Clock:
            p.setPen(QPen(Qt::white, s * 0.10, Qt::SolidLine, Qt::RoundCap));
            p.drawLine(QPointF(s * 0.5, s * 0.5), QPointF(s * 0.5, s * 0.28));
            p.drawLine(QPointF(s * 0.5, s * 0.5), QPointF(s * 0.66, s * 0.58));
            break;
        case Glyph::Moon:
            p.drawEllipse(QPointF(s * 0.5, s * 0.5), s * 0.2, s * 0.2);
            p.setBrush(color);
            p.drawEllipse(QPointF(s * 0.6, s * 0.42), s * 0.18, s * 0.18);
            break;
        }
        p.end();
        icon.addPixmap(pm);
    }
    return icon;
}

/// The icon of `key` from `cache`, made by `make` the first time.
QIcon cachedIcon(QHash<int, QIcon> &cache, int key, const std::function<QIcon()> &make)
{
    auto it = cache.find(key);
    if (it == cache.end())
        it = cache.insert(key, make());
    return *it;
}

} // namespace

QIcon domainStateIcon(DomainState state)
{
    static QHash<int, QIcon> cache;
    return cachedIcon(cache, int(state), [state] {
        switch (state) {
        case DomainState::Running:
        case DomainState::Blocked:
            return paint(QColor(0x2e, 0x9d, 0x4a), Glyph::Play);
        case DomainState::Paused:
            return paint(QColor(0xe0, 0x9b, 0x1a), Glyph::Pause);
        case DomainState::ShuttingDown:
            return paint(QColor(0x4a, 0x7d, 0xc0), Glyph::Dots);
        case DomainState::Shutoff:
            return paint(QColor(0x80, 0x86, 0x8c), Glyph::Stop);
        case DomainState::Crashed:
            return paint(QColor(0xc8, 0x33, 0x33), Glyph::Cross);
        case DomainState::Suspended:
            return paint(QColor(0x6a, 0x5a, 0xb8), Glyph::Moon);
        case DomainState::NoState:
            return paint(QColor(0xa0, 0xa0, 0xa0), Glyph::Dots);
        }
        return QIcon();
    });
}

QIcon connectionStateIcon(ConnectionState state)
{
    static QHash<int, QIcon> cache;
    return cachedIcon(cache, int(state), [state] {
        switch (state) {
        case ConnectionState::Connected:
            return paint(QColor(0x2e, 0x9d, 0x4a), Glyph::Check);
        case ConnectionState::Connecting:
            return paint(QColor(0x4a, 0x7d, 0xc0), Glyph::Dots);
        case ConnectionState::Retrying:
        case ConnectionState::Failed:
            return paint(QColor(0xc8, 0x33, 0x33), Glyph::Cross);
        case ConnectionState::Disconnected:
            return paint(QColor(0x80, 0x86, 0x8c), Glyph::Stop);
        }
        return QIcon();
    });
}

QIcon templateIcon()
{
    static const QIcon icon = paint(QColor(0x2f, 0x7f, 0x8f), Glyph::Stencil);
    return icon;
}

QIcon workStateIcon(WorkState state)
{
    static QHash<int, QIcon> cache;
    return cachedIcon(cache, int(state), [state] {
        switch (state) {
        case WorkState::Waiting:
            return paint(QColor(0x80, 0x86, 0x8c), Glyph::Clock);
        case WorkState::Working:
            return paint(QColor(0x4a, 0x7d, 0xc0), Glyph::Dots);
        case WorkState::Done:
            return paint(QColor(0x2e, 0x9d, 0x4a), Glyph::Check);
        case WorkState::Failed:
            return paint(QColor(0xc8, 0x33, 0x33), Glyph::Cross);
        }
        return QIcon();
    });
}

QIcon applicationIcon()
{
    return QIcon(QStringLiteral(":/icons/crossvirt.svg"));
}

} // namespace crossvirt::views
