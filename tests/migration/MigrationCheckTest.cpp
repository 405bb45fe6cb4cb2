// The migration check and the Migrator on the libvirt test driver: the demo datacenter
// (x86_64, ppc64le, aarch64, s390x hosts) plus x86-b (web-01's disk and network, a VM
// named build-02 of its own), x86-c (no network, no pool) and a host that is not connected.
#include "common/TestSupport.h"
#include "models/connection/Datacenter.h"
#include "models/connection/HostSession.h"
#include "models/connection/LibvirtError.h"
#include "models/migration/Migration.h"

#include <QSignalSpy>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace crossvirt;
using namespace crossvirt::models;

namespace {

const QString kWeb01 = u"930cd30f-8ba1-5a6e-bab9-7271db27edb6"_s; // x86_64 KVM, q35, default net
const QString kDb01 = u"faa02943-9188-5cf2-98b2-1c60f59f184b"_s;  // x86_64, host-passthrough
const QString kBuild02 = u"211de7a1-81e3-585c-b974-67e4f1d60783"_s;

QString demoUri(const char *arch)
{
    return u"test://"_s +
           test::sourcePath(u"resources/demo/demo-%1.xml"_s.arg(QLatin1String(arch)));
}
QString dataUri(const char *name)
{
    return u"test://"_s +
           test::sourcePath(u"tests/migration/data/%1.xml"_s.arg(QLatin1String(name)));
}

bool hasProblem(const MigrationTarget &t, const QString &what, const QString &inReason = {})
{
    for (const arch::PortabilityProblem &p : t.problems) {
        if (p.what.startsWith(what) && p.reason.contains(inReason))
            return true;
    }
    return false;
}

class MigrationCheckTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        datacenter.useTransient({demoUri("x86_64"), demoUri("ppc64le"), demoUri("aarch64"),
                                 demoUri("s390x"), dataUri("x86-b"), dataUri("x86-c")});
        offline = datacenter.addConnection(
            SavedConnection{u"test:///nowhere/offline-host.xml"_s, u"Offline host"_s, false});
        ASSERT_TRUE(test::waitUntil(
            [&] {
                for (HostSession *s : datacenter.sessions()) {
                    if (s == offline)
                        continue;
                    const bool empty = s->uri().contains(u"x86-c"_s); // a host without VMs
                    if (s->state() != ConnectionState::Connected ||
                        (s->domains().isEmpty() && !empty))
                        return false;
                }
                return true;
            },
            10000));
    }

    MigrationCheck check(const QString &uuid, arch::MigrationMode mode = {})
    {
        QFuture<MigrationCheck> f = checkMigration(&datacenter, demoUri("x86_64"), uuid, mode);
        EXPECT_TRUE(test::waitUntil([&] { return f.isFinished(); }, 10000));
        return f.result();
    }

    static void print(const MigrationCheck &c)
    {
        for (const MigrationTarget &t : c.targets) {
            std::cout << t.displayName.toStdString() << (t.possible() ? ": possible" : ":") << "\n";
            for (const QString &l : t.reasonLines())
                std::cout << "    " << l.toStdString() << "\n";
            for (const QString &n : t.notes)
                std::cout << "    note: " << n.toStdString() << "\n";
        }
    }

    Datacenter datacenter{ConnectionStore(test::makeTempDir() + u"/c.json"_s)};
    HostSession *offline = nullptr;
};

} // namespace

TEST_F(MigrationCheckTest, ListsEveryOtherHostByNameWithTheVm)
{
    const MigrationCheck c = check(kWeb01);
    print(c);
    EXPECT_EQ(c.vmName, u"web-01"_s);
    EXPECT_EQ(c.arch, u"x86_64"_s);
    EXPECT_TRUE(c.running);
    ASSERT_EQ(c.targets.size(), 6) << "every host but the source";
    EXPECT_EQ(c.find(demoUri("x86_64")), nullptr);
    QStringList names;
    for (const MigrationTarget &t : c.targets)
        names << t.displayName;
    QStringList sorted = names;
    std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) {
        return QString::localeAwareCompare(a, b) < 0;
    });
    EXPECT_EQ(names, sorted);
}

