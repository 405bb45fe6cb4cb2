#pragma once

#include "models/clone/VmClone.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace crossvirt::models {
class HostSession;
}

namespace crossvirt::views {

/// virt-manager's Clone Virtual Machine dialog over models/clone: the new name (checked
/// live by planClone), what happens to each disk (Copy / Share / New empty disk, only the
/// modes that disk allows, with the plan's reason), the new MACs and the NVRAM copy, then
/// VmCloner with a progress bar per disk and overall; Cancel during the copy removes what
/// was copied. A running source is refused with the reason instead of the form.
class CloneDialog : public QDialog
{
    Q_OBJECT
public:
    /// Reads the source (loadCloneSource) on the host's worker; `vmName` titles the dialog
    /// until it arrives. With a null `session` nothing is read: call setSource().
    CloneDialog(models::HostSession *session, const QString &uuid, const QString &vmName,
                QWidget *parent = nullptr);
    ~CloneDialog() override;

    /// Shows the form for `source` (or the refusal when it is running).
    void setSource(const models::CloneSource &source);
    /// True once the source is known (form or refusal shown).
    bool isReady() const { return m_source.has_value() || m_loadFailed; }
    bool isCloning() const;
    /// The plan the form shows now.
    const models::ClonePlan &plan() const { return m_plan; }

    /// Disk table columns.
    enum Column
    {
        DiskColumn,
        SourceColumn,
        SizeColumn,
        ModeColumn,
        NewVolumeColumn,
        NotesColumn,
        ProgressColumn,
        ColumnCount
    };

    QLineEdit *nameEdit() const { return m_name; }
    QLabel *problemsLabel() const { return m_problems; }
    QTableWidget *diskTable() const { return m_disks; }
    /// The mode combo of disk `row` (plan order).
    QComboBox *modeCombo(int row) const;
    QProgressBar *diskProgress(int row) const;
    QLabel *refusalLabel() const { return m_refusal; }
    QLabel *macsLabel() const { return m_macs; }
    QLabel *nvramLabel() const { return m_nvram; }
    QLabel *totalLabel() const { return m_total; }
    QLabel *statusLabel() const { return m_status; }
    QProgressBar *overallProgress() const { return m_overall; }
    QPushButton *cloneButton() const;
    QPushButton *cancelButton() const;

    /// Runs the plan (the Clone button).
    void startClone();
    /// Shows where a clone is (VmCloner's progress; public so a screenshot can show it).
    void showProgress(const models::CloneProgress &progress);
    /// Cancels a running clone (the dialog stays open to say what happened), else closes.
    void reject() override;

signals:
    /// The clone exists (the dialog then closes).
    void cloned(const models::CloneResult &result);

private:
    void buildForm(QWidget *page);
    void fillDisks();
    void replan();
    void showPlan();
    void setCloning(bool cloning);
    void fitTableToRows();
    void showRefusal(const QString &text);
    void onFailed(const QString &message, bool cancelled);
    models::CloneRequest request() const;

    QPointer<models::HostSession> m_session;
    QString m_uuid;
    QString m_vmName;
    std::optional<models::CloneSource> m_source;
    bool m_loadFailed = false;
    models::ClonePlan m_plan;
    QMap<QString, models::CloneDiskMode> m_defaultModes; ///< target -> the plan's own mode
    models::VmCloner *m_cloner = nullptr;

    QLabel *m_heading;
    QWidget *m_form;
    QLabel *m_loading;
    QLabel *m_refusal;
    QLineEdit *m_name = nullptr;
    QLabel *m_problems = nullptr;
    QTableWidget *m_disks = nullptr;
    QLabel *m_macs = nullptr;
    QLabel *m_nvram = nullptr;
    QLabel *m_total = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_overall = nullptr;
    QDialogButtonBox *m_buttons;
};

} // namespace crossvirt::views
