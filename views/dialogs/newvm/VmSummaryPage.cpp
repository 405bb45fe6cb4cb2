#include "views/dialogs/newvm/VmSummaryPage.h"

#include "views/dialogs/FieldMessage.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace crossvirt::views {

VmSummaryPage::VmSummaryPage(QWidget *parent) : NewVmPage(parent)
{
    setTitle(tr("Summary"));
    setSubTitle(tr("Where the VM will run and the definition Crossvirt will give libvirt."));
    auto *layout = new QVBoxLayout(this);
    m_placement = new QLabel(this);
    m_placement->setWordWrap(true);
    m_placement->setTextFormat(Qt::PlainText);
    layout->addWidget(m_placement);
    m_xml = new QPlainTextEdit(this);
    m_xml->setReadOnly(true);
    m_xml->setAccessibleName(tr("Domain XML"));
    m_xml->setAccessibleDescription(tr("The definition Crossvirt will give libvirt"));
    m_xml->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_xml->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(m_xml, 1);
    m_start = new QCheckBox(tr("&Start the VM after creating it"), this);
    m_start->setChecked(true);
    m_openConsole = new QCheckBox(tr("&Open its console"), this);
    m_openConsole->setChecked(true);
    connect(m_start, &QCheckBox::toggled, m_openConsole, &QWidget::setEnabled);
    auto *checks = new QHBoxLayout;
    checks->addWidget(m_start);
    checks->addWidget(m_openConsole);
    checks->addStretch();
    layout->addLayout(checks);
    m_status = new QLabel(this);
    layout->addWidget(m_status);
    m_createError = makeFieldError(this);
    m_createError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_createError);
}

} // namespace crossvirt::views
