#include "models/connection/ConnectionUri.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <unistd.h>

namespace crossvirt::models {

namespace {
// lupdate and the runtime both see the context "ConnectionUri" for Text::tr().
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionUri)
};
} // namespace

using namespace Qt::StringLiterals;

namespace {
bool isRemote(ConnectionUriSpec::Transport transport)
{
    return transport != ConnectionUriSpec::Transport::Local;
}
} // namespace

QString ConnectionUriSpec::problem() const
{
    switch (hypervisor) {
    case Hypervisor::Custom: {
        const QString trimmed = customUri.trimmed();
        if (trimmed.isEmpty())
            return Text::tr("Enter a libvirt URI, for example qemu+ssh://root@host/system.");
        const QUrl url(trimmed, QUrl::StrictMode);
        if (!url.isValid() || url.scheme().isEmpty())
            return Text::tr("“%1” is not a valid libvirt URI.").arg(trimmed);
        return {};
    }
    case Hypervisor::Test:
        if (!testFile.isEmpty() && !QFileInfo(testFile).isAbsolute())
            return Text::tr("The test driver needs an absolute path to a host file.");
        return {};
    case Hypervisor::QemuSystem:
    case Hypervisor::QemuSession:
        break;
    }
    if (transport == Transport::Local)
        return {};
    const QString h = host.trimmed();
    if (h.isEmpty())
        return Text::tr("Enter the host name or address of the remote host.");
    if (h.contains(u'/') || h.contains(u' ') || h.contains(u'@'))
        return Text::tr("“%1” is not a valid host name (put the user name in the User field).")
            .arg(h);
    if (user.contains(u'@') || user.contains(u'/') || user.contains(u' '))
        return Text::tr("“%1” is not a valid user name.").arg(user);
    if (port < 0 || port > 65535)
        return Text::tr("The port must be between 1 and 65535.");
    if (port != 0 && h.contains(u':') && !h.startsWith(u'['))
        return Text::tr("Give the port either in the Port field or after the host name, not both.");
    if (!sshKeyFile.isEmpty() && !QFileInfo(sshKeyFile).isAbsolute())
        return Text::tr("The SSH key file needs an absolute path.");
    if (!pkiDir.isEmpty() && !QFileInfo(pkiDir).isAbsolute())
        return Text::tr("The certificate folder needs an absolute path.");
    return {};
}

QString ConnectionUriSpec::uri() const
{
    if (!problem().isEmpty())
        return {};
    switch (hypervisor) {
    case Hypervisor::Custom:
        return customUri.trimmed();
    case Hypervisor::Test:
        return testFile.isEmpty() ? u"test:///default"_s : u"test://"_s + testFile;
    case Hypervisor::QemuSystem:
    case Hypervisor::QemuSession:
        break;
    }
    const QString path = hypervisor == Hypervisor::QemuSystem ? u"/system"_s : u"/session"_s;
    if (transport == Transport::Local)
        return u"qemu://"_s + path;
    QString scheme = u"qemu"_s;
    switch (transport) {
    case Transport::Ssh:
        scheme += u"+ssh"_s;
        break;
    case Transport::LibSsh:
        scheme += u"+libssh"_s;
        break;
    case Transport::Tcp:
        scheme += u"+tcp"_s;
        break;
    case Transport::Tls:
        scheme += u"+tls"_s;
        break;
    case Transport::Local:
        break;
    }
    const bool ssh = transport == Transport::Ssh || transport == Transport::LibSsh;
    QString authority = host.trimmed();
    if (port != 0)
        authority += u':' + QString::number(port);
    if (ssh && !user.trimmed().isEmpty())
        authority = user.trimmed() + u'@' + authority;
    QUrlQuery query;
    if (ssh && !sshKeyFile.isEmpty())
        query.addQueryItem(u"keyfile"_s, sshKeyFile);
    if (transport == Transport::Tls && !pkiDir.isEmpty())
        query.addQueryItem(u"pkipath"_s, pkiDir);
    const QString params = query.isEmpty() ? QString() : u'?' + query.toString(QUrl::FullyEncoded);
    return scheme + u"://"_s + authority + path + params;
}