TEST_F(MigrationCheckTest, CrossArchDestinationIsRefusedNamingTheArch)
{
    const MigrationCheck c = check(kWeb01);
    const MigrationTarget *power = c.find(demoUri("ppc64le"));
    ASSERT_NE(power, nullptr);
    EXPECT_FALSE(power->possible());
    // A test-driver POWER host could emulate x86_64, but this guest is KVM: its state
    // cannot be loaded into an emulator.
    EXPECT_TRUE(hasProblem(*power, u"Native (KVM)"_s, u"x86_64"_s))
        << power->reasonLines().join(u'\n').toStdString();
    EXPECT_FALSE(c.possibleUris().contains(demoUri("ppc64le")));
}

TEST_F(MigrationCheckTest, SameArchHostWithTheDiskAndNetworkIsPossible)
{
    const MigrationCheck c = check(kWeb01);
    const MigrationTarget *b = c.find(dataUri("x86-b"));
    ASSERT_NE(b, nullptr);
    EXPECT_TRUE(b->connected);
    EXPECT_TRUE(b->possible()) << b->reasonLines().join(u'\n').toStdString();
    EXPECT_TRUE(b->storageShared);
    EXPECT_TRUE(b->disksToCopy.isEmpty());
    // The user is told which disk is trusted to be shared (a path cannot prove it).
    ASSERT_EQ(b->notes.size(), 1);
    EXPECT_TRUE(b->notes.first().contains(u"vda (/var/lib/libvirt/images/web-01.qcow2)"_s));
    EXPECT_EQ(c.possibleUris(), QStringList{dataUri("x86-b")});
}

TEST_F(MigrationCheckTest, DisconnectedHostIsListedAsNotConnected)
{
    const MigrationCheck c = check(kWeb01);
    const MigrationTarget *t = c.find(offline->uri());
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->displayName, u"Offline host"_s);
    EXPECT_FALSE(t->connected);
    EXPECT_FALSE(t->possible());
    ASSERT_FALSE(t->reasonLines().isEmpty());
    EXPECT_TRUE(t->reasonLines().first().contains(u"Not connected"_s));
}

TEST_F(MigrationCheckTest, MissingNetworkIsNamed)
{
    const MigrationCheck c = check(kWeb01);
    const MigrationTarget *t = c.find(dataUri("x86-c"));
    ASSERT_NE(t, nullptr);
    EXPECT_TRUE(hasProblem(*t, u"Network default"_s, u"“default”"_s))
        << t->reasonLines().join(u'\n').toStdString();
}

TEST_F(MigrationCheckTest, StorageNotSharedNeedsCopyStorageAndAPoolThere)
{
    arch::MigrationMode noCopy;
    const MigrationCheck c = check(kDb01, noCopy);
    print(c);
    const MigrationTarget *b = c.find(dataUri("x86-b"));
    ASSERT_NE(b, nullptr);
    EXPECT_FALSE(b->storageShared);
    EXPECT_TRUE(hasProblem(*b, u"Storage"_s,
                           u"sda (/var/lib/libvirt/images/db-01.qcow2) is not on that host: "
                           "choose Copy storage"_s))
        << b->reasonLines().join(u'\n').toStdString();

    arch::MigrationMode copy;
    copy.copyStorage = true;
    const MigrationCheck withCopy = check(kDb01, copy);
    const MigrationTarget *b2 = withCopy.find(dataUri("x86-b"));
    ASSERT_NE(b2, nullptr);
    EXPECT_FALSE(hasProblem(*b2, u"Storage"_s)) << b2->reasonLines().join(u'\n').toStdString();
    EXPECT_EQ(b2->disksToCopy, QStringList{u"sda"_s});
    // x86-c has no pool in the disk's folder, where libvirt would create the copy.
    const MigrationTarget *c2 = withCopy.find(dataUri("x86-c"));
    ASSERT_NE(c2, nullptr);
    EXPECT_TRUE(hasProblem(*c2, u"Storage"_s, u"/var/lib/libvirt/images"_s))
        << c2->reasonLines().join(u'\n').toStdString();
}

