// crossvirt-cli forget-passwords: removes a connection's remembered passwords from the
// desktop's secret store (the keyring the GUI saved them in).
#include "app/cli/CliCommands.h"
#include "models/secrets/SecretStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace crossvirt::cli {

namespace {

int runForgetPasswords(const CliContext &ctx)
{
    QCommandLineParser parser;
    parser.addOption({u"uri"_s,
                      QCoreApplication::translate(
                          "cli", "The connection whose saved passwords to forget (repeatable)."),
                      u"URI"_s});
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, ctx, &exitCode))
        return exitCode;
    if (!requireOptions(parser, {u"uri"_s}))
        return kExitUsage;
    // No host is contacted: only the keyring is.
    models::SecretStore store;
    if (await(store.probe()) != models::SecretStore::Availability::Available) {
        printError(store.unavailableReason());
        return kExitHostFailed;
    }
    QJsonArray out;
    int failures = 0;
    for (const QString &uri : parser.values(u"uri"_s)) {
        const models::SecretResult result = await(store.forgetConnection(uri));
        QJsonObject o{{u"uri"_s, uri}, {u"forgotten"_s, result.ok()}};
        if (!result.ok()) {
            o.insert(u"error"_s, result.error);
            printError(QCoreApplication::translate("cli", "%1: %2").arg(uri, result.error));
            ++failures;
        }
        out.append(o);
    }
    printJson(out);
    return failures ? kExitHostFailed : kExitOk;
}

} // namespace

CliCommand forgetPasswordsCliCommand()
{
    return {"forget-passwords",
            QT_TRANSLATE_NOOP("cli", "Forget the passwords saved in the keyring for --uri URI"),
            runForgetPasswords};
}

} // namespace crossvirt::cli
