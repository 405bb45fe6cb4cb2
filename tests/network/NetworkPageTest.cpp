// The host's Networks tab, the New Network dialog and the NIC addresses of the VM overview,
// offscreen on the test-driver host of network-host.xml; screenshots under
// <this test's folder>/screenshots/.
#include "network/NetworkHost.h"

#include "models/connection/HostSession.h"
#include "models/network/DhcpLeaseModel.h"
#include "models/network/NetworkListModel.h"
#include "views/network/NetworksPage.h"
#include "views/network/NewNetworkDialog.h"
#include "views/vm/OverviewPage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <gtest/gtest.h>

using namespace crossvirt;
using namespace crossvirt::test::networkhost;
using namespace Qt::StringLiterals;
using crossvirt::test::waitUntil;

namespace {

void screenshot(QWidget *w, const QString &name)
{
    const QString dir = QCoreApplication::applicationDirPath() + u"/screenshots"_s;
    QDir().mkpath(dir);
    w->grab().save(dir + u'/' + name + u".png"_s);
}

class NetworkPageTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        session.open();
        ASSERT_TRUE(waitUntil([&] { return session.domains().size() == 2; }));
        page.resize(900, 560);
        page.setDialogRunner([this](QDialog *d) {
            dialog = qobject_cast<views::NewNetworkDialog *>(d);
            d->resize(560, d->sizeHint().height());
            d->show();
        });
        page.setConfirm([this](const QString &question) {
            asked = question;
            return true;
        });
        page.setSession(&session);
        page.show();
        ASSERT_TRUE(
            waitUntil([&] { return page.model()->rowCount() == 2 && page.pending() == 0; }));
    }

    models::HostSession session{hostUri()};
    views::NetworksPage page;
    QPointer<views::NewNetworkDialog> dialog;
    QString asked;
};

} // namespace

TEST_F(NetworkPageTest, ListsNetworksAndRefusesDeletingOneARunningVmUses)
{
    page.select(u"default"_s);
    ASSERT_TRUE(waitUntil([&] { return page.pending() == 0; }));
    const int row = page.model()->rowOf(u"default"_s);
    EXPECT_EQ(page.model()->index(row, models::NetworkListModel::Ipv4Column).data().toString(),
              u"192.168.122.1/24"_s);
    EXPECT_FALSE(page.startButton()->isEnabled()) << "default already runs";
    EXPECT_TRUE(page.stopButton()->isEnabled());
    EXPECT_TRUE(page.deleteButton()->isEnabled());
    // The test driver keeps no leases: the page says so with libvirt's text.
    EXPECT_TRUE(page.leasesStatus()->text().contains(u"DHCP leases of the network “default”"_s))
        << page.leasesStatus()->text().toStdString();

    page.deleteButton()->click();
    EXPECT_TRUE(asked.contains(u"“default”"_s));
    ASSERT_TRUE(waitUntil([&] { return page.pending() == 0 && page.messageLabel()->isVisible(); }));
    EXPECT_TRUE(page.messageLabel()->text().contains(u"used by running VMs: web1"_s))
        << page.messageLabel()->text().toStdString();
    EXPECT_EQ(page.model()->rowCount(), 2) << "nothing was deleted";
    screenshot(&page, u"networks-page-delete-refused"_s);

    page.select(u"lab"_s);
    page.stopButton()->click();
    ASSERT_TRUE(waitUntil([&] { return page.pending() == 0 && page.startButton()->isEnabled(); }));
    EXPECT_EQ(page.model()
                  ->index(page.model()->rowOf(u"lab"_s), models::NetworkListModel::ActiveColumn)
                  .data()
                  .toString(),
              u"Inactive"_s);
    EXPECT_EQ(page.leasesStatus()->text(), u"The network is not running."_s);
}

