// The Clone, Make Template and bulk progress dialogs (issue 14) on a test-driver host
// (tests/views/data/clone-host.xml): the form shows each disk with only the modes it allows,
// a taken name and a running source are refused in the dialog with the reason, a New-empty
// clone really runs and the clone is selected in the tree, a bulk Start reports each VM,
// and selecting several VMs enables the bulk actions. Screenshots of every dialog go to
// $CROSSVIRT_SHOTS_DIR (else screenshots/ next to the test).
#include "views/bulk/BulkProgressDialog.h"
#include "views/clone/CloneDialog.h"
#include "views/clone/MakeTemplateDialog.h"

#include "MainWindowFixture.h"
#include "common/TestSupport.h"
#include "models/connection/Datacenter.h"
#include "models/connection/HostSession.h"
#include "views/mainwindow/ActionController.h"
#include "views/mainwindow/DetailsPane.h"
#include "views/mainwindow/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>
#include <gtest/gtest.h>

using namespace crossvirt;
using namespace crossvirt::models;
using namespace Qt::StringLiterals;
using views::CloneDialog;

namespace {

QString hostUri()
{
    return u"test://"_s + test::sourcePath(u"tests/views/data/clone-host.xml"_s);
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

QString uuidOf(const HostSession *session, const QString &name)
{
    for (const DomainSummary &d : session->domains()) {
        if (d.name == name)
            return d.uuid;
    }
    return {};
}

int rowOf(CloneDialog *dialog, const QString &target)
{
    for (int row = 0; row < dialog->diskTable()->rowCount(); ++row) {
        if (dialog->diskTable()->item(row, CloneDialog::DiskColumn)->data(Qt::UserRole) == target)
            return row;
    }
    return -1;
}

QStringList offered(const QComboBox *combo)
{
    QStringList modes;
    for (int i = 0; combo && i < combo->count(); ++i)
        modes << cloneDiskModeId(CloneDiskMode(combo->itemData(i).toInt()));
    return modes;
}

// Calls `act` with the application's modal widget once one of type T shows.
template<typename T> void whenModal(std::function<void(T *)> act)
{
    auto *poll = new QTimer;
    poll->setInterval(20);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, act] {
        if (auto *w = qobject_cast<T *>(QApplication::activeModalWidget())) {
            poll->stop();
            poll->deleteLater();
            act(w);
        }
    });
    poll->start();
}

} // namespace

class CloneViewsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        datacenter.useTransient({hostUri()});
        session = datacenter.session(hostUri());
        ASSERT_NE(session, nullptr);
        ASSERT_TRUE(test::waitUntil([&] { return session->domains().size() == 5; }, 10000))
            << session->lastError().toStdString();
    }

    std::unique_ptr<CloneDialog> openClone(const QString &name)
    {
        auto dialog = std::make_unique<CloneDialog>(session, uuidOf(session, name), name);
        dialog->show();
        EXPECT_TRUE(test::waitUntil([&] { return dialog->isReady(); }, 10000));
        return dialog;
    }

    Datacenter datacenter{ConnectionStore(test::makeTempDir() + u"/connections.json"_s)};
    HostSession *session = nullptr;
};

