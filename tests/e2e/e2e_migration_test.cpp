// Crossvirt's own migration code (models/migration) between two real libvirtd instances:
// the harness daemon and RemoteHosts in their own namespaces (tests/e2e/RemoteHost.h).
// A running ppc64le TCG guest that really boots (Debian's kernel and the e2e busybox
// initramfs, tests/e2e/guest, by direct kernel boot; its shell on the serial console) with
// a qcow2 volume and a NIC on the harness network is checked against host A (the network,
// a pool of the same name and path, not the same files) and host B (lacks pseries-7.2 and
// the network); a throttled move to A is cancelled (the guest runs on at the source and its
// console answers there, the pre-created copy on A is removed); then it moves live with
// copy storage, and on A its console answers with the marker the guest wrote into its
// memory (tmpfs) and onto its disk before the move; shut off there, it moves back offline
// (its definition; the volume is still here).
#include "common/TestSupport.h"
#include "e2e/E2eSupport.h"
#include "e2e/GuestImage.h"
#include "e2e/RemoteHost.h"
#include "models/connection/Datacenter.h"
#include "models/connection/HostSession.h"
#include "models/migration/Migration.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTimer>
#include <gtest/gtest.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

using namespace Qt::StringLiterals;
using namespace crossvirt;
using namespace crossvirt::models;
using namespace crossvirt::test::e2e;

namespace {

[[maybe_unused]] ::testing::Environment *const e2eEnvironment =
    ::testing::AddGlobalTestEnvironment(new LibvirtDaemonEnvironment);

const QString kGuest = LibvirtDaemon::domainPrefix() + u"migmodel"_s;
const QString kVolume = kGuest + u".qcow2"_s;
/// Written before the move into the guest's tmpfs (its memory) and onto its disk's second
/// sector (the first holds the guest's boot counter).
const QString kMarker = u"crossvirt-moved-marker"_s;
constexpr int kBootTimeoutMs = 180'000;

std::string text(const QString &s)
{
    return s.toStdString();
}

bool hasProblem(const MigrationTarget &t, const QString &what)
{
    for (const arch::PortabilityProblem &p : t.problems) {
        if (p.what.startsWith(what))
            return true;
    }
    return false;
}

bool hasVolume(virConnectPtr c, const QString &name)
{
    virStoragePoolPtr pool =
        virStoragePoolLookupByName(c, LibvirtDaemon::poolName().toUtf8().constData());
    if (!pool)
        return false;
    virStoragePoolRefresh(pool, 0);
    virStorageVolPtr vol = virStorageVolLookupByName(pool, name.toUtf8().constData());
    virResetLastError();
    const bool found = vol != nullptr;
    if (vol)
        virStorageVolFree(vol);
    virStoragePoolFree(pool);
    return found;
}

class MigrationE2e : public LibvirtDaemonTest
{
protected:
    void startHost(RemoteHost::Options options, std::unique_ptr<RemoteHost> &host)
    {
        host = std::make_unique<RemoteHost>(std::move(options));
        if (!host->start()) {
            if (!host->skipReason().isEmpty() &&
                !qEnvironmentVariableIsSet("CROSSVIRT_E2E_REQUIRED"))
                GTEST_SKIP() << text(host->skipReason());
            FAIL() << text(host->skipReason() + host->errorString());
        }
    }

