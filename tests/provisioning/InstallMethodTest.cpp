// Install methods in the provisioning core: direct kernel boot XML per arch (defined on the
// libvirt test driver and read back), per-device boot order, extra disks and NICs, the
// validation problems a user sees, and a Create that makes several volumes and removes
// all of them when a step fails.
#include "ProvisioningFixtures.h"
#include "models/connection/LibvirtError.h"
#include "models/provisioning/DomainXmlBuilder.h"
#include "models/provisioning/ProvisioningWorker.h"
#include "models/provisioning/VmSpecValidator.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QXmlStreamReader>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace crossvirt;
using models::InstallMethod;
using models::StorageKind;
using models::VmSpecValidator;

namespace {

/// What the boot part of a domain XML says.
struct BootFacts
{
    QString kernel, initrd, cmdline, dtb;
    QStringList bootDevs;       ///< <os><boot dev>
    QStringList diskBootOrders; ///< "<target dev>=<order>" of every disk with <boot order>
    QStringList nicBootOrders;  ///< "<index>=<order>" of every NIC with <boot order>
    int nics = 0;
};

BootFacts bootFacts(const QString &xml)
{
    BootFacts f;
    QXmlStreamReader r(xml);
    QStringList path;
    QString target;
    QString order;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement()) {
            const QString name = r.name().toString();
            const auto a = r.attributes();
            const QString parent = path.value(path.size() - 1);
            if (parent == "os"_L1) {
                if (name == "kernel"_L1)
                    f.kernel = r.readElementText();
                else if (name == "initrd"_L1)
                    f.initrd = r.readElementText();
                else if (name == "cmdline"_L1)
                    f.cmdline = r.readElementText();
                else if (name == "dtb"_L1)
                    f.dtb = r.readElementText();
                else if (name == "boot"_L1)
                    f.bootDevs << a.value("dev"_L1).toString();
                if (r.isEndElement())
                    continue; // readElementText consumed the end
            }
            if (name == "disk"_L1 || name == "interface"_L1) {
                target.clear();
                order.clear();
            }
            if ((parent == "disk"_L1 || parent == "interface"_L1) && name == "boot"_L1)
                order = a.value("order"_L1).toString();
            if (parent == "disk"_L1 && name == "target"_L1)
                target = a.value("dev"_L1).toString();
            path << name;
        } else if (r.isEndElement()) {
            const QString name = path.takeLast();
            if (name == "disk"_L1 && !order.isEmpty())
                f.diskBootOrders << target + u'=' + order;
            if (name == "interface"_L1) {
                if (!order.isEmpty())
                    f.nicBootOrders << QString::number(f.nics) + u'=' + order;
                ++f.nics;
            }
        }
    }
    return f;
}

/// libvirt's RNG schema check; empty when valid or when virt-xml-validate is missing.
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

const arch::ArchModel &modelOf(const models::VmSpec &spec)
{
    return *arch::ArchRegistry::instance().find(spec.arch);
}

models::VmSpec kernelSpec(const QString &name, const QString &archName)
{
    models::VmSpec s = test::defaultSpec(name, archName, {}, arch::VirtType::Qemu);
    s.install = InstallMethod::KernelBoot;
    s.kernelBoot.kernel = u"/var/lib/crossvirt/guest/kernel"_s;
    s.kernelBoot.initrd = u"/var/lib/crossvirt/guest/initrd"_s;
    s.kernelBoot.cmdline =
        modelOf(s).kernelConsoleArgument(test::contextOf(s), s.console) + u" quiet"_s;
    return s;
}

class KernelBootPerArch : public ::testing::TestWithParam<QString>
{
};

