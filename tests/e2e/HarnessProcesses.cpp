#include "e2e/HarnessProcesses.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QThread>

#include <algorithm>
#include <csignal>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace crossvirt::test::e2e {

int runProgram(const QString &program, const QStringList &args, QString *output,
               const QByteArray &input, int timeoutMs)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, args);
    if (!process.waitForStarted(timeoutMs)) {
        if (output)
            *output = process.errorString();
        return -1;
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(2'000);
        if (output)
            *output = process.errorString();
        return -1;
    }
    if (output)
        *output = QString::fromLocal8Bit(process.readAll()).trimmed();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

QString findProgram(const QString &name)
{
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(
            name, {u"/usr/sbin"_s, u"/usr/local/sbin"_s, u"/sbin"_s, u"/usr/bin"_s});
    return path;
}

bool processAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close < 0 || close + 2 >= text.size() || text.at(close + 2) != 'Z';
}

void terminatePids(const QList<qint64> &pids)
{
    for (qint64 pid : pids)
        ::kill(static_cast<pid_t>(pid), SIGTERM);
    auto anyAlive = [&pids] {
        return std::any_of(pids.begin(), pids.end(), [](qint64 p) { return processAlive(p); });
    };
    QDeadlineTimer deadline(10'000);
    while (anyAlive() && !deadline.hasExpired())
        QThread::msleep(50);
    for (qint64 pid : pids) {
        if (processAlive(pid))
            ::kill(static_cast<pid_t>(pid), SIGKILL);
    }
    QDeadlineTimer killDeadline(5'000);
    while (anyAlive() && !killDeadline.hasExpired())
        QThread::msleep(50);
}

bool unixSocketAnswers(const QString &path)
{
    const QByteArray encoded = QFile::encodeName(path);
    sockaddr_un address{};
    if (encoded.size() >= static_cast<qsizetype>(sizeof(address.sun_path)))
        return false;
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, encoded.constData(), static_cast<size_t>(encoded.size()));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    const bool ok =
        ::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address)) == 0;
    ::close(fd);
    return ok;
}

bool writeTextFile(const QString &path, const QString &text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return false;
    return file.write(text.toUtf8()) >= 0;
}

QString tailOfFile(const QString &path, int lines)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QStringList all = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    return all.mid(qMax(0, all.size() - lines)).join(u'\n');
}

void quietLibvirtErrors(void *, virErrorPtr) {}

} // namespace crossvirt::test::e2e
