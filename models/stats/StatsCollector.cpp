#include "models/stats/StatsCollector.h"

#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "models/connection/WorkerJobs.h"
#include "models/inventory/DomainXml.h"
#include "models/stats/RateCalculator.h"

#include <QDateTime>
#include <QSet>
#include <QTimer>
#include <cmath>
#include <cstring>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

namespace crossvirt::models {

using namespace Qt::StringLiterals;

namespace {

struct VmCounters
{
    RateCalculator cpu, diskRead, diskWrite, netRx, netTx;
};

struct DeviceNames
{
    QList<QByteArray> disks; ///< target dev names (vda, sda)
    QList<QByteArray> nics;  ///< MAC addresses (every driver accepts them)
};

/// What the GUI thread hands to one poll: a snapshot, never shared state.
struct TickRequest
{
    StatsSettings settings;
    QSet<QString> watched;
    QList<DomainSummary> domains; // implicitly shared copy: cheap
    bool resetCounters = false;
};

} // namespace

/// Counters of the previous poll. Only the running job touches it, and polls of
/// one host never overlap (the collector skips a tick while one runs).
struct CollectorWorkerState
{
    QHash<QString, VmCounters> vms;
    QHash<QString, DeviceNames> devices;
    bool haveNodeCpu = false;
    quint64 nodeBusy = 0;
    quint64 nodeTotal = 0;
    bool memoryUnsupported = false;
    bool listStatsUseless = false; // virDomainListGetStats gave no block/net data before
};

namespace {

QString uuidOf(virDomainPtr dom)
{
    char buf[VIR_UUID_STRING_BUFLEN] = {};
    virDomainGetUUIDString(dom, buf);
    return QString::fromLatin1(buf);
}

bool isActiveState(int state)
{
    return state == VIR_DOMAIN_RUNNING || state == VIR_DOMAIN_BLOCKED ||
           state == VIR_DOMAIN_PAUSED || state == VIR_DOMAIN_SHUTDOWN ||
           state == VIR_DOMAIN_PMSUSPENDED;
}

/// Reads typed parameters by name; libvirt's bulk records are flat name/value lists.
struct Params
{
    virTypedParameterPtr params = nullptr;
    int count = 0;

