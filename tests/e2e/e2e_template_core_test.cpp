// Templates on the real libvirtd (issue 14), no guest booted: a shut-off ppc64le pseries VM
// becomes a template; a VM made from it gets a qcow2 overlay that qemu-img backed by the
// template's volume (checked in the volume's own XML); the template cannot be deleted while
// that VM's disk is backed by its volume, even with Crossvirt's metadata stripped from the
// VM; a ppc64le template on an x86_64 cluster is refused with the reason. Seconds only.

#include "common/TestSupport.h"
#include "e2e/E2eSupport.h"
#include "models/connection/HostSession.h"
#include "models/connection/LibvirtError.h"
#include "models/provisioning/HostChoices.h"
#include "models/templates/VmTemplates.h"

#include <QSignalSpy>
#include <gtest/gtest.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

using namespace Qt::StringLiterals;
using namespace crossvirt::test::e2e;
using namespace crossvirt::models;

namespace {

[[maybe_unused]] ::testing::Environment *const e2eEnvironment =
    ::testing::AddGlobalTestEnvironment(new LibvirtDaemonEnvironment);

const QString kBase = LibvirtDaemon::domainPrefix() + u"tpl-base"_s;
const QString kVm = LibvirtDaemon::domainPrefix() + u"tpl-vm"_s;

class TemplateCoreE2e : public LibvirtDaemonTest
{
protected:
    void SetUp() override
    {
        LibvirtDaemonTest::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        removeLeftovers();
    }
    void TearDown() override
    {
        if (conn())
            removeLeftovers();
        LibvirtDaemonTest::TearDown();
    }

    void removeLeftovers()
    {
        for (const QString &name : {kVm, kBase}) {
            if (virDomainPtr d = virDomainLookupByName(conn(), name.toUtf8().constData())) {
                virDomainDestroy(d);
                virDomainUndefineFlags(d, VIR_DOMAIN_UNDEFINE_NVRAM);
                virDomainFree(d);
            }
        }
        if (virStoragePoolPtr p = virStoragePoolLookupByName(
                conn(), LibvirtDaemon::poolName().toUtf8().constData())) {
            virStoragePoolRefresh(p, 0);
            for (const QString &v : QStringList{kVm + u".qcow2"_s, kBase + u".qcow2"_s}) {
                if (virStorageVolPtr vol = virStorageVolLookupByName(p, v.toUtf8().constData())) {
                    virStorageVolDelete(vol, 0);
                    virStorageVolFree(vol);
                }
            }
            virStoragePoolFree(p);
        }
        virResetLastError();
    }

    /// A 64 MiB qcow2 base volume and a shut-off ppc64le pseries VM on it.
    QString defineBaseVm()
    {
        virStoragePoolPtr p =
            virStoragePoolLookupByName(conn(), LibvirtDaemon::poolName().toUtf8().constData());
        EXPECT_NE(p, nullptr) << lastLibvirtError().toStdString();
        if (!p)
            return {};
        const QString volXml = u"<volume><name>%1.qcow2</name><capacity unit='MiB'>64</capacity>"
                               "<target><format type='qcow2'/></target></volume>"_s.arg(kBase);
        virStorageVolPtr vol = virStorageVolCreateXML(p, volXml.toUtf8().constData(), 0);
        EXPECT_NE(vol, nullptr) << lastLibvirtError().toStdString();
        const QString path = vol ? QString::fromUtf8(virStorageVolGetPath(vol)) : QString();
        if (vol)
            virStorageVolFree(vol);
        virStoragePoolFree(p);
        const QString xml = uR"(<domain type='%1'>
  <name>%2</name>
  <memory unit='MiB'>512</memory>
  <vcpu>1</vcpu>
  <os><type arch='ppc64le' machine='pseries'>hvm</type></os>
  <devices>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='%3'/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <interface type='network'>
      <source network='%4'/>
      <model type='spapr-vlan'/>
    </interface>
    <graphics type='vnc' autoport='yes'/>
  </devices>
</domain>)"_s.arg(daemon().domainTypeFor(u"ppc64le"_s), kBase, path, LibvirtDaemon::networkName());
        virDomainPtr d = virDomainDefineXML(conn(), xml.toUtf8().constData());
        EXPECT_NE(d, nullptr) << lastLibvirtError().toStdString();
        char uuid[VIR_UUID_STRING_BUFLEN] = {};
        if (d) {
            virDomainGetUUIDString(d, uuid);
            virDomainFree(d);
        }
        return QString::fromLatin1(uuid);
    }

