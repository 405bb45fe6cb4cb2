// crossvirt: the desktop console.
#include "app/AppSetup.h"
#include "app/core/ApplicationCore.h"
#include "models/connection/Datacenter.h"
#include "models/connection/HostSession.h"
#include "views/common/StateIcons.h"
#include "views/common/Theme.h"
#include "views/connection/CredentialDialog.h"
#include "views/mainwindow/MainWindow.h"
#include "views/mainwindow/StartupPaint.h"
#include "views/vm/VmWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QTimer>

using namespace crossvirt;
using namespace Qt::StringLiterals;

namespace {

// Built after the translator is installed, so --help is translated too.
QCommandLineOption connectOption()
{
    return QCommandLineOption({u"c"_s, u"connect"_s},
                              QCoreApplication::translate(
                                  "main", "Connect to URI instead of the saved list (repeatable)."),
                              QCoreApplication::translate("main", "URI"));
}

QCommandLineOption consoleOption()
{
    return QCommandLineOption(
        u"show-domain-console"_s,
        QCoreApplication::translate("main", "Open the console of the virtual machine NAME."),
        QCoreApplication::translate("main", "NAME"));
}

void describeOptions(QCommandLineParser &parser, const QCommandLineOption &connect)
{
    parser.addOption(consoleOption());
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Console for libvirt datacenters whose hosts and guests span CPU architectures."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(connect);
}

// --help and --version must work without a display (scripts, SSH sessions).
bool onlyAsksForHelpOrVersion(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "--help" || a == "-h" || a == "--help-all" || a == "--version" || a == "-v")
            return true;
    }
    return false;
}

} // namespace

int runGui(QApplication &app);

int main(int argc, char **argv)
{
    if (onlyAsksForHelpOrVersion(argc, argv)) {
        QCoreApplication app(argc, argv);
        app::setUpApplication(app);
        QCommandLineParser parser;
        describeOptions(parser, connectOption());
        parser.process(app); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    const int rc = runGui(app);
    // Give the hosts' worker threads a moment to close their connections cleanly;
    // one stuck on a host that never answers is left behind.
    models::HostSession::waitForStoppingWorkers(3000);
    return rc;
}

int runGui(QApplication &app)
{
    app::setUpApplication(app);
    views::applyTheme(views::savedThemeChoice()); // File › Preferences › Theme
    QApplication::setWindowIcon(views::applicationIcon());
    // Wayland's app id and the desktop entry's name (data/), so the shell shows its icon.
    QGuiApplication::setDesktopFileName(u"io.github.crossvirt.Crossvirt"_s);
    QApplication::setApplicationDisplayName(QCoreApplication::translate("main", "Crossvirt"));

    QCommandLineParser parser;
    const QCommandLineOption connect = connectOption();
    describeOptions(parser, connect);
    parser.process(app);
    const QString consoleVm = parser.value(u"show-domain-console"_s);

    // The core owns the models and outlives the window, which only presents them.
    app::ApplicationCore core;
    views::MainWindow window(core.windowModels());
    auto *credentials = new views::CredentialDialogProvider(&window);
    credentials->setSecretStore(core.secrets());
    QObject::connect(credentials, &views::CredentialDialogProvider::secretStoreFailed, &window,
                     [&window](const QString &error) {
                         window.reportError(QCoreApplication::translate("main", "Saved passwords"),
                                            error);
                     });
    core.datacenter()->setCredentialProvider(credentials);
    views::holdHostsUntilPainted(&window, core.datacenter());
    const QString loadError = core.open(parser.values(connect));
    window.show();
    if (!loadError.isEmpty()) {
        QTimer::singleShot(0, &window, [&window, loadError] {
            window.reportError(QCoreApplication::translate("main", "Saved connections"), loadError);
        });
    }
    if (!consoleVm.isEmpty()) {
        // Open the VM's console as soon as a host lists a VM of that name.
        auto opened = std::make_shared<bool>(false);
        auto tryOpen = [&window, consoleVm, opened](models::HostSession *s) {
            if (*opened)
                return;
            for (const auto &d : s->domains()) {
                if (d.name == consoleVm) {
                    *opened = true;
                    if (views::VmWindow *vm = window.openVm(s->uri(), d.uuid))
                        vm->showConsole();
                    return;
                }
            }
        };
        for (models::HostSession *s : core.datacenter()->sessions()) {
            QObject::connect(s, &models::HostSession::domainsReset, &window,
                             [s, tryOpen] { tryOpen(s); });
        }
        QTimer::singleShot(30000, &window, [&window, consoleVm, opened] {
            if (!*opened) {
                window.reportError(QCoreApplication::translate("main", "Console"),
                                   QCoreApplication::translate(
                                       "main", "No connected host has a virtual machine named "
                                               "“%1”.")
                                       .arg(consoleVm));
            }
        });
    }
    return app.exec();
}
