#include "views/vm/hardware/AddHardwarePages.h"

#include "views/vm/hardware/HostSourceCombos.h"

#include "arch/GuestChanges.h"
#include "models/inventory/InventoryModel.h"
#include "views/common/Accessibility.h"
#include "views/dialogs/ChoiceCombo.h"
#include "views/dialogs/FieldMessage.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace crossvirt::views {

using namespace Qt::StringLiterals;
namespace HardwareKind = arch::HardwareKind;

namespace {

QHBoxLayout *radioRow(std::initializer_list<QRadioButton *> buttons)
{
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    for (QRadioButton *b : buttons)
        row->addWidget(b);
    row->addStretch();
    return row;
}

} // namespace

// ---- AddHardwarePage ------------------------------------------------------------------------

AddHardwarePage::AddHardwarePage(QString kind, QWidget *parent)
    : QWidget(parent), m_kind(std::move(kind))
{}

QFormLayout *AddHardwarePage::makeForm()
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    outer->addLayout(form);
    outer->addStretch();
    return form;
}

// ---- AddDiskPage -------------------------------------------------------------------------

AddDiskPage::AddDiskPage(const arch::ChoiceList &interfaces, const QString &vmName,
                         const QStringList &vmSources, QWidget *parent)
    : AddHardwarePage(QString::fromLatin1(HardwareKind::Disk), parent), m_vmSources(vmSources)
{
    m_form = makeForm();
    m_newVolume = new QRadioButton(tr("Create a &new volume"), this);
    m_existingVolume = new QRadioButton(tr("Use an &existing volume"), this);
    m_newVolume->setChecked(true);
    auto *group = new QButtonGroup(this);
    group->addButton(m_newVolume);
    group->addButton(m_existingVolume);
    m_form->addRow(radioRow({m_newVolume, m_existingVolume}));

    m_pool = new QComboBox(this);
    m_form->addRow(tr("&Pool:"), m_pool);
    m_name = new QLineEdit(this);
    // Empty: the core names it after the VM and the disk's target ("web-01-vdb.qcow2"), as
    // crossvirt-cli add-device does.
    m_name->setPlaceholderText(tr("Automatic: %1-TARGET.qcow2").arg(vmName));
    m_form->addRow(tr("Na&me:"), m_name);
    m_size = new QSpinBox(this);
    m_size->setRange(0, 1024 * 1024);
    m_size->setSuffix(tr(" GiB"));
    m_size->setValue(10);
    m_size->setMinimumWidth(140);
    m_size->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_form->addRow(tr("&Size:"), m_size);
    m_format = new QComboBox(this);
    m_format->addItem(tr("qcow2 (thin, snapshots)"), u"qcow2"_s);
    m_format->addItem(tr("raw (fastest)"), u"raw"_s);
    m_form->addRow(tr("&Format:"), m_format);
    m_volume = new QComboBox(this);
    m_volume->setPlaceholderText(tr("No volume of this pool is free (see the list)"));
    m_form->addRow(tr("&Volume:"), m_volume);
    m_interface = new ChoiceCombo(this);
    m_interface->setChoices(interfaces);
    m_form->addRow(tr("&Interface:"), m_interface);
    m_status = makeFieldNote(this, tr("Reading the host's storage…"));
    m_form->addRow(m_status);
    labelFormFields(m_form);

    connect(m_newVolume, &QRadioButton::toggled, this, [this] {
        updateMode();
        emit changed();
    });
    connect(m_pool, &QComboBox::currentIndexChanged, this, [this] {
        fillVolumes();
        emit changed();
    });
    connect(m_name, &QLineEdit::textChanged, this, &AddHardwarePage::changed);
    connect(m_size, &QSpinBox::valueChanged, this, &AddHardwarePage::changed);
    connect(m_format, &QComboBox::currentIndexChanged, this, &AddHardwarePage::changed);
    connect(m_volume, &QComboBox::currentIndexChanged, this, &AddHardwarePage::changed);
    connect(m_interface, &ChoiceCombo::currentIdChanged, this, &AddHardwarePage::changed);
    updateMode();
}

