#include "OsinfoDbFiles.h"

#include "arch/ArchRegistry.h"
#include "common/TestSupport.h"
#include "models/osinfo/OsCatalogue.h"

#include <QDir>
#include <QThread>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using crossvirt::models::OsCatalogue;
using crossvirt::models::OsEntry;
using crossvirt::models::OsResources;

namespace {

constexpr qint64 MiB = 1024 * 1024;

// Arches Crossvirt targets plus i686, which osinfo-db lists beside x86_64.
const QStringList kArches = {u"x86_64"_s, u"i686"_s,  u"aarch64"_s, u"ppc64le"_s,
                             u"ppc64"_s,  u"s390x"_s, u"riscv64"_s};

const OsCatalogue &dbCatalogue()
{
    static const OsCatalogue catalogue = OsCatalogue::load(crossvirt::test::osinfoDbDir());
    return catalogue;
}

const QHash<QString, crossvirt::test::OsinfoDbOs> &dbFiles()
{
    static const auto files = crossvirt::test::readOsinfoDbFiles(crossvirt::test::osinfoDbDir());
    return files;
}

QStringList ids(const QList<OsEntry> &entries)
{
    QStringList result;
    for (const OsEntry &e : entries)
        result << e.id;
    return result;
}

// Sets environment variables for one scope and restores them after.
class ScopedEnv
{
public:
    void set(const char *name, const QByteArray &value)
    {
        m_saved.append({name, qgetenv(name), qEnvironmentVariableIsSet(name)});
        qputenv(name, value);
    }
    ~ScopedEnv()
    {
        for (auto it = m_saved.crbegin(); it != m_saved.crend(); ++it) {
            if (it->wasSet)
                qputenv(it->name, it->value);
            else
                qunsetenv(it->name);
        }
    }

private:
    struct Saved
    {
        const char *name;
        QByteArray value;
        bool wasSet;
    };
    QList<Saved> m_saved;
};

class OsCatalogueWithDb : public testing::Test
{
protected:
    void SetUp() override
    {
        if (!QDir(crossvirt::test::osinfoDbDir() + u"/os"_s).exists())
            GTEST_SKIP() << "osinfo-db is not installed (no "
                         << qPrintable(crossvirt::test::osinfoDbDir()) << "/os)";
        ASSERT_FALSE(dbCatalogue().isFallback()) << qPrintable(dbCatalogue().notice());
    }
};

} // namespace

TEST_F(OsCatalogueWithDb, Ppc64leListsRhelOrUbuntuAndOnlyOsesWithPpc64leData)
{
    const QList<OsEntry> ppc = dbCatalogue().forArch(u"ppc64le"_s, true);
    ASSERT_FALSE(ppc.isEmpty());
    bool rhelOrUbuntu = false;
    for (const OsEntry &entry : ppc) {
        rhelOrUbuntu = rhelOrUbuntu || entry.distro == u"rhel" || entry.distro == u"ubuntu";
        EXPECT_TRUE(entry.arches.contains(u"ppc64le"_s)) << qPrintable(entry.id);
        // The XML itself must name ppc64le on a media, tree, image or resources element.
        ASSERT_TRUE(dbFiles().contains(entry.osinfoId)) << qPrintable(entry.osinfoId);
        EXPECT_TRUE(dbFiles().value(entry.osinfoId).arches.contains(u"ppc64le"_s))
            << qPrintable(entry.id) << " has no ppc64le media, tree, image or resources";
    }
    EXPECT_TRUE(rhelOrUbuntu) << qPrintable(ids(ppc).join(u' '));
    EXPECT_TRUE(ids(ppc).contains(u"rhel9.0"_s));
}

TEST_F(OsCatalogueWithDb, X86OnlyOsIsNotOfferedForPpc64le)
{
    const auto win10 = dbCatalogue().find(u"win10"_s);
    ASSERT_TRUE(win10.has_value());
    EXPECT_TRUE(win10->arches.contains(u"x86_64"_s));
    EXPECT_FALSE(win10->arches.contains(u"ppc64le"_s));
    EXPECT_FALSE(ids(dbCatalogue().forArch(u"ppc64le"_s, true)).contains(u"win10"_s));
    EXPECT_TRUE(ids(dbCatalogue().forArch(u"x86_64"_s, true)).contains(u"win10"_s));
}

