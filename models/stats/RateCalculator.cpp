#include "models/stats/RateCalculator.h"

#include <cmath>
#include <limits>

namespace crossvirt::models {

double RateCalculator::update(quint64 counter, qint64 msecs)
{
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    const std::optional<Reading> previous = m_last;
    m_last = Reading{counter, msecs};
    if (!previous || counter < previous->counter || msecs <= previous->msecs)
        return nan;
    return double(counter - previous->counter) * 1000.0 / double(msecs - previous->msecs);
}

} // namespace crossvirt::models

namespace crossvirt::models {

void StatsRateCalculator::reset()
{
    m_vms.clear();
    m_node.reset();
}

double StatsRateCalculator::nodeCpuPercent(const RawStatsTick &raw)
{
    if (raw.cpuUtilization)
        return *raw.cpuUtilization; // some drivers give the percentage directly
    if (!raw.cpuBusy || !raw.cpuTotal)
        return kNoValue;
    const quint64 busy = *raw.cpuBusy;
    const quint64 total = *raw.cpuTotal;
    double percent = kNoValue;
    if (m_node && busy >= m_node->first && total >= m_node->second) {
        const quint64 dTotal = total - m_node->second;
        const quint64 dBusy = busy - m_node->first;
        // Counters that did not move at all recorded no busy time: 0 %.
        percent = dTotal == 0 ? 0.0 : qBound(0.0, 100.0 * double(dBusy) / double(dTotal), 100.0);
    }
    m_node = std::pair(busy, total);
    return percent;
}

StatsTick StatsRateCalculator::next(const RawStatsTick &raw)
{
    const qint64 now = raw.msecs;
    StatsTick tick;
    tick.msecs = now;
    tick.host.msecs = now;
    tick.host.cpuPercent = nodeCpuPercent(raw);
    if (raw.memTotalKiB && raw.memFreeKiB) {
        // Page cache and buffers are reclaimable: count them as free, as `free -h` does.
        const quint64 total = *raw.memTotalKiB;
        const quint64 available =
            qMin(total, *raw.memFreeKiB + raw.memBuffersKiB + raw.memCachedKiB);
        tick.host.memoryUsedKiB = double(total - available);
        tick.host.memoryFreeKiB = double(available);
    }
    tick.hostMemoryUnsupported = raw.memoryUnsupported;
    tick.bulkComplete = raw.bulkComplete;
    tick.allVms = raw.allVms;

    tick.vms.reserve(raw.vms.size());
    int running = 0;
    qsizetype active = 0;
    for (auto it = raw.vms.cbegin(); it != raw.vms.cend(); ++it) {
        const QString &uuid = it.key();
        const RawVmCounters &vm = it.value();
        VmStatsSample s;
        s.msecs = now;
        if (!vm.active) {
            m_vms.remove(uuid); // a restart starts its counters afresh
            tick.vms.insert(uuid, s);
            continue;
        }
        ++active;
        if (vm.running)
            ++running;
        VmCounters &counters = m_vms[uuid];
        counters.running = vm.running;
        if (vm.cpuTimeNs) {
            const double nsPerSecond = counters.cpu.update(*vm.cpuTimeNs, now);
            if (!std::isnan(nsPerSecond))
                s.cpuPercent = qBound(0.0, nsPerSecond / 1e7 / qMax(1, vm.vcpus), 100.0);
        }
        if (vm.balloonKiB)
            s.balloonKiB = double(*vm.balloonKiB);
        if (vm.watched) {
            if (vm.diskReadBytes && vm.diskWriteBytes) {
                s.diskReadBps = counters.diskRead.update(*vm.diskReadBytes, now);
                s.diskWriteBps = counters.diskWrite.update(*vm.diskWriteBytes, now);
            }
            if (vm.netRxBytes && vm.netTxBytes) {
                s.netRxBps = counters.netRx.update(*vm.netRxBytes, now);
                s.netTxBps = counters.netTx.update(*vm.netTxBytes, now);
            }
            if (vm.rssKiB)
                s.rssKiB = double(*vm.rssKiB);
        } else {
            // Unwatched VMs forget their detail counters so a new watcher starts afresh.
            counters.diskRead.reset();
            counters.diskWrite.reset();
            counters.netRx.reset();
            counters.netTx.reset();
        }
        tick.vms.insert(uuid, s);
    }
    if (raw.allVms) {
        // VMs gone from the host (or stopped) lose their counters. Every VM active now
        // has an entry, so equal sizes mean there is nothing to drop.
        if (m_vms.size() != active) {
            for (auto it = m_vms.begin(); it != m_vms.end();) {
                if (raw.vms.contains(it.key()))
                    ++it;
                else
                    it = m_vms.erase(it);
            }
        }
    } else {
        // The VMs not read this time count as they were at their last reading.
        running = 0;
        for (const VmCounters &counters : std::as_const(m_vms))
            running += counters.running ? 1 : 0;
    }
    tick.host.runningVms = running;
    return tick;
}

} // namespace crossvirt::models
