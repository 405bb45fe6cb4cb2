#pragma once

#include "models/console/VncEndpoint.h"
#include "models/inventory/InventoryTypes.h"

#include <QFuture>

namespace crossvirt::models {

class HostSession;

/// How Crossvirt can reach a VM's consoles, decided from its live XML and the
/// connection's URI.
struct ConsoleAvailability
{
    bool hasGraphics = false; ///< a VNC display exists
    bool hasSerial = false;   ///< a serial or console device exists
    QString graphicsProblem;  ///< why the VNC display cannot be used (tr'd), if so
    /// The driver opens no console stream but takes screenshots (the test driver): a
    /// slowly refreshed screenshot can stand in for the display.
    bool screenshotOnly = false;
};

/// Decides whether a VM's VNC display can be reached from here: a local
/// connection uses virDomainOpenGraphicsFD (no TCP port needed); a remote TCP/TLS
/// host is reached at the URI's host and the display's port when the listen
/// address allows it; an SSH host through an SSH tunnel to the display's TCP port
/// (SshTunnels). Returns the reason when it cannot.
ConsoleAvailability consoleAvailability(const QString &uri, const DomainDetails &details);

/// Resolves a running VM's VNC endpoint on the host's worker thread: a socket from
/// virDomainOpenGraphicsFD for local hypervisors, an SSH tunnel's socket for SSH hosts
/// (made on a pool thread after the XML was read), else host:port. A VM without
/// graphics, or one that cannot be reached, gives VncEndpoint::failed(reason).
QFuture<VncEndpoint> vncEndpointFor(HostSession *session, const QString &uuid);

} // namespace crossvirt::models
