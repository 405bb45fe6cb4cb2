#include "DialogFixture.h"

#include "common/TestSupport.h"
#include "models/connection/HostSession.h"
#include "views/dialogs/ChoiceCombo.h"
#include "views/dialogs/NewDiskDialog.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>

using namespace crossvirt;
using namespace Qt::StringLiterals;
using crossvirt::test::waitUntil;
using views::NewDiskDialog;

class NewDiskDialogTest : public test::DialogTest
{
protected:
    models::DomainSummary vm(const QString &hostArch, const QString &name) const
    {
        for (const models::DomainSummary &d : session(hostArch)->domains()) {
            if (d.name == name)
                return d;
        }
        ADD_FAILURE() << "no VM " << name.toStdString();
        return {};
    }
};

TEST_F(NewDiskDialogTest, RunningPpc64VmIsOfferedOnlyHotPluggableInterfaces)
{
    const models::DomainSummary powerDb = vm(u"ppc64le"_s, u"power-db"_s);
    ASSERT_TRUE(models::isActive(powerDb.state));
    NewDiskDialog d(session(u"ppc64le"_s), powerDb);
    ASSERT_TRUE(waitUntil([&] { return d.isReady(); }, 10000));
    const QStringList ids = d.interfaceCombo()->offeredIds();
    EXPECT_EQ(ids, (QStringList{u"virtio"_s, u"scsi"_s})) << ids.join(u',').toStdString();
    EXPECT_TRUE(d.interfaceCombo()->noteText().contains(u"running"_s));
    EXPECT_TRUE(d.modeLabel()->text().contains(u"running"_s));
    EXPECT_TRUE(d.attachButton()->isEnabled()) << d.problems().value(0).message.toStdString();
    EXPECT_FALSE(d.targetPreview().isEmpty());
    d.show();
    test::DialogTest::screenshot(&d, u"new-disk-running-ppc64le"_s);

    d.sizeSpin()->setValue(0);
    EXPECT_FALSE(d.attachButton()->isEnabled());
    EXPECT_FALSE(d.fieldMessage(u"size"_s).isEmpty());
    d.sizeSpin()->setValue(2);

    // The test driver has no live attach: libvirt refuses, and the user sees the step and
    // libvirt's words while the dialog stays open for another try.
    bool attached = false;
    QObject::connect(&d, &NewDiskDialog::diskAttached, &d, [&] { attached = true; });
    d.accept();
    ASSERT_TRUE(
        waitUntil([&] { return attached || !d.fieldMessage(u"attach"_s).isEmpty(); }, 10000));
    if (!attached) {
        EXPECT_TRUE(d.fieldMessage(u"attach"_s).contains(u"not supported"_s))
            << d.fieldMessage(u"attach"_s).toStdString();
        EXPECT_TRUE(d.isVisible());
        EXPECT_TRUE(d.attachButton()->isEnabled());
    }
}

TEST_F(NewDiskDialogTest, StoppedPpc64VmCanGetAnSpaprVscsiDisk)
{
    const models::DomainSummary stopped = vm(u"ppc64le"_s, u"power-batch"_s);
    ASSERT_FALSE(models::isActive(stopped.state));
    NewDiskDialog d(session(u"ppc64le"_s), stopped);
    ASSERT_TRUE(waitUntil([&] { return d.isReady(); }, 10000));
    EXPECT_TRUE(d.interfaceCombo()->offeredIds().contains(u"spapr-vscsi"_s));
    EXPECT_FALSE(d.interfaceCombo()->offeredIds().contains(u"ide"_s));
    ASSERT_TRUE(d.interfaceCombo()->setCurrentId(u"spapr-vscsi"_s));
    EXPECT_TRUE(d.targetPreview().startsWith(u"sd"_s)) << d.targetPreview().toStdString();
    d.sizeSpin()->setValue(2);
    ASSERT_TRUE(d.attachButton()->isEnabled()) << d.problems().value(0).message.toStdString();

    bool attached = false;
    QObject::connect(&d, &NewDiskDialog::diskAttached, &d, [&] { attached = true; });
    d.accept();
    ASSERT_TRUE(
        waitUntil([&] { return attached || !d.fieldMessage(u"attach"_s).isEmpty(); }, 10000));
    ASSERT_TRUE(attached) << d.fieldMessage(u"attach"_s).toStdString();
    // The definition now holds the disk on an sPAPR VSCSI (ibmvscsi) controller.
    auto details = session(u"ppc64le"_s)->domainDetails(stopped.uuid);
    details.waitForFinished();
    const QString xml = details.result().xml;
    EXPECT_TRUE(xml.contains(u"ibmvscsi"_s));
    EXPECT_TRUE(xml.contains(u"power-batch-disk"_s)) << xml.toStdString();
}
