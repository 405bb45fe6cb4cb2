// The second-host harness (RemoteHost) for issue 13's migration tests, proven with RAW
// libvirt calls (no Crossvirt migration code): a second libvirtd in its own network and
// mount namespace answers over qemu+tcp on a veth address, lists the guest arches, has or
// lacks the harness network as asked, refuses a machine type hidden from it (also after a
// restart), and a running ppc64le TCG guest migrates live with copy-storage from the main
// daemon to it, its serial shell answering there with the same tmpfs and the disk's data.
// A tunnelled copy-storage migration is refused and a cancelled one leaves the guest
// running on the source; both leave the destination's pre-created volume behind.
// Which flags work and which fail is written down in RemoteHost.h.

#include "common/TestSupport.h"
#include "e2e/E2eSupport.h"
#include "e2e/GuestImage.h"
#include "e2e/RemoteHost.h"
#include "models/connection/HostSession.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <gtest/gtest.h>
#include <libvirt/virterror.h>

#include <atomic>
#include <thread>

using namespace Qt::StringLiterals;
using namespace crossvirt;
using namespace crossvirt::test::e2e;

namespace {

[[maybe_unused]] ::testing::Environment *const e2eEnvironment =
    ::testing::AddGlobalTestEnvironment(new LibvirtDaemonEnvironment);

constexpr int kBootTimeoutMs = 180'000;
const QString kGuest = LibvirtDaemon::domainPrefix() + u"mig"_s;
const QString kVolume = kGuest + u".qcow2"_s;
const QString kMarker = u"crossvirt-migration-marker"_s;

std::string text(const QString &s)
{
    return s.toStdString();
}

struct LibvirtFailure
{
    int code = VIR_ERR_OK;
    QString message;
};

LibvirtFailure lastFailure()
{
    const virErrorPtr err = virGetLastError();
    return err ? LibvirtFailure{err->code, QString::fromUtf8(err->message ? err->message : "")}
               : LibvirtFailure{};
}

// virDomainMigrateToURI3 with typed params (migrate_disks=vda, bandwidth in MiB/s when > 0,
// the migration URI when given); returns 0 or -1 with *failure.
int migrate(virDomainPtr dom, const QString &destUri, unsigned int flags,
            unsigned long long bandwidthMiB, LibvirtFailure *failure,
            const QString &migrationUri = {})
{
    virTypedParameterPtr params = nullptr;
    int count = 0, max = 0;
    virTypedParamsAddString(&params, &count, &max, VIR_MIGRATE_PARAM_MIGRATE_DISKS, "vda");
    if (!migrationUri.isEmpty())
        virTypedParamsAddString(&params, &count, &max, VIR_MIGRATE_PARAM_URI,
                                migrationUri.toUtf8().constData());
    if (bandwidthMiB > 0)
        virTypedParamsAddULLong(&params, &count, &max, VIR_MIGRATE_PARAM_BANDWIDTH, bandwidthMiB);
    const int rc = virDomainMigrateToURI3(dom, destUri.toUtf8().constData(), params, count, flags);
    if (rc != 0 && failure)
        *failure = lastFailure();
    virTypedParamsFree(params, count);
    return rc;
}

bool hasVolume(virConnectPtr conn, const QString &volume)
{
    virStoragePoolPtr pool =
        virStoragePoolLookupByName(conn, LibvirtDaemon::poolName().toUtf8().constData());
    if (!pool)
        return false;
    virStoragePoolRefresh(pool, 0);
    virStorageVolPtr vol = virStorageVolLookupByName(pool, volume.toUtf8().constData());
    if (vol)
        virStorageVolFree(vol);
    virStoragePoolFree(pool);
    return vol != nullptr;
}

void deleteVolume(virConnectPtr conn, const QString &volume)
{
    virStoragePoolPtr pool =
        virStoragePoolLookupByName(conn, LibvirtDaemon::poolName().toUtf8().constData());
    if (!pool)
        return;
    if (virStorageVolPtr vol = virStorageVolLookupByName(pool, volume.toUtf8().constData())) {
        virStorageVolDelete(vol, 0);
        virStorageVolFree(vol);
    }
    virStoragePoolFree(pool);
}

constexpr unsigned int kCopyStorageLive = VIR_MIGRATE_LIVE | VIR_MIGRATE_PEER2PEER |
                                          VIR_MIGRATE_NON_SHARED_DISK | VIR_MIGRATE_PERSIST_DEST |
                                          VIR_MIGRATE_UNDEFINE_SOURCE;

class RemoteHostE2e : public LibvirtDaemonTest
{
protected:
    // Starts a RemoteHost into `host`: skips where it cannot run, fails where it should.
    void startHost(RemoteHost::Options options, std::unique_ptr<RemoteHost> &host)
    {
        host = std::make_unique<RemoteHost>(std::move(options));
        QElapsedTimer clock;
        clock.start();
        if (!host->start()) {
            if (!host->skipReason().isEmpty() &&
                !qEnvironmentVariableIsSet("CROSSVIRT_E2E_REQUIRED"))
                GTEST_SKIP() << text(host->skipReason());
            FAIL() << text(host->skipReason() + host->errorString());
        }
        info(u"remote"_s, u"%1 ready in %2 ms"_s.arg(host->uri()).arg(clock.elapsed()));
    }

