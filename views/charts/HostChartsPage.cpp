#include "views/charts/HostChartsPage.h"

#include "models/stats/StatsCollector.h"
#include "models/stats/StatsSeries.h"
#include "views/charts/TimeSeriesChart.h"

#include <QDateTime>
#include <QLabel>
#include <QVBoxLayout>
#include <QValueAxis>

namespace crossvirt::views {

using models::HostStatsSeries;
using models::StatsCollector;

HostChartsPage::HostChartsPage(const QList<StatsCollector *> &collectors, QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    m_cpu = new TimeSeriesChart(tr("CPU use"), tr("CPU (%)"), this);
    m_cpu->setFixedValueRange(0, 100);
    m_cpuMetric = m_cpu->addMetric(tr("CPU"));
    m_memory = new TimeSeriesChart(tr("Memory"), tr("Memory (MiB)"), this);
    m_usedMetric = m_memory->addMetric(tr("Used"));
    m_freeMetric = m_memory->addMetric(tr("Free"));
    m_running = new TimeSeriesChart(tr("Running virtual machines"), tr("Running VMs"), this);
    m_runningMetric = m_running->addMetric(tr("Running VMs"));
    m_running->setWholeNumberValues(true);
    m_memory->setUnitLadder(tr("Memory (%1)"), {tr("MiB"), tr("GiB"), tr("TiB")}, 1024);
    m_memoryNote = new QLabel(tr("This host's driver does not report memory statistics."), this);
    m_memoryNote->setWordWrap(true);
    m_memoryNote->setVisible(false);
    layout->addWidget(m_cpu);
    layout->addWidget(m_memoryNote);
    layout->addWidget(m_memory);
    layout->addWidget(m_running);
    setCollectors(collectors);
}

void HostChartsPage::setCollectors(const QList<StatsCollector *> &collectors)
{
    for (const auto &c : std::as_const(m_collectors)) {
        if (c)
            disconnect(c, nullptr, this, nullptr);
    }
    m_collectors.clear();
    for (StatsCollector *c : collectors) {
        m_collectors << c;
        connect(c, &StatsCollector::updated, this, [this] {
            if (isVisible())
                refresh();
        });
    }
    refresh();
}

void HostChartsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void HostChartsPage::refresh()
{
    QList<const HostStatsSeries *> list;
    qint64 slotMs = 3000;
    for (const auto &c : std::as_const(m_collectors)) {
        if (c) {
            list << &c->hostSeries();
            slotMs = qint64(c->settings().intervalSeconds) * 1000;
        }
    }
    // One host is drawn as is; several are summed per time slot (a cluster).
    HostStatsSeries summed;
    const HostStatsSeries *series = nullptr;
    if (list.size() == 1) {
        series = list.first();
    } else {
        summed = models::sumHostSeries(list, slotMs);
        series = &summed;
    }
    QList<QPointF> cpu, used, free, running;
    for (qsizetype i = 0; i < series->samples.size(); ++i) {
        const auto &s = series->samples.at(i);
        const double t = double(s.msecs);
        cpu << QPointF(t, s.cpuPercent);
        used << QPointF(t, s.memoryUsedKiB / 1024.0);
        free << QPointF(t, s.memoryFreeKiB / 1024.0);
        running << QPointF(t, s.runningVms);
    }
    m_cpu->setPoints(m_cpuMetric, cpu);
    m_memory->setPoints(m_usedMetric, used);
    m_memory->setPoints(m_freeMetric, free);
    m_running->setPoints(m_runningMetric, running);
    const bool unsupported = !list.isEmpty() && series->memoryUnsupported;
    m_memoryNote->setVisible(unsupported);
    m_memory->setVisible(!unsupported);

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 from = now - qint64(models::StatsSettings::kHistorySeconds) * 1000;
    for (TimeSeriesChart *chart : {m_cpu, m_memory, m_running})
        chart->setTimeRange(from, now);
}

} // namespace crossvirt::views
