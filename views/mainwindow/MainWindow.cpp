#include "views/mainwindow/MainWindow.h"

#include "arch/ArchRegistry.h"
#include "models/cluster/ClusterInventoryModel.h"
#include "models/cluster/ClusterList.h"
#include "models/connection/Datacenter.h"
#include "models/connection/HostSession.h"
#include "models/connection/StartupHold.h"
#include "models/inventory/InventoryFilterProxy.h"
#include "models/inventory/InventoryModel.h"
#include "models/secrets/SecretStore.h"
#include "models/stats/DatacenterStats.h"
#include "models/stats/InventoryStatsProxy.h"
#include "views/charts/CpuSparklineDelegate.h"
#include "views/charts/OnScreenStats.h"
#include "views/charts/StatsPreferencesDialog.h"
#include "views/common/StateIcons.h"
#include "views/mainwindow/ActionController.h"
#include "views/mainwindow/DetailsPane.h"
#include "views/mainwindow/HostDetailsPage.h"
#include "views/mainwindow/InventoryPresentation.h"
#include "views/mainwindow/InventoryTreeView.h"
#include "views/mainwindow/StartupPaint.h"
#include "views/mainwindow/WindowLayout.h"
#include "views/migration/MigrationHighlight.h"
#include "views/tiles/VmTilesPage.h"
#include "views/transfer/HostFileDrop.h"
#include "views/vm/VmWindow.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSet>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QThread>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>

