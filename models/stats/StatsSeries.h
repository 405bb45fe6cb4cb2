#pragma once

#include "models/stats/RingBuffer.h"
#include "models/stats/StatsTypes.h"

#include <QList>

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

/// A VM's recent history, oldest first.
struct VmStatsSeries
{
    explicit VmStatsSeries(qsizetype capacity = StatsSettings().historyPoints()) : samples(capacity)
    {}
    RingBuffer<VmStatsSample> samples;
};

/// A cluster's history from its hosts': samples are matched by time slot
/// (`slotMs`, normally the poll interval). CPU % is the average weighted by each
/// host's CPUs; memory and running VMs are summed over the hosts that reported in
/// that slot. A slot where no host reported a value stays a gap. Memory is marked
/// unsupported only when no host reports it.
HostStatsSeries sumHostSeries(const QList<const HostStatsSeries *> &hosts, qint64 slotMs);

} // namespace crossvirt::models
