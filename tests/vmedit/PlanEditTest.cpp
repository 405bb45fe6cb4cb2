// planEdit() on real guests of four arches: a step per changed value with its verdict from
// the arch class, the inactive XML with the change written (and nothing else lost), and
// refusals that leave the plan unappliable with a clear reason.
#include "VmEditFixtures.h"

#include "models/vmedit/VmEdit.h"

#include <QDomDocument>
#include <QRegularExpression>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace crossvirt;
using namespace crossvirt::models;
using arch::ChangeTiming;
using arch::GuestChange;

namespace {

VmConfig reparse(const EditPlan &plan)
{
    return parseVmConfig(plan.newInactiveXml.toUtf8());
}

QDomElement root(const QString &xml)
{
    QDomDocument doc;
    doc.setContent(xml);
    return doc.documentElement();
}

void setBootOrder(VmConfig &c, const QStringList &ids)
{
    c.osBootDevices.clear();
    for (VmDevice &d : c.devices)
        d.bootOrder = int(ids.indexOf(d.id)) + 1;
}

const EditStep *stepOf(const EditPlan &plan, GuestChange change)
{
    for (const EditStep &s : plan.steps) {
        if (s.request.change == change)
            return &s;
    }
    return nullptr;
}

TEST(PlanEdit, NothingChangedIsAnEmptyPlan)
{
    const VmEditContext ctx = test::editContext(u"x86_64-q35-uefi.xml"_s);
    const EditPlan plan = planEdit(ctx, ctx.inactive);
    EXPECT_TRUE(plan.isEmpty());
    EXPECT_TRUE(plan.ok());
    EXPECT_TRUE(plan.newInactiveXml.isEmpty());
}

TEST(PlanEdit, X86VcpusOnAShutOffGuestKeepEverythingElse)
{
    const VmEditContext ctx = test::editContext(u"x86_64-q35-uefi.xml"_s);
    VmConfig wanted = ctx.inactive;
    wanted.vcpus = 4;
    const EditPlan plan = planEdit(ctx, wanted);
    ASSERT_EQ(plan.steps.size(), 1) << test::describe(plan).toStdString();
    const EditStep &s = plan.steps[0];
    EXPECT_EQ(s.request.change, GuestChange::VcpuCount);
    EXPECT_EQ(s.request.from, 2);
    EXPECT_EQ(s.request.to, 4);
    EXPECT_EQ(s.rule.timing, ChangeTiming::NextBoot);
    EXPECT_TRUE(s.description.contains(u"2 → 4"_s)) << s.description.toStdString();
    ASSERT_TRUE(plan.ok());

    const VmConfig after = reparse(plan);
    EXPECT_EQ(after.vcpus, 4);
    EXPECT_EQ(after.maxVcpus, 4);
    EXPECT_FALSE(root(plan.newInactiveXml).firstChildElement(u"vcpu"_s).hasAttribute(u"current"_s))
        << "current equal to the maximum is not written";
    // Unknown and untouched parts stay: metadata, firmware, the agent channel, devices.
    EXPECT_TRUE(plan.newInactiveXml.contains(u"libosinfo"_s));
    EXPECT_TRUE(plan.newInactiveXml.contains(u"org.qemu.guest_agent.0"_s));
    EXPECT_TRUE(plan.newInactiveXml.contains(u"OVMF_CODE_4M.fd"_s));
    EXPECT_EQ(after.devices.size(), ctx.inactive.devices.size());
    EXPECT_EQ(after.firmware, u"efi"_s);
    EXPECT_EQ(after.sockets, 4);
    EXPECT_EQ(after.title, ctx.inactive.title);
}

TEST(PlanEdit, X86RunningGuestHotplugsVcpusNow)
{
    const VmEditContext ctx =
        test::editContext(u"x86_64-q35-uefi.xml"_s, u"x86_64-q35-uefi-live.xml"_s);
    VmConfig wanted = ctx.inactive;
    wanted.vcpus = 3;
    const EditPlan plan = planEdit(ctx, wanted);
    ASSERT_EQ(plan.steps.size(), 1);
    EXPECT_EQ(plan.steps[0].rule.timing, ChangeTiming::Now)
        << plan.steps[0].rule.reason.toStdString();
    EXPECT_EQ(reparse(plan).vcpus, 3) << "kept for the next boot too";
    EXPECT_FALSE(plan.needsRestart());

    // --live alone: applied to the guest only, the definition untouched.
    const EditPlan liveOnly = planEdit(ctx, wanted, EditScope{true, false});
    ASSERT_TRUE(liveOnly.ok()) << test::describe(liveOnly).toStdString();
    EXPECT_TRUE(liveOnly.newInactiveXml.isEmpty());
}

TEST(PlanEdit, MaxBelowCurrentIsRefused)
{
    const VmEditContext ctx = test::editContext(u"x86_64-q35-uefi.xml"_s);
    VmConfig wanted = ctx.inactive;
    wanted.maxVcpus = 1; // current is 2
    const EditPlan plan = planEdit(ctx, wanted);
    EXPECT_FALSE(plan.ok()) << test::describe(plan).toStdString();
    EXPECT_FALSE(plan.refusals().isEmpty());
    EXPECT_TRUE(plan.newInactiveXml.isEmpty()) << "a refused step writes nothing";
}

TEST(PlanEdit, Aarch64RunningVcpuChangeWithLiveOnlyIsRefused)
{
    VmEditContext ctx = test::runningContext(u"aarch64-virt.xml"_s);
    VmConfig wanted = ctx.inactive;
    wanted.vcpus = 1;
    const EditPlan plan = planEdit(ctx, wanted, EditScope{true, false});
    ASSERT_EQ(plan.steps.size(), 1);
    EXPECT_EQ(plan.steps[0].rule.timing, ChangeTiming::Refused);
    EXPECT_TRUE(plan.refusals().contains(u"--config"_s)) << plan.refusals().toStdString();
    EXPECT_TRUE(plan.newInactiveXml.isEmpty());

    // With the definition in scope it waits for the next boot, and says why.
    const EditPlan config = planEdit(ctx, wanted);
    ASSERT_TRUE(config.ok()) << test::describe(config).toStdString();
    EXPECT_EQ(config.steps[0].rule.timing, ChangeTiming::NextBoot);
    EXPECT_FALSE(config.steps[0].rule.reason.isEmpty());
    EXPECT_TRUE(config.needsRestart());
    EXPECT_EQ(reparse(config).vcpus, 1);
}

TEST(PlanEdit, ShutOffGuestWithoutConfigIsRefused)
{
    const VmEditContext ctx = test::editContext(u"s390x.xml"_s);
    VmConfig wanted = ctx.inactive;
    wanted.title = u"z"_s;
    const EditPlan plan = planEdit(ctx, wanted, EditScope{true, false});
    EXPECT_FALSE(plan.ok());
    EXPECT_TRUE(plan.refusals().contains(u"--config"_s)) << plan.refusals().toStdString();
}

TEST(PlanEdit, PowerMemoryFollowsThe256MiBStep)
{
    const VmEditContext ctx = test::editContext(u"ppc64le-pseries.xml"_s);
    VmConfig wanted = ctx.inactive;
    wanted.memoryMiB = 4100;
    wanted.currentMemoryMiB = 4100;
    const EditPlan off = planEdit(ctx, wanted);
    EXPECT_FALSE(off.ok()) << test::describe(off).toStdString();
    EXPECT_TRUE(off.refusals().contains(u"256"_s)) << off.refusals().toStdString();
    EXPECT_TRUE(off.newInactiveXml.isEmpty());

    wanted.memoryMiB = 4352;
    wanted.currentMemoryMiB = ctx.inactive.currentMemoryMiB; // follows the memory
    const EditPlan on = planEdit(ctx, wanted);
    ASSERT_TRUE(on.ok()) << test::describe(on).toStdString();
    const VmConfig after = reparse(on);
    EXPECT_EQ(after.memoryMiB, 4352);
    EXPECT_EQ(after.currentMemoryMiB, 4352);
    EXPECT_TRUE(on.steps[0].description.contains(u"4096 MiB → 4352 MiB"_s))
        << on.steps[0].description.toStdString();
}

TEST(PlanEdit, PowerVcpusAreWholeCores)
{
    const VmEditContext ctx = test::editContext(u"ppc64le-pseries.xml"_s);
    VmConfig wanted = ctx.inactive;
    wanted.vcpus = 5; // 2 threads per core
    EXPECT_FALSE(planEdit(ctx, wanted).ok());
    wanted.vcpus = 6;
    const EditPlan plan = planEdit(ctx, wanted);
    ASSERT_TRUE(plan.ok()) << test::describe(plan).toStdString();
    EXPECT_EQ(reparse(plan).vcpus, 6);
}

TEST(PlanEdit, MaximumFollowsTheTopologyThroughItsSockets)
{
    const VmEditContext ctx = test::editContext(u"x86_64-q35-uefi.xml"_s);
    VmConfig wanted = ctx.inactive;
    wanted.maxVcpus = 8;
    const EditPlan plan = planEdit(ctx, wanted);
    ASSERT_TRUE(plan.ok()) << test::describe(plan).toStdString();
    const VmConfig after = reparse(plan);
    EXPECT_EQ(after.maxVcpus, 8);
    EXPECT_EQ(after.vcpus, 2);
    EXPECT_EQ(after.sockets, 8) << "1 core × 1 thread per socket";
}

TEST(PlanEdit, CpuModelChangeKeepsTheTopology)
{
    const VmEditContext ctx = test::editContext(u"x86_64-q35-uefi.xml"_s);
    VmConfig wanted = ctx.inactive;
    wanted.cpu = arch::CpuChoice{arch::CpuMode::HostPassthrough, {}};
    const EditPlan plan = planEdit(ctx, wanted);
    ASSERT_TRUE(plan.ok()) << test::describe(plan).toStdString();
    const VmConfig after = reparse(plan);
    EXPECT_EQ(after.cpu.mode, arch::CpuMode::HostPassthrough);
    EXPECT_EQ(after.sockets, 4);

    const VmEditContext arm = test::editContext(u"aarch64-virt.xml"_s);
    wanted = arm.inactive;
    wanted.cpu = arch::CpuChoice{arch::CpuMode::Custom, u"cortex-a72"_s};
    const EditPlan armPlan = planEdit(arm, wanted);
    ASSERT_TRUE(armPlan.ok()) << test::describe(armPlan).toStdString();
    EXPECT_EQ(reparse(armPlan).cpu.model, u"cortex-a72"_s);
    EXPECT_TRUE(armPlan.steps[0].description.contains(u"cortex-a57"_s));
}

TEST(PlanEdit, BootOrderIsPerDeviceAndNeverBesideBootDev)
{
    const VmEditContext ctx = test::editContext(u"aarch64-virt.xml"_s);
    VmConfig wanted = ctx.inactive;
    setBootOrder(wanted, {u"sda"_s, u"vda"_s});
    const EditPlan plan = planEdit(ctx, wanted);
    ASSERT_TRUE(plan.ok()) << test::describe(plan).toStdString();
    const VmConfig after = reparse(plan);
    EXPECT_TRUE(after.osBootDevices.isEmpty());
    EXPECT_EQ(after.bootOrder(), (QStringList{u"sda"_s, u"vda"_s}));
    EXPECT_TRUE(plan.steps[0].description.contains(u"vda → sda, vda"_s))
        << plan.steps[0].description.toStdString();
}

TEST(PlanEdit, S390xBootsFromOneDevice)
{
    const VmEditContext ctx = test::editContext(u"s390x.xml"_s);
    VmConfig wanted = ctx.inactive;
    setBootOrder(wanted, {u"sda"_s, u"vda"_s});
    const EditPlan two = planEdit(ctx, wanted);
    EXPECT_FALSE(two.ok()) << test::describe(two).toStdString();
    EXPECT_TRUE(two.refusals().contains(u"s390x"_s)) << two.refusals().toStdString();

    setBootOrder(wanted, {u"sda"_s});
    const EditPlan one = planEdit(ctx, wanted);
    ASSERT_TRUE(one.ok()) << test::describe(one).toStdString();
    EXPECT_EQ(reparse(one).bootOrder(), QStringList{u"sda"_s});
    EXPECT_EQ(reparse(one).device(u"vda"_s)->bootOrder, 0);
}

TEST(PlanEdit, FirmwareWhereTheArchAllowsAChoice)
{
    const VmEditContext x86 = test::editContext(u"x86_64-q35-uefi.xml"_s);
    VmConfig wanted = x86.inactive;
    wanted.firmware.clear();
    const EditPlan bios = planEdit(x86, wanted);
    ASSERT_TRUE(bios.ok()) << test::describe(bios).toStdString();
    EXPECT_TRUE(reparse(bios).firmware.isEmpty());
    EXPECT_FALSE(bios.newInactiveXml.contains(u"OVMF"_s)) << "the UEFI loader and NVRAM go";

    const VmEditContext arm = test::editContext(u"aarch64-virt.xml"_s);
    wanted = arm.inactive;
    wanted.firmware.clear();
    const EditPlan armPlan = planEdit(arm, wanted);
    EXPECT_FALSE(armPlan.ok()) << "aarch64 virt guests need UEFI";

    const VmEditContext power = test::editContext(u"ppc64le-pseries.xml"_s);
    wanted = power.inactive;
    wanted.firmware = u"efi"_s;
    EXPECT_FALSE(planEdit(power, wanted).ok()) << "pseries boots SLOF only";
}

TEST(PlanEdit, HotplugCeilingWritesMaxMemoryAndANumaCellWhereNeeded)
{
    const VmEditContext x86 = test::editContext(u"x86_64-q35-uefi.xml"_s);
    VmConfig wanted = x86.inactive;
    wanted.maxMemoryMiB = 8192;
    wanted.memorySlots = 4;
    const EditPlan plan = planEdit(x86, wanted);
    ASSERT_TRUE(plan.ok()) << test::describe(plan).toStdString();
    const QDomElement dom = root(plan.newInactiveXml);
    const QDomElement max = dom.firstChildElement(u"maxMemory"_s);
    EXPECT_EQ(max.attribute(u"slots"_s), u"4"_s);
    EXPECT_EQ(max.text(), u"8388608"_s);
    const QDomElement cell =
        dom.firstChildElement(u"cpu"_s).firstChildElement(u"numa"_s).firstChildElement(u"cell"_s);
    ASSERT_FALSE(cell.isNull()) << plan.newInactiveXml.toStdString();
    EXPECT_EQ(cell.attribute(u"cpus"_s), u"0-3"_s) << "every vCPU up to the maximum";
    EXPECT_EQ(cell.attribute(u"memory"_s), u"2097152"_s);
    EXPECT_FALSE(dom.firstChildElement(u"cpu"_s).firstChildElement(u"topology"_s).isNull());

    const VmEditContext power = test::editContext(u"ppc64le-pseries.xml"_s);
    wanted = power.inactive;
    wanted.maxMemoryMiB = 16384;
    wanted.memorySlots = 8;
    const EditPlan pp = planEdit(power, wanted);
    ASSERT_TRUE(pp.ok()) << test::describe(pp).toStdString();
    EXPECT_FALSE(pp.newInactiveXml.contains(u"<numa"_s)) << "libvirt exempts pseries";

    wanted.maxMemoryMiB = 2048; // below the memory
    EXPECT_FALSE(planEdit(power, wanted).ok());
}

TEST(PlanEdit, TitleDescriptionAndKernelBoot)
{
    const VmEditContext ctx =
        test::editContext(u"x86_64-q35-uefi.xml"_s, u"x86_64-q35-uefi-live.xml"_s);
    VmConfig wanted = ctx.inactive;
    wanted.title = u"Front end"_s;
    wanted.description.clear();
    wanted.kernel = u"/var/lib/libvirt/boot/vmlinuz"_s;
    wanted.cmdline = u"console=ttyS0"_s;
    const EditPlan plan = planEdit(ctx, wanted);
    ASSERT_TRUE(plan.ok()) << test::describe(plan).toStdString();
    const EditStep *title = stepOf(plan, GuestChange::Metadata);
    ASSERT_TRUE(title);
    EXPECT_TRUE(title->description.contains(u"“Web server” → “Front end”"_s))
        << title->description.toStdString();
    const EditStep *kernel = stepOf(plan, GuestChange::KernelBoot);
    ASSERT_TRUE(kernel);
    EXPECT_EQ(kernel->rule.timing, ChangeTiming::NextBoot);
    EXPECT_TRUE(plan.needsRestart());
    const VmConfig after = reparse(plan);
    EXPECT_EQ(after.title, u"Front end"_s);
    EXPECT_TRUE(after.description.isEmpty());
    EXPECT_EQ(after.kernel, u"/var/lib/libvirt/boot/vmlinuz"_s);
    EXPECT_EQ(after.cmdline, u"console=ttyS0"_s);

    wanted.dtb = u"/boot/x.dtb"_s;
    EXPECT_FALSE(planEdit(ctx, wanted).ok()) << "x86 kernels take no device tree";
}

} // namespace

