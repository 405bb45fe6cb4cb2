#include "views/console/ScreenshotConsole.h"

#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "models/thumbnails/DomainScreenshot.h"
#include "views/console/VncView.h"

#include <QLabel>
#include <QVBoxLayout>

namespace crossvirt::views {

ScreenshotConsole::ScreenshotConsole(models::HostSession *session, const QString &uuid,
                                     QWidget *parent)
    : QWidget(parent), m_session(session), m_uuid(uuid)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    m_note->setMargin(6);
    m_note->setFrameShape(QFrame::StyledPanel);
    layout->addWidget(m_note);
    m_view = new VncView(this);
    m_view->setAccessibleName(tr("Screenshot of the virtual machine"));
    m_view->setFocusPolicy(Qt::NoFocus); // a picture: it takes no input
    layout->addWidget(m_view, 1);
    m_timer.setInterval(5000);
    connect(&m_timer, &QTimer::timeout, this, &ScreenshotConsole::takeScreenshot);
    updateNote();
}

void ScreenshotConsole::setIntervalMs(int ms)
{
    m_timer.setInterval(ms);
    updateNote();
}

void ScreenshotConsole::start()
{
    m_running = true;
    m_timer.start();
    takeScreenshot();
}

void ScreenshotConsole::stop()
{
    m_running = false;
    m_timer.stop();
}

void ScreenshotConsole::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    takeScreenshot(); // shown again after a while: a fresh picture at once
}

QString ScreenshotConsole::noteText() const
{
    return m_note->text();
}

QImage ScreenshotConsole::image() const
{
    return m_view->frame();
}

void ScreenshotConsole::updateNote()
{
    const int seconds = qMax(1, (m_timer.interval() + 500) / 1000);
    QString text = tr("This host's driver gives no live console; showing a screenshot, refreshed "
                      "every %n s.",
                      nullptr, seconds);
    if (!m_error.isEmpty())
        text += u'\n' + m_error;
    m_note->setText(text);
}

void ScreenshotConsole::takeScreenshot()
{
    // One at a time; a hidden console (another tab, a minimised window) takes none.
    if (m_busy || !m_session || !m_running || !isVisible())
        return;
    m_busy = true;
    models::whenFinished(
        models::domainScreenshot(m_session, m_uuid), this,
        [this](const QImage &image) {
            m_busy = false;
            ++m_taken;
            m_error.clear();
            m_view->setFrame(image);
            updateNote();
        },
        [this](const QString &error) {
            m_busy = false;
            m_error = error;
            m_view->clearFrame();
            updateNote();
        });
}

} // namespace crossvirt::views
