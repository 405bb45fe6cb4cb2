// Crossvirt reopens the way the user left it (QSettings in a temporary folder), Reset
// Layout brings the first-start layout back, names are readable at the default size, and
// a VM window is titled "NAME on HOST" with the host's display name, after Create too.
#include "DesktopFixture.h"
#include "models/connection/WorkerJobs.h"
#include "models/inventory/InventoryModel.h"
#include "views/dialogs/NewVmDialog.h"
#include "views/mainwindow/ActionController.h"
#include "views/mainwindow/MainWindow.h"
#include "views/mainwindow/WindowLayout.h"
#include "views/vm/VmWindow.h"

#include <QAction>
#include <QCheckBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QSplitter>
#include <QStyle>
#include <QTreeView>

using namespace crossvirt;
using namespace crossvirt::models;
using namespace Qt::StringLiterals;
using test::waitUntil;

namespace {

QSplitter *splitterOf(views::MainWindow *w)
{
    return qobject_cast<QSplitter *>(w->centralWidget());
}

QString firstVmUuid(HostSession *s, QString *name = nullptr)
{
    const DomainSummary d = s->domains().value(0);
    if (name)
        *name = d.name;
    return d.uuid;
}

HostSession *sessionOfArch(const Datacenter *dc, const QString &arch)
{
    for (HostSession *s : dc->sessions()) {
        if (s->hostInfo().arch == arch)
            return s;
    }
    return nullptr;
}

// Every host and VM name cell whose text does not fit its column (text width plus the
// style's margins against the cell's visual rect), as "name (needs N px, has M px)".
QStringList elidedNames(QTreeView *tree)
{
    QStringList cut;
    QAbstractItemModel *m = tree->model();
    const int margin = tree->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, tree) + 1;
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int r = 0; r < m->rowCount(parent); ++r) {
            const QModelIndex idx = m->index(r, InventoryModel::NameColumn, parent);
            const QVariant fontData = idx.data(Qt::FontRole);
            const QFont font = fontData.isValid() ? fontData.value<QFont>() : tree->font();
            const QString text = idx.data().toString();
            const int needed = QFontMetrics(font).horizontalAdvance(text) + 2 * margin;
            const int has = tree->visualRect(idx).width();
            if (needed > has)
                cut << u"%1 (needs %2 px, has %3 px)"_s.arg(text).arg(needed).arg(has);
            walk(idx);
        }
    };
    walk({});
    return cut;
}

} // namespace

class DesktopLayoutTest : public ::testing::Test
{
protected:
    void SetUp() override { test::isolateSettings(); }
};

TEST_F(DesktopLayoutTest, NoHostOrVmNameIsElidedAtTheDefaultSize)
{
    test::MainWindowUnderTest app = test::openDemoWindow();
    views::MainWindow *w = app.window.get();
    ASSERT_EQ(w->size(), QSize(1300, 760));
    QApplication::processEvents();
    EXPECT_EQ(w->tree()->textElideMode(), Qt::ElideMiddle);
    const QStringList cut = elidedNames(w->tree());
    EXPECT_TRUE(cut.isEmpty()) << cut.join(u"; "_s).toStdString();
    // The full name is in the tooltip, whatever the width.
    const QModelIndex host = w->tree()->model()->index(0, InventoryModel::NameColumn);
    EXPECT_TRUE(host.data(Qt::ToolTipRole).toString().startsWith(host.data().toString()));
    const QModelIndex vm = w->tree()->model()->index(0, InventoryModel::NameColumn, host);
    EXPECT_EQ(vm.data(Qt::ToolTipRole).toString(), vm.data().toString());
    w->grab().save(test::screenshotPath(u"desktop-main-window-default-size.png"_s));

    // By cluster too (the demo has no cluster: nothing to cut), and after a narrower
    // window names lose their middle, never their end.
    w->resize(900, 600);
    QApplication::processEvents();
    const QStringList narrow = elidedNames(w->tree());
    if (!narrow.isEmpty()) {
        EXPECT_EQ(w->tree()->textElideMode(), Qt::ElideMiddle);
    }
}

