#include "e2e/RemoteHost.h"
#include "e2e/HarnessProcesses.h"

#include "e2e/LibvirtDaemon.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QThread>
#include <libvirt/virterror.h>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace crossvirt::test::e2e {

namespace {

// The system paths a libvirtd writes, each shadowed by a private directory (<state>/<dir>).
struct PrivateMount
{
    const char *dir;
    const char *target;
};
constexpr PrivateMount kPrivateMounts[] = {
    {"run", "/run/libvirt"}, {"lib", "/var/lib/libvirt"}, {"cache", "/var/cache/libvirt"},
    {"etc", "/etc/libvirt"}, {"log", "/var/log/libvirt"},
};
const QString kSystemCapsCache = u"/var/cache/libvirt/qemu/capabilities"_s;

// Runs a short command in the root namespaces: exit code (-1: did not run), output.
int run(const QString &program, const QStringList &args, QString *output = nullptr,
        int timeoutMs = 30'000)
{
    return runProgram(program, args, output, {}, timeoutMs);
}

void dieWithParent()
{
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
}

void log(const QString &message)
{
    const QByteArray line = "[ remote   ] "_ba + message.toLocal8Bit() + '\n';
    std::fputs(line.constData(), stdout);
    std::fflush(stdout);
}

} // namespace

RemoteHost::RemoteHost() : RemoteHost(Options{}) {}

RemoteHost::RemoteHost(Options options) : m_options(std::move(options)) {}

RemoteHost::~RemoteHost()
{
    stop();
}

QString RemoteHost::address() const
{
    return u"10.213.%1.2"_s.arg(m_options.index);
}

QString RemoteHost::hostSideAddress() const
{
    return u"10.213.%1.1"_s.arg(m_options.index);
}

QString RemoteHost::uri() const
{
    return u"qemu+tcp://%1/system"_s.arg(address());
}

QString RemoteHost::migrationUri() const
{
    return u"tcp://"_s + address();
}

QString RemoteHost::namespaceName() const
{
    return u"crossvirt-e2e-host%1"_s.arg(m_options.index);
}

QString RemoteHost::hostInterface() const
{
    return u"cvxe2e-h%1"_s.arg(m_options.index);
}

QString RemoteHost::namespaceInterface() const
{
    return hostInterface() + u'p';
}

QString RemoteHost::stateDirectory() const
{
    return u"/var/tmp/crossvirt-e2e-host%1"_s.arg(m_options.index);
}

QString RemoteHost::path(const QString &relative) const
{
    return QDir(stateDirectory()).filePath(relative);
}

QString RemoteHost::daemonLogTail(int lines) const
{
    const QString tail = tailOfFile(path(u"libvirtd.log"_s), lines);
    return tail.isEmpty() ? u"(libvirtd.log is empty)"_s : tail;
}

qint64 RemoteHost::libvirtdPid() const
{
    return m_libvirtd && m_libvirtd->state() != QProcess::NotRunning ? m_libvirtd->processId() : 0;
}

void RemoteHost::fail(const QString &message)
{
    m_error = message;
    log(message);
}

bool RemoteHost::checkCanRun()
{
    if (::geteuid() != 0)
        m_skipReason = u"not running as root (a second libvirtd needs network namespaces)"_s;
    else if (m_options.index < 0 || m_options.index > 63)
        m_skipReason = u"RemoteHost index %1 is out of 0..63"_s.arg(m_options.index);
    else
        for (const QString &tool : {u"ip"_s, u"unshare"_s, u"nsenter"_s, u"libvirtd"_s,
                                    u"virtlogd"_s, u"sleep"_s, u"sh"_s}) {
            if (findProgram(tool).isEmpty()) {
                m_skipReason = tool + u" is not installed (a second libvirtd needs it)"_s;
                break;
            }
        }
    if (m_skipReason.isEmpty())
        m_skipReason = securitySkipReason();
    return m_skipReason.isEmpty();
}

bool RemoteHost::start()
{
    if (m_ready)
        return true;
    m_error.clear();
    m_skipReason.clear();
    if (!checkCanRun()) {
        log(u"a second libvirtd cannot run here: "_s + m_skipReason);
        return false;
    }
    removeLeftovers();
    if (!prepareState() || !createLink() || !startHolder() || !startVirtlogd() ||
        !startLibvirtd() || !waitForLibvirtd() ||
        (!m_options.poolPath.isEmpty() && !createPool()) ||
        (m_options.createNetwork && !createNetwork())) {
        stop();
        return false;
    }
    log(u"%1 answers (namespace %2, pool %3, network %4, hidden machines: %5)"_s.arg(
        uri(), namespaceName(), m_options.poolPath.isEmpty() ? u"none"_s : m_options.poolPath,
        m_options.createNetwork ? LibvirtDaemon::networkName() : u"none"_s,
        m_options.hiddenMachines.isEmpty() ? u"none"_s : m_options.hiddenMachines.join(u", "_s)));
    m_ready = true;
    return true;
}

// A run that crashed leaves its namespace with QEMU, dnsmasq, libvirtd... still in it:
// everything in a namespace of this name is a harness's (by pid, nothing else matched).
void RemoteHost::removeLeftovers()
{
    QString out;
    if (run(u"ip"_s, {u"netns"_s, u"pids"_s, namespaceName()}, &out) == 0) {
        QList<qint64> pids;
        for (const QString &word : out.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts))
            if (const qint64 pid = word.toLongLong(); pid > 0)
                pids.append(pid);
        if (!pids.isEmpty())
            log(u"stopping %1 process(es) left in %2 by an earlier run"_s.arg(pids.size())
                    .arg(namespaceName()));
        terminatePids(pids);
        run(u"ip"_s, {u"netns"_s, u"delete"_s, namespaceName()});
    }
    if (run(u"ip"_s, {u"link"_s, u"show"_s, hostInterface()}) == 0)
        run(u"ip"_s, {u"link"_s, u"delete"_s, hostInterface()});
}

