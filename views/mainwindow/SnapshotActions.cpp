// Snapshots in the main window (issue 13): the Snapshot menu's Take Snapshot… and Manage
// Snapshots… for the selected VM. Kept apart from MainWindow.cpp, which the migration
// actions also change.

#include "models/connection/Datacenter.h"
#include "models/connection/HostSession.h"
#include "views/mainwindow/ActionController.h"
#include "views/mainwindow/MainWindow.h"
#include "views/snapshots/SnapshotsPage.h"
#include "views/snapshots/TakeSnapshotDialog.h"
#include "views/vm/VmWindow.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QTreeView>

namespace crossvirt::views {

using models::HostSession;

// ---- ActionController -----------------------------------------------------------------------

void ActionController::takeSnapshot(const VmTarget &vm)
{
    if (!vm.isValid())
        return;
    HostSession *session = m_models.datacenter->session(vm.uri);
    if (!session)
        return;
    auto *dialog = new TakeSnapshotDialog(session, vm.uuid, vm.name, nullptr, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString name = vm.name;
    connect(dialog, &TakeSnapshotDialog::taken, this,
            [this, name](const models::SnapshotInfo &snapshot) {
                emit statusMessage(tr("Took the snapshot %1 of %2.").arg(snapshot.name, name),
                                   5000);
            });
    dialog->open();
}

// ---- MainWindow -----------------------------------------------------------------------------

void MainWindow::createSnapshotActions()
{
    m_takeSnapshot = new QAction(tr("&Take Snapshot…"), this);
    m_manageSnapshots = new QAction(tr("&Manage Snapshots…"), this);
    m_takeSnapshot->setShortcut(QKeySequence(tr("Ctrl+Alt+S")));
    m_manageSnapshots->setShortcut(QKeySequence(tr("Ctrl+Alt+Shift+S")));
    connect(m_takeSnapshot, &QAction::triggered, this, [this] {
        if (selectedVms().size() <= 1)
            m_actions->takeSnapshot(selectedVm());
    });
    connect(m_manageSnapshots, &QAction::triggered, this, [this] {
        const VmTarget vm = selectedVm();
        if (!vm.isValid() || selectedVms().size() > 1)
            return;
        if (VmWindow *w = openVm(vm.uri, vm.uuid, vm.name))
            w->showSnapshots();
    });

    auto *menu = new QMenu(tr("&Snapshot"), this);
    menu->setToolTipsVisible(true); // a disabled action says why
    menu->addAction(m_takeSnapshot);
    menu->addAction(m_manageSnapshots);
    // Right after the Virtual Machine menu.
    QAction *before = nullptr;
    const QList<QAction *> menus = menuBar()->actions();
    for (int i = 0; i + 1 < menus.size(); ++i) {
        if (menus[i]->menu() && menus[i]->text() == tr("&Virtual Machine"))
            before = menus[i + 1];
    }
    menuBar()->insertMenu(before, menu);
    m_tree->addAction(m_takeSnapshot);
    m_tree->addAction(m_manageSnapshots);
}

void MainWindow::updateSnapshotActions(const models::DomainSummary *selected,
                                       const HostSession *session)
{
    if (!m_takeSnapshot)
        return;
    QString whyNot;
    const qsizetype count = selectedVms().size();
    if (count > 1)
        whyNot = tr("Select only one virtual machine");
    else if (!selected)
        whyNot = tr("Select a virtual machine");
    else if (!session || session->state() != models::ConnectionState::Connected)
        whyNot = tr("The host of “%1” is not connected").arg(selected->name);
    else if (selected->isTemplate)
        whyNot = tr("“%1” is a template: its disks are read-only bases, nothing to snapshot")
                     .arg(selected->name);
    for (QAction *a : {m_takeSnapshot, m_manageSnapshots})
        a->setEnabled(whyNot.isEmpty());
    m_takeSnapshot->setToolTip(whyNot.isEmpty() ? tr("Take a snapshot of “%1”").arg(selected->name)
                                                : whyNot);
    m_manageSnapshots->setToolTip(
        whyNot.isEmpty() ? tr("The snapshots of “%1”: revert, delete").arg(selected->name)
                         : whyNot);
}

} // namespace crossvirt::views
