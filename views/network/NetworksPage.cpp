#include "views/network/NetworksPage.h"

#include "views/common/DetailWidgets.h"

#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "models/network/DhcpLeaseModel.h"
#include "models/network/HostNetworks.h"
#include "models/network/NetworkListModel.h"
#include "views/network/NewNetworkDialog.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace crossvirt::views {

using namespace Qt::StringLiterals;
using models::HostNetworks;
using models::NetworkListModel;


NetworksPage::NetworksPage(QWidget *parent)
    : QWidget(parent), m_model(new NetworkListModel(this)),
      m_leaseModel(new models::DhcpLeaseModel(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *buttons = new QHBoxLayout;
    m_new = new QPushButton(tr("&New Network…"), this);
    m_start = new QPushButton(tr("&Start"), this);
    m_stop = new QPushButton(tr("S&top"), this);
    m_autostart = new QPushButton(tr("&Autostart"), this);
    m_autostart->setCheckable(true);
    m_autostart->setToolTip(tr("Start the network when the host starts"));
    m_delete = new QPushButton(tr("&Delete…"), this);
    m_refresh = new QPushButton(tr("&Refresh"), this);
    for (QPushButton *b : {m_new, m_start, m_stop, m_autostart, m_delete})
        buttons->addWidget(b);
    buttons->addStretch(1);
    buttons->addWidget(m_refresh);
    layout->addLayout(buttons);

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    layout->addWidget(m_message);

    m_table = listTable(m_model, tr("Virtual networks"), this);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_table, 3);

    m_leasesBox = new QGroupBox(tr("DHCP leases"), this);
    auto *leasesLayout = new QVBoxLayout(m_leasesBox);
    m_leasesStatus = new QLabel(m_leasesBox);
    m_leasesStatus->setWordWrap(true);
    leasesLayout->addWidget(m_leasesStatus);
    m_leases = listTable(m_leaseModel, tr("DHCP leases"), m_leasesBox);
    m_leases->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    leasesLayout->addWidget(m_leases);
    layout->addWidget(m_leasesBox, 2);

    m_confirm = [this](const QString &question) {
        return QMessageBox::question(this, tr("Delete Network"), question,
                                     QMessageBox::Yes | QMessageBox::Cancel,
                                     QMessageBox::Cancel) == QMessageBox::Yes;
    };
    m_runDialog = [](QDialog *dialog) { dialog->open(); };

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateButtons();
        reloadLeases();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &NetworksPage::updateButtons);
    connect(m_new, &QPushButton::clicked, this, &NetworksPage::newNetwork);
    connect(m_start, &QPushButton::clicked, this, [this] {
        const QString name = selectedName();
        act(HostNetworks::start(m_session, name), tr("The network “%1” is started.").arg(name));
    });
    connect(m_stop, &QPushButton::clicked, this, [this] {
        const QString name = selectedName();
        act(HostNetworks::stop(m_session, name), tr("The network “%1” is stopped.").arg(name));
    });
    connect(m_autostart, &QPushButton::clicked, this, [this](bool on) {
        const QString name = selectedName();
        act(HostNetworks::setAutostart(m_session, name, on),
            on ? tr("The network “%1” starts with the host.").arg(name)
               : tr("The network “%1” no longer starts with the host.").arg(name));
    });
    connect(m_delete, &QPushButton::clicked, this, &NetworksPage::deleteSelected);
    connect(m_refresh, &QPushButton::clicked, this, &NetworksPage::reload);
    // Leases come and go as guests boot: read them again while the page is shown.
    m_leaseTimer.setInterval(10000);
    connect(&m_leaseTimer, &QTimer::timeout, this, [this] {
        if (isVisible())
            reloadLeases();
    });
    updateButtons();
}

void NetworksPage::setSession(models::HostSession *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    m_model->setNetworks({});
    m_leaseModel->setLeases({});
    m_message->hide();
    if (session) {
        connect(session, &models::HostSession::stateChanged, this, &NetworksPage::reload);
        m_leaseTimer.start();
    } else {
        m_leaseTimer.stop();
    }
    reload();
}

void NetworksPage::reload()
{
    const quint64 generation = ++m_generation;
    if (!m_session || m_session->state() != models::ConnectionState::Connected) {
        m_model->setNetworks({});
        m_leaseModel->setLeases({});
        m_leasesStatus->setText(m_session ? tr("The host is not connected.") : QString());
        updateButtons();
        return;
    }
    ++m_pending;
    const QString selected = selectedName();
    models::whenFinished(
        HostNetworks::list(m_session), this,
        [this, generation, selected](const QList<models::VirtualNetwork> &networks) {
            --m_pending;
            if (generation != m_generation)
                return;
            m_model->setNetworks(networks);
            if (!selected.isEmpty() && m_model->rowOf(selected) >= 0)
                select(selected);
            else if (selectedName().isEmpty() && m_model->rowCount() > 0)
                select(m_model->networks().first().name);
            updateButtons();
            reloadLeases();
        },
        [this, generation](const QString &error) {
            --m_pending;
            if (generation == m_generation)
                showError(error);
        });
}

