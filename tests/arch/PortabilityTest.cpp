// ArchModel::portabilityProblems(): what a host lacks for a guest that already exists (a
// template made on another host), judged with capabilities captured from real libvirt
// (tests/data/capabilities) or hand-written for POWER9 and z15 KVM hosts.
#include "ArchFixtures.h"

#include "arch/ArchModel.h"

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace crossvirt::test {
namespace {

using arch::CpuMode;
using arch::GuestRequirements;
using arch::PortabilityProblem;
using arch::VirtType;

GuestRequirements power9Template()
{
    GuestRequirements g;
    g.arch = u"ppc64le"_s;
    g.machine = u"pseries-7.2"_s;
    g.cpu = {CpuMode::Custom, u"POWER9"_s};
    g.vcpus = 4;
    g.memoryMiB = 4096;
    g.diskBuses = {u"virtio"_s, u"scsi"_s};
    g.controllerModels = {u"scsi/ibmvscsi"_s};
    g.nicModels = {u"spapr-vlan"_s, u"virtio"_s};
    g.videoModels = {u"vga"_s};
    g.graphicsTypes = {u"vnc"_s};
    return g;
}

QStringList whats(const QList<PortabilityProblem> &problems)
{
    QStringList out;
    for (const PortabilityProblem &p : problems)
        out << p.what;
    return out;
}

QString reasonFor(const QList<PortabilityProblem> &problems, const QString &what)
{
    for (const PortabilityProblem &p : problems) {
        if (p.what == what)
            return p.reason;
    }
    return {};
}

TEST(Portability, Power9TemplateRunsOnItsOwnKindOfHost)
{
    const auto host = loadHostCapabilities(u"handwritten-ppc64le-power9-kvm-capabilities.xml"_s);
    const auto dom = loadDomainCapabilities(u"domcaps-ppc64le-pseries-kvm-handwritten.xml"_s);
    const auto &model = archModel(u"ppc64le"_s);
    const auto problems = model.portabilityProblems(
        guestContext(u"ppc64le"_s, VirtType::Kvm, &dom, u"pseries-7.2"_s), power9Template(), &host);
    EXPECT_TRUE(problems.isEmpty()) << whats(problems).join(u"; "_s).toStdString();
}

TEST(Portability, AnotherArchIsRefusedAlone)
{
    const auto dom = loadDomainCapabilities(u"domcaps-x86_64-q35-kvm.xml"_s);
    const auto &model = archModel(u"x86_64"_s);
    const auto problems = model.portabilityProblems(guestContext(u"x86_64"_s, VirtType::Kvm, &dom),
                                                    power9Template(), nullptr);
    ASSERT_EQ(problems.size(), 1);
    EXPECT_TRUE(problems[0].what.contains(u"ppc64le"_s));
    EXPECT_TRUE(problems[0].reason.contains(u"x86_64"_s));
}

TEST(Portability, MissingVersionedMachineNamesTheHostsOwn)
{
    const auto host = loadHostCapabilities(u"handwritten-ppc64le-power9-kvm-capabilities.xml"_s);
    auto g = power9Template();
    g.machine = u"pseries-9.1"_s; // made on a newer QEMU
    const auto problems =
        archModel(u"ppc64le"_s).portabilityProblems(guestContext(u"ppc64le"_s), g, &host);
    const QString reason = reasonFor(problems, u"Machine type pseries-9.1"_s);
    ASSERT_FALSE(reason.isEmpty()) << whats(problems).join(u"; "_s).toStdString();
    EXPECT_TRUE(reason.contains(u"pseries-7.2"_s)) << reason.toStdString(); // newest first
}

TEST(Portability, AliasWhoseCanonicalMatchesIsAccepted)
{
    const auto host = loadHostCapabilities(u"debian12-x86_64-kvm-capabilities.xml"_s);
    GuestRequirements g;
    g.arch = u"x86_64"_s;
    g.machine = u"pc-i440fx-7.2"_s;
    EXPECT_TRUE(
        archModel(u"x86_64"_s).portabilityProblems(guestContext(u"x86_64"_s), g, &host).isEmpty());
    g.machine = u"q35"_s;
    EXPECT_TRUE(
        archModel(u"x86_64"_s).portabilityProblems(guestContext(u"x86_64"_s), g, &host).isEmpty());
}

TEST(Portability, HostWithoutScsiBusLacksSpaprVscsi)
{
    // A POWER host whose QEMU lists no SCSI disk bus: the template's sPAPR VSCSI disks
    // cannot be attached there; each missing part is named.
    QByteArray xml = readFixture(u"domcaps-ppc64le-pseries-kvm-handwritten.xml"_s);
    xml.replace("<value>scsi</value>\n        <value>virtio</value>", "<value>virtio</value>");
    xml.replace("<value>tpm-spapr</value>", "");
    const auto dom = arch::parseDomainCapabilities(xml);
    ASSERT_TRUE(dom);
    ASSERT_FALSE(dom->deviceEnum(u"disk"_s, u"bus"_s).allows(u"scsi"_s));
    auto g = power9Template();
    g.tpmModels = {u"tpm-spapr"_s};
    const auto problems =
        archModel(u"ppc64le"_s)
            .portabilityProblems(guestContext(u"ppc64le"_s, VirtType::Kvm, &*dom), g, nullptr);
    const QStringList w = whats(problems);
    EXPECT_TRUE(w.contains(u"Disk bus scsi"_s)) << w.join(u"; "_s).toStdString();
    EXPECT_TRUE(w.contains(u"TPM model tpm-spapr"_s)) << w.join(u"; "_s).toStdString();
    bool controller = false;
    for (const QString &s : w)
        controller = controller || s.startsWith(u"Controller"_s);
    EXPECT_TRUE(controller) << w.join(u"; "_s).toStdString();
    EXPECT_FALSE(w.contains(u"NIC model spapr-vlan"_s));
}

TEST(Portability, IdeOnPowerIsNamed)
{
    auto g = power9Template();
    g.diskBuses = {u"ide"_s};
    const auto problems =
        archModel(u"ppc64le"_s).portabilityProblems(guestContext(u"ppc64le"_s), g, nullptr);
    const QString ide = reasonFor(problems, u"Disk bus ide"_s);
    EXPECT_TRUE(ide.contains(u"IDE"_s)) << ide.toStdString();
}

TEST(Portability, Power10GuestOnPower9HostUnderKvm)
{
    const auto dom = loadDomainCapabilities(u"domcaps-ppc64le-pseries-kvm-handwritten.xml"_s);
    auto g = power9Template();
    g.cpu = {CpuMode::Custom, u"POWER10"_s};
    const auto &model = archModel(u"ppc64le"_s);
    const auto kvm =
        model.portabilityProblems(guestContext(u"ppc64le"_s, VirtType::Kvm, &dom), g, nullptr);
    const QString reason = reasonFor(kvm, u"CPU model POWER10"_s);
    EXPECT_TRUE(reason.contains(u"POWER9"_s)) << reason.toStdString(); // the arch's words
    EXPECT_EQ(kvm.size(), 1);

    // Emulated, any generation runs.
    const auto tcgCaps = loadDomainCapabilities(u"domcaps-ppc64le-pseries-qemu.xml"_s);
    EXPECT_TRUE(
        model.portabilityProblems(guestContext(u"ppc64le"_s, VirtType::Qemu, &tcgCaps), g, nullptr)
            .isEmpty());
}

TEST(Portability, HostModelNeedsKvm)
{
    auto g = power9Template();
    g.cpu = {CpuMode::HostModel, {}};
    const auto tcgCaps = loadDomainCapabilities(u"domcaps-ppc64le-pseries-qemu.xml"_s);
    const auto problems =
        archModel(u"ppc64le"_s)
            .portabilityProblems(guestContext(u"ppc64le"_s, VirtType::Qemu, &tcgCaps), g, nullptr);
    ASSERT_EQ(problems.size(), 1);
    EXPECT_TRUE(problems[0].what.startsWith(u"CPU mode"_s));
}

TEST(Portability, Z16GuestOnZ15Host)
{
    const auto dom = loadDomainCapabilities(u"domcaps-s390x-s390-ccw-virtio-kvm-handwritten.xml"_s);
    GuestRequirements g;
    g.arch = u"s390x"_s;
    g.machine = u"s390-ccw-virtio"_s;
    g.cpu = {CpuMode::Custom, u"gen16a"_s};
    const auto problems =
        archModel(u"s390x"_s)
            .portabilityProblems(guestContext(u"s390x"_s, VirtType::Kvm, &dom), g, nullptr);
    const QString reason = reasonFor(problems, u"CPU model gen16a"_s);
    EXPECT_TRUE(reason.contains(u"gen15a-base"_s)) << reason.toStdString();
    g.cpu = {CpuMode::Custom, u"z14"_s};
    EXPECT_TRUE(archModel(u"s390x"_s)
                    .portabilityProblems(guestContext(u"s390x"_s, VirtType::Kvm, &dom), g, nullptr)
                    .isEmpty());
}

TEST(Portability, UefiHostdevsAndTooManyVcpus)
{
    const auto host = loadHostCapabilities(u"debian12-x86_64-kvm-capabilities.xml"_s);
    QByteArray xml = readFixture(u"domcaps-x86_64-q35-kvm.xml"_s);
    xml.replace("<value>efi</value>", "");
    xml.replace("<value>pflash</value>", "");
    const auto dom = arch::parseDomainCapabilities(xml);
    ASSERT_TRUE(dom);
    GuestRequirements g;
    g.arch = u"x86_64"_s;
    g.machine = u"pc-i440fx-7.2"_s;
    g.firmware = u"efi"_s;
    g.vcpus = 300;
    g.hostdevTypes = {u"pci"_s};
    g.nicModels = {u"spapr-vlan"_s};
    const auto problems =
        archModel(u"x86_64"_s)
            .portabilityProblems(guestContext(u"x86_64"_s, VirtType::Kvm, &*dom), g, &host);
    const QStringList w = whats(problems);
    EXPECT_TRUE(w.contains(u"UEFI firmware"_s)) << w.join(u"; "_s).toStdString();
    EXPECT_TRUE(w.contains(u"Host device (pci)"_s));
    EXPECT_TRUE(w.contains(u"NIC model spapr-vlan"_s));
    bool vcpus = false;
    for (const PortabilityProblem &p : problems)
        vcpus = vcpus || p.reason.contains(u"255"_s);
    EXPECT_TRUE(vcpus) << w.join(u"; "_s).toStdString();
}

TEST(Portability, WithoutCapabilitiesOnlyArchRules)
{
    // The test driver has neither: a POWER guest on a POWER context passes.
    EXPECT_TRUE(archModel(u"ppc64le"_s)
                    .portabilityProblems(guestContext(u"ppc64le"_s), power9Template(), nullptr)
                    .isEmpty());
}

} // namespace
} // namespace crossvirt::test
