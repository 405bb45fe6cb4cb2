#include "views/vm/VmWindow.h"

#include "models/connection/ConnectionUri.h"
#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "models/inventory/InventoryModel.h"
#include "views/charts/VmPerformancePage.h"
#include "views/common/StateIcons.h"
#include "views/mainwindow/WindowLayout.h"
#include "views/snapshots/SnapshotsPage.h"
#include "views/vm/ConsolePage.h"
#include "views/vm/OverviewPage.h"
#include "views/vm/details/VmDetailsPage.h"
#include "views/vm/details/VmXmlPage.h"

#include <QAction>
#include <QCloseEvent>

#include <QScrollArea>
#include <QTabWidget>

namespace crossvirt::views {

VmWindow::VmWindow(models::HostSession *session, const QString &uuid,
                   models::StatsCollector *collector, QWidget *parent)
    : QMainWindow(parent), m_session(session), m_uuid(uuid)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowIcon(applicationIcon());
    m_tabs = new QTabWidget(this);
    m_overview = new OverviewPage(this);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_overview);
    scroll->setFrameShape(QFrame::NoFrame);
    m_tabs->addTab(scroll, tr("Overview"));
    // Details and XML load the VM for editing when first shown.
    m_details = new VmDetailsPage(session, uuid, this);
    m_tabs->addTab(m_details, tr("Details"));
    if (collector) {
        m_performance = new VmPerformancePage(collector, uuid, this);
        m_tabs->addTab(m_performance, tr("Performance"));
    }
    m_console = new ConsolePage(session, uuid, this);
    m_tabs->addTab(m_console, tr("Console"));
    // Reads the snapshots when first shown.
    m_snapshots = new SnapshotsPage(session, uuid, this);
    m_tabs->addTab(m_snapshots, tr("Snapshots"));
    m_tabs->addTab(m_details->xmlPage(), tr("XML"));
    // The console connects when its tab is first shown, not for every opened window.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_tabs->widget(index) == m_console && !m_consoleStarted) {
            m_consoleStarted = true;
            m_console->start();
        }
    });
    setCentralWidget(m_tabs);
    // Ctrl+W closes it, as in virt-manager; Ctrl+PgUp/PgDown switch tabs (QTabWidget).
    auto *closeAction = new QAction(tr("Close"), this);
    closeAction->setShortcut(QKeySequence(QKeySequence::Close));
    connect(closeAction, &QAction::triggered, this, &QWidget::close);
    addAction(closeAction);
    resize(720, 640);
    const QByteArray geometry = MainWindowLayout::vmWindowGeometry(uuid);
    if (!geometry.isEmpty())
        restoreGeometry(geometry);

    updateTitle();
    // Follow state changes (and renames) while the window is open.
    connect(session, &models::HostSession::domainUpdated, this,
            [this](const models::DomainSummary &d) {
                if (d.uuid == m_uuid) {
                    updateTitle();
                    reload();
                }
            });
    connect(session, &models::HostSession::domainRemoved, this, [this](const QString &removed) {
        if (removed == m_uuid)
            m_overview->showMessage(tr("This virtual machine was deleted."));
    });
    reload();
}

void VmWindow::followNames(const models::InventoryModel *inventory, const QString &nameHint)
{
    if (m_inventory)
        disconnect(m_inventory, nullptr, this, nullptr);
    m_inventory = inventory;
    m_nameHint = nameHint;
    if (inventory) {
        // A VM or host renamed, or the VM listed at last (after Create): a new title.
        connect(inventory, &QAbstractItemModel::dataChanged, this, &VmWindow::updateTitle);
        connect(inventory, &QAbstractItemModel::rowsInserted, this, &VmWindow::updateTitle);
        connect(inventory, &QAbstractItemModel::modelReset, this, &VmWindow::updateTitle);
    }
    updateTitle();
}

void VmWindow::updateTitle()
{
    if (!m_session)
        return;
    const QString uri = m_session->uri();
    QString name, host;
    if (m_inventory) {
        name =
            m_inventory->domainIndex(uri, m_uuid).data(models::InventoryModel::NameRole).toString();
        host = m_inventory->hostIndex(uri).data(models::InventoryModel::NameRole).toString();
    }
    if (name.isEmpty()) {
        if (const auto summary = m_session->domain(m_uuid))
            name = summary->name;
    }
    if (name.isEmpty())
        name = m_nameHint.isEmpty() ? tr("Virtual machine") : m_nameHint;
    if (host.isEmpty())
        host = models::displayNameForUri(uri);
    const QString title = tr("%1 on %2", "VM window title: VM name, host name").arg(name, host);
    if (windowTitle() != title)
        setWindowTitle(title);
}

void VmWindow::saveLayout() const
{
    MainWindowLayout::saveVmWindowGeometry(m_uuid, saveGeometry());
}

void VmWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

void VmWindow::showConsole()
{
    m_tabs->setCurrentWidget(m_console);
}

void VmWindow::showSnapshots()
{
    m_tabs->setCurrentWidget(m_snapshots);
}

void VmWindow::reload()
{
    if (!m_session)
        return;
    const QString hostArch = m_session->hostInfo().arch;
    models::whenFinished(
        m_session->domainDetails(m_uuid), this,
        [this, hostArch](const models::DomainDetails &details) {
            m_overview->setHostSession(m_session);
            m_overview->showDetails(details, hostArch);
        },
        [this](const QString &error) { m_overview->showMessage(error); });
}

} // namespace crossvirt::views
