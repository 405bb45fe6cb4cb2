// The Take Snapshot dialog, the VM window's Snapshots page and the Snapshot menu (issue 13)
// on a test-driver host (tests/views/data/snapshot-host.xml), whose driver simulates internal
// snapshots: the dialog offers a running guest three ways and a shut-off one two, a way the
// arch withholds is disabled with its reason, names are checked live; the page shows the
// snapshots as a tree with the current one marked, Revert and Delete follow the arch's
// verdicts, and the menu opens the page for the selected VM. Screenshots go to
// $CROSSVIRT_SHOTS_DIR (else screenshots/ next to the test).
#include "views/snapshots/SnapshotsPage.h"
#include "views/snapshots/TakeSnapshotDialog.h"

#include "MainWindowFixture.h"
#include "common/TestSupport.h"
#include "models/connection/Datacenter.h"
#include "models/connection/HostSession.h"
#include "views/mainwindow/ActionController.h"
#include "views/mainwindow/MainWindow.h"
#include "views/vm/VmWindow.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTabWidget>
#include <QTreeWidget>
#include <gtest/gtest.h>

using namespace crossvirt;
using namespace crossvirt::models;
using namespace Qt::StringLiterals;
using views::SnapshotsPage;
using views::TakeSnapshotDialog;
using Mode = views::TakeSnapshotDialog::Mode;

namespace {

const QString kWeb = u"5a1e0a8e-2c3b-4e5f-9a0b-0000000000e1"_s;
const QString kArmUefi = u"5a1e0a8e-2c3b-4e5f-9a0b-0000000000e2"_s;
const QString kDb = u"5a1e0a8e-2c3b-4e5f-9a0b-0000000000e3"_s;
const QString kEfiOff = u"5a1e0a8e-2c3b-4e5f-9a0b-0000000000e4"_s;
const QString kLiveCd = u"5a1e0a8e-2c3b-4e5f-9a0b-0000000000e6"_s;

QString hostUri()
{
    return u"test://"_s + test::sourcePath(u"tests/views/data/snapshot-host.xml"_s);
}

void screenshot(QWidget *widget, const QString &name)
{
    QString dir = qEnvironmentVariable("CROSSVIRT_SHOTS_DIR");
    if (dir.isEmpty())
        dir = QCoreApplication::applicationDirPath() + u"/screenshots"_s;
    QDir().mkpath(dir);
    widget->show();
    widget->raise();
    QCoreApplication::processEvents();
    EXPECT_TRUE(widget->grab().save(dir + u'/' + name + u".png"_s)) << qPrintable(name);
}

/// What a visible button offers: shown, enabled.
bool offered(const QRadioButton *b)
{
    return !b->isHidden() && b->isEnabled();
}

QString text(const QTreeWidgetItem *item, int column)
{
    return item ? item->text(column) : QString();
}

} // namespace

class SnapshotViewsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        datacenter.useTransient({hostUri()});
        session = datacenter.session(hostUri());
        ASSERT_NE(session, nullptr);
        ASSERT_TRUE(test::waitUntil([&] { return session->domains().size() == 6; }, 10000))
            << session->lastError().toStdString();
    }

    std::unique_ptr<TakeSnapshotDialog> openTake(const QString &uuid, const QString &name)
    {
        auto dialog = std::make_unique<TakeSnapshotDialog>(session, uuid, name);
        dialog->show();
        EXPECT_TRUE(test::waitUntil([&] { return dialog->isReady(); }, 10000));
        return dialog;
    }

    /// Takes snapshot `name` through `page`'s Take… dialog (internal, the default way).
    void takeOnPage(SnapshotsPage *page, const QString &name, const QString &description = {})
    {
        ASSERT_TRUE(page->takeButton()->isEnabled()) << page->takeButton()->toolTip().toStdString();
        page->takeButton()->click();
        QPointer<TakeSnapshotDialog> dialog = page->takeDialog();
        ASSERT_TRUE(dialog);
        ASSERT_TRUE(dialog->isReady());
        dialog->nameEdit()->setText(name);
        dialog->descriptionEdit()->setPlainText(description);
        ASSERT_TRUE(dialog->takeButton()->isEnabled())
            << dialog->takeButton()->toolTip().toStdString();
        dialog->takeButton()->click();
        ASSERT_TRUE(test::waitUntil([&] { return dialog.isNull() || !dialog->isVisible(); }, 10000))
            << dialog->errorLabel()->text().toStdString();
        ASSERT_TRUE(test::waitUntil(
            [&] { return !page->isBusy() && page->itemOf(name) != nullptr; }, 10000))
            << name.toStdString();
    }

    Datacenter datacenter{ConnectionStore(test::makeTempDir() + u"/connections.json"_s)};
    HostSession *session = nullptr;
};

