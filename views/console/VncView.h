#pragma once

#include <QAbstractScrollArea>
#include <QHash>
#include <QImage>
#include <QRegion>

class QLabel;

namespace crossvirt::views {

/// Shows a remote screen and turns keyboard and mouse input into RFB terms (X11
/// keysyms, framebuffer coordinates, button masks) emitted as signals. Knows nothing
/// about the connection: VncConsoleWidget wires it to a models::VncSession.
class VncView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    enum class ScaleMode
    {
        FitToWindow, ///< scaled to the viewport, aspect ratio kept, centred
        OneToOne,    ///< one framebuffer pixel per device-independent pixel, scroll bars
    };
    Q_ENUM(ScaleMode)

    explicit VncView(QWidget *parent = nullptr);

    /// Replaces the whole picture (a new connection or size). The image is copied.
    void setFrame(const QImage &frame);
    /// Copies the `dirty` parts of `frame` and repaints only them; a frame of another
    /// size replaces the picture.
    void updateFrame(const QImage &frame, const QRegion &dirty);
    void clearFrame();
    const QImage &frame() const { return m_frame; }

    /// While set, the view shows this text on black instead of the frame (e.g. while the
    /// frame is QEMU's placeholder, not the guest's screen); the frame is still kept.
    void setWaitingMessage(const QString &text);
    const QString &waitingMessage() const { return m_waitingMessage; }

    ScaleMode scaleMode() const { return m_scaleMode; }
    void setScaleMode(ScaleMode mode);

    /// Where the framebuffer is drawn, in viewport coordinates.
    QRectF frameRect() const;
    /// The framebuffer pixel under a viewport position (clamped to the screen).
    QPoint viewportToFrame(const QPointF &position) const;

    /// Input reaches the guest only while enabled (i.e. connected).
    bool isInputEnabled() const { return m_inputEnabled; }
    void setInputEnabled(bool enabled);

    /// Capturing grabs keyboard and mouse, so the host desktop's shortcuts reach the
    /// guest too; pressing and releasing Ctrl+Alt (alone) ends it.
    bool isInputGrabbed() const { return m_grabbed; }
    void setInputGrabbed(bool grabbed);
    /// The hint shown while input is captured.
    static QString releaseHint();
    bool isReleaseHintVisible() const;

    /// Sends key-up for every key still held (the guest would see them stuck).
    void releaseAllKeys();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void keyEvent(quint32 keysym, bool down);
    void pointerEvent(int x, int y, int buttonMask);
    void inputGrabChanged(bool grabbed);

protected:
    bool event(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    bool focusNextPrevChild(bool next) override;

private:
    void updateScrollBars();
    void positionHint();
    QRect viewportRectFor(const QRect &frameArea) const;
    void sendPointer(const QPointF &position, Qt::MouseButtons buttons);
    static int buttonMask(Qt::MouseButtons buttons);
    void trackReleaseCombo(QKeyEvent *event, bool press);

    QImage m_frame;
    QString m_waitingMessage;
    ScaleMode m_scaleMode = ScaleMode::FitToWindow;
    bool m_inputEnabled = false;
    bool m_grabbed = false;
    QLabel *m_hint = nullptr;
    // Keysym sent for each held key, so the release matches the press even when
    // Shift changed in between ('A' down, Shift up, 'a' up would leave 'A' stuck).
    QHash<quint64, quint32> m_heldKeys;
    int m_buttons = 0;
    QPoint m_lastPointer;
    QPoint m_wheelRemainder;
    bool m_ctrlHeld = false;
    bool m_altHeld = false;
    bool m_releaseArmed = false;
    bool m_otherKeyDuringCombo = false;
};

} // namespace crossvirt::views
