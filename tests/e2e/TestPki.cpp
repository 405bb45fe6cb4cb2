#include "e2e/TestPki.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace crossvirt::test::e2e {

namespace {

// The subject alternative names of `names`: IP addresses as ip_address, the rest dns_name
// (libvirt's client and LibVNCClient check the host they dialled against these).
QString alternativeNames(const QStringList &names)
{
    QString text;
    for (const QString &name : names)
        text +=
            (QHostAddress(name).isNull() ? u"dns_name = \"%1\"\n"_s : u"ip_address = \"%1\"\n"_s)
                .arg(name);
    return text;
}

// RSA keys: libvirt's own sanity check wants "key encipherment" in a server or client
// certificate's key usage, which certtool sets for RSA keys only.
const QString kServerUsage = u"tls_www_server\nencryption_key\nsigning_key\n"_s;
const QString kClientUsage = u"tls_www_client\nencryption_key\nsigning_key\n"_s;
const QString kValidFor = u"expiration_days = 30\n"_s;

bool copyReplacing(const QString &from, const QString &to, bool secret, QString *error)
{
    QFile::remove(to);
    if (!QFile::copy(from, to)) {
        *error = u"cannot copy %1 to %2"_s.arg(from, to);
        return false;
    }
    QFile::setPermissions(to, secret ? QFile::ReadOwner | QFile::WriteOwner
                                     : QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                           QFile::ReadOther);
    return true;
}

} // namespace

TestPki::TestPki(QString directory) : m_dir(std::move(directory)) {}

TestPki::~TestPki()
{
    if (!m_dir.isEmpty())
        QDir(m_dir).removeRecursively();
}

QString TestPki::file(const QString &name) const
{
    return QDir(m_dir).filePath(name);
}

QString TestPki::nameOf(ServerCertificate which)
{
    switch (which) {
    case ServerCertificate::Valid:
        return u"server"_s;
    case ServerCertificate::Expired:
        return u"server-expired"_s;
    case ServerCertificate::NotYetValid:
        return u"server-not-yet-valid"_s;
    case ServerCertificate::WrongHost:
        return u"server-wrong-host"_s;
    case ServerCertificate::OtherCa:
        return u"server-other-ca"_s;
    }
    return {};
}

QString TestPki::nameOf(ClientCertificate which)
{
    return which == ClientCertificate::Valid ? u"client"_s : u"client-other-ca"_s;
}

QString TestPki::caCertificate() const
{
    return file(u"ca-cert.pem"_s);
}

QString TestPki::otherCaCertificate() const
{
    return file(u"other-ca-cert.pem"_s);
}

QString TestPki::serverCertificate(ServerCertificate which) const
{
    return file(nameOf(which) + u"-cert.pem"_s);
}

QString TestPki::serverKey(ServerCertificate which) const
{
    // One key for the server certificates of the main CA, one for the other CA's.
    return file(which == ServerCertificate::OtherCa ? u"server-other-ca-key.pem"_s
                                                    : u"server-key.pem"_s);
}

QString TestPki::serverCaCertificate(ServerCertificate which) const
{
    return which == ServerCertificate::OtherCa ? otherCaCertificate() : caCertificate();
}

QString TestPki::clientCertificate(ClientCertificate which) const
{
    return file(nameOf(which) + u"-cert.pem"_s);
}

QString TestPki::clientKey(ClientCertificate) const
{
    return file(u"client-key.pem"_s);
}

bool TestPki::runCerttool(const QStringList &args)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(m_certtool, args);
    if (!process.waitForFinished(60'000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        m_error = u"certtool %1 failed: %2 %3"_s.arg(args.join(u' '), process.errorString(),
                                                     QString::fromLocal8Bit(process.readAll()));
        return false;
    }
    return true;
}

bool TestPki::makeKey(const QString &name)
{
    const QString key = file(name + u"-key.pem"_s);
    if (!runCerttool(
            {u"--generate-privkey"_s, u"--key-type=rsa"_s, u"--bits=2048"_s, u"--outfile"_s, key}))
        return false;
    QFile::setPermissions(key, QFile::ReadOwner | QFile::WriteOwner);
    return true;
}

bool TestPki::makeCa(const QString &name, const QString &commonName)
{
    const QString info = file(name + u".info"_s);
    QFile out(info);
    if (!out.open(QIODevice::WriteOnly) ||
        out.write(u"cn = \"%1\"\nca\ncert_signing_key\nexpiration_days = 30\n"_s.arg(commonName)
                      .toUtf8()) < 0) {
        m_error = u"cannot write "_s + info;
        return false;
    }
    out.close();
    return makeKey(name) && runCerttool({u"--generate-self-signed"_s, u"--load-privkey"_s,
                                         file(name + u"-key.pem"_s), u"--template"_s, info,
                                         u"--outfile"_s, file(name + u"-cert.pem"_s)});
}

// `name`-cert.pem from the key `keyName`-key.pem, signed by `caName`.
bool TestPki::makeCertificate(const QString &name, const QString &caName,
                              const QString &templateText)
{
    const QString info = file(name + u".info"_s);
    QFile out(info);
    if (!out.open(QIODevice::WriteOnly) || out.write(templateText.toUtf8()) < 0) {
        m_error = u"cannot write "_s + info;
        return false;
    }
    out.close();
    QString key = file(name + u"-key.pem"_s);
    if (name.startsWith(u"client"_s))
        key = file(u"client-key.pem"_s);
    else if (name != u"server-other-ca"_s)
        key = file(u"server-key.pem"_s);
    return runCerttool({u"--generate-certificate"_s, u"--load-privkey"_s, key,
                        u"--load-ca-certificate"_s, file(caName + u"-cert.pem"_s),
                        u"--load-ca-privkey"_s, file(caName + u"-key.pem"_s), u"--template"_s, info,
                        u"--outfile"_s, file(name + u"-cert.pem"_s)});
}

