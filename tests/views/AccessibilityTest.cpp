// Every window and dialog, built on the demo datacenter, is usable with a screen reader
// and the keyboard: each interactive widget has an accessible name (its own, its text,
// or its buddy label's, as QAccessible reports it), the dialogs' Tab order follows the
// layout (top to bottom, left to right), and every main-window action has a shortcut.
#include "DesktopFixture.h"
#include "DialogFixture.h"
#include "views/charts/StatsPreferencesDialog.h"
#include "views/connection/AddConnectionDialog.h"
#include "views/connection/CredentialDialog.h"
#include "views/dialogs/ClusterDialog.h"
#include "views/dialogs/NewDiskDialog.h"
#include "views/dialogs/NewVmDialog.h"
#include "views/mainwindow/DeleteVmDialog.h"
#include "views/mainwindow/MainWindow.h"
#include "views/vm/VmWindow.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTextEdit>
#include <QTimer>
#include <QTreeView>

using namespace crossvirt;
using namespace crossvirt::models;
using namespace Qt::StringLiterals;
using test::waitUntil;

namespace {

bool isInteractive(const QWidget *w)
{
    if (qobject_cast<const QScrollBar *>(w) || qobject_cast<const QHeaderView *>(w))
        return false;
    return qobject_cast<const QAbstractButton *>(w) || qobject_cast<const QLineEdit *>(w) ||
           qobject_cast<const QComboBox *>(w) || qobject_cast<const QAbstractSpinBox *>(w) ||
           qobject_cast<const QAbstractSlider *>(w) || qobject_cast<const QAbstractItemView *>(w) ||
           qobject_cast<const QPlainTextEdit *>(w) || qobject_cast<const QTextEdit *>(w);
}

// Parts of a compound widget (a combo's popup and line edit, a spin box's editor, a tab
// bar's scroll arrows, a tool bar's overflow button) are named by the widget they belong to.
bool isPartOfAnother(const QWidget *w)
{
    if (w->inherits("QToolBarExtension"))
        return true;
    for (const QWidget *p = w->parentWidget(); p; p = p->parentWidget()) {
        if (qobject_cast<const QComboBox *>(p) || qobject_cast<const QAbstractSpinBox *>(p) ||
            qobject_cast<const QTabBar *>(p) || qobject_cast<const QMenu *>(p) ||
            qobject_cast<const QLineEdit *>(p) || qobject_cast<const QMenuBar *>(p) ||
            p->inherits("QComboBoxPrivateContainer"))
            return true;
    }
    return false;
}

QString accessibleNameOf(QWidget *w)
{
    if (!w->accessibleName().trimmed().isEmpty())
        return w->accessibleName();
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
    return iface ? iface->text(QAccessible::Name).trimmed() : QString();
}

QString describe(const QWidget *w)
{
    QString d = QString::fromLatin1(w->metaObject()->className());
    if (!w->objectName().isEmpty())
        d += u" \"%1\""_s.arg(w->objectName());
    if (!w->toolTip().isEmpty())
        d += u" tooltip \"%1\""_s.arg(w->toolTip());
    for (const QWidget *p = w->parentWidget(); p; p = p->parentWidget()) {
        d += u" in "_s + QString::fromLatin1(p->metaObject()->className());
        if (!p->objectName().isEmpty())
            d += u" \"%1\""_s.arg(p->objectName());
        if (p->isWindow())
            break;
    }
    return d;
}

/// Interactive widgets under `root` without an accessible name.
QStringList unnamed(QWidget *root)
{
    QStringList missing;
    const auto widgets = root->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!isInteractive(w) || isPartOfAnother(w))
            continue;
        if (accessibleNameOf(w).isEmpty())
            missing << describe(w);
    }
    return missing;
}

/// The widgets Tab reaches in `window`, in Tab order (a cycle), starting from the one
/// at the top left, where a user starts reading.
QList<QWidget *> tabStops(QWidget *window)
{
    QList<QWidget *> stops;
    QWidget *w = window;
    for (int guard = 0; guard < 2000; ++guard) {
        w = w->nextInFocusChain();
        if (w == window)
            break;
        if (w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus) &&
            !isPartOfAnother(w) && w->window() == window && !stops.contains(w))
            stops << w;
    }
    qsizetype first = 0;
    auto key = [window](QWidget *s) {
        const QPoint p = s->mapTo(window, QPoint(0, 0));
        return std::pair(p.y(), p.x());
    };
    for (qsizetype i = 1; i < stops.size(); ++i) {
        if (key(stops[i]) < key(stops[first]))
            first = i;
    }
    std::rotate(stops.begin(), stops.begin() + first, stops.end());
    return stops;
}

