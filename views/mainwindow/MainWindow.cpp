#include "views/mainwindow/MainWindow.h"

#include "arch/ArchRegistry.h"
#include "models/cluster/ClusterInventoryModel.h"
#include "models/cluster/ClusterList.h"
#include "models/connection/Datacenter.h"
#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "models/inventory/InventoryFilterProxy.h"
#include "models/inventory/InventoryModel.h"
#include "models/stats/DatacenterStats.h"
#include "models/stats/InventoryStatsProxy.h"
#include "views/charts/CpuSparklineDelegate.h"
#include "views/charts/HostChartsPage.h"
#include "views/charts/StatsPreferencesDialog.h"
#include "views/common/StateIcons.h"
#include "views/connection/AddConnectionDialog.h"
#include "views/dialogs/ClusterDialog.h"
#include "views/dialogs/NewDiskDialog.h"
#include "views/dialogs/NewVmDialog.h"
#include "views/mainwindow/HostDetailsPage.h"
#include "views/mainwindow/InventoryPresentation.h"
#include "views/vm/OverviewPage.h"
#include "views/vm/VmWindow.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace crossvirt::views {

using namespace Qt::StringLiterals;
using models::DomainState;
using models::HostSession;
using models::InventoryModel;

MainWindow::MainWindow(models::Datacenter *datacenter, QWidget *parent)
    : QMainWindow(parent), m_datacenter(datacenter)
{
    setWindowTitle(tr("Crossvirt"));
    setWindowIcon(applicationIcon());

    m_model = new InventoryModel(datacenter, this);
    // Clusters are saved beside the connection list.
    m_clusters = new models::ClusterList(
        models::ClusterStore(
            QFileInfo(datacenter->store().filePath()).dir().filePath(u"clusters.json"_s)),
        this);
    m_clusterModel = new models::ClusterInventoryModel(m_model, m_clusters, this);
    connect(m_clusters, &models::ClusterList::loaded, this,
            [this](const models::ClusterStore::LoadResult &result) {
                if (!result.error.isEmpty())
                    reportError(tr("Clusters"), result.error);
            });
    connect(m_clusters, &models::ClusterList::saveFailed, this, [this](const QString &error) {
        reportError(tr("Could not save the clusters"), error);
    });
    connect(datacenter, &models::Datacenter::sessionAboutToBeRemoved, this,
            [this](HostSession *s) { m_clusters->removeHost(s->uri()); });
    m_clusters->load();
    // One collector per host polls its stats; the CPU column (a sparkline) is
    // added by a proxy over either view of the inventory.
    m_stats = new models::DatacenterStats(datacenter, models::StatsSettings::load(), this);
    m_statsByHost = new models::InventoryStatsProxy(m_stats, this);
    m_statsByHost->setSourceModel(m_model);
    m_statsByCluster = new models::InventoryStatsProxy(m_stats, this);
    m_statsByCluster->setSourceModel(m_clusterModel);
    m_presentation = new InventoryPresentation(this);
    m_presentation->setSourceModel(m_statsByHost);
    m_proxy = new models::InventoryFilterProxy(this);
    m_proxy->setSourceModel(m_presentation);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(6, 6, 0, 6);
    m_filter = new QLineEdit(left);
    m_filter->setClearButtonEnabled(true);
    m_filter->setPlaceholderText(tr("Filter: name, arch:ppc64le, state:running, host:name"));
    leftLayout->addWidget(m_filter);
    m_filterHint = new QLabel(left);
    m_filterHint->setWordWrap(true);
    m_filterHint->hide();
    leftLayout->addWidget(m_filterHint);
    m_tree = new QTreeView(left);
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSortingEnabled(false);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(InventoryModel::NameColumn, QHeaderView::Stretch);
    m_tree->header()->setMinimumSectionSize(40);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(InventoryModel::NameColumn, Qt::AscendingOrder);
    m_tree->setColumnWidth(InventoryModel::StateColumn, 130);
    m_tree->setColumnWidth(InventoryModel::ArchColumn, 140);
    m_tree->setColumnWidth(InventoryModel::CpuModelColumn, 120);
    m_tree->setColumnWidth(InventoryModel::CpusColumn, 50);
    m_tree->setColumnWidth(InventoryModel::MemoryColumn, 80);
    m_tree->setItemDelegateForColumn(m_statsByHost->cpuColumn(), new CpuSparklineDelegate(m_tree));
    m_tree->setColumnWidth(m_statsByHost->cpuColumn(), 120);
    leftLayout->addWidget(m_tree, 1);

    m_details = new QStackedWidget(this);
    m_emptyPage = new QLabel(tr("Select a host or a virtual machine."), m_details);
    m_emptyPage->setAlignment(Qt::AlignCenter);
    m_details->addWidget(m_emptyPage);
    m_hostTabs = new QTabWidget(m_details);
    m_hostPage = new HostDetailsPage(m_hostTabs);
    auto *hostScroll = new QScrollArea(m_hostTabs);
    hostScroll->setWidgetResizable(true);
    hostScroll->setFrameShape(QFrame::NoFrame);
    hostScroll->setWidget(m_hostPage);
    m_hostTabs->addTab(hostScroll, tr("Details"));
    m_hostCharts = new HostChartsPage({}, m_hostTabs);
    m_hostTabs->addTab(m_hostCharts, tr("Performance"));
    m_details->addWidget(m_hostTabs);
    m_vmPage = new OverviewPage(m_details);
    auto *vmScroll = new QScrollArea(m_details);
    vmScroll->setWidgetResizable(true);
    vmScroll->setFrameShape(QFrame::NoFrame);
    vmScroll->setWidget(m_vmPage);
    m_details->addWidget(vmScroll);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({780, 520});
    setCentralWidget(splitter);

    createActions();

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterText(text);
        m_tree->expandAll();
        const QStringList unknown = m_proxy->unknownTerms();
        m_filterHint->setVisible(!unknown.isEmpty());
        if (!unknown.isEmpty()) {
            m_filterHint->setText(tr("Not understood: %1. Use arch:, state:, host: or emulated:.")
                                      .arg(unknown.join(u", "_s)));
        }
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        updateActions();
        showSelection();
    });
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        QModelIndex src = toBaseIndex(index);
        if (src.model() == m_clusterModel)
            src = m_clusterModel->toInventoryIndex(src);
        if (const auto d = m_model->domainAt(src))
            openVm(src.data(InventoryModel::UriRole).toString(), d->uuid);
    });
    // Rows come and go as hosts connect; keep hosts expanded and actions current.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &insertedUnder) {
                if (!insertedUnder.isValid())
                    m_tree->expandAll();
                else
                    m_tree->expand(insertedUnder);
            });
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, [this] { updateActions(); });
    connect(m_datacenter, &models::Datacenter::saveFailed, this, [this](const QString &error) {
        reportError(tr("Could not save the connection list"), error);
    });
    m_tree->expandAll();
    m_summary = new QLabel(this);
    statusBar()->addPermanentWidget(m_summary);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, &MainWindow::updateSummary);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MainWindow::updateSummary);
    updateSummary();
    resize(1300, 760);
    updateActions();
}

