#include "views/charts/TimeSeriesChart.h"

#include "models/stats/StatsTypes.h"
#include "views/common/Theme.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QFontMetricsF>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>
#include <cmath>

using namespace Qt::StringLiterals;

namespace crossvirt::views {

namespace {

// The axis shows [0, top] in steps of 1, 2, 2.5 or 5 times a power of ten, at most
// this many, so that every label is a short round number.
constexpr int kMaxValueSteps = 5;

double niceStep(double top, bool wholeNumbers)
{
    const double raw = top / kMaxValueSteps;
    const double p = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        const double step = m * p;
        if (wholeNumbers && step < 1)
            continue;
        if (wholeNumbers && m == 2.5 && p < 10)
            continue; // 2.5, 0.25...: not a count
        if (step >= raw * (1 - 1e-9))
            return step;
    }
    return 10 * p;
}

// Decimals the labels need so that each step reads exactly (0.25 → 2, 5 → 0).
int decimalsFor(double step)
{
    int d = 0;
    double scaled = step;
    while (d < 6 && std::abs(scaled - std::round(scaled)) > 1e-6 * std::max(1.0, scaled)) {
        scaled *= 10;
        ++d;
    }
    return d;
}

constexpr qint64 kDefaultWindowMs = qint64(models::StatsSettings::kHistorySeconds) * 1000;

} // namespace

TimeSeriesChart::TimeSeriesChart(const QString &title, const QString &valueAxisTitle,
                                 QWidget *parent)
    : QChartView(parent), m_timeAxis(new QDateTimeAxis), m_valueAxis(new QValueAxis)
{
    auto *c = new QChart;
    c->setTitle(title);
    c->legend()->setVisible(true);
    c->legend()->setAlignment(Qt::AlignBottom);
    c->setMargins(QMargins(4, 4, 8, 4)); // right: room for the last time label
    m_timeAxis->setFormat(tr("hh:mm:ss", "time axis label format"));
    m_timeAxis->setTickCount(6);
    m_timeAxis->setTitleText(tr("Time"));
    // The window must be real before the axis joins the chart: QtCharts 6.4 lays the
    // axis out for its default range (one millisecond in 1970) and, when the range
    // later jumps to now, drops the whole time axis (no labels, no title) and, with
    // it, the width the value labels need ("1..." for 100).
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(now - kDefaultWindowMs),
                         QDateTime::fromMSecsSinceEpoch(now));
    m_valueAxis->setTitleText(valueAxisTitle);
    m_titleTemplate = valueAxisTitle;
    c->addAxis(m_timeAxis, Qt::AlignBottom);
    c->addAxis(m_valueAxis, Qt::AlignLeft);
    applyValueTicks(1);
    setChart(c);
    applyPalette();
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(200);
    setMinimumWidth(260);
    connect(c, &QChart::plotAreaChanged, this, [this] { fitTimeTicks(); });
}

void TimeSeriesChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void TimeSeriesChart::applyPalette()
{
    QChart *c = chart();
    if (!c)
        return;
    const QPalette pal = palette();
    const bool dark = isDarkPalette(pal);
    const QChart::ChartTheme theme = dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    if (c->theme() != theme) {
        // A theme resets every series' pen: keep each metric's colour (the new theme's
        // colour for its first segment) on all its segments, 2 px wide.
        c->setTheme(theme);
        for (Metric &m : m_metrics) {
            if (m.segments.isEmpty())
                continue;
            m.color = m.segments.first()->color();
            for (QLineSeries *series : std::as_const(m.segments)) {
                QPen pen = series->pen();
                pen.setWidthF(2);
                pen.setColor(m.color);
                series->setPen(pen);
            }
        }
    }
    const QColor text = pal.color(QPalette::WindowText);
    c->setBackgroundBrush(pal.color(QPalette::Base));
    c->setBackgroundPen(Qt::NoPen);
    c->setTitleBrush(text);
    c->legend()->setLabelColor(text);
    for (QAbstractAxis *axis :
         {static_cast<QAbstractAxis *>(m_timeAxis), static_cast<QAbstractAxis *>(m_valueAxis)}) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        QColor grid = text;
        grid.setAlpha(50);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(pal.color(QPalette::Mid));
    }
    setBackgroundBrush(pal.color(QPalette::Base));
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
    QPen pen = series->pen();
    pen.setWidthF(2); // a 1 px line is hard to follow on a small chart
    if (metric.color.isValid())
        pen.setColor(metric.color);
    series->setPen(pen);
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
    m_metrics[metricId].points = points;
    const double scaleBefore = m_scale;
    updateValueRange();
    if (m_scale != scaleBefore) {
        for (Metric &m : m_metrics)
            drawMetric(m); // every line now reads in the new unit
    } else {
        drawMetric(m_metrics[metricId]);
    }
}

