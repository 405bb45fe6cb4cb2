// First-run help in the New VM wizard: on a host with no virtual network the network page
// offers "Create the default NAT network"; one click makes libvirt's `default` and the
// network list offers it.
#include "common/TestSupport.h"
#include "models/cluster/ClusterList.h"
#include "models/connection/Datacenter.h"
#include "models/connection/HostSession.h"
#include "views/dialogs/NewVmDialog.h"
#include "views/dialogs/newvm/VmDevicesPage.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <gtest/gtest.h>

using namespace crossvirt;
using namespace Qt::StringLiterals;
using crossvirt::test::waitUntil;

TEST(NewVmDefaultNetwork, OfferedOnAHostWithoutNetworksAndCreatedInOneClick)
{
    const QString dir = test::makeTempDir();
    models::Datacenter datacenter{models::ConnectionStore(dir + u"/connections.json"_s)};
    models::ClusterList clusters{models::ClusterStore(dir + u"/clusters.json"_s)};
    const QString uri =
        u"test://"_s + test::sourcePath(u"tests/network/data/no-network-host.xml"_s);
    datacenter.useTransient({uri});
    ASSERT_TRUE(waitUntil([&] {
        const auto *s = datacenter.session(uri);
        return s && s->state() == models::ConnectionState::Connected;
    }));

    views::NewVmDialog dialog(&datacenter, &clusters);
    ASSERT_TRUE(dialog.selectHost(uri));
    ASSERT_TRUE(waitUntil([&] { return dialog.isReady(); }, 10000));
    auto *devices = dialog.findChild<views::VmDevicesPage *>();
    ASSERT_TRUE(devices);
    EXPECT_EQ(dialog.networkCombo()->count(), 0);
    EXPECT_TRUE(devices->createDefaultNetwork()->isVisibleTo(devices));
    EXPECT_EQ(devices->defaultNetworkNote()->text(), u"This host has no virtual network yet."_s);

    dialog.show();
    while (dialog.currentPage() != devices && dialog.currentId() != -1) {
        const int before = dialog.currentId();
        dialog.next();
        if (dialog.currentId() == before)
            break; // a page that wants more input: the screenshot below then shows it
    }
    if (dialog.currentPage() == devices) {
        const QString shots = QCoreApplication::applicationDirPath() + u"/screenshots"_s;
        QDir().mkpath(shots);
        QCoreApplication::processEvents();
        dialog.grab().save(shots + u"/new-vm-create-default-network.png"_s);
    }

    devices->createDefaultNetwork()->click();
    ASSERT_TRUE(
        waitUntil([&] { return dialog.networkCombo()->findData(u"default"_s) >= 0; }, 10000))
        << devices->defaultNetworkNote()->text().toStdString();
    EXPECT_EQ(dialog.networkCombo()->currentData().toString(), u"default"_s);
    EXPECT_FALSE(devices->createDefaultNetwork()->isVisibleTo(devices));
}
