#pragma once

#include <QDialog>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace crossvirt::models {
class Datacenter;
}

namespace crossvirt::views {

/// Delete VM Pool: pick a pool (the pool names the inventory's VMs carry), see its VMs and
/// their hosts, confirm, and each host forces off and deletes its members with the volumes
/// made for them (deleteVmPoolOnHost); the result of every host is listed.
class DeleteVmPoolDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DeleteVmPoolDialog(models::Datacenter *datacenter, QWidget *parent = nullptr);

    /// Picks pool `name`; false when no VM carries it.
    bool selectPool(const QString &name);
    /// True once every host answered.
    bool isFinished() const { return m_finished; }

    QComboBox *poolCombo() const { return m_pool; }
    /// VM, host, state; after Delete: host, result.
    QTableWidget *table() const { return m_table; }
    QLabel *hostsLabel() const { return m_hosts; }
    QCheckBox *confirmCheck() const { return m_confirm; }
    QPushButton *deleteButton() const { return m_delete; }
    QLabel *statusLabel() const { return m_status; }

signals:
    void poolDeleted(const QString &pool);

private:
    void poolChanged();
    void run();

    models::Datacenter *m_datacenter;
    QComboBox *m_pool;
    QTableWidget *m_table;
    QLabel *m_hosts;
    QCheckBox *m_confirm;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    QPushButton *m_delete;
    QStringList m_hostUris;
    int m_pending = 0;
    bool m_finished = false;
};

} // namespace crossvirt::views
