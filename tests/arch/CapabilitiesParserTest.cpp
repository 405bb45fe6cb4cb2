// Parsing of capabilities and domain capabilities captured from libvirt 9.0 / QEMU 7.2
// on Debian 12, plus the hand-written POWER9 and s390x hosts.
#include "ArchFixtures.h"

#include <gtest/gtest.h>

using namespace crossvirt::arch;
using namespace crossvirt::test;
using namespace Qt::StringLiterals;

TEST(HostCapabilitiesParser, DebianX86HostRunsPcGuestsNativelyAndEmulatesTheOthers)
{
    const HostCapabilities caps = loadHostCapabilities(u"debian12-x86_64-kvm-capabilities.xml"_s);
    EXPECT_EQ(caps.hostArch, u"x86_64"_s);
    EXPECT_TRUE(caps.liveMigration);
    EXPECT_EQ(caps.nativeArches(), (QStringList{u"i686"_s, u"x86_64"_s}));
    for (const QString &arch : {u"ppc64"_s, u"ppc64le"_s, u"aarch64"_s, u"s390x"_s, u"riscv64"_s}) {
        EXPECT_FALSE(caps.runsNatively(arch)) << arch.toStdString();
        EXPECT_TRUE(caps.canEmulate(arch)) << arch.toStdString();
        EXPECT_TRUE(caps.emulatedArches().contains(arch)) << arch.toStdString();
    }
    EXPECT_FALSE(caps.emulatedArches().contains(u"x86_64"_s));
    EXPECT_FALSE(caps.canRun(u"sparc64"_s));
}

TEST(HostCapabilitiesParser, MachineAliasesResolveToTheirVersionedMachine)
{
    const HostCapabilities caps = loadHostCapabilities(u"debian12-x86_64-kvm-capabilities.xml"_s);
    EXPECT_EQ(caps.canonicalMachine(u"x86_64"_s, u"q35"_s), u"pc-q35-7.2"_s);
    EXPECT_EQ(caps.canonicalMachine(u"ppc64le"_s, u"pseries"_s), u"pseries-7.2"_s);
    EXPECT_EQ(caps.canonicalMachine(u"x86_64"_s, u"pc-q35-7.1"_s), u"pc-q35-7.1"_s);
    EXPECT_EQ(caps.emulator(u"aarch64"_s), u"/usr/bin/qemu-system-aarch64"_s);
    const GuestArchCapabilities *riscv = caps.guest(u"riscv64"_s);
    ASSERT_NE(riscv, nullptr);
    EXPECT_EQ(riscv->wordSize, 64);
    bool hasVirt = false;
    for (const MachineInfo &m : riscv->machines)
        hasVirt = hasVirt || m.name == "virt"_L1;
    EXPECT_TRUE(hasVirt);
    bool sawDeprecated = false;
    for (const MachineInfo &m : caps.machines(u"x86_64"_s))
        sawDeprecated = sawDeprecated || (m.deprecated && m.name == "pc-i440fx-1.4"_L1);
    EXPECT_TRUE(sawDeprecated);
}

TEST(HostCapabilitiesParser, HandWrittenPower9HostRunsBothEndiannessesNatively)
{
    const HostCapabilities caps =
        loadHostCapabilities(u"handwritten-ppc64le-power9-kvm-capabilities.xml"_s);
    EXPECT_EQ(caps.hostArch, u"ppc64le"_s);
    EXPECT_EQ(caps.hostCpuModel, u"POWER9"_s);
    EXPECT_TRUE(caps.runsNatively(u"ppc64le"_s));
    EXPECT_TRUE(caps.runsNatively(u"ppc64"_s));
    EXPECT_FALSE(caps.runsNatively(u"x86_64"_s));
    EXPECT_TRUE(caps.canEmulate(u"x86_64"_s));
    EXPECT_EQ(caps.emulatedArches(), (QStringList{u"aarch64"_s, u"x86_64"_s}));
}

TEST(HostCapabilitiesParser, HandWrittenS390xHostRunsS390xNatively)
{
    const HostCapabilities caps =
        loadHostCapabilities(u"handwritten-s390x-z15-kvm-capabilities.xml"_s);
    EXPECT_EQ(caps.hostArch, u"s390x"_s);
    EXPECT_EQ(caps.nativeArches(), QStringList{u"s390x"_s});
    EXPECT_EQ(caps.canonicalMachine(u"s390x"_s, u"s390-ccw-virtio"_s), u"s390-ccw-virtio-7.2"_s);
}

