#include "models/stats/StatsCollector.h"

#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "models/connection/WorkerJobs.h"
#include "models/stats/RateCalculator.h"
#include "models/stats/StatsReader.h"

#include <QDateTime>
#include <QTimer>

namespace crossvirt::models {

using namespace Qt::StringLiterals;

/// The reader's memory and the previous poll's counters. Only the running job
/// touches it, and polls of one host never overlap (a tick is skipped while one runs).
struct CollectorWorkerState
{
    StatsReader reader;
    StatsRateCalculator rates;
};

StatsCollector::StatsCollector(HostSession *session, const StatsSettings &settings, QObject *parent)
    : QObject(parent), m_session(session), m_uri(session->uri()), m_settings(settings),
      m_host(settings.historyPoints()),
      m_vmClock(std::make_unique<VmHistoryClock>(settings.historyPoints())),
      m_state(std::make_shared<CollectorWorkerState>())
{
    qRegisterMetaType<StatsTick>();
    m_timer = new QTimer(this);
    m_timer->setInterval(m_settings.intervalSeconds * 1000);
    connect(m_timer, &QTimer::timeout, this, &StatsCollector::tick);
    connect(session, &HostSession::stateChanged, this, [this](ConnectionState state) {
        if (state != ConnectionState::Connected)
            m_resetCounters = true; // counters across a reconnection are not comparable
    });
    // A VM started, stopped, defined or undefined anywhere on the host: the next tick
    // reads them all, so the host's running count and new VMs show at once.
    const auto inventoryChanged = [this] { m_inventoryChanged = true; };
    connect(session, &HostSession::domainsReset, this, inventoryChanged);
    connect(session, &HostSession::domainUpdated, this, inventoryChanged);
    connect(session, &HostSession::domainRemoved, this, inventoryChanged);
    m_timer->start();
}

StatsCollector::~StatsCollector() = default;

void StatsCollector::setSettings(const StatsSettings &settings)
{
    StatsSettings s = settings;
    s.intervalSeconds = qMax(StatsSettings::kMinimumIntervalSeconds, s.intervalSeconds);
    if (s == m_settings)
        return;
    m_settings = s;
    m_timer->setInterval(s.intervalSeconds * 1000);
    const qsizetype points = s.historyPoints();
    m_host.samples.setCapacity(points);
    const VmHistoryClock::Layout before = m_vmClock->layout();
    m_vmClock->setCapacity(points);
    for (auto &[uuid, series] : m_vms)
        series.samples.relayout(before);
}

const VmStatsSeries *StatsCollector::vmSeries(const QString &uuid) const
{
    const auto it = m_vms.find(uuid);
    return it == m_vms.end() ? nullptr : &it->second;
}

qint64 StatsCollector::lastReadMsecs(const QString &uuid) const
{
    const VmStatsSeries *series = vmSeries(uuid);
    return series ? series->samples.lastReadMsecs() : 0;
}

VmStatsSample StatsCollector::latestVmSample(const QString &uuid) const
{
    const VmStatsSeries *series = vmSeries(uuid);
    if (!series || series->samples.isEmpty())
        return {};
    return series->samples.last();
}

void StatsCollector::watch(const QString &uuid)
{
    if (++m_watchers[uuid] == 1)
        QTimer::singleShot(0, this, &StatsCollector::pollNow);
}

void StatsCollector::unwatch(const QString &uuid)
{
    auto it = m_watchers.find(uuid);
    if (it == m_watchers.end())
        return;
    if (--*it <= 0)
        m_watchers.erase(it);
}

void StatsCollector::setOnScreen(const QSet<QString> &uuids)
{
    m_onScreen = uuids;
}

void StatsCollector::setOffScreenEvery(int ticks)
{
    m_offScreenEvery = qMax(1, ticks);
}

void StatsCollector::start()
{
    m_timer->start();
}

void StatsCollector::stop()
{
    m_timer->stop();
}

void StatsCollector::pollNow()
{
    tick();
}

void StatsCollector::tick()
{
    if (!m_session)
        return;
    if (m_session->state() != ConnectionState::Connected) {
        m_resetCounters = true;
        recordGap();
        return;
    }
    if (m_busy) {
        ++m_skipped; // never queue polls behind a slow host
        return;
    }
    m_busy = true;
    ++m_polled;
    StatsReadRequest req;
    req.settings = m_settings;
    for (auto it = m_watchers.cbegin(); it != m_watchers.cend(); ++it)
        req.watched.insert(it.key());
    const bool inventoryChanged = std::exchange(m_inventoryChanged, false);
    if (inventoryChanged) {
        m_vcpus.clear();
        const QList<DomainSummary> domains = m_session->domains();
        m_vcpus.reserve(domains.size());
        for (const DomainSummary &d : domains)
            m_vcpus.insert(d.uuid, d.vcpus);
    }
    req.vcpus = m_vcpus;
    const bool resetCounters = std::exchange(m_resetCounters, false);
    req.allVms = m_offScreenEvery <= 1 || inventoryChanged || resetCounters ||
                 ++m_ticksSinceAll >= m_offScreenEvery;
    if (req.allVms)
        m_ticksSinceAll = 0;
    else
        req.onScreen = m_onScreen;
    auto future = runOnWorker(m_session, [state = m_state, req, resetCounters](virConnectPtr conn) {
        if (resetCounters)
            state->rates.reset();
        return state->rates.next(state->reader.read(conn, req));
    });
    whenFinished(
        future, this,
        [this](const StatsTick &t) {
            m_busy = false;
            record(t);
        },
        [this](const QString &) {
            m_busy = false;
            m_resetCounters = true;
            recordGap();
        });
}

void StatsCollector::record(const StatsTick &tick)
{
    m_host.samples.push(tick.host);
    m_host.memoryUnsupported = tick.hostMemoryUnsupported;
    if (m_session)
        m_host.cpus = m_session->hostInfo().cpus;
    // Every VM's sample of this poll goes into the slot opened here (its time is the tick's).
    m_vmClock->push(tick.host.msecs);
    for (auto it = tick.vms.cbegin(); it != tick.vms.cend(); ++it)
        m_vms.try_emplace(it.key(), m_vmClock.get()).first->second.samples.record(it.value());
    m_lastReadAll = tick.allVms;
    m_lastUpdatedVms.clear();
    if (!tick.allVms) {
        m_lastUpdatedVms = tick.vms.keys();
        // The VMs off screen were not read this tick: each keeps its last value in the new
        // slot, so every ring stays in step with the host's clock.
        for (auto &[uuid, series] : m_vms) {
            if (!tick.vms.contains(uuid))
                series.samples.repeatLast();
        }
    }
    // VMs gone from the host (undefined) drop their history (known only when all were
    // read). Every VM of the tick is in m_vms now, so equal sizes mean no other is left.
    if (tick.allVms && m_vms.size() != size_t(tick.vms.size())) {
        for (auto it = m_vms.begin(); it != m_vms.end();) {
            if (tick.vms.contains(it->first))
                ++it;
            else
                it = m_vms.erase(it);
        }
    }
    emit updated();
}

void StatsCollector::recordGap()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    HostStatsSample gap;
    gap.msecs = now;
    m_host.samples.push(gap);
    VmStatsSample vmGap;
    vmGap.msecs = now;
    m_vmClock->push(now);
    for (auto &[uuid, series] : m_vms)
        series.samples.record(vmGap);
    m_lastReadAll = true;
    m_lastUpdatedVms.clear();
    emit updated();
}

} // namespace crossvirt::models