    QString volumeXml(const QString &name)
    {
        virStoragePoolPtr p =
            virStoragePoolLookupByName(conn(), LibvirtDaemon::poolName().toUtf8().constData());
        virStoragePoolRefresh(p, 0);
        virStorageVolPtr v = p ? virStorageVolLookupByName(p, name.toUtf8().constData()) : nullptr;
        QString xml;
        if (v) {
            char *raw = virStorageVolGetXMLDesc(v, 0);
            xml = QString::fromUtf8(raw);
            free(raw);
            virStorageVolFree(v);
        }
        if (p)
            virStoragePoolFree(p);
        virResetLastError();
        return xml;
    }

    void deleteVolume(const QString &name)
    {
        if (virStoragePoolPtr p = virStoragePoolLookupByName(
                conn(), LibvirtDaemon::poolName().toUtf8().constData())) {
            if (virStorageVolPtr v = virStorageVolLookupByName(p, name.toUtf8().constData())) {
                virStorageVolDelete(v, 0);
                virStorageVolFree(v);
            }
            virStoragePoolFree(p);
        }
        virResetLastError();
    }

    template<typename T> QString failure(QFuture<T> future)
    {
        try {
            await(future);
        } catch (...) {
            return exceptionText(std::current_exception());
        }
        return {};
    }
};

