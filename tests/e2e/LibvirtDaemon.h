#pragma once

#include <QMap>
#include <QString>
#include <QStringList>
#include <gtest/gtest.h>
#include <libvirt/libvirt.h>
#include <memory>

class QProcess;
class QTemporaryDir;

namespace crossvirt::test::e2e {

/// A real libvirtd (system mode) for end-to-end tests on a machine without systemd:
/// starts virtlogd and libvirtd as children (or reuses a libvirtd that already runs),
/// makes the same daemon reachable as qemu+tcp://127.0.0.1/system, and adds a scratch
/// storage pool and an isolated network, all removed again by stop().
class LibvirtDaemon
{
public:
    struct Options
    {
        int readyTimeoutMs = 90'000; // a cold QEMU capabilities cache makes the first start slow
        bool createPool = true;
        bool createNetwork = true;
    };

    LibvirtDaemon();
    explicit LibvirtDaemon(Options options);
    ~LibvirtDaemon();
    LibvirtDaemon(const LibvirtDaemon &) = delete;
    LibvirtDaemon &operator=(const LibvirtDaemon &) = delete;

    /// Starts (or reuses) the daemons and waits until qemu:///system answers. Returns
    /// isReady(); otherwise skipReason() (cannot run here) or errorString() (broken) says why.
    bool start();
    /// Removes what start() created, then stops the daemons this object started
    /// (SIGTERM, then SIGKILL). A reused daemon is left running.
    void stop();

    bool isReady() const { return m_ready; }
    /// Why end-to-end tests cannot run on this machine (not root, libvirtd missing...);
    /// empty when they can. Not a failure: tests GTEST_SKIP() with it.
    QString skipReason() const { return m_skipReason; }
    /// Why start() failed although it should have worked, with the daemon's log tail.
    QString errorString() const { return m_error; }
    /// True when a libvirtd was already running and start() used it instead of its own.
    bool reusedExistingDaemon() const { return m_reused; }

    /// Whether guests of the host's own arch run with KVM: /dev/kvm exists and
    /// CROSSVIRT_E2E_TCG is not set (it forces TCG, to test that path on a KVM machine).
    bool hasKvm() const;
    /// The host's CPU arch as libvirt names it ("x86_64", "aarch64", "ppc64le"...).
    static QString hostArch();
    /// "kvm" for the host's own arch when hasKvm(), otherwise "qemu" (TCG).
    QString domainTypeFor(const QString &guestArch) const;
    /// One line for test output: "x86_64: KVM" or "x86_64: TCG (no /dev/kvm)".
    QString accelerationSummary() const;

    static QString localUri() { return QStringLiteral("qemu:///system"); }
    static QString remoteUri() { return QStringLiteral("qemu+tcp://127.0.0.1/system"); }
    static QString poolName() { return QStringLiteral("crossvirt-e2e"); }
    static QString networkName() { return QStringLiteral("crossvirt-e2e"); }
    /// Domains whose names start with this are the tests' own: start() and stop()
    /// destroy and undefine any left over by a crashed run.
    static QString domainPrefix() { return QStringLiteral("crossvirt-e2e-"); }
    /// Directory holding the daemons' config, pid files and logs (kept after stop()).
    static QString runDirectory();

    /// Directory backing the scratch pool; empty until start() created it.
    QString poolPath() const;
    /// The harness's own connection to qemu:///system (valid while isReady()).
    virConnectPtr connection() const { return m_conn; }
    /// Last lines of libvirtd's log, for failure messages.
    QString daemonLogTail(int lines = 30) const;

    /// Guest arch -> domain types ("kvm", "qemu") from a capabilities XML document.
    static QMap<QString, QStringList> guestDomainTypes(const QString &capabilitiesXml);

private:
    bool checkCanRun();
    void stopStaleHarnessDaemons();
    bool probeExistingDaemon();
    bool startVirtlogd();
    bool startLibvirtd();
    bool waitForLibvirtd();
    bool createNetwork();
    bool createPool();
    void removeLeftoverDomains();
    void removeNetworkAndPool();
    void stopProcess(std::unique_ptr<QProcess> &process, const QString &name);
    void writeConfigFiles(bool withVirtlogd);
    void fail(const QString &message);
    static void log(const QString &message);

    Options m_options;
    std::unique_ptr<QProcess> m_virtlogd;
    std::unique_ptr<QProcess> m_libvirtd;
    std::unique_ptr<QTemporaryDir> m_poolDir;
    virConnectPtr m_conn = nullptr;
    bool m_ready = false;
    bool m_reused = false;
    bool m_createdPool = false;
    bool m_createdNetwork = false;
    QString m_skipReason;
    QString m_error;
};

/// Shares one LibvirtDaemon across a test binary: register it once per binary with
///   static auto *const env = testing::AddGlobalTestEnvironment(new LibvirtDaemonEnvironment);
/// and derive fixtures from LibvirtDaemonTest.
class LibvirtDaemonEnvironment : public ::testing::Environment
{
public:
    explicit LibvirtDaemonEnvironment(LibvirtDaemon::Options options = {});
    ~LibvirtDaemonEnvironment() override;

    void SetUp() override;
    void TearDown() override;

    /// The registered environment's daemon, or nullptr when none was registered.
    static LibvirtDaemon *daemon();

private:
    LibvirtDaemon m_daemon;
    bool m_started = false;
};

/// Fixture for e2e tests: skips when the machine cannot host the daemon, fails when it
/// should have started but did not, and opens a fresh qemu:///system connection per test.
class LibvirtDaemonTest : public ::testing::Test
{
protected:
    void SetUp() override;
    void TearDown() override;

    LibvirtDaemon &daemon() const { return *m_daemon; }
    virConnectPtr conn() const { return m_conn; }

private:
    LibvirtDaemon *m_daemon = nullptr;
    virConnectPtr m_conn = nullptr;
};

/// libvirt's last error on this thread, or "(no libvirt error)".
QString lastLibvirtError();

} // namespace crossvirt::test::e2e