void MainWindow::createActions()
{
    QStyle *st = style();
    m_addConnection =
        new QAction(st->standardIcon(QStyle::SP_FileDialogNewFolder), tr("&Add Connection…"), this);
    m_removeConnection = new QAction(tr("&Remove Connection"), this);
    m_connect = new QAction(tr("&Connect"), this);
    m_disconnect = new QAction(tr("&Disconnect"), this);
    m_open = new QAction(st->standardIcon(QStyle::SP_DesktopIcon), tr("&Open"), this);
    m_start = new QAction(st->standardIcon(QStyle::SP_MediaPlay), tr("&Start"), this);
    m_shutdown = new QAction(st->standardIcon(QStyle::SP_MediaStop), tr("Shut &Down"), this);
    m_reboot = new QAction(st->standardIcon(QStyle::SP_BrowserReload), tr("&Reboot"), this);
    m_forceOff =
        new QAction(st->standardIcon(QStyle::SP_DialogCancelButton), tr("&Force Off"), this);
    m_pause = new QAction(st->standardIcon(QStyle::SP_MediaPause), tr("&Pause"), this);
    m_resume = new QAction(st->standardIcon(QStyle::SP_MediaSeekForward), tr("R&esume"), this);
    m_delete = new QAction(st->standardIcon(QStyle::SP_TrashIcon), tr("De&lete…"), this);
    m_newVm = new QAction(st->standardIcon(QStyle::SP_FileIcon), tr("&New VM…"), this);
    m_newVm->setShortcut(QKeySequence(tr("Ctrl+Shift+N")));
    m_addDisk = new QAction(st->standardIcon(QStyle::SP_DriveHDIcon), tr("Add &Disk…"), this);
    m_newCluster = new QAction(tr("&New Cluster…"), this);
    m_editCluster = new QAction(tr("&Edit Cluster…"), this);
    m_deleteCluster = new QAction(tr("&Delete Cluster"), this);
    m_byHost = new QAction(tr("By &Host"), this);
    m_byCluster = new QAction(tr("By &Cluster"), this);
    auto *viewGroup = new QActionGroup(this);
    for (QAction *a : {m_byHost, m_byCluster}) {
        a->setCheckable(true);
        viewGroup->addAction(a);
    }
    m_byHost->setChecked(true);
    connect(m_byHost, &QAction::triggered, this, [this] { setViewByCluster(false); });
    connect(m_byCluster, &QAction::triggered, this, [this] { setViewByCluster(true); });
    connect(m_newVm, &QAction::triggered, this, &MainWindow::newVm);
    connect(m_addDisk, &QAction::triggered, this, &MainWindow::addDisk);
    connect(m_newCluster, &QAction::triggered, this, [this] { editCluster(true); });
    connect(m_editCluster, &QAction::triggered, this, [this] { editCluster(false); });
    connect(m_deleteCluster, &QAction::triggered, this, &MainWindow::deleteCluster);
    auto *quit = new QAction(tr("&Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    m_addConnection->setShortcut(QKeySequence(tr("Ctrl+N")));
    m_delete->setShortcut(QKeySequence::Delete);

    connect(m_addConnection, &QAction::triggered, this, &MainWindow::addConnection);
    connect(m_removeConnection, &QAction::triggered, this, &MainWindow::removeSelectedConnection);
    connect(m_connect, &QAction::triggered, this, [this] { connectSelectedHost(true); });
    connect(m_disconnect, &QAction::triggered, this, [this] { connectSelectedHost(false); });
    connect(quit, &QAction::triggered, this, &QWidget::close);
    connect(m_open, &QAction::triggered, this, [this] {
        const QModelIndex src = currentSourceIndex();
        if (const auto d = m_model->domainAt(src))
            openVm(src.data(InventoryModel::UriRole).toString(), d->uuid);
    });
    connect(m_start, &QAction::triggered, this, [this] {
        runOnSelectedVm(tr("Could not start the virtual machine"),
                        [](HostSession *s, const QString &u) { return s->startDomain(u); });
    });
    connect(m_shutdown, &QAction::triggered, this, [this] {
        runOnSelectedVm(tr("Could not shut down the virtual machine"),
                        [](HostSession *s, const QString &u) { return s->shutdownDomain(u); });
    });
    connect(m_reboot, &QAction::triggered, this, [this] {
        runOnSelectedVm(tr("Could not reboot the virtual machine"),
                        [](HostSession *s, const QString &u) { return s->rebootDomain(u); });
    });
    connect(m_forceOff, &QAction::triggered, this, [this] {
        const QModelIndex src = currentSourceIndex();
        const auto d = m_model->domainAt(src);
        if (!d)
            return;
        const auto answer = QMessageBox::warning(
            this, tr("Force off"),
            tr("Force off “%1”? This is like pulling the power cord: unsaved data in the guest "
               "is lost.")
                .arg(d->name),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
        runOnSelectedVm(tr("Could not force off the virtual machine"),
                        [](HostSession *s, const QString &u) { return s->forceOffDomain(u); });
    });
    connect(m_pause, &QAction::triggered, this, [this] {
        runOnSelectedVm(tr("Could not pause the virtual machine"),
                        [](HostSession *s, const QString &u) { return s->suspendDomain(u); });
    });
    connect(m_resume, &QAction::triggered, this, [this] {
        runOnSelectedVm(tr("Could not resume the virtual machine"),
                        [](HostSession *s, const QString &u) { return s->resumeDomain(u); });
    });
    connect(m_delete, &QAction::triggered, this, &MainWindow::deleteSelectedVm);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_addConnection);
    file->addSeparator();
    file->addAction(tr("&Preferences…"), this, &MainWindow::editPreferences);
    file->addSeparator();
    file->addAction(quit);
    QMenu *hostMenu = menuBar()->addMenu(tr("&Host"));
    hostMenu->addAction(m_connect);
    hostMenu->addAction(m_disconnect);
    hostMenu->addSeparator();
    hostMenu->addAction(m_removeConnection);
    QMenu *clusterMenu = menuBar()->addMenu(tr("&Cluster"));
    clusterMenu->addAction(m_newCluster);
    clusterMenu->addAction(m_editCluster);
    clusterMenu->addAction(m_deleteCluster);
    QMenu *vm = menuBar()->addMenu(tr("&Virtual Machine"));
    vm->addAction(m_newVm);
    vm->addSeparator();
    for (QAction *a : {m_open, m_start, m_shutdown, m_reboot, m_forceOff, m_pause, m_resume})
        vm->addAction(a);
    vm->addSeparator();
    vm->addAction(m_addDisk);
    vm->addAction(m_delete);
    QMenu *viewMenu = menuBar()->addMenu(tr("V&iew"));
    viewMenu->addAction(m_byHost);
    viewMenu->addAction(m_byCluster);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Crossvirt"), this, [this] {
        QMessageBox::about(this, tr("About Crossvirt"),
                           tr("<b>Crossvirt %1</b><p>A console for libvirt datacenters whose "
                              "hosts and guests span CPU architectures.</p>")
                               .arg(QApplication::applicationVersion()));
    });

    QToolBar *tb = addToolBar(tr("Main"));
    tb->setObjectName(u"mainToolBar"_s);
    tb->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tb->addAction(m_addConnection);
    tb->addAction(m_newVm);
    tb->addSeparator();
    for (QAction *a :
         {m_open, m_start, m_shutdown, m_reboot, m_forceOff, m_pause, m_resume, m_delete})
        tb->addAction(a);

    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    for (QAction *a :
         {m_open, m_start, m_shutdown, m_reboot, m_forceOff, m_pause, m_resume, m_addDisk, m_delete,
          m_connect, m_disconnect, m_removeConnection, m_editCluster})
        m_tree->addAction(a);
}