void AddDiskPage::setStorage(const models::StorageSnapshot &storage)
{
    m_storage = storage;
    m_storageError.clear();
    {
        const QSignalBlocker block(m_pool);
        m_pool->clear();
        for (const models::PoolContents &p : storage.pools) {
            if (p.info.active) {
                m_pool->addItem(
                    tr("%1 (%2 free)").arg(p.info.name, models::formatKiB(p.info.available / 1024)),
                    p.info.name);
            }
        }
        m_pool->setCurrentIndex(m_pool->count() > 0 ? 0 : -1);
    }
    m_status->setVisible(false);
    fillVolumes();
    emit changed();
}

void AddDiskPage::setStorageError(const QString &error)
{
    m_storageError = error;
    m_status->setText(tr("The host's storage could not be read: %1").arg(error));
    m_status->setVisible(true);
    emit changed();
}

void AddDiskPage::setAutomaticName(const QString &name)
{
    m_name->setPlaceholderText(tr("Automatic: %1").arg(name));
}

void AddDiskPage::fillVolumes()
{
    const QSignalBlocker block(m_volume);
    m_volume->clear();
    const models::PoolContents *pool =
        m_storage ? m_storage->pool(m_pool->currentData().toString()) : nullptr;
    if (!pool)
        return;
    for (const models::VolumeInfo &v : pool->volumes) {
        // ISO images belong in a CD-ROM; a volume this VM already has is not offered twice.
        if (v.isIso || m_vmSources.contains(v.path) ||
            m_vmSources.contains(pool->info.name + u'/' + v.name))
            continue;
        const QString size = models::formatKiB(v.capacity / 1024);
        const int row = m_volume->count();
        if (v.usedBy.isEmpty()) {
            m_volume->addItem(tr("%1 (%2)").arg(v.name, size), v.name);
            m_volume->setItemData(row, v.format, Qt::UserRole + 1);
            continue;
        }
        // Another VM's disk: listed so the user sees where it went, but not offered (two
        // guests writing one image corrupt it).
        m_volume->addItem(tr("%1 (%2), used by %3").arg(v.name, size, v.usedBy.join(u", "_s)),
                          v.name);
        if (auto *model = qobject_cast<QStandardItemModel *>(m_volume->model()))
            model->item(row)->setEnabled(false);
    }
    int first = -1;
    for (int i = 0; i < m_volume->count() && first < 0; ++i) {
        if (volumeFree(i))
            first = i;
    }
    m_volume->setCurrentIndex(first);
}

bool AddDiskPage::volumeFree(int row) const
{
    const auto *model = qobject_cast<const QStandardItemModel *>(m_volume->model());
    return row >= 0 && row < m_volume->count() && (!model || model->item(row)->isEnabled());
}

void AddDiskPage::updateMode()
{
    const bool isNew = m_newVolume->isChecked();
    m_form->setRowVisible(m_name, isNew);
    m_form->setRowVisible(m_size, isNew);
    m_form->setRowVisible(m_format, isNew);
    m_form->setRowVisible(m_volume, !isNew);
}

void AddDiskPage::fill(models::AddDeviceRequest &request) const
{
    request.model = m_interface->currentId();
    request.pool = m_pool->currentData().toString();
    if (m_newVolume->isChecked()) {
        request.volume = m_name->text().trimmed();
        request.newVolumeGiB = m_size->value();
        request.format = m_format->currentData().toString();
    } else {
        request.volume = m_volume->currentData().toString();
        request.newVolumeGiB = 0;
        const QString format = m_volume->currentData(Qt::UserRole + 1).toString();
        if (!format.isEmpty())
            request.format = format;
    }
}

QString AddDiskPage::problem() const
{
    if (!m_storageError.isEmpty())
        return tr("The host's storage could not be read.");
    if (!m_storage)
        return tr("Reading the host's storage…");
    if (m_pool->count() == 0)
        return tr("The host has no active storage pool.");
    if (m_interface->currentId().isEmpty())
        return tr("No disk interface is available.");
    if (m_newVolume->isChecked()) {
        const QString name = m_name->text().trimmed();
        if (name.contains(u'/'))
            return tr("A volume name cannot contain \"/\".");
        const models::PoolContents *pool = m_storage->pool(m_pool->currentData().toString());
        if (pool && pool->volume(name))
            return tr("The pool already has a volume named %1.").arg(name);
        if (m_size->value() < 1)
            return tr("The new volume needs a size of at least 1 GiB.");
        return {};
    }
    if (!volumeFree(m_volume->currentIndex()))
        return tr("The pool has no volume this VM could use.");
    return {};
}

// ---- AddCdromPage ---------------------------------------------------------------------------

