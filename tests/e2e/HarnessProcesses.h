#pragma once

// Process helpers shared by the e2e harness daemons (LibvirtDaemon, RemoteHost).

#include <QString>
#include <libvirt/virterror.h>

namespace crossvirt::test::e2e {

/// The program's path from PATH, else from the sbin folders root's PATH may lack; empty
/// when it is not installed.
QString findProgram(const QString &name);
/// Whether `pid` runs; a zombie ("pid (comm) Z ...") has exited already, it only waits to
/// be reaped, so it counts as gone.
bool processAlive(qint64 pid);
/// A libvirt error handler that prints nothing (probes expect failures).
void quietLibvirtErrors(void *, virErrorPtr);

} // namespace crossvirt::test::e2e
