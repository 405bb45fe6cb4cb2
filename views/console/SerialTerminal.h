#pragma once

#include "models/console/TerminalBuffer.h"

#include <QPlainTextEdit>
#include <QPointer>

class QLabel;
class QTimer;

namespace crossvirt::models {
class HostSession;
class SerialConsoleSession;
} // namespace crossvirt::models

namespace crossvirt::views {

/// A terminal-like view of a VM's serial console: monospace text from the guest,
/// keys typed here go back to it.
class SerialTerminal : public QWidget
{
    Q_OBJECT
public:
    SerialTerminal(models::HostSession *session, const QString &uuid, QWidget *parent = nullptr);

    void connectToConsole();
    void disconnectFromConsole();
    QString screenText() const { return m_buffer.text(); }
    QString statusText() const;
    QPlainTextEdit *textView() const { return m_view; }

signals:
    void statusChanged(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setStatus(const QString &text);
    void render();

    models::SerialConsoleSession *m_console;
    models::TerminalBuffer m_buffer;
    QPlainTextEdit *m_view;
    QLabel *m_status;
    QTimer *m_renderTimer;
};

} // namespace crossvirt::views
