#include "DialogFixture.h"
#include "models/connection/WorkerJobs.h"

#include "common/TestSupport.h"
#include "models/connection/HostSession.h"
#include "views/dialogs/ChoiceCombo.h"
#include "views/dialogs/NewVmDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <libvirt/libvirt.h>

using namespace crossvirt;
using namespace Qt::StringLiterals;
using crossvirt::test::waitUntil;
using views::NewVmDialog;

namespace {

QStringList labels(const views::ChoiceCombo *combo)
{
    return combo->offeredLabels();
}

bool hasVm(const models::HostSession *s, const QString &name)
{
    for (const models::DomainSummary &d : s->domains()) {
        if (d.name == name)
            return true;
    }
    return false;
}

} // namespace

class NewVmDialogTest : public test::DialogTest
{
protected:
    /// A dialog placed on the demo host of `hostArch`, ready, for a guest of `guestArch`.
    std::unique_ptr<NewVmDialog> dialogOn(const QString &hostArch, const QString &guestArch)
    {
        auto d = std::make_unique<NewVmDialog>(&datacenter, &clusters);
        EXPECT_TRUE(d->selectHost(demoUri(hostArch)));
        EXPECT_TRUE(d->selectArch(guestArch));
        EXPECT_TRUE(waitUntil([&] { return d->isReady(); }, 10000));
        return d;
    }

    static void setMachine(NewVmDialog &d, const QString &machine)
    {
        ASSERT_TRUE(d.machineCombo()->setCurrentId(machine)) << machine.toStdString();
        ASSERT_TRUE(waitUntil([&] { return d.isReady(); }, 10000));
    }
};

TEST_F(NewVmDialogTest, Ppc64leOffersPowerBusesAndVncOnly)
{
    auto d = dialogOn(u"ppc64le"_s, u"ppc64le"_s);
    const QStringList buses = labels(d->diskInterfaceCombo());
    EXPECT_TRUE(buses.contains(u"VirtIO"_s)) << buses.join(u',').toStdString();
    EXPECT_TRUE(buses.contains(u"VirtIO-SCSI"_s));
    EXPECT_TRUE(buses.contains(u"sPAPR VSCSI"_s));
    EXPECT_FALSE(buses.contains(u"IDE"_s));
    EXPECT_FALSE(buses.contains(u"SATA"_s));
    EXPECT_TRUE(d->diskInterfaceCombo()->noteText().contains(u"IDE is not available on ppc64le"_s));

    const QStringList graphics = labels(d->graphicsCombo());
    EXPECT_TRUE(graphics.contains(u"VNC"_s)) << graphics.join(u',').toStdString();
    EXPECT_FALSE(graphics.contains(u"SPICE"_s));
    EXPECT_TRUE(d->graphicsCombo()->noteText().contains(u"SPICE"_s));
    EXPECT_FALSE(d->cdromInterfaceCombo()->offeredIds().contains(u"ide"_s));
}

TEST_F(NewVmDialogTest, X86OffersIdeOnPcButNotOnQ35)
{
    auto d = dialogOn(u"x86_64"_s, u"x86_64"_s);
    setMachine(*d, u"pc"_s);
    EXPECT_TRUE(d->diskInterfaceCombo()->offeredIds().contains(u"ide"_s));
    setMachine(*d, u"q35"_s);
    EXPECT_FALSE(d->diskInterfaceCombo()->offeredIds().contains(u"ide"_s));
    EXPECT_TRUE(d->diskInterfaceCombo()->offeredIds().contains(u"sata"_s));
    EXPECT_TRUE(d->diskInterfaceCombo()->noteText().contains(u"IDE is not available on q35"_s));
    EXPECT_TRUE(labels(d->graphicsCombo()).contains(u"SPICE"_s));
}