namespace {

TEST(PlanEdit, RunningX86GuestGetsAMemoryModule)
{
    // A running guest with a hot-plug ceiling and a NUMA cell: more memory is a DIMM now.
    QString inactive = test::vmeditFixture(u"x86_64-q35-uefi.xml"_s);
    const QString ceiling =
        u"<maxMemory slots='4' unit='KiB'>8388608</maxMemory>\n  <memory unit='KiB'>"_s;
    const QString numa = u"<cpu mode='host-model' check='partial'>\n    <numa><cell id='0' "
                         u"cpus='0-3' memory='2097152' unit='KiB'/></numa>"_s;
    inactive.replace(u"<memory unit='KiB'>"_s, ceiling);
    inactive.replace(u"<cpu mode='host-model' check='partial'>"_s, numa);
    VmEditContext ctx;
    ctx.inactiveXml = ctx.liveXml = inactive;
    ctx.inactive = ctx.live = parseVmConfig(inactive.toUtf8());
    ctx.inactive.running = ctx.live.running = true;
    ctx.hostMemoryMiB = 65536;
    ASSERT_EQ(ctx.inactive.maxMemoryMiB, 8192);
    ASSERT_EQ(ctx.inactive.numaCells, 1);

    VmConfig wanted = ctx.inactive;
    wanted.memoryMiB = 3072;
    wanted.currentMemoryMiB = 3072;
    const EditPlan plan = planEdit(ctx, wanted);
    ASSERT_TRUE(plan.ok()) << test::describe(plan).toStdString();
    const EditStep *dimm = stepOf(plan, GuestChange::HotplugMemory);
    ASSERT_TRUE(dimm) << test::describe(plan).toStdString();
    EXPECT_EQ(dimm->rule.timing, ChangeTiming::Now) << dimm->rule.reason.toStdString();
    EXPECT_EQ(dimm->request.to, 1024);
    EXPECT_TRUE(dimm->deviceXml.contains(u"model=\"dimm\""_s)) << dimm->deviceXml.toStdString();
    EXPECT_TRUE(dimm->deviceXml.contains(u"<node>0</node>"_s));
    const VmConfig after = parseVmConfig(plan.newInactiveXml.toUtf8());
    EXPECT_EQ(after.devicesOf(u"dimm"_s).size(), 1);
    EXPECT_EQ(after.memoryMiB, 3072) << "<memory> counts the module";
}

} // namespace

