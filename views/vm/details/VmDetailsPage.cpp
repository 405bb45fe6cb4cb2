#include "views/vm/details/VmDetailsPage.h"

#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "views/common/DetailWidgets.h"
#include "views/dialogs/FieldMessage.h"
#include "views/vm/details/EditSections.h"
#include "views/vm/details/VmXmlPage.h"
#include "views/vm/hardware/AddHardwareDialog.h"
#include "views/vm/hardware/RemoveDeviceDialog.h"

#include <QColor>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace crossvirt::views {

using namespace Qt::StringLiterals;

namespace {

constexpr int kKeyRole = Qt::UserRole;
const QString kDevicePrefix = u"device:"_s;

QString timingText(const arch::ChangeRule &rule, bool running)
{
    switch (rule.timing) {
    case arch::ChangeTiming::Now:
        return QCoreApplication::translate("VmDetailsPage", "applies now");
    case arch::ChangeTiming::NextBoot:
        if (running && !rule.reason.isEmpty())
            return QCoreApplication::translate("VmDetailsPage", "at next boot: %1")
                .arg(rule.reason);
        return QCoreApplication::translate("VmDetailsPage", "at next boot");
    case arch::ChangeTiming::Refused:
        break;
    }
    return QCoreApplication::translate("VmDetailsPage", "refused: %1").arg(rule.reason);
}

QStyle::StandardPixmap deviceIcon(const QString &kind)
{
    if (kind == "disk"_L1)
        return QStyle::SP_DriveHDIcon;
    if (kind == "cdrom"_L1)
        return QStyle::SP_DriveCDIcon;
    if (kind == "nic"_L1)
        return QStyle::SP_DriveNetIcon;
    if (kind == "graphics"_L1 || kind == "video"_L1)
        return QStyle::SP_DesktopIcon;
    if (kind == "console"_L1)
        return QStyle::SP_FileDialogDetailedView;
    return QStyle::SP_FileIcon;
}

QWidget *scrolled(QWidget *page, QWidget *parent)
{
    auto *scroll = new QScrollArea(parent);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(page);
    return scroll;
}

} // namespace

void keepEdits(const models::VmConfig &base, const models::VmConfig &edited,
               models::VmConfig &target)
{
#define CROSSVIRT_KEEP(field)                                                                      \
    if (edited.field != base.field)                                                                \
        target.field = edited.field;
    CROSSVIRT_KEEP(name)
    CROSSVIRT_KEEP(title)
    CROSSVIRT_KEEP(description)
    CROSSVIRT_KEEP(vcpus)
    CROSSVIRT_KEEP(maxVcpus)
    CROSSVIRT_KEEP(sockets)
    CROSSVIRT_KEEP(cores)
    CROSSVIRT_KEEP(threads)
    CROSSVIRT_KEEP(cpu)
    CROSSVIRT_KEEP(memoryMiB)
    CROSSVIRT_KEEP(currentMemoryMiB)
    CROSSVIRT_KEEP(maxMemoryMiB)
    CROSSVIRT_KEEP(memorySlots)
    CROSSVIRT_KEEP(firmware)
    CROSSVIRT_KEEP(kernel)
    CROSSVIRT_KEEP(initrd)
    CROSSVIRT_KEEP(cmdline)
    CROSSVIRT_KEEP(dtb)
    CROSSVIRT_KEEP(autostart)
#undef CROSSVIRT_KEEP
    const QStringList order = edited.bootOrder();
    if (order != base.bootOrder()) {
        target.osBootDevices.clear();
        for (models::VmDevice &d : target.devices)
            d.bootOrder = int(order.indexOf(d.id)) + 1;
    }
}

