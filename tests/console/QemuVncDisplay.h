#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace crossvirt::test {

/// A real QEMU VNC server for tests, no libvirt and no root: `qemu-system-x86_64
/// -machine none -nodefaults` with its VNC display on a UNIX socket in a private
/// folder, optionally with a VNC password and VeNCrypt x509 (tls-creds-x509). Starts
/// in well under a second; killed by the destructor.
class QemuVncDisplay
{
public:
    struct Options
    {
        QString password; ///< VNC password (QEMU's password-secret); empty: none
        /// A folder with ca-cert.pem, server-cert.pem and server-key.pem (QEMU's
        /// tls-creds-x509 layout); empty: no TLS.
        QString x509Dir;
        bool verifyClient = false; ///< QEMU asks for a client certificate
    };

    QemuVncDisplay() = default;
    ~QemuVncDisplay();
    QemuVncDisplay(const QemuVncDisplay &) = delete;
    QemuVncDisplay &operator=(const QemuVncDisplay &) = delete;

    /// Empty when qemu-system-x86_64 is installed, else why the test is skipped.
    static QString missingReason();
    /// Starts QEMU and waits until its VNC socket accepts; false with `error` set.
    bool start(const Options &options, QString *error);
    /// A new connection to the display (caller owns the fd), -1 on failure.
    int connectSocket() const;
    QString socketPath() const { return m_socketPath; }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    QString m_socketPath;
};

} // namespace crossvirt::test