namespace crossvirt::views {

using namespace Qt::StringLiterals;
using models::DomainState;
using models::HostSession;
using models::InventoryModel;

namespace {

// Expands the host and cluster rows first..last under `parent` (an index of the tree's
// model) that are not expanded yet, and a cluster's hosts; never walks the VM rows.
void expandGroups(QTreeView *tree, const QModelIndex &parent, int first, int last)
{
    const QAbstractItemModel *model = tree->model();
    for (int row = first; row <= last; ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        const int kind = index.data(InventoryModel::KindRole).toInt();
        if (kind == int(InventoryModel::ItemKind::Domain))
            continue;
        // After a re-filter the tree's layout is pending, so expand() only records the
        // row; the one layout that follows places every row once.
        if (!tree->isExpanded(index))
            tree->expand(index);
        if (kind != int(InventoryModel::ItemKind::Host)) // a cluster: its hosts too
            expandGroups(tree, index, 0, model->rowCount(index) - 1);
    }
}

} // namespace

MainWindow::MainWindow(const MainWindowModels &presented, QWidget *parent)
    : QMainWindow(parent), m_models(presented)
{
    setWindowTitle(tr("Crossvirt"));
    setWindowIcon(applicationIcon());

    connect(m_models.clusters, &models::ClusterList::loaded, this,
            [this](const models::ClusterStore::LoadResult &result) {
                if (!result.error.isEmpty())
                    reportError(tr("Clusters"), result.error);
            });
    connect(
        m_models.clusters, &models::ClusterList::saveFailed, this,
        [this](const QString &error) { reportError(tr("Could not save the clusters"), error); });
    // The CPU column (a sparkline) is added by a proxy over either view of the inventory.
    m_statsByHost = new models::InventoryStatsProxy(m_models.stats, this);
    m_statsByHost->setSourceModel(m_models.inventory);
    m_statsByCluster = new models::InventoryStatsProxy(m_models.stats, this);
    m_statsByCluster->setSourceModel(m_models.clusterInventory);
    m_presentation = new InventoryPresentation(this);
    m_presentation->setSourceModel(m_statsByHost);
    // The "where can this go" view marks host rows over the presentation (issue 13).
    m_highlight = new MigrationHighlight(this);
    m_highlight->setSourceModel(m_presentation);
    m_proxy = new models::InventoryFilterProxy(this);
    m_proxy->setSourceModel(m_highlight);
    m_actions = new ActionController(m_models, this);
    connect(m_actions, &ActionController::statusMessage, this,
            [this](const QString &text, int timeoutMs) {
                if (text.isEmpty())
                    statusBar()->clearMessage();
                else
                    statusBar()->showMessage(text, timeoutMs);
            });
    connect(m_actions, &ActionController::failed, this, &MainWindow::reportError);
    connect(m_actions, &ActionController::hostAdded, this,
            [this](const QString &uri) { select(uri); });
    connect(m_actions, &ActionController::connectionAboutToBeRemoved, this,
            [this] { m_details->hostPage()->setSession(nullptr, {}); });
    connect(m_actions, &ActionController::clustersChanged, this,
            [this] { setViewByCluster(true); });
    connect(m_actions, &ActionController::vmCreated, this,
            [this](const QString &uri, const QString &uuid, bool openConsole, const QString &name) {
                select(uri, uuid);
                if (openConsole) {
                    if (VmWindow *w = openVm(uri, uuid, name))
                        w->showConsole();
                }
            });

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(6, 6, 0, 6);
    m_filter = new QLineEdit(left);
    m_filter->setClearButtonEnabled(true);
    // The example arch is a registered one, so the hint never names an arch Crossvirt lacks.
    m_filter->setPlaceholderText(tr("Filter: name, arch:%1, state:running, host:name")
                                     .arg(arch::ArchRegistry::instance().archNames().value(2)));
    leftLayout->addWidget(m_filter);
    m_filterHint = new QLabel(left);
    m_filterHint->setWordWrap(true);
    m_filterHint->hide();
    leftLayout->addWidget(m_filterHint);
    auto *tree = new InventoryTreeView(left);
    tree->setStatsColumn(m_statsByHost->cpuColumn());
    m_tree = tree;
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSortingEnabled(false);
    // Ctrl/Shift pick several VMs (across hosts) for the bulk actions.
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // A name too long for its column loses its middle, not its distinguishing end
    // ("test-state-p…" twice); the tooltip has it whole.
    m_tree->setTextElideMode(Qt::ElideMiddle);
    m_tree->setAccessibleName(tr("Hosts and virtual machines"));
    m_filter->setAccessibleName(tr("Filter"));
    m_filter->setAccessibleDescription(m_filter->placeholderText());
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
    // The VMs scrolled out of sight are read every few ticks only (issue 18).
    new OnScreenStats(m_tree, m_models.stats, this);
    // A file dropped onto a host row opens the upload window for that host (issue 16).
    HostFileDrop::install(m_tree, [this](const QPoint &pos) -> HostSession * {
        QModelIndex src = toBaseIndex(m_tree->indexAt(pos));
        if (src.model() == m_models.clusterInventory)
            src = m_models.clusterInventory->toInventoryIndex(src);
        if (!src.isValid() || m_models.inventory->domainAt(src))
            return nullptr;
        return m_models.inventory->sessionAt(src);
    });

    m_details = new DetailsPane(m_models.stats, this);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    // Wide enough for host and VM names next to the fixed columns (they were cut at 780).
    splitter->setSizes({900, 400});
    setCentralWidget(splitter);

    createActions();
    createPoolActions();
    createSnapshotActions();
    createMigrationActions();

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterText(text);
        // Hosts (and clusters) the re-filter brought back are new rows: expand them. Not
        // expandAll(): that lays out all 10,000 rows at once and walks into every VM.
        expandGroups(m_tree, {}, 0, m_proxy->rowCount() - 1);
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
    connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        showSelection();
    });
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        QModelIndex src = toBaseIndex(index);
        if (src.model() == m_models.clusterInventory)
            src = m_models.clusterInventory->toInventoryIndex(src);
        if (const auto d = m_models.inventory->domainAt(src))
            openVm(src.data(InventoryModel::UriRole).toString(), d->uuid);
    });
    // Rows come and go as hosts connect; keep hosts expanded and actions current.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &insertedUnder, int first, int last) {
                if (insertedUnder.isValid() && !m_tree->isExpanded(insertedUnder))
                    m_tree->expand(insertedUnder);
                // VMs under a host have nothing to expand; hosts and clusters do.
                if (!insertedUnder.isValid() ||
                    insertedUnder.data(InventoryModel::KindRole).toInt() !=
                        int(InventoryModel::ItemKind::Host))
                    expandGroups(m_tree, insertedUnder, first, last);
            });
    connect(m_proxy, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                // A statistics tick changes only the CPU column: no action depends on it.
                const int cpu = m_statsByHost->cpuColumn();
                if (topLeft.column() != cpu || bottomRight.column() != cpu)
                    updateActions();
            });
    connect(m_models.datacenter, &models::Datacenter::saveFailed, this,
            [this](const QString &error) {
                reportError(tr("Could not save the connection list"), error);
            });
    expandGroups(m_tree, {}, 0, m_proxy->rowCount() - 1);
    m_summary = new QLabel(this);
    statusBar()->addPermanentWidget(m_summary);
    // Counting walks every VM: once per burst of changes (a host's inventory arriving
    // is thousands of them), not once per change.
    auto *summaryTimer = new QTimer(this);
    summaryTimer->setSingleShot(true);
    summaryTimer->setInterval(100);
    connect(summaryTimer, &QTimer::timeout, this, &MainWindow::updateSummary);
    const auto summarySoon = [summaryTimer] {
        if (!summaryTimer->isActive())
            summaryTimer->start();
    };
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_models.inventory, signal, this, summarySoon);
    connect(m_models.inventory, &QAbstractItemModel::dataChanged, this, summarySoon);
    updateSummary();
    resize(1300, 760);
    updateActions();

    MainWindowLayout::Parts parts;
    parts.window = this;
    parts.splitter = splitter;
    parts.tree = m_tree;
    parts.nameColumn = InventoryModel::NameColumn;
    parts.statsColumn = m_statsByHost->cpuColumn();
    parts.viewByCluster = [this] { return viewByCluster(); };
    parts.setViewByCluster = [this](bool byCluster) { setViewByCluster(byCluster); };
    m_layout = new MainWindowLayout(parts, this);
    m_layout->captureDefaultsAndRestore();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_layout->save();
    for (const auto &w : std::as_const(m_vmWindows)) {
        if (w && w->isVisible())
            w->saveLayout();
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::createActions()
{
    createCloneActions();
    QStyle *st = style();
    m_addConnection =
        new QAction(st->standardIcon(QStyle::SP_FileDialogNewFolder), tr("&Add Connection…"), this);
    m_removeConnection = new QAction(tr("&Remove Connection"), this);
    m_editConnection = new QAction(tr("&Edit Connection…"), this);
    m_forgetPasswords = new QAction(tr("&Forget Saved Passwords"), this);
    m_forgetPasswords->setObjectName(u"forgetPasswords"_s);
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
    // Each action takes the VM or host the user picked at the moment of the click and
    // hands it to the controller, which acts on exactly that (host URI + UUID).
    connect(m_newVm, &QAction::triggered, this, [this] {
        const QModelIndex src = currentSourceIndex();
        m_actions->newVm(currentClusterId(),
                         src.isValid() ? src.data(InventoryModel::UriRole).toString() : QString());
    });
    connect(m_addDisk, &QAction::triggered, this, [this] { m_actions->addDisk(selectedVm()); });
    connect(m_newCluster, &QAction::triggered, m_actions, &ActionController::newCluster);
    connect(m_editCluster, &QAction::triggered, this,
            [this] { m_actions->editCluster(currentClusterId()); });
    connect(m_deleteCluster, &QAction::triggered, this,
            [this] { m_actions->deleteCluster(currentClusterId()); });
    auto *quit = new QAction(tr("&Quit"), this);
    // Every action has a key: virt-manager's where it has one (Ctrl+Q, Ctrl+W, Delete),
    // else Ctrl+Shift+letter of the action's name for a VM, Ctrl+Alt+… for hosts and
    // clusters. The README lists them.
    quit->setShortcut(QKeySequence(tr("Ctrl+Q")));
    m_newVm->setShortcut(QKeySequence(tr("Ctrl+N")));
    m_addConnection->setShortcut(QKeySequence(tr("Ctrl+Shift+N")));
    m_delete->setShortcut(QKeySequence::Delete);
    m_open->setShortcut(QKeySequence(tr("Ctrl+O")));
    m_start->setShortcut(QKeySequence(tr("Ctrl+Shift+S")));
    m_shutdown->setShortcut(QKeySequence(tr("Ctrl+Shift+D")));
    m_reboot->setShortcut(QKeySequence(tr("Ctrl+Shift+R")));
    m_forceOff->setShortcut(QKeySequence(tr("Ctrl+Shift+F")));
    m_pause->setShortcut(QKeySequence(tr("Ctrl+Shift+P")));
    m_resume->setShortcut(QKeySequence(tr("Ctrl+Shift+E")));
    m_addDisk->setShortcut(QKeySequence(tr("Ctrl+Shift+K")));
    m_connect->setShortcut(QKeySequence(tr("Ctrl+Alt+C")));
    m_disconnect->setShortcut(QKeySequence(tr("Ctrl+Alt+X")));
    m_removeConnection->setShortcut(QKeySequence(tr("Ctrl+Alt+R")));
    m_editConnection->setShortcut(QKeySequence(tr("Ctrl+Alt+H")));
    m_forgetPasswords->setShortcut(QKeySequence(tr("Ctrl+Alt+F")));
    m_newCluster->setShortcut(QKeySequence(tr("Ctrl+Alt+N")));
    m_editCluster->setShortcut(QKeySequence(tr("Ctrl+Alt+E")));
    m_deleteCluster->setShortcut(QKeySequence(tr("Ctrl+Alt+D")));
    m_byHost->setShortcut(QKeySequence(tr("Ctrl+1")));
    m_byCluster->setShortcut(QKeySequence(tr("Ctrl+2")));
    auto *preferences = new QAction(tr("&Preferences…"), this);
    preferences->setShortcut(QKeySequence(tr("Ctrl+,")));
    connect(preferences, &QAction::triggered, this, &MainWindow::editPreferences);
    m_resetLayout = new QAction(tr("&Reset Layout"), this);
    m_resetLayout->setShortcut(QKeySequence(tr("Ctrl+Alt+0")));
    m_resetLayout->setToolTip(
        tr("Window size, panes, columns and view as on first start; VM windows too"));
    connect(m_resetLayout, &QAction::triggered, this, [this] { m_layout->reset(); });
    auto *findAction = new QAction(tr("&Filter…"), this);
    findAction->setShortcut(QKeySequence::Find);
    connect(findAction, &QAction::triggered, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    auto *about = new QAction(tr("&About Crossvirt"), this);
    about->setShortcut(QKeySequence::HelpContents);

    connect(m_addConnection, &QAction::triggered, m_actions, &ActionController::addConnection);
    connect(m_removeConnection, &QAction::triggered, this,
            [this] { m_actions->removeConnection(selectedHostUri()); });
    connect(m_editConnection, &QAction::triggered, this,
            [this] { m_actions->editConnection(selectedHostUri()); });
    connect(m_forgetPasswords, &QAction::triggered, this,
            [this] { m_actions->forgetPasswords(selectedHostUri()); });
    if (m_models.secrets) {
        connect(m_models.secrets, &models::SecretStore::availabilityChanged, this,
                &MainWindow::updateActions);
    }
    connect(m_connect, &QAction::triggered, this,
            [this] { m_actions->connectHost(selectedHostUri(), true); });
    connect(m_disconnect, &QAction::triggered, this,
            [this] { m_actions->connectHost(selectedHostUri(), false); });
    connect(quit, &QAction::triggered, this, &QWidget::close);
    connect(m_open, &QAction::triggered, this, [this] {
        const VmTarget vm = selectedVm();
        if (vm.isValid())
            openVm(vm.uri, vm.uuid);
    });
    connect(m_start, &QAction::triggered, this, [this] {
        if (!runOnSeveral(models::BulkAction::Start))
            m_actions->start(selectedVm());
    });
    connect(m_shutdown, &QAction::triggered, this, [this] {
        if (!runOnSeveral(models::BulkAction::Shutdown))
            m_actions->shutdown(selectedVm());
    });
    connect(m_reboot, &QAction::triggered, this, [this] { m_actions->reboot(selectedVm()); });
    connect(m_forceOff, &QAction::triggered, this, [this] {
        if (!runOnSeveral(models::BulkAction::ForceOff))
            m_actions->forceOff(selectedVm());
    });
    connect(m_pause, &QAction::triggered, this, [this] { m_actions->pause(selectedVm()); });
    connect(m_resume, &QAction::triggered, this, [this] { m_actions->resume(selectedVm()); });
    connect(m_delete, &QAction::triggered, this, [this] {
        if (!runOnSeveral(models::BulkAction::Delete))
            m_actions->deleteVm(selectedVm());
    });

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_addConnection);
    file->addSeparator();
    file->addAction(preferences);
    file->addSeparator();
    file->addAction(quit);
    QMenu *hostMenu = menuBar()->addMenu(tr("&Host"));
    hostMenu->addAction(m_connect);
    hostMenu->addAction(m_disconnect);
    hostMenu->addSeparator();
    hostMenu->addAction(m_editConnection);
    hostMenu->addAction(m_forgetPasswords);
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
    vm->addSeparator();
    vm->addAction(m_clone);
    vm->addAction(m_makeTemplate);
    QMenu *viewMenu = menuBar()->addMenu(tr("V&iew"));
    viewMenu->addAction(m_byHost);
    viewMenu->addAction(m_byCluster);
    viewMenu->addSeparator();
    viewMenu->addAction(findAction);
    viewMenu->addAction(m_resetLayout);
    m_tiles = viewMenu->addAction(tr("VM &Tiles"), this, &MainWindow::showTiles);
    m_tiles->setShortcut(QKeySequence(tr("Ctrl+Shift+T")));
    m_tiles->setToolTip(tr("The virtual machines of the selected host or cluster, with a small "
                           "picture of each running one's screen"));
    connect(m_details->tilesPage(), &VmTilesPage::openConsoleRequested, this,
            [this](const QString &uri, const QString &uuid) {
                if (VmWindow *w = openVm(uri, uuid))
                    w->showConsole();
            });
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(about);
    connect(about, &QAction::triggered, this, [this] {
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
    for (QAction *a : {m_open, m_start, m_shutdown, m_reboot, m_forceOff, m_pause, m_resume,
                       m_addDisk, m_delete, m_clone, m_makeTemplate, m_connect, m_disconnect,
                       m_editConnection, m_forgetPasswords, m_removeConnection, m_editCluster})
        m_tree->addAction(a);
}

QModelIndex MainWindow::toBaseIndex(const QModelIndex &viewIndex) const
{
    if (!viewIndex.isValid())
        return {};
    const QModelIndex p =
        m_presentation->mapToSource(m_highlight->mapToSource(m_proxy->mapToSource(viewIndex)));
    return static_cast<QAbstractProxyModel *>(m_presentation->sourceModel())->mapToSource(p);
}

QModelIndex MainWindow::fromBaseIndex(const QModelIndex &baseIndex) const
{
    auto *stats = static_cast<QAbstractProxyModel *>(m_presentation->sourceModel());
    return m_proxy->mapFromSource(
        m_highlight->mapFromSource(m_presentation->mapFromSource(stats->mapFromSource(baseIndex))));
}

QModelIndex MainWindow::currentTreeSourceIndex() const
{
    return toBaseIndex(m_tree->currentIndex());
}

QModelIndex MainWindow::currentSourceIndex() const
{
    const QModelIndex src = currentTreeSourceIndex();
    if (!src.isValid() || src.model() == m_models.inventory)
        return src;
    return m_models.clusterInventory->toInventoryIndex(src);
}

VmTarget MainWindow::selectedVm() const
{
    const QModelIndex src = currentSourceIndex();
    const auto d = m_models.inventory->domainAt(src);
    if (!d)
        return {};
    return {src.data(InventoryModel::UriRole).toString(), d->uuid, d->name, d->state};
}

QString MainWindow::selectedHostUri() const
{
    const QModelIndex src = currentSourceIndex();
    if (!src.isValid() || m_models.inventory->domainAt(src))
        return {};
    return src.data(InventoryModel::UriRole).toString();
}

QString MainWindow::currentClusterId() const
{
    const QModelIndex src = currentTreeSourceIndex();
    if (!src.isValid() || src.model() != m_models.clusterInventory)
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
    expandGroups(m_tree, {}, 0, m_proxy->rowCount() - 1);
    updateActions();
    showSelection();
}

namespace {

// Runs `done` once, on the event loop turn after the first paint in `window` (a
// window's paint pass may paint only its children), or when fire() is called.
class FirstPaint : public QObject
{
public:
    FirstPaint(QWidget *window, std::function<void()> done)
        : QObject(window), m_window(window), m_done(std::move(done))
    {
        qApp->installEventFilter(this);
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && watched->isWidgetType() &&
            static_cast<QWidget *>(watched)->window() == m_window)
            fire();
        return false;
    }
    void fire()
    {
        if (m_fired)
            return;
        m_fired = true;
        qApp->removeEventFilter(this);
        QTimer::singleShot(0, this, [this] {
            m_done();
            deleteLater();
        });
    }

private:
    QWidget *m_window;
    std::function<void()> m_done;
    bool m_fired = false;
};

} // namespace

void holdHostsUntilPainted(QWidget *window, models::Datacenter *datacenter)
{
    models::holdOpens(datacenter, qMax(1, QThread::idealThreadCount() - 1));
    QPointer<models::Datacenter> dc(datacenter);
    auto *watch = new FirstPaint(window, [dc] {
        if (dc)
            models::releaseHeldOpens(dc);
    });
    QTimer::singleShot(2000, watch, [watch] { watch->fire(); });
}

bool MainWindow::viewByCluster() const
{
    return m_presentation->sourceModel() == m_statsByCluster;
}

void MainWindow::updateActions()
{
    const QModelIndex src = currentSourceIndex();
    const auto d = m_models.inventory->domainAt(src);
    HostSession *session = src.isValid() ? m_models.inventory->sessionAt(src) : nullptr;
    const bool host = src.isValid() && !d;
    const bool vmActive = d && models::isActive(d->state);
    const QString clusterId = currentClusterId();
    m_editCluster->setEnabled(!clusterId.isEmpty());
    m_deleteCluster->setEnabled(!clusterId.isEmpty());
    m_newVm->setEnabled(!m_models.datacenter->sessions().isEmpty());
    updatePoolActions(d ? &*d : nullptr);
    // A disk can be added to a stopped VM, or hot-plugged when its arch allows it.
    bool diskOk = bool(d);
    QString diskWhyNot;
    // Shut Down and Reboot need a guest that hears the power button (its arch says).
    arch::Operation powerButton{true, {}};
    if (d) {
        if (const arch::ArchModel *m = arch::ArchRegistry::instance().find(d->arch)) {
            arch::GuestContext ctx;
            ctx.arch = d->arch;
            ctx.machine = d->machine;
            ctx.virtType = d->emulated ? arch::VirtType::Qemu : arch::VirtType::Kvm;
            ctx.running = vmActive;
            const arch::Operations ops = m->operations(ctx);
            powerButton = ops.gracefulShutdown;
            if (vmActive) {
                diskOk = ops.diskHotplug.supported;
                diskWhyNot = ops.diskHotplug.reason;
            }
        }
    }
    m_addDisk->setEnabled(diskOk);
    m_addDisk->setToolTip(diskOk ? tr("Add a new disk to the selected virtual machine")
                                 : diskWhyNot);
    const DomainState state = d ? d->state : DomainState::NoState;
    const bool active = d && models::isActive(state);
    m_open->setEnabled(bool(d));
    m_start->setEnabled(d && (state == DomainState::Shutoff || state == DomainState::Crashed));
    m_shutdown->setEnabled(active && state != DomainState::Paused && powerButton.supported);
    m_reboot->setEnabled(active && state != DomainState::Paused && powerButton.supported);
    m_shutdown->setToolTip(powerButton.supported
                               ? tr("Ask the guest to shut down (its power button)")
                               : powerButton.reason);
    m_reboot->setToolTip(powerButton.supported ? tr("Ask the guest to restart (its power button)")
                                               : powerButton.reason);
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
    m_editConnection->setEnabled(host);
    // Without a keyring nothing was remembered: the action stays, and says why it is off.
    m_forgetPasswords->setVisible(bool(m_models.secrets));
    const bool store = m_models.secrets && m_models.secrets->isAvailable();
    m_forgetPasswords->setEnabled(host && store);
    m_forgetPasswords->setToolTip(
        store || !m_models.secrets
            ? tr("Delete this host's passwords from the desktop's secret store")
            : m_models.secrets->unavailableReason());
    updateCloneActions(d ? &*d : nullptr);
    updateSnapshotActions(d ? &*d : nullptr, session);
    updateMigrationActions(d ? &*d : nullptr);
}

void MainWindow::updateSummary()
{
    const InventoryModel *model = m_models.inventory;
    int vms = 0, running = 0, connected = 0;
    for (int h = 0; h < model->rowCount(); ++h) {
        const QModelIndex host = model->index(h, 0);
        if (host.data(InventoryModel::ConnectionStateRole).toInt() ==
            int(models::ConnectionState::Connected))
            ++connected;
        for (int v = 0; v < model->rowCount(host); ++v) {
            ++vms;
            if (models::isActive(DomainState(
                    model->index(v, 0, host).data(InventoryModel::DomainStateRole).toInt())))
                ++running;
        }
    }
    m_summary->setText(tr("%1 of %2 hosts connected · %3 VMs, %4 running")
                           .arg(connected)
                           .arg(model->rowCount())
                           .arg(vms)
                           .arg(running));
}

void MainWindow::showSelection()
{
    if (showSeveralSelected())
        return;
    const QModelIndex src = currentSourceIndex();
    if (!src.isValid()) {
        const auto cluster = m_models.clusters->cluster(currentClusterId());
        if (!cluster) {
            m_details->showNothing();
            return;
        }
        // A cluster row: its hosts' charts, summed.
        QList<HostSession *> hosts;
        for (const QString &uri : cluster->hostUris) {
            if (HostSession *s = m_models.datacenter->session(uri))
                hosts << s;
        }
        m_details->showCluster(cluster->name, hosts);
        return;
    }
    HostSession *session = m_models.inventory->sessionAt(src);
    if (!session) {
        m_details->showNothing();
        return;
    }
    if (const auto d = m_models.inventory->domainAt(src)) {
        m_details->showVm(session, *d);
        return;
    }
    m_details->showHost(session, src.data(InventoryModel::NameRole).toString());
}

HostDetailsPage *MainWindow::hostPage() const
{
    return m_details->hostPage();
}

HostChartsPage *MainWindow::hostCharts() const
{
    return m_details->hostCharts();
}

void MainWindow::showHostPerformance()
{
    m_details->showHostPerformance();
}

void MainWindow::showTiles()
{
    // A VM row: its host's tiles. Nothing selected: the first host's.
    const QModelIndex src = currentSourceIndex();
    if (m_models.inventory->domainAt(src))
        select(src.data(InventoryModel::UriRole).toString());
    else if (!m_tree->currentIndex().isValid() && !m_models.datacenter->sessions().isEmpty())
        select(m_models.datacenter->sessions().constFirst()->uri());
    m_details->showHostTiles();
}

void MainWindow::editPreferences()
{
    StatsPreferencesDialog dialog(m_models.stats->settings(), this);
    if (dialog.exec() == QDialog::Accepted)
        m_models.stats->setSettings(dialog.settings());
}

void MainWindow::reportError(const QString &title, const QString &text)
{
    statusBar()->showMessage(text, 10000);
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open(); // not exec(): the inventory keeps updating behind it
}

VmWindow *MainWindow::openVm(const QString &uri, const QString &uuid, const QString &nameHint)
{
    for (const auto &w : std::as_const(m_vmWindows)) {
        if (w && w->uuid() == uuid && w->session() && w->session()->uri() == uri) {
            w->show();
            w->raise();
            w->activateWindow();
            return w;
        }
    }
    HostSession *session = m_models.datacenter->session(uri);
    if (!session)
        return nullptr;
    auto *w = new VmWindow(session, uuid, m_models.stats->collector(uri), this);
    w->setWindowFlag(Qt::Window);
    w->followNames(m_models.inventory, nameHint);
    m_vmWindows.removeAll(nullptr);
    m_vmWindows << w;
    w->show();
    return w;
}

bool MainWindow::select(const QString &uri, const QString &uuid)
{
    QModelIndex src;
    if (viewByCluster())
        src = uuid.isEmpty() ? m_models.clusterInventory->hostIndex(uri)
                             : m_models.clusterInventory->domainIndex(uri, uuid);
    else
        src = uuid.isEmpty() ? m_models.inventory->hostIndex(uri)
                             : m_models.inventory->domainIndex(uri, uuid);
    const QModelIndex idx = fromBaseIndex(src);
    if (!idx.isValid())
        return false;
    m_tree->setCurrentIndex(idx);
    return true;
}

} // namespace crossvirt::views

// Clone, templates and bulk actions (issue 14) ---------------------------------------------

namespace crossvirt::views {

void MainWindow::createCloneActions()
{
    m_clone = new QAction(tr("&Clone…"), this);
    m_clone->setShortcut(QKeySequence(tr("Ctrl+Shift+C")));
    m_makeTemplate = new QAction(tr("Make &Template…"), this);
    m_makeTemplate->setShortcut(QKeySequence(tr("Ctrl+Shift+M")));
    connect(m_clone, &QAction::triggered, this, [this] {
        if (!runOnSeveral(models::BulkAction::Clone))
            m_actions->clone(selectedVm());
    });
    connect(m_makeTemplate, &QAction::triggered, this,
            [this] { m_actions->makeTemplate(selectedVm()); });
    connect(m_actions, &ActionController::vmCloned, this,
            [this](const QString &uri, const QString &uuid) {
                // The clone arrives with the host's next inventory event: select it then.
                if (select(uri, uuid))
                    return;
                auto *pending = new QObject(this);
                auto pick = [this, uri, uuid, pending] {
                    if (select(uri, uuid))
                        pending->deleteLater();
                };
                connect(m_proxy, &QAbstractItemModel::rowsInserted, pending, pick);
                QTimer::singleShot(30'000, pending, &QObject::deleteLater);
            });
    connect(m_actions, &ActionController::templateMade, this, [this] { updateActions(); });
}

QList<VmTarget> MainWindow::selectedVms() const
{
    QList<VmTarget> vms;
    QModelIndexList rows = m_tree->selectionModel()->selectedRows(InventoryModel::NameColumn);
    // Tree order, whatever order the rows were picked in.
    std::sort(rows.begin(), rows.end(), [this](const QModelIndex &a, const QModelIndex &b) {
        return m_tree->visualRect(a).top() < m_tree->visualRect(b).top();
    });
    QSet<QString> seen;
    for (const QModelIndex &row : std::as_const(rows)) {
        QModelIndex src = toBaseIndex(row);
        if (src.model() == m_models.clusterInventory)
            src = m_models.clusterInventory->toInventoryIndex(src);
        const auto d = m_models.inventory->domainAt(src);
        if (!d)
            continue;
        const QString uri = src.data(InventoryModel::UriRole).toString();
        if (seen.contains(uri + u' ' + d->uuid))
            continue;
        seen.insert(uri + u' ' + d->uuid);
        vms.append({uri, d->uuid, d->name, d->state});
    }
    return vms;
}

QList<VmTarget> MainWindow::bulkTargets(models::BulkAction action) const
{
    QList<VmTarget> targets;
    for (const VmTarget &vm : selectedVms()) {
        const HostSession *session = m_models.datacenter->session(vm.uri);
        const auto d = session ? session->domain(vm.uuid) : std::nullopt;
        if (!d)
            continue;
        bool applies = false;
        switch (action) {
        case models::BulkAction::Start:
            applies = !d->isTemplate &&
                      (d->state == DomainState::Shutoff || d->state == DomainState::Crashed);
            break;
        case models::BulkAction::Shutdown:
            applies = d->state == DomainState::Running || d->state == DomainState::Blocked;
            break;
        case models::BulkAction::ForceOff:
            applies = models::isActive(d->state);
            break;
        case models::BulkAction::Delete:
            applies = true;
            break;
        case models::BulkAction::Clone:
            applies = !d->isTemplate && !models::isActive(d->state);
            break;
        }
        if (applies)
            targets << vm;
    }
    return targets;
}

bool MainWindow::runOnSeveral(models::BulkAction action)
{
    if (selectedVms().size() < 2)
        return false;
    m_actions->bulk(action, bulkTargets(action));
    return true;
}

void MainWindow::updateCloneActions(const models::DomainSummary *d)
{
    const int selected = int(selectedVms().size());
    if (selected > 1) {
        // Several VMs: the bulk actions, each on the selected VMs it applies to.
        const QList<std::pair<QAction *, models::BulkAction>> bulk{
            {m_start, models::BulkAction::Start},
            {m_shutdown, models::BulkAction::Shutdown},
            {m_forceOff, models::BulkAction::ForceOff},
            {m_delete, models::BulkAction::Delete},
            {m_clone, models::BulkAction::Clone}};
        for (const auto &[a, action] : bulk) {
            const int n = int(bulkTargets(action).size());
            a->setEnabled(n > 0);
            a->setToolTip(n > 0 ? tr("%1 %n of the selected virtual machines", nullptr, n)
                                      .arg(models::bulkActionLabel(action))
                                : tr("None of the selected virtual machines can be given this "
                                     "action"));
        }
        for (QAction *a : {m_open, m_reboot, m_pause, m_resume, m_addDisk, m_makeTemplate}) {
            a->setEnabled(false);
            a->setToolTip(tr("Acts on one virtual machine: select only one"));
        }
        return;
    }
    m_clone->setEnabled(d && !d->isTemplate);
    m_clone->setToolTip(
        d && d->isTemplate
            ? tr("“%1” is a template: make a new virtual machine from it instead").arg(d->name)
        : d && models::isActive(d->state)
            ? tr("Shut “%1” down first: only a shut-off virtual machine can be cloned").arg(d->name)
            : tr("Copy the selected virtual machine under a new name"));
    m_makeTemplate->setEnabled(d && !d->isTemplate);
    m_makeTemplate->setToolTip(
        d && d->isTemplate ? tr("“%1” already is a template").arg(d->name)
                           : tr("Turn the selected virtual machine into a template new ones "
                                "are made from"));
    m_delete->setToolTip(tr("Delete the selected virtual machine"));
    m_start->setToolTip(tr("Start the selected virtual machine"));
    m_forceOff->setToolTip(tr("Turn the selected virtual machine off at once"));
    m_open->setToolTip(tr("Open the selected virtual machine's window"));
    m_pause->setToolTip({});
    m_resume->setToolTip({});
    if (d && d->isTemplate) {
        // A template's disks are read-only bases: starting it makes no sense.
        m_start->setEnabled(false);
        m_start->setToolTip(tr("“%1” is a template: it is never started. Make a new virtual "
                               "machine from it.")
                                .arg(d->name));
        m_start->setStatusTip(m_start->toolTip());
    } else {
        m_start->setStatusTip({});
    }
}

bool MainWindow::showSeveralSelected()
{
    const QList<VmTarget> vms = selectedVms();
    if (vms.size() < 2)
        return false;
    QStringList names, hosts;
    for (const VmTarget &vm : vms) {
        names << vm.name.toHtmlEscaped();
        const HostSession *s = m_models.datacenter->session(vm.uri);
        const QString host =
            s && !s->hostInfo().hostname.isEmpty() ? s->hostInfo().hostname : vm.uri;
        if (!hosts.contains(host.toHtmlEscaped()))
            hosts << host.toHtmlEscaped();
    }
    constexpr int shown = 8;
    QString list = names.mid(0, shown).join(u", "_s);
    if (names.size() > shown)
        list += tr(" and %n more", nullptr, int(names.size() - shown));
    // What each bulk action would touch, so nobody is surprised by the confirmation.
    QStringList counts;
    for (auto action :
         {models::BulkAction::Start, models::BulkAction::Shutdown, models::BulkAction::ForceOff,
          models::BulkAction::Delete, models::BulkAction::Clone}) {
        counts << tr("%1: %2")
                      .arg(models::bulkActionLabel(action).toHtmlEscaped())
                      .arg(bulkTargets(action).size());
    }
    m_details->showSelectionSummary(
        tr("<p><b>%n virtual machines selected</b></p><p>%1</p><p>on %2</p>"
           "<p>The VM actions act on each of them that can; one window lists each "
           "result.</p><p>%3</p>",
           nullptr, int(vms.size()))
            .arg(list, hosts.join(u", "_s), counts.join(u" · "_s)));
    return true;
}

} // namespace crossvirt::views
