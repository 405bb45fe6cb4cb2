#include "views/vm/details/EditSections.h"
#include "models/provisioning/NameRules.h"

#include "views/common/Accessibility.h"
#include "views/common/DetailWidgets.h"
#include "views/dialogs/ChoiceCombo.h"
#include "views/dialogs/FieldMessage.h"
#include "views/vm/hardware/HostSourceCombos.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

namespace crossvirt::views {

using namespace Qt::StringLiterals;

namespace {

// Spin boxes in MiB: beyond any host today, and inside an int.
constexpr int kMaxMemoryMiB = 64 * 1024 * 1024;
constexpr int kDefaultMaxVcpus = 4096;
constexpr int kMaxMemorySlots = 255;

QString cpuModeId(arch::CpuMode mode)
{
    const QString name = arch::cpuModeName(mode);
    return name.isEmpty() ? u"default"_s : name;
}

arch::CpuMode cpuModeFromId(const QString &id)
{
    for (arch::CpuMode m : {arch::CpuMode::HostModel, arch::CpuMode::HostPassthrough,
                            arch::CpuMode::Maximum, arch::CpuMode::Custom}) {
        if (arch::cpuModeName(m) == id)
            return m;
    }
    return arch::CpuMode::Default;
}

/// `list` with `current` offered: a VM may use a value the arch would not offer today
/// (an older definition, another host); it stays selectable as it is.
arch::ChoiceList withCurrent(const arch::ChoiceList &list, const QString &current,
                             const QString &label)
{
    if (current.isEmpty() || list.offers(current))
        return list;
    QList<arch::Choice> all;
    for (const arch::Choice &c : list) {
        if (c.id != current)
            all << c;
    }
    all.prepend(arch::Choice{
        current, QCoreApplication::translate("EditSections", "%1 (current)").arg(label), true, {}});
    return arch::ChoiceList(all);
}

/// Moves `combo`'s note on what it withholds into `note` (a row of its own under the
/// form): a wrapped note inside a form field in a scrolled page is cut, not wrapped.
QString takeNote(ChoiceCombo *combo)
{
    combo->noteLabel()->hide();
    return combo->noteText();
}

QSpinBox *mibSpin(QWidget *parent)
{
    auto *spin = new QSpinBox(parent);
    spin->setSuffix(QCoreApplication::translate("EditSections", " MiB"));
    spin->setRange(1, kMaxMemoryMiB);
    spin->setAccelerated(true);
    return spin;
}

QString kindLabel(const QString &kind)
{
    static const QHash<QString, const char *> labels = {
        {u"disk"_s, QT_TRANSLATE_NOOP("EditSections", "Disk")},
        {u"cdrom"_s, QT_TRANSLATE_NOOP("EditSections", "CD-ROM")},
        {u"nic"_s, QT_TRANSLATE_NOOP("EditSections", "Network interface")},
        {u"console"_s, QT_TRANSLATE_NOOP("EditSections", "Console")},
        {u"graphics"_s, QT_TRANSLATE_NOOP("EditSections", "Graphics")},
        {u"video"_s, QT_TRANSLATE_NOOP("EditSections", "Video")},
        {u"controller"_s, QT_TRANSLATE_NOOP("EditSections", "Controller")},
        {u"input"_s, QT_TRANSLATE_NOOP("EditSections", "Input device")},
        {u"watchdog"_s, QT_TRANSLATE_NOOP("EditSections", "Watchdog")},
        {u"rng"_s, QT_TRANSLATE_NOOP("EditSections", "Random number generator")},
        {u"tpm"_s, QT_TRANSLATE_NOOP("EditSections", "TPM")},
        {u"usb-host"_s, QT_TRANSLATE_NOOP("EditSections", "USB host device")},
        {u"pci-host"_s, QT_TRANSLATE_NOOP("EditSections", "PCI host device")},
        {u"memballoon"_s, QT_TRANSLATE_NOOP("EditSections", "Memory balloon")},
        {u"dimm"_s, QT_TRANSLATE_NOOP("EditSections", "Memory module (DIMM)")},
    };
    const auto it = labels.constFind(kind);
    return it == labels.constEnd() ? QCoreApplication::translate("EditSections", "Other device")
                                   : QCoreApplication::translate("EditSections", it.value());
}

/// Shows the rows of a checkable form box only while it is checked (no empty frame).
void foldGroup(QGroupBox *box, bool open)
{
    if (auto *form = qobject_cast<QFormLayout *>(box->layout())) {
        for (int row = 0; row < form->rowCount(); ++row)
            form->setRowVisible(row, open);
        // The style's margins, or none while folded (an empty frame otherwise).
        if (open)
            form->setContentsMargins(-1, -1, -1, -1);
        else
            form->setContentsMargins(0, 0, 0, 0);
    }
    box->setFlat(!open);
}

QGroupBox *formBox(const QString &title, QWidget *parent, QFormLayout **form)
{
    auto *box = new QGroupBox(title, parent);
    *form = new QFormLayout(box);
    (*form)->setRowWrapPolicy(QFormLayout::WrapLongRows);
    (*form)->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    return box;
}

} // namespace

// ---- EditSection --------------------------------------------------------------------------

EditSection::EditSection(const QString &title, QWidget *parent) : QWidget(parent)
{
    m_body = new QVBoxLayout(this);
    auto *heading = detailTitle(this);
    heading->setText(title);
    m_body->addWidget(heading);
}

void EditSection::load(const models::VmEditContext &ctx, const models::VmConfig &wanted)
{
    m_loading = true;
    fill(ctx, wanted);
    m_loading = false;
}

void EditSection::notifyEdited()
{
    if (!m_loading)
        emit edited();
}

void EditSection::labelForms()
{
    for (QFormLayout *form : findChildren<QFormLayout *>())
        labelFormFields(form);
}

// ---- Overview -----------------------------------------------------------------------------

OverviewSection::OverviewSection(QWidget *parent) : EditSection(tr("Overview"), parent)
{
    QFormLayout *form = nullptr;
    auto *basic = formBox(tr("Basic details"), this, &form);
    m_name = new QLineEdit(basic);
    m_nameNote = makeFieldNote(basic);
    // The field's whole width (a Preferred label wraps at its own guess of a width).
    m_nameNote->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_nameNote->hide();
    m_uuid = detailValueLabel(basic);
    m_state = detailValueLabel(basic);
    m_title = new QLineEdit(basic);
    m_title->setPlaceholderText(tr("A short title shown next to the name"));
    m_description = new QPlainTextEdit(basic);
    m_description->setTabChangesFocus(true);
    m_description->setMaximumHeight(m_description->fontMetrics().lineSpacing() * 6);
    form->addRow(tr("Name:"), m_name);
    form->addRow(QString(), m_nameNote);
    form->addRow(tr("UUID:"), m_uuid);
    form->addRow(tr("State:"), m_state);
    form->addRow(tr("Title:"), m_title);
    form->addRow(tr("Description:"), m_description);
    body()->addWidget(basic);

    auto *hv = formBox(tr("Hypervisor details"), this, &form);
    m_arch = detailValueLabel(hv);
    m_machine = detailValueLabel(hv);
    m_emulator = detailValueLabel(hv);
    m_firmware = detailValueLabel(hv);
    // Short values on one line: a wrapping label in a scrolled form is cut, not wrapped.
    for (QLabel *l : {m_uuid, m_state, m_arch, m_machine, m_emulator, m_firmware})
        l->setWordWrap(false);
    form->addRow(tr("Architecture:"), m_arch);
    form->addRow(tr("Machine type:"), m_machine);
    form->addRow(tr("Emulator:"), m_emulator);
    form->addRow(tr("Firmware:"), m_firmware);
    body()->addWidget(hv);
    body()->addStretch();
    labelForms();

    connect(m_name, &QLineEdit::textEdited, this, [this] {
        updateNameNote();
        notifyEdited();
    });
    connect(m_title, &QLineEdit::textEdited, this, &OverviewSection::notifyEdited);
    connect(m_description, &QPlainTextEdit::textChanged, this, &OverviewSection::notifyEdited);
}

void OverviewSection::fill(const models::VmEditContext &ctx, const models::VmConfig &wanted)
{
    if (m_name->text() != wanted.name)
        m_name->setText(wanted.name);
    m_loadedName = ctx.inactive.name;
    m_otherNames = ctx.otherVmNames;
    // The arch's verdict on a rename (the same rule as the plan's): read-only while it runs.
    m_nameLocked.clear();
    if (const arch::ArchModel *model = ctx.model()) {
        const arch::ChangeRule rule = model->changeRule(ctx.context(), ctx.facts(),
                                                        {arch::GuestChange::Rename, {}, {}, 0, 0});
        if (!rule.allowed())
            m_nameLocked = rule.reason;
    } else if (ctx.running()) {
        m_nameLocked = tr("A running virtual machine cannot be renamed: shut it down first");
    }
    // Read-only looks like the values below it (the UUID), not like a field to type in.
    m_name->setReadOnly(!m_nameLocked.isEmpty());
    m_name->setFrame(m_nameLocked.isEmpty());
    m_name->setToolTip(m_nameLocked);
    updateNameNote();
    m_uuid->setText(wanted.uuid);
    m_state->setText(ctx.running() ? tr("Running") : tr("Shut off"));
    if (m_title->text() != wanted.title)
        m_title->setText(wanted.title);
    if (m_description->toPlainText() != wanted.description)
        m_description->setPlainText(wanted.description);
    const arch::ArchModel *model = ctx.model();
    const QString arch = model ? tr("%1 (%2)").arg(model->displayName(), wanted.arch) : wanted.arch;
    m_arch->setText(wanted.virtType == arch::VirtType::Kvm ? tr("%1, native (KVM)").arg(arch)
                                                           : tr("%1, emulated (TCG)").arg(arch));
    m_machine->setText(wanted.machine.isEmpty() ? tr("default") : wanted.machine);
    m_emulator->setText(wanted.emulator.isEmpty() ? tr("the host's default") : wanted.emulator);
    // The firmware by its name for this arch ("BIOS (SeaBIOS)", "UEFI", "SLOF").
    QString firmware = wanted.firmware == "efi"_L1 ? tr("UEFI") : tr("the architecture's default");
    if (model) {
        arch::GuestContext plain = ctx.context();
        plain.firmware.clear();
        const arch::FirmwareSpec spec = model->firmware(plain);
        const QString id = wanted.firmware.isEmpty() ? spec.defaultFirmware : wanted.firmware;
        if (const arch::Choice *c = spec.choices.find(id))
            firmware = c->label;
    }
    m_firmware->setText(firmware);
}

void OverviewSection::updateNameNote()
{
    const QString note = nameNote();
    m_nameNote->setText(note);
    m_nameNote->setVisible(!note.isEmpty());
}

QString OverviewSection::nameNote() const
{
    if (!m_nameLocked.isEmpty())
        return m_nameLocked;
    if (m_name->text() == m_loadedName)
        return {};
    return models::NameRules::vmNameProblems(m_name->text(), m_otherNames).join(u' ');
}

void OverviewSection::store(models::VmConfig &wanted) const
{
    if (m_nameLocked.isEmpty())
        wanted.name = m_name->text();
    wanted.title = m_title->text();
    wanted.description = m_description->toPlainText();
}

QString OverviewSection::archText() const
{
    return m_arch->text();
}

QString OverviewSection::machineText() const
{
    return m_machine->text();
}

// ---- CPUs ---------------------------------------------------------------------------------

CpuSection::CpuSection(QWidget *parent) : EditSection(tr("CPUs"), parent)
{
    QFormLayout *form = nullptr;
    auto *count = formBox(tr("vCPUs"), this, &form);
    m_vcpus = new QSpinBox(count);
    m_maxVcpus = new QSpinBox(count);
    m_vcpus->setRange(1, kDefaultMaxVcpus);
    m_maxVcpus->setRange(1, kDefaultMaxVcpus);
    form->addRow(tr("Current allocation:"), m_vcpus);
    form->addRow(tr("Maximum allocation:"), m_maxVcpus);
    m_hotplugNote = makeFieldNote(count);
    m_limitsNote = makeFieldNote(count);
    form->addRow(m_hotplugNote);
    form->addRow(m_limitsNote);
    body()->addWidget(count);

    m_topology = formBox(tr("Manually set CPU topology"), this, &form);
    m_topology->setCheckable(true);
    m_sockets = new QSpinBox(m_topology);
    m_cores = new QSpinBox(m_topology);
    m_threads = new QSpinBox(m_topology);
    for (QSpinBox *s : {m_sockets, m_cores, m_threads})
        s->setRange(1, kDefaultMaxVcpus);
    form->addRow(tr("Sockets:"), m_sockets);
    form->addRow(tr("Cores per socket:"), m_cores);
    form->addRow(tr("Threads per core:"), m_threads);
    form->addRow(
        makeFieldNote(m_topology, tr("The maximum allocation is sockets × cores × threads.")));
    body()->addWidget(m_topology);

    auto *config = formBox(tr("Configuration"), this, &form);
    m_mode = new ChoiceCombo(config);
    m_model = new ChoiceCombo(config);
    form->addRow(tr("CPU mode:"), m_mode);
    form->addRow(tr("Model:"), m_model);
    body()->addWidget(config);
    m_cpuNote = makeFieldNote(this);
    body()->addWidget(m_cpuNote);
    body()->addStretch();
    labelForms();

    // The current count never exceeds the maximum (libvirt refuses it).
    connect(m_maxVcpus, &QSpinBox::valueChanged, this, [this](int max) {
        m_vcpus->setMaximum(max);
        notifyEdited();
    });
    connect(m_vcpus, &QSpinBox::valueChanged, this, &CpuSection::notifyEdited);
    for (QSpinBox *s : {m_sockets, m_cores, m_threads})
        connect(s, &QSpinBox::valueChanged, this, &CpuSection::topologyChanged);
    connect(m_topology, &QGroupBox::toggled, this, &CpuSection::topologyChanged);
    connect(m_mode, &ChoiceCombo::currentIdChanged, this, [this] {
        updateModelEnabled();
        notifyEdited();
    });
    connect(m_model, &ChoiceCombo::currentIdChanged, this, &CpuSection::notifyEdited);
}

void CpuSection::showTopologyFields(bool manual)
{
    // Folded away unless set: most guests leave the topology to the hypervisor.
    foldGroup(m_topology, manual);
}

void CpuSection::topologyChanged()
{
    const bool manual = m_topology->isChecked();
    showTopologyFields(manual);
    m_maxVcpus->setEnabled(!manual);
    if (manual)
        m_maxVcpus->setValue(qMin(m_sockets->value() * m_cores->value() * m_threads->value(),
                                  m_maxVcpus->maximum()));
    notifyEdited();
}

void CpuSection::updateModelEnabled()
{
    const bool custom = m_mode->currentId() == "custom"_L1;
    m_model->setEnabled(custom);
    m_model->setToolTip(custom ? QString() : tr("A named model is used with the mode Custom."));
}

void CpuSection::fill(const models::VmEditContext &ctx, const models::VmConfig &wanted)
{
    const arch::ArchModel *model = ctx.model();
    const arch::GuestContext gctx = ctx.context();
    const arch::Limits limits = model ? model->limits(gctx) : arch::Limits{};
    const int archMax = limits.maxVcpus > 0 ? limits.maxVcpus : kDefaultMaxVcpus;
    const int ceiling = qMax(archMax, qMax(wanted.maxVcpus, 1));
    m_maxVcpus->setRange(1, ceiling);
    m_maxVcpus->setValue(qMax(wanted.maxVcpus, 1));
    m_vcpus->setMaximum(m_maxVcpus->value());
    m_vcpus->setValue(qMax(wanted.vcpus, 1));

    QStringList hotplug;
    if (model) {
        const arch::Operations ops = model->operations(gctx);
        if (!ops.cpuHotplug)
            hotplug << tr("vCPUs are not hot-plugged: %1").arg(ops.cpuHotplug.reason);
        else if (!ops.cpuHotUnplug)
            hotplug << tr("vCPUs can be added while the VM runs, not removed: %1")
                           .arg(ops.cpuHotUnplug.reason);
        else
            hotplug << tr("While the VM runs, vCPUs can be added up to the maximum allocation.");
    }
    m_hotplugNote->setText(hotplug.join(u'\n'));
    m_hotplugNote->setVisible(!hotplug.isEmpty());
    QStringList limitsText;
    // A running guest may differ from its definition until it restarts.
    if (ctx.running() && ctx.live.vcpus != ctx.inactive.vcpus)
        limitsText << tr("The running guest has %n vCPU(s) now; the values above are for "
                         "its next boot.",
                         nullptr, ctx.live.vcpus);
    if (ctx.hostCpus > 0)
        limitsText << tr("The host has %n CPU(s).", nullptr, ctx.hostCpus);
    if (limits.maxVcpus > 0)
        limitsText << tr("%1 guests take at most %2 vCPUs.").arg(wanted.arch).arg(limits.maxVcpus);
    m_limitsNote->setText(limitsText.join(u' '));
    m_limitsNote->setVisible(!limitsText.isEmpty());

    m_baseCpu = ctx.inactive.cpu;
    const bool manual = wanted.sockets > 0;
    m_topology->setChecked(manual);
    m_sockets->setValue(manual ? wanted.sockets : qMax(wanted.maxVcpus, 1));
    m_cores->setValue(manual ? qMax(wanted.cores, 1) : 1);
    m_threads->setValue(manual ? qMax(wanted.threads, 1) : 1);
    m_maxVcpus->setEnabled(!manual);
    showTopologyFields(manual);

    QList<arch::Choice> modes{{u"default"_s, tr("Hypervisor default"), true, {}}};
    if (model) {
        for (const arch::Choice &c : model->cpuModes(gctx))
            modes << c;
    }
    const QString modeId = cpuModeId(wanted.cpu.mode);
    m_mode->setChoices(
        withCurrent(arch::ChoiceList(modes), modeId, arch::ArchModel::cpuModeLabel(modeId)),
        modeId);
    m_mode->setCurrentId(modeId);
    const arch::ChoiceList models = model ? model->cpuModels(gctx) : arch::ChoiceList{};
    m_model->setChoices(withCurrent(models, wanted.cpu.model, wanted.cpu.model), wanted.cpu.model);
    QStringList notes;
    for (ChoiceCombo *c : {m_mode, m_model}) {
        if (const QString n = takeNote(c); !n.isEmpty())
            notes << n;
    }
    m_cpuNote->setText(notes.join(u'\n'));
    QStringList tips{m_mode->noteLabel()->toolTip(), m_model->noteLabel()->toolTip()};
    tips.removeAll(QString());
    m_cpuNote->setToolTip(tips.join(u'\n'));
    m_cpuNote->setVisible(!notes.isEmpty());
    if (!wanted.cpu.model.isEmpty())
        m_model->setCurrentId(wanted.cpu.model);
    updateModelEnabled();
}

QString CpuSection::countNotes() const
{
    return m_hotplugNote->text() + u'\n' + m_limitsNote->text();
}

void CpuSection::store(models::VmConfig &wanted) const
{
    wanted.vcpus = m_vcpus->value();
    wanted.maxVcpus = m_maxVcpus->value();
    if (m_topology->isChecked()) {
        wanted.sockets = m_sockets->value();
        wanted.cores = m_cores->value();
        wanted.threads = m_threads->value();
    } else {
        wanted.sockets = wanted.cores = wanted.threads = 0;
    }
    arch::CpuChoice cpu;
    cpu.mode = cpuModeFromId(m_mode->currentId());
    cpu.model = cpu.mode == arch::CpuMode::Custom ? m_model->currentId() : QString();
    // Unchanged in the combos: keep the definition's <cpu> exactly (a model libvirt
    // wrote next to host-model is no change).
    const bool sameModel = cpu.mode != arch::CpuMode::Custom || cpu.model == m_baseCpu.model;
    wanted.cpu = cpu.mode == m_baseCpu.mode && sameModel ? m_baseCpu : cpu;
}

// ---- Memory -------------------------------------------------------------------------------

MemorySection::MemorySection(QWidget *parent) : EditSection(tr("Memory"), parent)
{
    QFormLayout *form = nullptr;
    auto *alloc = formBox(tr("Allocation"), this, &form);
    m_memory = mibSpin(alloc);
    m_current = mibSpin(alloc);
    form->addRow(tr("Boot memory:"), m_memory);
    form->addRow(tr("Current allocation:"), m_current);
    m_balloonNote = makeFieldNote(alloc);
    m_stepNote = makeFieldNote(alloc);
    form->addRow(m_balloonNote);
    form->addRow(m_stepNote);
    body()->addWidget(alloc);

    m_hotplug = formBox(tr("Memory hot-plug"), this, &form);
    m_hotplug->setCheckable(true);
    m_maxMemory = mibSpin(m_hotplug);
    m_slots = new QSpinBox(m_hotplug);
    m_slots->setRange(1, kMaxMemorySlots);
    form->addRow(tr("Maximum memory:"), m_maxMemory);
    form->addRow(tr("Memory slots:"), m_slots);
    body()->addWidget(m_hotplug);
    m_hotplugNote = makeFieldNote(this);
    body()->addWidget(m_hotplugNote);
    body()->addStretch();
    labelForms();

    connect(m_memory, &QSpinBox::valueChanged, this, [this](int mib) {
        // The balloon cannot give the guest more than it booted with.
        m_current->setMaximum(mib);
        if (!m_hasBalloon)
            m_current->setValue(mib);
        m_maxMemory->setMinimum(mib);
        notifyEdited();
    });
    connect(m_current, &QSpinBox::valueChanged, this, &MemorySection::notifyEdited);
    connect(m_maxMemory, &QSpinBox::valueChanged, this, &MemorySection::notifyEdited);
    connect(m_slots, &QSpinBox::valueChanged, this, &MemorySection::notifyEdited);
    connect(m_hotplug, &QGroupBox::toggled, this, [this](bool on) {
        foldGroup(m_hotplug, on);
        notifyEdited();
    });
}

void MemorySection::fill(const models::VmEditContext &ctx, const models::VmConfig &wanted)
{
    const arch::ArchModel *model = ctx.model();
    const arch::GuestContext gctx = ctx.context();
    const arch::Limits limits = model ? model->limits(gctx) : arch::Limits{};
    const int step = qMax(limits.memoryGranularityMiB, 1);
    const int hotStep = limits.memoryHotplugGranularityMiB;
    m_hasBalloon = ctx.facts().hasBalloon;

    m_memory->setSingleStep(step);
    m_memory->setMinimum(qMax(limits.minMemoryMiB, step));
    m_memory->setValue(int(wanted.memoryMiB));
    m_current->setSingleStep(step);
    m_current->setMaximum(qMax(int(wanted.memoryMiB), 1));
    m_current->setValue(
        int(wanted.currentMemoryMiB > 0 ? wanted.currentMemoryMiB : wanted.memoryMiB));
    m_current->setEnabled(m_hasBalloon);
    m_balloonNote->setText(
        m_hasBalloon ? tr("The balloon driver gives a running guest its current allocation.")
                     : tr("This VM has no memory balloon: it always has its boot memory."));
    m_balloonNote->show();
    QStringList steps;
    if (ctx.running() && ctx.live.memoryMiB != ctx.inactive.memoryMiB)
        steps << tr("The running guest has %1 MiB now; the values above are for its next boot.")
                     .arg(ctx.live.memoryMiB);
    if (step > 1)
        steps << tr("%1 guests take memory in steps of %2 MiB.").arg(wanted.arch).arg(step);
    if (ctx.hostMemoryMiB > 0)
        steps << tr("The host has %1 MiB.").arg(ctx.hostMemoryMiB);
    m_stepNote->setText(steps.join(u' '));
    m_stepNote->setVisible(!steps.isEmpty());

    const arch::Operation op =
        model ? model->operations(gctx).memoryHotplug
              : arch::Operation{false, tr("Crossvirt does not know %1 guests.").arg(wanted.arch)};
    const bool possible = op.supported && hotStep > 0;
    m_maxMemory->setSingleStep(qMax(hotStep, step));
    m_maxMemory->setMinimum(int(wanted.memoryMiB));
    m_maxMemory->setValue(
        int(wanted.maxMemoryMiB > 0 ? wanted.maxMemoryMiB : wanted.memoryMiB * 2));
    m_slots->setValue(wanted.memorySlots > 0 ? wanted.memorySlots : 16);
    m_hotplug->setChecked(wanted.maxMemoryMiB > 0);
    foldGroup(m_hotplug, m_hotplug->isChecked());
    // A definition that already has <maxMemory> stays editable (it may be removed).
    m_hotplug->setEnabled(possible || wanted.maxMemoryMiB > 0);
    QString note;
    if (!possible) {
        note = op.reason.isEmpty() ? tr("%1 guests cannot hot-plug memory.").arg(wanted.arch)
                                   : tr("No memory hot-plug: %1").arg(op.reason);
    } else {
        note = tr("Memory is hot-plugged in modules (DIMMs) of %1 MiB steps, up to the "
                  "maximum memory; the maximum and the slots are set while the VM is shut off.")
                   .arg(hotStep);
    }
    m_hotplugNote->setText(note);
    m_hotplugNote->show();
}

void MemorySection::store(models::VmConfig &wanted) const
{
    wanted.memoryMiB = m_memory->value();
    // Without a balloon the current allocation is left alone: planEdit makes it follow
    // the boot memory.
    if (m_hasBalloon)
        wanted.currentMemoryMiB = m_current->value();
    const bool hotplug = m_hotplug->isChecked();
    wanted.maxMemoryMiB = hotplug ? m_maxMemory->value() : 0;
    wanted.memorySlots = hotplug ? m_slots->value() : 0;
}

QString MemorySection::hotplugNote() const
{
    return m_hotplugNote->text();
}

// ---- Boot options -------------------------------------------------------------------------

BootSection::BootSection(QWidget *parent) : EditSection(tr("Boot Options"), parent)
{
    auto *autoBox = new QGroupBox(tr("Autostart"), this);
    m_autostart = new QCheckBox(tr("Start the virtual machine when the host boots"), autoBox);
    auto *autoLayout = new QVBoxLayout(autoBox);
    autoLayout->addWidget(m_autostart);
    body()->addWidget(autoBox);

    auto *orderBox = new QGroupBox(tr("Boot device order"), this);
    auto *orderLayout = new QGridLayout(orderBox);
    m_bootList = new QListWidget(orderBox);
    m_bootList->setAccessibleName(tr("Boot device order"));
    m_bootList->setMinimumHeight(m_bootList->fontMetrics().lineSpacing() * 4);
    m_bootList->setMaximumHeight(m_bootList->fontMetrics().lineSpacing() * 8);
    m_up = new QPushButton(tr("Up"), orderBox);
    m_down = new QPushButton(tr("Down"), orderBox);
    m_up->setToolTip(tr("Try this device earlier"));
    m_down->setToolTip(tr("Try this device later"));
    orderLayout->addWidget(m_bootList, 0, 0, 3, 1);
    orderLayout->addWidget(m_up, 0, 1);
    orderLayout->addWidget(m_down, 1, 1);
    m_bootNote = makeFieldNote(orderBox);
    orderLayout->addWidget(m_bootNote, 3, 0, 1, 2);
    body()->addWidget(orderBox);

    QFormLayout *form = nullptr;
    auto *fwBox = formBox(tr("Firmware"), this, &form);
    m_firmware = new ChoiceCombo(fwBox);
    form->addRow(tr("Firmware:"), m_firmware);
    m_firmwareNote = makeFieldNote(fwBox);
    form->addRow(m_firmwareNote);
    body()->addWidget(fwBox);

    auto *kernelBox = formBox(tr("Direct kernel boot"), this, &form);
    m_kernel = new QLineEdit(kernelBox);
    m_initrd = new QLineEdit(kernelBox);
    m_cmdline = new QLineEdit(kernelBox);
    m_dtb = new QLineEdit(kernelBox);
    m_kernel->setPlaceholderText(tr("A kernel file on the host; empty boots from a device"));
    form->addRow(tr("Kernel path:"), m_kernel);
    form->addRow(tr("Initrd path:"), m_initrd);
    form->addRow(tr("Kernel arguments:"), m_cmdline);
    form->addRow(tr("DTB path:"), m_dtb);
    m_dtbNote = makeFieldNote(kernelBox);
    form->addRow(m_dtbNote);
    body()->addWidget(kernelBox);
    body()->addStretch();
    labelForms();

    connect(m_autostart, &QCheckBox::toggled, this, &BootSection::notifyEdited);
    connect(m_up, &QPushButton::clicked, this, [this] { moveSelected(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveSelected(1); });
    connect(m_bootList, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        if (!m_filling)
            itemChecked(m_bootList->row(item));
    });
    connect(m_bootList, &QListWidget::currentRowChanged, this, [this](int row) {
        m_up->setEnabled(row > 0);
        m_down->setEnabled(row >= 0 && row < m_bootList->count() - 1);
    });
    connect(m_firmware, &ChoiceCombo::currentIdChanged, this, &BootSection::notifyEdited);
    for (QLineEdit *e : {m_kernel, m_initrd, m_cmdline, m_dtb})
        connect(e, &QLineEdit::textEdited, this, &BootSection::notifyEdited);
}

void BootSection::fill(const models::VmEditContext &ctx, const models::VmConfig &wanted)
{
    m_filling = true;
    m_base = ctx.inactive;
    const arch::ArchModel *model = ctx.model();
    const arch::GuestContext gctx = ctx.context();
    m_autostart->setChecked(wanted.autostart);

    const int keepRow = m_bootList->currentRow();
    m_bootList->clear();
    const QStringList order = wanted.bootOrder();
    QList<const models::VmDevice *> bootable;
    for (const QString &id : order) {
        if (const models::VmDevice *d = wanted.device(id))
            bootable << d;
    }
    for (const models::VmDevice &d : wanted.devices) {
        static const QStringList bootKinds{u"disk"_s, u"cdrom"_s, u"nic"_s, u"usb-host"_s,
                                           u"pci-host"_s};
        const bool kind = bootKinds.contains(d.kind);
        if (kind && !bootable.contains(&d))
            bootable << &d;
    }
    for (const models::VmDevice *d : bootable) {
        auto *item = new QListWidgetItem(d->label(), m_bootList);
        item->setData(Qt::UserRole, d->id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(order.contains(d->id) ? Qt::Checked : Qt::Unchecked);
    }
    m_bootList->setCurrentRow(qBound(-1, keepRow, m_bootList->count() - 1));
    m_up->setEnabled(m_bootList->currentRow() > 0);
    m_down->setEnabled(m_bootList->currentRow() >= 0 &&
                       m_bootList->currentRow() < m_bootList->count() - 1);

    const arch::BootOrderRules rules = model ? model->bootOrderRules(gctx) : arch::BootOrderRules{};
    m_maxBootDevices = rules.maxDevices;
    QString note = rules.reason;
    if (note.isEmpty() && rules.maxDevices > 0)
        note = tr("The firmware tries %n device(s).", nullptr, rules.maxDevices);
    if (bootable.isEmpty())
        note = tr("This VM has no disk, CD-ROM or network interface to boot from.");
    m_bootNote->setText(note);
    m_bootNote->setVisible(!note.isEmpty());

    // Firmware: the arch's list; the VM's own firmware stays selectable.
    arch::GuestContext plain = gctx;
    plain.firmware.clear();
    const arch::FirmwareSpec spec = model ? model->firmware(plain) : arch::FirmwareSpec{};
    m_defaultFirmware = spec.defaultFirmware.isEmpty() ? u"bios"_s : spec.defaultFirmware;
    const QString fwId = wanted.firmware.isEmpty() ? m_defaultFirmware : wanted.firmware;
    m_firmware->setChoices(withCurrent(spec.choices, fwId, fwId == "efi"_L1 ? tr("UEFI") : fwId),
                           fwId);
    m_firmware->setCurrentId(fwId);
    const bool choice = m_firmware->offeredIds().size() > 1;
    m_firmware->comboBox()->setEnabled(choice);
    QStringList fwNotes;
    if (const QString withheld = takeNote(m_firmware); !withheld.isEmpty())
        fwNotes << withheld;
    if (spec.requiresUefi)
        fwNotes << tr("%1 guests boot with UEFI only.").arg(wanted.arch);
    if (!spec.problem.isEmpty())
        fwNotes << spec.problem;
    if (choice)
        fwNotes << tr("A firmware change takes effect at the next boot.");
    m_firmwareNote->setText(fwNotes.join(u'\n'));
    m_firmwareNote->setVisible(!fwNotes.isEmpty());

    m_kernel->setText(wanted.kernel);
    m_initrd->setText(wanted.initrd);
    m_cmdline->setText(wanted.cmdline);
    m_dtb->setText(wanted.dtb);
    const arch::Operation dtb = model ? model->deviceTree(gctx) : arch::Operation{true, {}};
    m_dtb->setEnabled(dtb.supported || !wanted.dtb.isEmpty());
    m_dtbNote->setText(dtb.supported ? QString() : dtb.reason);
    m_dtbNote->setVisible(!dtb.supported && !dtb.reason.isEmpty());
    m_filling = false;
}

void BootSection::moveSelected(int delta)
{
    const int row = m_bootList->currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_bootList->count())
        return;
    m_filling = true;
    QListWidgetItem *item = m_bootList->takeItem(row);
    m_bootList->insertItem(to, item);
    m_bootList->setCurrentRow(to);
    m_filling = false;
    notifyEdited();
}

void BootSection::itemChecked(int row)
{
    // The firmware tries only so many devices (s390x: one): checking another unchecks
    // the earlier ones beyond the limit.
    if (m_maxBootDevices > 0 && m_bootList->item(row)->checkState() == Qt::Checked) {
        m_filling = true;
        int checked = 1;
        for (int i = 0; i < m_bootList->count(); ++i) {
            QListWidgetItem *item = m_bootList->item(i);
            if (i == row || item->checkState() != Qt::Checked)
                continue;
            if (++checked > m_maxBootDevices)
                item->setCheckState(Qt::Unchecked);
        }
        m_filling = false;
    }
    notifyEdited();
}

QStringList BootSection::checkedBootIds() const
{
    QStringList ids;
    for (int i = 0; i < m_bootList->count(); ++i) {
        if (m_bootList->item(i)->checkState() == Qt::Checked)
            ids << m_bootList->item(i)->data(Qt::UserRole).toString();
    }
    return ids;
}

QString BootSection::bootRuleNote() const
{
    return m_bootNote->text();
}

void BootSection::store(models::VmConfig &wanted) const
{
    wanted.autostart = m_autostart->isChecked();
    const QStringList ids = checkedBootIds();
    if (ids == m_base.bootOrder()) {
        // Unchanged: keep the definition's own form (<os><boot dev> or per-device).
        wanted.osBootDevices = m_base.osBootDevices;
        for (models::VmDevice &d : wanted.devices) {
            if (const models::VmDevice *base = m_base.device(d.id))
                d.bootOrder = base->bootOrder;
        }
    } else {
        // Per-device <boot order> (never together with <os><boot dev>).
        wanted.osBootDevices.clear();
        for (models::VmDevice &d : wanted.devices)
            d.bootOrder = int(ids.indexOf(d.id)) + 1;
    }

    const QString fwId = m_firmware->currentId();
    const QString baseId = m_base.firmware.isEmpty() ? m_defaultFirmware : m_base.firmware;
    if (fwId == baseId)
        wanted.firmware = m_base.firmware;
    else
        wanted.firmware = fwId == "efi"_L1 ? u"efi"_s : QString();

    wanted.kernel = m_kernel->text().trimmed();
    wanted.initrd = m_initrd->text().trimmed();
    wanted.cmdline = m_cmdline->text().trimmed();
    wanted.dtb = m_dtb->text().trimmed();
}

// ---- one device ---------------------------------------------------------------------------

DeviceSection::DeviceSection(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    m_title = detailTitle(this);
    layout->addWidget(m_title);
    m_facts = new QGroupBox(tr("Details"), this);
    new QFormLayout(m_facts);
    layout->addWidget(m_facts);

    m_media = new QGroupBox(tr("Media"), this);
    auto *mediaLayout = new QVBoxLayout(m_media);
    auto *buttons = new QHBoxLayout;
    m_changeMedia = new QPushButton(tr("Change media…"), m_media);
    m_eject = new QPushButton(tr("Eject"), m_media);
    buttons->addWidget(m_changeMedia);
    buttons->addWidget(m_eject);
    buttons->addStretch();
    mediaLayout->addLayout(buttons);
    m_mediaNote = makeFieldNote(m_media);
    mediaLayout->addWidget(m_mediaNote);
    layout->addWidget(m_media);

    m_nicBox = new QGroupBox(tr("Network"), this);
    auto *nicForm = new QFormLayout(m_nicBox);
    nicForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_network = new QComboBox(m_nicBox);
    m_network->setPlaceholderText(tr("Reading the host's networks…"));
    nicForm->addRow(tr("&Network source:"), m_network);
    m_bridge = new QLineEdit(m_nicBox);
    m_bridge->setPlaceholderText(tr("br0"));
    nicForm->addRow(tr("&Bridge:"), m_bridge);
    m_nicModel = new ChoiceCombo(m_nicBox);
    nicForm->addRow(tr("&Model:"), m_nicModel);
    m_linkUp = new QCheckBox(tr("&Link up (the guest sees the cable plugged in)"), m_nicBox);
    nicForm->addRow(tr("Link state:"), m_linkUp);
    m_nicNote = makeFieldNote(m_nicBox);
    nicForm->addRow(m_nicNote);
    labelFormFields(nicForm);
    layout->addWidget(m_nicBox);
    m_nicBox->hide();

    auto *xmlBox = new QGroupBox(tr("XML"), this);
    auto *xmlLayout = new QVBoxLayout(xmlBox);
    m_xml = new QPlainTextEdit(xmlBox);
    m_xml->setReadOnly(true);
    m_xml->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_xml->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_xml->setAccessibleName(tr("Device XML"));
    xmlLayout->addWidget(m_xml);
    layout->addWidget(xmlBox, 1);

    connect(m_network, &QComboBox::currentIndexChanged, this, &DeviceSection::nicFieldChanged);
    connect(m_bridge, &QLineEdit::textChanged, this, &DeviceSection::nicFieldChanged);
    connect(m_nicModel, &ChoiceCombo::currentIdChanged, this, &DeviceSection::nicFieldChanged);
    connect(m_linkUp, &QCheckBox::toggled, this, &DeviceSection::nicFieldChanged);
    connect(m_changeMedia, &QPushButton::clicked, this, &DeviceSection::askForMedia);
    connect(m_eject, &QPushButton::clicked, this,
            [this] { emit changeMediaRequested(m_id, QString()); });
}

void DeviceSection::showDevice(const models::VmDevice &device, bool running, int bootPosition)
{
    m_id = device.id;
    m_source = device.source;
    m_title->setText(device.label());
    auto *form = static_cast<QFormLayout *>(m_facts->layout());
    while (form->rowCount() > 0)
        form->removeRow(0);
    const auto add = [&](const QString &label, const QString &value) {
        if (value.isEmpty())
            return;
        QLabel *v = detailValueLabel(m_facts);
        v->setText(value);
        form->addRow(label, v);
    };
    add(tr("Type:"), kindLabel(device.kind));
    add(tr("Model:"), device.model);
    if (device.kind == "nic"_L1) {
        add(tr("Source:"), device.source);
        add(tr("MAC address:"), device.id);
    } else {
        add(tr("Source:"),
            device.kind == "cdrom"_L1 && device.source.isEmpty() ? tr("no medium") : device.source);
        add(device.kind == "disk"_L1 || device.kind == "cdrom"_L1 ? tr("Target:") : tr("Name:"),
            device.id);
    }
    if (device.kind == "disk"_L1 || device.kind == "cdrom"_L1 || device.kind == "nic"_L1)
        add(tr("Boot order:"),
            bootPosition > 0 ? QString::number(bootPosition) : tr("not a boot device"));
    if (device.readOnly)
        add(tr("Access:"), tr("read-only"));

    const bool cdrom = device.kind == "cdrom"_L1;
    m_media->setVisible(cdrom);
    m_nicBox->hide(); // showNic() shows it
    m_eject->setEnabled(!device.source.isEmpty());
    m_mediaNote->setText(running ? tr("The running guest sees the new medium at once.")
                                 : tr("The medium is used at the next boot."));
    m_mediaNote->show();
    // The element as cut from the domain XML: its inner lines keep the domain's indent.
    QStringList lines = device.xml.trimmed().split(u'\n');
    if (lines.size() > 1) {
        const QString &last = lines.last();
        const qsizetype indent = last.size() - QStringView(last).trimmed().size();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            qsizetype n = 0;
            while (n < indent && n < lines[i].size() && lines[i][n].isSpace())
                ++n;
            lines[i].remove(0, n);
        }
    }
    m_xml->setPlainText(lines.join(u'\n'));
}

