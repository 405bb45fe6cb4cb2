// The domain XML of a new VM, per arch, is accepted by libvirt (the test driver) and
// reads back with the same arch, machine, disk buses, controllers, NIC and display.
#include "models/provisioning/DomainXmlBuilder.h"
#include "ProvisioningFixtures.h"
#include "models/provisioning/ProvisioningJobs.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QXmlStreamReader>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace crossvirt;
using models::StorageKind;

namespace {

struct ArchCase
{
    const char *label;
    QString arch;
    QString machine;
    arch::VirtType virtType;
    QString diskInterface;    ///< empty = the arch's default
    QString cdromInterface;   ///< empty = no cdrom
    QString expectController; ///< "type/model" that must appear, or empty
};

void PrintTo(const ArchCase &c, std::ostream *os)
{
    *os << c.label;
}

/// libvirt's own RNG schema check (virt-xml-validate), stricter than the test driver's
/// parser; empty when valid or when the tool is missing.
QString schemaProblems(const QString &xml)
{
    const QString tool = QStandardPaths::findExecutable(u"virt-xml-validate"_s);
    if (tool.isEmpty())
        return {};
    QTemporaryFile file;
    if (!file.open())
        return u"cannot write a temporary file"_s;
    file.write(xml.toUtf8());
    file.flush();
    QProcess p;
    p.start(tool, {file.fileName(), u"domain"_s});
    if (!p.waitForFinished(60000))
        return u"virt-xml-validate did not finish"_s;
    if (p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0)
        return {};
    return QString::fromLocal8Bit(p.readAllStandardError() + p.readAllStandardOutput());
}

class DomainXmlPerArch : public ::testing::TestWithParam<ArchCase>
{
};

TEST_P(DomainXmlPerArch, DefinesOnTestDriverAndReadsBack)
{
    const ArchCase c = GetParam();
    const arch::ArchModel *model = arch::ArchRegistry::instance().find(c.arch);
    ASSERT_NE(model, nullptr) << c.arch.toStdString();
    test::TestDriver driver;
    ASSERT_NE(driver.conn(), nullptr);

    models::VmSpec spec =
        test::defaultSpec(u"xml-"_s + QString::fromLatin1(c.label), c.arch, c.machine, c.virtType);
    if (!c.diskInterface.isEmpty())
        spec.diskInterface = c.diskInterface;
    spec.storage.kind = StorageKind::NewVolume;
    spec.storage.pool = u"default-pool"_s;
    spec.storage.sizeGiB = 8;
    if (!c.cdromInterface.isEmpty())
        spec.cdrom = models::CdromSpec{u"default-pool"_s, u"install.iso"_s, c.cdromInterface};
    const arch::GuestContext ctx = test::contextOf(spec);
    ASSERT_TRUE(model->diskInterfaces(ctx).offers(spec.diskInterface))
        << spec.diskInterface.toStdString();

    const QString xml = models::DomainXmlBuilder::domainXml(spec, *model, ctx);
    EXPECT_EQ(schemaProblems(xml), QString()) << xml.toStdString();
    const QString error = driver.define(xml);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString() << "\n" << xml.toStdString();
    const test::ReadBack back = test::readBack(driver.dumpXml(spec.name));
    driver.undefine(spec.name);

    EXPECT_EQ(back.name, spec.name);
    EXPECT_EQ(back.arch, c.arch);
    EXPECT_EQ(back.machine, spec.machine);
    EXPECT_EQ(back.type, arch::virtTypeName(c.virtType));
    QStringList buses{model->diskInterfaceSpec(spec.diskInterface).bus};
    if (spec.cdrom)
        buses << model->diskInterfaceSpec(c.cdromInterface).bus;
    EXPECT_EQ(back.diskBuses, buses) << xml.toStdString();
    EXPECT_EQ(back.diskTargets.size(), buses.size());
    EXPECT_EQ(QSet<QString>(back.diskTargets.cbegin(), back.diskTargets.cend()).size(),
              back.diskTargets.size())
        << "target names must be unique";
    if (!c.expectController.isEmpty()) {
        EXPECT_TRUE(back.controllers.contains(c.expectController))
            << back.controllers.join(u' ').toStdString();
    }
    for (const QString &ctl : back.controllers)
        EXPECT_NE(ctl, u"scsi/spapr-vscsi"_s) << "libvirt's model is ibmvscsi";
    if (spec.machine == "pc"_L1 || c.arch.startsWith(u"ppc64"_s) || c.arch == "s390x"_L1) {
        // Their devices plug into the root bus (or the channel subsystem): no root ports.
        EXPECT_FALSE(back.controllers.contains(u"pci/pcie-root-port"_s))
            << back.controllers.join(u' ').toStdString();
    }
    ASSERT_TRUE(spec.nic);
    EXPECT_EQ(back.nicModels, QStringList{spec.nic->model});
    if (spec.graphics == "none"_L1) {
        EXPECT_TRUE(back.graphics.isEmpty());
    } else {
        EXPECT_EQ(back.graphics, QStringList{spec.graphics});
    }
    if (!spec.video.isEmpty()) {
        EXPECT_EQ(back.videoModels, QStringList{spec.video});
    }
    EXPECT_EQ(back.osFirmware, spec.firmware);
    EXPECT_EQ(back.memoryKiB, spec.memoryMiB * 1024);
    if (c.virtType == arch::VirtType::Qemu) {
        // Emulated guests never get host-model/host-passthrough.
        EXPECT_NE(back.cpuMode, u"host-model"_s);
        EXPECT_NE(back.cpuMode, u"host-passthrough"_s);
    }
}

INSTANTIATE_TEST_SUITE_P(
    EveryArch, DomainXmlPerArch,
    ::testing::Values(
        // Spare PCIe root ports let a running q35/virt guest take a hot-plugged NIC or disk.
        ArchCase{"x86_64_q35", u"x86_64"_s, u"q35"_s, arch::VirtType::Kvm, u"virtio"_s, u"sata"_s,
                 u"pci/pcie-root-port"_s},
        ArchCase{"x86_64_q35_scsi", u"x86_64"_s, u"q35"_s, arch::VirtType::Kvm, u"scsi"_s,
                 u"sata"_s, u"scsi/virtio-scsi"_s},
        ArchCase{
            "x86_64_pc_ide", u"x86_64"_s, u"pc"_s, arch::VirtType::Kvm, u"ide"_s, u"ide"_s, {}},
        ArchCase{"ppc64_pseries", u"ppc64"_s, u"pseries"_s, arch::VirtType::Qemu, u"virtio"_s,
                 u"scsi"_s, u"scsi/virtio-scsi"_s},
        ArchCase{"ppc64le_spapr_vscsi", u"ppc64le"_s, u"pseries"_s, arch::VirtType::Kvm,
                 u"spapr-vscsi"_s, u"spapr-vscsi"_s, u"scsi/ibmvscsi"_s},
        ArchCase{"ppc64le_emulated",
                 u"ppc64le"_s,
                 u"pseries"_s,
                 arch::VirtType::Qemu,
                 u"spapr-vscsi"_s,
                 {},
                 u"scsi/ibmvscsi"_s},
        ArchCase{"aarch64_virt_efi", u"aarch64"_s, u"virt"_s, arch::VirtType::Qemu, u"virtio"_s,
                 u"scsi"_s, u"scsi/virtio-scsi"_s},
        ArchCase{"s390x",
                 u"s390x"_s,
                 {},
                 arch::VirtType::Qemu,
                 u"virtio"_s,
                 u"scsi"_s,
                 u"scsi/virtio-scsi"_s},
        ArchCase{"riscv64",
                 u"riscv64"_s,
                 u"virt"_s,
                 arch::VirtType::Qemu,
                 u"virtio"_s,
                 {},
                 u"pci/pcie-root-port"_s},
        ArchCase{"armv7l_virt", u"armv7l"_s, u"virt"_s, arch::VirtType::Qemu, u"virtio"_s,
                 u"scsi"_s, u"scsi/virtio-scsi"_s}));

TEST(DomainXml, Aarch64AsksForUefi)
{
    const models::VmSpec spec = test::defaultSpec(u"efi"_s, u"aarch64"_s);
    EXPECT_EQ(spec.firmware, u"efi"_s);
    const QString xml = models::DomainXmlBuilder::domainXml(
        spec, *arch::ArchRegistry::instance().find(u"aarch64"_s), test::contextOf(spec));
    EXPECT_EQ(test::readBack(xml).osFirmware, u"efi"_s);
}

TEST(DomainXml, S390xHasSclpConsoleAndNoGraphics)
{
    const models::VmSpec spec = test::defaultSpec(u"z"_s, u"s390x"_s, {}, arch::VirtType::Qemu);
    const QString xml = models::DomainXmlBuilder::domainXml(
        spec, *arch::ArchRegistry::instance().find(u"s390x"_s), test::contextOf(spec));
    const test::ReadBack b = test::readBack(xml);
    EXPECT_TRUE(b.graphics.isEmpty());
    EXPECT_TRUE(b.consoleTargets.contains(u"sclp"_s)) << xml.toStdString();
    EXPECT_TRUE(b.controllers.contains(u"usb/none"_s)) << xml.toStdString();
}

// Children of <features>, and console target types, as written.
QStringList featuresOf(const QString &xml)
{
    QStringList out;
    QXmlStreamReader r(xml);
    int depth = 0;
    bool inFeatures = false;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement()) {
            ++depth;
            if (depth == 2 && r.name() == "features"_L1)
                inFeatures = true;
            else if (inFeatures && depth == 3)
                out << r.name().toString();
        } else if (r.isEndElement()) {
            if (depth == 2 && r.name() == "features"_L1)
                inFeatures = false;
            --depth;
        }
    }
    return out;
}

