#include "views/dialogs/newvm/NewVmFromTemplate.h"

#include "models/cluster/ClusterList.h"
#include "models/connection/Datacenter.h"
#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "models/inventory/InventoryModel.h"
#include "models/provisioning/HostCapabilitiesService.h"
#include "models/provisioning/ProvisioningCore.h"
#include "views/common/TemplateTree.h"
#include "views/dialogs/FieldMessage.h"
#include "views/dialogs/newvm/VmPlacementPage.h"
#include "views/dialogs/newvm/VmTemplatePage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QTreeWidget>

namespace crossvirt::views {

using namespace Qt::StringLiterals;
using models::ConnectionState;

namespace {

QString formatSize(quint64 bytes)
{
    return models::formatKiB(bytes / 1024);
}

} // namespace

NewVmFromTemplate::NewVmFromTemplate(models::Datacenter *datacenter, models::ClusterList *clusters,
                                     models::HostCapabilitiesService *capabilities,
                                     VmPlacementPage *placement, VmTemplatePage *page,
                                     VmTemplateSummaryPage *summary, QObject *parent)
    : QObject(parent), m_datacenter(datacenter), m_clusters(clusters), m_capabilities(capabilities),
      m_placement(placement), m_page(page), m_summary(summary),
      m_requests(new models::GuestContextRequests(this))
{
    m_page->start()->setChecked(true);
    connect(m_placement->fromTemplate(), &QRadioButton::toggled, this,
            &NewVmFromTemplate::setActive);
    connect(m_placement->templates(), &QTreeWidget::currentItemChanged, this,
            &NewVmFromTemplate::templateChanged);
    connect(m_page->host(), &QComboBox::currentIndexChanged, this, &NewVmFromTemplate::hostChanged);
    connect(m_page, &NewVmPage::changed, this, &NewVmFromTemplate::replan);
    connect(m_capabilities, &models::HostCapabilitiesService::capabilitiesChanged, this, [this] {
        if (isActive() && currentTemplate())
            fillHosts();
    });
    connect(m_requests, &models::GuestContextRequests::contextReady, this,
            [this](const models::GuestHostContext &context) {
                m_context = context;
                replan();
            });
    connect(m_requests, &models::GuestContextRequests::contextFailed, this,
            [this](const QString &error) {
                m_context.reset();
                replan();
                setFieldErrors(m_page->hostError(),
                               {tr("The host's capabilities could not be read: %1").arg(error)});
            });
    connect(m_requests, &models::GuestContextRequests::storageReady, this,
            [this](const models::StorageSnapshot &storage) {
                m_storage = storage;
                replan();
            });
    connect(m_requests, &models::GuestContextRequests::storageFailed, this,
            [this](const QString &error) {
                m_storage.reset();
                replan();
                setFieldErrors(m_page->hostError(),
                               {tr("The host's storage could not be read: %1").arg(error)});
            });
}

NewVmFromTemplate::~NewVmFromTemplate() = default;

bool NewVmFromTemplate::isActive() const
{
    return m_placement->fromTemplate()->isChecked();
}

void NewVmFromTemplate::setTarget(const QString &clusterId, const QString &hostUri)
{
    m_clusterId = clusterId;
    m_hostUri = hostUri;
    if (isActive())
        fillTemplates();
}

void NewVmFromTemplate::setActive(bool active)
{
    m_placement->showTemplateRows(active);
    if (active && !m_listed && m_pendingLists == 0)
        loadTemplates();
    else if (active)
        fillTemplates();
    emit changed();
}

bool NewVmFromTemplate::allowEmulation() const
{
    if (m_clusterId.isEmpty())
        return true;
    const auto cluster = m_clusters->cluster(m_clusterId);
    return cluster && cluster->allowEmulation;
}

QString NewVmFromTemplate::clusterArch() const
{
    const auto cluster = m_clusters->cluster(m_clusterId);
    return cluster ? cluster->arch : QString();
}

// ---- the templates -------------------------------------------------------------------------

void NewVmFromTemplate::loadTemplates()
{
    const quint64 generation = ++m_listGeneration;
    m_templates.clear();
    m_listErrors.clear();
    m_pendingLists = 0;
    m_listed = true;
    for (models::HostSession *s : m_datacenter->sessions()) {
        if (s->state() != ConnectionState::Connected)
            continue;
        ++m_pendingLists;
        const QString host = m_datacenter->displayName(s->uri());
        models::whenFinished(
            models::listTemplates(s), this,
            [this, generation](const QList<models::TemplateInfo> &list) {
                if (generation != m_listGeneration)
                    return;
                m_templates += list;
                --m_pendingLists;
                fillTemplates();
            },
            [this, generation, host](const QString &error) {
                if (generation != m_listGeneration)
                    return;
                m_listErrors << tr("%1: %2").arg(host, error);
                --m_pendingLists;
                fillTemplates();
            });
    }
    fillTemplates();
}

QString NewVmFromTemplate::withheldReason(const models::TemplateInfo &tmpl) const
{
    if (!m_clusterId.isEmpty()) {
        const QString arch = clusterArch();
        if (tmpl.arch != arch)
            return tr("for %1 guests; this cluster runs %2 guests").arg(tmpl.arch, arch);
        return {};
    }
    const models::HostSession *s = m_datacenter->session(m_hostUri);
    if (!s)
        return tr("choose a cluster or a host first");
    const QString host = m_datacenter->displayName(m_hostUri);
    if (s->state() != ConnectionState::Connected)
        return tr("%1 is not connected").arg(host);
    const models::HostInfo &info = s->hostInfo();
    if (!info.nativeArches.contains(tmpl.arch) && !info.emulatedArches.contains(tmpl.arch))
        return tr("for %1 guests; %2 cannot run them").arg(tmpl.arch, host);
    return {};
}

void NewVmFromTemplate::fillTemplates()
{
    // Grouped by host; in each host the offered templates first.
    TemplateTree::fill(
        m_placement->templates(), m_templates,
        [this](const QString &uri) { return m_datacenter->displayName(uri); },
        [this](const models::TemplateInfo &t) { return withheldReason(t); }, m_templateKey);
    QStringList note;
    if (m_pendingLists > 0)
        note << tr("Reading the templates of the connected hosts…");
    else if (m_templates.isEmpty())
        note << tr("No connected host has a template. Make one from a shut-off VM with "
                   "Virtual Machine › Make Template…");
    int withheldCount = 0;
    for (const models::TemplateInfo &t : std::as_const(m_templates))
        withheldCount += withheldReason(t).isEmpty() ? 0 : 1;
    if (withheldCount > 0)
        note << tr("Templates greyed out are not offered here; the reason is beside each.");
    if (!m_listErrors.isEmpty())
        note << tr("Templates could not be listed on %1").arg(m_listErrors.join(u"; "_s));
    m_placement->templateNote()->setText(note.join(u'\n'));
    m_placement->templateNote()->setVisible(!note.isEmpty());
    templateChanged();
}

std::optional<models::TemplateInfo> NewVmFromTemplate::currentTemplate() const
{
    return TemplateTree::current(m_placement->templates(), m_templates);
}

bool NewVmFromTemplate::selectTemplate(const QString &uri, const QString &name)
{
    return TemplateTree::select(m_placement->templates(), uri, name);
}

void NewVmFromTemplate::templateChanged()
{
    const auto tmpl = currentTemplate();
    const QString key = tmpl ? TemplateTree::key(*tmpl) : QString();
    if (key != m_templateKey) {
        m_templateKey = key;
        m_page->templateLabel()->setText(tmpl ? tr("%1 (%2 on %3): %4")
                                                    .arg(tmpl->name, tmpl->arch,
                                                         m_datacenter->displayName(tmpl->uri),
                                                         tmpl->summary)
                                              : QString());
        fillHosts();
    }
    emit changed();
}

// ---- host, disks and the plan ----------------------------------------------------------------

void NewVmFromTemplate::fillHosts()
{
    const auto tmpl = currentTemplate();
    QList<models::HostSession *> candidates;
    if (!m_clusterId.isEmpty()) {
        const auto c = m_clusters->cluster(m_clusterId);
        for (const QString &uri : c ? c->hostUris : QStringList()) {
            models::HostSession *s = m_datacenter->session(uri);
            if (s && s->state() == ConnectionState::Connected)
                candidates << s;
        }
    } else if (models::HostSession *s = m_datacenter->session(m_hostUri)) {
        candidates << s;
    }
    bool known = true;
    for (models::HostSession *s : std::as_const(candidates))
        known = m_capabilities->capabilitiesKnown(s) && known;

    QComboBox *hostBox = m_page->host();
    const QString previous = hostBox->currentData().toString();
    QStringList withheld;
    {
        const QSignalBlocker block(hostBox);
        hostBox->clear();
        arch::Execution best = arch::Execution::Unable;
        int templateHost = -1;
        if (known && tmpl) {
            // The wizard's placement: native hosts first, emulated ones where allowed.
            for (const arch::HostPlacement &p :
                 m_capabilities->rankHosts(tmpl->arch, candidates, allowEmulation())) {
                const QString name = m_datacenter->displayName(p.id);
                if (!p.offered) {
                    withheld << tr("%1: %2").arg(name, p.reason);
                    continue;
                }
                if (hostBox->count() == 0)
                    best = p.execution;
                if (p.id == tmpl->uri && p.execution == best)
                    templateHost = hostBox->count();
                hostBox->addItem(p.execution == arch::Execution::Native
                                     ? tr("%1 (native)").arg(name)
                                     : tr("%1 (emulated)").arg(name),
                                 p.id);
            }
        }
        hostBox->setEnabled(hostBox->count() > 1);
        int keep = hostBox->findData(previous);
        if (keep < 0) // the template's own host when it is as good as the best: overlays work
            keep = templateHost >= 0 ? templateHost : (hostBox->count() > 0 ? 0 : -1);
        hostBox->setCurrentIndex(keep);
    }
    QString note;
    if (!known)
        note = tr("Reading the hosts' capabilities…");
    else if (!m_clusterId.isEmpty() && candidates.isEmpty())
        note = tr("The cluster has no connected host.");
    if (!withheld.isEmpty())
        note = tr("Not offered: %1").arg(withheld.join(u"; "_s));
    m_page->hostNote()->setText(note);
    m_page->hostNote()->setVisible(!note.isEmpty());
    hostChanged();
}

models::HostSession *NewVmFromTemplate::targetSession() const
{
    return m_datacenter->session(m_page->host()->currentData().toString());
}

void NewVmFromTemplate::hostChanged()
{
    const auto tmpl = currentTemplate();
    models::HostSession *session = targetSession();
    setFieldErrors(m_page->hostError(), {});
    // Overlays are backed by the template's volumes, so they only exist on its host.
    const bool overlayPossible = tmpl && session && session->uri() == tmpl->uri;
    {
        const QSignalBlocker b1(m_page->overlay()), b2(m_page->copy());
        m_page->overlay()->setEnabled(overlayPossible);
        if (!overlayPossible)
            m_page->copy()->setChecked(true);
        else if (!m_page->copy()->isChecked())
            m_page->overlay()->setChecked(true);
    }
    QString diskNote;
    if (tmpl && !overlayPossible) {
        diskNote = tr("Overlays are withheld: they are backed by the template's volumes, which "
                      "are on %1 only. Other hosts get full copies.")
                       .arg(m_datacenter->displayName(tmpl->uri));
    } else if (tmpl) {
        diskNote = tr("Overlays are made at once and stay small, but need the template's "
                      "volumes for as long as the VM exists.");
    }
    m_page->diskNote()->setText(diskNote);
    m_page->diskNote()->setVisible(!diskNote.isEmpty());

    m_context.reset();
    m_plan.reset();
    if (!tmpl || !session) {
        m_requests->cancelContext();
        replan();
        return;
    }
    if (m_storageUri != session->uri() || !m_storage) {
        m_storage.reset();
        m_storageUri = session->uri();
        m_requests->requestStorage(session);
    }
    m_requests->requestContext(m_capabilities->provider(session), tmpl->arch, tmpl->machine,
                               allowEmulation());
    replan();
}

void NewVmFromTemplate::replan()
{
    if (isDeploying())
        return;
    const auto tmpl = currentTemplate();
    const bool named = !m_page->name()->text().trimmed().isEmpty();
    setFieldErrors(m_page->nameError(), !named && m_page->name()->isModified()
                                            ? QStringList{tr("Enter a name for the VM.")}
                                            : QStringList());
    m_plan.reset();
    QString placement;
    if (tmpl && m_context && m_storage && targetSession()) {
        models::FromTemplateRequest request;
        request.name = m_page->name()->text().trimmed();
        request.targetUri = targetSession()->uri();
        request.diskMode = m_page->overlay()->isChecked() && m_page->overlay()->isEnabled()
                               ? models::TemplateDiskMode::Overlay
                               : models::TemplateDiskMode::Copy;
        request.start = m_page->start()->isChecked();
        m_plan = models::planFromTemplate(*tmpl, request, *m_context, *m_storage, clusterArch());
        if (!named)
            m_plan->problems.prepend(tr("Enter a name for the VM."));
        const QString hostName = m_datacenter->displayName(m_context->uri);
        placement = m_context->placement.execution == arch::Execution::Native
                        ? tr("%1 runs on %2 natively (KVM): a %3 host running a %4 guest.")
                              .arg(request.name, hostName, m_context->hostArch, tmpl->arch)
                        : tr("%1 runs on %2 emulated (TCG): a %3 host emulating a %4 guest, "
                             "much slower than native.")
                              .arg(request.name, hostName, m_context->hostArch, tmpl->arch);
    }
    m_summary->placement()->setText(placement);
    m_summary->placement()->setVisible(!placement.isEmpty());

    QStringList lines;
    if (!tmpl) {
        m_summary->status()->setText(QString());
    } else if (!m_plan) {
        m_summary->status()->setText(tr("Reading the host's choices…"));
    } else {
        m_summary->status()->setText(QString());
        const models::FromTemplatePlan &p = *m_plan;
        if (!p.ok()) {
            lines << tr("Nothing will be made until these are fixed:");
            for (const QString &problem : p.problems)
                lines << tr("  • %1").arg(problem);
            lines << QString() << tr("The template %1 (%2):").arg(tmpl->name, tmpl->arch)
                  << tr("  %1").arg(tmpl->summary);
        } else {
            lines << tr("VM %1 from template %2 (%3)").arg(p.request.name, tmpl->name, tmpl->arch);
            lines << tr("  %1").arg(tmpl->summary);
            for (const models::FromTemplateDisk &d : p.disks) {
                if (d.copy)
                    lines << tr("  %1: full copy of %2 (%3) as %4 in pool %5")
                                 .arg(d.base.target, d.base.volume, formatSize(d.bytes), d.volume,
                                      d.pool);
                else
                    lines << tr("  %1: overlay %2 in pool %3 on the template's %4")
                                 .arg(d.base.target, d.volume, d.pool, d.base.volume);
            }
            lines << (p.request.start ? tr("  Started once it is created.")
                                      : tr("  Left shut off once it is created."));
            lines << QString() << tr("Domain XML:") << p.domainXml.trimmed();
        }
    }
    setFieldErrors(m_summary->problems(), m_plan && !m_plan->ok()
                                              ? QStringList{tr("The VM cannot be made; the "
                                                               "problems are listed below.")}
                                              : QStringList());
    m_summary->details()->setPlainText(lines.join(u'\n'));
    emit changed();
}

bool NewVmFromTemplate::templatePageComplete() const
{
    return currentTemplate() && !m_page->name()->text().trimmed().isEmpty() && targetSession();
}

bool NewVmFromTemplate::summaryComplete() const
{
    return m_plan && m_plan->ok() && !isDeploying();
}

// ---- deployment ------------------------------------------------------------------------------

void NewVmFromTemplate::deploy()
{
    if (!m_plan || !m_plan->ok() || isDeploying())
        return;
    models::HostSession *templateHost = m_datacenter->session(m_plan->source.uri);
    models::HostSession *target = m_datacenter->session(m_plan->targetUri);
    if (!templateHost || !target) {
        setFieldErrors(m_summary->deployError(),
                       {tr("The template's host or the target host is no longer connected.")});
        return;
    }
    setFieldErrors(m_summary->deployError(), {});
    auto *deployer = new models::TemplateDeployer(templateHost, target, this);
    m_deployer = deployer;
    QProgressBar *bar = m_summary->progress();
    bar->setRange(0, 0);
    bar->show();
    m_summary->status()->setText(tr("Creating %1…").arg(m_plan->request.name));
    const QPointer<models::HostSession> guard(target);
    connect(deployer, &models::TemplateDeployer::progress, this,
            [this, bar](const models::DeployProgress &p) {
                m_summary->status()->setText(p.step);
                if (p.bytesTotal > 0) {
                    bar->setRange(0, 1000);
                    bar->setValue(int(p.bytesDone * 1000 / p.bytesTotal));
                } else {
                    bar->setRange(0, 0);
                }
            });
    connect(deployer, &models::TemplateDeployer::finished, this,
            [this, deployer, guard, bar](const models::DeployedVm &vm) {
                deployer->deleteLater();
                m_deployer = nullptr;
                bar->setRange(0, 1);
                bar->setValue(1);
                m_summary->status()->setText(vm.started ? tr("Created and started %1.").arg(vm.name)
                                                        : tr("Created %1.").arg(vm.name));
                emit changed();
                emit deployed(guard, vm);
            });
    connect(deployer, &models::TemplateDeployer::failed, this,
            [this, deployer, bar](const QString &message, bool cancelled) {
                deployer->deleteLater();
                m_deployer = nullptr;
                bar->hide();
                m_summary->status()->clear();
                setFieldErrors(m_summary->deployError(),
                               {cancelled ? tr("Cancelled; what was made was removed.")
                                          : tr("The VM was not created. %1\nAnything created "
                                               "before this step was removed.")
                                                .arg(message)});
                emit changed();
                emit deployFailed(message, cancelled);
            });
    emit changed();
    deployer->start(*m_plan);
}

void NewVmFromTemplate::cancel()
{
    if (m_deployer)
        m_deployer->cancel();
}

} // namespace crossvirt::views
