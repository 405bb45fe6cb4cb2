// Templates and VM pools in the GUI (issue 14, templateviews) on three test-driver hosts
// (tests/views/data/templates-host-{a,b,p}.xml): the New VM wizard's "From a template" path
// withholds a template of another arch with the reason, offers overlays only on the
// template's host and really deploys a VM; the New VM Pool dialog previews and checks the
// name pattern, places members over two hosts with the ppc64le host withheld, creates a
// 3-VM pool and reports a failed member without stopping the others; Delete VM Pool and
// Delete Template. Screenshots go to $CROSSVIRT_SHOTS_DIR (else screenshots/ next to the
// test).
#include "MainWindowFixture.h"
#include "common/TestSupport.h"
#include "models/cluster/ClusterList.h"
#include "models/connection/Datacenter.h"
#include "models/connection/HostSession.h"
#include "models/connection/WorkerJobs.h"
#include "models/inventory/InventoryModel.h"
#include "views/dialogs/NewVmDialog.h"
#include "views/dialogs/newvm/NewVmFromTemplate.h"
#include "views/dialogs/newvm/VmTemplatePage.h"
#include "views/mainwindow/ActionController.h"
#include "views/mainwindow/MainWindow.h"
#include "views/pools/DeleteTemplateDialog.h"
#include "views/pools/DeleteVmPoolDialog.h"
#include "views/pools/NewVmPoolDialog.h"
#include "views/vm/OverviewPage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QTreeWidget>
#include <gtest/gtest.h>
#include <libvirt/libvirt.h>

using namespace crossvirt;
using namespace Qt::StringLiterals;
using test::waitUntil;
using views::NewVmDialog;
using views::NewVmPoolDialog;

namespace {

QString hostUri(const QString &letter)
{
    return u"test://"_s + test::sourcePath(u"tests/views/data/templates-host-%1.xml"_s.arg(letter));
}

void screenshot(QWidget *widget, const QString &name)
{
    QString dir = qEnvironmentVariable("CROSSVIRT_SHOTS_DIR");
    if (dir.isEmpty())
        dir = QCoreApplication::applicationDirPath() + u"/screenshots"_s;
    QDir().mkpath(dir);
    widget->show();
    // Nested layouts with word-wrapped notes settle over a few passes of the event loop.
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
    EXPECT_TRUE(widget->grab().save(dir + u'/' + name + u".png"_s)) << qPrintable(name);
}

std::optional<models::DomainSummary> domainNamed(const models::HostSession *s, const QString &name)
{
    for (const models::DomainSummary &d : s->domains()) {
        if (d.name == name)
            return d;
    }
    return std::nullopt;
}

QTreeWidgetItem *templateItem(QTreeWidget *tree, const QString &name)
{
    for (QTreeWidgetItemIterator it(tree); *it; ++it) {
        if ((*it)->text(0) == name)
            return *it;
    }
    return nullptr;
}

QStringList column(const QTableWidget *table, int c)
{
    QStringList values;
    for (int r = 0; r < table->rowCount(); ++r)
        values << (table->item(r, c) ? table->item(r, c)->text() : QString());
    return values;
}

} // namespace

class TemplateViewsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        datacenter.useTransient({hostUri(u"a"_s), hostUri(u"b"_s), hostUri(u"p"_s)});
        ASSERT_TRUE(waitUntil(
            [&] {
                for (const models::HostSession *s : datacenter.sessions()) {
                    if (s->state() != models::ConnectionState::Connected || s->domains().isEmpty())
                        return false;
                }
                return true;
            },
            10000));
        a = datacenter.session(hostUri(u"a"_s));
        b = datacenter.session(hostUri(u"b"_s));
        p = datacenter.session(hostUri(u"p"_s));
        models::Cluster x86;
        x86.id = u"c-x86"_s;
        x86.name = u"web"_s;
        x86.arch = u"x86_64"_s;
        x86.hostUris = {a->uri(), b->uri(), p->uri()};
        clusters.setCluster(x86);
        models::Cluster power;
        power.id = u"c-power"_s;
        power.name = u"power"_s;
        power.arch = u"ppc64le"_s;
        clusters.setCluster(power);
    }

    /// The wizard on its template path, the template list read.
    std::unique_ptr<NewVmDialog> templateWizard(const QString &clusterId, const QString &host)
    {
        auto d = std::make_unique<NewVmDialog>(&datacenter, &clusters);
        if (!clusterId.isEmpty())
            EXPECT_TRUE(d->selectCluster(clusterId));
        else
            EXPECT_TRUE(d->selectHost(host));
        d->setFromTemplate(true);
        d->show();
        EXPECT_TRUE(waitUntil([&] { return d->fromTemplate()->templatesLoaded(); }, 10000));
        return d;
    }

    static bool waitForPlan(NewVmDialog &d)
    {
        return waitUntil([&] { return d.fromTemplate()->plan().has_value(); }, 10000);
    }

    models::Datacenter datacenter{
        models::ConnectionStore(test::makeTempDir() + u"/connections.json"_s)};
    models::ClusterList clusters{models::ClusterStore(test::makeTempDir() + u"/clusters.json"_s)};
    models::HostSession *a = nullptr, *b = nullptr, *p = nullptr;
};