TEST_F(OsCatalogueWithDb, CountPerArchMatchesOsinfoDbFilesAndAllAddsNoArch)
{
    EXPECT_EQ(dbCatalogue().entries().size(), dbFiles().size());
    for (const QString &arch : kArches) {
        int expected = 0;
        for (const auto &os : dbFiles())
            expected += os.arches.contains(arch) ? 1 : 0;
        EXPECT_EQ(dbCatalogue().count(arch), expected) << qPrintable(arch);
        EXPECT_EQ(dbCatalogue().forArch(arch, true).size(), expected) << qPrintable(arch);
    }
    // An OS whose only arch statement is "all" belongs to no arch's list.
    for (const OsEntry &entry : dbCatalogue().entries()) {
        EXPECT_FALSE(entry.arches.contains(u"all"_s)) << qPrintable(entry.id);
        QSet<QString> named = dbFiles().value(entry.osinfoId).arches;
        named.remove(u"all"_s);
        EXPECT_EQ(QSet<QString>(entry.arches.cbegin(), entry.arches.cend()), named)
            << qPrintable(entry.id);
    }
    EXPECT_FALSE(dbCatalogue().arches().contains(u"all"_s));
}

TEST_F(OsCatalogueWithDb, Riscv64CountIsWhatOsinfoDbHas)
{
    int expected = 0;
    for (const auto &os : dbFiles())
        expected += os.arches.contains(u"riscv64"_s) ? 1 : 0;
    EXPECT_EQ(dbCatalogue().count(u"riscv64"_s), expected);
    EXPECT_EQ(dbCatalogue().forArch(u"riscv64"_s, true).size(), expected);
    EXPECT_FALSE(dbCatalogue().isFallback());
}

TEST_F(OsCatalogueWithDb, EndOfLifeHiddenByDefaultAndShownWhenAsked)
{
    const auto fedora20 = dbCatalogue().find(u"fedora20"_s);
    ASSERT_TRUE(fedora20.has_value());
    EXPECT_TRUE(fedora20->endOfLife);
    EXPECT_FALSE(ids(dbCatalogue().forArch(u"x86_64"_s)).contains(u"fedora20"_s));
    EXPECT_TRUE(ids(dbCatalogue().forArch(u"x86_64"_s, true)).contains(u"fedora20"_s));

    for (const QString &arch : {u"x86_64"_s, u"ppc64le"_s, u"s390x"_s}) {
        const QList<OsEntry> current = dbCatalogue().forArch(arch);
        const QList<OsEntry> all = dbCatalogue().forArch(arch, true);
        EXPECT_LT(current.size(), all.size()) << qPrintable(arch);
        EXPECT_FALSE(current.isEmpty()) << qPrintable(arch);
        for (const OsEntry &entry : current)
            EXPECT_FALSE(entry.endOfLife) << qPrintable(entry.id);
        int endOfLife = 0;
        for (const OsEntry &entry : all)
            endOfLife += entry.endOfLife ? 1 : 0;
        EXPECT_EQ(current.size() + endOfLife, all.size()) << qPrintable(arch);
    }
}

TEST(OsCatalogueRules, EndOfLifeRule)
{
    const QDate today(2026, 6, 1);
    const QString released = u"released"_s;
    // Past eol-date: EOL, whatever the release date.
    EXPECT_TRUE(OsCatalogue::isEndOfLife(QDate(2026, 5, 31), QDate(2025, 1, 1), released, today));
    EXPECT_FALSE(OsCatalogue::isEndOfLife(QDate(2026, 6, 2), QDate(2010, 1, 1), released, today));
    // No eol-date: more than five years since release.
    EXPECT_TRUE(OsCatalogue::isEndOfLife({}, QDate(2021, 5, 31), released, today));
    EXPECT_FALSE(OsCatalogue::isEndOfLife({}, QDate(2021, 6, 2), released, today));
    // Rolling releases and undated entries never age out.
    EXPECT_FALSE(OsCatalogue::isEndOfLife({}, QDate(2010, 1, 1), u"rolling"_s, today));
    EXPECT_FALSE(OsCatalogue::isEndOfLife({}, {}, released, today));
}

