// loadSnapshots / createSnapshot / revertSnapshot / deleteSnapshot on the libvirt test
// driver (tests/snapshots/data/snap-host.xml), which simulates internal snapshots: the
// tree and the current one, names, state after a revert, subtree deletes, and the arch's
// refusals (UEFI running guest, raw disk, external revert on libvirt 9.0) made before
// libvirt is asked.
#include "models/snapshots/Snapshots.h"

#include "common/TestSupport.h"
#include "models/connection/HostSession.h"
#include "models/connection/LibvirtError.h"
#include "models/connection/WorkerJobs.h"
#include "models/storage/StorageJobs.h"

#include <gtest/gtest.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <optional>

using namespace crossvirt;
using namespace crossvirt::models;
using namespace Qt::StringLiterals;
using crossvirt::test::waitUntil;

namespace {

const QString kPlain = u"5a1e0a8e-1c2b-4e5f-9a0b-0000000000d1"_s;
const QString kArmUefi = u"5a1e0a8e-1c2b-4e5f-9a0b-0000000000d2"_s;
const QString kRaw = u"5a1e0a8e-1c2b-4e5f-9a0b-0000000000d3"_s;
const QString kEfiOff = u"5a1e0a8e-1c2b-4e5f-9a0b-0000000000d4"_s;

template<typename T> T wait(QFuture<T> future)
{
    EXPECT_TRUE(waitUntil([&] { return future.isFinished(); }, 10000));
    if constexpr (std::is_void_v<T>)
        future.waitForFinished();
    else
        return future.result();
}

/// The LibvirtError a job failed with, or nullopt when it did not fail.
template<typename T> std::optional<LibvirtError> failure(QFuture<T> future)
{
    try {
        wait(future);
    } catch (const LibvirtError &e) {
        return e;
    }
    return std::nullopt;
}

SnapshotRequest internalNamed(const QString &name)
{
    SnapshotRequest r;
    r.name = name;
    return r;
}

QStringList names(const VmSnapshots &v)
{
    QStringList out;
    for (const SnapshotInfo &s : v.snapshots)
        out << s.name;
    return out;
}

class SnapshotJobsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        // Each connection reads the file afresh: every test starts without snapshots.
        session = std::make_unique<HostSession>(
            u"test://"_s + crossvirt::test::sourcePath(u"tests/snapshots/data/snap-host.xml"_s));
        session->open();
        ASSERT_TRUE(waitUntil([&] { return session->state() == ConnectionState::Connected; }));
    }

    VmSnapshots load(const QString &uuid) { return wait(loadSnapshots(session.get(), uuid)); }
    SnapshotInfo take(const QString &uuid, const QString &name)
    {
        return wait(createSnapshot(session.get(), uuid, internalNamed(name)));
    }
    bool isRunning(const QString &uuid)
    {
        return wait(runOnWorker(session.get(), [uuid](virConnectPtr conn) {
            const DomainHandle dom(virDomainLookupByUUIDString(conn, uuid.toUtf8().constData()));
            return dom && virDomainIsActive(dom.get()) == 1;
        }));
    }
    void destroy(const QString &uuid)
    {
        wait(runOnWorker(session.get(), [uuid](virConnectPtr conn) {
            const DomainHandle dom(virDomainLookupByUUIDString(conn, uuid.toUtf8().constData()));
            ASSERT_TRUE(dom);
            ASSERT_EQ(virDomainDestroy(dom.get()), 0);
        }));
    }
    /// An external snapshot made behind Crossvirt's back (the test driver takes the XML
    /// without DISK_ONLY and simulates it).
    void makeExternal(const QString &uuid, const QString &name)
    {
        wait(runOnWorker(session.get(), [uuid, name](virConnectPtr conn) {
            const DomainHandle dom(virDomainLookupByUUIDString(conn, uuid.toUtf8().constData()));
            const QByteArray xml =
                u"<domainsnapshot><name>%1</name><memory snapshot='external' "
                u"file='/snap-pool/plain.%1.mem'/><disks><disk name='vda' snapshot='external'>"
                u"<source file='/snap-pool/ext.%1.qcow2'/></disk></disks></domainsnapshot>"_s
                    .arg(name)
                    .toUtf8();
            const DomainSnapshotHandle snap(
                virDomainSnapshotCreateXML(dom.get(), xml.constData(), 0));
            ASSERT_TRUE(snap) << virGetLastErrorMessage();
        }));
    }

    std::unique_ptr<HostSession> session;
};

