#include "e2e/LibvirtDaemon.h"
#include "e2e/HarnessProcesses.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QXmlStreamReader>
#include <libvirt/virterror.h>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace crossvirt::test::e2e {

namespace {

LibvirtDaemonEnvironment *s_environment = nullptr;

const QString kSystemQemuConf = u"/etc/libvirt/qemu.conf"_s;
const QString kVirtlogdSocket = u"/run/libvirt/virtlogd-sock"_s;

// libvirt prints every error to stderr unless told otherwise; probing for a daemon
// that is not there yet would fill the test log with expected failures.
class QuietLibvirtErrors
{
public:
    QuietLibvirtErrors() { virSetErrorFunc(nullptr, quietLibvirtErrors); }
    ~QuietLibvirtErrors() { virSetErrorFunc(nullptr, nullptr); }
    QuietLibvirtErrors(const QuietLibvirtErrors &) = delete;
    QuietLibvirtErrors &operator=(const QuietLibvirtErrors &) = delete;
};

QString processCommandLine(qint64 pid)
{
    QFile file(u"/proc/%1/cmdline"_s.arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray text = file.readAll();
    text.replace('\0', ' ');
    return QString::fromLocal8Bit(text).trimmed();
}

qint64 readPidFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return file.readAll().trimmed().toLongLong();
}

// libvirtd processes this harness did not start (a developer's, or one shutting down).
QList<qint64> otherLibvirtdPids(qint64 ownPid)
{
    QList<qint64> pids;
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid || pid == ownPid || !processAlive(pid))
            continue;
        QFile comm(u"/proc/%1/comm"_s.arg(pid));
        QFileInfo owner(u"/proc/%1"_s.arg(pid));
        if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == "libvirtd" &&
            owner.ownerId() == 0)
            pids.append(pid);
    }
    return pids;
}

bool forceTcg()
{
    return qEnvironmentVariableIsSet("CROSSVIRT_E2E_TCG") &&
           qEnvironmentVariable("CROSSVIRT_E2E_TCG") != u"0"_s;
}

