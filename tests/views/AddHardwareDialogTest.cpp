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
#include <QFile>
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

    // A SATA CD-ROM drive cannot be plugged into a running q35 guest: next boot, and why.
    ASSERT_TRUE(d.selectKind(u"cdrom"_s));
    ASSERT_TRUE(d.choiceCombo(u"cdrom"_s)->setCurrentId(u"sata"_s))
        << str(d.choiceCombo(u"cdrom"_s)->offeredIds().join(u','));
    EXPECT_TRUE(d.verdictText().startsWith(u"Added at the next boot: "_s)) << str(d.verdictText());
    EXPECT_TRUE(d.addButton()->isEnabled());

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
    // QEMU cannot plug graphics into a running guest: for the next boot, with the reason.
    EXPECT_TRUE(d.verdictText().startsWith(u"Added at the next boot: "_s)) << str(d.verdictText());
    auto *graphics = qobject_cast<views::AddModelPage *>(d.page(u"graphics"_s));
    graphics->listenEdit()->setText(u"localhost:5900"_s);
    EXPECT_TRUE(d.verdictText().contains(u"not an IP address"_s)) << str(d.verdictText());
    EXPECT_FALSE(d.addButton()->isEnabled());
    graphics->listenEdit()->setText(u"0.0.0.0"_s);
    EXPECT_EQ(d.request().listen, u"0.0.0.0"_s);
    shot(&d, u"x86_64-running-graphics"_s);
    ASSERT_TRUE(d.selectKind(u"usb-host"_s));
    shot(&d, u"x86_64-running-usb-host"_s);

    // Adding the NIC: the test driver cannot hot-plug, so libvirt refuses, and the user
    // reads the step and libvirt's words while the dialog stays open for another try.
    ASSERT_TRUE(d.selectKind(u"nic"_s));
    ASSERT_TRUE(d.addButton()->isEnabled());
    bool added = false;
    QObject::connect(&d, &AddHardwareDialog::deviceAdded, &d, [&] { added = true; });
    d.accept();
    ASSERT_TRUE(waitUntil([&] { return added || !d.errorText().isEmpty(); }, 10000));
    if (!added) {
        EXPECT_TRUE(d.errorText().startsWith(u"The device was not added."_s)) << str(d.errorText());
        EXPECT_TRUE(d.isVisible());
        EXPECT_TRUE(d.addButton()->isEnabled());
        EXPECT_TRUE(d.kindList()->isEnabled());
        shot(&d, u"x86_64-running-nic-error"_s);
    }
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
    // A host bridge instead of a libvirt network: its name is asked for.
    const int bridgeRow = page->networkCombo()->count() - 1;
    page->networkCombo()->setCurrentIndex(bridgeRow);
    EXPECT_TRUE(page->bridgeEdit()->isVisibleTo(&d));
    EXPECT_TRUE(d.verdictText().contains(u"bridge"_s)) << str(d.verdictText());
    EXPECT_FALSE(d.addButton()->isEnabled());
    page->bridgeEdit()->setText(u"br0"_s);
    EXPECT_TRUE(d.request().bridge);
    EXPECT_EQ(d.request().network, u"br0"_s);
    EXPECT_TRUE(d.addButton()->isEnabled()) << str(d.verdictText());
    shot(&d, u"x86_64-shutoff-nic-bridge"_s);
    page->networkCombo()->setCurrentIndex(page->networkCombo()->findData(u"default"_s));
    EXPECT_FALSE(page->bridgeEdit()->isVisibleTo(&d));
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
    EXPECT_TRUE(page->nameEdit()->text().isEmpty()); // named by the core, as the CLI does
    page->sizeSpin()->setValue(0);
    EXPECT_FALSE(d.addButton()->isEnabled());
    page->sizeSpin()->setValue(2);
    ASSERT_TRUE(page->choiceCombo()->setCurrentId(u"virtio"_s));
    ASSERT_TRUE(d.addButton()->isEnabled()) << str(d.verdictText());
    EXPECT_EQ(page->nameEdit()->placeholderText(), u"Automatic: power-batch-vda.qcow2"_s);
    shot(&d, u"ppc64le-shutoff-new-disk"_s);

    // The existing volumes leave out the VM's own disk and ISO images; the other VMs' disks
    // are listed greyed (naming their VM), so the demo pool has nothing free to take.
    page->existingVolumeButton()->setChecked(true);
    QStringList listed;
    for (int i = 0; i < page->volumeCombo()->count(); ++i)
        listed << page->volumeCombo()->itemText(i);
    EXPECT_FALSE(listed.join(u'|').contains(u"power-batch.qcow2"_s)) << str(listed.join(u'|'));
    EXPECT_FALSE(listed.join(u'|').contains(u".iso"_s));
    EXPECT_TRUE(listed.join(u'|').contains(u"used by power-db"_s)) << str(listed.join(u'|'));
    EXPECT_EQ(d.verdictText(), u"The pool has no volume this VM could use."_s);
    EXPECT_FALSE(d.addButton()->isEnabled());
    shot(&d, u"ppc64le-shutoff-existing-disk"_s);
    page->newVolumeButton()->setChecked(true);

    QString summary;
    QObject::connect(&d, &AddHardwareDialog::deviceAdded, &d,
                     [&](const QString &s) { summary = s; });
    d.accept();
    ASSERT_TRUE(waitUntil([&] { return !summary.isEmpty() || !d.errorText().isEmpty(); }, 10000));
    ASSERT_TRUE(d.errorText().isEmpty()) << str(d.errorText());
    EXPECT_TRUE(summary.contains(u"vd"_s)) << str(summary);
    const QString xml = definition(u"ppc64le"_s, u"power-batch"_s);
    EXPECT_TRUE(xml.contains(u"power-batch-vda.qcow2"_s)) << str(xml);
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

    // Graphics cannot leave a running guest: the definition loses them for the next boot.
    const QList<models::VmDevice> graphics = ctx.live.devicesOf(u"graphics"_s);
    ASSERT_FALSE(graphics.isEmpty());
    RemoveDeviceDialog display(session(u"x86_64"_s), ctx, graphics.first().id);
    EXPECT_TRUE(display.questionText().startsWith(u"Remove Display"_s))
        << str(display.questionText());
    EXPECT_TRUE(display.timingText().startsWith(u"It is removed at the next boot: "_s))
        << str(display.timingText());
    EXPECT_TRUE(display.keptText().isEmpty());
    EXPECT_TRUE(display.removeButton()->isEnabled());
    shot(&display, u"remove-graphics-running"_s);

    RemoveDeviceDialog missing(session(u"x86_64"_s), ctx, u"vdz"_s);
    EXPECT_TRUE(missing.questionText().contains(u"no device vdz"_s));
    EXPECT_FALSE(missing.removeButton()->isEnabled());
}

