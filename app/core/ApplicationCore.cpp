#include "app/core/ApplicationCore.h"

#include "models/cluster/ClusterInventoryModel.h"
#include "models/cluster/ClusterList.h"
#include "models/connection/Datacenter.h"
#include "models/connection/HostSession.h"
#include "models/inventory/InventoryModel.h"
#include "models/stats/DatacenterStats.h"

#include <QDir>
#include <QFileInfo>

namespace crossvirt::app {

using namespace Qt::StringLiterals;

ApplicationCore::ApplicationCore(models::ConnectionStore store, QObject *parent) : QObject(parent)
{
    m_secrets = std::make_unique<models::SecretStore>();
    models::SecretStore::setApplicationStore(m_secrets.get());
    m_datacenter = std::make_unique<models::Datacenter>(std::move(store));
    m_datacenter->setSecretStore(m_secrets.get());
    m_inventory = std::make_unique<models::InventoryModel>(m_datacenter.get());
    // Clusters are saved beside the connection list.
    const QString clustersFile =
        QFileInfo(m_datacenter->store().filePath()).dir().filePath(u"clusters.json"_s);
    m_clusters = std::make_unique<models::ClusterList>(models::ClusterStore(clustersFile));
    m_clusterInventory =
        std::make_unique<models::ClusterInventoryModel>(m_inventory.get(), m_clusters.get());
    connect(m_datacenter.get(), &models::Datacenter::sessionAboutToBeRemoved, this,
            [this](models::HostSession *s) { m_clusters->removeHost(s->uri()); });
    // One collector per host polls its stats.
    m_stats = std::make_unique<models::DatacenterStats>(m_datacenter.get(),
                                                        models::StatsSettings::load());
    m_capabilities = std::make_unique<models::HostCapabilitiesService>(m_datacenter.get());
}

ApplicationCore::~ApplicationCore() = default;

QString ApplicationCore::open(const QStringList &uris)
{
    QString error;
    if (!uris.isEmpty())
        m_datacenter->useTransient(uris);
    else
        error = m_datacenter->loadSaved().error;
    m_clusters->load();
    m_secrets->probe(); // asynchronous: the prompts know by the time they are shown
    return error;
}

views::MainWindowModels ApplicationCore::windowModels() const
{
    views::MainWindowModels models{m_datacenter.get(), m_inventory.get(),
                                   m_clusters.get(),   m_clusterInventory.get(),
                                   m_stats.get(),      m_capabilities.get()};
    models.secrets = m_secrets.get();
    return models;
}

} // namespace crossvirt::app