    bool ullong(const char *name, quint64 &out) const
    {
        unsigned long long v = 0;
        if (!params || virTypedParamsGetULLong(params, count, name, &v) != 1)
            return false;
        out = v;
        return true;
    }
    bool integer(const char *name, int &out) const
    {
        return params && virTypedParamsGetInt(params, count, name, &out) == 1;
    }
    bool uinteger(const char *name, unsigned &out) const
    {
        return params && virTypedParamsGetUInt(params, count, name, &out) == 1;
    }
    /// Sums `prefix.N.field` over N < `prefix.count`.
    bool sum(const char *prefix, const char *field, quint64 &out) const
    {
        unsigned n = 0;
        if (!uinteger(QByteArray(prefix).append(".count").constData(), n))
            return false;
        quint64 total = 0;
        for (unsigned i = 0; i < n; ++i) {
            quint64 v = 0;
            const QByteArray key = QByteArray(prefix) + '.' + QByteArray::number(i) + '.' + field;
            if (ullong(key.constData(), v))
                total += v;
        }
        out = total;
        return true;
    }
};

void readNodeCpu(virConnectPtr conn, CollectorWorkerState &state, HostStatsSample &host)
{
    int n = 0;
    if (virNodeGetCPUStats(conn, VIR_NODE_CPU_STATS_ALL_CPUS, nullptr, &n, 0) < 0 || n <= 0) {
        virResetLastError();
        return;
    }
    QList<virNodeCPUStats> stats(n);
    if (virNodeGetCPUStats(conn, VIR_NODE_CPU_STATS_ALL_CPUS, stats.data(), &n, 0) < 0) {
        virResetLastError();
        return;
    }
    quint64 busy = 0, total = 0;
    for (int i = 0; i < n; ++i) {
        const char *f = stats[i].field;
        const quint64 v = stats[i].value;
        if (std::strcmp(f, VIR_NODE_CPU_STATS_UTILIZATION) == 0) {
            host.cpuPercent = double(v); // some drivers give the percentage directly
            return;
        }
        if (std::strcmp(f, VIR_NODE_CPU_STATS_KERNEL) == 0 ||
            std::strcmp(f, VIR_NODE_CPU_STATS_USER) == 0) {
            busy += v;
            total += v;
        } else if (std::strcmp(f, VIR_NODE_CPU_STATS_IDLE) == 0 ||
                   std::strcmp(f, VIR_NODE_CPU_STATS_IOWAIT) == 0) {
            total += v;
        }
    }
    if (state.haveNodeCpu && busy >= state.nodeBusy && total >= state.nodeTotal) {
        const quint64 dTotal = total - state.nodeTotal;
        const quint64 dBusy = busy - state.nodeBusy;
        // Counters that did not move at all recorded no busy time: 0 %.
        host.cpuPercent =
            dTotal == 0 ? 0.0 : qBound(0.0, 100.0 * double(dBusy) / double(dTotal), 100.0);
    }
    state.haveNodeCpu = true;
    state.nodeBusy = busy;
    state.nodeTotal = total;
}

void readNodeMemory(virConnectPtr conn, CollectorWorkerState &state, HostStatsSample &host)
{
    int n = 0;
    if (virNodeGetMemoryStats(conn, VIR_NODE_MEMORY_STATS_ALL_CELLS, nullptr, &n, 0) < 0 ||
        n <= 0) {
        // Remembered: a driver without it will not grow it; the page says so.
        if (virGetLastErrorCode() == VIR_ERR_NO_SUPPORT)
            state.memoryUnsupported = true;
        virResetLastError();
        return;
    }
    QList<virNodeMemoryStats> stats(n);
    if (virNodeGetMemoryStats(conn, VIR_NODE_MEMORY_STATS_ALL_CELLS, stats.data(), &n, 0) < 0) {
        virResetLastError();
        return;
    }
    quint64 total = 0, free = 0, buffers = 0, cached = 0;
    bool haveTotal = false, haveFree = false;
    for (int i = 0; i < n; ++i) {
        const char *f = stats[i].field;
        if (std::strcmp(f, VIR_NODE_MEMORY_STATS_TOTAL) == 0) {
            total = stats[i].value;
            haveTotal = true;
        } else if (std::strcmp(f, VIR_NODE_MEMORY_STATS_FREE) == 0) {
            free = stats[i].value;
            haveFree = true;
        } else if (std::strcmp(f, VIR_NODE_MEMORY_STATS_BUFFERS) == 0) {
            buffers = stats[i].value;
        } else if (std::strcmp(f, VIR_NODE_MEMORY_STATS_CACHED) == 0) {
            cached = stats[i].value;
        }
    }
    if (!haveTotal || !haveFree)
        return;
    // Page cache and buffers are reclaimable: count them as free, as `free -h` does.
    const quint64 available = qMin(total, free + buffers + cached);
    host.memoryUsedKiB = double(total - available);
    host.memoryFreeKiB = double(available);
}

const DeviceNames &devicesOf(virDomainPtr dom, const QString &uuid, CollectorWorkerState &state)
{
    auto it = state.devices.find(uuid);
    if (it != state.devices.end())
        return *it;
    DeviceNames names;
    if (char *xml = virDomainGetXMLDesc(dom, 0)) {
        const DomainDetails details = parseDomainDetails(QByteArray(xml));
        free(xml);
        for (const DiskInfo &disk : details.disks) {
            if (disk.device == "disk"_L1 && !disk.target.isEmpty())
                names.disks << disk.target.toLatin1();
        }
        for (const NicInfo &nic : details.nics) {
            if (!nic.mac.isEmpty())
                names.nics << nic.mac.toLatin1();
        }
    } else {
        virResetLastError();
    }
    return *state.devices.insert(uuid, names);
}

struct DetailCounters
{
    std::optional<quint64> rd, wr, rx, tx, rssKiB;
};

// Per-domain calls for one watched VM: what the bulk call did not give.
void readDetailPerDomain(virDomainPtr dom, const QString &uuid, const StatsSettings &settings,
                         CollectorWorkerState &state, DetailCounters &out)
{
    if ((settings.collectDisk && !out.rd) || (settings.collectNetwork && !out.rx)) {
        const DeviceNames &devices = devicesOf(dom, uuid, state);
        if (settings.collectDisk && !out.rd) {
            quint64 rd = 0, wr = 0;
            bool any = false;
            for (const QByteArray &disk : devices.disks) {
                virDomainBlockStatsStruct bs{};
                if (virDomainBlockStats(dom, disk.constData(), &bs, sizeof bs) == 0) {
                    any = true;
                    rd += quint64(qMax<long long>(0, bs.rd_bytes));
                    wr += quint64(qMax<long long>(0, bs.wr_bytes));
                } else {
                    virResetLastError();
                }
            }
            if (any || devices.disks.isEmpty()) {
                out.rd = rd;
                out.wr = wr;
            }
        }
        if (settings.collectNetwork && !out.rx) {
            quint64 rx = 0, tx = 0;
            bool any = false;
            for (const QByteArray &nic : devices.nics) {
                virDomainInterfaceStatsStruct is{};
                if (virDomainInterfaceStats(dom, nic.constData(), &is, sizeof is) == 0) {
                    any = true;
                    rx += quint64(qMax<long long>(0, is.rx_bytes));
                    tx += quint64(qMax<long long>(0, is.tx_bytes));
                } else {
                    virResetLastError();
                }
            }
            if (any || devices.nics.isEmpty()) {
                out.rx = rx;
                out.tx = tx;
            }
        }
    }
    if (settings.collectMemory && !out.rssKiB) {
        virDomainMemoryStatStruct ms[VIR_DOMAIN_MEMORY_STAT_NR];
        const int n = virDomainMemoryStats(dom, ms, VIR_DOMAIN_MEMORY_STAT_NR, 0);
        if (n < 0)
            virResetLastError();
        for (int i = 0; i < n; ++i) {
            if (ms[i].tag == VIR_DOMAIN_MEMORY_STAT_RSS)
                out.rssKiB = ms[i].val;
        }
    }
}

StatsTick collect(virConnectPtr conn, CollectorWorkerState &state, const TickRequest &req)
{
    const StatsSettings &settings = req.settings;
    StatsTick tick;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    tick.msecs = now;
    tick.host.msecs = now;
    if (req.resetCounters) {
        state.vms.clear();
        state.haveNodeCpu = false;
    }
    if (settings.collectCpu)
        readNodeCpu(conn, state, tick.host);
    if (settings.collectMemory && !state.memoryUnsupported)
        readNodeMemory(conn, state, tick.host);
    tick.hostMemoryUnsupported = state.memoryUnsupported;

    QHash<QString, int> vcpus;
    vcpus.reserve(req.domains.size());
    for (const DomainSummary &d : req.domains)
        vcpus.insert(d.uuid, d.vcpus);

    unsigned groups = VIR_DOMAIN_STATS_STATE;
    if (settings.collectCpu)
        groups |= VIR_DOMAIN_STATS_CPU_TOTAL;
    if (settings.collectMemory)
        groups |= VIR_DOMAIN_STATS_BALLOON;

    // One bulk call for every VM of the host.
    virDomainStatsRecordPtr *records = nullptr;
    const int nrecords = virConnectGetAllDomainStats(conn, groups, &records, 0);
    struct Entry
    {
        virDomainPtr dom;
        Params params;
    };
    QList<Entry> entries;
    virDomainPtr *listed = nullptr;
    int nlisted = 0;
    if (nrecords >= 0) {
        entries.reserve(nrecords);
        for (int i = 0; i < nrecords; ++i)
            entries.append(Entry{records[i]->dom, {records[i]->params, records[i]->nparams}});
    } else {
        virResetLastError();
        // No bulk stats in this driver: list the domains and ask each.
        nlisted = virConnectListAllDomains(conn, &listed, 0);
        if (nlisted < 0) {
            const LibvirtError error = LibvirtError::fromLastError(QCoreApplication::translate(
                "StatsCollector", "Could not read the statistics of this host"));
            throw error;
        }
        for (int i = 0; i < nlisted; ++i)
            entries.append(Entry{listed[i], {}});
    }

    bool bulkComplete = nrecords >= 0;
    int running = 0;
    QList<std::pair<virDomainPtr, QString>> watchedActive;
    QSet<QString> seen;
    seen.reserve(entries.size());
    for (const Entry &e : std::as_const(entries)) {
        const QString uuid = uuidOf(e.dom);
        seen.insert(uuid);
        VmStatsSample s;
        s.msecs = now;
        int domState = VIR_DOMAIN_NOSTATE;
        if (!e.params.integer("state.state", domState)) {
            int reason = 0;
            if (virDomainGetState(e.dom, &domState, &reason, 0) < 0)
                virResetLastError();
        }
        if (!isActiveState(domState)) {
            state.vms.remove(uuid); // a restart starts its counters afresh
            tick.vms.insert(uuid, s);
            continue;
        }
        if (domState == VIR_DOMAIN_RUNNING || domState == VIR_DOMAIN_BLOCKED)
            ++running;
        VmCounters &counters = state.vms[uuid];

        quint64 cpuTime = 0, balloon = 0;
        bool haveCpu = e.params.ullong("cpu.time", cpuTime);
        bool haveBalloon = e.params.ullong("balloon.current", balloon);
        int domVcpus = vcpus.value(uuid);
        if ((settings.collectCpu && !haveCpu) || (settings.collectMemory && !haveBalloon)) {
            bulkComplete = false;
            // The bulk call lacked it (test driver): virDomainGetInfo is cheap.
            virDomainInfo info{};
            if (virDomainGetInfo(e.dom, &info) == 0) {
                if (!haveCpu) {
                    cpuTime = info.cpuTime;
                    haveCpu = true;
                }
                if (!haveBalloon) {
                    balloon = info.memory;
                    haveBalloon = true;
                }
                if (domVcpus <= 0)
                    domVcpus = info.nrVirtCpu;
            } else {
                virResetLastError();
            }
        }
        if (settings.collectCpu && haveCpu) {
            const double nsPerSecond = counters.cpu.update(cpuTime, now);
            if (!std::isnan(nsPerSecond))
                s.cpuPercent = qBound(0.0, nsPerSecond / 1e7 / qMax(1, domVcpus), 100.0);
        }
        if (settings.collectMemory && haveBalloon)
            s.balloonKiB = double(balloon);
        if (req.watched.contains(uuid))
            watchedActive.append({e.dom, uuid});
        tick.vms.insert(uuid, s);
    }
    tick.host.runningVms = running;

    // Detail (disk, network, RSS) only for the VMs someone is looking at.
    const bool wantDetail =
        settings.collectDisk || settings.collectNetwork || settings.collectMemory;
    if (wantDetail && !watchedActive.isEmpty()) {
        QHash<QString, DetailCounters> detail;
        if (!state.listStatsUseless) {
            unsigned dgroups = 0;
            if (settings.collectDisk)
                dgroups |= VIR_DOMAIN_STATS_BLOCK;
            if (settings.collectNetwork)
                dgroups |= VIR_DOMAIN_STATS_INTERFACE;
            if (settings.collectMemory)
                dgroups |= VIR_DOMAIN_STATS_BALLOON;
            QList<virDomainPtr> doms;
            for (const auto &w : std::as_const(watchedActive))
                doms << w.first;
            doms << nullptr;
            virDomainStatsRecordPtr *drecs = nullptr;
            const int nd = virDomainListGetStats(doms.data(), dgroups, &drecs, 0);
            bool gotAny = false;
            for (int i = 0; i < nd; ++i) {
                const Params p{drecs[i]->params, drecs[i]->nparams};
                DetailCounters &dc = detail[uuidOf(drecs[i]->dom)];
                quint64 a = 0, b = 0;
                if (settings.collectDisk && p.sum("block", "rd.bytes", a) &&
                    p.sum("block", "wr.bytes", b)) {
                    dc.rd = a;
                    dc.wr = b;
                    gotAny = true;
                }
                if (settings.collectNetwork && p.sum("net", "rx.bytes", a) &&
                    p.sum("net", "tx.bytes", b)) {
                    dc.rx = a;
                    dc.tx = b;
                    gotAny = true;
                }
                if (settings.collectMemory && p.ullong("balloon.rss", a))
                    dc.rssKiB = a;
            }
            if (nd < 0)
                virResetLastError();
            else
                virDomainStatsRecordListFree(drecs);
            // A driver that answers with state only will keep doing so.
            if (!gotAny && (settings.collectDisk || settings.collectNetwork))
                state.listStatsUseless = true;
        }
        for (const auto &[dom, uuid] : std::as_const(watchedActive)) {
            DetailCounters &dc = detail[uuid];
            readDetailPerDomain(dom, uuid, settings, state, dc);
            VmCounters &counters = state.vms[uuid];
            VmStatsSample &s = tick.vms[uuid];
            if (dc.rd) {
                s.diskReadBps = counters.diskRead.update(*dc.rd, now);
                s.diskWriteBps = counters.diskWrite.update(*dc.wr, now);
            }
            if (dc.rx) {
                s.netRxBps = counters.netRx.update(*dc.rx, now);
                s.netTxBps = counters.netTx.update(*dc.tx, now);
            }
            if (dc.rssKiB)
                s.rssKiB = double(*dc.rssKiB);
        }
    }
    // Unwatched VMs forget their detail counters so a new watcher starts afresh.
    for (auto it = state.vms.begin(); it != state.vms.end();) {
        if (!seen.contains(it.key())) {
            it = state.vms.erase(it);
            continue;
        }
        if (!req.watched.contains(it.key())) {
            it->diskRead.reset();
            it->diskWrite.reset();
            it->netRx.reset();
            it->netTx.reset();
        }
        ++it;
    }
    for (auto it = state.devices.begin(); it != state.devices.end();) {
        if (req.watched.contains(it.key()))
            ++it;
        else
            it = state.devices.erase(it);
    }
    tick.bulkComplete = bulkComplete;

    if (records)
        virDomainStatsRecordListFree(records);
    for (int i = 0; i < nlisted; ++i)
        virDomainFree(listed[i]);
    free(listed);
    return tick;
}

} // namespace

StatsCollector::StatsCollector(HostSession *session, const StatsSettings &settings, QObject *parent)
    : QObject(parent), m_session(session), m_uri(session->uri()), m_settings(settings),
      m_host(settings.historyPoints()), m_state(std::make_shared<CollectorWorkerState>())
{
    qRegisterMetaType<StatsTick>();
    m_timer = new QTimer(this);
    m_timer->setInterval(m_settings.intervalSeconds * 1000);
    connect(m_timer, &QTimer::timeout, this, &StatsCollector::tick);
    connect(session, &HostSession::stateChanged, this, [this](ConnectionState state) {
        if (state != ConnectionState::Connected)
            m_resetCounters = true; // counters across a reconnection are not comparable
    });
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
    for (VmStatsSeries &series : m_vms)
        series.samples.setCapacity(points);
}

const VmStatsSeries *StatsCollector::vmSeries(const QString &uuid) const
{
    const auto it = m_vms.constFind(uuid);
    return it == m_vms.constEnd() ? nullptr : &*it;
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
    TickRequest req;
    req.settings = m_settings;
    for (auto it = m_watchers.cbegin(); it != m_watchers.cend(); ++it)
        req.watched.insert(it.key());
    req.domains = m_session->domains();
    req.resetCounters = std::exchange(m_resetCounters, false);
    auto future = runOnWorker(
        m_session, [state = m_state, req](virConnectPtr conn) { return collect(conn, *state, req); });
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
    const qsizetype points = m_settings.historyPoints();
    for (auto it = tick.vms.cbegin(); it != tick.vms.cend(); ++it) {
        auto series = m_vms.find(it.key());
        if (series == m_vms.end())
            series = m_vms.insert(it.key(), VmStatsSeries(points));
        series->samples.push(it.value());
    }
    // VMs gone from the host (undefined) drop their history.
    if (m_vms.size() != tick.vms.size()) {
        for (auto it = m_vms.begin(); it != m_vms.end();) {
            if (tick.vms.contains(it.key()))
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
    for (VmStatsSeries &series : m_vms)
        series.samples.push(vmGap);
    emit updated();
}

} // namespace crossvirt::models
