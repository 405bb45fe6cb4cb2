#pragma once

#include "models/inventory/InventoryTypes.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QStackedWidget;
class QToolButton;

namespace crossvirt::models {
class HostSession;
}

namespace crossvirt::views {

class ScreenshotConsole;
class SerialTerminal;
class VncConsoleWidget;

/// A VM's consoles: the embedded VNC display when its arch offers graphics and it
/// can be reached, else (or on request) its serial console. Says why a console is
/// not available instead of showing a blank area.
class ConsolePage : public QWidget
{
    Q_OBJECT
public:
    ConsolePage(models::HostSession *session, const QString &uuid, QWidget *parent = nullptr);

    /// Reads the VM's live XML (off the GUI thread) and opens the best console.
    void start();
    void stop();

    VncConsoleWidget *vncConsole() const { return m_vnc; }
    SerialTerminal *serialConsole() const { return m_serial; }
    /// The screenshot shown where the driver gives no console stream (the test driver).
    ScreenshotConsole *screenshotConsole() const { return m_screenshot; }
    QString messageText() const;
    bool showsGraphics() const;

private:
    void choose(const models::DomainDetails &details);
    void showSerial();
    void showGraphics();
    void showMessage(const QString &text);
    void showScreenshot();

    QPointer<models::HostSession> m_session;
    QString m_uuid;
    QStackedWidget *m_stack;
    QLabel *m_message;
    QToolButton *m_switch;
    QToolButton *m_detach;
    VncConsoleWidget *m_vnc = nullptr;
    SerialTerminal *m_serial = nullptr;
    ScreenshotConsole *m_screenshot = nullptr;
    bool m_graphicsUsable = false;
    bool m_serialUsable = false;
};

} // namespace crossvirt::views
