#include "DialogFixture.h"

#include "common/TestSupport.h"
#include "views/dialogs/ChoiceCombo.h"
#include "views/dialogs/ClusterDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>

using namespace crossvirt;
using namespace Qt::StringLiterals;
using views::ClusterDialog;

namespace {

QTreeWidgetItem *hostItem(const ClusterDialog &dialog, const QString &hostArch)
{
    QTreeWidget *list = dialog.hostList();
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        if (list->topLevelItem(i)->text(ClusterDialog::HostArchColumn) == hostArch)
            return list->topLevelItem(i);
    }
    return nullptr;
}

bool selectArch(ClusterDialog &dialog, const QString &arch)
{
    const int i = dialog.archCombo()->findData(arch);
    dialog.archCombo()->setCurrentIndex(i);
    return i >= 0;
}

} // namespace

class ClusterDialogTest : public test::DialogTest
{
};

TEST_F(ClusterDialogTest, CpuListFollowsTheArch)
{
    ClusterDialog dialog(&datacenter, &clusters);
    ASSERT_TRUE(selectArch(dialog, u"ppc64le"_s));
    const QStringList power = dialog.cpuCombo()->offeredIds();
    EXPECT_TRUE(power.contains(u"POWER9"_s)) << power.join(u',').toStdString();
    EXPECT_FALSE(power.contains(u"Nehalem"_s));

    ASSERT_TRUE(selectArch(dialog, u"x86_64"_s));
    const QStringList intel = dialog.cpuCombo()->offeredIds();
    EXPECT_TRUE(intel.contains(u"Nehalem"_s)) << intel.join(u',').toStdString();
    EXPECT_FALSE(intel.contains(u"POWER9"_s));

    ASSERT_TRUE(selectArch(dialog, u"s390x"_s));
    EXPECT_FALSE(dialog.cpuCombo()->offeredIds().contains(u"Nehalem"_s));
    EXPECT_NE(dialog.cpuCombo()->offeredIds(), intel);
}

TEST_F(ClusterDialogTest, OffersNativeHostsAndEmulatingOnesOnlyWhenAllowed)
{
    ClusterDialog dialog(&datacenter, &clusters);
    ASSERT_TRUE(selectArch(dialog, u"ppc64le"_s));
    QTreeWidgetItem *power = hostItem(dialog, u"ppc64le"_s);
    QTreeWidgetItem *x86 = hostItem(dialog, u"x86_64"_s);
    ASSERT_TRUE(power && x86);
    EXPECT_TRUE(power->flags() & Qt::ItemIsEnabled);
    EXPECT_FALSE(x86->flags() & Qt::ItemIsEnabled) << "x86_64 can only emulate ppc64le";
    EXPECT_TRUE(x86->text(ClusterDialog::HostRunsColumn).startsWith(u"Emulation only"_s));

    dialog.emulationCheck()->setChecked(true);
    x86 = hostItem(dialog, u"x86_64"_s);
    EXPECT_TRUE(x86->flags() & Qt::ItemIsEnabled);
    EXPECT_TRUE(x86->text(ClusterDialog::HostRunsColumn).startsWith(u"Emulating ppc64le"_s));
    EXPECT_TRUE(hostItem(dialog, u"ppc64le"_s)
                    ->text(ClusterDialog::HostRunsColumn)
                    .contains(u"Natively"_s));
}

TEST_F(ClusterDialogTest, ArchLocksOnceTheClusterHasHosts)
{
    ClusterDialog dialog(&datacenter, &clusters);
    ASSERT_TRUE(selectArch(dialog, u"ppc64le"_s));
    EXPECT_TRUE(dialog.archCombo()->isEnabled());
    hostItem(dialog, u"ppc64le"_s)->setCheckState(ClusterDialog::HostNameColumn, Qt::Checked);
    EXPECT_FALSE(dialog.archCombo()->isEnabled());
    dialog.show();
    EXPECT_TRUE(dialog.archNote()->isVisible());
    EXPECT_FALSE(dialog.archNote()->text().isEmpty());

    dialog.nameEdit()->setText(u"power9-lab"_s);
    ASSERT_TRUE(dialog.okButton()->isEnabled());
    const models::Cluster c = dialog.cluster();
    EXPECT_EQ(c.arch, u"ppc64le"_s);
    EXPECT_EQ(c.hostUris, QStringList{demoUri(u"ppc64le"_s)});
    EXPECT_FALSE(c.cpuType.isEmpty());
    screenshot(&dialog, u"cluster-dialog-ppc64le"_s);

    // Editing a cluster with hosts: the arch is locked from the start.
    clusters.setCluster(c);
    ClusterDialog edit(&datacenter, &clusters, clusters.clusters().constFirst());
    EXPECT_FALSE(edit.archCombo()->isEnabled());
    EXPECT_EQ(edit.archCombo()->currentData().toString(), u"ppc64le"_s);
}

TEST_F(ClusterDialogTest, BadNamesAreExplainedAndBlockOk)
{
    clusters.setCluster(models::Cluster{{}, u"Power"_s, {}, u"ppc64le"_s, u"POWER9"_s, false, {}});
    ClusterDialog dialog(&datacenter, &clusters);
    dialog.show();
    EXPECT_FALSE(dialog.okButton()->isEnabled()) << "no name yet";
    for (const QString &bad : {u"power"_s, u"a/b"_s, QString(60, u'x')}) {
        dialog.nameEdit()->setText(bad);
        EXPECT_FALSE(dialog.okButton()->isEnabled()) << bad.toStdString();
        EXPECT_TRUE(dialog.nameError()->isVisible()) << bad.toStdString();
        EXPECT_FALSE(dialog.nameError()->text().isEmpty());
    }
    dialog.nameEdit()->setText(u"Power 2"_s);
    EXPECT_TRUE(dialog.okButton()->isEnabled());
    EXPECT_FALSE(dialog.nameError()->isVisible());
}

TEST_F(ClusterDialogTest, HostInAnotherClusterIsShownWithItsCluster)
{
    clusters.setCluster(models::Cluster{
        {}, u"Power"_s, {}, u"ppc64le"_s, u"POWER9"_s, false, {demoUri(u"ppc64le"_s)}});
    ClusterDialog dialog(&datacenter, &clusters);
    ASSERT_TRUE(selectArch(dialog, u"ppc64le"_s));
    QTreeWidgetItem *power = hostItem(dialog, u"ppc64le"_s);
    ASSERT_TRUE(power);
    EXPECT_FALSE(power->flags() & Qt::ItemIsEnabled);
    EXPECT_EQ(power->text(ClusterDialog::HostRunsColumn), u"In cluster Power"_s);
}
