#pragma once

// Checks a NetworkSpec against itself and the host's other networks before libvirt is
// asked for anything. Pure: the same rules for the New Network dialog, the CLI and the
// worker job (which checks again against what the host has at that moment).

#include "models/network/NetworkTypes.h"

#include <QList>
#include <QPair>

namespace crossvirt::models {

/// One refused field: "name", "ipv4", "dhcp", "ipv6", "domain" or "bridge", and why.
struct NetworkProblem
{
    QString field;
    QString text;
};

/// Every problem of `spec` on a host whose networks are `existing`; empty when it is fine.
QList<NetworkProblem> validateNetworkSpec(const NetworkSpec &spec,
                                          const QList<VirtualNetwork> &existing);

/// The usual DHCP range of an IPv4 CIDR: from the second host address to the last one
/// before the broadcast (192.168.122.0/24 -> .2 – .254). Empty for an invalid CIDR or a
/// subnet too small to have one.
QPair<QString, QString> suggestedDhcpRange(const QString &ipv4Cidr);

/// What libvirt itself ships as `default`: NAT, virbr0, 192.168.122.0/24, DHCP
/// .2 – .254, started and autostarted (what virt-install and virt-manager expect).
NetworkSpec defaultNatNetworkSpec();

/// Whether `networks` has one called `default`.
bool hasDefaultNetwork(const QList<VirtualNetwork> &networks);

} // namespace crossvirt::models
