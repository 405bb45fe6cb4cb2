// The Migrate dialog and the tree's "where can this go" view (issue 13) on the demo datacenter
// plus a second, empty x86_64 test-driver host: every other host is listed with its verdict
// (a cross-arch host with the arch reason), impossible hosts cannot be picked, Migrate stays
// off until a possible host is, Copy storage follows the destination, the check re-runs when
// Live changes (the latest request wins), and the tree marks the hosts a VM can move to.
// Screenshots go to $CROSSVIRT_SHOTS_DIR (else screenshots/ next to the test).
#include "views/migration/MigrateDialog.h"
#include "views/migration/MigrationHighlight.h"

#include "MainWindowFixture.h"
#include "common/TestSupport.h"
#include "models/cluster/ClusterList.h"
#include "models/connection/Datacenter.h"
#include "models/connection/HostSession.h"
#include "models/inventory/InventoryModel.h"
#include "models/templates/VmTemplates.h"
#include "views/mainwindow/ActionController.h"
#include "views/mainwindow/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QTest>
#include <QTreeView>
#include <gtest/gtest.h>
#include <iostream>

using namespace crossvirt;
using namespace crossvirt::models;
using namespace Qt::StringLiterals;
using views::MigrateDialog;
using views::MigrationHighlight;

namespace {

QString demoUri(const QString &arch)
{
    return u"test://"_s + test::sourcePath(u"resources/demo/demo-%1.xml"_s.arg(arch));
}

/// A second x86_64 host: the demo x86_64 host without its VMs (so no name is taken), its
/// volumes at the same paths (storage shared, as on an NFS pool both hosts mount).
QString emptyX86Uri()
{
    static const QString uri = [] {
        QFile in(test::sourcePath(u"resources/demo/demo-x86_64.xml"_s));
        if (!in.open(QIODevice::ReadOnly))
            return QString();
        QString xml = QString::fromUtf8(in.readAll());
        xml.remove(QRegularExpression(u"<domain .*?</domain>"_s,
                                      QRegularExpression::DotMatchesEverythingOption));
        const QString path = test::makeTempDir() + u"/x86-b.xml"_s;
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly))
            return QString();
        out.write(xml.toUtf8());
        return QString(u"test://"_s + path);
    }();
    return uri;
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

int tableRow(const MigrateDialog &dialog, const QString &uri)
{
    for (int row = 0; row < dialog.checkTable()->rowCount(); ++row) {
        if (dialog.checkTable()->item(row, MigrateDialog::HostColumn)->data(Qt::UserRole + 1) ==
            uri)
            return row;
    }
    return -1;
}

bool selectable(const QComboBox *combo, const QString &uri)
{
    const int i = combo->findData(uri, Qt::UserRole + 1);
    const auto *model = qobject_cast<const QStandardItemModel *>(combo->model());
    return i >= 0 && model->item(i)->isEnabled() && model->item(i)->isSelectable();
}

/// The combo's rows as text, "#" before a heading.
QStringList comboRows(const QComboBox *combo)
{
    QStringList rows;
    const auto *model = qobject_cast<const QStandardItemModel *>(combo->model());
    for (int i = 0; i < combo->count(); ++i) {
        const bool heading = combo->itemData(i, Qt::UserRole + 1).toString().isEmpty();
        rows << (heading ? u"# "_s : QString()) + model->item(i)->text().trimmed();
    }
    return rows;
}

/// Every row of the check table as tall as its wrapped text needs.
void expectNoCutText(const MigrateDialog &dialog)
{
    const QTableWidget *table = dialog.checkTable();
    for (int row = 0; row < table->rowCount(); ++row) {
        const QString text = table->item(row, MigrateDialog::VerdictColumn)->text();
        const int lines = int(text.count(u'\n')) + 1;
        EXPECT_GE(table->rowHeight(row), lines * table->fontMetrics().lineSpacing())
            << "row " << row << " cuts: " << text.toStdString();
    }
}

} // namespace

class MigrationViewsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QStringList uris{demoUri(u"x86_64"_s), emptyX86Uri()};
        for (const char *a : {"ppc64le", "aarch64", "s390x"})
            uris << demoUri(QLatin1String(a));
        app = test::openMainWindow(uris);
        for (const QString &uri : std::as_const(uris)) {
            QString error;
            ASSERT_NE(test::connectedSession(app, uri, &error), nullptr) << error.toStdString();
        }
        source = app.core->datacenter()->session(demoUri(u"x86_64"_s));
        ASSERT_TRUE(test::waitUntil([&] { return source->domains().size() == 8; }, 10000));
        // Both x86_64 hosts in one cluster; the others unclustered.
        Cluster c;
        c.id = newClusterId();
        c.name = u"x86 prod"_s;
        c.arch = u"x86_64"_s;
        c.hostUris = {demoUri(u"x86_64"_s), emptyX86Uri()};
        app.core->clusters()->setCluster(c);
    }

    std::unique_ptr<MigrateDialog> openMigrate(const QString &vm)
    {
        auto dialog = std::make_unique<MigrateDialog>(app.core->datacenter(), app.core->clusters(),
                                                      source->uri(), uuidOf(source, vm), vm);
        dialog->show();
        EXPECT_TRUE(
            test::waitUntil([&] { return !dialog->isChecking() && dialog->check(); }, 20000));
        return dialog;
    }

    test::MainWindowUnderTest app;
    HostSession *source = nullptr;
};

TEST_F(MigrationViewsTest, DialogListsEveryOtherHostWithItsReasons)
{
    auto dialog = openMigrate(u"legacy-win2k8"_s);
    EXPECT_EQ(dialog->windowTitle(), u"Migrate “legacy-win2k8”"_s);
    const QString ppc = demoUri(u"ppc64le"_s), x86b = emptyX86Uri();
    ASSERT_EQ(dialog->checkTable()->rowCount(), 4) << "every host but the source";
    const int ppcRow = tableRow(*dialog, ppc), x86bRow = tableRow(*dialog, x86b);
    ASSERT_GE(ppcRow, 0);
    ASSERT_GE(x86bRow, 0);
    const QString ppcVerdict =
        dialog->checkTable()->item(ppcRow, MigrateDialog::VerdictColumn)->text();
    EXPECT_TRUE(ppcVerdict.startsWith(u"Architecture x86_64: "_s) ||
                ppcVerdict.startsWith(u"Native (KVM): "_s))
        << "a cross-arch host says why first: " << ppcVerdict.toStdString();
    for (const char *arch : {"aarch64", "s390x"}) {
        const int r = tableRow(*dialog, demoUri(QLatin1String(arch)));
        ASSERT_GE(r, 0);
        EXPECT_NE(dialog->checkTable()->item(r, MigrateDialog::VerdictColumn)->text(),
                  u"Can migrate"_s);
    }
    EXPECT_EQ(ppcVerdict, dialog->check()->find(ppc)->reasonLines().join(u'\n'))
        << "each reason, one per line";
    EXPECT_EQ(dialog->checkTable()->item(x86bRow, MigrateDialog::VerdictColumn)->text(),
              u"Can migrate"_s)
        << dialog->check()->find(x86b)->reasonLines().join(u'\n').toStdString();
    expectNoCutText(*dialog);

    // Grouped by cluster; only the possible host can be picked.
    const QStringList rows = comboRows(dialog->destinationCombo());
    EXPECT_TRUE(rows.contains(u"# Cluster x86 prod (x86_64)"_s))
        << rows.join(u" | "_s).toStdString();
    EXPECT_TRUE(rows.contains(u"# No cluster"_s));
    EXPECT_LT(rows.indexOf(u"# Cluster x86 prod (x86_64)"_s), rows.indexOf(u"# No cluster"_s));
    EXPECT_FALSE(selectable(dialog->destinationCombo(), ppc));
    EXPECT_FALSE(dialog->selectDestination(ppc));
    EXPECT_TRUE(selectable(dialog->destinationCombo(), x86b));

    // Shut off: no live migration, and the dialog says why.
    EXPECT_FALSE(dialog->liveBox()->isEnabled());
    EXPECT_FALSE(dialog->liveBox()->isChecked());
    EXPECT_TRUE(dialog->liveNote()->text().contains(u"shut off"_s));

    EXPECT_FALSE(dialog->migrateButton()->isEnabled()) << "no host chosen yet";
    ASSERT_TRUE(dialog->selectDestination(x86b));
    EXPECT_TRUE(dialog->migrateButton()->isEnabled());
    EXPECT_EQ(dialog->request().destinationUri, x86b);
    if (!dialog->check()->find(x86b)->storageShared) {
        EXPECT_TRUE(dialog->copyStorageBox()->isChecked()) << "its disks are not there";
        EXPECT_TRUE(dialog->request().mode.copyStorage);
        EXPECT_FALSE(dialog->copyStorageNote()->isHidden());
    }
    EXPECT_FALSE(dialog->request().mode.live);
    dialog->bandwidthSpin()->setValue(50);
    EXPECT_EQ(dialog->request().bandwidthMiBs, 50u);
    screenshot(dialog.get(), u"mig-dialog"_s);
}

