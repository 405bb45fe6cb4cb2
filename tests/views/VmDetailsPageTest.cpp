// The VM window's Details and XML tabs, offscreen, on the demo test-driver hosts: the
// pages show the VM's values, a staged vCPU change is applied to the definition, a running
// aarch64 guest's vCPU change waits for the next boot with the arch's reason, Revert
// restores, and Edit XML shows libvirt's refusal and changes nothing.
#include "views/vm/details/VmDetailsPage.h"
#include "common/TestSupport.h"
#include "models/connection/Datacenter.h"
#include "models/connection/HostSession.h"
#include "models/inventory/InventoryModel.h"
#include "views/dialogs/ChoiceCombo.h"
#include "views/vm/VmWindow.h"
#include "views/vm/details/EditSections.h"
#include "views/vm/details/VmXmlPage.h"
#include "views/vm/hardware/AddHardwareDialog.h"
#include "views/vm/hardware/RemoveDeviceDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QGroupBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QComboBox>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <gtest/gtest.h>

using namespace crossvirt;
using namespace crossvirt::models;
using namespace Qt::StringLiterals;

namespace {

QString demoUri(const QString &hostArch)
{
    return u"test://"_s + test::sourcePath(u"resources/demo/demo-%1.xml"_s.arg(hostArch));
}

/// Where the page screenshots go: $CROSSVIRT_SHOTS_DIR, else screenshots/ next to the test.
QString shotPath(const QString &name)
{
    QString dir = qEnvironmentVariable("CROSSVIRT_SHOTS_DIR");
    if (dir.isEmpty())
        dir = QCoreApplication::applicationDirPath() + u"/screenshots"_s;
    QDir().mkpath(dir);
    return dir + u'/' + name + u".png"_s;
}

/// The definitions as the host has them now (read again, not the page's copy).
VmEditContext reread(HostSession *session, const QString &uuid)
{
    QFuture<VmEditContext> f = loadVmForEdit(session, uuid);
    EXPECT_TRUE(test::waitUntil([&] { return f.isFinished(); }, 10000));
    return f.result();
}

class VmDetailsPageTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        // The VM window remembers its geometry: never in the user's own settings.
        const QString dir = test::makeTempDir();
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir);
    }

    /// A host of the test driver (its own in-memory copy of the demo file).
    HostSession *openHost(const QString &hostArch)
    {
        auto session = std::make_unique<HostSession>(demoUri(hostArch));
        session->open();
        EXPECT_TRUE(test::waitUntil([&] {
            return session->state() == ConnectionState::Connected && !session->domains().isEmpty();
        }));
        m_sessions.push_back(std::move(session));
        return m_sessions.back().get();
    }

    static QString uuidOf(HostSession *session, const QString &name)
    {
        for (const DomainSummary &d : session->domains()) {
            if (d.name == name)
                return d.uuid;
        }
        ADD_FAILURE() << "no VM " << name.toStdString();
        return {};
    }

    /// The VM's window with its Details tab shown and loaded.
    views::VmDetailsPage *openDetails(HostSession *session, const QString &name)
    {
        auto *window = new views::VmWindow(session, uuidOf(session, name));
        window->setAttribute(Qt::WA_DeleteOnClose, false);
        m_windows.emplace_back(window);
        // The window's own default size (720×640): what a user first sees.
        window->show();
        window->tabs()->setCurrentWidget(window->details());
        views::VmDetailsPage *page = window->details();
        EXPECT_TRUE(test::waitUntil([&] { return page->isLoaded() && !page->isBusy(); }, 10000))
            << page->errorText().toStdString();
        return page;
    }

    static bool waitIdle(views::VmDetailsPage *page)
    {
        QApplication::processEvents();
        return test::waitUntil([&] { return !page->isBusy(); }, 10000);
    }

    // Windows go before their sessions.
    std::vector<std::unique_ptr<HostSession>> m_sessions;
    std::vector<std::unique_ptr<views::VmWindow>> m_windows;

    void TearDown() override { m_windows.clear(); }
};

} // namespace