TEST_F(SnapshotViewsTest, ARunningGuestIsOfferedThreeWays)
{
    auto dialog = openTake(kWeb, u"web"_s);
    EXPECT_EQ(dialog->modeButton(Mode::Internal)->text(), u"&Internal (with memory)"_s);
    EXPECT_EQ(dialog->modeButton(Mode::ExternalWithMemory)->text(), u"External &with memory"_s);
    EXPECT_EQ(dialog->modeButton(Mode::ExternalDiskOnly)->text(), u"&External, disks only"_s);
    for (Mode m : {Mode::Internal, Mode::ExternalWithMemory, Mode::ExternalDiskOnly}) {
        EXPECT_TRUE(offered(dialog->modeButton(m))) << int(m);
        EXPECT_TRUE(dialog->modeReasonLabel(m)->isHidden()) << "nothing withheld: no reason";
    }
    EXPECT_EQ(dialog->chosenMode(), Mode::Internal) << "the first way offered is chosen";
    EXPECT_EQ(dialog->nameEdit()->text(), u"snapshot1"_s) << "the suggested name";
    EXPECT_TRUE(dialog->takeButton()->isEnabled());
    SnapshotRequest r = dialog->request();
    EXPECT_EQ(r.location, arch::SnapshotLocation::Internal);
    EXPECT_TRUE(r.withMemory) << "an internal snapshot of a running guest holds its memory";
    dialog->modeButton(Mode::ExternalDiskOnly)->click();
    r = dialog->request();
    EXPECT_EQ(r.location, arch::SnapshotLocation::External);
    EXPECT_FALSE(r.withMemory);
    dialog->modeButton(Mode::ExternalWithMemory)->click();
    EXPECT_TRUE(dialog->request().withMemory);
    EXPECT_FALSE(dialog->windowTitle().contains(kWeb)) << "a name, not a UUID, in the title";
}

TEST_F(SnapshotViewsTest, AShutOffGuestIsOfferedInternalAndExternal)
{
    auto dialog = openTake(kDb, u"db"_s);
    EXPECT_EQ(dialog->modeButton(Mode::Internal)->text(), u"&Internal"_s);
    EXPECT_EQ(dialog->modeButton(Mode::ExternalDiskOnly)->text(), u"&External"_s);
    EXPECT_TRUE(dialog->modeButton(Mode::ExternalWithMemory)->isHidden())
        << "a shut-off guest has no memory to save";
    EXPECT_TRUE(offered(dialog->modeButton(Mode::Internal)));
    EXPECT_TRUE(offered(dialog->modeButton(Mode::ExternalDiskOnly)));
    EXPECT_TRUE(dialog->noteLabel()->isHidden()) << "BIOS guest: nothing left out";
    dialog->modeButton(Mode::ExternalDiskOnly)->click();
    const SnapshotRequest r = dialog->request();
    EXPECT_EQ(r.location, arch::SnapshotLocation::External);
    EXPECT_FALSE(r.withMemory);
    screenshot(dialog.get(), u"snap-dialog-shutoff"_s);
}

