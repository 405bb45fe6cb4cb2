#pragma once

// Helpers the app-code e2e tests share: a HostSession on the harness's daemon, waiting for
// the futures the models hand out, and checking that a guest's QEMU really runs.

#include "e2e/LibvirtDaemon.h"
#include "models/connection/HostSession.h"

#include <QFuture>
#include <QString>

#include <memory>
#include <optional>
#include <stdexcept>
#include <type_traits>

namespace crossvirt::test::e2e {

/// Prints one "[ tag ] text" line (gtest style) and flushes, so ctest logs show progress.
void info(const QString &tag, const QString &text);

/// Runs the event loop until `future` finishes (or throws std::runtime_error after
/// `timeoutMs`), then returns its result; a failed future rethrows its exception
/// (models::LibvirtError for the models' jobs).
template<typename T> T await(QFuture<T> future, int timeoutMs = 120'000);

/// A HostSession on `uri`, opened and connected (nullptr with *error when it did not
/// connect within `timeoutMs`).
std::unique_ptr<models::HostSession> openSession(const QString &uri, QString *error,
                                                 int timeoutMs = 30'000);

/// The pid QEMU of domain `name` runs as, when its pid file names a live process whose
/// command line carries guest=NAME; nullopt otherwise.
std::optional<qint64> livingQemuPid(const QString &name);

/// The text of an exception thrown by await() (LibvirtError::text() or what()).
QString exceptionText(std::exception_ptr e);

/// Creates and starts a VM of `arch` with the arch's defaults on `session`'s host through
/// the New VM dialog's code (HostChoicesProvider -> computeGuestChoices -> planCreateVm ->
/// createVm). `graphics` overrides the default ("none": the serial port is the console);
/// `diskGiB` > 0 adds a new thin qcow2 volume in the harness pool. KVM or TCG as the
/// harness says; on a KVM x86_64 host QEMU's default CPU is used (a nested host refuses
/// host-model, see e2e-matrix-findings.md). Returns the uuid, or empty with *error.
QString createDefaultGuest(models::HostSession *session, const LibvirtDaemon &daemon,
                           const QString &arch, const QString &name, QString *error,
                           const QString &graphics = {}, qint64 diskGiB = 0);

// ---- implementation ---------------------------------------------------------------------

bool waitForFuture(const std::function<bool()> &finished, int timeoutMs);

template<typename T> T await(QFuture<T> future, int timeoutMs)
{
    if (!waitForFuture([&future] { return future.isFinished(); }, timeoutMs))
        throw std::runtime_error("timed out waiting for the host's worker thread");
    if constexpr (std::is_void_v<T>)
        future.waitForFinished(); // rethrows a stored exception
    else
        return future.result();
}

} // namespace crossvirt::test::e2e
