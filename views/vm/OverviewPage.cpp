#include "views/vm/OverviewPage.h"

#include "models/inventory/InventoryModel.h"
#include "models/connection/HostSession.h"
#include "models/network/NicAddressWatcher.h"
#include "views/common/DetailWidgets.h"
#include "views/common/StateIcons.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace crossvirt::views {

using namespace Qt::StringLiterals;

namespace {
constexpr int kMacColumn = 3;
constexpr int kAddressColumn = 4;
} // namespace

OverviewPage::OverviewPage(QWidget *parent)
    : QWidget(parent), m_addresses(new models::NicAddressWatcher(this))
{
    auto *layout = new QVBoxLayout(this);
    m_title = detailTitle(this);
    layout->addWidget(m_title);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    m_content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    auto *general = new QGroupBox(tr("General"), m_content);
    auto *form = new QFormLayout(general);
    m_state = detailValueLabel(general);
    m_arch = detailValueLabel(general);
    m_machine = detailValueLabel(general);
    m_cpu = detailValueLabel(general);
    m_vcpus = detailValueLabel(general);
    m_memory = detailValueLabel(general);
    m_firmware = detailValueLabel(general);
    m_graphics = detailValueLabel(general);
    m_consoles = detailValueLabel(general);
    m_video = detailValueLabel(general);
    form->addRow(tr("State:"), m_state);
    form->addRow(tr("Architecture:"), m_arch);
    form->addRow(tr("Machine type:"), m_machine);
    form->addRow(tr("CPU:"), m_cpu);
    form->addRow(tr("vCPUs:"), m_vcpus);
    form->addRow(tr("Memory:"), m_memory);
    form->addRow(tr("Firmware:"), m_firmware);
    form->addRow(tr("Graphics:"), m_graphics);
    form->addRow(tr("Video:"), m_video);
    form->addRow(tr("Consoles:"), m_consoles);
    // Crossvirt's metadata: the template the VM came from and its VM pool, when set.
    m_generalForm = form;
    m_fromTemplate = detailValueLabel(general);
    m_vmPool = detailValueLabel(general);
    form->addRow(tr("Made from:"), m_fromTemplate);
    form->addRow(tr("VM pool:"), m_vmPool);
    contentLayout->addWidget(general);

    auto *disksBox = new QGroupBox(tr("Disks"), m_content);
    auto *disksLayout = new QVBoxLayout(disksBox);
    m_disks =
        detailTable({tr("Target"), tr("Device"), tr("Bus"), tr("Format"), tr("Source")}, disksBox);
    disksLayout->addWidget(m_disks);
    contentLayout->addWidget(disksBox);

    auto *nicsBox = new QGroupBox(tr("Network interfaces"), m_content);
    auto *nicsLayout = new QVBoxLayout(nicsBox);
    m_nics = detailTable(
        {tr("Model"), tr("Type"), tr("Source"), tr("MAC address"), tr("IP addresses")}, nicsBox);
    nicsLayout->addWidget(m_nics);
    m_disks->setMaximumHeight(130);
    m_nics->setMaximumHeight(130);
    contentLayout->addWidget(nicsBox);
    contentLayout->addStretch();
    layout->addWidget(m_content, 1);
    m_content->hide();

    connect(m_addresses, &models::NicAddressWatcher::addressesChanged, this,
            [this](const QList<models::NicAddresses> &nics) {
                for (int i = 0; i < m_nics->topLevelItemCount(); ++i) {
                    QTreeWidgetItem *item = m_nics->topLevelItem(i);
                    QString text = tr("none yet");
                    for (const auto &nic : nics) {
                        if (nic.mac == item->text(kMacColumn).toLower() &&
                            !nic.addresses.isEmpty())
                            text = nic.addresses.join(u", "_s);
                    }
                    item->setText(kAddressColumn, text);
                }
            });
    connect(m_addresses, &models::NicAddressWatcher::failed, this, [this](const QString &error) {
        for (int i = 0; i < m_nics->topLevelItemCount(); ++i) {
            m_nics->topLevelItem(i)->setText(kAddressColumn, tr("unknown"));
            m_nics->topLevelItem(i)->setToolTip(kAddressColumn, error);
        }
    });
}

void OverviewPage::setHostSession(models::HostSession *session)
{
    m_session = session;
}

QString OverviewPage::nicAddressesText(const QString &mac) const
{
    for (int i = 0; i < m_nics->topLevelItemCount(); ++i) {
        if (m_nics->topLevelItem(i)->text(kMacColumn).compare(mac, Qt::CaseInsensitive) == 0)
            return m_nics->topLevelItem(i)->text(kAddressColumn);
    }
    return {};
}

