#pragma once

#include <QMainWindow>
#include <QPointer>

class QTabWidget;

#include "models/connection/HostSession.h"

namespace crossvirt::models {
class InventoryModel;
class StatsCollector;
} // namespace crossvirt::models

namespace crossvirt::views {

class ConsolePage;
class VmPerformancePage;
class OverviewPage;
class VmDetailsPage;
class SnapshotsPage;

/// A VM's own window: Overview, Details, Performance, Console, Snapshots and XML tabs.
class VmWindow : public QMainWindow
{
    Q_OBJECT
public:
    /// `collector` feeds the Performance tab (none: no such tab).
    VmWindow(models::HostSession *session, const QString &uuid,
             models::StatsCollector *collector = nullptr, QWidget *parent = nullptr);

    const QString &uuid() const { return m_uuid; }
    models::HostSession *session() const { return m_session; }
    QTabWidget *tabs() const { return m_tabs; }
    OverviewPage *overview() const { return m_overview; }
    ConsolePage *console() const { return m_console; }
    VmPerformancePage *performance() const { return m_performance; }
    /// The Details tab (staged edits); its xmlPage() is the XML tab.
    VmDetailsPage *details() const { return m_details; }
    /// The Snapshots tab (issue 13).
    SnapshotsPage *snapshots() const { return m_snapshots; }
    /// Brings the Snapshots tab to the front (it reads the snapshots when first shown).
    void showSnapshots();
    /// Brings the Console tab to the front (it connects the first time it is shown).
    void showConsole();
    /// Re-reads the domain XML (off the GUI thread) and refreshes the pages.
    void reload();
    /// Titles the window "NAME on HOST" from `inventory` (the host's display name) and
    /// keeps the title current as the VM or the host is renamed. `nameHint` is the VM's
    /// name while the host has not listed it yet (right after Create).
    void followNames(const models::InventoryModel *inventory, const QString &nameHint = {});
    /// Saves the window's geometry (per VM UUID) for the next time it opens.
    void saveLayout() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void updateTitle();

    QPointer<models::HostSession> m_session;
    QPointer<const models::InventoryModel> m_inventory;
    QString m_nameHint;
    QString m_uuid;
    QTabWidget *m_tabs;
    OverviewPage *m_overview;
    ConsolePage *m_console;
    VmPerformancePage *m_performance = nullptr;
    VmDetailsPage *m_details = nullptr;
    SnapshotsPage *m_snapshots = nullptr;
    bool m_consoleStarted = false;
};

} // namespace crossvirt::views