QStringList DeviceSection::factLines() const
{
    QStringList lines;
    auto *form = static_cast<QFormLayout *>(m_facts->layout());
    for (int i = 0; i < form->rowCount(); ++i) {
        auto *label = qobject_cast<QLabel *>(form->itemAt(i, QFormLayout::LabelRole)->widget());
        auto *value = qobject_cast<QLabel *>(form->itemAt(i, QFormLayout::FieldRole)->widget());
        if (label && value)
            lines << label->text() + u' ' + value->text();
    }
    return lines;
}

void DeviceSection::showNic(const models::VmDevice &device, const models::NicUpdate &staged,
                            const arch::ChoiceList &models, bool running)
{
    m_filling = true;
    m_nic = device;
    m_nicStaged = staged;
    // Only a network or bridge source is offered here (not macvtap, user networking, …).
    m_nicEditable = device.sourceType == "network"_L1 || device.sourceType == "bridge"_L1;
    fillNetworkChoice();
    arch::ChoiceList choices = models;
    if (!device.model.isEmpty() && !choices.contains(device.model))
        choices.append(arch::Choice{device.model, device.model, true, {}}); // keep what it has
    m_nicModel->setChoices(choices);
    m_nicModel->setCurrentId(staged.model.isEmpty() ? device.model : staged.model);
    m_linkUp->setChecked(staged.linkUp.value_or(!device.linkDown));
    m_network->setEnabled(m_nicEditable);
    m_bridge->setEnabled(m_nicEditable);
    QStringList notes;
    if (!m_nicEditable)
        notes << tr("This interface's source (%1) is changed in the XML tab.")
                     .arg(device.sourceType);
    if (running)
        notes << tr("A new network or bridge and the link state reach the running guest at "
                    "once; a new model takes effect when it next starts.");
    notes << tr("The MAC address stays. Changes are listed under Pending changes until you "
                "apply them.");
    m_nicNote->setText(notes.join(u' '));
    m_nicNote->show();
    m_nicBox->show();
    m_filling = false;
}