bool RemoteHost::prepareState()
{
    QDir state(stateDirectory());
    if (state.exists() && !state.removeRecursively()) {
        fail(u"cannot empty %1"_s.arg(stateDirectory()));
        return false;
    }
    for (const PrivateMount &m : kPrivateMounts) {
        // The mount points must exist in the root namespace (they do once libvirt is installed).
        if (!state.mkpath(QString::fromLatin1(m.dir)) ||
            !QDir().mkpath(QString::fromLatin1(m.target))) {
            fail(u"cannot create %1 or %2"_s.arg(path(QString::fromLatin1(m.dir)),
                                                 QString::fromLatin1(m.target)));
            return false;
        }
    }
    state.mkpath(u"pool"_s);
    state.mkpath(u"cache/qemu/capabilities"_s);

    // The main daemon's probed capabilities, minus the hidden machine types: libvirt trusts
    // a cache entry whose binary ctimes and libvirt version match, so it never re-probes.
    const QDir caps(kSystemCapsCache);
    const QStringList files = caps.entryList({u"*.xml"_s}, QDir::Files);
    if (files.isEmpty() && !m_options.hiddenMachines.isEmpty()) {
        fail(u"%1 is empty: start the main daemon first, the hidden machine types are removed "
             u"from its probed capabilities"_s.arg(kSystemCapsCache));
        return false;
    }
    int removed = 0;
    for (const QString &name : files) {
        QFile in(caps.filePath(name));
        if (!in.open(QIODevice::ReadOnly))
            continue;
        QString text = QString::fromUtf8(in.readAll());
        for (const QString &machine : m_options.hiddenMachines) {
            const QRegularExpression element(u"[ \\t]*<machine [^>]*name='%1'[^>]*/>\\n?"_s.arg(
                QRegularExpression::escape(machine)));
            removed += static_cast<int>(text.count(element));
            text.remove(element);
        }
        QFile out(path(u"cache/qemu/capabilities/"_s + name));
        if (!out.open(QIODevice::WriteOnly) || out.write(text.toUtf8()) < 0) {
            fail(u"cannot write %1"_s.arg(out.fileName()));
            return false;
        }
        out.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }
    if (!m_options.hiddenMachines.isEmpty() && removed == 0) {
        fail(u"no <machine> named %1 in %2: nothing to hide"_s.arg(
            m_options.hiddenMachines.join(u", "_s), kSystemCapsCache));
        return false;
    }

    // TCP without auth on the veth address only; a host UUID of its own, or the source
    // refuses the migration ("Attempt to migrate guest to the same host").
    writeTextFile(path(u"etc/libvirtd.conf"_s), uR"(# Written by the Crossvirt e2e RemoteHost.
listen_tcp = 1
listen_addr = "%1"
tcp_port = "16509"
auth_unix_rw = "none"
auth_unix_ro = "none"
host_uuid = "c0ffee00-e2e0-4e2e-8e2e-0000000000%2"
log_outputs = "3:stderr"
)"_s.arg(address())
                                                        .arg(m_options.index, 2, 10, QChar(u'0')) +
                                                    securityConfig());
    writeTextFile(path(u"etc/qemu.conf"_s), uR"(# Written by the Crossvirt e2e RemoteHost.
user = "root"
group = "root"
security_driver = "none"
stdio_handler = "logd"
migration_address = "%1"
migration_host = "%1"
)"_s.arg(address()) + m_options.extraQemuConf);
    QFile::copy(u"/etc/libvirt/virtlogd.conf"_s, path(u"etc/virtlogd.conf"_s));
    return prepareSasl();
}

