#pragma once

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

class QTreeView;

namespace crossvirt::models {
class DatacenterStats;
}

namespace crossvirt::views {

/// Tells the statistics which VMs' rows an inventory tree shows right now, so those
/// (and the watched ones) are read every tick and the thousands scrolled away only
/// every few ticks (StatsCollector::setOffScreenEvery). Follows scrolling, resizing,
/// expanding and model changes, coalesced into one report.
class OnScreenStats : public QObject
{
    Q_OBJECT
public:
    /// Ticks between two readings of a VM that is neither on screen nor watched.
    static constexpr int kOffScreenEvery = 10;

    OnScreenStats(QTreeView *view, models::DatacenterStats *stats, QObject *parent = nullptr);

    /// The VMs on screen by host URI, as last reported.
    const QHash<QString, QSet<QString>> &onScreen() const { return m_last; }
    /// Reports now (tests); normally a short timer coalesces the changes.
    void report();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void reportSoon();

    QTreeView *m_view;
    models::DatacenterStats *m_stats;
    QTimer m_timer;
    QHash<QString, QSet<QString>> m_last;
};

} // namespace crossvirt::views