QModelIndex MainWindow::toBaseIndex(const QModelIndex &viewIndex) const
{
    if (!viewIndex.isValid())
        return {};
    const QModelIndex p = m_presentation->mapToSource(m_proxy->mapToSource(viewIndex));
    return static_cast<QAbstractProxyModel *>(m_presentation->sourceModel())->mapToSource(p);
}

QModelIndex MainWindow::fromBaseIndex(const QModelIndex &baseIndex) const
{
    auto *stats = static_cast<QAbstractProxyModel *>(m_presentation->sourceModel());
    return m_proxy->mapFromSource(m_presentation->mapFromSource(stats->mapFromSource(baseIndex)));
}

QModelIndex MainWindow::currentTreeSourceIndex() const
{
    return toBaseIndex(m_tree->currentIndex());
}

QModelIndex MainWindow::currentSourceIndex() const
{
    const QModelIndex src = currentTreeSourceIndex();
    if (!src.isValid() || src.model() == m_model)
        return src;
    return m_clusterModel->toInventoryIndex(src);
}

QString MainWindow::currentClusterId() const
{
    const QModelIndex src = currentTreeSourceIndex();
    if (!src.isValid() || src.model() != m_clusterModel)
        return {};
    QModelIndex i = src;
    while (i.isValid() &&
           i.data(InventoryModel::KindRole).toInt() != models::ClusterInventoryModel::ClusterKind)
        i = i.parent();
    return i.isValid() ? i.data(models::ClusterInventoryModel::ClusterIdRole).toString()
                       : QString();
}

