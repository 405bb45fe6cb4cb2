// VM pools and templates in the main window (issue 14): the Pools menu and its actions.
// Kept apart from MainWindow.cpp and ActionController.cpp, which the clone and bulk
// actions also change.

#include "models/cluster/ClusterList.h"
#include "models/connection/Datacenter.h"
#include "models/connection/HostSession.h"
#include "models/inventory/InventoryFilterProxy.h"
#include "models/inventory/InventoryModel.h"
#include "views/dialogs/NewVmDialog.h"
#include "views/mainwindow/ActionController.h"
#include "views/mainwindow/MainWindow.h"
#include "views/pools/DeleteTemplateDialog.h"
#include "views/pools/DeleteVmPoolDialog.h"
#include "views/pools/NewVmPoolDialog.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QTimer>
#include <QTreeView>

namespace crossvirt::views {

using models::HostSession;

// ---- ActionController -----------------------------------------------------------------------

void ActionController::newVmPool(const QString &clusterId)
{
    auto *dialog = new NewVmPoolDialog(m_models.datacenter, m_models.clusters, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!clusterId.isEmpty())
        dialog->selectTarget(clusterId); // kept when the template picked fits its arch
    connect(dialog, &NewVmPoolDialog::poolCreated, this,
            [this](const QString &pool, const QList<models::VmPoolMemberResult> &results) {
                int made = 0;
                for (const auto &r : results)
                    made += r.ok ? 1 : 0;
                emit statusMessage(
                    tr("VM pool %1: %2 of %3 VMs created.").arg(pool).arg(made).arg(results.size()),
                    8000);
            });
    dialog->open();
}

void ActionController::deleteVmPool()
{
    auto *dialog = new DeleteVmPoolDialog(m_models.datacenter, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &DeleteVmPoolDialog::poolDeleted, this, [this](const QString &pool) {
        emit statusMessage(tr("Deleted the VM pool %1.").arg(pool), 5000);
    });
    dialog->open();
}

void ActionController::deleteTemplate(const VmTarget &vm)
{
    if (!vm.isValid())
        return;
    HostSession *session = m_models.datacenter->session(vm.uri);
    if (!session)
        return;
    auto *dialog = new DeleteTemplateDialog(session, vm.uuid, vm.name,
                                            m_models.datacenter->displayName(vm.uri), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString name = vm.name;
    connect(dialog, &DeleteTemplateDialog::templateDeleted, this,
            [this, name] { emit statusMessage(tr("Deleted the template %1.").arg(name), 5000); });
    dialog->open();
}

void ActionController::newVmFromTemplate(const QString &clusterId, const QString &hostUri)
{
    auto *dialog =
        new NewVmDialog(m_models.datacenter, m_models.clusters, m_models.capabilities, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!clusterId.isEmpty())
        dialog->selectCluster(clusterId);
    else if (!hostUri.isEmpty())
        dialog->selectHost(hostUri);
    dialog->setFromTemplate(true);
    connect(dialog, &NewVmDialog::vmCreated, this,
            [this](HostSession *session, const models::CreatedVm &vm, bool openConsole) {
                emit statusMessage(tr("Created %1.").arg(vm.name), 5000);
                emit vmCreated(session->uri(), vm.uuid, openConsole, vm.name);
            });
    dialog->open();
}

// ---- MainWindow -----------------------------------------------------------------------------

void MainWindow::createPoolActions()
{
    m_newVmFromTemplate = new QAction(tr("New VM from &Template…"), this);
    m_newVmPool = new QAction(tr("&New VM Pool…"), this);
    m_deleteVmPool = new QAction(tr("&Delete VM Pool…"), this);
    m_deleteTemplate = new QAction(tr("Delete T&emplate…"), this);
    m_newVmFromTemplate->setShortcut(QKeySequence(tr("Ctrl+Alt+V")));
    m_newVmPool->setShortcut(QKeySequence(tr("Ctrl+Alt+P")));
    m_deleteVmPool->setShortcut(QKeySequence(tr("Ctrl+Alt+Shift+P")));
    m_deleteTemplate->setShortcut(QKeySequence(tr("Ctrl+Alt+Shift+T")));
    m_newVmPool->setToolTip(tr("Several VMs from one template, spread over a cluster's hosts"));
    m_deleteTemplate->setToolTip(tr("Delete the selected template"));
    connect(m_newVmFromTemplate, &QAction::triggered, this, [this] {
        const QModelIndex src = currentSourceIndex();
        m_actions->newVmFromTemplate(
            currentClusterId(),
            src.isValid() ? src.data(models::InventoryModel::UriRole).toString() : QString());
    });
    connect(m_newVmPool, &QAction::triggered, this,
            [this] { m_actions->newVmPool(currentClusterId()); });
    connect(m_deleteVmPool, &QAction::triggered, m_actions, &ActionController::deleteVmPool);
    connect(m_deleteTemplate, &QAction::triggered, this,
            [this] { m_actions->deleteTemplate(selectedVm()); });

    auto *pools = new QMenu(tr("&Pools"), this);
    pools->addAction(m_newVmFromTemplate);
    pools->addSeparator();
    pools->addAction(m_newVmPool);
    pools->addAction(m_deleteVmPool);
    pools->addSeparator();
    pools->addAction(m_deleteTemplate);
    // Before the View menu, beside the Virtual Machine menu.
    QAction *before = nullptr;
    const QList<QAction *> menus = menuBar()->actions();
    for (int i = 0; i + 1 < menus.size(); ++i) {
        if (menus[i]->menu() && menus[i]->text() == tr("&Virtual Machine"))
            before = menus[i + 1];
    }
    menuBar()->insertMenu(before, pools);
    m_tree->addAction(m_deleteTemplate);

    // A VM made from a template is defined when the wizard says so, but reaches the tree with
    // the host's next inventory event: select it then (the window's own handler, connected
    // earlier, tried at once).
    connect(m_actions, &ActionController::vmCreated, this,
            [this](const QString &uri, const QString &uuid) {
                if (selectedVm().uuid == uuid || select(uri, uuid))
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

void MainWindow::updatePoolActions(const models::DomainSummary *selected)
{
    const bool any = !m_models.datacenter->sessions().isEmpty();
    m_newVmFromTemplate->setEnabled(any);
    m_newVmPool->setEnabled(any);
    m_deleteVmPool->setEnabled(any);
    m_deleteTemplate->setEnabled(selected && selected->isTemplate);
}

} // namespace crossvirt::views
