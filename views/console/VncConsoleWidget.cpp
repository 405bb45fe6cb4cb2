#include "views/console/VncConsoleWidget.h"

#include "models/console/KeyMap.h"
#include "models/secrets/SecretStore.h"
#include "views/connection/RememberPasswordOption.h"
#include "views/console/VncView.h"

#include <QAction>
#include <QCheckBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPointer>
#include <QStandardPaths>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace crossvirt::views {

using models::KeyMap;
using models::VncEndpoint;
using models::VncSession;

namespace {

// The password dialog; with a store it offers "Remember" (or says why it cannot). After a
// refusal it says so and that this is the last attempt.
std::optional<QString> askWithRememberOption(QWidget *parent, const QString &consoleName,
                                             const QString &previousError,
                                             const models::SecretStore *store,
                                             const QString &storeError, bool *remember)
{
    QDialog dialog(parent);
    dialog.setObjectName(u"vncPasswordDialog"_s);
    dialog.setWindowTitle(VncConsoleWidget::tr("VNC Password"));
    auto *layout = new QVBoxLayout(&dialog);
    QString text = VncConsoleWidget::tr("Password for the console of %1:").arg(consoleName);
    if (!previousError.isEmpty())
        text = VncConsoleWidget::tr("%1\n\nPassword for the console of %2 (last attempt):")
                   .arg(previousError, consoleName);
    auto *label = new QLabel(text);
    label->setWordWrap(true);
    layout->addWidget(label);
    auto *edit = new QLineEdit(&dialog);
    edit->setEchoMode(QLineEdit::Password);
    label->setBuddy(edit);
    layout->addWidget(edit);
    QCheckBox *check = addRememberPasswordOption(layout, &dialog, store, storeError);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    *remember = check && check->isChecked();
    return edit->text();
}

} // namespace

