#pragma once

#include <QtGlobal>

namespace crossvirt::bench {

/// What the kernel says about this process (/proc/self), the same figures a tool
/// like `ps` or `top` shows for any other program, virt-manager included.
struct ProcSample
{
    double cpuSeconds = 0; ///< utime + stime of every thread since the process started
    double rssMB = 0;      ///< VmRSS, in MB (10^6 bytes)
    double peakRssMB = 0;  ///< VmHWM: the highest VmRSS so far, in MB
};

ProcSample sampleSelf();
/// The same figures for another process (/proc/<pid>), e.g. the libvirtd that serves the
/// hosts in `--gui --daemon`; every field -1 when it cannot be read.
ProcSample sampleProcess(qint64 pid);
/// Seconds since this process was started (fork), from /proc/self/stat's starttime
/// (clock ticks after boot, so at most one tick early) and CLOCK_BOOTTIME.
double secondsSinceProcessStart();
/// CLOCK_MONOTONIC in nanoseconds, the clock QElapsedTimer uses.
qint64 monotonicNs();

} // namespace crossvirt::bench