TEST_F(NewVmDialogTest, S390xOffersNoGraphics)
{
    auto d = dialogOn(u"s390x"_s, u"s390x"_s);
    EXPECT_FALSE(d->graphicsCombo()->offeredIds().contains(u"vnc"_s));
    EXPECT_FALSE(d->graphicsCombo()->offeredIds().contains(u"spice"_s));
    EXPECT_TRUE(d->graphicsCombo()->noteText().contains(u"no graphics"_s));
    EXPECT_EQ(d->consoleCombo()->currentId(), u"sclp"_s);
}

TEST_F(NewVmDialogTest, Riscv64StillOffersAnOsWhenOsinfoKnowsNone)
{
    // osinfo-db names no riscv64 OS; the generic entries keep the list usable.
    auto d = dialogOn(u"x86_64"_s, u"riscv64"_s);
    ASSERT_TRUE(waitUntil([&] { return d->osList()->model()->rowCount() > 0; }, 10000));
    QStringList names;
    for (int r = 0; r < d->osList()->model()->rowCount(); ++r)
        names << d->osList()->model()->index(r, 0).data().toString();
    EXPECT_TRUE(names.join(u'|').contains(u"Linux"_s)) << names.join(u'|').toStdString();
}

TEST_F(NewVmDialogTest, BadInputIsExplainedAndBlocksCreate)
{
    auto d = dialogOn(u"ppc64le"_s, u"ppc64le"_s);
    d->show();
    const auto expectProblem = [&](const QString &field) {
        EXPECT_FALSE(d->fieldMessage(field).isEmpty()) << field.toStdString();
        EXPECT_FALSE(d->problems().isEmpty());
        EXPECT_TRUE(d->domainXml().isEmpty());
    };
    d->nameEdit()->setText(u"power-db"_s); // exists on the host
    expectProblem(u"name"_s);
    d->nameEdit()->setText(u"bad/name"_s);
    expectProblem(u"name"_s);
    d->nameEdit()->setText(QString(250, u'a'));
    expectProblem(u"name"_s);
    d->nameEdit()->setText(u"new-power"_s);
    EXPECT_TRUE(d->fieldMessage(u"name"_s).isEmpty());

    d->memorySpin()->setValue(1000); // ppc64 memory goes in 256 MiB steps
    expectProblem(u"memory"_s);
    d->memorySpin()->setValue(1024);
    EXPECT_TRUE(d->fieldMessage(u"memory"_s).isEmpty());
    d->memorySpin()->setValue(16 * 1024 * 1024 - 256); // beyond the host
    expectProblem(u"memory"_s);
    d->memorySpin()->setValue(1024);

    d->sizeSpin()->setValue(0);
    expectProblem(u"size"_s);
    d->sizeSpin()->setValue(1024 * 1024 - 1); // beyond the pool's free space
    expectProblem(u"size"_s);
    d->sizeSpin()->setValue(8);
    EXPECT_TRUE(d->problems().isEmpty()) << d->problems().value(0).message.toStdString();
    EXPECT_FALSE(d->domainXml().isEmpty());
}

