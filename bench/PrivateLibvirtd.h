#pragma once

#include <QString>
#include <memory>

class QProcess;

namespace crossvirt::bench {

/// `crossvirt-bench --gui --daemon`: a libvirtd of its own for one scenario, so the
/// test driver's copy of the hosts lives in another process, as a real host's does.
/// Everything is in `dir` (configuration, unix sockets, pid file, log); no systemd, and
/// no hypervisor driver modules are loaded (LIBVIRT_DRIVER_DIR points at an empty
/// folder): the test driver is built into libvirtd, and nothing of the machine's own
/// libvirt (its /run/libvirt state, a running system daemon) is touched.
/// The daemon dies with this process (PR_SET_PDEATHSIG) and is stopped by the destructor.
class PrivateLibvirtd
{
public:
    explicit PrivateLibvirtd(const QString &dir);
    ~PrivateLibvirtd();
    PrivateLibvirtd(const PrivateLibvirtd &) = delete;
    PrivateLibvirtd &operator=(const PrivateLibvirtd &) = delete;

    /// Why no private libvirtd can be started here (not root, not installed); empty if one can.
    static QString cannotRun();
    /// Starts libvirtd and waits for its socket to answer; an error text, empty on success.
    QString start();
    /// The URI of the test driver on `hostFile`, served by this daemon.
    QString uriFor(const QString &hostFile) const;
    /// Opens `hostFile` through the daemon and counts its domains; an error text, empty
    /// when the daemon's test driver has exactly `expectedDomains`.
    QString check(const QString &hostFile, int expectedDomains) const;
    qint64 pid() const;
    /// SIGTERM, then SIGKILL after 5 s. Safe to call twice.
    void stop();
    QString logTail() const;

private:
    QString m_dir;
    std::unique_ptr<QProcess> m_process;
};

} // namespace crossvirt::bench
