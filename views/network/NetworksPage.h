#pragma once

#include "models/network/NetworkTypes.h"

#include <QFuture>
#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <functional>

class QLabel;
class QPushButton;
class QTableView;
class QGroupBox;

namespace crossvirt::models {
class DhcpLeaseModel;
class HostSession;
class NetworkListModel;
} // namespace crossvirt::models

namespace crossvirt::views {

/// A host's Networks tab: its virtual networks (name, mode, IPv4, IPv6, DHCP, state,
/// autostart) with New Network…, Start, Stop, Autostart and Delete…, and the DHCP leases
/// of the selected network with the VM owning each. Everything is read and done on the
/// host's worker (models/network); a refusal or libvirt's error is shown on the page.
class NetworksPage : public QWidget
{
    Q_OBJECT
public:
    explicit NetworksPage(QWidget *parent = nullptr);

    void setSession(models::HostSession *session);
    /// Reads the networks (and the selected one's leases) again.
    void reload();

    /// Asks before deleting; tests replace it (the default shows a question box).
    void setConfirm(std::function<bool(const QString &question)> confirm)
    {
        m_confirm = std::move(confirm);
    }
    /// Opens the New Network dialog; tests replace it to drive the dialog themselves.
    void setDialogRunner(std::function<void(QDialog *)> run) { m_runDialog = std::move(run); }

    QTableView *table() const { return m_table; }
    QTableView *leasesTable() const { return m_leases; }
    models::NetworkListModel *model() const { return m_model; }
    models::DhcpLeaseModel *leaseModel() const { return m_leaseModel; }
    QPushButton *newButton() const { return m_new; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *stopButton() const { return m_stop; }
    QPushButton *autostartButton() const { return m_autostart; }
    QPushButton *deleteButton() const { return m_delete; }
    QLabel *messageLabel() const { return m_message; }
    QLabel *leasesStatus() const { return m_leasesStatus; }
    /// Selects the network `name` (for tests and after a create).
    void select(const QString &name);
    QString selectedName() const;
    /// The number of reads under way (tests wait for 0).
    int pending() const { return m_pending; }

signals:
    /// After a network was created, started, stopped, changed or deleted.
    void networksChanged();

private:
    void updateButtons();
    void reloadLeases();
    void showError(const QString &text);
    void showInfo(const QString &text);
    void newNetwork();
    void deleteSelected();
    template<typename T> void act(QFuture<T> future, const QString &done);

    QPointer<models::HostSession> m_session;
    models::NetworkListModel *m_model;
    models::DhcpLeaseModel *m_leaseModel;
    QLabel *m_message;
    QTableView *m_table;
    QGroupBox *m_leasesBox;
    QTableView *m_leases;
    QLabel *m_leasesStatus;
    QPushButton *m_new, *m_start, *m_stop, *m_autostart, *m_delete, *m_refresh;
    QTimer m_leaseTimer;
    quint64 m_generation = 0;
    quint64 m_leaseGeneration = 0;
    int m_pending = 0;
    std::function<bool(const QString &)> m_confirm;
    std::function<void(QDialog *)> m_runDialog;
};

} // namespace crossvirt::views
