#include "QemuVncDisplay.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QThread>

#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace crossvirt::test {

namespace {

int connectUnix(const QString &path)
{
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    const QByteArray native = QFile::encodeName(path);
    if (size_t(native.size()) >= sizeof addr.sun_path) {
        ::close(fd);
        return -1;
    }
    std::memcpy(addr.sun_path, native.constData(), size_t(native.size()));
    if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

} // namespace

QemuVncDisplay::~QemuVncDisplay()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

QString QemuVncDisplay::missingReason()
{
    return QStandardPaths::findExecutable(u"qemu-system-x86_64"_s).isEmpty()
               ? u"qemu-system-x86_64 is not installed"_s
               : QString();
}

bool QemuVncDisplay::start(const Options &options, QString *error)
{
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + u"/crossvirt-qemu-vnc-XXXXXX"_s);
    if (!m_dir->isValid()) {
        *error = u"cannot create a temporary folder"_s;
        return false;
    }
    m_socketPath = m_dir->filePath(u"vnc.sock"_s);
    QStringList args{u"-machine"_s, u"none"_s, u"-nodefaults"_s, u"-display"_s, u"none"_s, u"-S"_s};
    QString vnc = u"unix:"_s + m_socketPath;
    if (!options.password.isEmpty()) {
        // On QEMU's command line, not in a file: no secret left behind.
        args << u"-object"_s << u"secret,id=vncpw,data="_s + options.password;
        vnc += u",password-secret=vncpw"_s;
    }
    if (!options.x509Dir.isEmpty()) {
        args << u"-object"_s
             << u"tls-creds-x509,id=vnctls,endpoint=server,dir=%1,verify-peer=%2"_s.arg(
                    options.x509Dir, options.verifyClient ? u"on"_s : u"off"_s);
        vnc += u",tls-creds=vnctls"_s;
    }
    args << u"-vnc"_s << vnc;
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->start(u"qemu-system-x86_64"_s, args);
    if (!m_process->waitForStarted(10000)) {
        *error = u"qemu-system-x86_64 did not start: "_s + m_process->errorString();
        return false;
    }
    QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired()) {
        if (m_process->state() == QProcess::NotRunning) {
            *error = u"qemu-system-x86_64 %1 exited: %2"_s.arg(
                args.join(u' '), QString::fromLocal8Bit(m_process->readAll()));
            return false;
        }
        if (const int fd = connectSocket(); fd >= 0) {
            ::close(fd); // QEMU just drops a client that leaves before its greeting
            return true;
        }
        m_process->waitForReadyRead(50);
    }
    *error = u"QEMU's VNC socket %1 did not appear"_s.arg(m_socketPath);
    return false;
}

int QemuVncDisplay::connectSocket() const
{
    return m_socketPath.isEmpty() ? -1 : connectUnix(m_socketPath);
}

} // namespace crossvirt::test
