#pragma once

// Internal to models/: worker-thread code only (calls libvirt).

#include "models/connection/LibvirtHandles.h"
#include "models/stats/StatsTypes.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <unordered_map>

struct _virConnect;
struct _virDomain;

namespace crossvirt::models {

/// What the GUI thread hands to one poll: a snapshot, never shared state.
struct StatsReadRequest
{
    StatsSettings settings;
    QSet<QString> watched;     ///< VMs whose detail (disk, network, RSS) is shown
    QHash<QString, int> vcpus; ///< by UUID, from the inventory
    /// Read every VM of the host (one bulk call). False: read only the `onScreen` and
    /// `watched` VMs (virDomainListGetStats on kept handles), so a host of thousands of
    /// VMs costs per tick what the window shows; the collector reads all of them every
    /// few ticks and when the inventory changes.
    bool allVms = true;
    QSet<QString> onScreen; ///< VMs whose row (CPU sparkline) is on screen
};

/// Reads one host's counters on its worker thread: node CPU and memory, then every
/// VM with one virConnectGetAllDomainStats call (or only those on screen and watched,
/// see StatsReadRequest::allVms), falling back to per-domain calls only
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
    /// Handles of the VMs a partial read asks for, kept between polls (no lookup per
    /// tick: a remote host would answer one call per VM).
    QList<_virDomain *> handlesFor(_virConnect *conn, const QSet<QString> &uuids);
    void readDetailPerDomain(_virDomain *dom, const QString &uuid, const StatsSettings &settings,
                             RawVmCounters &out);

    QHash<QString, DeviceNames> m_devices;
    std::unordered_map<QString, DomainHandle> m_handles;
    _virConnect *m_handlesConn = nullptr; // the connection m_handles belong to
    bool m_memoryUnsupported = false;
    bool m_listStatsUseless = false; // virDomainListGetStats gave no block/net data before
};

} // namespace crossvirt::models
