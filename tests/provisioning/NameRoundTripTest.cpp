// 1000 random VM names: each is refused with a reason, or is defined on the test driver
// and comes back from dumpxml exactly as typed.
#include "ProvisioningFixtures.h"
#include "models/provisioning/DomainXmlBuilder.h"
#include "models/provisioning/NameRules.h"

#include <gtest/gtest.h>
#include <libvirt/libvirt.h>
#include <random>

using namespace Qt::StringLiterals;
using namespace crossvirt;
using models::NameRules;

namespace {

QString randomName(std::mt19937 &rng)
{
    static const QList<char32_t> special{
        u'<', u'>', u'&', u'\'',  u'"',    u' ',     u'/',   u'\t',  u'\n',  u'\\',  u'%',
        u'.', 0x7f, 0x85, 0xfffe, 0x1f600, 0x10ffff, 0x00e9, 0x4e2d, 0x0634, 0x200b, 0xfeff};
    std::uniform_int_distribution<int> lengthDist(1, 300);
    std::uniform_int_distribution<int> kind(0, 29);
    const int length = rng() % 5 == 0 ? lengthDist(rng) : 1 + int(rng() % 24);
    QString s;
    for (int i = 0; i < length; ++i) {
        char32_t c = 0;
        switch (kind(rng)) {
        case 8: // control characters, rarely, so that most names stay acceptable
            c = char32_t(rng() % 0x20);
            break;
        case 0:
        case 1:
        case 2:
        case 3:
        case 9:
        case 10:
        case 11:
        case 12:
            c = char32_t(0x21 + rng() % 94); // printable ASCII
            break;
        case 4:
        case 13:
            c = special.at(int(rng() % special.size()));
            break;
        case 5:
            c = char32_t(0xa0 + rng() % (0x2fff - 0xa0)); // Latin, Greek, Cyrillic...
            break;
        case 6:
            c = char32_t(0x4e00 + rng() % 0x5000); // CJK
            break;
        case 7:
            c = char32_t(0x10000 + rng() % 0x2ffff); // non-BMP
            break;
        default:
            c = u'a' + char32_t(rng() % 26);
            break;
        }
        if (c >= 0xd800 && c <= 0xdfff)
            c = u'x';
        s += QString::fromUcs4(&c, 1);
    }
    return s;
}

TEST(NameRoundTrip, ThousandRandomNamesAreRefusedWithReasonOrDefinedExactly)
{
    test::TestDriver driver;
    ASSERT_NE(driver.conn(), nullptr);
    const arch::ArchModel *model = arch::ArchRegistry::instance().find(u"x86_64"_s);
    ASSERT_NE(model, nullptr);
    std::mt19937 rng(20261122);
    int accepted = 0;
    int refused = 0;
    for (int i = 0; i < 1000; ++i) {
        const QString name = randomName(rng);
        const QStringList problems = NameRules::vmNameProblems(name, driver.domainNames());
        if (!problems.isEmpty()) {
            ++refused;
            for (const QString &p : problems)
                EXPECT_FALSE(p.trimmed().isEmpty());
            continue;
        }
        ++accepted;
        models::VmSpec spec = test::defaultSpec(name, u"x86_64"_s);
        const QString xml =
            models::DomainXmlBuilder::domainXml(spec, *model, test::contextOf(spec));
        const QString error = driver.define(xml);
        ASSERT_TRUE(error.isEmpty())
            << "accepted name was refused by libvirt: " << error.toStdString()
            << " name=" << name.toStdString();
        const QString dumped = driver.dumpXml(name);
        ASSERT_FALSE(dumped.isEmpty()) << "lookup by name failed: " << name.toStdString();
        EXPECT_EQ(test::readBack(dumped).name, name) << name.toStdString();
        virDomainPtr d = virDomainLookupByName(driver.conn(), name.toUtf8().constData());
        ASSERT_NE(d, nullptr);
        EXPECT_EQ(QString::fromUtf8(virDomainGetName(d)), name);
        virDomainFree(d);
        driver.undefine(name);
    }
    // Both outcomes must really happen, or the test proves nothing.
    EXPECT_GT(accepted, 300);
    EXPECT_GT(refused, 50);
}

TEST(NameRules, MarkupQuotesAndNonAsciiAreAccepted)
{
    for (const QString &name :
         {u"a<b"_s, u"x & y"_s, u"it's \"q\""_s, u"Größe-ß"_s, u"名前"_s, u"vm-😀"_s}) {
        EXPECT_TRUE(NameRules::vmNameProblems(name).isEmpty()) << name.toStdString();
    }
}

TEST(NameRules, RefusesWithReasons)
{
    EXPECT_FALSE(NameRules::vmNameProblems(QString()).isEmpty());
    EXPECT_FALSE(NameRules::vmNameProblems(u"   "_s).isEmpty());
    EXPECT_FALSE(NameRules::vmNameProblems(u" lead"_s).isEmpty());
    EXPECT_FALSE(NameRules::vmNameProblems(u"a/b"_s).isEmpty());
    EXPECT_FALSE(NameRules::vmNameProblems(u"a\nb"_s).isEmpty());
    EXPECT_FALSE(NameRules::vmNameProblems(QString(201, u'a')).isEmpty());
    EXPECT_TRUE(NameRules::vmNameProblems(QString(200, u'a')).isEmpty());
    // 67 three-byte characters = 201 bytes: the limit is bytes, not characters.
    EXPECT_FALSE(NameRules::vmNameProblems(QString(67, QChar(0x4e2d))).isEmpty());
    EXPECT_FALSE(NameRules::vmNameProblems(u"test"_s, {u"test"_s}).isEmpty());
    EXPECT_TRUE(NameRules::vmNameProblems(u"Test"_s, {u"test"_s}).isEmpty());
}

} // namespace