void MainWindow::setViewByCluster(bool byCluster)
{
    if (byCluster == viewByCluster())
        return;
    m_presentation->setSourceModel(byCluster ? m_statsByCluster : m_statsByHost);
    (byCluster ? m_byCluster : m_byHost)->setChecked(true);
    m_tree->expandAll();
    updateActions();
    showSelection();
}

bool MainWindow::viewByCluster() const
{
    return m_presentation->sourceModel() == m_statsByCluster;
}

void MainWindow::updateActions()
{
    const QModelIndex src = currentSourceIndex();
    const auto d = m_model->domainAt(src);
    HostSession *session = src.isValid() ? m_model->sessionAt(src) : nullptr;
    const bool host = src.isValid() && !d;
    const bool vmActive = d && models::isActive(d->state);
    const QString clusterId = currentClusterId();
    m_editCluster->setEnabled(!clusterId.isEmpty());
    m_deleteCluster->setEnabled(!clusterId.isEmpty());
    m_newVm->setEnabled(!m_datacenter->sessions().isEmpty());
    // A disk can be added to a stopped VM, or hot-plugged when its arch allows it.
    bool diskOk = bool(d);
    QString diskWhyNot;
    if (vmActive) {
        if (const arch::ArchModel *m = arch::ArchRegistry::instance().find(d->arch)) {
            arch::GuestContext ctx;
            ctx.arch = d->arch;
            ctx.machine = d->machine;
            ctx.virtType = d->emulated ? arch::VirtType::Qemu : arch::VirtType::Kvm;
            ctx.running = true;
            const auto op = m->operations(ctx).diskHotplug;
            diskOk = op.supported;
            diskWhyNot = op.reason;
        }
    }
    m_addDisk->setEnabled(diskOk);
    m_addDisk->setToolTip(diskOk ? tr("Add a new disk to the selected virtual machine")
                                 : diskWhyNot);
    const DomainState state = d ? d->state : DomainState::NoState;
    const bool active = d && models::isActive(state);
    m_open->setEnabled(bool(d));
    m_start->setEnabled(d && (state == DomainState::Shutoff || state == DomainState::Crashed));
    m_shutdown->setEnabled(active && state != DomainState::Paused);
    m_reboot->setEnabled(active && state != DomainState::Paused);
    m_forceOff->setEnabled(active);
    m_pause->setEnabled(d && (state == DomainState::Running || state == DomainState::Blocked));
    m_resume->setEnabled(d && state == DomainState::Paused);
    m_delete->setEnabled(bool(d));
    m_connect->setEnabled(host && session &&
                          session->state() != models::ConnectionState::Connected &&
                          session->state() != models::ConnectionState::Connecting);
    m_disconnect->setEnabled(host && session &&
                             session->state() != models::ConnectionState::Disconnected);
    m_removeConnection->setEnabled(host);
}

