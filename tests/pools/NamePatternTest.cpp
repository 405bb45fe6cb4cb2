// expandNamePattern(): the names a pool's members get from "web-%02d", printf's way, and
// the patterns refused before anything is planned.
#include "PoolFixtures.h"

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace crossvirt::models;

namespace {

QStringList expand(const QString &pattern, int count, int first = 1, QString *error = nullptr)
{
    return expandNamePattern(pattern, count, first, error);
}

TEST(NamePattern, ZeroPaddedWidth)
{
    EXPECT_EQ(expand(u"web-%02d"_s, 3), (QStringList{u"web-01"_s, u"web-02"_s, u"web-03"_s}));
    EXPECT_EQ(expand(u"db%03d.lab"_s, 2, 9), (QStringList{u"db009.lab"_s, u"db010.lab"_s}));
}

TEST(NamePattern, PlainConversionAndPercentLiteral)
{
    EXPECT_EQ(expand(u"%d-node"_s, 2), (QStringList{u"1-node"_s, u"2-node"_s}));
    EXPECT_EQ(expand(u"load100%%-%i"_s, 1), (QStringList{u"load100%-1"_s}));
    EXPECT_EQ(expand(u"n%u"_s, 1, 0), (QStringList{u"n0"_s}));
}

TEST(NamePattern, NarrowFieldGrowsLikePrintf)
{
    // printf never truncates: "%1d" over 12 members gives web-1 ... web-12, all distinct.
    QString error;
    const QStringList names = expand(u"web-%1d"_s, 12, 1, &error);
    ASSERT_EQ(names.size(), 12) << error.toStdString();
    EXPECT_EQ(names.first(), u"web-1"_s);
    EXPECT_EQ(names.last(), u"web-12"_s);
    EXPECT_TRUE(error.isEmpty());
    EXPECT_EQ(expand(u"x%02d"_s, 1, 123), (QStringList{u"x123"_s}));
}

TEST(NamePattern, RefusesNoOrSeveralConversions)
{
    QString error;
    EXPECT_TRUE(expand(u"web"_s, 3, 1, &error).isEmpty());
    EXPECT_TRUE(error.contains(u"web"_s)) << error.toStdString();
    EXPECT_TRUE(expand(u"web-%%"_s, 2, 1, &error).isEmpty()) << "%% is a literal, no number";
    EXPECT_FALSE(error.isEmpty());
    EXPECT_TRUE(expand(u"web-%d-%d"_s, 2, 1, &error).isEmpty());
    EXPECT_TRUE(error.contains(u"2"_s)) << error.toStdString();
}

TEST(NamePattern, RefusesOtherConversions)
{
    QString error;
    for (const QString &p :
         {u"web-%s"_s, u"web-%x"_s, u"web-%5.2f"_s, u"web-%ld"_s, u"web-%"_s, u"web-%+d"_s}) {
        EXPECT_TRUE(expand(p, 2, 1, &error).isEmpty()) << p.toStdString();
        EXPECT_FALSE(error.isEmpty()) << p.toStdString();
    }
}

TEST(NamePattern, RefusesNamesNameRulesRefuse)
{
    QString error;
    EXPECT_TRUE(expand(u"web/%02d"_s, 2, 1, &error).isEmpty());
    EXPECT_TRUE(error.contains(u"web/01"_s)) << error.toStdString();
    EXPECT_TRUE(expand(u"%3d"_s, 2, 1, &error).isEmpty()) << "\"  1\" starts with spaces";
    EXPECT_FALSE(error.isEmpty());
    EXPECT_TRUE(expand(u"web\t%d"_s, 1, 1, &error).isEmpty());
    EXPECT_TRUE(expand(QString(250, u'a') + u"%d"_s, 1, 1, &error).isEmpty()) << "too long";
}

TEST(NamePattern, RefusesEmptyCountAndNegativeStart)
{
    QString error;
    EXPECT_TRUE(expand(u"web-%d"_s, 0, 1, &error).isEmpty());
    EXPECT_FALSE(error.isEmpty());
    EXPECT_TRUE(expand(u"web-%d"_s, 2, -1, &error).isEmpty());
    EXPECT_FALSE(error.isEmpty());
}

} // namespace
