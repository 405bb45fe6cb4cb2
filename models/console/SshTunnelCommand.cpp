// The pure half of SshTunnel.h: which SSH host a URI names, the ssh command lines, and
// ssh's stderr in words. No process, no socket: unit-tested on recorded ssh output.
#include "models/console/SshTunnel.h"

#include "models/connection/ConnectionUri.h"

#include <QCoreApplication>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace crossvirt::models {

namespace {
// lupdate and the runtime both see the context "SshTunnel" for Text::tr().
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(SshTunnel)
};

bool isSshTransport(ConnectionUriSpec::Transport t)
{
    return t == ConnectionUriSpec::Transport::Ssh || t == ConnectionUriSpec::Transport::LibSsh;
}
} // namespace

// ---- the command line ---------------------------------------------------------------

SshTarget SshTarget::fromUri(const QString &uri)
{
    SshTarget t;
    const QUrl url(uri);
    const ConnectionUriSpec spec = ConnectionUriSpec::fromUri(uri);
    if (spec.hypervisor != ConnectionUriSpec::Hypervisor::Custom) {
        if (!isSshTransport(spec.transport))
            return t;
        t.host = spec.host;
        if (t.host.startsWith(u'[') && t.host.endsWith(u']'))
            t.host = t.host.mid(1, t.host.size() - 2);
        t.port = spec.port;
        t.user = spec.user;
        t.keyFile = spec.sshKeyFile;
    } else {
        // A URI with more of libvirt's parameters (known_hosts=, no_tty=...) does not read
        // back into a spec; its host, user, port and keyfile mean the same to libvirt.
        if (!isSshTransport(transportOfUri(uri)))
            return t;
        t.host = url.host();
        t.port = std::max(0, url.port());
        t.user = url.userName();
        t.keyFile = QUrlQuery(url).queryItemValue(u"keyfile"_s, QUrl::FullyDecoded);
    }
    // The file the connection's own host key check used (SshConnect): libvirt's ssh reads
    // the passwd home's known_hosts, the default here too; libssh reads known_hosts=.
    if (transportOfUri(uri) == ConnectionUriSpec::Transport::LibSsh)
        t.knownHostsFile = QUrlQuery(url).queryItemValue(u"known_hosts"_s, QUrl::FullyDecoded);
    return t;
}

QString SshTarget::displayName() const
{
    return user.isEmpty() ? host : user + u'@' + host;
}

QString SshTarget::key() const
{
    return QStringList{host, QString::number(port), user, keyFile, knownHostsFile}.join(u'\n');
}

QStringList sshCommonArguments(const SshTarget &t, const QString &controlPath, bool askpass)
{
    QStringList args;
    if (t.port > 0)
        args << u"-p"_s << QString::number(t.port);
    if (!t.user.isEmpty())
        args << u"-l"_s << t.user;
    if (!t.keyFile.isEmpty())
        args << u"-i"_s << t.keyFile;
    if (!t.knownHostsFile.isEmpty())
        args << u"-o"_s << u"UserKnownHostsFile="_s + t.knownHostsFile;
    // No prompt may wait on a terminal nobody sees, and a key the user has not trusted is
    // refused here (trusting it is the connection's business, not a console's).
    if (askpass)
        args << u"-o"_s << u"BatchMode=no"_s << u"-o"_s << u"NumberOfPasswordPrompts=1"_s;
    else
        args << u"-o"_s << u"BatchMode=yes"_s;
    args << u"-o"_s << u"StrictHostKeyChecking=yes"_s;
    args << u"-o"_s << u"ConnectTimeout=10"_s << u"-o"_s << u"ServerAliveInterval=10"_s << u"-o"_s
         << u"ServerAliveCountMax=3"_s;
    args << u"-o"_s << u"ControlPath="_s + controlPath << u"-T"_s << u"-e"_s << u"none"_s;
    return args;
}

QStringList sshMasterArguments(const SshTarget &t, const QString &controlPath, bool askpass)
{
    // ControlPersist would fork the master away from us; Crossvirt keeps it as its own
    // child instead and ends it when the host is removed or the app quits.
    return sshCommonArguments(t, controlPath, askpass) +
           QStringList{
               u"-o"_s, u"ControlMaster=yes"_s, u"-o"_s, u"ControlPersist=no"_s, u"-N"_s, u"--"_s,
               t.host};
}

