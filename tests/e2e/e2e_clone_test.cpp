// Clone, templates and VM pools (issue 14) on the real libvirtd + QEMU, proven from inside
// the guests (tests/e2e/guest: Debian's kernel + busybox, direct kernel boot, the first
// disk a boot counter) through their serial shells. Every guest boots once, and the
// guests of one round boot at the same time:
//   round 1  a UEFI aarch64 source (pflash NVRAM) and a SLOF ppc64le source, each writes
//            a marker to its disk and shuts down;
//   round 2  their clones (models/clone/VmClone.h) and three VMs of a pool made from the
//            ppc64le source turned template (models/templates: overlays on its disk).
// The clones see the sources' data (boot counter 2, the marker) with new MACs and their
// own NVRAM; the sources' NVRAM and disks are byte for byte what they were; each pool
// member's marker stays its own; the template's base is unchanged.
// Without a boot: a cancelled clone leaves nothing, a template of another arch than the
// cluster's, a deleted base and a pool beyond the storage pool's room are refused with
// nothing made, and crossvirt-cli clone / template list on the real host.

#include "common/TestSupport.h"
#include "e2e/E2eGuests.h"
#include "e2e/E2eSupport.h"
#include "e2e/GuestImage.h"
#include "e2e/GuestReport.h"
#include "models/clone/VmClone.h"
#include "models/connection/HostSession.h"
#include "models/provisioning/HostChoices.h"
#include "models/provisioning/ProvisioningCore.h"
#include "models/provisioning/ProvisioningJobs.h"
#include "models/provisioning/StorageInventory.h"
#include "models/templates/VmPools.h"
#include "models/templates/VmTemplates.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <gtest/gtest.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <vector>

using namespace Qt::StringLiterals;
using namespace crossvirt;
using namespace crossvirt::test::e2e;
using crossvirt::test::waitUntil;
using namespace crossvirt::models;

namespace {

[[maybe_unused]] ::testing::Environment *const e2eEnvironment =
    ::testing::AddGlobalTestEnvironment(new LibvirtDaemonEnvironment);

constexpr double kMiB = 1024.0 * 1024.0;

/// SHA-256 of the file, or of its first `bytes` (a raw disk's data before its hole).
QString sha256Of(const QString &path, qint64 bytes = -1)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    if (bytes < 0) {
        h.addData(&f);
    } else {
        for (qint64 left = bytes; left > 0;) {
            const QByteArray chunk = f.read(std::min<qint64>(left, 4 << 20));
            if (chunk.isEmpty())
                break;
            h.addData(chunk);
            left -= chunk.size();
        }
    }
    return QString::fromLatin1(h.result().toHex());
}

/// Guest shell one-liners: a marker line written to / read from sector `sector` of /dev/DEV.
QString writeMarker(const QString &dev, int sector, const QString &marker)
{
    return u"printf '%1\\n' | dd of=/dev/%2 bs=512 seek=%3 count=1 conv=sync,notrunc "
           u"2>/dev/null; sync; echo written"_s.arg(marker, dev)
               .arg(sector);
}
QString readMarker(const QString &dev, int sector)
{
    return u"dd if=/dev/%1 bs=512 skip=%2 count=1 2>/dev/null | tr -d '\\000' | head -n 1"_s
        .arg(dev)
        .arg(sector);
}

struct CloneOutcome
{
    std::optional<CloneResult> result;
    QString failure;
    bool cancelled = false;
    QList<CloneProgress> progress;
    double seconds = 0;
};

class CloneE2e : public LibvirtDaemonTest
{
protected:
    void SetUp() override
    {
        LibvirtDaemonTest::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        m_clock.start();
        QString error;
        m_session = openSession(LibvirtDaemon::localUri(), &error);
        ASSERT_TRUE(m_session) << error.toStdString();
    }

