// crossvirt-cli console-snapshot and serial: the same VNC and serial console code as the
// GUI, no window.
#include "app/cli/CliCommands.h"
#include "models/connection/HostSession.h"
#include "models/console/ConsoleEndpoints.h"
#include "models/console/SerialConsoleSession.h"
#include "models/console/VncPlaceholderDetector.h"
#include "models/console/VncSession.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFutureWatcher>
#include <QImageWriter>
#include <QJsonObject>
#include <QThread>
#include <QTimer>
#include <cctype>
#include <cstdio>
#include <optional>

namespace crossvirt::cli {

namespace {
// lupdate and the runtime both see the context "cli" for Text::tr().
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(cli)
};
} // namespace

using namespace Qt::StringLiterals;

namespace {

constexpr const char kVncPasswordEnv[] = "CROSSVIRT_VNC_PASSWORD";

// The first line of `fdText` (a descriptor number the caller opened for us).
bool readPasswordFromFd(const QString &fdText, QString *password, QString *error)
{
    bool ok = false;
    const int fd = fdText.toInt(&ok);
    QFile file;
    if (!ok || fd < 0 || !file.open(fd, QIODevice::ReadOnly)) {
        *error = Text::tr("--password-fd: %1 is not an open file descriptor").arg(fdText);
        return false;
    }
    QByteArray line = file.readLine(4096);
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    *password = QString::fromUtf8(line);
    line.fill('\0');
    if (password->isEmpty()) {
        *error = Text::tr("--password-fd: no password could be read from descriptor %1").arg(fd);
        return false;
    }
    return true;
}

} // namespace

int runConsoleSnapshot(const CliContext &ctx)
{
    QCommandLineParser parser;
    const QCommandLineOption vmOption(u"vm"_s, Text::tr("Name of the virtual machine."), u"NAME"_s);
    const QCommandLineOption outOption(u"out"_s, Text::tr("PNG file to write."), u"FILE"_s);
    const QCommandLineOption waitOption(
        u"wait"_s,
        Text::tr("Seconds to wait for a full screen of the guest's own (default 30); QEMU's "
                 "\"Guest has not initialized the display\" placeholder does not count (exit 1 "
                 "when only that came)."),
        u"S"_s, u"30"_s);
    // Never the password itself on the command line (other users see it in ps).
    const QCommandLineOption passwordFdOption(
        u"password-fd"_s,
        Text::tr("Read the VNC password from the first line of file descriptor FD (0: standard "
                 "input). Otherwise it is taken from the environment variable %1, if set.")
            .arg(QLatin1StringView(kVncPasswordEnv)),
        u"FD"_s);
    parser.addOptions({vmOption, outOption, waitOption, passwordFdOption});
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, ctx, &exitCode))
        return exitCode;
    const QString name = parser.value(vmOption);
    const QString out = parser.value(outOption);
    QString password;
    if (parser.isSet(passwordFdOption)) {
        QString error;
        if (!readPasswordFromFd(parser.value(passwordFdOption), &password, &error)) {
            printError(error);
            return kExitUsage;
        }
    } else {
        password = qEnvironmentVariable(kVncPasswordEnv);
    }
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
    if (!password.isEmpty())
        endpoint.password = password;
    models::VncSession vnc;
    vnc.setAskForPassword(false);
    vnc.connectToEndpoint(endpoint);
    password.fill(u'\0');
    QString error;
    const int waitSeconds = parser.value(waitOption).toInt();
    QDeadlineTimer deadline(qint64(waitSeconds) * 1000);
    if (!vnc.waitForFullFrame(waitSeconds * 1000, &error)) {
        printError(Text::tr("no full screen from %1: %2").arg(name, error));
        return kExitHostFailed;
    }
    // QEMU's placeholder is not the guest's screen: wait for the guest's first drawing.
    QImage frame = vnc.currentFrame();
    auto placeholder = models::VncPlaceholderDetector::classify(frame);
    while (placeholder != models::VncPlaceholderDetector::Placeholder::None &&
           !deadline.hasExpired() && vnc.failure() == models::VncSession::Failure::None) {
        QThread::msleep(200);
        frame = vnc.currentFrame();
        placeholder = models::VncPlaceholderDetector::classify(frame);
    }
    if (placeholder != models::VncPlaceholderDetector::Placeholder::None) {
        printError(Text::tr("the guest has not initialized its display: after %1 s QEMU still "
                            "shows “%2” (no PNG written)")
                       .arg(QString::number(waitSeconds),
                            models::VncPlaceholderDetector::message(placeholder)));
        return kExitRefused;
    }
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

