// Templates on the libvirt test driver (a fresh host per test, data/template-host.xml):
// make, list and delete with their refusals; the inventory shows a new template as one
// without a reconnect; TemplateDeployer makes an overlay VM and removes what it made when
// the define fails or the user cancels.
#include "common/TestSupport.h"
#include "models/connection/HostSession.h"
#include "models/connection/LibvirtError.h"
#include "models/connection/WorkerJobs.h"
#include "models/provisioning/HostChoices.h"
#include "models/templates/VmTemplates.h"

#include <QSignalSpy>
#include <gtest/gtest.h>
#include <libvirt/libvirt.h>

using namespace Qt::StringLiterals;
using namespace crossvirt;
using namespace crossvirt::models;

namespace {

const QString kWebBase = u"5e1f0a8e-1c2b-4e5f-9a0b-0000000000a1"_s;
const QString kBusy = u"5e1f0a8e-1c2b-4e5f-9a0b-0000000000a2"_s;
const QString kLoose = u"5e1f0a8e-1c2b-4e5f-9a0b-0000000000a3"_s;

template<typename T> T await(QFuture<T> f)
{
    EXPECT_TRUE(test::waitUntil([&] { return f.isFinished(); }, 10000));
    if constexpr (std::is_void_v<T>)
        f.waitForFinished();
    else
        return f.result();
}

/// The failure text of `future`, empty when it succeeded.
template<typename T> QString failure(QFuture<T> future)
{
    test::waitUntil([&] { return future.isFinished(); }, 10000);
    try {
        future.waitForFinished();
    } catch (...) {
        return errorText(std::current_exception());
    }
    return {};
}

class TemplateHost : public ::testing::Test
{
protected:
    void SetUp() override
    {
        session = std::make_unique<HostSession>(
            u"test://"_s + test::sourcePath(u"tests/templates/data/template-host.xml"_s));
        session->open();
        ASSERT_TRUE(
            test::waitUntil([&] { return session->state() == ConnectionState::Connected; }));
    }

    QString inactiveXml(const QString &uuid)
    {
        return await(runOnWorker(session.get(), [uuid](virConnectPtr conn) {
            DomainHandle dom(virDomainLookupByUUIDString(conn, uuid.toUtf8().constData()));
            return dom ? takeLibvirtString(virDomainGetXMLDesc(dom.get(), VIR_DOMAIN_XML_INACTIVE))
                       : QString();
        }));
    }

    QStringList volumes()
    {
        const StorageSnapshot s = await(fetchStorage(session.get()));
        const PoolContents *p = s.pool(u"tpl-pool"_s);
        return p ? p->volumeNames() : QStringList();
    }

    QStringList vmNames() { return await(fetchStorage(session.get())).domainNames; }

    FromTemplatePlan plan(const TemplateInfo &tmpl, const QString &name)
    {
        HostChoicesProvider provider(session.get());
        const GuestHostContext ctx = await(provider.guestContext(tmpl.arch, tmpl.machine));
        FromTemplateRequest r;
        r.name = name;
        return planFromTemplate(tmpl, r, ctx, await(fetchStorage(session.get())));
    }

    /// Runs `p`; true when finished, false when failed (its message in *message).
    bool deploy(const FromTemplatePlan &p, QString *message = nullptr, bool cancel = false,
                bool *cancelled = nullptr)
    {
        TemplateDeployer deployer(session.get(), session.get());
        QSignalSpy done(&deployer, &TemplateDeployer::finished);
        QSignalSpy failed(&deployer, &TemplateDeployer::failed);
        deployer.start(p);
        if (cancel)
            deployer.cancel();
        EXPECT_TRUE(test::waitUntil([&] { return !done.isEmpty() || !failed.isEmpty(); }, 10000));
        EXPECT_FALSE(deployer.isRunning());
        if (!failed.isEmpty()) {
            if (message)
                *message = failed.first().at(0).toString();
            if (cancelled)
                *cancelled = failed.first().at(1).toBool();
            return false;
        }
        return !done.isEmpty();
    }