TEST_F(VmDetailsPageTest, PagesShowTheVmsValues)
{
    HostSession *host = openHost(u"x86_64"_s);
    views::VmDetailsPage *page = openDetails(host, u"legacy-win2k8"_s);
    ASSERT_TRUE(page->isLoaded());
    const VmConfig &vm = page->context().inactive;
    EXPECT_EQ(vm.name, u"legacy-win2k8"_s);

    EXPECT_EQ(page->cpuSection()->vcpus()->value(), vm.vcpus);
    EXPECT_EQ(page->cpuSection()->maxVcpus()->value(), vm.maxVcpus);
    EXPECT_EQ(page->cpuSection()->vcpus()->value(), 2);
    EXPECT_EQ(page->memorySection()->memory()->value(), 2048);
    EXPECT_TRUE(page->overviewSection()->archText().contains(u"x86_64"_s));
    EXPECT_EQ(page->overviewSection()->machineText(), u"pc-i440fx-7.2"_s);

    // The list: the four settings pages, then one entry per device with its label.
    QStringList entries;
    for (int i = 0; i < page->pageList()->count(); ++i)
        entries << page->pageList()->item(i)->text();
    ASSERT_GE(entries.size(), 4 + vm.devices.size());
    EXPECT_EQ(entries.mid(0, 4),
              (QStringList{u"Overview"_s, u"CPUs"_s, u"Memory"_s, u"Boot Options"_s}));
    for (const VmDevice &d : vm.devices) {
        EXPECT_TRUE(entries.contains(d.label()) ||
                    entries.contains(d.label() + u" ("_s + d.id + u')'))
            << d.label().toStdString();
    }

    // A CD-ROM's page: its facts and the media buttons.
    const QList<VmDevice> cdroms = vm.devicesOf(u"cdrom"_s);
    ASSERT_FALSE(cdroms.isEmpty());
    ASSERT_TRUE(page->selectPage(u"device:"_s + cdroms.first().id));
    EXPECT_TRUE(page->deviceSection()->factLines().join(u'\n').contains(cdroms.first().id));
    EXPECT_TRUE(page->deviceSection()->changeMediaButton()->isVisibleTo(page));
    EXPECT_TRUE(page->removeButton()->isEnabled()) << "a device is selected";
    QApplication::processEvents(); // the splitter lays out the wider list
    page->window()->grab().save(shotPath(u"details-x86_64-cdrom"_s));
    ASSERT_TRUE(page->selectPage(u"cpus"_s));
    EXPECT_FALSE(page->removeButton()->isEnabled()) << "no device selected";

    // Nothing staged: nothing to apply or revert.
    EXPECT_TRUE(page->stepLines().isEmpty()) << page->stepLines().join(u'\n').toStdString();
    EXPECT_FALSE(page->applyButton()->isEnabled());
    EXPECT_FALSE(page->revertButton()->isEnabled());

    // The XML tab shows the inactive definition, read-only.
    views::VmXmlPage *xml = page->xmlPage();
    EXPECT_EQ(xml->inactiveView()->toPlainText(), page->context().inactiveXml);
    EXPECT_TRUE(xml->inactiveView()->isReadOnly());
}

TEST_F(VmDetailsPageTest, VcpuChangeOnAShutOffVmIsAppliedToTheDefinition)
{
    HostSession *host = openHost(u"x86_64"_s);
    views::VmDetailsPage *page = openDetails(host, u"legacy-win2k8"_s);
    ASSERT_FALSE(page->context().running());
    const QString uuid = page->context().inactive.uuid;

    page->cpuSection()->maxVcpus()->setValue(4);
    page->cpuSection()->vcpus()->setValue(3);
    EXPECT_EQ(page->wanted().vcpus, 3);
    EXPECT_EQ(page->wanted().maxVcpus, 4);
    ASSERT_FALSE(page->stepLines().isEmpty());
    for (const QString &line : page->stepLines())
        EXPECT_TRUE(line.contains(u"at next boot"_s)) << line.toStdString();
    ASSERT_TRUE(page->applyButton()->isEnabled()) << page->stepLines().join(u'\n').toStdString();

    page->applyButton()->click();
    ASSERT_TRUE(waitIdle(page));
    EXPECT_TRUE(page->errorText().isEmpty()) << page->errorText().toStdString();
    EXPECT_FALSE(page->messageText().isEmpty());

    const VmEditContext after = reread(host, uuid);
    EXPECT_EQ(after.inactive.vcpus, 3);
    EXPECT_EQ(after.inactive.maxVcpus, 4);
    // The page shows the new definition, with nothing left to apply.
    EXPECT_EQ(page->context().inactive.vcpus, 3);
    EXPECT_EQ(page->cpuSection()->vcpus()->value(), 3);
    EXPECT_TRUE(page->stepLines().isEmpty()) << page->stepLines().join(u'\n').toStdString();
    EXPECT_FALSE(page->applyButton()->isEnabled());
}

TEST_F(VmDetailsPageTest, ChangeMediaAndEjectOnAShutOffVmsCdrom)
{
    HostSession *host = openHost(u"x86_64"_s);
    views::VmDetailsPage *page = openDetails(host, u"legacy-win2k8"_s);
    const QString uuid = page->context().inactive.uuid;
    const QList<VmDevice> cdroms = page->context().inactive.devicesOf(u"cdrom"_s);
    ASSERT_FALSE(cdroms.isEmpty());
    const QString target = cdroms.first().id;
    ASSERT_TRUE(page->selectPage(u"device:"_s + target));
    EXPECT_FALSE(page->deviceSection()->ejectButton()->isEnabled()) << "the drive is empty";

    // Change media…: a path typed in the dialog.
    const QString iso = u"/var/lib/libvirt/images/debian-12-netinst.iso"_s;
    page->deviceSection()->changeMediaButton()->click();
    auto *dialog = page->deviceSection()->findChild<QDialog *>();
    ASSERT_NE(dialog, nullptr);
    // A path typed in the dialog (the fallback to the host's ISO volumes).
    auto *pathChoice = dialog->findChild<QRadioButton *>(u"pathChoice"_s);
    ASSERT_NE(pathChoice, nullptr);
    pathChoice->setChecked(true);
    auto *path = dialog->findChild<QLineEdit *>(u"isoPath"_s);
    ASSERT_NE(path, nullptr);
    ASSERT_TRUE(path->isVisibleTo(dialog));
    path->setText(iso);
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    buttons->button(QDialogButtonBox::Ok)->click();
    ASSERT_TRUE(waitIdle(page));
    EXPECT_TRUE(page->errorText().isEmpty()) << page->errorText().toStdString();
    const VmEditContext insertedCtx = reread(host, uuid); // kept: the device points into it
    const VmDevice *inserted = insertedCtx.inactive.device(target);
    ASSERT_NE(inserted, nullptr);
    EXPECT_EQ(inserted->source, iso);
    EXPECT_TRUE(page->deviceSection()->factLines().join(u'\n').contains(iso));

    // Eject empties it again.
    ASSERT_TRUE(page->deviceSection()->ejectButton()->isEnabled());
    page->deviceSection()->ejectButton()->click();
    ASSERT_TRUE(waitIdle(page));
    EXPECT_TRUE(page->errorText().isEmpty()) << page->errorText().toStdString();
    const VmEditContext ejectedCtx = reread(host, uuid); // kept: the device points into it
    const VmDevice *ejected = ejectedCtx.inactive.device(target);
    ASSERT_NE(ejected, nullptr);
    EXPECT_TRUE(ejected->source.isEmpty()) << ejected->source.toStdString();
    EXPECT_FALSE(page->deviceSection()->ejectButton()->isEnabled());
}

