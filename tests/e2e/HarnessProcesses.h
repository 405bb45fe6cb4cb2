#pragma once

// Process helpers shared by the e2e harness daemons (LibvirtDaemon, RemoteHost).

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <libvirt/virterror.h>

namespace crossvirt::test::e2e {

/// The program's path from PATH, else from the sbin folders root's PATH may lack; empty
/// when it is not installed.
QString findProgram(const QString &name);
/// Runs a short command: its exit code (-1: it did not start or finish within `timeoutMs`,
/// or crashed), its merged output trimmed in *output; `input` goes to its stdin (secrets
/// travel there, never on a command line).
int runProgram(const QString &program, const QStringList &args, QString *output = nullptr,
               const QByteArray &input = {}, int timeoutMs = 30'000);
/// Whether `pid` runs; a zombie ("pid (comm) Z ...") has exited already, it only waits to
/// be reaped, so it counts as gone.
bool processAlive(qint64 pid);
/// SIGTERM, then SIGKILL after 10 s, for processes this one did not start (no QProcess);
/// returns once they are gone or 15 s have passed.
void terminatePids(const QList<qint64> &pids);
inline void terminatePid(qint64 pid)
{
    terminatePids({pid});
}
/// Whether something accepts connections on the unix socket `path`.
bool unixSocketAnswers(const QString &path);
bool writeTextFile(const QString &path, const QString &text);
/// The last `lines` non-empty lines of a text file (empty when it cannot be read).
QString tailOfFile(const QString &path, int lines);
/// A libvirt error handler that prints nothing (probes expect failures).
void quietLibvirtErrors(void *, virErrorPtr);

} // namespace crossvirt::test::e2e