    MigrationCheck check(Datacenter &dc, const QString &uuid, bool copyStorage)
    {
        arch::MigrationMode mode;
        mode.copyStorage = copyStorage;
        return await(checkMigration(&dc, LibvirtDaemon::localUri(), uuid, mode), 60'000);
    }
};

TEST_F(MigrationE2e, CheckNamesWhatDiffersAndACancelledMoveStaysThenALiveMoveArrives)
{
    std::unique_ptr<RemoteHost> a, b;
    RemoteHost::Options optionsA;
    optionsA.index = 20;
    optionsA.poolPath = daemon().poolPath();
    optionsA.createNetwork = true;
    startHost(optionsA, a);
    if (IsSkipped() || HasFatalFailure())
        return;
    RemoteHost::Options optionsB;
    optionsB.index = 21;
    optionsB.hiddenMachines = {u"pseries-7.2"_s};
    startHost(optionsB, b);
    if (IsSkipped() || HasFatalFailure())
        return;

    const GuestImage image = guestImageFor(u"ppc64le"_s);
    if (!image.ok()) {
        if (!qEnvironmentVariableIsSet("CROSSVIRT_E2E_REQUIRED"))
            GTEST_SKIP() << text(image.error);
        FAIL() << text(image.error);
    }

    // The guest: Debian's ppc64le kernel booted directly (SLOF hands over to it), 384 MiB,
    // a 32 MiB qcow2 volume in the harness pool, a virtio NIC on the harness network and
    // the serial console (hvc0) its /init runs a shell on.
    {
        virStoragePoolPtr pool =
            virStoragePoolLookupByName(conn(), LibvirtDaemon::poolName().toUtf8().constData());
        ASSERT_NE(pool, nullptr) << text(lastLibvirtError());
        const QString volXml = uR"(<volume><name>%1</name><capacity unit='MiB'>32</capacity>
<target><format type='qcow2'/></target></volume>)"_s.arg(kVolume);
        virStorageVolPtr vol = virStorageVolCreateXML(pool, volXml.toUtf8().constData(), 0);
        ASSERT_NE(vol, nullptr) << text(lastLibvirtError());
        virStorageVolFree(vol);
        virStoragePoolFree(pool);
    }
    const QString domXml = uR"(<domain type='qemu'>
  <name>%1</name>
  <memory unit='MiB'>384</memory>
  <vcpu>1</vcpu>
  <os><type arch='ppc64le' machine='pseries-7.2'>hvm</type>
    <kernel>%2</kernel><initrd>%3</initrd><cmdline>console=hvc0 quiet</cmdline></os>
  <on_poweroff>destroy</on_poweroff>
  <devices>
    <disk type='volume' device='disk'><driver name='qemu' type='qcow2'/>
      <source pool='%4' volume='%5'/><target dev='vda' bus='virtio'/></disk>
    <interface type='network'><source network='%6'/><model type='virtio'/></interface>
    <console type='pty'><target type='serial'/></console>
    <memballoon model='none'/>
  </devices>
</domain>)"_s.arg(kGuest, image.kernel.toHtmlEscaped(), image.initrd.toHtmlEscaped(),
                  LibvirtDaemon::poolName(), kVolume, LibvirtDaemon::networkName());
    virDomainPtr dom = virDomainDefineXML(conn(), domXml.toUtf8().constData());
    ASSERT_NE(dom, nullptr) << text(lastLibvirtError());
    auto cleanup = qScopeGuard([&] {
        virDomainDestroy(dom);
        virDomainUndefine(dom);
        virDomainFree(dom);
        virResetLastError();
    });

    Datacenter dc{ConnectionStore(test::makeTempDir() + u"/c.json"_s)};
    dc.useTransient({LibvirtDaemon::localUri(), a->uri(), b->uri()});
    ASSERT_TRUE(test::waitUntil(
        [&] {
            for (HostSession *s : dc.sessions()) {
                if (s->state() != ConnectionState::Connected)
                    return false;
            }
            return true;
        },
        60'000));
    HostSession *sourceSession = dc.session(LibvirtDaemon::localUri());
    ASSERT_EQ(virDomainCreate(dom), 0) << text(lastLibvirtError());
    QElapsedTimer bootClock;
    bootClock.start();
    char uuidBuf[VIR_UUID_STRING_BUFLEN];
    virDomainGetUUIDString(dom, uuidBuf);
    const QString uuid = QString::fromLatin1(uuidBuf);
    // The console from the start: it keeps filling while the checks below run (they wait
    // in the event loop), so the boot overlaps them.
    auto shell = std::make_unique<GuestShell>(sourceSession, uuid);
    ASSERT_TRUE(shell->open()) << "the source's serial console did not open";
    ASSERT_TRUE(test::waitUntil([&] { return sourceSession->domain(uuid).has_value(); }, 60'000));

    // ---- the check -----------------------------------------------------------------------
    const MigrationCheck withCopy = check(dc, uuid, true);
    for (const MigrationTarget &t : withCopy.targets) {
        info(u"check"_s, t.displayName + (t.possible() ? u": possible"_s : u":"_s));
        for (const QString &line : t.reasonLines() + t.notes)
            info(u"check"_s, u"    "_s + line);
    }
    EXPECT_TRUE(withCopy.running);
    const MigrationTarget *toA = withCopy.find(a->uri());
    const MigrationTarget *toB = withCopy.find(b->uri());
    ASSERT_TRUE(toA && toB);
    EXPECT_TRUE(toA->possible()) << text(toA->reasonLines().join(u'\n'));
    EXPECT_FALSE(toA->storageShared) << "A has the pool's path but not the guest's files";
    EXPECT_EQ(toA->disksToCopy, QStringList{u"vda"_s});
    EXPECT_FALSE(toB->possible());
    EXPECT_TRUE(hasProblem(*toB, u"Machine type pseries-7.2"_s))
        << text(toB->reasonLines().join(u'\n'));
    EXPECT_TRUE(hasProblem(*toB, u"Network "_s + LibvirtDaemon::networkName()))
        << text(toB->reasonLines().join(u'\n'));

    const MigrationCheck noCopy = check(dc, uuid, false);
    const MigrationTarget *toANoCopy = noCopy.find(a->uri());
    ASSERT_TRUE(toANoCopy);
    EXPECT_TRUE(hasProblem(*toANoCopy, u"Storage"_s)) << text(toANoCopy->reasonLines().join(u'\n'));

    // The CLI gives the same verdicts, and refuses B before libvirt is asked.
    {
        const QStringList hosts{u"-c"_s, LibvirtDaemon::localUri(), u"-c"_s, a->uri(), u"-c"_s,
                                b->uri()};
        const CliRun r = runCliProgram(
            QStringLiteral(CROSSVIRT_CLI_PATH),
            hosts + QStringList{u"migrate-check"_s, u"--vm"_s, kGuest, u"--copy-storage"_s});
        ASSERT_EQ(r.exitCode, 0) << text(r.err);
        QHash<QString, QJsonObject> byUri;
        for (const QJsonValue &h : r.json().value(u"hosts"_s).toArray())
            byUri.insert(h.toObject().value(u"uri"_s).toString(), h.toObject());
        EXPECT_TRUE(byUri.value(a->uri()).value(u"possible"_s).toBool()) << r.out.toStdString();
        EXPECT_FALSE(byUri.value(b->uri()).value(u"possible"_s).toBool()) << r.out.toStdString();
        const CliRun refused =
            runCliProgram(QStringLiteral(CROSSVIRT_CLI_PATH),
                          hosts + QStringList{u"migrate"_s, u"--vm"_s, kGuest, u"--to"_s, b->uri(),
                                              u"--copy-storage"_s});
        EXPECT_EQ(refused.exitCode, 1) << text(refused.err);
        EXPECT_TRUE(refused.err.contains(u"pseries-7.2"_s)) << text(refused.err);
        EXPECT_EQ(virDomainIsActive(dom), 1);
    }

    // The guest booted meanwhile: the marker goes into its memory and onto its disk.
    ASSERT_TRUE(shell->waitForReport(kBootTimeoutMs)) << shell->tail();
    info(u"guest"_s, u"ppc64le ready %1 s after its start"_s.arg(
                         double(bootClock.elapsed()) / 1000.0, 0, 'f', 1));
    const auto wrote = shell->run(
        u"echo %1 > /tmp/alive && echo %1 | dd of=/dev/vda bs=512 seek=1 count=1 conv=sync "
        u"2>/dev/null && sync && echo written"_s.arg(kMarker),
        60'000);
    ASSERT_TRUE(wrote && wrote->endsWith(u"written"_s)) << shell->tail();

    MigrationRequest request;
    request.sourceUri = LibvirtDaemon::localUri();
    request.uuid = uuid;
    request.destinationUri = a->uri();
    request.mode.copyStorage = true;

    // ---- cancelled: a move throttled to 1 MiB/s, Cancel once it reports progress ----------
    {
        Migrator migrator(&dc);
        QSignalSpy progress(&migrator, &Migrator::progress);
        QSignalSpy failed(&migrator, &Migrator::failed);
        QSignalSpy finished(&migrator, &Migrator::finished);
        MigrationRequest slow = request;
        slow.bandwidthMiBs = 1;
        migrator.start(slow);
        ASSERT_TRUE(
            test::waitUntil([&] { return !progress.isEmpty() || !failed.isEmpty(); }, 60'000));
        ASSERT_TRUE(failed.isEmpty()) << text(failed.first().at(0).toString());
        const auto p = progress.last().at(0).value<MigrationProgress>();
        info(u"cancel"_s, u"progress before Cancel: %1% %2"_s.arg(p.percent()).arg(p.text()));
        migrator.cancel();
        ASSERT_TRUE(
            test::waitUntil([&] { return !failed.isEmpty() || !finished.isEmpty(); }, 60'000));
        ASSERT_FALSE(failed.isEmpty()) << "the throttled move finished before Cancel";
        const QString message = failed.first().at(0).toString();
        info(u"cancel"_s, message);
        EXPECT_TRUE(failed.first().at(1).toBool());
        EXPECT_TRUE(message.contains(u"still running"_s)) << text(message);
        EXPECT_EQ(virDomainIsActive(dom), 1);
        const auto alive = shell->run(u"cat /tmp/alive"_s, 60'000);
        EXPECT_EQ(alive.value_or(u"(no answer)"_s), kMarker)
            << "the guest's console on the source after the cancel" << shell->tail();
        virDomainPtr there = virDomainLookupByUUIDString(a->connection(), uuidBuf);
        virResetLastError();
        EXPECT_EQ(there, nullptr) << "a cancelled move left the VM on the destination";
        if (there)
            virDomainFree(there);
        EXPECT_FALSE(hasVolume(a->connection(), kVolume))
            << "the copy libvirt pre-created on the destination was left behind";
    }

    // ---- live with copy storage ------------------------------------------------------------
    shell.reset(); // the source's console ends with its QEMU
    {
        Migrator migrator(&dc);
        QSignalSpy failed(&migrator, &Migrator::failed);
        QSignalSpy finished(&migrator, &Migrator::finished);
        QElapsedTimer clock;
        clock.start();
        migrator.start(request);
        ASSERT_TRUE(
            test::waitUntil([&] { return !failed.isEmpty() || !finished.isEmpty(); }, 240'000));
        ASSERT_TRUE(failed.isEmpty()) << text(failed.first().at(0).toString());
        const auto result = finished.first().at(0).value<MigrationResult>();
        info(u"migrate"_s,
             u"moved in %1 ms (downtime %2 ms)"_s.arg(clock.elapsed()).arg(result.downtimeMs));
        EXPECT_EQ(result.destinationUri, a->uri());
        EXPECT_GE(result.downtimeMs, 0) << "the completed job's downtime, read on the destination";
        virDomainPtr moved = virDomainLookupByUUIDString(a->connection(), uuidBuf);
        ASSERT_NE(moved, nullptr) << text(lastLibvirtError());
        EXPECT_EQ(virDomainIsActive(moved), 1);
        EXPECT_EQ(virDomainIsPersistent(moved), 1);
        virDomainPtr gone = virDomainLookupByUUIDString(conn(), uuidBuf);
        virResetLastError();
        EXPECT_EQ(gone, nullptr) << "still defined on the source";
        if (gone)
            virDomainFree(gone);

        // The same guest answers on A's console: the marker in its memory, and the one on
        // its disk read back from the copied volume (the guest's page cache dropped first).
        {
            QString error;
            const auto there = openSession(a->uri(), &error);
            ASSERT_TRUE(there) << text(error);
            GuestShell onA(there.get(), uuid);
            ASSERT_TRUE(onA.open()) << "the destination's serial console did not open";
            QElapsedTimer answer;
            answer.start();
            const auto memory = onA.run(u"cat /tmp/alive"_s, 60'000);
            EXPECT_EQ(memory.value_or(u"(no answer)"_s), kMarker)
                << "the guest's console on the destination" << onA.tail();
            info(u"migrate"_s,
                 u"the moved guest's shell answered on %1 in %2 ms"_s.arg(a->uri()).arg(
                     answer.elapsed()));
            const auto disk =
                onA.run(u"echo 3 > /proc/sys/vm/drop_caches; dd if=/dev/vda "
                        u"bs=512 skip=1 count=1 2>/dev/null | head -c %1"_s.arg(kMarker.size()),
                        60'000);
            EXPECT_EQ(disk.value_or(u"(no answer)"_s), kMarker)
                << "the disk's marker on the destination" << onA.tail();
        }
        EXPECT_EQ(virDomainDestroy(moved), 0) << text(lastLibvirtError());
        virDomainFree(moved);
        // The inventory moved it.
        EXPECT_TRUE(test::waitUntil(
            [&] { return !dc.session(LibvirtDaemon::localUri())->domain(uuid).has_value(); },
            20'000));
    }
    // ---- offline back: the shut-off VM's definition moves, its volume is there already ----
    {
        ASSERT_TRUE(test::waitUntil(
            [&] {
                const auto d = dc.session(a->uri())->domain(uuid);
                return d && d->state == DomainState::Shutoff;
            },
            20'000));
        const MigrationCheck back =
            await(checkMigration(&dc, a->uri(), uuid, arch::MigrationMode{}), 60'000);
        EXPECT_FALSE(back.running);
        const MigrationTarget *home = back.find(LibvirtDaemon::localUri());
        ASSERT_NE(home, nullptr);
        EXPECT_TRUE(home->possible()) << text(home->reasonLines().join(u'\n'));
        Migrator migrator(&dc);
        QSignalSpy failed(&migrator, &Migrator::failed);
        QSignalSpy finished(&migrator, &Migrator::finished);
        MigrationRequest offline;
        offline.sourceUri = a->uri();
        offline.uuid = uuid;
        offline.destinationUri = LibvirtDaemon::localUri();
        migrator.start(offline);
        ASSERT_TRUE(
            test::waitUntil([&] { return !failed.isEmpty() || !finished.isEmpty(); }, 60'000));
        ASSERT_TRUE(failed.isEmpty()) << text(failed.first().at(0).toString());
        virDomainPtr home2 = virDomainLookupByUUIDString(conn(), uuidBuf);
        ASSERT_NE(home2, nullptr) << "the offline move did not define it here";
        EXPECT_EQ(virDomainIsActive(home2), 0);
        EXPECT_EQ(virDomainIsPersistent(home2), 1);
        virDomainFree(home2);
        virDomainPtr left = virDomainLookupByUUIDString(a->connection(), uuidBuf);
        virResetLastError();
        EXPECT_EQ(left, nullptr) << "still defined on A after the offline move";
        if (left)
            virDomainFree(left);
    }

    // The source volume stays with the source host; remove both copies.
    for (virConnectPtr c : {conn(), a->connection()}) {
        virStoragePoolPtr pool =
            virStoragePoolLookupByName(c, LibvirtDaemon::poolName().toUtf8().constData());
        if (!pool)
            continue;
        virStoragePoolRefresh(pool, 0);
        if (virStorageVolPtr vol = virStorageVolLookupByName(pool, kVolume.toUtf8().constData())) {
            virStorageVolDelete(vol, 0);
            virStorageVolFree(vol);
        }
        virStoragePoolFree(pool);
        virResetLastError();
    }
}

} // namespace