namespace {

/// Turns the escapes of --send/--until into bytes: \n \r \t \e \\ \xHH; any other
/// backslash pair is an error (a typo should not reach the guest as text).
bool unescape(const QString &text, QByteArray *out, QString *error)
{
    const QByteArray in = text.toUtf8();
    out->clear();
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in.at(i);
        if (c != '\\') {
            out->append(c);
            continue;
        }
        if (++i >= in.size()) {
            *error = Text::tr("“%1” ends with a lone backslash (write \\\\ for one)").arg(text);
            return false;
        }
        switch (in.at(i)) {
        case 'n':
            out->append('\n');
            break;
        case 'r':
            out->append('\r');
            break;
        case 't':
            out->append('\t');
            break;
        case 'e':
            out->append('\x1b');
            break;
        case '\\':
            out->append('\\');
            break;
        case 'x': {
            const QByteArray digits = in.mid(i + 1, 2);
            bool ok =
                digits.size() == 2 && isxdigit(uchar(digits[0])) && isxdigit(uchar(digits[1]));
            const int value = ok ? digits.toInt(&ok, 16) : 0;
            if (!ok) {
                *error = Text::tr("\\x in “%1” needs two hex digits").arg(text);
                return false;
            }
            out->append(char(value));
            i += 2;
            break;
        }
        default:
            *error = Text::tr("unknown escape \\%1 in “%2” (known: \\n \\r \\t \\e \\\\ \\xHH)")
                         .arg(QChar::fromLatin1(in.at(i)), text);
            return false;
        }
    }
    return true;
}

/// Runs the event loop until `future` finishes or `timeoutMs` passed.
template<typename T> bool waitForFuture(const QFuture<T> &future, int timeoutMs)
{
    if (future.isFinished())
        return true;
    QFutureWatcher<T> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    watcher.setFuture(future);
    if (!future.isFinished())
        loop.exec();
    return future.isFinished();
}

void writeOut(const QByteArray &bytes)
{
    fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    fflush(stdout);
}

/// The one VM named `name` among the connected hosts. Returns the exit code to end with
/// (kExitOk when found: *session and *uuid are set).
int findVm(const QList<models::HostSession *> &sessions, const QString &name,
           models::HostSession **session, QString *uuid)
{
    QStringList where;
    QStringList failed;
    for (models::HostSession *s : sessions) {
        if (const QString error = hostError(s); !error.isEmpty()) {
            printError(Text::tr("%1: %2").arg(s->uri(), error));
            failed << s->uri();
            continue;
        }
        for (const auto &d : s->domains()) {
            if (d.name == name) {
                where << s->uri();
                *session = s;
                *uuid = d.uuid;
            }
        }
    }
    if (where.size() > 1) {
        printError(Text::tr("“%1” exists on several hosts (%2): choose one with --connect URI")
                       .arg(name, where.join(u", "_s)));
        return kExitRefused;
    }
    if (where.isEmpty()) {
        if (!failed.isEmpty()) // it may be on the host that did not answer
            return kExitHostFailed;
        QStringList uris;
        for (const models::HostSession *s : sessions)
            uris << s->uri();
        printError(Text::tr("no virtual machine named “%1” on %2").arg(name, uris.join(u", "_s)));
        return kExitRefused;
    }
    return kExitOk;
}

} // namespace

