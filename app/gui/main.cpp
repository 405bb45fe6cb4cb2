// crossvirt: the desktop console.
#include "app/AppSetup.h"
#include "models/connection/Datacenter.h"
#include "models/connection/HostSession.h"
#include "views/common/StateIcons.h"
#include "views/connection/CredentialDialog.h"
#include "views/mainwindow/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QTimer>

using namespace crossvirt;
using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    app::setUpApplication(app);
    QApplication::setWindowIcon(views::applicationIcon());
    QApplication::setApplicationDisplayName(QCoreApplication::translate("main", "Crossvirt"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Console for libvirt datacenters whose hosts and guests span CPU architectures."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption connectOption(
        {u"c"_s, u"connect"_s},
        QCoreApplication::translate("main",
                                    "Connect to URI instead of the saved list (repeatable)."),
        QCoreApplication::translate("main", "URI"));
    parser.addOption(connectOption);
    parser.process(app);

    models::Datacenter datacenter;
    views::MainWindow window(&datacenter);
    datacenter.setCredentialProvider(new views::CredentialDialogProvider(&window));

    const QStringList uris = parser.values(connectOption);
    QString loadError;
    if (!uris.isEmpty()) {
        datacenter.useTransient(uris);
    } else {
        loadError = datacenter.loadSaved().error;
    }
    window.show();
    if (!loadError.isEmpty()) {
        QTimer::singleShot(0, &window, [&window, loadError] {
            window.reportError(QCoreApplication::translate("main", "Saved connections"),
                               loadError);
        });
    }
    return app.exec();
}
