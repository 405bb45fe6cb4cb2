// checkTlsPeer(): our own TLS handshake with a qemu+tls host, to say in words why libvirt
// refused its certificate (libvirt's client logs the reason but reports only "Failed to
// verify peer's certificate").

#include "models/connection/ConnectionFailure.h"

#include <QCoreApplication>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QUrl>

namespace crossvirt::models {

using namespace Qt::StringLiterals;

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionFailure)
};

constexpr quint16 kLibvirtTlsPort = 16514;

TlsPeerCheck::Problem problemOf(const QList<QSslError> &errors)
{
    using P = TlsPeerCheck::Problem;
    // The order says which one a user fixes first: a certificate from an unknown CA may
    // also be expired, but trusting the CA comes first.
    bool expired = false, notYet = false, wrongHost = false, untrusted = false;
    for (const QSslError &e : errors) {
        switch (e.error()) {
        case QSslError::CertificateExpired:
            expired = true;
            break;
        case QSslError::CertificateNotYetValid:
            notYet = true;
            break;
        case QSslError::HostNameMismatch:
            wrongHost = true;
            break;
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::SelfSignedCertificate:
        case QSslError::SelfSignedCertificateInChain:
        case QSslError::CertificateUntrusted:
        case QSslError::CertificateRejected:
        case QSslError::CertificateSignatureFailed:
        case QSslError::InvalidCaCertificate:
            untrusted = true;
            break;
        default:
            break;
        }
    }
    if (untrusted)
        return P::Untrusted;
    if (expired)
        return P::Expired;
    if (notYet)
        return P::NotYetValid;
    if (wrongHost)
        return P::WrongHost;
    return errors.isEmpty() ? P::None : P::Untrusted;
}

} // namespace

TlsPeerCheck checkTlsPeer(const QString &uri, const QString &caFile, int timeoutMs)
{
    TlsPeerCheck check;
    const QUrl url(uri);
    check.host = url.host();
    if (!QSslSocket::supportsSsl()) {
        check.problem = TlsPeerCheck::Problem::NotChecked;
        check.detail = Text::tr("Qt has no TLS backend here");
        return check;
    }
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setCaCertificates(QSslCertificate::fromPath(caFile));
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    QSslSocket socket;
    socket.setSslConfiguration(config);
    socket.setPeerVerifyName(check.host);
    socket.connectToHostEncrypted(check.host, quint16(url.port(kLibvirtTlsPort)));
    const bool encrypted = socket.waitForEncrypted(timeoutMs);
    const QList<QSslError> errors = socket.sslHandshakeErrors();
    const QList<QSslCertificate> chain = socket.peerCertificateChain();
    if (!chain.isEmpty()) {
        const QSslCertificate &leaf = chain.first();
        check.names = leaf.subjectInfo(QSslCertificate::CommonName);
        for (const QString &name : leaf.subjectAlternativeNames().values())
            if (!check.names.contains(name))
                check.names << name;
        check.issuer = leaf.issuerInfo(QSslCertificate::CommonName).join(u", "_s);
        check.validFrom = leaf.effectiveDate().toUTC();
        check.validUntil = leaf.expiryDate().toUTC();
    }
    QStringList words;
    for (const QSslError &e : errors)
        words << e.errorString();
    if (errors.isEmpty() && !encrypted && chain.isEmpty()) {
        check.problem = TlsPeerCheck::Problem::Unreachable;
        words << socket.errorString();
    } else {
        check.problem = problemOf(errors);
    }
    check.detail = words.join(u"; "_s);
    socket.abort();
    return check;
}

} // namespace crossvirt::models
