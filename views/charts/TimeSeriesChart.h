#pragma once

#include <QChartView>
#include <QColor>
#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace crossvirt::views {

/// One chart of metrics over time: a date-time X axis over the history window and
/// a value Y axis whose title carries the unit. Each metric is a named line; a NaN
/// value is a gap (the line is split there, never drawn through zero).
class TimeSeriesChart : public QChartView
{
    Q_OBJECT
public:
    TimeSeriesChart(const QString &title, const QString &valueAxisTitle, QWidget *parent = nullptr);

    /// Adds a metric line; returns its id for setPoints().
    int addMetric(const QString &name);
    /// Replaces a metric's points: x = ms since the epoch, y = value or NaN for a gap.
    void setPoints(int metric, const QList<QPointF> &points);
    /// Shows [fromMs, toMs] on the time axis.
    void setTimeRange(qint64 fromMs, qint64 toMs);
    /// A fixed Y range (e.g. 0..100 for %); otherwise the range follows the data.
    void setFixedValueRange(double min, double max);
    /// Counts (running VMs): ticks fall on whole numbers only.
    void setWholeNumberValues(bool on);
    /// Large values switch the axis to a bigger unit: `units` from the points' own unit up,
    /// each `factor` times the previous; `titleTemplate`'s %1 names the unit shown.
    void setUnitLadder(const QString &titleTemplate, const QStringList &units, double factor);

    QValueAxis *valueAxis() const { return m_valueAxis; }
    QDateTimeAxis *timeAxis() const { return m_timeAxis; }
    QStringList metricNames() const;
    /// Points currently drawn for a metric, gaps excluded.
    int visiblePointCount(int metric) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    /// Chart theme, background, text and grid colours from the widget's palette, so the
    /// chart reads in a light and a dark theme; metric colours stay per metric.
    void applyPalette();

    struct Metric
    {
        QString name;
        QColor color;
        QList<QPointF> points;         // as given, in the base unit, NaN = gap
        QList<QLineSeries *> segments; // segments[0] carries the legend entry
    };
    QLineSeries *newSegment(Metric &metric, bool inLegend);
    void drawMetric(Metric &metric);
    void updateValueRange();
    void applyValueTicks(double max);
    void fitTimeTicks();

    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_valueAxis;
    QList<Metric> m_metrics;
    bool m_fixedRange = false;
    bool m_wholeNumbers = false;
    QString m_titleTemplate;
    QStringList m_units;
    double m_unitFactor = 1;
    double m_scale = 1; // base units per unit shown
};

} // namespace crossvirt::views
