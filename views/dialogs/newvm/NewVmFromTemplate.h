#pragma once

#include "models/templates/VmTemplates.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <optional>

namespace crossvirt::models {
class ClusterList;
class Datacenter;
class GuestContextRequests;
class HostCapabilitiesService;
class HostSession;
} // namespace crossvirt::models

namespace crossvirt::views {

class VmPlacementPage;
class VmTemplatePage;
class VmTemplateSummaryPage;

/// The New VM wizard's "From a template" path: lists the templates of every connected host
/// (listTemplates), offers those the target (a cluster's arch, or what a host can run)
/// takes and withholds the others with the reason, ranks the target's hosts for the
/// template, plans the VM with planFromTemplate against the chosen host's guest context and
/// storage, and runs TemplateDeployer. The pages only hold widgets; NewVmDialog routes
/// its target and Finish here.
class NewVmFromTemplate : public QObject
{
    Q_OBJECT
public:
    NewVmFromTemplate(models::Datacenter *datacenter, models::ClusterList *clusters,
                      models::HostCapabilitiesService *capabilities, VmPlacementPage *placement,
                      VmTemplatePage *page, VmTemplateSummaryPage *summary,
                      QObject *parent = nullptr);
    ~NewVmFromTemplate() override;

    /// The wizard's target: a cluster (its arch and hosts) or one host.
    void setTarget(const QString &clusterId, const QString &hostUri);
    /// True while "From a template" is chosen.
    bool isActive() const;

    /// True once every connected host answered listTemplates.
    bool templatesLoaded() const { return m_pendingLists == 0 && m_listed; }
    QList<models::TemplateInfo> templates() const { return m_templates; }
    /// Picks the template `name` of host `uri` in the list; false when it is not offered.
    bool selectTemplate(const QString &uri, const QString &name);
    /// The template picked and offered (nullopt otherwise).
    std::optional<models::TemplateInfo> currentTemplate() const;
    /// Why a template is not offered for the current target ("" when it is).
    QString withheldReason(const models::TemplateInfo &tmpl) const;

    /// Page predicates.
    bool placementComplete() const { return currentTemplate().has_value(); }
    bool templatePageComplete() const;
    bool summaryComplete() const;

    /// The plan for the current choices (nullopt while the host's context is read).
    const std::optional<models::FromTemplatePlan> &plan() const { return m_plan; }
    bool isDeploying() const { return m_deployer != nullptr; }
    /// Runs the ok() plan; finished with deployed() or deployFailed().
    void deploy();
    void cancel();

signals:
    /// Something a page's Next/Create depends on changed.
    void changed();
    void deployed(crossvirt::models::HostSession *session, const crossvirt::models::DeployedVm &vm);
    void deployFailed(const QString &message, bool cancelled);

private:
    void setActive(bool active);
    void loadTemplates();
    void fillTemplates();
    void templateChanged();
    void fillHosts();
    void hostChanged();
    void replan();
    bool allowEmulation() const;
    QString clusterArch() const;
    models::HostSession *targetSession() const;

    models::Datacenter *m_datacenter;
    models::ClusterList *m_clusters;
    models::HostCapabilitiesService *m_capabilities;
    VmPlacementPage *m_placement;
    VmTemplatePage *m_page;
    VmTemplateSummaryPage *m_summary;
    models::GuestContextRequests *m_requests;

    QString m_clusterId;
    QString m_hostUri;
    QList<models::TemplateInfo> m_templates;
    int m_pendingLists = 0;
    bool m_listed = false;
    quint64 m_listGeneration = 0;
    QStringList m_listErrors;
    QString m_templateKey; ///< uri + uuid of the template the page shows
    std::optional<models::GuestHostContext> m_context;
    std::optional<models::StorageSnapshot> m_storage;
    QString m_storageUri;
    std::optional<models::FromTemplatePlan> m_plan;
    QPointer<models::TemplateDeployer> m_deployer;
};

} // namespace crossvirt::views
