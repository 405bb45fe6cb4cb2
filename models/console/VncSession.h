#pragma once

#include "models/console/KeyMap.h"
#include "models/console/VncEndpoint.h"
#include "models/console/VncPlaceholderDetector.h"

#include <QImage>
#include <QObject>
#include <QRegion>
#include <QSize>
#include <memory>

namespace crossvirt::models {

class VncProtocolRun;

/// One VNC client connection (LibVNCClient). The blocking RFB protocol loop runs on
/// a thread of its own (VncProtocolRun, over a VncTransport socket; failures are
/// classified by classifyVncFailure()); the screen reaches the GUI thread as a QImage plus the
/// dirty region, input goes back through a queue. Needs no widgets, so the CLI can connect, wait
/// for a full frame and save currentFrame().
class VncSession : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Disconnected,
        Connecting,
        Connected
    };
    Q_ENUM(State)

    /// Why the last connection ended (None: still up, or closed by us).
    enum class Failure
    {
        None,
        EndpointUnavailable,  ///< the endpoint carried an error or was empty
        ConnectionFailed,     ///< refused, unreachable, unknown host, connect timeout
        HandshakeFailed,      ///< not a VNC server, or no security type we support
        PasswordRequired,     ///< the server wants a password and none was given
        AuthenticationFailed, ///< the server rejected the password
        FramebufferTooLarge,  ///< the server announced a screen beyond our limits
        ServerClosed,         ///< the server closed or reset the connection
        TimedOut,             ///< the server stopped sending in the middle of a message
        ProtocolError,        ///< the server sent data that makes no sense
        /// The server offers only security types Crossvirt does not support (SASL, VeNCrypt
        /// user/password, ...), or TLS with nothing but unencrypted sub-types: refused
        /// rather than connected some other way.
        UnsupportedSecurity,
        /// The server's TLS certificate failed verification: not signed by the CA,
        /// issued for another name, expired.
        CertificateRejected,
        /// TLS could not be set up on our side or failed in the handshake: the CA (or
        /// client certificate) file is missing or unreadable, no name to check against.
        TlsFailed,
    };
    Q_ENUM(Failure)

    /// Whose picture the screen is (see VncPlaceholderDetector).
    enum class DisplayState
    {
        NoFrame,      ///< no complete screen yet (connecting, or the first one is arriving)
        Placeholder,  ///< QEMU's "Guest has not initialized the display (yet)." or "Display
                      ///< output is not active.": the guest shows nothing of its own
        GuestDisplay, ///< the guest's own screen
    };
    Q_ENUM(DisplayState)

    /// Screens larger than this are refused (a hostile or broken server could
    /// otherwise make us allocate 16 GiB): 8192x8192 at 32 bpp is 256 MiB.
    static constexpr int MaxFramebufferSide = 8192;

    explicit VncSession(QObject *parent = nullptr);
    /// Stops the protocol thread; waits for it briefly (it is abandoned, and frees
    /// itself, if it is stuck in a host-name lookup).
    ~VncSession() override;

    /// Starts connecting (any previous connection is dropped without a signal).
    /// Owns endpoint.fd from here on.
    void connectToEndpoint(const VncEndpoint &endpoint);
    /// Closes the connection; emits disconnected("") if it was not closed yet.
    void disconnectFromServer();

    State state() const { return m_state; }
    Failure failure() const { return m_failure; }
    /// The translated reason the last connection ended; empty after a clean close.
    const QString &errorString() const { return m_error; }
    /// Name of the endpoint as used in messages.
    const QString &endpointName() const { return m_endpointName; }
    /// The desktop name the server announced.
    const QString &desktopName() const { return m_desktopName; }
    QSize frameSize() const { return m_frameSize; }

    /// A deep copy of the latest screen the protocol thread published (also after a
    /// disconnect). Safe while the protocol thread runs.
    QImage currentFrame() const;
    /// True once every pixel of the current screen size has been received.
    bool hasFullFrame() const;
    /// Whether the screen is the guest's own, QEMU's placeholder, or not complete yet;
    /// decided on the GUI thread as full screens arrive (kept after a disconnect).
    DisplayState displayState() const { return m_displayState; }
    /// A complete screen that is the guest's own (not QEMU's placeholder) has arrived.
    bool guestDisplayActive() const { return m_displayState == DisplayState::GuestDisplay; }
    /// Which of QEMU's placeholders the screen is (None unless displayState() is Placeholder).
    VncPlaceholderDetector::Placeholder placeholder() const { return m_placeholder; }
    /// Blocks the calling thread until a complete screen has arrived, the connection
    /// ended, or `timeoutMs` passed; returns hasFullFrame(). For the CLI: it needs no
    /// event loop (signals are still delivered later through the event loop). When it
    /// returns false, `error` says why (the connection's error, or the timeout).
    bool waitForFullFrame(int timeoutMs, QString *error = nullptr);

    /// Queues input for the server (dropped unless connected). Coordinates are in
    /// framebuffer pixels; buttonMask bit 0 = left, 1 = middle, 2 = right,
    /// 3/4 = wheel up/down, 5/6 = wheel left/right.
    void sendKey(quint32 keysym, bool down);
    void sendKeyStrokes(const QList<KeyStroke> &strokes);
    void sendPointer(int x, int y, int buttonMask);

    /// Off (e.g. in the CLI), a server asking for a password the endpoint does not
    /// carry ends the connection with Failure::PasswordRequired instead of emitting
    /// passwordRequested(). Applies to the next connectToEndpoint().
    void setAskForPassword(bool ask) { m_askForPassword = ask; }
    /// How long a server may stay silent in the middle of a message (or before its
    /// greeting) before the connection is given up (default 22 s). Applies to the
    /// next connectToEndpoint().
    void setStallTimeout(int milliseconds) { m_stallTimeoutMs = milliseconds; }

    /// Answers passwordRequested(). cancelPasswordRequest() ends the connection
    /// with Failure::PasswordRequired.
    void providePassword(const QString &password);
    void cancelPasswordRequest();
    bool isPasswordRequestPending() const { return m_passwordPending; }

