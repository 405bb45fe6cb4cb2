// Native vs emulated on the libvirt test driver (issue 10): test:///default is an i686
// host whose capabilities list i686 with domain type 'test' only. They say nothing about
// KVM or TCG, so the arch policy decides: its i686 `test` VM runs natively, not emulated.
#include "arch/Placement.h"
#include "common/TestSupport.h"
#include "models/connection/HostCapabilitiesReader.h"
#include "models/connection/HostSession.h"

#include <gtest/gtest.h>

using namespace crossvirt;
using namespace crossvirt::models;
using namespace Qt::StringLiterals;

TEST(I686Native, TestVmOfTheTestDriverIsNative)
{
    HostSession session(u"test:///default"_s);
    session.open();
    auto testVm = [&]() -> std::optional<DomainSummary> {
        for (const DomainSummary &d : session.domains()) {
            if (d.name == u"test"_s)
                return d;
        }
        return std::nullopt;
    };
    ASSERT_TRUE(crossvirt::test::waitUntil([&] { return testVm().has_value(); }));
    const HostInfo &host = session.hostInfo();
    EXPECT_EQ(host.arch, u"i686"_s);
    EXPECT_FALSE(host.archesFromCapabilities);
    EXPECT_TRUE(host.nativeArches.contains(u"i686"_s))
        << host.nativeArches.join(u',').toStdString();
    EXPECT_FALSE(host.emulatedArches.contains(u"i686"_s));
    EXPECT_EQ(testVm()->arch, u"i686"_s);
    EXPECT_FALSE(testVm()->emulated) << "the i686 test VM on an i686 host is native";
}

TEST(I686Native, CapabilitiesWithoutKvmOrQemuDomainsLeaveItToPolicy)
{
    // What the test driver answers: an i686 host and guest with domain type 'test'.
    const QByteArray testDriverCaps =
        "<capabilities><host><cpu><arch>i686</arch></cpu></host>"
        "<guest><os_type>hvm</os_type><arch name='i686'><wordsize>32</wordsize>"
        "<domain type='test'/></arch></guest></capabilities>";
    HostInfo host;
    host.arch = u"i686"_s;
    applyHostCapabilities(testDriverCaps, host);
    EXPECT_EQ(host.nativeArches, QStringList{u"i686"_s});
    EXPECT_FALSE(isEmulatedGuest(host, u"test"_s, u"i686"_s));
    EXPECT_TRUE(isEmulatedGuest(host, u"test"_s, u"x86_64"_s)); // a 32-bit host emulates it

    // The same guest on an x86_64 host without capabilities is native too, and the wizard's
    // ranking agrees with the host lists.
    const auto ranked = arch::rankHosts(u"i686"_s, {{u"pc"_s, u"x86_64"_s, std::nullopt}}, false);
    ASSERT_EQ(ranked.size(), 1);
    EXPECT_EQ(ranked.first().execution, arch::Execution::Native);
    EXPECT_EQ(arch::guestExecution(u"i686"_s, nullptr, u"i686"_s), arch::Execution::Native);
}
