#include "views/dialogs/ClusterDialog.h"
#include "views/common/Accessibility.h"

#include "arch/ArchRegistry.h"
#include "models/cluster/ClusterList.h"
#include "models/connection/Datacenter.h"
#include "models/connection/HostSession.h"
#include "models/provisioning/HostCapabilitiesService.h"
#include "views/dialogs/ChoiceCombo.h"
#include "views/dialogs/FieldMessage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace crossvirt::views {

using namespace Qt::StringLiterals;
using models::ConnectionState;

namespace {
constexpr int UriRole = Qt::UserRole + 1;

/// The widgets of one form row stacked (field, then its note or error), as one widget so
/// the row's label gets it as its buddy.
QWidget *stacked(QWidget *parent, std::initializer_list<QWidget *> widgets)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    for (QWidget *w : widgets)
        layout->addWidget(w);
    return box;
}
} // namespace

ClusterDialog::ClusterDialog(models::Datacenter *datacenter, models::ClusterList *clusters,
                             const std::optional<models::Cluster> &existing, QWidget *parent)
    : ClusterDialog(datacenter, clusters, nullptr, existing, parent)
{}

ClusterDialog::ClusterDialog(models::Datacenter *datacenter, models::ClusterList *clusters,
                             models::HostCapabilitiesService *capabilities,
                             const std::optional<models::Cluster> &existing, QWidget *parent)
    : QDialog(parent), m_datacenter(datacenter), m_clusters(clusters),
      m_capabilities(capabilities ? capabilities
                                  : new models::HostCapabilitiesService(datacenter, this))
{
    if (existing) {
        m_cluster = *existing;
        setWindowTitle(tr("Edit Cluster %1").arg(existing->name));
    } else {
        setWindowTitle(tr("New Cluster"));
    }

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_name = new QLineEdit(m_cluster.name, this);
    m_name->setPlaceholderText(tr("e.g. power9-lab"));
    m_name->setMaxLength(models::kClusterNameMaxLength + 20); // longer input gets a message
    m_nameError = makeFieldError(this);
    form->addRow(tr("&Name:"), stacked(this, {m_name, m_nameError}));

    m_description = new QLineEdit(m_cluster.description, this);
    m_description->setPlaceholderText(tr("optional"));
    m_descriptionError = makeFieldError(this);
    form->addRow(tr("&Description:"), stacked(this, {m_description, m_descriptionError}));

    m_arch = new QComboBox(this);
    m_archNote = makeFieldNote(this);
    form->addRow(tr("&Architecture:"), stacked(this, {m_arch, m_archNote}));

    m_cpu = new ChoiceCombo(this);
    form->addRow(tr("&CPU type:"), m_cpu);

    m_emulation = new QCheckBox(tr("Allow &emulated guests"), this);
    m_emulation->setChecked(m_cluster.allowEmulation);
    form->addRow(QString(),
                 stacked(this, {m_emulation,
                                makeFieldNote(this, tr("Hosts of another architecture may then "
                                                       "join and run this cluster's guests with "
                                                       "QEMU's emulation (TCG), much slower than "
                                                       "native."))}));

    m_hosts = new QTreeWidget(this);
    m_hosts->setColumnCount(3);
    m_hosts->setHeaderLabels({tr("Host"), tr("Arch"), tr("Runs the cluster's guests")});
    m_hosts->setRootIsDecorated(false);
    m_hosts->setUniformRowHeights(true);
    m_hosts->header()->setStretchLastSection(true);
    m_hosts->setMinimumHeight(140);
    m_hostsNote = makeFieldNote(this);
    form->addRow(tr("&Hosts:"), stacked(this, {m_hosts, m_hostsNote}));
    labelFormFields(form);
    m_hosts->setAccessibleDescription(tr("Tick the hosts that belong to the cluster"));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(existing ? tr("&Save") : tr("&Create"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    setMinimumWidth(620);

    fillArches();
    connect(m_name, &QLineEdit::textChanged, this, &ClusterDialog::validate);
    connect(m_description, &QLineEdit::textChanged, this, &ClusterDialog::validate);
    connect(m_arch, &QComboBox::currentIndexChanged, this, &ClusterDialog::archChanged);
    connect(m_cpu, &ChoiceCombo::currentIdChanged, this, &ClusterDialog::validate);
    connect(m_emulation, &QCheckBox::toggled, this, &ClusterDialog::refreshHosts);
    connect(m_capabilities, &models::HostCapabilitiesService::capabilitiesChanged, this,
            &ClusterDialog::refreshHosts);
    // A tick only (un)locks the arch: rebuilding the list here would delete the item
    // that is emitting.
    connect(m_hosts, &QTreeWidget::itemChanged, this, [this] {
        if (!m_refreshing)
            updateArchLock();
    });
    archChanged();
}

QPushButton *ClusterDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

QString ClusterDialog::currentArch() const
{
    return m_arch->currentData().toString();
}

void ClusterDialog::fillArches()
{
    // The arches the connected hosts run natively first, then those they can only emulate.
    const auto &registry = arch::ArchRegistry::instance();
    QStringList native, emulated;
    for (const models::HostSession *s : m_datacenter->sessions()) {
        if (s->state() != ConnectionState::Connected)
            continue;
        native << s->hostInfo().nativeArches;
        emulated << s->hostInfo().emulatedArches;
    }
    for (const QString &name : registry.archNames()) {
        const arch::ArchModel *m = registry.find(name);
        const bool isNative = native.contains(name);
        if (!isNative && !emulated.contains(name) && name != m_cluster.arch)
            continue;
        const QString label = isNative ? tr("%1 (%2)").arg(m->displayName(), name)
                                       : tr("%1 (%2), emulated only").arg(m->displayName(), name);
        m_arch->addItem(label, name);
        if (!isNative)
            m_arch->setItemData(
                m_arch->count() - 1,
                tr("No connected host runs %1 natively: its hosts will emulate it.").arg(name),
                Qt::ToolTipRole);
    }
    const int current = m_arch->findData(m_cluster.arch);
    m_arch->setCurrentIndex(current >= 0 ? current : 0);
}

void ClusterDialog::archChanged()
{
    const QString archName = currentArch();
    const arch::ArchModel *m = arch::ArchRegistry::instance().find(archName);
    if (m) {
        arch::GuestContext ctx;
        ctx.arch = archName;
        m_cpu->setChoices(m->clusterCpuChoices(ctx),
                          archName == m_cluster.arch ? m_cluster.cpuType : QString());
    } else {
        m_cpu->setChoices({});
    }
    refreshHosts();
}

void ClusterDialog::refreshHosts()
{
    // Keep what the user ticked (or what the cluster had), by URI.
    QStringList checked = m_cluster.hostUris;
    if (m_hosts->topLevelItemCount() > 0) {
        checked.clear();
        for (int i = 0; i < m_hosts->topLevelItemCount(); ++i) {
            const QTreeWidgetItem *item = m_hosts->topLevelItem(i);
            if (item->checkState(HostNameColumn) == Qt::Checked)
                checked << item->data(HostNameColumn, UriRole).toString();
        }
    }

    m_refreshing = true;
    m_hosts->clear();
    const QString archName = currentArch();
    const bool allowEmulation = m_emulation->isChecked();
    int withheld = 0;
    for (models::HostSession *s : m_datacenter->sessions()) {
        const models::HostInfo &info = s->hostInfo();
        auto *item = new QTreeWidgetItem(m_hosts);
        item->setText(HostNameColumn, m_datacenter->displayName(s->uri()));
        item->setData(HostNameColumn, UriRole, s->uri());
        item->setText(HostArchColumn, info.arch);
        item->setToolTip(HostNameColumn, s->uri());

        QString why; // set when the host cannot join
        QString runs;
        const auto owner = m_clusters->clusterOfHost(s->uri());
        if (owner && owner->id != m_cluster.id) {
            why = tr("In cluster %1").arg(owner->name);
        } else if (s->state() != ConnectionState::Connected) {
            why = tr("Not connected");
        } else {
            // The one placement (arch::rankHosts) with the host's own capabilities, so the
            // label says what the New VM wizard will do with this host.
            m_capabilities->capabilitiesKnown(s); // reads them; capabilitiesChanged follows
            const QList<arch::HostPlacement> placed =
                m_capabilities->rankHosts(archName, {s}, true);
            const arch::Execution execution =
                placed.isEmpty() ? arch::Execution::Unable : placed.first().execution;
            if (execution == arch::Execution::Native)
                runs = tr("Natively (KVM)");
            else if (execution == arch::Execution::Emulated && allowEmulation)
                runs = tr("Emulating %1 (TCG)").arg(archName);
            else if (execution == arch::Execution::Emulated)
                why = tr("Emulation only (not allowed)");
            else
                why = tr("Cannot run %1").arg(archName);
        }
        if (why.isEmpty()) {
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
            item->setCheckState(HostNameColumn,
                                checked.contains(s->uri()) ? Qt::Checked : Qt::Unchecked);
            item->setText(HostRunsColumn, runs);
        } else {
            ++withheld;
            item->setFlags(Qt::ItemIsUserCheckable); // shown, greyed, not tickable
            item->setCheckState(HostNameColumn, Qt::Unchecked);
            item->setText(HostRunsColumn, why);
            for (int c = 0; c < 3; ++c)
                item->setToolTip(c, why);
        }
    }
    for (int c = 0; c < 2; ++c)
        m_hosts->resizeColumnToContents(c);
    m_refreshing = false;

    if (m_datacenter->sessions().isEmpty())
        m_hostsNote->setText(tr("No host is connected; add a connection first."));
    else if (withheld > 0)
        m_hostsNote->setText(
            tr("Greyed hosts cannot join this cluster; the last column says why."));
    else
        m_hostsNote->clear();
    m_hostsNote->setVisible(!m_hostsNote->text().isEmpty());

    updateArchLock();
}

void ClusterDialog::updateArchLock()
{
    // Guests of one arch per cluster: the arch stays as it is while hosts are members.
    bool anyChecked = false;
    for (int i = 0; i < m_hosts->topLevelItemCount(); ++i)
        anyChecked =
            anyChecked || m_hosts->topLevelItem(i)->checkState(HostNameColumn) == Qt::Checked;
    m_arch->setEnabled(!anyChecked);
    m_archNote->setText(anyChecked ? tr("The architecture cannot change while the cluster has "
                                        "hosts; remove them first.")
                                   : QString());
    m_archNote->setVisible(anyChecked);
    validate();
}

void ClusterDialog::validate()
{
    const QString nameProblem =
        models::clusterNameProblem(m_name->text(), m_clusters->clustersExcept(m_cluster.id));
    // An untouched empty name of a new cluster is not an error yet, but OK stays disabled.
    setFieldErrors(m_nameError,
                   nameProblem.isEmpty() || (m_name->text().isEmpty() && !m_name->isModified())
                       ? QStringList()
                       : QStringList{nameProblem});
    QStringList descriptionProblems;
    if (m_description->text().size() > models::kClusterDescriptionMaxLength) {
        descriptionProblems << tr("The description is too long: at most %1 characters.")
                                   .arg(models::kClusterDescriptionMaxLength);
    }
    setFieldErrors(m_descriptionError, descriptionProblems);
    const bool ok = nameProblem.isEmpty() && descriptionProblems.isEmpty() &&
                    !currentArch().isEmpty() && !m_cpu->currentId().isEmpty();
    okButton()->setEnabled(ok);
}

models::Cluster ClusterDialog::cluster() const
{
    models::Cluster c = m_cluster;
    c.name = m_name->text().trimmed();
    c.description = m_description->text().trimmed();
    c.arch = currentArch();
    c.cpuType = m_cpu->currentId();
    c.allowEmulation = m_emulation->isChecked();
    c.hostUris.clear();
    for (int i = 0; i < m_hosts->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_hosts->topLevelItem(i);
        if (item->checkState(HostNameColumn) == Qt::Checked)
            c.hostUris << item->data(HostNameColumn, UriRole).toString();
    }
    return c;
}

} // namespace crossvirt::views
