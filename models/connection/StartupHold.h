#pragma once

// Start-up order (issue 18): a window paints before many hosts start connecting.

namespace crossvirt::models {

class Datacenter;

/// From now until releaseHeldOpens(), of the hosts `datacenter` creates to connect at once
/// (the saved autoconnect ones, --connect) only the first `immediate` open; the others
/// wait. A window asks for this before the host list is loaded so that it paints before
/// a hundred hosts' threads start parsing their inventories; one host is not delayed.
void holdOpens(Datacenter *datacenter, int immediate);
/// Opens the hosts held since holdOpens() (those not removed meanwhile), in order.
void releaseHeldOpens(Datacenter *datacenter);
bool holdingOpens(const Datacenter *datacenter);

} // namespace crossvirt::models
