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

bool runTool(const QString &program, const QStringList &args, QString *error)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = u"%1 %2 failed: %3"_s.arg(program, args.join(u' '),
                                           QString::fromLocal8Bit(p.readAll()));
        return false;
    }
    return true;
}

bool writeFile(const QString &path, const QByteArray &text, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size()) {
        *error = u"cannot write %1"_s.arg(path);
        return false;
    }
    return true;
}

bool makeKey(const QString &path, QString *error)
{
    return runTool(u"certtool"_s,
                   {u"--generate-privkey"_s, u"--key-type=ecdsa"_s, u"--outfile"_s, path}, error);
}

bool makeCa(const QString &dir, const QString &name, QString *error)
{
    return makeKey(dir + u"/ca-key.pem"_s, error) &&
           writeFile(dir + u"/ca.info"_s,
                     "cn = \"" + name.toUtf8() + "\"\nca\ncert_signing_key\nexpiration_days = 2\n",
                     error) &&
           runTool(u"certtool"_s,
                   {u"--generate-self-signed"_s, u"--load-privkey"_s, dir + u"/ca-key.pem"_s,
                    u"--template"_s, dir + u"/ca.info"_s, u"--outfile"_s, dir + u"/ca-cert.pem"_s},
                   error);
}

bool makeSigned(const QString &caDir, const QString &keyPath, const QString &certPath,
                const QByteArray &info, QString *error)
{
    const QString infoPath = certPath + u".info"_s;
    return makeKey(keyPath, error) && writeFile(infoPath, info, error) &&
           runTool(u"certtool"_s,
                   {u"--generate-certificate"_s, u"--load-privkey"_s, keyPath,
                    u"--load-ca-certificate"_s, caDir + u"/ca-cert.pem"_s, u"--load-ca-privkey"_s,
                    caDir + u"/ca-key.pem"_s, u"--template"_s, infoPath, u"--outfile"_s, certPath},
                   error);
}

const QByteArray kServerInfo = "cn = \"localhost\"\ndns_name = \"localhost\"\n"
                               "ip_address = \"127.0.0.1\"\ntls_www_server\nencryption_key\n"
                               "signing_key\nexpiration_days = 2\n";

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

QString TestVncPki::missingReason()
{
    return QStandardPaths::findExecutable(u"certtool"_s).isEmpty()
               ? u"certtool (gnutls-bin) is not installed"_s
               : QString();
}

bool TestVncPki::create(QString *error)
{
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + u"/crossvirt-vnc-pki-XXXXXX"_s);
    if (!m_dir->isValid()) {
        *error = u"cannot create a temporary folder"_s;
        return false;
    }
    const QString root = m_dir->path();
    const QString other = root + u"/other-ca"_s;
    if (!QDir().mkpath(serverDir()) || !QDir().mkpath(otherServerDir()) || !QDir().mkpath(other)) {
        *error = u"cannot create the PKI folders"_s;
        return false;
    }
    if (!makeCa(root, u"Crossvirt test CA"_s, error) ||
        !makeSigned(root, serverDir() + u"/server-key.pem"_s, serverDir() + u"/server-cert.pem"_s,
                    kServerInfo, error) ||
        !makeSigned(root, clientKey(), clientCert(),
                    "cn = \"crossvirt-client\"\ntls_www_client\nencryption_key\nsigning_key\n"
                    "expiration_days = 2\n",
                    error) ||
        !QFile::copy(caCert(), serverDir() + u"/ca-cert.pem"_s))
        return error->isEmpty() ? (*error = u"cannot copy the CA"_s, false) : false;
    if (!makeCa(other, u"Another CA"_s, error) ||
        !makeSigned(other, otherServerDir() + u"/server-key.pem"_s,
                    otherServerDir() + u"/server-cert.pem"_s, kServerInfo, error) ||
        !QFile::copy(other + u"/ca-cert.pem"_s, otherCaCert()))
        return error->isEmpty() ? (*error = u"cannot copy the other CA"_s, false) : false;
    return true;
}

} // namespace crossvirt::test
