#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <utility>

namespace crossvirt::bench {

struct Percentiles
{
    double p50 = 0, p99 = 0, max = 0;
    int count = 0;
};
Percentiles percentiles(QList<double> values);

/// The figures of one `crossvirt-bench --gui` scenario (one child process), or of
/// virt-manager measured by bench/compare-virt-manager.sh (the CPU and RSS fields only;
/// the rest stay negative: not measured).
struct GuiResult
{
    QString program = QStringLiteral("Crossvirt");
    int hosts = 0;
    int vms = 0; ///< per host
    int warmupSeconds = 0;
    int steadySeconds = 0;
    QString error; ///< set when the run did not finish; the figures are then partial
    QString note;  ///< said below the table (virt-manager: how much it had loaded)

    double firstPaintMs = -1;     ///< process start → main window painted
    double inventoryModelMs = -1; ///< process start → every VM in the tree's model
    double inventoryShownMs = -1; ///< … and the tree painted after that
    double cpuToInventorySeconds = -1;
    double warmupCpuSeconds = -1;   ///< process CPU from start to the end of the warm-up
    double steadyCpuPerMinute = -1; ///< process CPU-s per minute after the warm-up
    double rssMB = -1;              ///< VmRSS at the end of the steady window
    double peakRssMB = -1;          ///< VmHWM at the end of the run
    Percentiles loopConnecting;     ///< 1 ms timer lateness until the inventory was shown
    Percentiles loopPolling;        ///< … in a window of steady polling
    /// The same probe in an idle process just before the run: what the machine's
    /// scheduler alone adds (a loaded machine delays every program).
    Percentiles loopIdleBaseline;
    Percentiles keystroke;          ///< key press → proxy re-filtered → tree painted
    Percentiles keystrokeSync;      ///< key press → the key event returned (re-filter)
    QList<double> keystrokeSamples; ///< every keystroke's key → paint time, in order
    int keystrokesUnpainted = 0;    ///< keystrokes after which the tree did not repaint
    /// Where the time to the first paint went: ms since process start at each step of
    /// the start (main entered, application, window built, hosts opened, shown, loop).
    QList<std::pair<QString, double>> startupMs;
    /// --daemon: the hosts were served by a private libvirtd; its own figures, from
    /// /proc/<its pid>, taken at the same moments as the GUI's.
    bool daemon = false;
    double daemonCpuToInventorySeconds = -1; ///< its CPU from its start to inventory shown
    double daemonSteadyCpuPerMinute = -1;
    double daemonRssMB = -1;     ///< VmRSS at the end of the steady window
    double daemonPeakRssMB = -1; ///< VmHWM at the end of the run
    int statsIntervalSeconds = 0;
    int statsPolls = -1;
    int statsSkipped = -1;

    int totalVms() const { return hosts * vms; }
    QString label() const;
    QJsonObject toJson() const;
    static GuiResult fromJson(const QJsonObject &o);
};

/// The machine and run the figures come from, for the table's heading.
QString describeMachine();

enum class TableStyle
{
    Text,
    Markdown
};

/// One table: a row per figure, a column per scenario, the targets and a
/// pass/fail mark per cell. `compare` (virt-manager, may be null) adds its column and
/// the ratio virt-manager / first scenario.
QString scenarioTable(const QList<GuiResult> &results, TableStyle style,
                      const GuiResult *compare = nullptr);
/// The --scale table: a column per size plus the least-squares slope per 1000 VMs and
/// the growth from the second-largest to the largest size.
QString scaleTable(const QList<GuiResult> &results, TableStyle style);

} // namespace crossvirt::bench
