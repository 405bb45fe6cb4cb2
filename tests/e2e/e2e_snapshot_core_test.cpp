// The snapshot core on the real libvirtd (issue #13): a running x86_64 guest with a qcow2
// disk (no OS: it sits in its firmware, which is all a snapshot needs) takes an internal
// checkpoint and external disk-only snapshots through models/snapshots, the overlays land
// beside the disk, an external snapshot's revert is refused on libvirt < 9.9 before libvirt
// is asked, and deleting an external subtree goes leaf by leaf. What libvirt itself says to
// the calls Crossvirt avoids (DELETE_CHILDREN on an external snapshot, a revert to one) is
// printed, so a libvirt upgrade that changes it shows in the log.

#include "e2e/E2eSupport.h"
#include "models/connection/LibvirtError.h"
#include "models/snapshots/Snapshots.h"
#include "models/storage/StorageJobs.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <gtest/gtest.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

using namespace Qt::StringLiterals;
using namespace crossvirt::test::e2e;
using namespace crossvirt::models;
namespace arch = crossvirt::arch;

namespace {

[[maybe_unused]] ::testing::Environment *const e2eEnvironment =
    ::testing::AddGlobalTestEnvironment(new LibvirtDaemonEnvironment);

class SnapshotCoreE2e : public LibvirtDaemonTest
{
protected:
    void TearDown() override
    {
        // Snapshot metadata keeps a domain from being undefined: drop it, then the guest.
        if (virDomainPtr dom = virDomainLookupByName(conn(), m_name.toUtf8().constData())) {
            virDomainSnapshotPtr *snaps = nullptr;
            const int n = virDomainListAllSnapshots(dom, &snaps, 0);
            for (int i = 0; i < n; ++i) {
                virDomainSnapshotDelete(snaps[i], VIR_DOMAIN_SNAPSHOT_DELETE_METADATA_ONLY);
                virDomainSnapshotFree(snaps[i]);
            }
            free(snaps);
            virDomainDestroy(dom);
            virDomainUndefineFlags(dom, VIR_DOMAIN_UNDEFINE_NVRAM |
                                            VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA);
            virDomainFree(dom);
        }
        virResetLastError();
        LibvirtDaemonTest::TearDown();
    }

    /// What libvirt answers to `call` on snapshot `name` (0 or its message), for the log.
    QString probe(const QString &name, const std::function<int(virDomainSnapshotPtr)> &call)
    {
        virDomainPtr dom = virDomainLookupByName(conn(), m_name.toUtf8().constData());
        virDomainSnapshotPtr snap =
            virDomainSnapshotLookupByName(dom, name.toUtf8().constData(), 0);
        const int rc = snap ? call(snap) : -1;
        const QString out = rc == 0 ? u"done"_s : lastLibvirtError();
        if (snap)
            virDomainSnapshotFree(snap);
        virDomainFree(dom);
        virResetLastError();
        return out;
    }

    /// The file behind the guest's first disk (a volume disk: its volume's path).
    QString diskSource()
    {
        virDomainPtr dom = virDomainLookupByName(conn(), m_name.toUtf8().constData());
        char *xml = virDomainGetXMLDesc(dom, 0);
        const QString text = QString::fromUtf8(xml);
        free(xml);
        virDomainFree(dom);
        const QString disk = text.mid(text.indexOf(u"<disk "_s)).section(u"</disk>"_s, 0, 0);
        const QRegularExpressionMatch file =
            QRegularExpression(u"<source file='([^']+)'"_s).match(disk);
        if (file.hasMatch())
            return file.captured(1);
        const QRegularExpressionMatch vol =
            QRegularExpression(u"<source pool='([^']+)' volume='([^']+)'"_s).match(disk);
        if (!vol.hasMatch())
            return {};
        QString path;
        if (virStoragePoolPtr pool =
                virStoragePoolLookupByName(conn(), vol.captured(1).toUtf8().constData())) {
            if (virStorageVolPtr v =
                    virStorageVolLookupByName(pool, vol.captured(2).toUtf8().constData())) {
                char *p = virStorageVolGetPath(v);
                path = QString::fromUtf8(p);
                free(p);
                virStorageVolFree(v);
            }
            virStoragePoolFree(pool);
        }
        return path;
    }