TEST_F(SnapshotJobsTest, ListsTheTreeWithTheCurrentOne)
{
    take(kPlain, u"base"_s);
    take(kPlain, u"first"_s); // child of base
    wait(revertSnapshot(session.get(), kPlain, u"base"_s));
    take(kPlain, u"second"_s); // child of base too, after first

    const VmSnapshots v = load(kPlain);
    EXPECT_EQ(v.vmName, u"plain"_s);
    EXPECT_EQ(v.arch, u"x86_64"_s);
    EXPECT_TRUE(v.running);
    EXPECT_EQ(names(v), (QStringList{u"base"_s, u"first"_s, u"second"_s}));
    EXPECT_EQ(v.current, u"second"_s);
    ASSERT_TRUE(v.find(u"base"_s));
    EXPECT_EQ(v.find(u"base"_s)->children, (QStringList{u"first"_s, u"second"_s}));
    EXPECT_EQ(v.find(u"first"_s)->parent, u"base"_s);
    EXPECT_TRUE(v.find(u"second"_s)->isCurrent);
    EXPECT_FALSE(v.find(u"first"_s)->isCurrent);
    EXPECT_EQ(v.facts.hostLibvirtVersion, u"9.0.0"_s);
    EXPECT_TRUE(v.facts.hostDeletesExternal);
    EXPECT_FALSE(v.facts.hostRevertsExternal);
    EXPECT_EQ(v.facts.writableDiskFormats, QStringList{u"qcow2"_s}); // the CD-ROM is left out
    for (const SnapshotInfo &s : v.snapshots) {
        EXPECT_TRUE(s.revert.supported) << qPrintable(s.name);
        EXPECT_TRUE(s.remove.supported) << qPrintable(s.name);
    }
}

TEST_F(SnapshotJobsTest, TakesAnInternalSnapshotWithASuggestedName)
{
    const VmSnapshots before = load(kPlain);
    EXPECT_TRUE(before.modes.internal.supported) << qPrintable(before.modes.internal.reason);
    EXPECT_TRUE(before.modes.externalWithMemory.supported);
    EXPECT_TRUE(before.modes.externalDiskOnly.supported);

    SnapshotRequest request;
    request.description = u"before the upgrade"_s;
    const SnapshotInfo made = wait(createSnapshot(session.get(), kPlain, request));
    EXPECT_EQ(made.name, u"snapshot1"_s);
    EXPECT_EQ(made.description, u"before the upgrade"_s);
    EXPECT_EQ(made.state, u"running"_s);
    EXPECT_EQ(made.location, arch::SnapshotLocation::Internal);
    EXPECT_TRUE(made.withMemory);
    EXPECT_TRUE(made.isCurrent);
    EXPECT_EQ(made.stateLabel(), u"Running, with memory"_s);
    EXPECT_EQ(wait(createSnapshot(session.get(), kPlain, {})).name, u"snapshot2"_s);
}

TEST_F(SnapshotJobsTest, RefusesATakenNameBeforeLibvirt)
{
    take(kPlain, u"base"_s);
    const auto error = failure(createSnapshot(session.get(), kPlain, internalNamed(u"base"_s)));
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code(), storage::kStorageRefused);
    EXPECT_TRUE(error->text().contains(u"already has a snapshot named “base”"_s))
        << qPrintable(error->text());
    EXPECT_EQ(names(load(kPlain)), QStringList{u"base"_s});
}

