#pragma once

// A second, independent libvirtd on this machine that looks like another host: its own
// network namespace (reached over a veth pair) and its own mount namespace (its own
// /run/libvirt, /var/lib/libvirt, /var/cache/libvirt, /etc/libvirt, /var/log/libvirt), so it
// shares no socket, state, domain, pool or network with the harness's LibvirtDaemon. Used by
// the migration e2e tests (issue 13) and meant for remote-host tests (issue 15: sshd/TLS in
// the namespace) and fault tests (issue 18: tc netem on the veth, a killed libvirtd).
//
//   root netns                         netns crossvirt-e2e-host<N>
//   main libvirtd (LibvirtDaemon) ---- veth cvxe2e-h<N> 10.213.<N>.1/30
//                                      veth cvxe2e-h<N>p 10.213.<N>.2/30 -- virtlogd, libvirtd
//                                      --listen (TCP 16509, auth none), the QEMUs it starts
//
// The destination's qemu.conf sets migration_address and migration_host to its own veth
// address, so QEMU's migration stream and the NBD server of a copy-storage migration listen
// there and the source's QEMU connects over the veth (what netem then slows down).
//
// What works on libvirt 9.0 / QEMU 7.2 (Debian 12), measured by e2e_remote_host_test with a
// 384 MiB ppc64le TCG guest and a 64 MiB qcow2 disk, from the main daemon to this host,
// virDomainMigrateToURI3(dom, uri(), params, flags):
//  - works: flags VIR_MIGRATE_LIVE | VIR_MIGRATE_PEER2PEER | VIR_MIGRATE_NON_SHARED_DISK |
//    VIR_MIGRATE_PERSIST_DEST | VIR_MIGRATE_UNDEFINE_SOURCE, params
//    VIR_MIGRATE_PARAM_MIGRATE_DISKS = "vda" (optional; without it every writable disk is
//    copied); no VIR_MIGRATE_PARAM_URI needed (migration_host gives the address). libvirt
//    pre-creates the destination volume in the pool whose target path matches and copies
//    it over NBD, fully allocated (a 64 MiB thin qcow2 arrives as 64 MiB).
//  - fails: VIR_MIGRATE_TUNNELLED together with VIR_MIGRATE_NON_SHARED_DISK, with
//    "internal error: argument key 'host' must not have null value" (the source daemon
//    logs "migration of non-shared storage is not supported with tunnelled migration and
//    this QEMU"). The guest keeps running on the source, but the volume the destination
//    pre-created stays behind in its pool: a product must delete it.
//  - cancel: virDomainAbortJob from another thread during a migration slowed by
//    VIR_MIGRATE_PARAM_BANDWIDTH = 1 (MiB/s; it throttles the NBD disk copy too) makes
//    virDomainMigrateToURI3 fail with VIR_ERR_OPERATION_ABORTED and the guest keeps running
//    on the source; again the pre-created destination volume is left behind.
// See e2e_remote_host_test.cpp for the exact assertions and timings.

#include <QString>
#include <QStringList>
#include <libvirt/libvirt.h>

#include <memory>

class QProcess;

namespace crossvirt::test::e2e {

class RemoteHost
{
public:
    struct Options
    {
        /// 0..63: namespace crossvirt-e2e-host<index>, veth cvxe2e-h<index>, subnet
        /// 10.213.<index>.0/30. Two RemoteHosts at once need different indexes.
        int index = 0;
        /// Creates a transient pool named LibvirtDaemon::poolName() whose target is
        /// `poolPath` (pass the main daemon's poolPath()), with a private directory
        /// bind-mounted over that path inside the namespace: the same name and path as
        /// on the source, but NOT the same files, so migration needs copy-storage.
        QString poolPath;
        /// Creates the isolated network LibvirtDaemon::networkName() (bridge and dnsmasq
        /// inside the namespace) so guests with a NIC on it can run here.
        bool createNetwork = false;
        /// Machine types this host's QEMU is made to lack ("virt-7.2", "pseries-7.2"):
        /// the main daemon's probed capabilities cache is copied without their <machine>
        /// elements before libvirtd starts. libvirt validates the cache by the binaries'
        /// ctimes, not its content, so it keeps the edited copy (the test checks that).
        QStringList hiddenMachines;
        int readyTimeoutMs = 60'000;
    };