TEST_P(KernelBootPerArch, WritesKernelInitrdCmdlineAndDefines)
{
    const QString archName = GetParam();
    models::VmSpec spec = kernelSpec(u"kernel-"_s + archName, archName);
    const arch::GuestContext ctx = test::contextOf(spec);
    const bool dtb = modelOf(spec).deviceTree(ctx).supported;
    if (dtb)
        spec.kernelBoot.dtb = u"/var/lib/crossvirt/guest/board.dtb"_s;
    const QString xml = models::DomainXmlBuilder::domainXml(spec, modelOf(spec), ctx);
    EXPECT_EQ(schemaProblems(xml), QString()) << xml.toStdString();
    const BootFacts f = bootFacts(xml);
    EXPECT_EQ(f.kernel, spec.kernelBoot.kernel);
    EXPECT_EQ(f.initrd, spec.kernelBoot.initrd);
    EXPECT_EQ(f.cmdline, spec.kernelBoot.cmdline);
    EXPECT_EQ(f.dtb, spec.kernelBoot.dtb);
    EXPECT_TRUE(f.bootDevs.isEmpty()) << "a kernel QEMU loads needs no <boot dev>";
    // A UEFI guest must not get a Secure Boot firmware that refuses the kernel.
    EXPECT_EQ(xml.contains(u"<feature enabled=\"no\" name=\"secure-boot\"/>"_s),
              spec.firmware == "efi"_L1)
        << xml.toStdString();
    EXPECT_TRUE(f.cmdline.startsWith(u"console="_s));

    test::TestDriver driver;
    const QString error = driver.define(xml);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString() << "\n" << xml.toStdString();
    const BootFacts back = bootFacts(driver.dumpXml(spec.name));
    driver.undefine(spec.name);
    EXPECT_EQ(back.kernel, spec.kernelBoot.kernel);
    EXPECT_EQ(back.initrd, spec.kernelBoot.initrd);
    EXPECT_EQ(back.cmdline, spec.kernelBoot.cmdline);
    EXPECT_EQ(back.dtb, spec.kernelBoot.dtb);
}

INSTANTIATE_TEST_SUITE_P(EveryArch, KernelBootPerArch,
                         ::testing::ValuesIn(arch::ArchRegistry::instance().archNames()),
                         [](const auto &param) { return param.param.toStdString(); });

TEST(InstallMethodXml, KernelFieldsAreWrittenOnlyForKernelBoot)
{
    models::VmSpec spec = kernelSpec(u"k"_s, u"x86_64"_s);
    spec.install = InstallMethod::Cdrom;
    const QString xml =
        models::DomainXmlBuilder::domainXml(spec, modelOf(spec), test::contextOf(spec));
    EXPECT_TRUE(bootFacts(xml).kernel.isEmpty()) << xml.toStdString();
}

TEST(InstallMethodXml, UserBootOrderGoesOnDevicesAndDefines)
{
    models::VmSpec spec = test::defaultSpec(u"order"_s, u"x86_64"_s);
    spec.storage =
        models::StorageSpec{StorageKind::NewVolume, u"default-pool"_s, {}, 2, u"qcow2"_s};
    spec.cdrom = models::CdromSpec{u"default-pool"_s, u"install.iso"_s, u"sata"_s};
    spec.bootOrder = {u"cdrom"_s, u"network"_s, u"hd"_s};
    const QString xml =
        models::DomainXmlBuilder::domainXml(spec, modelOf(spec), test::contextOf(spec));
    EXPECT_EQ(schemaProblems(xml), QString()) << xml.toStdString();
    const BootFacts f = bootFacts(xml);
    EXPECT_TRUE(f.bootDevs.isEmpty()) << "never mixed with <os><boot dev>";
    EXPECT_EQ(f.diskBootOrders, (QStringList{u"vda=3"_s, u"sda=1"_s})) << xml.toStdString();
    EXPECT_EQ(f.nicBootOrders, QStringList{u"0=2"_s});
    test::TestDriver driver;
    const QString error = driver.define(xml);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString() << "\n" << xml.toStdString();
    const BootFacts back = bootFacts(driver.dumpXml(spec.name));
    driver.undefine(spec.name);
    EXPECT_EQ(back.diskBootOrders, f.diskBootOrders);
    EXPECT_EQ(back.nicBootOrders, f.nicBootOrders);
}

TEST(InstallMethodXml, NetworkInstallBootsTheFirstNic)
{
    models::VmSpec spec = test::defaultSpec(u"pxe"_s, u"x86_64"_s);
    spec.storage =
        models::StorageSpec{StorageKind::NewVolume, u"default-pool"_s, {}, 2, u"qcow2"_s};
    spec.install = InstallMethod::Network;
    const BootFacts f =
        bootFacts(models::DomainXmlBuilder::domainXml(spec, modelOf(spec), test::contextOf(spec)));
    EXPECT_EQ(f.nicBootOrders, QStringList{u"0=1"_s});
    EXPECT_EQ(f.diskBootOrders, QStringList{u"vda=2"_s});

    // s390x: only the NIC, its firmware tries one device.
    models::VmSpec z = test::defaultSpec(u"zpxe"_s, u"s390x"_s, {}, arch::VirtType::Qemu);
    z.storage = spec.storage;
    z.install = InstallMethod::Network;
    const BootFacts zf =
        bootFacts(models::DomainXmlBuilder::domainXml(z, modelOf(z), test::contextOf(z)));
    EXPECT_EQ(zf.nicBootOrders, QStringList{u"0=1"_s});
    EXPECT_TRUE(zf.diskBootOrders.isEmpty());
}

