#include "models/connection/SshConnect.h"

#include "models/connection/ConnectionUri.h"
#include "models/connection/CredentialChannel.h"

#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace crossvirt::models {

bool SshConnect::isSsh(const QString &uri)
{
    const auto t = transportOfUri(uri);
    return t == ConnectionUriSpec::Transport::Ssh || t == ConnectionUriSpec::Transport::LibSsh;
}

SshPreflight SshConnect::prepare(const QString &uri, CredentialChannel &credentials,
                                 const SshKnownHosts &knownHosts, int timeoutSeconds)
{
    SshPreflight r;
    r.libvirtUri = uri;
    const ConnectionUriSpec spec = ConnectionUriSpec::fromUri(uri);
    r.host = spec.host;
    r.port = spec.port > 0 ? spec.port : 22;
    if (!r.host.startsWith(u'[') && r.host.count(u':') == 1) { // "kvm1:2222"
        r.port = r.host.section(u':', 1).toInt();
        r.host = r.host.section(u':', 0, 0);
    }
    if (r.host.isEmpty()) { // a URI with parameters the spec does not model (sshauth=...)
        const QUrl url(uri);
        r.host = url.host();
        r.port = url.port(22);
    }
    if (r.host.isEmpty()) {
        r.error = tr("%1 names no SSH host").arg(uri);
        return r;
    }
    const QString where = SshKnownHosts::hostPattern(r.host, r.port);

    // Reachability first: "refused" and "unreachable" say more than ssh's exit status.
    {
        QTcpSocket probe;
        probe.connectToHost(r.host, quint16(r.port));
        if (!probe.waitForConnected(timeoutSeconds * 1000)) {
            r.retryable = true;
            switch (probe.error()) {
            case QAbstractSocket::ConnectionRefusedError:
                r.error = tr("%1 refused the SSH connection: no SSH server listens on port %2 "
                             "(%3)")
                              .arg(r.host)
                              .arg(r.port)
                              .arg(probe.errorString());
                break;
            case QAbstractSocket::HostNotFoundError:
                r.error = tr("the host %1 was not found (%2)").arg(r.host, probe.errorString());
                break;
            default:
                r.error = tr("the host %1 is unreachable on SSH port %2 (%3)")
                              .arg(r.host)
                              .arg(r.port)
                              .arg(probe.errorString());
                break;
            }
            return r;
        }
        probe.abort();
    }

    const SshKnownHosts::Check check = knownHosts.check(r.host, r.port, timeoutSeconds);
    switch (check.status) {
    case SshKnownHosts::Status::Trusted:
        break;
    case SshKnownHosts::Status::Changed:
        r.error = tr("WARNING: the SSH host key of %1 has CHANGED (it now offers %2 %3; %4 "
                     "holds another key). Someone may be intercepting the connection, or the "
                     "host was reinstalled. Crossvirt refuses to connect; if the change is "
                     "expected, remove the old key with: ssh-keygen -R '%1' -f '%4'")
                      .arg(where, check.offered.value(0).typeName,
                           check.offered.value(0).fingerprint, knownHosts.file());
        return r;
    case SshKnownHosts::Status::Unknown: {
        const SshHostKey key = check.offered.value(0);
        if (!credentials.hasProvider()) {
            r.error = tr("the SSH host key of %1 (%2 %3) is not in %4; connect once from the "
                         "Crossvirt window (or with ssh) to trust it")
                          .arg(where, key.typeName, key.fingerprint, knownHosts.file());
            return r;
        }
        SshHostKeyQuestion question{uri, where, key.typeName, key.fingerprint, knownHosts.file()};
        if (!credentials.confirmHostKey(question)) {
            r.error = tr("the SSH host key of %1 (%2 %3) was not trusted; not connected")
                          .arg(where, key.typeName, key.fingerprint);
            return r;
        }
        QString error;
        if (!knownHosts.trust(r.host, r.port, check.offered, &error)) {
            r.error = tr("cannot remember the host key of %1: %2").arg(where, error);
            return r;
        }
        break;
    }
    case SshKnownHosts::Status::Unreachable:
        r.retryable = true;
        r.error = tr("cannot read the SSH host key of %1: %2").arg(where, check.error);
        return r;
    case SshKnownHosts::Status::Failed:
        r.error = tr("cannot check the SSH host key of %1: %2").arg(where, check.error);
        return r;
    }

    // libssh reads libvirt's own known_hosts unless told: the one just checked.
    if (transportOfUri(uri) == ConnectionUriSpec::Transport::LibSsh) {
        QUrl url(uri);
        QUrlQuery query(url);
        if (!query.hasQueryItem(u"known_hosts"_s)) {
            query.addQueryItem(u"known_hosts"_s, knownHosts.file());
            url.setQuery(query);
            r.libvirtUri = url.toString();
        }
    }
    r.ok = true;
    return r;
}

QString SshConnect::failureText(const QString &message, bool cancelled, bool *retryable)
{
    *retryable = false;
    const auto has = [&message](const QString &s) {
        return message.contains(s, Qt::CaseInsensitive);
    };
    if (cancelled)
        return tr("Not connected: the SSH password or passphrase was cancelled (%1)").arg(message);
    if (has(u"Permission denied"_s) || has(u"authentication failed"_s) ||
        has(u"Authentication methods"_s) || has(u"Too many authentication failures"_s))
        return tr("SSH authentication failed: the host refused the password or key. "
                  "Connect again to retry. (%1)")
            .arg(message);
    if (has(u"Host key verification failed"_s) || has(u"IDENTIFICATION HAS CHANGED"_s) ||
        has(u"host key"_s))
        return tr("The SSH host key was refused (changed or not trusted): %1").arg(message);
    if (has(u"virt-ssh-helper"_s) || has(u"nc: not found"_s) || has(u"command not found"_s) ||
        has(u"No such file or directory"_s))
        return tr("The host has neither virt-ssh-helper nor nc, or no libvirtd socket: "
                  "libvirt cannot be reached through SSH there (%1)")
            .arg(message);
    *retryable = true;
    return message;
}

} // namespace crossvirt::models