int runSerialCommand(const CliContext &ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr(
        "Prints what the VM's serial console shows, the bytes as received, on stdout (notes go\n"
        "to stderr), like a non-interactive `virsh console`. The console is taken over from any\n"
        "other client, as virt-manager does. TEXT of --send and --until understands the escapes\n"
        "\\n \\r \\t \\e \\\\ and \\xHH, e.g. --send 'uname -a\\n'.\n\n"
        "Exit 0 after S seconds, once --until TEXT appeared, or when the guest stopped and so\n"
        "closed its console (a note on stderr says so); 1 when the VM is not running, has no\n"
        "serial console, or --until TEXT did not appear; 2 when the host is unreachable, the\n"
        "console could not be opened, or something else closed it (e.g. another client took it\n"
        "over)."));
    const QCommandLineOption vmOption(u"vm"_s, Text::tr("Name of the virtual machine."), u"NAME"_s);
    const QCommandLineOption secondsOption(
        u"seconds"_s, Text::tr("How long to read the console, in seconds (default 10)."), u"S"_s,
        u"10"_s);
    const QCommandLineOption sendOption(
        u"send"_s, Text::tr("Type TEXT into the console once it is open (escapes as above)."),
        u"TEXT"_s);
    const QCommandLineOption untilOption(
        u"until"_s,
        Text::tr("Stop as soon as TEXT has appeared in the output (exit 1 if it "
                 "does not within S seconds)."),
        u"TEXT"_s);
    parser.addOptions({vmOption, secondsOption, sendOption, untilOption});
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, ctx, &exitCode))
        return exitCode;
    const QString name = parser.value(vmOption);
    if (name.isEmpty()) {
        printError(Text::tr("serial needs --vm NAME"));
        return kExitUsage;
    }
    bool secondsOk = false;
    const double seconds = parser.value(secondsOption).toDouble(&secondsOk);
    if (!secondsOk || seconds <= 0 || seconds > 24 * 3600) {
        printError(Text::tr("--seconds needs a number of seconds above 0 (got “%1”)")
                       .arg(parser.value(secondsOption)));
        return kExitUsage;
    }
    QByteArray send;
    QByteArray until;
    QString escapeError;
    if (!unescape(parser.value(sendOption), &send, &escapeError) ||
        !unescape(parser.value(untilOption), &until, &escapeError)) {
        printError(escapeError);
        return kExitUsage;
    }
    if (parser.isSet(untilOption) && until.isEmpty()) {
        printError(Text::tr("--until needs a non-empty TEXT"));
        return kExitUsage;
    }

    QObject owner;
    const auto sessions = openHosts(ctx.uris, ctx.timeoutSeconds, &owner);
    models::HostSession *session = nullptr;
    QString uuid;
    if (const int found = findVm(sessions, name, &session, &uuid); found != kExitOk)
        return found;
    const auto summary = session->domain(uuid);
    if (!summary || !models::isActive(summary->state)) {
        printError(
            Text::tr("“%1” is not running (%2): its serial console shows nothing")
                .arg(name, summary ? models::domainStateText(summary->state) : Text::tr("gone")));
        return kExitRefused;
    }
    // A VM without a <serial> or <console> device has nothing to open: say so plainly
    // instead of relaying libvirt's "cannot find character device".
    auto detailsFuture = session->domainDetails(uuid);
    if (!waitForFuture(detailsFuture, ctx.timeoutSeconds * 1000)) {
        printError(Text::tr("%1: no answer from the host in time").arg(session->uri()));
        return kExitHostFailed;
    }
    models::DomainDetails details;
    try {
        details = detailsFuture.result();
    } catch (...) {
        printError(
            Text::tr("%1: %2").arg(session->uri(), models::errorText(std::current_exception())));
        return kExitHostFailed;
    }
    if (details.consoles.isEmpty()) {
        printError(Text::tr("“%1” has no serial console (no <serial> or <console> device in its "
                            "definition)")
                       .arg(name));
        return kExitRefused;
    }

    models::SerialConsoleSession serial(session, uuid);
    QEventLoop loop;
    QTimer readTimer;
    readTimer.setSingleShot(true);
    // "--seconds S" means at least S seconds: a coarse timer may fire up to 5 % early.
    readTimer.setTimerType(Qt::PreciseTimer);
    QObject::connect(&readTimer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QElapsedTimer sinceOpen;
    qint64 received = 0;
    QByteArray tail; // the last bytes, so --until TEXT split over two reads is still found
    bool opened = false;
    bool untilSeen = false;
    std::optional<QString> closedWith;
    QObject::connect(&serial, &models::SerialConsoleSession::opened, &loop, [&] {
        opened = true;
        sinceOpen.start();
        readTimer.start(int(seconds * 1000));
        serial.send(send);
    });
    QObject::connect(&serial, &models::SerialConsoleSession::received, &loop,
                     [&](const QByteArray &bytes) {
                         writeOut(bytes);
                         received += bytes.size();
                         if (until.isEmpty())
                             return;
                         tail += bytes;
                         if (tail.contains(until)) {
                             untilSeen = true;
                             loop.quit();
                         }
                         tail = tail.right(until.size() - 1);
                     });
    QObject::connect(&serial, &models::SerialConsoleSession::closed, &loop,
                     [&](const QString &error) {
                         if (!closedWith)
                             closedWith = error;
                         loop.quit();
                     });
    // Opening gets the host timeout; reading starts once the console is open.
    QTimer openTimer;
    openTimer.setSingleShot(true);
    QObject::connect(&openTimer, &QTimer::timeout, &loop, [&] {
        if (!opened)
            loop.quit();
    });
    openTimer.start(ctx.timeoutSeconds * 1000);
    serial.open();
    loop.exec();

    if (!opened) {
        printError(
            closedWith
                ? Text::tr("could not open the serial console of “%1”: %2").arg(name, *closedWith)
                : Text::tr("could not open the serial console of “%1”: no answer "
                           "from %2 in time")
                      .arg(name, session->uri()));
        return kExitHostFailed;
    }
    if (untilSeen) {
        serial.close();
        return kExitOk;
    }
    const QString elapsed = QString::number(double(sinceOpen.elapsed()) / 1000.0, 'f', 1);
    if (closedWith) {
        // The guest powering off (or crashing) ends the console: that is what it showed.
        // Anything else (another client took it over, a stream error) is a failure.
        QElapsedTimer settle;
        settle.start();
        auto stopped = [&] {
            const auto d = session->domain(uuid);
            return !d || !models::isActive(d->state);
        };
        while (!stopped() && settle.elapsed() < 3000) {
            QEventLoop wait;
            QTimer::singleShot(100, &wait, &QEventLoop::quit);
            wait.exec();
        }
        if (stopped()) {
            const auto d = session->domain(uuid);
            printError(Text::tr("the console closed after %1 s: the guest stopped (%2)")
                           .arg(elapsed, d ? models::domainStateText(d->state) : Text::tr("gone")));
            if (!until.isEmpty()) {
                printError(Text::tr("“%1” did not appear").arg(parser.value(untilOption)));
                return kExitRefused;
            }
            return kExitOk;
        }
        printError(Text::tr("the console closed after %1 s while the guest still runs (another "
                            "client may have taken it over): %2")
                       .arg(elapsed, closedWith->isEmpty() ? Text::tr("closed") : *closedWith));
        return kExitHostFailed;
    }
    serial.close();
    if (!until.isEmpty()) {
        printError(Text::tr("“%1” did not appear within %2 s")
                       .arg(parser.value(untilOption), parser.value(secondsOption)));
        return kExitRefused;
    }
    if (received == 0)
        printError(Text::tr("the console of “%1” showed nothing in %2 s").arg(name, elapsed));
    return kExitOk;
}

} // namespace crossvirt::cli