TEST(InstallMethodXml, ExtraDisksAndNicsFollowTheMainOnes)
{
    models::VmSpec spec = test::defaultSpec(u"many"_s, u"x86_64"_s);
    spec.storage =
        models::StorageSpec{StorageKind::NewVolume, u"default-pool"_s, {}, 2, u"qcow2"_s};
    spec.extraDisks << models::ExtraDiskSpec{
        models::StorageSpec{StorageKind::NewVolume, u"default-pool"_s, {}, 1, u"qcow2"_s},
        u"scsi"_s};
    spec.extraDisks << models::ExtraDiskSpec{
        models::StorageSpec{StorageKind::NewVolume, u"default-pool"_s, {}, 1, u"raw"_s}, u"sata"_s};
    spec.extraNics << models::NicSpec{u"default"_s, u"e1000e"_s}
                   << models::NicSpec{u"default"_s, u"rtl8139"_s};
    EXPECT_EQ(spec.extraVolumeName(0), u"many-disk2.qcow2"_s);
    EXPECT_EQ(spec.extraVolumeName(1), u"many-disk3.img"_s);
    const QString xml =
        models::DomainXmlBuilder::domainXml(spec, modelOf(spec), test::contextOf(spec));
    EXPECT_EQ(schemaProblems(xml), QString()) << xml.toStdString();
    test::TestDriver driver;
    const QString error = driver.define(xml);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString() << "\n" << xml.toStdString();
    const test::ReadBack back = test::readBack(driver.dumpXml(spec.name));
    driver.undefine(spec.name);
    EXPECT_EQ(back.diskBuses, (QStringList{u"virtio"_s, u"scsi"_s, u"sata"_s}));
    EXPECT_EQ(back.nicModels, (QStringList{spec.nic->model, u"e1000e"_s, u"rtl8139"_s}));
    EXPECT_TRUE(back.controllers.contains(u"scsi/virtio-scsi"_s));
    EXPECT_TRUE(xml.contains(u"volume=\"many-disk2.qcow2\""_s)) << xml.toStdString();
    EXPECT_TRUE(xml.contains(u"volume=\"many-disk3.img\""_s));
    const auto plan = models::planCreateVm(spec, test::contextOf(spec));
    ASSERT_TRUE(plan);
    ASSERT_EQ(plan->extraVolumes.size(), 2);
    EXPECT_EQ(plan->extraVolumes[1].name, u"many-disk3.img"_s);
}

// ---- validation ------------------------------------------------------------------------

models::StorageSnapshot storage()
{
    models::StorageSnapshot s;
    models::PoolContents p;
    p.info.name = u"pool"_s;
    p.info.active = true;
    p.info.capacity = 100ull << 30;
    p.info.available = 40ull << 30;
    p.volumes << models::VolumeInfo{u"guest.qcow2"_s, u"/p/guest.qcow2"_s, u"qcow2"_s, 1, 1, false, {}};
    s.pools << p;
    s.networks << models::NetworkInfo{u"default"_s, true, false, {}, {}};
    return s;
}

QStringList problems(const models::VmSpec &spec, const QString &field)
{
    static const models::StorageSnapshot snap = storage();
    return VmSpecValidator::messagesFor(
        VmSpecValidator::validate(spec, modelOf(spec), test::contextOf(spec), {0, &snap}), field);
}

QStringList allProblems(const models::VmSpec &spec)
{
    static const models::StorageSnapshot snap = storage();
    QStringList out;
    for (const auto &p :
         VmSpecValidator::validate(spec, modelOf(spec), test::contextOf(spec), {0, &snap}))
        out << p.field + u": "_s + p.message;
    return out;
}

TEST(InstallValidation, KernelBootOfEveryArchIsValid)
{
    for (const QString &a : arch::ArchRegistry::instance().archNames()) {
        const models::VmSpec s = kernelSpec(u"ok"_s, a);
        EXPECT_EQ(allProblems(s), QStringList()) << a.toStdString();
    }
}

TEST(InstallValidation, KernelBootNeedsAnAbsoluteKernelPath)
{
    models::VmSpec s = kernelSpec(u"k"_s, u"x86_64"_s);
    s.kernelBoot.kernel.clear();
    EXPECT_EQ(problems(s, u"kernel"_s).size(), 1);
    s.kernelBoot.kernel = u"vmlinuz"_s;
    s.kernelBoot.initrd = u"initrd.img"_s;
    EXPECT_TRUE(problems(s, u"kernel"_s).value(0).contains(u"absolute"_s));
    EXPECT_EQ(problems(s, u"initrd"_s).size(), 1);
}

