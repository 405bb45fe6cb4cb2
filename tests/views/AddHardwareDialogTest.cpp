// Add Hardware and Remove device per arch on the demo datacenter (test-driver hosts of
// x86_64, ppc64le, aarch64 and s390x): which kinds are offered, which are greyed and why,
// the verdict line, and that Add / Remove really change a shut-off VM's definition.
#include "DialogFixture.h"

#include "arch/GuestChanges.h"
#include "common/TestSupport.h"
#include "models/connection/HostSession.h"
#include "models/vmedit/VmEdit.h"
#include "views/dialogs/ChoiceCombo.h"
#include "views/vm/hardware/AddHardwareDialog.h"
#include "views/vm/hardware/AddHardwarePages.h"
#include "views/vm/hardware/RemoveDeviceDialog.h"

#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTreeWidget>

using namespace crossvirt;
using namespace Qt::StringLiterals;
using crossvirt::test::waitUntil;
using views::AddHardwareDialog;
using views::RemoveDeviceDialog;

namespace {

const QStringList kAllKinds{u"disk"_s,  u"cdrom"_s,      u"nic"_s,     u"console"_s,  u"graphics"_s,
                            u"video"_s, u"controller"_s, u"input"_s,   u"watchdog"_s, u"rng"_s,
                            u"tpm"_s,   u"usb-host"_s,   u"pci-host"_s};

std::string str(const QString &s)
{
    return s.toStdString();
}

} // namespace

class AddHardwareDialogTest : public test::DialogTest
{
protected:
    models::DomainSummary vm(const QString &hostArch, const QString &name) const
    {
        for (const models::DomainSummary &d : session(hostArch)->domains()) {
            if (d.name == name)
                return d;
        }
        ADD_FAILURE() << "no VM " << str(name);
        return {};
    }

    /// What the VM window hands the dialogs: the VM loaded for editing.
    models::VmEditContext load(const QString &hostArch, const QString &name) const
    {
        QFuture<models::VmEditContext> f =
            models::loadVmForEdit(session(hostArch), vm(hostArch, name).uuid);
        EXPECT_TRUE(waitUntil([&] { return f.isFinished(); }, 10000));
        return f.result();
    }

    QString definition(const QString &hostArch, const QString &name) const
    {
        auto details = session(hostArch)->domainDetails(vm(hostArch, name).uuid);
        EXPECT_TRUE(waitUntil([&] { return details.isFinished(); }, 10000));
        return details.result().xml;
    }

    static bool itemGreyed(const AddHardwareDialog &d, const QString &kind)
    {
        for (int i = 0; i < d.kindList()->count(); ++i) {
            const QListWidgetItem *item = d.kindList()->item(i);
            if (item->data(Qt::UserRole).toString() == kind) {
                return item->foreground().color() ==
                           d.palette().color(QPalette::Disabled, QPalette::Text) &&
                       !item->toolTip().isEmpty();
            }
        }
        return false;
    }

    /// Screenshots under CROSSVIRT_SHOTS_DIR (else the fixture's folder).
    static void shot(QWidget *w, const QString &name)
    {
        const QString dir = qEnvironmentVariable("CROSSVIRT_SHOTS_DIR");
        if (dir.isEmpty()) {
            screenshot(w, u"addhw-"_s + name);
            return;
        }
        QDir().mkpath(dir);
        w->show();
        QCoreApplication::processEvents();
        EXPECT_TRUE(w->grab().save(dir + u'/' + name + u".png"_s));
    }
};

