#include "models/console/SshTunnel.h"

#include "models/connection/AskpassServer.h"
#include "models/connection/CredentialChannel.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QStandardPaths>
#include <QThreadPool>

#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <mutex>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char **environ;

using namespace Qt::StringLiterals;

namespace crossvirt::models {

namespace {
// lupdate and the runtime both see the context "SshTunnel" for Text::tr().
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(SshTunnel)
};
} // namespace

// ---- processes -----------------------------------------------------------------------

namespace {

/// One ssh we started: a thread collects its stderr and reaps it, so neither blocks
/// anyone and no zombie stays. Shared with that thread (it may outlive the registry).
struct SshChild
{
    pid_t pid = -1;
    mutable std::mutex mutex;
    std::condition_variable exitedCondition;
    bool exited = false;
    QByteArray stderrText; // bounded: the last 16 KiB

    QString errorText() const
    {
        std::lock_guard lock(mutex);
        return QString::fromLocal8Bit(stderrText);
    }
    bool hasExited() const
    {
        std::lock_guard lock(mutex);
        return exited;
    }
    /// True when it exited within `ms`.
    bool waitForExit(int ms)
    {
        std::unique_lock lock(mutex);
        return exitedCondition.wait_for(lock, std::chrono::milliseconds(ms),
                                        [this] { return exited; });
    }
    void terminate()
    {
        if (!hasExited())
            ::kill(pid, SIGTERM);
    }
};

void collect(std::shared_ptr<SshChild> child, int errFd)
{
    char buffer[4096];
    bool eof = false;
    for (;;) {
        if (!eof) {
            pollfd p{errFd, POLLIN, 0};
            if (::poll(&p, 1, 200) > 0) {
                const ssize_t n = ::read(errFd, buffer, sizeof buffer);
                if (n > 0) {
                    std::lock_guard lock(child->mutex);
                    child->stderrText.append(buffer, n);
                    if (child->stderrText.size() > 16384)
                        child->stderrText = child->stderrText.right(16384);
                    continue;
                }
                eof = n == 0 || errno != EINTR;
            }
        }
        int status = 0;
        const pid_t r = ::waitpid(child->pid, &status, eof ? 0 : WNOHANG);
        if (r == child->pid || (r < 0 && errno == ECHILD)) {
            // Whatever it wrote last is in the pipe already.
            while (!eof) {
                pollfd p{errFd, POLLIN, 0};
                if (::poll(&p, 1, 0) <= 0)
                    break;
                const ssize_t n = ::read(errFd, buffer, sizeof buffer);
                if (n <= 0)
                    break;
                std::lock_guard lock(child->mutex);
                child->stderrText.append(buffer, n);
            }
            break;
        }
    }
    ::close(errFd);
    {
        std::lock_guard lock(child->mutex);
        child->exited = true;
    }
    child->exitedCondition.notify_all();
}

/// Starts `program args` with stdin/stdout on `stdioFd` (or /dev/null), stderr collected.
std::shared_ptr<SshChild> spawnSsh(const QString &program, const QStringList &args, int stdioFd,
                                   QString *error, const QByteArrayList &extraEnvironment = {})
{
    int errPipe[2];
    if (::pipe2(errPipe, O_CLOEXEC) != 0) {
        *error = QString::fromLocal8Bit(strerror(errno));
        return nullptr;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (stdioFd >= 0) {
        posix_spawn_file_actions_adddup2(&actions, stdioFd, 0);
        posix_spawn_file_actions_adddup2(&actions, stdioFd, 1);
    } else {
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    }
    posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t none;
    sigemptyset(&none);
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE);
    sigaddset(&defaults, SIGTERM);
    sigaddset(&defaults, SIGINT);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

    QList<QByteArray> storage{QFile::encodeName(program)};
    for (const QString &a : args)
        storage << a.toLocal8Bit();
    std::vector<char *> argv;
    for (QByteArray &s : storage)
        argv.push_back(s.data());
    argv.push_back(nullptr);
    // This process's environment (SSH_AUTH_SOCK, SSH_ASKPASS...) plus the extra entries.
    QByteArrayList envStorage = extraEnvironment;
    for (char **e = environ; *e; ++e) {
        const QByteArray entry(*e);
        const QByteArray name = entry.left(entry.indexOf('=') + 1);
        bool overridden = false;
        for (const QByteArray &extra : extraEnvironment)
            overridden = overridden || extra.startsWith(name);
        if (!overridden)
            envStorage << entry;
    }
    std::vector<char *> envp;
    for (QByteArray &entry : envStorage)
        envp.push_back(entry.data());
    envp.push_back(nullptr);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, argv[0], &actions, &attr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    ::close(errPipe[1]);
    if (rc != 0) {
        ::close(errPipe[0]);
        *error =
            Text::tr("Could not start %1: %2").arg(program, QString::fromLocal8Bit(strerror(rc)));
        return nullptr;
    }
    auto child = std::make_shared<SshChild>();
    child->pid = pid;
    std::thread(collect, child, errPipe[0]).detach();
    return child;
}

struct Master
{
    SshTarget target;
    QString controlPath;
    std::shared_ptr<SshChild> process;
    std::mutex startMutex; // one login per host, however many consoles open at once
};

} // namespace

