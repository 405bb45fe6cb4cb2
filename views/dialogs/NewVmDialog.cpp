#include "views/dialogs/NewVmDialog.h"

#include "arch/ArchRegistry.h"
#include "models/cluster/ClusterList.h"
#include "models/connection/Datacenter.h"
#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "models/inventory/InventoryModel.h"
#include "models/network/HostNetworks.h"
#include "models/osinfo/OsCatalogue.h"
#include "models/osinfo/OsListModel.h"
#include "models/provisioning/HostCapabilitiesService.h"
#include "models/storage/StorageJobs.h"
#include "views/dialogs/ChoiceCombo.h"
#include "views/dialogs/FieldMessage.h"
#include "views/dialogs/newvm/NewVmFromTemplate.h"
#include "views/dialogs/newvm/VmBootOrderPage.h"
#include "views/dialogs/newvm/VmDevicesPage.h"
#include "views/dialogs/newvm/VmInstallPage.h"
#include "views/dialogs/newvm/VmPlacementPage.h"
#include "views/dialogs/newvm/VmResourcesPage.h"
#include "views/dialogs/newvm/VmStoragePage.h"
#include "views/dialogs/newvm/VmSummaryPage.h"
#include "views/dialogs/newvm/VmTemplatePage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QSpinBox>

