// Migration in the main window (issue 13): Migrate… for the selected VM and the tree's
// "where can this go" view. Kept apart from MainWindow.cpp and ActionController.cpp, which
// other features also change.

#include "models/cluster/ClusterList.h"
#include "models/connection/Datacenter.h"
#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "models/inventory/InventoryFilterProxy.h"
#include "models/inventory/InventoryModel.h"
#include "views/mainwindow/ActionController.h"
#include "views/mainwindow/MainWindow.h"
#include "views/migration/MigrateDialog.h"
#include "views/migration/MigrationHighlight.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QTimer>
#include <QTreeView>

namespace crossvirt::views {

using models::HostSession;
using models::InventoryModel;

// ---- ActionController -----------------------------------------------------------------------

void ActionController::migrate(const VmTarget &vm)
{
    if (!vm.isValid() || !m_models.datacenter->session(vm.uri))
        return;
    auto *dialog = new MigrateDialog(m_models.datacenter, m_models.clusters, vm.uri, vm.uuid,
                                     vm.name, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &MigrateDialog::migrated, this, [this](const models::MigrationResult &r) {
        emit statusMessage(tr("%1 now runs on %2.")
                               .arg(r.name, m_models.datacenter->displayName(r.destinationUri)),
                           8000);
        emit vmMigrated(r.destinationUri, r.uuid, r.name);
    });
    dialog->open();
}

// ---- MainWindow -----------------------------------------------------------------------------

void MainWindow::createMigrationActions()
{
    m_migrate = new QAction(tr("&Migrate…"), this);
    m_migrate->setShortcut(QKeySequence(tr("Ctrl+Shift+G")));
    connect(m_migrate, &QAction::triggered, this, [this] {
        if (selectedVms().size() <= 1)
            m_actions->migrate(selectedVm());
    });
    m_whereCanMove = new QAction(tr("Show &Where the VM Can Move"), this);
    m_whereCanMove->setCheckable(true);
    m_whereCanMove->setShortcut(QKeySequence(tr("Ctrl+Alt+W")));
    m_whereCanMove->setToolTip(tr("Marks in the tree the hosts the selected virtual machine could "
                                  "migrate to; the others are greyed with the reason"));
    connect(m_whereCanMove, &QAction::toggled, this, [this] { updateMigrationHighlight(); });

    // Beside Clone… and Make Template… in the Virtual Machine menu; under the view choices.
    for (QAction *menuAction : menuBar()->actions()) {
        QMenu *menu = menuAction->menu();
        if (!menu)
            continue;
        if (menuAction->text() == tr("&Virtual Machine")) {
            menu->addSeparator();
            menu->addAction(m_migrate);
        } else if (menuAction->text() == tr("V&iew")) {
            const QList<QAction *> items = menu->actions();
            QAction *before = items.size() > 3 ? items.at(3) : nullptr; // after the separator
            menu->insertAction(before, m_whereCanMove);
        }
    }
    m_tree->addAction(m_migrate);

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] { updateMigrationHighlight(); });
    connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { updateMigrationHighlight(); });
    // The VM moved: select it on its new host once the inventory shows it there.
    connect(m_actions, &ActionController::vmMigrated, this,
            [this](const QString &uri, const QString &uuid) {
                if (select(uri, uuid))
                    return;
                auto *pending = new QObject(this);
                connect(m_proxy, &QAbstractItemModel::rowsInserted, pending,
                        [this, uri, uuid, pending] {
                            if (select(uri, uuid))
                                pending->deleteLater();
                        });
                QTimer::singleShot(30'000, pending, &QObject::deleteLater);
            });
}

void MainWindow::updateMigrationActions(const models::DomainSummary *d)
{
    const int selected = int(selectedVms().size());
    const HostSession *session =
        d ? m_models.datacenter->session(
                currentSourceIndex().data(InventoryModel::UriRole).toString())
          : nullptr;
    QString why;
    if (selected > 1)
        why = tr("Migrates one virtual machine: select only one");
    else if (!d)
        why = tr("Select the virtual machine to migrate");
    else if (d->isTemplate)
        why = tr("“%1” is a template: make a virtual machine from it on the other host instead")
                  .arg(d->name);
    else if (!session || session->state() != models::ConnectionState::Connected)
        why = tr("The host of “%1” is not connected").arg(d->name);
    m_migrate->setEnabled(why.isEmpty());
    m_migrate->setToolTip(
        why.isEmpty() ? tr("Move “%1” to another host, live or offline").arg(d->name) : why);
    m_migrate->setStatusTip(why);
}

void MainWindow::updateMigrationHighlight()
{
    if (!m_whereCanMove->isChecked()) {
        ++m_highlightRequest;
        m_highlight->clear();
        return;
    }
    if (selectedVms().size() > 1) {
        ++m_highlightRequest;
        m_highlight->clear();
        return;
    }
    const VmTarget vm = selectedVm();
    if (!vm.isValid()) {
        // A host or cluster row: keep what is shown, so its verdict can be read there.
        if (!m_highlight->isActive())
            statusBar()->showMessage(tr("Select a virtual machine to see where it can move."),
                                     5000);
        return;
    }
    if (m_highlight->isActive() && m_highlight->uuid() == vm.uuid &&
        m_highlight->sourceUri() == vm.uri)
        return;
    const quint64 request = ++m_highlightRequest;
    m_highlight->setChecking(vm.uri, vm.uuid, vm.name);
    arch::MigrationMode mode;
    mode.live = models::isActive(vm.state);
    mode.copyStorage = true; // where it can go at all: a copy of its disks is allowed
    const QString name = vm.name;
    models::whenFinished(
        models::checkMigration(m_models.datacenter, vm.uri, vm.uuid, mode), this,
        [this, request](const models::MigrationCheck &check) {
            if (request != m_highlightRequest)
                return; // the selection moved on
            m_highlight->setCheck(check);
            const int n = int(check.possibleUris().size());
            statusBar()->showMessage(
                n ? tr("“%1” can move to %n of the other hosts, marked in the tree.", nullptr, n)
                        .arg(check.vmName)
                  : tr("No other host can take “%1” now; hover a host for why.").arg(check.vmName),
                8000);
        },
        [this, request, name](const QString &error) {
            if (request != m_highlightRequest)
                return;
            m_highlight->clear();
            reportError(tr("Could not check where “%1” can move").arg(name), error);
        });
}

} // namespace crossvirt::views
