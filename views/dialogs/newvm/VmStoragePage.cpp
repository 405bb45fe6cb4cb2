#include "views/dialogs/newvm/VmStoragePage.h"
#include "views/common/Accessibility.h"

#include "models/provisioning/ProvisioningCore.h"
#include "models/storage/StorageTypes.h"
#include "views/dialogs/ChoiceCombo.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QPushButton>
#include <QSpinBox>

using namespace Qt::StringLiterals;

namespace crossvirt::views {

VmStoragePage::VmStoragePage(QWidget *parent) : NewVmPage(parent)
{
    setTitle(tr("Storage"));
    setSubTitle(tr("The VM's disk and an optional CD-ROM. Interfaces are those this "
                   "architecture and machine type support."));
    m_form = new QFormLayout(this);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_storageKind = new QComboBox(this);
    m_storageKind->addItem(tr("Create a new volume"), int(models::StorageKind::NewVolume));
    m_storageKind->addItem(tr("Use an existing volume"), int(models::StorageKind::ExistingVolume));
    m_storageKind->addItem(tr("No disk"), int(models::StorageKind::None));
    m_form->addRow(tr("&Disk:"), m_storageKind);
    m_pool = new QComboBox(this);
    m_form->addRow(tr("&Pool:"), withError(m_pool, u"pool"_s));
    m_createDefaultPool =
        new QPushButton(tr("Create the default pool (%1)")
                            .arg(QString::fromLatin1(models::kDefaultPoolPath)),
                        this);
    m_createDefaultPool->setToolTip(
        tr("Defines, starts and autostarts the directory pool “default”, as virt-install "
           "does"));
    m_createDefaultPool->setObjectName(u"createDefaultPool"_s);
    m_createDefaultPool->hide();
    m_form->addRow(QString(), m_createDefaultPool);
    m_size = new QSpinBox(this);
    m_size->setRange(0, 1024 * 1024);
    m_size->setSuffix(tr(" GiB"));
    m_size->setValue(int(models::ProvisioningDefaults::diskGiB));
    m_size->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_size->setMinimumWidth(160);
    m_form->addRow(tr("&Size:"), withError(m_size, u"size"_s));
    m_format = new QComboBox(this);
    m_format->addItem(tr("qcow2 (thin, snapshots)"), u"qcow2"_s);
    m_format->addItem(tr("raw (fastest)"), u"raw"_s);
    m_form->addRow(tr("&Format:"), withError(m_format, u"format"_s));
    m_volume = new QComboBox(this);
    m_form->addRow(tr("&Volume:"), withError(m_volume, u"volume"_s));
    m_diskBus = new ChoiceCombo(this);
    m_form->addRow(tr("Disk &interface:"), withError(m_diskBus, u"diskInterface"_s));
    m_cdrom = new QCheckBox(tr("Attach a CD-ROM with an ISO image"), this);
    m_form->addRow(QString(), m_cdrom);
    m_iso = new QComboBox(this);
    m_form->addRow(tr("&ISO image:"), withError(m_iso, u"cdrom"_s));
    m_cdromBus = new ChoiceCombo(this);
    m_form->addRow(tr("CD-ROM &bus:"), withError(m_cdromBus, u"cdromInterface"_s));
    labelFormFields(m_form);

    connect(m_storageKind, &QComboBox::currentIndexChanged, this, &VmStoragePage::updateRows);
    connect(m_cdrom, &QCheckBox::toggled, this, &VmStoragePage::updateRows);
    connect(m_size, &QSpinBox::valueChanged, this, &NewVmPage::changed);
    connect(m_format, &QComboBox::currentIndexChanged, this, &NewVmPage::changed);
    connect(m_volume, &QComboBox::currentIndexChanged, this, &NewVmPage::changed);
    connect(m_iso, &QComboBox::currentIndexChanged, this, &NewVmPage::changed);
    connect(m_diskBus, &ChoiceCombo::currentIdChanged, this, &NewVmPage::changed);
    connect(m_cdromBus, &ChoiceCombo::currentIdChanged, this, &NewVmPage::changed);
    updateRows();
}

void VmStoragePage::updateRows()
{
    const auto kind = models::StorageKind(m_storageKind->currentData().toInt());
    m_form->setRowVisible(m_pool->parentWidget(), kind != models::StorageKind::None);
    m_form->setRowVisible(m_size->parentWidget(), kind == models::StorageKind::NewVolume);
    m_form->setRowVisible(m_format->parentWidget(), kind == models::StorageKind::NewVolume);
    m_form->setRowVisible(m_volume->parentWidget(), kind == models::StorageKind::ExistingVolume);
    m_form->setRowVisible(m_diskBus->parentWidget(), kind != models::StorageKind::None);
    m_form->setRowVisible(m_iso->parentWidget(), m_cdrom->isChecked());
    m_form->setRowVisible(m_cdromBus->parentWidget(), m_cdrom->isChecked());
    emit changed();
}

} // namespace crossvirt::views
