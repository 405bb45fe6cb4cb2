#pragma once

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;

namespace crossvirt::models {
class HostSession;
}

namespace crossvirt::views {

class VncView;

/// Stands in for a live console where the host's driver gives no console stream (the
/// test driver): the VM's screenshot, refreshed slowly, under a note saying why.
class ScreenshotConsole : public QWidget
{
    Q_OBJECT
public:
    ScreenshotConsole(models::HostSession *session, const QString &uuid, QWidget *parent = nullptr);

    /// Takes a screenshot now and then every intervalMs() while shown.
    void start();
    void stop();
    int intervalMs() const { return m_timer.interval(); }
    void setIntervalMs(int ms);

    QString noteText() const;
    /// The last screenshot shown (null before the first, or after a failure).
    QImage image() const;
    /// libvirt's message when the last screenshot failed; empty otherwise.
    const QString &errorText() const { return m_error; }
    int screenshotsTaken() const { return m_taken; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void takeScreenshot();
    void updateNote();

    QPointer<models::HostSession> m_session;
    QString m_uuid;
    QLabel *m_note;
    VncView *m_view;
    QTimer m_timer;
    bool m_busy = false;
    bool m_running = false;
    QString m_error;
    int m_taken = 0;
};

} // namespace crossvirt::views