TEST_F(AddHardwareDialogTest, HostDeviceTableGreysDevicesOtherVmsHave)
{
    const models::VmEditContext ctx = load(u"x86_64"_s, u"legacy-win2k8"_s);
    AddHardwareDialog d(session(u"x86_64"_s), ctx);
    ASSERT_TRUE(waitUntil([&] { return d.isReady(); }, 10000));
    ASSERT_TRUE(d.selectKind(u"usb-host"_s));
    auto *usb = qobject_cast<views::AddHostDevicePage *>(d.page(u"usb-host"_s));
    ASSERT_NE(usb, nullptr);
    // The demo host has no USB devices: the page and the verdict say so.
    EXPECT_EQ(usb->table()->topLevelItemCount(), 0);
    EXPECT_FALSE(usb->table()->isVisibleTo(&d)); // no empty table, the sentence instead
    EXPECT_TRUE(d.verdictText().contains(u"no USB device"_s)) << str(d.verdictText());
    EXPECT_FALSE(d.addButton()->isEnabled());

    // As a host with devices lists them (hostDevices() of a real host).
    models::HostDeviceInfo receiver{u"usb_1_4"_s, u"usb-host"_s, u"Logitech Receiver (046d:c52b)"_s,
                                    u"046d"_s,    u"c52b"_s,     u"1.4"_s,
                                    QString()};
    models::HostDeviceInfo stick{u"usb_1_5"_s, u"usb-host"_s, u"SanDisk Cruzer (0781:5567)"_s,
                                 u"0781"_s,    u"5567"_s,     u"1.5"_s,
                                 u"db-01"_s};
    models::HostDeviceInfo nic{
        u"pci_0000_03_00_0"_s, u"pci-host"_s, u"Intel I350 (03:00.0)"_s, u"8086"_s, u"1521"_s,
        u"0000:03:00.0"_s,     QString()};
    usb->setDevices({receiver, stick, nic});
    ASSERT_EQ(usb->table()->topLevelItemCount(), 2); // the PCI NIC is the other page's
    EXPECT_TRUE(usb->table()->isVisibleTo(&d));
    EXPECT_FALSE(usb->selectDevice(u"usb_1_5"_s)); // db-01 has it
    EXPECT_FALSE(usb->table()->topLevelItem(1)->flags() & Qt::ItemIsEnabled);
    EXPECT_EQ(usb->table()->topLevelItem(1)->text(2), u"db-01"_s);
    EXPECT_EQ(d.verdictText(), u"Choose a device in the list."_s);
    ASSERT_TRUE(usb->selectDevice(u"usb_1_4"_s));
    EXPECT_EQ(d.request().hostDevice, u"046d:c52b"_s);
    EXPECT_TRUE(d.verdictText().startsWith(u"Added at the next boot"_s)) << str(d.verdictText());
    EXPECT_TRUE(d.addButton()->isEnabled());
    shot(&d, u"x86_64-usb-host-table"_s);
}