namespace crossvirt::views {

using namespace Qt::StringLiterals;
using models::ConnectionState;

namespace {

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
    : NewVmDialog(datacenter, clusters, nullptr, parent)
{}

NewVmDialog::NewVmDialog(models::Datacenter *datacenter, models::ClusterList *clusters,
                         models::HostCapabilitiesService *capabilities, QWidget *parent)
    : QWizard(parent), m_datacenter(datacenter), m_clusters(clusters),
      m_capabilities(capabilities ? capabilities
                                  : new models::HostCapabilitiesService(datacenter, this)),
      m_requests(new models::GuestContextRequests(this))
{
    setWindowTitle(tr("New Virtual Machine"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setButtonText(QWizard::FinishButton, tr("&Create"));
    setMinimumSize(720, 620);

    m_placementPage = new VmPlacementPage(this);
    m_installPage = new VmInstallPage(this);
    m_resourcesPage = new VmResourcesPage(this);
    m_storagePage = new VmStoragePage(this);
    m_devicesPage = new VmDevicesPage(this);
    m_bootOrderPage = new VmBootOrderPage(this);
    m_summaryPage = new VmSummaryPage(this);
    m_templatePage = new VmTemplatePage(this);
    m_templateSummaryPage = new VmTemplateSummaryPage(this);
    m_fromTemplate = new NewVmFromTemplate(datacenter, clusters, m_capabilities, m_placementPage,
                                           m_templatePage, m_templateSummaryPage, this);
    addPage(m_placementPage, PlacementPage, [this] {
        if (m_fromTemplate->isActive())
            return m_fromTemplate->placementComplete();
        return isReady() && !pageHasProblems(PlacementPage);
    });
    addPage(m_installPage, InstallPage, [this] { return !pageHasProblems(InstallPage); });
    addPage(m_resourcesPage, ResourcesPage, [this] { return !pageHasProblems(ResourcesPage); });
    addPage(m_storagePage, StoragePage, [this] { return !pageHasProblems(StoragePage); });
    addPage(m_devicesPage, DevicesPage, [this] { return !pageHasProblems(DevicesPage); });
    addPage(m_bootOrderPage, BootOrderPage, [this] { return !pageHasProblems(BootOrderPage); });
    addPage(m_summaryPage, SummaryPage, [this] {
        return isReady() && m_problems.isEmpty() && !m_creating && m_planError.isEmpty();
    });
    addPage(m_templatePage, TemplatePage,
            [this] { return m_fromTemplate->templatePageComplete(); });
    addPage(m_templateSummaryPage, TemplateSummaryPage,
            [this] { return m_fromTemplate->summaryComplete(); });
    connect(m_fromTemplate, &NewVmFromTemplate::changed, this, [this] {
        for (int id : {int(PlacementPage), int(TemplatePage), int(TemplateSummaryPage)})
            qobject_cast<NewVmPage *>(page(id))->recheck();
    });
    connect(m_fromTemplate, &NewVmFromTemplate::deployed, this,
            [this](models::HostSession *session, const models::DeployedVm &vm) {
                models::CreatedVm created;
                created.name = vm.name;
                created.uuid = vm.uuid;
                created.started = vm.started;
                created.volume = vm.volumes.value(0);
                created.extraVolumes = vm.volumes.mid(1);
                if (session)
                    emit vmCreated(session, created, false);
                QWizard::accept();
            });
    connect(m_fromTemplate, &NewVmFromTemplate::deployFailed, this,
            [this](const QString &, bool cancelled) {
                if (cancelled && m_closeWhenCancelled)
                    QWizard::reject();
            });

    VmPlacementPage *p = m_placementPage;
    connect(p->target(), &QComboBox::currentIndexChanged, this, [this] {
        const Target target = currentTarget();
        m_fromTemplate->setTarget(target.clusterId, target.hostUri);
    });
    connect(p->target(), &QComboBox::currentIndexChanged, this, &NewVmDialog::targetChanged);
    connect(p->arch(), &QComboBox::currentIndexChanged, this, &NewVmDialog::archChanged);
    connect(p->host(), &QComboBox::currentIndexChanged, this, &NewVmDialog::hostChanged);
    connect(p->machine(), &ChoiceCombo::currentIdChanged, this, &NewVmDialog::machineChanged);
    connect(p->osList()->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &NewVmDialog::osChanged);
    connect(m_installPage->method(), &QComboBox::activated, this,
            &NewVmDialog::installMethodPicked);
    connect(consoleCombo(), &ChoiceCombo::currentIdChanged, this,
            &NewVmDialog::updateKernelArguments);
    connect(m_storagePage->pool(), &QComboBox::currentIndexChanged, this, [this] {
        fillVolumes();
        validate();
    });
    // First-run help: a host with no active pool gets libvirt's default one, then the
    // storage is read again.
    connect(m_storagePage->createDefaultPoolButton(), &QPushButton::clicked, this, [this] {
        models::HostSession *session = currentSession();
        if (!session)
            return;
        m_storagePage->createDefaultPoolButton()->setEnabled(false);
        models::whenFinished(
            models::storage::createDefaultPool(session), this,
            [this] {
                m_storagePage->createDefaultPoolButton()->setEnabled(true);
                m_storageUri.clear();
                hostChanged();
            },
            [this](const QString &error) {
                m_storagePage->createDefaultPoolButton()->setEnabled(true);
                setFieldErrors(m_errorLabels.value(u"pool"_s), {error});
            });
    });
    connect(m_capabilities, &models::HostCapabilitiesService::capabilitiesChanged, this,
            [this](const QString &uri) {
                // Only a host of the current target can change the placement shown.
                const Target target = currentTarget();
                const auto cluster = m_clusters->cluster(target.clusterId);
                if (uri == target.hostUri || (cluster && cluster->hostUris.contains(uri)))
                    fillHosts();
            });
    connect(m_requests, &models::GuestContextRequests::contextReady, this,
            [this](const models::GuestHostContext &context) {
                setBusy(false);
                applyContext(context, m_refillMachines);
            });
    connect(m_requests, &models::GuestContextRequests::contextFailed, this,
            &NewVmDialog::contextFailed);
    connect(m_requests, &models::GuestContextRequests::storageReady, this,
            [this](const models::StorageSnapshot &snapshot) {
                m_storage = snapshot;
                applyStorage();
            });
    // First-run help: a host without the `default` network gets it in one click.
    connect(m_devicesPage->createDefaultNetwork(), &QPushButton::clicked, this, [this] {
        models::HostSession *session = currentSession();
        if (!session)
            return;
        m_devicesPage->offerDefaultNetwork(false, tr("Creating the default NAT network…"));
        whenFinished(
            models::HostNetworks::createDefault(session), this,
            [this, session](const models::VirtualNetwork &) {
                m_devicesPage->offerDefaultNetwork(false);
                if (session == currentSession())
                    m_requests->requestStorage(session); // reload the choices
            },
            [this](const QString &error) { m_devicesPage->offerDefaultNetwork(true, error); });
    });
    connect(m_requests, &models::GuestContextRequests::storageFailed, this,
            [this](const QString &error) {
                m_storage = models::StorageSnapshot{};
                applyStorage();
                setFieldErrors(m_errorLabels.value(u"pool"_s),
                               {tr("The host's storage could not be read: %1").arg(error)});
            });

    whenFinished(
        models::OsCatalogue::loadAsync(), this,
        [this](const std::shared_ptr<const models::OsCatalogue> &catalogue) {
            m_catalogue = catalogue;
            m_placementPage->osNote()->setText(catalogue->notice());
            m_placementPage->osNote()->setVisible(!catalogue->notice().isEmpty());
            archChanged(); // fills the OS list for the current arch
        },
        [this](const QString &error) {
            m_placementPage->osNote()->setText(
                tr("The guest OS list could not be read: %1").arg(error));
            m_placementPage->osNote()->show();
        });

    fillTargets();
    targetChanged();
    const Target target = currentTarget();
    m_fromTemplate->setTarget(target.clusterId, target.hostUri);
}

NewVmDialog::~NewVmDialog() = default;

void NewVmDialog::addPage(NewVmPage *page, PageId id, std::function<bool()> complete)
{
    page->complete = std::move(complete);
    for (auto it = page->errorLabels().cbegin(); it != page->errorLabels().cend(); ++it) {
        m_errorLabels.insert(it.key(), it.value());
        m_fieldPage.insert(it.key(), id);
    }
    connect(page, &NewVmPage::changed, this, &NewVmDialog::validate);
    setPage(id, page);
}

// ---- the pages' widgets, for tests and screenshots ------------------------------------------

QComboBox *NewVmDialog::targetCombo() const
{
    return m_placementPage->target();
}
QComboBox *NewVmDialog::archCombo() const
{
    return m_placementPage->arch();
}
QComboBox *NewVmDialog::hostCombo() const
{
    return m_placementPage->host();
}
ChoiceCombo *NewVmDialog::machineCombo() const
{
    return m_placementPage->machine();
}
QLineEdit *NewVmDialog::osSearch() const
{
    return m_placementPage->osSearch();
}
QListView *NewVmDialog::osList() const
{
    return m_placementPage->osList();
}
QLineEdit *NewVmDialog::nameEdit() const
{
    return m_placementPage->name();
}
QSpinBox *NewVmDialog::vcpusSpin() const
{
    return m_resourcesPage->vcpus();
}
QSpinBox *NewVmDialog::memorySpin() const
{
    return m_resourcesPage->memory();
}
ChoiceCombo *NewVmDialog::cpuCombo() const
{
    return m_resourcesPage->cpu();
}
QComboBox *NewVmDialog::storageKindCombo() const
{
    return m_storagePage->storageKind();
}
QComboBox *NewVmDialog::poolCombo() const
{
    return m_storagePage->pool();
}
QSpinBox *NewVmDialog::sizeSpin() const
{
    return m_storagePage->size();
}
QComboBox *NewVmDialog::formatCombo() const
{
    return m_storagePage->format();
}
QComboBox *NewVmDialog::volumeCombo() const
{
    return m_storagePage->volume();
}
ChoiceCombo *NewVmDialog::diskInterfaceCombo() const
{
    return m_storagePage->diskInterface();
}
QCheckBox *NewVmDialog::cdromCheck() const
{
    return m_storagePage->cdrom();
}
QComboBox *NewVmDialog::isoCombo() const
{
    return m_storagePage->iso();
}
ChoiceCombo *NewVmDialog::cdromInterfaceCombo() const
{
    return m_storagePage->cdromInterface();
}
QCheckBox *NewVmDialog::nicCheck() const
{
    return m_devicesPage->nic();
}
QComboBox *NewVmDialog::networkCombo() const
{
    return m_devicesPage->network();
}
ChoiceCombo *NewVmDialog::nicModelCombo() const
{
    return m_devicesPage->nicModel();
}
ChoiceCombo *NewVmDialog::graphicsCombo() const
{
    return m_devicesPage->graphics();
}
ChoiceCombo *NewVmDialog::videoCombo() const
{
    return m_devicesPage->video();
}
ChoiceCombo *NewVmDialog::consoleCombo() const
{
    return m_devicesPage->console();
}
QCheckBox *NewVmDialog::startCheck() const
{
    return m_summaryPage->start();
}
QCheckBox *NewVmDialog::openConsoleCheck() const
{
    return m_summaryPage->openConsole();
}
QPlainTextEdit *NewVmDialog::xmlView() const
{
    return m_summaryPage->xml();
}
QLabel *NewVmDialog::createErrorLabel() const
{
    return m_summaryPage->createError();
}
QComboBox *NewVmDialog::installMethodCombo() const
{
    return m_installPage->method();
}
QLineEdit *NewVmDialog::kernelPathEdit() const
{
    return m_installPage->kernel();
}
QLineEdit *NewVmDialog::initrdPathEdit() const
{
    return m_installPage->initrd();
}
QLineEdit *NewVmDialog::kernelArgsEdit() const
{
    return m_installPage->kernelArgs();
}
QLineEdit *NewVmDialog::dtbPathEdit() const
{
    return m_installPage->dtb();
}

// ---- selection ------------------------------------------------------------------------------

void NewVmDialog::fillTargets()
{
    QComboBox *target = targetCombo();
    const QSignalBlocker block(target);
    target->clear();
    for (const models::Cluster &c : m_clusters->clusters())
        target->addItem(tr("Cluster %1 (%2)").arg(c.name, c.arch), QStringList{c.id, {}});
    for (const models::HostSession *s : m_datacenter->sessions()) {
        target->addItem(tr("Host %1").arg(m_datacenter->displayName(s->uri())),
                        QStringList{{}, s->uri()});
        if (s->state() != ConnectionState::Connected)
            target->setItemData(target->count() - 1, tr("Not connected"), Qt::ToolTipRole);
    }
}

NewVmDialog::Target NewVmDialog::currentTarget() const
{
    const QStringList ids = targetCombo()->currentData().toStringList();
    return ids.size() == 2 ? Target{ids[0], ids[1]} : Target{};
}

bool NewVmDialog::allowEmulation() const
{
    const Target target = currentTarget();
    if (target.clusterId.isEmpty())
        return true;
    const auto cluster = m_clusters->cluster(target.clusterId);
    return cluster && cluster->allowEmulation;
}

bool NewVmDialog::selectHost(const QString &uri)
{
    const int i = targetCombo()->findData(QStringList{{}, uri});
    if (i >= 0)
        targetCombo()->setCurrentIndex(i);
    return i >= 0;
}

bool NewVmDialog::selectCluster(const QString &clusterId)
{
    const int i = targetCombo()->findData(QStringList{clusterId, {}});
    if (i >= 0)
        targetCombo()->setCurrentIndex(i);
    return i >= 0;
}

bool NewVmDialog::selectArch(const QString &arch)
{
    QComboBox *archBox = archCombo();
    const int i = archBox->findData(arch);
    if (i >= 0 && archBox->isEnabled())
        archBox->setCurrentIndex(i);
    return i >= 0 && archBox->currentIndex() == i;
}

void NewVmDialog::targetChanged()
{
    const Target target = currentTarget();
    const auto &registry = arch::ArchRegistry::instance();
    QComboBox *archBox = archCombo();
    QLabel *archNote = m_placementPage->archNote();
    {
        const QSignalBlocker block(archBox);
        archBox->clear();
        if (!target.clusterId.isEmpty()) {
            // A cluster's guests all have its arch.
            if (const auto c = m_clusters->cluster(target.clusterId)) {
                const arch::ArchModel *m = registry.find(c->arch);
                archBox->addItem(m ? tr("%1 (%2)").arg(m->displayName(), c->arch) : c->arch,
                                 c->arch);
            }
            archBox->setEnabled(false);
            archNote->setText(tr("Fixed by the cluster."));
        } else if (const models::HostSession *s = m_datacenter->session(target.hostUri)) {
            const models::HostInfo &info = s->hostInfo();
            for (const QString &a : registry.archNames()) {
                const arch::ArchModel *m = registry.find(a);
                if (info.nativeArches.contains(a))
                    archBox->addItem(tr("%1 (%2)").arg(m->displayName(), a), a);
            }
            for (const QString &a : registry.archNames()) {
                const arch::ArchModel *m = registry.find(a);
                if (info.emulatedArches.contains(a) && !info.nativeArches.contains(a))
                    archBox->addItem(tr("%1 (%2), emulated").arg(m->displayName(), a), a);
            }
            archBox->setEnabled(archBox->count() > 0);
            archNote->setText(archBox->count() > 0
                                  ? tr("Arches this host runs natively come first; the others "
                                       "it can only emulate (much slower).")
                                  : tr("The host is not connected, so its arches are unknown."));
        }
        archNote->setVisible(!archNote->text().isEmpty());
        archBox->setCurrentIndex(archBox->count() > 0 ? 0 : -1);
    }
    archChanged();
}

void NewVmDialog::archChanged()
{
    const QString archName = archCombo()->currentData().toString();
    models::OsListModel *osModel = m_placementPage->osModel();
    if (m_catalogue && osModel->arch() != archName) {
        QList<models::OsEntry> oses = m_catalogue->forArch(archName, true);
        // osinfo-db knows no OS for some arches (riscv64): offer the generic entries.
        if (oses.isEmpty())
            oses = models::OsCatalogue::genericEntries(archName);
        osModel->setEntries(archName, oses);
        osList()->setCurrentIndex({});
    }
    if (const arch::ArchModel *m = arch::ArchRegistry::instance().find(archName)) {
        arch::GuestContext ctx;
        ctx.arch = archName;
        const int granularity = m->limits(ctx).memoryGranularityMiB;
        QLabel *memoryNote = m_resourcesPage->memoryNote();
        memorySpin()->setSingleStep(granularity > 1 ? granularity : 256);
        memoryNote->setText(
            granularity > 1
                ? tr("%1 guest memory goes in %2 MiB steps.").arg(archName).arg(granularity)
                : QString());
        memoryNote->setVisible(granularity > 1);
    }
    fillHosts();
}

void NewVmDialog::fillHosts()
{
    // Hosts for the guest: the cluster's or the one host, ranked by the one placement
    // (native first, Nova's rule) with each host's own capabilities, so a label here
    // always matches how the guest context will run the guest.
    const Target target = currentTarget();
    const QString archName = archCombo()->currentData().toString();
    QList<models::HostSession *> candidates;
    if (!target.clusterId.isEmpty()) {
        const auto c = m_clusters->cluster(target.clusterId);
        for (const QString &uri : c ? c->hostUris : QStringList()) {
            models::HostSession *s = m_datacenter->session(uri);
            if (s && s->state() == ConnectionState::Connected)
                candidates << s;
        }
    } else if (models::HostSession *s = m_datacenter->session(target.hostUri)) {
        candidates << s;
    }
    bool known = true;
    for (models::HostSession *s : std::as_const(candidates))
        known = m_capabilities->capabilitiesKnown(s) && known;

    QComboBox *hostBox = hostCombo();
    const QString previous = hostBox->currentData().toString();
    QStringList withheld;
    {
        const QSignalBlocker block(hostBox);
        hostBox->clear();
        if (known) {
            for (const arch::HostPlacement &p :
                 m_capabilities->rankHosts(archName, candidates, allowEmulation())) {
                const QString name = m_datacenter->displayName(p.id);
                if (!p.offered) {
                    withheld << tr("%1: %2").arg(name, p.reason);
                    continue;
                }
                hostBox->addItem(p.execution == arch::Execution::Native
                                     ? tr("%1 (native)").arg(name)
                                     : tr("%1 (emulated)").arg(name),
                                 p.id);
            }
        }
        hostBox->setEnabled(hostBox->count() > 1);
        const int keep = hostBox->findData(previous);
        hostBox->setCurrentIndex(keep >= 0 ? keep : (hostBox->count() > 0 ? 0 : -1));
    }
    QString note;
    if (!known)
        note = tr("Reading the hosts' capabilities…");
    else if (!target.clusterId.isEmpty() && candidates.isEmpty())
        note = tr("The cluster has no connected host.");
    if (!withheld.isEmpty())
        note = tr("Not offered: %1").arg(withheld.join(u"; "_s));
    QLabel *hostNote = m_placementPage->hostNote();
    hostNote->setText(note);
    hostNote->setVisible(!note.isEmpty());
    hostChanged();
}

void NewVmDialog::hostChanged()
{
    models::HostSession *session = currentSession();
    if (session && m_storageUri != session->uri()) {
        m_storage.reset();
        m_storageUri = session->uri();
        m_requests->requestStorage(session);
    }
    requestContext(true);
}

void NewVmDialog::machineChanged()
{
    const QString machine = machineCombo()->currentId();
    if (!m_context || machine == m_context->machine || machine.isEmpty())
        return validate();
    requestContext(false);
}

models::HostSession *NewVmDialog::currentSession() const
{
    return m_datacenter->session(hostCombo()->currentData().toString());
}

void NewVmDialog::requestContext(bool refillMachines)
{
    models::HostSession *session = currentSession();
    const QString archName = archCombo()->currentData().toString();
    if (!session || archName.isEmpty()) {
        m_requests->cancelContext();
        m_context.reset();
        m_choices.reset();
        validate();
        return;
    }
    setBusy(true);
    m_refillMachines = refillMachines;
    const QString machine = refillMachines ? QString() : machineCombo()->currentId();
    m_requests->requestContext(m_capabilities->provider(session), archName, machine,
                               allowEmulation());
}

void NewVmDialog::contextFailed(const QString &error)
{
    setBusy(false);
    m_context.reset();
    m_choices.reset();
    setFieldErrors(m_errorLabels.value(u"host"_s),
                   {tr("The host's capabilities could not be read: %1").arg(error)});
    validate();
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
        const QSignalBlocker block(machineCombo());
        machineCombo()->setChoices(c.machineTypes, c.defaultMachine);
    }
    // The core's defaults preselect every list, exactly as `crossvirt-cli create` has them.
    const models::VmSpec d =
        models::defaultVmSpec(context, m_storage.value_or(models::StorageSnapshot{}));

    // CPU: the offered modes (custom is spelled out as its models), the cluster's type first.
    arch::ChoiceList cpus;
    if (d.cpu.mode == arch::CpuMode::Default)
        cpus.append({u"default"_s, tr("Hypervisor default"), true, {}});
    for (const arch::Choice &mode : c.cpuModes) {
        if (mode.id != "custom"_L1)
            cpus.append(mode);
    }
    for (const arch::Choice &model : c.cpuModels) {
        if (model.offered)
            cpus.append({u"custom:"_s + model.id, model.label, true, {}});
    }
    QString preferredCpu = cpuChoiceId(d.cpu);
    if (const auto cluster = m_clusters->cluster(currentTarget().clusterId);
        cluster && !cluster->cpuType.isEmpty() && context.model()) {
        const QString id = cpuChoiceId(context.model()->cpuForClusterType(cluster->cpuType));
        if (cpus.offers(id))
            preferredCpu = id;
    }
    const QSignalBlocker b1(cpuCombo()), b2(diskInterfaceCombo()), b3(cdromInterfaceCombo()),
        b4(nicModelCombo()), b5(graphicsCombo()), b6(videoCombo()), b7(consoleCombo());
    cpuCombo()->setChoices(cpus, preferredCpu);
    diskInterfaceCombo()->setChoices(c.diskInterfaces, d.diskInterface);
    cdromInterfaceCombo()->setChoices(c.cdromInterfaces, c.defaults.cdromInterface);
    nicModelCombo()->setChoices(c.nicModels, d.nic ? d.nic->model : c.defaults.nicModel);
    graphicsCombo()->setChoices(c.graphicsTypes, d.graphics);
    videoCombo()->setChoices(c.videoModels, d.video);
    consoleCombo()->setChoices(c.consoleTypes, d.console);
    vcpusSpin()->setMaximum(c.limits.maxVcpus > 0 ? c.limits.maxVcpus : 1024);
    m_installPage->setMethods(c.installMethods);
    m_installPage->setDeviceTree(c.deviceTree.supported, c.deviceTree.reason);
    m_bootOrderPage->setLimit(c.bootOrder.maxDevices, c.bootOrder.reason);
    updateKernelArguments();
    setFieldErrors(m_errorLabels.value(u"host"_s), context.placement.offered
                                                       ? QStringList()
                                                       : QStringList{context.placement.reason});
    validate();
}

void NewVmDialog::applyStorage()
{
    QComboBox *pool = poolCombo();
    QComboBox *network = networkCombo();
    QComboBox *iso = isoCombo();
    {
        const QSignalBlocker b1(pool), b2(network), b3(iso);
        const QString previous = pool->currentData().toString();
        pool->clear();
        network->clear();
        iso->clear();
        if (m_storage) {
            for (const models::PoolContents &p : m_storage->pools) {
                if (!p.info.active)
                    continue;
                pool->addItem(tr("%1 (%2 free)").arg(p.info.name, formatBytes(p.info.available)),
                              p.info.name);
                for (const models::VolumeInfo &v : p.isoVolumes())
                    iso->addItem(tr("%1 (pool %2)").arg(v.name, p.info.name),
                                 QStringList{p.info.name, v.name});
            }
            for (const models::NetworkInfo &n : m_storage->networks)
                network->addItem(n.active ? n.name : tr("%1 (inactive)").arg(n.name), n.name);
        }
        // Kernel, initrd and DTB can be any file volume of the host's pools.
        QList<HostFileChoice> files;
        if (m_storage) {
            for (const models::PoolContents &p : m_storage->pools) {
                if (!p.info.active)
                    continue;
                for (const models::VolumeInfo &v : p.volumes) {
                    if (!v.isIso && !v.path.isEmpty())
                        files.append({tr("%1 (pool %2)").arg(v.name, p.info.name), v.path});
                }
            }
        }
        m_installPage->setHostFiles(files);
        // The core's default pool and network unless the user already picked a pool.
        const models::StorageSnapshot none;
        const models::StorageSnapshot &storage = m_storage ? *m_storage : none;
        int keep = pool->findData(previous);
        if (keep < 0)
            keep = pool->findData(models::ProvisioningDefaults::pool(storage));
        pool->setCurrentIndex(keep >= 0 ? keep : (pool->count() > 0 ? 0 : -1));
        const int defaultNetwork =
            network->findData(models::ProvisioningDefaults::network(storage));
        network->setCurrentIndex(defaultNetwork >= 0 ? defaultNetwork
                                                     : (network->count() > 0 ? 0 : -1));
        iso->setCurrentIndex(iso->count() > 0 ? 0 : -1);
    }
    if (m_storage) {
        bool hasDefault = false;
        for (const models::NetworkInfo &n : m_storage->networks)
            hasDefault = hasDefault || n.name == "default"_L1;
        m_devicesPage->offerDefaultNetwork(
            !hasDefault, hasDefault ? QString()
                         : m_storage->networks.isEmpty()
                             ? tr("This host has no virtual network yet.")
                             : tr("This host has no network called “default”."));
    }
    m_storagePage->createDefaultPoolButton()->setVisible(m_storage &&
                                                         m_storage->activePoolNames().isEmpty());
    fillVolumes();
    validate();
}

void NewVmDialog::fillVolumes()
{
    QComboBox *volume = volumeCombo();
    const QSignalBlocker block(volume);
    volume->clear();
    const models::PoolContents *pool =
        m_storage ? m_storage->pool(poolCombo()->currentData().toString()) : nullptr;
    if (!pool)
        return;
    for (const models::VolumeInfo &v : pool->volumes) {
        if (!v.isIso)
            volume->addItem(tr("%1 (%2)").arg(v.name, formatBytes(v.capacity)), v.name);
    }
}

std::optional<models::OsChoice> NewVmDialog::currentOs() const
{
    const QModelIndex os = osList()->currentIndex();
    if (!os.isValid())
        return std::nullopt;
    models::OsChoice choice;
    choice.id = os.data(models::OsListModel::ShortIdRole).toString();
    choice.osinfoUri = os.data(models::OsListModel::OsinfoIdRole).toString();
    choice.recommended.ramMiB = os.data(models::OsListModel::RamRole).toInt();
    choice.recommended.vcpus = os.data(models::OsListModel::VcpusRole).toInt();
    choice.recommended.storageGiB = os.data(models::OsListModel::StorageRole).toInt();
    return choice;
}

void NewVmDialog::osChanged()
{
    const std::optional<models::OsChoice> os = currentOs();
    if (!os)
        return validate();
    // The OS's recommendation, as the core computes it (memory aligned by the arch).
    if (os->recommended.ramMiB > 0) {
        memorySpin()->setValue(
            int(m_context ? models::recommendedMemoryMiB(*m_context, os) : os->recommended.ramMiB));
    }
    if (os->recommended.vcpus > 0)
        vcpusSpin()->setValue(os->recommended.vcpus);
    if (os->recommended.storageGiB > 0)
        sizeSpin()->setValue(os->recommended.storageGiB);
    validate();
}

void NewVmDialog::installMethodPicked()
{
    // What the method needs, set for the user (virt-manager does the same): an import
    // boots an existing volume, a network boot a NIC, an ISO install a CD-ROM.
    const QString id = m_installPage->methodId();
    if (id == "import"_L1) {
        storageKindCombo()->setCurrentIndex(
            storageKindCombo()->findData(int(models::StorageKind::ExistingVolume)));
    } else if (id == "network"_L1) {
        nicCheck()->setChecked(true);
    } else if (id == "cdrom"_L1 && isoCombo()->count() > 0) {
        cdromCheck()->setChecked(true);
    }
    validate();
}

void NewVmDialog::updateKernelArguments()
{
    // The console argument of the chosen console, until the user writes their own.
    if (!m_choices)
        return;
    m_installPage->setDefaultKernelArguments(
        m_choices->kernelConsoleArguments.value(consoleCombo()->currentId()));
}

void NewVmDialog::updateBootDevices()
{
    QList<BootDeviceEntry> devices;
    const arch::ChoiceList kinds = m_choices ? m_choices->bootDeviceKinds : arch::ChoiceList{};
    auto add = [&](const QString &kind, const QString &label) {
        const bool known = kinds.contains(kind);
        devices.append({kind, label, !known || kinds.offers(kind), kinds.reasonFor(kind)});
    };
    if (models::StorageKind(storageKindCombo()->currentData().toInt()) != models::StorageKind::None)
        add(u"hd"_s, tr("Hard disk (%1)").arg(diskInterfaceCombo()->comboBox()->currentText()));
    if (cdromCheck()->isChecked())
        add(u"cdrom"_s, tr("CD-ROM (%1)").arg(cdromInterfaceCombo()->comboBox()->currentText()));
    if (nicCheck()->isChecked())
        add(u"network"_s, tr("Network boot (PXE) from the network card (%1)")
                              .arg(nicModelCombo()->comboBox()->currentText()));
    m_bootOrderPage->setDevices(devices);
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
    return m_context.has_value() && m_choices.has_value() && !m_requests->contextPending() &&
           m_storage.has_value();
}

models::VmSpec NewVmDialog::spec() const
{
    // The core's spec for this host and OS, with what the pages say on top.
    models::VmSpec s;
    if (m_context)
        s = models::defaultVmSpec(*m_context, m_storage.value_or(models::StorageSnapshot{}),
                                  currentOs());
    s.hostUri = hostCombo()->currentData().toString();
    s.name = nameEdit()->text();
    s.arch = archCombo()->currentData().toString();
    s.machine = machineCombo()->currentId();
    s.memoryMiB = memorySpin()->value();
    s.vcpus = vcpusSpin()->value();
    s.cpu = cpuFromId(cpuCombo()->currentId());
    s.storage.kind = models::StorageKind(storageKindCombo()->currentData().toInt());
    s.storage.pool.clear();
    s.storage.sizeGiB = 0;
    s.diskInterface.clear();
    if (s.storage.kind != models::StorageKind::None) {
        s.storage.pool = poolCombo()->currentData().toString();
        if (s.storage.kind == models::StorageKind::NewVolume) {
            s.storage.sizeGiB = sizeSpin()->value();
            s.storage.format = formatCombo()->currentData().toString();
        } else {
            s.storage.volume = volumeCombo()->currentData().toString();
            const models::PoolContents *pool =
                m_storage ? m_storage->pool(s.storage.pool) : nullptr;
            const models::VolumeInfo *v = pool ? pool->volume(s.storage.volume) : nullptr;
            s.storage.format = v && !v->format.isEmpty() ? v->format : u"raw"_s;
        }
        s.diskInterface = diskInterfaceCombo()->currentId();
    }
    s.cdrom.reset();
    if (cdromCheck()->isChecked()) {
        const QStringList iso = isoCombo()->currentData().toStringList();
        models::CdromSpec cd;
        if (iso.size() == 2) {
            cd.pool = iso[0];
            cd.volume = iso[1];
        }
        cd.interfaceId = cdromInterfaceCombo()->currentId();
        s.cdrom = cd;
    }
    s.nic.reset();
    if (nicCheck()->isChecked())
        s.nic =
            models::NicSpec{networkCombo()->currentData().toString(), nicModelCombo()->currentId()};
    s.graphics = graphicsCombo()->currentId();
    s.video = videoCombo()->currentId();
    s.console = consoleCombo()->currentId();
    s.startAfterCreate = startCheck()->isChecked();
    s.install = models::installMethodFromId(m_installPage->methodId())
                    .value_or(models::InstallMethod::Cdrom);
    s.kernelBoot = {};
    if (s.install == models::InstallMethod::KernelBoot) {
        s.kernelBoot.kernel = kernelPathEdit()->text().trimmed();
        s.kernelBoot.initrd = initrdPathEdit()->text().trimmed();
        s.kernelBoot.cmdline = kernelArgsEdit()->text().trimmed();
        s.kernelBoot.dtb = dtbPathEdit()->isEnabled() ? dtbPathEdit()->text().trimmed() : QString();
    } else if (m_context) {
        s.kernelBoot.cmdline = models::defaultKernelArguments(*m_context, s.console);
    }
    s.bootOrder = m_bootOrderPage->bootOrder();
    return s;
}

void NewVmDialog::validate()
{
    if (!m_summaryPage)
        return; // still building the pages
    m_problems.clear();
    m_planError.clear();
    m_xmlText.clear();
    updateBootDevices();
    const models::VmSpec s = spec();
    if (m_context && m_choices) {
        m_problems = models::validateVmSpec(s, *m_context, m_storage ? &*m_storage : nullptr);
    } else if (!m_requests->contextPending()) {
        m_problems.append({u"host"_s, tr("Choose a connected host or a cluster with one.")});
    }

    // Inline messages; an untouched empty name waits for the user before complaining.
    QHash<QLabel *, QStringList> messages;
    for (QLabel *label : std::as_const(m_errorLabels))
        messages[label];
    for (const models::ValidationProblem &p : std::as_const(m_problems)) {
        if (p.field == "name"_L1 && nameEdit()->text().isEmpty() && !nameEdit()->isModified())
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
    m_summaryPage->placement()->setText(placement);
    if (m_problems.isEmpty() && m_context) {
        QString error;
        if (const auto plan = models::planCreateVm(s, *m_context, &error))
            m_xmlText = plan->domainXml;
        else
            m_planError = error;
    }
    if (!m_problems.isEmpty()) {
        QStringList lines;
        for (const auto &p : std::as_const(m_problems))
            lines << p.message;
        xmlView()->setPlainText(tr("Fix these first:\n%1").arg(lines.join(u'\n')));
    } else {
        xmlView()->setPlainText(m_planError.isEmpty() ? m_xmlText.trimmed() : m_planError);
    }
    for (int id : pageIds()) {
        if (auto *p = qobject_cast<NewVmPage *>(page(id)))
            p->recheck();
    }
}

QString NewVmDialog::domainXml() const
{
    return m_xmlText;
}

QString NewVmDialog::placementText() const
{
    return m_summaryPage->placement()->text();
}

QString NewVmDialog::fieldMessage(const QString &field) const
{
    const QLabel *label = m_errorLabels.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

void NewVmDialog::setBusy(bool busy)
{
    m_summaryPage->status()->setText(busy ? tr("Reading the host's choices…") : QString());
}

void NewVmDialog::setFromTemplate(bool fromTemplate)
{
    (fromTemplate ? m_placementPage->fromTemplate() : m_placementPage->fromInstall())
        ->setChecked(true);
}

int NewVmDialog::nextId() const
{
    // From a template, the template decides the OS, resources, storage and devices: its
    // own two pages follow the first one. The install path never reaches them.
    switch (currentId()) {
    case PlacementPage:
        return m_fromTemplate->isActive() ? int(TemplatePage) : int(InstallPage);
    case TemplatePage:
        return TemplateSummaryPage;
    case SummaryPage:
    case TemplateSummaryPage:
        return -1;
    default:
        return QWizard::nextId();
    }
}

void NewVmDialog::reject()
{
    // Cancel during a deployment stops it first (what it made is removed), then closes.
    if (m_fromTemplate->isDeploying()) {
        m_closeWhenCancelled = true;
        m_fromTemplate->cancel();
        return;
    }
    QWizard::reject();
}

void NewVmDialog::accept()
{
    if (currentId() == TemplateSummaryPage) {
        m_fromTemplate->deploy();
        return;
    }
    if (m_creating || !m_problems.isEmpty() || !m_context)
        return;
    models::HostSession *session = currentSession();
    QString error;
    const auto plan = models::planCreateVm(spec(), *m_context, &error);
    if (!session || !plan) {
        setFieldErrors(createErrorLabel(), {error});
        return;
    }
    m_creating = true;
    setFieldErrors(createErrorLabel(), {});
    m_summaryPage->status()->setText(plan->start ? tr("Creating and starting %1…").arg(plan->name)
                                                 : tr("Creating %1…").arg(plan->name));
    validate();
    const bool openConsole = openConsoleCheck()->isChecked() && plan->start;
    const QPointer<models::HostSession> guard(session);
    whenFinished(
        models::createVm(session, *plan), this,
        [this, guard, openConsole](const models::CreatedVm &vm) {
            m_creating = false;
            m_summaryPage->status()->clear();
            emit vmCreated(guard, vm, openConsole);
            QWizard::accept();
        },
        [this](const QString &text) {
            // The text names the failed step and carries libvirt's message; what was
            // already created has been removed by the job.
            m_creating = false;
            m_summaryPage->status()->clear();
            setFieldErrors(createErrorLabel(),
                           {tr("The VM was not created. %1\nAnything created before this step "
                               "was removed.")
                                .arg(text)});
            validate();
        });
}

} // namespace crossvirt::views
