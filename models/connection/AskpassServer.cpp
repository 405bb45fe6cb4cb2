#include "models/connection/AskpassServer.h"

#include "models/connection/AskpassProtocol.h"
#include "models/connection/CredentialChannel.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QPointer>
#include <QThread>

#include <csignal>
#include <sys/socket.h>
#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace crossvirt::models {

struct AskpassServer::Registration::State
{
    QString uri;
    QString host;
    std::weak_ptr<CredentialChannel> credentials;
    std::atomic<bool> cancelled = false;
    std::atomic<int> answered = 0;
};

namespace {

QMutex registryMutex;
QList<std::shared_ptr<AskpassServer::Registration::State>> registry;

AskpassServer *server = nullptr; // GUI thread

// Field 4 of /proc/<pid>/stat (after the parenthesised name, which may hold spaces).
qint64 parentOf(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    if (close < 0)
        return 0;
    const QList<QByteArray> fields = text.mid(close + 2).split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() : 0;
}

QStringList commandLineOf(qint64 pid)
{
    QFile f(u"/proc/%1/cmdline"_s.arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QStringList args;
    for (const QByteArray &a : f.readAll().split('\0'))
        args << QString::fromLocal8Bit(a);
    return args;
}

// The registration for the ssh whose command line names its host ("host", "user@host").
std::shared_ptr<AskpassServer::Registration::State> registrationFor(const QStringList &sshArgs)
{
    QMutexLocker lock(&registryMutex);
    for (const auto &state : std::as_const(registry)) {
        for (const QString &arg : sshArgs) {
            if (arg == state->host || arg.endsWith(u'@' + state->host))
                return state;
        }
    }
    return nullptr;
}

void reply(QLocalSocket *socket, const QByteArray &status, const QString &text)
{
    socket->write(status + '\n' + text.toUtf8());
    socket->flush();
    socket->disconnectFromServer();
}

} // namespace

AskpassServer::Registration::Registration(const QString &uri, const QString &host,
                                          std::shared_ptr<CredentialChannel> credentials)
    : m_state(std::make_shared<State>())
{
    m_state->uri = uri;
    m_state->host = host;
    m_state->credentials = credentials;
    QMutexLocker lock(&registryMutex);
    registry.append(m_state);
}

AskpassServer::Registration::~Registration()
{
    QMutexLocker lock(&registryMutex);
    registry.removeAll(m_state);
}

bool AskpassServer::Registration::cancelled() const
{
    return m_state->cancelled.load();
}

int AskpassServer::Registration::answered() const
{
    return m_state->answered.load();
}

AskpassServer::AskpassServer(QObject *parent) : QObject(parent) {}

QString AskpassServer::helperPath()
{
    const QString fromEnv = qEnvironmentVariable("CROSSVIRT_ASKPASS");
    if (!fromEnv.isEmpty())
        return QFileInfo(fromEnv).isExecutable() ? fromEnv : QString();
    const QString next =
        QDir(QCoreApplication::applicationDirPath()).filePath(u"crossvirt-askpass"_s);
    return QFileInfo(next).isExecutable() ? next : QString();
}

QString AskpassServer::socketPath()
{
    return QString::fromStdString(askpass::socketPath(QCoreApplication::applicationPid()));
}

bool AskpassServer::ensureStarted(QString *error)
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app || QThread::currentThread() != app->thread()) {
        if (error)
            *error = tr("the SSH password helper must be started on the GUI thread");
        return false;
    }
    if (server) {
        if (error)
            *error = server->m_error;
        return server->m_error.isEmpty();
    }
    server = new AskpassServer(app);
    const std::string dir = askpass::socketDirectory();
    const QString qdir = QString::fromStdString(dir);
    if (!QFileInfo::exists(qdir))
        ::mkdir(dir.c_str(), 0700);
    const QString helper = helperPath();
    if (!askpass::isPrivateDirectory(dir)) {
        server->m_error = tr("%1 is not a folder only this user can enter; SSH passwords "
                             "cannot be asked for")
                              .arg(qdir);
    } else if (helper.isEmpty()) {
        server->m_error = tr("crossvirt-askpass is not installed next to Crossvirt; SSH "
                             "passwords and passphrases cannot be asked for");
    } else {
        QLocalServer::removeServer(socketPath()); // a crashed run with our pid
        server->m_server = new QLocalServer(server);
        server->m_server->setSocketOptions(QLocalServer::UserAccessOption);
        if (!server->m_server->listen(socketPath())) {
            server->m_error =
                tr("cannot listen on %1: %2").arg(socketPath(), server->m_server->errorString());
        } else {
            connect(server->m_server, &QLocalServer::newConnection, server,
                    &AskpassServer::onConnection);
            qputenv("SSH_ASKPASS", QFile::encodeName(helper));
            if (qEnvironmentVariableIsEmpty("DISPLAY"))
                qputenv("DISPLAY", ":0");
        }
    }
    if (error)
        *error = server->m_error;
    return server->m_error.isEmpty();
}

void AskpassServer::onConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QLocalSocket::readyRead, this, [this, socket, buffer] {
            *buffer += socket->readAll();
            const qsizetype end = buffer->indexOf('\0');
            if (end < 0) {
                if (buffer->size() > 64 * 1024)
                    socket->abort();
                return;
            }
            const QByteArray prompt = buffer->left(end);
            buffer->clear();
            handle(socket, prompt);
        });
    }
}

void AskpassServer::handle(QLocalSocket *socket, const QByteArray &promptBytes)
{
    // Only this user's helpers, run by an ssh that this process started.
    ucred peer{};
    socklen_t len = sizeof(peer);
    if (::getsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_PEERCRED, &peer, &len) != 0 ||
        peer.uid != ::getuid()) {
        socket->abort();
        return;
    }
    const qint64 ssh = parentOf(peer.pid);
    if (ssh <= 0 || parentOf(ssh) != QCoreApplication::applicationPid()) {
        reply(socket, "CANCEL", tr("the asking ssh was not started by this Crossvirt"));
        return;
    }
    const auto state = registrationFor(commandLineOf(ssh));
    const std::shared_ptr<CredentialChannel> credentials =
        state ? state->credentials.lock() : nullptr;
    if (!state || !credentials) {
        reply(socket, "CANCEL", tr("no connection of this Crossvirt waits for that ssh"));
        return;
    }
    const QString prompt = QString::fromUtf8(promptBytes).trimmed();
    // ssh's own yes/no questions (an unknown host key) are Crossvirt's to ask before it
    // connects; answering them here would bypass that check.
    if (prompt.contains(u"(yes/no"_s)) {
        state->cancelled = true;
        reply(socket, "OK", u"no"_s);
        return;
    }
    CredentialRequest request;
    request.kind = CredentialRequest::Kind::Password;
    request.prompt = prompt;
    QPointer<QLocalSocket> guard(socket);
    const std::optional<QStringList> answer = credentials->ask(state->uri, {request});
    if (!guard)
        return;
    if (!answer || answer->isEmpty()) {
        state->cancelled = true;
        reply(socket, "CANCEL", tr("cancelled by the user"));
        return;
    }
    ++state->answered;
    reply(socket, "OK", answer->first());
}

} // namespace crossvirt::models