VncConsoleWidget::VncConsoleWidget(QWidget *parent)
    : QWidget(parent), m_session(new VncSession(this)), m_view(new VncView(this)),
      m_toolBar(new QToolBar(this)), m_status(new QLabel(this))
{
    setPasswordPrompt({});
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(16, 16));

    m_sendKeyMenu = new QMenu(this);
    for (const models::KeyCombo &combo : KeyMap::sendKeyCombos()) {
        QAction *action = m_sendKeyMenu->addAction(combo.label);
        action->setData(combo.id);
        const QList<models::KeyStroke> strokes = combo.strokes();
        connect(action, &QAction::triggered, this,
                [this, strokes] { m_session->sendKeyStrokes(strokes); });
    }
    m_sendKeyButton = new QToolButton(m_toolBar);
    m_sendKeyButton->setText(tr("Send Key"));
    m_sendKeyButton->setIcon(QIcon::fromTheme(u"input-keyboard"_s));
    m_sendKeyButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_sendKeyButton->setPopupMode(QToolButton::InstantPopup);
    m_sendKeyButton->setMenu(m_sendKeyMenu);
    m_sendKeyButton->setToolTip(tr("Send a key combination the desktop would catch"));
    m_toolBar->addWidget(m_sendKeyButton);

    m_grabAction = m_toolBar->addAction(QIcon::fromTheme(u"input-mouse"_s), tr("Capture Input"));
    m_grabAction->setCheckable(true);
    m_grabAction->setToolTip(VncView::releaseHint());
    connect(m_grabAction, &QAction::toggled, m_view, &VncView::setInputGrabbed);
    connect(m_view, &VncView::inputGrabChanged, m_grabAction, &QAction::setChecked);

    m_toolBar->addSeparator();
    m_screenshotAction =
        m_toolBar->addAction(QIcon::fromTheme(u"camera-photo"_s), tr("Screenshot…"));
    connect(m_screenshotAction, &QAction::triggered, this, &VncConsoleWidget::chooseScreenshotFile);

    m_fitAction = m_toolBar->addAction(QIcon::fromTheme(u"zoom-fit-best"_s), tr("Fit to Window"));
    m_fitAction->setCheckable(true);
    m_fitAction->setChecked(true);
    m_fitAction->setToolTip(
        tr("Scale the screen to the window; off shows it 1:1 with scroll bars"));
    connect(m_fitAction, &QAction::toggled, this, [this](bool fit) {
        m_view->setScaleMode(fit ? VncView::ScaleMode::FitToWindow : VncView::ScaleMode::OneToOne);
    });

    m_fullScreenAction =
        m_toolBar->addAction(QIcon::fromTheme(u"view-fullscreen"_s), tr("Full Screen"));
    m_fullScreenAction->setCheckable(true);
    connect(m_fullScreenAction, &QAction::toggled, this, &VncConsoleWidget::setFullScreen);

    m_reconnectAction = m_toolBar->addAction(QIcon::fromTheme(u"view-refresh"_s), tr("Reconnect"));
    connect(m_reconnectAction, &QAction::triggered, this, &VncConsoleWidget::connectToConsole);

    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);
    m_status->setContentsMargins(4, 2, 4, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    connect(m_view, &VncView::keyEvent, m_session, &VncSession::sendKey);
    connect(m_view, &VncView::pointerEvent, m_session, &VncSession::sendPointer);
    connect(m_session, &VncSession::stateChanged, this, &VncConsoleWidget::updateActions);
    connect(m_session, &VncSession::frameUpdated, m_view, &VncView::updateFrame);
    connect(m_session, &VncSession::connected, this, [this] {
        m_passwordRejected = false;
        m_passwordRetried = false;
        m_passwordRetryReason.clear();
        if (m_passwordToRemember && m_store) {
            // The server accepted it: now it is worth remembering.
            m_store
                ->write(models::SecretKey::forVnc(m_secretUri, m_secretVm), *m_passwordToRemember)
                .then(this, [this](const models::SecretResult &result) {
                    if (!result.ok())
                        setStatus(result.error);
                });
        }
        m_passwordToRemember.reset();
        m_usedStoredPassword = false;
        m_view->setInputEnabled(true);
        showConnectedStatus();
    });
    connect(m_session, &VncSession::resized, this, &VncConsoleWidget::showConnectedStatus);
    // QEMU's "Guest has not initialized the display (yet)." is not the guest's screen.
    connect(m_session, &VncSession::displayStateChanged, this, [this] {
        m_view->setWaitingMessage(isWaitingForGuestDisplay() ? waitingText() : QString());
        if (m_session->state() == VncSession::State::Connected)
            showConnectedStatus();
        updateActions();
    });
    connect(m_session, &VncSession::passwordRequested, this, &VncConsoleWidget::askPassword);
    connect(m_session, &VncSession::disconnected, this, &VncConsoleWidget::onDisconnected);

    setStatus(tr("Not connected."));
    updateActions();
}

VncConsoleWidget::~VncConsoleWidget() = default;

void VncConsoleWidget::setEndpointProvider(EndpointProvider provider)
{
    m_provider = std::move(provider);
    updateActions();
}

void VncConsoleWidget::setEndpoint(const VncEndpoint &endpoint)
{
    setEndpointProvider([endpoint] { return QtFuture::makeReadyFuture(endpoint); });
}

void VncConsoleWidget::setPasswordPrompt(PasswordPrompt prompt)
{
    m_customPrompt = bool(prompt);
    if (prompt) {
        m_passwordPrompt = std::move(prompt);
        return;
    }
    m_passwordPrompt = [this](QWidget *parent, const QString &consoleName) {
        bool remember = false;
        return askWithRememberOption(parent, consoleName, m_passwordRetryReason, nullptr, {},
                                     &remember);
    };
}

QString VncConsoleWidget::passwordRetryReason() const
{
    return m_passwordRetryReason;
}

void VncConsoleWidget::setSecretStore(models::SecretStore *store, const QString &uri,
                                      const QString &vmUuid)
{
    m_store = store;
    m_secretUri = uri;
    m_secretVm = vmUuid;
}