AddCdromPage::AddCdromPage(const arch::ChoiceList &interfaces, QWidget *parent)
    : AddHardwarePage(QString::fromLatin1(HardwareKind::Cdrom), parent)
{
    m_form = makeForm();
    m_interface = new ChoiceCombo(this);
    m_interface->setChoices(interfaces);
    m_form->addRow(tr("&Interface:"), m_interface);
    m_empty = new QRadioButton(tr("E&mpty drive"), this);
    m_iso = new QRadioButton(tr("ISO &volume"), this);
    m_file = new QRadioButton(tr("&File path"), this);
    m_empty->setChecked(true);
    auto *group = new QButtonGroup(this);
    for (QRadioButton *b : {m_empty, m_iso, m_file})
        group->addButton(b);
    m_form->addRow(tr("Medium:"), radioRow({m_empty, m_iso, m_file}));
    m_isoVolume = new QComboBox(this);
    m_isoVolume->setPlaceholderText(tr("Reading the host's storage…"));
    m_form->addRow(tr("I&SO:"), m_isoVolume);
    m_path = new QLineEdit(this);
    m_path->setPlaceholderText(tr("/var/lib/libvirt/images/install.iso"));
    m_form->addRow(tr("&Path:"), m_path);
    m_form->addRow(makeFieldNote(
        this, tr("The medium can be changed or ejected later from the CD-ROM's page.")));
    labelFormFields(m_form);

    connect(m_interface, &ChoiceCombo::currentIdChanged, this, &AddHardwarePage::changed);
    connect(group, &QButtonGroup::buttonToggled, this, [this] {
        updateMode();
        emit changed();
    });
    connect(m_isoVolume, &QComboBox::currentIndexChanged, this, &AddHardwarePage::changed);
    connect(m_path, &QLineEdit::textChanged, this, &AddHardwarePage::changed);
    updateMode();
}

void AddCdromPage::setStorage(const models::StorageSnapshot &storage)
{
    fillIsoVolumes(m_isoVolume, storage);
    emit changed();
}

void AddCdromPage::setStorageError(const QString &error)
{
    m_isoVolume->setPlaceholderText(tr("The host's ISO images could not be read: %1").arg(error));
    emit changed();
}

void AddCdromPage::updateMode()
{
    m_form->setRowVisible(m_isoVolume, m_iso->isChecked());
    m_form->setRowVisible(m_path, m_file->isChecked());
}

void AddCdromPage::fill(models::AddDeviceRequest &request) const
{
    request.model = m_interface->currentId();
    if (m_iso->isChecked()) {
        const QStringList poolVolume = isoVolumeOf(m_isoVolume);
        request.pool = poolVolume.value(0);
        request.volume = poolVolume.value(1);
    } else if (m_file->isChecked()) {
        request.path = m_path->text().trimmed();
    }
}

QString AddCdromPage::problem() const
{
    if (m_interface->currentId().isEmpty())
        return tr("No CD-ROM interface is available.");
    if (m_iso->isChecked() && m_isoVolume->currentIndex() < 0)
        return tr("Choose an ISO image, or leave the drive empty.");
    if (m_file->isChecked()) {
        const QString path = m_path->text().trimmed();
        if (path.isEmpty())
            return tr("Give the ISO image's path, or leave the drive empty.");
        if (!path.startsWith(u'/'))
            return tr("The path must be absolute (start with \"/\").");
    }
    return {};
}

// ---- AddNicPage -------------------------------------------------------------------------

AddNicPage::AddNicPage(const arch::ChoiceList &models, QWidget *parent)
    : AddHardwarePage(QString::fromLatin1(HardwareKind::Nic), parent)
{
    m_form = makeForm();
    QFormLayout *form = m_form;
    m_network = new QComboBox(this);
    m_network->setPlaceholderText(tr("Reading the host's networks…"));
    form->addRow(tr("&Network:"), m_network);
    m_bridge = new QLineEdit(this);
    m_bridge->setPlaceholderText(tr("br0"));
    form->addRow(tr("&Bridge:"), m_bridge);
    form->setRowVisible(m_bridge, false);
    m_model = new ChoiceCombo(this);
    m_model->setChoices(models);
    form->addRow(tr("&Model:"), m_model);
    m_mac = new QLineEdit(this);
    m_mac->setPlaceholderText(tr("Generated by libvirt"));
    m_mac->setMaxLength(17);
    form->addRow(tr("M&AC address:"), m_mac);
    m_status = makeFieldNote(this);
    form->addRow(m_status);
    labelFormFields(form);

    connect(m_network, &QComboBox::currentIndexChanged, this, [this] {
        m_form->setRowVisible(m_bridge, isBridge());
        emit changed();
    });
    connect(m_bridge, &QLineEdit::textChanged, this, &AddHardwarePage::changed);
    connect(m_model, &ChoiceCombo::currentIdChanged, this, &AddHardwarePage::changed);
    connect(m_mac, &QLineEdit::textChanged, this, &AddHardwarePage::changed);
}