struct SshTunnels::Private
{
    mutable QMutex mutex;
    QString program;
    QString runtimeDir;
    int masterTimeoutMs = 30'000;
    int greetingTimeoutMs = 20'000;
    QHash<QString, std::shared_ptr<Master>> masters;          // by SshTarget::key()
    QHash<QString, QList<std::shared_ptr<SshChild>>> tunnels; // by SshTarget::key()
    std::atomic<bool> shuttingDown = false; // at exit: no new ssh after closeAll()
    // Last: destroyed first, waiting for its tasks while the rest is still there.
    QThreadPool pool;

    std::shared_ptr<Master> masterFor(const SshTarget &target, QString *error);
    bool ensureRunning(Master &master, const QString &uri,
                       const std::shared_ptr<CredentialChannel> &credentials, QString *error);
    QString sshProgram()
    {
        QMutexLocker lock(&mutex);
        if (program.isEmpty())
            program = QStandardPaths::findExecutable(u"ssh"_s);
        return program;
    }
};

std::shared_ptr<Master> SshTunnels::Private::masterFor(const SshTarget &target, QString *error)
{
    QMutexLocker lock(&mutex);
    if (runtimeDir.isEmpty()) {
        // Control sockets let whoever can open them use the login: a folder of our own.
        QString base = qEnvironmentVariable("XDG_RUNTIME_DIR");
        if (base.isEmpty() || !QFileInfo(base).isWritable())
            base = QDir::tempPath();
        QByteArray templ = QFile::encodeName(base + u"/crossvirt-ssh-XXXXXX"_s);
        if (!::mkdtemp(templ.data())) {
            *error = Text::tr("Could not create a private folder for SSH control sockets in "
                              "%1: %2")
                         .arg(base, QString::fromLocal8Bit(strerror(errno)));
            return nullptr;
        }
        runtimeDir = QFile::decodeName(templ);
    }
    auto &slot = masters[target.key()];
    if (!slot) {
        slot = std::make_shared<Master>();
        slot->target = target;
        // Short: a UNIX socket path has at most 107 bytes.
        slot->controlPath = runtimeDir + u'/' +
                            QString::fromLatin1(QCryptographicHash::hash(target.key().toUtf8(),
                                                                         QCryptographicHash::Sha1)
                                                    .toHex()
                                                    .left(16));
    }
    return slot;
}

bool SshTunnels::Private::ensureRunning(Master &master, const QString &uri,
                                        const std::shared_ptr<CredentialChannel> &credentials,
                                        QString *error)
{
    std::lock_guard start(master.startMutex);
    const QByteArray socketPath = QFile::encodeName(master.controlPath);
    if (master.process && !master.process->hasExited() &&
        ::access(socketPath.constData(), F_OK) == 0)
        return true;
    if (master.process)
        master.process->terminate();
    ::unlink(socketPath.constData());
    const QString ssh = sshProgram();
    if (ssh.isEmpty()) {
        *error = Text::tr("The console of an SSH host needs the ssh program (OpenSSH), which "
                          "is not installed.");
        return false;
    }
    if (shuttingDown) {
        *error = Text::tr("Crossvirt is quitting.");
        return false;
    }
    // A password or passphrase goes to the credential dialog through crossvirt-askpass
    // (set up by AskpassServer once a provider exists); without one, keys and agent only.
    const bool askpass =
        credentials && credentials->hasProvider() && qEnvironmentVariableIsSet("SSH_ASKPASS");
    std::unique_ptr<AskpassServer::Registration> registration;
    if (askpass)
        registration =
            std::make_unique<AskpassServer::Registration>(uri, master.target.host, credentials);
    QString spawnError;
    auto process = spawnSsh(
        ssh, sshMasterArguments(master.target, master.controlPath, askpass), -1, &spawnError,
        askpass ? QByteArrayList{"SSH_ASKPASS_REQUIRE=force"} : QByteArrayList{});
    if (!process) {
        *error = spawnError;
        return false;
    }
    int timeoutMs;
    {
        QMutexLocker lock(&mutex);
        // Someone typing a password in the dialog is not a host that hangs.
        timeoutMs = askpass ? std::max(masterTimeoutMs, 180'000) : masterTimeoutMs;
    }
    // The master makes its control socket once it has logged in.
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (::access(socketPath.constData(), F_OK) == 0) {
            QMutexLocker lock(&mutex);
            master.process = process;
            return true;
        }
        if (process->waitForExit(50)) {
            *error = registration && registration->cancelled()
                         ? Text::tr("The SSH login to %1 for the console was cancelled.")
                               .arg(master.target.displayName())
                         : classifySshError(master.target, process->errorText()).message;
            return false;
        }
    }
    process->terminate();
    *error = Text::tr("Connecting to %1 over SSH timed out: no login within %n second(s).", nullptr,
                      timeoutMs / 1000)
                 .arg(master.target.displayName());
    return false;
}

SshTunnels &SshTunnels::instance()
{
    static SshTunnels tunnels;
    return tunnels;
}

