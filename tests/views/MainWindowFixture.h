#pragma once

// The application as main.cpp builds it: an ApplicationCore in a fresh data folder and
// the MainWindow presenting it, shown offscreen.

#include "app/core/ApplicationCore.h"
#include "common/TestSupport.h"
#include "models/connection/Datacenter.h"
#include "models/connection/HostSession.h"
#include "views/mainwindow/MainWindow.h"

#include <memory>

namespace crossvirt::test {

struct MainWindowUnderTest
{
    std::unique_ptr<app::ApplicationCore> core;
    std::unique_ptr<views::MainWindow> window; // destroyed first: it borrows core's models
};

/// Opens `uris` for this run, or the saved list (the demo datacenter on first start).
inline MainWindowUnderTest openMainWindow(const QStringList &uris = {})
{
    const QString dir = makeTempDir();
    qputenv("CROSSVIRT_DATA_DIR", (dir + QStringLiteral("/data")).toUtf8());
    MainWindowUnderTest app;
    app.core = std::make_unique<app::ApplicationCore>(
        models::ConnectionStore(dir + QStringLiteral("/connections.json")));
    app.window = std::make_unique<views::MainWindow>(app.core->windowModels());
    app.core->open(uris);
    app.window->show();
    return app;
}

/// The session of `uri` in `app` once it is connected (within `timeoutMs`); nullptr with
/// *error (the host's last error) when it did not connect.
inline models::HostSession *connectedSession(const MainWindowUnderTest &app, const QString &uri,
                                             QString *error, int timeoutMs = 30'000)
{
    models::HostSession *session = app.core->datacenter()->session(uri);
    if (!session) {
        *error = uri + QStringLiteral(" is not in the window's datacenter");
        return nullptr;
    }
    if (!waitUntil([&] { return session->state() == models::ConnectionState::Connected; },
                   timeoutMs)) {
        *error = uri + QStringLiteral(" did not connect: ") + session->lastError();
        return nullptr;
    }
    return session;
}

} // namespace crossvirt::test