void MainWindow::updateSummary()
{
    int vms = 0, running = 0, connected = 0;
    for (int h = 0; h < m_model->rowCount(); ++h) {
        const QModelIndex host = m_model->index(h, 0);
        if (host.data(InventoryModel::ConnectionStateRole).toInt() ==
            int(models::ConnectionState::Connected))
            ++connected;
        for (int v = 0; v < m_model->rowCount(host); ++v) {
            ++vms;
            if (models::isActive(DomainState(
                    m_model->index(v, 0, host).data(InventoryModel::DomainStateRole).toInt())))
                ++running;
        }
    }
    m_summary->setText(tr("%1 of %2 hosts connected · %3 VMs, %4 running")
                           .arg(connected)
                           .arg(m_model->rowCount())
                           .arg(vms)
                           .arg(running));
}

void MainWindow::showSelection()
{
    const QModelIndex src = currentSourceIndex();
    const quint64 generation = ++m_detailsGeneration;
    if (!src.isValid()) {
        const QString clusterId = currentClusterId();
        const auto cluster = m_clusters->cluster(clusterId);
        if (!cluster) {
            m_details->setCurrentIndex(0);
            return;
        }
        // A cluster row: its hosts' charts, summed.
        QList<HostSession *> hosts;
        for (const QString &uri : cluster->hostUris) {
            if (HostSession *s = m_datacenter->session(uri))
                hosts << s;
        }
        m_hostPage->setSession(nullptr, cluster->name);
        showHostCharts(hosts);
        m_details->setCurrentWidget(m_hostTabs);
        m_hostTabs->setCurrentWidget(m_hostCharts);
        return;
    }
    HostSession *session = m_model->sessionAt(src);
    if (!session) {
        m_details->setCurrentIndex(0);
        return;
    }
    if (const auto d = m_model->domainAt(src)) {
        m_details->setCurrentIndex(2); // the VM overview
        m_vmPage->showMessage(tr("Reading %1…").arg(d->name));
        const QString hostArch = session->hostInfo().arch;
        models::whenFinished(
            session->domainDetails(d->uuid), this,
            [this, generation, hostArch](const models::DomainDetails &details) {
                if (generation == m_detailsGeneration)
                    m_vmPage->showDetails(details, hostArch);
            },
            [this, generation](const QString &error) {
                if (generation == m_detailsGeneration)
                    m_vmPage->showMessage(error);
            });
        return;
    }
    m_details->setCurrentWidget(m_hostTabs);
    m_hostPage->setSession(session, src.data(InventoryModel::NameRole).toString());
    showHostCharts({session});
}