TEST_F(SnapshotViewsTest, AWithheldWayIsDisabledWithTheArchsReason)
{
    // A running UEFI aarch64 guest: libvirt refuses internal snapshots of pflash guests.
    auto dialog = openTake(kArmUefi, u"arm-uefi"_s);
    QRadioButton *internal = dialog->modeButton(Mode::Internal);
    EXPECT_FALSE(internal->isHidden()) << "withheld, not hidden: the user learns why";
    EXPECT_FALSE(internal->isEnabled());
    const QLabel *reason = dialog->modeReasonLabel(Mode::Internal);
    EXPECT_FALSE(reason->isHidden());
    EXPECT_TRUE(reason->text().contains(u"pflash"_s)) << reason->text().toStdString();
    EXPECT_TRUE(reason->text().contains(u"disk-only external"_s)) << "the way out";
    EXPECT_EQ(dialog->chosenMode(), Mode::ExternalWithMemory) << "the first way offered";
    EXPECT_TRUE(dialog->takeButton()->isEnabled());
    screenshot(dialog.get(), u"snap-dialog-uefi-running"_s);

    // A shut-off UEFI guest: internal allowed, with the NVRAM caveat while it is chosen.
    auto off = openTake(kEfiOff, u"efi-off"_s);
    ASSERT_EQ(off->chosenMode(), Mode::Internal);
    EXPECT_FALSE(off->noteLabel()->isHidden());
    EXPECT_TRUE(off->noteLabel()->text().contains(u"NVRAM"_s))
        << off->noteLabel()->text().toStdString();
    off->modeButton(Mode::ExternalDiskOnly)->click();
    EXPECT_TRUE(off->noteLabel()->isHidden()) << "the note is about internal snapshots";
}

TEST_F(SnapshotViewsTest, NothingPossibleDisablesTakeAndSaysWhy)
{
    auto dialog = openTake(kLiveCd, u"live-cd"_s);
    EXPECT_FALSE(offered(dialog->modeButton(Mode::Internal)));
    EXPECT_FALSE(offered(dialog->modeButton(Mode::ExternalDiskOnly)));
    EXPECT_FALSE(dialog->chosenMode().has_value());
    EXPECT_FALSE(dialog->takeButton()->isEnabled());
    EXPECT_FALSE(dialog->errorLabel()->isHidden());
    EXPECT_TRUE(dialog->errorLabel()->text().contains(u"no writable disk"_s))
        << dialog->errorLabel()->text().toStdString();
    EXPECT_EQ(dialog->takeButton()->toolTip(), dialog->errorLabel()->text());
}

TEST_F(SnapshotViewsTest, NamesAreCheckedAsTheyAreTyped)
{
    auto dialog = openTake(kWeb, u"web"_s);
    dialog->nameEdit()->clear();
    EXPECT_FALSE(dialog->takeButton()->isEnabled()) << "no name";
    EXPECT_FALSE(dialog->nameProblemLabel()->isHidden());
    dialog->nameEdit()->setText(u"before/upgrade"_s);
    EXPECT_FALSE(dialog->takeButton()->isEnabled());
    EXPECT_TRUE(dialog->nameProblemLabel()->text().contains(u"/"_s))
        << dialog->nameProblemLabel()->text().toStdString();
    EXPECT_EQ(dialog->takeButton()->toolTip(), dialog->nameProblemLabel()->text())
        << "the disabled button says why";
    dialog->nameEdit()->setText(u"before-upgrade"_s);
    EXPECT_TRUE(dialog->takeButton()->isEnabled());
    EXPECT_TRUE(dialog->nameProblemLabel()->isHidden());

    // Taken for real: the dialog closes and says so; a second dialog refuses the name.
    dialog->descriptionEdit()->setPlainText(u"Before the upgrade"_s);
    std::optional<SnapshotInfo> taken;
    QObject::connect(dialog.get(), &TakeSnapshotDialog::taken,
                     [&](const SnapshotInfo &s) { taken = s; });
    dialog->takeButton()->click();
    ASSERT_TRUE(test::waitUntil([&] { return taken.has_value(); }, 10000))
        << dialog->errorLabel()->text().toStdString();
    EXPECT_EQ(taken->name, u"before-upgrade"_s);
    EXPECT_EQ(taken->description, u"Before the upgrade"_s);
    EXPECT_FALSE(dialog->isVisible());

    auto again = openTake(kWeb, u"web"_s);
    EXPECT_EQ(again->nameEdit()->text(), u"snapshot1"_s);
    again->nameEdit()->setText(u"before-upgrade"_s);
    EXPECT_FALSE(again->takeButton()->isEnabled());
    EXPECT_TRUE(again->nameProblemLabel()->text().contains(u"before-upgrade"_s))
        << again->nameProblemLabel()->text().toStdString();
}

