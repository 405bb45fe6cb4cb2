#include "views/dialogs/NewVmDialog.h"

#include "arch/ArchRegistry.h"
#include "arch/Placement.h"
#include "models/cluster/ClusterList.h"
#include "models/connection/Datacenter.h"
#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "models/inventory/InventoryModel.h"
#include "models/osinfo/OsCatalogue.h"
#include "models/osinfo/OsListModel.h"
#include "models/provisioning/DomainXmlBuilder.h"
#include "views/dialogs/ChoiceCombo.h"
#include "views/dialogs/FieldMessage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QWizardPage>
#include <functional>

namespace crossvirt::views {

using namespace Qt::StringLiterals;
using models::ConnectionState;

namespace {

/// A page whose Next/Create button follows a predicate.
class CheckedPage : public QWizardPage
{
public:
    using QWizardPage::QWizardPage;
    std::function<bool()> complete;
    bool isComplete() const override { return complete ? complete() : true; }
    void recheck() { emit completeChanged(); }
};

/// A field with its inline error label under it, for a QFormLayout row.
QWidget *withError(QWidget *field, QLabel *error, QLabel *note = nullptr)
{
    auto *box = new QWidget(field->parentWidget());
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    if (note)
        layout->addWidget(note);
    layout->addWidget(error);
    return box;
}

QString cpuChoiceId(const arch::CpuChoice &cpu)
{
    if (cpu.mode == arch::CpuMode::Default)
        return u"default"_s;
    if (cpu.mode == arch::CpuMode::Custom)
        return u"custom:"_s + cpu.model;
    return arch::cpuModeName(cpu.mode);
}

arch::CpuChoice cpuFromId(const QString &id)
{
    if (id.startsWith("custom:"_L1))
        return {arch::CpuMode::Custom, id.mid(7)};
    for (auto mode :
         {arch::CpuMode::HostModel, arch::CpuMode::HostPassthrough, arch::CpuMode::Maximum}) {
        if (arch::cpuModeName(mode) == id)
            return {mode, {}};
    }
    return {};
}

QString formatBytes(quint64 bytes)
{
    return models::formatKiB(bytes / 1024);
}

} // namespace

NewVmDialog::NewVmDialog(models::Datacenter *datacenter, models::ClusterList *clusters,
                         QWidget *parent)
    : QWizard(parent), m_datacenter(datacenter), m_clusters(clusters)
{
    setWindowTitle(tr("New Virtual Machine"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setButtonText(QWizard::FinishButton, tr("&Create"));
    setMinimumSize(720, 620);

    buildPlacementPage();
    buildResourcesPage();
    buildStoragePage();
    buildDevicesPage();
    buildSummaryPage();

    whenFinished(
        models::OsCatalogue::loadAsync(), this,
        [this](const std::shared_ptr<const models::OsCatalogue> &catalogue) {
            m_catalogue = catalogue;
            m_osNote->setText(catalogue->notice());
            m_osNote->setVisible(!catalogue->notice().isEmpty());
            archChanged(); // fills the OS list for the current arch
        },
        [this](const QString &error) {
            m_osNote->setText(tr("The guest OS list could not be read: %1").arg(error));
            m_osNote->show();
        });

    fillTargets();
    targetChanged();
}

NewVmDialog::~NewVmDialog() = default;

// ---- pages -------------------------------------------------------------------------------

void NewVmDialog::buildPlacementPage()
{
    auto *page = new CheckedPage(this);
    page->setTitle(tr("Where and what"));
    page->setSubTitle(tr("Choose a cluster or a host, the guest architecture, the machine type "
                         "and the operating system."));
    auto *form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_target = new QComboBox(page);
    form->addRow(tr("&Place in:"), m_target);
    m_arch = new QComboBox(page);
    m_archNote = makeFieldNote(page);
    auto *archError = makeFieldError(page);
    form->addRow(tr("&Architecture:"), withError(m_arch, archError, m_archNote));
    m_errorLabels.insert(u"arch"_s, archError);
    m_host = new QComboBox(page);
    m_hostNote = makeFieldNote(page);
    auto *hostError = makeFieldError(page);
    form->addRow(tr("&Host:"), withError(m_host, hostError, m_hostNote));
    m_errorLabels.insert(u"host"_s, hostError);
    m_machine = new ChoiceCombo(page);
    auto *machineError = makeFieldError(page);
    form->addRow(tr("&Machine type:"), withError(m_machine, machineError));
    m_errorLabels.insert(u"machine"_s, machineError);

    m_osModel = new models::OsListModel(this);
    m_osFilter = new models::OsFilterProxyModel(this);
    m_osFilter->setSourceModel(m_osModel);
    m_osSearch = new QLineEdit(page);
    m_osSearch->setPlaceholderText(tr("Search operating systems, e.g. \"rhel 9\" or \"debian\""));
    m_osSearch->setClearButtonEnabled(true);
    m_showEol = new QCheckBox(tr("Show end-of-life systems"), page);
    m_osList = new QListView(page);
    m_osList->setModel(m_osFilter);
    m_osList->setMinimumHeight(150);
    m_osList->setUniformItemSizes(true);
    m_osNote = makeFieldNote(page);
    auto *osBox = new QWidget(page);
    auto *osLayout = new QVBoxLayout(osBox);
    osLayout->setContentsMargins(0, 0, 0, 0);
    osLayout->setSpacing(2);
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_osSearch, 1);
    searchRow->addWidget(m_showEol);
    osLayout->addLayout(searchRow);
    osLayout->addWidget(m_osList);
    osLayout->addWidget(m_osNote);
    form->addRow(tr("&Operating system:"), osBox);

    m_name = new QLineEdit(page);
    m_name->setPlaceholderText(tr("e.g. web-01"));
    auto *nameError = makeFieldError(page);
    form->addRow(tr("&Name:"), withError(m_name, nameError));
    m_errorLabels.insert(u"name"_s, nameError);

    page->complete = [this] { return isReady() && !pageHasProblems(PlacementPage); };
    for (const char *f : {"name", "arch", "machine", "host"})
        m_fieldPage.insert(QLatin1String(f), PlacementPage);
    setPage(PlacementPage, page);

    connect(m_target, &QComboBox::currentIndexChanged, this, &NewVmDialog::targetChanged);
    connect(m_arch, &QComboBox::currentIndexChanged, this, &NewVmDialog::archChanged);
    connect(m_host, &QComboBox::currentIndexChanged, this, &NewVmDialog::hostChanged);
    connect(m_machine, &ChoiceCombo::currentIdChanged, this, &NewVmDialog::machineChanged);
    connect(m_osSearch, &QLineEdit::textChanged, m_osFilter,
            &models::OsFilterProxyModel::setSearchText);
    connect(m_showEol, &QCheckBox::toggled, m_osFilter,
            &models::OsFilterProxyModel::setShowEndOfLife);
    connect(m_osList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &NewVmDialog::osChanged);
    connect(m_name, &QLineEdit::textChanged, this, &NewVmDialog::validate);
}

void NewVmDialog::buildResourcesPage()
{
    auto *page = new CheckedPage(this);
    page->setTitle(tr("Processors and memory"));
    page->setSubTitle(tr("The operating system's recommendation is filled in; the host's "
                         "size and the architecture's rules bound it."));
    auto *form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_vcpus = new QSpinBox(page);
    m_vcpus->setRange(1, 1024);
    m_vcpus->setValue(2);
    auto *vcpusError = makeFieldError(page);
    form->addRow(tr("&Virtual CPUs:"), withError(m_vcpus, vcpusError));
    m_errorLabels.insert(u"vcpus"_s, vcpusError);
    m_memory = new QSpinBox(page);
    m_memory->setRange(0, 16 * 1024 * 1024);
    m_memory->setSuffix(tr(" MiB"));
    m_memory->setValue(2048);
    m_memory->setSingleStep(256);
    m_memoryNote = makeFieldNote(page);
    auto *memoryError = makeFieldError(page);
    form->addRow(tr("&Memory:"), withError(m_memory, memoryError, m_memoryNote));
    m_errorLabels.insert(u"memory"_s, memoryError);
    m_cpu = new ChoiceCombo(page);
    auto *cpuError = makeFieldError(page);
    form->addRow(tr("C&PU type:"), withError(m_cpu, cpuError));
    m_errorLabels.insert(u"cpu"_s, cpuError);
    auto *firmwareError = makeFieldError(page);
    form->addRow(QString(), firmwareError);
    m_errorLabels.insert(u"firmware"_s, firmwareError);

    for (QSpinBox *spin : {m_vcpus, m_memory})
        spin->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_memory->setMinimumWidth(160);
    page->complete = [this] { return !pageHasProblems(ResourcesPage); };
    for (const char *f : {"vcpus", "memory", "cpu", "firmware"})
        m_fieldPage.insert(QLatin1String(f), ResourcesPage);
    setPage(ResourcesPage, page);
    connect(m_vcpus, &QSpinBox::valueChanged, this, &NewVmDialog::validate);
    connect(m_memory, &QSpinBox::valueChanged, this, &NewVmDialog::validate);
    connect(m_cpu, &ChoiceCombo::currentIdChanged, this, &NewVmDialog::validate);
}

void NewVmDialog::buildStoragePage()
{
    auto *page = new CheckedPage(this);
    page->setTitle(tr("Storage"));
    page->setSubTitle(tr("The VM's disk and an optional CD-ROM. Interfaces are those this "
                         "architecture and machine type support."));
    auto *form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_storageKind = new QComboBox(page);
    m_storageKind->addItem(tr("Create a new volume"), int(models::StorageKind::NewVolume));
    m_storageKind->addItem(tr("Use an existing volume"), int(models::StorageKind::ExistingVolume));
    m_storageKind->addItem(tr("No disk"), int(models::StorageKind::None));
    form->addRow(tr("&Disk:"), m_storageKind);
    m_pool = new QComboBox(page);
    auto *poolError = makeFieldError(page);
    form->addRow(tr("&Pool:"), withError(m_pool, poolError));
    m_size = new QSpinBox(page);
    m_size->setRange(0, 1024 * 1024);
    m_size->setSuffix(tr(" GiB"));
    m_size->setValue(20);
    m_size->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_size->setMinimumWidth(160);
    auto *sizeError = makeFieldError(page);
    form->addRow(tr("&Size:"), withError(m_size, sizeError));
    m_format = new QComboBox(page);
    m_format->addItem(tr("qcow2 (thin, snapshots)"), u"qcow2"_s);
    m_format->addItem(tr("raw (fastest)"), u"raw"_s);
    auto *formatError = makeFieldError(page);
    form->addRow(tr("&Format:"), withError(m_format, formatError));
    m_volume = new QComboBox(page);
    auto *volumeError = makeFieldError(page);
    form->addRow(tr("&Volume:"), withError(m_volume, volumeError));
    m_diskBus = new ChoiceCombo(page);
    auto *busError = makeFieldError(page);
    form->addRow(tr("Disk &interface:"), withError(m_diskBus, busError));
    m_cdrom = new QCheckBox(tr("Attach a CD-ROM with an ISO image"), page);
    form->addRow(QString(), m_cdrom);
    m_iso = new QComboBox(page);
    auto *isoError = makeFieldError(page);
    form->addRow(tr("&ISO image:"), withError(m_iso, isoError));
    m_cdromBus = new ChoiceCombo(page);
    auto *cdromBusError = makeFieldError(page);
    form->addRow(tr("CD-ROM &bus:"), withError(m_cdromBus, cdromBusError));
    m_errorLabels.insert(u"pool"_s, poolError);
    m_errorLabels.insert(u"size"_s, sizeError);
    m_errorLabels.insert(u"format"_s, formatError);
    m_errorLabels.insert(u"volume"_s, volumeError);
    m_errorLabels.insert(u"diskInterface"_s, busError);
    m_errorLabels.insert(u"cdrom"_s, isoError);
    m_errorLabels.insert(u"cdromInterface"_s, cdromBusError);
    for (const char *f :
         {"pool", "size", "format", "volume", "diskInterface", "cdrom", "cdromInterface"})
        m_fieldPage.insert(QLatin1String(f), StoragePage);

    auto updateRows = [this, form] {
        const auto kind = models::StorageKind(m_storageKind->currentData().toInt());
        form->setRowVisible(m_pool->parentWidget(), kind != models::StorageKind::None);
        form->setRowVisible(m_size->parentWidget(), kind == models::StorageKind::NewVolume);
        form->setRowVisible(m_format->parentWidget(), kind == models::StorageKind::NewVolume);
        form->setRowVisible(m_volume->parentWidget(), kind == models::StorageKind::ExistingVolume);
        form->setRowVisible(m_diskBus->parentWidget(), kind != models::StorageKind::None);
        form->setRowVisible(m_iso->parentWidget(), m_cdrom->isChecked());
        form->setRowVisible(m_cdromBus->parentWidget(), m_cdrom->isChecked());
        validate();
    };
    connect(m_storageKind, &QComboBox::currentIndexChanged, this, updateRows);
    connect(m_cdrom, &QCheckBox::toggled, this, updateRows);
    connect(m_pool, &QComboBox::currentIndexChanged, this, [this] {
        fillVolumes();
        validate();
    });
    connect(m_size, &QSpinBox::valueChanged, this, &NewVmDialog::validate);
    connect(m_format, &QComboBox::currentIndexChanged, this, &NewVmDialog::validate);
    connect(m_volume, &QComboBox::currentIndexChanged, this, &NewVmDialog::validate);
    connect(m_iso, &QComboBox::currentIndexChanged, this, &NewVmDialog::validate);
    connect(m_diskBus, &ChoiceCombo::currentIdChanged, this, &NewVmDialog::validate);
    connect(m_cdromBus, &ChoiceCombo::currentIdChanged, this, &NewVmDialog::validate);
    page->complete = [this] { return !pageHasProblems(StoragePage); };
    setPage(StoragePage, page);
    updateRows();
}

void NewVmDialog::buildDevicesPage()
{
    auto *page = new CheckedPage(this);
    page->setTitle(tr("Network and display"));
    page->setSubTitle(tr("Devices this architecture supports; what it does not is named "
                         "under each list."));
    auto *form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_nic = new QCheckBox(tr("Add a network card"), page);
    m_nic->setChecked(true);
    form->addRow(QString(), m_nic);
    m_network = new QComboBox(page);
    auto *networkError = makeFieldError(page);
    form->addRow(tr("&Network:"), withError(m_network, networkError));
    m_nicModel = new ChoiceCombo(page);
    auto *nicError = makeFieldError(page);
    form->addRow(tr("NIC &model:"), withError(m_nicModel, nicError));
    m_graphics = new ChoiceCombo(page);
    auto *graphicsError = makeFieldError(page);
    form->addRow(tr("&Graphics:"), withError(m_graphics, graphicsError));
    m_video = new ChoiceCombo(page);
    auto *videoError = makeFieldError(page);
    form->addRow(tr("&Video:"), withError(m_video, videoError));
    m_console = new ChoiceCombo(page);
    auto *consoleError = makeFieldError(page);
    form->addRow(tr("&Console:"), withError(m_console, consoleError));
    m_errorLabels.insert(u"network"_s, networkError);
    m_errorLabels.insert(u"nicModel"_s, nicError);
    m_errorLabels.insert(u"graphics"_s, graphicsError);
    m_errorLabels.insert(u"video"_s, videoError);
    m_errorLabels.insert(u"console"_s, consoleError);
    for (const char *f : {"network", "nicModel", "graphics", "video", "console"})
        m_fieldPage.insert(QLatin1String(f), DevicesPage);
    connect(m_nic, &QCheckBox::toggled, this, [this, form](bool on) {
        form->setRowVisible(m_network->parentWidget(), on);
        form->setRowVisible(m_nicModel->parentWidget(), on);
        validate();
    });
    connect(m_network, &QComboBox::currentIndexChanged, this, &NewVmDialog::validate);
    for (ChoiceCombo *c : {m_nicModel, m_graphics, m_video, m_console})
        connect(c, &ChoiceCombo::currentIdChanged, this, &NewVmDialog::validate);
    page->complete = [this] { return !pageHasProblems(DevicesPage); };
    setPage(DevicesPage, page);
}

void NewVmDialog::buildSummaryPage()
{
    auto *page = new CheckedPage(this);
    page->setTitle(tr("Summary"));
    page->setSubTitle(tr("Where the VM will run and the definition Crossvirt will give libvirt."));
    auto *layout = new QVBoxLayout(page);
    m_placement = new QLabel(page);
    m_placement->setWordWrap(true);
    m_placement->setTextFormat(Qt::PlainText);
    layout->addWidget(m_placement);
    m_xml = new QPlainTextEdit(page);
    m_xml->setReadOnly(true);
    m_xml->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_xml->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(m_xml, 1);
    m_start = new QCheckBox(tr("&Start the VM after creating it"), page);
    m_start->setChecked(true);
    m_openConsole = new QCheckBox(tr("&Open its console"), page);
    m_openConsole->setChecked(true);
    connect(m_start, &QCheckBox::toggled, m_openConsole, &QWidget::setEnabled);
    auto *checks = new QHBoxLayout;
    checks->addWidget(m_start);
    checks->addWidget(m_openConsole);
    checks->addStretch();
    layout->addLayout(checks);
    m_status = new QLabel(page);
    layout->addWidget(m_status);
    m_createError = makeFieldError(page);
    m_createError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_createError);
    page->complete = [this] {
        return isReady() && m_problems.isEmpty() && !m_creating && m_planError.isEmpty();
    };
    setPage(SummaryPage, page);
}

// ---- selection ------------------------------------------------------------------------------

void NewVmDialog::fillTargets()
{
    const QSignalBlocker block(m_target);
    m_target->clear();
    for (const models::Cluster &c : m_clusters->clusters())
        m_target->addItem(tr("Cluster %1 (%2)").arg(c.name, c.arch), QStringList{c.id, {}});
    for (const models::HostSession *s : m_datacenter->sessions()) {
        m_target->addItem(tr("Host %1").arg(m_datacenter->displayName(s->uri())),
                          QStringList{{}, s->uri()});
        if (s->state() != ConnectionState::Connected) {
            m_target->setItemData(m_target->count() - 1, tr("Not connected"), Qt::ToolTipRole);
        }
    }
}

NewVmDialog::Target NewVmDialog::currentTarget() const
{
    const QStringList ids = m_target->currentData().toStringList();
    return ids.size() == 2 ? Target{ids[0], ids[1]} : Target{};
}

bool NewVmDialog::selectHost(const QString &uri)
{
    const int i = m_target->findData(QStringList{{}, uri});
    if (i >= 0)
        m_target->setCurrentIndex(i);
    return i >= 0;
}

bool NewVmDialog::selectCluster(const QString &clusterId)
{
    const int i = m_target->findData(QStringList{clusterId, {}});
    if (i >= 0)
        m_target->setCurrentIndex(i);
    return i >= 0;
}

bool NewVmDialog::selectArch(const QString &arch)
{
    const int i = m_arch->findData(arch);
    if (i >= 0 && m_arch->isEnabled())
        m_arch->setCurrentIndex(i);
    return i >= 0 && m_arch->currentIndex() == i;
}

void NewVmDialog::targetChanged()
{
    const Target target = currentTarget();
    const auto &registry = arch::ArchRegistry::instance();
    {
        const QSignalBlocker block(m_arch);
        m_arch->clear();
        if (!target.clusterId.isEmpty()) {
            // A cluster's guests all have its arch.
            if (const auto c = m_clusters->cluster(target.clusterId)) {
                const arch::ArchModel *m = registry.find(c->arch);
                m_arch->addItem(m ? tr("%1 (%2)").arg(m->displayName(), c->arch) : c->arch,
                                c->arch);
            }
            m_arch->setEnabled(false);
            m_archNote->setText(tr("Fixed by the cluster."));
        } else if (const models::HostSession *s = m_datacenter->session(target.hostUri)) {
            const models::HostInfo &info = s->hostInfo();
            for (const QString &a : registry.archNames()) {
                const arch::ArchModel *m = registry.find(a);
                if (info.nativeArches.contains(a))
                    m_arch->addItem(tr("%1 (%2)").arg(m->displayName(), a), a);
            }
            for (const QString &a : registry.archNames()) {
                const arch::ArchModel *m = registry.find(a);
                if (info.emulatedArches.contains(a) && !info.nativeArches.contains(a))
                    m_arch->addItem(tr("%1 (%2), emulated").arg(m->displayName(), a), a);
            }
            m_arch->setEnabled(m_arch->count() > 0);
            m_archNote->setText(m_arch->count() > 0
                                    ? tr("Arches this host runs natively come first; the others "
                                         "it can only emulate (much slower).")
                                    : tr("The host is not connected, so its arches are unknown."));
        }
        m_archNote->setVisible(!m_archNote->text().isEmpty());
        m_arch->setCurrentIndex(m_arch->count() > 0 ? 0 : -1);
    }
    archChanged();
}

void NewVmDialog::archChanged()
{
    const QString archName = m_arch->currentData().toString();
    if (m_catalogue && m_osModel->arch() != archName) {
        QList<models::OsEntry> oses = m_catalogue->forArch(archName, true);
        // osinfo-db knows no OS for some arches (riscv64): offer the generic entries.
        if (oses.isEmpty())
            oses = models::OsCatalogue::genericEntries(archName);
        m_osModel->setEntries(archName, oses);
        m_osList->setCurrentIndex({});
    }
    if (const arch::ArchModel *m = arch::ArchRegistry::instance().find(archName)) {
        arch::GuestContext ctx;
        ctx.arch = archName;
        const int granularity = m->limits(ctx).memoryGranularityMiB;
        m_memory->setSingleStep(granularity > 1 ? granularity : 256);
        m_memoryNote->setText(
            granularity > 1
                ? tr("%1 guest memory goes in %2 MiB steps.").arg(archName).arg(granularity)
                : QString());
        m_memoryNote->setVisible(granularity > 1);
    }

    // Hosts for the guest: the cluster's, ranked native first (Nova's rule), or the one host.
    const Target target = currentTarget();
    const QSignalBlocker block(m_host);
    m_host->clear();
    QList<arch::HostCandidate> candidates;
    bool allowEmulation = true;
    if (!target.clusterId.isEmpty()) {
        const auto c = m_clusters->cluster(target.clusterId);
        allowEmulation = c && c->allowEmulation;
        for (const QString &uri : c ? c->hostUris : QStringList()) {
            const models::HostSession *s = m_datacenter->session(uri);
            if (s && s->state() == ConnectionState::Connected)
                candidates << arch::HostCandidate{uri, s->hostInfo().arch, std::nullopt};
        }
    } else if (const models::HostSession *s = m_datacenter->session(target.hostUri)) {
        candidates << arch::HostCandidate{s->uri(), s->hostInfo().arch, std::nullopt};
    }
    QStringList withheld;
    for (const arch::HostPlacement &p : arch::rankHosts(archName, candidates, allowEmulation)) {
        const QString name = m_datacenter->displayName(p.id);
        if (!p.offered) {
            withheld << tr("%1: %2").arg(name, p.reason);
            continue;
        }
        m_host->addItem(p.execution == arch::Execution::Native ? tr("%1 (native)").arg(name)
                                                               : tr("%1 (emulated)").arg(name),
                        p.id);
    }
    m_host->setEnabled(m_host->count() > 1);
    QString note;
    if (!target.clusterId.isEmpty() && candidates.isEmpty())
        note = tr("The cluster has no connected host.");
    if (!withheld.isEmpty())
        note = tr("Not offered: %1").arg(withheld.join(u"; "_s));
    m_hostNote->setText(note);
    m_hostNote->setVisible(!note.isEmpty());
    m_host->setCurrentIndex(m_host->count() > 0 ? 0 : -1);
    hostChanged();
}

void NewVmDialog::hostChanged()
{
    models::HostSession *session = currentSession();
    if (session && m_storageUri != session->uri()) {
        m_storage.reset();
        m_storageUri = session->uri();
        const quint64 request = ++m_storageRequest;
        whenFinished(
            models::fetchStorage(session), this,
            [this, request](const models::StorageSnapshot &snapshot) {
                if (request != m_storageRequest)
                    return;
                m_storage = snapshot;
                applyStorage();
            },
            [this, request](const QString &error) {
                if (request != m_storageRequest)
                    return;
                m_storage = models::StorageSnapshot{};
                applyStorage();
                setFieldErrors(m_errorLabels.value(u"pool"_s),
                               {tr("The host's storage could not be read: %1").arg(error)});
            });
    }
    requestContext(true);
}

void NewVmDialog::machineChanged()
{
    if (!m_context || m_machine->currentId() == m_context->machine ||
        m_machine->currentId().isEmpty())
        return validate();
    requestContext(false);
}

models::HostSession *NewVmDialog::currentSession() const
{
    return m_datacenter->session(m_host->currentData().toString());
}

models::HostChoicesProvider *NewVmDialog::provider(models::HostSession *session)
{
    QPointer<models::HostChoicesProvider> &p = m_providers[session];
    if (!p)
        p = new models::HostChoicesProvider(session, this);
    return p;
}

void NewVmDialog::requestContext(bool refillMachines)
{
    models::HostSession *session = currentSession();
    const QString archName = m_arch->currentData().toString();
    const quint64 request = ++m_contextRequest;
    if (!session || archName.isEmpty()) {
        m_context.reset();
        m_choices.reset();
        m_contextPending = false;
        validate();
        return;
    }
    m_contextPending = true;
    setBusy(true);
    const QString machine = refillMachines ? QString() : m_machine->currentId();
    const Target target = currentTarget();
    const auto cluster = m_clusters->cluster(target.clusterId);
    const bool allowEmulation = target.clusterId.isEmpty() || (cluster && cluster->allowEmulation);
    whenFinished(
        provider(session)->guestContext(archName, machine, allowEmulation), this,
        [this, request, refillMachines](const models::GuestHostContext &context) {
            if (request != m_contextRequest)
                return;
            m_contextPending = false;
            setBusy(false);
            applyContext(context, refillMachines);
        },
        [this, request](const QString &error) {
            if (request != m_contextRequest)
                return;
            m_contextPending = false;
            setBusy(false);
            m_context.reset();
            m_choices.reset();
            setFieldErrors(m_errorLabels.value(u"host"_s),
                           {tr("The host's capabilities could not be read: %1").arg(error)});
            validate();
        });
}

void NewVmDialog::applyContext(const models::GuestHostContext &context, bool refillMachines)
{
    m_context = context;
    m_choices = models::computeGuestChoices(context);
    if (!m_choices) {
        validate();
        return;
    }
    const models::GuestChoices &c = *m_choices;
    if (refillMachines) {
        const QSignalBlocker block(m_machine);
        m_machine->setChoices(c.machineTypes, c.defaultMachine);
    }

    // CPU: the offered modes (custom is spelled out as its models), the cluster's type first.
    arch::ChoiceList cpus;
    if (c.defaults.cpu.mode == arch::CpuMode::Default)
        cpus.append({u"default"_s, tr("Hypervisor default"), true, {}});
    for (const arch::Choice &mode : c.cpuModes) {
        if (mode.id != "custom"_L1)
            cpus.append(mode);
    }
    for (const arch::Choice &model : c.cpuModels) {
        if (model.offered)
            cpus.append({u"custom:"_s + model.id, model.label, true, {}});
    }
    QString preferredCpu = cpuChoiceId(c.defaults.cpu);
    if (const auto cluster = m_clusters->cluster(currentTarget().clusterId);
        cluster && !cluster->cpuType.isEmpty() && context.model()) {
        const QString id = cpuChoiceId(context.model()->cpuForClusterType(cluster->cpuType));
        if (cpus.offers(id))
            preferredCpu = id;
    }
    const QSignalBlocker b1(m_cpu), b2(m_diskBus), b3(m_cdromBus), b4(m_nicModel), b5(m_graphics),
        b6(m_video), b7(m_console);
    m_cpu->setChoices(cpus, preferredCpu);
    m_diskBus->setChoices(c.diskInterfaces, c.defaults.diskInterface);
    m_cdromBus->setChoices(c.cdromInterfaces, c.defaults.cdromInterface);
    m_nicModel->setChoices(c.nicModels, c.defaults.nicModel);
    m_graphics->setChoices(c.graphicsTypes, c.defaults.graphics);
    m_video->setChoices(c.videoModels, c.defaults.video);
    m_console->setChoices(c.consoleTypes, c.defaults.console.consoleTargetType == "sclp"_L1
                                              ? u"sclp"_s
                                              : u"serial"_s);
    m_vcpus->setMaximum(c.limits.maxVcpus > 0 ? c.limits.maxVcpus : 1024);
    setFieldErrors(m_errorLabels.value(u"host"_s), context.placement.offered
                                                       ? QStringList()
                                                       : QStringList{context.placement.reason});
    validate();
}

void NewVmDialog::applyStorage()
{
    {
        const QSignalBlocker b1(m_pool), b2(m_network), b3(m_iso);
        const QString pool = m_pool->currentData().toString();
        m_pool->clear();
        m_network->clear();
        m_iso->clear();
        if (m_storage) {
            for (const models::PoolContents &p : m_storage->pools) {
                if (!p.info.active)
                    continue;
                m_pool->addItem(tr("%1 (%2 free)").arg(p.info.name, formatBytes(p.info.available)),
                                p.info.name);
                for (const models::VolumeInfo &v : p.isoVolumes())
                    m_iso->addItem(tr("%1 (pool %2)").arg(v.name, p.info.name),
                                   QStringList{p.info.name, v.name});
            }
            for (const models::NetworkInfo &n : m_storage->networks) {
                m_network->addItem(n.active ? n.name : tr("%1 (inactive)").arg(n.name), n.name);
            }
        }
        const int keep = m_pool->findData(pool);
        m_pool->setCurrentIndex(keep >= 0 ? keep : (m_pool->count() > 0 ? 0 : -1));
        // libvirt's "default" network is what a new VM usually wants.
        const int defaultNetwork = m_network->findData(u"default"_s);
        m_network->setCurrentIndex(defaultNetwork >= 0 ? defaultNetwork
                                                       : (m_network->count() > 0 ? 0 : -1));
        m_iso->setCurrentIndex(m_iso->count() > 0 ? 0 : -1);
    }
    fillVolumes();
    validate();
}

void NewVmDialog::fillVolumes()
{
    const QSignalBlocker block(m_volume);
    m_volume->clear();
    const models::PoolContents *pool =
        m_storage ? m_storage->pool(m_pool->currentData().toString()) : nullptr;
    if (!pool)
        return;
    for (const models::VolumeInfo &v : pool->volumes) {
        if (!v.isIso)
            m_volume->addItem(tr("%1 (%2)").arg(v.name, formatBytes(v.capacity)), v.name);
    }
}

void NewVmDialog::osChanged()
{
    const QModelIndex current = m_osList->currentIndex();
    if (!current.isValid())
        return validate();
    // The OS's recommendation, rounded up to what the arch accepts.
    int ram = current.data(models::OsListModel::RamRole).toInt();
    const int vcpus = current.data(models::OsListModel::VcpusRole).toInt();
    const int disk = current.data(models::OsListModel::StorageRole).toInt();
    if (m_choices && ram > 0)
        ram = int(m_choices->limits.alignMemoryMiB(ram));
    if (ram > 0)
        m_memory->setValue(ram);
    if (vcpus > 0)
        m_vcpus->setValue(vcpus);
    if (disk > 0)
        m_size->setValue(disk);
    validate();
}

// ---- the spec, its problems and the plan -------------------------------------------------------

bool NewVmDialog::pageHasProblems(int pageId) const
{
    for (const auto &p : m_problems) {
        if (m_fieldPage.value(p.field, SummaryPage) == pageId)
            return true;
    }
    return false;
}

bool NewVmDialog::isReady() const
{
    return m_context.has_value() && m_choices.has_value() && !m_contextPending &&
           m_storage.has_value();
}

models::VmSpec NewVmDialog::spec() const
{
    models::VmSpec s;
    s.hostUri = m_host->currentData().toString();
    s.name = m_name->text();
    s.arch = m_arch->currentData().toString();
    s.machine = m_machine->currentId();
    if (m_context)
        s.virtType = m_context->placement.virtType;
    const QModelIndex os = m_osList->currentIndex();
    if (os.isValid()) {
        s.osId = os.data(models::OsListModel::ShortIdRole).toString();
        s.osinfoUri = os.data(models::OsListModel::OsinfoIdRole).toString();
    }
    s.memoryMiB = m_memory->value();
    s.vcpus = m_vcpus->value();
    s.cpu = cpuFromId(m_cpu->currentId());
    if (m_choices)
        s.firmware = m_choices->defaults.firmware;
    s.storage.kind = models::StorageKind(m_storageKind->currentData().toInt());
    if (s.storage.kind != models::StorageKind::None) {
        s.storage.pool = m_pool->currentData().toString();
        if (s.storage.kind == models::StorageKind::NewVolume) {
            s.storage.sizeGiB = m_size->value();
            s.storage.format = m_format->currentData().toString();
        } else {
            s.storage.volume = m_volume->currentData().toString();
            const models::PoolContents *pool =
                m_storage ? m_storage->pool(s.storage.pool) : nullptr;
            const models::VolumeInfo *v = pool ? pool->volume(s.storage.volume) : nullptr;
            s.storage.format = v && !v->format.isEmpty() ? v->format : u"raw"_s;
        }
        s.diskInterface = m_diskBus->currentId();
    }
    if (m_cdrom->isChecked()) {
        const QStringList iso = m_iso->currentData().toStringList();
        models::CdromSpec cd;
        if (iso.size() == 2) {
            cd.pool = iso[0];
            cd.volume = iso[1];
        }
        cd.interfaceId = m_cdromBus->currentId();
        s.cdrom = cd;
    }
    if (m_nic->isChecked())
        s.nic = models::NicSpec{m_network->currentData().toString(), m_nicModel->currentId()};
    s.graphics = m_graphics->currentId();
    s.video = m_video->currentId();
    s.console = m_console->currentId();
    s.startAfterCreate = m_start->isChecked();
    return s;
}

void NewVmDialog::validate()
{
    if (!m_createError)
        return; // still building the pages
    m_problems.clear();
    m_planError.clear();
    m_xmlText.clear();
    const models::VmSpec s = spec();
    if (m_context && m_choices && m_context->model()) {
        const models::ValidationHost host{m_context->hostMemoryKiB,
                                          m_storage ? &*m_storage : nullptr};
        m_problems =
            models::VmSpecValidator::validate(s, *m_context->model(), m_context->context(), host);
        if (!m_context->placement.offered)
            m_problems.append({u"host"_s, m_context->placement.reason});
    } else if (!m_contextPending) {
        m_problems.append({u"host"_s, tr("Choose a connected host or a cluster with one.")});
    }

    // Inline messages; an untouched empty name waits for the user before complaining.
    QHash<QLabel *, QStringList> messages;
    for (QLabel *label : std::as_const(m_errorLabels))
        messages[label];
    for (const models::ValidationProblem &p : std::as_const(m_problems)) {
        if (p.field == "name"_L1 && m_name->text().isEmpty() && !m_name->isModified())
            continue;
        if (QLabel *label = m_errorLabels.value(p.field))
            messages[label] << p.message;
    }
    for (auto it = messages.cbegin(); it != messages.cend(); ++it)
        setFieldErrors(it.key(), it.value());

    QString placement;
    if (m_context) {
        const QString hostName = m_datacenter->displayName(m_context->uri);
        placement = m_context->placement.execution == arch::Execution::Native
                        ? tr("Runs on %1 natively (KVM): a %2 host running a %3 guest.")
                              .arg(hostName, m_context->hostArch, m_context->arch)
                        : tr("Runs on %1 emulated (TCG): a %2 host emulating a %3 guest, much "
                             "slower than native.")
                              .arg(hostName, m_context->hostArch, m_context->arch);
    }
    m_placement->setText(placement);
    if (m_problems.isEmpty() && m_context) {
        QString error;
        if (const auto plan = models::planCreateVm(s, &error))
            m_xmlText = plan->domainXml;
        else
            m_planError = error;
    }
    if (!m_problems.isEmpty()) {
        QStringList lines;
        for (const auto &p : std::as_const(m_problems))
            lines << p.message;
        m_xml->setPlainText(tr("Fix these first:\n%1").arg(lines.join(u'\n')));
    } else {
        m_xml->setPlainText(m_planError.isEmpty() ? m_xmlText.trimmed() : m_planError);
    }
    for (int id : pageIds()) {
        if (auto *p = dynamic_cast<CheckedPage *>(page(id)))
            p->recheck();
    }
}

QString NewVmDialog::domainXml() const
{
    return m_xmlText;
}

QString NewVmDialog::placementText() const
{
    return m_placement->text();
}

QString NewVmDialog::fieldMessage(const QString &field) const
{
    const QLabel *label = m_errorLabels.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

void NewVmDialog::setBusy(bool busy)
{
    m_status->setText(busy ? tr("Reading the host's choices…") : QString());
}

void NewVmDialog::accept()
{
    if (m_creating || !m_problems.isEmpty())
        return;
    models::HostSession *session = currentSession();
    QString error;
    const auto plan = models::planCreateVm(spec(), &error);
    if (!session || !plan) {
        setFieldErrors(m_createError, {error});
        return;
    }
    m_creating = true;
    setFieldErrors(m_createError, {});
    m_status->setText(plan->start ? tr("Creating and starting %1…").arg(plan->name)
                                  : tr("Creating %1…").arg(plan->name));
    validate();
    const bool openConsole = m_openConsole->isChecked() && plan->start;
    const QPointer<models::HostSession> guard(session);
    whenFinished(
        models::createVm(session, *plan), this,
        [this, guard, openConsole](const models::CreatedVm &vm) {
            m_creating = false;
            m_status->clear();
            emit vmCreated(guard, vm, openConsole);
            QWizard::accept();
        },
        [this](const QString &text) {
            // The text names the failed step and carries libvirt's message; what was
            // already created has been removed by the job.
            m_creating = false;
            m_status->clear();
            setFieldErrors(m_createError,
                           {tr("The VM was not created. %1\nAnything created before this step "
                               "was removed.")
                                .arg(text)});
            validate();
        });
}

} // namespace crossvirt::views
