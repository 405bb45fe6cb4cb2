#pragma once

#include "views/dialogs/newvm/NewVmPage.h"

class QLabel;
class QSpinBox;

namespace crossvirt::views {

class ChoiceCombo;

/// New VM, page 2: virtual CPUs, memory (with the arch's granularity) and the CPU type.
class VmResourcesPage : public NewVmPage
{
    Q_OBJECT
public:
    explicit VmResourcesPage(QWidget *parent = nullptr);

    QSpinBox *vcpus() const { return m_vcpus; }
    QSpinBox *memory() const { return m_memory; }
    QLabel *memoryNote() const { return m_memoryNote; }
    ChoiceCombo *cpu() const { return m_cpu; }

private:
    QSpinBox *m_vcpus;
    QSpinBox *m_memory;
    QLabel *m_memoryNote;
    ChoiceCombo *m_cpu;
};

} // namespace crossvirt::views
