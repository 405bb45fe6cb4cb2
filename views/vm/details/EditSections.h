#pragma once

// The pages of the VM window's Details tab (virt-manager's layout): Overview, CPUs,
// Memory and Boot Options edit a staged VmConfig; the device page shows one device's
// facts. Every list and every "why not" comes from the VM's arch class.

#include "models/provisioning/StorageInventory.h"
#include "models/vmedit/VmEdit.h"

#include <QPointer>

#include <QWidget>
#include <optional>

class QCheckBox;
class QComboBox;
class QDialog;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QVBoxLayout;

namespace crossvirt::views {

class ChoiceCombo;

/// One page of the Details tab. load() shows the staged values (`wanted`) of the VM of
/// `ctx`; store() writes the page's fields back into `wanted` and nothing else.
class EditSection : public QWidget
{
    Q_OBJECT
public:
    explicit EditSection(const QString &title, QWidget *parent = nullptr);

    void load(const models::VmEditContext &ctx, const models::VmConfig &wanted);
    virtual void store(models::VmConfig &wanted) const = 0;

signals:
    /// The user changed a field.
    void edited();

protected:
    virtual void fill(const models::VmEditContext &ctx, const models::VmConfig &wanted) = 0;
    /// Emits edited() unless the page is being filled.
    void notifyEdited();
    /// Names every form field after its label (screen readers, Alt+letter); call at the
    /// end of a subclass's constructor.
    void labelForms();
    QVBoxLayout *body() const { return m_body; }

private:
    QVBoxLayout *m_body;
    bool m_loading = false;
};

/// Name (editable while the VM is shut off: libvirt renames only inactive domains), title
/// and description; arch, machine and emulator read-only.
class OverviewSection : public EditSection
{
    Q_OBJECT
public:
    explicit OverviewSection(QWidget *parent = nullptr);
    void store(models::VmConfig &wanted) const override;

    QLineEdit *nameEdit() const { return m_name; }
    /// Why the name cannot be changed now, or what is wrong with the typed one (empty: fine).
    QString nameNote() const;
    QLineEdit *titleEdit() const { return m_title; }
    QPlainTextEdit *descriptionEdit() const { return m_description; }
    QString archText() const;
    QString machineText() const;

protected:
    void fill(const models::VmEditContext &ctx, const models::VmConfig &wanted) override;

private:
    void updateNameNote();

    QLineEdit *m_name;
    QLabel *m_nameNote;
    QLabel *m_uuid, *m_state, *m_arch, *m_machine, *m_emulator, *m_firmware;
    QLineEdit *m_title;
    QString m_nameLocked;     ///< the arch's reason the name is read-only now (running)
    QString m_loadedName;     ///< the name the VM has
    QStringList m_otherNames; ///< the host's other VMs
    QPlainTextEdit *m_description;
};

/// vCPUs now, the hot-plug maximum, topology, and the CPU mode and model of the arch.
class CpuSection : public EditSection
{
    Q_OBJECT
public:
    explicit CpuSection(QWidget *parent = nullptr);
    void store(models::VmConfig &wanted) const override;

    QSpinBox *vcpus() const { return m_vcpus; }
    QSpinBox *maxVcpus() const { return m_maxVcpus; }
    QGroupBox *topology() const { return m_topology; }
    ChoiceCombo *mode() const { return m_mode; }
    ChoiceCombo *model() const { return m_model; }
    /// The notes under the vCPU counts (hot-plug, the running guest's count, limits).
    QString countNotes() const;

protected:
    void fill(const models::VmEditContext &ctx, const models::VmConfig &wanted) override;

private:
    void topologyChanged();
    void showTopologyFields(bool manual);
    void updateModelEnabled();

    QSpinBox *m_vcpus, *m_maxVcpus, *m_sockets, *m_cores, *m_threads;
    QLabel *m_hotplugNote, *m_limitsNote, *m_cpuNote;
    QGroupBox *m_topology;
    ChoiceCombo *m_mode, *m_model;
    arch::CpuChoice m_baseCpu;
};

/// Boot memory, the balloon's current allocation, and the hot-plug maximum and slots.
class MemorySection : public EditSection
{
    Q_OBJECT
public:
    explicit MemorySection(QWidget *parent = nullptr);
    void store(models::VmConfig &wanted) const override;

