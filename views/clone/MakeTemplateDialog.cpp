#include "views/clone/MakeTemplateDialog.h"

#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "views/dialogs/FieldMessage.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace crossvirt::views {

using namespace Qt::StringLiterals;

QString MakeTemplateDialog::refusal(const models::DomainSummary &vm)
{
    if (vm.isTemplate)
        return tr("“%1” already is a template.").arg(vm.name);
    if (models::isActive(vm.state))
        return tr("“%1” is running. Shut it down first: a template's disks must not change "
                  "under it.")
            .arg(vm.name);
    if (!vm.persistent)
        return tr("“%1” is transient: it has no definition for libvirt to keep as a template.")
            .arg(vm.name);
    return {};
}

MakeTemplateDialog::MakeTemplateDialog(models::HostSession *session,
                                       const models::DomainSummary &vm, QWidget *parent)
    : QDialog(parent), m_session(session), m_vm(vm)
{
    setWindowTitle(tr("Make Template of %1").arg(vm.name));
    auto *layout = new QVBoxLayout(this);
    auto *heading =
        new QLabel(tr("<b>Make a template of “%1”</b>").arg(vm.name.toHtmlEscaped()), this);
    layout->addWidget(heading);
    // A refusal comes first: it is the one thing to read.
    m_refusal = makeFieldError(this);
    layout->addWidget(m_refusal);

    auto *what = new QLabel(this);
    what->setWordWrap(true);
    what->setTextFormat(Qt::RichText);
    what->setText(
        tr("<p>“%1” becomes a template, in place:</p><ul>"
           "<li>its disks become read-only bases;</li>"
           "<li>it can no longer be started;</li>"
           "<li>new virtual machines and VM pools are made from it, their disks as overlays "
           "on its bases or as full copies.</li></ul>"
           "<p>The template is kept in libvirt itself: every Crossvirt connected to this host "
           "sees it.</p>")
            .arg(vm.name.toHtmlEscaped()));
    layout->addWidget(what);

    auto *descriptionLabel = new QLabel(tr("&Description:"), this);
    layout->addWidget(descriptionLabel);
    m_description = new QPlainTextEdit(this);
    m_description->setAccessibleName(tr("Description of the template"));
    m_description->setPlaceholderText(tr("What the template is for (optional)"));
    m_description->setTabChangesFocus(true);
    descriptionLabel->setBuddy(m_description);
    layout->addWidget(m_description, 1);

    m_error = makeFieldError(this);
    layout->addWidget(m_error);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    makeButton()->setText(tr("&Make Template"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &MakeTemplateDialog::makeTemplate);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    const QString why = refusal(vm);
    setFieldErrors(m_refusal, why.isEmpty() ? QStringList() : QStringList{why});
    m_description->setEnabled(why.isEmpty());
    makeButton()->setEnabled(why.isEmpty());
    makeButton()->setToolTip(why);
    resize(520, 420);
}

QPushButton *MakeTemplateDialog::makeButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void MakeTemplateDialog::makeTemplate()
{
    if (!m_session || m_working || !refusal(m_vm).isEmpty())
        return;
    m_working = true;
    makeButton()->setEnabled(false);
    m_description->setEnabled(false);
    setFieldErrors(m_error, {});
    models::whenFinished(
        models::makeTemplate(m_session, m_vm.uuid, m_description->toPlainText().trimmed()), this,
        [this](const models::TemplateInfo &info) {
            m_working = false;
            emit templateMade(info);
            accept();
        },
        [this](const QString &error) {
            // makeTemplate changed nothing: the user may fix the cause and try again.
            m_working = false;
            setFieldErrors(m_error, {tr("Could not make the template: %1").arg(error)});
            makeButton()->setEnabled(true);
            m_description->setEnabled(true);
        });
}

} // namespace crossvirt::views
