#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;

namespace crossvirt::models {
class StatsCollector;
}

namespace crossvirt::views {

class TimeSeriesChart;

/// A VM window's Performance tab: CPU %, memory (balloon and RSS, MiB), disk
/// read/write and network receive/send (KiB/s) over the recent history. While
/// shown it watches the VM, so the collector gathers its detail; hidden, it stops.
class VmPerformancePage : public QWidget
{
    Q_OBJECT
public:
    VmPerformancePage(models::StatsCollector *collector, const QString &uuid,
                      QWidget *parent = nullptr);
    ~VmPerformancePage() override;

    TimeSeriesChart *cpuChart() const { return m_cpu; }
    TimeSeriesChart *memoryChart() const { return m_memory; }
    TimeSeriesChart *diskChart() const { return m_disk; }
    TimeSeriesChart *networkChart() const { return m_network; }
    bool isWatching() const { return m_watching; }

    void refresh();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void setWatching(bool on);

    QPointer<models::StatsCollector> m_collector;
    QString m_uuid;
    bool m_watching = false;
    TimeSeriesChart *m_cpu;
    TimeSeriesChart *m_memory;
    TimeSeriesChart *m_disk;
    TimeSeriesChart *m_network;
    QLabel *m_status;
    int m_cpuMetric, m_balloonMetric, m_rssMetric, m_readMetric, m_writeMetric, m_rxMetric,
        m_txMetric;
};

} // namespace crossvirt::views
