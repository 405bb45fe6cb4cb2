#include "views/common/Theme.h"

#include <QApplication>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace crossvirt::views {

using namespace Qt::StringLiterals;

namespace {

const QString kThemeKey = u"appearance/theme"_s;

struct SystemLook
{
    bool captured = false;
    QString styleName;
    QPalette palette;
    ThemeChoice current = ThemeChoice::System;
};

SystemLook &systemLook()
{
    static SystemLook look;
    return look;
}

} // namespace

ThemeChoice savedThemeChoice()
{
    const QString v = QSettings().value(kThemeKey).toString();
    if (v == u"light")
        return ThemeChoice::Light;
    if (v == u"dark")
        return ThemeChoice::Dark;
    return ThemeChoice::System;
}

void saveThemeChoice(ThemeChoice choice)
{
    QSettings settings;
    switch (choice) {
    case ThemeChoice::System:
        settings.remove(kThemeKey);
        break;
    case ThemeChoice::Light:
        settings.setValue(kThemeKey, u"light"_s);
        break;
    case ThemeChoice::Dark:
        settings.setValue(kThemeKey, u"dark"_s);
        break;
    }
}

ThemeChoice currentThemeChoice()
{
    return systemLook().current;
}

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1f, 0x21, 0x23);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabledText(0x8a, 0x8d, 0x91);
    const QColor highlight(0x3d, 0x7e, 0xd6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2c));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x41));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabledText);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x38, 0x3b));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x51));
    p.setColor(QPalette::Midlight, QColor(0x3f, 0x42, 0x46));
    p.setColor(QPalette::Mid, QColor(0x24, 0x26, 0x28));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Shadow, QColor(0x0c, 0x0c, 0x0d));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xf0));
    p.setColor(QPalette::LinkVisited, QColor(0xa9, 0x8b, 0xe8));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4a, 0x4d, 0x51));
    return p;
}

QColor emulatedTextColor(const QPalette &palette)
{
    // A warm orange-brown on light bases, a light amber on dark ones.
    return isDarkPalette(palette) ? QColor(0xf0, 0xb0, 0x60) : QColor(0x9a, 0x4d, 0x00);
}

void applyTheme(ThemeChoice choice)
{
    SystemLook &look = systemLook();
    if (!look.captured) {
        look.captured = true;
        look.styleName = QApplication::style()->name();
        look.palette = QApplication::palette();
    }
    look.current = choice;
    switch (choice) {
    case ThemeChoice::System:
        if (QApplication::style()->name() != look.styleName)
            QApplication::setStyle(QStyleFactory::create(look.styleName));
        QApplication::setPalette(look.palette);
        break;
    case ThemeChoice::Light:
        QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
        QApplication::setPalette(QApplication::style()->standardPalette());
        break;
    case ThemeChoice::Dark:
        QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
        QApplication::setPalette(darkPalette());
        break;
    }
}

} // namespace crossvirt::views
