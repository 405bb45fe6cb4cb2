#pragma once

// The desktop-citizen tests: the main window on the demo datacenter with QSettings in a
// temporary folder of its own (the user's real settings are never read or written).

#include "MainWindowFixture.h"
#include "common/TestSupport.h"
#include "models/connection/Datacenter.h"
#include "models/connection/HostSession.h"

#include <QApplication>
#include <QDir>
#include <QSettings>
#include <gtest/gtest.h>

namespace crossvirt::test {

/// Points QSettings (native and INI, user scope) at a fresh temporary folder.
inline QString isolateSettings()
{
    const QString dir = makeTempDir();
    QCoreApplication::setOrganizationName(QStringLiteral("crossvirt"));
    QCoreApplication::setApplicationName(QStringLiteral("crossvirt"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir);
    return dir;
}

/// Opens the main window on the demo datacenter and waits for its four hosts and VMs.
inline MainWindowUnderTest openDemoWindow()
{
    MainWindowUnderTest app = openMainWindow();
    const models::Datacenter *dc = app.core->datacenter();
    const bool ready = waitUntil(
        [&] {
            for (const models::HostSession *s : dc->sessions()) {
                if (s->state() != models::ConnectionState::Connected || s->domains().isEmpty())
                    return false;
            }
            return dc->sessions().size() == 4;
        },
        10000);
    EXPECT_TRUE(ready) << "the demo datacenter did not connect";
    QApplication::processEvents();
    return app;
}

inline QString screenshotPath(const QString &name)
{
    const QString dir = QCoreApplication::applicationDirPath() + QStringLiteral("/screenshots");
    QDir().mkpath(dir);
    return dir + u'/' + name;
}

} // namespace crossvirt::test
