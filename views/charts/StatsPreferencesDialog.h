#pragma once

#include "models/stats/StatsTypes.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace crossvirt::views {

/// File › Preferences: the colour theme (System, Light, Dark; applied and saved on OK)
/// and, for statistics, the poll interval (at least 1 s) and which statistics to
/// collect. Accepting saves them to QSettings; the caller applies settings()
/// (DatacenterStats::setSettings).
class StatsPreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit StatsPreferencesDialog(const models::StatsSettings &current,
                                    QWidget *parent = nullptr);

    models::StatsSettings settings() const;
    void accept() override;

    QSpinBox *intervalBox() const { return m_interval; }
    QComboBox *themeBox() const { return m_theme; }

private:
    QComboBox *m_theme;
    QSpinBox *m_interval;
    QCheckBox *m_cpu;
    QCheckBox *m_memory;
    QCheckBox *m_disk;
    QCheckBox *m_network;
};

} // namespace crossvirt::views