TEST_F(VmDetailsPageTest, ChangeMediaOffersTheHostsIsoVolumes)
{
    HostSession *host = openHost(u"x86_64"_s);
    views::VmDetailsPage *page = openDetails(host, u"legacy-win2k8"_s);
    const QString uuid = page->context().inactive.uuid;
    const QString target = page->context().inactive.devicesOf(u"cdrom"_s).value(0).id;
    ASSERT_FALSE(target.isEmpty());
    ASSERT_TRUE(page->selectPage(u"device:"_s + target));
    views::DeviceSection *device = page->deviceSection();
    // The host's storage is read with the VM.
    ASSERT_TRUE(test::waitUntil([&] { return device->hasStorage(); }, 10000));
    device->changeMediaButton()->click();
    QDialog *dialog = device->mediaDialog();
    ASSERT_NE(dialog, nullptr);
    auto *volumes = dialog->findChild<QComboBox *>(u"isoVolumes"_s);
    // The empty drive opens on the list, with the demo host's ISO in its pool.
    EXPECT_TRUE(dialog->findChild<QRadioButton *>(u"isoChoice"_s)->isChecked());
    EXPECT_TRUE(volumes->isVisibleTo(dialog));
    EXPECT_FALSE(dialog->findChild<QLineEdit *>(u"isoPath"_s)->isVisibleTo(dialog));
    const int row = volumes->findText(u"debian-12-netinst.iso (pool default)"_s);
    ASSERT_GE(row, 0) << volumes->itemText(0).toStdString();
    volumes->setCurrentIndex(row);
    dialog->adjustSize();
    QApplication::processEvents();
    dialog->grab().save(shotPath(u"details-x86_64-change-media"_s));
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    ASSERT_TRUE(waitIdle(page));
    EXPECT_TRUE(page->errorText().isEmpty()) << page->errorText().toStdString();
    const VmEditContext insertedCtx = reread(host, uuid); // kept: the device points into it
    const VmDevice *inserted = insertedCtx.inactive.device(target);
    ASSERT_NE(inserted, nullptr);
    EXPECT_EQ(inserted->source, u"default/debian-12-netinst.iso"_s);

    // Opened again, the dialog shows the volume the drive holds.
    device->changeMediaButton()->click();
    dialog = device->mediaDialog();
    ASSERT_NE(dialog, nullptr);
    volumes = dialog->findChild<QComboBox *>(u"isoVolumes"_s);
    EXPECT_EQ(volumes->currentData().toStringList(),
              (QStringList{u"default"_s, u"debian-12-netinst.iso"_s}));
    dialog->reject();
}