bool TestPki::create(const QString &serverAddress, const QStringList &extraNames)
{
    m_error.clear();
    m_certtool = QStandardPaths::findExecutable(u"certtool"_s);
    if (m_certtool.isEmpty()) {
        m_skipReason = u"certtool is not installed (Debian package gnutls-bin)"_s;
        return false;
    }
    QDir(m_dir).removeRecursively();
    if (!QDir().mkpath(m_dir)) {
        m_error = u"cannot create "_s + m_dir;
        return false;
    }
    QFile::setPermissions(m_dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    const QString host = u"cn = \"%1\"\norganization = \"Crossvirt tests\"\n"_s.arg(serverAddress) +
                         alternativeNames(QStringList{serverAddress} + extraNames);
    const QString wrongHost = u"cn = \"wrong-host.invalid\"\n"_s +
                              alternativeNames({u"wrong-host.invalid"_s, u"192.0.2.77"_s});
    const QString client =
        u"cn = \"crossvirt-test-client\"\norganization = \"Crossvirt tests\"\n"_s;
    return makeCa(u"ca"_s, u"Crossvirt Test CA"_s) &&
           makeCa(u"other-ca"_s, u"Crossvirt Other Test CA"_s) && makeKey(u"server"_s) &&
           makeKey(u"server-other-ca"_s) && makeKey(u"client"_s) &&
           makeCertificate(u"server"_s, u"ca"_s, host + kServerUsage + kValidFor) &&
           makeCertificate(u"server-expired"_s, u"ca"_s,
                           host + kServerUsage +
                               u"activation_date = \"2021-01-01 00:00:00\"\n"
                               u"expiration_date = \"2022-01-01 00:00:00\"\n"_s) &&
           makeCertificate(u"server-not-yet-valid"_s, u"ca"_s,
                           host + kServerUsage +
                               u"activation_date = \"2035-01-01 00:00:00\"\n"
                               u"expiration_date = \"2036-01-01 00:00:00\"\n"_s) &&
           makeCertificate(u"server-wrong-host"_s, u"ca"_s, wrongHost + kServerUsage + kValidFor) &&
           makeCertificate(u"server-other-ca"_s, u"other-ca"_s, host + kServerUsage + kValidFor) &&
           makeCertificate(u"client"_s, u"ca"_s, client + kClientUsage + kValidFor) &&
           makeCertificate(u"client-other-ca"_s, u"other-ca"_s, client + kClientUsage + kValidFor);
}

bool TestPki::writeLibvirtServer(const QString &dir, ServerCertificate which) const
{
    QString error;
    const bool ok =
        QDir().mkpath(dir) &&
        copyReplacing(serverCaCertificate(which), dir + u"/cacert.pem"_s, false, &error) &&
        copyReplacing(serverCertificate(which), dir + u"/servercert.pem"_s, false, &error) &&
        copyReplacing(serverKey(which), dir + u"/serverkey.pem"_s, true, &error);
    if (!ok)
        m_error = error.isEmpty() ? u"cannot create "_s + dir : error;
    return ok;
}

bool TestPki::writeLibvirtClient(const QString &dir, ClientCertificate which) const
{
    QString error;
    // A client holding a certificate from the other CA trusts both CAs (a CA bundle), so
    // its own certificate passes libvirt's client-side check and the SERVER refuses it.
    const QString bundle = file(u"ca-bundle.pem"_s);
    if (which == ClientCertificate::OtherCa && !QFileInfo::exists(bundle)) {
        QFile ca(caCertificate()), other(otherCaCertificate()), out(bundle);
        if (!ca.open(QIODevice::ReadOnly) || !other.open(QIODevice::ReadOnly) ||
            !out.open(QIODevice::WriteOnly) || out.write(ca.readAll() + other.readAll()) < 0) {
            m_error = u"cannot write "_s + bundle;
            return false;
        }
    }
    const bool ok =
        QDir().mkpath(dir) &&
        copyReplacing(which == ClientCertificate::OtherCa ? bundle : caCertificate(),
                      dir + u"/cacert.pem"_s, false, &error) &&
        copyReplacing(clientCertificate(which), dir + u"/clientcert.pem"_s, false, &error) &&
        copyReplacing(clientKey(which), dir + u"/clientkey.pem"_s, true, &error);
    if (!ok)
        m_error = error.isEmpty() ? u"cannot create "_s + dir : error;
    return ok;
}

bool TestPki::writeQemuServer(const QString &dir, ServerCertificate which,
                              bool withClientCertificate) const
{
    QString error;
    bool ok = QDir().mkpath(dir) &&
              copyReplacing(serverCaCertificate(which), dir + u"/ca-cert.pem"_s, false, &error) &&
              copyReplacing(serverCertificate(which), dir + u"/server-cert.pem"_s, false, &error) &&
              copyReplacing(serverKey(which), dir + u"/server-key.pem"_s, true, &error);
    if (ok && withClientCertificate)
        ok = copyReplacing(clientCertificate(), dir + u"/client-cert.pem"_s, false, &error) &&
             copyReplacing(clientKey(), dir + u"/client-key.pem"_s, true, &error);
    if (!ok)
        m_error = error.isEmpty() ? u"cannot create "_s + dir : error;
    return ok;
}

} // namespace crossvirt::test::e2e
