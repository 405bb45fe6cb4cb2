#pragma once

// Internal to models/: worker-thread code only (calls libvirt).

#include "models/stats/StatsTypes.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>

struct _virConnect;
struct _virDomain;

namespace crossvirt::models {

/// What the GUI thread hands to one poll: a snapshot, never shared state.
struct StatsReadRequest
{
    StatsSettings settings;
    QSet<QString> watched;     ///< VMs whose detail (disk, network, RSS) is shown
    QHash<QString, int> vcpus; ///< by UUID, from the inventory
};

/// Reads one host's counters on its worker thread: node CPU and memory, then every
/// VM with one virConnectGetAllDomainStats call, falling back to per-domain calls only
/// for what the bulk call lacked (CPU and balloon for running VMs; disk, network and
/// RSS only for watched VMs). No rates: StatsRateCalculator makes those. Remembers
/// what a driver cannot do, and the device names of watched VMs, between polls.
class StatsReader
{
public:
    /// Throws LibvirtError when the host's domains cannot be listed at all.
    RawStatsTick read(_virConnect *conn, const StatsReadRequest &request);

private:
    struct DeviceNames
    {
        QList<QByteArray> disks; ///< target dev names (vda, sda)
        QList<QByteArray> nics;  ///< MAC addresses (every driver accepts them)
    };
    const DeviceNames &devicesOf(_virDomain *dom, const QString &uuid);
    void readDetailPerDomain(_virDomain *dom, const QString &uuid, const StatsSettings &settings,
                             RawVmCounters &out);

    QHash<QString, DeviceNames> m_devices;
    bool m_memoryUnsupported = false;
    bool m_listStatsUseless = false; // virDomainListGetStats gave no block/net data before
};

} // namespace crossvirt::models