TEST_F(VmDetailsPageTest, NicSourceModelAndLinkOfAShutOffVmAreStagedAndApplied)
{
    HostSession *host = openHost(u"x86_64"_s);
    views::VmDetailsPage *page = openDetails(host, u"legacy-win2k8"_s);
    ASSERT_FALSE(page->context().running());
    const QString uuid = page->context().inactive.uuid;
    const QList<VmDevice> nics = page->context().inactive.devicesOf(u"nic"_s);
    ASSERT_FALSE(nics.isEmpty());
    const VmDevice nic = nics.first();
    ASSERT_EQ(nic.source, u"default"_s);
    ASSERT_TRUE(page->selectPage(u"device:"_s + nic.id));
    views::DeviceSection *device = page->deviceSection();
    ASSERT_TRUE(device->nicBox()->isVisibleTo(page));
    QComboBox *network = device->networkCombo();
    // The host's networks arrive with the VM; the NIC's own is chosen.
    ASSERT_TRUE(test::waitUntil([&] { return network->count() > 1; }, 10000));
    EXPECT_EQ(network->currentData().toString(), u"default"_s);
    EXPECT_TRUE(device->linkUp()->isChecked());
    EXPECT_EQ(device->nicModel()->currentId(), nic.model);
    EXPECT_FALSE(device->bridgeEdit()->isVisibleTo(page));
    EXPECT_TRUE(page->stepLines().isEmpty()) << page->stepLines().join(u'\n').toStdString();

    // A host bridge, another model, the link down: three staged steps for the next boot.
    int bridgeRow = -1;
    for (int i = 0; i < network->count(); ++i) {
        if (network->itemText(i).startsWith(u"Bridge on the host"_s))
            bridgeRow = i;
    }
    ASSERT_GE(bridgeRow, 0);
    network->setCurrentIndex(bridgeRow);
    ASSERT_TRUE(device->bridgeEdit()->isVisibleTo(page));
    device->bridgeEdit()->setText(u"br0"_s);
    const QString newModel = nic.model == "e1000"_L1 ? u"virtio"_s : u"e1000"_s;
    ASSERT_TRUE(device->nicModel()->setCurrentId(newModel));
    device->linkUp()->setChecked(false);
    const QStringList steps = page->stepLines();
    ASSERT_EQ(steps.size(), 3) << steps.join(u'\n').toStdString();
    EXPECT_TRUE(steps.join(u'\n').contains(u"bridge “br0”"_s)) << steps.join(u'\n').toStdString();
    for (const QString &line : steps)
        EXPECT_TRUE(line.contains(u"at next boot"_s)) << line.toStdString();
    ASSERT_TRUE(page->applyButton()->isEnabled());
    QApplication::processEvents();
    page->window()->grab().save(shotPath(u"details-x86_64-nic-staged"_s));

    page->applyButton()->click();
    ASSERT_TRUE(waitIdle(page));
    EXPECT_TRUE(page->errorText().isEmpty()) << page->errorText().toStdString();
    const VmEditContext afterCtx = reread(host, uuid); // kept: the device points into it
    const VmDevice *after = afterCtx.inactive.device(nic.id);
    ASSERT_NE(after, nullptr) << "the MAC stays";
    EXPECT_EQ(after->sourceType, u"bridge"_s);
    EXPECT_EQ(after->source, u"br0"_s);
    EXPECT_EQ(after->model, newModel);
    EXPECT_TRUE(after->linkDown);
    // Nothing left staged; the page shows the new values.
    EXPECT_TRUE(page->stepLines().isEmpty()) << page->stepLines().join(u'\n').toStdString();
    EXPECT_TRUE(page->nicUpdates().isEmpty());
    EXPECT_TRUE(device->bridgeEdit()->isVisibleTo(page));
    EXPECT_EQ(device->bridgeEdit()->text(), u"br0"_s);
    EXPECT_FALSE(device->linkUp()->isChecked());

    // Back to the network, and Revert drops a staged change.
    const int defaultRow = network->findData(u"default"_s);
    ASSERT_GE(defaultRow, 0);
    network->setCurrentIndex(defaultRow);
    ASSERT_EQ(page->stepLines().size(), 1) << page->stepLines().join(u'\n').toStdString();
    page->revertButton()->click();
    EXPECT_TRUE(page->stepLines().isEmpty());
    EXPECT_EQ(device->bridgeEdit()->text(), u"br0"_s);
    network->setCurrentIndex(network->findData(u"default"_s));
    page->applyButton()->click();
    ASSERT_TRUE(waitIdle(page));
    EXPECT_TRUE(page->errorText().isEmpty()) << page->errorText().toStdString();
    const VmEditContext backCtx = reread(host, uuid); // kept: the device points into it
    const VmDevice *back = backCtx.inactive.device(nic.id);
    ASSERT_NE(back, nullptr);
    EXPECT_EQ(back->sourceType, u"network"_s);
    EXPECT_EQ(back->source, u"default"_s);
    page->window()->grab().save(shotPath(u"details-x86_64-nic"_s));
}

TEST_F(VmDetailsPageTest, RunningVmsNicLinkAppliesNowAndItsModelAtTheNextBoot)
{
    HostSession *host = openHost(u"x86_64"_s);
    views::VmDetailsPage *page = openDetails(host, u"web-01"_s);
    ASSERT_TRUE(page->context().running());
    const QList<VmDevice> nics = page->context().live.devicesOf(u"nic"_s);
    ASSERT_FALSE(nics.isEmpty());
    ASSERT_TRUE(page->selectPage(u"device:"_s + nics.first().id));
    views::DeviceSection *device = page->deviceSection();
    device->linkUp()->setChecked(false);
    const QString newModel = nics.first().model == "e1000"_L1 ? u"virtio"_s : u"e1000"_s;
    ASSERT_TRUE(device->nicModel()->setCurrentId(newModel));
    const QStringList steps = page->stepLines();
    ASSERT_EQ(steps.size(), 2) << steps.join(u'\n').toStdString();
    EXPECT_TRUE(steps[0].endsWith(u"link down — applies now"_s)) << steps[0].toStdString();
    EXPECT_TRUE(steps[1].contains(u"at next boot: QEMU cannot change the model"_s))
        << steps[1].toStdString();
    QApplication::processEvents();
    page->window()->grab().save(shotPath(u"details-x86_64-nic-running"_s));
    page->revertButton()->click();
    EXPECT_TRUE(page->stepLines().isEmpty());
    EXPECT_TRUE(device->linkUp()->isChecked());
}

