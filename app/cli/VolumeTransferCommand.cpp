// `crossvirt-cli volume upload|download`: a local file into a new volume, or a volume
// into a local file, through the same VolumeTransfer core the transfer dialog uses.
#include "app/cli/CliCommands.h"

#include "models/connection/HostSession.h"
#include "models/transfer/VolumeTransfer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonObject>

namespace crossvirt::cli {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(cli)
};
} // namespace

using namespace Qt::StringLiterals;
using models::TransferFailure;
using models::VolumeTransfer;

/// volume upload --pool P --name V --file F [--format raw|qcow2|iso] [--sha256]
/// volume download --pool P --name V --file F [--force] [--sha256]
/// Progress goes to stderr (a line rewritten in place on a terminal, else a line a
/// second); the result is a JSON object on stdout. Ctrl-C cancels: the volume an
/// upload created, or a download's partial file, is removed.
int runVolumeTransferCommand(const CliContext &ctx, bool upload)
{
    // Called as `volume upload ...` (the volume dispatcher may pass its own name first).
    CliContext own = ctx;
    if (own.arguments.size() >= 2 && own.arguments.first() == u"volume"_s)
        own.arguments.removeFirst();
    if (!own.arguments.isEmpty())
        own.arguments.first() = upload ? u"volume upload"_s : u"volume download"_s;

    QCommandLineParser parser;
    const QCommandLineOption poolOption(u"pool"_s, Text::tr("The storage pool (active)."), u"P"_s);
    const QCommandLineOption nameOption(
        u"name"_s,
        upload ? Text::tr("The new volume's name (default: the file's name).")
               : Text::tr("The volume to download."),
        u"V"_s);
    const QCommandLineOption fileOption(u"file"_s,
                                        upload ? Text::tr("The local file to upload.")
                                               : Text::tr("The local file to write."),
                                        u"F"_s);
    const QCommandLineOption formatOption(
        u"format"_s, Text::tr("raw, qcow2 or iso (default: from the file's contents)."),
        u"FORMAT"_s);
    const QCommandLineOption forceOption(u"force"_s,
                                         Text::tr("Replace the local file if it exists."));
    const QCommandLineOption shaOption(
        u"sha256"_s, Text::tr("Add the SHA-256 of the data transferred to the result."));
    parser.addOptions({poolOption, nameOption, fileOption, shaOption});
    parser.addOption(upload ? formatOption : forceOption);
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, own, &exitCode))
        return exitCode;
    const QString file = parser.value(fileOption);
    QString name = parser.value(nameOption);
    if (upload && name.isEmpty())
        name = file.section(u'/', -1);
    if (!parser.isSet(poolOption) || name.isEmpty() || file.isEmpty()) {
        printError(Text::tr("volume %1: --pool, --name and --file are needed")
                       .arg(upload ? u"upload"_s : u"download"_s));
        return kExitUsage;
    }

    // Refuse what is wrong locally before reaching the host.
    models::UploadRequest up{parser.value(poolOption), name, file, parser.value(formatOption),
                             parser.isSet(shaOption)};
    models::DownloadRequest down{parser.value(poolOption), name, file,
                                 !upload && parser.isSet(forceOption), parser.isSet(shaOption)};
    bool exists = false;
    const QString problem = upload ? VolumeTransfer::checkUploadLocally(up)
                                   : VolumeTransfer::checkDownloadLocally(down, &exists);
    if (!problem.isEmpty()) {
        printError(
            exists ? Text::tr("volume download: %1 (use --force to replace it)").arg(problem)
                   : Text::tr("volume %1: %2").arg(upload ? u"upload"_s : u"download"_s, problem));
        return kExitRefused;
    }

    if (own.uris.size() != 1) {
        printError(Text::tr("give exactly one host with --connect URI"));
        return kExitUsage;
    }
    QObject owner;
    const QList<models::HostSession *> sessions = openHosts(own.uris, own.timeoutSeconds, &owner);
    models::HostSession *session = sessions.value(0);
    if (const QString error = session ? hostError(session) : Text::tr("no host");
        !error.isEmpty()) {
        printError(Text::tr("%1: %2").arg(own.uris.first(), error));
        return kExitHostFailed;
    }

    VolumeTransfer transfer(session);
    if (const QByteArray delay = qgetenv("CROSSVIRT_TRANSFER_CHUNK_DELAY_MS"); !delay.isEmpty())
        transfer.setChunkDelayForTesting(delay.toInt()); // lets tests interrupt half way
    ProgressLine progressLine;
    QObject::connect(&transfer, &VolumeTransfer::progress, &owner,
                     [&](const models::TransferProgress &p) { progressLine.show(p.text()); });
    QEventLoop loop;
    int result = kExitOk;
    QObject::connect(&transfer, &VolumeTransfer::finished, &owner,
                     [&](const models::TransferResult &r) {
                         progressLine.end();
                         QJsonObject o{{u"operation"_s, upload ? u"upload"_s : u"download"_s},
                                       {u"host"_s, session->uri()},
                                       {u"pool"_s, r.pool},
                                       {u"volume"_s, r.volume},
                                       {u"path"_s, r.volumePath},
                                       {u"file"_s, r.localFile},
                                       {u"bytes"_s, double(r.bytes)},
                                       {u"data_bytes"_s, double(r.dataBytes)},
                                       {u"seconds"_s, r.seconds}};
                         if (!r.sha256.isEmpty())
                             o.insert(u"sha256"_s, r.sha256);
                         printJson(o);
                         loop.quit();
                     });
    QObject::connect(&transfer, &VolumeTransfer::failed, &owner,
                     [&](TransferFailure kind, const QString &message) {
                         progressLine.end();
                         printError(kind == TransferFailure::Exists
                                        ? Text::tr("%1 (use --force to replace it)").arg(message)
                                        : message);
                         switch (kind) {
                         case TransferFailure::Invalid:
                         case TransferFailure::Exists:
                             result = kExitRefused;
                             break;
                         case TransferFailure::Cancelled:
                             result = kExitInterrupted;
                             break;
                         default:
                             result = kExitHostFailed;
                         }
                         loop.quit();
                     });
    // Ctrl-C / SIGTERM cancel the transfer, which then cleans up and ends the loop.
    const InterruptWatch interrupts([&transfer] { transfer.cancel(); });
    if (upload)
        transfer.startUpload(up);
    else
        transfer.startDownload(down);
    loop.exec();
    return result;
}

} // namespace crossvirt::cli