TEST_F(MigrationCheckTest, VmOfTheSameNameThereIsRefused)
{
    const MigrationCheck c = check(kBuild02);
    const MigrationTarget *b = c.find(dataUri("x86-b"));
    ASSERT_NE(b, nullptr);
    EXPECT_TRUE(hasProblem(*b, u"Name"_s, u"build-02"_s))
        << b->reasonLines().join(u'\n').toStdString();
}

TEST_F(MigrationCheckTest, UnknownVmFailsTheCheck)
{
    QFuture<MigrationCheck> f = checkMigration(&datacenter, demoUri("x86_64"),
                                               u"00000000-0000-0000-0000-000000000000"_s, {});
    ASSERT_TRUE(test::waitUntil([&] { return f.isFinished(); }, 10000));
    EXPECT_THROW(f.waitForFinished(), LibvirtError);
}

TEST_F(MigrationCheckTest, MigratorRefusesBeforeLibvirtWhenTheCheckFails)
{
    Migrator migrator(&datacenter);
    QSignalSpy failed(&migrator, &Migrator::failed);
    QSignalSpy progress(&migrator, &Migrator::progress);
    MigrationRequest r;
    r.sourceUri = demoUri("x86_64");
    r.uuid = kWeb01;
    r.destinationUri = demoUri("ppc64le");
    migrator.start(r);
    EXPECT_TRUE(migrator.isRunning());
    ASSERT_TRUE(test::waitUntil([&] { return !failed.isEmpty(); }, 10000));
    EXPECT_FALSE(migrator.isRunning());
    const QString message = failed.first().at(0).toString();
    EXPECT_TRUE(message.contains(u"web-01"_s)) << message.toStdString();
    EXPECT_TRUE(message.contains(u"Native (KVM)"_s)) << message.toStdString();
    EXPECT_FALSE(failed.first().at(1).toBool());
    EXPECT_TRUE(progress.isEmpty());
    // Nothing moved.
    EXPECT_TRUE(datacenter.session(demoUri("x86_64"))->domain(kWeb01).has_value());
    EXPECT_FALSE(datacenter.session(demoUri("ppc64le"))->domain(kWeb01).has_value());
}

TEST_F(MigrationCheckTest, MigratorReportsLibvirtsFailureAndWhereTheVmIs)
{
    // The test driver cannot migrate: the check allows x86-b, libvirt then refuses.
    Migrator migrator(&datacenter);
    QSignalSpy failed(&migrator, &Migrator::failed);
    QSignalSpy finished(&migrator, &Migrator::finished);
    MigrationRequest r;
    r.sourceUri = demoUri("x86_64");
    r.uuid = kWeb01;
    r.destinationUri = dataUri("x86-b");
    migrator.start(r);
    ASSERT_TRUE(test::waitUntil([&] { return !failed.isEmpty() || !finished.isEmpty(); }, 10000));
    ASSERT_FALSE(failed.isEmpty());
    const QString message = failed.first().at(0).toString();
    std::cout << message.toStdString() << "\n";
    EXPECT_TRUE(message.contains(u"Could not move “web-01”"_s)) << message.toStdString();
    EXPECT_TRUE(message.contains(u"It is still running on"_s)) << message.toStdString();
    EXPECT_FALSE(failed.first().at(1).toBool());
    EXPECT_TRUE(datacenter.session(demoUri("x86_64"))->domain(kWeb01).has_value());
}