TEST_F(VmDetailsPageTest, S390xBootsFromOneDeviceOnly)
{
    HostSession *host = openHost(u"x86_64"_s);
    views::VmDetailsPage *page = openDetails(host, u"s390-test"_s);
    views::BootSection *boot = page->bootSection();
    EXPECT_FALSE(boot->bootRuleNote().isEmpty()) << "the firmware's limit is explained";
    QListWidget *list = boot->bootList();
    ASSERT_GE(list->count(), 2);
    // Check the first two: only the one checked last stays checked.
    list->item(0)->setCheckState(Qt::Checked);
    list->item(1)->setCheckState(Qt::Checked);
    EXPECT_EQ(boot->checkedBootIds(), QStringList{list->item(1)->data(Qt::UserRole).toString()});
    for (const EditStep &step : page->plan().steps)
        EXPECT_NE(step.rule.timing, arch::ChangeTiming::Refused) << step.rule.reason.toStdString();

    // No memory hot-plug on s390x: the fields are off and the page says why.
    EXPECT_FALSE(page->memorySection()->hotplug()->isEnabled());
    EXPECT_TRUE(page->memorySection()->hotplugNote().startsWith(u"No memory hot-plug: "_s))
        << page->memorySection()->hotplugNote().toStdString();
}

TEST_F(VmDetailsPageTest, AddHardwareAndRemoveChangeTheVmAndThePageFollows)
{
    HostSession *host = openHost(u"x86_64"_s);
    views::VmDetailsPage *page = openDetails(host, u"legacy-win2k8"_s);
    page->addHardwareButton()->click();
    QPointer<views::AddHardwareDialog> add = page->findChild<views::AddHardwareDialog *>();
    ASSERT_NE(add, nullptr);
    EXPECT_TRUE(add->isVisible());
    // Added: the page reloads and lists the new device.
    ASSERT_TRUE(test::waitUntil([&] { return add->isReady(); }, 10000));
    ASSERT_TRUE(add->isKindOffered(u"rng"_s)) << add->kindReason(u"rng"_s).toStdString();
    ASSERT_TRUE(add->selectKind(u"rng"_s));
    const qsizetype before = page->context().inactive.devicesOf(u"rng"_s).size();
    ASSERT_TRUE(add->addButton()->isEnabled()) << add->verdictText().toStdString();
    add->addButton()->click();
    ASSERT_TRUE(test::waitUntil(
        [&] {
            return !page->isBusy() &&
                   page->context().inactive.devicesOf(u"rng"_s).size() == before + 1;
        },
        10000));
    EXPECT_TRUE(page->messageText().startsWith(u"Added: "_s)) << page->messageText().toStdString();
    const VmDevice rng = page->context().inactive.devicesOf(u"rng"_s).last();
    EXPECT_TRUE(page->selectPage(u"device:"_s + rng.id)) << rng.id.toStdString();

    const QList<VmDevice> nics = page->context().inactive.devicesOf(u"nic"_s);
    ASSERT_FALSE(nics.isEmpty());
    ASSERT_TRUE(page->selectPage(u"device:"_s + nics.first().id));
    page->removeButton()->click();
    // Closed, it deletes itself.
    QPointer<views::RemoveDeviceDialog> remove = page->findChild<views::RemoveDeviceDialog *>();
    ASSERT_NE(remove, nullptr);
    EXPECT_TRUE(remove->questionText().contains(nics.first().id))
        << remove->questionText().toStdString();

    // Removed: the page reloads and the NIC leaves the list.
    ASSERT_TRUE(remove->removeButton()->isEnabled()) << remove->timingText().toStdString();
    remove->removeButton()->click();
    ASSERT_TRUE(test::waitUntil(
        [&] { return !page->isBusy() && !page->context().inactive.device(nics.first().id); },
        10000))
        << (remove ? remove->errorText().toStdString() : std::string());
    EXPECT_FALSE(page->selectPage(u"device:"_s + nics.first().id));
    EXPECT_TRUE(page->messageText().startsWith(u"Removed: "_s))
        << page->messageText().toStdString();
}

TEST_F(VmDetailsPageTest, RunningAarch64VcpuChangeWaitsForTheNextBootWithTheArchsReason)
{
    HostSession *host = openHost(u"x86_64"_s);
    views::VmDetailsPage *page = openDetails(host, u"arm-builder"_s);
    ASSERT_TRUE(page->context().running());
    ASSERT_EQ(page->context().inactive.arch, u"aarch64"_s);

    page->cpuSection()->vcpus()->setValue(1);
    ASSERT_EQ(page->plan().steps.size(), 1) << page->stepLines().join(u'\n').toStdString();
    const EditStep &step = page->plan().steps.first();
    EXPECT_EQ(step.request.change, arch::GuestChange::VcpuCount);
    EXPECT_EQ(step.rule.timing, arch::ChangeTiming::NextBoot);
    ASSERT_FALSE(step.rule.reason.isEmpty()) << "a running guest is told why not now";
    // The reason is the arch's own.
    const arch::ChangeRule fromArch = page->context().model()->changeRule(
        page->context().context(), page->context().facts(), step.request);
    EXPECT_EQ(step.rule.reason, fromArch.reason);
    EXPECT_EQ(page->stepLines().first(),
              step.description + u" — at next boot: "_s + step.rule.reason);
    EXPECT_TRUE(page->applyButton()->isEnabled()) << "a next-boot change may be applied";
    page->selectPage(u"cpus"_s);
    QApplication::processEvents();
    page->window()->grab().save(shotPath(u"details-aarch64-running-vcpus"_s));

    // Applied: written for the next boot; the running guest keeps its two.
    page->applyButton()->click();
    ASSERT_TRUE(waitIdle(page));
    EXPECT_TRUE(page->errorText().isEmpty()) << page->errorText().toStdString();
    const VmEditContext after = reread(host, page->context().inactive.uuid);
    EXPECT_EQ(after.inactive.vcpus, 1);
    EXPECT_EQ(after.live.vcpus, 2);
    EXPECT_TRUE(page->stepLines().isEmpty()) << page->stepLines().join(u'\n').toStdString();
    EXPECT_EQ(page->cpuSection()->vcpus()->value(), 1);
    EXPECT_TRUE(page->cpuSection()->countNotes().contains(u"has 2 vCPU(s) now"_s))
        << page->cpuSection()->countNotes().toStdString();
}

