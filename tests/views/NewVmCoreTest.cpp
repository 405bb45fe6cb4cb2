// The New VM wizard is a thin client of the provisioning core: for every arch the registry
// knows, the wizard and `crossvirt-cli create --dry-run` give byte-identical domain XML
// for the same choices; and the wizard labels a host native or emulated exactly as the
// placement (with the host's own capabilities) runs the guest.
#include "DialogFixture.h"
#include "NewVmParity.h"

#include "arch/ArchRegistry.h"
#include "arch/Capabilities.h"
#include "common/TestSupport.h"
#include "models/connection/HostSession.h"
#include "models/provisioning/HostCapabilitiesService.h"
#include "views/dialogs/NewVmDialog.h"

#include <QComboBox>
#include <QFile>

using namespace crossvirt;
using namespace Qt::StringLiterals;
using crossvirt::test::waitUntil;

namespace {

/// The demo hosts in the order a guest of `arch` is tried on: its own arch first.
QStringList demoHostsFor(const QString &arch)
{
    QStringList hosts{u"x86_64"_s, u"ppc64le"_s, u"aarch64"_s, u"s390x"_s};
    if (hosts.removeAll(arch) > 0)
        hosts.prepend(arch);
    return hosts;
}

/// A Debian x86_64 host's capabilities with KVM taken away: QEMU can only emulate (TCG).
std::optional<arch::HostCapabilities> tcgOnlyX86Capabilities()
{
    QFile f(test::sourcePath(u"tests/data/capabilities/debian12-x86_64-kvm-capabilities.xml"_s));
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    QByteArray xml = f.readAll();
    xml.replace("<domain type='kvm'/>", "");
    return arch::parseHostCapabilities(xml);
}

} // namespace

class NewVmCoreTest : public test::DialogTest
{
};

TEST_F(NewVmCoreTest, WizardAndCliGiveIdenticalXmlForEveryArch)
{
    for (const QString &arch : arch::ArchRegistry::instance().archNames()) {
        SCOPED_TRACE(arch.toStdString());
        bool done = false;
        QStringList skipped;
        for (const QString &host : demoHostsFor(arch)) {
            const test::ParityResult r =
                test::newVmParity(datacenter, clusters, demoUri(host), arch, u"parity-"_s + arch,
                                  true, QStringLiteral(CROSSVIRT_CLI_PATH));
            if (!r.skipped.isEmpty()) {
                skipped << r.skipped;
                continue;
            }
            ASSERT_TRUE(r.error.isEmpty()) << r.error.toStdString();
            ASSERT_FALSE(r.dialogXml.isEmpty());
            EXPECT_EQ(r.dialogXml.toStdString(), r.cliXml.toStdString())
                << "host " << host.toStdString();
            done = true;
            break;
        }
        EXPECT_TRUE(done) << "no demo host offers " << arch.toStdString() << ": "
                          << skipped.join(u"; "_s).toStdString();
    }
}

