#pragma once

#include <QString>
#include <QtGlobal>

namespace crossvirt::models {

/// Where a VNC console is reached: a TCP host and port, or a stream socket that is
/// already connected (libvirt's virDomainOpenGraphicsFD). A plain value the caller
/// fills; a provider that cannot produce one sets `error` instead.
struct VncEndpoint
{
    QString host;     ///< name or address (IPv6 with or without brackets); used when fd < 0
    quint16 port = 0; ///< TCP port, e.g. 5900
    /// A connected stream socket. VncSession takes ownership and closes it, so one
    /// fd serves one connection: ask the provider again to reconnect.
    int fd = -1;
    QString password; ///< VNC password if known beforehand; otherwise the session asks
    /// The files a VeNCrypt x509 display is verified with (libvirt's TLS files of the
    /// connection, see tlsCertificatesFor()). Without a CA such a display is refused.
    QString tlsCaCertificate;
    QString tlsClientCertificate; ///< sent only when it and the key exist (QEMU may ask)
    QString tlsClientKey;
    /// The name the server's certificate must carry (the host of the libvirt URI);
    /// empty: `host` for a TCP endpoint, none for a socket (x509 is then refused).
    QString tlsHostName;
    QString label; ///< what messages call the console (e.g. the VM name); optional
    QString error; ///< why no endpoint could be produced; non-empty means unusable

    static VncEndpoint tcp(const QString &host, quint16 port, const QString &password = {});
    static VncEndpoint socket(int fd, const QString &label = {}, const QString &password = {});
    static VncEndpoint failed(const QString &error);

    bool isValid() const { return error.isEmpty() && (fd >= 0 || (!host.isEmpty() && port != 0)); }
    /// Closes an fd that will not be used (e.g. a reply to a superseded request).
    void closeSocket();
    /// The label, else "host:port", else a generic name for a socket endpoint.
    QString displayName() const;
    /// The name the server's certificate is checked against (see tlsHostName).
    QString certificateHostName() const;
};

} // namespace crossvirt::models
