#include "bench/PrivateLibvirtd.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QThread>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace crossvirt::bench {

using namespace Qt::StringLiterals;

namespace {

QString socketPath(const QString &dir)
{
    return dir + u"/sock/libvirt-sock"_s;
}

void quiet(void *, virErrorPtr) {}

QString libvirtdProgram()
{
    QString program = QStandardPaths::findExecutable(u"libvirtd"_s);
    if (program.isEmpty())
        program = QStandardPaths::findExecutable(u"libvirtd"_s, {u"/usr/sbin"_s, u"/sbin"_s});
    return program;
}

} // namespace

QString PrivateLibvirtd::cannotRun()
{
    if (::geteuid() != 0)
        return u"not running as root (the private libvirtd is started as root)"_s;
    if (libvirtdProgram().isEmpty())
        return u"libvirtd is not installed (Debian package libvirt-daemon)"_s;
    return {};
}

PrivateLibvirtd::PrivateLibvirtd(const QString &dir) : m_dir(dir) {}

PrivateLibvirtd::~PrivateLibvirtd()
{
    stop();
}

QString PrivateLibvirtd::start()
{
    const QString program = libvirtdProgram();
    if (const QString why = cannotRun(); !why.isEmpty())
        return why;
    if (!QDir().mkpath(m_dir + u"/sock"_s) || !QDir().mkpath(m_dir + u"/no-drivers"_s))
        return u"cannot create "_s + m_dir;
    QFile conf(m_dir + u"/libvirtd.conf"_s);
    const QString text = uR"(# Written by crossvirt-bench --gui --daemon.
listen_tls = 0
listen_tcp = 0
unix_sock_dir = "%1/sock"
unix_sock_rw_perms = "0700"
unix_sock_ro_perms = "0700"
unix_sock_admin_perms = "0700"
auth_unix_rw = "none"
auth_unix_ro = "none"
log_outputs = "3:file:%1/libvirtd.log"
)"_s.arg(m_dir);
    if (!conf.open(QIODevice::WriteOnly) || conf.write(text.toUtf8()) < 0)
        return u"cannot write "_s + conf.fileName();
    conf.close();

    m_process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LIBVIRT_DRIVER_DIR"_s, m_dir + u"/no-drivers"_s);
    m_process->setProcessEnvironment(env);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(m_dir + u"/libvirtd.out"_s);
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    m_process->start(program, {u"--config"_s, m_dir + u"/libvirtd.conf"_s, u"--pid-file"_s,
                               m_dir + u"/libvirtd.pid"_s});
    if (!m_process->waitForStarted(10'000))
        return u"cannot start %1: %2"_s.arg(program, m_process->errorString());
    QElapsedTimer waited;
    waited.start();
    while (!QFile::exists(socketPath(m_dir))) {
        if (m_process->waitForFinished(100))
            return u"libvirtd exited (code %1) before it listened:\n%2"_s.arg(
                QString::number(m_process->exitCode()), logTail());
        if (waited.elapsed() > 15'000)
            return u"libvirtd did not listen on %1 within 15 s:\n%2"_s.arg(socketPath(m_dir),
                                                                           logTail());
    }
    return {};
}

QString PrivateLibvirtd::uriFor(const QString &hostFile) const
{
    return u"test+unix://%1?socket=%2"_s.arg(hostFile, socketPath(m_dir));
}

QString PrivateLibvirtd::check(const QString &hostFile, int expectedDomains) const
{
    virSetErrorFunc(nullptr, quiet);
    const QString uri = uriFor(hostFile);
    QString error;
    // The socket file exists a moment before libvirtd accepts on it.
    virConnectPtr conn = nullptr;
    for (int attempt = 0; attempt < 50 && !conn; ++attempt) {
        conn = virConnectOpen(uri.toUtf8().constData());
        if (!conn)
            QThread::msleep(100);
    }
    if (!conn) {
        const char *message = virGetLastErrorMessage();
        error = u"cannot open %1: %2"_s.arg(uri, QString::fromUtf8(message ? message : "?"));
    } else {
        const int active = virConnectNumOfDomains(conn);
        const int inactive = virConnectNumOfDefinedDomains(conn);
        if (active < 0 || inactive < 0 || active + inactive != expectedDomains)
            error = u"%1 has %2 running + %3 defined domains, not %4"_s.arg(uri)
                        .arg(active)
                        .arg(inactive)
                        .arg(expectedDomains);
        virConnectClose(conn);
    }
    virSetErrorFunc(nullptr, nullptr);
    return error;
}

qint64 PrivateLibvirtd::pid() const
{
    return m_process ? m_process->processId() : 0;
}

void PrivateLibvirtd::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(5000)) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

QString PrivateLibvirtd::logTail() const
{
    QString tail;
    for (const QString &name : {u"libvirtd.out"_s, u"libvirtd.log"_s}) {
        QFile f(m_dir + u'/' + name);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QStringList lines = QString::fromUtf8(f.readAll()).trimmed().split(u'\n');
        tail += lines.mid(qMax(0, lines.size() - 10)).join(u'\n') + u'\n';
    }
    return tail.trimmed().isEmpty() ? u"(no libvirtd output)"_s : tail.trimmed();
}

} // namespace crossvirt::bench