// Direct kernel boot and a boot order of the user's own: the wizard's install and boot
// pages and `create --kernel ... --boot ...` give the same XML (kernel arguments default to
// the arch's console argument on both sides).
TEST_F(NewVmCoreTest, WizardAndCliGiveIdenticalXmlForKernelBootAndBootOrder)
{
    struct Case
    {
        QString host;
        QString arch;
        test::ParityOptions options;
    };
    test::ParityOptions x86;
    x86.kernel = u"/var/lib/libvirt/boot/vmlinuz"_s;
    x86.initrd = u"/var/lib/libvirt/boot/initrd.gz"_s;
    test::ParityOptions power = x86;
    power.console = u"virtio"_s;
    power.bootOrder = {u"network"_s, u"hd"_s};
    test::ParityOptions arm = x86;
    arm.cmdline = u"console=ttyAMA0 quiet crossvirt.tick=1"_s;
    arm.dtb = u"/var/lib/libvirt/boot/board.dtb"_s;
    test::ParityOptions z;
    z.kernel = x86.kernel;
    z.withDisk = false;
    test::ParityOptions order;
    order.bootOrder = {u"network"_s};
    for (const Case &c :
         {Case{u"x86_64"_s, u"x86_64"_s, x86}, Case{u"ppc64le"_s, u"ppc64le"_s, power},
          Case{u"aarch64"_s, u"aarch64"_s, arm}, Case{u"s390x"_s, u"s390x"_s, z},
          Case{u"s390x"_s, u"s390x"_s, order}}) {
        SCOPED_TRACE(c.arch.toStdString());
        const test::ParityResult r =
            test::newVmParity(datacenter, clusters, demoUri(c.host), c.arch, u"kparity"_s,
                              c.options, QStringLiteral(CROSSVIRT_CLI_PATH));
        ASSERT_TRUE(r.skipped.isEmpty()) << r.skipped.toStdString();
        ASSERT_TRUE(r.error.isEmpty()) << r.error.toStdString();
        ASSERT_FALSE(r.dialogXml.isEmpty());
        EXPECT_EQ(r.dialogXml.toStdString(), r.cliXml.toStdString());
        if (!c.options.kernel.isEmpty()) {
            EXPECT_TRUE(r.dialogXml.contains(u"<kernel>"_s + c.options.kernel + u"</kernel>"_s))
                << r.dialogXml.toStdString();
            EXPECT_TRUE(r.dialogXml.contains(u"<cmdline>console="_s)) << r.dialogXml.toStdString();
        }
        if (!c.options.bootOrder.isEmpty()) {
            EXPECT_TRUE(r.dialogXml.contains(u"<boot order=\"1\"/>"_s))
                << r.dialogXml.toStdString();
        }
    }
}

TEST_F(NewVmCoreTest, TcgOnlyHostIsNotLabelledNative)
{
    models::HostCapabilitiesService service(&datacenter);
    models::HostSession *x86 = session(u"x86_64"_s);
    ASSERT_TRUE(x86);

    // Policy alone (the test driver has no capabilities): an x86_64 host runs x86_64 natively.
    {
        views::NewVmDialog d(&datacenter, &clusters, &service);
        ASSERT_TRUE(d.selectHost(demoUri(u"x86_64"_s)));
        ASSERT_TRUE(d.selectArch(u"x86_64"_s));
        ASSERT_TRUE(waitUntil([&] { return d.isReady(); }, 10000));
        EXPECT_TRUE(d.hostCombo()->currentText().contains(u"(native)"_s))
            << d.hostCombo()->currentText().toStdString();
        EXPECT_EQ(d.guestContext()->placement.execution, arch::Execution::Native);
    }

    // The host's capabilities say TCG only: the label follows the placement, not the policy.
    const auto caps = tcgOnlyX86Capabilities();
    ASSERT_TRUE(caps);
    service.provider(x86)->primeHostCapabilities(caps);
    views::NewVmDialog d(&datacenter, &clusters, &service);
    ASSERT_TRUE(d.selectHost(demoUri(u"x86_64"_s)));
    ASSERT_TRUE(d.selectArch(u"x86_64"_s));
    ASSERT_TRUE(waitUntil([&] { return d.isReady(); }, 10000));
    const QString label = d.hostCombo()->currentText();
    EXPECT_FALSE(label.contains(u"(native)"_s)) << label.toStdString();
    EXPECT_TRUE(label.contains(u"(emulated)"_s)) << label.toStdString();
    ASSERT_TRUE(d.guestContext());
    EXPECT_EQ(d.guestContext()->placement.execution, arch::Execution::Emulated);
    EXPECT_EQ(d.guestContext()->placement.virtType, arch::VirtType::Qemu);
    EXPECT_TRUE(d.placementText().contains(u"emulated"_s)) << d.placementText().toStdString();
    EXPECT_TRUE(d.domainXml().isEmpty() || d.domainXml().contains(u"type=\"qemu\""_s) ||
                d.domainXml().contains(u"type='qemu'"_s))
        << d.domainXml().toStdString();
}