VmDetailsPage::VmDetailsPage(models::HostSession *session, const QString &uuid, QWidget *parent)
    : QWidget(parent), m_session(session), m_uuid(uuid)
{
    auto *layout = new QVBoxLayout(this);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_list = new QListWidget(splitter);
    m_list->setAccessibleName(tr("Hardware"));
    m_list->setMinimumWidth(m_list->fontMetrics().averageCharWidth() * 22);
    m_list->setIconSize(QSize(16, 16));
    m_stack = new QStackedWidget(splitter);
    splitter->addWidget(m_list);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({m_list->minimumWidth(), 10 * m_list->minimumWidth()});
    layout->addWidget(splitter, 1);

    m_loading = new QLabel(tr("Loading the virtual machine's configuration…"), m_stack);
    m_loading->setAlignment(Qt::AlignCenter);
    m_loading->setWordWrap(true);
    m_stack->addWidget(m_loading);
    m_overview = new OverviewSection(m_stack);
    m_cpu = new CpuSection(m_stack);
    m_memory = new MemorySection(m_stack);
    m_boot = new BootSection(m_stack);
    m_sections = {m_overview, m_cpu, m_memory, m_boot};
    for (EditSection *s : std::as_const(m_sections)) {
        m_stack->addWidget(scrolled(s, m_stack));
        connect(s, &EditSection::edited, this, &VmDetailsPage::edited);
    }
    m_device = new DeviceSection(m_stack);
    m_stack->addWidget(scrolled(m_device, m_stack));
    connect(m_device, &DeviceSection::changeMediaRequested, this, &VmDetailsPage::changeMedia);
    connect(m_device, &DeviceSection::nicEdited, this, &VmDetailsPage::nicEdited);

    auto *pending = new QGroupBox(tr("Pending changes"), this);
    auto *pendingLayout = new QVBoxLayout(pending);
    m_steps = detailTable({tr("Change"), tr("Takes effect")}, pending);
    m_steps->setMaximumHeight(fontMetrics().lineSpacing() * 5);
    pendingLayout->addWidget(m_steps);
    m_message = new QLabel(pending);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    pendingLayout->addWidget(m_message);
    m_error = makeFieldError(pending);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    pendingLayout->addWidget(m_error);
    layout->addWidget(pending);

    auto *buttons = new QHBoxLayout;
    m_addHardware = new QPushButton(tr("Add Hardware…"), this);
    m_remove = new QPushButton(tr("Remove…"), this);
    m_revert = new QPushButton(tr("Revert"), this);
    m_apply = new QPushButton(tr("Apply"), this);
    m_apply->setDefault(true);
    buttons->addWidget(m_addHardware);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    buttons->addWidget(m_revert);
    buttons->addWidget(m_apply);
    layout->addLayout(buttons);

    m_xml = new VmXmlPage(session, uuid, this);
    m_xml->hide(); // the VM window shows it as a tab of its own

    connect(m_list, &QListWidget::currentRowChanged, this, &VmDetailsPage::pageChanged);
    connect(m_apply, &QPushButton::clicked, this, &VmDetailsPage::apply);
    connect(m_revert, &QPushButton::clicked, this, &VmDetailsPage::revert);
    connect(m_addHardware, &QPushButton::clicked, this, &VmDetailsPage::openAddHardware);
    connect(m_remove, &QPushButton::clicked, this, &VmDetailsPage::openRemoveDevice);
    connect(m_xml, &VmXmlPage::shown, this, [this] {
        if (!m_loaded && !m_busy)
            reload();
    });
    connect(m_xml, &VmXmlPage::defined, this, &VmDetailsPage::reload);
    connect(this, &VmDetailsPage::contextLoaded, m_xml, &VmXmlPage::setContext);
    if (session) {
        // Started or stopped: what applies now changes; reload, edits kept.
        connect(session, &models::HostSession::domainUpdated, this,
                [this](const models::DomainSummary &d) {
                    if (d.uuid != m_uuid || !m_loaded)
                        return;
                    const bool running = d.state == models::DomainState::Running ||
                                         d.state == models::DomainState::Paused;
                    if (running != m_ctx.running())
                        reload();
                });
        connect(session, &models::HostSession::domainRemoved, this, [this](const QString &id) {
            if (id != m_uuid)
                return;
            m_deleted = true;
            showError(tr("This virtual machine was deleted."));
            updateButtons();
        });
    }
    updateButtons();
}

void VmDetailsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_loaded && !m_busy)
        reload();
}

void VmDetailsPage::setBusy(bool busy)
{
    m_busy = busy;
    updateButtons();
}

void VmDetailsPage::reload()
{
    if (!m_session || m_deleted)
        return;
    if (m_busy) {
        m_reloadPending = true;
        return;
    }
    setBusy(true);
    models::whenFinished(
        models::loadVmForEdit(m_session, m_uuid), this,
        [this](const models::VmEditContext &ctx) { loaded(ctx); },
        [this](const QString &error) {
            setBusy(false);
            if (!m_loaded)
                m_loading->setText(tr("Could not load the virtual machine: %1").arg(error));
            showError(tr("Could not load the virtual machine: %1").arg(error));
            emit idle();
        });
}

void VmDetailsPage::loaded(const models::VmEditContext &ctx)
{
    models::VmConfig wanted = ctx.inactive;
    if (m_loaded)
        keepEdits(m_ctx.inactive, m_wanted, wanted);
    // Staged NIC changes the host now has (applied), or of NICs that are gone, drop out.
    for (auto it = m_nicUpdates.begin(); it != m_nicUpdates.end();) {
        const bool gone = !ctx.inactive.device(it.key()) && !ctx.live.device(it.key());
        if (gone || models::planUpdateNic(ctx, it.key(), *it).isEmpty())
            it = m_nicUpdates.erase(it);
        else
            ++it;
    }
    m_ctx = ctx;
    m_wanted = wanted;
    m_loaded = true;
    fetchStorage();
    fillSections();
    rebuildList();
    setBusy(false);
    replan();
    emit contextLoaded(m_ctx);
    if (m_reloadPending) {
        m_reloadPending = false;
        reload();
        return;
    }
    emit idle();
}

void VmDetailsPage::fillSections()
{
    for (EditSection *s : std::as_const(m_sections))
        s->load(m_ctx, m_wanted);
}

void VmDetailsPage::rebuildList()
{
    const QString keep = selectedKey();
    const QSignalBlocker block(m_list);
    m_list->clear();
    const auto add = [this](const QString &text, const QString &key, QStyle::StandardPixmap icon) {
        auto *item = new QListWidgetItem(style()->standardIcon(icon), text, m_list);
        item->setData(kKeyRole, key);
        item->setToolTip(text);
    };
    add(tr("Overview"), u"overview"_s, QStyle::SP_ComputerIcon);
    add(tr("CPUs"), u"cpus"_s, QStyle::SP_DesktopIcon);
    add(tr("Memory"), u"memory"_s, QStyle::SP_DriveFDIcon);
    add(tr("Boot Options"), u"boot"_s, QStyle::SP_MediaPlay);
    // What the guest has now; devices only in the definition wait for the next boot,
    // devices only in the live guest go away at shutdown.
    // Two devices with one label ("Serial console" for <serial> and <console>) are told
    // apart by their names.
    QStringList labels;
    for (const models::VmDevice &d : m_ctx.live.devices)
        labels << d.label();
    for (const models::VmDevice &d : m_ctx.live.devices) {
        QString text = d.label();
        if (labels.count(text) > 1)
            text = tr("%1 (%2)").arg(text, d.id);
        if (m_ctx.running() && !m_ctx.inactive.device(d.id))
            text = tr("%1 (until shutdown)").arg(text);
        add(text, kDevicePrefix + d.id, deviceIcon(d.kind));
    }
    if (m_ctx.running()) {
        for (const models::VmDevice &d : m_ctx.inactive.devices) {
            if (!m_ctx.live.device(d.id))
                add(tr("%1 (at next boot)").arg(d.label()), kDevicePrefix + d.id,
                    deviceIcon(d.kind));
        }
    }
    // Wide enough for every name (up to a third of a normal window).
    int widest = 0;
    for (int i = 0; i < m_list->count(); ++i)
        widest = qMax(widest, m_list->fontMetrics().horizontalAdvance(m_list->item(i)->text()));
    const int wanted = widest + m_list->iconSize().width() + 4 * m_list->frameWidth() +
                       m_list->style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 16;
    m_list->setMinimumWidth(qBound(m_list->fontMetrics().averageCharWidth() * 16, wanted, 280));
    if (!selectPage(keep.isEmpty() ? u"overview"_s : keep))
        selectPage(u"overview"_s);
    pageChanged();
}

