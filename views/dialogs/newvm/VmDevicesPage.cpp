#include "views/dialogs/newvm/VmDevicesPage.h"
#include "views/common/Accessibility.h"

#include "views/dialogs/ChoiceCombo.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace crossvirt::views {

VmDevicesPage::VmDevicesPage(QWidget *parent) : NewVmPage(parent)
{
    setTitle(tr("Network and display"));
    setSubTitle(tr("Devices this architecture supports; what it does not is named "
                   "under each list."));
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_nic = new QCheckBox(tr("Add a network card"), this);
    m_nic->setChecked(true);
    form->addRow(QString(), m_nic);
    m_network = new QComboBox(this);
    form->addRow(tr("&Network:"), withError(m_network, u"network"_s));
    m_defaultNetworkNote = new QLabel(this);
    m_defaultNetworkNote->setWordWrap(true);
    m_createDefaultNetwork = new QPushButton(tr("Create the default NAT network"), this);
    m_createDefaultNetwork->setToolTip(
        tr("What libvirt ships as “default”: NAT on virbr0, 192.168.122.0/24 with DHCP, "
           "started now and with the host"));
    form->addRow(QString(), m_defaultNetworkNote);
    form->addRow(QString(), m_createDefaultNetwork);
    offerDefaultNetwork(false);
    m_nicModel = new ChoiceCombo(this);
    form->addRow(tr("NIC &model:"), withError(m_nicModel, u"nicModel"_s));
    m_graphics = new ChoiceCombo(this);
    form->addRow(tr("&Graphics:"), withError(m_graphics, u"graphics"_s));
    m_video = new ChoiceCombo(this);
    form->addRow(tr("&Video:"), withError(m_video, u"video"_s));
    m_console = new ChoiceCombo(this);
    form->addRow(tr("&Console:"), withError(m_console, u"console"_s));
    labelFormFields(form);

    connect(m_nic, &QCheckBox::toggled, this, [this, form](bool on) {
        form->setRowVisible(m_network->parentWidget(), on);
        form->setRowVisible(m_nicModel->parentWidget(), on);
        emit changed();
    });
    connect(m_network, &QComboBox::currentIndexChanged, this, &NewVmPage::changed);
    for (ChoiceCombo *c : {m_nicModel, m_graphics, m_video, m_console})
        connect(c, &ChoiceCombo::currentIdChanged, this, &NewVmPage::changed);
}

void VmDevicesPage::offerDefaultNetwork(bool offer, const QString &note)
{
    m_createDefaultNetwork->setVisible(offer);
    m_createDefaultNetwork->setEnabled(offer);
    m_defaultNetworkNote->setText(note);
    m_defaultNetworkNote->setVisible(!note.isEmpty());
}

} // namespace crossvirt::views