TEST_F(SnapshotJobsTest, RevertBringsBackTheStateAndMovesCurrent)
{
    take(kPlain, u"up"_s);
    destroy(kPlain);
    const SnapshotInfo down = take(kPlain, u"down"_s);
    EXPECT_EQ(down.state, u"shutoff"_s);
    EXPECT_FALSE(down.withMemory);
    EXPECT_EQ(down.stateLabel(), u"Shut off, disks"_s);

    wait(revertSnapshot(session.get(), kPlain, u"up"_s));
    EXPECT_TRUE(isRunning(kPlain)); // taken running: it comes back running
    EXPECT_EQ(load(kPlain).current, u"up"_s);

    wait(revertSnapshot(session.get(), kPlain, u"down"_s));
    EXPECT_FALSE(isRunning(kPlain));
    EXPECT_EQ(load(kPlain).current, u"down"_s);

    const auto missing = failure(revertSnapshot(session.get(), kPlain, u"nope"_s));
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->code(), storage::kStorageRefused);
}

TEST_F(SnapshotJobsTest, DeletesASnapshotWithItsChildren)
{
    take(kPlain, u"a"_s);
    take(kPlain, u"b"_s);
    take(kPlain, u"c"_s);
    wait(revertSnapshot(session.get(), kPlain, u"a"_s));
    take(kPlain, u"d"_s); // a → {b → c, d}
    wait(revertSnapshot(session.get(), kPlain, u"b"_s));

    const QStringList deleted = wait(deleteSnapshot(session.get(), kPlain, u"b"_s, true));
    EXPECT_EQ(deleted, (QStringList{u"c"_s, u"b"_s}));
    const VmSnapshots v = load(kPlain);
    EXPECT_EQ(names(v), (QStringList{u"a"_s, u"d"_s}));
    EXPECT_EQ(v.find(u"a"_s)->children, QStringList{u"d"_s});

    // Alone: its child stays, under its parent.
    take(kPlain, u"e"_s);
    EXPECT_EQ(wait(deleteSnapshot(session.get(), kPlain, u"a"_s, false)), QStringList{u"a"_s});
    const VmSnapshots after = load(kPlain);
    EXPECT_FALSE(after.find(u"a"_s));
    ASSERT_TRUE(after.find(u"d"_s));
    EXPECT_TRUE(after.find(u"d"_s)->parent.isEmpty());
}

TEST_F(SnapshotJobsTest, RunningUefiGuestHasNoInternalSnapshot)
{
    const VmSnapshots v = load(kArmUefi);
    EXPECT_EQ(v.arch, u"aarch64"_s);
    EXPECT_FALSE(v.modes.internal.supported);
    EXPECT_TRUE(v.modes.internal.reason.contains(u"boots UEFI from pflash"_s))
        << qPrintable(v.modes.internal.reason);
    EXPECT_TRUE(v.modes.externalDiskOnly.supported);

    const auto error = failure(createSnapshot(session.get(), kArmUefi, internalNamed(u"s"_s)));
    ASSERT_TRUE(error);
    // The arch's reason with the refusal code: the test driver would have taken it.
    EXPECT_EQ(error->code(), storage::kStorageRefused);
    EXPECT_TRUE(error->text().contains(v.modes.internal.reason)) << qPrintable(error->text());
    EXPECT_TRUE(load(kArmUefi).snapshots.isEmpty());
}

TEST_F(SnapshotJobsTest, ShutOffUefiGuestTakesInternalWithANote)
{
    const VmSnapshots v = load(kEfiOff);
    EXPECT_FALSE(v.running);
    EXPECT_TRUE(v.modes.internal.supported) << qPrintable(v.modes.internal.reason);
    EXPECT_TRUE(v.modes.internalNote.contains(u"NVRAM"_s));
    EXPECT_FALSE(v.modes.externalWithMemory.supported);
    EXPECT_EQ(take(kEfiOff, u"offline"_s).state, u"shutoff"_s);
}

TEST_F(SnapshotJobsTest, RawDiskRefusesInternal)
{
    const VmSnapshots v = load(kRaw);
    EXPECT_FALSE(v.modes.internal.supported);
    EXPECT_TRUE(v.modes.internal.reason.contains(u"qcow2"_s));
    EXPECT_TRUE(v.modes.internal.reason.contains(u"raw"_s));
    const auto error = failure(createSnapshot(session.get(), kRaw, internalNamed(u"s"_s)));
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code(), storage::kStorageRefused);
    EXPECT_TRUE(load(kRaw).snapshots.isEmpty());
}

