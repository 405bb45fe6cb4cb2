#pragma once

#include <QMainWindow>
#include <QPointer>

class QTabWidget;

#include "models/connection/HostSession.h"

namespace crossvirt::views {

class ConsolePage;
class OverviewPage;

/// A VM's own window: Overview now; Performance, Console and Disks pages join it.
class VmWindow : public QMainWindow
{
    Q_OBJECT
public:
    VmWindow(models::HostSession *session, const QString &uuid, QWidget *parent = nullptr);

    const QString &uuid() const { return m_uuid; }
    models::HostSession *session() const { return m_session; }
    QTabWidget *tabs() const { return m_tabs; }
    OverviewPage *overview() const { return m_overview; }
    ConsolePage *console() const { return m_console; }
    /// Brings the Console tab to the front (it connects the first time it is shown).
    void showConsole();
    /// Re-reads the domain XML (off the GUI thread) and refreshes the pages.
    void reload();

private:
    QPointer<models::HostSession> m_session;
    QString m_uuid;
    QTabWidget *m_tabs;
    OverviewPage *m_overview;
    ConsolePage *m_console;
    bool m_consoleStarted = false;
};

} // namespace crossvirt::views