/// Tab stops that come before a widget higher up (more than half a row), or to the
/// right of a later one on the same row: the places where Tab jumps back.
QStringList tabOrderJumps(QWidget *window)
{
    QStringList jumps;
    const QList<QWidget *> stops = tabStops(window);
    for (qsizetype i = 1; i < stops.size(); ++i) {
        const QRect a(stops[i - 1]->mapTo(window, QPoint(0, 0)), stops[i - 1]->size());
        const QRect b(stops[i]->mapTo(window, QPoint(0, 0)), stops[i]->size());
        const bool sameRow = b.top() < a.bottom() && a.top() < b.bottom();
        const bool goesUp = !sameRow && b.center().y() < a.center().y();
        // On one row the order runs left to right; a widget spanning rows (a list next
        // to its buttons) may be followed by its buttons to its right.
        const bool goesLeft = sameRow && b.right() < a.left();
        if (goesUp || goesLeft)
            jumps << u"%1 → %2"_s.arg(describe(stops[i - 1]).section(u" in "_s, 0, 0),
                                      describe(stops[i]).section(u" in "_s, 0, 0));
    }
    return jumps;
}

HostSession *sessionOfArch(const Datacenter *dc, const QString &arch)
{
    for (HostSession *s : dc->sessions()) {
        if (s->hostInfo().arch == arch)
            return s;
    }
    return nullptr;
}

void expectNamed(QWidget *root, const char *what)
{
    const QStringList missing = unnamed(root);
    EXPECT_TRUE(missing.isEmpty()) << what << ": interactive widgets without an accessible name:\n"
                                   << missing.join(u"\n"_s).toStdString();
}

void expectTabOrder(QWidget *dialog, const char *what)
{
    dialog->show();
    QApplication::processEvents();
    const QStringList jumps = tabOrderJumps(dialog);
    EXPECT_TRUE(jumps.isEmpty()) << what << ": Tab goes back up or left:\n"
                                 << jumps.join(u"\n"_s).toStdString();
}

} // namespace

class AccessibilityWindowsTest : public ::testing::Test
{
protected:
    void SetUp() override { test::isolateSettings(); }
};

TEST_F(AccessibilityWindowsTest, MainWindowAndVmWindowControlsAreNamed)
{
    test::MainWindowUnderTest app = test::openDemoWindow();
    views::MainWindow *w = app.window.get();
    HostSession *x86 = sessionOfArch(app.core->datacenter(), u"x86_64"_s);
    ASSERT_NE(x86, nullptr);
    ASSERT_TRUE(w->select(x86->uri())); // the host pages
    QApplication::processEvents();
    expectNamed(w, "main window, host selected");
    const DomainSummary vm = x86->domains().value(0);
    ASSERT_TRUE(w->select(x86->uri(), vm.uuid)); // the VM overview
    QApplication::processEvents();
    expectNamed(w, "main window, VM selected");

    // VM windows with a graphical console (x86) and a serial one (s390x).
    HostSession *s390 = sessionOfArch(app.core->datacenter(), u"s390x"_s);
    ASSERT_NE(s390, nullptr);
    for (HostSession *s : {x86, s390}) {
        for (const DomainSummary &d : s->domains()) {
            views::VmWindow *vmWindow = w->openVm(s->uri(), d.uuid);
            ASSERT_NE(vmWindow, nullptr);
            for (int i = 0; i < vmWindow->tabs()->count(); ++i) {
                vmWindow->tabs()->setCurrentIndex(i);
                QApplication::processEvents();
            }
            expectNamed(vmWindow, qPrintable(u"VM window of "_s + d.name));
            vmWindow->close();
        }
    }
}

