#include "views/dialogs/newvm/VmPlacementPage.h"
#include "views/common/Accessibility.h"

#include "models/osinfo/OsListModel.h"
#include "views/dialogs/ChoiceCombo.h"
#include "views/dialogs/FieldMessage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace crossvirt::views {

VmPlacementPage::VmPlacementPage(QWidget *parent) : NewVmPage(parent)
{
    setTitle(tr("Where and what"));
    setSubTitle(tr("Choose a cluster or a host, the guest architecture, the machine type "
                   "and the operating system."));
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_target = new QComboBox(this);
    form->addRow(tr("&Place in:"), m_target);
    m_arch = new QComboBox(this);
    m_archNote = makeFieldNote(this);
    form->addRow(tr("&Architecture:"), withError(m_arch, u"arch"_s, m_archNote));
    m_host = new QComboBox(this);
    m_hostNote = makeFieldNote(this);
    form->addRow(tr("&Host:"), withError(m_host, u"host"_s, m_hostNote));
    m_machine = new ChoiceCombo(this);
    form->addRow(tr("&Machine type:"), withError(m_machine, u"machine"_s));

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
    form->addRow(tr("&Name:"), withError(m_name, u"name"_s));
    labelFormFields(form);
    m_osSearch->setAccessibleName(tr("Search operating systems"));
    m_osList->setAccessibleName(tr("Operating system"));

    connect(m_osSearch, &QLineEdit::textChanged, m_osFilter,
            &models::OsFilterProxyModel::setSearchText);
    connect(m_showEol, &QCheckBox::toggled, m_osFilter,
            &models::OsFilterProxyModel::setShowEndOfLife);
    connect(m_name, &QLineEdit::textChanged, this, &NewVmPage::changed);
}

} // namespace crossvirt::views