TEST_F(VmDetailsPageTest, RunningX86VcpuChangeAppliesNow)
{
    HostSession *host = openHost(u"x86_64"_s);
    views::VmDetailsPage *page = openDetails(host, u"web-01"_s);
    ASSERT_TRUE(page->context().running());
    page->cpuSection()->vcpus()->setValue(page->cpuSection()->vcpus()->value() - 1);
    ASSERT_EQ(page->plan().steps.size(), 1) << page->stepLines().join(u'\n').toStdString();
    EXPECT_EQ(page->plan().steps.first().rule.timing, arch::ChangeTiming::Now)
        << page->stepLines().join(u'\n').toStdString();
    EXPECT_TRUE(page->stepLines().first().endsWith(u" — applies now"_s));

    const int wanted = page->wanted().vcpus;
    page->applyButton()->click();
    ASSERT_TRUE(waitIdle(page));
    EXPECT_TRUE(page->errorText().isEmpty()) << page->errorText().toStdString();
    const VmEditContext after = reread(host, page->context().inactive.uuid);
    EXPECT_EQ(after.live.vcpus, wanted) << "the running guest has it now";
    EXPECT_EQ(after.inactive.vcpus, wanted) << "and keeps it at the next boot";
}

TEST_F(VmDetailsPageTest, RefusedChangeDisablesApplyAndSaysWhy)
{
    HostSession *host = openHost(u"ppc64le"_s);
    views::VmDetailsPage *page = openDetails(host, u"power-db"_s);
    // Typed, not stepped: off POWER's 256 MiB step.
    page->memorySection()->memory()->setValue(page->memorySection()->memory()->value() + 100);
    ASSERT_FALSE(page->plan().ok());
    EXPECT_FALSE(page->applyButton()->isEnabled());
    EXPECT_TRUE(page->revertButton()->isEnabled());
    const QString lines = page->stepLines().join(u'\n');
    EXPECT_TRUE(lines.contains(u" — refused: "_s)) << lines.toStdString();
    EXPECT_EQ(page->applyButton()->toolTip(), page->plan().refusals());
}

TEST_F(VmDetailsPageTest, RevertRestoresTheDefinitionsValues)
{
    HostSession *host = openHost(u"x86_64"_s);
    views::VmDetailsPage *page = openDetails(host, u"legacy-win2k8"_s);
    const VmConfig before = page->context().inactive;

    page->cpuSection()->vcpus()->setValue(1);
    page->overviewSection()->titleEdit()->setText(u"Old Windows"_s);
    emit page->overviewSection()->titleEdit()->textEdited(u"Old Windows"_s);
    page->memorySection()->memory()->setValue(4096);
    EXPECT_GE(page->stepLines().size(), 3) << page->stepLines().join(u'\n').toStdString();
    EXPECT_TRUE(page->revertButton()->isEnabled());

    page->revertButton()->click();
    EXPECT_EQ(page->cpuSection()->vcpus()->value(), before.vcpus);
    EXPECT_EQ(page->memorySection()->memory()->value(), before.memoryMiB);
    EXPECT_EQ(page->overviewSection()->titleEdit()->text(), before.title);
    EXPECT_TRUE(page->stepLines().isEmpty()) << page->stepLines().join(u'\n').toStdString();
    EXPECT_FALSE(page->applyButton()->isEnabled());
    EXPECT_FALSE(page->revertButton()->isEnabled());
}

TEST_F(VmDetailsPageTest, UnsavedEditsSurviveAStateChange)
{
    HostSession *host = openHost(u"x86_64"_s);
    views::VmDetailsPage *page = openDetails(host, u"legacy-win2k8"_s);
    page->overviewSection()->titleEdit()->setText(u"Staged title"_s);
    emit page->overviewSection()->titleEdit()->textEdited(u"Staged title"_s);
    ASSERT_FALSE(page->plan().isEmpty());

    QFuture<void> started = host->startDomain(page->context().inactive.uuid);
    ASSERT_TRUE(test::waitUntil([&] { return started.isFinished(); }));
    ASSERT_TRUE(
        test::waitUntil([&] { return page->context().running() && !page->isBusy(); }, 10000))
        << "the page reloads when the VM starts";
    EXPECT_EQ(page->wanted().title, u"Staged title"_s);
    EXPECT_EQ(page->overviewSection()->titleEdit()->text(), u"Staged title"_s);
    EXPECT_FALSE(page->plan().isEmpty());
}

