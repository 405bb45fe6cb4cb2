// RemoteHost's TLS and SASL options (kept out of RemoteHost.cpp): the libvirtd.conf lines,
// the namespace-private sasl2 config and sasldb, and the harness's own authenticated
// connection.

#include "e2e/HarnessProcesses.h"
#include "e2e/RemoteHost.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QUrl>
#include <QUrlQuery>

#include <cstring>

using namespace Qt::StringLiterals;

namespace crossvirt::test::e2e {

namespace {

struct SaslAnswer
{
    QByteArray user;
    QByteArray password;
};

int answerSasl(virConnectCredentialPtr cred, unsigned int ncred, void *cbdata)
{
    const auto *answer = static_cast<const SaslAnswer *>(cbdata);
    for (unsigned int i = 0; i < ncred; ++i) {
        const QByteArray &value =
            cred[i].type == VIR_CRED_PASSPHRASE || cred[i].type == VIR_CRED_NOECHOPROMPT
                ? answer->password
                : answer->user;
        cred[i].result = strdup(value.constData());
        cred[i].resultlen = static_cast<unsigned int>(value.size());
    }
    return 0;
}

} // namespace

QString RemoteHost::tlsUri(const QString &clientPkiDir) const
{
    QUrl url(u"qemu+tls://%1/system"_s.arg(address()));
    if (!clientPkiDir.isEmpty())
        url.setQuery(QUrlQuery{{u"pkipath"_s, clientPkiDir}});
    return url.toString();
}

QString RemoteHost::saslDirectory() const
{
    return path(u"sasl2"_s);
}

QString RemoteHost::securitySkipReason() const
{
    if (!m_options.saslUser.isEmpty() && findProgram(u"saslpasswd2"_s).isEmpty())
        return u"saslpasswd2 is not installed (Debian package sasl2-bin)"_s;
    if (!m_options.saslUser.isEmpty() && !QFileInfo::exists(u"/etc/sasl2"_s))
        return u"/etc/sasl2 does not exist (the namespace's sasl2 config is mounted there; "
               u"Debian package libsasl2-modules)"_s;
    if (!m_options.tlsPkiDir.isEmpty() &&
        !QFileInfo::exists(QDir(m_options.tlsPkiDir).filePath(u"servercert.pem"_s)))
        return u"no servercert.pem in %1 (TestPki::writeLibvirtServer)"_s.arg(m_options.tlsPkiDir);
    return {};
}

QString RemoteHost::securityConfig() const
{
    QString conf;
    if (m_options.tlsPkiDir.isEmpty()) {
        conf += u"listen_tls = 0\n"_s;
    } else {
        const QDir pki(m_options.tlsPkiDir);
        conf += u"listen_tls = 1\ntls_port = \"16514\"\nauth_tls = \"none\"\n"
                u"ca_file = \"%1\"\ncert_file = \"%2\"\nkey_file = \"%3\"\n"_s.arg(
                    pki.filePath(u"cacert.pem"_s), pki.filePath(u"servercert.pem"_s),
                    pki.filePath(u"serverkey.pem"_s));
        if (!m_options.tlsSanityCheck)
            conf += u"tls_no_sanity_certificate = 1\n"_s;
    }
    conf += m_options.saslUser.isEmpty() ? u"auth_tcp = \"none\"\n"_s : u"auth_tcp = \"sasl\"\n"_s;
    return conf;
}

// /etc/sasl2/libvirt.conf as libvirtd reads it inside the namespace (the directory is
// bind-mounted there by the namespace holder), and the user's sasldb next to it.
bool RemoteHost::prepareSasl()
{
    if (m_options.saslUser.isEmpty())
        return true;
    const QString dir = saslDirectory();
    QDir(dir).removeRecursively();
    if (!QDir().mkpath(dir)) {
        fail(u"cannot create "_s + dir);
        return false;
    }
    QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QString db = QDir(dir).filePath(u"passwd.db"_s);
    if (!writeTextFile(QDir(dir).filePath(u"libvirt.conf"_s),
                       u"# Written by the Crossvirt e2e RemoteHost.\nmech_list: %1\n"
                       u"sasldb_path: %2\n"_s.arg(m_options.saslMechanisms, db))) {
        fail(u"cannot write the sasl2 config in "_s + dir);
        return false;
    }
    // The password goes through a pipe (-p), never on a command line.
    QProcess passwd;
    passwd.setProcessChannelMode(QProcess::MergedChannels);
    passwd.start(findProgram(u"saslpasswd2"_s),
                 {u"-p"_s, u"-c"_s, u"-a"_s, u"libvirt"_s, u"-f"_s, db, m_options.saslUser});
    passwd.write(m_options.saslPassword.toUtf8());
    passwd.closeWriteChannel();
    if (!passwd.waitForFinished(15'000) || passwd.exitStatus() != QProcess::NormalExit ||
        passwd.exitCode() != 0) {
        fail(u"saslpasswd2 could not add %1: %2"_s.arg(
            m_options.saslUser, QString::fromLocal8Bit(passwd.readAll()) + passwd.errorString()));
        return false;
    }
    return true;
}

virConnectPtr RemoteHost::openOwnConnection() const
{
    const QByteArray target = uri().toUtf8();
    if (m_options.saslUser.isEmpty())
        return virConnectOpen(target.constData());
    SaslAnswer answer{m_options.saslUser.toUtf8(), m_options.saslPassword.toUtf8()};
    int credTypes[] = {VIR_CRED_AUTHNAME, VIR_CRED_PASSPHRASE, VIR_CRED_USERNAME,
                       VIR_CRED_NOECHOPROMPT};
    virConnectAuth auth{credTypes, sizeof(credTypes) / sizeof(credTypes[0]), answerSasl, &answer};
    return virConnectOpenAuth(target.constData(), &auth, 0);
}

} // namespace crossvirt::test::e2e