TEST_F(SnapshotJobsTest, ExternalSnapshotCannotBeRevertedOnLibvirt90)
{
    makeExternal(kPlain, u"outside"_s);
    makeExternal(kPlain, u"later"_s);
    const VmSnapshots v = load(kPlain);
    const SnapshotInfo *ext = v.find(u"outside"_s);
    ASSERT_TRUE(ext);
    EXPECT_EQ(ext->location, arch::SnapshotLocation::External);
    EXPECT_EQ(ext->children, QStringList{u"later"_s});
    EXPECT_FALSE(ext->revert.supported);
    EXPECT_TRUE(ext->revert.reason.contains(u"9.0.0"_s)) << qPrintable(ext->revert.reason);
    EXPECT_FALSE(ext->remove.supported); // it has a child
    EXPECT_TRUE(ext->removeWithChildren.supported) << qPrintable(ext->removeWithChildren.reason);
    EXPECT_TRUE(v.find(u"later"_s)->remove.supported); // libvirt 9.0 deletes external leaves

    // The test driver would revert it: the refusal comes first.
    const auto error = failure(revertSnapshot(session.get(), kPlain, u"outside"_s));
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code(), storage::kStorageRefused);
    EXPECT_EQ(load(kPlain).current, u"later"_s);

    // A subtree with an external snapshot goes leaf by leaf (no DELETE_CHILDREN).
    EXPECT_EQ(wait(deleteSnapshot(session.get(), kPlain, u"outside"_s, true)),
              (QStringList{u"later"_s, u"outside"_s}));
    EXPECT_TRUE(load(kPlain).snapshots.isEmpty());
}

TEST_F(SnapshotJobsTest, ExternalSnapshotOnAnInternalOneIsNotDeleted)
{
    // libvirt 9.0: "deleting external snapshot that has internal snapshot as parent not
    // supported" (seen on the real daemon, tests/e2e/e2e_snapshot_core_test.cpp). Refused
    // up front, so a subtree delete never stops half way.
    take(kPlain, u"inside"_s);
    makeExternal(kPlain, u"outside"_s);
    const VmSnapshots v = load(kPlain);
    EXPECT_FALSE(v.find(u"outside"_s)->remove.supported);
    EXPECT_TRUE(v.find(u"outside"_s)->remove.reason.contains(u"internal"_s));
    EXPECT_FALSE(v.find(u"inside"_s)->removeWithChildren.supported);
    EXPECT_TRUE(v.find(u"inside"_s)->removeWithChildren.reason.contains(u"“outside”"_s))
        << qPrintable(v.find(u"inside"_s)->removeWithChildren.reason);
    const auto error = failure(deleteSnapshot(session.get(), kPlain, u"inside"_s, true));
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code(), storage::kStorageRefused);
    EXPECT_EQ(load(kPlain).snapshots.size(), 2);
}

TEST_F(SnapshotJobsTest, ExternalSnapshotNeverWritesOverAFile)
{
    // /snap-pool/plain.old.qcow2 is a volume already: snapshot "old"'s overlay name.
    SnapshotRequest request = internalNamed(u"old"_s);
    request.location = arch::SnapshotLocation::External;
    request.withMemory = false;
    const auto error = failure(createSnapshot(session.get(), kPlain, request));
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code(), storage::kStorageRefused);
    EXPECT_TRUE(error->text().contains(u"/snap-pool/plain.old.qcow2"_s))
        << qPrintable(error->text());
    EXPECT_TRUE(load(kPlain).snapshots.isEmpty());
}

TEST_F(SnapshotJobsTest, LibvirtFailureIsNotARefusal)
{
    // The test driver has no disk-only snapshots: libvirt's own failure, with its text.
    SnapshotRequest request = internalNamed(u"disks"_s);
    request.location = arch::SnapshotLocation::External;
    request.withMemory = false;
    const auto error = failure(createSnapshot(session.get(), kPlain, request));
    ASSERT_TRUE(error);
    EXPECT_NE(error->code(), storage::kStorageRefused);
    EXPECT_TRUE(error->text().contains(u"Taking snapshot “disks” of “plain”"_s))
        << qPrintable(error->text());
    EXPECT_TRUE(load(kPlain).snapshots.isEmpty());
}

} // namespace
