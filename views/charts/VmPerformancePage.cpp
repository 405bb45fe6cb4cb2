#include "views/charts/VmPerformancePage.h"

#include "models/stats/StatsCollector.h"
#include "views/charts/TimeSeriesChart.h"

#include <QDateTime>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <cmath>

namespace crossvirt::views {

using models::StatsCollector;

VmPerformancePage::VmPerformancePage(StatsCollector *collector, const QString &uuid,
                                     QWidget *parent)
    : QWidget(parent), m_collector(collector), m_uuid(uuid)
{
    auto *outer = new QVBoxLayout(this);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    outer->addWidget(m_status);
    auto *grid = new QGridLayout;
    outer->addLayout(grid, 1);
    m_cpu = new TimeSeriesChart(tr("CPU use"), tr("CPU (%)"), this);
    m_cpu->setFixedValueRange(0, 100);
    m_cpuMetric = m_cpu->addMetric(tr("CPU"));
    m_memory = new TimeSeriesChart(tr("Memory"), tr("Memory (MiB)"), this);
    m_balloonMetric = m_memory->addMetric(tr("Balloon (current)"));
    m_rssMetric = m_memory->addMetric(tr("Resident (RSS)"));
    m_disk = new TimeSeriesChart(tr("Disk I/O"), tr("Disk (KiB/s)"), this);
    m_readMetric = m_disk->addMetric(tr("Read"));
    m_writeMetric = m_disk->addMetric(tr("Write"));
    m_network = new TimeSeriesChart(tr("Network I/O"), tr("Network (KiB/s)"), this);
    m_rxMetric = m_network->addMetric(tr("Received"));
    // Large values read in bigger units (1.5 MiB/s, not 1536 KiB/s).
    m_memory->setUnitLadder(tr("Memory (%1)"), {tr("MiB"), tr("GiB"), tr("TiB")}, 1024);
    const QStringList rates{tr("KiB/s"), tr("MiB/s"), tr("GiB/s")};
    m_disk->setUnitLadder(tr("Disk (%1)"), rates, 1024);
    m_network->setUnitLadder(tr("Network (%1)"), rates, 1024);
    m_txMetric = m_network->addMetric(tr("Sent"));
    grid->addWidget(m_cpu, 0, 0);
    grid->addWidget(m_memory, 0, 1);
    grid->addWidget(m_disk, 1, 0);
    grid->addWidget(m_network, 1, 1);
    if (collector) {
        connect(collector, &StatsCollector::updated, this, [this] {
            if (isVisible())
                refresh();
        });
    }
    refresh();
}

VmPerformancePage::~VmPerformancePage()
{
    setWatching(false);
}

void VmPerformancePage::setWatching(bool on)
{
    if (on == m_watching || !m_collector)
        return;
    m_watching = on;
    if (on)
        m_collector->watch(m_uuid);
    else
        m_collector->unwatch(m_uuid);
}

void VmPerformancePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    setWatching(true);
    refresh();
}

void VmPerformancePage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    setWatching(false); // nobody looks: the collector stops asking for the detail
}

void VmPerformancePage::refresh()
{
    QList<QPointF> cpu, balloon, rss, rd, wr, rx, tx;
    const models::VmStatsSeries *series = m_collector ? m_collector->vmSeries(m_uuid) : nullptr;
    bool anyRss = false;
    if (series) {
        for (qsizetype i = 0; i < series->samples.size(); ++i) {
            const auto &s = series->samples.at(i);
            const double t = double(s.msecs);
            cpu << QPointF(t, s.cpuPercent);
            balloon << QPointF(t, s.balloonKiB / 1024.0);
            rss << QPointF(t, s.rssKiB / 1024.0);
            anyRss = anyRss || !std::isnan(s.rssKiB);
            rd << QPointF(t, s.diskReadBps / 1024.0);
            wr << QPointF(t, s.diskWriteBps / 1024.0);
            rx << QPointF(t, s.netRxBps / 1024.0);
            tx << QPointF(t, s.netTxBps / 1024.0);
        }
    }
    m_cpu->setPoints(m_cpuMetric, cpu);
    m_memory->setPoints(m_balloonMetric, balloon);
    m_memory->setPoints(m_rssMetric, rss);
    m_disk->setPoints(m_readMetric, rd);
    m_disk->setPoints(m_writeMetric, wr);
    m_network->setPoints(m_rxMetric, rx);
    m_network->setPoints(m_txMetric, tx);

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 from = now - qint64(models::StatsSettings::kHistorySeconds) * 1000;
    for (TimeSeriesChart *chart : {m_cpu, m_memory, m_disk, m_network})
        chart->setTimeRange(from, now);

    QString status;
    if (!m_collector)
        status = tr("Statistics are not collected for this host.");
    else if (!series || series->samples.isEmpty())
        status = tr("Waiting for the first statistics…");
    else if (!anyRss && series->samples.size() > 2)
        status = tr("This host's driver does not report the memory resident in the host (RSS).");
    m_status->setText(status);
    m_status->setVisible(!status.isEmpty());
}

} // namespace crossvirt::views