// ---- the New VM wizard, from a template --------------------------------------------------------

TEST_F(TemplateViewsTest, WizardWithholdsATemplateOfAnotherArchWithTheReason)
{
    auto d = templateWizard(u"c-x86"_s, {});
    QTreeWidget *tree = d->findChild<QTreeWidget *>();
    ASSERT_TRUE(tree);
    QTreeWidgetItem *web = templateItem(tree, u"tpl-web"_s);
    QTreeWidgetItem *power = templateItem(tree, u"tpl-power"_s);
    ASSERT_TRUE(web && power);
    EXPECT_TRUE(web->flags() & Qt::ItemIsEnabled);
    EXPECT_FALSE(power->flags() & Qt::ItemIsEnabled) << "a ppc64le template on an x86_64 cluster";
    EXPECT_TRUE(power->text(2).contains(u"for ppc64le guests; this cluster runs x86_64 guests"_s))
        << power->text(2).toStdString();
    EXPECT_FALSE(d->fromTemplate()->selectTemplate(a->uri(), u"tpl-power"_s));
    EXPECT_FALSE(d->button(QWizard::NextButton)->isEnabled()) << "no template picked yet";
    ASSERT_TRUE(d->fromTemplate()->selectTemplate(a->uri(), u"tpl-web"_s));
    EXPECT_TRUE(d->button(QWizard::NextButton)->isEnabled());
    screenshot(d.get(), u"wizard-template-page"_s);

    // The same ppc64le template is offered on the ppc64le cluster's arch... which has no
    // host here, and on a host that can run it (the ppc64le host).
    ASSERT_TRUE(d->selectHost(p->uri()));
    EXPECT_TRUE(d->fromTemplate()->selectTemplate(a->uri(), u"tpl-power"_s))
        << "host p runs ppc64le guests";
}

TEST_F(TemplateViewsTest, WizardOffersOverlaysOnlyOnTheTemplatesHost)
{
    auto d = templateWizard(u"c-x86"_s, {});
    ASSERT_TRUE(d->fromTemplate()->selectTemplate(a->uri(), u"tpl-web"_s));
    d->next();
    ASSERT_EQ(d->currentId(), NewVmDialog::TemplatePage);
    views::VmTemplatePage *page = d->templatePage();
    QComboBox *host = page->host();
    ASSERT_TRUE(waitUntil([&] { return host->count() >= 2; }, 10000));
    QStringList hosts;
    for (int i = 0; i < host->count(); ++i)
        hosts << host->itemData(i).toString();
    EXPECT_TRUE(hosts.contains(a->uri()) && hosts.contains(b->uri()));
    EXPECT_FALSE(hosts.contains(p->uri())) << "the ppc64le host is not offered for x86_64";
    EXPECT_TRUE(page->hostNote()->text().contains(u"Not offered"_s));
    EXPECT_EQ(host->currentData().toString(), a->uri()) << "the template's host first";
    EXPECT_TRUE(page->overlay()->isEnabled());
    EXPECT_TRUE(page->overlay()->isChecked());

    page->name()->setText(u"web-07"_s);
    host->setCurrentIndex(host->findData(b->uri()));
    screenshot(d.get(), u"wizard-template-host-page"_s);
    EXPECT_FALSE(page->overlay()->isEnabled());
    EXPECT_TRUE(page->copy()->isChecked());
    EXPECT_TRUE(page->diskNote()->text().contains(u"withheld"_s))
        << page->diskNote()->text().toStdString();
}