    QString m_name = LibvirtDaemon::domainPrefix() + u"snapshots"_s;
};

SnapshotRequest request(const QString &name, arch::SnapshotLocation location, bool withMemory)
{
    SnapshotRequest r;
    r.name = name;
    r.location = location;
    r.withMemory = withMemory;
    return r;
}

TEST_F(SnapshotCoreE2e, InternalCheckpointExternalOverlaysAndLeafByLeafDelete)
{
    QString error;
    const auto session = openSession(LibvirtDaemon::localUri(), &error);
    ASSERT_TRUE(session) << error.toStdString();
    const QString guestArch = LibvirtDaemon::hostArch();
    const QString uuid =
        createDefaultGuest(session.get(), daemon(), guestArch, m_name, &error, u"none"_s, 1);
    ASSERT_FALSE(uuid.isEmpty()) << error.toStdString();
    const QString disk = diskSource();
    ASSERT_FALSE(disk.isEmpty());

    VmSnapshots v = await(loadSnapshots(session.get(), uuid));
    info(u"snapshots"_s, u"libvirt %1; internal: %2; external with memory: %3; disk-only: %4"_s.arg(
                             v.facts.hostLibvirtVersion,
                             v.modes.internal.supported ? u"yes"_s : v.modes.internal.reason,
                             v.modes.externalWithMemory.supported ? u"yes"_s : u"no"_s,
                             v.modes.externalDiskOnly.supported ? u"yes"_s : u"no"_s));
    EXPECT_TRUE(v.running);
    EXPECT_EQ(v.facts.writableDiskFormats, QStringList{u"qcow2"_s});
    ASSERT_TRUE(v.modes.externalDiskOnly.supported);

    // ---- external, disks only: overlays beside the disk -------------------------------------
    const SnapshotInfo e1 = await(createSnapshot(
        session.get(), uuid, request(u"e1"_s, arch::SnapshotLocation::External, false)));
    EXPECT_EQ(e1.location, arch::SnapshotLocation::External);
    EXPECT_EQ(e1.state, u"disk-snapshot"_s);
    EXPECT_FALSE(e1.withMemory);
    const QString overlay1 = diskSource();
    info(u"snapshots"_s, u"e1's overlay: %1"_s.arg(overlay1));
    EXPECT_EQ(QFileInfo(overlay1).absolutePath(), QFileInfo(disk).absolutePath());
    EXPECT_TRUE(overlay1.endsWith(u".e1.qcow2"_s)) << overlay1.toStdString();
    EXPECT_TRUE(QFile::exists(overlay1));
    const SnapshotInfo e2 = await(createSnapshot(
        session.get(), uuid, request(u"e2"_s, arch::SnapshotLocation::External, false)));
    EXPECT_EQ(e2.parent, u"e1"_s);
    const QString overlay2 = diskSource();
    EXPECT_TRUE(QFile::exists(overlay2));
    const SnapshotInfo e3 = await(createSnapshot(
        session.get(), uuid, request(u"e3"_s, arch::SnapshotLocation::External, false)));
    EXPECT_EQ(e3.parent, u"e2"_s);
    EXPECT_TRUE(e3.isCurrent);

    // ---- revert: refused before libvirt on < 9.9; what libvirt says itself -----------------
    v = await(loadSnapshots(session.get(), uuid));
    ASSERT_TRUE(v.find(u"e1"_s));
    if (!v.facts.hostRevertsExternal) {
        EXPECT_FALSE(v.find(u"e1"_s)->revert.supported);
        try {
            await(revertSnapshot(session.get(), uuid, u"e1"_s));
            ADD_FAILURE() << "the revert to an external snapshot was not refused";
        } catch (const LibvirtError &e) {
            EXPECT_EQ(e.code(), storage::kStorageRefused) << e.text().toStdString();
        }
        info(u"libvirt"_s,
             u"revert to external e1: "_s + probe(u"e1"_s, [](virDomainSnapshotPtr s) {
                 return virDomainRevertToSnapshot(s, 0);
             }));
    }
    info(u"libvirt"_s, u"delete external e1 with DELETE_CHILDREN: "_s +
                           probe(u"e1"_s, [](virDomainSnapshotPtr s) {
                               return virDomainSnapshotDelete(s,
                                                              VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN);
                           }));
    // The arch withholds deleting an external snapshot alone while it has children; what
    // libvirt does with a middle one (one child, not current):
    EXPECT_FALSE(v.find(u"e2"_s)->remove.supported);
    info(u"libvirt"_s,
         u"delete external e2 alone (one child e3): "_s +
             probe(u"e2"_s, [](virDomainSnapshotPtr s) { return virDomainSnapshotDelete(s, 0); }));

    // ---- delete e1 with its children: leaves first ------------------------------------------
    v = await(loadSnapshots(session.get(), uuid));
    ASSERT_TRUE(v.find(u"e1"_s));
    EXPECT_TRUE(v.find(u"e1"_s)->removeWithChildren.supported)
        << v.find(u"e1"_s)->removeWithChildren.reason.toStdString();
    const QStringList subtree = v.subtree(u"e1"_s);
    EXPECT_EQ(subtree.first(), u"e3"_s);
    EXPECT_EQ(subtree.last(), u"e1"_s);
    QStringList deleted;
    try {
        deleted = await(deleteSnapshot(session.get(), uuid, u"e1"_s, true));
    } catch (...) {
        FAIL() << exceptionText(std::current_exception()).toStdString();
    }
    EXPECT_EQ(deleted, subtree);
    v = await(loadSnapshots(session.get(), uuid));
    EXPECT_TRUE(v.snapshots.isEmpty());
    info(u"snapshots"_s,
         u"after deleting %1 the disk is %2; overlays left: %3 %4"_s.arg(
             deleted.join(u", "_s), diskSource(), QFile::exists(overlay1) ? overlay1 : u"-"_s,
             QFile::exists(overlay2) ? overlay2 : u"-"_s));
    EXPECT_EQ(diskSource(), disk); // merged back into the original disk
    EXPECT_TRUE(await(loadSnapshots(session.get(), uuid)).running);

    // ---- an internal checkpoint, and an external snapshot on top of it -----------------------
    if (!v.modes.internal.supported)
        return; // this host's firmware default (pflash) withholds it; the reason was printed
    const SnapshotInfo cp = await(createSnapshot(
        session.get(), uuid, request(u"cp"_s, arch::SnapshotLocation::Internal, true)));
    EXPECT_EQ(cp.state, u"running"_s);
    EXPECT_TRUE(cp.withMemory);
    EXPECT_EQ(cp.location, arch::SnapshotLocation::Internal);
    await(createSnapshot(session.get(), uuid,
                         request(u"x1"_s, arch::SnapshotLocation::External, false)));
    v = await(loadSnapshots(session.get(), uuid));
    ASSERT_TRUE(v.find(u"x1"_s));
    EXPECT_FALSE(v.find(u"x1"_s)->remove.supported);
    EXPECT_FALSE(v.find(u"cp"_s)->removeWithChildren.supported);
    info(u"libvirt"_s,
         u"delete external x1 (parent: internal cp): "_s +
             probe(u"x1"_s, [](virDomainSnapshotPtr s) { return virDomainSnapshotDelete(s, 0); }));
    info(u"libvirt"_s,
         u"delete internal cp of the running guest, x1's overlay in use: "_s +
             probe(u"cp"_s, [](virDomainSnapshotPtr s) { return virDomainSnapshotDelete(s, 0); }));
}

} // namespace