void DeviceSection::fillNetworkChoice()
{
    const bool wasFilling = m_filling;
    m_filling = true;
    const QString network = m_nicStaged.network.isEmpty() ? m_nic.source : m_nicStaged.network;
    const bool bridge = m_nicStaged.network.isEmpty() ? m_nic.sourceType == "bridge"_L1
                                                      : m_nicStaged.bridge;
    if (m_storage)
        fillNetworks(m_network, *m_storage);
    else
        m_network->clear();
    if (!m_storage && !m_storageError.isEmpty())
        m_network->setPlaceholderText(
            tr("The host's networks could not be read: %1").arg(m_storageError));
    selectNetwork(m_network, network, bridge);
    m_bridge->setText(bridge ? network : QString());
    if (auto *form = qobject_cast<QFormLayout *>(m_nicBox->layout()))
        form->setRowVisible(m_bridge, isBridgeEntry(m_network));
    m_filling = wasFilling;
}

models::NicUpdate DeviceSection::nicUpdate() const
{
    models::NicUpdate u;
    if (m_nicEditable) {
        u.bridge = isBridgeEntry(m_network);
        u.network = u.bridge ? m_bridge->text().trimmed() : m_network->currentData().toString();
    }
    u.model = m_nicModel->currentId();
    u.linkUp = m_linkUp->isChecked();
    return u;
}