namespace {

TEST(PlanEdit, HotplugCeilingIsTheArchsToGive)
{
    const VmEditContext z = test::editContext(u"s390x.xml"_s);
    VmConfig wanted = z.inactive;
    wanted.maxMemoryMiB = 8192;
    wanted.memorySlots = 4;
    const EditPlan plan = planEdit(z, wanted);
    EXPECT_FALSE(plan.ok()) << "s390x guests cannot hot-plug memory";
    EXPECT_TRUE(plan.refusals().contains(u"s390x"_s)) << plan.refusals().toStdString();

    // Raising the ceiling and the memory above the old ceiling together is fine.
    const VmEditContext x86 = test::editContext(u"x86_64-q35-uefi.xml"_s);
    wanted = x86.inactive;
    wanted.maxMemoryMiB = 4096;
    wanted.memorySlots = 2;
    VmEditContext withCeiling = x86;
    withCeiling.inactiveXml = planEdit(x86, wanted).newInactiveXml;
    ASSERT_FALSE(withCeiling.inactiveXml.isEmpty());
    withCeiling.inactive = withCeiling.live = parseVmConfig(withCeiling.inactiveXml.toUtf8());
    ASSERT_EQ(withCeiling.inactive.maxMemoryMiB, 4096);
    wanted = withCeiling.inactive;
    wanted.maxMemoryMiB = 16384;
    wanted.memoryMiB = 8192;
    const EditPlan both = planEdit(withCeiling, wanted);
    ASSERT_TRUE(both.ok()) << test::describe(both).toStdString();
    const VmConfig after = parseVmConfig(both.newInactiveXml.toUtf8());
    EXPECT_EQ(after.maxMemoryMiB, 16384);
    EXPECT_EQ(after.memoryMiB, 8192);
    EXPECT_EQ(after.numaCells, 1);
    const QDomElement cell = root(both.newInactiveXml)
                                 .firstChildElement(u"cpu"_s)
                                 .firstChildElement(u"numa"_s)
                                 .firstChildElement(u"cell"_s);
    EXPECT_EQ(cell.attribute(u"memory"_s), u"8388608"_s) << "the one cell follows the memory";

    // Memory above the ceiling alone is refused.
    wanted.maxMemoryMiB = 4096;
    EXPECT_FALSE(planEdit(withCeiling, wanted).ok());
}

} // namespace