bool VmDetailsPage::selectPage(const QString &key)
{
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(kKeyRole).toString() == key) {
            m_list->setCurrentRow(i);
            return true;
        }
    }
    return false;
}

QString VmDetailsPage::selectedKey() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(kKeyRole).toString() : QString();
}

QString VmDetailsPage::selectedDeviceId() const
{
    const QString key = selectedKey();
    return key.startsWith(kDevicePrefix) ? key.mid(kDevicePrefix.size()) : QString();
}

void VmDetailsPage::pageChanged()
{
    if (!m_loaded) {
        m_stack->setCurrentWidget(m_loading);
        updateButtons();
        return;
    }
    const QString key = selectedKey();
    const QStringList keys{u"overview"_s, u"cpus"_s, u"memory"_s, u"boot"_s};
    const qsizetype section = keys.indexOf(key);
    if (section >= 0) {
        m_stack->setCurrentIndex(int(section) + 1); // after the loading label
    } else if (const QString id = selectedDeviceId(); !id.isEmpty()) {
        const models::VmDevice *d = m_ctx.live.device(id);
        if (!d)
            d = m_ctx.inactive.device(id);
        if (d) {
            m_device->showDevice(*d, m_ctx.running(),
                                 int(m_ctx.inactive.bootOrder().indexOf(id)) + 1);
            if (d->kind == "nic"_L1) {
                // The definition's NIC: what the next boot has (a model staged for it too).
                const models::VmDevice *defined = m_ctx.inactive.device(id);
                arch::ChoiceList nicModels;
                if (const arch::ArchModel *model = m_ctx.model()) {
                    arch::GuestContext cold = m_ctx.context();
                    cold.running = false;
                    nicModels = model->nicModels(cold);
                }
                m_device->showNic(defined ? *defined : *d, m_nicUpdates.value(id), nicModels,
                                  m_ctx.running());
            }
            m_stack->setCurrentIndex(int(keys.size()) + 1);
        }
    }
    updateButtons();
}

void VmDetailsPage::edited()
{
    for (EditSection *s : std::as_const(m_sections))
        s->store(m_wanted);
    replan();
}

void VmDetailsPage::replan()
{
    if (!m_loaded)
        return;
    m_plan = models::planEdit(m_ctx, m_wanted, m_nicUpdates);
    m_steps->clear();
    for (const models::EditStep &step : std::as_const(m_plan.steps)) {
        auto *item = new QTreeWidgetItem(
            m_steps, QStringList{step.description, timingText(step.rule, m_ctx.running())});
        item->setToolTip(0, step.description);
        item->setToolTip(1, step.rule.reason);
        if (step.rule.timing == arch::ChangeTiming::Refused)
            item->setForeground(1, QColor(0xb0, 0x20, 0x20));
    }
    if (m_plan.isEmpty()) {
        auto *item = new QTreeWidgetItem(m_steps, QStringList{tr("No changes"), QString()});
        item->setDisabled(true);
    }
    updateButtons();
}

QStringList VmDetailsPage::stepLines() const
{
    QStringList lines;
    for (const models::EditStep &step : m_plan.steps)
        lines << step.description + u" — "_s + timingText(step.rule, m_ctx.running());
    return lines;
}