TEST(InstallValidation, DtbOnlyWhereTheArchUsesOne)
{
    models::VmSpec x = kernelSpec(u"k"_s, u"x86_64"_s);
    x.kernelBoot.dtb = u"/boot/board.dtb"_s;
    const QStringList msgs = problems(x, u"dtb"_s);
    ASSERT_EQ(msgs.size(), 1);
    EXPECT_TRUE(msgs[0].contains(u"device tree"_s)) << msgs[0].toStdString();
    models::VmSpec z = kernelSpec(u"k"_s, u"s390x"_s);
    z.kernelBoot.dtb = x.kernelBoot.dtb;
    EXPECT_EQ(problems(z, u"dtb"_s).size(), 1);
    models::VmSpec a = kernelSpec(u"k"_s, u"aarch64"_s);
    a.kernelBoot.dtb = x.kernelBoot.dtb;
    EXPECT_TRUE(problems(a, u"dtb"_s).isEmpty());
}

TEST(InstallValidation, NetworkBootWithheldOnRiscv64WithTheReason)
{
    models::VmSpec s = test::defaultSpec(u"n"_s, u"riscv64"_s, {}, arch::VirtType::Qemu);
    s.install = InstallMethod::Network;
    const QStringList msgs = problems(s, u"install"_s);
    ASSERT_EQ(msgs.size(), 1);
    EXPECT_TRUE(msgs[0].contains(u"OpenSBI"_s)) << msgs[0].toStdString();
    models::VmSpec x = test::defaultSpec(u"n"_s, u"x86_64"_s);
    x.install = InstallMethod::Network;
    EXPECT_TRUE(problems(x, u"install"_s).isEmpty());
    x.nic.reset();
    EXPECT_EQ(problems(x, u"install"_s).size(), 1) << "PXE needs a NIC";
}

TEST(InstallValidation, ImportNeedsAnExistingVolume)
{
    models::VmSpec s = test::defaultSpec(u"i"_s, u"x86_64"_s);
    s.install = InstallMethod::ImportDisk;
    s.storage = models::StorageSpec{StorageKind::NewVolume, u"pool"_s, {}, 2, u"qcow2"_s};
    EXPECT_EQ(problems(s, u"install"_s).size(), 1);
    s.storage = models::StorageSpec{StorageKind::ExistingVolume, u"pool"_s, u"guest.qcow2"_s, 0,
                                    u"qcow2"_s};
    EXPECT_TRUE(problems(s, u"install"_s).isEmpty());
    EXPECT_TRUE(problems(s, u"volume"_s).isEmpty());
    s.storage.volume = u"missing.qcow2"_s;
    EXPECT_EQ(problems(s, u"volume"_s).size(), 1);
}

TEST(InstallValidation, BootOrderNamesOnlyDevicesTheVmHas)
{
    models::VmSpec s = test::defaultSpec(u"b"_s, u"x86_64"_s);
    s.bootOrder = {u"cdrom"_s, u"hd"_s, u"floppy"_s, u"hd"_s};
    const QStringList msgs = problems(s, u"bootOrder"_s);
    // No cdrom, no disk, an unknown kind and a duplicate.
    EXPECT_EQ(msgs.size(), 4) << msgs.join(u'\n').toStdString();
    s.bootOrder = {u"network"_s};
    EXPECT_TRUE(problems(s, u"bootOrder"_s).isEmpty());
    s.nic.reset();
    EXPECT_EQ(problems(s, u"bootOrder"_s).size(), 1);
}

TEST(InstallValidation, S390xBootsFromOneDevice)
{
    models::VmSpec z = test::defaultSpec(u"z"_s, u"s390x"_s, {}, arch::VirtType::Qemu);
    z.storage = models::StorageSpec{StorageKind::NewVolume, u"pool"_s, {}, 2, u"qcow2"_s};
    z.bootOrder = {u"hd"_s, u"network"_s};
    const QStringList msgs = problems(z, u"bootOrder"_s);
    ASSERT_EQ(msgs.size(), 1);
    EXPECT_TRUE(msgs[0].contains(u"first device"_s)) << msgs[0].toStdString();
    z.bootOrder = {u"network"_s};
    EXPECT_TRUE(problems(z, u"bootOrder"_s).isEmpty());
}

