#pragma once

#include "models/vmedit/VmEdit.h"

#include <QDialog>
#include <QPointer>
#include <optional>

class QDialogButtonBox;
class QLabel;
class QPushButton;

namespace crossvirt::models {
class HostSession;
} // namespace crossvirt::models

namespace crossvirt::views {

/// Asks before removing one device of a VM, naming it ("Remove VirtIO Disk vdb
/// (default/data.qcow2) from web-01?"), saying when it goes (planRemoveDevice(): from the
/// running guest now, or at the next boot and why not now, or not at all and why) and
/// that a disk's volume is kept. Remove runs applyEdit() on the host's worker; a failure is
/// shown in words and the dialog stays open; on success deviceRemoved() is emitted.
class RemoveDeviceDialog : public QDialog
{
    Q_OBJECT
public:
    RemoveDeviceDialog(models::HostSession *session, const models::VmEditContext &ctx,
                       const QString &deviceId, QWidget *parent = nullptr);

    /// "Remove VirtIO Disk vdb (default/data.qcow2) from web-01?"
    QString questionText() const;
    /// When the device goes, or why it cannot.
    QString timingText() const;
    /// "The volume itself is kept…" for disks and CD-ROMs with a medium; else empty.
    QString keptText() const;
    QString errorText() const;
    QPushButton *removeButton() const;

    void accept() override;

signals:
    /// The device was removed; `summary` says what and when ("VirtIO Disk vdb, now").
    void deviceRemoved(const QString &summary);

private:
    void updateButtons();

    QPointer<models::HostSession> m_session;
    models::VmEditContext m_ctx;
    QString m_deviceId;
    std::optional<models::EditPlan> m_plan;
    bool m_applying = false;

    QLabel *m_question;
    QLabel *m_timing;
    QLabel *m_kept;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace crossvirt::views