TEST(HostCapabilitiesParser, RejectsMalformedOrForeignXmlWithAMessage)
{
    QString error;
    EXPECT_FALSE(parseHostCapabilities("<capabilities><host>", &error));
    EXPECT_FALSE(error.isEmpty());
    error.clear();
    EXPECT_FALSE(parseHostCapabilities("<domainCapabilities/>", &error));
    EXPECT_TRUE(error.contains(u"capabilities"_s));
    error.clear();
    EXPECT_FALSE(parseDomainCapabilities("<capabilities/>", &error));
    EXPECT_FALSE(error.isEmpty());
    EXPECT_FALSE(parseDomainCapabilities("", &error));
}

TEST(DomainCapabilitiesParser, Q35HasNoIdeBusWhilePcHasIt)
{
    const DomainCapabilities q35 = loadDomainCapabilities(u"domcaps-x86_64-q35-kvm.xml"_s);
    const DomainCapabilities pc = loadDomainCapabilities(u"domcaps-x86_64-pc-kvm.xml"_s);
    EXPECT_EQ(q35.arch, u"x86_64"_s);
    EXPECT_EQ(q35.virtType, u"kvm"_s);
    EXPECT_EQ(q35.machine, u"pc-q35-7.2"_s);
    EXPECT_EQ(q35.maxVcpus, 288);
    const CapabilityEnum q35Bus = q35.deviceEnum(u"disk"_s, u"bus"_s);
    EXPECT_TRUE(q35Bus.known);
    EXPECT_FALSE(q35Bus.allows(u"ide"_s));
    EXPECT_TRUE(q35Bus.allows(u"sata"_s));
    EXPECT_TRUE(pc.deviceEnum(u"disk"_s, u"bus"_s).allows(u"ide"_s));
    EXPECT_TRUE(q35.deviceEnum(u"graphics"_s, u"type"_s).allows(u"spice"_s));
    EXPECT_TRUE(q35.uefiAvailable());
    EXPECT_EQ(q35.cpuModeSupported(u"host-model"_s), std::optional<bool>(true));
    EXPECT_EQ(q35.cpuModeSupported(u"no-such-mode"_s), std::nullopt);
}

TEST(DomainCapabilitiesParser, EmulatedCapsReportNoHostCpuModesAndTcgUsableModels)
{
    const DomainCapabilities tcg = loadDomainCapabilities(u"domcaps-x86_64-q35-qemu.xml"_s);
    EXPECT_EQ(tcg.virtType, u"qemu"_s);
    EXPECT_EQ(tcg.cpuModeSupported(u"host-passthrough"_s), std::optional<bool>(false));
    EXPECT_TRUE(tcg.customModelUsable(u"qemu64"_s));
    EXPECT_TRUE(tcg.customModelUsable(u"Nehalem"_s));
    EXPECT_FALSE(tcg.customModelUsable(u"Skylake-Server"_s));
    EXPECT_FALSE(tcg.hasCustomModel(u"EPYC-Genoa"_s));

    // usable='unknown' (TCG on ppc) is not a "no".
    const DomainCapabilities ppc = loadDomainCapabilities(u"domcaps-ppc64-pseries-qemu.xml"_s);
    EXPECT_TRUE(ppc.customModelUsable(u"POWER9"_s));
    EXPECT_FALSE(ppc.uefiAvailable());
}

TEST(DomainCapabilitiesParser, UnsupportedDeviceWithoutEnumsAllowsNothing)
{
    const DomainCapabilities s390 =
        loadDomainCapabilities(u"domcaps-s390x-s390-ccw-virtio-qemu.xml"_s);
    EXPECT_FALSE(s390.devicesSupported.value(u"tpm"_s));
    EXPECT_FALSE(s390.deviceEnum(u"tpm"_s, u"model"_s).allows(u"tpm-tis"_s));
    // A device the XML does not mention at all is unknown: nothing to narrow by.
    EXPECT_TRUE(s390.deviceEnum(u"crypto"_s, u"model"_s).allows(u"virtio"_s));
    EXPECT_TRUE(s390.features.contains(u"s390-pv"_s));
}

