#pragma once

#include <QHash>
#include <QMetaType>
#include <QString>
#include <limits>

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
    bool bulkComplete = false;         ///< virConnectGetAllDomainStats gave every group asked for
    QHash<QString, VmStatsSample> vms; ///< every domain of the host, by UUID
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
