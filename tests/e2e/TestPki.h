#pragma once

// A throw-away x509 PKI for TLS tests, made with gnutls's `certtool` in a private folder:
// a CA, a server certificate for one address/name (libvirtd's listen_tls, QEMU's VNC
// x509), a client certificate, and the bad ones a user meets: an expired server
// certificate, one not valid yet, one for another host, one signed by another CA, and a
// client certificate from another CA. Keys are ECDSA (instant to make). It links QtCore
// only and needs no root, so console tests can use it too (crossvirt_test_pki).
//
// Layouts written by the write*() calls:
//  - libvirtd (libvirtd.conf ca_file/cert_file/key_file): cacert.pem, servercert.pem,
//    serverkey.pem
//  - libvirt client (`pkipath=`): cacert.pem, clientcert.pem, clientkey.pem
//  - QEMU vnc_tls_x509_cert_dir / tls-creds-x509 dir=: ca-cert.pem, server-cert.pem,
//    server-key.pem (and client-cert.pem, client-key.pem when asked)
// A server given a certificate from the other CA also gets the other CA as its own CA
// file (so the server itself is consistent and starts); clients always trust the main CA.

#include <QString>
#include <QStringList>

namespace crossvirt::test::e2e {

class TestPki
{
public:
    enum class ServerCertificate
    {
        Valid,       ///< for the address and names given to create(), signed by the CA
        Expired,     ///< valid 2021-01-01 .. 2022-01-01
        NotYetValid, ///< valid from 2035-01-01
        WrongHost,   ///< for 192.0.2.77 / wrong-host.invalid
        OtherCa      ///< right host, signed by another CA ("Crossvirt Other Test CA")
    };
    enum class ClientCertificate
    {
        Valid, ///< signed by the CA
        /// signed by the other CA; writeLibvirtClient() gives it a cacert.pem with BOTH CAs,
        /// so the client's own check passes and the server (trusting only the CA) refuses it
        OtherCa
    };

    /// `directory` is created by create() and removed (with everything in it) by the
    /// destructor; it must not hold anything else.
    explicit TestPki(QString directory);
    ~TestPki();
    TestPki(const TestPki &) = delete;
    TestPki &operator=(const TestPki &) = delete;

    /// Makes every certificate for a server reached as `serverAddress` (an IP address or
    /// a DNS name; `extraNames` are added as further DNS names / IP addresses). A few
    /// seconds at most. False: skipReason() (certtool missing) or errorString().
    bool create(const QString &serverAddress, const QStringList &extraNames = {});
    QString skipReason() const { return m_skipReason; }
    QString errorString() const { return m_error; }
    QString directory() const { return m_dir; }

    /// The CA clients trust, and the other one.
    QString caCertificate() const;
    QString otherCaCertificate() const;
    QString serverCertificate(ServerCertificate which = ServerCertificate::Valid) const;
    QString serverKey(ServerCertificate which = ServerCertificate::Valid) const;
    /// The CA file a server using `which` must be given (the other CA for OtherCa).
    QString serverCaCertificate(ServerCertificate which = ServerCertificate::Valid) const;
    QString clientCertificate(ClientCertificate which = ClientCertificate::Valid) const;
    QString clientKey(ClientCertificate which = ClientCertificate::Valid) const;

    /// Copies the files into `dir` (created when missing, files replaced; keys 0600).
    bool writeLibvirtServer(const QString &dir,
                            ServerCertificate which = ServerCertificate::Valid) const;
    bool writeLibvirtClient(const QString &dir,
                            ClientCertificate which = ClientCertificate::Valid) const;
    bool writeQemuServer(const QString &dir, ServerCertificate which = ServerCertificate::Valid,
                         bool withClientCertificate = false) const;

private:
    bool makeKey(const QString &name);
    bool makeCa(const QString &name, const QString &commonName);
    bool makeCertificate(const QString &name, const QString &caName, const QString &templateText);
    bool runCerttool(const QStringList &args);
    QString file(const QString &name) const;
    static QString nameOf(ServerCertificate which);
    static QString nameOf(ClientCertificate which);

    QString m_dir;
    QString m_certtool;
    QString m_skipReason;
    mutable QString m_error; // the write*() calls are const
};

} // namespace crossvirt::test::e2e