TEST_F(AccessibilityWindowsTest, EveryMenuActionHasAShortcut)
{
    test::MainWindowUnderTest app = test::openDemoWindow();
    views::MainWindow *w = app.window.get();
    QStringList missing;
    QList<QKeySequence> seen;
    for (QAction *menuAction : w->menuBar()->actions()) {
        QMenu *menu = menuAction->menu();
        ASSERT_NE(menu, nullptr);
        EXPECT_TRUE(menuAction->text().contains(u'&')) << "menus open with Alt+letter";
        for (QAction *a : menu->actions()) {
            if (a->isSeparator() || a->menu())
                continue;
            if (a->shortcut().isEmpty())
                missing << a->text();
            else {
                EXPECT_FALSE(seen.contains(a->shortcut()))
                    << a->shortcut().toString().toStdString() << " is used twice";
                seen << a->shortcut();
            }
        }
    }
    EXPECT_TRUE(missing.isEmpty())
        << "actions without a shortcut: " << missing.join(u", "_s).toStdString();
    EXPECT_EQ(w->newVmAction()->shortcut(), QKeySequence(u"Ctrl+N"_s));
    EXPECT_EQ(w->deleteAction()->shortcut(), QKeySequence(QKeySequence::Delete));

    // A VM window closes with Ctrl+W, as in virt-manager.
    HostSession *x86 = sessionOfArch(app.core->datacenter(), u"x86_64"_s);
    ASSERT_NE(x86, nullptr);
    QPointer<views::VmWindow> vm = w->openVm(x86->uri(), x86->domains().value(0).uuid);
    ASSERT_FALSE(vm.isNull());
    bool closes = false;
    for (QAction *a : vm->actions()) {
        if (a->shortcut() == QKeySequence(QKeySequence::Close)) {
            a->trigger();
            closes = true;
        }
    }
    EXPECT_TRUE(closes);
    QApplication::processEvents();
    EXPECT_TRUE(vm.isNull() || !vm->isVisible());

    // The tree takes the keyboard: Tab from the filter reaches it, Return opens a VM.
    const QList<QWidget *> stops = tabStops(w);
    EXPECT_TRUE(stops.contains(w->filterEdit()));
    EXPECT_TRUE(stops.contains(w->tree()));
}

class AccessibilityDialogsTest : public test::DialogTest
{
protected:
    void SetUp() override
    {
        test::isolateSettings();
        test::DialogTest::SetUp();
    }
};

TEST_F(AccessibilityDialogsTest, NewVmWizardPagesAreNamedAndTabInOrder)
{
    views::NewVmDialog d(&datacenter, &clusters);
    ASSERT_TRUE(d.selectHost(demoUri(u"x86_64"_s)));
    ASSERT_TRUE(waitUntil([&] { return d.isReady(); }, 10000));
    d.show();
    QApplication::processEvents();
    for (int guard = 0; guard < 20; ++guard) {
        const QByteArray page = "New VM wizard page " + QByteArray::number(d.currentId());
        expectTabOrder(&d, page.constData());
        if (d.currentId() == views::NewVmDialog::SummaryPage)
            break;
        d.next();
        QApplication::processEvents();
    }
    expectNamed(&d, "New VM wizard");
}

TEST_F(AccessibilityDialogsTest, ConnectionClusterDiskDeleteAndPreferencesDialogs)
{
    views::AddConnectionDialog add;
    expectNamed(&add, "Add Connection");
    expectTabOrder(&add, "Add Connection");

    views::ClusterDialog cluster(&datacenter, &clusters);
    expectNamed(&cluster, "Cluster");
    expectTabOrder(&cluster, "Cluster");

    HostSession *power = session(u"ppc64le"_s);
    views::NewDiskDialog disk(power, power->domains().value(0));
    ASSERT_TRUE(waitUntil([&] { return disk.isReady(); }, 10000));
    expectNamed(&disk, "New Disk");
    expectTabOrder(&disk, "New Disk");

    DomainVolume volume;
    volume.path = u"/var/lib/libvirt/images/web.qcow2"_s;
    volume.target = u"vda"_s;
    volume.device = u"disk"_s;
    volume.managed = true;
    DomainVolume cdrom = volume;
    cdrom.path = u"/var/lib/libvirt/images/install.iso"_s;
    cdrom.target = u"sda"_s;
    cdrom.device = u"cdrom"_s;
    views::DeleteVmDialog del(u"web"_s, true, {volume, cdrom});
    expectNamed(&del, "Delete");
    expectTabOrder(&del, "Delete");

    views::StatsPreferencesDialog prefs(StatsSettings::load());
    expectNamed(&prefs, "Preferences");
    expectTabOrder(&prefs, "Preferences");
}

TEST_F(AccessibilityDialogsTest, CredentialDialogFieldsAreNamed)
{
    QWidget parent;
    views::CredentialDialogProvider provider(&parent);
    CredentialRequest user;
    user.kind = CredentialRequest::Kind::UserName;
    CredentialRequest password;
    password.kind = CredentialRequest::Kind::Password;
    bool checked = false;
    QTimer::singleShot(0, [&] {
        ASSERT_TRUE(waitUntil([] { return QApplication::activeModalWidget() != nullptr; }, 5000));
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr);
        expectNamed(dialog, "Credentials");
        expectTabOrder(dialog, "Credentials");
        checked = true;
        dialog->reject();
    });
    EXPECT_FALSE(provider.provide(u"qemu+tcp://kvm1/system"_s, {user, password}).has_value());
    EXPECT_TRUE(checked);
}
