#pragma once

#include "models/inventory/InventoryTypes.h"

#include <QPointer>
#include <QWidget>

class QFormLayout;
class QLabel;
class QTreeWidget;

namespace crossvirt::models {
class HostSession;
class NicAddressWatcher;
} // namespace crossvirt::models

namespace crossvirt::views {

/// A VM's Overview: arch (native or emulated), machine, CPU, memory, disks with
/// their buses, NICs with their models and IP addresses, graphics and consoles.
class OverviewPage : public QWidget
{
    Q_OBJECT
public:
    explicit OverviewPage(QWidget *parent = nullptr);

    void showDetails(const models::DomainDetails &details, const QString &hostArch);
    void showMessage(const QString &text);
    /// The host of the VM shown next: while the VM runs, its NICs' IP addresses are read
    /// on that host's worker every few seconds (models::NicAddressWatcher).
    void setHostSession(models::HostSession *session);
    /// The IP addresses column of the NIC row with `mac` (for tests).
    QString nicAddressesText(const QString &mac) const;
    /// The State the page shows ("Running", "Paused"...), for tests.
    QString stateText() const;
    /// The "Made from" and "VM pool" rows, empty when hidden (for tests).
    QString fromTemplateText() const;
    QString vmPoolText() const;

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QLabel *m_title;
    QLabel *m_message;
    QWidget *m_content;
    QLabel *m_state, *m_arch, *m_machine, *m_cpu, *m_vcpus, *m_memory, *m_firmware, *m_graphics,
        *m_consoles, *m_video;
    QTreeWidget *m_disks;
    QTreeWidget *m_nics;
    QFormLayout *m_generalForm = nullptr;
    QLabel *m_fromTemplate = nullptr; ///< "template web-tpl" (row hidden when not made from one)
    QLabel *m_vmPool = nullptr;       ///< the VM pool (row hidden when in none)
    QPointer<models::HostSession> m_session;
    models::NicAddressWatcher *m_addresses;
    QString m_watchedUuid; ///< the running VM whose addresses are read while shown
};

} // namespace crossvirt::views