TEST_F(DesktopLayoutTest, LayoutIsRestoredAfterRestartAndResetRestoresDefaults)
{
    QString vmUuid;
    QList<int> splitterSizes;
    QSize vmSize(805, 505);
    {
        test::MainWindowUnderTest app = test::openDemoWindow();
        views::MainWindow *w = app.window.get();
        QHeaderView *header = w->tree()->header();
        ASSERT_TRUE(w->layout()->columnsFollowContents());
        w->resize(1150, 820);
        QApplication::processEvents();
        splitterOf(w)->setSizes({700, 400});
        splitterSizes = splitterOf(w)->sizes();
        header->resizeSection(InventoryModel::ArchColumn, 211); // the user drags a column
        EXPECT_FALSE(w->layout()->columnsFollowContents());
        header->moveSection(header->visualIndex(InventoryModel::MemoryColumn), 1);
        w->tree()->sortByColumn(InventoryModel::MemoryColumn, Qt::DescendingOrder);
        HostSession *x86 = sessionOfArch(app.core->datacenter(), u"x86_64"_s);
        ASSERT_NE(x86, nullptr);
        vmUuid = firstVmUuid(x86);
        views::VmWindow *vm = w->openVm(x86->uri(), vmUuid);
        ASSERT_NE(vm, nullptr);
        vm->resize(vmSize);
        QApplication::processEvents();
        w->setViewByCluster(true);
        w->close(); // saves, as Quit does
    }
    {
        test::MainWindowUnderTest app = test::openDemoWindow();
        views::MainWindow *w = app.window.get();
        QHeaderView *header = w->tree()->header();
        EXPECT_EQ(w->size(), QSize(1150, 820));
        EXPECT_EQ(splitterOf(w)->sizes(), splitterSizes);
        EXPECT_EQ(header->sectionSize(InventoryModel::ArchColumn), 211);
        EXPECT_EQ(header->visualIndex(InventoryModel::MemoryColumn), 1);
        EXPECT_EQ(header->sortIndicatorSection(), int(InventoryModel::MemoryColumn));
        EXPECT_EQ(header->sortIndicatorOrder(), Qt::DescendingOrder);
        EXPECT_TRUE(w->viewByCluster());
        EXPECT_FALSE(w->layout()->columnsFollowContents()) << "the user's widths stay";
        HostSession *x86 = sessionOfArch(app.core->datacenter(), u"x86_64"_s);
        views::VmWindow *vm = w->openVm(x86->uri(), vmUuid);
        ASSERT_NE(vm, nullptr);
        EXPECT_EQ(vm->size(), vmSize) << "each VM window reopens at its own size";
        vm->close();

        // View › Reset Layout: the first-start layout, and nothing remembered.
        ASSERT_NE(w->resetLayoutAction(), nullptr);
        EXPECT_FALSE(w->resetLayoutAction()->shortcut().isEmpty());
        w->resetLayoutAction()->trigger();
        QApplication::processEvents();
        EXPECT_EQ(w->size(), QSize(1300, 760));
        EXPECT_FALSE(w->viewByCluster());
        EXPECT_EQ(header->visualIndex(InventoryModel::MemoryColumn),
                  int(InventoryModel::MemoryColumn));
        EXPECT_EQ(header->sortIndicatorSection(), int(InventoryModel::NameColumn));
        EXPECT_EQ(header->sortIndicatorOrder(), Qt::AscendingOrder);
        EXPECT_TRUE(w->layout()->columnsFollowContents());
        EXPECT_NE(header->sectionSize(InventoryModel::ArchColumn), 211);
        EXPECT_TRUE(elidedNames(w->tree()).isEmpty());
        QSettings settings;
        EXPECT_TRUE(settings.childGroups().filter(u"layout"_s).isEmpty())
            << "Reset Layout forgets the saved layout";
        views::VmWindow *again = w->openVm(x86->uri(), vmUuid);
        EXPECT_EQ(again->size(), QSize(720, 640));
    }
}

TEST_F(DesktopLayoutTest, VmWindowTitleIsNameOnHostAndFollowsRenames)
{
    test::MainWindowUnderTest app = test::openDemoWindow();
    views::MainWindow *w = app.window.get();
    HostSession *power = sessionOfArch(app.core->datacenter(), u"ppc64le"_s);
    ASSERT_NE(power, nullptr);
    const QString hostName = app.core->datacenter()->displayName(power->uri());
    ASSERT_FALSE(hostName.isEmpty());
    // A shut-off VM (libvirt renames only those).
    QString name, uuid;
    for (const DomainSummary &d : power->domains()) {
        if (d.state == DomainState::Shutoff) {
            name = d.name;
            uuid = d.uuid;
            break;
        }
    }
    ASSERT_FALSE(uuid.isEmpty()) << "the demo POWER host has a shut-off VM";
    views::VmWindow *vm = w->openVm(power->uri(), uuid);
    ASSERT_NE(vm, nullptr);
    EXPECT_EQ(vm->windowTitle(), u"%1 on %2"_s.arg(name, hostName));
    EXPECT_FALSE(vm->windowTitle().contains(uuid));

    runOnWorker(power, [uuid](virConnectPtr c) {
        DomainHandle dom(virDomainLookupByUUIDString(c, uuid.toUtf8().constData()));
        if (!dom || virDomainRename(dom.get(), "renamed-by-test", 0) < 0)
            throwLastLibvirtError(u"rename"_s);
    }).waitForFinished();
    EXPECT_TRUE(waitUntil(
        [&] { return vm->windowTitle() == u"renamed-by-test on %1"_s.arg(hostName); }, 10000))
        << vm->windowTitle().toStdString();
}

TEST_F(DesktopLayoutTest, VmWindowOpenedByCreateIsTitledWithNameAndHost)
{
    test::MainWindowUnderTest app = test::openDemoWindow();
    views::MainWindow *w = app.window.get();
    HostSession *x86 = sessionOfArch(app.core->datacenter(), u"x86_64"_s);
    ASSERT_NE(x86, nullptr);
    ASSERT_TRUE(w->select(x86->uri()));
    w->newVmAction()->trigger();
    auto *dialog = w->findChild<views::NewVmDialog *>();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(waitUntil([&] { return dialog->isReady(); }, 10000));
    dialog->nameEdit()->setText(u"title-after-create"_s);
    dialog->startCheck()->setChecked(true);
    dialog->openConsoleCheck()->setChecked(true);
    ASSERT_TRUE(dialog->problems().isEmpty()) << dialog->problems().value(0).message.toStdString();

    // The title the moment the window opens, before the host may have listed the VM.
    QString firstTitle;
    QObject::connect(w->actions(), &views::ActionController::vmCreated, w, [&] {
        for (views::VmWindow *vm : w->findChildren<views::VmWindow *>())
            firstTitle = vm->windowTitle();
    });
    dialog->accept();
    ASSERT_TRUE(waitUntil([&] { return !firstTitle.isEmpty(); }, 15000));
    const QString expected =
        u"title-after-create on %1"_s.arg(app.core->datacenter()->displayName(x86->uri()));
    EXPECT_EQ(firstTitle, expected);
    auto *vm = w->findChild<views::VmWindow *>();
    ASSERT_NE(vm, nullptr);
    QApplication::processEvents();
    EXPECT_EQ(vm->windowTitle(), expected);
    EXPECT_FALSE(vm->windowTitle().contains(vm->uuid()));
}
