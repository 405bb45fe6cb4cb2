#pragma once

#include "arch/ArchModel.h"
#include "models/provisioning/StorageInventory.h"
#include "models/provisioning/VmSpec.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace crossvirt::models {

/// One problem with a spec: the field it belongs to (for the inline message) and a
/// translated sentence. Field ids: "name", "arch", "machine", "memory", "vcpus", "cpu",
/// "firmware", "pool", "volume", "size", "format", "diskInterface", "cdrom",
/// "cdromInterface", "network", "nicModel", "graphics", "video", "console", "vm", "install",
/// "kernel", "initrd", "dtb", "bootOrder", "extraDisks", "extraNics".
struct ValidationProblem
{
    QString field;
    QString message;
};

/// What the host says that a spec is checked against.
struct ValidationHost
{
    quint64 hostMemoryKiB = 0;                ///< 0 = unknown (not checked)
    const StorageSnapshot *storage = nullptr; ///< nullptr = pools/names not checked
};

/// Checks a VmSpec / AttachDiskSpec against the arch rules for its guest context and
/// against the host: every problem a dialog shows inline (and the CLI prints).
class VmSpecValidator
{
    Q_DECLARE_TR_FUNCTIONS(VmSpecValidator)

public:
    static QList<ValidationProblem> validate(const VmSpec &spec, const arch::ArchModel &model,
                                             const arch::GuestContext &ctx,
                                             const ValidationHost &host);
    /// `ctx.running` says whether the VM runs (only hot-pluggable interfaces then).
    static QList<ValidationProblem> validate(const AttachDiskSpec &spec,
                                             const arch::ArchModel &model,
                                             const arch::GuestContext &ctx,
                                             const ValidationHost &host);
    /// Problems for a new volume of `sizeGiB` in `pool` (size > 0, fits the free space).
    static QList<ValidationProblem> sizeProblems(qint64 sizeGiB, const PoolContents *pool);
    /// Messages of `problems` for one field.
    static QStringList messagesFor(const QList<ValidationProblem> &problems, const QString &field);

private:
    static void checkInstall(QList<ValidationProblem> &out, const VmSpec &spec,
                             const arch::ArchModel &model, const arch::GuestContext &ctx);
    static void checkExtraDevices(QList<ValidationProblem> &out, const VmSpec &spec,
                                  const arch::ArchModel &model, const arch::GuestContext &ctx,
                                  const ValidationHost &host);
    static void checkBootOrder(QList<ValidationProblem> &out, const VmSpec &spec,
                               const arch::ArchModel &model, const arch::GuestContext &ctx);
};

} // namespace crossvirt::models