void MainWindow::showHostCharts(const QList<HostSession *> &hosts)
{
    QList<models::StatsCollector *> collectors;
    for (HostSession *s : hosts) {
        if (models::StatsCollector *c = m_stats->collector(s->uri()))
            collectors << c;
    }
    m_hostCharts->setCollectors(collectors);
}

void MainWindow::showHostPerformance()
{
    m_hostTabs->setCurrentWidget(m_hostCharts);
}

void MainWindow::editPreferences()
{
    StatsPreferencesDialog dialog(m_stats->settings(), this);
    if (dialog.exec() == QDialog::Accepted)
        m_stats->setSettings(dialog.settings());
}

void MainWindow::reportError(const QString &title, const QString &text)
{
    statusBar()->showMessage(text, 10000);
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open(); // not exec(): the inventory keeps updating behind it
}

void MainWindow::runOnSelectedVm(
    const QString &failureTitle,
    const std::function<QFuture<void>(HostSession *, const QString &)> &fn)
{
    const QModelIndex src = currentSourceIndex();
    const auto d = m_model->domainAt(src);
    HostSession *session = m_model->sessionAt(src);
    if (!d || !session)
        return;
    statusBar()->showMessage(tr("Working on %1…").arg(d->name));
    models::whenFinished(
        fn(session, d->uuid), this, [this] { statusBar()->clearMessage(); },
        [this, failureTitle](const QString &error) { reportError(failureTitle, error); });
}

void MainWindow::deleteSelectedVm()
{
    const QModelIndex src = currentSourceIndex();
    const auto d = m_model->domainAt(src);
    HostSession *session = m_model->sessionAt(src);
    if (!d || !session)
        return;
    QMessageBox box(QMessageBox::Warning, tr("Delete virtual machine"),
                    models::isActive(d->state)
                        ? tr("Delete “%1”? It is running and will be forced off first. "
                             "This cannot be undone.")
                              .arg(d->name)
                        : tr("Delete “%1”? This cannot be undone.").arg(d->name),
                    QMessageBox::Cancel, this);
    QPushButton *deleteButton = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    auto *storage =
        new QCheckBox(tr("Also delete its disk volumes (CD-ROM images are kept)"), &box);
    box.setCheckBox(storage);
    box.exec();
    if (box.clickedButton() != static_cast<QAbstractButton *>(deleteButton))
        return;
    const QString name = d->name;
    models::whenFinished(
        session->deleteDomain(d->uuid, storage->isChecked()), this,
        [this, name](const QStringList &problems) {
            if (problems.isEmpty()) {
                statusBar()->showMessage(tr("Deleted %1.").arg(name), 5000);
                return;
            }
            reportError(tr("%1 was deleted, but some volumes were not").arg(name),
                        problems.join(u"\n"_s));
        },
        [this](const QString &error) {
            reportError(tr("Could not delete the virtual machine"), error);
        });
}

VmWindow *MainWindow::openVm(const QString &uri, const QString &uuid)
{
    for (const auto &w : std::as_const(m_vmWindows)) {
        if (w && w->uuid() == uuid && w->session() && w->session()->uri() == uri) {
            w->show();
            w->raise();
            w->activateWindow();
            return w;
        }
    }
    HostSession *session = m_datacenter->session(uri);
    if (!session)
        return nullptr;
    auto *w = new VmWindow(session, uuid, m_stats->collector(uri), this);
    w->setWindowFlag(Qt::Window);
    m_vmWindows.removeAll(nullptr);
    m_vmWindows << w;
    w->show();
    return w;
}