TEST(DomainCapabilitiesParser, HandWrittenNativeCapsOfferHostModel)
{
    const DomainCapabilities p9 =
        loadDomainCapabilities(u"domcaps-ppc64le-pseries-kvm-handwritten.xml"_s);
    EXPECT_EQ(p9.virtType, u"kvm"_s);
    EXPECT_EQ(p9.hostModelName, u"POWER9"_s);
    EXPECT_FALSE(p9.customModelUsable(u"POWER10"_s));
    const DomainCapabilities z =
        loadDomainCapabilities(u"domcaps-s390x-s390-ccw-virtio-kvm-handwritten.xml"_s);
    EXPECT_EQ(z.hostModelName, u"gen15a-base"_s);
    EXPECT_TRUE(z.customModelUsable(u"z14"_s));
}

TEST(DomainCapabilitiesParser, TpmRngAndHostdevEnumsOfAddHardware)
{
    // Add Hardware's TPM, RNG and passthrough lists narrow by these enums.
    const DomainCapabilities q35 = loadDomainCapabilities(u"domcaps-x86_64-q35-kvm.xml"_s);
    EXPECT_EQ(q35.deviceEnum(u"tpm"_s, u"model"_s).values,
              (QStringList{u"tpm-tis"_s, u"tpm-crb"_s}));
    // No swtpm on the capture host: libvirt offers only the host's TPM.
    EXPECT_EQ(q35.deviceEnum(u"tpm"_s, u"backendModel"_s).values, QStringList{u"passthrough"_s});
    EXPECT_TRUE(q35.deviceEnum(u"rng"_s, u"model"_s).allows(u"virtio"_s));
    EXPECT_TRUE(q35.deviceEnum(u"hostdev"_s, u"subsysType"_s).allows(u"pci"_s));

    const DomainCapabilities ppc = loadDomainCapabilities(u"domcaps-ppc64le-pseries-qemu.xml"_s);
    EXPECT_EQ(ppc.deviceEnum(u"tpm"_s, u"model"_s).values,
              (QStringList{u"tpm-spapr"_s, u"spapr-tpm-proxy"_s}));

    const DomainCapabilities z =
        loadDomainCapabilities(u"domcaps-s390x-s390-ccw-virtio-qemu.xml"_s);
    EXPECT_FALSE(z.devicesSupported.value(u"tpm"_s, true));
    EXPECT_FALSE(z.deviceEnum(u"tpm"_s, u"model"_s).allows(u"tpm-tis"_s));
    EXPECT_FALSE(z.deviceEnum(u"hostdev"_s, u"subsysType"_s).allows(u"usb"_s));
    EXPECT_TRUE(z.deviceEnum(u"hostdev"_s, u"subsysType"_s).allows(u"pci"_s));
}

// Found with the host_capabilities fuzz target's build (ASan: stack overflow freeing the
// element tree): a hostile host's document nested 200,000 deep crashed the parser's
// thread. It is refused with a reason instead; real ones nest about 6 deep.
TEST(HostCapabilitiesParser, DocumentNestedHundredsOfThousandsDeepIsRefusedNotACrash)
{
    constexpr int depth = 200000;
    for (const QByteArray &rootName : {"capabilities"_ba, "domainCapabilities"_ba}) {
        const QByteArray xml = '<' + rootName + '>' + QByteArray("<a>").repeated(depth) +
                               QByteArray("</a>").repeated(depth) + "</" + rootName + '>';
        QString error;
        const bool parsed = rootName == "capabilities"
                                ? parseHostCapabilities(xml, &error).has_value()
                                : parseDomainCapabilities(xml, &error).has_value();
        EXPECT_FALSE(parsed) << rootName.constData();
        EXPECT_TRUE(error.contains(u"nested deeper than 64 elements"_s)) << error.toStdString();
    }
    // The depth limit leaves room: 50 levels under <guest> still parse.
    const QByteArray nested = "<capabilities><guest><arch name='x86_64'>" +
                              QByteArray("<x>").repeated(50) + QByteArray("</x>").repeated(50) +
                              "</arch></guest></capabilities>";
    const auto caps = parseHostCapabilities(nested);
    ASSERT_TRUE(caps.has_value());
    EXPECT_EQ(caps->guests.size(), 1);
}