void VncConsoleWidget::connectToConsole()
{
    // The user asked: the password may be asked again once more if it is wrong.
    m_passwordRetried = false;
    m_passwordRetryReason.clear();
    requestEndpoint();
}

void VncConsoleWidget::requestEndpoint()
{
    const quint64 request = ++m_request;
    m_session->disconnectFromServer();
    if (!m_provider) {
        setStatus(tr("This console has no address to connect to."));
        return;
    }
    setStatus(tr("Connecting…"));
    m_provider()
        .then(this,
              [this, request](VncEndpoint endpoint) {
                  if (request != m_request) {
                      endpoint.closeSocket();
                      return;
                  }
                  startSession(std::move(endpoint));
              })
        .onFailed(this, [this, request] {
            if (request == m_request)
                setStatus(tr("Could not open the console: the address request failed."));
        });
}

void VncConsoleWidget::disconnectFromConsole()
{
    ++m_request;
    m_session->disconnectFromServer();
}

void VncConsoleWidget::startSession(VncEndpoint endpoint)
{
    // A password the server just rejected would fail again: ask the user instead.
    if (m_passwordRejected)
        endpoint.password.clear();
    if (endpoint.isValid())
        setStatus(tr("Connecting to %1…").arg(endpoint.displayName()));
    m_session->connectToEndpoint(endpoint);
}

QString VncConsoleWidget::waitingText()
{
    return tr("Waiting for the guest's display…");
}

bool VncConsoleWidget::isWaitingForGuestDisplay() const
{
    return m_session->displayState() == VncSession::DisplayState::Placeholder;
}

void VncConsoleWidget::showConnectedStatus()
{
    const QSize size = m_session->frameSize();
    if (isWaitingForGuestDisplay()) {
        const bool turnedOff =
            m_session->placeholder() == models::VncPlaceholderDetector::Placeholder::NotActive;
        setStatus((turnedOff ? tr("Connected to %1; the guest has turned its display output off.")
                             : tr("Connected to %1; the guest has not drawn on its display yet."))
                      .arg(m_session->endpointName()));
        return;
    }
    setStatus(tr("Connected to %1 (%2×%3).")
                  .arg(m_session->endpointName(), QString::number(size.width()),
                       QString::number(size.height())));
}

void VncConsoleWidget::onDisconnected(const QString &error)
{
    m_view->setInputEnabled(false);
    m_passwordToRemember.reset(); // refused or never tried: not worth remembering
    const bool refused = m_session->failure() == VncSession::Failure::AuthenticationFailed;
    if (refused)
        m_passwordRejected = true;
    if (refused && m_usedStoredPassword && m_store) {
        // The remembered password is wrong now: forget it and ask the user.
        m_usedStoredPassword = false;
        m_store->remove(models::SecretKey::forVnc(m_secretUri, m_secretVm))
            .then(this, [this](const models::SecretResult &) { connectToConsole(); });
        setStatus(tr("The saved password was refused; it is forgotten. Asking again…"));
        return;
    }
    m_usedStoredPassword = false;
    if (refused) {
        // One more prompt, then stop: a wrong password must not loop, and the server
        // may count failed attempts.
        if (!m_passwordRetried && m_provider) {
            m_passwordRetried = true;
            m_passwordRetryReason = error;
            setStatus(tr("%1\nAsking for the password again.").arg(error));
            const quint64 request = m_request;
            QTimer::singleShot(0, this, [this, request] {
                if (request == m_request)
                    requestEndpoint();
            });
            return;
        }
        m_passwordRetryReason.clear();
    }
    if (error.isEmpty())
        setStatus(tr("Disconnected."));
    else
        setStatus(tr("Disconnected: %1").arg(error));
}

