#include "views/vm/VmWindow.h"

#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "views/common/StateIcons.h"
#include "views/charts/VmPerformancePage.h"
#include "views/vm/ConsolePage.h"
#include "views/vm/OverviewPage.h"

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
    if (collector) {
        m_performance = new VmPerformancePage(collector, uuid, this);
        m_tabs->addTab(m_performance, tr("Performance"));
    }
    m_console = new ConsolePage(session, uuid, this);
    m_tabs->addTab(m_console, tr("Console"));
    // The console connects when its tab is first shown, not for every opened window.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_tabs->widget(index) == m_console && !m_consoleStarted) {
            m_consoleStarted = true;
            m_console->start();
        }
    });
    setCentralWidget(m_tabs);
    resize(720, 640);

    const auto summary = session->domain(uuid);
    setWindowTitle(tr("%1 on %2")
                       .arg(summary ? summary->name : uuid, session->hostInfo().hostname.isEmpty()
                                                                ? session->uri()
                                                                : session->hostInfo().hostname));
    // Follow state changes while the window is open.
    connect(session, &models::HostSession::domainUpdated, this,
            [this](const models::DomainSummary &d) {
                if (d.uuid == m_uuid)
                    reload();
            });
    connect(session, &models::HostSession::domainRemoved, this, [this](const QString &removed) {
        if (removed == m_uuid)
            m_overview->showMessage(tr("This virtual machine was deleted."));
    });
    reload();
}

void VmWindow::showConsole()
{
    m_tabs->setCurrentWidget(m_console);
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