TEST_F(TemplateViewsTest, WizardCreatesAVmFromATemplateAsAnOverlay)
{
    auto d = templateWizard({}, hostUri(u"a"_s));
    ASSERT_TRUE(d->fromTemplate()->selectTemplate(a->uri(), u"tpl-web"_s));
    d->next();
    views::VmTemplatePage *page = d->templatePage();
    EXPECT_FALSE(d->button(QWizard::NextButton)->isEnabled()) << "no name yet";
    page->name()->setText(u"web-base"_s); // taken: the plan refuses it
    page->start()->setChecked(false);
    d->next();
    ASSERT_EQ(d->currentId(), NewVmDialog::TemplateSummaryPage);
    ASSERT_TRUE(waitForPlan(*d));
    ASSERT_FALSE(d->fromTemplate()->plan()->ok());
    EXPECT_FALSE(d->button(QWizard::FinishButton)->isEnabled());
    EXPECT_TRUE(d->templateSummaryPage()->details()->toPlainText().contains(u"web-base"_s));
    screenshot(d.get(), u"wizard-template-summary-problem"_s);

    d->back();
    page->name()->setText(u"web-new"_s);
    d->next();
    ASSERT_TRUE(waitForPlan(*d));
    ASSERT_TRUE(d->fromTemplate()->plan()->ok())
        << d->fromTemplate()->plan()->problems.join(u'\n').toStdString();
    EXPECT_TRUE(d->button(QWizard::FinishButton)->isEnabled());
    const QString details = d->templateSummaryPage()->details()->toPlainText();
    EXPECT_TRUE(details.contains(u"overlay"_s)) << details.toStdString();
    EXPECT_TRUE(details.contains(u"<name>web-new</name>"_s));
    screenshot(d.get(), u"wizard-template-summary"_s);

    QString createdUuid;
    QObject::connect(d.get(), &NewVmDialog::vmCreated, d.get(),
                     [&](models::HostSession *s, const models::CreatedVm &vm, bool) {
                         EXPECT_EQ(s, a);
                         createdUuid = vm.uuid;
                     });
    d->button(QWizard::FinishButton)->click();
    ASSERT_TRUE(waitUntil([&] { return !createdUuid.isEmpty(); }, 20000))
        << d->templateSummaryPage()->deployError()->text().toStdString();
    EXPECT_FALSE(d->isVisible()) << "the wizard closes once the VM is made";
    ASSERT_TRUE(waitUntil([&] { return domainNamed(a, u"web-new"_s).has_value(); }, 10000));
    EXPECT_EQ(domainNamed(a, u"web-new"_s)->fromTemplate, u"tpl-web"_s);
}

// ---- New VM Pool ------------------------------------------------------------------------------

class NewVmPoolDialogTest : public TemplateViewsTest
{
protected:
    std::unique_ptr<NewVmPoolDialog> poolDialog(const QString &target)
    {
        auto d = std::make_unique<NewVmPoolDialog>(&datacenter, &clusters);
        d->show();
        EXPECT_TRUE(waitUntil([&] { return d->templatesLoaded(); }, 10000));
        EXPECT_TRUE(d->selectTemplate(a->uri(), u"tpl-web"_s));
        EXPECT_TRUE(d->selectTarget(target));
        EXPECT_TRUE(waitUntil([&] { return d->isPlanned(); }, 10000));
        return d;
    }
};

