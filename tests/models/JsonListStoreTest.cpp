// The one store behind the saved connections and clusters: atomic writes, and a file
// that cannot be read is kept aside and reported, never lost.
#include "models/connection/JsonListStore.h"

#include "common/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <gtest/gtest.h>

using namespace crossvirt::models;
using namespace Qt::StringLiterals;
using crossvirt::test::makeTempDir;

namespace {

struct Bookmark
{
    QString id;
    int page = 0;
    friend bool operator==(const Bookmark &, const Bookmark &) = default;
};

// A list format of its own, so the template is tested apart from its two users.
struct BookmarkFormat
{
    using Item = Bookmark;
    static constexpr QLatin1StringView key{"bookmarks"};
    static constexpr int version = 3;
    static QJsonObject toJson(const Item &b) { return {{u"id"_s, b.id}, {u"page"_s, b.page}}; }
    static Item fromJson(const QJsonObject &o)
    {
        return {o.value("id"_L1).toString(), o.value("page"_L1).toInt()};
    }
    static QString invalid(const Item &b, const QList<Item> &before)
    {
        if (b.id.isEmpty())
            return u"no id"_s;
        for (const Item &other : before) {
            if (other.id == b.id)
                return u"duplicate " + b.id;
        }
        return {};
    }
    static QString unreadable(const QString &path, const QString &why, const QString &backup)
    {
        return u"unreadable %1 (%2) kept as [%3]"_s.arg(path, why, backup);
    }
    static QString saveFailed(const QString &path, const QString &why)
    {
        return u"cannot save %1: %2"_s.arg(path, why);
    }
};
using BookmarkStore = JsonListStore<BookmarkFormat>;

const QList<Bookmark> kSample{{u"a"_s, 1}, {u"b"_s, 20}, {u"c"_s, 300}};

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

int filesIn(const QString &dir)
{
    return int(QDir(dir).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot).size());
}

} // namespace

TEST(JsonListStore, MissingFileIsAnEmptyListAndLeavesNothingBehind)
{
    const QString dir = makeTempDir();
    const auto loaded = BookmarkStore(dir + u"/bookmarks.json"_s).load();
    EXPECT_EQ(loaded.status, JsonListStatus::Missing);
    EXPECT_TRUE(loaded.items.isEmpty());
    EXPECT_TRUE(loaded.error.isEmpty());
    EXPECT_TRUE(loaded.backupPath.isEmpty());
    EXPECT_EQ(filesIn(dir), 0);
}

TEST(JsonListStore, SaveCreatesTheFolderAndLoadsTheSameListBack)
{
    const QString path = makeTempDir() + u"/deep/er/bookmarks.json"_s;
    BookmarkStore store(path);
    ASSERT_EQ(store.save(kSample), QString());
    const QJsonObject root = QJsonDocument::fromJson(readAll(path)).object();
    EXPECT_EQ(root.value("version"_L1).toInt(), 3);
    EXPECT_EQ(root.value("bookmarks"_L1).toArray().size(), 3);
    const auto loaded = store.load();
    EXPECT_EQ(loaded.status, JsonListStatus::Loaded);
    EXPECT_EQ(loaded.items, kSample);
}

TEST(JsonListStore, NotJsonIsCopiedAsideUntouchedAndReported)
{
    const QString dir = makeTempDir();
    const QString path = dir + u"/bookmarks.json"_s;
    const QByteArray garbage = "{\"bookmarks\": [ {\"id\": \"a\" ,, half";
    writeFile(path, garbage);
    const auto loaded = BookmarkStore(path).load();
    EXPECT_EQ(loaded.status, JsonListStatus::Corrupt);
    EXPECT_TRUE(loaded.items.isEmpty());
    ASSERT_FALSE(loaded.backupPath.isEmpty());
    EXPECT_TRUE(loaded.backupPath.startsWith(path + u".unreadable-"_s));
    EXPECT_EQ(readAll(loaded.backupPath), garbage);
    EXPECT_EQ(readAll(path), garbage) << "loading must never modify the file";
    EXPECT_TRUE(loaded.error.contains(u"[" + loaded.backupPath + u"]"))
        << loaded.error.toStdString();
}

TEST(JsonListStore, AnInvalidEntryRejectsTheWholeListNotJustTheEntry)
{
    const QString path = makeTempDir() + u"/bookmarks.json"_s;
    writeFile(path, R"({"version": 3, "bookmarks": [{"id": "a", "page": 1},
                                                   {"id": "a", "page": 2}]})");
    const auto loaded = BookmarkStore(path).load();
    EXPECT_EQ(loaded.status, JsonListStatus::Corrupt);
    EXPECT_TRUE(loaded.items.isEmpty()) << "a half list would be saved over the whole one";
    EXPECT_TRUE(loaded.error.contains(u"duplicate a"_s)) << loaded.error.toStdString();
    EXPECT_FALSE(loaded.backupPath.isEmpty());
}

TEST(JsonListStore, AFileWithoutTheListIsCorrupt)
{
    const QString path = makeTempDir() + u"/bookmarks.json"_s;
    writeFile(path, R"({"version": 3, "clusters": []})");
    const auto loaded = BookmarkStore(path).load();
    EXPECT_EQ(loaded.status, JsonListStatus::Corrupt);
    EXPECT_TRUE(loaded.error.contains(u"bookmarks"_s)) << loaded.error.toStdString();
}

TEST(JsonListStore, UnreadablePathThatCannotBeCopiedSaysNoCopyWasMade)
{
    // A folder where the file should be: it cannot be read, nor copied aside.
    const QString path = makeTempDir() + u"/bookmarks.json"_s;
    ASSERT_TRUE(QDir().mkpath(path));
    const auto loaded = BookmarkStore(path).load();
    EXPECT_EQ(loaded.status, JsonListStatus::Unreadable);
    EXPECT_TRUE(loaded.backupPath.isEmpty());
    EXPECT_TRUE(loaded.error.contains(u"[]"_s)) << loaded.error.toStdString();
}

TEST(JsonListStore, SaveThatCannotWriteKeepsTheOldFileAndSaysWhy)
{
    const QString dir = makeTempDir();
    writeFile(dir + u"/file"_s, "x");
    // The folder would have to be created below a plain file.
    const QString path = dir + u"/file/bookmarks.json"_s;
    const QString error = BookmarkStore(path).save(kSample);
    EXPECT_TRUE(error.startsWith(u"cannot save " + path)) << error.toStdString();
    EXPECT_EQ(readAll(dir + u"/file"_s), "x");
}
