// crossvirt-cli: the same libraries as the GUI, for scripts and tests; prints JSON.
#include "app/AppSetup.h"
#include "app/cli/CliCommands.h"
#include "models/connection/ConnectionStore.h"
#include "models/connection/DemoDatacenter.h"

#include <QCoreApplication>
#include <cstdio>

using namespace crossvirt;
using namespace Qt::StringLiterals;

namespace {

void printUsage(FILE *to)
{
    QString text = QCoreApplication::translate(
        "cli", "Usage: crossvirt-cli [global options] COMMAND [options]\n"
               "Prints JSON on stdout (serial: the console's bytes; dumpxml: the XML) and messages on stderr. "
               "`crossvirt-cli COMMAND --help` lists a command's options.\n\nCommands:\n");
    for (const auto &c : cli::cliCommands()) {
        // At least two spaces after the name: the man page generator splits there.
        text += u"  "_s + QString::fromLatin1(c.name).leftJustified(16) + u"  "_s +
                QCoreApplication::translate("cli", c.summary) + u'\n';
    }
    text += u'\n' + cli::globalHelpText();
    const QByteArray bytes = text.toLocal8Bit();
    fwrite(bytes.constData(), 1, size_t(bytes.size()), to);
}

QStringList defaultUris()
{
    const models::ConnectionStore store;
    const auto loaded = store.load();
    QList<models::SavedConnection> list = loaded.connections;
    if (loaded.status != models::ConnectionStore::Status::Loaded) {
        if (!loaded.error.isEmpty())
            cli::printError(loaded.error);
        QString error;
        list = models::DemoDatacenter::install(models::DemoDatacenter::defaultFolder(), &error);
        if (!error.isEmpty())
            cli::printError(error);
    }
    QStringList uris;
    for (const auto &c : std::as_const(list))
        uris << c.uri;
    return uris;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    app::setUpApplication(app);

    // Global options are accepted before or after the command; the command parses the
    // rest itself (its --help included).
    QStringList args = app.arguments().mid(1);
    cli::CliContext ctx;
    QString error;
    if (!cli::takeGlobalOptions(&args, &ctx, &error)) {
        cli::printError(error);
        return cli::kExitUsage;
    }
    while (!args.isEmpty() && args.first().startsWith(u'-')) {
        const QString opt = args.takeFirst();
        if (opt == "--help"_L1 || opt == "-h"_L1) {
            printUsage(stdout);
            return cli::kExitOk;
        }
        if (opt == "--version"_L1) {
            printf("crossvirt-cli %s\n", qPrintable(app::versionString()));
            return cli::kExitOk;
        }
        cli::printError(QCoreApplication::translate("cli", "unknown option %1").arg(opt));
        printUsage(stderr);
        return cli::kExitUsage;
    }
    if (args.isEmpty()) {
        printUsage(stderr);
        return cli::kExitUsage;
    }
    const QString name = args.first();
    ctx.arguments = args;
    for (const auto &c : cli::cliCommands()) {
        if (name == QLatin1String(c.name)) {
            if (ctx.uris.isEmpty())
                ctx.uris = defaultUris();
            return c.run(ctx);
        }
    }
    cli::printError(QCoreApplication::translate("cli", "unknown command %1").arg(name));
    printUsage(stderr);
    return cli::kExitUsage;
}
