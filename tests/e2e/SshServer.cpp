#include "e2e/SshServer.h"

#include "e2e/HarnessProcesses.h"
#include "e2e/RemoteHost.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <pwd.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace crossvirt::test::e2e {

namespace {

int run(const QString &program, const QStringList &args, QString *output = nullptr,
        const QByteArray &input = {}, int timeoutMs = 30'000)
{
    return runProgram(program, args, output, input, timeoutMs);
}

void log(const QString &message)
{
    const QByteArray line = "[ sshd     ] "_ba + message.toLocal8Bit() + '\n';
    std::fputs(line.constData(), stdout);
    std::fflush(stdout);
}

void dieWithParent()
{
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
}

} // namespace

QString SshServer::isolateUserHome(QString *error)
{
    const passwd *pw = ::getpwuid(::getuid());
    if (!pw || !pw->pw_dir) {
        *error = u"no passwd entry for uid %1"_s.arg(::getuid());
        return {};
    }
    const QString home = QString::fromLocal8Bit(pw->pw_dir);
    // Lives as long as the process; removed at exit (the mount goes with the namespace).
    static std::unique_ptr<QTemporaryDir> privateHome;
    if (privateHome)
        return privateHome->path();
    auto dir = std::make_unique<QTemporaryDir>(u"/var/tmp/crossvirt-e2e-home-XXXXXX"_s);
    if (!dir->isValid()) {
        *error = u"cannot create a private home: "_s + dir->errorString();
        return {};
    }
    if (::unshare(CLONE_NEWNS) != 0 ||
        ::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0 ||
        ::mount(QFile::encodeName(dir->path()).constData(), pw->pw_dir, nullptr, MS_BIND,
                nullptr) != 0) {
        *error = u"cannot mount a private home over %1: %2"_s.arg(
            home, QString::fromLocal8Bit(std::strerror(errno)));
        return {};
    }
    QDir(home).mkpath(u".ssh"_s);
    QFile::setPermissions(home + u"/.ssh"_s,
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    privateHome = std::move(dir);
    log(u"%1 is a private folder in this test's mount namespace"_s.arg(home));
    return privateHome->path();
}

SshServer::SshServer(RemoteHost &host) : m_host(host) {}

SshServer::~SshServer()
{
    stop();
}

QString SshServer::password()
{
    return u"crossvirt-e2e-root-pw"_s;
}

QString SshServer::keyPassphrase()
{
    return u"crossvirt-e2e-key-phrase"_s;
}

QString SshServer::address() const
{
    return m_host.address();
}

QString SshServer::uri(const QString &scheme) const
{
    return u"%1://root@%2/system"_s.arg(scheme, address());
}

QString SshServer::clientDirectory() const
{
    return m_clientDir ? m_clientDir->path() : QString();
}

QString SshServer::clientKey() const
{
    return QDir(clientDirectory()).filePath(u"id_ed25519"_s);
}

QString SshServer::clientKeyWithPassphrase() const
{
    return QDir(clientDirectory()).filePath(u"id_ed25519_phrase"_s);
}

QString SshServer::knownHostsLine() const
{
    return address() + u' ' + m_hostPublicKey;
}

QString SshServer::path(const QString &relative) const
{
    return QDir(m_host.stateDirectory()).filePath(u"ssh/"_s + relative);
}

QString SshServer::logTail(int lines) const
{
    const QString tail = tailOfFile(path(u"sshd.log"_s), lines);
    return tail.isEmpty() ? u"(sshd.log is empty)"_s : tail;
}

bool SshServer::isRunning() const
{
    return m_sshd && m_sshd->state() == QProcess::Running;
}

void SshServer::fail(const QString &message)
{
    m_error = message;
    log(message);
}

bool SshServer::checkCanRun()
{
    for (const QString &tool :
         {u"sshd"_s, u"ssh"_s, u"ssh-keygen"_s, u"ssh-keyscan"_s, u"openssl"_s, u"mount"_s}) {
        if (findProgram(tool).isEmpty()) {
            m_skipReason = tool + u" is not installed (the e2e sshd needs it)"_s;
            return false;
        }
    }
    if (!m_host.isReady()) {
        m_skipReason = u"the RemoteHost is not running: "_s +
                       (m_host.skipReason().isEmpty() ? m_host.errorString() : m_host.skipReason());
        return false;
    }
    return true;
}

bool SshServer::start()
{
    if (isRunning())
        return true;
    m_error.clear();
    m_skipReason.clear();
    if (!checkCanRun()) {
        log(u"sshd cannot run here: "_s + m_skipReason);
        return false;
    }
    QDir(path({})).removeRecursively();
    if (!QDir().mkpath(path({}))) {
        fail(u"cannot create "_s + path({}));
        return false;
    }
    QFile::setPermissions(path({}), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    if (!makeClientKeys() || !makeHostKey() || !writeConfig() || !installPassword() ||
        !startDaemon()) {
        stop();
        return false;
    }
    log(u"sshd listens on %1:22 (host key %2)"_s.arg(address(), m_hostFingerprint));
    return true;
}

bool SshServer::makeClientKeys()
{
    m_clientDir = std::make_unique<QTemporaryDir>(u"/var/tmp/crossvirt-e2e-ssh-client-XXXXXX"_s);
    if (!m_clientDir->isValid()) {
        fail(u"cannot create a private client key folder: "_s + m_clientDir->errorString());
        return false;
    }
    QFile::setPermissions(clientDirectory(),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QString out;
    const QString keygen = findProgram(u"ssh-keygen"_s);
    if (run(keygen,
            {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, QString(), u"-C"_s, u"crossvirt-e2e"_s,
             u"-f"_s, clientKey()},
            &out) != 0 ||
        run(keygen,
            {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, keyPassphrase(), u"-C"_s,
             u"crossvirt-e2e-phrase"_s, u"-f"_s, clientKeyWithPassphrase()},
            &out) != 0) {
        fail(u"ssh-keygen failed for the client keys: "_s + out);
        return false;
    }
    QFile a(clientKey() + u".pub"_s), b(clientKeyWithPassphrase() + u".pub"_s);
    if (!a.open(QIODevice::ReadOnly) || !b.open(QIODevice::ReadOnly) ||
        !writeTextFile(path(u"authorized_keys"_s), QString::fromUtf8(a.readAll() + b.readAll()))) {
        fail(u"cannot write "_s + path(u"authorized_keys"_s));
        return false;
    }
    return true;
}

bool SshServer::makeHostKey()
{
    const QString key = path(u"ssh_host_ed25519_key"_s);
    QFile::remove(key);
    QFile::remove(key + u".pub"_s);
    QString out;
    const QString keygen = findProgram(u"ssh-keygen"_s);
    if (run(keygen,
            {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, QString(), u"-C"_s, u"crossvirt-e2e-host"_s,
             u"-f"_s, key},
            &out) != 0) {
        fail(u"ssh-keygen failed for the host key: "_s + out);
        return false;
    }
    QFile pub(key + u".pub"_s);
    if (!pub.open(QIODevice::ReadOnly)) {
        fail(u"cannot read "_s + pub.fileName());
        return false;
    }
    const QStringList words = QString::fromUtf8(pub.readAll()).split(u' ', Qt::SkipEmptyParts);
    m_hostPublicKey = words.size() >= 2 ? words[0] + u' ' + words[1] : QString();
    if (run(keygen, {u"-l"_s, u"-E"_s, u"sha256"_s, u"-f"_s, pub.fileName()}, &out) != 0) {
        fail(u"ssh-keygen -l failed: "_s + out);
        return false;
    }
    // "256 SHA256:abc... comment (ED25519)"
    const QStringList fields = out.split(u' ', Qt::SkipEmptyParts);
    m_hostFingerprint = fields.value(1);
    return !m_hostPublicKey.isEmpty() && m_hostFingerprint.startsWith(u"SHA256:"_s);
}

bool SshServer::writeConfig()
{
    // UsePAM no: sshd checks passwords against /etc/shadow itself, the private copy.
    return writeTextFile(path(u"sshd_config"_s), uR"(# Written by the Crossvirt e2e SshServer.
ListenAddress %1:22
HostKey %2
PidFile %3
AuthorizedKeysFile %4
StrictModes no
UsePAM no
PermitRootLogin yes
PubkeyAuthentication yes
PasswordAuthentication yes
KbdInteractiveAuthentication no
PermitEmptyPasswords no
UseDNS no
MaxStartups 50
MaxAuthTries 6
LoginGraceTime 60
LogLevel VERBOSE
)"_s.arg(address(), path(u"ssh_host_ed25519_key"_s), path(u"sshd.pid"_s),
                                                 path(u"authorized_keys"_s)));
}

bool SshServer::installPassword()
{
    QString hash;
    if (run(findProgram(u"openssl"_s), {u"passwd"_s, u"-6"_s, u"-stdin"_s}, &hash,
            password().toUtf8() + '\n') != 0 ||
        !hash.startsWith(u"$6$"_s)) {
        fail(u"openssl passwd failed: "_s + hash);
        return false;
    }
    QFile shadow(u"/etc/shadow"_s);
    if (!shadow.open(QIODevice::ReadOnly)) {
        fail(u"cannot read /etc/shadow: "_s + shadow.errorString());
        return false;
    }
    QStringList lines = QString::fromUtf8(shadow.readAll()).split(u'\n');
    bool found = false;
    for (QString &line : lines) {
        QStringList fields = line.split(u':');
        if (fields.size() >= 2 && fields[0] == u"root"_s) {
            fields[1] = hash;
            line = fields.join(u':');
            found = true;
        }
    }
    const QString copy = path(u"shadow"_s);
    if (!found || !writeTextFile(copy, lines.join(u'\n'))) {
        fail(u"cannot write the private shadow copy "_s + copy);
        return false;
    }
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    QString out;
    if (m_host.runInNamespace({u"mount"_s, u"--bind"_s, copy, u"/etc/shadow"_s}, &out) != 0) {
        fail(u"cannot bind-mount the private shadow in %1: %2"_s.arg(m_host.namespaceName(), out));
        return false;
    }
    m_shadowMounted = true;
    return true;
}

bool SshServer::startDaemon()
{
    // sshd's privilege separation folder (the openssh-server package makes it at boot).
    QDir().mkpath(u"/run/sshd"_s);
    const QStringList prefix = m_host.namespaceCommand();
    if (prefix.isEmpty()) {
        fail(u"the RemoteHost's namespaces are gone"_s);
        return false;
    }
    m_sshd = std::make_unique<QProcess>();
    m_sshd->setProcessChannelMode(QProcess::MergedChannels);
    m_sshd->setStandardOutputFile(path(u"sshd.out"_s), QIODevice::Append);
    m_sshd->setChildProcessModifier(dieWithParent);
    // nsenter execs sshd (no --pid): the QProcess pid is sshd's. -D: no daemon, -E: log file.
    m_sshd->start(prefix.first(), prefix.mid(1) + QStringList{findProgram(u"sshd"_s), u"-D"_s,
                                                              u"-f"_s, path(u"sshd_config"_s),
                                                              u"-E"_s, path(u"sshd.log"_s)});
    if (!m_sshd->waitForStarted(10'000)) {
        fail(u"cannot start sshd: "_s + m_sshd->errorString());
        return false;
    }
    // Ready when ssh-keyscan sees this run's host key on port 22.
    QDeadlineTimer deadline(15'000);
    QString out;
    for (;;) {
        if (run(findProgram(u"ssh-keyscan"_s), {u"-T"_s, u"2"_s, u"-t"_s, u"ed25519"_s, address()},
                &out, {}, 5'000) == 0 &&
            out.contains(m_hostPublicKey))
            return true;
        if (m_sshd->waitForFinished(200)) {
            fail(u"sshd exited (code %1): %2"_s.arg(m_sshd->exitCode()).arg(logTail()));
            return false;
        }
        if (deadline.hasExpired()) {
            fail(u"sshd did not answer on %1:22 within 15 s (%2): %3"_s.arg(address(), out,
                                                                            logTail()));
            return false;
        }
    }
}

void SshServer::stopDaemon()
{
    if (!m_sshd)
        return;
    if (m_sshd->state() != QProcess::NotRunning) {
        m_sshd->terminate();
        if (!m_sshd->waitForFinished(10'000)) {
            m_sshd->kill();
            m_sshd->waitForFinished(5'000);
        }
    }
    m_sshd.reset();
}

bool SshServer::regenerateHostKey()
{
    stopDaemon();
    if (!makeHostKey() || !startDaemon())
        return false;
    log(u"sshd on %1:22 has a new host key %2"_s.arg(address(), m_hostFingerprint));
    return true;
}

void SshServer::stop()
{
    stopDaemon();
    if (m_shadowMounted) {
        m_host.runInNamespace({u"umount"_s, u"/etc/shadow"_s});
        m_shadowMounted = false;
    }
    QFile::remove(path(u"shadow"_s)); // holds a password hash: never left behind
}

} // namespace crossvirt::test::e2e