void DeviceSection::nicFieldChanged()
{
    if (auto *form = qobject_cast<QFormLayout *>(m_nicBox->layout()))
        form->setRowVisible(m_bridge, isBridgeEntry(m_network));
    if (m_filling || m_nicBox->isHidden())
        return;
    models::NicUpdate u = nicUpdate();
    // A bridge name being typed is no change yet.
    if (u.bridge && !isBridgeName(u.network))
        u.network.clear();
    m_nicStaged = u;
    emit nicEdited(m_nic.id, u);
}

void DeviceSection::setStorage(const models::StorageSnapshot &storage)
{
    m_storage = storage;
    m_storageError.clear();
    if (!m_nicBox->isHidden())
        fillNetworkChoice();
}

void DeviceSection::setStorageError(const QString &error)
{
    m_storageError = error;
    if (!m_nicBox->isHidden())
        fillNetworkChoice();
}

void DeviceSection::askForMedia()
{
    auto *dialog = new QDialog(this);
    m_mediaDialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Change media of %1").arg(m_id));
    auto *layout = new QVBoxLayout(dialog);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *iso = new QRadioButton(tr("ISO &volume"), dialog);
    auto *file = new QRadioButton(tr("&File path"), dialog);
    iso->setObjectName(u"isoChoice"_s);
    file->setObjectName(u"pathChoice"_s);
    auto *group = new QButtonGroup(dialog);
    group->addButton(iso);
    group->addButton(file);
    auto *radios = new QHBoxLayout;
    radios->addWidget(iso);
    radios->addWidget(file);
    radios->addStretch();
    form->addRow(tr("Medium:"), radios);
    // The host's ISO images, as Add Hardware's CD-ROM page lists them.
    auto *volumes = new QComboBox(dialog);
    volumes->setObjectName(u"isoVolumes"_s);
    volumes->setMinimumWidth(volumes->fontMetrics().averageCharWidth() * 48);
    if (m_storage)
        fillIsoVolumes(volumes, *m_storage);
    else if (!m_storageError.isEmpty())
        volumes->setPlaceholderText(
            tr("The host's ISO images could not be read: %1").arg(m_storageError));
    else
        volumes->setPlaceholderText(tr("Reading the host's storage…"));
    form->addRow(tr("I&SO:"), volumes);
    auto *path = new QLineEdit(dialog);
    path->setObjectName(u"isoPath"_s);
    path->setMinimumWidth(path->fontMetrics().averageCharWidth() * 48);
    path->setPlaceholderText(tr("/var/lib/libvirt/images/install.iso or POOL/VOLUME"));
    form->addRow(tr("&Path:"), path);
    labelFormFields(form);
    layout->addLayout(form);
    auto *note = makeFieldNote(
        dialog, tr("A path on the host, or a storage pool and volume as POOL/VOLUME."));
    layout->addWidget(note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Insert"));
    layout->addWidget(buttons);

    // The current medium chosen where it is a listed volume, else typed.
    const bool listed = !m_source.startsWith(u'/') && !m_source.isEmpty() &&
                        selectIsoVolume(volumes, m_source);
    const bool useList = listed || (m_source.isEmpty() && volumes->count() > 0);
    (useList ? iso : file)->setChecked(true);
    if (!listed)
        path->setText(m_source);
    const auto update = [form, iso, volumes, path, note, buttons] {
        form->setRowVisible(volumes, iso->isChecked());
        form->setRowVisible(path, !iso->isChecked());
        note->setVisible(!iso->isChecked());
        buttons->button(QDialogButtonBox::Ok)
            ->setEnabled(iso->isChecked() ? volumes->currentIndex() >= 0
                                          : !path->text().trimmed().isEmpty());
    };
    update();
    connect(group, &QButtonGroup::buttonToggled, dialog, update);
    connect(volumes, &QComboBox::currentIndexChanged, dialog, update);
    connect(path, &QLineEdit::textChanged, dialog, update);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, dialog, [this, dialog, iso, volumes, path] {
        const QString target = m_id;
        const QString source =
            iso->isChecked() ? isoVolumeOf(volumes).join(u'/') : path->text().trimmed();
        dialog->accept();
        emit changeMediaRequested(target, source);
    });
    dialog->open();
}

} // namespace crossvirt::views
