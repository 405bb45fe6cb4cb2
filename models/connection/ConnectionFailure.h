#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace crossvirt::models {

/// What a TLS handshake of our own with a qemu+tls host said about its certificate, for
/// the failures where libvirt's client only says "Failed to verify peer's certificate"
/// (its reason goes to its log, not to the error). See checkTlsPeer().
struct TlsPeerCheck
{
    enum class Problem
    {
        NotChecked,
        None, ///< the certificate verifies against the CA: libvirt failed for another reason
        Expired,
        NotYetValid,
        WrongHost,  ///< valid, but for other names than the host dialled
        Untrusted,  ///< not signed by the CA file (another or an unknown CA, self-signed)
        Unreachable ///< no TLS handshake happened (the detail says why)
    };
    Problem problem = Problem::NotChecked;
    QString host;         ///< the name or address dialled
    QStringList names;    ///< the certificate's common name and subject alternative names
    QString issuer;       ///< the certificate issuer's common name
    QDateTime validFrom;  ///< UTC
    QDateTime validUntil; ///< UTC
    QString detail;       ///< the TLS library's words
};

/// Why opening a connection failed, in words a user can act on, plus libvirt's own text.
struct ConnectionFailure
{
    enum class Reason
    {
        Other, ///< nothing recognised: libvirt's text alone (a network error, a host down…)
        CredentialsRefused,
        CredentialsCancelled,
        ServerCertificateExpired,
        ServerCertificateNotYetValid,
        ServerCertificateWrongHost,
        ServerCertificateUntrusted,
        ServerCertificateUnverified, ///< libvirt refused it; our own check found no reason
        CaCertificateMissing,
        ClientCertificateMissing,
        ClientKeyMissing,
        ClientCertificateRefused, ///< the host refused our (present) client certificate
        ClientCertificateInvalid  ///< libvirt's client refused our own certificate
    };
    Reason reason = Reason::Other;
    QString explanation; ///< tr'd; empty for Other
    QString libvirtMessage;
    int libvirtCode = 0;

    /// Whether trying again by itself can help (a host down or restarting). A refused
    /// password or a bad certificate cannot: the connection waits until the user connects
    /// again (so a password is not asked again and again, nor the host hammered).
    bool retryable() const { return reason == Reason::Other; }
    /// "explanation (libvirt: message)", or libvirt's message alone.
    QString text() const;
};

/// Classifies libvirt's error for `uri` (virError code and message). TLS failures use
/// `peer` (from checkTlsPeer()) and whether the files tlsCertificatesFor(uri) names
/// exist. Pure apart from those file checks; no network.
ConnectionFailure classifyConnectionFailure(const QString &uri, int code, const QString &message,
                                            const TlsPeerCheck &peer = {});

/// Whether classifyConnectionFailure() needs checkTlsPeer() for this error.
bool needsTlsPeerCheck(const QString &uri, int code, const QString &message);

/// Connects to the qemu+tls `uri`'s host and port (16514 by default) with our own TLS
/// client, verifying its certificate against `caFile`, and says what is wrong with it.
/// Blocks up to `timeoutMs`: worker threads only.
TlsPeerCheck checkTlsPeer(const QString &uri, const QString &caFile, int timeoutMs = 5000);

/// classifyConnectionFailure(), with checkTlsPeer() first when needed. Worker threads only.
ConnectionFailure diagnoseConnectionFailure(const QString &uri, int code, const QString &message);

} // namespace crossvirt::models