TEST_F(AddHardwareDialogTest, RunningX86GuestOffersEveryKindAndPlugsAVirtioNicNow)
{
    const models::VmEditContext ctx = load(u"x86_64"_s, u"web-01"_s);
    ASSERT_TRUE(ctx.running());
    AddHardwareDialog d(session(u"x86_64"_s), ctx);
    ASSERT_TRUE(waitUntil([&] { return d.isReady(); }, 10000));
    EXPECT_EQ(d.windowTitle(), u"Add Hardware to web-01"_s);
    for (const QString &k : kAllKinds)
        EXPECT_TRUE(d.kindIds().contains(k)) << str(k);
    for (const char *k : {"disk", "nic", "console", "graphics", "video", "controller", "input",
                          "watchdog", "rng"}) {
        EXPECT_TRUE(d.isKindOffered(QLatin1String(k)))
            << k << ": " << str(d.kindReason(QLatin1String(k)));
    }
    // Opens on the first offered kind, Storage.
    EXPECT_EQ(d.currentKind(), u"disk"_s);

    // A running guest: only hot-pluggable disk interfaces, and the note says why not IDE/SATA.
    views::ChoiceCombo *disk = d.choiceCombo(u"disk"_s);
    ASSERT_NE(disk, nullptr);
    EXPECT_TRUE(disk->offeredIds().contains(u"virtio"_s));
    EXPECT_FALSE(disk->offeredIds().contains(u"sata"_s));
    EXPECT_FALSE(disk->offeredIds().contains(u"ide"_s));
    shot(&d, u"x86_64-running-storage"_s);

    ASSERT_TRUE(d.selectKind(u"nic"_s));
    views::ChoiceCombo *nic = d.choiceCombo(u"nic"_s);
    ASSERT_TRUE(nic->setCurrentId(u"virtio"_s));
    EXPECT_EQ(d.request().kind, u"nic"_s);
    EXPECT_EQ(d.request().model, u"virtio"_s);
    EXPECT_EQ(d.request().network, u"default"_s);
    EXPECT_EQ(d.verdictText(), u"Added to the running guest now."_s);
    EXPECT_TRUE(d.addButton()->isEnabled());
    shot(&d, u"x86_64-running-nic"_s);

    // A bad MAC is caught before anything is planned.
    auto *page = qobject_cast<views::AddNicPage *>(d.page(u"nic"_s));
    page->macEdit()->setText(u"53:54:00:00:00:01"_s);
    EXPECT_TRUE(d.verdictText().contains(u"multicast"_s)) << str(d.verdictText());
    EXPECT_FALSE(d.addButton()->isEnabled());
    page->macEdit()->setText(u"52:54:00:zz"_s);
    EXPECT_TRUE(d.verdictText().contains(u"not a MAC address"_s)) << str(d.verdictText());
    page->macEdit()->clear();
    EXPECT_TRUE(d.addButton()->isEnabled());

    ASSERT_TRUE(d.selectKind(u"graphics"_s));
    EXPECT_TRUE(d.choiceCombo(u"graphics"_s)->offeredIds().contains(u"vnc"_s));
    shot(&d, u"x86_64-running-graphics"_s);
    ASSERT_TRUE(d.selectKind(u"usb-host"_s));
    shot(&d, u"x86_64-running-usb-host"_s);
}

TEST_F(AddHardwareDialogTest, S390xHasNoGraphicsAndSaysWhy)
{
    const models::VmEditContext ctx = load(u"s390x"_s, u"zlinux-test"_s);
    AddHardwareDialog d(session(u"s390x"_s), ctx);
    ASSERT_TRUE(waitUntil([&] { return d.isReady(); }, 10000));
    ASSERT_TRUE(d.kindIds().contains(u"graphics"_s));
    EXPECT_FALSE(d.isKindOffered(u"graphics"_s));
    const QString reason = d.kindReason(u"graphics"_s);
    EXPECT_TRUE(reason.contains(u"s390x"_s)) << str(reason);
    EXPECT_TRUE(itemGreyed(d, u"graphics"_s));
    EXPECT_TRUE(d.isKindOffered(u"disk"_s));
    EXPECT_TRUE(d.isKindOffered(u"console"_s));

    ASSERT_TRUE(d.selectKind(u"graphics"_s));
    EXPECT_TRUE(d.kindNoteText().contains(reason)) << str(d.kindNoteText());
    EXPECT_EQ(d.verdictText(), u"Cannot be added: "_s + reason);
    EXPECT_FALSE(d.addButton()->isEnabled());
    EXPECT_FALSE(d.page(u"graphics"_s)->isEnabled());
    shot(&d, u"s390x-graphics-withheld"_s);

    // The watchdog of s390x is diag288, not a PCI i6300esb.
    ASSERT_TRUE(d.selectKind(u"watchdog"_s));
    if (d.isKindOffered(u"watchdog"_s)) {
        EXPECT_EQ(d.choiceCombo(u"watchdog"_s)->offeredIds(), QStringList{u"diag288"_s});
        shot(&d, u"s390x-watchdog"_s);
    }
}