signals:
    void stateChanged(crossvirt::models::VncSession::State state);
    void connected(QSize frameSize);
    /// The guest changed its screen size; a frameUpdated() with the new size follows.
    void resized(QSize frameSize);
    /// `frame` is shared with the session: copy what you keep (e.g. the dirty parts),
    /// holding the image makes the protocol thread copy the whole screen next time.
    void frameUpdated(const QImage &frame, const QRegion &dirty);
    /// The first complete screen (again after each resize) has arrived.
    void fullFrameReceived();
    /// displayState() changed, e.g. the guest replaced QEMU's placeholder with its own
    /// screen (or turned its output off again).
    void displayStateChanged(crossvirt::models::VncSession::DisplayState state);
    /// The server asked for a password; answer with providePassword().
    void passwordRequested();
    /// The connection ended; `error` is empty when we closed it ourselves.
    void disconnected(const QString &error);

private:
    friend class VncProtocolRun;
    void setState(State state);
    void handleConnected(QSize size, const QString &desktopName);
    void handleFrameReady();
    void handlePasswordRequest();
    void handleFinished(Failure failure, const QString &error);
    void stopRun();
    void setDisplayState(DisplayState state);

    std::shared_ptr<VncProtocolRun> m_run;
    State m_state = State::Disconnected;
    Failure m_failure = Failure::None;
    QString m_error;
    QString m_endpointName;
    QString m_desktopName;
    QSize m_frameSize;
    bool m_fullFrameAnnounced = false;
    DisplayState m_displayState = DisplayState::NoFrame;
    VncPlaceholderDetector::Placeholder m_placeholder = VncPlaceholderDetector::Placeholder::None;
    bool m_passwordPending = false;
    bool m_askForPassword = true;
    int m_stallTimeoutMs = 22000;
};

} // namespace crossvirt::models
