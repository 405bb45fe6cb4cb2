#include "views/console/SerialTerminal.h"

#include "models/console/SerialConsoleSession.h"

#include <QFontDatabase>
#include <QKeyEvent>
#include <QLabel>
#include <QScrollBar>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace crossvirt::views {

SerialTerminal::SerialTerminal(models::HostSession *session, const QString &uuid, QWidget *parent)
    : QWidget(parent), m_console(new models::SerialConsoleSession(session, uuid, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QToolBar(this);
    bar->addAction(tr("Reconnect"), this, [this] {
        disconnectFromConsole();
        connectToConsole();
    });
    bar->addAction(tr("Clear"), this, [this] {
        m_buffer.clear();
        render();
    });
    layout->addWidget(bar);
    m_view = new QPlainTextEdit(this);
    m_view->setAccessibleName(tr("Serial console"));
    m_view->setAccessibleDescription(
        tr("What the guest prints on its serial console; typing sends keys"));
    m_view->setReadOnly(true);
    m_view->setUndoRedoEnabled(false);
    m_view->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    QPalette pal = m_view->palette();
    pal.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    pal.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    m_view->setPalette(pal);
    m_view->installEventFilter(this);
    layout->addWidget(m_view, 1);
    m_status = new QLabel(this);
    layout->addWidget(m_status);

    // Output can arrive byte by byte; repaint at most ~30 times a second.
    m_renderTimer = new QTimer(this);
    m_renderTimer->setSingleShot(true);
    m_renderTimer->setInterval(33);
    connect(m_renderTimer, &QTimer::timeout, this, &SerialTerminal::render);

    connect(m_console, &models::SerialConsoleSession::opened, this, [this] {
        setStatus(tr("Connected to the serial console. Keys typed here go to the guest."));
    });
    connect(m_console, &models::SerialConsoleSession::received, this,
            [this](const QByteArray &bytes) {
                m_buffer.feed(bytes);
                if (!m_renderTimer->isActive())
                    m_renderTimer->start();
            });
    connect(m_console, &models::SerialConsoleSession::closed, this, [this](const QString &error) {
        setStatus(error.isEmpty() ? tr("Disconnected.") : error);
    });
}

QString SerialTerminal::statusText() const
{
    return m_status->text();
}

void SerialTerminal::setStatus(const QString &text)
{
    m_status->setText(text);
    emit statusChanged(text);
}

void SerialTerminal::connectToConsole()
{
    setStatus(tr("Opening the serial console…"));
    m_console->open();
}

void SerialTerminal::disconnectFromConsole()
{
    m_console->close();
}

void SerialTerminal::render()
{
    QScrollBar *bar = m_view->verticalScrollBar();
    const bool atBottom = bar->value() == bar->maximum();
    m_view->setPlainText(m_buffer.text());
    if (atBottom)
        bar->setValue(bar->maximum());
}

bool SerialTerminal::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        const QByteArray bytes =
            models::terminalBytesForKey(key->key(), key->modifiers(), key->text());
        if (!bytes.isEmpty() && m_console->isOpen()) {
            m_console->send(bytes);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace crossvirt::views
