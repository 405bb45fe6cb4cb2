// Nova's rule: native (KVM) hosts first, emulating (TCG) hosts only when emulation is
// allowed, and an emulated guest never gets domain type kvm.
#include "arch/Placement.h"
#include "ArchFixtures.h"

#include <gtest/gtest.h>

using namespace crossvirt::arch;
using namespace crossvirt::test;
using namespace Qt::StringLiterals;

namespace {
QList<HostCandidate> datacenter()
{
    return {
        {u"debian-x86"_s, u"x86_64"_s,
         loadHostCapabilities(u"debian12-x86_64-kvm-capabilities.xml"_s)},
        {u"test-aarch64"_s, u"aarch64"_s, std::nullopt}, // test driver: no capabilities
        {u"power9"_s, u"ppc64le"_s,
         loadHostCapabilities(u"handwritten-ppc64le-power9-kvm-capabilities.xml"_s)},
        {u"z15"_s, u"s390x"_s,
         loadHostCapabilities(u"handwritten-s390x-z15-kvm-capabilities.xml"_s)},
        {u"test-x86"_s, u"x86_64"_s, std::nullopt},
    };
}

QStringList ids(const QList<HostPlacement> &list)
{
    QStringList out;
    for (const HostPlacement &p : list)
        out << p.id;
    return out;
}
} // namespace

TEST(Placement, NativeHostsOnlyWhenEmulationIsNotAllowed)
{
    const QList<HostPlacement> ranked = rankHosts(u"ppc64le"_s, datacenter(), false);
    ASSERT_EQ(ranked.size(), 5);
    const QList<HostPlacement> offered = offeredPlacements(ranked);
    ASSERT_EQ(ids(offered), QStringList{u"power9"_s});
    EXPECT_EQ(offered.first().execution, Execution::Native);
    EXPECT_EQ(offered.first().virtType, VirtType::Kvm);
    for (const HostPlacement &p : ranked) {
        if (!p.offered) {
            EXPECT_FALSE(p.reason.isEmpty()) << p.id.toStdString();
        }
    }
}

TEST(Placement, EmulatingHostsFollowNativeOnesWhenAllowed)
{
    const QList<HostPlacement> offered =
        offeredPlacements(rankHosts(u"ppc64le"_s, datacenter(), true));
    // The POWER9 host first; then, in input order, the hosts that emulate ppc64le: the
    // x86 host by its capabilities, the test-driver hosts by policy. z15's capabilities
    // list no ppc64le guest, so it cannot run one at all.
    EXPECT_EQ(ids(offered),
              (QStringList{u"power9"_s, u"debian-x86"_s, u"test-aarch64"_s, u"test-x86"_s}));
    for (qsizetype i = 1; i < offered.size(); ++i) {
        EXPECT_EQ(offered.at(i).execution, Execution::Emulated);
        EXPECT_EQ(offered.at(i).virtType, VirtType::Qemu);
    }
}

TEST(Placement, CapabilitiesDecideOverTheHostArch)
{
    // The x86 host's capabilities list x86_64 and i686 with kvm; the test-driver x86 host
    // is native by policy.
    const QList<HostPlacement> x86 = offeredPlacements(rankHosts(u"i686"_s, datacenter(), false));
    EXPECT_EQ(ids(x86), (QStringList{u"debian-x86"_s, u"test-x86"_s}));

    const QList<HostPlacement> s390 = rankHosts(u"s390x"_s, datacenter(), false);
    EXPECT_EQ(s390.first().id, u"z15"_s);
    EXPECT_EQ(s390.first().execution, Execution::Native);
    // The POWER9 host's capabilities have no s390x guest: it cannot run one, emulated or not.
    for (const HostPlacement &p : rankHosts(u"s390x"_s, datacenter(), true)) {
        if (p.id == "power9"_L1) {
            EXPECT_EQ(p.execution, Execution::Unable);
            EXPECT_FALSE(p.offered);
        }
    }
}

TEST(Placement, UnknownArchWithoutCapabilitiesCannotBePlaced)
{
    const QList<HostPlacement> ranked =
        rankHosts(u"sparc64"_s, {{u"test-x86"_s, u"x86_64"_s, std::nullopt}}, true);
    ASSERT_EQ(ranked.size(), 1);
    EXPECT_EQ(ranked.first().execution, Execution::Unable);
    EXPECT_FALSE(ranked.first().reason.isEmpty());
}

TEST(Placement, EmulatedNeverKvmAndNativeAlwaysFirst)
{
    for (const QString &arch : ArchRegistry::instance().archNames()) {
        for (bool allow : {false, true}) {
            const QList<HostPlacement> ranked = rankHosts(arch, datacenter(), allow);
            bool seenNonNative = false;
            for (const HostPlacement &p : ranked) {
                if (p.execution == Execution::Native) {
                    EXPECT_FALSE(seenNonNative) << arch.toStdString();
                    EXPECT_EQ(p.virtType, VirtType::Kvm);
                    EXPECT_TRUE(p.offered);
                } else {
                    seenNonNative = true;
                    EXPECT_EQ(p.virtType, VirtType::Qemu) << arch.toStdString();
                    if (p.execution == Execution::Emulated) {
                        EXPECT_EQ(p.offered, allow);
                    }
                }
            }
        }
    }
}
