#include "views/mainwindow/ActionController.h"

#include "models/cluster/ClusterList.h"
#include "models/connection/Datacenter.h"
#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "models/secrets/SecretStore.h"
#include "views/bulk/BulkProgressDialog.h"
#include "views/clone/CloneDialog.h"
#include "views/clone/MakeTemplateDialog.h"
#include "views/connection/AddConnectionDialog.h"
#include "views/dialogs/ClusterDialog.h"
#include "views/dialogs/NewDiskDialog.h"
#include "views/dialogs/NewVmDialog.h"
#include "views/mainwindow/DeleteVmDialog.h"

#include <QMessageBox>
#include <QPushButton>
#include <QWidget>

namespace crossvirt::views {

using namespace Qt::StringLiterals;
using models::HostSession;

ActionController::ActionController(const MainWindowModels &presented, QWidget *window)
    : QObject(window), m_models(presented), m_window(window)
{}

void ActionController::run(const VmTarget &vm, const QString &failureTitle,
                           const std::function<QFuture<void>(HostSession *, const QString &)> &fn)
{
    if (!vm.isValid())
        return;
    // Looked up now, by URI: the host may have been removed while a box was open.
    HostSession *session = m_models.datacenter->session(vm.uri);
    if (!session) {
        emit failed(failureTitle, tr("%1 is no longer in the connection list.").arg(vm.uri));
        return;
    }
    emit statusMessage(tr("Working on %1…").arg(vm.name), 0);
    models::whenFinished(
        fn(session, vm.uuid), this, [this] { emit statusMessage({}, 0); },
        [this, failureTitle](const QString &error) { emit failed(failureTitle, error); });
}

void ActionController::start(const VmTarget &vm)
{
    run(vm, tr("Could not start the virtual machine"),
        [](HostSession *s, const QString &u) { return s->startDomain(u); });
}

void ActionController::shutdown(const VmTarget &vm)
{
    run(vm, tr("Could not shut down the virtual machine"),
        [](HostSession *s, const QString &u) { return s->shutdownDomain(u); });
}

void ActionController::reboot(const VmTarget &vm)
{
    run(vm, tr("Could not reboot the virtual machine"),
        [](HostSession *s, const QString &u) { return s->rebootDomain(u); });
}

void ActionController::forceOff(const VmTarget &vm)
{
    if (!vm.isValid())
        return;
    QMessageBox box(QMessageBox::Warning, tr("Force off"),
                    tr("Force off “%1”? This is like pulling the power cord: unsaved data in the "
                       "guest is lost.")
                        .arg(vm.name),
                    QMessageBox::Yes | QMessageBox::Cancel, m_window);
    box.setDefaultButton(QMessageBox::Cancel);
    if (box.exec() != QMessageBox::Yes)
        return;
    // `vm` is the VM the box named, whatever the tree shows now.
    run(vm, tr("Could not force off the virtual machine"),
        [](HostSession *s, const QString &u) { return s->forceOffDomain(u); });
}

void ActionController::pause(const VmTarget &vm)
{
    run(vm, tr("Could not pause the virtual machine"),
        [](HostSession *s, const QString &u) { return s->suspendDomain(u); });
}

void ActionController::resume(const VmTarget &vm)
{
    run(vm, tr("Could not resume the virtual machine"),
        [](HostSession *s, const QString &u) { return s->resumeDomain(u); });
}

void ActionController::deleteVm(const VmTarget &vm)
{
    if (!vm.isValid())
        return;
    HostSession *session = m_models.datacenter->session(vm.uri);
    if (!session)
        return;
    // The dialog needs the volumes and their other users: read them on the host's
    // worker thread first, never here.
    emit statusMessage(tr("Reading the storage of %1…").arg(vm.name), 0);
    models::whenFinished(
        session->domainVolumes(vm.uuid), this,
        [this, vm](const QList<models::DomainVolume> &volumes) {
            emit statusMessage({}, 0);
            confirmAndDelete(vm, volumes);
        },
        [this](const QString &error) {
            emit failed(tr("Could not delete the virtual machine"), error);
        });
}

void ActionController::confirmAndDelete(const VmTarget &vm,
                                        const QList<models::DomainVolume> &volumes)
{
    DeleteVmDialog dialog(vm.name, models::isActive(vm.state), volumes, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    HostSession *session = m_models.datacenter->session(vm.uri);
    if (!session) {
        emit failed(tr("Could not delete the virtual machine"),
                    tr("%1 is no longer in the connection list.").arg(vm.uri));
        return;
    }
    models::whenFinished(
        session->deleteDomain(vm.uuid, dialog.selectedVolumes()), this,
        [this, vm](const QStringList &problems) {
            emit vmDeleted(vm.uri, vm.uuid, problems);
            if (problems.isEmpty()) {
                emit statusMessage(tr("Deleted %1.").arg(vm.name), 5000);
                return;
            }
            emit failed(tr("%1 was deleted, but some volumes were not").arg(vm.name),
                        problems.join(u"\n"_s));
        },
        [this](const QString &error) {
            emit failed(tr("Could not delete the virtual machine"), error);
        });
}

void ActionController::addDisk(const VmTarget &vm)
{
    HostSession *session = m_models.datacenter->session(vm.uri);
    if (!session)
        return;
    const auto summary = session->domain(vm.uuid);
    if (!summary)
        return;
    auto *dialog = new NewDiskDialog(session, *summary, m_models.capabilities, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void ActionController::clone(const VmTarget &vm)
{
    HostSession *session = vm.isValid() ? m_models.datacenter->session(vm.uri) : nullptr;
    if (!session)
        return;
    auto *dialog = new CloneDialog(session, vm.uuid, vm.name, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString uri = vm.uri;
    connect(dialog, &CloneDialog::cloned, this, [this, uri](const models::CloneResult &result) {
        emit statusMessage(tr("Cloned as %1.").arg(result.name), 5000);
        emit vmCloned(result.uri.isEmpty() ? uri : result.uri, result.uuid, result.name);
    });
    dialog->open();
}

void ActionController::makeTemplate(const VmTarget &vm)
{
    HostSession *session = vm.isValid() ? m_models.datacenter->session(vm.uri) : nullptr;
    if (!session)
        return;
    const auto summary = session->domain(vm.uuid);
    if (!summary)
        return;
    auto *dialog = new MakeTemplateDialog(session, *summary, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString uri = vm.uri;
    connect(dialog, &MakeTemplateDialog::templateMade, this,
            [this, uri](const models::TemplateInfo &info) {
                emit statusMessage(tr("%1 is now a template.").arg(info.name), 5000);
                emit templateMade(info.uri.isEmpty() ? uri : info.uri, info.uuid, info.name);
            });
    dialog->open();
}

void ActionController::bulk(models::BulkAction action, const QList<VmTarget> &targets)
{
    QList<models::BulkTarget> run;
    QStringList lines;
    for (const VmTarget &t : targets) {
        if (!t.isValid())
            continue;
        run << models::BulkTarget{t.uri, t.uuid, t.name};
        const HostSession *s = m_models.datacenter->session(t.uri);
        const QString host =
            s && !s->hostInfo().hostname.isEmpty() ? s->hostInfo().hostname : t.uri;
        lines << tr("%1 (on %2)").arg(t.name, host);
    }
    if (run.isEmpty())
        return;
    QString question;
    switch (action) {
    case models::BulkAction::Start:
        question = tr("Start these %n virtual machines?", nullptr, int(run.size()));
        break;
    case models::BulkAction::Shutdown:
        question = tr("Shut down these %n virtual machines?", nullptr, int(run.size()));
        break;
    case models::BulkAction::ForceOff:
        question = tr("Force off these %n virtual machines? This is like pulling the power "
                      "cord: unsaved data in the guests is lost.",
                      nullptr, int(run.size()));
        break;
    case models::BulkAction::Delete:
        question = tr("Delete these %n virtual machines, with the storage volumes no other "
                      "virtual machine uses? Running ones are forced off first. This cannot be "
                      "undone.",
                      nullptr, int(run.size()));
        break;
    case models::BulkAction::Clone:
        question = tr("Clone these %n virtual machines? Each is cloned on its own host as "
                      "NAME-clone with copies of its disks.",
                      nullptr, int(run.size()));
        break;
    }
    QMessageBox box(action == models::BulkAction::Delete || action == models::BulkAction::ForceOff
                        ? QMessageBox::Warning
                        : QMessageBox::Question,
                    models::bulkActionLabel(action), question,
                    QMessageBox::Yes | QMessageBox::Cancel, m_window);
    box.setInformativeText(lines.join(u'\n'));
    box.setDefaultButton(action == models::BulkAction::Delete ? QMessageBox::Cancel
                                                              : QMessageBox::Yes);
    box.button(QMessageBox::Yes)->setText(models::bulkActionLabel(action));
    if (box.exec() != QMessageBox::Yes)
        return;
    // The targets are the VMs the box listed, whatever the tree shows now.
    QPointer<models::Datacenter> datacenter = m_models.datacenter;
    auto *dialog = new BulkProgressDialog(
        [datacenter](const QString &uri) -> HostSession * {
            return datacenter ? datacenter->session(uri) : nullptr;
        },
        action, run, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    emit bulkStarted(dialog);
    dialog->show();
    dialog->start();
}

void ActionController::newVm(const QString &clusterId, const QString &hostUri)
{
    auto *dialog = new NewVmDialog(m_models.datacenter, m_models.clusters, m_models.capabilities, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!clusterId.isEmpty())
        dialog->selectCluster(clusterId);
    else if (!hostUri.isEmpty())
        dialog->selectHost(hostUri);
    connect(dialog, &NewVmDialog::vmCreated, this,
            [this](HostSession *session, const models::CreatedVm &vm, bool openConsole) {
                emit statusMessage(tr("Created %1.").arg(vm.name), 5000);
                emit vmCreated(session->uri(), vm.uuid, openConsole, vm.name);
            });
    dialog->open();
}

void ActionController::addConnection()
{
    auto *dialog = new AddConnectionDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const models::SavedConnection c = dialog->connection();
        if (m_models.datacenter->session(c.uri)) {
            emit hostAdded(c.uri);
            emit statusMessage(tr("%1 is already in the list.").arg(c.uri), 5000);
            return;
        }
        HostSession *s = m_models.datacenter->addConnection(c);
        if (!c.autoconnect) {
            emit statusMessage(tr("Added %1; use Host › Connect to open it.").arg(s->uri()), 5000);
        }
        emit hostAdded(c.uri);
    });
    dialog->open();
}

void ActionController::removeConnection(const QString &uri)
{
    if (uri.isEmpty())
        return;
    const auto answer = QMessageBox::question(
        m_window, tr("Remove connection"),
        tr("Remove %1 from the list? Its virtual machines are not touched.").arg(uri));
    if (answer != QMessageBox::Yes)
        return;
    emit connectionAboutToBeRemoved(uri);
    m_models.datacenter->removeConnection(uri);
}

void ActionController::forgetPasswords(const QString &uri)
{
    if (uri.isEmpty() || !m_models.secrets)
        return;
    const QString name = m_models.datacenter->displayName(uri);
    m_models.secrets->forgetConnection(uri).then(
        this, [this, name](const models::SecretResult &result) {
            if (result.ok())
                emit statusMessage(tr("Saved passwords of %1 forgotten.").arg(name), 5000);
            else
                emit failed(tr("Forget saved passwords"), result.error);
        });
}

void ActionController::connectHost(const QString &uri, bool open)
{
    HostSession *session = m_models.datacenter->session(uri);
    if (!session)
        return;
    if (open)
        session->open();
    else
        session->close();
}

void ActionController::newCluster()
{
    ClusterDialog dialog(m_models.datacenter, m_models.clusters, m_models.capabilities,
                         std::nullopt, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_models.clusters->setCluster(dialog.cluster());
    emit clustersChanged();
}

void ActionController::editCluster(const QString &clusterId)
{
    const auto existing = m_models.clusters->cluster(clusterId);
    if (!existing)
        return;
    ClusterDialog dialog(m_models.datacenter, m_models.clusters, m_models.capabilities, existing,
                         m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_models.clusters->setCluster(dialog.cluster());
    emit clustersChanged();
}

void ActionController::deleteCluster(const QString &clusterId)
{
    const auto cluster = m_models.clusters->cluster(clusterId);
    if (!cluster)
        return;
    const auto answer = QMessageBox::question(
        m_window, tr("Delete cluster"),
        tr("Delete the cluster “%1”? Its hosts and their virtual machines stay; they become "
           "unclustered.")
            .arg(cluster->name));
    if (answer == QMessageBox::Yes)
        m_models.clusters->removeCluster(cluster->id);
}

} // namespace crossvirt::views