// Without <acpi/> libvirt starts QEMU with acpi=off: an x86 or UEFI Arm guest could not
// be shut down gently (the e2e matrix checks the QEMU command line).
TEST(DomainXml, X86AndArmGuestsGetAcpi)
{
    struct Case
    {
        QString arch;
        QStringList features;
    };
    for (const Case &c :
         {Case{u"x86_64"_s, {u"acpi"_s, u"apic"_s}}, Case{u"aarch64"_s, {u"acpi"_s}},
          Case{u"ppc64le"_s, {}}, Case{u"s390x"_s, {}}, Case{u"riscv64"_s, {}}}) {
        const models::VmSpec spec = test::defaultSpec(u"f"_s, c.arch, {}, arch::VirtType::Qemu);
        const QString xml = models::DomainXmlBuilder::domainXml(
            spec, *arch::ArchRegistry::instance().find(c.arch), test::contextOf(spec));
        EXPECT_EQ(featuresOf(xml), c.features) << c.arch.toStdString() << "\n" << xml.toStdString();
    }
}

// The console the spec names is written, not the arch's default one: a forced SCLP
// console on ppc64 must reach libvirt as SCLP (which refuses it), not as a serial port.
TEST(DomainXml, ConsoleIsWrittenAsChosen)
{
    models::VmSpec spec = test::defaultSpec(u"c"_s, u"ppc64"_s, {}, arch::VirtType::Qemu);
    spec.console = u"sclp"_s;
    const auto *ppc = arch::ArchRegistry::instance().find(u"ppc64"_s);
    QString xml = models::DomainXmlBuilder::domainXml(spec, *ppc, test::contextOf(spec));
    EXPECT_EQ(test::readBack(xml).consoleTargets, QStringList{u"sclp"_s}) << xml.toStdString();
    spec.console = u"serial"_s;
    xml = models::DomainXmlBuilder::domainXml(spec, *ppc, test::contextOf(spec));
    EXPECT_EQ(test::readBack(xml).consoleTargets, QStringList{u"serial"_s}) << xml.toStdString();

    models::VmSpec z = test::defaultSpec(u"z"_s, u"s390x"_s, {}, arch::VirtType::Qemu);
    z.console = u"serial"_s;
    xml = models::DomainXmlBuilder::domainXml(z, *arch::ArchRegistry::instance().find(u"s390x"_s),
                                              test::contextOf(z));
    EXPECT_EQ(test::readBack(xml).consoleTargets, QStringList{u"serial"_s}) << xml.toStdString();
}

