#pragma once

#include "arch/ArchModel.h"
#include "models/provisioning/VmSpec.h"

#include <QCoreApplication>
#include <QString>
#include <optional>

namespace crossvirt::models {

/// Writes the domain XML of a new VM with QXmlStreamWriter only (names and paths are
/// escaped by the writer, never pasted). A plain serializer: the arch class decides every
/// device (ArchModel::devicePlan); nothing here knows an arch.
class DomainXmlBuilder
{
    Q_DECLARE_TR_FUNCTIONS(DomainXmlBuilder)

public:
    /// The domain XML for `spec`. `ctx` is the guest's context (arch, machine, virtType,
    /// domain capabilities) the spec's choices were made in; `model` its arch model.
    static QString domainXml(const VmSpec &spec, const arch::ArchModel &model,
                             const arch::GuestContext &ctx);
    /// <volume> XML for a new volume of `sizeGiB` GiB in `format` ("qcow2" or "raw").
    static QString volumeXml(const QString &name, qint64 sizeGiB, const QString &format);
};

/// Where and how a new disk goes into an existing VM.
struct DiskAttachPlan
{
    QString targetDev;     ///< "vdb", "sdc": the first name free on that prefix
    QString bus;           ///< libvirt target bus
    QString diskXml;       ///< <disk> element to attach
    QString controllerXml; ///< <controller> to add first, or empty when one exists
    QString error;         ///< translated; set when the disk cannot be placed
};

/// Plans a new disk for an existing VM from its domain XML (for a running VM pass the
/// live XML; names used in its inactive XML are passed in `alsoUsedTargets`).
class DiskXmlBuilder
{
    Q_DECLARE_TR_FUNCTIONS(DiskXmlBuilder)

public:
    /// `interfaceId` is an ArchModel disk interface id; the disk's source is
    /// pool/volume with `format`.
    static DiskAttachPlan plan(const QString &domainXml, const arch::ArchModel &model,
                               const QString &interfaceId, const QString &pool,
                               const QString &volume, const QString &format,
                               const QStringList &alsoUsedTargets = {});
    /// Inserts `deviceXml` (one element) at the end of <devices> of `domainXml`, copying
    /// everything else token by token (used to add a device to an inactive definition
    /// where the driver cannot attach, e.g. the test driver).
    static QString withDevice(const QString &domainXml, const QString &deviceXml);
};

} // namespace crossvirt::models
