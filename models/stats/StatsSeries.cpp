#include "models/stats/StatsSeries.h"

#include <QMap>
#include <algorithm>
#include <cmath>

namespace crossvirt::models {

namespace {

constexpr quint16 kNoCpu = 0xFFFF;
constexpr quint32 kNoKiB = 0xFFFFFFFF;
constexpr int kRates = 4; // disk read, disk write, net rx, net tx

quint16 encodeCpu(double percent)
{
    if (std::isnan(percent))
        return kNoCpu;
    return quint16(
        std::clamp(std::llround(percent * VmSampleRing::kCpuScale), 0LL, qint64(kNoCpu - 1)));
}

double decodeCpu(quint16 v)
{
    return v == kNoCpu ? kNoValue : double(v) / VmSampleRing::kCpuScale;
}

quint32 encodeKiB(double kib)
{
    if (std::isnan(kib))
        return kNoKiB;
    if (kib >= double(kNoKiB - 1)) // 4 TiB and more: the largest value that fits
        return kNoKiB - 1;
    return kib <= 0 ? 0 : quint32(std::llround(kib));
}

double decodeKiB(quint32 v)
{
    return v == kNoKiB ? kNoValue : double(v);
}

struct Slot
{
    double cpuWeighted = 0;
    double cpuWeight = 0;
    double memUsed = 0;
    double memFree = 0;
    double running = 0;
    bool hasMem = false;
    bool hasRunning = false;
    bool hasCpu = false;
};

} // namespace

VmHistoryClock::VmHistoryClock(qsizetype capacity)
    : m_capacity(qMax<qsizetype>(1, capacity)), m_msecs(new qint64[m_capacity]())
{}

void VmHistoryClock::push(qint64 msecs)
{
    m_msecs[m_next] = msecs;
    m_next = (m_next + 1) % m_capacity;
    m_size = qMin(m_size + 1, m_capacity);
}

void VmHistoryClock::setCapacity(qsizetype capacity)
{
    capacity = qMax<qsizetype>(1, capacity);
    const qsizetype keep = qMin(m_size, capacity);
    std::unique_ptr<qint64[]> kept(new qint64[capacity]());
    for (qsizetype i = 0; i < keep; ++i)
        kept[i] = m_msecs[slot(i, keep)];
    m_msecs = std::move(kept);
    m_capacity = capacity;
    m_size = keep;
    m_next = keep % capacity;
}

VmSampleRing::Detail::Detail(qsizetype capacity)
    : rssKiB(new quint32[capacity]), rates(new float[kRates * capacity])
{
    std::fill_n(rssKiB.get(), capacity, kNoKiB);
    std::fill_n(rates.get(), kRates * capacity, std::numeric_limits<float>::quiet_NaN());
}

VmSampleRing::VmSampleRing(const VmHistoryClock *clock)
    : m_clock(clock), m_cpu(new quint16[clock->capacity()]),
      m_balloonKiB(new quint32[clock->capacity()])
{}

VmStatsSample VmSampleRing::at(qsizetype i) const
{
    const qsizetype p = physical(i);
    const qsizetype capacity = m_clock->capacity();
    VmStatsSample s;
    s.msecs = m_clock->msecsAt(p);
    s.cpuPercent = decodeCpu(m_cpu[p]);
    s.balloonKiB = decodeKiB(m_balloonKiB[p]);
    if (m_detail) {
        s.rssKiB = decodeKiB(m_detail->rssKiB[p]);
        s.diskReadBps = m_detail->rates[p];
        s.diskWriteBps = m_detail->rates[capacity + p];
        s.netRxBps = m_detail->rates[2 * capacity + p];
        s.netTxBps = m_detail->rates[3 * capacity + p];
    }
    return s;
}

double VmSampleRing::cpuPercentAt(qsizetype i) const
{
    return decodeCpu(m_cpu[physical(i)]);
}

void VmSampleRing::record(const VmStatsSample &sample)
{
    const qsizetype capacity = m_clock->capacity();
    m_count = qMin(m_count + 1, qMin(capacity, m_clock->size()));
    const qsizetype p = m_clock->newestSlot();
    m_lastReadMsecs = m_clock->msecsAt(p);
    m_cpu[p] = encodeCpu(sample.cpuPercent);
    m_balloonKiB[p] = encodeKiB(sample.balloonKiB);
    const bool hasDetail = !std::isnan(sample.rssKiB) || !std::isnan(sample.diskReadBps) ||
                           !std::isnan(sample.diskWriteBps) || !std::isnan(sample.netRxBps) ||
                           !std::isnan(sample.netTxBps);
    if (hasDetail) {
        m_sinceDetail = 0;
        if (!m_detail)
            m_detail = std::make_unique<Detail>(capacity);
    } else if (m_detail && ++m_sinceDetail >= capacity) {
        m_detail.reset(); // nobody watches it any more and its detail has scrolled out
        return;
    }
    if (m_detail) {
        m_detail->rssKiB[p] = encodeKiB(sample.rssKiB);
        m_detail->rates[p] = float(sample.diskReadBps);
        m_detail->rates[capacity + p] = float(sample.diskWriteBps);
        m_detail->rates[2 * capacity + p] = float(sample.netRxBps);
        m_detail->rates[3 * capacity + p] = float(sample.netTxBps);
    }
}

void VmSampleRing::repeatLast()
{
    if (m_count == 0)
        return;
    const qsizetype capacity = m_clock->capacity();
    const qsizetype p = m_clock->newestSlot();
    const qsizetype previous = (p - 1 + capacity) % capacity;
    m_count = qMin(m_count + 1, qMin(capacity, m_clock->size()));
    m_cpu[p] = m_cpu[previous];
    m_balloonKiB[p] = m_balloonKiB[previous];
    if (m_detail) {
        m_detail->rssKiB[p] = m_detail->rssKiB[previous];
        for (int r = 0; r < kRates; ++r)
            m_detail->rates[r * capacity + p] = m_detail->rates[r * capacity + previous];
    }
}

void VmSampleRing::relayout(const VmHistoryClock::Layout &before)
{
    const qsizetype capacity = m_clock->capacity();
    const qsizetype keep = qMin(m_count, capacity);
    std::unique_ptr<quint16[]> cpu(new quint16[capacity]);
    std::unique_ptr<quint32[]> balloon(new quint32[capacity]);
    std::unique_ptr<Detail> detail = m_detail ? std::make_unique<Detail>(capacity) : nullptr;
    for (qsizetype i = 0; i < keep; ++i) {
        const qsizetype from = before.slot(i, keep);
        const qsizetype to = m_clock->slot(i, keep);
        cpu[to] = m_cpu[from];
        balloon[to] = m_balloonKiB[from];
        if (detail) {
            detail->rssKiB[to] = m_detail->rssKiB[from];
            for (int r = 0; r < kRates; ++r)
                detail->rates[r * capacity + to] = m_detail->rates[r * before.capacity + from];
        }
    }
    m_cpu = std::move(cpu);
    m_balloonKiB = std::move(balloon);
    m_detail = std::move(detail);
    m_count = keep;
    m_sinceDetail = qMin(m_sinceDetail, keep);
}

qsizetype VmSampleRing::heapBytes() const
{
    const qsizetype capacity = m_clock->capacity();
    qsizetype bytes = capacity * qsizetype(sizeof(quint16) + sizeof(quint32));
    if (m_detail)
        bytes += qsizetype(sizeof(Detail)) + capacity * qsizetype(sizeof(quint32)) +
                 kRates * capacity * qsizetype(sizeof(float));
    return bytes;
}

HostStatsSeries sumHostSeries(const QList<const HostStatsSeries *> &hosts, qint64 slotMs)
{
    slotMs = qMax<qint64>(1, slotMs);
    QMap<qint64, Slot> bySlot;
    qsizetype capacity = 1;
    bool anyMemory = false;
    int cpus = 0;
    for (const HostStatsSeries *h : hosts) {
        capacity = qMax(capacity, h->samples.capacity());
        anyMemory = anyMemory || !h->memoryUnsupported;
        cpus += h->cpus;
        const double weight = h->cpus > 0 ? h->cpus : 1;
        for (qsizetype i = 0; i < h->samples.size(); ++i) {
            const HostStatsSample &s = h->samples.at(i);
            Slot &slot = bySlot[s.msecs / slotMs];
            if (!std::isnan(s.cpuPercent)) {
                slot.cpuWeighted += s.cpuPercent * weight;
                slot.cpuWeight += weight;
                slot.hasCpu = true;
            }
            if (!std::isnan(s.memoryUsedKiB) && !std::isnan(s.memoryFreeKiB)) {
                slot.memUsed += s.memoryUsedKiB;
                slot.memFree += s.memoryFreeKiB;
                slot.hasMem = true;
            }
            if (!std::isnan(s.runningVms)) {
                slot.running += s.runningVms;
                slot.hasRunning = true;
            }
        }
    }
    HostStatsSeries out(capacity);
    out.cpus = cpus;
    out.memoryUnsupported = !anyMemory;
    for (auto it = bySlot.cbegin(); it != bySlot.cend(); ++it) {
        HostStatsSample s;
        s.msecs = it.key() * slotMs;
        const Slot &slot = it.value();
        if (slot.hasCpu)
            s.cpuPercent = slot.cpuWeighted / slot.cpuWeight;
        if (slot.hasMem) {
            s.memoryUsedKiB = slot.memUsed;
            s.memoryFreeKiB = slot.memFree;
        }
        if (slot.hasRunning)
            s.runningVms = slot.running;
        out.samples.push(s);
    }
    return out;
}

} // namespace crossvirt::models
