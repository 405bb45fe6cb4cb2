#include "e2e/E2eSupport.h"

#include "common/TestSupport.h"
#include "models/connection/LibvirtError.h"
#include "models/console/SerialConsoleSession.h"
#include "models/provisioning/HostChoices.h"
#include "models/provisioning/ProvisioningJobs.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>

#include <cstdio>
#include <signal.h>

using namespace Qt::StringLiterals;

namespace crossvirt::test::e2e {

void info(const QString &tag, const QString &text)
{
    std::printf("[ %-8s ] %s\n", tag.toLocal8Bit().constData(), text.toLocal8Bit().constData());
    std::fflush(stdout);
}

bool waitForFuture(const std::function<bool()> &finished, int timeoutMs)
{
    return crossvirt::test::waitUntil(finished, timeoutMs);
}

std::unique_ptr<models::HostSession> openSession(const QString &uri, QString *error, int timeoutMs)
{
    auto session = std::make_unique<models::HostSession>(uri);
    session->open();
    const bool ok = crossvirt::test::waitUntil(
        [&session] { return session->state() == models::ConnectionState::Connected; }, timeoutMs);
    if (!ok) {
        if (error)
            *error = u"%1 did not connect: %2"_s.arg(uri, session->lastError());
        return nullptr;
    }
    return session;
}

std::optional<qint64> livingQemuPid(const QString &name)
{
    QFile pidFile(u"/run/libvirt/qemu/%1.pid"_s.arg(name));
    if (!pidFile.open(QIODevice::ReadOnly))
        return std::nullopt;
    bool ok = false;
    const qint64 pid = QString::fromLatin1(pidFile.readAll()).trimmed().toLongLong(&ok);
    if (!ok || pid <= 0 || ::kill(pid_t(pid), 0) != 0)
        return std::nullopt;
    QFile cmdline(u"/proc/%1/cmdline"_s.arg(pid));
    if (!cmdline.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray args = cmdline.readAll();
    if (!args.contains(QByteArray(QByteArray("guest=") + name.toUtf8())))
        return std::nullopt;
    return pid;
}

QString exceptionText(std::exception_ptr e)
{
    try {
        std::rethrow_exception(e);
    } catch (const models::LibvirtError &err) {
        return err.text();
    } catch (const std::exception &err) {
        return QString::fromLocal8Bit(err.what());
    } catch (...) {
        return u"unknown exception"_s;
    }
}

QString createDefaultGuest(models::HostSession *session, const LibvirtDaemon &daemon,
                           const QString &archName, const QString &name, QString *error,
                           const QString &graphics, qint64 diskGiB)
{
    using namespace crossvirt::models;
    namespace arch = crossvirt::arch;
    HostChoicesProvider provider(session);
    try {
        GuestHostContext host = await(provider.guestContext(archName));
        const arch::VirtType wanted =
            daemon.domainTypeFor(archName) == "kvm"_L1 ? arch::VirtType::Kvm : arch::VirtType::Qemu;
        if (host.placement.virtType != wanted) {
            host.placement.virtType = wanted;
            host.domainCaps = await(provider.domainCapabilities(archName, host.machine, wanted));
        }
        const auto choices = computeGuestChoices(host);
        if (!choices) {
            *error = u"unknown arch "_s + archName;
            return {};
        }
        const arch::DefaultDevices &d = choices->defaults;
        const arch::GuestContext ctx = host.context(false, d.firmware);
        VmSpec spec;
        spec.hostUri = session->uri();
        spec.name = name;
        spec.arch = archName;
        spec.machine = d.machine;
        spec.virtType = wanted;
        spec.memoryMiB = host.model()->limits(ctx).alignMemoryMiB(512);
        spec.cpu = d.cpu;
        if (wanted == arch::VirtType::Kvm && LibvirtDaemon::hostArch() == "x86_64"_L1)
            spec.cpu = arch::CpuChoice{arch::CpuMode::Default, {}};
        spec.firmware = d.firmware;
        spec.diskInterface = d.diskInterface;
        if (diskGiB > 0) {
            spec.storage.kind = StorageKind::NewVolume;
            spec.storage.pool = LibvirtDaemon::poolName();
            spec.storage.sizeGiB = diskGiB;
        }
        spec.graphics = graphics.isEmpty() ? d.graphics : graphics;
        spec.video = graphics == "none"_L1 ? QString() : d.video;
        spec.console = choices->consoleTypes.firstOffered();
        spec.startAfterCreate = true;
        const auto plan = planCreateVm(spec, ctx, error);
        if (!plan)
            return {};
        const CreatedVm vm = await(createVm(session, *plan), 120'000);
        info(u"guest"_s, u"%1 started (%2, %3) on %4"_s.arg(
                             name, archName, arch::virtTypeName(wanted), session->uri()));
        return vm.uuid;
    } catch (...) {
        *error = exceptionText(std::current_exception());
        return {};
    }
}

// ---- GuestShell ---------------------------------------------------------------------

GuestShell::GuestShell(models::HostSession *session, const QString &uuid)
    : m_console(std::make_unique<models::SerialConsoleSession>(session, uuid))
{
    QObject::connect(m_console.get(), &models::SerialConsoleSession::received, m_console.get(),
                     [this](const QByteArray &bytes) {
                         m_log.append(bytes);
                         m_raw.append(bytes);
                     });
    QObject::connect(m_console.get(), &models::SerialConsoleSession::closed, m_console.get(),
                     [this](const QString &why) { m_closeReason = why; });
}

GuestShell::~GuestShell() = default;

bool GuestShell::open(int timeoutMs)
{
    m_console->open();
    return crossvirt::test::waitUntil([this] { return m_console->isOpen(); }, timeoutMs);
}

std::optional<GuestReport> GuestShell::waitForReport(int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    if (!crossvirt::test::waitUntil([this] { return m_log.latestReport().has_value(); }, timeoutMs))
        return std::nullopt;
    // The shell starts after the report: poke it until its prompt shows.
    const QByteArray prompt("crossvirt-guest# ");
    const qsizetype from = m_raw.lastIndexOf("CROSSVIRT-READY");
    const bool prompted = crossvirt::test::waitUntil(
        [&] {
            if (m_raw.indexOf(prompt, from) >= 0)
                return true;
            m_console->send("\n");
            return crossvirt::test::waitUntil([&] { return m_raw.indexOf(prompt, from) >= 0; },
                                              2000);
        },
        int(std::max<qint64>(timeoutMs - clock.elapsed(), 30'000)));
    if (!prompted)
        return std::nullopt;
    return m_log.latestReport();
}

namespace {

QString cleanConsoleText(const QByteArray &bytes)
{
    static const QRegularExpression escapes(u"\x1b\\[[0-9;?]*[A-Za-z]|\x1b[()][A-Za-z0-9]"_s);
    QString text = QString::fromUtf8(bytes);
    text.remove(escapes);
    text.remove(u'\r');
    return text;
}

} // namespace

std::optional<QString> GuestShell::run(const QString &command, int timeoutMs)
{
    const int n = ++m_commands;
    // "CVSH<n>" followed by B/E as the shell prints them: "$((n))" in the echoed line.
    const QByteArray begin = QByteArray("CVSH") + QByteArray::number(n) + "B";
    const QByteArray end = QByteArray("CVSH") + QByteArray::number(n) + "E";
    const qsizetype from = m_raw.size();
    QString body = command.trimmed();
    while (body.endsWith(u';'))
        body.chop(1);
    // { ...; } 2>&1: stderr of every command of the line, not only of the last one.
    const QString line = u"echo CVSH$((%1))B; { %2; } 2>&1; echo CVSH$((%1))E\n"_s.arg(n).arg(body);
    m_console->send(line.toUtf8());
    qsizetype b = -1, e = -1;
    const bool done = crossvirt::test::waitUntil(
        [&] {
            b = m_raw.indexOf(begin, from);
            if (b < 0)
                return false;
            e = m_raw.indexOf(end, b + begin.size());
            return e >= 0;
        },
        timeoutMs);
    if (!done)
        return std::nullopt;
    // Output: from the line after the begin marker up to the end marker.
    qsizetype start = m_raw.indexOf('\n', b);
    if (start < 0 || start > e)
        start = b + begin.size();
    return cleanConsoleText(m_raw.mid(start, e - start)).trimmed();
}

std::optional<QString> GuestShell::runUntil(const QString &command,
                                            const std::function<bool(const QString &)> &done,
                                            int timeoutMs, QString *lastOutput, int intervalMs)
{
    QElapsedTimer clock;
    clock.start();
    while (true) {
        const int left = int(timeoutMs - clock.elapsed());
        const auto out = run(command, std::max(left, 5000));
        if (out) {
            if (lastOutput)
                *lastOutput = *out;
            if (done(*out))
                return out;
        }
        if (clock.elapsed() >= timeoutMs)
            return std::nullopt;
        crossvirt::test::waitUntil([] { return false; }, intervalMs);
    }
}

std::string GuestShell::tail(int lines) const
{
    QString text = u"\n--- last %1 console lines ---\n"_s.arg(lines) +
                   m_log.lastLines(lines).join(u'\n') + u"\n---"_s;
    if (!m_closeReason.isEmpty())
        text += u"\n(console closed: "_s + m_closeReason + u")"_s;
    return text.toStdString();
}

} // namespace crossvirt::test::e2e

namespace crossvirt::test::e2e {

QJsonObject CliRun::json() const
{
    return QJsonDocument::fromJson(out).object();
}

CliRun runCliProgram(const QString &cliPath, const QStringList &args, int timeoutMs,
                     const QProcessEnvironment *env, const QByteArray &input)
{
    QProcess cli;
    if (env)
        cli.setProcessEnvironment(*env);
    QElapsedTimer timer;
    timer.start();
    cli.start(cliPath, args);
    if (!input.isEmpty())
        cli.write(input);
    cli.closeWriteChannel();
    CliRun r;
    if (!cli.waitForFinished(timeoutMs)) {
        cli.kill();
        cli.waitForFinished();
    } else if (cli.exitStatus() == QProcess::NormalExit) {
        r.exitCode = cli.exitCode();
    }
    r.out = cli.readAllStandardOutput();
    r.err = QString::fromLocal8Bit(cli.readAllStandardError());
    r.ms = timer.elapsed();
    return r;
}

} // namespace crossvirt::test::e2e