TEST_F(MigrationViewsTest, LiveChangesRerunTheCheckAndTheLatestWins)
{
    auto dialog = openMigrate(u"web-01"_s);
    ASSERT_TRUE(dialog->check()->running);
    EXPECT_TRUE(dialog->liveBox()->isEnabled());
    EXPECT_TRUE(dialog->liveBox()->isChecked()) << "live by default for a running VM";
    EXPECT_TRUE(dialog->check()->mode.live);

    dialog->liveBox()->setChecked(false);
    EXPECT_TRUE(dialog->isChecking());
    EXPECT_EQ(dialog->checkTable()->item(0, MigrateDialog::VerdictColumn)->text(), u"Checking…"_s);
    EXPECT_FALSE(dialog->migrateButton()->isEnabled()) << "nothing to migrate to while checking";
    dialog->liveBox()->setChecked(true);
    dialog->liveBox()->setChecked(false);
    ASSERT_TRUE(test::waitUntil([&] { return !dialog->isChecking(); }, 20000));
    EXPECT_FALSE(dialog->check()->mode.live) << "the last request's answer is shown";
    // Nothing older arrives later.
    QTest::qWait(300);
    EXPECT_FALSE(dialog->check()->mode.live);

    // Unticking Copy storage is the user's choice: the check follows it.
    dialog->copyStorageBox()->click();
    dialog->copyStorageBox()->click();
    ASSERT_TRUE(test::waitUntil([&] { return !dialog->isChecking(); }, 20000));
    EXPECT_EQ(dialog->check()->mode.copyStorage, dialog->copyStorageBox()->isChecked());
}

