// Bad input in the New-VM / New-Disk dialogs and the CLI: each problem is named, with
// the field it belongs to.
#include "models/provisioning/VmSpecValidator.h"
#include "ProvisioningFixtures.h"

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace crossvirt;
using models::StorageKind;
using models::ValidationProblem;
using models::VmSpecValidator;

namespace {

models::StorageSnapshot storage()
{
    models::StorageSnapshot s;
    models::PoolContents p;
    p.info.name = u"pool"_s;
    p.info.active = true;
    p.info.capacity = 100ull << 30;
    p.info.available = 40ull << 30;
    p.volumes << models::VolumeInfo{u"taken.qcow2"_s, u"/p/taken.qcow2"_s, u"qcow2"_s, 1, 1, false, {}}
              << models::VolumeInfo{u"install.iso"_s, u"/p/install.iso"_s, u"iso"_s, 1, 1, true, {}};
    s.pools << p;
    s.networks << models::NetworkInfo{u"default"_s, true, false, {}, {}};
    s.domainNames << u"existing"_s;
    return s;
}

QList<ValidationProblem> check(const models::VmSpec &spec, quint64 hostMemKiB = 64ull << 20)
{
    static const models::StorageSnapshot snap = storage();
    const arch::ArchModel *model = arch::ArchRegistry::instance().find(spec.arch);
    return VmSpecValidator::validate(spec, *model, test::contextOf(spec), {hostMemKiB, &snap});
}

models::VmSpec withDisk(models::VmSpec s, qint64 sizeGiB = 10)
{
    s.storage = models::StorageSpec{StorageKind::NewVolume, u"pool"_s, {}, sizeGiB, u"qcow2"_s};
    return s;
}

TEST(VmSpecValidator, DefaultsOfEveryArchAreValid)
{
    for (const QString &a : arch::ArchRegistry::instance().archNames()) {
        const auto problems =
            check(withDisk(test::defaultSpec(u"ok"_s, a, {}, arch::VirtType::Qemu)));
        for (const auto &p : problems)
            ADD_FAILURE() << a.toStdString() << ": " << p.field.toStdString() << ": "
                          << p.message.toStdString();
    }
}

TEST(VmSpecValidator, IdeOnPpc64leIsRefusedWithReason)
{
    models::VmSpec s = withDisk(test::defaultSpec(u"p"_s, u"ppc64le"_s));
    s.diskInterface = u"ide"_s;
    const QStringList msgs = VmSpecValidator::messagesFor(check(s), u"diskInterface"_s);
    ASSERT_EQ(msgs.size(), 1);
    EXPECT_TRUE(msgs.first().contains(u"IDE"_s)) << msgs.first().toStdString();
}

TEST(VmSpecValidator, PpcMemoryMustBeMultipleOf256)
{
    models::VmSpec s = test::defaultSpec(u"p"_s, u"ppc64"_s);
    s.memoryMiB = 1000;
    EXPECT_EQ(VmSpecValidator::messagesFor(check(s), u"memory"_s).size(), 1);
    s.memoryMiB = 1024;
    EXPECT_TRUE(VmSpecValidator::messagesFor(check(s), u"memory"_s).isEmpty());
    // x86 has no such step.
    models::VmSpec x = test::defaultSpec(u"x"_s, u"x86_64"_s);
    x.memoryMiB = 1000;
    EXPECT_TRUE(VmSpecValidator::messagesFor(check(x), u"memory"_s).isEmpty());
}

TEST(VmSpecValidator, MemoryBeyondTheHostIsRefused)
{
    models::VmSpec s = test::defaultSpec(u"m"_s, u"x86_64"_s);
    s.memoryMiB = 8192;
    EXPECT_EQ(VmSpecValidator::messagesFor(check(s, 4ull << 20), u"memory"_s).size(), 1);
    EXPECT_TRUE(VmSpecValidator::messagesFor(check(s, 16ull << 20), u"memory"_s).isEmpty());
}

TEST(VmSpecValidator, DiskSizesZeroNegativeAndBeyondFreeSpace)
{
    const models::VmSpec base = test::defaultSpec(u"d"_s, u"x86_64"_s);
    EXPECT_EQ(VmSpecValidator::messagesFor(check(withDisk(base, 0)), u"size"_s).size(), 1);
    EXPECT_EQ(VmSpecValidator::messagesFor(check(withDisk(base, -5)), u"size"_s).size(), 1);
    EXPECT_EQ(VmSpecValidator::messagesFor(check(withDisk(base, 41)), u"size"_s).size(), 1);
    EXPECT_TRUE(VmSpecValidator::messagesFor(check(withDisk(base, 40)), u"size"_s).isEmpty());
    EXPECT_EQ(
        VmSpecValidator::messagesFor(check(withDisk(base, qint64(1) << 40)), u"size"_s).size(), 1);
}

TEST(VmSpecValidator, DuplicateAndBadNames)
{
    EXPECT_EQ(VmSpecValidator::messagesFor(check(test::defaultSpec(u"existing"_s, u"x86_64"_s)),
                                           u"name"_s)
                  .size(),
              1);
    EXPECT_FALSE(
        VmSpecValidator::messagesFor(check(test::defaultSpec(QString(), u"x86_64"_s)), u"name"_s)
            .isEmpty());
    models::VmSpec s = withDisk(test::defaultSpec(u"taken"_s, u"x86_64"_s));
    // "taken.qcow2" is already in the pool.
    EXPECT_EQ(VmSpecValidator::messagesFor(check(s), u"volume"_s).size(), 1);
}

TEST(VmSpecValidator, CdromAndNicAreCheckedPerArch)
{
    models::VmSpec s = test::defaultSpec(u"c"_s, u"s390x"_s, {}, arch::VirtType::Qemu);
    s.cdrom = models::CdromSpec{u"pool"_s, u"install.iso"_s, u"ide"_s};
    s.nic->model = u"e1000"_s;
    const auto problems = check(s);
    EXPECT_EQ(VmSpecValidator::messagesFor(problems, u"cdromInterface"_s).size(), 1);
    EXPECT_EQ(VmSpecValidator::messagesFor(problems, u"nicModel"_s).size(), 1);
    s.nic->network = u"nowhere"_s;
    EXPECT_EQ(VmSpecValidator::messagesFor(check(s), u"network"_s).size(), 1);
}

TEST(VmSpecValidator, RunningVmIsOfferedOnlyHotPluggableInterfaces)
{
    static const models::StorageSnapshot snap = [] {
        models::StorageSnapshot s = storage();
        s.domainNames << u"vm"_s;
        return s;
    }();
    const arch::ArchModel *model = arch::ArchRegistry::instance().find(u"x86_64"_s);
    arch::GuestContext ctx;
    ctx.arch = u"x86_64"_s;
    ctx.machine = u"pc"_s;
    models::AttachDiskSpec d{u"vm"_s, u"pool"_s, {}, 5, u"qcow2"_s, u"ide"_s};
    EXPECT_TRUE(VmSpecValidator::validate(d, *model, ctx, {0, &snap}).isEmpty());
    ctx.running = true;
    const auto problems = VmSpecValidator::validate(d, *model, ctx, {0, &snap});
    ASSERT_EQ(VmSpecValidator::messagesFor(problems, u"diskInterface"_s).size(), 1);
    d.interfaceId = u"virtio"_s;
    EXPECT_TRUE(VmSpecValidator::validate(d, *model, ctx, {0, &snap}).isEmpty());
}

} // namespace
