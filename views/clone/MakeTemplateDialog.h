#pragma once

#include "models/inventory/InventoryTypes.h"
#include "models/templates/VmTemplates.h"

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace crossvirt::models {
class HostSession;
}

namespace crossvirt::views {

/// Turns a shut-off VM into a template (models::makeTemplate): a description, what will
/// happen to the VM (its disks become read-only bases, it can no longer be started, new
/// VMs are made from it), and the reason when its state refuses it.
class MakeTemplateDialog : public QDialog
{
    Q_OBJECT
public:
    /// With a null `session` the dialog only shows (screenshots); Make Template does nothing.
    MakeTemplateDialog(models::HostSession *session, const models::DomainSummary &vm,
                       QWidget *parent = nullptr);

    /// Why `vm` cannot become a template ("" when it can): running, transient, already one.
    static QString refusal(const models::DomainSummary &vm);

    QPlainTextEdit *descriptionEdit() const { return m_description; }
    QLabel *refusalLabel() const { return m_refusal; }
    QLabel *errorLabel() const { return m_error; }
    QPushButton *makeButton() const;
    bool isWorking() const { return m_working; }

    /// Runs makeTemplate (the Make Template button).
    void makeTemplate();

signals:
    void templateMade(const models::TemplateInfo &info);

private:
    QPointer<models::HostSession> m_session;
    models::DomainSummary m_vm;
    QPlainTextEdit *m_description;
    QLabel *m_refusal;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    bool m_working = false;
};

} // namespace crossvirt::views
