#include "views/dialogs/newvm/NewVmPage.h"

#include "views/dialogs/FieldMessage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace crossvirt::views {

QLabel *NewVmPage::errorLabel(const QString &fieldId)
{
    QLabel *error = makeFieldError(this);
    m_errorLabels.insert(fieldId, error);
    return error;
}

QWidget *NewVmPage::withError(QWidget *field, const QString &fieldId, QLabel *note)
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    if (note)
        layout->addWidget(note);
    layout->addWidget(errorLabel(fieldId));
    return box;
}

} // namespace crossvirt::views