TEST(InstallValidation, ExtraDisksAndNicsAreCheckedLikeTheMainOnes)
{
    models::VmSpec s = test::defaultSpec(u"e"_s, u"ppc64le"_s);
    s.storage = models::StorageSpec{StorageKind::NewVolume, u"pool"_s, {}, 2, u"qcow2"_s};
    s.extraDisks << models::ExtraDiskSpec{
        models::StorageSpec{StorageKind::NewVolume, u"pool"_s, u"e.qcow2"_s, 1, u"qcow2"_s},
        u"ide"_s};
    s.extraNics << models::NicSpec{u"nowhere"_s, u"e1000e"_s};
    const QStringList disks = problems(s, u"extraDisks"_s);
    // The same name as the main volume, and IDE on POWER.
    EXPECT_EQ(disks.size(), 2) << disks.join(u'\n').toStdString();
    for (const QString &m : disks)
        EXPECT_TRUE(m.startsWith(u"Disk 2: "_s)) << m.toStdString();
    const QStringList nics = problems(s, u"extraNics"_s);
    // An unknown network, and an Intel NIC on POWER.
    EXPECT_EQ(nics.size(), 2) << nics.join(u'\n').toStdString();
    for (const QString &m : nics)
        EXPECT_TRUE(m.startsWith(u"Network card 2: "_s)) << m.toStdString();
}

// ---- Create with several volumes ---------------------------------------------------------

models::VmSpec threeDisks(const QString &name, qint64 lastGiB)
{
    models::VmSpec s = test::defaultSpec(name, u"x86_64"_s);
    s.storage = models::StorageSpec{StorageKind::NewVolume, u"default-pool"_s, {}, 1, u"qcow2"_s};
    s.extraDisks << models::ExtraDiskSpec{
        models::StorageSpec{StorageKind::NewVolume, u"default-pool"_s, {}, 1, u"qcow2"_s},
        u"sata"_s};
    s.extraDisks << models::ExtraDiskSpec{
        models::StorageSpec{StorageKind::NewVolume, u"default-pool"_s, {}, lastGiB, u"qcow2"_s},
        u"scsi"_s};
    return s;
}

TEST(CreateVmVolumes, CreatesEveryNewVolume)
{
    test::TestDriver driver;
    const models::VmSpec spec = threeDisks(u"three"_s, 1);
    const auto plan = models::planCreateVm(spec, test::contextOf(spec));
    ASSERT_TRUE(plan);
    const models::CreatedVm vm = models::createVm(driver.conn(), *plan);
    EXPECT_EQ(vm.volume, u"three.qcow2"_s);
    EXPECT_EQ(vm.extraVolumes, (QStringList{u"three-disk2.qcow2"_s, u"three-disk3.qcow2"_s}));
    const QStringList volumes = driver.volumeNames();
    for (const QString &v : {u"three.qcow2"_s, u"three-disk2.qcow2"_s, u"three-disk3.qcow2"_s})
        EXPECT_TRUE(volumes.contains(v)) << v.toStdString();
    driver.undefine(u"three"_s);
}

TEST(CreateVmVolumes, ALaterVolumeThatDoesNotFitRemovesTheEarlierOnes)
{
    test::TestDriver driver;
    const QStringList before = driver.volumeNames();
    const models::VmSpec spec = threeDisks(u"toobig"_s, 5000);
    const auto plan = models::planCreateVm(spec, test::contextOf(spec));
    ASSERT_TRUE(plan);
    try {
        models::createVm(driver.conn(), *plan);
        FAIL() << "a 5000 GiB disk does not fit the test pool";
    } catch (const models::LibvirtError &e) {
        EXPECT_EQ(e.context(), models::ProvisioningSteps::creatingVolume());
    }
    EXPECT_EQ(driver.volumeNames(), before) << "volumes left behind";
    EXPECT_FALSE(driver.domainNames().contains(u"toobig"_s));
}

TEST(CreateVmVolumes, ADefineFailureRemovesEveryVolume)
{
    test::TestDriver driver;
    const QStringList before = driver.volumeNames();
    // "test" is the test driver's own VM: the define fails after all volumes were made.
    const models::VmSpec spec = threeDisks(u"test"_s, 1);
    const auto plan = models::planCreateVm(spec, test::contextOf(spec));
    ASSERT_TRUE(plan);
    EXPECT_THROW(models::createVm(driver.conn(), *plan), models::LibvirtError);
    EXPECT_EQ(driver.volumeNames(), before) << "volumes left behind";
}

} // namespace
