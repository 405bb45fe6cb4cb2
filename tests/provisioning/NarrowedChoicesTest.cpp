// Choices narrowed by a real host: capabilities and domain capabilities captured from
// Debian 12 (libvirt 9.0, QEMU 7.2) on x86_64 with KVM. Every offered entry must be one
// the host's domain capabilities allow, and the XML built from the defaults must define.
#include "ProvisioningFixtures.h"
#include "common/TestSupport.h"
#include "models/provisioning/DomainXmlBuilder.h"
#include "models/provisioning/HostChoices.h"
#include "models/provisioning/VmSpecValidator.h"

#include <QFile>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace crossvirt;

namespace {

QByteArray readData(const QString &name)
{
    QFile f(test::sourcePath(u"tests/data/capabilities/"_s + name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

struct NarrowCase
{
    const char *domcaps;
    QString arch;
    QString machine;
    arch::Execution execution;
};

void PrintTo(const NarrowCase &c, std::ostream *os)
{
    *os << c.domcaps;
}

class NarrowedChoices : public ::testing::TestWithParam<NarrowCase>
{
};

TEST_P(NarrowedChoices, OfferOnlyWhatTheHostAllowsAndDefine)
{
    const NarrowCase c = GetParam();
    const QByteArray capsXml = readData(u"debian12-x86_64-kvm-capabilities.xml"_s);
    const QByteArray domXml = readData(QString::fromLatin1(c.domcaps));
    if (capsXml.isEmpty() || domXml.isEmpty())
        GTEST_SKIP() << "captured capabilities missing";
    models::GuestHostContext host;
    host.uri = u"qemu:///system"_s;
    host.arch = c.arch;
    host.machine = c.machine;
    host.hostArch = u"x86_64"_s;
    host.hostCaps = arch::parseHostCapabilities(capsXml);
    ASSERT_TRUE(host.hostCaps);
    host.placement =
        arch::rankHosts(c.arch, {arch::HostCandidate{host.uri, host.hostArch, host.hostCaps}}, true)
            .value(0);
    ASSERT_EQ(host.placement.execution, c.execution);
    auto dc = arch::parseDomainCapabilities(domXml);
    ASSERT_TRUE(dc);
    host.domainCaps = std::make_shared<const arch::DomainCapabilities>(*dc);

    const auto choices = models::computeGuestChoices(host);
    ASSERT_TRUE(choices);
    EXPECT_TRUE(choices->domainCapsUsed);
    const arch::CapabilityEnum buses = dc->deviceEnum(u"disk"_s, u"bus"_s);
    const arch::ArchModel *model = host.model();
    for (const QString &id : choices->diskInterfaces.offeredIds())
        EXPECT_TRUE(buses.allows(model->diskInterfaceSpec(id).bus)) << id.toStdString();
    const arch::CapabilityEnum graphics = dc->deviceEnum(u"graphics"_s, u"type"_s);
    for (const QString &id : choices->graphicsTypes.offeredIds()) {
        if (id != "none"_L1) {
            EXPECT_TRUE(graphics.allows(id)) << id.toStdString();
        }
    }
    const arch::CapabilityEnum video = dc->deviceEnum(u"video"_s, u"modelType"_s);
    for (const QString &id : choices->videoModels.offeredIds()) {
        if (id != "none"_L1) {
            EXPECT_TRUE(video.allows(id)) << id.toStdString();
        }
    }

    // A VM made of the narrowed defaults validates and defines.
    models::VmSpec spec =
        test::defaultSpec(u"narrowed"_s, c.arch, c.machine, host.placement.virtType);
    const arch::GuestContext ctx = host.context();
    spec.firmware = choices->defaults.firmware;
    spec.cpu = choices->defaults.cpu;
    spec.diskInterface = choices->defaults.diskInterface;
    spec.graphics = choices->defaults.graphics;
    spec.video = choices->defaults.video;
    spec.nic->model = choices->defaults.nicModel;
    const auto problems = models::VmSpecValidator::validate(spec, *model, ctx, {});
    for (const auto &p : problems)
        ADD_FAILURE() << p.field.toStdString() << ": " << p.message.toStdString();
    test::TestDriver driver;
    const QString xml = models::DomainXmlBuilder::domainXml(spec, *model, ctx);
    EXPECT_EQ(driver.define(xml), QString()) << xml.toStdString();
    driver.undefine(spec.name);
}

INSTANTIATE_TEST_SUITE_P(
    Debian12, NarrowedChoices,
    ::testing::Values(
        NarrowCase{"domcaps-x86_64-q35-kvm.xml", u"x86_64"_s, u"q35"_s, arch::Execution::Native},
        NarrowCase{"domcaps-x86_64-pc-kvm.xml", u"x86_64"_s, u"pc"_s, arch::Execution::Native},
        NarrowCase{"domcaps-ppc64le-pseries-qemu.xml", u"ppc64le"_s, u"pseries"_s,
                   arch::Execution::Emulated},
        NarrowCase{"domcaps-ppc64-pseries-qemu.xml", u"ppc64"_s, u"pseries"_s,
                   arch::Execution::Emulated},
        NarrowCase{"domcaps-aarch64-virt-qemu.xml", u"aarch64"_s, u"virt"_s,
                   arch::Execution::Emulated},
        NarrowCase{"domcaps-s390x-s390-ccw-virtio-qemu.xml", u"s390x"_s, u"s390-ccw-virtio"_s,
                   arch::Execution::Emulated},
        NarrowCase{"domcaps-riscv64-virt-qemu.xml", u"riscv64"_s, u"virt"_s,
                   arch::Execution::Emulated}));

} // namespace
