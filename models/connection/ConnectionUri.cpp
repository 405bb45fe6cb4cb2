#include "models/connection/ConnectionUri.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QUrl>

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
        return Text::tr("“%1” is not a valid host name (put the user name in the User field).").arg(h);
    if (user.contains(u'@') || user.contains(u'/') || user.contains(u' '))
        return Text::tr("“%1” is not a valid user name.").arg(user);
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
    case Transport::Tcp:
        scheme += u"+tcp"_s;
        break;
    case Transport::Tls:
        scheme += u"+tls"_s;
        break;
    case Transport::Local:
        break;
    }
    QString authority = host.trimmed();
    if (transport == Transport::Ssh && !user.trimmed().isEmpty())
        authority = user.trimmed() + u'@' + authority;
    return scheme + u"://"_s + authority + path;
}

QString displayNameForUri(const QString &uri)
{
    const QUrl url(uri);
    const QString scheme = url.scheme();
    if (scheme == "test"_L1) {
        const QString file = QFileInfo(url.path()).completeBaseName();
        return file.isEmpty() || url.path() == "/default"_L1 ? Text::tr("Test driver")
                                                             : Text::tr("%1 (test driver)").arg(file);
    }
    const QString kind = scheme.startsWith("qemu"_L1) ? Text::tr("QEMU/KVM") : scheme;
    const QString where = url.host().isEmpty() ? Text::tr("localhost") : url.host();
    const QString session = url.path() == "/session"_L1 ? Text::tr(" user session") : QString();
    return Text::tr("%1 (%2%3)").arg(where, kind, session);
}

} // namespace crossvirt::models
