#include "models/stats/DatacenterStats.h"

#include "models/connection/Datacenter.h"
#include "models/connection/HostSession.h"
#include "models/stats/StatsCollector.h"
#include "models/stats/StatsSeries.h"

namespace crossvirt::models {

DatacenterStats::DatacenterStats(Datacenter *datacenter, const StatsSettings &settings,
                                 QObject *parent)
    : QObject(parent), m_settings(settings)
{
    for (HostSession *s : datacenter->sessions())
        addHost(s);
    connect(datacenter, &Datacenter::sessionAdded, this, &DatacenterStats::addHost);
    connect(datacenter, &Datacenter::sessionAboutToBeRemoved, this, &DatacenterStats::removeHost);
}

DatacenterStats::~DatacenterStats() = default;

void DatacenterStats::addHost(HostSession *session)
{
    if (m_collectors.contains(session->uri()))
        return;
    auto *collector = new StatsCollector(session, m_settings, this);
    collector->setOffScreenEvery(m_offScreenEvery);
    collector->setOnScreen(m_onScreen.value(session->uri()));
    m_collectors.insert(session->uri(), collector);
    const QString uri = session->uri();
    connect(collector, &StatsCollector::updated, this, [this, uri] { emit hostUpdated(uri); });
    emit collectorAdded(collector);
}

void DatacenterStats::removeHost(HostSession *session)
{
    StatsCollector *collector = m_collectors.value(session->uri());
    if (!collector)
        return;
    emit collectorAboutToBeRemoved(collector);
    m_collectors.remove(session->uri());
    delete collector;
}

void DatacenterStats::setSettings(const StatsSettings &settings)
{
    m_settings = settings;
    for (StatsCollector *c : std::as_const(m_collectors))
        c->setSettings(settings);
}

void DatacenterStats::setOnScreen(const QHash<QString, QSet<QString>> &byHost)
{
    m_onScreen = byHost;
    for (auto it = m_collectors.cbegin(); it != m_collectors.cend(); ++it)
        it.value()->setOnScreen(byHost.value(it.key()));
}

void DatacenterStats::setOffScreenEvery(int ticks)
{
    m_offScreenEvery = qMax(1, ticks);
    for (StatsCollector *c : std::as_const(m_collectors))
        c->setOffScreenEvery(m_offScreenEvery);
}

HostStatsSeries DatacenterStats::clusterSeries(const QStringList &uris) const
{
    QList<const HostStatsSeries *> series;
    for (const QString &uri : uris) {
        if (const StatsCollector *c = m_collectors.value(uri))
            series << &c->hostSeries();
    }
    return sumHostSeries(series, qint64(m_settings.intervalSeconds) * 1000);
}

} // namespace crossvirt::models