TEST_F(CloneViewsTest, FormShowsEachDiskWithOnlyTheModesItAllows)
{
    auto dialog = openClone(u"web-base"_s);
    EXPECT_EQ(dialog->nameEdit()->text(), u"web-base-clone"_s) << "the suggested name";
    EXPECT_TRUE(dialog->windowTitle().contains(u"web-base"_s));
    EXPECT_FALSE(dialog->windowTitle().contains(uuidOf(session, u"web-base"_s)));
    ASSERT_EQ(dialog->diskTable()->rowCount(), 4);
    const int vda = rowOf(dialog.get(), u"vda"_s), vdb = rowOf(dialog.get(), u"vdb"_s);
    const int iso = rowOf(dialog.get(), u"sda"_s), empty = rowOf(dialog.get(), u"sdb"_s);
    ASSERT_GE(qMin(qMin(vda, vdb), qMin(iso, empty)), 0);
    EXPECT_EQ(offered(dialog->modeCombo(vda)), (QStringList{u"copy"_s, u"share"_s, u"empty"_s}))
        << "a writable disk may be copied, shared or replaced by an empty one";
    EXPECT_EQ(dialog->modeCombo(vda)->currentData().toInt(), int(CloneDiskMode::Copy));
    EXPECT_EQ(offered(dialog->modeCombo(vdb)), QStringList{u"share"_s}) << "shareable";
    EXPECT_EQ(offered(dialog->modeCombo(iso)), QStringList{u"share"_s}) << "installer medium";
    EXPECT_EQ(offered(dialog->modeCombo(empty)), QStringList{u"keep"_s}) << "no medium";
    EXPECT_FALSE(dialog->modeCombo(iso)->isEnabled()) << "one choice: nothing to pick";
    for (int row : {vdb, iso, empty}) {
        EXPECT_FALSE(dialog->diskTable()->item(row, CloneDialog::NotesColumn)->text().isEmpty())
            << "the plan says why for row " << row;
    }
    const QTableWidgetItem *path = dialog->diskTable()->item(vda, CloneDialog::SourceColumn);
    EXPECT_EQ(path->toolTip(), u"/var/lib/libvirt/images/web-base.qcow2"_s);
    EXPECT_TRUE(dialog->macsLabel()->text().contains(u"52:54:00"_s));
    EXPECT_FALSE(dialog->macsLabel()->text().contains(u"52:54:00:1c:0e:01"_s))
        << "the clone gets a new MAC";
    EXPECT_TRUE(dialog->totalLabel()->text().contains(u"3.0 GiB"_s))
        << dialog->totalLabel()->text().toStdString();
    EXPECT_TRUE(dialog->cloneButton()->isEnabled());

    // A new empty disk copies nothing.
    dialog->modeCombo(vda)->setCurrentIndex(
        dialog->modeCombo(vda)->findData(int(CloneDiskMode::NewEmpty)));
    EXPECT_EQ(dialog->plan().bytesToCopy(), 0u);
    EXPECT_TRUE(dialog->totalLabel()->text().startsWith(u"Nothing to copy"_s));
    screenshot(dialog.get(), u"clone-form-test-driver"_s);
}

TEST_F(CloneViewsTest, ATakenNameIsRefusedInTheDialog)
{
    auto dialog = openClone(u"web-base"_s);
    dialog->nameEdit()->setText(u"db-02"_s);
    EXPECT_FALSE(dialog->cloneButton()->isEnabled());
    EXPECT_TRUE(dialog->problemsLabel()->isVisible());
    EXPECT_TRUE(dialog->problemsLabel()->text().contains(u"db-02"_s))
        << dialog->problemsLabel()->text().toStdString();
    EXPECT_EQ(dialog->cloneButton()->toolTip(), dialog->plan().problems.join(u'\n'))
        << "the disabled button says why";
    dialog->nameEdit()->setText(u"web-base-2"_s);
    EXPECT_TRUE(dialog->cloneButton()->isEnabled());
    EXPECT_FALSE(dialog->problemsLabel()->isVisible());
}

// The test driver has no volume streams: a Copy fails there, and the dialog says so, stays
// open with the form usable again, and nothing was defined.
TEST_F(CloneViewsTest, AFailedCopySaysWhyAndLeavesTheFormUsable)
{
    auto dialog = openClone(u"web-base"_s);
    ASSERT_EQ(dialog->plan().disks.at(rowOf(dialog.get(), u"vda"_s)).mode, CloneDiskMode::Copy);
    dialog->cloneButton()->click();
    EXPECT_TRUE(dialog->isCloning() || dialog->statusLabel()->text().startsWith(u"The clone"_s));
    EXPECT_FALSE(dialog->nameEdit()->isEnabled() && dialog->isCloning());
    ASSERT_TRUE(test::waitUntil([&] { return !dialog->isCloning(); }, 20000));
    EXPECT_TRUE(dialog->statusLabel()->text().startsWith(u"The clone failed:"_s))
        << dialog->statusLabel()->text().toStdString();
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_TRUE(dialog->nameEdit()->isEnabled());
    EXPECT_TRUE(dialog->cloneButton()->isEnabled());
    EXPECT_FALSE(dialog->overallProgress()->isVisible());
    EXPECT_TRUE(uuidOf(session, u"web-base-clone"_s).isEmpty()) << "nothing defined";
    screenshot(dialog.get(), u"clone-copy-failed"_s);
}

TEST_F(CloneViewsTest, ARunningVmIsRefusedWithTheReason)
{
    auto dialog = openClone(u"web-run"_s);
    EXPECT_TRUE(dialog->refusalLabel()->isVisible());
    EXPECT_TRUE(dialog->refusalLabel()->text().contains(u"“web-run” is running"_s))
        << dialog->refusalLabel()->text().toStdString();
    EXPECT_TRUE(dialog->refusalLabel()->text().contains(u"Shut it down first"_s));
    EXPECT_FALSE(dialog->cloneButton()->isEnabled());
    EXPECT_FALSE(dialog->nameEdit()->isVisible()) << "no form for a running VM";
    screenshot(dialog.get(), u"clone-running-refused"_s);
}