// Whether KVM really runs a Linux guest here, not only whether /dev/kvm exists: on some
// nested-virtualization hosts /dev/kvm is there but a guest's kernel hangs right after
// its real-mode setup ("Probing EDD") or QEMU aborts on an MSR (0x10a) the outer
// hypervisor refuses. The probe boots the host arch's test guest (tests/e2e/guest) with
// -accel kvm and waits for its READY line. Empty when KVM works, else why not. The answer
// is kept per boot of this machine in /run, so each e2e process does not boot it again.
QString kvmProbeFailure()
{
    static const QString answer = [] {
        QFile bootIdFile(u"/proc/sys/kernel/random/boot_id"_s);
        const QString bootId = bootIdFile.open(QIODevice::ReadOnly)
                                   ? QString::fromLatin1(bootIdFile.readAll()).trimmed()
                                   : QString();
        const QString cachePath = u"/run/crossvirt-e2e-kvm-probe"_s;
        QFile cache(cachePath);
        if (!bootId.isEmpty() && cache.open(QIODevice::ReadOnly)) {
            const QStringList lines = QString::fromUtf8(cache.readAll()).split(u'\n');
            if (lines.size() >= 2 && lines.first() == bootId)
                return lines.at(1);
            cache.close();
        }
        const QString arch = LibvirtDaemon::hostArch();
        // The machine and console of the host arch's guest (the probe's own arch table).
        static const QHash<QString, QPair<QString, QString>> machines{
            {u"x86_64"_s, {u"q35"_s, u"console=ttyS0"_s}},
            {u"aarch64"_s, {u"virt,gic-version=host"_s, u"console=ttyAMA0"_s}},
            {u"ppc64le"_s, {u"pseries"_s, u"console=hvc0"_s}},
            {u"s390x"_s, {u"s390-ccw-virtio"_s, u"console=ttysclp0"_s}},
        };
        QString result;
        const QString source = qEnvironmentVariable("CROSSVIRT_SOURCE_DIR");
        if (!machines.contains(arch)) {
            result = u"no KVM probe for a %1 host"_s.arg(arch);
        } else if (source.isEmpty()) {
            result = u"CROSSVIRT_SOURCE_DIR is not set: cannot make the probe guest"_s;
        } else {
            QProcess script;
            script.start(u"bash"_s, {source + u"/tests/e2e/guest/make-guest-image.sh"_s, arch});
            script.waitForFinished(600'000);
            const QStringList out =
                QString::fromUtf8(script.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
            if (script.exitCode() != 0 || out.isEmpty()) {
                result = u"the probe guest could not be made: "_s +
                         QString::fromUtf8(script.readAllStandardError()).trimmed();
            } else {
                const QString dir = out.last().trimmed();
                QProcess qemu;
                qemu.setProcessChannelMode(QProcess::MergedChannels);
                qemu.start(u"qemu-system-"_s + arch,
                           {u"-machine"_s, machines[arch].first, u"-accel"_s, u"kvm"_s, u"-m"_s,
                            u"512"_s, u"-nodefaults"_s, u"-display"_s, u"none"_s, u"-serial"_s,
                            u"stdio"_s, u"-kernel"_s, dir + u"/kernel"_s, u"-initrd"_s,
                            dir + u"/initrd"_s, u"-append"_s, machines[arch].second + u" quiet"_s});
                QByteArray seen;
                QElapsedTimer timer;
                timer.start();
                while (qemu.state() != QProcess::NotRunning && timer.elapsed() < 60'000 &&
                       !seen.contains("CROSSVIRT-READY")) {
                    qemu.waitForReadyRead(500);
                    seen += qemu.readAll();
                }
                if (!seen.contains("CROSSVIRT-READY")) {
                    const QStringList lines = QString::fromUtf8(seen).split(
                        QRegularExpression(u"[\r\n]+"_s), Qt::SkipEmptyParts);
                    result = u"/dev/kvm exists, but a Linux guest does not boot under KVM "
                             u"here (nested virtualization?): "_s +
                             (lines.isEmpty() ? u"no output in 60 s"_s
                                              : u"last output: "_s + lines.last().trimmed());
                }
                qemu.kill();
                qemu.waitForFinished(5'000);
            }
        }
        if (!bootId.isEmpty() && cache.open(QIODevice::WriteOnly | QIODevice::Truncate))
            cache.write((bootId + u'\n' + result + u'\n').toUtf8());
        std::fprintf(stderr, "[ harness  ] KVM probe: %s\n",
                     result.isEmpty() ? "a guest boots under KVM" : qPrintable(result));
        return result;
    }();
    return answer;
}

// The daemons die with the test process even when it crashes or ctest kills it on a
// timeout; a later run then finds no orphaned libvirtd holding the socket.
void dieWithParent()
{
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
}

} // namespace

QString lastLibvirtError()
{
    const char *message = virGetLastErrorMessage();
    return message ? QString::fromUtf8(message) : u"(no libvirt error)"_s;
}

LibvirtDaemon::LibvirtDaemon() : LibvirtDaemon(Options{}) {}

LibvirtDaemon::LibvirtDaemon(Options options) : m_options(options) {}

LibvirtDaemon::~LibvirtDaemon()
{
    stop();
}

QString LibvirtDaemon::runDirectory()
{
    return u"/run/crossvirt-e2e"_s;
}

QString LibvirtDaemon::poolPath() const
{
    return m_poolDir ? m_poolDir->path() : QString();
}

QString LibvirtDaemon::hostArch()
{
    utsname name{};
    if (::uname(&name) != 0)
        return {};
    return QString::fromLatin1(name.machine);
}

bool LibvirtDaemon::hasKvm() const
{
    return !forceTcg() && QFileInfo::exists(u"/dev/kvm"_s) && kvmProbeFailure().isEmpty();
}

QString LibvirtDaemon::domainTypeFor(const QString &guestArch) const
{
    return hasKvm() && guestArch == hostArch() ? u"kvm"_s : u"qemu"_s;
}

QString LibvirtDaemon::accelerationSummary() const
{
    const QString arch = u"x86_64"_s;
    if (domainTypeFor(arch) == u"kvm"_s)
        return arch + u": KVM"_s;
    QString why;
    if (forceTcg())
        why = u"CROSSVIRT_E2E_TCG is set"_s;
    else if (!QFileInfo::exists(u"/dev/kvm"_s))
        why = u"no /dev/kvm"_s;
    else if (!kvmProbeFailure().isEmpty())
        why = kvmProbeFailure();
    else
        why = u"host is "_s + hostArch();
    return arch + u": TCG ("_s + why + u')';
}

QString LibvirtDaemon::daemonLogTail(int lines) const
{
    const QString tail = tailOfFile(QDir(runDirectory()).filePath(u"libvirtd.log"_s), lines);
    return tail.isEmpty() ? u"(libvirtd.log is empty)"_s : tail;
}

QMap<QString, QStringList> LibvirtDaemon::guestDomainTypes(const QString &capabilitiesXml)
{
    QMap<QString, QStringList> result;
    QXmlStreamReader xml(capabilitiesXml);
    bool inGuest = false;
    QString arch;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == u"guest")
                inGuest = true;
            else if (inGuest && xml.name() == u"arch")
                arch = xml.attributes().value("name"_L1).toString();
            else if (inGuest && !arch.isEmpty() && xml.name() == u"domain") {
                const QString type = xml.attributes().value("type"_L1).toString();
                if (!result[arch].contains(type))
                    result[arch].append(type);
            }
        } else if (xml.isEndElement()) {
            if (xml.name() == u"guest")
                inGuest = false;
            else if (xml.name() == u"arch")
                arch.clear();
        }
    }
    return result;
}