void AddNicPage::setStorage(const models::StorageSnapshot &storage)
{
    m_loaded = true;
    fillNetworks(m_network, storage);
    m_form->setRowVisible(m_bridge, isBridge());
    m_status->setVisible(false);
    emit changed();
}

bool AddNicPage::isBridge() const
{
    return isBridgeEntry(m_network);
}

void AddNicPage::setStorageError(const QString &error)
{
    m_loaded = true;
    m_status->setText(tr("The host's networks could not be read: %1").arg(error));
    m_status->setVisible(true);
    emit changed();
}

void AddNicPage::fill(models::AddDeviceRequest &request) const
{
    request.model = m_model->currentId();
    request.bridge = isBridge();
    request.network =
        request.bridge ? m_bridge->text().trimmed() : m_network->currentData().toString();
    request.mac = m_mac->text().trimmed().toLower();
}

QString AddNicPage::problem() const
{
    if (!m_loaded)
        return tr("Reading the host's networks…");
    if (m_network->currentIndex() < 0)
        return tr("Choose a network or a bridge of the host.");
    if (isBridge()) {
        const QString bridge = m_bridge->text().trimmed();
        if (bridge.isEmpty())
            return tr("Give the name of the host's bridge (br0).");
        if (!isBridgeName(bridge))
            return tr("%1 is not a network device name (at most 15 letters, digits, \"-\", "
                      "\"_\", \".\").")
                .arg(bridge);
    }
    if (m_model->currentId().isEmpty())
        return tr("No NIC model is available.");
    const QString mac = m_mac->text().trimmed();
    if (!mac.isEmpty()) {
        static const QRegularExpression re(u"^([0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}$"_s);
        if (!re.match(mac).hasMatch())
            return tr("%1 is not a MAC address (six hex pairs: 52:54:00:12:34:56).").arg(mac);
        if (mac.left(2).toInt(nullptr, 16) & 1)
            return tr("%1 is a multicast address; a NIC needs a unicast one (even first byte).")
                .arg(mac);
    }
    return {};
}

// ---- AddModelPage ---------------------------------------------------------------------------

AddModelPage::AddModelPage(const QString &kind, const QString &fieldLabel,
                           const arch::ChoiceList &choices, const QString &explanation,
                           QWidget *parent)
    : AddHardwarePage(kind, parent)
{
    QFormLayout *form = makeForm();
    m_choice = new ChoiceCombo(this);
    m_choice->setChoices(choices);
    form->addRow(fieldLabel, m_choice);
    if (!explanation.isEmpty())
        form->addRow(makeFieldNote(this, explanation));
    if (kind == QLatin1String(HardwareKind::Graphics)) {
        m_listen = new QLineEdit(u"127.0.0.1"_s, this);
        form->addRow(tr("&Listen address:"), m_listen);
        form->addRow(makeFieldNote(this, tr("127.0.0.1 accepts viewers on the host itself only; "
                                            "0.0.0.0 accepts them from any network.")));
        connect(m_listen, &QLineEdit::textChanged, this, &AddHardwarePage::changed);
        auto sync = [this] { m_listen->setEnabled(m_choice->currentId() != "none"_L1); };
        connect(m_choice, &ChoiceCombo::currentIdChanged, this, sync);
        sync();
    }
    labelFormFields(form);
    connect(m_choice, &ChoiceCombo::currentIdChanged, this, &AddHardwarePage::changed);
}

void AddModelPage::fill(models::AddDeviceRequest &request) const
{
    request.model = m_choice->currentId();
    if (m_listen)
        request.listen = m_listen->text().trimmed();
}

