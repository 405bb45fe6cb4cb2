#include "models/console/VncSession.h"

#include "models/console/VncPlaceholderDetector.h"
#include "models/console/VncProtocolRun.h"

namespace crossvirt::models {

namespace {
// How long the destructor waits for the protocol thread before abandoning it.
constexpr int StopWaitMs = 2000;

qint64 area(const QRegion &region)
{
    qint64 total = 0;
    for (const QRect &r : region)
        total += qint64(r.width()) * r.height();
    return total;
}
} // namespace

VncSession::VncSession(QObject *parent) : QObject(parent) {}

VncSession::~VncSession()
{
    if (m_run) {
        m_run->stop();
        m_run->waitFinished(StopWaitMs);
    }
}

void VncSession::connectToEndpoint(const VncEndpoint &endpoint)
{
    stopRun();
    m_failure = Failure::None;
    m_error.clear();
    m_desktopName.clear();
    m_frameSize = QSize();
    m_fullFrameAnnounced = false;
    m_passwordPending = false;
    m_placeholder = VncPlaceholderDetector::Placeholder::None;
    setDisplayState(DisplayState::NoFrame);
    m_endpointName = endpoint.displayName();
    m_run = std::make_shared<VncProtocolRun>(endpoint, m_askForPassword, m_stallTimeoutMs, this);
    setState(State::Connecting);
    m_run->start();
}

void VncSession::disconnectFromServer()
{
    const bool wasOpen = m_state != State::Disconnected;
    stopRun();
    if (!wasOpen)
        return;
    m_failure = Failure::None;
    m_error.clear();
    setState(State::Disconnected);
    emit disconnected(QString());
}

void VncSession::stopRun()
{
    m_passwordPending = false;
    if (m_run)
        m_run->stop(); // kept: its last frame stays available
}

QImage VncSession::currentFrame() const
{
    return m_run ? m_run->frameCopy() : QImage();
}

bool VncSession::hasFullFrame() const
{
    return m_run && m_run->hasFullFrame();
}

bool VncSession::waitForFullFrame(int timeoutMs, QString *error)
{
    if (!m_run) {
        if (error)
            *error = tr("Not connected.");
        return false;
    }
    return m_run->waitForFullFrame(timeoutMs, error);
}

void VncSession::sendKey(quint32 keysym, bool down)
{
    sendKeyStrokes({{keysym, down}});
}

void VncSession::sendKeyStrokes(const QList<KeyStroke> &strokes)
{
    if (m_state != State::Connected || !m_run || strokes.isEmpty())
        return;
    QList<VncInputEvent> events;
    events.reserve(strokes.size());
    for (const KeyStroke &stroke : strokes) {
        VncInputEvent event;
        event.kind = VncInputEvent::Kind::Key;
        event.keysym = stroke.keysym;
        event.down = stroke.down;
        events.append(event);
    }
    m_run->queueInput(events);
}

void VncSession::sendPointer(int x, int y, int buttonMask)
{
    if (m_state != State::Connected || !m_run)
        return;
    VncInputEvent event;
    event.kind = VncInputEvent::Kind::Pointer;
    event.x = x;
    event.y = y;
    event.buttons = buttonMask;
    m_run->queueInput(event);
}

void VncSession::providePassword(const QString &password)
{
    if (!m_run || !m_passwordPending)
        return;
    m_passwordPending = false;
    m_run->answerPassword(password);
}

void VncSession::cancelPasswordRequest()
{
    if (!m_run || !m_passwordPending)
        return;
    m_passwordPending = false;
    m_run->answerPassword(std::nullopt);
}

void VncSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void VncSession::handleConnected(QSize size, const QString &desktopName)
{
    m_frameSize = size;
    m_desktopName = desktopName;
    setState(State::Connected);
    emit connected(size);
}

void VncSession::handleFrameReady()
{
    VncProtocolRun::FrameTake take = m_run->takeFrame();
    if (take.frame.isNull())
        return;
    QRegion dirty = take.dirty;
    if (take.frame.size() != m_frameSize) {
        m_frameSize = take.frame.size();
        m_fullFrameAnnounced = false;
        emit resized(m_frameSize);
        dirty = QRegion(take.frame.rect());
    }
    if (!dirty.isEmpty())
        emit frameUpdated(take.frame, dirty);
    if (take.full && !m_fullFrameAnnounced) {
        m_fullFrameAnnounced = true;
        emit fullFrameReceived();
    }
    // QEMU replaces the whole screen when it switches to or from its placeholder: while the
    // guest's screen shows, only an update over half the screen can be that switch (this
    // keeps small text updates from rescanning the frame).
    const qint64 frameArea = qint64(take.frame.width()) * take.frame.height();
    if (take.full &&
        (m_displayState != DisplayState::GuestDisplay || 2 * area(dirty) >= frameArea)) {
        m_placeholder = VncPlaceholderDetector::classify(take.frame);
        setDisplayState(m_placeholder == VncPlaceholderDetector::Placeholder::None
                            ? DisplayState::GuestDisplay
                            : DisplayState::Placeholder);
    }
}

void VncSession::setDisplayState(DisplayState state)
{
    if (m_displayState == state)
        return;
    m_displayState = state;
    emit displayStateChanged(state);
}

void VncSession::handlePasswordRequest()
{
    m_passwordPending = true;
    emit passwordRequested();
}

void VncSession::handleFinished(Failure failure, const QString &error)
{
    m_passwordPending = false;
    m_failure = failure;
    m_error = error;
    setState(State::Disconnected);
    emit disconnected(error);
}

} // namespace crossvirt::models