    std::unique_ptr<HostSession> session;
};

TEST_F(TemplateHost, MakeTemplateMarksTheVmAndItsDisks)
{
    const TemplateInfo t = await(makeTemplate(session.get(), kWebBase, u"Debian 12 web"_s));
    EXPECT_TRUE(t.metadata.isTemplate);
    EXPECT_EQ(t.metadata.templateSourceVm, u"web-base"_s);
    EXPECT_EQ(t.metadata.templateDescription, u"Debian 12 web"_s);
    EXPECT_TRUE(t.metadata.templateCreated.isValid());
    EXPECT_EQ(t.name, u"web-base"_s);
    EXPECT_EQ(t.arch, u"x86_64"_s);
    ASSERT_EQ(t.disks.size(), 2);
    EXPECT_EQ(t.disks[0].pool, u"tpl-pool"_s);
    EXPECT_EQ(t.disks[0].volume, u"web-base.qcow2"_s);
    EXPECT_EQ(t.disks[0].capacity, 10ull << 30);
    EXPECT_TRUE(t.disks[0].exists);
    EXPECT_EQ(t.summary, u"2 vCPU(s) · 2.0 GiB · virtio disk 10.0 GiB · virtio NIC"_s);

    const QString xml = inactiveXml(kWebBase);
    EXPECT_EQ(xml.count(u"<readonly/>"_s), 2) << "the base disk too, not only the CD-ROM";
    EXPECT_TRUE(xml.contains(u"libosinfo:os"_s)) << "other metadata kept";

    const QList<TemplateInfo> all = await(listTemplates(session.get()));
    ASSERT_EQ(all.size(), 1);
    EXPECT_EQ(all[0].uuid, kWebBase);

    // The define event re-reads the XML: the inventory shows a template, no reconnect.
    EXPECT_TRUE(test::waitUntil([&] {
        for (const DomainSummary &d : session->domains()) {
            if (d.uuid == kWebBase)
                return d.isTemplate;
        }
        return false;
    }));
}

TEST_F(TemplateHost, MakeTemplateRefusalsChangeNothing)
{
    const QString busyXml = inactiveXml(kBusy);
    EXPECT_TRUE(failure(makeTemplate(session.get(), kBusy, {})).contains(u"running"_s));
    EXPECT_EQ(inactiveXml(kBusy), busyXml);

    const QString looseXml = inactiveXml(kLoose);
    const QString loose = failure(makeTemplate(session.get(), kLoose, {}));
    EXPECT_TRUE(loose.contains(u"/elsewhere/loose.qcow2"_s)) << loose.toStdString();
    EXPECT_EQ(inactiveXml(kLoose), looseXml);

    await(makeTemplate(session.get(), kWebBase, {}));
    EXPECT_TRUE(failure(makeTemplate(session.get(), kWebBase, {})).contains(u"already"_s));
    EXPECT_EQ(await(listTemplates(session.get())).size(), 1);
}

TEST_F(TemplateHost, OverlayVmThenDeleteTemplateOnlyOnceNothingIsBackedByIt)
{
    const TemplateInfo t = await(makeTemplate(session.get(), kWebBase, {}));
    const FromTemplatePlan p = plan(t, u"web-01"_s);
    ASSERT_TRUE(p.ok()) << p.problems.join(u"\n"_s).toStdString();
    QString message;
    ASSERT_TRUE(deploy(p, &message)) << message.toStdString();
    EXPECT_TRUE(vmNames().contains(u"web-01"_s));
    EXPECT_TRUE(volumes().contains(u"web-01.qcow2"_s));

    const QString volXml = await(runOnWorker(session.get(), [](virConnectPtr conn) {
        StorageVolHandle v(virStorageVolLookupByPath(conn, "/tpl-pool/web-01.qcow2"));
        return v ? takeLibvirtString(virStorageVolGetXMLDesc(v.get(), 0)) : QString();
    }));
    EXPECT_TRUE(volXml.contains(u"/tpl-pool/web-base.qcow2"_s)) << volXml.toStdString();

    QString refused = failure(deleteTemplate(session.get(), kWebBase, true));
    EXPECT_TRUE(refused.contains(u"web-01"_s)) << refused.toStdString();
    EXPECT_EQ(await(listTemplates(session.get())).size(), 1);

    // Without Crossvirt's metadata on the VM, the overlay's backing store still tells.
    const bool stripped = await(runOnWorker(session.get(), [](virConnectPtr conn) {
        DomainHandle dom(virDomainLookupByName(conn, "web-01"));
        const QString xml = withCrossvirtMetadata(
            takeLibvirtString(virDomainGetXMLDesc(dom.get(), VIR_DOMAIN_XML_INACTIVE)), {});
        return !xml.contains(kCrossvirtMetadataNs) &&
               DomainHandle(virDomainDefineXML(conn, xml.toUtf8().constData())) != nullptr;
    }));
    ASSERT_TRUE(stripped);
    refused = failure(deleteTemplate(session.get(), kWebBase, true));
    EXPECT_TRUE(refused.contains(u"web-01"_s)) << refused.toStdString();

    await(runOnWorker(session.get(), [](virConnectPtr conn) {
        DomainHandle dom(virDomainLookupByName(conn, "web-01"));
        virDomainUndefine(dom.get());
        StorageVolHandle v(virStorageVolLookupByPath(conn, "/tpl-pool/web-01.qcow2"));
        virStorageVolDelete(v.get(), 0);
    }));
    const QString error = failure(deleteTemplate(session.get(), kWebBase, true));
    EXPECT_TRUE(error.isEmpty()) << error.toStdString();
    EXPECT_TRUE(await(listTemplates(session.get())).isEmpty());
    EXPECT_FALSE(volumes().contains(u"web-base.qcow2"_s));
    EXPECT_TRUE(volumes().contains(u"install.iso"_s)) << "a CD-ROM's medium is not the template's";
}

TEST_F(TemplateHost, StartedOverlayVm)
{
    const TemplateInfo t = await(makeTemplate(session.get(), kWebBase, {}));
    FromTemplatePlan p = plan(t, u"web-02"_s);
    p.request.start = true;
    TemplateDeployer deployer(session.get(), session.get());
    QSignalSpy done(&deployer, &TemplateDeployer::finished);
    QSignalSpy progress(&deployer, &TemplateDeployer::progress);
    deployer.start(p);
    ASSERT_TRUE(test::waitUntil([&] { return !done.isEmpty(); }, 10000));
    const auto vm = done.first().at(0).value<DeployedVm>();
    EXPECT_TRUE(vm.started);
    EXPECT_EQ(vm.name, u"web-02"_s);
    EXPECT_EQ(vm.volumes, QStringList{u"/tpl-pool/web-02.qcow2"_s});
    EXPECT_GE(progress.size(), 2); // the overlay, the define
    EXPECT_TRUE(test::waitUntil([&] {
        for (const DomainSummary &d : session->domains()) {
            if (d.name == "web-02"_L1)
                return d.state == DomainState::Running && d.fromTemplate == "web-base"_L1;
        }
        return false;
    }));
}

TEST_F(TemplateHost, FailedDefineRemovesTheOverlay)
{
    const TemplateInfo t = await(makeTemplate(session.get(), kWebBase, {}));
    FromTemplatePlan p = plan(t, u"web-bad"_s);
    ASSERT_TRUE(p.ok());
    p.domainXml.replace(u"<domain type=\"kvm\""_s, u"<domain type=\"nonsense\""_s);
    ASSERT_TRUE(p.domainXml.contains(u"nonsense"_s)) << p.domainXml.left(200).toStdString();
    QString message;
    EXPECT_FALSE(deploy(p, &message));
    EXPECT_TRUE(message.contains(u"web-bad"_s)) << message.toStdString();
    EXPECT_FALSE(volumes().contains(u"web-bad.qcow2"_s));
    EXPECT_FALSE(vmNames().contains(u"web-bad"_s));
}

TEST_F(TemplateHost, CancelRemovesTheOverlay)
{
    const TemplateInfo t = await(makeTemplate(session.get(), kWebBase, {}));
    const FromTemplatePlan p = plan(t, u"web-cancel"_s);
    bool cancelled = false;
    EXPECT_FALSE(deploy(p, nullptr, true, &cancelled));
    EXPECT_TRUE(cancelled);
    EXPECT_FALSE(volumes().contains(u"web-cancel.qcow2"_s));
    EXPECT_FALSE(vmNames().contains(u"web-cancel"_s));
}

TEST_F(TemplateHost, DeletedBaseIsRefusedByThePlan)
{
    const TemplateInfo made = await(makeTemplate(session.get(), kWebBase, {}));
    await(runOnWorker(session.get(), [](virConnectPtr conn) {
        StorageVolHandle v(virStorageVolLookupByPath(conn, "/tpl-pool/web-base.qcow2"));
        virStorageVolDelete(v.get(), 0);
    }));
    const QList<TemplateInfo> all = await(listTemplates(session.get()));
    ASSERT_EQ(all.size(), 1);
    EXPECT_FALSE(all[0].disks[0].exists);
    const FromTemplatePlan p = plan(all[0], u"web-03"_s);
    EXPECT_FALSE(p.ok());
    EXPECT_TRUE(p.problems.join(u"\n"_s).contains(u"/tpl-pool/web-base.qcow2"_s))
        << p.problems.join(u"\n"_s).toStdString();
    Q_UNUSED(made)
}

TEST_F(TemplateHost, MetadataSetByAnotherClientReachesTheInventory)
{
    // virDomainSetMetadata (another Crossvirt, a VM pool mark) fires no lifecycle event.
    CrossvirtMetadata pool;
    pool.vmPool = u"builders"_s;
    const QString element = crossvirtMetadataElement(pool);
    const QString rc = await(runOnWorker(session.get(), [element](virConnectPtr conn) {
        DomainHandle dom(virDomainLookupByName(conn, "loose"));
        if (virDomainSetMetadata(
                dom.get(), VIR_DOMAIN_METADATA_ELEMENT, element.toUtf8().constData(),
                QString(kCrossvirtMetadataPrefix).toUtf8().constData(),
                QString(kCrossvirtMetadataNs).toUtf8().constData(), VIR_DOMAIN_AFFECT_CONFIG) == 0)
            return QString();
        return LibvirtError::fromLastError({}).message();
    }));
    ASSERT_TRUE(rc.isEmpty()) << rc.toStdString();
    EXPECT_EQ(readCrossvirtMetadata(inactiveXml(kLoose).toUtf8()).vmPool, u"builders"_s);
    EXPECT_TRUE(test::waitUntil([&] {
        for (const DomainSummary &d : session->domains()) {
            if (d.uuid == kLoose)
                return d.vmPool == "builders"_L1;
        }
        return false;
    }));
}

TEST_F(TemplateHost, CancelWhileDefiningTakesTheVmBackOut)
{
    const TemplateInfo t = await(makeTemplate(session.get(), kWebBase, {}));
    FromTemplatePlan p = plan(t, u"web-late"_s);
    p.request.start = true;
    TemplateDeployer deployer(session.get(), session.get());
    QSignalSpy done(&deployer, &TemplateDeployer::finished);
    QSignalSpy failed(&deployer, &TemplateDeployer::failed);
    QObject::connect(&deployer, &TemplateDeployer::progress, &deployer,
                     [&](const DeployProgress &step) {
                         if (step.step.startsWith(u"Defining"_s))
                             deployer.cancel();
                     });
    deployer.start(p);
    ASSERT_TRUE(test::waitUntil([&] { return !done.isEmpty() || !failed.isEmpty(); }, 10000));
    ASSERT_TRUE(done.isEmpty());
    EXPECT_TRUE(failed.first().at(1).toBool()) << "reported as cancelled";
    EXPECT_FALSE(vmNames().contains(u"web-late"_s));
    EXPECT_FALSE(volumes().contains(u"web-late.qcow2"_s));
}

} // namespace