TEST_F(NewVmDialogTest, CreatesAPpc64leVmWithAnSpaprVscsiDisk)
{
    auto d = dialogOn(u"ppc64le"_s, u"ppc64le"_s);
    d->nameEdit()->setText(u"gui-power"_s);
    d->osSearch()->setText(u"rhel 9"_s);
    // The OS sets recommended sizes (memory rounded to ppc64's 256 MiB steps).
    if (waitUntil([&] { return d->osList()->model()->rowCount() > 0; }, 10000)) {
        d->osList()->setCurrentIndex(d->osList()->model()->index(0, 0));
        EXPECT_EQ(d->memorySpin()->value() % 256, 0);
        EXPECT_FALSE(d->spec().osId.isEmpty());
    }
    ASSERT_TRUE(d->diskInterfaceCombo()->setCurrentId(u"spapr-vscsi"_s));
    d->sizeSpin()->setValue(8);
    d->startCheck()->setChecked(false);
    ASSERT_TRUE(d->problems().isEmpty()) << d->problems().value(0).message.toStdString();
    EXPECT_TRUE(d->domainXml().contains(u"ibmvscsi"_s));
    EXPECT_TRUE(d->placementText().contains(u"natively"_s));
    d->show();
    d->restart();
    test::DialogTest::screenshot(d.get(), u"new-vm-ppc64le-placement"_s);
    while (d->currentId() != NewVmDialog::ResourcesPage)
        d->next();
    test::DialogTest::screenshot(d.get(), u"new-vm-ppc64le-resources"_s);
    while (d->currentId() != NewVmDialog::StoragePage)
        d->next();
    test::DialogTest::screenshot(d.get(), u"new-vm-ppc64le-storage"_s);
    d->next();
    test::DialogTest::screenshot(d.get(), u"new-vm-ppc64le-devices"_s);
    while (d->currentId() != NewVmDialog::SummaryPage)
        d->next();
    test::DialogTest::screenshot(d.get(), u"new-vm-ppc64le-summary"_s);

    bool created = false;
    QObject::connect(d.get(), &NewVmDialog::vmCreated, d.get(), [&] { created = true; });
    d->accept();
    ASSERT_TRUE(
        waitUntil([&] { return created || !d->createErrorLabel()->text().isEmpty(); }, 10000));
    ASSERT_TRUE(created) << d->createErrorLabel()->text().toStdString();
    EXPECT_TRUE(waitUntil([&] { return hasVm(session(u"ppc64le"_s), u"gui-power"_s); }));
}

TEST_F(NewVmDialogTest, CreatesAnX86Q35VmWithASataDisk)
{
    auto d = dialogOn(u"x86_64"_s, u"x86_64"_s);
    setMachine(*d, u"q35"_s);
    d->nameEdit()->setText(u"gui-q35"_s);
    ASSERT_TRUE(d->diskInterfaceCombo()->setCurrentId(u"sata"_s));
    d->sizeSpin()->setValue(8);
    d->startCheck()->setChecked(false);
    ASSERT_TRUE(d->problems().isEmpty()) << d->problems().value(0).message.toStdString();
    EXPECT_TRUE(d->domainXml().contains(u"bus=\"sata\""_s) ||
                d->domainXml().contains(u"bus='sata'"_s));
    d->show();
    while (d->currentId() != NewVmDialog::StoragePage)
        d->next();
    test::DialogTest::screenshot(d.get(), u"new-vm-x86_64-q35-storage"_s);
    while (d->currentId() != NewVmDialog::SummaryPage)
        d->next();
    test::DialogTest::screenshot(d.get(), u"new-vm-x86_64-q35-summary"_s);

    bool created = false;
    QObject::connect(d.get(), &NewVmDialog::vmCreated, d.get(), [&] { created = true; });
    d->accept();
    ASSERT_TRUE(
        waitUntil([&] { return created || !d->createErrorLabel()->text().isEmpty(); }, 10000));
    ASSERT_TRUE(created) << d->createErrorLabel()->text().toStdString();
    EXPECT_TRUE(waitUntil([&] { return hasVm(session(u"x86_64"_s), u"gui-q35"_s); }));
}

TEST_F(NewVmDialogTest, ClusterFixesTheArchAndPlacesOnItsHost)
{
    clusters.setCluster(models::Cluster{{},
                                        u"Power"_s,
                                        {},
                                        u"ppc64le"_s,
                                        u"POWER9"_s,
                                        true,
                                        {demoUri(u"x86_64"_s), demoUri(u"ppc64le"_s)}});
    NewVmDialog d(&datacenter, &clusters);
    ASSERT_TRUE(d.selectCluster(clusters.clusters().constFirst().id));
    ASSERT_TRUE(waitUntil([&] { return d.isReady(); }, 10000));
    EXPECT_FALSE(d.archCombo()->isEnabled());
    EXPECT_EQ(d.archCombo()->currentData().toString(), u"ppc64le"_s);
    // Native hosts first (Nova's rule), the emulating one after it.
    ASSERT_EQ(d.hostCombo()->count(), 2);
    EXPECT_EQ(d.hostCombo()->itemData(0).toString(), demoUri(u"ppc64le"_s));
    EXPECT_TRUE(d.hostCombo()->itemText(1).contains(u"emulated"_s));
    EXPECT_EQ(d.cpuCombo()->currentId(), u"custom:POWER9"_s);
}

