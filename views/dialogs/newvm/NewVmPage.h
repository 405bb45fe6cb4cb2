#pragma once

#include <QHash>
#include <QWizardPage>
#include <functional>

class QLabel;

namespace crossvirt::views {

/// Base of the New VM wizard's pages: a page whose Next/Create button follows a predicate
/// the wizard sets, and whose fields each have an inline message label (by field id, the
/// ids of models::ValidationProblem). A page emits changed() when the user edits a field
/// the wizard only has to re-validate.
class NewVmPage : public QWizardPage
{
    Q_OBJECT
public:
    using QWizardPage::QWizardPage;

    std::function<bool()> complete;
    bool isComplete() const override { return complete ? complete() : true; }
    void recheck() { emit completeChanged(); }

    /// Field id -> the label that shows its problems.
    const QHash<QString, QLabel *> &errorLabels() const { return m_errorLabels; }

signals:
    void changed();

protected:
    /// `field` with its note (optional) and a new inline error label for `fieldId` under
    /// it, for a QFormLayout row.
    QWidget *withError(QWidget *field, const QString &fieldId, QLabel *note = nullptr);
    /// An error label for `fieldId` with no field of its own (e.g. firmware).
    QLabel *errorLabel(const QString &fieldId);

private:
    QHash<QString, QLabel *> m_errorLabels;
};

} // namespace crossvirt::views
