// The seventh arch against a real libvirtd + QEMU (issue 10): the armv7l domain XML that
// DomainXmlBuilder writes from the arch's defaults, narrowed by the host's real domain
// capabilities, is accepted by libvirt and QEMU starts it (TCG: no KVM for 32-bit Arm).

#include "arch/ArchRegistry.h"
#include "arch/Capabilities.h"
#include "e2e/E2eSupport.h"
#include "models/connection/LibvirtHandles.h"
#include "models/provisioning/DomainXmlBuilder.h"

#include <gtest/gtest.h>
#include <libvirt/virterror.h>

using namespace Qt::StringLiterals;
using namespace crossvirt;
using namespace crossvirt::test::e2e;

namespace {

[[maybe_unused]] ::testing::Environment *const e2eEnvironment =
    ::testing::AddGlobalTestEnvironment(new LibvirtDaemonEnvironment);

class Armv7lE2e : public LibvirtDaemonTest
{
};

TEST_F(Armv7lE2e, DefaultArmv7lGuestDefinesAndStartsOnARealHost)
{
    const arch::ArchModel *model = arch::ArchRegistry::instance().find(u"armv7l"_s);
    ASSERT_NE(model, nullptr);
    models::LibvirtString capsXml{virConnectGetDomainCapabilities(
        conn(), nullptr, "armv7l", "virt", daemon().domainTypeFor(u"armv7l"_s).toUtf8().constData(),
        0)};
    if (!capsXml)
        GTEST_SKIP() << "this host's libvirt offers no armv7l virt guests (qemu-system-arm)";
    const auto domCaps = arch::parseDomainCapabilities(QByteArray(capsXml.get()));
    ASSERT_TRUE(domCaps.has_value());

    arch::GuestContext ctx;
    ctx.arch = model->name();
    ctx.machine = u"virt"_s;
    ctx.virtType =
        arch::virtTypeFromName(daemon().domainTypeFor(u"armv7l"_s)).value_or(arch::VirtType::Qemu);
    ctx.domainCaps = &*domCaps;
    const arch::DefaultDevices d = model->defaultDevices(ctx);
    info(u"armv7l"_s,
         u"disk %1, nic %2, graphics %3, video %4, console %5, cpu %6"_s.arg(
             d.diskInterface, d.nicModel, d.graphics, d.video, d.console, d.cpu.model));
    EXPECT_EQ(d.console.consoleTargetType, u"serial"_s);
    EXPECT_EQ(d.console.serialTargetModel, u"pl011"_s);

    models::VmSpec spec;
    spec.name = LibvirtDaemon::domainPrefix() + u"armv7l"_s;
    spec.arch = model->name();
    spec.machine = d.machine;
    spec.virtType = d.virtType;
    spec.memoryMiB = 256;
    spec.cpu = d.cpu;
    spec.firmware = d.firmware;
    spec.diskInterface = d.diskInterface;
    spec.graphics = d.graphics;
    spec.video = d.video;
    spec.console = d.console;
    spec.nic = models::NicSpec{LibvirtDaemon::networkName(), d.nicModel};
    const QString xml = models::DomainXmlBuilder::domainXml(spec, *model, ctx);

    models::DomainHandle dom{virDomainDefineXML(conn(), xml.toUtf8().constData())};
    ASSERT_TRUE(dom) << virGetLastErrorMessage() << "\n" << xml.toStdString();
    const int started = virDomainCreate(dom.get());
    const QString startError =
        started == 0 ? QString() : QString::fromUtf8(virGetLastErrorMessage());
    if (started == 0)
        virDomainDestroy(dom.get());
    virDomainUndefine(dom.get());
    EXPECT_EQ(started, 0) << startError.toStdString() << "\n" << xml.toStdString();
}

} // namespace
