#pragma once

// The pages of the VM window's Details tab (virt-manager's layout): Overview, CPUs,
// Memory and Boot Options edit a staged VmConfig; the device page shows one device's
// facts. Every list and every "why not" comes from the VM's arch class.

#include "models/vmedit/VmEdit.h"

#include <QWidget>

class QCheckBox;
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

/// One device's facts; a CD-ROM also offers Change media… and Eject.
class DeviceSection : public QWidget
{
    Q_OBJECT
public:
    explicit DeviceSection(QWidget *parent = nullptr);
    /// `bootPosition`: the device's place in the VM's boot order (1 = first), 0 = none.
    void showDevice(const models::VmDevice &device, bool running, int bootPosition);

    QString deviceId() const { return m_id; }
    QPushButton *changeMediaButton() const { return m_changeMedia; }
    QPushButton *ejectButton() const { return m_eject; }
    /// The facts as "Label: value" lines (for tests).
    QStringList factLines() const;

signals:
    /// `source`: a file path or POOL/VOLUME; empty = eject.
    void changeMediaRequested(const QString &target, const QString &source);

private:
    void askForMedia();

    QString m_id;
    QString m_source;
    QLabel *m_title;
    QWidget *m_facts;
    QWidget *m_media;
    QLabel *m_mediaNote;
    QPushButton *m_changeMedia, *m_eject;
    QPlainTextEdit *m_xml;
};

} // namespace crossvirt::views