TEST_F(AddHardwareDialogTest, WithoutAHostOrForAnUnknownArchNothingCanBeAdded)
{
    // A real-looking aarch64 virt definition, as loadVmForEdit would give it.
    QFile file(test::sourcePath(u"tests/vmedit/data/aarch64-virt.xml"_s));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray xml = file.readAll();
    models::VmEditContext ctx;
    ctx.inactive = ctx.live = models::parseVmConfig(xml);
    ctx.inactiveXml = ctx.liveXml = QString::fromUtf8(xml);
    ASSERT_EQ(ctx.inactive.arch, u"aarch64"_s);

    AddHardwareDialog noHost(nullptr, ctx);
    EXPECT_TRUE(noHost.isReady());
    EXPECT_TRUE(noHost.isKindOffered(u"disk"_s));
    EXPECT_EQ(noHost.verdictText(), u"Cannot be added: the host is not connected."_s);
    EXPECT_FALSE(noHost.addButton()->isEnabled());

    ctx.inactive.arch = ctx.live.arch = u"mips64"_s;
    AddHardwareDialog unknown(session(u"aarch64"_s), ctx);
    EXPECT_TRUE(unknown.kindIds().isEmpty());
    EXPECT_TRUE(unknown.verdictText().contains(u"does not know the mips64 architecture"_s))
        << str(unknown.verdictText());
    EXPECT_FALSE(unknown.addButton()->isEnabled());
    shot(&unknown, u"unknown-arch"_s);
}

TEST_F(AddHardwareDialogTest, EveryOfferedKindWithItsDefaultsReachesAShutOffVmsDefinition)
{
    // One Add per kind with the page's defaults, as a user clicking through would do.
    for (const QString &kind :
         {u"cdrom"_s, u"console"_s, u"graphics"_s, u"video"_s, u"controller"_s, u"input"_s,
          u"watchdog"_s, u"rng"_s, u"tpm"_s, u"disk"_s}) {
        SCOPED_TRACE(str(kind));
        const models::VmEditContext ctx = load(u"aarch64"_s, u"arm-cache"_s);
        const int before = int(ctx.inactive.devices.size());
        AddHardwareDialog d(session(u"aarch64"_s), ctx);
        ASSERT_TRUE(waitUntil([&] { return d.isReady(); }, 10000));
        if (!d.isKindOffered(kind)) {
            ADD_FAILURE() << "not offered: " << str(d.kindReason(kind));
            continue;
        }
        ASSERT_TRUE(d.selectKind(kind));
        ASSERT_TRUE(d.addButton()->isEnabled()) << str(d.verdictText());
        QString summary;
        QObject::connect(&d, &AddHardwareDialog::deviceAdded, &d,
                         [&](const QString &s) { summary = s; });
        d.accept();
        ASSERT_TRUE(
            waitUntil([&] { return !summary.isEmpty() || !d.errorText().isEmpty(); }, 10000));
        EXPECT_TRUE(d.errorText().isEmpty()) << str(d.errorText());
        if (!summary.isEmpty()) {
            const models::VmEditContext after = load(u"aarch64"_s, u"arm-cache"_s);
            EXPECT_GT(after.inactive.devices.size(), before) << str(summary);
        }
    }
}
