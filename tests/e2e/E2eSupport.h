#pragma once

// Helpers the app-code e2e tests share: a HostSession on the harness's daemon, waiting for
// the futures the models hand out, and checking that a guest's QEMU really runs.

#include "e2e/GuestReport.h"
#include "e2e/LibvirtDaemon.h"
#include "models/connection/HostSession.h"

#include <QByteArray>
#include <QFuture>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <type_traits>

namespace crossvirt::models {
class SerialConsoleSession;
}

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

/// The e2e guest's serial console (tests/e2e/guest): its boot report, and the shell it
/// runs afterwards (prompt `crossvirt-guest# `) driven by typing commands, as a user at the
/// console would, to see a change from inside the guest.
class GuestShell
{
public:
    GuestShell(models::HostSession *session, const QString &uuid);
    ~GuestShell();
    GuestShell(const GuestShell &) = delete;
    GuestShell &operator=(const GuestShell &) = delete;

    /// Opens the console (SerialConsoleSession); false when it did not open in time.
    bool open(int timeoutMs = 20'000);
    /// Waits for the boot's CROSSVIRT-READY and the shell's prompt; the report, or nullopt.
    std::optional<GuestReport> waitForReport(int timeoutMs);
    /// Types `command` (one line of busybox sh) and returns what it printed, stdout and
    /// stderr, with \r and terminal escapes removed and trimmed; nullopt when the shell did
    /// not finish it within `timeoutMs`. The end marker is computed by the shell, so the
    /// echoed command line cannot be mistaken for output.
    std::optional<QString> run(const QString &command, int timeoutMs = 30'000);
    /// run() until `done(output)` holds (the guest reacts to hot-plug asynchronously):
    /// that output, or nullopt when it never held within `timeoutMs` (*lastOutput then
    /// holds the last answer, for the failure message).
    std::optional<QString> runUntil(const QString &command,
                                    const std::function<bool(const QString &)> &done, int timeoutMs,
                                    QString *lastOutput = nullptr, int intervalMs = 1000);

    const GuestConsoleLog &log() const { return m_log; }
    /// The last console lines, for failure messages.
    std::string tail(int lines = 30) const;
    /// Why the console closed (empty while open or closed on purpose).
    QString closeReason() const { return m_closeReason; }

private:
    std::unique_ptr<models::SerialConsoleSession> m_console;
    GuestConsoleLog m_log;
    QByteArray m_raw;
    QString m_closeReason;
    int m_commands = 0;
};

/// What one run of crossvirt-cli gave: exit code (-1 when it crashed or timed out), stdout,
/// stderr and how long it took.
struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QString err;
    qint64 ms = 0;
    QJsonObject json() const;
};

/// Runs the crossvirt-cli at `cliPath` with `args` (killed after `timeoutMs`), in `env` when
/// given, with `input` on its stdin (then closed).
CliRun runCliProgram(const QString &cliPath, const QStringList &args, int timeoutMs = 120'000,
                     const QProcessEnvironment *env = nullptr, const QByteArray &input = {});

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