void LibvirtDaemon::log(const QString &message)
{
    const QByteArray line = "[   e2e    ] "_ba + message.toLocal8Bit() + '\n';
    std::fputs(line.constData(), stdout);
    std::fflush(stdout);
}

void LibvirtDaemon::fail(const QString &message)
{
    m_error = message;
    log(message);
}

bool LibvirtDaemon::start()
{
    if (m_ready)
        return true;
    m_error.clear();
    m_skipReason.clear();
    if (!checkCanRun()) {
        log(u"end-to-end tests cannot run here: "_s + m_skipReason);
        return false;
    }

    const QuietLibvirtErrors quiet;
    stopStaleHarnessDaemons();
    if (probeExistingDaemon()) {
        m_reused = true;
        log(u"reusing the libvirtd that is already running; it will be left running"_s);
    } else {
        if (!QDir().mkpath(runDirectory())) {
            fail(u"cannot create %1"_s.arg(runDirectory()));
            return false;
        }
        writeTextFile(QDir(runDirectory()).filePath(u"owner"_s),
                      QString::number(QCoreApplication::applicationPid()));
        if (!startVirtlogd() || !startLibvirtd() || !waitForLibvirtd()) {
            stop();
            return false;
        }
    }

    removeLeftoverDomains();
    if ((m_options.createNetwork && !createNetwork()) || (m_options.createPool && !createPool())) {
        stop();
        return false;
    }
    m_ready = true;
    return true;
}

bool LibvirtDaemon::checkCanRun()
{
    if (::geteuid() != 0)
        m_skipReason = u"not running as root (the harness starts libvirtd in system mode)"_s;
    else if (findProgram(u"libvirtd"_s).isEmpty())
        m_skipReason = u"libvirtd is not installed (Debian package libvirt-daemon-system)"_s;
    else if (findProgram(u"qemu-system-x86_64"_s).isEmpty())
        m_skipReason = u"qemu-system-x86_64 is not installed (package qemu-system-x86)"_s;
    return m_skipReason.isEmpty();
}