bool RemoteHost::createLink()
{
    // A subnet someone else routes already would make the veth's address ambiguous.
    QString out;
    run(u"ip"_s,
        {u"-4"_s, u"-o"_s, u"addr"_s, u"show"_s, u"to"_s, u"10.213.%1.0/30"_s.arg(m_options.index)},
        &out);
    if (!out.isEmpty()) {
        fail(u"10.213.%1.0/30 is in use on this machine (%2); use another RemoteHost index"_s.arg(
            QString::number(m_options.index), out));
        return false;
    }
    const QString ns = namespaceName();
    const QList<QStringList> steps = {
        {u"netns"_s, u"add"_s, ns},
        {u"link"_s, u"add"_s, hostInterface(), u"type"_s, u"veth"_s, u"peer"_s, u"name"_s,
         namespaceInterface()},
        {u"link"_s, u"set"_s, namespaceInterface(), u"netns"_s, ns},
        {u"addr"_s, u"add"_s, hostSideAddress() + u"/30"_s, u"dev"_s, hostInterface()},
        {u"link"_s, u"set"_s, hostInterface(), u"up"_s},
        {u"-n"_s, ns, u"addr"_s, u"add"_s, address() + u"/30"_s, u"dev"_s, namespaceInterface()},
        {u"-n"_s, ns, u"link"_s, u"set"_s, namespaceInterface(), u"up"_s},
        {u"-n"_s, ns, u"link"_s, u"set"_s, u"lo"_s, u"up"_s},
    };
    for (const QStringList &args : steps) {
        if (run(u"ip"_s, args, &out) != 0) {
            fail(u"ip %1 failed: %2"_s.arg(args.join(u' '), out));
            return false;
        }
    }
    return true;
}