TEST_F(AddHardwareDialogTest, EmulatedGuestCannotHavePciPassthrough)
{
    // arm-builder runs under TCG on the x86_64 host.
    const models::VmEditContext ctx = load(u"x86_64"_s, u"arm-builder"_s);
    ASSERT_FALSE(ctx.context().isNative());
    AddHardwareDialog d(session(u"x86_64"_s), ctx);
    ASSERT_TRUE(waitUntil([&] { return d.isReady(); }, 10000));
    EXPECT_FALSE(d.isKindOffered(u"pci-host"_s));
    EXPECT_TRUE(d.kindReason(u"pci-host"_s).contains(u"KVM"_s)) << str(d.kindReason(u"pci-host"_s));
    EXPECT_TRUE(itemGreyed(d, u"pci-host"_s));
    ASSERT_TRUE(d.selectKind(u"pci-host"_s));
    EXPECT_TRUE(d.verdictText().startsWith(u"Cannot be added: "_s)) << str(d.verdictText());
    EXPECT_FALSE(d.addButton()->isEnabled());
    shot(&d, u"aarch64-emulated-pci-host-withheld"_s);

    // The native aarch64 host's guests keep it.
    const models::VmEditContext native = load(u"aarch64"_s, u"arm-cache"_s);
    AddHardwareDialog n(session(u"aarch64"_s), native);
    EXPECT_TRUE(n.isKindOffered(u"pci-host"_s)) << str(n.kindReason(u"pci-host"_s));
}

TEST_F(AddHardwareDialogTest, Aarch64OffersNoPs2Mouse)
{
    const models::VmEditContext ctx = load(u"aarch64"_s, u"arm-cache"_s);
    ASSERT_FALSE(ctx.running());
    AddHardwareDialog d(session(u"aarch64"_s), ctx);
    ASSERT_TRUE(waitUntil([&] { return d.isReady(); }, 10000));
    ASSERT_TRUE(d.selectKind(u"input"_s));
    const QStringList inputs = d.choiceCombo(u"input"_s)->offeredIds();
    EXPECT_TRUE(inputs.contains(u"tablet/usb"_s)) << str(inputs.join(u','));
    EXPECT_FALSE(inputs.contains(u"mouse/ps2"_s));
    // A shut-off guest: everything goes into the definition.
    EXPECT_TRUE(d.verdictText().startsWith(u"Added at the next boot"_s)) << str(d.verdictText());
    shot(&d, u"aarch64-input"_s);
    ASSERT_TRUE(d.selectKind(u"cdrom"_s));
    EXPECT_TRUE(d.choiceCombo(u"cdrom"_s)->offeredIds().contains(u"scsi"_s));
    auto *cd = qobject_cast<views::AddCdromPage *>(d.page(u"cdrom"_s));
    cd->isoButton()->setChecked(true);
    EXPECT_GE(cd->isoCombo()->count(), 1);
    EXPECT_EQ(d.request().volume, u"debian-12-netinst.iso"_s);
    shot(&d, u"aarch64-cdrom"_s);
}

