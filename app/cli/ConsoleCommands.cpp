// crossvirt-cli console-snapshot: the same VNC client code as the GUI, no window.
#include "app/cli/CliCommands.h"
#include "models/connection/HostSession.h"
#include "models/console/ConsoleEndpoints.h"
#include "models/console/VncSession.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QImageWriter>
#include <QJsonObject>
#include <QTimer>

namespace crossvirt::cli {

namespace {
// lupdate and the runtime both see the context "cli" for Text::tr().
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(cli)
};
} // namespace

using namespace Qt::StringLiterals;

int runConsoleSnapshot(const CliContext &ctx)
{
    QCommandLineParser parser;
    const QCommandLineOption vmOption(u"vm"_s, Text::tr("Name of the virtual machine."), u"NAME"_s);
    const QCommandLineOption outOption(u"out"_s, Text::tr("PNG file to write."), u"FILE"_s);
    const QCommandLineOption waitOption(
        u"wait"_s, Text::tr("Seconds to wait for a full screen (default 30)."), u"S"_s, u"30"_s);
    parser.addOptions({vmOption, outOption, waitOption});
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, ctx, &exitCode))
        return exitCode;
    const QString name = parser.value(vmOption);
    const QString out = parser.value(outOption);
    if (name.isEmpty() || out.isEmpty()) {
        printError(Text::tr("console-snapshot needs --vm NAME and --out FILE.png"));
        return kExitUsage;
    }
    if (ctx.uris.size() != 1) {
        printError(Text::tr("console-snapshot needs exactly one --connect URI"));
        return kExitUsage;
    }
    QObject owner;
    const auto sessions = openHosts(ctx.uris, ctx.timeoutSeconds, &owner);
    models::HostSession *session = sessions.first();
    if (const QString error = hostError(session); !error.isEmpty()) {
        printError(Text::tr("%1: %2").arg(session->uri(), error));
        return kExitHostFailed;
    }
    QString uuid;
    for (const auto &d : session->domains()) {
        if (d.name == name)
            uuid = d.uuid;
    }
    if (uuid.isEmpty()) {
        printError(Text::tr("no virtual machine named “%1” on %2").arg(name, session->uri()));
        return kExitRefused;
    }
    auto endpointFuture = models::vncEndpointFor(session, uuid);
    QFutureWatcher<models::VncEndpoint> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<models::VncEndpoint>::finished, &loop,
                     &QEventLoop::quit);
    watcher.setFuture(endpointFuture);
    if (!endpointFuture.isFinished())
        loop.exec();
    models::VncEndpoint endpoint;
    try {
        endpoint = endpointFuture.result();
    } catch (...) {
        printError(models::errorText(std::current_exception()));
        return kExitHostFailed;
    }
    if (!endpoint.isValid()) {
        printError(endpoint.error);
        return kExitHostFailed;
    }
    models::VncSession vnc;
    vnc.setAskForPassword(false);
    vnc.connectToEndpoint(endpoint);
    QString error;
    if (!vnc.waitForFullFrame(parser.value(waitOption).toInt() * 1000, &error)) {
        printError(Text::tr("no full screen from %1: %2").arg(name, error));
        return kExitHostFailed;
    }
    const QImage frame = vnc.currentFrame();
    QImageWriter writer(out, "png");
    if (!writer.write(frame)) {
        printError(Text::tr("could not write %1: %2").arg(out, writer.errorString()));
        return kExitHostFailed;
    }
    printJson(QJsonObject{{u"vm"_s, name},
                          {u"file"_s, out},
                          {u"width"_s, frame.width()},
                          {u"height"_s, frame.height()}});
    return kExitOk;
}

} // namespace crossvirt::cli