TEST_F(NewVmDialogTest, FailedStepIsNamedWithLibvirtsMessageAndNothingIsLeftBehind)
{
    auto d = dialogOn(u"ppc64le"_s, u"ppc64le"_s);
    d->nameEdit()->setText(u"race-vm"_s);
    d->sizeSpin()->setValue(4);
    d->startCheck()->setChecked(false);
    ASSERT_TRUE(d->problems().isEmpty()) << d->problems().value(0).message.toStdString();
    // Someone else takes the name after the dialog checked it: defining fails.
    models::HostSession *power = session(u"ppc64le"_s);
    models::runOnWorker(power, [](virConnectPtr conn) {
        const char *xml = "<domain type='test'><name>race-vm</name><memory>262144</memory>"
                          "<os><type arch='ppc64le' machine='pseries'>hvm</type></os></domain>";
        if (virDomainPtr dom = virDomainDefineXML(conn, xml))
            virDomainFree(dom);
    }).waitForFinished();
    d->show();
    while (d->currentId() != NewVmDialog::SummaryPage)
        d->next();
    bool created = false;
    QObject::connect(d.get(), &NewVmDialog::vmCreated, d.get(), [&] { created = true; });
    d->accept();
    ASSERT_TRUE(
        waitUntil([&] { return created || !d->createErrorLabel()->text().isEmpty(); }, 10000));
    EXPECT_FALSE(created);
    const QString error = d->createErrorLabel()->text();
    EXPECT_TRUE(error.contains(u"Defining the virtual machine"_s)) << error.toStdString();
    EXPECT_TRUE(error.contains(u"race-vm"_s)) << "libvirt's own message names the domain";
    EXPECT_TRUE(d->isVisible()) << "the wizard stays open";
    test::DialogTest::screenshot(d.get(), u"new-vm-create-failed"_s);
    // The volume made before the failed step was removed again.
    auto storage = models::fetchStorage(power);
    storage.waitForFinished();
    const models::PoolContents *pool = storage.result().pool(u"default"_s);
    ASSERT_NE(pool, nullptr);
    EXPECT_FALSE(pool->volumeNames().contains(u"race-vm.qcow2"_s));
}

// First-run help (issue 16): a host with no active storage pool gets libvirt's default
// directory pool from the storage page, and the wizard reads the storage again.
TEST_F(NewVmDialogTest, OffersToCreateTheDefaultPoolOnAHostWithoutOne)
{
    models::HostSession *host = session(u"x86_64"_s);
    ASSERT_TRUE(host);
    models::runOnWorker(host, [](virConnectPtr c) {
        virStoragePoolPtr *pools = nullptr;
        const int n = virConnectListAllStoragePools(c, &pools, 0);
        for (int i = 0; i < n; ++i) {
            virStoragePoolDestroy(pools[i]);
            virStoragePoolUndefine(pools[i]);
            virStoragePoolFree(pools[i]);
        }
        free(pools);
    }).waitForFinished();

    auto d = dialogOn(u"x86_64"_s, u"x86_64"_s);
    auto *button = d->findChild<QPushButton *>(u"createDefaultPool"_s);
    ASSERT_TRUE(button);
    EXPECT_FALSE(button->isHidden()) << "no active pool: the help is offered";
    EXPECT_TRUE(button->text().contains(u"/var/lib/libvirt/images"_s));
    EXPECT_EQ(d->poolCombo()->count(), 0);

    button->click();
    ASSERT_TRUE(waitUntil([&] { return d->poolCombo()->count() == 1; }, 10000));
    EXPECT_EQ(d->poolCombo()->currentData().toString(), u"default"_s);
    EXPECT_TRUE(button->isHidden());
}