QString AddModelPage::problem() const
{
    if (m_choice->currentId().isEmpty())
        return tr("Nothing of this kind is available for this guest.");
    if (m_listen && m_listen->isEnabled()) {
        const QString listen = m_listen->text().trimmed();
        if (listen.isEmpty())
            return tr("Give a listen address (127.0.0.1 for this host only).");
        if (QHostAddress address; !address.setAddress(listen))
            return tr("%1 is not an IP address (127.0.0.1, 0.0.0.0, ::1).").arg(listen);
    }
    return {};
}

// ---- AddHostDevicePage ----------------------------------------------------------------------

AddHostDevicePage::AddHostDevicePage(const QString &kind, QWidget *parent)
    : AddHardwarePage(kind, parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // In the page's own font: while there is no list, this line is what the page says.
    m_status = new QLabel(tr("Reading the host's devices…"), this);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_table = new QTreeWidget(this);
    m_table->hide(); // until there is something to list
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->setHeaderLabels({tr("Device"), tr("Address"), tr("Used by"), tr("Node device")});
    m_table->header()->setStretchLastSection(false);
    m_table->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < 4; ++c)
        m_table->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_table->setAccessibleName(kind == QLatin1String(HardwareKind::UsbHost)
                                   ? tr("USB devices of the host")
                                   : tr("PCI devices of the host"));
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);
    layout->addWidget(makeFieldNote(
        this, kind == QLatin1String(HardwareKind::UsbHost)
                  ? tr("The guest takes the device over: the host cannot use it meanwhile.")
                  : tr("The device is detached from the host's driver and given to the guest "
                       "(VFIO); the host cannot use it meanwhile.")));
    layout->addStretch(); // takes the room while the table is hidden
    connect(m_table, &QTreeWidget::itemSelectionChanged, this, &AddHardwarePage::changed);
}

void AddHostDevicePage::setDevices(const QList<models::HostDeviceInfo> &devices)
{
    m_loaded = true;
    m_table->clear();
    for (const models::HostDeviceInfo &d : devices) {
        if (d.kind != kind())
            continue;
        auto *item = new QTreeWidgetItem(
            m_table, {d.label.isEmpty() ? d.name : d.label, d.address, d.usedBy, d.name});
        item->setData(0, Qt::UserRole, d.name);
        // A USB device is passed through by its ids (it gets a new address when replugged).
        const bool usbIds = d.kind == QLatin1String(HardwareKind::UsbHost) &&
                            !d.vendorId.isEmpty() && !d.productId.isEmpty();
        item->setData(0, Qt::UserRole + 1, usbIds ? d.vendorId + u':' + d.productId : d.name);
        if (!d.usedBy.isEmpty()) {
            // Given to another VM: shown so the user knows where it went, not selectable.
            item->setFlags(item->flags() & ~(Qt::ItemIsSelectable | Qt::ItemIsEnabled));
            item->setToolTip(0, tr("%1 already has this device.").arg(d.usedBy));
        }
    }
    if (m_table->topLevelItemCount() == 0) {
        m_status->setText(kind() == QLatin1String(HardwareKind::UsbHost)
                              ? tr("The host has no USB device to pass through.")
                              : tr("The host has no PCI device to pass through."));
        m_status->setVisible(true);
        m_table->hide();
    } else {
        m_status->setVisible(false);
        m_table->show();
    }
    emit changed();
}

void AddHostDevicePage::setError(const QString &error)
{
    m_loaded = true;
    m_status->setText(tr("The host's devices could not be read: %1").arg(error));
    m_status->setVisible(true);
    emit changed();
}

bool AddHostDevicePage::selectDevice(const QString &name)
{
    for (int i = 0; i < m_table->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_table->topLevelItem(i);
        if (item->data(0, Qt::UserRole).toString() == name) {
            if (!(item->flags() & Qt::ItemIsSelectable))
                return false;
            m_table->setCurrentItem(item);
            item->setSelected(true);
            return true;
        }
    }
    return false;
}

void AddHostDevicePage::fill(models::AddDeviceRequest &request) const
{
    const QList<QTreeWidgetItem *> selected = m_table->selectedItems();
    request.hostDevice =
        selected.isEmpty() ? QString() : selected.first()->data(0, Qt::UserRole + 1).toString();
}

QString AddHostDevicePage::problem() const
{
    if (!m_loaded)
        return tr("Reading the host's devices…");
    if (m_table->topLevelItemCount() == 0)
        return m_status->text();
    if (m_table->selectedItems().isEmpty())
        return tr("Choose a device in the list.");
    return {};
}

} // namespace crossvirt::views