QString OverviewPage::stateText() const
{
    return m_state->text();
}

void OverviewPage::showMessage(const QString &text)
{
    m_watchedUuid.clear();
    m_addresses->stop();
    m_content->hide();
    m_message->setText(text);
    m_message->show();
}

void OverviewPage::showDetails(const models::DomainDetails &d, const QString &hostArch)
{
    const models::DomainSummary &s = d.summary;
    m_title->setText(s.name);
    // What the parser refused, cut or repaired in a hostile host's XML stays in sight.
    m_message->setText(d.notices.join(u'\n'));
    m_message->setVisible(!d.notices.isEmpty());
    m_content->show();
    m_state->setText(models::domainStateText(s.state));
    m_arch->setText(s.emulated ? tr("%1, emulated (TCG) on this %2 host").arg(s.arch, hostArch)
                               : tr("%1, native (KVM)").arg(s.arch));
    m_machine->setText(s.machine.isEmpty() ? tr("default") : s.machine);
    QString cpu = s.cpuMode.isEmpty() ? tr("hypervisor default") : s.cpuMode;
    if (!s.cpuModel.isEmpty())
        cpu = tr("%1 (%2)").arg(s.cpuModel, cpu);
    m_cpu->setText(cpu);
    m_vcpus->setText(QString::number(s.vcpus));
    m_memory->setText(models::formatKiB(s.maxMemoryKiB ? s.maxMemoryKiB : s.memoryKiB));
    m_firmware->setText(d.firmware.isEmpty() ? tr("default (BIOS or platform firmware)")
                                             : d.firmware);
    QStringList graphics;
    for (const auto &g : d.graphics) {
        QString text = g.type.toUpper();
        if (g.port > 0)
            text += tr(" on %1:%2").arg(g.listen.isEmpty() ? u"*"_s : g.listen).arg(g.port);
        graphics << text;
    }
    m_graphics->setText(graphics.isEmpty() ? tr("none (headless)") : graphics.join(u", "_s));
    m_video->setText(d.videoModels.isEmpty() ? tr("none") : d.videoModels.join(u", "_s));
    QStringList consoles;
    for (const auto &c : d.consoles)
        consoles << (c.targetType.isEmpty() ? c.kind : tr("%1 (%2)").arg(c.kind, c.targetType));
    m_consoles->setText(consoles.isEmpty() ? tr("none") : consoles.join(u", "_s));
    m_fromTemplate->setText(tr("template %1").arg(s.fromTemplate));
    m_generalForm->setRowVisible(m_fromTemplate, !s.fromTemplate.isEmpty());
    m_vmPool->setText(s.vmPool);
    m_generalForm->setRowVisible(m_vmPool, !s.vmPool.isEmpty());

    m_disks->clear();
    for (const auto &disk : d.disks) {
        QString bus = disk.bus;
        if (!disk.controllerModel.isEmpty())
            bus = tr("%1 (%2)").arg(disk.bus, disk.controllerModel);
        m_disks->addTopLevelItem(new QTreeWidgetItem(
            QStringList{disk.target, disk.device, bus, disk.format, disk.source}));
    }
    const bool running =
        s.state == models::DomainState::Running || s.state == models::DomainState::Paused;
    m_nics->clear();
    for (const auto &nic : d.nics) {
        m_nics->addTopLevelItem(new QTreeWidgetItem(
            QStringList{nic.model.isEmpty() ? tr("default") : nic.model, nic.type, nic.source,
                        nic.mac, running ? tr("reading…") : tr("not running")}));
    }
    m_watchedUuid = running && m_session && !d.nics.isEmpty() ? s.uuid : QString();
    if (!m_watchedUuid.isEmpty())
        m_addresses->watch(m_session, m_watchedUuid);
    else
        m_addresses->stop();
}

void OverviewPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_watchedUuid.isEmpty() && m_session)
        m_addresses->watch(m_session, m_watchedUuid);
}

void OverviewPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_addresses->stop(); // nobody looks: no polling
}

QString OverviewPage::fromTemplateText() const
{
    return m_generalForm->isRowVisible(m_fromTemplate) ? m_fromTemplate->text() : QString();
}

QString OverviewPage::vmPoolText() const
{
    return m_generalForm->isRowVisible(m_vmPool) ? m_vmPool->text() : QString();
}

} // namespace crossvirt::views
