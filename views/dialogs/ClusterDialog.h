#pragma once

#include "models/cluster/Cluster.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace crossvirt::models {
class ClusterList;
class Datacenter;
class HostCapabilitiesService;
} // namespace crossvirt::models

namespace crossvirt::views {

class ChoiceCombo;

/// oVirt's cluster dialog: name, description, guest architecture (what the connected
/// hosts can run), CPU type of that arch, whether hosts may emulate it, and the member
/// hosts. Hosts of the arch are offered; others only when emulation is allowed, marked
/// as emulating; the rest are shown greyed with the reason. The arch is locked while
/// the cluster has hosts. The caller stores cluster() in the ClusterList on accept.
class ClusterDialog : public QDialog
{
    Q_OBJECT
public:
    /// A new cluster (`existing` unset) or an edit of `existing`. `capabilities`: the
    /// app's shared per-host cache (placement uses each host's capabilities); nullptr
    /// makes one for this dialog.
    ClusterDialog(models::Datacenter *datacenter, models::ClusterList *clusters,
                  models::HostCapabilitiesService *capabilities,
                  const std::optional<models::Cluster> &existing = std::nullopt,
                  QWidget *parent = nullptr);
    ClusterDialog(models::Datacenter *datacenter, models::ClusterList *clusters,
                  const std::optional<models::Cluster> &existing = std::nullopt,
                  QWidget *parent = nullptr);

    models::Cluster cluster() const;

    QLineEdit *nameEdit() const { return m_name; }
    QLabel *nameError() const { return m_nameError; }
    QLineEdit *descriptionEdit() const { return m_description; }
    QComboBox *archCombo() const { return m_arch; }
    QLabel *archNote() const { return m_archNote; }
    ChoiceCombo *cpuCombo() const { return m_cpu; }
    QCheckBox *emulationCheck() const { return m_emulation; }
    QTreeWidget *hostList() const { return m_hosts; }
    QPushButton *okButton() const;

    /// Columns of hostList().
    enum HostColumn
    {
        HostNameColumn,
        HostArchColumn,
        HostRunsColumn
    };

private:
    void fillArches();
    void archChanged();
    void refreshHosts();
    void updateArchLock();
    void validate();
    QString currentArch() const;

    models::Datacenter *m_datacenter;
    models::ClusterList *m_clusters;
    models::HostCapabilitiesService *m_capabilities;
    models::Cluster m_cluster;
    QLineEdit *m_name;
    QLabel *m_nameError;
    QLineEdit *m_description;
    QLabel *m_descriptionError;
    QComboBox *m_arch;
    QLabel *m_archNote;
    ChoiceCombo *m_cpu;
    QCheckBox *m_emulation;
    QTreeWidget *m_hosts;
    QLabel *m_hostsNote;
    QDialogButtonBox *m_buttons;
    bool m_refreshing = false;
};

} // namespace crossvirt::views