QStringList sshStdioArguments(const SshTarget &t, const QString &controlPath, const QString &toHost,
                              quint16 toPort)
{
    const QString where = toHost.contains(u':') ? u"[%1]:%2"_s.arg(toHost).arg(toPort)
                                                : u"%1:%2"_s.arg(toHost).arg(toPort);
    return sshCommonArguments(t, controlPath) +
           QStringList{u"-o"_s, u"ControlMaster=no"_s, u"-W"_s, where, u"--"_s, t.host};
}

// ---- what ssh said -------------------------------------------------------------------

namespace {
QString lastLines(const QStringList &lines, int count)
{
    return lines.mid(std::max(qsizetype(0), lines.size() - count)).join(u' ');
}

// The text after "ssh: connect to host h port 22: " (or the whole line).
QString afterLastColon(const QString &line)
{
    const qsizetype at = line.lastIndexOf(u": "_s);
    return at >= 0 ? line.mid(at + 2) : line;
}
} // namespace

SshFailure classifySshError(const SshTarget &target, const QString &sshStderr,
                            const QString &forwardTo)
{
    using K = SshFailure::Kind;
    QStringList lines;
    for (QString line : sshStderr.split(u'\n')) {
        line.remove(u'\r');
        line = line.trimmed();
        // ssh's banners of @ signs and advice carry nothing a message needs.
        if (!line.isEmpty() && !line.startsWith(u'@'))
            lines << line;
    }
    const QString all = lines.join(u'\n');
    const QString name = target.displayName();
    auto has = [&all](QLatin1StringView text) { return all.contains(text, Qt::CaseInsensitive); };
    auto lineWith = [&lines](QLatin1StringView text) {
        for (const QString &l : lines) {
            if (l.contains(text, Qt::CaseInsensitive))
                return l;
        }
        return QString();
    };
    if (has("REMOTE HOST IDENTIFICATION HAS CHANGED"_L1) ||
        (has("Host key for"_L1) && has("has changed"_L1)))
        return {K::HostKeyChanged,
                Text::tr("The SSH host key of %1 has CHANGED since it was trusted, so the "
                         "console's tunnel was refused. Someone may be intercepting the "
                         "connection; check the new key with the host's administrator.")
                    .arg(target.host)};
    if (has("host key is known for"_L1) || has("Host key verification failed"_L1))
        return {K::HostKeyUnknown,
                Text::tr("The SSH host key of %1 is not trusted yet, so the console's tunnel "
                         "was refused. Connect to the host and trust its key first.")
                    .arg(target.host)};
    if (has("Permission denied"_L1) || has("Too many authentication failures"_L1) ||
        has("no more authentication methods"_L1))
        return {K::AuthenticationFailed,
                Text::tr("SSH authentication to %1 failed for the console's tunnel (%2). The "
                         "tunnel logs in with your SSH agent or key file.")
                    .arg(name, lineWith("Permission denied"_L1).isEmpty()
                                   ? lastLines(lines, 1)
                                   : afterLastColon(lineWith("Permission denied"_L1)))};
    if (has("open failed"_L1) || has("stdio forwarding failed"_L1))
        return {K::ForwardRefused,
                Text::tr("The SSH connection to %1 works, but %2 on that host refused the "
                         "console's tunnel; no VNC server is listening there.")
                    .arg(name, forwardTo.isEmpty() ? Text::tr("the display") : forwardTo)};
    if (const QString l = lineWith("Connection refused"_L1); !l.isEmpty())
        return {K::ConnectionRefused,
                Text::tr("%1 refused the SSH connection (%2); is its SSH server running?")
                    .arg(target.host, l)};
    if (has("timed out"_L1))
        return {K::TimedOut, Text::tr("Connecting to %1 over SSH timed out (%2).")
                                 .arg(target.host, lastLines(lines, 1))};
    if (has("No route to host"_L1) || has("Network is unreachable"_L1) ||
        has("Could not resolve hostname"_L1) || has("Name or service not known"_L1))
        return {K::HostUnreachable, Text::tr("%1 cannot be reached over SSH: %2")
                                        .arg(target.host, afterLastColon(lastLines(lines, 1)))};
    return {K::Other, Text::tr("Could not open an SSH tunnel to %1: %2")
                          .arg(name, lines.isEmpty() ? Text::tr("ssh ended without saying why")
                                                     : lastLines(lines, 2))};
}

} // namespace crossvirt::models
