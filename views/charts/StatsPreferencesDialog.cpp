#include "views/charts/StatsPreferencesDialog.h"

#include "views/common/Theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace crossvirt::views {

using models::StatsSettings;

StatsPreferencesDialog::StatsPreferencesDialog(const StatsSettings &current, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Preferences"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_theme = new QComboBox(this);
    m_theme->addItem(tr("Same as the desktop"), int(ThemeChoice::System));
    m_theme->addItem(tr("Light"), int(ThemeChoice::Light));
    m_theme->addItem(tr("Dark"), int(ThemeChoice::Dark));
    m_theme->setCurrentIndex(m_theme->findData(int(savedThemeChoice())));
    m_theme->setAccessibleDescription(tr("Colours of every Crossvirt window"));
    form->addRow(tr("&Theme:"), m_theme);
    m_interval = new QSpinBox(this);
    m_interval->setRange(StatsSettings::kMinimumIntervalSeconds, 3600);
    m_interval->setSuffix(tr(" s"));
    m_interval->setValue(current.intervalSeconds);
    m_interval->setAccessibleDescription(tr("How often statistics are read from each host"));
    form->addRow(tr("&Poll every:"), m_interval);
    m_cpu = new QCheckBox(tr("CPU use"), this);
    m_cpu->setChecked(current.collectCpu);
    m_memory = new QCheckBox(tr("Memory"), this);
    m_memory->setChecked(current.collectMemory);
    m_disk = new QCheckBox(tr("Disk I/O"), this);
    m_disk->setChecked(current.collectDisk);
    m_network = new QCheckBox(tr("Network I/O"), this);
    m_network->setChecked(current.collectNetwork);
    auto *collect = new QVBoxLayout;
    for (QCheckBox *b : {m_cpu, m_memory, m_disk, m_network})
        collect->addWidget(b);
    form->addRow(tr("Collect:"), collect);
    layout->addLayout(form);
    auto *note = new QLabel(tr("Disk and network statistics are collected only for virtual "
                               "machines whose Performance page is open."),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

StatsSettings StatsPreferencesDialog::settings() const
{
    StatsSettings s;
    s.intervalSeconds = qMax(StatsSettings::kMinimumIntervalSeconds, m_interval->value());
    s.collectCpu = m_cpu->isChecked();
    s.collectMemory = m_memory->isChecked();
    s.collectDisk = m_disk->isChecked();
    s.collectNetwork = m_network->isChecked();
    return s;
}

void StatsPreferencesDialog::accept()
{
    settings().save();
    const auto theme = ThemeChoice(m_theme->currentData().toInt());
    saveThemeChoice(theme);
    if (theme != currentThemeChoice())
        applyTheme(theme);
    QDialog::accept();
}

} // namespace crossvirt::views
