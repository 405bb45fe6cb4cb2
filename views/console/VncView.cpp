#include "views/console/VncView.h"

#include "models/console/KeyMap.h"

#include <QGuiApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPixmap>
#include <QScrollBar>
#include <QWheelEvent>
#include <cmath>

using namespace Qt::StringLiterals;

namespace crossvirt::views {

using models::KeyMap;

namespace {

constexpr int WheelStep = 120; // one notch in QWheelEvent::angleDelta()
constexpr int WheelUp = 1 << 3;
constexpr int WheelDown = 1 << 4;
constexpr int WheelLeft = 1 << 5;
constexpr int WheelRight = 1 << 6;

// Same key, same id for press and release: the scan code where the platform has one.
quint64 keyId(const QKeyEvent *event)
{
    if (event->nativeScanCode() != 0)
        return (quint64(1) << 32) | event->nativeScanCode();
    return quint64(quint32(event->key()));
}

// The guest draws its own pointer into the screen; a small dot marks ours.
QCursor dotCursor()
{
    QPixmap pixmap(5, 5);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setPen(Qt::black);
    painter.setBrush(Qt::white);
    painter.drawEllipse(QRectF(0.5, 0.5, 4, 4));
    painter.end();
    return QCursor(pixmap, 2, 2);
}

} // namespace

VncView::VncView(QWidget *parent) : QAbstractScrollArea(parent)
{
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_InputMethodEnabled, false); // keys go to the guest, not an IME
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    viewport()->setFocusProxy(this);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_hint = new QLabel(releaseHint(), viewport());
    m_hint->setObjectName(u"releaseHint"_s);
    m_hint->setAttribute(Qt::WA_TransparentForMouseEvents);
    // Solid and bordered: guest screens are often black, a translucent box vanishes.
    m_hint->setStyleSheet(u"QLabel { background: #303030; color: white; padding: 4px 10px;"
                          " border: 1px solid #a0a0a0; border-radius: 4px; }"_s);
    m_hint->hide();
}

QString VncView::releaseHint()
{
    return tr("Keyboard and mouse go to the VM. Press and release Ctrl+Alt to release them.");
}

bool VncView::isReleaseHintVisible() const
{
    return m_hint->isVisibleTo(this);
}

void VncView::setFrame(const QImage &frame)
{
    const bool resized = frame.size() != m_frame.size();
    // A copy of our own: the session keeps writing into its image.
    m_frame = frame.format() == QImage::Format_RGB32 ? frame.copy()
                                                     : frame.convertToFormat(QImage::Format_RGB32);
    if (resized) {
        updateScrollBars();
        updateGeometry();
    }
    viewport()->update();
}

void VncView::updateFrame(const QImage &frame, const QRegion &dirty)
{
    if (frame.size() != m_frame.size() || m_frame.isNull()) {
        setFrame(frame);
        return;
    }
    QRegion exposed;
    {
        QPainter painter(&m_frame);
        painter.setCompositionMode(QPainter::CompositionMode_Source);
        for (const QRect &rect : dirty) {
            const QRect area = rect & m_frame.rect();
            painter.drawImage(area.topLeft(), frame, area);
            exposed += viewportRectFor(area);
        }
    }
    viewport()->update(exposed);
}

void VncView::setWaitingMessage(const QString &text)
{
    if (m_waitingMessage == text)
        return;
    m_waitingMessage = text;
    viewport()->update();
}

void VncView::clearFrame()
{
    m_frame = QImage();
    updateScrollBars();
    updateGeometry();
    viewport()->update();
}

void VncView::setScaleMode(ScaleMode mode)
{
    if (m_scaleMode == mode)
        return;
    m_scaleMode = mode;
    updateScrollBars();
    viewport()->update();
}