// A run that crashed or was killed may have left daemons behind that still hold the
// socket and pid files. They carry our run directory on their command line; another
// harness that is still alive (its owner pid runs) keeps its daemons.
void LibvirtDaemon::stopStaleHarnessDaemons()
{
    const QDir dir(runDirectory());
    const qint64 owner = readPidFile(dir.filePath(u"owner"_s));
    if (owner != QCoreApplication::applicationPid() && processAlive(owner))
        return;
    for (const QString &name : {u"libvirtd"_s, u"virtlogd"_s}) {
        const qint64 pid = readPidFile(dir.filePath(name + u".pid"_s));
        if (!processAlive(pid) || !processCommandLine(pid).contains(runDirectory()))
            continue;
        log(u"stopping %1 (pid %2) left behind by an earlier e2e run"_s.arg(name).arg(pid));
        terminatePid(pid);
    }
    // Its scratch pool directories too (the pool itself is removed by name later).
    const QDir temp = QDir::temp();
    for (const QString &entry :
         temp.entryList({u"crossvirt-e2e-pool-*"_s}, QDir::Dirs | QDir::NoDotAndDotDot)) {
        log(u"removing %1 left behind by an earlier e2e run"_s.arg(temp.filePath(entry)));
        QDir(temp.filePath(entry)).removeRecursively();
    }
}

bool LibvirtDaemon::probeExistingDaemon()
{
    virConnectPtr conn = virConnectOpen(localUri().toUtf8().constData());
    if (!conn)
        return false;
    unsigned long version = 0;
    if (virConnectGetVersion(conn, &version) != 0) {
        virConnectClose(conn);
        return false;
    }
    m_conn = conn;
    return true;
}