void NetworksPage::select(const QString &name)
{
    const int row = m_model->rowOf(name);
    if (row < 0)
        return;
    m_table->selectionModel()->setCurrentIndex(
        m_model->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

QString NetworksPage::selectedName() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid()
               ? current.siblingAtColumn(0).data(NetworkListModel::NameRole).toString()
               : QString();
}

void NetworksPage::updateButtons()
{
    const bool connected = m_session && m_session->state() == models::ConnectionState::Connected;
    const int row = m_model->rowOf(selectedName());
    const bool has = connected && row >= 0;
    const models::VirtualNetwork *n = has ? &m_model->networks().at(row) : nullptr;
    m_new->setEnabled(connected);
    m_refresh->setEnabled(connected);
    m_start->setEnabled(n && !n->active);
    m_stop->setEnabled(n && n->active);
    m_autostart->setEnabled(n && n->persistent);
    m_autostart->setChecked(n && n->autostart);
    m_delete->setEnabled(n != nullptr);
}

void NetworksPage::reloadLeases()
{
    const quint64 generation = ++m_leaseGeneration;
    const QString name = selectedName();
    const int row = m_model->rowOf(name);
    m_leasesBox->setTitle(name.isEmpty() ? tr("DHCP leases") : tr("DHCP leases of “%1”").arg(name));
    if (!m_session || row < 0) {
        m_leaseModel->setLeases({});
        m_leasesStatus->setText(tr("Select a network to see its DHCP leases."));
        return;
    }
    const models::VirtualNetwork &n = m_model->networks().at(row);
    if (!n.active || n.ipv4.dhcpStart.isEmpty()) {
        m_leaseModel->setLeases({});
        m_leasesStatus->setText(!n.active ? tr("The network is not running.")
                                          : tr("The network has no DHCP range."));
        return;
    }
    ++m_pending;
    models::whenFinished(
        HostNetworks::leases(m_session, name), this,
        [this, generation](const QList<models::DhcpLease> &leases) {
            --m_pending;
            if (generation != m_leaseGeneration)
                return;
            m_leaseModel->setLeases(leases);
            m_leasesStatus->setText(leases.isEmpty() ? tr("No guest holds a lease yet.")
                                                     : QString());
            m_leasesStatus->setVisible(leases.isEmpty());
        },
        [this, generation](const QString &error) {
            --m_pending;
            if (generation != m_leaseGeneration)
                return;
            m_leaseModel->setLeases({});
            m_leasesStatus->setText(error);
            m_leasesStatus->show();
        });
    m_leasesStatus->setVisible(true);
}

void NetworksPage::showError(const QString &text)
{
    m_message->setStyleSheet(u"color: #b00020;"_s);
    m_message->setText(text);
    m_message->show();
}

void NetworksPage::showInfo(const QString &text)
{
    m_message->setStyleSheet({});
    m_message->setText(text);
    m_message->show();
}

template<typename T> void NetworksPage::act(QFuture<T> future, const QString &done)
{
    ++m_pending;
    models::whenFinished(
        future, this,
        [this, done](auto &&...) {
            --m_pending;
            showInfo(done);
            reload();
            emit networksChanged();
        },
        [this](const QString &error) {
            --m_pending;
            showError(error);
            reload();
        });
}

void NetworksPage::newNetwork()
{
    if (!m_session)
        return;
    auto *dialog = new NewNetworkDialog(m_session, m_model->networks(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const models::VirtualNetwork created = dialog->created();
        showInfo(created.active ? tr("The network “%1” is created and running.").arg(created.name)
                                : tr("The network “%1” is created.").arg(created.name));
        m_model->setNetworks(m_model->networks() + QList<models::VirtualNetwork>{created});
        select(created.name);
        reload();
        emit networksChanged();
    });
    m_runDialog(dialog);
}

void NetworksPage::deleteSelected()
{
    const QString name = selectedName();
    if (name.isEmpty() || !m_session)
        return;
    if (!m_confirm(tr("Delete the network “%1”? It is stopped first; VMs with a network card "
                      "on it will not start until they are moved to another network.")
                       .arg(name)))
        return;
    act(HostNetworks::remove(m_session, name), tr("The network “%1” is deleted.").arg(name));
}

} // namespace crossvirt::views