// A check made by hand: the form's rules without a host.
TEST_F(MigrationViewsTest, OnlyPossibleHostsArePickedAndProgressIsShown)
{
    MigrationCheck check;
    check.sourceUri = u"test:///a"_s;
    check.uuid = u"u-1"_s;
    check.vmName = u"app-1"_s;
    check.arch = u"x86_64"_s;
    check.running = true;
    auto target = [](const QString &uri, const QString &name, bool connected) {
        MigrationTarget t;
        t.uri = uri;
        t.displayName = name;
        t.connected = connected;
        return t;
    };
    MigrationTarget b = target(u"test:///b"_s, u"host-b"_s, true);
    b.notes = {u"A note"_s};
    b.disksToCopy = {u"vda"_s};
    MigrationTarget c = target(u"test:///c"_s, u"host-c"_s, true);
    c.problems = {{u"Machine type pc-q35-9.0"_s, u"That host's QEMU lacks it"_s},
                  {u"Network lab"_s, u"That host has no network lab"_s}};
    c.storageShared = true;
    MigrationTarget d = target(u"test:///d"_s, u"host-d"_s, false);
    check.targets = {b, c, d};
    MigrateDialog dialog(nullptr, nullptr, check.sourceUri, check.uuid, check.vmName);
    dialog.setCheck(check);
    dialog.show();
    EXPECT_FALSE(selectable(dialog.destinationCombo(), u"test:///c"_s));
    EXPECT_FALSE(selectable(dialog.destinationCombo(), u"test:///d"_s));
    EXPECT_FALSE(dialog.migrateButton()->isEnabled());
    EXPECT_EQ(dialog.checkTable()->item(1, MigrateDialog::VerdictColumn)->text(),
              u"Machine type pc-q35-9.0: That host's QEMU lacks it\n"
              u"Network lab: That host has no network lab"_s);
    EXPECT_EQ(dialog.checkTable()->item(2, MigrateDialog::VerdictColumn)->text(),
              dialog.check()->find(u"test:///d"_s)->reasonLines().isEmpty()
                  ? u"Not connected"_s
                  : dialog.check()->find(u"test:///d"_s)->reasonLines().join(u'\n'));
    EXPECT_TRUE(
        dialog.checkTable()->item(0, MigrateDialog::NotesColumn)->text().contains(u"A note"_s));
    expectNoCutText(dialog);
    ASSERT_TRUE(dialog.selectDestination(u"test:///b"_s));
    EXPECT_TRUE(dialog.migrateButton()->isEnabled());
    EXPECT_TRUE(dialog.copyStorageBox()->isChecked()) << "host-b does not have the disks";
    EXPECT_TRUE(dialog.request().mode.live);
    // libvirt 9.0 copies no disks through a tunnel: the dialog says so before Migrate.
    dialog.tunnelledButton()->setChecked(true);
    EXPECT_FALSE(dialog.migrateButton()->isEnabled());
    EXPECT_FALSE(dialog.requestProblemsLabel()->isHidden());
    EXPECT_EQ(dialog.requestProblemsLabel()->text(),
              migrationRequestProblems(dialog.request(), *dialog.check()->find(u"test:///b"_s))
                  .join(u'\n'));
    EXPECT_FALSE(dialog.requestProblemsLabel()->text().isEmpty());
    dialog.directButton()->setChecked(true);
    EXPECT_TRUE(dialog.migrateButton()->isEnabled());
    EXPECT_TRUE(dialog.requestProblemsLabel()->isHidden());

    MigrationProgress p;
    p.dataTotal = 4096ull << 20;
    p.dataProcessed = 1024ull << 20;
    p.dataRemaining = 3072ull << 20;
    p.memoryTotal = p.dataTotal;
    p.memoryRemaining = p.dataRemaining;
    p.downtimeMs = 300;
    dialog.showProgress(p);
    EXPECT_TRUE(dialog.progressBar()->isVisible());
    EXPECT_EQ(dialog.progressBar()->value(), p.percent());
    EXPECT_EQ(dialog.statusLabel()->text(), p.text());
    EXPECT_FALSE(dialog.destinationCombo()->isEnabled()) << "no change during the move";
    screenshot(&dialog, u"mig-dialog-progress"_s);

    dialog.showFailed(u"operation aborted: migration job: canceled by client"_s, true);
    EXPECT_TRUE(dialog.statusLabel()->text().contains(u"still on"_s));
    EXPECT_TRUE(dialog.statusLabel()->text().contains(u"canceled by client"_s));
    EXPECT_FALSE(dialog.progressBar()->isVisible());

    MigrationResult done{u"test:///b"_s, u"u-1"_s, u"app-1"_s, 1200, 40};
    dialog.showFinished(done);
    EXPECT_TRUE(dialog.statusLabel()->text().startsWith(u"“app-1” now runs on host-b."_s))
        << dialog.statusLabel()->text().toStdString();
    EXPECT_TRUE(dialog.migrateButton()->isHidden());
    EXPECT_EQ(dialog.cancelButton()->text(), u"Close"_s);
}