TEST_F(VmDetailsPageTest, EditXmlWithInvalidXmlShowsLibvirtsErrorAndChangesNothing)
{
    HostSession *host = openHost(u"x86_64"_s);
    views::VmDetailsPage *page = openDetails(host, u"legacy-win2k8"_s);
    const QString uuid = page->context().inactive.uuid;
    const QString original = reread(host, uuid).inactiveXml;
    views::VmXmlPage *xml = page->xmlPage();

    auto *window = qobject_cast<views::VmWindow *>(page->window());
    ASSERT_NE(window, nullptr);
    window->tabs()->setCurrentWidget(xml);
    xml->editButton()->click();
    ASSERT_TRUE(xml->isEditing());
    EXPECT_FALSE(xml->inactiveView()->isReadOnly());
    // Well-formed, but not a domain libvirt accepts: memory in an unknown unit.
    QString broken = xml->inactiveView()->toPlainText();
    broken.replace(QRegularExpression(u"<memory unit='[^']*'>"_s), u"<memory unit='lightyears'>"_s);
    ASSERT_NE(broken, xml->inactiveView()->toPlainText());
    xml->inactiveView()->setPlainText(broken);
    ASSERT_TRUE(xml->applyButton()->isEnabled());
    xml->applyButton()->click();
    ASSERT_TRUE(test::waitUntil([&] { return !xml->isBusy(); }, 10000));
    // libvirt's own words (its schema check names the element).
    EXPECT_TRUE(xml->errorText().contains(u"memory"_s))
        << "libvirt's own refusal is shown: " << xml->errorText().toStdString();
    EXPECT_TRUE(xml->isEditing()) << "the edit stays to be fixed";
    page->window()->grab().save(shotPath(u"details-x86_64-xml-refused"_s));
    EXPECT_EQ(reread(host, uuid).inactiveXml, original) << "nothing changed";

    // Not even XML.
    xml->inactiveView()->setPlainText(u"<domain type='kvm'><name>x</name>"_s);
    xml->applyButton()->click();
    ASSERT_TRUE(test::waitUntil([&] { return !xml->isBusy(); }, 10000));
    EXPECT_FALSE(xml->errorText().isEmpty());
    EXPECT_EQ(reread(host, uuid).inactiveXml, original);

    // Cancel restores the definition, read-only again.
    xml->cancelButton()->click();
    EXPECT_FALSE(xml->isEditing());
    EXPECT_TRUE(xml->inactiveView()->isReadOnly());
    EXPECT_EQ(xml->inactiveView()->toPlainText(), page->context().inactiveXml);
    EXPECT_TRUE(xml->errorText().isEmpty());
}

TEST_F(VmDetailsPageTest, EditXmlAcceptedByLibvirtIsDefinedAndShownOnThePages)
{
    HostSession *host = openHost(u"x86_64"_s);
    views::VmDetailsPage *page = openDetails(host, u"legacy-win2k8"_s);
    views::VmXmlPage *xml = page->xmlPage();
    xml->setEditing(true);
    QString edited = xml->inactiveView()->toPlainText();
    edited.replace(u"<name>legacy-win2k8</name>"_s,
                   u"<name>legacy-win2k8</name>\n  <title>Edited as XML</title>"_s);
    xml->inactiveView()->setPlainText(edited);
    xml->applyButton()->click();
    ASSERT_TRUE(test::waitUntil([&] { return !xml->isBusy(); }, 10000));
    EXPECT_TRUE(xml->errorText().isEmpty()) << xml->errorText().toStdString();
    EXPECT_FALSE(xml->isEditing());
    ASSERT_TRUE(test::waitUntil(
        [&] { return !page->isBusy() && page->context().inactive.title == u"Edited as XML"_s; },
        10000));
    EXPECT_EQ(page->overviewSection()->titleEdit()->text(), u"Edited as XML"_s);
    EXPECT_TRUE(xml->inactiveView()->toPlainText().contains(u"Edited as XML"_s));
}

TEST_F(VmDetailsPageTest, EveryPageScreenshotForX86AndPower)
{
    struct Shot
    {
        QString host, vm, tag;
    };
    for (const Shot &shot : {Shot{u"x86_64"_s, u"web-01"_s, u"x86_64"_s},
                             Shot{u"ppc64le"_s, u"power-db"_s, u"ppc64le"_s}}) {
        HostSession *host = openHost(shot.host);
        views::VmDetailsPage *page = openDetails(host, shot.vm);
        ASSERT_TRUE(page->isLoaded()) << shot.vm.toStdString();
        auto *window = qobject_cast<views::VmWindow *>(page->window());
        ASSERT_NE(window, nullptr);
        if (shot.tag == u"ppc64le"_s) {
            EXPECT_EQ(page->memorySection()->memory()->singleStep(), 256)
                << "POWER guests' memory comes in 256 MiB steps";
        }
        for (int i = 0; i < page->pageList()->count(); ++i) {
            page->pageList()->setCurrentRow(i);
            QApplication::processEvents();
            const QString key = page->pageList()->item(i)->data(Qt::UserRole).toString();
            QString name = key;
            name.replace(u':', u'-');
            EXPECT_TRUE(window->grab().save(shotPath(u"details-%1-%2"_s.arg(shot.tag, name))));
        }
        // A staged change, so the pending list shows a step.
        page->selectPage(u"memory"_s);
        page->memorySection()->memory()->stepBy(2);
        QApplication::processEvents();
        EXPECT_FALSE(page->stepLines().isEmpty());
        EXPECT_TRUE(window->grab().save(shotPath(u"details-%1-staged"_s.arg(shot.tag))));
        window->tabs()->setCurrentWidget(page->xmlPage());
        QApplication::processEvents();
        EXPECT_TRUE(window->grab().save(shotPath(u"details-%1-xml"_s.arg(shot.tag))));
    }
}