TEST_F(AddHardwareDialogTest, RunningPseriesGetsSpaprVlanOnlyAtTheNextBoot)
{
    const models::VmEditContext ctx = load(u"ppc64le"_s, u"power-db"_s);
    ASSERT_TRUE(ctx.running());
    AddHardwareDialog d(session(u"ppc64le"_s), ctx);
    ASSERT_TRUE(waitUntil([&] { return d.isReady(); }, 10000));
    ASSERT_TRUE(d.selectKind(u"nic"_s));
    views::ChoiceCombo *nic = d.choiceCombo(u"nic"_s);
    ASSERT_TRUE(nic->setCurrentId(u"spapr-vlan"_s)) << str(nic->offeredIds().join(u','));
    EXPECT_TRUE(d.verdictText().startsWith(u"Added at the next boot: "_s)) << str(d.verdictText());
    EXPECT_TRUE(d.addButton()->isEnabled());
    shot(&d, u"ppc64le-running-spapr-vlan"_s);
    ASSERT_TRUE(nic->setCurrentId(u"virtio"_s));
    EXPECT_EQ(d.verdictText(), u"Added to the running guest now."_s);

    // sPAPR VSCSI disks cannot be hot-plugged: not offered on the running guest.
    EXPECT_FALSE(d.choiceCombo(u"disk"_s)->offeredIds().contains(u"spapr-vscsi"_s));
    EXPECT_FALSE(d.choiceCombo(u"disk"_s)->noteText().isEmpty());
}

TEST_F(AddHardwareDialogTest, AddingANicToAShutOffVmChangesItsDefinition)
{
    const models::VmEditContext ctx = load(u"x86_64"_s, u"legacy-win2k8"_s);
    ASSERT_FALSE(ctx.running());
    AddHardwareDialog d(session(u"x86_64"_s), ctx);
    ASSERT_TRUE(waitUntil([&] { return d.isReady(); }, 10000));
    ASSERT_TRUE(d.selectKind(u"nic"_s));
    auto *page = qobject_cast<views::AddNicPage *>(d.page(u"nic"_s));
    page->macEdit()->setText(u"52:54:00:ad:d0:01"_s);
    ASSERT_TRUE(d.addButton()->isEnabled()) << str(d.verdictText());
    EXPECT_TRUE(d.verdictText().startsWith(u"Added at the next boot"_s)) << str(d.verdictText());

    QString summary;
    QObject::connect(&d, &AddHardwareDialog::deviceAdded, &d,
                     [&](const QString &s) { summary = s; });
    d.accept();
    ASSERT_TRUE(waitUntil([&] { return !summary.isEmpty() || !d.errorText().isEmpty(); }, 10000));
    ASSERT_TRUE(d.errorText().isEmpty()) << str(d.errorText());
    EXPECT_EQ(d.result(), QDialog::Accepted);
    EXPECT_TRUE(definition(u"x86_64"_s, u"legacy-win2k8"_s).contains(u"52:54:00:ad:d0:01"_s));
}