TEST_F(MigrationViewsTest, MigrateActionNeedsOneVmThatIsNoTemplate)
{
    views::MainWindow *w = app.window.get();
    ASSERT_TRUE(w->select(source->uri(), uuidOf(source, u"legacy-win2k8"_s)));
    EXPECT_TRUE(w->migrateAction()->isEnabled());
    ASSERT_TRUE(w->select(source->uri()));
    EXPECT_FALSE(w->migrateAction()->isEnabled());
    EXPECT_FALSE(w->migrateAction()->toolTip().isEmpty()) << "says why";
    EXPECT_TRUE(w->tree()->actions().contains(w->migrateAction())) << "in the context menu";

    // Two VMs selected: one at a time.
    ASSERT_TRUE(w->select(source->uri(), uuidOf(source, u"web-01"_s)));
    const QModelIndex web = w->tree()->currentIndex();
    ASSERT_TRUE(w->select(source->uri(), uuidOf(source, u"db-01"_s)));
    w->tree()->selectionModel()->select(web,
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
    ASSERT_EQ(w->selectedVms().size(), 2);
    EXPECT_FALSE(w->migrateAction()->isEnabled());
    EXPECT_TRUE(w->migrateAction()->toolTip().contains(u"only one"_s));

    // A template is not migrated.
    const QString riscv = uuidOf(source, u"riscv-lab"_s);
    QFuture<TemplateInfo> made = makeTemplate(source, riscv, u"migration test"_s);
    ASSERT_TRUE(test::waitUntil([&] { return made.isFinished(); }, 10000));
    ASSERT_TRUE(test::waitUntil(
        [&] {
            const auto d = source->domain(riscv);
            return d && d->isTemplate;
        },
        10000));
    ASSERT_TRUE(w->select(source->uri(), riscv));
    EXPECT_FALSE(w->migrateAction()->isEnabled());
    EXPECT_TRUE(w->migrateAction()->toolTip().contains(u"template"_s))
        << w->migrateAction()->toolTip().toStdString();

    // Migrate… opens the dialog for the selected VM, titled by its name.
    ASSERT_TRUE(w->select(source->uri(), uuidOf(source, u"legacy-win2k8"_s)));
    w->migrateAction()->trigger();
    MigrateDialog *dialog = nullptr;
    ASSERT_TRUE(test::waitUntil(
        [&] { return (dialog = w->findChild<MigrateDialog *>()) != nullptr; }, 5000));
    EXPECT_EQ(dialog->windowTitle(), u"Migrate “legacy-win2k8”"_s);
    EXPECT_TRUE(test::waitUntil([&] { return !dialog->isChecking() && dialog->check(); }, 20000));
    dialog->reject();
}

TEST_F(MigrationViewsTest, TreeMarksTheHostsTheVmCanMoveTo)
{
    views::MainWindow *w = app.window.get();
    w->resize(1300, 760);
    ASSERT_TRUE(w->select(source->uri(), uuidOf(source, u"legacy-win2k8"_s)));
    MigrationHighlight *highlight = w->migrationHighlight();
    EXPECT_FALSE(highlight->isActive());
    w->whereCanMoveAction()->setChecked(true);
    EXPECT_TRUE(highlight->isActive());
    ASSERT_TRUE(test::waitUntil([&] { return highlight->check().has_value(); }, 20000));
    const QString x86b = emptyX86Uri(), ppc = demoUri(u"ppc64le"_s);
    EXPECT_EQ(highlight->verdict(x86b), MigrationHighlight::Verdict::Possible);
    EXPECT_EQ(highlight->verdict(ppc), MigrationHighlight::Verdict::Impossible);
    EXPECT_EQ(highlight->verdict(source->uri()), MigrationHighlight::Verdict::Source);

    // What the tree's rows say.
    auto row = [&](const QString &uri) {
        const QAbstractItemModel *m = w->tree()->model();
        for (int r = 0; r < m->rowCount(); ++r) {
            const QModelIndex i = m->index(r, 0);
            if (i.data(InventoryModel::UriRole) == uri)
                return i;
        }
        return QModelIndex();
    };
    const QModelIndex possible = row(x86b), impossible = row(ppc);
    ASSERT_TRUE(possible.isValid());
    ASSERT_TRUE(impossible.isValid());
    EXPECT_FALSE(possible.data(Qt::DecorationRole).value<QIcon>().isNull()) << "a green check";
    EXPECT_TRUE(possible.data(Qt::ToolTipRole).toString().contains(u"can move here"_s));
    const QStringList reasons = highlight->check()->find(ppc)->reasonLines();
    ASSERT_FALSE(reasons.isEmpty());
    EXPECT_TRUE(impossible.data(Qt::ToolTipRole).toString().contains(reasons.join(u'\n')))
        << impossible.data(Qt::ToolTipRole).toString().toStdString();
    EXPECT_EQ(impossible.data(Qt::ForegroundRole).value<QColor>(),
              QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text))
        << "greyed";
    w->tree()->expandAll();
    screenshot(w, u"mig-tree"_s);

    // By cluster: the host rows under their cluster are marked too.
    w->setViewByCluster(true);
    w->tree()->expandAll();
    bool seen = false;
    const QAbstractItemModel *m = w->tree()->model();
    for (int r = 0; r < m->rowCount(); ++r) {
        const QModelIndex cluster = m->index(r, 0);
        for (int h = 0; h < m->rowCount(cluster); ++h) {
            const QModelIndex host = m->index(h, 0, cluster);
            if (host.data(InventoryModel::UriRole) != x86b)
                continue;
            seen = true;
            EXPECT_EQ(host.data(MigrationHighlight::VerdictRole).toInt(),
                      int(MigrationHighlight::Verdict::Possible));
            EXPECT_FALSE(host.data(Qt::DecorationRole).value<QIcon>().isNull());
        }
    }
    EXPECT_TRUE(seen) << "x86-b under its cluster";
    screenshot(w, u"mig-tree-by-cluster"_s);
    w->setViewByCluster(false);
    w->tree()->expandAll();

    // Another VM: the highlight follows it; a host row keeps it; off clears it.
    ASSERT_TRUE(w->select(source->uri(), uuidOf(source, u"web-01"_s)));
    EXPECT_EQ(highlight->uuid(), uuidOf(source, u"web-01"_s));
    ASSERT_TRUE(test::waitUntil([&] { return highlight->check().has_value(); }, 20000));
    ASSERT_TRUE(w->select(x86b));
    EXPECT_EQ(highlight->uuid(), uuidOf(source, u"web-01"_s));
    w->whereCanMoveAction()->setChecked(false);
    EXPECT_FALSE(highlight->isActive());
    EXPECT_TRUE(row(x86b).data(Qt::DecorationRole).isNull());
}

