#pragma once

#include "models/stats/StatsTypes.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>

namespace crossvirt::models {

class Datacenter;
class HostSession;
class StatsCollector;
struct HostStatsSeries;

/// One StatsCollector per host of the datacenter, following hosts as they are
/// added and removed, all sharing the same StatsSettings.
class DatacenterStats : public QObject
{
    Q_OBJECT
public:
    explicit DatacenterStats(Datacenter *datacenter, const StatsSettings &settings = {},
                             QObject *parent = nullptr);
    ~DatacenterStats() override;

    StatsCollector *collector(const QString &uri) const { return m_collectors.value(uri); }
    QList<StatsCollector *> collectors() const { return m_collectors.values(); }

    const StatsSettings &settings() const { return m_settings; }
    /// Applies new settings to every host (interval, what to collect).
    void setSettings(const StatsSettings &settings);

    /// The VMs whose rows are on screen, by host URI (hosts not named have none), and
    /// how often the others are read: see StatsCollector::setOnScreen().
    void setOnScreen(const QHash<QString, QSet<QString>> &byHost);
    void setOffScreenEvery(int ticks);

    /// The summed history of several hosts (a cluster): see sumHostSeries().
    HostStatsSeries clusterSeries(const QStringList &uris) const;

signals:
    void collectorAdded(crossvirt::models::StatsCollector *collector);
    void collectorAboutToBeRemoved(crossvirt::models::StatsCollector *collector);
    /// A host's series received a sample or gap.
    void hostUpdated(const QString &uri);

private:
    void addHost(HostSession *session);
    void removeHost(HostSession *session);

    StatsSettings m_settings;
    QHash<QString, StatsCollector *> m_collectors;
    QHash<QString, QSet<QString>> m_onScreen;
    int m_offScreenEvery = 1;
};

} // namespace crossvirt::models