TEST_F(SnapshotViewsTest, ThePageListsATreeAndMarksTheCurrentOne)
{
    views::VmWindow window(session, kWeb);
    window.setAttribute(Qt::WA_DeleteOnClose, false);
    window.resize(900, 560);
    window.show();
    window.showSnapshots();
    SnapshotsPage *page = window.snapshots();
    ASSERT_EQ(window.tabs()->currentWidget(), page);
    ASSERT_TRUE(test::waitUntil([&] { return page->isLoaded() && !page->isBusy(); }, 10000));

    // No snapshots: a sentence saying how to take one, not an empty pane.
    EXPECT_FALSE(page->emptyLabel()->isHidden());
    EXPECT_TRUE(page->tree()->isHidden());
    EXPECT_TRUE(page->emptyLabel()->text().contains(u"Take…"_s))
        << page->emptyLabel()->text().toStdString();
    EXPECT_FALSE(page->revertButton()->isEnabled());
    EXPECT_FALSE(page->deleteButton()->isEnabled());
    screenshot(&window, u"snap-page-empty"_s);

    takeOnPage(page, u"installed"_s, u"Fresh install, before any change"_s);
    takeOnPage(page, u"configured"_s, u"Web server configured"_s);
    EXPECT_FALSE(page->tree()->isHidden());
    QTreeWidgetItem *installed = page->itemOf(u"installed"_s);
    QTreeWidgetItem *configured = page->itemOf(u"configured"_s);
    ASSERT_TRUE(installed && configured);
    EXPECT_EQ(configured->parent(), installed) << "taken from installed: its child";
    EXPECT_TRUE(text(configured, SnapshotsPage::NameColumn).contains(u"current"_s));
    EXPECT_TRUE(configured->font(SnapshotsPage::NameColumn).bold());
    EXPECT_FALSE(installed->font(SnapshotsPage::NameColumn).bold());
    EXPECT_FALSE(text(installed, SnapshotsPage::NameColumn).contains(u"current"_s));
    EXPECT_EQ(page->selectedName(), u"configured"_s) << "the new snapshot is selected";
    EXPECT_FALSE(text(configured, SnapshotsPage::StateColumn).isEmpty());
    EXPECT_FALSE(text(configured, SnapshotsPage::CreatedColumn).isEmpty());
    EXPECT_EQ(text(configured, SnapshotsPage::DescriptionColumn), u"Web server configured"_s);
    EXPECT_FALSE(configured->icon(SnapshotsPage::StateColumn).isNull());

    // Revert to "installed" (asked first), then a third snapshot: a sibling of "configured".
    ASSERT_TRUE(page->selectSnapshot(u"installed"_s));
    ASSERT_TRUE(page->revertButton()->isEnabled()) << page->revertButton()->toolTip().toStdString();
    page->revertButton()->click();
    QMessageBox *confirm = page->confirmation();
    ASSERT_NE(confirm, nullptr);
    EXPECT_EQ(confirm->text(), u"Revert “web” to “installed”?"_s);
    EXPECT_TRUE(confirm->informativeText().contains(u"current disks and memory are replaced"_s))
        << confirm->informativeText().toStdString();
    QPushButton *revert = nullptr;
    for (QAbstractButton *b : confirm->buttons()) {
        if (b->text() == u"&Revert"_s)
            revert = qobject_cast<QPushButton *>(b);
    }
    ASSERT_NE(revert, nullptr);
    revert->click();
    ASSERT_TRUE(test::waitUntil(
        [&] { return !page->isBusy() && page->snapshots()->current == u"installed"_s; }, 10000))
        << page->errorLabel()->text().toStdString();
    EXPECT_TRUE(page->itemOf(u"installed"_s)->font(SnapshotsPage::NameColumn).bold());
    takeOnPage(page, u"tuned"_s, u"Kernel parameters tuned for the load test"_s);
    QTreeWidgetItem *tuned = page->itemOf(u"tuned"_s);
    ASSERT_NE(tuned, nullptr);
    EXPECT_EQ(tuned->parent(), page->itemOf(u"installed"_s));
    EXPECT_EQ(page->itemOf(u"installed"_s)->childCount(), 2);
    EXPECT_TRUE(tuned->font(SnapshotsPage::NameColumn).bold());
    EXPECT_FALSE(page->itemOf(u"configured"_s)->font(SnapshotsPage::NameColumn).bold());
    EXPECT_TRUE(page->errorLabel()->isHidden());
    // Another one selected, so the current one's bold shows apart from the selection.
    ASSERT_TRUE(page->selectSnapshot(u"configured"_s));
    screenshot(&window, u"snap-page-tree"_s);

    // The dialog for the running guest, as Take… opens it over this page.
    page->takeButton()->click();
    ASSERT_TRUE(page->takeDialog());
    page->takeDialog()->descriptionEdit()->setPlainText(u"Before the kernel update"_s);
    screenshot(page->takeDialog(), u"snap-dialog-running"_s);
    page->takeDialog()->reject();
}

