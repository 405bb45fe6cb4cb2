#include "models/stats/StatsSeries.h"

#include <QMap>
#include <cmath>

namespace crossvirt::models {

namespace {

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
