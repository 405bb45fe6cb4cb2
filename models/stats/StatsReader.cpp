#include "models/stats/StatsReader.h"

#include "models/connection/LibvirtError.h"
#include "models/connection/LibvirtHandles.h"
#include "models/inventory/DomainXml.h"

#include <QCoreApplication>
#include <QDateTime>
#include <cstring>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

namespace crossvirt::models {

using namespace Qt::StringLiterals;

namespace {

/// The record list of virConnectGetAllDomainStats / virDomainListGetStats.
struct StatsRecordListDeleter
{
    void operator()(virDomainStatsRecordPtr *records) const noexcept
    {
        if (records)
            virDomainStatsRecordListFree(records);
    }
};
using StatsRecordList = std::unique_ptr<virDomainStatsRecordPtr, StatsRecordListDeleter>;

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

void readNodeCpu(virConnectPtr conn, RawStatsTick &raw)
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
            raw.cpuUtilization = double(v);
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
    raw.cpuBusy = busy;
    raw.cpuTotal = total;
}

// Returns false when the driver does not support node memory stats at all.
bool readNodeMemory(virConnectPtr conn, RawStatsTick &raw)
{
    int n = 0;
    if (virNodeGetMemoryStats(conn, VIR_NODE_MEMORY_STATS_ALL_CELLS, nullptr, &n, 0) < 0 ||
        n <= 0) {
        const bool unsupported = virGetLastErrorCode() == VIR_ERR_NO_SUPPORT;
        virResetLastError();
        return !unsupported;
    }
    QList<virNodeMemoryStats> stats(n);
    if (virNodeGetMemoryStats(conn, VIR_NODE_MEMORY_STATS_ALL_CELLS, stats.data(), &n, 0) < 0) {
        virResetLastError();
        return true;
    }
    std::optional<quint64> total, free;
    for (int i = 0; i < n; ++i) {
        const char *f = stats[i].field;
        if (std::strcmp(f, VIR_NODE_MEMORY_STATS_TOTAL) == 0)
            total = stats[i].value;
        else if (std::strcmp(f, VIR_NODE_MEMORY_STATS_FREE) == 0)
            free = stats[i].value;
        else if (std::strcmp(f, VIR_NODE_MEMORY_STATS_BUFFERS) == 0)
            raw.memBuffersKiB = stats[i].value;
        else if (std::strcmp(f, VIR_NODE_MEMORY_STATS_CACHED) == 0)
            raw.memCachedKiB = stats[i].value;
    }
    if (total && free) {
        raw.memTotalKiB = total;
        raw.memFreeKiB = free;
    }
    return true;
}

} // namespace