QRectF VncView::frameRect() const
{
    if (m_frame.isNull())
        return {};
    const QSizeF area = viewport()->size();
    const QSizeF size = m_frame.size();
    if (m_scaleMode == ScaleMode::FitToWindow) {
        const qreal scale = std::min(area.width() / size.width(), area.height() / size.height());
        const QSizeF shown = size * scale;
        return {(area.width() - shown.width()) / 2, (area.height() - shown.height()) / 2,
                shown.width(), shown.height()};
    }
    const qreal x = size.width() <= area.width() ? std::floor((area.width() - size.width()) / 2)
                                                 : -horizontalScrollBar()->value();
    const qreal y = size.height() <= area.height() ? std::floor((area.height() - size.height()) / 2)
                                                   : -verticalScrollBar()->value();
    return {QPointF(x, y), size};
}

QPoint VncView::viewportToFrame(const QPointF &position) const
{
    const QRectF rect = frameRect();
    if (rect.isEmpty())
        return {};
    const qreal fx = (position.x() - rect.x()) * m_frame.width() / rect.width();
    const qreal fy = (position.y() - rect.y()) * m_frame.height() / rect.height();
    return {std::clamp(int(std::floor(fx)), 0, m_frame.width() - 1),
            std::clamp(int(std::floor(fy)), 0, m_frame.height() - 1)};
}

QRect VncView::viewportRectFor(const QRect &frameArea) const
{
    const QRectF rect = frameRect();
    if (rect.isEmpty())
        return {};
    const qreal sx = rect.width() / m_frame.width();
    const qreal sy = rect.height() / m_frame.height();
    const QRectF mapped(rect.x() + frameArea.x() * sx, rect.y() + frameArea.y() * sy,
                        frameArea.width() * sx, frameArea.height() * sy);
    // Smooth scaling blends neighbours: repaint a pixel more around the area.
    return mapped.toAlignedRect().adjusted(-1, -1, 1, 1);
}

void VncView::updateScrollBars()
{
    const bool scroll = m_scaleMode == ScaleMode::OneToOne && !m_frame.isNull();
    const Qt::ScrollBarPolicy policy = scroll ? Qt::ScrollBarAsNeeded : Qt::ScrollBarAlwaysOff;
    setHorizontalScrollBarPolicy(policy);
    setVerticalScrollBarPolicy(policy);
    const QSize area = viewport()->size();
    const QSize size = scroll ? m_frame.size() : QSize(0, 0);
    horizontalScrollBar()->setRange(0, std::max(0, size.width() - area.width()));
    horizontalScrollBar()->setPageStep(area.width());
    horizontalScrollBar()->setSingleStep(20);
    verticalScrollBar()->setRange(0, std::max(0, size.height() - area.height()));
    verticalScrollBar()->setPageStep(area.height());
    verticalScrollBar()->setSingleStep(20);
}

void VncView::positionHint()
{
    m_hint->adjustSize();
    const int width = std::min(m_hint->sizeHint().width(), viewport()->width());
    m_hint->resize(width, m_hint->sizeHint().height());
    m_hint->move((viewport()->width() - width) / 2, 8);
}

QSize VncView::sizeHint() const
{
    const int frameWidth = 2 * this->frameWidth();
    if (m_frame.isNull())
        return QSize(640, 480) + QSize(frameWidth, frameWidth);
    return m_frame.size() + QSize(frameWidth, frameWidth);
}

QSize VncView::minimumSizeHint() const
{
    return {160, 120};
}

void VncView::setInputEnabled(bool enabled)
{
    if (m_inputEnabled == enabled)
        return;
    if (!enabled) {
        setInputGrabbed(false);
        releaseAllKeys();
        m_buttons = 0;
    }
    m_inputEnabled = enabled;
    viewport()->setCursor(enabled ? dotCursor() : QCursor(Qt::ArrowCursor));
}