TEST_F(OsCatalogueWithDb, SearchNarrowsCaseInsensitivelyOnNameIdAndVendor)
{
    const QList<OsEntry> all = dbCatalogue().forArch(u"ppc64le"_s, true);
    const QList<OsEntry> ubuntu = dbCatalogue().forArch(u"ppc64le"_s, true, u"UBUNTU"_s);
    ASSERT_FALSE(ubuntu.isEmpty());
    EXPECT_LT(ubuntu.size(), all.size());
    for (const OsEntry &entry : ubuntu)
        EXPECT_TRUE(entry.name.contains(u"ubuntu"_s, Qt::CaseInsensitive) ||
                    entry.id.contains(u"ubuntu"_s) ||
                    entry.vendor.contains(u"ubuntu"_s, Qt::CaseInsensitive))
            << qPrintable(entry.id);
    EXPECT_EQ(ids(ubuntu), ids(dbCatalogue().forArch(u"ppc64le"_s, true, u"ubuntu"_s)));

    // By short-id, and by vendor plus version words.
    EXPECT_EQ(ids(dbCatalogue().forArch(u"ppc64le"_s, true, u"rhel9.0"_s)),
              QStringList{u"rhel9.0"_s});
    const QStringList redHat9 = ids(dbCatalogue().forArch(u"ppc64le"_s, true, u"red hat 9.0"_s));
    EXPECT_TRUE(redHat9.contains(u"rhel9.0"_s)) << qPrintable(redHat9.join(u' '));
    EXPECT_FALSE(redHat9.contains(u"rhel8.6"_s));
    EXPECT_TRUE(dbCatalogue().forArch(u"ppc64le"_s, true, u"no-such-os-xyz"_s).isEmpty());
}

TEST_F(OsCatalogueWithDb, NewestReleaseFirstWithinADistro)
{
    const QList<OsEntry> ppc = dbCatalogue().forArch(u"ppc64le"_s, true);
    QStringList seenDistros;
    for (int i = 0; i < ppc.size(); ++i) {
        const OsEntry &entry = ppc.at(i);
        if (i > 0 && ppc.at(i - 1).distro == entry.distro) {
            const QDate previous = ppc.at(i - 1).releaseDate;
            if (previous.isValid()) {
                EXPECT_TRUE(entry.releaseDate.isValid() && entry.releaseDate <= previous)
                    << qPrintable(ppc.at(i - 1).id) << " before " << qPrintable(entry.id);
            }
        } else {
            EXPECT_FALSE(seenDistros.contains(entry.distro))
                << "distro " << qPrintable(entry.distro) << " is split";
            seenDistros << entry.distro;
        }
    }
    const QStringList order = ids(ppc);
    EXPECT_LT(order.indexOf(u"ubuntu22.04"_s), order.indexOf(u"ubuntu20.04"_s));
}

TEST_F(OsCatalogueWithDb, RecommendedResourcesComeFromTheArchThenAll)
{
    const auto rhel9 = dbCatalogue().find(u"rhel9.0"_s);
    ASSERT_TRUE(rhel9.has_value());
    const OsResources ppc = dbCatalogue().recommendedFor(*rhel9, u"ppc64le"_s);
    EXPECT_GT(ppc.ramMiB, 0);
    EXPECT_GT(ppc.vcpus, 0);
    EXPECT_GT(ppc.storageGiB, 0);

    int archSpecific = 0;
    int fromAll = 0;
    for (const OsEntry &entry : dbCatalogue().entries()) {
        const auto &files = dbFiles().value(entry.osinfoId);
        for (const QString &arch : entry.arches) {
            const OsResources rec = entry.recommendedFor(arch);
            const OsResources min = entry.minimumFor(arch);
            ASSERT_GT(rec.ramMiB, 0) << qPrintable(entry.id);
            ASSERT_GT(rec.vcpus, 0) << qPrintable(entry.id);
            ASSERT_GT(rec.storageGiB, 0) << qPrintable(entry.id);
            EXPECT_GE(rec.ramMiB, min.ramMiB) << qPrintable(entry.id);
            EXPECT_GE(rec.storageGiB, min.storageGiB) << qPrintable(entry.id);
            const qint64 archRam = files.resource(u"recommended"_s, arch, u"ram"_s);
            const qint64 allRam = files.resource(u"recommended"_s, u"all"_s, u"ram"_s);
            const qint64 minRam = std::max(files.resource(u"minimum"_s, arch, u"ram"_s),
                                           files.resource(u"minimum"_s, u"all"_s, u"ram"_s));
            if (archRam > 0 && archRam >= minRam) {
                EXPECT_EQ(rec.ramMiB, (archRam + MiB - 1) / MiB)
                    << qPrintable(entry.id) << ' ' << qPrintable(arch);
                ++archSpecific;
            } else if (archRam <= 0 && allRam > 0 && allRam >= minRam) {
                EXPECT_EQ(rec.ramMiB, (allRam + MiB - 1) / MiB)
                    << qPrintable(entry.id) << ' ' << qPrintable(arch);
                ++fromAll;
            }
        }
    }
    // Both paths were exercised by real data.
    EXPECT_GT(archSpecific, 0);
    EXPECT_GT(fromAll, 0);
}

