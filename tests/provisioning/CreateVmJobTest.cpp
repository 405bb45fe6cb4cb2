// Create: volume, define, start. A failure in the middle leaves no volume and no domain,
// and the error names the step and carries libvirt's message.
#include "ProvisioningFixtures.h"
#include "models/connection/LibvirtError.h"
#include "models/provisioning/ProvisioningWorker.h"

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace crossvirt;
using models::LibvirtError;
using models::ProvisioningSteps;
using models::StorageKind;

namespace {

models::VmSpec specWithDisk(const QString &name, qint64 sizeGiB)
{
    models::VmSpec s = test::defaultSpec(name, u"ppc64le"_s);
    s.storage =
        models::StorageSpec{StorageKind::NewVolume, u"default-pool"_s, {}, sizeGiB, u"qcow2"_s};
    return s;
}

TEST(CreateVm, CreatesVolumeDefinesAndStarts)
{
    test::TestDriver driver;
    models::VmSpec spec = specWithDisk(u"created"_s, 4);
    spec.startAfterCreate = true;
    const auto plan = models::planCreateVm(spec, test::contextOf(spec));
    ASSERT_TRUE(plan);
    const models::CreatedVm vm = models::createVm(driver.conn(), *plan);
    EXPECT_TRUE(vm.started);
    EXPECT_FALSE(vm.uuid.isEmpty());
    EXPECT_TRUE(driver.volumeNames().contains(u"created.qcow2"_s));
    EXPECT_TRUE(driver.domainNames().contains(u"created"_s));
    driver.undefine(u"created"_s);
}

TEST(CreateVm, NameTakenAfterTheVolumeWasMadeLeavesNothing)
{
    test::TestDriver driver;
    const QStringList domainsBefore = driver.domainNames();
    ASSERT_TRUE(domainsBefore.contains(u"test"_s)); // the test driver's own VM
    const auto plan = [&] {
        const models::VmSpec s = specWithDisk(u"test"_s, 4);
        return models::planCreateVm(s, test::contextOf(s));
    }();
    ASSERT_TRUE(plan);
    try {
        models::createVm(driver.conn(), *plan);
        FAIL() << "defining a second 'test' must fail";
    } catch (const LibvirtError &e) {
        EXPECT_EQ(e.context(), ProvisioningSteps::definingVm());
        EXPECT_FALSE(e.message().isEmpty());
    }
    EXPECT_FALSE(driver.volumeNames().contains(u"test.qcow2"_s)) << "volume left behind";
    EXPECT_EQ(driver.domainNames(), domainsBefore);
}

TEST(CreateVm, PoolTooSmallLeavesNothing)
{
    test::TestDriver driver;
    const QStringList volumesBefore = driver.volumeNames();
    const auto plan = [&] {
        const models::VmSpec s = specWithDisk(u"huge"_s, 5000);
        return models::planCreateVm(s, test::contextOf(s));
    }();
    ASSERT_TRUE(plan);
    try {
        models::createVm(driver.conn(), *plan);
        FAIL() << "a 5000 GiB disk does not fit the 100 GiB test pool";
    } catch (const LibvirtError &e) {
        EXPECT_EQ(e.context(), ProvisioningSteps::creatingVolume());
        EXPECT_TRUE(e.text().contains(u"default-pool"_s)) << e.text().toStdString();
    }
    EXPECT_EQ(driver.volumeNames(), volumesBefore);
    EXPECT_FALSE(driver.domainNames().contains(u"huge"_s));
}

TEST(CreateVm, BadXmlForTheDomainRemovesTheVolume)
{
    test::TestDriver driver;
    auto plan = [&] {
        const models::VmSpec s = specWithDisk(u"broken"_s, 1);
        return models::planCreateVm(s, test::contextOf(s));
    }();
    ASSERT_TRUE(plan);
    plan->domainXml = plan->domainXml.replace(u"<vcpu placement=\"static\">2</vcpu>"_s,
                                              u"<vcpu placement=\"static\">0</vcpu>"_s);
    EXPECT_THROW(models::createVm(driver.conn(), *plan), LibvirtError);
    EXPECT_FALSE(driver.volumeNames().contains(u"broken.qcow2"_s));
    EXPECT_FALSE(driver.domainNames().contains(u"broken"_s));
}

} // namespace