bool RemoteHost::startHolder()
{
    // `ip netns exec` enters the network namespace, unshare a new mount namespace whose
    // mounts do not propagate back; sh bind-mounts the private directories and execs
    // `sleep infinity`, which holds both namespaces. virtlogd and libvirtd join them with
    // nsenter, so restart() can start libvirtd again in the very same ones.
    QString script;
    for (const PrivateMount &m : kPrivateMounts)
        script += u"mount --bind '%1' '%2' || exit 90\n"_s.arg(path(QString::fromLatin1(m.dir)),
                                                               QString::fromLatin1(m.target));
    if (!m_options.poolPath.isEmpty())
        script += u"mount --bind '%1' '%2' || exit 91\n"_s.arg(path(u"pool"_s), m_options.poolPath);
    if (!m_options.saslUser.isEmpty())
        script += u"mount --bind '%1' /etc/sasl2 || exit 92\n"_s.arg(saslDirectory());
    script += u"echo ready\nexec sleep infinity\n"_s;
    m_holder = std::make_unique<QProcess>();
    m_holder->setProcessChannelMode(QProcess::MergedChannels);
    m_holder->setChildProcessModifier(dieWithParent);
    m_holder->start(u"ip"_s,
                    {u"netns"_s, u"exec"_s, namespaceName(), findProgram(u"unshare"_s),
                     u"--mount"_s, u"--propagation"_s, u"private"_s, u"sh"_s, u"-c"_s, script});
    if (!m_holder->waitForStarted(10'000)) {
        fail(u"cannot start the namespace holder: "_s + m_holder->errorString());
        return false;
    }
    QByteArray seen;
    QDeadlineTimer deadline(10'000);
    while (!seen.contains("ready")) {
        if (m_holder->state() == QProcess::NotRunning || deadline.hasExpired()) {
            fail(u"the private mounts of %1 failed (exit %2): %3"_s.arg(namespaceName())
                     .arg(m_holder->exitCode())
                     .arg(QString::fromLocal8Bit(seen + m_holder->readAll())));
            return false;
        }
        m_holder->waitForReadyRead(100);
        seen += m_holder->readAll();
    }
    return true;
}

static QStringList nsenterArgs(qint64 holderPid)
{
    return {u"--target"_s, QString::number(holderPid), u"--mount"_s, u"--net"_s, u"--"_s};
}

bool RemoteHost::startVirtlogd()
{
    m_virtlogd = std::make_unique<QProcess>();
    m_virtlogd->setProcessChannelMode(QProcess::MergedChannels);
    m_virtlogd->setStandardOutputFile(path(u"virtlogd.log"_s));
    m_virtlogd->setChildProcessModifier(dieWithParent);
    // nsenter execs the program (no fork without --pid): the QProcess pid is virtlogd's.
    m_virtlogd->start(findProgram(u"nsenter"_s),
                      nsenterArgs(m_holder->processId()) +
                          QStringList{findProgram(u"virtlogd"_s), u"--pid-file"_s,
                                      u"/run/libvirt/virtlogd.pid"_s});
    QDeadlineTimer deadline(15'000);
    while (!unixSocketAnswers(path(u"run/virtlogd-sock"_s))) {
        if (m_virtlogd->waitForFinished(50) || deadline.hasExpired()) {
            fail(u"virtlogd of %1 did not listen: %2"_s.arg(
                namespaceName(), tailOfFile(path(u"virtlogd.log"_s), 20)));
            return false;
        }
    }
    return true;
}

bool RemoteHost::startLibvirtd()
{
    m_libvirtd = std::make_unique<QProcess>();
    m_libvirtd->setProcessChannelMode(QProcess::MergedChannels);
    m_libvirtd->setStandardOutputFile(path(u"libvirtd.log"_s), QIODevice::Append);
    m_libvirtd->setChildProcessModifier(dieWithParent);
    // The pid file in the private /run/libvirt: libvirtd's default /run/libvirtd.pid is the
    // root namespace's (the main daemon's or the system's).
    m_libvirtd->start(findProgram(u"nsenter"_s),
                      nsenterArgs(m_holder->processId()) +
                          QStringList{findProgram(u"libvirtd"_s), u"--listen"_s, u"--config"_s,
                                      u"/etc/libvirt/libvirtd.conf"_s, u"--pid-file"_s,
                                      u"/run/libvirt/libvirtd.pid"_s});
    if (!m_libvirtd->waitForStarted(10'000)) {
        fail(u"cannot start libvirtd in %1: %2"_s.arg(namespaceName(), m_libvirtd->errorString()));
        return false;
    }
    return true;
}

bool RemoteHost::waitForLibvirtd()
{
    virSetErrorFunc(nullptr, quietLibvirtErrors);
    QDeadlineTimer deadline(m_options.readyTimeoutMs);
    QString lastError;
    bool ok = false;
    for (;;) {
        if (virConnectPtr conn = openOwnConnection()) {
            m_conn = conn;
            ok = true;
            break;
        }
        lastError = lastLibvirtError();
        if (m_libvirtd->waitForFinished(200)) {
            fail(u"libvirtd in %1 exited (code %2) before %3 answered:\n%4"_s.arg(namespaceName())
                     .arg(m_libvirtd->exitCode())
                     .arg(uri(), daemonLogTail()));
            break;
        }
        if (deadline.hasExpired()) {
            fail(u"%1 did not answer within %2 s (%3):\n%4"_s.arg(uri())
                     .arg(m_options.readyTimeoutMs / 1000)
                     .arg(lastError, daemonLogTail()));
            break;
        }
    }
    virSetErrorFunc(nullptr, nullptr);
    return ok;
}

bool RemoteHost::createPool()
{
    const QString xml = uR"(<pool type='dir'>
  <name>%1</name>
  <target><path>%2</path></target>
</pool>)"_s.arg(LibvirtDaemon::poolName(), m_options.poolPath.toHtmlEscaped());
    virStoragePoolPtr pool = virStoragePoolCreateXML(m_conn, xml.toUtf8().constData(), 0);
    if (!pool) {
        fail(u"cannot create the pool %1 on %2: %3"_s.arg(LibvirtDaemon::poolName(), uri(),
                                                          lastLibvirtError()));
        return false;
    }
    virStoragePoolFree(pool);
    return true;
}

bool RemoteHost::createNetwork()
{
    // The main daemon's network, same name and bridge: in its own netns neither collides.
    const QString xml = uR"(<network>
  <name>%1</name>
  <bridge name='cvx-e2e0' stp='off'/>
  <ip address='192.168.213.1' netmask='255.255.255.0'>
    <dhcp><range start='192.168.213.100' end='192.168.213.200'/></dhcp>
  </ip>
</network>)"_s.arg(LibvirtDaemon::networkName());
    virNetworkPtr net = virNetworkCreateXML(m_conn, xml.toUtf8().constData());
    if (!net) {
        fail(u"cannot create the network %1 on %2: %3"_s.arg(LibvirtDaemon::networkName(), uri(),
                                                             lastLibvirtError()));
        return false;
    }
    virNetworkFree(net);
    return true;
}

bool RemoteHost::kill(int signal)
{
    const qint64 pid = libvirtdPid();
    return pid > 0 && ::kill(static_cast<pid_t>(pid), signal) == 0;
}

bool RemoteHost::restart()
{
    if (!m_holder || m_holder->state() == QProcess::NotRunning) {
        fail(u"restart(): %1 was not started"_s.arg(namespaceName()));
        return false;
    }
    if (m_conn) {
        virConnectClose(m_conn);
        m_conn = nullptr;
    }
    stopProcess(m_libvirtd, u"libvirtd"_s);
    m_ready = startLibvirtd() && waitForLibvirtd();
    return m_ready;
}

int RemoteHost::runInNamespace(const QStringList &argv, QString *output, int timeoutMs) const
{
    if (!m_holder || m_holder->state() == QProcess::NotRunning || argv.isEmpty())
        return -1;
    return run(findProgram(u"nsenter"_s), nsenterArgs(m_holder->processId()) + argv, output,
               timeoutMs);
}

QStringList RemoteHost::namespaceCommand() const
{
    if (!m_holder || m_holder->state() == QProcess::NotRunning)
        return {};
    return QStringList{findProgram(u"nsenter"_s)} + nsenterArgs(m_holder->processId());
}

void RemoteHost::stopProcess(std::unique_ptr<QProcess> &process, const QString &name)
{
    if (!process)
        return;
    if (process->state() != QProcess::NotRunning) {
        process->terminate();
        if (!process->waitForFinished(15'000)) {
            log(u"%1 in %2 ignored SIGTERM for 15 s; killing it"_s.arg(name, namespaceName()));
            process->kill();
            process->waitForFinished(5'000);
        }
    }
    process.reset();
}

void RemoteHost::stop()
{
    if (m_conn) {
        virSetErrorFunc(nullptr, quietLibvirtErrors);
        virDomainPtr *domains = nullptr;
        const int count = virConnectListAllDomains(m_conn, &domains, 0);
        for (int i = 0; i < count; ++i) {
            if (virDomainIsActive(domains[i]) == 1)
                virDomainDestroy(domains[i]);
            if (virDomainIsPersistent(domains[i]) == 1)
                virDomainUndefineFlags(domains[i], VIR_DOMAIN_UNDEFINE_NVRAM |
                                                       VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA);
            virDomainFree(domains[i]);
        }
        free(domains);
        virConnectClose(m_conn);
        m_conn = nullptr;
        virSetErrorFunc(nullptr, nullptr);
    }
    const bool started = m_holder != nullptr;
    stopProcess(m_libvirtd, u"libvirtd"_s);
    stopProcess(m_virtlogd, u"virtlogd"_s);
    // QEMU and dnsmasq are daemons; whatever still runs in the namespace goes with it.
    const qint64 holderPid = m_holder ? m_holder->processId() : 0;
    QString out;
    if (started && run(u"ip"_s, {u"netns"_s, u"pids"_s, namespaceName()}, &out) == 0) {
        QList<qint64> pids;
        for (const QString &word : out.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts))
            if (const qint64 pid = word.toLongLong(); pid > 0 && pid != holderPid)
                pids.append(pid);
        terminatePids(pids);
    }
    stopProcess(m_holder, u"namespace holder"_s);
    if (started) {
        run(u"ip"_s, {u"netns"_s, u"delete"_s, namespaceName()}); // takes the veth pair along
        if (run(u"ip"_s, {u"link"_s, u"show"_s, hostInterface()}) == 0)
            run(u"ip"_s, {u"link"_s, u"delete"_s, hostInterface()});
        QDir(path(u"pool"_s)).removeRecursively(); // the copied disks; logs stay
        QDir(saslDirectory()).removeRecursively(); // the sasldb holds the password
    }
    m_ready = false;
}

} // namespace crossvirt::test::e2e
