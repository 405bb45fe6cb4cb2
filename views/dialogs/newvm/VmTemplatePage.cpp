#include "views/dialogs/newvm/VmTemplatePage.h"

#include "views/common/Accessibility.h"
#include "views/dialogs/FieldMessage.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace crossvirt::views {

namespace {

// A field with its note and error under it. The errors are the template flow's own (not
// the install path's field ids, which NewVmDialog::validate() clears).
QWidget *stacked(QWidget *parent, QWidget *field, QLabel *note, QLabel *error)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    if (note)
        layout->addWidget(note);
    layout->addWidget(error);
    return box;
}

} // namespace

VmTemplatePage::VmTemplatePage(QWidget *parent) : NewVmPage(parent)
{
    setTitle(tr("From a template"));
    setSubTitle(tr("The template decides the OS, the resources and the devices; choose the "
                   "name, the host and how the disks are made."));
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_template = new QLabel(this);
    m_template->setWordWrap(true);
    m_template->setTextFormat(Qt::PlainText);
    form->addRow(tr("Template:"), m_template);

    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("e.g. web-01"));
    m_nameError = makeFieldError(this);
    form->addRow(tr("&Name:"), stacked(this, m_name, nullptr, m_nameError));

    m_host = new QComboBox(this);
    m_hostNote = makeFieldNote(this);
    m_hostError = makeFieldError(this);
    form->addRow(tr("&Host:"), stacked(this, m_host, m_hostNote, m_hostError));

    m_overlay = new QRadioButton(tr("&Overlay on the template's volumes"), this);
    m_copy = new QRadioButton(tr("&Full copy"), this);
    auto *group = new QButtonGroup(this);
    group->addButton(m_overlay);
    group->addButton(m_copy);
    m_diskNote = makeFieldNote(this);
    auto *disks = new QWidget(this);
    auto *diskLayout = new QVBoxLayout(disks);
    diskLayout->setContentsMargins(0, 0, 0, 0);
    diskLayout->setSpacing(2);
    diskLayout->addWidget(m_overlay);
    diskLayout->addWidget(m_copy);
    form->addRow(tr("Disks:"), disks);
    // Its own row: a word-wrapped note nested in the radios' box kept its first height.
    form->addRow(QString(), m_diskNote);

    m_start = new QCheckBox(tr("&Start the VM after creating it"), this);
    form->addRow(QString(), m_start);
    labelFormFields(form);

    connect(m_name, &QLineEdit::textChanged, this, &NewVmPage::changed);
    connect(m_overlay, &QRadioButton::toggled, this, &NewVmPage::changed);
    connect(m_start, &QCheckBox::toggled, this, &NewVmPage::changed);
    connect(m_host, &QComboBox::currentIndexChanged, this, &NewVmPage::changed);
}

VmTemplateSummaryPage::VmTemplateSummaryPage(QWidget *parent) : NewVmPage(parent)
{
    setTitle(tr("Summary"));
    setSubTitle(tr("Where the VM will run and what Crossvirt will make from the template."));
    auto *layout = new QVBoxLayout(this);
    m_placement = new QLabel(this);
    m_placement->setWordWrap(true);
    m_placement->setTextFormat(Qt::PlainText);
    layout->addWidget(m_placement);
    m_problems = makeFieldError(this);
    layout->addWidget(m_problems);
    m_details = new QPlainTextEdit(this);
    m_details->setReadOnly(true);
    m_details->setAccessibleName(tr("What will be made"));
    m_details->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(m_details, 1);
    m_progress = new QProgressBar(this);
    m_progress->setAccessibleName(tr("Progress"));
    m_progress->hide();
    layout->addWidget(m_progress);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_error = makeFieldError(this);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_error);
}

} // namespace crossvirt::views
