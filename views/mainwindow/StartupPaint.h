#pragma once

class QWidget;

namespace crossvirt::models {
class Datacenter;
}

namespace crossvirt::views {

/// Call before the host list is loaded: the hosts past the first few (as many as leave a
/// core for the GUI thread, at least one) open once `window` has painted, or after two
/// seconds if it never does, so that the first paint does not wait for a hundred hosts'
/// threads to parse their inventories (issue 18).
void holdHostsUntilPainted(QWidget *window, models::Datacenter *datacenter);

} // namespace crossvirt::views