    void TearDown() override
    {
        m_guests.clear();
        if (m_session) {
            // Pool members and clones first (they are backed by or copied from the others).
            for (auto it = m_madeUuids.crbegin(); it != m_madeUuids.crend(); ++it) {
                if (domainState(*it) < 0) // gone (the inventory may not know a new one yet)
                    continue;
                try {
                    await(m_session->deleteDomain(*it, true), 60'000);
                } catch (...) {
                    info(u"cleanup"_s, exceptionText(std::current_exception()));
                }
            }
        }
        m_session.reset();
        for (const QString &pool : std::as_const(m_extraPools))
            removePool(pool);
        for (const QString &mount : std::as_const(m_mounts))
            QProcess::execute(u"nsenter"_s,
                              nsenterArgs() + QStringList{u"umount"_s, u"-l"_s, mount});
        LibvirtDaemonTest::TearDown();
    }

    void note(const QString &tag, const QString &text)
    {
        info(tag, u"%1 (%2 s)"_s.arg(text, secondsSince(m_clock)));
    }

    /// A domain the fixture deletes (with its volumes) after the test, newest first.
    void remember(const QString &uuid)
    {
        if (!uuid.isEmpty() && !m_madeUuids.contains(uuid))
            m_madeUuids << uuid;
    }

    Guest &newGuest(const QString &arch, const QString &name, const QString &uuid)
    {
        m_guests.push_back(std::make_unique<Guest>());
        Guest &g = *m_guests.back();
        g.arch = arch;
        g.name = name;
        g.uuid = uuid;
        remember(uuid);
        return g;
    }

    /// The harness host's context for guests of `archName`.
    std::optional<GuestHostContext> hostContext(const QString &archName, const QString &machine,
                                                QString *skip)
    {
        return harnessHostContext(m_session.get(), daemon(), archName, machine, skip);
    }

    /// Defines (does not start) the e2e guest of `archName` (E2eGuests.h); the fixture
    /// deletes it after the test.
    QString defineGuest(const QString &archName, const QString &name, const DefineOptions &options,
                        QString *skip, QString *error)
    {
        const QString uuid =
            defineE2eGuest(m_session.get(), daemon(), archName, name, options, skip, error);
        remember(uuid);
        return uuid;
    }

    int domainState(const QString &uuid) { return crossvirt::test::e2e::domainState(conn(), uuid); }
    void shutDown(Guest &g) { shutDownGuest(m_session.get(), conn(), g); }

    /// Runs `plan` with a VmCloner; `onProgress` may cancel.
    CloneOutcome
    runClone(const ClonePlan &plan, int chunkDelayMs = 0,
             const std::function<void(VmCloner &, const CloneProgress &)> &onProgress = {},
             int timeoutMs = 300'000)
    {
        CloneOutcome o;
        VmCloner cloner(m_session.get());
        cloner.setChunkDelayForTesting(chunkDelayMs);
        bool done = false;
        QObject::connect(&cloner, &VmCloner::progress, [&](const CloneProgress &p) {
            o.progress << p;
            if (onProgress)
                onProgress(cloner, p);
        });
        QObject::connect(&cloner, &VmCloner::finished, [&](const CloneResult &r) {
            o.result = r;
            done = true;
        });
        QObject::connect(&cloner, &VmCloner::failed, [&](const QString &message, bool cancelled) {
            o.failure = message;
            o.cancelled = cancelled;
            done = true;
        });
        QElapsedTimer t;
        t.start();
        cloner.start(plan);
        if (!waitUntil([&] { return done; }, timeoutMs)) {
            ADD_FAILURE() << "the clone of " << plan.sourceName.toStdString()
                          << " did not end within " << timeoutMs / 1000 << " s";
            cloner.cancel();
            waitUntil([&] { return done; }, 60'000);
        }
        o.seconds = double(t.elapsed()) / 1000.0;
        return o;
    }

    /// Loads, plans and runs the clone of `sourceUuid` as `newName`; the plan and result.
    std::pair<ClonePlan, CloneOutcome> cloneVm(const QString &sourceUuid, const QString &newName)
    {
        const CloneSource source = await(loadCloneSource(m_session.get(), sourceUuid), 60'000);
        CloneRequest request;
        request.newName = newName;
        const ClonePlan plan = planClone(source, request);
        EXPECT_TRUE(plan.ok()) << plan.problems.join(u"; "_s).toStdString();
        if (!plan.ok())
            return {plan, {}};
        CloneOutcome o = runClone(plan);
        EXPECT_TRUE(o.result.has_value()) << "the clone of " << source.name.toStdString()
                                          << " failed: " << o.failure.toStdString();
        if (o.result) {
            remember(o.result->uuid);
            const double mib = double(plan.bytesToCopy()) / kMiB;
            note(u"clone"_s,
                 u"%1 -> %2: %3 disk(s), %4 MiB copied in %5 s (%6 MiB/s)%7"_s
                     .arg(source.name, newName)
                     .arg(plan.disks.size())
                     .arg(mib, 0, 'f', 1)
                     .arg(o.seconds, 0, 'f', 1)
                     .arg(o.seconds > 0 ? mib / o.seconds : 0.0, 0, 'f', 1)
                     .arg(o.result->nvramPath.isEmpty() ? QString()
                                                        : u", NVRAM "_s + o.result->nvramPath));
        }
        return {plan, o};
    }

    /// Facts of the harness host for a pool of `tmpl`.
    std::optional<PoolHostFacts> harnessHostFacts(const TemplateInfo &tmpl, QString *skip)
    {
        const auto context = hostContext(tmpl.arch, tmpl.machine, skip);
        if (!context)
            return std::nullopt;
        PoolHostFacts facts;
        facts.uri = m_session->uri();
        facts.hostArch = LibvirtDaemon::hostArch();
        facts.context = *context;
        facts.storage = await(fetchStorage(m_session.get()));
        facts.freeMemoryMiB = qint64(virNodeGetFreeMemory(conn()) / (1024 * 1024));
        return facts;
    }

    /// Creates the members of `plan` with a VmPoolCreator; the results in plan order.
    QList<VmPoolMemberResult> createPool(const VmPoolPlan &plan)
    {
        QList<VmPoolMemberResult> results;
        bool done = false;
        VmPoolCreator creator([this](const QString &) { return m_session.get(); });
        QObject::connect(&creator, &VmPoolCreator::finished,
                         [&](const QList<VmPoolMemberResult> &r) {
                             results = r;
                             done = true;
                         });
        creator.start(plan);
        EXPECT_TRUE(waitUntil([&] { return done; }, 300'000)) << "the pool was not made";
        for (const VmPoolMemberResult &r : std::as_const(results))
            remember(r.uuid);
        return results;
    }

    /// The names of the volumes of storage pool `pool` (refreshed).
    QStringList volumeNames(const QString &poolName = LibvirtDaemon::poolName())
    {
        QStringList names;
        virStoragePoolPtr pool = virStoragePoolLookupByName(conn(), poolName.toUtf8().constData());
        if (!pool)
            return names;
        virStoragePoolRefresh(pool, 0);
        char **list = nullptr;
        const int n =
            virStoragePoolListVolumes(pool, nullptr, 0) >= 0 ? virStoragePoolNumOfVolumes(pool) : 0;
        if (n > 0) {
            list = static_cast<char **>(calloc(size_t(n), sizeof(char *)));
            const int got = virStoragePoolListVolumes(pool, list, n);
            for (int i = 0; i < got; ++i) {
                names << QString::fromUtf8(list[i]);
                free(list[i]);
            }
            free(list);
        }
        virStoragePoolFree(pool);
        names.sort();
        return names;
    }

    QStringList domainNames()
    {
        QStringList names;
        virDomainPtr *doms = nullptr;
        const int n = virConnectListAllDomains(conn(), &doms, 0);
        for (int i = 0; i < n; ++i) {
            names << QString::fromUtf8(virDomainGetName(doms[i]));
            virDomainFree(doms[i]);
        }
        free(doms);
        names.sort();
        return names;
    }

    QString inactiveXml(const QString &uuid) { return domainXml(uuid, VIR_DOMAIN_XML_INACTIVE); }
    QString liveXml(const QString &uuid) { return domainXml(uuid, 0); }
    QString domainXml(const QString &uuid, unsigned flags)
    {
        virDomainPtr dom = virDomainLookupByUUIDString(conn(), uuid.toUtf8().constData());
        if (!dom)
            return {};
        char *xml = virDomainGetXMLDesc(dom, flags);
        const QString text = xml ? QString::fromUtf8(xml) : QString();
        free(xml);
        virDomainFree(dom);
        return text;
    }

    /// A directory storage pool over a tmpfs of `sizeMiB` (a pool that is really small);
    /// empty with *skip when the machine cannot mount one.
    QString makeSmallPool(const QString &name, int sizeMiB, QString *skip)
    {
        const QString dir = crossvirt::test::makeTempDir() + u"/small-pool"_s;
        QDir().mkpath(dir);
        // The harness runs libvirtd in a mount namespace of its own: mount there.
        const QStringList mount{
            u"mount"_s, u"-t"_s, u"tmpfs"_s, u"-o"_s, u"size=%1m"_s.arg(sizeMiB), u"tmpfs"_s, dir};
        if (QProcess::execute(u"nsenter"_s, nsenterArgs() + mount) != 0) {
            *skip = u"cannot mount a tmpfs for a small storage pool"_s;
            return {};
        }
        m_mounts << dir;
        const QString xml = u"<pool type='dir'><name>%1</name><target><path>%2</path></target>"
                            u"</pool>"_s.arg(name, dir);
        virStoragePoolPtr pool = virStoragePoolCreateXML(conn(), xml.toUtf8().constData(), 0);
        if (!pool) {
            *skip = u"cannot create the small pool: "_s + lastLibvirtError();
            return {};
        }
        virStoragePoolFree(pool);
        m_extraPools << name;
        return dir;
    }

    /// nsenter's arguments into libvirtd's mount namespace (ours when it has none).
    static QStringList nsenterArgs()
    {
        QFile pidFile(LibvirtDaemon::runDirectory() + u"/libvirtd.pid"_s);
        const QString pid = pidFile.open(QIODevice::ReadOnly)
                                ? QString::fromLatin1(pidFile.readAll()).trimmed()
                                : QString();
        if (pid.isEmpty())
            return {u"-t"_s, QString::number(QCoreApplication::applicationPid()), u"-m"_s, u"--"_s};
        return {u"-t"_s, pid, u"-m"_s, u"--"_s};
    }

    void removePool(const QString &name)
    {
        if (virStoragePoolPtr pool =
                virStoragePoolLookupByName(conn(), name.toUtf8().constData())) {
            virStoragePoolDestroy(pool);
            virStoragePoolFree(pool);
        }
        virResetLastError();
    }

    bool bootTogether(const QList<Guest *> &guests)
    {
        return crossvirt::test::e2e::bootTogether(m_session.get(), guests);
    }

    std::unique_ptr<HostSession> m_session;
    std::vector<std::unique_ptr<Guest>> m_guests;
    QStringList m_madeUuids;
    QStringList m_extraPools;
    QStringList m_mounts;
    QElapsedTimer m_clock;
};

#define SKIP_OR_FAIL(skip, error)                                                                  \
    do {                                                                                           \
        if (!(skip).isEmpty())                                                                     \
            GTEST_SKIP() << (skip).toStdString();                                                  \
        FAIL() << (error).toStdString();                                                           \
    } while (0)

QString macOfFirstNic(const QString &domainXml)
{
    static const QRegularExpression re(u"<mac address=['\"]([0-9a-fA-F:]+)['\"]"_s);
    const auto m = re.match(domainXml);
    return m.hasMatch() ? m.captured(1).toLower() : QString();
}

} // namespace

// ---- the guests: clones of a UEFI and a SLOF VM, a pool from a template -----------------

TEST_F(CloneE2e, UefiAndSlofClonesBootAndPoolMembersKeepTheirOwnOverlays)
{
    const QString prefix = LibvirtDaemon::domainPrefix();
    QString skip, error;
    const QString aarch64Uuid =
        defineGuest(u"aarch64"_s, prefix + u"src-aarch64"_s, {}, &skip, &error);
    if (aarch64Uuid.isEmpty())
        SKIP_OR_FAIL(skip, error);
    const QString ppcUuid = defineGuest(u"ppc64le"_s, prefix + u"src-ppc64le"_s, {}, &skip, &error);
    if (ppcUuid.isEmpty())
        SKIP_OR_FAIL(skip, error);
    Guest &srcA = newGuest(u"aarch64"_s, prefix + u"src-aarch64"_s, aarch64Uuid);
    Guest &srcP = newGuest(u"ppc64le"_s, prefix + u"src-ppc64le"_s, ppcUuid);
    ASSERT_TRUE(inactiveXml(srcA.uuid).contains(u"firmware='efi'"_s))
        << "the aarch64 guest is not UEFI: " << inactiveXml(srcA.uuid).toStdString();

    // Round 1: both sources boot once (boot counter 1 on their disks) and mark their disk.
    ASSERT_TRUE(bootTogether({&srcA, &srcP}));
    for (Guest *g : {&srcA, &srcP}) {
        EXPECT_EQ(g->report->bootCount, 1) << g->name.toStdString();
        ASSERT_FALSE(g->stateDisk().isEmpty()) << g->shell->tail();
        const auto out = g->shell->run(writeMarker(g->stateDisk(), 8, u"SOURCE-"_s + g->arch));
        ASSERT_EQ(out.value_or(QString()), u"written"_s) << g->shell->tail();
    }
    const QString sourceMacA = macOfFirstNic(inactiveXml(srcA.uuid));
    shutDown(srcA);
    shutDown(srcP);

    // What the clones must leave as it is: the source's NVRAM and disks, byte for byte.
    const CloneSource sourceA = await(loadCloneSource(m_session.get(), srcA.uuid), 60'000);
    const CloneSource sourceP = await(loadCloneSource(m_session.get(), srcP.uuid), 60'000);
    ASSERT_FALSE(sourceA.nvramPath.isEmpty())
        << "the UEFI source has no NVRAM: " << sourceA.inactiveXml.toStdString();
    EXPECT_TRUE(sourceP.nvramPath.isEmpty())
        << "a SLOF guest with NVRAM " << sourceP.nvramPath.toStdString();
    ASSERT_EQ(sourceA.disks.size(), 1);
    ASSERT_EQ(sourceP.disks.size(), 1);
    const QString nvramShaA = sha256Of(sourceA.nvramPath);
    const QString diskShaA = sha256Of(sourceA.disks.first().path);
    const QString diskShaP = sha256Of(sourceP.disks.first().path);
    ASSERT_FALSE(nvramShaA.isEmpty()) << "cannot read " << sourceA.nvramPath.toStdString();
    ASSERT_FALSE(diskShaA.isEmpty());
    ASSERT_FALSE(diskShaP.isEmpty());

    // The clones.
    const auto [planA, outA] = cloneVm(srcA.uuid, prefix + u"clone-aarch64"_s);
    ASSERT_TRUE(outA.result);
    EXPECT_FALSE(planA.nvramTarget.isEmpty());
    EXPECT_NE(planA.nvramTarget, sourceA.nvramPath);
    EXPECT_EQ(outA.result->nvramPath, planA.nvramTarget);
    EXPECT_TRUE(QFileInfo::exists(outA.result->nvramPath)) << outA.result->nvramPath.toStdString();
    EXPECT_EQ(sha256Of(outA.result->nvramPath), nvramShaA) << "the NVRAM was not copied as it is";
    // The clone's definition names its own NVRAM file, or none (firmware='efi' chosen by
    // libvirt < 9.2, which then derives <name>_VARS.fd: checked on the running clone).
    const QString cloneXmlA = inactiveXml(outA.result->uuid);
    EXPECT_FALSE(cloneXmlA.contains(sourceA.nvramPath)) << cloneXmlA.toStdString();
    EXPECT_FALSE(cloneXmlA.contains(sourceA.disks.first().path)) << cloneXmlA.toStdString();
    ASSERT_EQ(planA.newMacs.size(), 1);
    EXPECT_NE(planA.newMacs.first().toLower(), sourceMacA);

    const auto [planP, outP] = cloneVm(srcP.uuid, prefix + u"clone-ppc64le"_s);
    ASSERT_TRUE(outP.result);
    EXPECT_TRUE(outP.result->nvramPath.isEmpty());
    EXPECT_EQ(sha256Of(sourceA.nvramPath), nvramShaA) << "cloning changed the source's NVRAM";
    EXPECT_EQ(sha256Of(sourceA.disks.first().path), diskShaA)
        << "cloning changed the source's disk";
    EXPECT_EQ(sha256Of(sourceP.disks.first().path), diskShaP)
        << "cloning changed the source's disk";

    // The ppc64le source becomes a template; a pool of three VMs from it (overlays).
    QElapsedTimer t;
    t.start();
    const TemplateInfo tmpl =
        await(makeTemplate(m_session.get(), srcP.uuid, u"e2e template"_s), 60'000);
    note(u"template"_s,
         u"%1 made a template in %2 s: %3"_s.arg(tmpl.name, secondsSince(t), tmpl.summary));
    EXPECT_TRUE(tmpl.metadata.isTemplate);
    EXPECT_EQ(tmpl.arch, u"ppc64le"_s);
    ASSERT_EQ(tmpl.disks.size(), 1);
    EXPECT_EQ(tmpl.disks.first().path, sourceP.disks.first().path);
    EXPECT_TRUE(inactiveXml(srcP.uuid).contains(u"<readonly/>"_s))
        << "the template's disk is not read-only: " << inactiveXml(srcP.uuid).toStdString();

    const auto facts = harnessHostFacts(tmpl, &skip);
    ASSERT_TRUE(facts) << skip.toStdString();
    VmPoolRequest request;
    request.name = u"e2epool"_s;
    request.namePattern = prefix + u"pool-%d"_s;
    request.count = 3;
    request.diskMode = TemplateDiskMode::Overlay;
    request.allowEmulation = true; // this host emulates ppc64le (TCG)
    request.start = false;         // started below, each with its console open from the start
    const VmPoolPlan poolPlan = planVmPool(tmpl, request, {*facts});
    ASSERT_TRUE(poolPlan.ok()) << poolPlan.problems.join(u"; "_s).toStdString();
    ASSERT_EQ(poolPlan.members.size(), 3);
    t.start();
    const QList<VmPoolMemberResult> made = createPool(poolPlan);
    ASSERT_EQ(made.size(), 3);
    for (const VmPoolMemberResult &r : made)
        ASSERT_TRUE(r.ok) << r.name.toStdString() << ": " << r.message.toStdString();
    note(u"pool"_s, u"3 VMs from %1 in %2 s"_s.arg(tmpl.name, secondsSince(t)));
    for (const VmPoolMemberResult &r : made) {
        // Each member's disk is its own qcow2 overlay on the template's base, writable.
        const CloneSource member = await(loadCloneSource(m_session.get(), r.uuid), 60'000);
        ASSERT_EQ(member.disks.size(), 1) << member.inactiveXml.toStdString();
        EXPECT_NE(member.disks.first().path, tmpl.disks.first().path);
        EXPECT_TRUE(member.disks.first().hasBackingStore)
            << member.disks.first().path.toStdString();
        EXPECT_FALSE(member.disks.first().readOnly) << member.inactiveXml.toStdString();
    }

    // Round 2: both clones and the three members boot at once.
    Guest &cloneA = newGuest(u"aarch64"_s, outA.result->name, outA.result->uuid);
    Guest &cloneP = newGuest(u"ppc64le"_s, outP.result->name, outP.result->uuid);
    QList<Guest *> members;
    for (const VmPoolMemberResult &r : made)
        members << &newGuest(u"ppc64le"_s, r.name, r.uuid);
    QList<Guest *> round2{&cloneA, &cloneP};
    round2 << members;
    t.start();
    const bool allBooted = bootTogether(round2);
    note(u"round 2"_s,
         u"%1 guests booted together in %2 s"_s.arg(round2.size()).arg(secondsSince(t)));

    // The clones carry the sources' data: the boot counter goes on, the marker is there.
    for (Guest *g : {&cloneA, &cloneP}) {
        if (!g->report)
            continue;
        EXPECT_EQ(g->report->bootCount, 2)
            << g->name.toStdString() << ": the source's boot counter was not carried over";
        const auto marker = g->shell->run(readMarker(g->stateDisk(), 8));
        EXPECT_EQ(marker.value_or(QString()), u"SOURCE-"_s + g->arch) << g->shell->tail();
    }
    if (cloneA.report) {
        const QString live = liveXml(cloneA.uuid);
        EXPECT_TRUE(live.contains(outA.result->nvramPath))
            << "the running clone does not use its NVRAM copy: " << live.toStdString();
        EXPECT_FALSE(live.contains(sourceA.nvramPath)) << live.toStdString();
        ASSERT_FALSE(cloneA.report->nics.isEmpty()) << cloneA.shell->tail();
        EXPECT_EQ(cloneA.report->nics.first().mac.toLower(), planA.newMacs.first().toLower());
        EXPECT_NE(cloneA.report->nics.first().mac.toLower(), sourceMacA);
    }

    // Each member writes its own marker; no other member sees it.
    for (int i = 0; i < members.size(); ++i) {
        Guest *g = members[i];
        if (!g->report)
            continue;
        EXPECT_EQ(g->report->bootCount, 2)
            << g->name.toStdString() << ": the template's disk is not behind the overlay";
        const auto out = g->shell->run(writeMarker(g->stateDisk(), 16, u"MEMBER-"_s + g->name));
        EXPECT_EQ(out.value_or(QString()), u"written"_s) << g->shell->tail();
    }
    for (Guest *g : members) {
        if (!g->report)
            continue;
        const auto marker = g->shell->run(readMarker(g->stateDisk(), 16));
        EXPECT_EQ(marker.value_or(QString()), u"MEMBER-"_s + g->name)
            << "the members' overlays are not separate" << g->shell->tail();
    }
    ASSERT_TRUE(allBooted);

    // The sources and the template's base are what they were.
    EXPECT_EQ(sha256Of(sourceA.nvramPath), nvramShaA)
        << "the clone's boot changed the source's NVRAM";
    EXPECT_EQ(sha256Of(sourceA.disks.first().path), diskShaA);
    EXPECT_EQ(sha256Of(tmpl.disks.first().path), diskShaP) << "the template's base changed";
    note(u"done"_s, u"clones and pool checked"_s);
}

// ---- a cancelled clone leaves nothing --------------------------------------------------

TEST_F(CloneE2e, CancelledCloneLeavesNoVolumeNoNvramNoDomain)
{
    const QString prefix = LibvirtDaemon::domainPrefix();
    QString skip, error;
    DefineOptions options;
    options.diskFormat = u"raw"_s;
    options.nic = false;
    const QString uuid =
        defineGuest(u"aarch64"_s, prefix + u"cancel-src"_s, options, &skip, &error);
    if (uuid.isEmpty())
        SKIP_OR_FAIL(skip, error);
    // A start makes libvirt create the NVRAM file from its template; no boot is needed.
    await(m_session->startDomain(uuid), 120'000);
    await(m_session->forceOffDomain(uuid), 60'000);
    ASSERT_TRUE(waitUntil([&] { return domainState(uuid) == VIR_DOMAIN_SHUTOFF; }, 30'000));
    note(u"cancel"_s, u"source started and forced off (its NVRAM made)"_s);

    CloneSource source = await(loadCloneSource(m_session.get(), uuid), 60'000);
    ASSERT_EQ(source.disks.size(), 1);
    ASSERT_FALSE(source.nvramPath.isEmpty());
    ASSERT_TRUE(QFileInfo::exists(source.nvramPath)) << source.nvramPath.toStdString();
    // 64 MiB of data at the start of the raw disk (the rest a hole), so the copy has
    // something to be cancelled in.
    constexpr qint64 kData = qint64(64) << 20;
    {
        QFile f(source.disks.first().path);
        ASSERT_TRUE(f.open(QIODevice::ReadWrite)) << source.disks.first().path.toStdString();
        QByteArray chunk(4 << 20, Qt::Uninitialized);
        for (qint64 done = 0; done < kData; done += chunk.size()) {
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(chunk.data()),
                                                  chunk.size() / 4);
            f.write(chunk);
        }
    }
    source = await(loadCloneSource(m_session.get(), uuid), 60'000);
    const QString diskSha = sha256Of(source.disks.first().path, kData);
    const QString nvramSha = sha256Of(source.nvramPath);
    const QStringList volumesBefore = volumeNames();
    const QStringList filesBefore = QDir(daemon().poolPath()).entryList(QDir::Files);
    const QStringList domainsBefore = domainNames();

    CloneRequest request;
    request.newName = prefix + u"cancel-clone"_s;
    const ClonePlan plan = planClone(source, request);
    ASSERT_TRUE(plan.ok()) << plan.problems.join(u"; "_s).toStdString();
    ASSERT_FALSE(plan.nvramTarget.isEmpty());
    ASSERT_GE(plan.bytesToCopy(), quint64(kData)) << "the source's allocation was not seen";
    // Cancelled a quarter into the disk's data (the NVRAM already copied by then).
    bool cancelSent = false;
    CloneProgress atCancel;
    const CloneOutcome o = runClone(plan, 20, [&](VmCloner &cloner, const CloneProgress &p) {
        // diskDone counts the stream's bytes (holes included), so a quarter of the data.
        if (!cancelSent && !p.volume.isEmpty() && p.diskDone >= quint64(kData / 4) &&
            p.diskDone < quint64(kData)) {
            cancelSent = true;
            atCancel = p;
            cloner.cancel();
        }
    });
    ASSERT_TRUE(cancelSent) << "no progress part way through the disk (" << o.progress.size()
                            << " reports)";
    EXPECT_FALSE(o.result) << "the clone finished although cancelled";
    EXPECT_TRUE(o.cancelled) << o.failure.toStdString();
    note(u"cancel"_s, u"cancelled at %1 of %2 MiB (%3) after %4 s: %5"_s
                          .arg(double(atCancel.diskDone) / kMiB, 0, 'f', 1)
                          .arg(double(atCancel.diskTotal) / kMiB, 0, 'f', 1)
                          .arg(atCancel.text())
                          .arg(o.seconds, 0, 'f', 1)
                          .arg(o.failure));

    EXPECT_EQ(volumeNames(), volumesBefore) << "a volume was left behind";
    EXPECT_EQ(QDir(daemon().poolPath()).entryList(QDir::Files), filesBefore)
        << "a file was left in the pool's directory";
    EXPECT_FALSE(QFileInfo::exists(plan.nvramTarget)) << plan.nvramTarget.toStdString();
    EXPECT_EQ(domainNames(), domainsBefore) << "a domain was defined";
    virDomainPtr dom = virDomainLookupByName(conn(), plan.newName.toUtf8().constData());
    EXPECT_EQ(dom, nullptr);
    if (dom)
        virDomainFree(dom);
    virResetLastError();
    EXPECT_EQ(sha256Of(source.disks.first().path, kData), diskSha) << "the source's disk changed";
    EXPECT_EQ(sha256Of(source.nvramPath), nvramSha) << "the source's NVRAM changed";

    // The same clone, not cancelled: the name is free again, the data arrives whole.
    const auto [full, fullOut] = cloneVm(uuid, plan.newName);
    ASSERT_TRUE(fullOut.result);
    ASSERT_EQ(fullOut.result->newVolumes.size(), 1);
    EXPECT_EQ(sha256Of(fullOut.result->newVolumes.first(), kData), diskSha)
        << "the copy's data differs from the source's";
    EXPECT_EQ(sha256Of(fullOut.result->nvramPath), nvramSha);
}

// ---- templates refused where they cannot go --------------------------------------------

TEST_F(CloneE2e, TemplateRefusedForOtherArchDeletedBaseAndPoolBeyondFreeSpace)
{
    const QString prefix = LibvirtDaemon::domainPrefix();
    QString skip, error;
    const QString uuid = defineGuest(u"ppc64le"_s, prefix + u"tmpl-ppc64le"_s, {}, &skip, &error);
    if (uuid.isEmpty())
        SKIP_OR_FAIL(skip, error);
    const TemplateInfo tmpl = await(makeTemplate(m_session.get(), uuid, u"refusals"_s), 60'000);
    ASSERT_EQ(tmpl.disks.size(), 1);
    const auto facts = harnessHostFacts(tmpl, &skip);
    ASSERT_TRUE(facts) << skip.toStdString();
    const QStringList domainsBefore = domainNames();
    const QStringList volumesBefore = volumeNames();

    // 1. On an x86_64-only cluster: refused, both arches named.
    {
        VmPoolRequest request;
        request.name = u"wrongarch"_s;
        request.namePattern = prefix + u"wrongarch-%d"_s;
        request.count = 2;
        request.clusterArch = u"x86_64"_s;
        request.allowEmulation = true;
        const VmPoolPlan plan = planVmPool(tmpl, request, {*facts});
        EXPECT_FALSE(plan.ok());
        const QString why = plan.problems.join(u"; "_s);
        EXPECT_TRUE(why.contains(u"ppc64le"_s) && why.contains(u"x86_64"_s)) << why.toStdString();
        info(u"refused"_s, u"pool on an x86_64 cluster: "_s + why);

        FromTemplateRequest one;
        one.name = prefix + u"wrongarch"_s;
        const FromTemplatePlan single =
            planFromTemplate(tmpl, one, facts->context, facts->storage, u"x86_64"_s);
        EXPECT_FALSE(single.ok());
        const QString why1 = single.problems.join(u"; "_s);
        EXPECT_TRUE(why1.contains(u"ppc64le"_s) && why1.contains(u"x86_64"_s))
            << why1.toStdString();
        info(u"refused"_s, u"VM on an x86_64 cluster: "_s + why1);
        // The same request on the template's own arch is fine: the refusal is the arch's.
        const FromTemplatePlan same =
            planFromTemplate(tmpl, one, facts->context, facts->storage, u"ppc64le"_s);
        EXPECT_TRUE(same.ok()) << same.problems.join(u"; "_s).toStdString();
    }

    // 2. More pool members than the storage pool has room for: libvirt's "default" pool,
    // where new VMs' volumes go first, is a 2 MiB tmpfs here; 4 members need about 1 MiB
    // each (overlays): refused, the pool named, nothing made.
    {
        const QString smallPool = u"default"_s;
        // A reused daemon may have a "default" pool of its own: not replaced.
        if (facts->storage.pool(smallPool)) {
            info(u"skipped"_s, u"the pool beyond free space: this daemon has a default pool"_s);
        } else {
            const QString dir = makeSmallPool(smallPool, 2, &skip);
            ASSERT_FALSE(dir.isEmpty()) << skip.toStdString();
            const auto smallFacts = harnessHostFacts(tmpl, &skip);
            ASSERT_TRUE(smallFacts) << skip.toStdString();
            const QStringList smallBefore = volumeNames(smallPool);
            VmPoolRequest request;
            request.name = u"toomany"_s;
            request.namePattern = prefix + u"toomany-%02d"_s;
            request.count = 4;
            request.allowEmulation = true;
            const VmPoolPlan plan = planVmPool(tmpl, request, {*smallFacts});
            EXPECT_FALSE(plan.ok()) << "4 members planned in a 2 MiB pool";
            EXPECT_TRUE(plan.members.isEmpty());
            const QString why = plan.problems.join(u"; "_s);
            EXPECT_TRUE(why.contains(smallPool)) << why.toStdString();
            info(u"refused"_s, u"4 members in a 2 MiB pool: "_s + why);
            // A refused plan given to the creator makes nothing either.
            const QList<VmPoolMemberResult> made = createPool(plan);
            for (const VmPoolMemberResult &r : made)
                EXPECT_FALSE(r.ok) << r.name.toStdString() << " was made from a refused plan";
            EXPECT_EQ(volumeNames(smallPool), smallBefore) << "a volume was made";
            EXPECT_EQ(volumeNames(), volumesBefore) << "a volume was made";
            EXPECT_EQ(domainNames(), domainsBefore) << "a domain was made";
            removePool(smallPool);
        }
    }

    // 3. Its base volume deleted behind its back: refused, the volume named.
    {
        const TemplateDisk base = tmpl.disks.first();
        virStoragePoolPtr pool = virStoragePoolLookupByName(conn(), base.pool.toUtf8().constData());
        ASSERT_NE(pool, nullptr) << base.pool.toStdString();
        virStorageVolPtr vol = virStorageVolLookupByName(pool, base.volume.toUtf8().constData());
        ASSERT_NE(vol, nullptr) << base.volume.toStdString();
        ASSERT_EQ(virStorageVolDelete(vol, 0), 0) << lastLibvirtError().toStdString();
        virStorageVolFree(vol);
        virStoragePoolFree(pool);

        const QList<TemplateInfo> listed = await(listTemplates(m_session.get()), 60'000);
        const auto it = std::find_if(listed.cbegin(), listed.cend(),
                                     [&](const TemplateInfo &t) { return t.uuid == tmpl.uuid; });
        ASSERT_NE(it, listed.cend()) << "the template is not listed";
        ASSERT_EQ(it->disks.size(), 1);
        EXPECT_FALSE(it->disks.first().exists);
        const StorageSnapshot storage = await(fetchStorage(m_session.get()));
        FromTemplateRequest one;
        one.name = prefix + u"nobase"_s;
        const FromTemplatePlan plan = planFromTemplate(*it, one, facts->context, storage);
        EXPECT_FALSE(plan.ok());
        const QString why = plan.problems.join(u"; "_s);
        EXPECT_TRUE(why.contains(base.volume)) << why.toStdString();
        info(u"refused"_s, u"deleted base: "_s + why);
    }
    EXPECT_EQ(domainNames(), domainsBefore) << "a refused plan made a domain";
}

// ---- crossvirt-cli clone and template list on the real host ----------------------------

TEST_F(CloneE2e, CliCloneCopiesTheDiskAndTemplateListShowsTheTemplate)
{
    const QString prefix = LibvirtDaemon::domainPrefix();
    QString skip, error;
    DefineOptions options;
    options.nic = false;
    const QString name = prefix + u"cli-src"_s;
    const QString uuid = defineGuest(u"ppc64le"_s, name, options, &skip, &error);
    if (uuid.isEmpty())
        SKIP_OR_FAIL(skip, error);
    const CloneSource source = await(loadCloneSource(m_session.get(), uuid), 60'000);
    ASSERT_EQ(source.disks.size(), 1);
    const QString cli = QStringLiteral(CROSSVIRT_CLI_PATH);
    const QString cloneName = prefix + u"cli-clone"_s;
    const CliRun run = runCliProgram(cli, {u"--connect"_s, u"qemu:///system"_s, u"clone"_s,
                                           u"--vm"_s, name, u"--name"_s, cloneName});
    if (run.exitCode != 0 && run.err.contains(u"Unknown command"_s, Qt::CaseInsensitive))
        GTEST_SKIP() << "this crossvirt-cli has no clone command: " << run.err.toStdString();
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString() << run.out.toStdString();
    info(u"cli"_s, u"clone in %1 ms: %2"_s.arg(run.ms).arg(QString::fromUtf8(
                       QJsonDocument::fromJson(run.out).isNull()
                           ? run.out.trimmed()
                           : QJsonDocument::fromJson(run.out).toJson(QJsonDocument::Compact))));
    virDomainPtr dom = virDomainLookupByName(conn(), cloneName.toUtf8().constData());
    ASSERT_NE(dom, nullptr) << "the clone is not defined";
    char uuidText[VIR_UUID_STRING_BUFLEN];
    virDomainGetUUIDString(dom, uuidText);
    virDomainFree(dom);
    const QString cloneUuid = QString::fromLatin1(uuidText);
    remember(cloneUuid);
    const CloneSource cloned = await(loadCloneSource(m_session.get(), cloneUuid), 60'000);
    ASSERT_EQ(cloned.disks.size(), 1);
    EXPECT_NE(cloned.disks.first().path, source.disks.first().path);
    EXPECT_TRUE(volumeNames(cloned.disks.first().pool).contains(cloned.disks.first().volume))
        << cloned.disks.first().volume.toStdString();
    EXPECT_TRUE(QFileInfo::exists(cloned.disks.first().path));

    const TemplateInfo tmpl = await(makeTemplate(m_session.get(), uuid, u"cli list"_s), 60'000);
    const CliRun list = runCliProgram(
        cli, {u"--connect"_s, u"qemu:///system"_s, u"template"_s, u"list"_s, u"--json"_s});
    if (list.exitCode != 0 && list.err.contains(u"Unknown command"_s, Qt::CaseInsensitive))
        GTEST_SKIP() << "this crossvirt-cli has no template command: " << list.err.toStdString();
    ASSERT_EQ(list.exitCode, 0) << list.err.toStdString();
    const QJsonDocument doc = QJsonDocument::fromJson(list.out);
    ASSERT_FALSE(doc.isNull()) << list.out.toStdString();
    EXPECT_TRUE(list.out.contains(tmpl.name.toUtf8())) << list.out.toStdString();
    EXPECT_TRUE(list.out.contains(tmpl.uuid.toUtf8())) << list.out.toStdString();
    info(u"cli"_s, u"template list --json in %1 ms: %2"_s.arg(list.ms).arg(
                       QString::fromUtf8(doc.toJson(QJsonDocument::Compact)).left(400)));
}