TEST_F(NewVmPoolDialogTest, PatternPreviewAndErrors)
{
    auto d = poolDialog(hostUri(u"a"_s));
    d->poolNameEdit()->setText(u"web"_s);
    d->patternEdit()->setText(u"web-%02d"_s);
    d->countSpin()->setValue(20);
    EXPECT_EQ(d->previewLabel()->text(), u"web-01 … web-20"_s);
    EXPECT_TRUE(d->patternError()->isHidden());

    d->patternEdit()->setText(u"web"_s);
    EXPECT_FALSE(d->patternError()->isHidden()) << "no number in the pattern";
    EXPECT_FALSE(d->patternError()->text().isEmpty());
    EXPECT_FALSE(d->createButton()->isEnabled());

    d->patternEdit()->setText(u"web-%d-%d"_s);
    EXPECT_FALSE(d->patternError()->isHidden()) << "two numbers in the pattern";
    EXPECT_FALSE(d->createButton()->isEnabled());
    d->patternEdit()->setText(u"web-%s"_s);
    EXPECT_FALSE(d->patternError()->isHidden()) << "not a number conversion";

    d->patternEdit()->setText(u"web-%02d"_s);
    d->countSpin()->setValue(3);
    EXPECT_EQ(d->previewLabel()->text(), u"web-01, web-02, web-03"_s);
    ASSERT_TRUE(d->plan().has_value());
    EXPECT_TRUE(d->plan()->ok()) << d->plan()->problems.join(u'\n').toStdString();
    EXPECT_TRUE(d->createButton()->isEnabled());

    d->poolNameEdit()->setText(u"old"_s); // already used by old-01..03
    EXPECT_FALSE(d->createButton()->isEnabled());
    EXPECT_FALSE(d->problemsLabel()->isHidden());
}

TEST_F(NewVmPoolDialogTest, PlacesMembersOverTwoHostsAndWithholdsThePowerHost)
{
    auto d = poolDialog(u"c-x86"_s);
    // The ppc64le cluster is withheld for an x86_64 template, with the reason.
    auto *targets = qobject_cast<QStandardItemModel *>(d->targetCombo()->model());
    const int power = d->targetCombo()->findData(QStringList{u"c-power"_s, {}});
    ASSERT_GE(power, 0);
    EXPECT_FALSE(targets->item(power)->isEnabled());
    EXPECT_TRUE(d->targetNote()->text().contains(u"runs ppc64le guests"_s))
        << d->targetNote()->text().toStdString();

    d->poolNameEdit()->setText(u"web"_s);
    d->patternEdit()->setText(u"web-%02d"_s);
    d->countSpin()->setValue(4);
    ASSERT_TRUE(d->plan().has_value());
    ASSERT_TRUE(d->plan()->ok()) << d->plan()->problems.join(u'\n').toStdString();
    QTableWidget *table = d->placementTable();
    ASSERT_EQ(table->rowCount(), 4);
    EXPECT_EQ(column(table, 0), (QStringList{u"web-01"_s, u"web-02"_s, u"web-03"_s, u"web-04"_s}));
    const QStringList hosts = column(table, 1);
    EXPECT_TRUE(hosts.contains(datacenter.displayName(a->uri())));
    EXPECT_TRUE(hosts.contains(datacenter.displayName(b->uri())));
    EXPECT_FALSE(hosts.contains(datacenter.displayName(p->uri())));
    EXPECT_TRUE(d->withheldLabel()->text().contains(datacenter.displayName(p->uri())))
        << d->withheldLabel()->text().toStdString();
    screenshot(d.get(), u"pool-placement"_s);

    // Members on the template's host get overlays; the others full copies, which the test
    // driver cannot stream (no virStorageVolDownload): those fail, the others are made.
    d->createButton()->click();
    ASSERT_TRUE(waitUntil([&] { return d->isFinished(); }, 60000));
    EXPECT_EQ(d->progressBar()->value(), 4);
    const QStringList status = column(table, 4);
    ASSERT_EQ(d->results().size(), 4);
    for (int row = 0; row < 4; ++row) {
        const models::VmPoolMemberResult &r = d->results()[row];
        if (r.hostUri == a->uri()) {
            EXPECT_TRUE(r.ok) << r.message.toStdString();
            EXPECT_EQ(status[row], u"Done"_s);
        } else {
            EXPECT_FALSE(r.ok);
            EXPECT_TRUE(status[row].startsWith(u"Failed: "_s)) << status[row].toStdString();
        }
    }
    EXPECT_TRUE(d->statusLabel()->text().contains(u"failed"_s))
        << d->statusLabel()->text().toStdString();
    screenshot(d.get(), u"pool-progress-failed-member"_s);
}