    RemoteHost();
    explicit RemoteHost(Options options);
    ~RemoteHost();
    RemoteHost(const RemoteHost &) = delete;
    RemoteHost &operator=(const RemoteHost &) = delete;

    /// Removes what a crashed run with the same index left behind (processes in the
    /// namespace, the namespace, the veth), then sets everything up and waits until uri()
    /// answers. Returns isReady(); otherwise skipReason() or errorString() says why.
    bool start();
    /// Destroys the domains on this host, stops libvirtd, virtlogd and every process left
    /// in the namespace (QEMU, dnsmasq), deletes the namespace (and so the veth pair) and
    /// the private pool's files. Logs stay in stateDirectory().
    void stop();

    bool isReady() const { return m_ready; }
    /// Why this machine cannot host it (not root, `ip`, `unshare` or `nsenter` missing);
    /// tests GTEST_SKIP() with it.
    QString skipReason() const { return m_skipReason; }
    QString errorString() const { return m_error; }

    /// "qemu+tcp://10.213.<index>.2/system": for the tests and for peer-to-peer migration
    /// (the SOURCE libvirtd connects to it).
    QString uri() const;
    /// "tcp://10.213.<index>.2" (VIR_MIGRATE_PARAM_URI, if a test wants it explicit).
    QString migrationUri() const;
    /// The address inside the namespace (libvirtd, QEMU migration, NBD listen here).
    QString address() const;
    /// The root namespace's end of the veth.
    QString hostSideAddress() const;
    /// Network namespace name, for `ip netns exec <name> tc qdisc add dev
    /// namespaceInterface() root netem delay 100ms` (or see runInNamespace()).
    QString namespaceName() const;
    /// The veth's name in the root namespace (tc on the source side of the link).
    QString hostInterface() const;
    /// The veth's name inside the namespace.
    QString namespaceInterface() const;
    /// Config, private mounts' sources, pid files and logs: /var/tmp/crossvirt-e2e-host<N>.
    QString stateDirectory() const;

    /// The harness's own connection to uri() (valid while isReady(); replaced by restart()).
    virConnectPtr connection() const { return m_conn; }
    /// Last lines of this host's libvirtd log, for failure messages.
    QString daemonLogTail(int lines = 30) const;

    /// Sends `signal` to this host's libvirtd (SIGKILL: a crashed daemon; its QEMUs live on).
    bool kill(int signal);
    /// Stops libvirtd if it still runs (SIGTERM), starts it again in the same namespaces and
    /// waits until uri() answers; running guests are kept (libvirtd reconnects to them).
    bool restart();
    qint64 libvirtdPid() const;

    /// Runs `argv` inside both namespaces (nsenter); its exit code, or -1 when it did not
    /// start or finish within `timeoutMs`. *output gets stdout and stderr.
    int runInNamespace(const QStringList &argv, QString *output = nullptr,
                       int timeoutMs = 30'000) const;
    /// The program and arguments that run a command inside both namespaces (nsenter ...
    /// --): for long-running daemons (SshServer) a QProcess starts with `argv` appended.
    /// Empty when not started.
    QStringList namespaceCommand() const;

private:
    bool checkCanRun();
    void removeLeftovers();
    bool createLink();
    bool prepareState();
    bool startHolder();
    bool startVirtlogd();
    bool startLibvirtd();
    bool waitForLibvirtd();
    bool createPool();
    bool createNetwork();
    void stopProcess(std::unique_ptr<QProcess> &process, const QString &name);
    void fail(const QString &message);
    QString path(const QString &relative) const;

    Options m_options;
    std::unique_ptr<QProcess> m_holder; // `sleep infinity` holding the mount namespace
    std::unique_ptr<QProcess> m_virtlogd;
    std::unique_ptr<QProcess> m_libvirtd;
    virConnectPtr m_conn = nullptr;
    bool m_ready = false;
    QString m_skipReason;
    QString m_error;
};

} // namespace crossvirt::test::e2e
