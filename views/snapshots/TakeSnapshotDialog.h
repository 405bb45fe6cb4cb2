#pragma once

#include "models/snapshots/Snapshots.h"

#include <QDialog>
#include <QPointer>
#include <optional>

class QButtonGroup;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace crossvirt::models {
class HostSession;
}

namespace crossvirt::views {

/// Take Snapshot: a name (suggested, checked live), a description and the ways the guest
/// can be snapshotted now as radio buttons. A running guest has "Internal (with memory)",
/// "External with memory" and "External, disks only"; a shut-off one "Internal" and
/// "External". A way the arch class withholds stays visible but disabled, with its reason
/// beside it. Errors (libvirt's text) show in the dialog, which stays open to retry.
class TakeSnapshotDialog : public QDialog
{
    Q_OBJECT
public:
    /// The ways offered, in the order shown.
    enum class Mode
    {
        Internal,
        ExternalWithMemory,
        ExternalDiskOnly,
    };

    /// Reads the VM (loadSnapshots) on the host's worker unless `known` is given; `vmName`
    /// titles the dialog until then. With a null `session`, call setSnapshots() (tests).
    TakeSnapshotDialog(models::HostSession *session, const QString &uuid, const QString &vmName,
                       const models::VmSnapshots *known = nullptr, QWidget *parent = nullptr);
    ~TakeSnapshotDialog() override;

    /// Shows the form for the VM as `snapshots` describes it.
    void setSnapshots(const models::VmSnapshots &snapshots);
    bool isReady() const { return m_snapshots.has_value() || m_loadFailed; }
    bool isTaking() const { return m_taking; }

    QLineEdit *nameEdit() const { return m_name; }
    QPlainTextEdit *descriptionEdit() const { return m_description; }
    QLabel *nameProblemLabel() const { return m_nameProblem; }
    /// The radio button of `mode` (hidden when the guest's state has no such way).
    QRadioButton *modeButton(Mode mode) const;
    /// The reason shown beside a withheld `mode` (hidden when it is offered).
    QLabel *modeReasonLabel(Mode mode) const;
    /// The arch's caveat of an internal snapshot, shown while Internal is chosen.
    QLabel *noteLabel() const { return m_note; }
    /// Why nothing can be taken, or what failed (libvirt's text).
    QLabel *errorLabel() const { return m_error; }
    QProgressBar *busyBar() const { return m_busy; }
    QPushButton *takeButton() const;
    /// The chosen way, if one is chosen.
    std::optional<Mode> chosenMode() const;
    /// What the form asks for now.
    models::SnapshotRequest request() const;

    /// Takes the snapshot (the Take button).
    void take();
    void reject() override;

signals:
    /// The snapshot exists (the dialog then closes).
    void taken(const models::SnapshotInfo &snapshot);

private:
    void buildForm(QWidget *page);
    void validate();
    void setTaking(bool taking);
    void showFailure(const QString &text);
    const arch::Operation &operation(Mode mode) const;

    QPointer<models::HostSession> m_session;
    QString m_uuid;
    QString m_vmName;
    std::optional<models::VmSnapshots> m_snapshots;
    bool m_loadFailed = false;
    bool m_taking = false;
    QString m_failure; ///< what the last attempt's failure said

    QLabel *m_heading;
    QLabel *m_loading;
    QWidget *m_form;
    QLineEdit *m_name = nullptr;
    QLabel *m_nameProblem = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QButtonGroup *m_modes = nullptr;
    QRadioButton *m_modeButtons[3] = {};
    QLabel *m_modeReasons[3] = {};
    QLabel *m_note = nullptr;
    QLabel *m_error;
    QLabel *m_status;
    QProgressBar *m_busy;
    QDialogButtonBox *m_buttons;
};

} // namespace crossvirt::views