TEST_F(CloneViewsTest, MakeTemplateSaysWhatHappensAndRefusesARunningVm)
{
    const DomainSummary base = *session->domain(uuidOf(session, u"db-02"_s));
    views::MakeTemplateDialog ok(session, base);
    ok.show();
    EXPECT_TRUE(ok.makeButton()->isEnabled());
    EXPECT_FALSE(ok.refusalLabel()->isVisible());
    ok.descriptionEdit()->setPlainText(u"PostgreSQL 16 on Debian 12"_s);
    screenshot(&ok, u"make-template"_s);

    const DomainSummary running = *session->domain(uuidOf(session, u"web-run"_s));
    views::MakeTemplateDialog refused(session, running);
    refused.show();
    EXPECT_FALSE(refused.makeButton()->isEnabled());
    EXPECT_TRUE(refused.refusalLabel()->isVisible());
    EXPECT_TRUE(refused.refusalLabel()->text().contains(u"Shut it down first"_s));
    screenshot(&refused, u"make-template-running-refused"_s);
}

TEST_F(CloneViewsTest, MakeTemplateTurnsTheVmIntoATemplate)
{
    const QString uuid = uuidOf(session, u"cache-03"_s);
    views::MakeTemplateDialog dialog(session, *session->domain(uuid));
    dialog.show();
    dialog.descriptionEdit()->setPlainText(u"Redis cache"_s);
    QSignalSpy made(&dialog, &views::MakeTemplateDialog::templateMade);
    dialog.makeButton()->click();
    ASSERT_TRUE(test::waitUntil([&] { return !made.isEmpty() || !dialog.errorLabel()->isHidden(); },
                                10000));
    ASSERT_EQ(made.size(), 1) << dialog.errorLabel()->text().toStdString();
    const auto info = made.at(0).at(0).value<TemplateInfo>();
    EXPECT_EQ(info.name, u"cache-03"_s);
    EXPECT_EQ(info.metadata.templateDescription, u"Redis cache"_s);
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    EXPECT_TRUE(test::waitUntil([&] {
        const auto d = session->domain(uuid);
        return d && d->isTemplate;
    })) << "the inventory shows it as a template";
}

TEST_F(CloneViewsTest, BulkStartShowsEachVmsResult)
{
    const QList<BulkTarget> targets{{hostUri(), uuidOf(session, u"db-02"_s), u"db-02"_s},
                                    {hostUri(), uuidOf(session, u"web-run"_s), u"web-run"_s},
                                    {hostUri(), uuidOf(session, u"cache-03"_s), u"cache-03"_s}};
    views::BulkProgressDialog dialog([this](const QString &uri) { return datacenter.session(uri); },
                                     BulkAction::Start, targets);
    dialog.show();
    EXPECT_FALSE(dialog.closeButton()->isEnabled());
    QSignalSpy done(&dialog, &views::BulkProgressDialog::finished);
    dialog.start();
    ASSERT_TRUE(test::waitUntil([&] { return dialog.isFinished(); }, 20000));
    ASSERT_EQ(done.size(), 1);
    EXPECT_EQ(dialog.stateOf(0), views::WorkState::Done) << dialog.messageOf(0).toStdString();
    EXPECT_EQ(dialog.stateOf(1), views::WorkState::Failed) << "web-run was already running";
    EXPECT_FALSE(dialog.messageOf(1).isEmpty()) << "the failing row says why";
    EXPECT_EQ(dialog.table()->topLevelItem(1)->text(views::BulkProgressDialog::ResultColumn),
              dialog.messageOf(1));
    EXPECT_EQ(dialog.stateOf(2), views::WorkState::Done) << dialog.messageOf(2).toStdString();
    EXPECT_EQ(dialog.overallProgress()->value(), 3);
    EXPECT_TRUE(dialog.closeButton()->isEnabled());
    EXPECT_FALSE(dialog.cancelButton()->isEnabled());
    EXPECT_TRUE(test::waitUntil([&] {
        const auto d = session->domain(uuidOf(session, u"cache-03"_s));
        return d && d->state == DomainState::Running;
    }));
    screenshot(&dialog, u"bulk-start-with-a-failure"_s);
}