void VncView::setInputGrabbed(bool grabbed)
{
    if (grabbed && !m_inputEnabled)
        grabbed = false;
    if (m_grabbed == grabbed)
        return;
    m_grabbed = grabbed;
    if (grabbed) {
        setFocus(Qt::OtherFocusReason);
        grabKeyboard();
        viewport()->grabMouse();
        positionHint();
        m_hint->show();
        m_hint->raise();
    } else {
        releaseKeyboard();
        viewport()->releaseMouse();
        releaseAllKeys();
        m_hint->hide();
    }
    m_releaseArmed = false;
    emit inputGrabChanged(grabbed);
}

void VncView::releaseAllKeys()
{
    const auto held = std::exchange(m_heldKeys, {});
    for (quint32 sym : held)
        emit keyEvent(sym, false);
    m_ctrlHeld = false;
    m_altHeld = false;
    m_releaseArmed = false;
}

bool VncView::event(QEvent *event)
{
    // While the guest has the keyboard, application shortcuts must not eat its keys.
    if (m_inputEnabled && event->type() == QEvent::ShortcutOverride) {
        event->accept();
        return true;
    }
    return QAbstractScrollArea::event(event);
}

bool VncView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::Resize) {
        updateScrollBars();
        positionHint();
    }
    return QAbstractScrollArea::viewportEvent(event);
}

bool VncView::focusNextPrevChild(bool next)
{
    // Tab belongs to the guest.
    if (m_inputEnabled)
        return false;
    return QAbstractScrollArea::focusNextPrevChild(next);
}

void VncView::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    painter.fillRect(event->rect(), Qt::black);
    if (!m_waitingMessage.isEmpty()) {
        QFont font = painter.font();
        font.setPointSizeF(font.pointSizeF() * 1.25);
        painter.setFont(font);
        painter.setPen(QColor(0xd0, 0xd0, 0xd0));
        painter.drawText(viewport()->rect().adjusted(16, 16, -16, -16),
                         Qt::AlignCenter | Qt::TextWordWrap, m_waitingMessage);
        return;
    }
    if (m_frame.isNull())
        return;
    const QRectF target = frameRect();
    const bool scaled = target.size() != QSizeF(m_frame.size());
    painter.setRenderHint(QPainter::SmoothPixmapTransform, scaled);
    painter.drawImage(target, m_frame, QRectF(m_frame.rect()));
}

void VncView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
    positionHint();
}

void VncView::scrollContentsBy(int, int)
{
    viewport()->update();
}

void VncView::trackReleaseCombo(QKeyEvent *event, bool press)
{
    if (event->isAutoRepeat())
        return;
    const bool isCtrl = event->key() == Qt::Key_Control;
    const bool isAlt = event->key() == Qt::Key_Alt;
    if (press) {
        if (isCtrl)
            m_ctrlHeld = true;
        if (isAlt)
            m_altHeld = true;
        if ((isCtrl || isAlt) && m_ctrlHeld && m_altHeld) {
            m_releaseArmed = true;
            m_otherKeyDuringCombo = false;
        } else if (m_releaseArmed) {
            m_otherKeyDuringCombo = true; // Ctrl+Alt+F2 and friends go to the guest
        }
        return;
    }
    if (!isCtrl && !isAlt)
        return;
    const bool release = m_grabbed && m_releaseArmed && !m_otherKeyDuringCombo;
    m_releaseArmed = false;
    if (isCtrl)
        m_ctrlHeld = false;
    if (isAlt)
        m_altHeld = false;
    if (release)
        setInputGrabbed(false);
}