TEST_F(SnapshotViewsTest, DeleteAsksAndOffersTheChildren)
{
    SnapshotsPage page(session, kWeb);
    page.resize(800, 480);
    page.show();
    ASSERT_TRUE(test::waitUntil([&] { return page.isLoaded() && !page.isBusy(); }, 10000));
    takeOnPage(&page, u"a"_s);
    takeOnPage(&page, u"b"_s);
    takeOnPage(&page, u"c"_s);

    // Nothing selected: Revert and Delete say to select one.
    page.tree()->clearSelection();
    EXPECT_FALSE(page.revertButton()->isEnabled());
    EXPECT_FALSE(page.deleteButton()->isEnabled());
    EXPECT_FALSE(page.infoLabel()->isHidden());
    EXPECT_TRUE(page.infoLabel()->text().contains(u"Select a snapshot"_s));

    ASSERT_TRUE(page.selectSnapshot(u"b"_s));
    EXPECT_TRUE(page.revertButton()->isEnabled());
    ASSERT_TRUE(page.deleteButton()->isEnabled());
    EXPECT_TRUE(page.infoLabel()->isHidden()) << page.infoLabel()->text().toStdString();
    page.deleteButton()->click();
    QMessageBox *confirm = page.confirmation();
    ASSERT_NE(confirm, nullptr);
    EXPECT_TRUE(confirm->text().contains(u"“b”"_s));
    QCheckBox *children = confirm->checkBox();
    ASSERT_NE(children, nullptr) << "b has a later snapshot: the choice is offered";
    EXPECT_TRUE(children->text().contains(u"c"_s)) << children->text().toStdString();
    EXPECT_FALSE(children->isChecked()) << "its children stay unless asked";
    children->setChecked(true);
    for (QAbstractButton *b : confirm->buttons()) {
        if (b->text() == u"&Delete"_s)
            b->click();
    }
    ASSERT_TRUE(test::waitUntil(
        [&] { return !page.isBusy() && page.snapshots()->snapshots.size() == 1; }, 10000))
        << page.errorLabel()->text().toStdString();
    EXPECT_NE(page.itemOf(u"a"_s), nullptr);
    EXPECT_EQ(page.itemOf(u"c"_s), nullptr) << "deleted with its parent";

    // A leaf: no choice to make, and Cancel deletes nothing.
    ASSERT_TRUE(page.selectSnapshot(u"a"_s));
    page.deleteButton()->click();
    ASSERT_NE(page.confirmation(), nullptr);
    EXPECT_EQ(page.confirmation()->checkBox(), nullptr);
    page.confirmation()->reject();
    QApplication::processEvents();
    EXPECT_FALSE(page.isBusy());
    EXPECT_NE(page.itemOf(u"a"_s), nullptr);
}

TEST_F(SnapshotViewsTest, ThePageFollowsTheVmsState)
{
    SnapshotsPage page(session, kArmUefi);
    page.show();
    ASSERT_TRUE(test::waitUntil([&] { return page.isLoaded() && !page.isBusy(); }, 10000));
    ASSERT_TRUE(page.snapshots()->running);
    EXPECT_FALSE(page.snapshots()->modes.internal.supported) << "running UEFI guest";

    // Shut off elsewhere (here: by the session): the page reads the VM again, and internal
    // snapshots of the shut-off UEFI guest become possible.
    session->forceOffDomain(kArmUefi);
    ASSERT_TRUE(test::waitUntil(
        [&] { return !page.isBusy() && page.snapshots() && !page.snapshots()->running; }, 10000))
        << "the page did not follow the VM's state";
    EXPECT_TRUE(page.snapshots()->modes.internal.supported);
    page.takeButton()->click();
    ASSERT_TRUE(page.takeDialog());
    EXPECT_TRUE(offered(page.takeDialog()->modeButton(Mode::Internal)));
    EXPECT_TRUE(page.takeDialog()->modeButton(Mode::ExternalWithMemory)->isHidden());
    page.takeDialog()->reject();
}

