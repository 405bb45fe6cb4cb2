#pragma once

// Drives the real New VM wizard and the real crossvirt-cli binary with the same choices,
// so a test can prove they give byte-identical domain XML (dialog and e2e tests share it).

#include <QString>

namespace crossvirt::models {
class ClusterList;
class Datacenter;
} // namespace crossvirt::models

namespace crossvirt::test {

struct ParityResult
{
    QString skipped;   ///< set when the host does not offer the arch at all
    QString error;     ///< set when a side failed (its problems or stderr)
    QString dialogXml; ///< the XML the wizard's last page shows
    QString cliXml;    ///< `crossvirt-cli create --dry-run`'s domain_xml
};

/// A guest of `arch` named `name` on the connected host `uri` of `datacenter`, with every
/// default, through NewVmDialog (offscreen) and through `cliPath ... create --dry-run`.
/// `withDisk`: a new volume of the default size in the default pool, else no disk.
ParityResult newVmParity(models::Datacenter &datacenter, models::ClusterList &clusters,
                         const QString &uri, const QString &arch, const QString &name,
                         bool withDisk, const QString &cliPath);

} // namespace crossvirt::test
