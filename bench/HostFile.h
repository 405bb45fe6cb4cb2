#pragma once

#include <QString>

namespace crossvirt::bench {

/// Writes a libvirt test-driver host file (test:///PATH) with `vms` running x86_64
/// guests named h<hostNo>-vm<NNNN>, each with what the demo hosts' guests have: a
/// qcow2 virtio disk, a virtio NIC, VNC graphics, video and a serial port. UUIDs are
/// derived from the names, so the same file is written every time.
bool writeHostFile(const QString &path, int hostNo, int vms);

/// The name writeHostFile gives VM `vm` of host `hostNo`.
QString benchVmName(int hostNo, int vm);

} // namespace crossvirt::bench
