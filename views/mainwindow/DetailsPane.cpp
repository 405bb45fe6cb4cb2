#include "views/mainwindow/DetailsPane.h"

#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "models/stats/DatacenterStats.h"
#include "views/charts/HostChartsPage.h"
#include "views/mainwindow/HostDetailsPage.h"
#include "models/storage/HostStorage.h"
#include "views/network/NetworksPage.h"
#include "views/storage/StoragePage.h"
#include "views/tiles/VmTilesPage.h"
#include "views/transfer/TransferDialog.h"
#include "views/vm/OverviewPage.h"

#include <QLabel>
#include <QScrollArea>
#include <QTabWidget>

namespace crossvirt::views {

using models::HostSession;

namespace {
QScrollArea *scrolling(QWidget *page, QWidget *parent)
{
    auto *scroll = new QScrollArea(parent);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(page);
    return scroll;
}

/// The tab holding `page`, which may sit inside a scroll area; -1 when none does.
int tabOf(const QTabWidget *tabs, QWidget *page)
{
    for (QWidget *w = page; w; w = w->parentWidget()) {
        if (const int i = tabs->indexOf(w); i >= 0)
            return i;
    }
    return -1;
}
} // namespace

DetailsPane::DetailsPane(models::DatacenterStats *stats, QWidget *parent)
    : QStackedWidget(parent), m_stats(stats)
{
    m_emptyPage = new QLabel(tr("Select a host or a virtual machine."), this);
    m_emptyPage->setAlignment(Qt::AlignCenter);
    addWidget(m_emptyPage);
    m_selectionPage = new QLabel(this);
    m_selectionPage->setAlignment(Qt::AlignCenter);
    m_selectionPage->setWordWrap(true);
    m_selectionPage->setTextFormat(Qt::RichText);
    m_selectionPage->setMargin(24);
    addWidget(m_selectionPage);
    m_hostTabs = new QTabWidget(this);
    m_hostPage = new HostDetailsPage(m_hostTabs);
    m_hostTabs->addTab(scrolling(m_hostPage, m_hostTabs), tr("Details"));
    m_hostCharts = new HostChartsPage({}, m_hostTabs);
    m_hostTabs->addTab(m_hostCharts, tr("Performance"));
    m_storagePage = new StoragePage(m_hostTabs);
    m_hostTabs->addTab(scrolling(m_storagePage, m_hostTabs), tr("Storage"));
    // The Storage tab's Upload…/Download… open the transfer window for the shown host;
    // the tab re-reads the host's pools once a transfer has finished.
    connect(m_storagePage, &StoragePage::uploadRequested, this, [this](const QString &pool) {
        if (auto *dialog = TransferDialog::startUpload(window(), m_storagePage->session(), pool))
            connect(dialog, &TransferDialog::transferFinished, m_storagePage->storage(),
                    &models::HostStorage::reload);
    });
    connect(m_storagePage, &StoragePage::downloadRequested, this,
            [this](const QString &pool, const QString &volume) {
                TransferDialog::startDownload(window(), m_storagePage->session(), pool, volume);
            });
    m_networksPage = new NetworksPage(m_hostTabs);
    m_hostTabs->addTab(scrolling(m_networksPage, m_hostTabs), tr("Networks"));
    m_tilesPage = new VmTilesPage(m_hostTabs);
    m_hostTabs->addTab(m_tilesPage, tr("Tiles"));
    addWidget(m_hostTabs);
    m_vmPage = new OverviewPage(this);
    m_vmScroll = scrolling(m_vmPage, this);
    addWidget(m_vmScroll);
}

void DetailsPane::showNothing()
{
    ++m_generation;
    setCurrentWidget(m_emptyPage);
}

void DetailsPane::showSelectionSummary(const QString &text)
{
    ++m_generation;
    m_selectionPage->setText(text);
    setCurrentWidget(m_selectionPage);
}

void DetailsPane::showHost(HostSession *session, const QString &displayName)
{
    ++m_generation;
    setCurrentWidget(m_hostTabs);
    m_hostPage->setSession(session, displayName);
    m_networksPage->setSession(session);
    m_hostTabs->setTabVisible(tabOf(m_hostTabs, m_networksPage), session != nullptr);
    m_storagePage->setSession(session);
    m_hostTabs->setTabVisible(tabOf(m_hostTabs, m_storagePage), true);
    showHostCharts(session ? QList<HostSession *>{session} : QList<HostSession *>{});
    m_tilesPage->setSessions(session ? QList<HostSession *>{session} : QList<HostSession *>{});
}

void DetailsPane::showCluster(const QString &name, const QList<HostSession *> &hosts)
{
    ++m_generation;
    m_hostPage->setSession(nullptr, name);
    m_networksPage->setSession(nullptr);
    m_hostTabs->setTabVisible(tabOf(m_hostTabs, m_networksPage), false);
    m_storagePage->setSession(nullptr);
    m_hostTabs->setTabVisible(tabOf(m_hostTabs, m_storagePage), false); // one host's only
    showHostCharts(hosts);
    m_tilesPage->setSessions(hosts);
    setCurrentWidget(m_hostTabs);
    if (m_hostTabs->currentWidget() != m_tilesPage) // a cluster has no Details tab content
        m_hostTabs->setCurrentWidget(m_hostCharts);
}

void DetailsPane::showVm(HostSession *session, const models::DomainSummary &vm)
{
    const quint64 generation = ++m_generation;
    setCurrentWidget(m_vmScroll);
    m_vmPage->showMessage(tr("Reading %1…").arg(vm.name));
    m_vmState = vm.state;
    // Started, paused or shut off while shown: read it again, or the pane shows a state
    // the tree no longer does.
    disconnect(m_vmUpdates);
    m_vmUpdates =
        connect(session, &HostSession::domainUpdated, this,
                [this, session, uuid = vm.uuid](const models::DomainSummary &d) {
                    if (d.uuid != uuid || d.state == m_vmState || currentWidget() != m_vmScroll)
                        return;
                    m_vmState = d.state;
                    readVm(session, uuid, ++m_generation);
                });
    readVm(session, vm.uuid, generation);
}

void DetailsPane::readVm(HostSession *session, const QString &uuid, quint64 generation)
{
    const QString hostArch = session->hostInfo().arch;
    models::whenFinished(
        session->domainDetails(uuid), this,
        [this, generation, hostArch, session](const models::DomainDetails &details) {
            if (generation == m_generation) {
                m_vmPage->setHostSession(session);
                m_vmPage->showDetails(details, hostArch);
            }
        },
        [this, generation](const QString &error) {
            if (generation == m_generation)
                m_vmPage->showMessage(error);
        });
}

void DetailsPane::showHostPerformance()
{
    m_hostTabs->setCurrentWidget(m_hostCharts);
}

void DetailsPane::showHostTiles()
{
    m_hostTabs->setCurrentWidget(m_tilesPage);
}

void DetailsPane::showHostCharts(const QList<HostSession *> &hosts)
{
    QList<models::StatsCollector *> collectors;
    for (HostSession *s : hosts) {
        if (models::StatsCollector *c = m_stats->collector(s->uri()))
            collectors << c;
    }
    m_hostCharts->setCollectors(collectors);
}

} // namespace crossvirt::views