TEST_F(CloneViewsTest, BulkCancelSkipsTheVmsNotStartedYet)
{
    const QList<BulkTarget> targets{{hostUri(), uuidOf(session, u"db-02"_s), u"db-02"_s},
                                    {hostUri(), uuidOf(session, u"cache-03"_s), u"cache-03"_s},
                                    {hostUri(), uuidOf(session, u"web-base"_s), u"web-base"_s}};
    views::BulkProgressDialog dialog([this](const QString &uri) { return datacenter.session(uri); },
                                     BulkAction::Start, targets);
    dialog.show();
    dialog.start();
    dialog.reject(); // Cancel while the first VM (one host: one at a time) is under way
    EXPECT_TRUE(dialog.isVisible()) << "Cancel stops the run, the window stays to show it";
    ASSERT_TRUE(test::waitUntil([&] { return dialog.isFinished(); }, 20000));
    EXPECT_EQ(dialog.stateOf(2), views::WorkState::Failed);
    EXPECT_EQ(dialog.messageOf(2), u"Cancelled"_s);
    EXPECT_TRUE(dialog.closeButton()->isEnabled());
    const auto last = session->domain(uuidOf(session, u"web-base"_s));
    ASSERT_TRUE(last.has_value());
    EXPECT_EQ(last->state, DomainState::Shutoff) << "a cancelled VM is not started";
}

// Dialogs as the user sees them on a UEFI VM with three disks (no host: the values are
// what loadCloneSource reads), the copy in progress included.
TEST(CloneViewsScreenshots, CloneFormWithThreeDisksAndNvramThenInProgress)
{
    CloneSource source;
    source.uri = u"qemu:///system"_s;
    source.uuid = u"6a0c5f2e-0000-4000-8000-000000000001"_s;
    source.name = u"web-uefi"_s;
    source.inactiveXml =
        u"<domain type='kvm'><name>web-uefi</name><uuid>6a0c5f2e-0000-4000-8000-000000000001"
        "</uuid><memory>2097152</memory><os><type arch='x86_64' machine='q35'>hvm</type>"
        "<loader readonly='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE.fd</loader>"
        "<nvram>/var/lib/libvirt/qemu/nvram/web-uefi_VARS.fd</nvram></os><devices>"
        "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/>"
        "<source file='/var/lib/libvirt/images/web-uefi.qcow2'/><target dev='vda' bus='virtio'/>"
        "</disk><disk type='file' device='disk'><driver name='qemu' type='qcow2'/>"
        "<source file='/var/lib/libvirt/images/web-uefi-data-volume-for-logs.qcow2'/>"
        "<target dev='vdb' bus='virtio'/></disk><disk type='file' device='cdrom'>"
        "<driver name='qemu' type='raw'/><source file='/var/lib/libvirt/images/"
        "debian-12.8.0-amd64-netinst.iso'/><target dev='sda' bus='sata'/><readonly/></disk>"
        "<interface type='network'><mac address='52:54:00:6a:0c:01'/><source network='default'/>"
        "<model type='virtio'/></interface></devices></domain>"_s;
    auto disk = [](QString target, QString device, QString volume, QString format, quint64 cap,
                   quint64 alloc, bool ro) {
        CloneDiskSource d;
        d.target = target;
        d.device = device;
        d.path = u"/var/lib/libvirt/images/"_s + volume;
        d.pool = u"default"_s;
        d.volume = volume;
        d.format = format;
        d.capacity = cap;
        d.allocation = alloc;
        d.readOnly = ro;
        return d;
    };
    constexpr quint64 GiB = 1024ull * 1024 * 1024;
    source.disks = {
        disk(u"vda"_s, u"disk"_s, u"web-uefi.qcow2"_s, u"qcow2"_s, 20 * GiB, 3 * GiB, false),
        disk(u"vdb"_s, u"disk"_s, u"web-uefi-data-volume-for-logs.qcow2"_s, u"qcow2"_s, 100 * GiB,
             12 * GiB, false),
        disk(u"sda"_s, u"cdrom"_s, u"debian-12.8.0-amd64-netinst.iso"_s, u"raw"_s, GiB * 63 / 100,
             GiB * 63 / 100, true)};
    source.nvramPath = u"/var/lib/libvirt/qemu/nvram/web-uefi_VARS.fd"_s;
    source.nvramTemplate = u"/usr/share/OVMF/OVMF_VARS.fd"_s;
    source.otherVmNames = {u"web-uefi"_s, u"db-01"_s};
    source.usedMacs = {u"52:54:00:6a:0c:01"_s};
    source.poolVolumes.insert(u"default"_s,
                              {u"web-uefi.qcow2"_s, u"web-uefi-data-volume-for-logs.qcow2"_s,
                               u"debian-12.8.0-amd64-netinst.iso"_s});
    source.poolAvailable.insert(u"default"_s, 500 * GiB);

    CloneDialog dialog(nullptr, source.uuid, source.name);
    dialog.setSource(source);
    dialog.show();
    ASSERT_TRUE(dialog.plan().ok()) << dialog.plan().problems.join(u"; "_s).toStdString();
    EXPECT_EQ(dialog.diskTable()->rowCount(), 3);
    EXPECT_TRUE(dialog.nvramLabel()->isVisible());
    EXPECT_TRUE(dialog.nvramLabel()->text().contains(u"web-uefi-clone"_s))
        << dialog.nvramLabel()->text().toStdString();
    screenshot(&dialog, u"clone-form-3-disks-nvram"_s);

    CloneProgress p;
    p.disk = 1;
    p.diskCount = 2;
    p.copyNumber = 2;
    p.volume = u"web-uefi-clone-1.qcow2"_s;
    p.diskDone = 5 * GiB;
    p.diskTotal = 12 * GiB;
    p.allDone = 8 * GiB;
    p.allTotal = 15 * GiB;
    dialog.showProgress(p);
    EXPECT_EQ(dialog.diskProgress(0)->value(), 1000) << "the first copy is done";
    EXPECT_EQ(dialog.overallProgress()->value(), 533);
    EXPECT_EQ(dialog.statusLabel()->text(), p.text());
    EXPECT_EQ(dialog.diskProgress(2), nullptr) << "the ISO is shared: nothing to copy";
    screenshot(&dialog, u"clone-in-progress"_s);
}

class CloneViewsWindowTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        app = test::openMainWindow({hostUri()});
        QString error;
        session = test::connectedSession(app, hostUri(), &error);
        ASSERT_NE(session, nullptr) << error.toStdString();
        ASSERT_TRUE(test::waitUntil([&] { return session->domains().size() == 5; }, 10000));
        QApplication::processEvents();
    }
    views::MainWindow *window() const { return app.window.get(); }

    void selectVms(const QStringList &names)
    {
        QItemSelection selection;
        for (const QString &name : names) {
            ASSERT_TRUE(window()->select(hostUri(), uuidOf(session, name))) << name.toStdString();
            const QModelIndex row = window()->tree()->currentIndex();
            selection.select(row, row);
        }
        window()->tree()->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect |
                                                                  QItemSelectionModel::Rows);
        QApplication::processEvents();
    }

    test::MainWindowUnderTest app;
    HostSession *session = nullptr;
};

TEST_F(CloneViewsWindowTest, SeveralSelectedVmsEnableTheBulkActions)
{
    selectVms({u"web-base"_s, u"web-run"_s, u"db-02"_s});
    ASSERT_EQ(window()->selectedVms().size(), 3);
    EXPECT_TRUE(window()->startAction()->isEnabled()) << "two of them are shut off";
    EXPECT_EQ(window()->bulkTargets(BulkAction::Start).size(), 2);
    EXPECT_TRUE(window()->shutdownAction()->isEnabled()) << "web-run is running";
    EXPECT_EQ(window()->bulkTargets(BulkAction::Shutdown).size(), 1);
    EXPECT_TRUE(window()->forceOffAction()->isEnabled());
    EXPECT_TRUE(window()->deleteAction()->isEnabled());
    EXPECT_TRUE(window()->cloneAction()->isEnabled());
    EXPECT_EQ(window()->bulkTargets(BulkAction::Clone).size(), 2) << "not the running one";
    EXPECT_FALSE(window()->makeTemplateAction()->isEnabled()) << "one VM at a time";
    EXPECT_FALSE(window()->rebootAction()->isEnabled());
    const QLabel *summary = window()->details()->selectionSummary();
    EXPECT_EQ(window()->details()->currentWidget(), summary);
    EXPECT_TRUE(summary->text().contains(u"3 virtual machines selected"_s))
        << summary->text().toStdString();
    screenshot(window(), u"tree-several-selected"_s);

    // Start on several VMs: one confirmation listing them, then one result per VM.
    QString listed;
    whenModal<QMessageBox>([&](QMessageBox *box) {
        listed = box->informativeText();
        box->button(QMessageBox::Yes)->click();
    });
    views::BulkProgressDialog *progress = nullptr;
    QObject::connect(window()->actions(), &views::ActionController::bulkStarted, window(),
                     [&](views::BulkProgressDialog *d) { progress = d; });
    window()->startAction()->trigger();
    EXPECT_TRUE(listed.contains(u"web-base"_s) && listed.contains(u"db-02"_s))
        << listed.toStdString();
    EXPECT_FALSE(listed.contains(u"web-run"_s)) << "already running: not offered a start";
    ASSERT_NE(progress, nullptr);
    ASSERT_TRUE(test::waitUntil([&] { return progress->isFinished(); }, 20000));
    EXPECT_EQ(progress->stateOf(0), views::WorkState::Done);
    EXPECT_EQ(progress->stateOf(1), views::WorkState::Done);
    progress->close();

    // One VM again: today's single actions.
    ASSERT_TRUE(window()->select(hostUri(), uuidOf(session, u"cache-03"_s)));
    QApplication::processEvents();
    EXPECT_EQ(window()->selectedVms().size(), 1);
    EXPECT_TRUE(window()->makeTemplateAction()->isEnabled());
    EXPECT_TRUE(window()->startAction()->isEnabled());
}