void TimeSeriesChart::drawMetric(Metric &metric)
{
    // Split at gaps: each run of real values becomes its own line segment.
    QList<QList<QPointF>> runs;
    QList<QPointF> run;
    for (const QPointF &p : std::as_const(metric.points)) {
        if (std::isnan(p.y())) {
            if (!run.isEmpty())
                runs << std::exchange(run, {});
            continue;
        }
        run << QPointF(p.x(), p.y() / m_scale);
    }
    if (!run.isEmpty())
        runs << run;
    while (metric.segments.size() < runs.size())
        newSegment(metric, false);
    for (qsizetype i = 0; i < metric.segments.size(); ++i)
        metric.segments[i]->replace(i < runs.size() ? runs[i] : QList<QPointF>());
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
    const double step = niceStep(max - min, m_wholeNumbers);
    const double steps = (max - min) / step;
    // Round ranges (0..100) get round ticks; any other keeps Qt's even split.
    if (std::abs(steps - std::round(steps)) < 1e-9) {
        m_valueAxis->setTickCount(int(std::round(steps)) + 1);
        m_valueAxis->setLabelFormat(u"%.%1f"_s.arg(decimalsFor(step)));
    } else {
        m_valueAxis->setTickCount(kMaxValueSteps + 1);
        m_valueAxis->setLabelFormat(u"%.%1f"_s.arg(decimalsFor((max - min) / kMaxValueSteps)));
    }
}

void TimeSeriesChart::setWholeNumberValues(bool on)
{
    m_wholeNumbers = on;
    updateValueRange();
}

void TimeSeriesChart::setUnitLadder(const QString &titleTemplate, const QStringList &units,
                                    double factor)
{
    m_titleTemplate = titleTemplate;
    m_units = units;
    m_unitFactor = factor;
    if (!units.isEmpty())
        m_valueAxis->setTitleText(titleTemplate.arg(units.first()));
    updateValueRange();
    for (Metric &m : m_metrics)
        drawMetric(m);
}

void TimeSeriesChart::updateValueRange()
{
    if (m_fixedRange)
        return;
    double maxValue = 0;
    for (const Metric &m : std::as_const(m_metrics)) {
        for (const QPointF &p : m.points) {
            if (!std::isnan(p.y()))
                maxValue = qMax(maxValue, p.y());
        }
    }
    // The biggest unit in which the peak still reads as at least 1 (1.5 MiB/s, not 1536 KiB/s).
    int unit = 0;
    double scale = 1;
    while (unit + 1 < m_units.size() && maxValue >= scale * m_unitFactor) {
        scale *= m_unitFactor;
        ++unit;
    }
    if (!m_units.isEmpty()) {
        m_scale = scale;
        m_valueAxis->setTitleText(m_titleTemplate.arg(m_units.at(unit)));
    }
    applyValueTicks(maxValue / m_scale);
}

void TimeSeriesChart::applyValueTicks(double max)
{
    // Headroom so the peak does not touch the frame; an empty chart shows 0..1.
    double top = max > 0 ? max * 1.05 : 1;
    if (m_wholeNumbers)
        top = qMax(top, 1.0);
    const double step = niceStep(top, m_wholeNumbers);
    const int steps = qMax(1, int(std::ceil(top / step - 1e-9)));
    m_valueAxis->setRange(0, steps * step);
    m_valueAxis->setTickCount(steps + 1);
    m_valueAxis->setLabelFormat(u"%.%1f"_s.arg(decimalsFor(step)));
}

void TimeSeriesChart::fitTimeTicks()
{
    // QtCharts elides a label wider than its share of the axis (plot width / ticks):
    // show as many ticks as fit whole, at even fractions of the window.
    const double plotWidth = chart()->plotArea().width();
    if (plotWidth <= 0)
        return;
    const QFontMetricsF fm(m_timeAxis->labelsFont());
    const double labelWidth =
        fm.horizontalAdvance(QDateTime::currentDateTime().toString(m_timeAxis->format())) +
        10; // QtCharts' label padding on both sides
    int ticks = 3;
    for (int candidate : {6, 5, 4}) {
        if (plotWidth / candidate >= labelWidth) {
            ticks = candidate;
            break;
        }
    }
    if (m_timeAxis->tickCount() != ticks)
        m_timeAxis->setTickCount(ticks);
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
