#pragma once

// The e2e guest (tests/e2e/guest: Debian's kernel + busybox, direct kernel boot) defined
// through the provisioning core with the arch's default firmware, booted, and shut down:
// shared by the tests that boot guests to prove something from inside them (clone,
// snapshots).

#include "e2e/E2eSupport.h"
#include "e2e/GuestReport.h"
#include "e2e/LibvirtDaemon.h"
#include "models/provisioning/HostChoices.h"

#include <QElapsedTimer>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace crossvirt::models {
class HostSession;
}

namespace crossvirt::test::e2e {

/// TCG on 2 busy cores, up to five guests at once: a boot alone takes 15-50 s here.
constexpr int kGuestBootTimeoutMs = 300'000;
constexpr int kGuestShutdownTimeoutMs = 90'000;

/// One booted (or to be booted) e2e guest.
struct Guest
{
    QString arch;
    QString name;
    QString uuid;
    std::unique_ptr<GuestShell> shell;
    std::optional<GuestReport> report;
    QElapsedTimer bootClock;
    /// The disk the guest's /init keeps its boot counter on (vda, sda).
    QString stateDisk() const;
};

/// How defineE2eGuest() makes the guest.
struct DefineOptions
{
    qint64 diskGiB = 1; ///< 0: no disk
    QString diskFormat = QStringLiteral("qcow2");
    bool nic = true;
    QString pool = LibvirtDaemon::poolName();
};

/// The harness host's context for guests of `archName` (TCG or KVM as the harness says);
/// nullopt with *skip when the host cannot run them.
std::optional<models::GuestHostContext> harnessHostContext(models::HostSession *session,
                                                           const LibvirtDaemon &daemon,
                                                           const QString &archName,
                                                           const QString &machine, QString *skip);

/// Defines (does not start) the e2e guest of `archName` through the provisioning core with
/// the arch's default firmware (aarch64: UEFI with NVRAM; ppc64le: SLOF): direct kernel
/// boot, 1 vCPU, 512 MiB, a new disk, a NIC on the harness network, the serial console.
/// Returns the uuid; empty with *skip (cannot run here) or *error.
QString defineE2eGuest(models::HostSession *session, const LibvirtDaemon &daemon,
                       const QString &archName, const QString &name, const DefineOptions &options,
                       QString *skip, QString *error);

/// Starts the guest and opens its console (ADD_FAILURE and false when either fails).
bool startGuest(models::HostSession *session, Guest &g);
/// Waits for the guest's report and shell (the other guests' consoles keep filling
/// meanwhile: they share the event loop); ADD_FAILURE and false when none came.
bool waitForGuestBoot(Guest &g, int timeoutMs = kGuestBootTimeoutMs);
/// Boots `guests` at once: all started, then each waited for.
bool bootTogether(models::HostSession *session, const QList<Guest *> &guests);

/// virDomainGetState of the domain, -1 when it is gone.
int domainState(virConnectPtr conn, const QString &uuid);
/// Shuts the guest down (power button; forced off after `timeoutMs`) and waits until it
/// is shut off. Closes its console first.
void shutDownGuest(models::HostSession *session, virConnectPtr conn, Guest &g,
                   int timeoutMs = kGuestShutdownTimeoutMs);

/// Seconds since `t` started, "12.3".
QString secondsSince(const QElapsedTimer &t);

} // namespace crossvirt::test::e2e