TEST_F(CloneViewsWindowTest, TemplateRowSaysTemplateAndCannotBeStarted)
{
    const QString tpl = uuidOf(session, u"tpl-debian"_s);
    ASSERT_TRUE(session->domain(tpl)->isTemplate) << "Crossvirt's metadata, read by the inventory";
    ASSERT_TRUE(window()->select(hostUri(), tpl));
    QApplication::processEvents();
    const QModelIndex state = window()->tree()->currentIndex().siblingAtColumn(1);
    EXPECT_EQ(state.data().toString(), u"Template"_s);
    EXPECT_FALSE(window()->startAction()->isEnabled());
    EXPECT_TRUE(window()->startAction()->toolTip().contains(u"template"_s));
    EXPECT_FALSE(window()->cloneAction()->isEnabled()) << "a template is deployed, not cloned";
    EXPECT_TRUE(window()->cloneAction()->toolTip().contains(u"make a new virtual machine"_s));
    EXPECT_FALSE(window()->makeTemplateAction()->isEnabled());
    selectVms({u"tpl-debian"_s, u"web-base"_s, u"db-02"_s});
    EXPECT_EQ(window()->bulkTargets(BulkAction::Start).size(), 2) << "never the template";
    EXPECT_EQ(window()->bulkTargets(BulkAction::Clone).size(), 2) << "never the template";
    screenshot(window(), u"tree-template-and-several-selected"_s);
}

TEST_F(CloneViewsWindowTest, NewEmptyCloneRunsAndIsSelectedInTheTree)
{
    ASSERT_TRUE(window()->select(hostUri(), uuidOf(session, u"web-base"_s)));
    QApplication::processEvents();
    ASSERT_TRUE(window()->cloneAction()->isEnabled());
    window()->cloneAction()->trigger();
    CloneDialog *dialog = window()->findChild<CloneDialog *>();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(test::waitUntil([&] { return dialog->isReady(); }, 10000));
    const int vda = rowOf(dialog, u"vda"_s);
    ASSERT_GE(vda, 0);
    dialog->modeCombo(vda)->setCurrentIndex(
        dialog->modeCombo(vda)->findData(int(CloneDiskMode::NewEmpty)));
    dialog->nameEdit()->setText(u"web-base-empty"_s);
    ASSERT_TRUE(dialog->cloneButton()->isEnabled())
        << dialog->plan().problems.join(u"; "_s).toStdString();
    QPointer<CloneDialog> guard(dialog);
    dialog->cloneButton()->click();
    ASSERT_TRUE(
        test::waitUntil([&] { return !uuidOf(session, u"web-base-empty"_s).isEmpty(); }, 20000))
        << (guard ? guard->statusLabel()->text().toStdString() : std::string());
    EXPECT_TRUE(test::waitUntil([&] { return guard.isNull() || !guard->isVisible(); }))
        << "the dialog closes when done";
    const QString clone = uuidOf(session, u"web-base-empty"_s);
    EXPECT_NE(clone, uuidOf(session, u"web-base"_s));
    EXPECT_EQ(session->domain(clone)->state, DomainState::Shutoff);
    EXPECT_TRUE(test::waitUntil([&] {
        return window()->selectedVms().size() == 1 &&
               window()->selectedVms().constFirst().uuid == clone;
    })) << "the clone is selected in the tree";
}