TEST_F(NewVmPoolDialogTest, CreatesAThreeVmPool)
{
    auto d = poolDialog(hostUri(u"a"_s));
    d->poolNameEdit()->setText(u"app"_s);
    d->patternEdit()->setText(u"app-%d"_s);
    d->countSpin()->setValue(3);
    ASSERT_TRUE(d->createButton()->isEnabled()) << d->problemsLabel()->text().toStdString();
    d->createButton()->click();
    ASSERT_TRUE(waitUntil([&] { return d->isFinished(); }, 60000));
    ASSERT_EQ(d->results().size(), 3);
    for (const models::VmPoolMemberResult &r : d->results())
        EXPECT_TRUE(r.ok) << r.name.toStdString() << ": " << r.message.toStdString();
    EXPECT_EQ(column(d->placementTable(), 4), (QStringList{u"Done"_s, u"Done"_s, u"Done"_s}));
    ASSERT_TRUE(waitUntil([&] { return domainNamed(a, u"app-3"_s).has_value(); }, 10000));
    EXPECT_EQ(domainNamed(a, u"app-1"_s)->vmPool, u"app"_s);
    screenshot(d.get(), u"pool-created"_s);
}

// ---- Delete VM Pool, Delete Template ------------------------------------------------------------

TEST_F(TemplateViewsTest, DeletesAPoolOnEveryHostItHasVmsOn)
{
    views::DeleteVmPoolDialog d(&datacenter);
    d.show();
    ASSERT_TRUE(d.selectPool(u"old"_s));
    EXPECT_EQ(d.table()->rowCount(), 3);
    EXPECT_TRUE(d.hostsLabel()->text().contains(datacenter.displayName(b->uri())));
    EXPECT_FALSE(d.deleteButton()->isEnabled()) << "not before the confirmation";
    d.confirmCheck()->setChecked(true);
    EXPECT_TRUE(d.deleteButton()->isEnabled());
    screenshot(&d, u"delete-pool"_s);
    d.deleteButton()->click();
    ASSERT_TRUE(waitUntil([&] { return d.isFinished(); }, 20000));
    const QStringList results = column(d.table(), 1);
    for (const QString &r : results)
        EXPECT_TRUE(r.startsWith(u"Deleted"_s)) << r.toStdString();
    ASSERT_TRUE(waitUntil(
        [&] { return !domainNamed(a, u"old-01"_s) && !domainNamed(b, u"old-03"_s); }, 10000));
    EXPECT_TRUE(domainNamed(a, u"web-base"_s).has_value()) << "VMs of no pool stay";
    screenshot(&d, u"delete-pool-done"_s);
}

TEST_F(TemplateViewsTest, DeleteTemplateShowsTheRefusalThenDeletes)
{
    // A VM on an overlay of tpl-web keeps the template.
    auto w = templateWizard({}, hostUri(u"a"_s));
    ASSERT_TRUE(w->fromTemplate()->selectTemplate(a->uri(), u"tpl-web"_s));
    w->next();
    w->templatePage()->name()->setText(u"web-child"_s);
    w->templatePage()->start()->setChecked(false);
    w->next();
    ASSERT_TRUE(waitForPlan(*w));
    ASSERT_TRUE(w->fromTemplate()->plan()->ok());
    bool created = false;
    QObject::connect(w.get(), &NewVmDialog::vmCreated, w.get(), [&] { created = true; });
    w->button(QWizard::FinishButton)->click();
    ASSERT_TRUE(waitUntil([&] { return created; }, 20000));

    const QString uuid = domainNamed(a, u"tpl-web"_s)->uuid;
    views::DeleteTemplateDialog d(a, uuid, u"tpl-web"_s, datacenter.displayName(a->uri()));
    d.show();
    d.withVolumesCheck()->setChecked(true);
    d.deleteButton()->click();
    ASSERT_TRUE(waitUntil([&] { return !d.isRunning(); }, 10000));
    EXPECT_TRUE(d.isVisible()) << "refused: the dialog stays with the reason";
    EXPECT_TRUE(d.errorLabel()->text().contains(u"web-child"_s))
        << d.errorLabel()->text().toStdString();
    screenshot(&d, u"delete-template-refused"_s);
    EXPECT_TRUE(domainNamed(a, u"tpl-web"_s).has_value());

    // The ppc64le template has no VM: it goes.
    const QString power = domainNamed(a, u"tpl-power"_s)->uuid;
    views::DeleteTemplateDialog d2(a, power, u"tpl-power"_s, datacenter.displayName(a->uri()));
    screenshot(&d2, u"delete-template"_s);
    bool deleted = false;
    QObject::connect(&d2, &views::DeleteTemplateDialog::templateDeleted, &d2,
                     [&] { deleted = true; });
    d2.deleteButton()->click();
    ASSERT_TRUE(waitUntil([&] { return deleted; }, 10000)) << d2.errorLabel()->text().toStdString();
    ASSERT_TRUE(waitUntil([&] { return !domainNamed(a, u"tpl-power"_s); }, 10000));
}