void VncView::keyPressEvent(QKeyEvent *event)
{
    if (!m_inputEnabled) {
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    event->accept();
    const quint32 x11Keysym =
        QGuiApplication::platformName() == "xcb"_L1 ? event->nativeVirtualKey() : 0;
    const quint64 id = keyId(event);
    quint32 sym = KeyMap::keysym(event->key(), event->modifiers(), event->text(), x11Keysym);
    // A repeat keeps the keysym of the first press.
    if (event->isAutoRepeat())
        sym = m_heldKeys.value(id, sym);
    if (sym != 0) {
        m_heldKeys.insert(id, sym);
        emit keyEvent(sym, true);
    }
    trackReleaseCombo(event, true);
}

void VncView::keyReleaseEvent(QKeyEvent *event)
{
    if (!m_inputEnabled) {
        QAbstractScrollArea::keyReleaseEvent(event);
        return;
    }
    event->accept();
    // Auto-repeat sends release+press pairs on some platforms; only the real release
    // lets go of the key.
    if (event->isAutoRepeat())
        return;
    const quint64 id = keyId(event);
    quint32 sym = m_heldKeys.take(id);
    if (sym == 0) {
        const quint32 x11Keysym =
            QGuiApplication::platformName() == "xcb"_L1 ? event->nativeVirtualKey() : 0;
        sym = KeyMap::keysym(event->key(), event->modifiers(), event->text(), x11Keysym);
    }
    if (sym != 0)
        emit keyEvent(sym, false);
    trackReleaseCombo(event, false);
}

int VncView::buttonMask(Qt::MouseButtons buttons)
{
    int mask = 0;
    if (buttons & Qt::LeftButton)
        mask |= 1 << 0;
    if (buttons & Qt::MiddleButton)
        mask |= 1 << 1;
    if (buttons & Qt::RightButton)
        mask |= 1 << 2;
    if (buttons & Qt::BackButton)
        mask |= 1 << 7; // QEMU's "side" button
    return mask;
}

void VncView::sendPointer(const QPointF &position, Qt::MouseButtons buttons)
{
    if (!m_inputEnabled || m_frame.isNull())
        return;
    m_lastPointer = viewportToFrame(position);
    m_buttons = buttonMask(buttons);
    emit pointerEvent(m_lastPointer.x(), m_lastPointer.y(), m_buttons);
}

void VncView::mousePressEvent(QMouseEvent *event)
{
    if (!m_inputEnabled) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    event->accept();
    setFocus(Qt::MouseFocusReason);
    sendPointer(event->position(), event->buttons());
}

void VncView::mouseDoubleClickEvent(QMouseEvent *event)
{
    // Qt replaces the second press of a double click with this event.
    mousePressEvent(event);
}

void VncView::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_inputEnabled) {
        QAbstractScrollArea::mouseReleaseEvent(event);
        return;
    }
    event->accept();
    sendPointer(event->position(), event->buttons());
}

void VncView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_inputEnabled) {
        QAbstractScrollArea::mouseMoveEvent(event);
        return;
    }
    event->accept();
    sendPointer(event->position(), event->buttons());
}

void VncView::wheelEvent(QWheelEvent *event)
{
    if (!m_inputEnabled || m_frame.isNull()) {
        QAbstractScrollArea::wheelEvent(event);
        return;
    }
    event->accept();
    const QPoint at = viewportToFrame(event->position());
    m_buttons = buttonMask(event->buttons());
    // RFB has no wheel deltas: each notch is a press and release of buttons 4-7.
    // Fine-grained (touchpad) deltas add up until they make a notch.
    QPoint delta = m_wheelRemainder + event->angleDelta();
    auto click = [&](int bit) {
        emit pointerEvent(at.x(), at.y(), m_buttons | bit);
        emit pointerEvent(at.x(), at.y(), m_buttons);
    };
    for (; delta.y() >= WheelStep; delta.ry() -= WheelStep)
        click(WheelUp);
    for (; delta.y() <= -WheelStep; delta.ry() += WheelStep)
        click(WheelDown);
    for (; delta.x() >= WheelStep; delta.rx() -= WheelStep)
        click(WheelLeft);
    for (; delta.x() <= -WheelStep; delta.rx() += WheelStep)
        click(WheelRight);
    m_wheelRemainder = delta;
    m_lastPointer = at;
}

void VncView::focusOutEvent(QFocusEvent *event)
{
    // Keys released while another window has focus never reach us.
    releaseAllKeys();
    QAbstractScrollArea::focusOutEvent(event);
}

} // namespace crossvirt::views