TEST_F(SnapshotViewsTest, AFailedTakeSaysWhyAndTheDialogStaysOpen)
{
    auto dialog = openTake(kWeb, u"web"_s);
    ASSERT_TRUE(dialog->takeButton()->isEnabled());
    // The VM goes away between the dialog's read and the click: libvirt's error is shown.
    auto undefined = session->deleteDomain(kWeb, false);
    ASSERT_TRUE(test::waitUntil([&] { return undefined.isFinished(); }, 10000));
    dialog->takeButton()->click();
    ASSERT_TRUE(test::waitUntil([&] { return !dialog->isTaking(); }, 10000));
    EXPECT_TRUE(dialog->isVisible()) << "open, to retry or cancel";
    EXPECT_FALSE(dialog->errorLabel()->isHidden());
    EXPECT_TRUE(dialog->errorLabel()->text().startsWith(
        u"Could not take the snapshot “snapshot1” of “web”: "_s))
        << dialog->errorLabel()->text().toStdString();
    EXPECT_TRUE(dialog->busyBar()->isHidden());
    EXPECT_TRUE(dialog->takeButton()->isEnabled()) << "a retry is possible";
    screenshot(dialog.get(), u"snap-dialog-failed"_s);
}

TEST_F(SnapshotViewsTest, RevertAndDeleteFollowTheArchsVerdicts)
{
    // An external snapshot on a libvirt that cannot revert to it (9.0): as loadSnapshots
    // reports it, fed to a page without a host.
    VmSnapshots v;
    v.uuid = kWeb;
    v.vmName = u"web"_s;
    v.arch = u"x86_64"_s;
    v.running = true;
    v.modes.internal = {true, {}};
    SnapshotInfo base;
    base.name = u"base"_s;
    base.state = u"running"_s;
    base.withMemory = true;
    base.created = QDateTime::currentDateTime().addDays(-2);
    base.revert = base.remove = base.removeWithChildren = {true, {}};
    base.children = {u"disks"_s};
    SnapshotInfo disks;
    disks.name = u"disks"_s;
    disks.parent = u"base"_s;
    disks.state = u"disk-snapshot"_s;
    disks.location = arch::SnapshotLocation::External;
    disks.isCurrent = true;
    disks.created = QDateTime::currentDateTime();
    const QString noRevert = u"This host's libvirt (9.0.0) cannot revert to an external "
                             "snapshot; libvirt 9.9 or later can"_s;
    disks.revert = {false, noRevert};
    disks.remove = disks.removeWithChildren = {true, {}};
    v.snapshots = {base, disks};
    v.current = u"disks"_s;

    SnapshotsPage page(nullptr, kWeb);
    page.setSnapshots(v);
    page.resize(800, 400);
    page.show();
    ASSERT_TRUE(page.selectSnapshot(u"disks"_s));
    EXPECT_FALSE(page.revertButton()->isEnabled());
    EXPECT_EQ(page.revertButton()->toolTip(), noRevert);
    EXPECT_FALSE(page.infoLabel()->isHidden());
    EXPECT_TRUE(page.infoLabel()->text().contains(noRevert)) << "said under the tree too";
    EXPECT_TRUE(page.deleteButton()->isEnabled());
    screenshot(&page, u"snap-page-external-no-revert"_s);

    // An external snapshot with children on libvirt 9.x: only with them.
    const QString notAlone = u"libvirt cannot delete an external snapshot that has later "
                             "snapshots; delete those first, or delete it with its children"_s;
    v.snapshots[0].location = arch::SnapshotLocation::External;
    v.snapshots[0].remove = {false, notAlone};
    page.setSnapshots(v);
    ASSERT_TRUE(page.selectSnapshot(u"base"_s));
    EXPECT_TRUE(page.revertButton()->isEnabled());
    ASSERT_TRUE(page.deleteButton()->isEnabled()) << "with its children it can go";
    EXPECT_TRUE(page.infoLabel()->text().contains(notAlone));
    page.deleteButton()->click();
    ASSERT_NE(page.confirmation(), nullptr);
    QCheckBox *children = page.confirmation()->checkBox();
    ASSERT_NE(children, nullptr);
    EXPECT_TRUE(children->isChecked());
    EXPECT_FALSE(children->isEnabled()) << "not a choice: it cannot go alone";
    EXPECT_EQ(children->toolTip(), notAlone);
    page.confirmation()->reject();

    // Neither alone nor with children: disabled with the reason.
    v.snapshots[0].removeWithChildren = {false, notAlone};
    page.setSnapshots(v);
    ASSERT_TRUE(page.selectSnapshot(u"base"_s));
    EXPECT_FALSE(page.deleteButton()->isEnabled());
    EXPECT_EQ(page.deleteButton()->toolTip(), notAlone);

    // No way to take one: Take… disabled with the reason.
    v.modes.internal = {false, u"This guest has no writable disk to snapshot"_s};
    v.modes.externalDiskOnly = v.modes.externalWithMemory = v.modes.internal;
    page.setSnapshots(v);
    EXPECT_FALSE(page.takeButton()->isEnabled());
    EXPECT_TRUE(page.takeButton()->toolTip().contains(u"no writable disk"_s));
}

class SnapshotMenuTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        app = test::openMainWindow({hostUri()});
        QString error;
        session = test::connectedSession(app, hostUri(), &error);
        ASSERT_NE(session, nullptr) << error.toStdString();
        ASSERT_TRUE(test::waitUntil([&] { return session->domains().size() == 6; }, 10000));
        QApplication::processEvents();
    }
    views::MainWindow *window() const { return app.window.get(); }

    test::MainWindowUnderTest app;
    HostSession *session = nullptr;
};

TEST_F(SnapshotMenuTest, TheSnapshotMenuActsOnTheSelectedVm)
{
    views::MainWindow *w = window();
    QAction *take = w->takeSnapshotAction();
    QAction *manage = w->manageSnapshotsAction();
    ASSERT_TRUE(take && manage);
    bool inMenuBar = false;
    for (QAction *menu : w->menuBar()->actions())
        inMenuBar = inMenuBar || (menu->menu() && menu->text() == u"&Snapshot"_s &&
                                  menu->menu()->actions().contains(take));
    EXPECT_TRUE(inMenuBar);

    ASSERT_TRUE(w->select(hostUri())); // a host row
    QApplication::processEvents();
    EXPECT_FALSE(take->isEnabled());
    EXPECT_FALSE(manage->isEnabled());
    EXPECT_EQ(take->toolTip(), u"Select a virtual machine"_s);

    ASSERT_TRUE(w->select(hostUri(), kWeb));
    QApplication::processEvents();
    EXPECT_TRUE(take->isEnabled()) << take->toolTip().toStdString();
    EXPECT_TRUE(manage->isEnabled());

    take->trigger();
    auto *dialog = w->findChild<TakeSnapshotDialog *>();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(test::waitUntil([&] { return dialog->isReady(); }, 10000));
    EXPECT_TRUE(offered(dialog->modeButton(Mode::ExternalWithMemory))) << "web is running";
    dialog->reject();

    manage->trigger();
    views::VmWindow *vmWindow = w->findChild<views::VmWindow *>();
    ASSERT_NE(vmWindow, nullptr);
    EXPECT_EQ(vmWindow->uuid(), kWeb);
    EXPECT_EQ(vmWindow->tabs()->currentWidget(), vmWindow->snapshots());
    EXPECT_TRUE(test::waitUntil([&] { return vmWindow->snapshots()->isLoaded(); }, 10000));
    vmWindow->close();

    // The host disconnected: nothing to snapshot through it.
    session->close();
    ASSERT_TRUE(
        test::waitUntil([&] { return session->state() != ConnectionState::Connected; }, 10000));
    ASSERT_TRUE(test::waitUntil([&] { return !take->isEnabled(); }, 5000))
        << "selected: " << w->selectedVms().size();
    EXPECT_FALSE(manage->isEnabled());
}
