#pragma once

#include "models/templates/VmPools.h"

#include <QDialog>
#include <QList>
#include <QPointer>
#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTableWidget;
class QTreeWidget;

namespace crossvirt::models {
class ClusterList;
class Datacenter;
} // namespace crossvirt::models

namespace crossvirt::views {

class TemplateListing;

/// New VM Pool (oVirt's pools): a template (every connected host's, grouped by host), the
/// pool's name, a name pattern with a live preview, a count, where (clusters of the
/// template's arch, or one host that runs it; the others withheld with the reason), the
/// disk mode and whether to start the VMs. The placement table shows planVmPool's answer
/// (member → host, native or emulated) with the hosts it does not use and why; its problems
/// disable Create. Create runs VmPoolCreator: an overall progress bar and each member's row
/// turning done or failed (a failed member leaves the others).
class NewVmPoolDialog : public QDialog
{
    Q_OBJECT
public:
    /// Each target host's facts (guest context, storage, free memory) are read with
    /// models::loadPoolHostFacts when a template and a target are chosen.
    NewVmPoolDialog(models::Datacenter *datacenter, models::ClusterList *clusters,
                    QWidget *parent = nullptr);
    ~NewVmPoolDialog() override;

    /// True once every connected host listed its templates.
    bool templatesLoaded() const;
    /// Picks template `name` of host `uri`; false when it is not listed.
    bool selectTemplate(const QString &uri, const QString &name);
    /// Picks where the pool goes: a cluster id or a host URI; false when not offered.
    bool selectTarget(const QString &clusterIdOrUri);
    /// True once the target hosts' facts for the template are read (a plan is shown).
    bool isPlanned() const { return m_plan.has_value(); }
    const std::optional<models::VmPoolPlan> &plan() const { return m_plan; }
    bool isCreating() const;
    /// True once every member ended (made or failed).
    bool isFinished() const { return m_finished; }
    QList<models::VmPoolMemberResult> results() const { return m_results; }

    QTreeWidget *templateTree() const { return m_templates; }
    QLineEdit *poolNameEdit() const { return m_poolName; }
    QLineEdit *patternEdit() const { return m_pattern; }
    QSpinBox *countSpin() const { return m_count; }
    QLabel *previewLabel() const { return m_preview; }
    QLabel *patternError() const { return m_patternError; }
    QComboBox *targetCombo() const { return m_target; }
    QLabel *targetNote() const { return m_targetNote; }
    QRadioButton *overlayRadio() const { return m_overlay; }
    QRadioButton *copyRadio() const { return m_copy; }
    QCheckBox *startCheck() const { return m_start; }
    /// Member, host, how it runs, status.
    QTableWidget *placementTable() const { return m_table; }
    QLabel *withheldLabel() const { return m_withheld; }
    QLabel *problemsLabel() const { return m_problems; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *createButton() const { return m_create; }

signals:
    /// Every member ended; `results` in plan order.
    void poolCreated(const QString &pool,
                     const QList<crossvirt::models::VmPoolMemberResult> &results);

public:
    void reject() override;

private:
    void fillTemplates();
    void templateChanged();
    void fillTargets();
    void targetChanged();
    void updatePreview();
    void replan();
    void create();
    std::optional<models::TemplateInfo> currentTemplate() const;
    QStringList targetHostUris() const;
    void setInputsEnabled(bool enabled);

    models::Datacenter *m_datacenter;
    models::ClusterList *m_clusters;
    TemplateListing *m_listing;

    QTreeWidget *m_templates;
    QLineEdit *m_poolName;
    QLineEdit *m_pattern;
    bool m_patternEdited = false;
    QSpinBox *m_count;
    QLabel *m_preview;
    QLabel *m_patternError;
    QComboBox *m_target;
    QLabel *m_targetNote;
    QRadioButton *m_overlay;
    QRadioButton *m_copy;
    QLabel *m_diskNote;
    QCheckBox *m_start;
    QTableWidget *m_table;
    QLabel *m_withheld;
    QLabel *m_problems;
    QProgressBar *m_progress;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    QPushButton *m_create;

    QString m_templateKey;
    quint64 m_factsGeneration = 0;
    int m_factsPending = 0;
    QList<models::PoolHostFacts> m_facts;
    QStringList m_factErrors;
    std::optional<models::VmPoolPlan> m_plan;
    QPointer<models::VmPoolCreator> m_creator;
    QList<models::VmPoolMemberResult> m_results;
    bool m_finished = false;
};

} // namespace crossvirt::views