ConnectionUriSpec::Transport transportOfUri(const QString &uri)
{
    const QString scheme = QUrl(uri).scheme();
    const qsizetype plus = scheme.indexOf(u'+');
    const QString transport = plus < 0 ? QString() : scheme.mid(plus + 1);
    if (transport == "ssh"_L1)
        return ConnectionUriSpec::Transport::Ssh;
    if (transport == "libssh"_L1)
        return ConnectionUriSpec::Transport::LibSsh;
    if (transport == "tcp"_L1)
        return ConnectionUriSpec::Transport::Tcp;
    if (transport == "tls"_L1)
        return ConnectionUriSpec::Transport::Tls;
    // libvirt's default for a URI with a host and no transport is TLS.
    return QUrl(uri).host().isEmpty() ? ConnectionUriSpec::Transport::Local
                                      : ConnectionUriSpec::Transport::Tls;
}

ConnectionUriSpec ConnectionUriSpec::fromUri(const QString &uri)
{
    ConnectionUriSpec spec;
    spec.hypervisor = Hypervisor::Custom;
    spec.customUri = uri;
    const QUrl url(uri, QUrl::StrictMode);
    if (!url.isValid())
        return spec;
    if (url.scheme() == "test"_L1) {
        ConnectionUriSpec test;
        test.hypervisor = Hypervisor::Test;
        if (url.path() != "/default"_L1)
            test.testFile = url.path();
        return test.uri() == uri ? test : spec;
    }
    if (!url.scheme().startsWith("qemu"_L1))
        return spec;
    ConnectionUriSpec parsed;
    if (url.path() == "/system"_L1)
        parsed.hypervisor = Hypervisor::QemuSystem;
    else if (url.path() == "/session"_L1)
        parsed.hypervisor = Hypervisor::QemuSession;
    else
        return spec;
    parsed.transport = transportOfUri(uri);
    if (isRemote(parsed.transport)) {
        parsed.host = url.host();
        if (parsed.host.contains(u':'))
            parsed.host = u'[' + parsed.host + u']';
        parsed.port = std::max(0, url.port());
        parsed.user = url.userName();
        const QUrlQuery query(url);
        parsed.sshKeyFile = query.queryItemValue(u"keyfile"_s, QUrl::FullyDecoded);
        parsed.pkiDir = query.queryItemValue(u"pkipath"_s, QUrl::FullyDecoded);
    }
    // Anything uri() would not give back (other parameters, a TLS URI without +tls) stays
    // custom, so nothing the user typed is lost.
    return parsed.uri() == uri ? parsed : spec;
}

TlsCertificates tlsCertificatesFor(const QString &uri)
{
    const QString pkipath = QUrlQuery(QUrl(uri)).queryItemValue(u"pkipath"_s, QUrl::FullyDecoded);
    auto in = [](const QString &dir) {
        return TlsCertificates{dir + u"/cacert.pem"_s, dir + u"/clientcert.pem"_s,
                               dir + u"/clientkey.pem"_s};
    };
    if (!pkipath.isEmpty())
        return in(pkipath);
    const QString user = QDir::homePath() + u"/.pki/libvirt"_s;
    if (::geteuid() != 0 && QFileInfo(user).isDir())
        return in(user);
    return {u"/etc/pki/CA/cacert.pem"_s, u"/etc/pki/libvirt/clientcert.pem"_s,
            u"/etc/pki/libvirt/private/clientkey.pem"_s};
}

QString displayNameForUri(const QString &uri)
{
    const QUrl url(uri);
    const QString scheme = url.scheme();
    if (scheme == "test"_L1) {
        const QString file = QFileInfo(url.path()).completeBaseName();
        return file.isEmpty() || url.path() == "/default"_L1
                   ? Text::tr("Test driver")
                   : Text::tr("%1 (test driver)").arg(file);
    }
    const QString kind = scheme.startsWith("qemu"_L1) ? Text::tr("QEMU/KVM") : scheme;
    const QString where = url.host().isEmpty() ? Text::tr("localhost") : url.host();
    const QString session = url.path() == "/session"_L1 ? Text::tr(" user session") : QString();
    return Text::tr("%1 (%2%3)").arg(where, kind, session);
}

} // namespace crossvirt::models