// Renaming, as in virt-manager: the Overview's name is editable while the VM is shut off;
// Apply renames it (virDomainRename) and the inventory and the window title follow.
TEST_F(VmDetailsPageTest, ShutOffVmIsRenamedFromTheOverviewAndTheInventoryFollows)
{
    // A datacenter of one demo host and its inventory, as the main window has them.
    Datacenter dc(ConnectionStore(test::makeTempDir() + u"/connections.json"_s));
    dc.useTransient({demoUri(u"x86_64"_s)});
    InventoryModel inventory(&dc);
    ASSERT_EQ(dc.sessions().size(), 1);
    HostSession *host = dc.sessions().first();
    ASSERT_TRUE(test::waitUntil(
        [&] { return host->state() == ConnectionState::Connected && !host->domains().isEmpty(); }));
    const QString uuid = uuidOf(host, u"legacy-win2k8"_s);
    auto *window = new views::VmWindow(host, uuid);
    window->setAttribute(Qt::WA_DeleteOnClose, false);
    m_windows.emplace_back(window);
    window->followNames(&inventory, u"legacy-win2k8"_s);
    window->show();
    window->tabs()->setCurrentWidget(window->details());
    views::VmDetailsPage *page = window->details();
    ASSERT_TRUE(test::waitUntil([&] { return page->isLoaded() && !page->isBusy(); }, 10000));
    ASSERT_FALSE(page->context().running());
    EXPECT_TRUE(window->windowTitle().startsWith(u"legacy-win2k8 on "_s))
        << window->windowTitle().toStdString();

    QLineEdit *name = page->overviewSection()->nameEdit();
    EXPECT_FALSE(name->isReadOnly());
    EXPECT_EQ(name->text(), u"legacy-win2k8"_s);
    // A taken name is said next to the field and refused in the plan.
    name->setText(u"web-01"_s);
    emit name->textEdited(u"web-01"_s);
    EXPECT_TRUE(page->overviewSection()->nameNote().contains(u"“web-01” already exists"_s))
        << page->overviewSection()->nameNote().toStdString();
    EXPECT_FALSE(page->applyButton()->isEnabled());

    name->setText(u"win2k8-archive"_s);
    emit name->textEdited(u"win2k8-archive"_s);
    EXPECT_TRUE(page->overviewSection()->nameNote().isEmpty());
    ASSERT_EQ(page->stepLines().size(), 1) << page->stepLines().join(u'\n').toStdString();
    EXPECT_TRUE(page->stepLines().first().contains(u"win2k8-archive"_s));
    EXPECT_TRUE(page->stepLines().first().endsWith(u" — applies now"_s))
        << page->stepLines().first().toStdString();
    page->selectPage(u"overview"_s);
    QApplication::processEvents();
    page->window()->grab().save(shotPath(u"details-x86_64-overview-rename"_s));
    ASSERT_TRUE(page->applyButton()->isEnabled());
    page->applyButton()->click();
    ASSERT_TRUE(waitIdle(page));
    EXPECT_TRUE(page->errorText().isEmpty()) << page->errorText().toStdString();

    EXPECT_EQ(reread(host, uuid).inactive.name, u"win2k8-archive"_s);
    EXPECT_TRUE(test::waitUntil(
        [&] {
            return inventory.domainIndex(host->uri(), uuid)
                       .data(InventoryModel::NameRole)
                       .toString() == u"win2k8-archive"_s;
        },
        10000))
        << "the inventory shows the new name";
    EXPECT_TRUE(test::waitUntil(
        [&] { return window->windowTitle().startsWith(u"win2k8-archive on "_s); }, 10000))
        << window->windowTitle().toStdString();
    EXPECT_TRUE(test::waitUntil([&] { return !page->isBusy() && page->stepLines().isEmpty(); }))
        << page->stepLines().join(u'\n').toStdString();
    EXPECT_EQ(name->text(), u"win2k8-archive"_s);
}

TEST_F(VmDetailsPageTest, RunningVmsNameIsReadOnlyWithTheReason)
{
    HostSession *host = openHost(u"x86_64"_s);
    views::VmDetailsPage *page = openDetails(host, u"web-01"_s);
    ASSERT_TRUE(page->context().running());
    QLineEdit *name = page->overviewSection()->nameEdit();
    EXPECT_TRUE(name->isReadOnly());
    const QString note = page->overviewSection()->nameNote();
    EXPECT_TRUE(note.contains(u"shut it down"_s)) << note.toStdString();
    EXPECT_EQ(name->toolTip(), note);
    page->selectPage(u"overview"_s);
    QApplication::processEvents();
    page->window()->grab().save(shotPath(u"details-x86_64-overview-running"_s));
}