// The VM overview names the template and the pool of a VM.
TEST_F(TemplateViewsTest, OverviewShowsTemplateAndPoolLines)
{
    views::OverviewPage page;
    models::DomainDetails details;
    details.summary = *domainNamed(a, u"old-01"_s);
    details.summary.fromTemplate = u"tpl-web"_s;
    page.showDetails(details, u"x86_64"_s);
    EXPECT_EQ(page.fromTemplateText(), u"template tpl-web"_s);
    EXPECT_EQ(page.vmPoolText(), u"old"_s);
    details.summary = *domainNamed(a, u"web-base"_s);
    page.showDetails(details, u"x86_64"_s);
    EXPECT_TRUE(page.fromTemplateText().isEmpty());
    EXPECT_TRUE(page.vmPoolText().isEmpty());
}

// ---- the main window's Pools menu ----------------------------------------------------------

TEST(TemplateMainWindowTest, PoolsMenuActionsFollowTheSelection)
{
    const QString uri = hostUri(u"a"_s);
    test::MainWindowUnderTest app = test::openMainWindow({uri});
    QString error;
    models::HostSession *a = test::connectedSession(app, uri, &error);
    ASSERT_TRUE(a) << error.toStdString();
    ASSERT_TRUE(waitUntil([&] { return domainNamed(a, u"tpl-web"_s).has_value(); }, 10000));
    views::MainWindow *w = app.window.get();

    QMenu *pools = nullptr;
    for (QAction *m : w->menuBar()->actions()) {
        if (m->menu() && m->text() == u"&Pools"_s)
            pools = m->menu();
    }
    ASSERT_TRUE(pools);
    for (QAction *a2 : {w->newVmFromTemplateAction(), w->newVmPoolAction(), w->deleteVmPoolAction(),
                        w->deleteTemplateAction()})
        EXPECT_TRUE(pools->actions().contains(a2)) << a2->text().toStdString();

    ASSERT_TRUE(w->select(uri, domainNamed(a, u"tpl-web"_s)->uuid));
    EXPECT_TRUE(w->deleteTemplateAction()->isEnabled()) << "a template is selected";
    ASSERT_TRUE(w->select(uri, domainNamed(a, u"web-base"_s)->uuid));
    EXPECT_FALSE(w->deleteTemplateAction()->isEnabled()) << "a VM is no template";

    w->newVmPoolAction()->trigger();
    auto *poolDialog = w->findChild<NewVmPoolDialog *>();
    ASSERT_TRUE(poolDialog);
    EXPECT_TRUE(waitUntil([&] { return poolDialog->templatesLoaded(); }, 10000));
    poolDialog->close();

    w->newVmFromTemplateAction()->trigger();
    auto *wizard = w->findChild<NewVmDialog *>();
    ASSERT_TRUE(wizard);
    EXPECT_TRUE(wizard->fromTemplate()->isActive()) << "the wizard opens on its template path";
    ASSERT_TRUE(waitUntil([&] { return wizard->fromTemplate()->templatesLoaded(); }, 10000));
    ASSERT_TRUE(wizard->fromTemplate()->selectTemplate(uri, u"tpl-web"_s));
    wizard->next();
    wizard->templatePage()->name()->setText(u"web-picked"_s);
    wizard->templatePage()->start()->setChecked(false);
    wizard->next();
    ASSERT_TRUE(waitUntil(
        [&] { return wizard->fromTemplate()->plan() && wizard->fromTemplate()->plan()->ok(); },
        10000));
    wizard->button(QWizard::FinishButton)->click();
    // The new VM is selected in the tree once the host reports it.
    EXPECT_TRUE(waitUntil(
        [&] {
            const auto made = domainNamed(a, u"web-picked"_s);
            return made && w->selectedVms().size() == 1 &&
                   w->selectedVms().constFirst().uuid == made->uuid;
        },
        20000))
        << "the VM made from the template is selected";
}