SshTunnels::SshTunnels() : d(std::make_unique<Private>())
{
    d->pool.setMaxThreadCount(8);
    d->pool.setObjectName(u"ssh tunnels"_s);
}

SshTunnels::~SshTunnels()
{
    d->shuttingDown = true;
    closeAll();
    if (!d->runtimeDir.isEmpty())
        QDir(d->runtimeDir).removeRecursively();
}

VncEndpoint SshTunnels::openVncTunnel(const QString &uri, const QString &listenAddress,
                                      quint16 port, const QString &label,
                                      std::shared_ptr<CredentialChannel> credentials)
{
    const SshTarget target = SshTarget::fromUri(uri);
    if (!target.isValid())
        return VncEndpoint::failed(Text::tr("%1 is not an SSH connection.").arg(uri));
    QString error;
    const std::shared_ptr<Master> master = d->masterFor(target, &error);
    if (!master || !d->ensureRunning(*master, uri, credentials, &error))
        return VncEndpoint::failed(error);

    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0)
        return VncEndpoint::failed(Text::tr("Could not make a socket pair: %1")
                                       .arg(QString::fromLocal8Bit(strerror(errno))));
    const QString forwardTo = listenAddress.contains(u':')
                                  ? u"[%1]:%2"_s.arg(listenAddress).arg(port)
                                  : u"%1:%2"_s.arg(listenAddress).arg(port);
    if (d->shuttingDown) {
        ::close(pair[0]);
        ::close(pair[1]);
        return VncEndpoint::failed(Text::tr("Crossvirt is quitting."));
    }
    auto child = spawnSsh(d->sshProgram(),
                          sshStdioArguments(target, master->controlPath, listenAddress, port),
                          pair[1], &error);
    ::close(pair[1]); // ssh holds its end (the master gets it through the control socket)
    if (!child) {
        ::close(pair[0]);
        return VncEndpoint::failed(error);
    }
    int greetingMs;
    {
        QMutexLocker lock(&d->mutex);
        greetingMs = d->greetingTimeoutMs;
        auto &list = d->tunnels[target.key()];
        list.removeIf([](const std::shared_ptr<SshChild> &c) { return c->hasExited(); });
        list << child;
    }
    // A VNC server speaks first: its greeting (left in the socket for VncSession) proves
    // the tunnel; end of stream means ssh gave up, and its stderr says why.
    pollfd p{pair[0], POLLIN, 0};
    const int ready = ::poll(&p, 1, greetingMs);
    char byte;
    if (ready > 0 && ::recv(pair[0], &byte, 1, MSG_PEEK) == 1)
        return VncEndpoint::socket(pair[0], label);
    ::close(pair[0]);
    if (ready == 0) {
        child->terminate();
        return VncEndpoint::failed(
            Text::tr("The SSH tunnel to %1 on %2 was opened, but no VNC server greeted "
                     "through it within %n second(s).",
                     nullptr, greetingMs / 1000)
                .arg(forwardTo, target.displayName()));
    }
    if (!child->waitForExit(3000))
        child->terminate();
    return VncEndpoint::failed(classifySshError(target, child->errorText(), forwardTo).message);
}

void SshTunnels::closeHost(const QString &uri)
{
    const SshTarget target = SshTarget::fromUri(uri);
    if (!target.isValid())
        return;
    QMutexLocker lock(&d->mutex);
    for (const auto &c : d->tunnels.take(target.key()))
        c->terminate();
    if (const auto master = d->masters.take(target.key())) {
        if (master->process)
            master->process->terminate();
        ::unlink(QFile::encodeName(master->controlPath).constData());
    }
}

void SshTunnels::closeAll()
{
    QMutexLocker lock(&d->mutex);
    for (const auto &list : std::as_const(d->tunnels)) {
        for (const auto &c : list)
            c->terminate();
    }
    d->tunnels.clear();
    for (const auto &master : std::as_const(d->masters)) {
        if (master->process)
            master->process->terminate();
        ::unlink(QFile::encodeName(master->controlPath).constData());
    }
    d->masters.clear();
}

QThreadPool *SshTunnels::threadPool()
{
    return &d->pool;
}

QList<qint64> SshTunnels::masterProcessIds() const
{
    QMutexLocker lock(&d->mutex);
    QList<qint64> ids;
    for (const auto &master : std::as_const(d->masters)) {
        if (master->process && !master->process->hasExited())
            ids << master->process->pid;
    }
    return ids;
}

QList<qint64> SshTunnels::tunnelProcessIds() const
{
    QMutexLocker lock(&d->mutex);
    QList<qint64> ids;
    for (const auto &list : std::as_const(d->tunnels)) {
        for (const auto &c : list) {
            if (!c->hasExited())
                ids << c->pid;
        }
    }
    return ids;
}

void SshTunnels::setSshProgram(const QString &program)
{
    QMutexLocker lock(&d->mutex);
    d->program = program;
}

void SshTunnels::setTimeouts(int masterMs, int greetingMs)
{
    QMutexLocker lock(&d->mutex);
    d->masterTimeoutMs = masterMs;
    d->greetingTimeoutMs = greetingMs;
}

} // namespace crossvirt::models
