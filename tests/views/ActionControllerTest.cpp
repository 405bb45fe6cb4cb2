// Actions hit the VM the user confirmed (host URI + UUID), even when the tree changes
// under an open confirmation; the Delete dialog shows each volume, and a volume another
// VM uses is marked and cannot be ticked.
#include "views/mainwindow/ActionController.h"
#include "MainWindowFixture.h"
#include "common/TestSupport.h"
#include "models/SharedVolumeHost.h"
#include "models/cluster/ClusterList.h"
#include "models/connection/Datacenter.h"
#include "models/connection/HostSession.h"
#include "models/connection/WorkerJobs.h"
#include "views/connection/AddConnectionDialog.h"
#include "views/mainwindow/DeleteVmDialog.h"
#include "views/mainwindow/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>
#include <QUrl>
#include <gtest/gtest.h>

using namespace crossvirt;
using namespace crossvirt::models;
using namespace Qt::StringLiterals;

namespace {

using namespace crossvirt::test::sharedvolume;

QString screenshotPath(const QString &name)
{
    const QString dir = QCoreApplication::applicationDirPath() + u"/screenshots"_s;
    QDir().mkpath(dir);
    return dir + u'/' + name;
}

// Calls `act` with the application's modal widget once one of type T shows (the action
// runs a modal box or dialog with exec(); this runs inside its event loop).
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

class ActionControllerTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        uri = hostUri();
        app = test::openMainWindow({uri});
        session = app.core->datacenter()->session(uri);
        ASSERT_NE(session, nullptr);
        ASSERT_TRUE(test::waitUntil([&] { return session->domains().size() == 3; }, 10000));
        QApplication::processEvents();
    }

    DomainState stateOf(const QString &uuid) const
    {
        const auto d = session->domain(uuid);
        return d ? d->state : DomainState::NoState;
    }

    // Changes the tree under an open confirmation: the selection moves to app-b and a VM
    // defined on the host (through the session's own connection) arrives by event and
    // shifts every row down.
    void changeTheTree()
    {
        ASSERT_TRUE(window()->select(uri, kAppB));
        runOnWorker(session, [](virConnectPtr c) {
            const char *xml = "<domain type='test'><name>aa-newcomer</name><memory>65536</memory>"
                              "<os><type arch='x86_64'>hvm</type></os></domain>";
            DomainHandle dom(virDomainDefineXML(c, xml));
            if (!dom)
                throwLastLibvirtError(u"define"_s);
        }).waitForFinished();
        ASSERT_TRUE(test::waitUntil([&] { return session->domains().size() == 4; }));
        QApplication::processEvents();
        ASSERT_TRUE(window()->select(uri, kAppB)) << "the tree now shows app-b selected";
    }

    bool volumeExists(const QString &name)
    {
        return test::sharedvolume::volumeExists(session, name);
    }

    test::MainWindowUnderTest app;
    views::MainWindow *window() const { return app.window.get(); }
    QString uri;
    HostSession *session = nullptr;
};

TEST_F(ActionControllerTest, ForceOffHitsTheConfirmedVmWhenTheTreeChanges)
{
    ASSERT_TRUE(window()->select(uri, kAppA));
    ASSERT_EQ(stateOf(kAppA), DomainState::Running);
    ASSERT_EQ(stateOf(kAppB), DomainState::Running);
    bool asked = false;
    whenModal<QMessageBox>([&](QMessageBox *box) {
        asked = true;
        EXPECT_TRUE(box->text().contains(u"app-a"_s)) << box->text().toStdString();
        changeTheTree();
        box->button(QMessageBox::Yes)->click();
    });
    window()->forceOffAction()->trigger();
    ASSERT_TRUE(asked);
    EXPECT_TRUE(test::waitUntil([&] { return stateOf(kAppA) == DomainState::Shutoff; }))
        << "the VM the box named is forced off";
    EXPECT_EQ(stateOf(kAppB), DomainState::Running) << "the VM selected since is untouched";
}