bool MainWindow::select(const QString &uri, const QString &uuid)
{
    QModelIndex src;
    if (viewByCluster())
        src = uuid.isEmpty() ? m_clusterModel->hostIndex(uri)
                             : m_clusterModel->domainIndex(uri, uuid);
    else
        src = uuid.isEmpty() ? m_model->hostIndex(uri) : m_model->domainIndex(uri, uuid);
    const QModelIndex idx = fromBaseIndex(src);
    if (!idx.isValid())
        return false;
    m_tree->setCurrentIndex(idx);
    return true;
}

void MainWindow::newVm()
{
    auto *dialog = new NewVmDialog(m_datacenter, m_clusters, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString clusterId = currentClusterId();
    const QModelIndex src = currentSourceIndex();
    if (!clusterId.isEmpty())
        dialog->selectCluster(clusterId);
    else if (src.isValid())
        dialog->selectHost(src.data(InventoryModel::UriRole).toString());
    connect(dialog, &NewVmDialog::vmCreated, this,
            [this](HostSession *session, const models::CreatedVm &vm, bool openConsole) {
                statusBar()->showMessage(tr("Created %1.").arg(vm.name), 5000);
                select(session->uri(), vm.uuid);
                if (openConsole) {
                    if (VmWindow *w = openVm(session->uri(), vm.uuid))
                        w->showConsole();
                }
            });
    dialog->open();
}

void MainWindow::addDisk()
{
    const QModelIndex src = currentSourceIndex();
    const auto d = m_model->domainAt(src);
    HostSession *session = m_model->sessionAt(src);
    if (!d || !session)
        return;
    auto *dialog = new NewDiskDialog(session, *d, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::editCluster(bool create)
{
    std::optional<models::Cluster> existing;
    if (!create) {
        existing = m_clusters->cluster(currentClusterId());
        if (!existing)
            return;
    }
    ClusterDialog dialog(m_datacenter, m_clusters, existing, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_clusters->setCluster(dialog.cluster());
    setViewByCluster(true);
}

void MainWindow::deleteCluster()
{
    const auto cluster = m_clusters->cluster(currentClusterId());
    if (!cluster)
        return;
    const auto answer = QMessageBox::question(
        this, tr("Delete cluster"),
        tr("Delete the cluster “%1”? Its hosts and their virtual machines stay; they become "
           "unclustered.")
            .arg(cluster->name));
    if (answer == QMessageBox::Yes)
        m_clusters->removeCluster(cluster->id);
}

void MainWindow::addConnection()
{
    auto *dialog = new AddConnectionDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const models::SavedConnection c = dialog->connection();
        if (m_datacenter->session(c.uri)) {
            select(c.uri);
            statusBar()->showMessage(tr("%1 is already in the list.").arg(c.uri), 5000);
            return;
        }
        HostSession *s = m_datacenter->addConnection(c);
        if (!c.autoconnect)
            statusBar()->showMessage(tr("Added %1; use Host › Connect to open it.").arg(s->uri()),
                                     5000);
        select(c.uri);
    });
    dialog->open();
}

void MainWindow::removeSelectedConnection()
{
    const QModelIndex src = currentSourceIndex();
    if (!src.isValid() || m_model->domainAt(src))
        return;
    const QString uri = src.data(InventoryModel::UriRole).toString();
    const auto answer = QMessageBox::question(
        this, tr("Remove connection"),
        tr("Remove %1 from the list? Its virtual machines are not touched.").arg(uri));
    if (answer == QMessageBox::Yes) {
        m_hostPage->setSession(nullptr, {});
        m_datacenter->removeConnection(uri);
    }
}

void MainWindow::connectSelectedHost(bool open)
{
    const QModelIndex src = currentSourceIndex();
    HostSession *session = src.isValid() ? m_model->sessionAt(src) : nullptr;
    if (!session)
        return;
    if (open)
        session->open();
    else
        session->close();
}

} // namespace crossvirt::views
