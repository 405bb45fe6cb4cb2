#pragma once

#include "models/inventory/InventoryTypes.h"

#include <QDialog>

class QPushButton;
class QTreeWidget;

namespace crossvirt::views {

/// Confirms deleting one VM and picks which of its storage volumes go with it, like
/// virt-manager's Delete dialog: each volume has a checkbox, unchecked by default, and a
/// note when it is read-only, shareable, a CD-ROM, or used by another VM on the host (then
/// it cannot be ticked: the host refuses to delete it anyway).
class DeleteVmDialog : public QDialog
{
    Q_OBJECT
public:
    DeleteVmDialog(const QString &vmName, bool running, const QList<models::DomainVolume> &volumes,
                   QWidget *parent = nullptr);

    /// The paths (DomainVolume::path) of the ticked volumes.
    QStringList selectedVolumes() const;

    QTreeWidget *volumeList() const { return m_volumes; }
    QPushButton *deleteButton() const { return m_delete; }

    enum Column
    {
        PathColumn,
        TargetColumn,
        NotesColumn
    };

private:
    QTreeWidget *m_volumes;
    QPushButton *m_delete;
};

} // namespace crossvirt::views
