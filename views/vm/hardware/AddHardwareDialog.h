#pragma once

#include "models/provisioning/StorageInventory.h"
#include "models/vmedit/VmEdit.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace crossvirt::models {
class HostSession;
} // namespace crossvirt::models

namespace crossvirt::views {

class ChoiceCombo;
class AddHardwarePage;

/// Adds a device to an existing VM (virt-manager's Add Hardware): the kinds the VM's arch
/// offers on the left (withheld ones greyed, with the reason as tooltip and on their
/// page), the chosen kind's page on the right, and at the bottom the verdict of
/// planAddDevice(): added now, at the next boot (and why not now), or refused (and why;
/// Add is then disabled). Add runs applyEdit() on the host's worker; a failure is shown in
/// words and the dialog stays open; on success deviceAdded() is emitted and it closes.
class AddHardwareDialog : public QDialog
{
    Q_OBJECT
public:
    AddHardwareDialog(models::HostSession *session, const models::VmEditContext &ctx,
                      QWidget *parent = nullptr);

    /// Kind ids in display order (arch::HardwareKind), offered or not.
    QStringList kindIds() const;
    bool isKindOffered(const QString &kind) const;
    /// Why `kind` is withheld (empty when offered).
    QString kindReason(const QString &kind) const;
    /// Shows the page of `kind` (withheld kinds too); false when the list lacks it.
    bool selectKind(const QString &kind);
    QString currentKind() const;

    /// The request the current page describes.
    models::AddDeviceRequest request() const;
    /// The page of `kind` (nullptr when absent), to reach its fields.
    AddHardwarePage *page(const QString &kind) const;
    /// The main list of `kind`'s page (interface, model, type), or nullptr.
    ChoiceCombo *choiceCombo(const QString &kind) const;

    /// True once the host's storage, networks and devices have arrived (or failed).
    bool isReady() const;
    /// "Added to the running guest now", "Added at the next boot: …", "Cannot be added: …".
    QString verdictText() const;
    /// The withheld-kind line on the right-hand page (empty when the kind is offered).
    QString kindNoteText() const;
    /// The error of the last Add (empty when none).
    QString errorText() const;
    QListWidget *kindList() const { return m_kinds; }
    QPushButton *addButton() const;

    void accept() override;

signals:
    /// The device was added; `summary` says what and when ("VirtIO disk vdb, now").
    void deviceAdded(const QString &summary);

private:
    void buildPages();
    void applyStorage(const models::StorageSnapshot &storage);
    void storageFailed(const QString &error);
    void devicesFailed(const QString &error);
    void addPage(AddHardwarePage *page);
    void showKind(int row);
    void updateVerdict();

    QPointer<models::HostSession> m_session;
    models::VmEditContext m_ctx;
    arch::ChoiceList m_kindChoices;
    QHash<QString, AddHardwarePage *> m_pages;
    std::optional<models::EditPlan> m_plan;
    bool m_storageLoaded = false;
    bool m_devicesLoaded = false;
    bool m_applying = false;

    QListWidget *m_kinds;
    QLabel *m_title;
    QLabel *m_kindNote;
    QStackedWidget *m_stack;
    QLabel *m_verdict;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace crossvirt::views