bool LibvirtDaemon::startVirtlogd()
{
    // QEMU's console and log output go through virtlogd (stdio_handler = "logd").
    // Without virtlogd, qemu.conf falls back to plain files.
    const QString program = findProgram(u"virtlogd"_s);
    if (unixSocketAnswers(kVirtlogdSocket) || program.isEmpty()) {
        if (program.isEmpty())
            log(u"virtlogd is not installed; QEMU logs go to files directly"_s);
        writeConfigFiles(!program.isEmpty());
        return true;
    }
    writeConfigFiles(true);
    m_virtlogd = std::make_unique<QProcess>();
    m_virtlogd->setProgram(program);
    m_virtlogd->setArguments({u"--pid-file"_s, QDir(runDirectory()).filePath(u"virtlogd.pid"_s)});
    m_virtlogd->setProcessChannelMode(QProcess::MergedChannels);
    m_virtlogd->setStandardOutputFile(QDir(runDirectory()).filePath(u"virtlogd.log"_s));
    m_virtlogd->setChildProcessModifier(dieWithParent);
    m_virtlogd->start();
    if (!m_virtlogd->waitForStarted(10'000)) {
        fail(u"cannot start %1: %2"_s.arg(program, m_virtlogd->errorString()));
        return false;
    }
    QDeadlineTimer deadline(15'000);
    while (!unixSocketAnswers(kVirtlogdSocket)) {
        if (m_virtlogd->waitForFinished(50)) {
            fail(u"virtlogd exited (code %1) before it listened on %2:\n%3"_s
                     .arg(m_virtlogd->exitCode())
                     .arg(kVirtlogdSocket,
                          tailOfFile(QDir(runDirectory()).filePath(u"virtlogd.log"_s), 20)));
            return false;
        }
        if (deadline.hasExpired()) {
            fail(u"virtlogd did not listen on %1 within 15 s"_s.arg(kVirtlogdSocket));
            return false;
        }
    }
    return true;
}

void LibvirtDaemon::writeConfigFiles(bool withVirtlogd)
{
    const QDir dir(runDirectory());
    // TCP without auth on loopback only: the tests reach the same daemon through
    // libvirt's remote driver (qemu+tcp://127.0.0.1/system) with no TLS or SASL setup.
    writeTextFile(dir.filePath(u"libvirtd.conf"_s), uR"(# Written by the Crossvirt e2e harness.
listen_tls = 0
listen_tcp = 1
listen_addr = "127.0.0.1"
tcp_port = "16509"
auth_tcp = "none"
auth_unix_rw = "none"
auth_unix_ro = "none"
log_outputs = "3:stderr"
)"_s);
    // QEMU runs as root: /dev/kvm is root-only without udev's rule, and the scratch pool
    // lives in a private temp dir. No AppArmor/SELinux profile for temp paths either.
    writeTextFile(dir.filePath(u"qemu.conf"_s), uR"(# Written by the Crossvirt e2e harness.
user = "root"
group = "root"
security_driver = "none"
stdio_handler = "%1"
)"_s.arg(withVirtlogd ? u"logd"_s : u"file"_s));
}

bool LibvirtDaemon::startLibvirtd()
{
    const QDir dir(runDirectory());
    const QString libvirtd = findProgram(u"libvirtd"_s);
    const QStringList daemonArgs = {libvirtd,        u"--listen"_s,
                                    u"--config"_s,   dir.filePath(u"libvirtd.conf"_s),
                                    u"--pid-file"_s, dir.filePath(u"libvirtd.pid"_s)};

    // In system mode the QEMU driver reads only /etc/libvirt/qemu.conf. A private mount
    // namespace shows libvirtd our qemu.conf there and leaves the host's file untouched;
    // unshare and sh exec, so the QProcess pid is libvirtd's own.
    const QString unshare = findProgram(u"unshare"_s);
    const QString shell = findProgram(u"sh"_s);
    m_libvirtd = std::make_unique<QProcess>();
    if (!unshare.isEmpty() && !shell.isEmpty() && QFileInfo::exists(kSystemQemuConf)) {
        m_libvirtd->setProgram(unshare);
        m_libvirtd->setArguments(
            QStringList{
                u"--mount"_s, u"--propagation"_s, u"private"_s, shell, u"-c"_s,
                uR"(mount --bind "$1" /etc/libvirt/qemu.conf || exit 97; shift; exec "$@")"_s,
                u"crossvirt-e2e"_s, dir.filePath(u"qemu.conf"_s)} +
            daemonArgs);
    } else {
        log(u"unshare or /etc/libvirt/qemu.conf missing: libvirtd uses the system qemu.conf"_s);
        m_libvirtd->setProgram(libvirtd);
        m_libvirtd->setArguments(daemonArgs.mid(1));
    }
    m_libvirtd->setProcessChannelMode(QProcess::MergedChannels);
    m_libvirtd->setStandardOutputFile(dir.filePath(u"libvirtd.log"_s));
    m_libvirtd->setChildProcessModifier(dieWithParent);
    m_libvirtd->start();
    if (!m_libvirtd->waitForStarted(10'000)) {
        fail(u"cannot start %1: %2"_s.arg(libvirtd, m_libvirtd->errorString()));
        return false;
    }
    return true;
}

bool LibvirtDaemon::waitForLibvirtd()
{
    QDeadlineTimer deadline(m_options.readyTimeoutMs);
    QString lastError;
    for (;;) {
        if (probeExistingDaemon())
            return true;
        lastError = lastLibvirtError();
        if (m_libvirtd->waitForFinished(100)) {
            const int code = m_libvirtd->exitCode();
            QString hint;
            if (code == 97)
                hint = u"; bind mount of qemu.conf failed"_s;
            else if (const QList<qint64> others = otherLibvirtdPids(m_libvirtd->processId());
                     !others.isEmpty())
                hint = u"; another libvirtd (pid %1) holds the system daemon's files but does "
                       u"not answer, maybe still shutting down"_s.arg(others.constFirst());
            fail(u"libvirtd exited (code %1%2) before qemu:///system answered. libvirtd.log:\n%3"_s
                     .arg(code)
                     .arg(hint, daemonLogTail()));
            return false;
        }
        if (deadline.hasExpired()) {
            fail(u"qemu:///system did not answer within %1 s (last error: %2). libvirtd.log:\n%3"_s
                     .arg(m_options.readyTimeoutMs / 1000)
                     .arg(lastError, daemonLogTail()));
            return false;
        }
    }
}

// Domains named with our prefix belong to the tests; a crashed run leaves them behind.
void LibvirtDaemon::removeLeftoverDomains()
{
    if (!m_conn)
        return;
    virDomainPtr *domains = nullptr;
    const int count = virConnectListAllDomains(m_conn, &domains, 0);
    for (int i = 0; i < count; ++i) {
        const QString name = QString::fromUtf8(virDomainGetName(domains[i]));
        if (name.startsWith(domainPrefix())) {
            log(u"removing leftover test domain %1"_s.arg(name));
            if (virDomainIsActive(domains[i]) == 1)
                virDomainDestroy(domains[i]);
            if (virDomainIsPersistent(domains[i]) == 1)
                virDomainUndefineFlags(domains[i], VIR_DOMAIN_UNDEFINE_NVRAM |
                                                       VIR_DOMAIN_UNDEFINE_MANAGED_SAVE |
                                                       VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA);
        }
        virDomainFree(domains[i]);
    }
    free(domains);
}

bool LibvirtDaemon::createNetwork()
{
    // An isolated network (no <forward>): no NAT rules towards the outside, so no
    // firewalld is needed; libvirt still adds its own iptables chains and runs
    // dnsmasq for DHCP on the bridge.
    if (virNetworkPtr old = virNetworkLookupByName(m_conn, networkName().toUtf8().constData())) {
        if (virNetworkIsActive(old) == 1)
            virNetworkDestroy(old);
        if (virNetworkIsPersistent(old) == 1)
            virNetworkUndefine(old);
        virNetworkFree(old);
    }
    QString lastError;
    // A subnet already routed on this machine is refused; try a few.
    for (int subnet : {213, 214, 215, 216}) {
        const QString xml = uR"(<network>
  <name>%1</name>
  <bridge name='cvx-e2e0' stp='off'/>
  <ip address='192.168.%2.1' netmask='255.255.255.0'>
    <dhcp><range start='192.168.%2.100' end='192.168.%2.200'/></dhcp>
  </ip>
</network>)"_s.arg(networkName())
                                .arg(subnet);
        if (virNetworkPtr net = virNetworkCreateXML(m_conn, xml.toUtf8().constData())) {
            virNetworkFree(net);
            m_createdNetwork = true;
            return true;
        }
        lastError = lastLibvirtError();
    }
    fail(u"cannot create the isolated network %1: %2"_s.arg(networkName(), lastError));
    return false;
}

bool LibvirtDaemon::createPool()
{
    if (virStoragePoolPtr old =
            virStoragePoolLookupByName(m_conn, poolName().toUtf8().constData())) {
        if (virStoragePoolIsActive(old) == 1)
            virStoragePoolDestroy(old);
        if (virStoragePoolIsPersistent(old) == 1)
            virStoragePoolUndefine(old);
        virStoragePoolFree(old);
    }
    m_poolDir =
        std::make_unique<QTemporaryDir>(QDir::temp().filePath(u"crossvirt-e2e-pool-XXXXXX"_s));
    if (!m_poolDir->isValid()) {
        fail(u"cannot create a temporary directory for the pool: %1"_s.arg(
            m_poolDir->errorString()));
        m_poolDir.reset();
        return false;
    }
    // A reused daemon may run QEMU as libvirt-qemu, which must reach the pool's files.
    QFile::setPermissions(m_poolDir->path(), QFile::ReadOwner | QFile::WriteOwner |
                                                 QFile::ExeOwner | QFile::ReadGroup |
                                                 QFile::ExeGroup | QFile::ReadOther |
                                                 QFile::ExeOther);
    const QString xml = uR"(<pool type='dir'>
  <name>%1</name>
  <target><path>%2</path></target>
</pool>)"_s.arg(poolName(), m_poolDir->path().toHtmlEscaped());
    virStoragePoolPtr pool = virStoragePoolCreateXML(m_conn, xml.toUtf8().constData(), 0);
    if (!pool) {
        fail(u"cannot create the storage pool %1 in %2: %3"_s.arg(poolName(), m_poolDir->path(),
                                                                  lastLibvirtError()));
        return false;
    }
    virStoragePoolFree(pool);
    m_createdPool = true;
    return true;
}

void LibvirtDaemon::removeNetworkAndPool()
{
    if (m_createdPool) {
        if (virStoragePoolPtr pool =
                virStoragePoolLookupByName(m_conn, poolName().toUtf8().constData())) {
            virStoragePoolDestroy(pool); // transient: destroying it removes it
            virStoragePoolFree(pool);
        }
        m_createdPool = false;
    }
    if (m_createdNetwork) {
        if (virNetworkPtr net =
                virNetworkLookupByName(m_conn, networkName().toUtf8().constData())) {
            virNetworkDestroy(net);
            virNetworkFree(net);
        }
        m_createdNetwork = false;
    }
}

void LibvirtDaemon::stopProcess(std::unique_ptr<QProcess> &process, const QString &name)
{
    if (!process)
        return;
    if (process->state() != QProcess::NotRunning) {
        process->terminate();
        if (!process->waitForFinished(15'000)) {
            log(u"%1 ignored SIGTERM for 15 s; killing it"_s.arg(name));
            process->kill();
            process->waitForFinished(5'000);
        }
    }
    process.reset();
}

void LibvirtDaemon::stop()
{
    const bool hadDaemons = m_libvirtd || m_virtlogd;
    if (m_conn) {
        const QuietLibvirtErrors quiet;
        removeLeftoverDomains();
        removeNetworkAndPool();
        virConnectClose(m_conn);
        m_conn = nullptr;
    }
    // libvirtd first: it talks to virtlogd while QEMU processes go away.
    stopProcess(m_libvirtd, u"libvirtd"_s);
    stopProcess(m_virtlogd, u"virtlogd"_s);
    if (hadDaemons)
        QFile::remove(QDir(runDirectory()).filePath(u"owner"_s));
    m_poolDir.reset();
    m_ready = false;
    m_reused = false;
}

LibvirtDaemonEnvironment::LibvirtDaemonEnvironment(LibvirtDaemon::Options options)
    : m_daemon(options)
{
    s_environment = this;
}

LibvirtDaemonEnvironment::~LibvirtDaemonEnvironment()
{
    if (s_environment == this)
        s_environment = nullptr;
}

LibvirtDaemon *LibvirtDaemonEnvironment::daemon()
{
    return s_environment ? &s_environment->m_daemon : nullptr;
}

void LibvirtDaemonEnvironment::SetUp()
{
    QElapsedTimer timer;
    timer.start();
    m_started = m_daemon.start();
    if (!m_started)
        return;
    std::printf("[   e2e    ] libvirtd %s in %lld ms; %s; pool %s at %s; network %s\n",
                m_daemon.reusedExistingDaemon() ? "reused" : "started",
                static_cast<long long>(timer.elapsed()),
                m_daemon.accelerationSummary().toLocal8Bit().constData(),
                LibvirtDaemon::poolName().toLocal8Bit().constData(),
                m_daemon.poolPath().toLocal8Bit().constData(),
                LibvirtDaemon::networkName().toLocal8Bit().constData());
    std::fflush(stdout);
}

void LibvirtDaemonEnvironment::TearDown()
{
    m_daemon.stop();
}

void LibvirtDaemonTest::SetUp()
{
    m_daemon = LibvirtDaemonEnvironment::daemon();
    ASSERT_NE(m_daemon, nullptr)
        << "register a LibvirtDaemonEnvironment with testing::AddGlobalTestEnvironment()";
    if (!m_daemon->skipReason().isEmpty()) {
        // CI sets CROSSVIRT_E2E_REQUIRED so that a machine that cannot run them fails
        // instead of passing with every e2e test skipped.
        if (qEnvironmentVariableIsSet("CROSSVIRT_E2E_REQUIRED"))
            FAIL() << "CROSSVIRT_E2E_REQUIRED is set but " << m_daemon->skipReason().toStdString();
        GTEST_SKIP() << m_daemon->skipReason().toStdString();
    }
    ASSERT_TRUE(m_daemon->isReady()) << m_daemon->errorString().toStdString();
    m_conn = virConnectOpen(LibvirtDaemon::localUri().toUtf8().constData());
    ASSERT_NE(m_conn, nullptr) << "cannot open qemu:///system: "
                               << lastLibvirtError().toStdString();
}

void LibvirtDaemonTest::TearDown()
{
    if (m_conn)
        virConnectClose(m_conn);
    m_conn = nullptr;
}

} // namespace crossvirt::test::e2e