void VncConsoleWidget::askPassword()
{
    setStatus(tr("%1 asks for a password.").arg(m_session->endpointName()));
    if (!m_store || m_secretVm.isEmpty()) {
        promptForPassword({});
        return;
    }
    // A remembered password answers without asking; the keyring replies through the
    // event loop (nothing waits here).
    m_store->probe().then(this, [this](models::SecretStore::Availability) {
        if (!m_session->isPasswordRequestPending())
            return;
        if (!m_store || !m_store->isAvailable() || m_passwordRejected) {
            promptForPassword({});
            return;
        }
        m_store->read(models::SecretKey::forVnc(m_secretUri, m_secretVm))
            .then(this, [this](const models::SecretResult &stored) {
                if (!m_session->isPasswordRequestPending())
                    return;
                if (stored.secret) {
                    m_usedStoredPassword = true;
                    setStatus(tr("Connecting to %1 with the saved password…")
                                  .arg(m_session->endpointName()));
                    m_session->providePassword(*stored.secret);
                    return;
                }
                promptForPassword(stored.error);
            });
    });
}

void VncConsoleWidget::promptForPassword(const QString &storeError)
{
    // The prompt may run a nested event loop; the session may end meanwhile.
    QPointer<VncConsoleWidget> self(this);
    bool remember = false;
    const std::optional<QString> password =
        m_customPrompt
            ? m_passwordPrompt(this, m_session->endpointName())
            : askWithRememberOption(this, m_session->endpointName(), m_passwordRetryReason,
                                    m_secretVm.isEmpty() ? nullptr : m_store.data(), storeError,
                                    &remember);
    if (!self || !m_session->isPasswordRequestPending())
        return;
    if (password && remember)
        m_passwordToRemember = *password;
    if (password) {
        setStatus(tr("Connecting to %1…").arg(m_session->endpointName()));
        m_session->providePassword(*password);
    } else {
        m_session->cancelPasswordRequest();
    }
}

void VncConsoleWidget::chooseScreenshotFile()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString name =
        tr("console-%1.png").arg(QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save Screenshot"), QDir(folder).filePath(name), tr("PNG images (*.png)"));
    if (!path.isEmpty())
        saveScreenshot(path);
}

QFuture<bool> VncConsoleWidget::saveScreenshot(const QString &requestedPath)
{
    QString path = requestedPath;
    if (QFileInfo(path).suffix().isEmpty())
        path += u".png"_s;
    const QImage frame = m_session->currentFrame();
    if (frame.isNull()) {
        setStatus(tr("There is no screen to save yet."));
        return QtFuture::makeReadyFuture(false);
    }
    return QtConcurrent::run([frame, path] { return frame.save(path, "PNG"); })
        .then(this, [this, path](bool saved) {
            setStatus(saved ? tr("Screenshot saved to %1.").arg(QDir::toNativeSeparators(path))
                            : tr("Could not save the screenshot to %1.")
                                  .arg(QDir::toNativeSeparators(path)));
            return saved;
        });
}

void VncConsoleWidget::setFullScreen(bool on)
{
    QWidget *top = window();
    if (on) {
        m_wasMaximized = top->isMaximized();
        top->showFullScreen();
    } else if (m_wasMaximized) {
        top->showMaximized();
    } else {
        top->showNormal();
    }
}

QString VncConsoleWidget::statusText() const
{
    return m_status->text();
}

void VncConsoleWidget::setStatus(const QString &text)
{
    if (m_status->text() == text)
        return;
    m_status->setText(text);
    emit statusChanged(text);
}

void VncConsoleWidget::updateActions()
{
    const bool connected = m_session->state() == VncSession::State::Connected;
    m_sendKeyButton->setEnabled(connected);
    m_grabAction->setEnabled(connected);
    // QEMU's placeholder is not a screenshot of the guest.
    m_screenshotAction->setEnabled((connected || !m_view->frame().isNull()) &&
                                   !isWaitingForGuestDisplay());
    m_reconnectAction->setEnabled(bool(m_provider));
}

} // namespace crossvirt::views