void VmDetailsPage::updateButtons()
{
    const bool usable = m_loaded && !m_busy && !m_deleted && m_session;
    m_apply->setEnabled(usable && !m_plan.isEmpty() && m_plan.ok());
    m_apply->setToolTip(m_plan.ok() ? QString() : m_plan.refusals());
    m_revert->setEnabled(usable && !m_plan.isEmpty());
    m_addHardware->setEnabled(usable);
    m_remove->setEnabled(usable && !selectedDeviceId().isEmpty());
    m_remove->setToolTip(selectedDeviceId().isEmpty() ? tr("Select a device to remove it")
                                                      : QString());
    m_device->setEnabled(!m_busy);
}

void VmDetailsPage::apply()
{
    if (!m_loaded || m_busy || m_plan.isEmpty() || !m_plan.ok())
        return;
    runPlan(m_plan, tr("Changes applied."));
}

void VmDetailsPage::runPlan(const models::EditPlan &plan, const QString &doneText)
{
    setBusy(true);
    showResult({});
    models::whenFinished(
        models::applyEdit(m_session, plan), this,
        [this, doneText](const models::EditResult &result) {
            QStringList lines{doneText};
            if (!result.appliedNow.isEmpty())
                lines << tr("Applied now: %1").arg(result.appliedNow.join(u"; "_s));
            if (!result.nextBoot.isEmpty())
                lines << tr("At the next boot: %1").arg(result.nextBoot.join(u"; "_s));
            setBusy(false);
            showResult(lines.join(u'\n'));
            reload(); // shows what the host now has; staged edits it took are no longer staged
        },
        [this](const QString &error) {
            setBusy(false);
            showError(error);
            reload(); // some steps may have been applied
        });
}

void VmDetailsPage::revert()
{
    if (!m_loaded || m_busy)
        return;
    m_wanted = m_ctx.inactive;
    m_nicUpdates.clear();
    fillSections();
    showResult({});
    replan();
    pageChanged(); // a NIC page shows the definition again
}

void VmDetailsPage::changeMedia(const QString &target, const QString &source)
{
    if (!m_loaded || m_busy)
        return;
    const models::EditPlan plan = models::planChangeMedia(m_ctx, target, source);
    if (!plan.ok()) {
        showError(plan.refusals());
        return;
    }
    runPlan(plan, source.isEmpty() ? tr("Medium ejected from %1.").arg(target)
                                   : tr("%1 now holds %2.").arg(target, source));
}

void VmDetailsPage::nicEdited(const QString &mac, const models::NicUpdate &update)
{
    if (!m_loaded)
        return;
    m_nicUpdates.insert(mac, update);
    replan();
}

void VmDetailsPage::fetchStorage()
{
    if (!m_session)
        return;
    // The host's ISO volumes and networks, for Change media… and the NIC pages.
    models::whenFinished(
        models::fetchStorage(m_session), this,
        [this](const models::StorageSnapshot &storage) { m_device->setStorage(storage); },
        [this](const QString &error) { m_device->setStorageError(error); });
}

void VmDetailsPage::showResult(const QString &text)
{
    setFieldErrors(m_error, {});
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void VmDetailsPage::showError(const QString &text)
{
    m_message->hide();
    setFieldErrors(m_error, {text});
}

QString VmDetailsPage::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

QString VmDetailsPage::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void VmDetailsPage::openAddHardware()
{
    if (!m_loaded || m_busy || !m_session)
        return;
    auto *dialog = new AddHardwareDialog(m_session, m_ctx, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AddHardwareDialog::deviceAdded, this, [this](const QString &summary) {
        showResult(tr("Added: %1").arg(summary));
        reload(); // staged edits stay staged
    });
    dialog->open();
}

void VmDetailsPage::openRemoveDevice()
{
    const QString id = selectedDeviceId();
    if (!m_loaded || m_busy || !m_session || id.isEmpty())
        return;
    auto *dialog = new RemoveDeviceDialog(m_session, m_ctx, id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RemoveDeviceDialog::deviceRemoved, this, [this](const QString &summary) {
        showResult(tr("Removed: %1").arg(summary));
        reload();
    });
    dialog->open();
}

} // namespace crossvirt::views