TEST(DomainXml, EmulatedGuestGetsQemuTypeAndNamedCpu)
{
    models::VmSpec spec = test::defaultSpec(u"emu"_s, u"ppc64le"_s, {}, arch::VirtType::Qemu);
    const QString xml = models::DomainXmlBuilder::domainXml(
        spec, *arch::ArchRegistry::instance().find(u"ppc64le"_s), test::contextOf(spec));
    const test::ReadBack b = test::readBack(xml);
    EXPECT_EQ(b.type, u"qemu"_s);
    EXPECT_FALSE(b.cpuModel.isEmpty()) << xml.toStdString();
}

TEST(DomainXml, PlanUsesVolumeXmlWithSizeAndFormat)
{
    models::VmSpec spec = test::defaultSpec(u"plan"_s, u"x86_64"_s);
    spec.storage = models::StorageSpec{StorageKind::NewVolume, u"default-pool"_s, {}, 3, u"raw"_s};
    const auto plan = models::planCreateVm(spec, test::contextOf(spec));
    ASSERT_TRUE(plan);
    ASSERT_TRUE(plan->volume);
    EXPECT_EQ(plan->volume->name, u"plan.img"_s);
    EXPECT_EQ(plan->volume->capacityBytes, 3ull << 30);
    EXPECT_TRUE(plan->volume->xml.contains(u"<format type=\"raw\"/>"_s))
        << plan->volume->xml.toStdString();
    EXPECT_TRUE(plan->domainXml.contains(u"volume=\"plan.img\""_s));
}

TEST(DomainXml, NamesWithMarkupAreEscapedByTheWriter)
{
    const models::VmSpec spec = test::defaultSpec(u"a<b>&'\"c"_s, u"x86_64"_s);
    const QString xml = models::DomainXmlBuilder::domainXml(
        spec, *arch::ArchRegistry::instance().find(u"x86_64"_s), test::contextOf(spec));
    EXPECT_EQ(test::readBack(xml).name, spec.name);
}

} // namespace
