#pragma once

// Drives the real New VM wizard and the real crossvirt-cli binary with the same choices,
// so a test can prove they give byte-identical domain XML (dialog and e2e tests share it).

#include <QString>
#include <QStringList>

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

/// Choices beyond the defaults that the wizard and the CLI are both given.
struct ParityOptions
{
    bool withDisk = true;  ///< a new volume of the default size in the default pool
    QString kernel;        ///< set: direct kernel boot with this kernel (--kernel)
    QString initrd;        ///< --initrd
    QString cmdline;       ///< empty: both keep the arch's default kernel arguments
    QString dtb;           ///< --dtb
    QString console;       ///< empty: the arch's default console
    QStringList bootOrder; ///< a boot order of the user's own (--boot)
};

/// Like newVmParity() below, with `options` set on both sides.
ParityResult newVmParity(models::Datacenter &datacenter, models::ClusterList &clusters,
                         const QString &uri, const QString &arch, const QString &name,
                         const ParityOptions &options, const QString &cliPath);

/// A guest of `arch` named `name` on the connected host `uri` of `datacenter`, with every
/// default, through NewVmDialog (offscreen) and through `cliPath ... create --dry-run`.
/// `withDisk`: a new volume of the default size in the default pool, else no disk.
ParityResult newVmParity(models::Datacenter &datacenter, models::ClusterList &clusters,
                         const QString &uri, const QString &arch, const QString &name,
                         bool withDisk, const QString &cliPath);

} // namespace crossvirt::test
