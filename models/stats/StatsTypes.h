#pragma once

#include <QHash>
#include <QMetaType>
#include <QString>
#include <limits>
#include <optional>

namespace crossvirt::models {

inline constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

/// One host reading. NaN in a field means "no value at this time" (a gap: host
/// disconnected, first reading, counter reset, or the driver does not report it).
struct HostStatsSample
{
    qint64 msecs = 0; ///< wall clock, ms since the epoch
    double cpuPercent = kNoValue;
    double memoryUsedKiB = kNoValue;
    double memoryFreeKiB = kNoValue;
    double runningVms = kNoValue;
};

/// One VM reading; rates are per second. NaN = gap or not collected.
struct VmStatsSample
{
    qint64 msecs = 0;
    double cpuPercent = kNoValue;  ///< of the VM's own vCPUs (100 = all busy)
    double balloonKiB = kNoValue;  ///< current balloon size (memory the guest has)
    double rssKiB = kNoValue;      ///< resident set of the QEMU process
    double diskReadBps = kNoValue; ///< bytes per second, all disks
    double diskWriteBps = kNoValue;
    double netRxBps = kNoValue; ///< bytes per second, all interfaces
    double netTxBps = kNoValue;
};

/// What one poll of a host produced, handed from its worker thread to the GUI.
struct StatsTick
{
    qint64 msecs = 0;
    HostStatsSample host;
    bool hostMemoryUnsupported = false;
    bool bulkComplete = false; ///< virConnectGetAllDomainStats gave every group asked for
    /// Every domain of the host was read. False on the ticks that read only the VMs on
    /// screen or watched (StatsReadRequest::allVms): the others keep their last sample.
    bool allVms = true;
    QHash<QString, VmStatsSample>
        vms; ///< the domains read (all of the host's when allVms), by UUID
};

/// One VM's counters as libvirt gave them in one poll, before any rate. A field is
/// empty when it was not collected (settings, not watched) or the driver lacks it.
struct RawVmCounters
{
    bool active = false;  ///< running, blocked, paused, shutting down or suspended
    bool running = false; ///< running or blocked: counted as a running VM
    bool watched = false; ///< someone shows its detail (disk, network, RSS)
    int vcpus = 0;
    std::optional<quint64> cpuTimeNs;                     ///< cumulative CPU time of the VM
    std::optional<quint64> balloonKiB;                    ///< current balloon size
    std::optional<quint64> diskReadBytes, diskWriteBytes; ///< all disks, cumulative
    std::optional<quint64> netRxBytes, netTxBytes;        ///< all interfaces, cumulative
    std::optional<quint64> rssKiB;
};

/// A host's counters from one poll (worker side, StatsReader), the input of the pure
/// StatsRateCalculator.
struct RawStatsTick
{
    qint64 msecs = 0;
    std::optional<double> cpuUtilization;           ///< a driver that gives the percentage itself
    std::optional<quint64> cpuBusy, cpuTotal;       ///< cumulative node CPU time (kernel+user, all)
    std::optional<quint64> memTotalKiB, memFreeKiB; ///< both or neither
    quint64 memBuffersKiB = 0, memCachedKiB = 0;
    bool memoryUnsupported = false;
    bool bulkComplete = false;
    bool allVms = true;                ///< see StatsTick::allVms
    QHash<QString, RawVmCounters> vms; ///< the domains read, by UUID
};

/// User preferences for statistics collection (QSettings group "stats").
struct StatsSettings
{
    static constexpr int kDefaultIntervalSeconds = 3;
    static constexpr int kMinimumIntervalSeconds = 1;
    static constexpr int kHistorySeconds = 300; ///< the charts' time window

    int intervalSeconds = kDefaultIntervalSeconds;
    bool collectCpu = true;
    bool collectMemory = true;
    bool collectDisk = true;
    bool collectNetwork = true;

    /// Points kept per series: the history window at this interval.
    int historyPoints() const { return kHistorySeconds / intervalSeconds + 1; }

    static StatsSettings load();
    void save() const;
    bool operator==(const StatsSettings &) const = default;
};

} // namespace crossvirt::models

Q_DECLARE_METATYPE(crossvirt::models::StatsTick)