    QSpinBox *memory() const { return m_memory; }
    QSpinBox *currentMemory() const { return m_current; }
    QGroupBox *hotplug() const { return m_hotplug; }
    QSpinBox *maxMemory() const { return m_maxMemory; }
    QSpinBox *memorySlots() const { return m_slots; }
    QString hotplugNote() const;

protected:
    void fill(const models::VmEditContext &ctx, const models::VmConfig &wanted) override;

private:
    QSpinBox *m_memory, *m_current, *m_maxMemory, *m_slots;
    QGroupBox *m_hotplug;
    QLabel *m_balloonNote, *m_hotplugNote, *m_stepNote;
    bool m_hasBalloon = true;
};

/// Autostart, the boot order over the VM's disks, CD-ROMs and NICs, firmware where the
/// arch offers a choice, and direct kernel boot.
class BootSection : public EditSection
{
    Q_OBJECT
public:
    explicit BootSection(QWidget *parent = nullptr);
    void store(models::VmConfig &wanted) const override;

    QCheckBox *autostart() const { return m_autostart; }
    QListWidget *bootList() const { return m_bootList; }
    ChoiceCombo *firmware() const { return m_firmware; }
    QLineEdit *kernel() const { return m_kernel; }
    /// Ids of the checked devices, first first.
    QStringList checkedBootIds() const;
    QString bootRuleNote() const;

private:
    void fill(const models::VmEditContext &ctx, const models::VmConfig &wanted) override;
    void moveSelected(int delta);
    void itemChecked(int row);

    QCheckBox *m_autostart;
    QListWidget *m_bootList;
    QPushButton *m_up, *m_down;
    QLabel *m_bootNote, *m_firmwareNote;
    ChoiceCombo *m_firmware;
    QLineEdit *m_kernel, *m_initrd, *m_cmdline, *m_dtb;
    QLabel *m_dtbNote;
    models::VmConfig m_base; ///< the definition: boot order untouched when the list matches
    QString m_defaultFirmware;
    int m_maxBootDevices = 0;
    bool m_filling = false;
};

/// One device's facts; a CD-ROM also offers Change media… (an ISO volume of the host's
/// pools or a path) and Eject; a NIC's network or bridge, model and link state are edited
/// here and staged (nicEdited) like the other pages.
class DeviceSection : public QWidget
{
    Q_OBJECT
public:
    explicit DeviceSection(QWidget *parent = nullptr);
    /// `bootPosition`: the device's place in the VM's boot order (1 = first), 0 = none.
    void showDevice(const models::VmDevice &device, bool running, int bootPosition);
    /// After showDevice() of a NIC: its editable fields, showing `staged` over `device`
    /// (the definition's NIC); `models`: the arch's NIC models.
    void showNic(const models::VmDevice &device, const models::NicUpdate &staged,
                 const arch::ChoiceList &models, bool running);
    /// The host's ISO volumes and networks (for Change media… and the NIC's source).
    void setStorage(const models::StorageSnapshot &storage);
    void setStorageError(const QString &error);
    /// Whether the host's ISO volumes and networks were read.
    bool hasStorage() const { return m_storage.has_value(); }

    QString deviceId() const { return m_id; }
    QPushButton *changeMediaButton() const { return m_changeMedia; }
    QPushButton *ejectButton() const { return m_eject; }
    QGroupBox *nicBox() const { return m_nicBox; }
    QComboBox *networkCombo() const { return m_network; }
    QLineEdit *bridgeEdit() const { return m_bridge; }
    ChoiceCombo *nicModel() const { return m_nicModel; }
    QCheckBox *linkUp() const { return m_linkUp; }
    /// The NIC page's fields as an update (empty fields: unchanged).
    models::NicUpdate nicUpdate() const;
    /// The open Change media dialog, or nullptr.
    QDialog *mediaDialog() const { return m_mediaDialog; }
    /// The facts as "Label: value" lines (for tests).
    QStringList factLines() const;

signals:
    /// `source`: a file path or POOL/VOLUME; empty = eject.
    void changeMediaRequested(const QString &target, const QString &source);
    /// The user changed a field of the NIC page with MAC `mac`.
    void nicEdited(const QString &mac, const crossvirt::models::NicUpdate &update);

private:
    void askForMedia();
    void fillNetworkChoice();
    void nicFieldChanged();

    QString m_id;
    QString m_source;
    QLabel *m_title;
    QWidget *m_facts;
    QWidget *m_media;
    QLabel *m_mediaNote;
    QPushButton *m_changeMedia, *m_eject;
    QPlainTextEdit *m_xml;

    QGroupBox *m_nicBox;
    QComboBox *m_network;
    QLineEdit *m_bridge;
    ChoiceCombo *m_nicModel;
    QCheckBox *m_linkUp;
    QLabel *m_nicNote;
    bool m_nicEditable = false;
    bool m_filling = false;
    models::VmDevice m_nic;        ///< the NIC shown (definition's)
    models::NicUpdate m_nicStaged; ///< what was staged when it was shown

    std::optional<models::StorageSnapshot> m_storage;
    QString m_storageError;
    QPointer<QDialog> m_mediaDialog;
};

} // namespace crossvirt::views