TEST_F(NetworkPageTest, NewNetworkDialogPrefillsChecksAndCreates)
{
    page.newButton()->click();
    ASSERT_TRUE(dialog);
    // A free subnet and its DHCP range are offered.
    EXPECT_EQ(dialog->ipv4Edit()->text(), u"192.168.100.0/24"_s);
    EXPECT_EQ(dialog->dhcpStartEdit()->text(), u"192.168.100.2"_s);
    EXPECT_EQ(dialog->dhcpEndEdit()->text(), u"192.168.100.254"_s);
    EXPECT_TRUE(dialog->createButton()->isEnabled()) << dialog->problemsText().toStdString();

    dialog->ipv4Edit()->clear();
    QTest::keyClicks(dialog->ipv4Edit(), u"192.168.122.0/24"_s);
    EXPECT_EQ(dialog->dhcpStartEdit()->text(), u"192.168.122.2"_s) << "the range follows";
    EXPECT_TRUE(dialog->problemsText().contains(u"overlaps the network “default”"_s))
        << dialog->problemsText().toStdString();
    EXPECT_FALSE(dialog->createButton()->isEnabled());
    dialog->nameEdit()->setText(u"lab"_s);
    EXPECT_TRUE(dialog->problemsText().contains(u"already has a network called “lab”"_s));
    QCoreApplication::processEvents();
    screenshot(dialog, u"new-network-dialog-refused"_s);

    dialog->modeCombo()->setCurrentIndex(
        dialog->modeCombo()->findData(int(models::NetworkMode::Isolated)));
    dialog->nameEdit()->setText(u"test-iso"_s);
    dialog->ipv4Edit()->clear();
    QTest::keyClicks(dialog->ipv4Edit(), u"10.99.0.0/24"_s);
    dialog->ipv6Check()->setChecked(true);
    dialog->ipv6Edit()->setText(u"fd00:99::/64"_s);
    dialog->domainEdit()->setText(u"iso.example"_s);
    EXPECT_TRUE(dialog->createButton()->isEnabled()) << dialog->problemsText().toStdString();
    QCoreApplication::processEvents();
    screenshot(dialog, u"new-network-dialog"_s);
    dialog->createButton()->click();
    ASSERT_TRUE(waitUntil([&] { return !dialog || !dialog->isVisible(); }));
    ASSERT_TRUE(
        waitUntil([&] { return page.model()->rowOf(u"test-iso"_s) >= 0 && page.pending() == 0; }));
    const int row = page.model()->rowOf(u"test-iso"_s);
    EXPECT_EQ(page.selectedName(), u"test-iso"_s);
    EXPECT_EQ(page.model()->index(row, models::NetworkListModel::ModeColumn).data().toString(),
              u"Isolated"_s);
    EXPECT_EQ(page.model()->index(row, models::NetworkListModel::Ipv6Column).data().toString(),
              u"fd00:99::1/64"_s);
    EXPECT_TRUE(page.messageLabel()->text().contains(u"created and running"_s));
    screenshot(&page, u"networks-page"_s);

    // Bridge mode: addresses are off, the bridge is required.
    page.newButton()->click();
    ASSERT_TRUE(dialog);
    dialog->modeCombo()->setCurrentIndex(
        dialog->modeCombo()->findData(int(models::NetworkMode::Bridge)));
    EXPECT_FALSE(dialog->ipv4Edit()->isEnabled());
    EXPECT_TRUE(dialog->problemsText().contains(u"existing bridge"_s));
    EXPECT_FALSE(dialog->createButton()->isEnabled());
    dialog->bridgeEdit()->setText(u"br0"_s);
    EXPECT_TRUE(dialog->createButton()->isEnabled()) << dialog->problemsText().toStdString();
    dialog->reject();
}

TEST_F(NetworkPageTest, OverviewShowsEachNicsAddressWhileTheVmRuns)
{
    views::OverviewPage overview;
    overview.resize(720, 640);
    overview.setHostSession(&session);
    overview.show();
    const models::DomainDetails details = session.domainDetails(kWeb1).result();
    overview.showDetails(details, u"x86_64"_s);
    ASSERT_TRUE(waitUntil([&] {
        return overview.nicAddressesText(u"52:54:00:aa:00:01"_s).startsWith(u"192.168.122."_s);
    })) << overview.nicAddressesText(u"52:54:00:aa:00:01"_s).toStdString();
    screenshot(&overview, u"vm-overview-nic-addresses"_s);

    const models::DomainDetails off = session.domainDetails(kDb1).result();
    overview.showDetails(off, u"x86_64"_s);
    EXPECT_EQ(overview.nicAddressesText(u"52:54:00:aa:00:02"_s), u"not running"_s);
}