TEST_F(AddHardwareDialogTest, AddingANewVolumeDiskToAShutOffPseriesVm)
{
    const models::VmEditContext ctx = load(u"ppc64le"_s, u"power-batch"_s);
    AddHardwareDialog d(session(u"ppc64le"_s), ctx);
    ASSERT_TRUE(waitUntil([&] { return d.isReady(); }, 10000));
    auto *page = qobject_cast<views::AddDiskPage *>(d.page(u"disk"_s));
    ASSERT_NE(page, nullptr);
    EXPECT_TRUE(page->choiceCombo()->offeredIds().contains(u"spapr-vscsi"_s));
    EXPECT_EQ(page->nameEdit()->text(), u"power-batch-disk1.qcow2"_s);
    page->sizeSpin()->setValue(0);
    EXPECT_FALSE(d.addButton()->isEnabled());
    page->sizeSpin()->setValue(2);
    ASSERT_TRUE(page->choiceCombo()->setCurrentId(u"virtio"_s));
    ASSERT_TRUE(d.addButton()->isEnabled()) << str(d.verdictText());
    shot(&d, u"ppc64le-shutoff-new-disk"_s);

    // The existing volumes exclude the VM's own disk and ISO images.
    page->existingVolumeButton()->setChecked(true);
    for (int i = 0; i < page->volumeCombo()->count(); ++i) {
        const QString v = page->volumeCombo()->itemData(i).toString();
        EXPECT_NE(v, u"power-batch.qcow2"_s);
        EXPECT_FALSE(v.endsWith(u".iso"_s));
    }
    shot(&d, u"ppc64le-shutoff-existing-disk"_s);
    page->newVolumeButton()->setChecked(true);

    QString summary;
    QObject::connect(&d, &AddHardwareDialog::deviceAdded, &d,
                     [&](const QString &s) { summary = s; });
    d.accept();
    ASSERT_TRUE(waitUntil([&] { return !summary.isEmpty() || !d.errorText().isEmpty(); }, 10000));
    ASSERT_TRUE(d.errorText().isEmpty()) << str(d.errorText());
    EXPECT_TRUE(definition(u"ppc64le"_s, u"power-batch"_s).contains(u"power-batch-disk1.qcow2"_s));
}

TEST_F(AddHardwareDialogTest, RemoveNamesTheDiskKeepsItsVolumeAndRemovesIt)
{
    const models::VmEditContext ctx = load(u"x86_64"_s, u"legacy-win2k8"_s);
    const models::VmDevice *disk = ctx.inactive.device(u"hda"_s);
    ASSERT_NE(disk, nullptr);
    RemoveDeviceDialog d(session(u"x86_64"_s), ctx, u"hda"_s);
    EXPECT_TRUE(d.questionText().startsWith(u"Remove "_s + disk->label())) << str(d.questionText());
    EXPECT_TRUE(d.questionText().endsWith(u" from legacy-win2k8?"_s)) << str(d.questionText());
    if (!disk->source.isEmpty()) {
        EXPECT_TRUE(d.questionText().contains(disk->source));
    }
    EXPECT_TRUE(d.keptText().contains(u"volume itself is kept"_s));
    EXPECT_TRUE(d.timingText().contains(u"definition"_s)) << str(d.timingText());
    ASSERT_TRUE(d.removeButton()->isEnabled());
    shot(&d, u"remove-disk-shutoff"_s);

    QString summary;
    QObject::connect(&d, &RemoveDeviceDialog::deviceRemoved, &d,
                     [&](const QString &s) { summary = s; });
    d.accept();
    ASSERT_TRUE(waitUntil([&] { return !summary.isEmpty() || !d.errorText().isEmpty(); }, 10000));
    ASSERT_TRUE(d.errorText().isEmpty()) << str(d.errorText());
    EXPECT_FALSE(definition(u"x86_64"_s, u"legacy-win2k8"_s).contains(u"dev='hda'"_s));
}

TEST_F(AddHardwareDialogTest, RemoveFromARunningGuestSaysWhen)
{
    const models::VmEditContext ctx = load(u"x86_64"_s, u"web-01"_s);
    ASSERT_TRUE(ctx.running());
    RemoveDeviceDialog d(session(u"x86_64"_s), ctx, u"vda"_s);
    EXPECT_TRUE(d.questionText().contains(u"vda"_s)) << str(d.questionText());
    EXPECT_TRUE(d.timingText().contains(u"now"_s) || d.timingText().contains(u"next boot"_s))
        << str(d.timingText());
    shot(&d, u"remove-disk-running"_s);

    RemoveDeviceDialog missing(session(u"x86_64"_s), ctx, u"vdz"_s);
    EXPECT_TRUE(missing.questionText().contains(u"no device vdz"_s));
    EXPECT_FALSE(missing.removeButton()->isEnabled());
}