namespace {

// A rename goes with the other changes: the definition they write carries the new name
// (it is defined after virDomainRename), and the step says when UEFI variables are lost.
TEST(PlanEdit, RenameIsAStepAndTheDefinitionCarriesTheNewName)
{
    const VmEditContext ctx = test::editContext(u"x86_64-q35-uefi.xml"_s);
    VmConfig wanted = ctx.inactive;
    wanted.name = u"web-renamed"_s;
    wanted.vcpus = 4;
    const EditPlan plan = planEdit(ctx, wanted);
    ASSERT_TRUE(plan.ok()) << test::describe(plan).toStdString();
    const EditStep *rename = stepOf(plan, GuestChange::Rename);
    ASSERT_NE(rename, nullptr);
    EXPECT_EQ(rename->deviceXml, u"web-renamed"_s);
    EXPECT_EQ(reparse(plan).name, u"web-renamed"_s);
    // Its <nvram> names the file: the variables stay with the guest.
    EXPECT_FALSE(rename->description.contains(u"UEFI"_s)) << rename->description.toStdString();

    // Firmware autoselection with no file named yet: libvirt derives it from the name.
    VmEditContext autoselected = ctx;
    autoselected.inactiveXml.remove(QRegularExpression(u"<nvram[^>]*>[^<]*</nvram>"_s));
    ASSERT_FALSE(autoselected.inactiveXml.contains(u"<nvram"_s));
    const EditStep *fresh = stepOf(planEdit(autoselected, wanted), GuestChange::Rename);
    ASSERT_NE(fresh, nullptr);
    EXPECT_TRUE(fresh->description.contains(u"UEFI variables start afresh"_s))
        << fresh->description.toStdString();
}

} // namespace
