#pragma once

#include "models/console/VncEndpoint.h"
#include "models/console/VncSession.h"

#include <QFuture>
#include <QPointer>
#include <QWidget>
#include <functional>
#include <optional>

class QAction;
class QLabel;
class QMenu;
class QToolBar;
class QToolButton;

namespace crossvirt::models {
class SecretStore;
}

namespace crossvirt::views {

class VncView;

/// A VM's graphical console: the VNC view with a toolbar (Send Key, screenshot,
/// fit/1:1, fullscreen, reconnect, capture input) and a status line. Where to connect
/// comes from an endpoint provider, asked again on every (re)connect because a
/// libvirt graphics fd serves one connection only.
class VncConsoleWidget : public QWidget
{
    Q_OBJECT
public:
    using EndpointProvider = std::function<QFuture<models::VncEndpoint>()>;
    /// Asks the user for the VNC password of `consoleName`; nullopt when cancelled.
    using PasswordPrompt =
        std::function<std::optional<QString>(QWidget *parent, const QString &consoleName)>;

    explicit VncConsoleWidget(QWidget *parent = nullptr);
    ~VncConsoleWidget() override;

    void setEndpointProvider(EndpointProvider provider);
    /// A fixed TCP endpoint (host/port), used for every reconnect.
    void setEndpoint(const models::VncEndpoint &endpoint);
    /// Replaces the password dialog (tests, other front ends); such a prompt offers no
    /// "Remember".
    void setPasswordPrompt(PasswordPrompt prompt);
    /// Remembers the VNC password of VM `vmUuid` on `uri` in `store` when the user asks
    /// to (saved once the server accepted it), and uses it next time without asking; a
    /// remembered password the server refuses is deleted and the user asked again.
    void setSecretStore(models::SecretStore *store, const QString &uri, const QString &vmUuid);

    /// Asks the provider for an endpoint and connects (dropping any connection). A
    /// password the server rejects is asked for once more (the prompt says why), then
    /// the console stops with the server's refusal.
    void connectToConsole();
    void disconnectFromConsole();

    /// Saves the current screen as PNG off the GUI thread; the status line reports
    /// the result, the future says whether it worked.
    QFuture<bool> saveScreenshot(const QString &path);

    models::VncSession *session() const { return m_session; }
    VncView *view() const { return m_view; }
    QString statusText() const;
    /// Why the password prompt is shown again (the server's refusal), empty on the
    /// first prompt.
    QString passwordRetryReason() const;
    /// The session's screen is QEMU's placeholder: the view shows waitingText() instead.
    bool isWaitingForGuestDisplay() const;
    /// "Waiting for the guest's display…", shown in place of QEMU's placeholder.
    static QString waitingText();

    QToolButton *sendKeyButton() const { return m_sendKeyButton; }
    QAction *screenshotAction() const { return m_screenshotAction; }
    QAction *fitToWindowAction() const { return m_fitAction; }
    QAction *fullScreenAction() const { return m_fullScreenAction; }
    QAction *reconnectAction() const { return m_reconnectAction; }
    QAction *grabAction() const { return m_grabAction; }

signals:
    void statusChanged(const QString &text);

private:
    void requestEndpoint();
    void startSession(models::VncEndpoint endpoint);
    void setStatus(const QString &text);
    void updateActions();
    void askPassword();
    void promptForPassword(const QString &storeError);
    void chooseScreenshotFile();
    void setFullScreen(bool on);
    void onDisconnected(const QString &error);
    void showConnectedStatus();

    models::VncSession *m_session = nullptr;
    VncView *m_view = nullptr;
    QToolBar *m_toolBar = nullptr;
    QLabel *m_status = nullptr;
    QToolButton *m_sendKeyButton = nullptr;
    QMenu *m_sendKeyMenu = nullptr;
    QAction *m_screenshotAction = nullptr;
    QAction *m_fitAction = nullptr;
    QAction *m_fullScreenAction = nullptr;
    QAction *m_reconnectAction = nullptr;
    QAction *m_grabAction = nullptr;

    EndpointProvider m_provider;
    PasswordPrompt m_passwordPrompt;
    quint64 m_request = 0; // latest endpoint request wins
    bool m_passwordRejected = false;
    bool m_passwordRetried = false; // the one extra prompt after a rejection was used
    QString m_passwordRetryReason;
    bool m_customPrompt = false;
    // Remembered passwords: where, and what the current attempt does with one.
    QPointer<models::SecretStore> m_store;
    QString m_secretUri;
    QString m_secretVm;
    bool m_usedStoredPassword = false;
    std::optional<QString> m_passwordToRemember; // saved once the server accepts it
    bool m_wasMaximized = false;
};

} // namespace crossvirt::views
