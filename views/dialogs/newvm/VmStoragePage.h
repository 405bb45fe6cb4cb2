#pragma once

#include "views/dialogs/newvm/NewVmPage.h"

class QCheckBox;
class QComboBox;
class QFormLayout;
class QPushButton;
class QSpinBox;

namespace crossvirt::views {

class ChoiceCombo;

/// New VM, page 3: the disk (new volume, existing volume or none), its interface, and an
/// optional CD-ROM with an ISO image and its bus.
class VmStoragePage : public NewVmPage
{
    Q_OBJECT
public:
    explicit VmStoragePage(QWidget *parent = nullptr);

    QComboBox *storageKind() const { return m_storageKind; }
    QComboBox *pool() const { return m_pool; }
    QSpinBox *size() const { return m_size; }
    QComboBox *format() const { return m_format; }
    QComboBox *volume() const { return m_volume; }
    ChoiceCombo *diskInterface() const { return m_diskBus; }
    QCheckBox *cdrom() const { return m_cdrom; }
    QComboBox *iso() const { return m_iso; }
    ChoiceCombo *cdromInterface() const { return m_cdromBus; }
    /// First-run help: shown while the host has no active pool.
    QPushButton *createDefaultPoolButton() const { return m_createDefaultPool; }

private:
    void updateRows();

    QFormLayout *m_form;
    QComboBox *m_storageKind;
    QComboBox *m_pool;
    QSpinBox *m_size;
    QComboBox *m_format;
    QComboBox *m_volume;
    ChoiceCombo *m_diskBus;
    QCheckBox *m_cdrom;
    QComboBox *m_iso;
    ChoiceCombo *m_cdromBus;
    QPushButton *m_createDefaultPool;
};

} // namespace crossvirt::views
