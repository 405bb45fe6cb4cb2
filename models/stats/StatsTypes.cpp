#include "models/stats/StatsTypes.h"

#include <QSettings>

namespace crossvirt::models {

using namespace Qt::StringLiterals;

StatsSettings StatsSettings::load()
{
    QSettings settings;
    settings.beginGroup(u"stats"_s);
    StatsSettings s;
    s.intervalSeconds = qMax(kMinimumIntervalSeconds,
                             settings.value(u"interval"_s, kDefaultIntervalSeconds).toInt());
    s.collectCpu = settings.value(u"cpu"_s, true).toBool();
    s.collectMemory = settings.value(u"memory"_s, true).toBool();
    s.collectDisk = settings.value(u"disk"_s, true).toBool();
    s.collectNetwork = settings.value(u"network"_s, true).toBool();
    return s;
}

void StatsSettings::save() const
{
    QSettings settings;
    settings.beginGroup(u"stats"_s);
    settings.setValue(u"interval"_s, qMax(kMinimumIntervalSeconds, intervalSeconds));
    settings.setValue(u"cpu"_s, collectCpu);
    settings.setValue(u"memory"_s, collectMemory);
    settings.setValue(u"disk"_s, collectDisk);
    settings.setValue(u"network"_s, collectNetwork);
}

} // namespace crossvirt::models
