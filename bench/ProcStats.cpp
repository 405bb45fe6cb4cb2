#include "bench/ProcStats.h"

#include <QByteArray>
#include <QFile>
#include <QList>
#include <ctime>
#include <unistd.h>

namespace crossvirt::bench {

namespace {

QByteArray readProcFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll(); // /proc files report size 0: read until EOF
}

// The fields of /proc/self/stat after the command name, which may hold spaces and
// parentheses: field 3 (state) is the first element.
QString procDir(qint64 pid)
{
    return pid > 0 ? QStringLiteral("/proc/%1").arg(pid) : QStringLiteral("/proc/self");
}

QList<QByteArray> statFields(qint64 pid = 0)
{
    const QByteArray stat = readProcFile(procDir(pid) + QStringLiteral("/stat"));
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return {};
    return stat.mid(close + 2).split(' ');
}

double statusKiB(const QByteArray &status, const char *key)
{
    for (const QByteArray &line : status.split('\n')) {
        if (line.startsWith(key))
            return line.mid(qstrlen(key)).trimmed().split(' ').first().toDouble();
    }
    return -1;
}

qint64 clockNs(clockid_t clock)
{
    timespec ts{};
    clock_gettime(clock, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

} // namespace

ProcSample sampleSelf()
{
    return sampleProcess(0);
}

ProcSample sampleProcess(qint64 pid)
{
    ProcSample s;
    const QList<QByteArray> f = statFields(pid);
    if (f.isEmpty()) // gone, or not ours to read
        return {-1, -1, -1};
    const double tick = double(sysconf(_SC_CLK_TCK));
    if (f.size() > 12) // utime is field 14, stime 15
        s.cpuSeconds = (f[11].toDouble() + f[12].toDouble()) / tick;
    const QByteArray status = readProcFile(procDir(pid) + QStringLiteral("/status"));
    s.rssMB = statusKiB(status, "VmRSS:") * 1024.0 / 1e6;
    s.peakRssMB = statusKiB(status, "VmHWM:") * 1024.0 / 1e6;
    return s;
}

double secondsSinceProcessStart()
{
    const QList<QByteArray> f = statFields();
    if (f.size() <= 19) // starttime is field 22
        return -1;
    const double started = f[19].toDouble() / double(sysconf(_SC_CLK_TCK));
    return double(clockNs(CLOCK_BOOTTIME)) / 1e9 - started;
}

qint64 monotonicNs()
{
    return clockNs(CLOCK_MONOTONIC);
}

} // namespace crossvirt::bench
