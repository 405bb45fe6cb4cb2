#include "views/mainwindow/HostDetailsPage.h"

#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "models/inventory/InventoryModel.h"
#include "views/common/DetailWidgets.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace crossvirt::views {

using namespace Qt::StringLiterals;
using models::ConnectionState;

namespace {
QString bytes(quint64 value)
{
    return QLocale().formattedDataSize(qint64(value), 1, QLocale::DataSizeTraditionalFormat);
}
} // namespace

HostDetailsPage::HostDetailsPage(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    m_title = detailTitle(this);
    layout->addWidget(m_title);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    m_content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    m_health = new QLabel(m_content);
    m_health->setWordWrap(true);
    m_health->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_health->hide();
    contentLayout->addWidget(m_health);
    auto *hostBox = new QGroupBox(tr("Host"), m_content);
    auto *form = new QFormLayout(hostBox);
    m_uri = detailValueLabel(hostBox);
    m_hostname = detailValueLabel(hostBox);
    m_driver = detailValueLabel(hostBox);
    m_arch = detailValueLabel(hostBox);
    m_cpu = detailValueLabel(hostBox);
    m_memory = detailValueLabel(hostBox);
    m_native = detailValueLabel(hostBox);
    m_emulated = detailValueLabel(hostBox);
    form->addRow(tr("URI:"), m_uri);
    form->addRow(tr("Host name:"), m_hostname);
    form->addRow(tr("Hypervisor:"), m_driver);
    form->addRow(tr("Architecture:"), m_arch);
    form->addRow(tr("CPU:"), m_cpu);
    form->addRow(tr("Memory:"), m_memory);
    form->addRow(tr("Runs natively (KVM):"), m_native);
    form->addRow(tr("Can emulate (TCG):"), m_emulated);
    m_archSource = detailValueLabel(hostBox);
    form->addRow(tr("Arch lists from:"), m_archSource);
    contentLayout->addWidget(hostBox);

    auto *netBox = new QGroupBox(tr("Networks"), m_content);
    auto *netLayout = new QVBoxLayout(netBox);
    m_networks = detailTable({tr("Name"), tr("State"), tr("Mode"), tr("Bridge")}, netBox);
    netLayout->addWidget(m_networks);
    contentLayout->addWidget(netBox);

    auto *poolBox = new QGroupBox(tr("Storage pools"), m_content);
    auto *poolLayout = new QVBoxLayout(poolBox);
    m_pools = detailTable({tr("Name"), tr("State"), tr("Type"), tr("Free"), tr("Capacity"),
                           tr("Volumes"), tr("Path")},
                          poolBox);
    poolLayout->addWidget(m_pools);
    contentLayout->addWidget(poolBox);
    layout->addWidget(m_content, 1);
}

void HostDetailsPage::setSession(models::HostSession *session, const QString &displayName)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    m_name = displayName;
    if (session) {
        connect(session, &models::HostSession::stateChanged, this, &HostDetailsPage::reload);
        connect(session, &models::HostSession::hostInfoChanged, this, &HostDetailsPage::reload);
        connect(session, &models::HostSession::responsivenessChanged, this,
                &HostDetailsPage::updateHealth);
    }
    reload();
}

void HostDetailsPage::reload()
{
    m_title->setText(m_name);
    const quint64 generation = ++m_generation;
    if (!m_session) {
        m_content->hide();
        return;
    }
    if (m_session->state() != ConnectionState::Connected) {
        m_content->hide();
        QString text =
            tr("%1 is %2.").arg(m_session->uri(), models::connectionStateText(m_session->state()));
        if (!m_session->lastError().isEmpty())
            text += u"\n"_s + tr("libvirt said: %1").arg(m_session->lastError());
        m_status->setText(text);
        return;
    }
    m_status->setText(tr("Reading host details…"));
    models::whenFinished(
        m_session->hostDetails(), this,
        [this, generation](const models::HostDetails &d) {
            if (generation == m_generation) // a newer request is under way
                showDetails(d);
        },
        [this, generation](const QString &error) {
            if (generation == m_generation)
                m_status->setText(error);
        });
}

void HostDetailsPage::updateHealth()
{
    QStringList lines;
    if (m_session && m_session->isSlow()) {
        lines << tr("This host answers slowly: %1 ms per call. It stays connected; lists and "
                    "charts may lag behind.")
                     .arg(m_session->callLatencyMs());
    }
    const QString capabilitiesNote = m_session ? m_session->hostInfo().capabilitiesNote : QString();
    if (!capabilitiesNote.isEmpty())
        lines << tr("Its capabilities were not read whole: %1").arg(capabilitiesNote);
    m_health->setText(lines.join(u'\n'));
    m_health->setVisible(!lines.isEmpty());
}

void HostDetailsPage::showDetails(const models::HostDetails &d)
{
    const models::HostInfo &h = d.info;
    m_status->clear();
    m_content->show();
    m_uri->setText(h.uri);
    m_uri->setToolTip(h.uri);
    m_hostname->setText(h.hostname);
    m_driver->setText(h.libvirtVersion ? tr("%1 (libvirt %2.%3.%4)")
                                             .arg(h.driver)
                                             .arg(h.libvirtVersion / 1000000)
                                             .arg((h.libvirtVersion / 1000) % 1000)
                                             .arg(h.libvirtVersion % 1000)
                                       : h.driver);
    m_arch->setText(h.arch);
    QString cpu = tr("%n logical CPU(s)", nullptr, h.cpus);
    if (h.mhz > 0)
        cpu += tr(" at %1 MHz").arg(h.mhz);
    if (!h.cpuModel.isEmpty())
        cpu = tr("%1, %2").arg(h.cpuModel, cpu);
    m_cpu->setText(cpu);
    m_memory->setText(models::formatKiB(h.memoryKiB));
    m_native->setText(h.nativeArches.isEmpty() ? tr("none") : h.nativeArches.join(u", "_s));
    m_emulated->setText(h.emulatedArches.isEmpty() ? tr("none") : h.emulatedArches.join(u", "_s));
    updateHealth();
    m_archSource->setText(h.archesFromCapabilities
                              ? tr("the host's capabilities")
                              : tr("Crossvirt's arch policy (this driver's capabilities do not "
                                   "describe the host)"));

    m_networks->clear();
    for (const auto &n : d.networks) {
        m_networks->addTopLevelItem(new QTreeWidgetItem(
            QStringList{n.name, n.active ? tr("Active") : tr("Inactive"),
                        n.forwardMode.isEmpty() ? tr("isolated") : n.forwardMode, n.bridge}));
    }
    m_pools->clear();
    for (const auto &p : d.pools) {
        m_pools->addTopLevelItem(new QTreeWidgetItem(QStringList{
            p.name, p.active ? tr("Active") : tr("Inactive"), p.type, bytes(p.available),
            bytes(p.capacity), QString::number(p.volumes), p.path}));
    }
}

} // namespace crossvirt::views