    static virConnectPtr open(const QString &uri)
    {
        return virConnectOpen(uri.toUtf8().constData());
    }

    // Whether domain capabilities for aarch64 `machine` (TCG) are given on `conn`.
    static bool offersMachine(virConnectPtr conn, const QString &machine, QString *why)
    {
        char *caps = virConnectGetDomainCapabilities(conn, nullptr, "aarch64",
                                                     machine.toUtf8().constData(), "qemu", 0);
        if (!caps) {
            *why = lastLibvirtError();
            return false;
        }
        free(caps);
        return true;
    }
};

// Offline migration of a shut-off domain with a disk: logs which flag sets libvirt takes
// and whether the disk arrives; leaves nothing behind.
void probeOfflineMigration(RemoteHost *dest)
{
    virConnectPtr src = virConnectOpen(LibvirtDaemon::localUri().toUtf8().constData());
    ASSERT_NE(src, nullptr);
    const QString name = LibvirtDaemon::domainPrefix() + u"offline"_s;
    const QString volume = name + u".qcow2"_s;
    virStoragePoolPtr pool =
        virStoragePoolLookupByName(src, LibvirtDaemon::poolName().toUtf8().constData());
    ASSERT_NE(pool, nullptr);
    const QString volXml = uR"(<volume><name>%1</name><capacity unit='MiB'>16</capacity>
<target><format type='qcow2'/></target></volume>)"_s.arg(volume);
    virStorageVolPtr vol = virStorageVolCreateXML(pool, volXml.toUtf8().constData(), 0);
    ASSERT_NE(vol, nullptr) << text(lastLibvirtError());
    virStorageVolFree(vol);
    virStoragePoolFree(pool);
    const QString xml = uR"(<domain type='qemu'><name>%1</name><memory unit='MiB'>256</memory>
<os><type arch='ppc64le' machine='pseries-7.2'>hvm</type></os><devices>
<disk type='volume' device='disk'><driver name='qemu' type='qcow2'/>
<source pool='%2' volume='%3'/><target dev='vda' bus='virtio'/></disk></devices></domain>)"_s.arg(
        name, LibvirtDaemon::poolName(), volume);
    const struct
    {
        const char *label;
        unsigned int flags;
    } variants[] = {
        {"OFFLINE|PEER2PEER|PERSIST_DEST|NON_SHARED_DISK",
         VIR_MIGRATE_OFFLINE | VIR_MIGRATE_PEER2PEER | VIR_MIGRATE_PERSIST_DEST |
             VIR_MIGRATE_NON_SHARED_DISK},
        {"OFFLINE|PEER2PEER|PERSIST_DEST",
         VIR_MIGRATE_OFFLINE | VIR_MIGRATE_PEER2PEER | VIR_MIGRATE_PERSIST_DEST},
    };
    for (const auto &v : variants) {
        virDomainPtr dom = virDomainDefineXML(src, xml.toUtf8().constData());
        ASSERT_NE(dom, nullptr) << text(lastLibvirtError());
        LibvirtFailure failure;
        const int rc = migrate(dom, dest->uri(), v.flags, 0, &failure);
        virDomainPtr there = virDomainLookupByName(dest->connection(), name.toUtf8().constData());
        info(u"migrate"_s,
             u"%1 of a shut-off domain: %2; defined on the destination: %3, its "
             u"disk there: %4"_s.arg(
                 QString::fromLatin1(v.label),
                 rc == 0 ? u"ok"_s : u"error %1: %2"_s.arg(failure.code).arg(failure.message),
                 there ? u"yes"_s : u"no"_s,
                 hasVolume(dest->connection(), volume) ? u"yes"_s : u"no"_s));
        if (there) {
            virDomainUndefine(there);
            virDomainFree(there);
        }
        virDomainUndefine(dom);
        virDomainFree(dom);
        deleteVolume(dest->connection(), volume);
    }
    deleteVolume(src, volume);
    virConnectClose(src);
}