TEST_F(ActionControllerTest, DeleteHitsTheConfirmedVmAndKeepsTheSharedVolume)
{
    ASSERT_TRUE(window()->select(uri, kAppA));
    bool shown = false;
    QStringList reported;
    QObject::connect(window()->actions(), &views::ActionController::vmDeleted, window(),
                     [&](const QString &, const QString &, const QStringList &problems) {
                         reported = problems;
                     });
    whenModal<views::DeleteVmDialog>([&](views::DeleteVmDialog *dialog) {
        shown = true;
        QTreeWidget *list = dialog->volumeList();
        EXPECT_FALSE(dialog->windowTitle().contains(kAppA)) << "no UUID in the title";
        ASSERT_EQ(list->topLevelItemCount(), 3);
        QTreeWidgetItem *own = nullptr, *shared = nullptr, *cdrom = nullptr;
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = list->topLevelItem(i);
            EXPECT_EQ(item->checkState(views::DeleteVmDialog::PathColumn), Qt::Unchecked)
                << "nothing is ticked by default";
            const QString path = item->text(views::DeleteVmDialog::PathColumn);
            if (path.endsWith(u"app-a.qcow2"_s))
                own = item;
            else if (path.endsWith(u"shared-data.qcow2"_s))
                shared = item;
            else if (path.endsWith(u"install.iso"_s))
                cdrom = item;
        }
        ASSERT_TRUE(own && shared && cdrom);
        const QString sharedNotes = shared->text(views::DeleteVmDialog::NotesColumn);
        EXPECT_TRUE(sharedNotes.contains(u"app-b"_s)) << sharedNotes.toStdString();
        EXPECT_TRUE(sharedNotes.contains(u"Shareable"_s)) << sharedNotes.toStdString();
        EXPECT_FALSE(shared->flags() & Qt::ItemIsUserCheckable) << "cannot be ticked";
        EXPECT_FALSE(shared->flags() & Qt::ItemIsEnabled);
        EXPECT_TRUE(cdrom->text(views::DeleteVmDialog::NotesColumn).contains(u"CD-ROM"_s));
        EXPECT_TRUE(cdrom->text(views::DeleteVmDialog::NotesColumn).contains(u"Read-only"_s));
        EXPECT_TRUE(own->flags() & Qt::ItemIsUserCheckable);
        EXPECT_TRUE(own->text(views::DeleteVmDialog::NotesColumn).isEmpty());
        dialog->grab().save(screenshotPath(u"delete-vm-shared-volume.png"_s));

        changeTheTree();
        own->setCheckState(views::DeleteVmDialog::PathColumn, Qt::Checked);
        // Even forced, a volume that cannot be ticked is not handed to the host.
        shared->setCheckState(views::DeleteVmDialog::PathColumn, Qt::Checked);
        EXPECT_EQ(dialog->selectedVolumes(), QStringList{kImages + u"app-a.qcow2"_s});
        dialog->deleteButton()->click();
    });
    window()->deleteAction()->trigger();
    ASSERT_TRUE(test::waitUntil([&] { return shown; }, 10000)) << "the dialog opened";
    EXPECT_TRUE(test::waitUntil([&] { return !session->domain(kAppA); }))
        << "the VM the dialog named is deleted";
    EXPECT_TRUE(session->domain(kAppB).has_value()) << "the VM selected since is untouched";
    EXPECT_TRUE(reported.isEmpty()) << reported.join(u'\n').toStdString();
    EXPECT_FALSE(volumeExists(u"app-a.qcow2"_s));
    EXPECT_TRUE(volumeExists(u"shared-data.qcow2"_s));
    EXPECT_TRUE(volumeExists(u"install.iso"_s));
}

