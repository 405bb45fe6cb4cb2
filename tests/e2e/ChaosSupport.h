#pragma once

// Shared by the "hosts that lie, lag and die" e2e tests (issue 18): how long the GUI
// thread's event loop goes without turning, and waiting without stalling it.

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <vector>

namespace crossvirt::test::e2e {

/// A 1 ms precise timer on the calling (GUI) thread; every interval between two of its
/// ticks is recorded. An interval is how long the event loop could not serve a timer, so
/// its p99 and max are the stalls a user would feel (16 ms is one frame at 60 Hz).
class EventLoopGaps : public QObject
{
public:
    EventLoopGaps()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last >= 0) {
                m_gapsUs.push_back((now - m_last) / 1000);
                if (m_gapsUs.back() > 16'000 && m_longest.size() < 20)
                    m_longest.push_back({m_last / 1'000'000, m_gapsUs.back() / 1000});
            }
            m_last = now;
        });
    }
    void start()
    {
        m_gapsUs.clear();
        m_longest.clear();
        m_last = -1;
        m_clock.start();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    /// The first intervals over 16 ms: {ms since start(), length in ms}, for diagnosis.
    QString longOnes() const
    {
        QStringList out;
        for (const auto &[at, ms] : m_longest)
            out << QStringLiteral("%1 ms at %2 ms").arg(ms).arg(at);
        return out.join(QStringLiteral(", "));
    }
    qsizetype samples() const { return qsizetype(m_gapsUs.size()); }
    /// The `p`-th percentile interval in ms (p in 0..100).
    double percentileMs(double p) const
    {
        if (m_gapsUs.empty())
            return 0;
        std::vector<qint64> sorted = m_gapsUs;
        const size_t k = std::min(sorted.size() - 1, size_t(p / 100.0 * double(sorted.size())));
        std::nth_element(sorted.begin(), sorted.begin() + qsizetype(k), sorted.end());
        return double(sorted[k]) / 1000.0;
    }
    double maxMs() const
    {
        return m_gapsUs.empty()
                   ? 0
                   : double(*std::max_element(m_gapsUs.begin(), m_gapsUs.end())) / 1000.0;
    }
    /// How many intervals exceeded `ms`.
    qsizetype countOver(double ms) const
    {
        return std::count_if(m_gapsUs.begin(), m_gapsUs.end(),
                             [ms](qint64 us) { return double(us) / 1000.0 > ms; });
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = -1;
    std::vector<qint64> m_gapsUs;
    std::vector<std::pair<qint64, qint64>> m_longest;
};

/// Runs the event loop (no sleeping in between, unlike test::waitUntil) until `done` holds
/// or `timeoutMs` passes; `done` is checked every 10 ms.
inline bool spinUntil(const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer check;
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    check.start(10);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return done();
}

/// VmRSS of this process in KiB (from /proc/self/status), or -1.
inline qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace crossvirt::test::e2e