// ---- the destinations -----------------------------------------------------------------

TEST_F(RemoteHostE2e, DestinationsAnswerWithTheirOwnNetworkPoolAndMachines)
{
    std::unique_ptr<RemoteHost> a, b;
    RemoteHost::Options withAll;
    withAll.poolPath = daemon().poolPath();
    withAll.createNetwork = true;
    withAll.hiddenMachines = {u"virt-7.2"_s};
    startHost(withAll, a);
    if (IsSkipped() || HasFatalFailure())
        return;
    RemoteHost::Options bare;
    bare.index = 1;
    startHost(bare, b);
    if (IsSkipped() || HasFatalFailure())
        return;
    EXPECT_NE(a->uri(), b->uri());

    for (RemoteHost *host : {a.get(), b.get()}) {
        SCOPED_TRACE(text(host->uri()));
        virConnectPtr conn = open(host->uri());
        ASSERT_NE(conn, nullptr) << text(lastLibvirtError());
        char *hostname = virConnectGetHostname(conn);
        EXPECT_NE(hostname, nullptr);
        free(hostname);
        char *capsXml = virConnectGetCapabilities(conn);
        ASSERT_NE(capsXml, nullptr) << text(lastLibvirtError());
        const auto arches = LibvirtDaemon::guestDomainTypes(QString::fromUtf8(capsXml));
        free(capsXml);
        for (const QString &arch : {u"ppc64le"_s, u"aarch64"_s, u"x86_64"_s, u"s390x"_s})
            EXPECT_TRUE(arches.value(arch).contains(u"qemu"_s)) << text(arch);

        virNetworkPtr net =
            virNetworkLookupByName(conn, LibvirtDaemon::networkName().toUtf8().constData());
        EXPECT_EQ(net != nullptr, host == a.get()) << "the network exists only where asked";
        if (net) {
            EXPECT_EQ(virNetworkIsActive(net), 1);
            virNetworkFree(net);
        }
        virConnectClose(conn);
    }

    // The same pool name and path on A, but its own files: a volume made on the main
    // daemon is not there.
    {
        const QString xml = uR"(<volume><name>crossvirt-e2e-private.qcow2</name>
<capacity unit='MiB'>8</capacity><target><format type='qcow2'/></target></volume>)"_s;
        virStoragePoolPtr mainPool =
            virStoragePoolLookupByName(conn(), LibvirtDaemon::poolName().toUtf8().constData());
        ASSERT_NE(mainPool, nullptr) << text(lastLibvirtError());
        virStorageVolPtr vol = virStorageVolCreateXML(mainPool, xml.toUtf8().constData(), 0);
        ASSERT_NE(vol, nullptr) << text(lastLibvirtError());
        virStorageVolFree(vol);
        virStoragePoolFree(mainPool);
        EXPECT_TRUE(hasVolume(conn(), u"crossvirt-e2e-private.qcow2"_s));
        EXPECT_FALSE(hasVolume(a->connection(), u"crossvirt-e2e-private.qcow2"_s))
            << "the destination's pool must not share the source's files";
        char *poolXml = nullptr;
        if (virStoragePoolPtr p = virStoragePoolLookupByName(
                a->connection(), LibvirtDaemon::poolName().toUtf8().constData())) {
            poolXml = virStoragePoolGetXMLDesc(p, 0);
            virStoragePoolFree(p);
        }
        ASSERT_NE(poolXml, nullptr) << text(lastLibvirtError());
        EXPECT_TRUE(QString::fromUtf8(poolXml).contains(daemon().poolPath())) << poolXml;
        free(poolXml);
        deleteVolume(conn(), u"crossvirt-e2e-private.qcow2"_s);
    }

    // virt-7.2 is hidden from A only; its neighbour virt-7.1 is not.
    QString why;
    EXPECT_FALSE(offersMachine(a->connection(), u"virt-7.2"_s, &why));
    EXPECT_TRUE(why.contains(u"virt-7.2"_s) && why.contains(u"not supported"_s)) << text(why);
    info(u"remote"_s, u"hidden machine refused: "_s + why);
    EXPECT_TRUE(offersMachine(a->connection(), u"virt-7.1"_s, &why)) << text(why);
    EXPECT_TRUE(offersMachine(b->connection(), u"virt-7.2"_s, &why)) << text(why);
    EXPECT_TRUE(offersMachine(conn(), u"virt-7.2"_s, &why)) << text(why);

    // libvirt keeps the edited cache: it did not re-probe, and a restarted libvirtd (issue
    // 18's API) still lacks the machine.
    const QDir cache(a->stateDirectory() + u"/cache/qemu/capabilities"_s);
    for (const QString &name : cache.entryList({u"*.xml"_s}, QDir::Files)) {
        QFile f(cache.filePath(name));
        ASSERT_TRUE(f.open(QIODevice::ReadOnly));
        EXPECT_FALSE(f.readAll().contains("name='virt-7.2'")) << "re-probed: " << text(name);
    }
    const qint64 before = a->libvirtdPid();
    ASSERT_TRUE(a->restart()) << text(a->errorString());
    EXPECT_NE(a->libvirtdPid(), before);
    EXPECT_FALSE(offersMachine(a->connection(), u"virt-7.2"_s, &why));

    // Commands run inside the namespace (issue 18: tc netem on the veth).
    QString out;
    EXPECT_EQ(a->runInNamespace({u"ip"_s, u"-4"_s, u"-o"_s, u"addr"_s}, &out), 0) << text(out);
    EXPECT_TRUE(out.contains(a->address() + u"/30"_s) && out.contains(a->namespaceInterface()))
        << text(out);
    EXPECT_FALSE(out.contains(u"192.0.2."_s)) << "the root namespace's addresses: " << text(out);
    if (a->runInNamespace({u"tc"_s, u"-V"_s}) == 0) {
        const QStringList netem = {
            u"tc"_s,   u"qdisc"_s, u"add"_s,   u"dev"_s, a->namespaceInterface(),
            u"root"_s, u"netem"_s, u"delay"_s, u"20ms"_s};
        const int tc = a->runInNamespace(netem, &out);
        if (out.contains(u"qdisc kind is unknown"_s)) // no sch_netem in this kernel
            info(u"remote"_s, u"tc netem is not available here: "_s + out);
        else
            EXPECT_EQ(tc, 0) << text(out);
        virConnectPtr slow = open(a->uri()); // still answers, 40 ms round trips
        EXPECT_NE(slow, nullptr) << text(lastLibvirtError());
        if (slow)
            virConnectClose(slow);
    }

    // stop() leaves no namespace or veth behind.
    const QString ns = a->namespaceName();
    a->stop();
    EXPECT_FALSE(QFile::exists(u"/run/netns/"_s + ns));
    EXPECT_FALSE(QFile::exists(u"/sys/class/net/"_s + a->hostInterface()));
}

