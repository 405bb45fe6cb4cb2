#pragma once

#include "models/inventory/InventoryTypes.h"
#include "models/provisioning/HostChoices.h"
#include "models/provisioning/ProvisioningJobs.h"
#include "models/provisioning/StorageInventory.h"
#include "models/provisioning/VmSpecValidator.h"

#include <QDialog>
#include <QPointer>
#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace crossvirt::models {
class HostCapabilitiesService;
class HostSession;
} // namespace crossvirt::models

namespace crossvirt::views {

class ChoiceCombo;

/// Adds a new disk to an existing VM: pool (with its free space), size, format and the
/// interfaces the VM's arch and machine allow; a running VM is offered only those that
/// can be hot-plugged, and the note says which were left out and why. Attach creates
/// the volume and attaches it (live and persistent when running, persistent when not);
/// a failure is shown inline and the dialog stays open.
class NewDiskDialog : public QDialog
{
    Q_OBJECT
public:
    NewDiskDialog(models::HostSession *session, const models::DomainSummary &vm,
                  QWidget *parent = nullptr);
    /// `capabilities`: the app's shared per-host cache (nullptr: one for this dialog).
    NewDiskDialog(models::HostSession *session, const models::DomainSummary &vm,
                  models::HostCapabilitiesService *capabilities, QWidget *parent = nullptr);

    /// True once the host's choices, storage and the VM's devices have arrived.
    bool isReady() const;
    models::AttachDiskSpec spec() const;
    QList<models::ValidationProblem> problems() const { return m_problems; }
    /// "Attached as sdb on bus scsi" preview (empty while not known).
    QString targetPreview() const;

    QComboBox *poolCombo() const { return m_pool; }
    QSpinBox *sizeSpin() const { return m_size; }
    QComboBox *formatCombo() const { return m_format; }
    ChoiceCombo *interfaceCombo() const { return m_interface; }
    QLabel *modeLabel() const { return m_mode; }
    QPushButton *attachButton() const;
    /// The inline message under a field ("pool", "size", "diskInterface", "attach").
    QString fieldMessage(const QString &field) const;

    void accept() override;

signals:
    void diskAttached(const crossvirt::models::AttachedDisk &disk);

private:
    void applyContext(const models::GuestHostContext &context);
    void applyStorage();
    void validate();
    bool running() const;

    QPointer<models::HostSession> m_session;
    models::DomainSummary m_vm;
    std::optional<models::GuestHostContext> m_context;
    std::optional<models::StorageSnapshot> m_storage;
    QString m_domainXml;
    bool m_detailsLoaded = false;
    bool m_attaching = false;
    QList<models::ValidationProblem> m_problems;
    QString m_preview;

    QLabel *m_mode;
    QComboBox *m_pool;
    QLabel *m_poolError;
    QSpinBox *m_size;
    QLabel *m_sizeError;
    QComboBox *m_format;
    ChoiceCombo *m_interface;
    QLabel *m_interfaceError;
    QLabel *m_target;
    QLabel *m_attachError;
    QDialogButtonBox *m_buttons;
};

} // namespace crossvirt::views
