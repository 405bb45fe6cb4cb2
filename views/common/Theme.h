#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

namespace crossvirt::views {

/// The colour scheme the user chose in File › Preferences (QSettings "appearance/theme").
enum class ThemeChoice
{
    System, ///< the desktop's palette (light or dark, as the desktop is)
    Light,
    Dark,
};

ThemeChoice savedThemeChoice();
void saveThemeChoice(ThemeChoice choice);
/// Applies `choice` to the application: System keeps the platform's style and palette
/// (they follow the desktop); Light and Dark use the Fusion style with a light or dark
/// palette. Every widget gets a PaletteChange; charts and sparklines repaint from it.
void applyTheme(ThemeChoice choice);
/// The theme applied last (System until applyTheme is called).
ThemeChoice currentThemeChoice();
/// True when `palette`'s window colour is dark (Qt 6.4 has no QStyleHints::colorScheme).
bool isDarkPalette(const QPalette &palette);
/// The dark palette Crossvirt uses for ThemeChoice::Dark.
QPalette darkPalette();
/// A colour for emulated guests' arch text that reads on `palette`'s base colour.
QColor emulatedTextColor(const QPalette &palette);

} // namespace crossvirt::views