const StatsReader::DeviceNames &StatsReader::devicesOf(virDomainPtr dom, const QString &uuid)
{
    auto it = m_devices.find(uuid);
    if (it != m_devices.end())
        return *it;
    DeviceNames names;
    const LibvirtString xml(virDomainGetXMLDesc(dom, 0));
    if (xml) {
        const DomainDetails details = parseDomainDetails(QByteArray(xml.get()));
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
    return *m_devices.insert(uuid, names);
}

QList<virDomainPtr> StatsReader::handlesFor(virConnectPtr conn, const QSet<QString> &uuids)
{
    if (conn != m_handlesConn) { // reconnected: the old handles name the old connection
        m_handles.clear();
        m_handlesConn = conn;
    }
    for (auto it = m_handles.begin(); it != m_handles.end();) {
        if (uuids.contains(it->first))
            ++it;
        else
            it = m_handles.erase(it);
    }
    QList<virDomainPtr> out;
    out.reserve(uuids.size() + 1);
    for (const QString &uuid : uuids) {
        auto it = m_handles.find(uuid);
        if (it == m_handles.end()) {
            DomainHandle dom(virDomainLookupByUUIDString(conn, uuid.toLatin1().constData()));
            if (!dom) { // gone since the view listed it: the next full read drops it
                virResetLastError();
                continue;
            }
            it = m_handles.emplace(uuid, std::move(dom)).first;
        }
        out << it->second.get();
    }
    return out;
}

// Per-domain calls for one watched VM: what the bulk call did not give.
void StatsReader::readDetailPerDomain(virDomainPtr dom, const QString &uuid,
                                      const StatsSettings &settings, RawVmCounters &out)
{
    if ((settings.collectDisk && !out.diskReadBytes) ||
        (settings.collectNetwork && !out.netRxBytes)) {
        const DeviceNames &devices = devicesOf(dom, uuid);
        if (settings.collectDisk && !out.diskReadBytes) {
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
                out.diskReadBytes = rd;
                out.diskWriteBytes = wr;
            }
        }
        if (settings.collectNetwork && !out.netRxBytes) {
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
                out.netRxBytes = rx;
                out.netTxBytes = tx;
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

RawStatsTick StatsReader::read(virConnectPtr conn, const StatsReadRequest &req)
{
    const StatsSettings &settings = req.settings;
    RawStatsTick raw;
    raw.msecs = QDateTime::currentMSecsSinceEpoch();
    if (settings.collectCpu)
        readNodeCpu(conn, raw);
    // Remembered: a driver without it will not grow it; the page says so.
    if (settings.collectMemory && !m_memoryUnsupported)
        m_memoryUnsupported = !readNodeMemory(conn, raw);
    raw.memoryUnsupported = m_memoryUnsupported;

    unsigned groups = VIR_DOMAIN_STATS_STATE;
    if (settings.collectCpu)
        groups |= VIR_DOMAIN_STATS_CPU_TOTAL;
    if (settings.collectMemory)
        groups |= VIR_DOMAIN_STATS_BALLOON;

    virDomainStatsRecordPtr *records = nullptr;
    int nrecords = 0;
    QList<virDomainPtr> partial; // the VMs a partial read asks for
    if (req.allVms) {
        // One bulk call for every VM of the host.
        nrecords = virConnectGetAllDomainStats(conn, groups, &records, 0);
    } else {
        QSet<QString> wanted = req.onScreen;
        wanted.unite(req.watched);
        partial = handlesFor(conn, wanted);
        if (!partial.isEmpty()) {
            partial << nullptr;
            nrecords = virDomainListGetStats(partial.data(), groups, &records, 0);
            partial.removeLast();
        }
    }
    const StatsRecordList recordsOwner(nrecords >= 0 ? records : nullptr);
    struct Entry
    {
        virDomainPtr dom;
        Params params;
    };
    QList<Entry> entries;
    std::vector<DomainHandle> listed;
    if (nrecords >= 0) {
        entries.reserve(nrecords);
        for (int i = 0; i < nrecords; ++i)
            entries.append(Entry{records[i]->dom, {records[i]->params, records[i]->nparams}});
    } else if (!req.allVms) {
        virResetLastError();
        // No bulk stats in this driver: ask each VM.
        for (virDomainPtr dom : std::as_const(partial))
            entries.append(Entry{dom, {}});
    } else {
        virResetLastError();
        // No bulk stats in this driver: list the domains and ask each.
        virDomainPtr *doms = nullptr;
        const int n = virConnectListAllDomains(conn, &doms, 0);
        if (n < 0)
            throwLastLibvirtError(QCoreApplication::translate(
                "StatsCollector", "Could not read the statistics of this host"));
        listed = takeLibvirtArray<DomainHandle>(doms, n);
        for (const DomainHandle &dom : listed)
            entries.append(Entry{dom.get(), {}});
    }

    bool bulkComplete = nrecords >= 0;
    QList<std::pair<virDomainPtr, QString>> watchedActive;
    for (const Entry &e : std::as_const(entries)) {
        const QString uuid = uuidOf(e.dom);
        RawVmCounters &vm = raw.vms[uuid];
        int domState = VIR_DOMAIN_NOSTATE;
        if (!e.params.integer("state.state", domState)) {
            int reason = 0;
            if (virDomainGetState(e.dom, &domState, &reason, 0) < 0)
                virResetLastError();
        }
        vm.active = isActiveState(domState);
        if (!vm.active)
            continue;
        vm.running = domState == VIR_DOMAIN_RUNNING || domState == VIR_DOMAIN_BLOCKED;
        vm.watched = req.watched.contains(uuid);
        vm.vcpus = req.vcpus.value(uuid);

        quint64 cpuTime = 0, balloon = 0;
        bool haveCpu = e.params.ullong("cpu.time", cpuTime);
        bool haveBalloon = e.params.ullong("balloon.current", balloon);
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
                if (vm.vcpus <= 0)
                    vm.vcpus = info.nrVirtCpu;
            } else {
                virResetLastError();
            }
        }
        if (settings.collectCpu && haveCpu)
            vm.cpuTimeNs = cpuTime;
        if (settings.collectMemory && haveBalloon)
            vm.balloonKiB = balloon;
        if (vm.watched)
            watchedActive.append({e.dom, uuid});
    }

    // Detail (disk, network, RSS) only for the VMs someone is looking at.
    const bool wantDetail =
        settings.collectDisk || settings.collectNetwork || settings.collectMemory;
    if (wantDetail && !watchedActive.isEmpty()) {
        if (!m_listStatsUseless) {
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
            const StatsRecordList drecsOwner(nd >= 0 ? drecs : nullptr);
            bool gotAny = false;
            for (int i = 0; i < nd; ++i) {
                const Params p{drecs[i]->params, drecs[i]->nparams};
                RawVmCounters &vm = raw.vms[uuidOf(drecs[i]->dom)];
                quint64 a = 0, b = 0;
                if (settings.collectDisk && p.sum("block", "rd.bytes", a) &&
                    p.sum("block", "wr.bytes", b)) {
                    vm.diskReadBytes = a;
                    vm.diskWriteBytes = b;
                    gotAny = true;
                }
                if (settings.collectNetwork && p.sum("net", "rx.bytes", a) &&
                    p.sum("net", "tx.bytes", b)) {
                    vm.netRxBytes = a;
                    vm.netTxBytes = b;
                    gotAny = true;
                }
                if (settings.collectMemory && p.ullong("balloon.rss", a))
                    vm.rssKiB = a;
            }
            if (nd < 0)
                virResetLastError();
            // A driver that answers with state only will keep doing so.
            if (!gotAny && (settings.collectDisk || settings.collectNetwork))
                m_listStatsUseless = true;
        }
        for (const auto &[dom, uuid] : std::as_const(watchedActive))
            readDetailPerDomain(dom, uuid, settings, raw.vms[uuid]);
    }
    // Device names are kept only while someone watches the VM.
    for (auto it = m_devices.begin(); it != m_devices.end();) {
        if (req.watched.contains(it.key()))
            ++it;
        else
            it = m_devices.erase(it);
    }
    raw.bulkComplete = bulkComplete;
    raw.allVms = req.allVms;
    return raw;
}

} // namespace crossvirt::models