// ---- live migration with copy-storage ---------------------------------------------------

TEST_F(RemoteHostE2e, PpcGuestMigratesLiveWithCopyStorageAndACancelledOneStays)
{
    QElapsedTimer total;
    total.start();
    const GuestImage image = guestImageFor(u"ppc64le"_s);
    ASSERT_TRUE(image.ok()) << text(image.error);
    std::unique_ptr<RemoteHost> dest;
    RemoteHost::Options options;
    options.poolPath = daemon().poolPath();
    options.createNetwork = true;
    startHost(options, dest);
    if (IsSkipped() || HasFatalFailure())
        return;

    // A small SLOF-less direct kernel boot: 384 MiB, a 64 MiB qcow2 disk in the harness
    // pool, a virtio NIC on the harness network, the serial console.
    {
        virStoragePoolPtr pool =
            virStoragePoolLookupByName(conn(), LibvirtDaemon::poolName().toUtf8().constData());
        ASSERT_NE(pool, nullptr) << text(lastLibvirtError());
        const QString volXml = uR"(<volume><name>%1</name><capacity unit='MiB'>64</capacity>
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
    auto freeDom = qScopeGuard([&dom] {
        if (dom)
            virDomainFree(dom);
    });
    ASSERT_EQ(virDomainCreate(dom), 0) << text(lastLibvirtError());
    char uuidBuf[VIR_UUID_STRING_BUFLEN];
    virDomainGetUUIDString(dom, uuidBuf);
    const QString uuid = QString::fromLatin1(uuidBuf);

    QString error;
    auto source = openSession(LibvirtDaemon::localUri(), &error);
    ASSERT_TRUE(source) << text(error);
    auto shell = std::make_unique<GuestShell>(source.get(), uuid);
    ASSERT_TRUE(shell->open());
    QElapsedTimer boot;
    boot.start();
    ASSERT_TRUE(shell->waitForReport(kBootTimeoutMs)) << shell->tail();
    info(u"guest"_s, u"ppc64le booted in %1 ms"_s.arg(boot.elapsed()));
    // The marker in the disk's first sector, 8 MiB of random data after it (so the disk copy
    // takes a while at 1 MiB/s), and a file in tmpfs that only the same running guest has.
    const auto wrote =
        shell->run(u"echo %1 | dd of=/dev/vda bs=512 count=1 conv=sync 2>/dev/null && "
                   u"dd if=/dev/urandom of=/dev/vda bs=1M seek=1 count=8 2>/dev/null && sync && "
                   u"echo before-migration > /tmp/alive && echo written"_s.arg(kMarker),
                   60'000);
    ASSERT_TRUE(wrote && wrote->endsWith(u"written"_s)) << shell->tail();

    // 1. Tunnelled copy-storage: refused on libvirt 9.0; the guest stays.
    LibvirtFailure failure;
    EXPECT_NE(migrate(dom, dest->uri(), kCopyStorageLive | VIR_MIGRATE_TUNNELLED, 0, &failure), 0)
        << "libvirt now migrates tunnelled with copy-storage: update RemoteHost.h";
    info(u"migrate"_s,
         u"TUNNELLED|NON_SHARED_DISK: error %1: %2"_s.arg(failure.code).arg(failure.message));
    EXPECT_EQ(virDomainIsActive(dom), 1);
    const bool tunnelLeftVolume = hasVolume(dest->connection(), kVolume);
    info(u"migrate"_s, u"after the refused tunnelled migration the destination %1 the "
                       u"pre-created volume"_s.arg(tunnelLeftVolume ? u"keeps"_s : u"removed"_s));
    deleteVolume(dest->connection(), kVolume);

    // 2. Cancelled: virDomainAbortJob from this thread while another runs the migration
    // throttled to 1 MiB/s (with an explicit VIR_MIGRATE_PARAM_URI, which is accepted); the guest
    // keeps running on the source, nothing on the destination.
    std::atomic<int> rc{1};
    LibvirtFailure cancelFailure;
    QElapsedTimer cancelClock;
    cancelClock.start();
    std::thread migration([&] {
        rc = migrate(dom, dest->uri(), kCopyStorageLive, 1, &cancelFailure, dest->migrationUri());
    });
    virDomainJobInfo job{};
    QElapsedTimer waitJob;
    waitJob.start();
    while (waitJob.elapsed() < 30'000) {
        if (virDomainGetJobInfo(dom, &job) == 0 && job.type == VIR_DOMAIN_JOB_UNBOUNDED &&
            job.dataProcessed + job.fileProcessed > 0 && waitJob.elapsed() > 2'000)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    info(u"migrate"_s, u"job before abort: type %1, data %2/%3 bytes, after %4 ms"_s.arg(job.type)
                           .arg(job.dataProcessed)
                           .arg(job.dataTotal)
                           .arg(waitJob.elapsed()));
    // From its own connection, as a GUI's Cancel would (the migrating one is busy).
    {
        virConnectPtr abortConn = open(LibvirtDaemon::localUri());
        ASSERT_NE(abortConn, nullptr) << text(lastLibvirtError());
        virDomainPtr same = virDomainLookupByUUIDString(abortConn, uuidBuf);
        EXPECT_NE(same, nullptr) << text(lastLibvirtError());
        if (same) {
            EXPECT_EQ(virDomainAbortJob(same), 0) << text(lastLibvirtError()) << "\n"
                                                  << text(daemon().daemonLogTail(15));
            virDomainFree(same);
        }
        virConnectClose(abortConn);
    }
    migration.join();
    EXPECT_EQ(rc.load(), -1) << "the throttled migration finished before it was aborted";
    EXPECT_EQ(cancelFailure.code, VIR_ERR_OPERATION_ABORTED) << text(cancelFailure.message);
    info(u"migrate"_s, u"cancelled after %1 ms: error %2: %3"_s.arg(cancelClock.elapsed())
                           .arg(cancelFailure.code)
                           .arg(cancelFailure.message));
    EXPECT_EQ(virDomainIsActive(dom), 1);
    const auto alive = shell->run(u"cat /tmp/alive"_s);
    EXPECT_EQ(alive.value_or(u"(no answer)"_s), u"before-migration"_s) << shell->tail();
    virDomainPtr there = virDomainLookupByName(dest->connection(), kGuest.toUtf8().constData());
    EXPECT_EQ(there, nullptr) << "a cancelled migration left the domain on the destination";
    if (there)
        virDomainFree(there);
    info(u"migrate"_s,
         u"after the cancelled migration the destination %1 the pre-created "
         u"volume"_s.arg(hasVolume(dest->connection(), kVolume) ? u"keeps"_s : u"removed"_s));
    deleteVolume(dest->connection(), kVolume);

    // 3. Live with copy-storage, peer to peer: the guest runs on the destination, the same
    // one (its tmpfs file), with the disk's data, and is gone from the source.
    shell.reset();
    QElapsedTimer migClock;
    migClock.start();
    ASSERT_EQ(migrate(dom, dest->uri(), kCopyStorageLive, 0, &failure), 0)
        << text(failure.message) << "\n"
        << text(dest->daemonLogTail());
    info(u"migrate"_s, u"LIVE|PEER2PEER|NON_SHARED_DISK|PERSIST_DEST|UNDEFINE_SOURCE with "
                       u"migrate_disks=vda: done in %1 ms"_s.arg(migClock.elapsed()));
    virDomainPtr gone = virDomainLookupByName(conn(), kGuest.toUtf8().constData());
    EXPECT_EQ(gone, nullptr) << "the domain is still defined on the source";
    if (gone)
        virDomainFree(gone);
    virDomainPtr moved = virDomainLookupByName(dest->connection(), kGuest.toUtf8().constData());
    ASSERT_NE(moved, nullptr) << text(lastLibvirtError());
    EXPECT_EQ(virDomainIsActive(moved), 1);
    EXPECT_EQ(virDomainIsPersistent(moved), 1);
    virDomainFree(moved);

    auto destSession = openSession(dest->uri(), &error);
    ASSERT_TRUE(destSession) << text(error);
    GuestShell there2(destSession.get(), uuid);
    ASSERT_TRUE(there2.open());
    const auto same = there2.run(u"cat /tmp/alive"_s, 60'000);
    EXPECT_EQ(same.value_or(u"(no answer)"_s), u"before-migration"_s) << there2.tail();
    const auto disk = there2.run(
        u"echo 3 > /proc/sys/vm/drop_caches; dd if=/dev/vda bs=512 count=1 2>/dev/null | head -c %1"_s
            .arg(kMarker.size()));
    EXPECT_EQ(disk.value_or(u"(no answer)"_s), kMarker) << there2.tail();

    // 4. Offline (a defined, never started domain): what libvirt 9.0 does with and without
    // NON_SHARED_DISK, for the migration helper; only logged and cleaned up.
    probeOfflineMigration(dest.get());

    // 5. The destination's libvirtd killed and restarted (issue 18's API): the guest runs
    // on, and its console answers through the new daemon.
    ASSERT_TRUE(dest->kill(SIGKILL));
    ASSERT_TRUE(crossvirt::test::waitUntil([&] { return dest->libvirtdPid() == 0; }, 10'000));
    ASSERT_TRUE(dest->restart()) << text(dest->errorString());
    virDomainPtr kept = virDomainLookupByName(dest->connection(), kGuest.toUtf8().constData());
    ASSERT_NE(kept, nullptr) << text(lastLibvirtError());
    EXPECT_EQ(virDomainIsActive(kept), 1);
    virDomainFree(kept);
    auto destSession2 = openSession(dest->uri(), &error);
    ASSERT_TRUE(destSession2) << text(error);
    GuestShell after(destSession2.get(), uuid);
    ASSERT_TRUE(after.open());
    const auto still = after.run(u"cat /tmp/alive"_s, 60'000);
    EXPECT_EQ(still.value_or(u"(no answer)"_s), u"before-migration"_s) << after.tail();
    info(u"remote"_s, u"whole test %1 ms"_s.arg(total.elapsed()));
}

} // namespace
