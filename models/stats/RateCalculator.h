#pragma once

#include <QtGlobal>
#include <optional>

namespace crossvirt::models {

/// Turns one monotonically increasing counter (bytes, CPU nanoseconds) into a
/// per-second rate. A counter that goes down means the VM restarted or the
/// counter was reset: that tick has no rate (NaN), never a negative one.
class RateCalculator
{
public:
    /// Records `counter` read at `msecs` (a monotonic or wall clock in ms) and
    /// returns the rate per second since the previous reading, or NaN when there
    /// is none (first reading, reset, or no time passed).
    double update(quint64 counter, qint64 msecs);
    /// Forgets the previous reading (VM stopped, host reconnected).
    void reset() { m_last.reset(); }
    bool hasReading() const { return m_last.has_value(); }

private:
    struct Reading
    {
        quint64 counter;
        qint64 msecs;
    };
    std::optional<Reading> m_last;
};

} // namespace crossvirt::models
