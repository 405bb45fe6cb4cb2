#include "views/charts/TimeSeriesChart.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>
#include <cmath>

namespace crossvirt::views {

namespace {

// Rounds up to 1, 2 or 5 times a power of ten so the axis ticks read well.
double niceCeiling(double v)
{
    if (v <= 0)
        return 1;
    const double p = std::pow(10.0, std::floor(std::log10(v)));
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (v <= m * p)
            return m * p;
    }
    return 10 * p;
}

} // namespace

TimeSeriesChart::TimeSeriesChart(const QString &title, const QString &valueAxisTitle,
                                 QWidget *parent)
    : QChartView(parent), m_timeAxis(new QDateTimeAxis), m_valueAxis(new QValueAxis)
{
    auto *c = new QChart;
    c->setTitle(title);
    c->legend()->setVisible(true);
    c->legend()->setAlignment(Qt::AlignBottom);
    c->setMargins(QMargins(4, 4, 4, 4));
    m_timeAxis->setFormat(tr("hh:mm:ss", "time axis label format"));
    m_timeAxis->setTickCount(6);
    m_timeAxis->setTitleText(tr("Time"));
    m_valueAxis->setTitleText(valueAxisTitle);
    m_valueAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_valueAxis->setRange(0, 1);
    c->addAxis(m_timeAxis, Qt::AlignBottom);
    c->addAxis(m_valueAxis, Qt::AlignLeft);
    setChart(c);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(180);
}

int TimeSeriesChart::addMetric(const QString &name)
{
    Metric m;
    m.name = name;
    m_metrics << m;
    Metric &added = m_metrics.last();
    QLineSeries *first = newSegment(added, true);
    added.color = first->color(); // the theme's next color; later segments reuse it
    return int(m_metrics.size() - 1);
}

QLineSeries *TimeSeriesChart::newSegment(Metric &metric, bool inLegend)
{
    auto *series = new QLineSeries;
    series->setName(metric.name);
    chart()->addSeries(series);
    series->attachAxis(m_timeAxis);
    series->attachAxis(m_valueAxis);
    if (metric.color.isValid())
        series->setColor(metric.color);
    const auto markers = chart()->legend()->markers(series);
    for (QLegendMarker *marker : markers)
        marker->setVisible(inLegend);
    metric.segments << series;
    return series;
}

void TimeSeriesChart::setPoints(int metricId, const QList<QPointF> &points)
{
    if (metricId < 0 || metricId >= m_metrics.size())
        return;
    Metric &metric = m_metrics[metricId];
    // Split at gaps: each run of real values becomes its own line segment.
    QList<QList<QPointF>> runs;
    QList<QPointF> run;
    for (const QPointF &p : points) {
        if (std::isnan(p.y())) {
            if (!run.isEmpty())
                runs << std::exchange(run, {});
            continue;
        }
        run << p;
    }
    if (!run.isEmpty())
        runs << run;
    while (metric.segments.size() < runs.size())
        newSegment(metric, false);
    for (qsizetype i = 0; i < metric.segments.size(); ++i)
        metric.segments[i]->replace(i < runs.size() ? runs[i] : QList<QPointF>());
    updateValueRange();
}

void TimeSeriesChart::setTimeRange(qint64 fromMs, qint64 toMs)
{
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(fromMs),
                         QDateTime::fromMSecsSinceEpoch(qMax(toMs, fromMs + 1000)));
}

void TimeSeriesChart::setFixedValueRange(double min, double max)
{
    m_fixedRange = true;
    m_valueAxis->setRange(min, max);
}

void TimeSeriesChart::updateValueRange()
{
    if (m_fixedRange)
        return;
    double maxValue = 0;
    for (const Metric &m : std::as_const(m_metrics)) {
        for (const QLineSeries *s : m.segments) {
            const auto pts = s->points();
            for (const QPointF &p : pts)
                maxValue = qMax(maxValue, p.y());
        }
    }
    m_valueAxis->setRange(0, niceCeiling(maxValue * 1.1));
}

QStringList TimeSeriesChart::metricNames() const
{
    QStringList names;
    for (const Metric &m : m_metrics)
        names << m.name;
    return names;
}

int TimeSeriesChart::visiblePointCount(int metricId) const
{
    if (metricId < 0 || metricId >= m_metrics.size())
        return 0;
    int n = 0;
    for (const QLineSeries *s : m_metrics[metricId].segments)
        n += s->count();
    return n;
}

} // namespace crossvirt::views
