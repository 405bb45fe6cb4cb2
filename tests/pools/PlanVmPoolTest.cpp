// planVmPool(): where the members of a pool go over a cluster of mixed hosts (captured
// x86_64 capabilities, hand-written POWER9 and z15 ones that emulate x86_64), and the
// refusals that leave nothing created: taken names, pools or hosts too small, no host that
// can run the template, another cluster arch.
#include "PoolFixtures.h"

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace crossvirt;
using namespace crossvirt::models;

namespace {

const QString kA = u"qemu+ssh://x86-a/system"_s;
const QString kB = u"qemu+ssh://x86-b/system"_s;
const QString kPower = u"qemu+ssh://power9/system"_s;
const QString kZ = u"qemu+ssh://z15/system"_s;
const QString kX86Caps = u"debian12-x86_64-kvm-capabilities.xml"_s;
const QString kPowerCaps = u"handwritten-ppc64le-power9-kvm-capabilities.xml"_s;
const QString kZCaps = u"handwritten-s390x-z15-kvm-capabilities.xml"_s;

VmPoolRequest request(int count, const QString &pattern = u"web-%02d"_s)
{
    VmPoolRequest r;
    r.name = u"web"_s;
    r.namePattern = pattern;
    r.count = count;
    return r;
}

QString joined(const QStringList &list)
{
    return list.join(u"\n"_s);
}

QString withheldReason(const VmPoolPlan &plan, const QString &uri)
{
    for (const auto &w : plan.withheldHosts) {
        if (w.first == uri)
            return w.second;
    }
    return {};
}

TEST(PlanVmPool, NativeHostsTakeTheMembersEmulatingOnesAreWithheld)
{
    const TemplateInfo tmpl = test::x86Template(kA);
    const QList<PoolHostFacts> hosts = {
        test::hostFacts(kPower, kPowerCaps, tmpl, 64 * 1024),
        test::hostFacts(kA, kX86Caps, tmpl, 16 * 1024),
        test::hostFacts(kZ, kZCaps, tmpl, 64 * 1024),
        test::hostFacts(kB, kX86Caps, tmpl, 16 * 1024),
    };
    for (bool allowEmulation : {false, true}) {
        VmPoolRequest r = request(4);
        r.allowEmulation = allowEmulation;
        const VmPoolPlan plan = planVmPool(tmpl, r, hosts);
        ASSERT_TRUE(plan.ok()) << joined(plan.problems).toStdString();
        ASSERT_EQ(plan.members.size(), 4);
        EXPECT_EQ(test::membersOn(plan, kA), 2) << joined(test::placements(plan)).toStdString();
        EXPECT_EQ(test::membersOn(plan, kB), 2);
        EXPECT_EQ(test::membersOn(plan, kPower), 0)
            << "the POWER host has the most memory but only emulates x86_64";
        EXPECT_FALSE(withheldReason(plan, kPower).isEmpty());
        EXPECT_FALSE(withheldReason(plan, kZ).isEmpty());
        EXPECT_TRUE(withheldReason(plan, kA).isEmpty());
        for (const VmPoolMember &m : plan.members) {
            EXPECT_TRUE(m.plan.ok()) << joined(m.plan.problems).toStdString();
            EXPECT_EQ(m.plan.virtType, arch::VirtType::Kvm);
            EXPECT_EQ(m.plan.request.vmPool, u"web"_s);
            EXPECT_EQ(m.plan.request.name, m.name);
            // Overlays only on the template's own host; elsewhere full copies.
            EXPECT_EQ(m.plan.request.diskMode,
                      m.hostUri == kA ? TemplateDiskMode::Overlay : TemplateDiskMode::Copy)
                << m.name.toStdString();
        }
        EXPECT_EQ(plan.members.first().name, u"web-01"_s);
        EXPECT_EQ(plan.members.last().name, u"web-04"_s);
    }
}

TEST(PlanVmPool, EmulatingHostsOnlyWhenAllowedAndNoNativeHost)
{
    const TemplateInfo tmpl = test::x86Template(kA);
    // The template's host is not in this cluster: only POWER and z15 hosts.
    const QList<PoolHostFacts> hosts = {
        test::hostFacts(kPower, kPowerCaps, tmpl, 8 * 1024),
        test::hostFacts(kZ, kZCaps, tmpl, 8 * 1024),
    };
    VmPoolRequest r = request(4);
    r.allowEmulation = false;
    const VmPoolPlan refused = planVmPool(tmpl, r, hosts);
    EXPECT_FALSE(refused.ok());
    EXPECT_TRUE(refused.members.isEmpty());
    EXPECT_EQ(refused.withheldHosts.size(), 2);
    EXPECT_TRUE(withheldReason(refused, kPower).contains(u"emulat"_s))
        << withheldReason(refused, kPower).toStdString();

    r.allowEmulation = true;
    const VmPoolPlan plan = planVmPool(tmpl, r, hosts);
    ASSERT_TRUE(plan.ok()) << joined(plan.problems).toStdString();
    EXPECT_EQ(test::membersOn(plan, kPower), 2);
    EXPECT_EQ(test::membersOn(plan, kZ), 2);
    for (const VmPoolMember &m : plan.members) {
        EXPECT_EQ(m.plan.virtType, arch::VirtType::Qemu) << "emulated: TCG, never kvm";
        EXPECT_EQ(m.plan.request.diskMode, TemplateDiskMode::Copy);
    }
}

TEST(PlanVmPool, EmulatingHostTakesOverWhenTheNativeOneCannot)
{
    // The only native host has 1 GiB free in its pool: not even one 2 GiB copy fits.
    const TemplateInfo tmpl = test::x86Template(kA, 1024, 2ull << 30);
    const QList<PoolHostFacts> hosts = {
        test::hostFacts(kB, kX86Caps, tmpl, 64 * 1024, 1ull << 30),
        test::hostFacts(kPower, kPowerCaps, tmpl, 64 * 1024),
    };
    VmPoolRequest r = request(2);
    r.allowEmulation = true;
    const VmPoolPlan plan = planVmPool(tmpl, r, hosts);
    ASSERT_TRUE(plan.ok()) << joined(plan.problems).toStdString();
    EXPECT_EQ(test::membersOn(plan, kPower), 2);
    EXPECT_FALSE(withheldReason(plan, kB).isEmpty());

    r.allowEmulation = false;
    EXPECT_FALSE(planVmPool(tmpl, r, hosts).ok());
}

TEST(PlanVmPool, PowerTemplateGoesToThePowerHost)
{
    const TemplateInfo tmpl = test::ppcTemplate(kPower);
    const QList<PoolHostFacts> hosts = {
        test::hostFacts(kA, kX86Caps, tmpl, 64 * 1024),
        test::hostFacts(kPower, kPowerCaps, tmpl, 8 * 1024),
        test::hostFacts(kZ, kZCaps, tmpl, 64 * 1024),
    };
    VmPoolRequest r = request(3);
    r.allowEmulation = true;
    r.clusterArch = u"ppc64le"_s;
    const VmPoolPlan plan = planVmPool(tmpl, r, hosts);
    ASSERT_TRUE(plan.ok()) << joined(plan.problems).toStdString();
    EXPECT_EQ(test::membersOn(plan, kPower), 3);
    EXPECT_FALSE(withheldReason(plan, kZ).isEmpty()) << "z15 cannot run ppc64le at all";
    EXPECT_FALSE(withheldReason(plan, kA).isEmpty()) << "x86_64 only emulates it";
}

TEST(PlanVmPool, ClusterOfAnotherArchIsRefused)
{
    const TemplateInfo tmpl = test::x86Template(kA);
    VmPoolRequest r = request(2);
    r.clusterArch = u"ppc64le"_s;
    const VmPoolPlan plan = planVmPool(tmpl, r, {test::hostFacts(kA, kX86Caps, tmpl, 16 * 1024)});
    ASSERT_FALSE(plan.ok());
    EXPECT_TRUE(joined(plan.problems).contains(u"ppc64le"_s))
        << joined(plan.problems).toStdString();
    EXPECT_TRUE(plan.members.isEmpty());
}

TEST(PlanVmPool, MembersSpreadByFreeMemory)
{
    const TemplateInfo tmpl = test::x86Template(kA, 1024);
    const QList<PoolHostFacts> hosts = {
        test::hostFacts(kA, kX86Caps, tmpl, 8 * 1024),
        test::hostFacts(kB, kX86Caps, tmpl, 4 * 1024),
    };
    const VmPoolPlan plan = planVmPool(tmpl, request(6), hosts);
    ASSERT_TRUE(plan.ok()) << joined(plan.problems).toStdString();
    // A has 8 GiB free, B 4 GiB: A takes members until both have 4 GiB left, then they
    // alternate (A first on a tie).
    EXPECT_EQ(test::placements(plan),
              (QStringList{u"web-01@"_s + kA, u"web-02@"_s + kA, u"web-03@"_s + kA,
                           u"web-04@"_s + kA, u"web-05@"_s + kA, u"web-06@"_s + kB}));
}

TEST(PlanVmPool, CountBeyondTheHostsMemoryIsRefused)
{
    const TemplateInfo tmpl = test::x86Template(kA, 1024);
    const QList<PoolHostFacts> hosts = {
        test::hostFacts(kA, kX86Caps, tmpl, 8 * 1024),
        test::hostFacts(kB, kX86Caps, tmpl, 4 * 1024),
    };
    EXPECT_TRUE(planVmPool(tmpl, request(12), hosts).ok());
    const VmPoolPlan plan = planVmPool(tmpl, request(13), hosts);
    ASSERT_FALSE(plan.ok());
    EXPECT_TRUE(plan.members.isEmpty());
    const QString text = joined(plan.problems);
    EXPECT_TRUE(text.contains(u"13312 MiB"_s)) << text.toStdString() << " (needed)";
    EXPECT_TRUE(text.contains(u"12288 MiB"_s)) << text.toStdString() << " (free)";
}

TEST(PlanVmPool, CopiesBeyondAPoolsFreeSpaceAreRefused)
{
    // 2 GiB per copy; the other host's pool has 5 GiB free: two copies fit, three do not.
    const TemplateInfo tmpl = test::x86Template(kA, 1024, 2ull << 30);
    const QList<PoolHostFacts> hosts = {
        test::hostFacts(kB, kX86Caps, tmpl, 64 * 1024, 5ull << 30),
    };
    const VmPoolPlan two = planVmPool(tmpl, request(2), hosts);
    EXPECT_TRUE(two.ok()) << joined(two.problems).toStdString();

    const VmPoolPlan three = planVmPool(tmpl, request(3), hosts);
    ASSERT_FALSE(three.ok());
    EXPECT_TRUE(three.members.isEmpty());
    const QString text = joined(three.problems);
    EXPECT_TRUE(text.contains(u"default"_s) && text.contains(kB)) << text.toStdString();
    const QLocale locale;
    EXPECT_TRUE(text.contains(
        locale.formattedDataSize(qint64(6ull << 30), 1, QLocale::DataSizeTraditionalFormat)))
        << text.toStdString();
    EXPECT_TRUE(text.contains(
        locale.formattedDataSize(qint64(5ull << 30), 1, QLocale::DataSizeTraditionalFormat)))
        << text.toStdString();
}

TEST(PlanVmPool, OverlaysOnTheTemplatesHostNeedLittleSpace)
{
    // 40 overlays fit in 100 MiB where 40 copies of 2 GiB would not.
    const TemplateInfo tmpl = test::x86Template(kA, 256, 2ull << 30);
    const QList<PoolHostFacts> hosts = {
        test::hostFacts(kA, kX86Caps, tmpl, 64 * 1024, 100ull << 20),
    };
    const VmPoolPlan plan = planVmPool(tmpl, request(40), hosts);
    ASSERT_TRUE(plan.ok()) << joined(plan.problems).toStdString();
    for (const VmPoolMember &m : plan.members)
        EXPECT_EQ(m.plan.request.diskMode, TemplateDiskMode::Overlay);
    // 200 overlays of about 1 MiB each do not fit in 100 MiB.
    EXPECT_FALSE(planVmPool(tmpl, request(200, u"w%03d"_s), hosts).ok());
}

TEST(PlanVmPool, TakenNamesAreRefusedByName)
{
    const TemplateInfo tmpl = test::x86Template(kA);
    const QList<PoolHostFacts> hosts = {
        test::hostFacts(kA, kX86Caps, tmpl, 16 * 1024),
        test::hostFacts(kB, kX86Caps, tmpl, 16 * 1024, 500ull << 30, {u"web-03"_s}),
    };
    const VmPoolPlan plan = planVmPool(tmpl, request(4), hosts);
    ASSERT_FALSE(plan.ok());
    EXPECT_TRUE(plan.members.isEmpty());
    const QString text = joined(plan.problems);
    EXPECT_TRUE(text.contains(u"web-03"_s) && text.contains(kB)) << text.toStdString();
    EXPECT_FALSE(text.contains(u"web-01"_s)) << text.toStdString();
}

TEST(PlanVmPool, PoolNameCountAndPatternAreChecked)
{
    const TemplateInfo tmpl = test::x86Template(kA);
    const QList<PoolHostFacts> hosts = {test::hostFacts(kA, kX86Caps, tmpl, 16 * 1024)};

    EXPECT_FALSE(planVmPool(tmpl, request(2), hosts, {u"db"_s, u"web"_s}).ok())
        << "a pool named web exists";
    EXPECT_TRUE(planVmPool(tmpl, request(2), hosts, {u"db"_s}).ok());

    VmPoolRequest badName = request(2);
    badName.name = u"web pool"_s;
    EXPECT_FALSE(planVmPool(tmpl, badName, hosts).ok());
    badName.name.clear();
    EXPECT_FALSE(planVmPool(tmpl, badName, hosts).ok());

    EXPECT_FALSE(planVmPool(tmpl, request(0), hosts).ok());
    EXPECT_FALSE(planVmPool(tmpl, request(kMaxPoolSize + 1, u"w%03d"_s), hosts).ok());

    const VmPoolPlan noNumber = planVmPool(tmpl, request(3, u"web"_s), hosts);
    EXPECT_FALSE(noNumber.ok());
    EXPECT_TRUE(noNumber.members.isEmpty());
}

TEST(PlanVmPool, NoHostAtAll)
{
    const TemplateInfo tmpl = test::x86Template(kA);
    const VmPoolPlan plan = planVmPool(tmpl, request(2), {});
    EXPECT_FALSE(plan.ok());
    EXPECT_FALSE(plan.problems.isEmpty());
}

} // namespace
