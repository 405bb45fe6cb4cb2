#pragma once

// Internal to models/: the worker-thread halves of the VM editing jobs, for models/ and for
// tests that drive a libvirt connection directly. views/ and app/ use the QFuture entry
// points of VmEdit.h instead.

#include "models/connection/LibvirtHandles.h"
#include "models/vmedit/VmEdit.h"

#include <libvirt/libvirt.h>

namespace crossvirt::models {

/// loadVmForEdit() on `conn` (worker thread only); throws LibvirtError.
VmEditContext loadVmForEdit(virConnectPtr conn, const QString &uri, const QString &uuid);
/// applyEdit() on `conn` (worker thread only); throws LibvirtError.
EditResult applyEdit(virConnectPtr conn, const EditPlan &plan);
/// defineEditedXml() on `conn` (worker thread only); throws LibvirtError.
void defineEditedXml(virConnectPtr conn, const QString &uuid, const QString &xml);
/// Defines `xml` (a new domain or a new definition of one), validated against libvirt's
/// schema first where the driver can (VIR_DOMAIN_DEFINE_VALIDATE); null with libvirt's last
/// error set when it fails. Worker thread only.
DomainHandle defineDomainXml(virConnectPtr conn, const QString &xml, bool validate);
/// hostDevices() on `conn` (worker thread only); throws LibvirtError.
QList<HostDeviceInfo> hostDevices(virConnectPtr conn);

} // namespace crossvirt::models
