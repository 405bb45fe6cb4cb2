#pragma once

// Internal to models/: the worker-thread halves of the template jobs, for models/ (VM
// pools) and tests that drive a libvirt connection directly.

#include "models/connection/LibvirtHandles.h"
#include "models/templates/VmTemplates.h"

#include <QCoreApplication>

namespace crossvirt::models {

/// Translation context of the template jobs' steps and refusals.
struct TemplateText
{
    Q_DECLARE_TR_FUNCTIONS(TemplateText)
};

/// A template (or any domain) read from its inactive XML, its disks' volumes looked up.
TemplateInfo readTemplateInfo(virConnectPtr conn, const QString &uri, const QString &xml);
/// Names of the VMs of the host (the template aside) with a disk backed by one of its base
/// volumes, or made from it as overlays (Crossvirt's metadata).
QStringList templateUsers(virConnectPtr conn, const TemplateInfo &tmpl);
/// Defines `xml`, validated against libvirt's schema where the driver can; false with
/// libvirt's last error set when refused.
bool defineValidated(virConnectPtr conn, const QString &xml, DomainHandle *out = nullptr);

TemplateInfo makeTemplate(virConnectPtr conn, const QString &uri, const QString &uuid,
                          const QString &description);
QList<TemplateInfo> listTemplates(virConnectPtr conn, const QString &uri);
void deleteTemplate(virConnectPtr conn, const QString &uri, const QString &uuid, bool withVolumes);

} // namespace crossvirt::models
