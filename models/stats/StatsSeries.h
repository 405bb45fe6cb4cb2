#pragma once

#include "models/stats/RingBuffer.h"
#include "models/stats/StatsTypes.h"

#include <QList>
#include <memory>

namespace crossvirt::models {

/// A host's recent history (default 5 minutes at the poll interval), oldest first.
struct HostStatsSeries
{
    explicit HostStatsSeries(qsizetype capacity = StatsSettings().historyPoints())
        : samples(capacity)
    {}
    RingBuffer<HostStatsSample> samples;
    int cpus = 0; ///< weight of this host's CPU % in a cluster sum
    /// The driver has no node memory statistics (virNodeGetMemoryStats unsupported).
    bool memoryUnsupported = false;
};

/// The poll times shared by all the VM histories of one host. Every VM of a host gets
/// a sample (or a gap) at every poll, so their rings move in lock step: one ring of
/// times and one write position serve them all, and a VM keeps only its values.
class VmHistoryClock
{
public:
    explicit VmHistoryClock(qsizetype capacity = StatsSettings().historyPoints());

    qsizetype capacity() const { return m_capacity; }
    /// Polls recorded, up to the capacity.
    qsizetype size() const { return m_size; }
    /// Opens the slot of a new poll at `msecs`; the VMs then record into it.
    void push(qint64 msecs);
    /// Where the i-th (oldest first) of the newest `n` slots is stored.
    qsizetype slot(qsizetype i, qsizetype n) const
    {
        return (m_next - n + i + m_capacity) % m_capacity;
    }
    qsizetype newestSlot() const { return slot(0, 1); }
    qint64 msecsAt(qsizetype slot) const { return m_msecs[slot]; }

    /// Where things were stored before setCapacity(), for VmSampleRing::relayout().
    struct Layout
    {
        qsizetype capacity = 1;
        qsizetype next = 0;
        qsizetype slot(qsizetype i, qsizetype n) const
        {
            return (next - n + i + capacity) % capacity;
        }
    };
    Layout layout() const { return {m_capacity, m_next}; }
    /// Changes the capacity keeping the newest times; the VM rings must then relayout().
    void setCapacity(qsizetype capacity);

private:
    qsizetype m_capacity;
    qsizetype m_next = 0; ///< the slot the next push writes
    qsizetype m_size = 0;
    std::unique_ptr<qint64[]> m_msecs;
};

/// A VM's recent history in a compact form (about 6 bytes a sample instead of 64):
/// CPU % in fixed point (hundredths of a percent, up to 655.34), the balloon in whole
/// KiB, and the detail (RSS in KiB, disk and network rates as float) only once the VM
/// has had some, since only watched VMs collect it. at() gives the samples back as
/// VmStatsSample, equal to what was recorded within that precision.
class VmSampleRing
{
public:
    explicit VmSampleRing(const VmHistoryClock *clock);

    qsizetype capacity() const { return m_clock->capacity(); }
    qsizetype size() const { return m_count; }
    bool isEmpty() const { return m_count == 0; }
    /// The i-th sample, oldest first.
    VmStatsSample at(qsizetype i) const;
    VmStatsSample last() const { return at(m_count - 1); }
    /// at(i).cpuPercent without decoding the rest (the sparkline's read).
    double cpuPercentAt(qsizetype i) const;

    /// Stores `sample` in the clock's newest slot (its time is the clock's).
    void record(const VmStatsSample &sample);
    /// The VM was not read at this poll (off screen): its last value fills the clock's
    /// newest slot, so the ring stays in step. Nothing when it has no sample yet.
    void repeatLast();
    /// The clock time of the last record() (not repeatLast()), 0 before any.
    qint64 lastReadMsecs() const { return m_lastReadMsecs; }
    /// Moves the values to where the clock keeps them after its setCapacity().
    void relayout(const VmHistoryClock::Layout &before);
    /// Heap bytes this history holds (tests, benchmarks).
    qsizetype heapBytes() const;

    static constexpr double kCpuScale = 100.0; ///< stored units per percent

private:
    struct Detail
    {
        explicit Detail(qsizetype capacity);
        std::unique_ptr<quint32[]> rssKiB;
        std::unique_ptr<float[]> rates; ///< [disk read, disk write, net rx, net tx][slot]
    };
    qsizetype physical(qsizetype i) const { return m_clock->slot(i, m_count); }

    const VmHistoryClock *m_clock;
    qsizetype m_count = 0;
    qsizetype m_sinceDetail = 0; ///< samples since the last one with any detail value
    qint64 m_lastReadMsecs = 0;
    std::unique_ptr<quint16[]> m_cpu;
    std::unique_ptr<quint32[]> m_balloonKiB;
    std::unique_ptr<Detail> m_detail;
};

/// A VM's recent history, oldest first.
struct VmStatsSeries
{
    explicit VmStatsSeries(const VmHistoryClock *clock) : samples(clock) {}
    VmSampleRing samples;
};

/// A cluster's history from its hosts': samples are matched by time slot
/// (`slotMs`, normally the poll interval). CPU % is the average weighted by each
/// host's CPUs; memory and running VMs are summed over the hosts that reported in
/// that slot. A slot where no host reported a value stays a gap. Memory is marked
/// unsupported only when no host reports it.
HostStatsSeries sumHostSeries(const QList<const HostStatsSeries *> &hosts, qint64 slotMs);

} // namespace crossvirt::models