// A real move on the test driver: the dialog ends either with the VM on its new host (and the
// tree selecting it there) or with libvirt's reason, the VM still on its source.
TEST_F(MigrationViewsTest, MigrateRunsAndEndsWithWhereTheVmIs)
{
    auto dialog = openMigrate(u"legacy-win2k8"_s);
    const QString uuid = uuidOf(source, u"legacy-win2k8"_s);
    ASSERT_TRUE(dialog->selectDestination(emptyX86Uri()));
    QSignalSpy migrated(dialog.get(), &MigrateDialog::migrated);
    dialog->migrateButton()->click();
    EXPECT_FALSE(dialog->migrateButton()->isEnabled());
    ASSERT_TRUE(test::waitUntil([&] { return !dialog->isMigrating(); }, 30000));
    const QString status = dialog->statusLabel()->text();
    std::cerr << "status: " << status.toStdString() << std::endl;
    HostSession *dest = app.core->datacenter()->session(emptyX86Uri());
    if (migrated.isEmpty()) {
        EXPECT_TRUE(status.startsWith(u"The migration of “legacy-win2k8” failed: "_s))
            << status.toStdString();
        EXPECT_FALSE(uuidOf(source, u"legacy-win2k8"_s).isEmpty()) << "still on its source";
        EXPECT_TRUE(dialog->migrateButton()->isVisible());
    } else {
        EXPECT_EQ(status, u"“legacy-win2k8” now runs on x86-b (test driver)."_s);
        EXPECT_EQ(dialog->cancelButton()->text(), u"Close"_s);
        EXPECT_TRUE(
            test::waitUntil([&] { return !uuidOf(dest, u"legacy-win2k8"_s).isEmpty(); }, 10000));
        EXPECT_EQ(uuidOf(dest, u"legacy-win2k8"_s), uuid);
    }
    screenshot(dialog.get(), u"mig-dialog-end"_s);
}
