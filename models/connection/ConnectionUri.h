#pragma once

#include <QString>

namespace crossvirt::models {

/// The parts of virt-manager's "Add connection" dialog, turned into a libvirt URI.
struct ConnectionUriSpec
{
    enum class Hypervisor
    {
        QemuSystem,
        QemuSession,
        Test,
        Custom
    };
    enum class Transport
    {
        Local,
        Ssh,    ///< qemu+ssh: the ssh program (agent, key file; passwords through askpass)
        LibSsh, ///< qemu+libssh: libvirt's own SSH client (prompts reach the auth callback)
        Tcp,    ///< qemu+tcp: plain, or SASL (SCRAM/DIGEST) user and password
        Tls     ///< qemu+tls: x509 certificates
    };

    Hypervisor hypervisor = Hypervisor::QemuSystem;
    Transport transport = Transport::Local;
    QString host; ///< host name or address, optionally with :port
    int port = 0; ///< TCP port; 0 keeps the transport's default (or the :port in host)
    QString user; ///< SSH user name
    /// SSH private key file (libvirt's `keyfile=`); empty: the agent and ~/.ssh defaults.
    QString sshKeyFile;
    /// TLS: a folder holding cacert.pem, clientcert.pem and clientkey.pem (libvirt's
    /// `pkipath=`); empty: where libvirt looks by default (see tlsCertificatesFor()).
    QString pkiDir;
    QString testFile;  ///< absolute path of a test-driver host file (empty: test:///default)
    QString customUri; ///< used as is for Hypervisor::Custom

    /// The URI, e.g. qemu+ssh://root@kvm1/system; empty when the spec is incomplete.
    QString uri() const;
    /// Why the spec is incomplete (tr'd), or empty when uri() is usable.
    QString problem() const;

    /// The spec a URI was built from (the inverse of uri() for the URIs it builds: the
    /// transport, host, port, user, keyfile and pkipath are read back); anything else is
    /// Hypervisor::Custom with the URI as is.
    static ConnectionUriSpec fromUri(const QString &uri);
};

/// The transport of a libvirt URI ("qemu+ssh://…" is Ssh, "qemu:///system" is Local).
ConnectionUriSpec::Transport transportOfUri(const QString &uri);

/// The files a TLS connection (libvirt's client, and a VeNCrypt x509 VNC console of a VM
/// on that host) uses: libvirt's `pkipath=` folder when the URI has one, else libvirt's
/// defaults (root: /etc/pki/CA/cacert.pem, /etc/pki/libvirt/clientcert.pem and
/// /etc/pki/libvirt/private/clientkey.pem; others: ~/.pki/libvirt/ when that folder
/// exists). The paths are given whether or not the files exist.
struct TlsCertificates
{
    QString caCertificate;
    QString clientCertificate;
    QString clientKey;
};
TlsCertificates tlsCertificatesFor(const QString &uri);

/// A short, readable name for a URI in the inventory ("kvm1 (QEMU/KVM)").
QString displayNameForUri(const QString &uri);

} // namespace crossvirt::models
