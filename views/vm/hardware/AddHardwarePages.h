#pragma once

// The right-hand pages of Add Hardware, one per device kind. A page only collects the
// user's choices into an AddDeviceRequest and says what input is still missing; whether
// the device can be added, and when, is planAddDevice()'s verdict (AddHardwareDialog).

#include "arch/Choice.h"
#include "models/provisioning/StorageInventory.h"
#include "models/vmedit/VmEdit.h"

#include <QWidget>
#include <optional>

class QButtonGroup;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;
class QTreeWidget;

namespace crossvirt::views {

class ChoiceCombo;

/// One kind's page: its choices as a request, and what is still missing.
class AddHardwarePage : public QWidget
{
    Q_OBJECT
public:
    explicit AddHardwarePage(QString kind, QWidget *parent = nullptr);

    const QString &kind() const { return m_kind; }
    /// Writes this page's choices into `request` (kind already set).
    virtual void fill(models::AddDeviceRequest &request) const = 0;
    /// What the user must still choose or fix, in words; empty when the request is whole.
    virtual QString problem() const { return {}; }
    /// The page's main list (interface, model, type), or nullptr (host devices).
    virtual ChoiceCombo *choiceCombo() const { return nullptr; }

signals:
    /// Any choice changed: the dialog recomputes its verdict.
    void changed();

protected:
    QFormLayout *makeForm();

private:
    QString m_kind;
};

/// Storage: a new volume (pool, name, size, format) or an existing one (pool, volume),
/// and the interface (on a running guest only the hot-pluggable ones are offered).
class AddDiskPage : public AddHardwarePage
{
    Q_OBJECT
public:
    AddDiskPage(const arch::ChoiceList &interfaces, const QString &vmName,
                const QStringList &vmSources, QWidget *parent = nullptr);

    void setStorage(const models::StorageSnapshot &storage);
    void setStorageError(const QString &error);
    /// The name the new volume gets when the name field is left empty.
    void setAutomaticName(const QString &name);
    void fill(models::AddDeviceRequest &request) const override;
    QString problem() const override;
    ChoiceCombo *choiceCombo() const override { return m_interface; }

    QRadioButton *newVolumeButton() const { return m_newVolume; }
    QRadioButton *existingVolumeButton() const { return m_existingVolume; }
    QComboBox *poolCombo() const { return m_pool; }
    QLineEdit *nameEdit() const { return m_name; }
    QSpinBox *sizeSpin() const { return m_size; }
    QComboBox *formatCombo() const { return m_format; }
    QComboBox *volumeCombo() const { return m_volume; }

private:
    void updateMode();
    void fillVolumes();
    /// Whether volume row `row` is one this VM may take (not another VM's disk).
    bool volumeFree(int row) const;

    QStringList m_vmSources;
    std::optional<models::StorageSnapshot> m_storage;
    QString m_storageError;

    QFormLayout *m_form;
    QRadioButton *m_newVolume;
    QRadioButton *m_existingVolume;
    QComboBox *m_pool;
    QLineEdit *m_name;
    QSpinBox *m_size;
    QComboBox *m_format;
    QComboBox *m_volume;
    ChoiceCombo *m_interface;
    QLabel *m_status;
};

/// CD-ROM: the interface and an optional medium (an ISO volume or a file path).
class AddCdromPage : public AddHardwarePage
{
    Q_OBJECT
public:
    AddCdromPage(const arch::ChoiceList &interfaces, QWidget *parent = nullptr);

    void setStorage(const models::StorageSnapshot &storage);
    void setStorageError(const QString &error);
    void fill(models::AddDeviceRequest &request) const override;
    QString problem() const override;
    ChoiceCombo *choiceCombo() const override { return m_interface; }

    QRadioButton *emptyButton() const { return m_empty; }
    QRadioButton *isoButton() const { return m_iso; }
    QRadioButton *pathButton() const { return m_file; }
    QComboBox *isoCombo() const { return m_isoVolume; }
    QLineEdit *pathEdit() const { return m_path; }

private:
    void updateMode();

    QFormLayout *m_form;
    ChoiceCombo *m_interface;
    QRadioButton *m_empty;
    QRadioButton *m_iso;
    QRadioButton *m_file;
    QComboBox *m_isoVolume;
    QLineEdit *m_path;
};

/// Network: the host's virtual network, the NIC model and an optional MAC.
class AddNicPage : public AddHardwarePage
{
    Q_OBJECT
public:
    AddNicPage(const arch::ChoiceList &models, QWidget *parent = nullptr);

    void setStorage(const models::StorageSnapshot &storage);
    void setStorageError(const QString &error);
    void fill(models::AddDeviceRequest &request) const override;
    QString problem() const override;
    ChoiceCombo *choiceCombo() const override { return m_model; }

    QComboBox *networkCombo() const { return m_network; }
    /// The host bridge's name, shown when the network list's bridge entry is chosen.
    QLineEdit *bridgeEdit() const { return m_bridge; }
    QLineEdit *macEdit() const { return m_mac; }

private:
    bool isBridge() const;

    QFormLayout *m_form;
    QComboBox *m_network;
    QLineEdit *m_bridge;
    ChoiceCombo *m_model;
    QLineEdit *m_mac;
    QLabel *m_status;
    bool m_loaded = false;
};

/// A kind whose only choice is a model or type from the arch: console, video, controller,
/// input, watchdog, RNG, TPM; graphics adds the listen address.
class AddModelPage : public AddHardwarePage
{
    Q_OBJECT
public:
    AddModelPage(const QString &kind, const QString &fieldLabel, const arch::ChoiceList &choices,
                 const QString &explanation, QWidget *parent = nullptr);

    void fill(models::AddDeviceRequest &request) const override;
    QString problem() const override;
    ChoiceCombo *choiceCombo() const override { return m_choice; }
    /// Graphics only (nullptr elsewhere).
    QLineEdit *listenEdit() const { return m_listen; }

private:
    ChoiceCombo *m_choice;
    QLineEdit *m_listen = nullptr;
};

/// USB or PCI host device passthrough: the host's devices of that bus; those another VM
/// already has are greyed and cannot be picked.
class AddHostDevicePage : public AddHardwarePage
{
    Q_OBJECT
public:
    AddHostDevicePage(const QString &kind, QWidget *parent = nullptr);

    void setDevices(const QList<models::HostDeviceInfo> &devices);
    void setError(const QString &error);
    void fill(models::AddDeviceRequest &request) const override;
    QString problem() const override;

    QTreeWidget *table() const { return m_table; }
    /// Selects the device with node device name `name`; false when absent or taken.
    bool selectDevice(const QString &name);

private:
    QTreeWidget *m_table;
    QLabel *m_status;
    bool m_loaded = false;
};

} // namespace crossvirt::views
