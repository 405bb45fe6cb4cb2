#include "views/dialogs/newvm/VmResourcesPage.h"
#include "views/common/Accessibility.h"

#include "models/provisioning/ProvisioningCore.h"
#include "views/dialogs/ChoiceCombo.h"
#include "views/dialogs/FieldMessage.h"

#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

using namespace Qt::StringLiterals;

namespace crossvirt::views {

VmResourcesPage::VmResourcesPage(QWidget *parent) : NewVmPage(parent)
{
    setTitle(tr("Processors and memory"));
    setSubTitle(tr("The operating system's recommendation is filled in; the host's "
                   "size and the architecture's rules bound it."));
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_vcpus = new QSpinBox(this);
    m_vcpus->setRange(1, 1024);
    m_vcpus->setValue(models::ProvisioningDefaults::vcpus);
    form->addRow(tr("&Virtual CPUs:"), withError(m_vcpus, u"vcpus"_s));
    m_memory = new QSpinBox(this);
    m_memory->setRange(0, 16 * 1024 * 1024);
    m_memory->setSuffix(tr(" MiB"));
    m_memory->setValue(int(models::ProvisioningDefaults::memoryMiB));
    m_memory->setSingleStep(256);
    m_memoryNote = makeFieldNote(this);
    form->addRow(tr("&Memory:"), withError(m_memory, u"memory"_s, m_memoryNote));
    m_cpu = new ChoiceCombo(this);
    form->addRow(tr("C&PU type:"), withError(m_cpu, u"cpu"_s));
    form->addRow(QString(), errorLabel(u"firmware"_s));
    labelFormFields(form);

    for (QSpinBox *spin : {m_vcpus, m_memory})
        spin->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_memory->setMinimumWidth(160);
    connect(m_vcpus, &QSpinBox::valueChanged, this, &NewVmPage::changed);
    connect(m_memory, &QSpinBox::valueChanged, this, &NewVmPage::changed);
    connect(m_cpu, &ChoiceCombo::currentIdChanged, this, &NewVmPage::changed);
}

} // namespace crossvirt::views
