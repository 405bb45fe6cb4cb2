#pragma once

#include "models/connection/HostSession.h"
#include "models/stats/StatsSeries.h"
#include "models/stats/StatsTypes.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <memory>
#include <unordered_map>

class QTimer;

namespace crossvirt::models {

struct CollectorWorkerState;

/// Polls one host's statistics at the configured interval and keeps their recent
/// history. Lives on the GUI thread; each tick queues ONE job on the host's worker
/// thread, where StatsReader reads the raw counters (one virConnectGetAllDomainStats
/// call plus node stats) and the pure StatsRateCalculator turns them into rates. A
/// tick is skipped while the previous one is still running; a disconnected host
/// records gaps.
class StatsCollector : public QObject
{
    Q_OBJECT
public:
    explicit StatsCollector(HostSession *session, const StatsSettings &settings = {},
                            QObject *parent = nullptr);
    ~StatsCollector() override;

    HostSession *session() const { return m_session; }
    QString uri() const { return m_uri; }

    void setSettings(const StatsSettings &settings);
    const StatsSettings &settings() const { return m_settings; }

    const HostStatsSeries &hostSeries() const { return m_host; }
    /// The VM's history, or nullptr when the host has reported nothing for it yet.
    const VmStatsSeries *vmSeries(const QString &uuid) const;
    /// The newest VM sample (NaN fields when none).
    VmStatsSample latestVmSample(const QString &uuid) const;
    /// When the VM was last actually read (off-screen VMs are read every n-th tick and
    /// keep their last value in between); 0 when never.
    qint64 lastReadMsecs(const QString &uuid) const;

    /// Someone shows this VM's detail (disk, network, RSS): collect it. Reference
    /// counted; detail stops when the last watcher unwatches. The first watcher
    /// triggers a tick soon, so the page fills in quickly.
    void watch(const QString &uuid);
    void unwatch(const QString &uuid);
    int watchCount(const QString &uuid) const { return m_watchers.value(uuid); }

    /// The VMs whose row is on screen now (their CPU sparkline is seen). With
    /// setOffScreenEvery(n > 1), these and the watched VMs are read every tick and the
    /// others every n-th tick (and at once when the inventory changes): a host of
    /// thousands of VMs then costs per tick about what the window shows.
    void setOnScreen(const QSet<QString> &uuids);
    const QSet<QString> &onScreen() const { return m_onScreen; }
    /// 1 (the default): every VM every tick, for callers that tell nothing is on screen.
    void setOffScreenEvery(int ticks);
    int offScreenEvery() const { return m_offScreenEvery; }
    /// Whether the last update() read every VM of the host, and if not, which VMs it read.
    bool lastUpdateReadAll() const { return m_lastReadAll; }
    const QList<QString> &lastUpdatedVms() const { return m_lastUpdatedVms; }

    /// Starts and stops the timer (started by the constructor).
    void start();
    void stop();
    /// Polls now unless a poll is running (tests, "refresh").
    void pollNow();

    /// Ticks polled and ticks skipped because the previous one was still running.
    int ticksPolled() const { return m_polled; }
    int ticksSkipped() const { return m_skipped; }

signals:
    /// A new sample (or gap) was appended to the host's and its VMs' series.
    void updated();

private:
    void tick();
    void record(const StatsTick &tick);
    void recordGap();

    QPointer<HostSession> m_session;
    QString m_uri;
    StatsSettings m_settings;
    QTimer *m_timer = nullptr;
    HostStatsSeries m_host;
    // Node-based so a VmStatsSeries stays where vmSeries() pointed until it is erased.
    std::unique_ptr<VmHistoryClock> m_vmClock;
    std::unordered_map<QString, VmStatsSeries> m_vms;
    QHash<QString, int> m_watchers;
    QSet<QString> m_onScreen;
    QHash<QString, int> m_vcpus; // from the inventory, rebuilt when it changes
    bool m_inventoryChanged = true;
    int m_offScreenEvery = 1;
    int m_ticksSinceAll = 0;
    bool m_lastReadAll = true;
    QList<QString> m_lastUpdatedVms;
    std::shared_ptr<CollectorWorkerState> m_state; // touched only by the running job
    bool m_busy = false;
    bool m_resetCounters = false;
    bool m_pollSoon = false;
    int m_polled = 0;
    int m_skipped = 0;
};

} // namespace crossvirt::models
