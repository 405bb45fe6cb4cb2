#pragma once

#include "models/inventory/InventoryTypes.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QTreeWidget;

namespace crossvirt::views {

/// A VM's Overview: arch (native or emulated), machine, CPU, memory, disks with
/// their buses, NICs with their models, graphics and consoles.
class OverviewPage : public QWidget
{
    Q_OBJECT
public:
    explicit OverviewPage(QWidget *parent = nullptr);

    void showDetails(const models::DomainDetails &details, const QString &hostArch);
    void showMessage(const QString &text);
    /// The State the page shows ("Running", "Paused"...), for tests.
    QString stateText() const;

private:
    QLabel *m_title;
    QLabel *m_message;
    QWidget *m_content;
    QLabel *m_state, *m_arch, *m_machine, *m_cpu, *m_vcpus, *m_memory, *m_firmware, *m_graphics,
        *m_consoles, *m_video;
    QTreeWidget *m_disks;
    QTreeWidget *m_nics;
};

} // namespace crossvirt::views