TEST_F(TemplateCoreE2e, OverlayVmBlocksTemplateDeletionByItsBackingStore)
{
    QString error;
    const auto session = openSession(LibvirtDaemon::localUri(), &error);
    ASSERT_TRUE(session) << error.toStdString();
    const QString uuid = defineBaseVm();
    ASSERT_FALSE(uuid.isEmpty());

    const TemplateInfo tmpl = await(makeTemplate(session.get(), uuid, u"e2e POWER base"_s));
    ASSERT_TRUE(tmpl.metadata.isTemplate);
    ASSERT_EQ(tmpl.disks.size(), 1);
    EXPECT_TRUE(tmpl.disks[0].exists);
    EXPECT_EQ(tmpl.disks[0].pool, LibvirtDaemon::poolName());
    EXPECT_TRUE(tmpl.xml.contains(u"<readonly/>"_s));

    HostChoicesProvider provider(session.get());
    const GuestHostContext ctx = await(provider.guestContext(tmpl.arch, tmpl.machine));
    const StorageSnapshot storage = await(fetchStorage(session.get()));
    FromTemplateRequest request;
    request.name = kVm;
    request.targetPool = LibvirtDaemon::poolName();

    // The cluster's arch decides first.
    const FromTemplatePlan wrongCluster =
        planFromTemplate(tmpl, request, ctx, storage, u"x86_64"_s);
    ASSERT_EQ(wrongCluster.problems.size(), 1);
    EXPECT_EQ(wrongCluster.problems[0],
              u"Template %1 is for ppc64le guests; this cluster runs x86_64 guests"_s.arg(kBase));

    const FromTemplatePlan plan = planFromTemplate(tmpl, request, ctx, storage, u"ppc64le"_s);
    ASSERT_TRUE(plan.ok()) << plan.problems.join(u"\n"_s).toStdString();
    info(u"plan"_s,
         u"%1 on %2 (%3)"_s.arg(kVm, ctx.uri, crossvirt::arch::virtTypeName(plan.virtType)));

    TemplateDeployer deployer(session.get(), session.get());
    QSignalSpy done(&deployer, &TemplateDeployer::finished);
    QSignalSpy failed(&deployer, &TemplateDeployer::failed);
    deployer.start(plan);
    ASSERT_TRUE(
        crossvirt::test::waitUntil([&] { return !done.isEmpty() || !failed.isEmpty(); }, 60'000));
    ASSERT_TRUE(failed.isEmpty()) << failed.first().at(0).toString().toStdString();

    const QString overlay = volumeXml(kVm + u".qcow2"_s);
    EXPECT_TRUE(overlay.contains(u"<backingStore>"_s)) << overlay.toStdString();
    EXPECT_TRUE(overlay.contains(tmpl.disks[0].path)) << overlay.toStdString();

    // Refused by Crossvirt's metadata, and still by the volume's backing store once the VM
    // carries none (made by another tool, or its metadata edited away).
    QString refused = failure(deleteTemplate(session.get(), uuid, true));
    EXPECT_TRUE(refused.contains(kVm)) << refused.toStdString();
    virDomainPtr vm = virDomainLookupByName(conn(), kVm.toUtf8().constData());
    ASSERT_NE(vm, nullptr);
    char *raw = virDomainGetXMLDesc(vm, VIR_DOMAIN_XML_INACTIVE);
    const QString stripped = withCrossvirtMetadata(QString::fromUtf8(raw), {});
    free(raw);
    virDomainFree(vm);
    ASSERT_FALSE(stripped.contains(kCrossvirtMetadataNs));
    virDomainPtr redefined = virDomainDefineXML(conn(), stripped.toUtf8().constData());
    ASSERT_NE(redefined, nullptr) << lastLibvirtError().toStdString();
    virDomainFree(redefined);
    refused = failure(deleteTemplate(session.get(), uuid, true));
    EXPECT_TRUE(refused.contains(kVm)) << refused.toStdString();
    EXPECT_TRUE(volumeXml(kBase + u".qcow2"_s).contains(kBase)) << "refusal changes nothing";

    // Once the VM and its overlay are gone, the template goes with its base volume.
    if (virDomainPtr d = virDomainLookupByName(conn(), kVm.toUtf8().constData())) {
        virDomainUndefine(d);
        virDomainFree(d);
    }
    deleteVolume(kVm + u".qcow2"_s);
    const QString deleted = failure(deleteTemplate(session.get(), uuid, true));
    EXPECT_TRUE(deleted.isEmpty()) << deleted.toStdString();
    EXPECT_TRUE(volumeXml(kBase + u".qcow2"_s).isEmpty());
    for (const TemplateInfo &t : await(listTemplates(session.get())))
        EXPECT_NE(t.name, kBase);
}

TEST_F(TemplateCoreE2e, CopiedVmOwnsItsVolume)
{
    QString error;
    const auto session = openSession(LibvirtDaemon::localUri(), &error);
    ASSERT_TRUE(session) << error.toStdString();
    const QString uuid = defineBaseVm();
    ASSERT_FALSE(uuid.isEmpty());
    const TemplateInfo tmpl = await(makeTemplate(session.get(), uuid, {}));

    HostChoicesProvider provider(session.get());
    FromTemplateRequest request;
    request.name = kVm;
    request.targetPool = LibvirtDaemon::poolName();
    request.diskMode = TemplateDiskMode::Copy;
    const FromTemplatePlan plan =
        planFromTemplate(tmpl, request, await(provider.guestContext(tmpl.arch, tmpl.machine)),
                         await(fetchStorage(session.get())));
    ASSERT_TRUE(plan.ok()) << plan.problems.join(u"\n"_s).toStdString();
    ASSERT_EQ(plan.disks.size(), 1);
    EXPECT_TRUE(plan.disks[0].copy);

    TemplateDeployer deployer(session.get(), session.get());
    QSignalSpy done(&deployer, &TemplateDeployer::finished);
    QSignalSpy failed(&deployer, &TemplateDeployer::failed);
    deployer.start(plan);
    ASSERT_TRUE(
        crossvirt::test::waitUntil([&] { return !done.isEmpty() || !failed.isEmpty(); }, 120'000));
    ASSERT_TRUE(failed.isEmpty()) << failed.first().at(0).toString().toStdString();
    const auto vm = done.first().at(0).value<DeployedVm>();
    ASSERT_EQ(vm.volumes.size(), 1);
    const QString copy = volumeXml(kVm + u".qcow2"_s);
    EXPECT_FALSE(copy.isEmpty());
    EXPECT_FALSE(copy.contains(u"<backingStore>"_s)) << copy.toStdString();

    // A copy leans on nothing: the template goes while the VM stays.
    const QString deleted = failure(deleteTemplate(session.get(), uuid, true));
    EXPECT_TRUE(deleted.isEmpty()) << deleted.toStdString();
    EXPECT_FALSE(volumeXml(kVm + u".qcow2"_s).isEmpty());
}

} // namespace