TEST(OsCatalogueFallback, EmptyDbDirGivesGenericEntriesAndANotice)
{
    const OsCatalogue catalogue = OsCatalogue::load(crossvirt::test::makeTempDir());
    EXPECT_TRUE(catalogue.isFallback());
    EXPECT_FALSE(catalogue.notice().isEmpty());
    const QStringList known = crossvirt::arch::ArchRegistry::instance().archNames();
    ASSERT_FALSE(known.isEmpty());
    for (const QString &arch : known) {
        const QList<OsEntry> list = catalogue.forArch(arch);
        EXPECT_EQ(ids(list), (QStringList{u"generic-linux"_s, u"other"_s})) << qPrintable(arch);
        for (const OsEntry &entry : list) {
            EXPECT_FALSE(entry.name.isEmpty());
            const OsResources rec = catalogue.recommendedFor(entry, arch);
            EXPECT_GT(rec.ramMiB, 0);
            EXPECT_GT(rec.vcpus, 0);
            EXPECT_GT(rec.storageGiB, 0);
        }
    }
    EXPECT_TRUE(catalogue.find(u"generic-linux"_s).has_value());
    EXPECT_FALSE(catalogue.find(u"rhel9.0"_s).has_value());
}

TEST(OsCatalogueFallback, MissingDbDirGivesGenericEntries)
{
    const OsCatalogue catalogue =
        OsCatalogue::load(crossvirt::test::makeTempDir() + u"/does-not-exist"_s);
    EXPECT_TRUE(catalogue.isFallback());
    EXPECT_FALSE(catalogue.notice().isEmpty());
    EXPECT_EQ(catalogue.count(u"ppc64le"_s), 2);
}

TEST(OsCatalogueFallback, DefaultLoadHonoursOsinfoSystemDir)
{
    const QByteArray empty = QFile::encodeName(crossvirt::test::makeTempDir());
    ScopedEnv env;
    env.set("OSINFO_SYSTEM_DIR", empty);
    env.set("OSINFO_LOCAL_DIR", empty);
    env.set("OSINFO_USER_DIR", empty);
    const OsCatalogue catalogue = OsCatalogue::load();
    EXPECT_TRUE(catalogue.isFallback());
    EXPECT_FALSE(catalogue.notice().isEmpty());
}

TEST_F(OsCatalogueWithDb, DefaultLoadReadsTheSameDb)
{
    const OsCatalogue catalogue = OsCatalogue::load();
    EXPECT_FALSE(catalogue.isFallback());
    EXPECT_TRUE(catalogue.notice().isEmpty());
    for (const QString &arch : kArches)
        EXPECT_EQ(catalogue.count(arch), dbCatalogue().count(arch)) << qPrintable(arch);
    RecordProperty("load_ms", int(catalogue.loadTimeMs()));
    // "Well under a second or two" on an idle machine; generous for a busy CI box.
    EXPECT_LT(catalogue.loadTimeMs(), 5000);
}

TEST(OsCatalogueAsync, LoadsOnAnotherThreadOnceAndCaches)
{
    auto first = OsCatalogue::loadAsync();
    auto second = OsCatalogue::loadAsync();
    ASSERT_TRUE(crossvirt::test::waitUntil([&] { return first.isFinished(); }, 30000));
    ASSERT_TRUE(crossvirt::test::waitUntil([&] { return second.isFinished(); }, 30000));
    const std::shared_ptr<const OsCatalogue> a = first.result();
    const std::shared_ptr<const OsCatalogue> b = second.result();
    ASSERT_TRUE(a);
    EXPECT_EQ(a.get(), b.get());
    EXPECT_NE(a->loadThreadId(), QThread::currentThreadId());
    // A later request after loading is done gets the same object too.
    EXPECT_EQ(OsCatalogue::loadAsync().result().get(), a.get());
}
