#include "views/dialogs/newvm/VmPlacementPage.h"
#include "views/common/Accessibility.h"

#include "models/osinfo/OsListModel.h"
#include "views/dialogs/ChoiceCombo.h"
#include "views/dialogs/FieldMessage.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QRadioButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace crossvirt::views {

VmPlacementPage::VmPlacementPage(QWidget *parent) : NewVmPage(parent)
{
    setTitle(tr("Where and what"));
    setSubTitle(tr("Choose a cluster or a host, the guest architecture, the machine type "
                   "and the operating system."));
    auto *form = new QFormLayout(this);
    m_form = form;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    // What the VM is made from: an OS install (the install methods follow on the next
    // page) or a template, which decides the arch, machine, OS and devices.
    m_fromInstall = new QRadioButton(tr("&Install an operating system"), this);
    m_fromTemplate = new QRadioButton(tr("From a &template"), this);
    m_fromInstall->setChecked(true);
    auto *sourceGroup = new QButtonGroup(this);
    sourceGroup->addButton(m_fromInstall);
    sourceGroup->addButton(m_fromTemplate);
    auto *sourceBox = new QWidget(this);
    auto *sourceRow = new QHBoxLayout(sourceBox);
    sourceRow->setContentsMargins(0, 0, 0, 0);
    sourceRow->addWidget(m_fromInstall);
    sourceRow->addWidget(m_fromTemplate);
    sourceRow->addStretch();
    form->addRow(tr("Create:"), sourceBox);

    m_target = new QComboBox(this);
    form->addRow(tr("&Place in:"), m_target);

    m_templates = new QTreeWidget(this);
    m_templates->setColumnCount(3);
    m_templates->setHeaderLabels({tr("Template"), tr("Arch"), tr("Details")});
    m_templates->setAllColumnsShowFocus(true);
    m_templates->setMinimumHeight(180);
    m_templates->setAccessibleName(tr("Templates"));
    m_templates->header()->setStretchLastSection(true);
    m_templateNote = makeFieldNote(this);
    m_templateBox = new QWidget(this);
    auto *templateLayout = new QVBoxLayout(m_templateBox);
    templateLayout->setContentsMargins(0, 0, 0, 0);
    templateLayout->setSpacing(2);
    templateLayout->addWidget(m_templates, 1);
    templateLayout->addWidget(m_templateNote);
    form->addRow(tr("T&emplate:"), m_templateBox);

    m_arch = new QComboBox(this);
    m_archNote = makeFieldNote(this);
    QWidget *archRow = withError(m_arch, u"arch"_s, m_archNote);
    form->addRow(tr("&Architecture:"), archRow);
    m_host = new QComboBox(this);
    m_hostNote = makeFieldNote(this);
    QWidget *hostRow = withError(m_host, u"host"_s, m_hostNote);
    form->addRow(tr("&Host:"), hostRow);
    m_machine = new ChoiceCombo(this);
    QWidget *machineRow = withError(m_machine, u"machine"_s);
    form->addRow(tr("&Machine type:"), machineRow);

    m_osModel = new models::OsListModel(this);
    m_osFilter = new models::OsFilterProxyModel(this);
    m_osFilter->setSourceModel(m_osModel);
    m_osSearch = new QLineEdit(this);
    m_osSearch->setPlaceholderText(tr("Search operating systems, e.g. \"rhel 9\" or \"debian\""));
    m_osSearch->setClearButtonEnabled(true);
    m_showEol = new QCheckBox(tr("Show end-of-life systems"), this);
    m_osList = new QListView(this);
    m_osList->setModel(m_osFilter);
    m_osList->setMinimumHeight(150);
    m_osList->setUniformItemSizes(true);
    m_osNote = makeFieldNote(this);
    auto *osBox = new QWidget(this);
    auto *osLayout = new QVBoxLayout(osBox);
    osLayout->setContentsMargins(0, 0, 0, 0);
    osLayout->setSpacing(2);
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_osSearch, 1);
    searchRow->addWidget(m_showEol);
    osLayout->addLayout(searchRow);
    osLayout->addWidget(m_osList);
    osLayout->addWidget(m_osNote);
    form->addRow(tr("&Operating system:"), osBox);

    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("e.g. web-01"));
    QWidget *nameRow = withError(m_name, u"name"_s);
    form->addRow(tr("&Name:"), nameRow);
    m_installRows = {archRow, hostRow, machineRow, osBox, nameRow};
    labelFormFields(form);
    m_osSearch->setAccessibleName(tr("Search operating systems"));
    m_osList->setAccessibleName(tr("Operating system"));

    connect(m_osSearch, &QLineEdit::textChanged, m_osFilter,
            &models::OsFilterProxyModel::setSearchText);
    connect(m_showEol, &QCheckBox::toggled, m_osFilter,
            &models::OsFilterProxyModel::setShowEndOfLife);
    connect(m_name, &QLineEdit::textChanged, this, &NewVmPage::changed);
    showTemplateRows(false);
}

void VmPlacementPage::showTemplateRows(bool fromTemplate)
{
    for (QWidget *row : std::as_const(m_installRows))
        m_form->setRowVisible(row, !fromTemplate);
    m_form->setRowVisible(m_templateBox, fromTemplate);
    setSubTitle(fromTemplate
                    ? tr("Choose a cluster or a host and a template of an arch it runs; the "
                         "template decides the machine, the OS and the devices.")
                    : tr("Choose a cluster or a host, the guest architecture, the machine "
                         "type and the operating system."));
}

} // namespace crossvirt::views
