#include "models/stats/RateCalculator.h"

#include <limits>

namespace crossvirt::models {

double RateCalculator::update(quint64 counter, qint64 msecs)
{
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    const std::optional<Reading> previous = m_last;
    m_last = Reading{counter, msecs};
    if (!previous || counter < previous->counter || msecs <= previous->msecs)
        return nan;
    return double(counter - previous->counter) * 1000.0 / double(msecs - previous->msecs);
}

} // namespace crossvirt::models
