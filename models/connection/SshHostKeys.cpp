#include "models/connection/SshHostKeys.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace crossvirt::models {

namespace {

struct Ran
{
    int code = -1;
    QString out;
    QString err;
};

Ran runTool(const QString &program, const QStringList &args, const QByteArray &input, int timeoutMs)
{
    Ran r;
    const QString path = QStandardPaths::findExecutable(program);
    if (path.isEmpty()) {
        r.err = SshKnownHosts::tr("%1 is not installed (OpenSSH's client tools are needed "
                                  "for SSH hosts)")
                    .arg(program);
        return r;
    }
    QProcess p;
    p.start(path, args);
    if (!p.waitForStarted(timeoutMs)) {
        r.err = p.errorString();
        return r;
    }
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(2'000);
        r.err = SshKnownHosts::tr("%1 did not finish").arg(program);
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromLocal8Bit(p.readAllStandardError()).trimmed();
    return r;
}

// ssh's default HostKeyAlgorithms order (OpenSSH 9): ed25519, then ECDSA, then RSA.
int preference(const QString &algorithm)
{
    if (algorithm.contains(u"ed25519"_s))
        return 0;
    if (algorithm.startsWith(u"ecdsa"_s))
        return 1;
    if (algorithm.contains(u"rsa"_s))
        return 2;
    return 3;
}

} // namespace

SshKnownHosts::SshKnownHosts(QString file) : m_file(file.isEmpty() ? defaultFile() : file) {}

QString SshKnownHosts::defaultFile()
{
    const passwd *pw = ::getpwuid(::getuid());
    const QString home = pw && pw->pw_dir ? QString::fromLocal8Bit(pw->pw_dir) : QDir::homePath();
    return home + u"/.ssh/known_hosts"_s;
}

QString SshKnownHosts::hostPattern(const QString &host, int port)
{
    return port <= 0 || port == 22 ? host : u"[%1]:%2"_s.arg(host).arg(port);
}

QList<SshHostKey> SshKnownHosts::parseKeys(const QString &lines, QString *error)
{
    QList<SshHostKey> keys;
    QByteArray forKeygen;
    for (const QString &line : lines.split(u'\n', Qt::SkipEmptyParts)) {
        const QString t = line.trimmed();
        if (t.isEmpty() || t.startsWith(u'#') || t.startsWith(u'@'))
            continue;
        const QStringList f = t.split(QChar(u' '), Qt::SkipEmptyParts);
        if (f.size() < 3)
            continue;
        SshHostKey key{f[1], f[2], {}, {}};
        if (keys.contains(key))
            continue;
        forKeygen += (f[1] + u' ' + f[2] + u" k"_s + QString::number(keys.size()) + u'\n').toUtf8();
        keys << key;
    }
    if (keys.isEmpty())
        return keys;
    const Ran r = runTool(u"ssh-keygen"_s, {u"-l"_s, u"-E"_s, u"sha256"_s, u"-f"_s, u"-"_s},
                          forKeygen, 10'000);
    if (r.code != 0 && error)
        *error = tr("ssh-keygen could not read the host keys: %1").arg(r.err);
    // "256 SHA256:abc k0 (ED25519)"
    for (const QString &line : r.out.split(u'\n', Qt::SkipEmptyParts)) {
        const QStringList f = line.split(QChar(u' '), Qt::SkipEmptyParts);
        if (f.size() < 4 || !f[2].startsWith(u'k'))
            continue;
        const int index = f[2].mid(1).toInt();
        if (index < 0 || index >= keys.size())
            continue;
        keys[index].fingerprint = f[1];
        keys[index].typeName = f[3].mid(1).chopped(1);
    }
    std::stable_sort(keys.begin(), keys.end(), [](const SshHostKey &a, const SshHostKey &b) {
        return preference(a.algorithm) < preference(b.algorithm);
    });
    return keys;
}

SshKnownHosts::Check SshKnownHosts::check(const QString &host, int port, int timeoutSeconds) const
{
    const Ran r = runTool(u"ssh-keyscan"_s,
                          {u"-T"_s, QString::number(timeoutSeconds), u"-p"_s,
                           QString::number(port <= 0 ? 22 : port), u"--"_s, host},
                          {}, (timeoutSeconds + 5) * 1000);
    Check c;
    if (r.code < 0) {
        c.error = r.err;
        return c;
    }
    QString error;
    QList<SshHostKey> offered = parseKeys(r.out, &error);
    if (offered.isEmpty()) {
        c.status = Status::Unreachable;
        c.error =
            tr("the SSH server at %1 sent no host key%2")
                .arg(hostPattern(host, port), r.err.isEmpty() ? QString() : u" ("_s + r.err + u')');
        return c;
    }
    return compare(host, port, std::move(offered));
}

SshKnownHosts::Check SshKnownHosts::compare(const QString &host, int port,
                                            QList<SshHostKey> offered) const
{
    Check c;
    c.offered = std::move(offered);
    if (QFileInfo::exists(m_file)) {
        const Ran r = runTool(u"ssh-keygen"_s, {u"-F"_s, hostPattern(host, port), u"-f"_s, m_file},
                              {}, 10'000);
        if (r.code < 0) {
            c.error = r.err;
            return c;
        }
        c.known = parseKeys(r.out);
    }
    if (c.known.isEmpty()) {
        c.status = Status::Unknown;
        return c;
    }
    // ssh uses the offered algorithm it has a known key for; a known type with another
    // key is what ssh calls "REMOTE HOST IDENTIFICATION HAS CHANGED".
    bool matched = false;
    for (const SshHostKey &key : std::as_const(c.offered)) {
        bool typeKnown = false;
        bool keyKnown = false;
        for (const SshHostKey &k : std::as_const(c.known)) {
            typeKnown = typeKnown || k.algorithm == key.algorithm;
            keyKnown = keyKnown || k == key;
        }
        if (typeKnown && !keyKnown) {
            c.status = Status::Changed;
            return c;
        }
        matched = matched || keyKnown;
    }
    c.status = matched ? Status::Trusted : Status::Changed;
    return c;
}

bool SshKnownHosts::trust(const QString &host, int port, const QList<SshHostKey> &keys,
                          QString *error) const
{
    const QFileInfo info(m_file);
    if (!QDir().mkpath(info.absolutePath())) {
        *error = tr("cannot create %1").arg(info.absolutePath());
        return false;
    }
    if (info.absolutePath().endsWith(u"/.ssh"_s))
        QFile::setPermissions(info.absolutePath(),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QFile file(m_file);
    const bool existed = file.exists();
    if (!file.open(QIODevice::Append | QIODevice::Text)) {
        *error = tr("cannot write %1: %2").arg(m_file, file.errorString());
        return false;
    }
    if (!existed)
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    QByteArray text;
    for (const SshHostKey &key : keys)
        text +=
            (hostPattern(host, port) + u' ' + key.algorithm + u' ' + key.base64 + u'\n').toUtf8();
    if (file.write(text) != text.size() || !file.flush()) {
        *error = tr("cannot write %1: %2").arg(m_file, file.errorString());
        return false;
    }
    return true;
}

} // namespace crossvirt::models