TEST_F(ActionControllerTest, CancellingDeleteDeletesNothing)
{
    ASSERT_TRUE(window()->select(uri, kAppA));
    bool shown = false;
    whenModal<views::DeleteVmDialog>([&](views::DeleteVmDialog *dialog) {
        shown = true;
        dialog->reject();
    });
    window()->deleteAction()->trigger();
    ASSERT_TRUE(test::waitUntil([&] { return shown; }, 10000));
    QApplication::processEvents();
    EXPECT_TRUE(session->domain(kAppA).has_value());
    EXPECT_TRUE(volumeExists(u"app-a.qcow2"_s));
}

namespace {
views::AddConnectionDialog *openEditDialog(views::MainWindow *window)
{
    QAction *edit = nullptr;
    for (QAction *a : window->findChildren<QAction *>()) {
        if (a->text() == u"&Edit Connection…"_s)
            edit = a;
    }
    if (!edit || !edit->isEnabled())
        return nullptr;
    edit->trigger();
    QApplication::processEvents();
    return window->findChild<views::AddConnectionDialog *>();
}
} // namespace

TEST(EditConnection, RenamesInPlaceAndANewUriKeepsItsCluster)
{
    test::MainWindowUnderTest app = test::openMainWindow();
    Datacenter *dc = app.core->datacenter();
    ASSERT_TRUE(test::waitUntil([&] { return dc->sessions().size() >= 2; }, 10000));
    ASSERT_TRUE(test::waitUntil([&] { return app.core->clusters()->isLoaded(); }));
    HostSession *host = dc->sessions().first();
    const QString uri = host->uri();
    const QString file = QUrl(uri).path();
    ASSERT_TRUE(QFileInfo(file).isFile()) << uri.toStdString();
    Cluster lab;
    lab.id = u"lab"_s;
    lab.name = u"Lab"_s;
    lab.arch = host->hostInfo().arch;
    lab.hostUris = {uri};
    app.core->clusters()->setCluster(lab);
    ASSERT_TRUE(app.window->select(uri));

    views::AddConnectionDialog *dialog = openEditDialog(app.window.get());
    ASSERT_NE(dialog, nullptr) << "Edit Connection… opens the dialog for the selected host";
    EXPECT_EQ(dialog->windowTitle(), u"Edit Connection"_s);
    EXPECT_EQ(dialog->connection().uri, uri) << "filled from the host's URI";
    dialog->nameEdit()->setText(u"Renamed host"_s);
    dialog->accept();
    ASSERT_TRUE(
        test::waitUntil([&] { return !app.window->findChild<views::AddConnectionDialog *>(); }));
    EXPECT_EQ(dc->entry(uri).name, u"Renamed host"_s);
    EXPECT_EQ(dc->session(uri), host) << "a new name keeps the session";

    // Another host file: a new URI, so a new session, still in the Lab cluster.
    const QString copy = test::makeTempDir() + u"/moved-host.xml"_s;
    ASSERT_TRUE(QFile::copy(file, copy));
    ASSERT_TRUE(app.window->select(uri));
    dialog = openEditDialog(app.window.get());
    ASSERT_NE(dialog, nullptr);
    dialog->testFileEdit()->setText(copy);
    const QString moved = dialog->connection().uri;
    EXPECT_EQ(moved, u"test://"_s + copy);
    dialog->accept();
    ASSERT_TRUE(test::waitUntil([&] { return dc->session(moved) != nullptr; }));
    EXPECT_EQ(dc->session(uri), nullptr);
    EXPECT_EQ(dc->entry(moved).name, u"Renamed host"_s);
    const auto cluster = app.core->clusters()->clusterOfHost(moved);
    ASSERT_TRUE(cluster.has_value()) << "the host keeps its cluster under its new URI";
    EXPECT_EQ(cluster->id, u"lab"_s);
    EXPECT_FALSE(cluster->hostUris.contains(uri));
    HostSession *movedSession = dc->session(moved);
    EXPECT_TRUE(test::waitUntil([&] { return !movedSession->domains().isEmpty(); }, 10000))
        << "the host's VMs come back on the new URI";
}
