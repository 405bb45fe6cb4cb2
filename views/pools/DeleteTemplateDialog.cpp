#include "views/pools/DeleteTemplateDialog.h"

#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "models/templates/VmTemplates.h"
#include "views/dialogs/FieldMessage.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace crossvirt::views {

DeleteTemplateDialog::DeleteTemplateDialog(models::HostSession *session, const QString &uuid,
                                           const QString &name, const QString &hostName,
                                           QWidget *parent)
    : QDialog(parent), m_session(session), m_uuid(uuid)
{
    setWindowTitle(tr("Delete Template"));
    setMinimumWidth(560);
    auto *layout = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(32, 32));
    icon->setAlignment(Qt::AlignTop);
    row->addWidget(icon);
    auto *text = new QLabel(
        tr("Delete the template “%1” on %2?\n\nVMs made from it as full copies are not "
           "touched. While a VM still has an overlay on its volumes, the template cannot be "
           "deleted.")
            .arg(name, hostName),
        this);
    text->setWordWrap(true);
    text->setTextFormat(Qt::PlainText);
    row->addWidget(text, 1);
    layout->addLayout(row);
    m_withVolumes = new QCheckBox(tr("Also delete its &base volumes"), this);
    layout->addWidget(m_withVolumes);
    m_status = new QLabel(this);
    layout->addWidget(m_status);
    m_error = makeFieldError(this);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_delete = buttons->addButton(tr("&Delete Template"), QDialogButtonBox::DestructiveRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_delete, &QPushButton::clicked, this, &DeleteTemplateDialog::run);
    adjustSize();
}

void DeleteTemplateDialog::run()
{
    if (m_running)
        return;
    if (!m_session) {
        setFieldErrors(m_error, {tr("The host is gone from the list.")});
        return;
    }
    m_running = true;
    m_delete->setEnabled(false);
    setFieldErrors(m_error, {});
    m_status->setText(tr("Deleting…"));
    const QString uri = m_session->uri();
    models::whenFinished(
        models::deleteTemplate(m_session, m_uuid, m_withVolumes->isChecked()), this,
        [this, uri] {
            m_running = false;
            emit templateDeleted(uri, m_uuid);
            accept();
        },
        [this](const QString &error) {
            // A refusal names what keeps the template (its VMs); nothing was deleted.
            m_running = false;
            m_status->clear();
            m_delete->setEnabled(true);
            setFieldErrors(m_error, {tr("The template was not deleted: %1").arg(error)});
            adjustSize(); // room for the reason
        });
}

} // namespace crossvirt::views
