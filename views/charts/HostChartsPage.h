#pragma once

#include <QList>
#include <QPointer>
#include <QWidget>

class QLabel;

namespace crossvirt::models {
class StatsCollector;
}

namespace crossvirt::views {

class TimeSeriesChart;

/// Charts of one host (CPU %, memory used/free in MiB, running VMs) over the
/// recent history, or of several hosts summed as a cluster. Redraws only while
/// visible.
class HostChartsPage : public QWidget
{
    Q_OBJECT
public:
    /// One collector: that host's charts. Several: their cluster sum.
    explicit HostChartsPage(const QList<models::StatsCollector *> &collectors,
                            QWidget *parent = nullptr);

    void setCollectors(const QList<models::StatsCollector *> &collectors);

    TimeSeriesChart *cpuChart() const { return m_cpu; }
    TimeSeriesChart *memoryChart() const { return m_memory; }
    TimeSeriesChart *runningVmsChart() const { return m_running; }
    /// "This host's driver does not report memory statistics", when so.
    QLabel *memoryNote() const { return m_memoryNote; }

    /// Redraws from the series now.
    void refresh();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QList<QPointer<models::StatsCollector>> m_collectors;
    TimeSeriesChart *m_cpu;
    TimeSeriesChart *m_memory;
    TimeSeriesChart *m_running;
    QLabel *m_memoryNote;
    int m_cpuMetric = 0;
    int m_usedMetric = 0;
    int m_freeMetric = 0;
    int m_runningMetric = 0;
};

} // namespace crossvirt::views
