#include "views/pools/DeleteVmPoolDialog.h"

#include "models/connection/Datacenter.h"
#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "models/inventory/InventoryModel.h"
#include "models/templates/VmPools.h"
#include "views/dialogs/FieldMessage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace crossvirt::views {

using namespace Qt::StringLiterals;

DeleteVmPoolDialog::DeleteVmPoolDialog(models::Datacenter *datacenter, QWidget *parent)
    : QDialog(parent), m_datacenter(datacenter)
{
    setWindowTitle(tr("Delete VM Pool"));
    setMinimumSize(620, 440);
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_pool = new QComboBox(this);
    form->addRow(tr("&Pool:"), m_pool);
    layout->addLayout(form);
    m_table = new QTableWidget(0, 3, this);
    m_table->setAccessibleName(tr("The pool's VMs"));
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);
    m_hosts = new QLabel(this);
    m_hosts->setWordWrap(true);
    layout->addWidget(m_hosts);
    m_confirm = new QCheckBox(this);
    layout->addWidget(m_confirm);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_delete = m_buttons->addButton(tr("&Delete Pool"), QDialogButtonBox::DestructiveRole);
    m_delete->setEnabled(false);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_delete, &QPushButton::clicked, this, &DeleteVmPoolDialog::run);
    connect(m_confirm, &QCheckBox::toggled, m_delete, &QWidget::setEnabled);
    connect(m_pool, &QComboBox::currentIndexChanged, this, &DeleteVmPoolDialog::poolChanged);

    QList<models::DomainSummary> domains;
    for (const models::HostSession *s : m_datacenter->sessions())
        domains += s->domains();
    m_pool->addItems(models::vmPoolNames(domains));
    if (m_pool->count() == 0) {
        m_status->setText(tr("No VM belongs to a VM pool."));
        m_pool->setEnabled(false);
    }
    poolChanged();
}

bool DeleteVmPoolDialog::selectPool(const QString &name)
{
    const int i = m_pool->findText(name);
    if (i >= 0)
        m_pool->setCurrentIndex(i);
    return i >= 0;
}

void DeleteVmPoolDialog::poolChanged()
{
    const QString pool = m_pool->currentText();
    m_table->clear();
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("VM"), tr("Host"), tr("State")});
    m_table->setRowCount(0);
    m_hostUris.clear();
    QStringList hostNames;
    for (const models::HostSession *s : m_datacenter->sessions()) {
        for (const models::DomainSummary &d : s->domains()) {
            if (pool.isEmpty() || d.vmPool != pool)
                continue;
            const int row = m_table->rowCount();
            m_table->insertRow(row);
            m_table->setItem(row, 0, new QTableWidgetItem(d.name));
            m_table->setItem(row, 1, new QTableWidgetItem(m_datacenter->displayName(s->uri())));
            m_table->setItem(row, 2, new QTableWidgetItem(models::domainStateText(d.state)));
            if (!m_hostUris.contains(s->uri())) {
                m_hostUris << s->uri();
                hostNames << m_datacenter->displayName(s->uri());
            }
        }
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setStretchLastSection(true);
    const int vms = m_table->rowCount();
    m_hosts->setText(vms ? tr("Hosts: %1. The VMs are forced off and deleted with the volumes "
                              "made for them; the template's volumes stay.")
                               .arg(hostNames.join(u", "_s))
                         : QString());
    m_confirm->setText(tr("&Delete the VMs listed (%1)").arg(vms));
    m_confirm->setChecked(false);
    m_confirm->setEnabled(vms > 0);
}

void DeleteVmPoolDialog::run()
{
    const QString pool = m_pool->currentText();
    if (pool.isEmpty() || m_hostUris.isEmpty())
        return;
    m_pool->setEnabled(false);
    m_confirm->setEnabled(false);
    m_delete->setEnabled(false);
    m_status->setText(tr("Deleting the pool %1…").arg(pool));
    // The table now lists each host's result.
    m_table->clear();
    m_table->setColumnCount(2);
    m_table->setHorizontalHeaderLabels({tr("Host"), tr("Result")});
    m_table->setRowCount(int(m_hostUris.size()));
    m_pending = int(m_hostUris.size());
    int row = 0;
    for (const QString &uri : std::as_const(m_hostUris)) {
        m_table->setItem(row, 0, new QTableWidgetItem(m_datacenter->displayName(uri)));
        m_table->setItem(row, 1, new QTableWidgetItem(tr("Deleting…")));
        auto finish = [this, row, pool](const QString &text, bool ok) {
            QTableWidgetItem *item = m_table->item(row, 1);
            item->setText(text);
            item->setToolTip(text);
            if (!ok)
                item->setForeground(Qt::red);
            m_table->resizeColumnToContents(0);
            if (--m_pending == 0) {
                m_finished = true;
                m_status->setText(tr("Finished deleting the pool %1.").arg(pool));
                m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Close"));
                emit poolDeleted(pool);
            }
        };
        models::HostSession *s = m_datacenter->session(uri);
        if (!s) {
            finish(tr("Failed: the host is gone from the list."), false);
            ++row;
            continue;
        }
        models::whenFinished(
            models::deleteVmPoolOnHost(s, pool), this,
            [finish](const QStringList &names) {
                finish(tr("Deleted %1").arg(names.join(u", "_s)), true);
            },
            [finish](const QString &error) { finish(tr("Failed: %1").arg(error), false); });
        ++row;
    }
}

} // namespace crossvirt::views
