#pragma once

#include "models/stats/StatsTypes.h"

#include <QHash>
#include <QtGlobal>
#include <optional>

namespace crossvirt::models {

/// Turns one monotonically increasing counter (bytes, CPU nanoseconds) into a
/// per-second rate. A counter that goes down means the VM restarted or the
/// counter was reset: that tick has no rate (NaN), never a negative one.
class RateCalculator
{
public:
    /// Records `counter` read at `msecs` (a monotonic or wall clock in ms) and
    /// returns the rate per second since the previous reading, or NaN when there
    /// is none (first reading, reset, or no time passed).
    double update(quint64 counter, qint64 msecs);
    /// Forgets the previous reading (VM stopped, host reconnected).
    void reset() { m_last.reset(); }
    bool hasReading() const { return m_last.has_value(); }

private:
    struct Reading
    {
        quint64 counter;
        qint64 msecs;
    };
    std::optional<Reading> m_last;
};

/// Pure: turns the raw counters of one host's consecutive polls into samples. Rates
/// need two readings, so the first poll of a VM (or after its restart, a reset, or a
/// reconnection) has gaps (NaN), never zeros or negative numbers. Owned by one host's
/// collector; not thread-safe.
class StatsRateCalculator
{
public:
    /// The samples of this poll; remembers its counters for the next one. A poll
    /// that read only some VMs (RawStatsTick::allVms false) leaves the others' counters
    /// alone and counts them as running or not by their last reading.
    StatsTick next(const RawStatsTick &raw);
    /// Forgets every previous reading (the host reconnected: counters not comparable).
    void reset();

private:
    struct VmCounters
    {
        RateCalculator cpu, diskRead, diskWrite, netRx, netTx;
        bool running = false; ///< at its last reading: counted in the host's running VMs
    };
    double nodeCpuPercent(const RawStatsTick &raw);

    QHash<QString, VmCounters> m_vms;
    std::optional<std::pair<quint64, quint64>> m_node; ///< busy, total of the last poll
};

} // namespace crossvirt::models
