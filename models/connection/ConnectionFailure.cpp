#include "models/connection/ConnectionFailure.h"

#include "models/connection/ConnectionUri.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>
#include <libvirt/virterror.h>

namespace crossvirt::models {

using namespace Qt::StringLiterals;

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionFailure)
};

// libvirt 9.0's texts (src/rpc/virnettlscontext.c, virnetclient.c, remote_driver.c), as
// captured from a real libvirtd by e2e_tls_harness_test.
const QString kPeerNotVerified = u"Failed to verify peer's certificate"_s;
const QString kNoTlsConfirmation = u"Unable to read TLS confirmation"_s;
const QString kOwnCertificate = u"Our own certificate"_s;
// The auth callback returned no answer (the user pressed Cancel).
const QString kNotCollected = u"Failed to collect auth credentials"_s;
const QRegularExpression kCannotReadCa(u"Cannot read CA certificate '([^']+)'"_s);

QString date(const QDateTime &when)
{
    return QLocale().toString(when.toUTC(), QLocale::ShortFormat) + u" UTC"_s;
}

QString folderOf(const QString &file)
{
    return QFileInfo(file).absolutePath();
}

ConnectionFailure failure(ConnectionFailure::Reason reason, QString explanation)
{
    ConnectionFailure f;
    f.reason = reason;
    f.explanation = std::move(explanation);
    return f;
}

ConnectionFailure classifyPeer(const TlsPeerCheck &peer, const QString &caFile)
{
    using R = ConnectionFailure::Reason;
    switch (peer.problem) {
    case TlsPeerCheck::Problem::Expired:
        return failure(R::ServerCertificateExpired,
                       Text::tr("The host's certificate expired on %1: the host needs a new "
                                "certificate.")
                           .arg(date(peer.validUntil)));
    case TlsPeerCheck::Problem::NotYetValid:
        return failure(R::ServerCertificateNotYetValid,
                       Text::tr("The host's certificate is not valid before %1: check the "
                                "clocks of this computer and of the host.")
                           .arg(date(peer.validFrom)));
    case TlsPeerCheck::Problem::WrongHost:
        return failure(
            R::ServerCertificateWrongHost,
            Text::tr("The host's certificate is for %1, not for %2: connect with "
                     "a name the certificate lists, or give the host a certificate "
                     "for this name.")
                .arg(peer.names.isEmpty() ? Text::tr("other names") : peer.names.join(u", "_s),
                     peer.host));
    case TlsPeerCheck::Problem::Untrusted:
        return failure(R::ServerCertificateUntrusted,
                       Text::tr("The host's certificate is not signed by the CA in %1 (it "
                                "was issued by “%2”): the CA is unknown here, so the host is "
                                "not trusted.")
                           .arg(caFile, peer.issuer.isEmpty() ? Text::tr("unknown") : peer.issuer));
    case TlsPeerCheck::Problem::NotChecked:
    case TlsPeerCheck::Problem::None:
    case TlsPeerCheck::Problem::Unreachable:
        break;
    }
    return failure(
        R::ServerCertificateUnverified,
        Text::tr("The host's certificate could not be verified against the CA in %1.").arg(caFile));
}

} // namespace

QString ConnectionFailure::text() const
{
    if (explanation.isEmpty())
        return libvirtMessage;
    if (libvirtMessage.isEmpty())
        return explanation;
    return Text::tr("%1 (libvirt: %2)").arg(explanation, libvirtMessage);
}

bool needsTlsPeerCheck(const QString &uri, int code, const QString &message)
{
    return transportOfUri(uri) == ConnectionUriSpec::Transport::Tls &&
           code == VIR_ERR_AUTH_FAILED && message.contains(kPeerNotVerified);
}

ConnectionFailure classifyConnectionFailure(const QString &uri, int code, const QString &message,
                                            const TlsPeerCheck &peer)
{
    using R = ConnectionFailure::Reason;
    ConnectionFailure f;
    const bool tls = transportOfUri(uri) == ConnectionUriSpec::Transport::Tls;
    const TlsCertificates files = tls ? tlsCertificatesFor(uri) : TlsCertificates{};
    if (tls && message.contains(kPeerNotVerified)) {
        f = classifyPeer(peer, files.caCertificate);
    } else if (const auto ca = kCannotReadCa.match(message); ca.hasMatch()) {
        f = failure(R::CaCertificateMissing,
                    QFileInfo::exists(ca.captured(1))
                        ? Text::tr("The CA certificate %1 cannot be read.").arg(ca.captured(1))
                        : Text::tr("The CA certificate %1 is missing: libvirt looks for it "
                                   "there. Copy the CA's certificate there, or choose a "
                                   "certificate folder for this connection.")
                              .arg(ca.captured(1)));
    } else if (tls && message.contains(kNoTlsConfirmation)) {
        // libvirt's client goes on without a client certificate when its file or key is
        // missing; the host then closes the connection without a word.
        if (!QFileInfo::exists(files.clientCertificate)) {
            f = failure(R::ClientCertificateMissing,
                        Text::tr("The client certificate %1 is missing (libvirt looked in %2), "
                                 "so the host refused the connection.")
                            .arg(QFileInfo(files.clientCertificate).fileName(),
                                 folderOf(files.clientCertificate)));
        } else if (!QFileInfo::exists(files.clientKey)) {
            f = failure(R::ClientKeyMissing,
                        Text::tr("The client key %1 is missing (libvirt looked in %2), so the "
                                 "host refused the connection.")
                            .arg(QFileInfo(files.clientKey).fileName(), folderOf(files.clientKey)));
        } else {
            f = failure(R::ClientCertificateRefused,
                        Text::tr("The host refused the client certificate %1: it does not "
                                 "trust the CA that signed it (or its tls_allowed_dn_list "
                                 "leaves it out).")
                            .arg(files.clientCertificate));
        }
    } else if (tls && message.contains(kOwnCertificate)) {
        f = failure(R::ClientCertificateInvalid,
                    Text::tr("The client certificate %1 does not verify against the CA in %2.")
                        .arg(files.clientCertificate, files.caCertificate));
    } else if (code == VIR_ERR_AUTH_CANCELLED ||
               (code == VIR_ERR_AUTH_FAILED && message.contains(kNotCollected))) {
        f = failure(R::CredentialsCancelled,
                    Text::tr("Authentication was cancelled; connect again to retry."));
    } else if (code == VIR_ERR_AUTH_FAILED) {
        f = failure(R::CredentialsRefused,
                    Text::tr("The host refused the user name or password; connect again to "
                             "retry."));
    }
    f.libvirtMessage = message;
    f.libvirtCode = code;
    return f;
}

ConnectionFailure diagnoseConnectionFailure(const QString &uri, int code, const QString &message)
{
    TlsPeerCheck peer;
    if (needsTlsPeerCheck(uri, code, message))
        peer = checkTlsPeer(uri, tlsCertificatesFor(uri).caCertificate);
    return classifyConnectionFailure(uri, code, message, peer);
}

} // namespace crossvirt::models
