// Issue 15 (dialog): the Add Connection dialog's "Test connection" against a real libvirtd
// on another "host" (RemoteHost index 36: its own network namespace, qemu+tcp over a veth),
// as a user runs it: the figures of a real QEMU host, and a closed port refused in words.
#include "RemoteHost.h"
#include "common/TestSupport.h"
#include "models/connection/ConnectionProbe.h"
#include "views/connection/AddConnectionDialog.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <gtest/gtest.h>
#include <iostream>

using namespace crossvirt;
using namespace crossvirt::test::e2e;
using namespace Qt::StringLiterals;

TEST(AddConnectionE2e, TestConnectionOverTcpToARemoteLibvirtd)
{
    RemoteHost::Options options;
    options.index = 36;
    RemoteHost host(options);
    QElapsedTimer clock;
    clock.start();
    if (!host.start()) {
        if (!host.skipReason().isEmpty() && !qEnvironmentVariableIsSet("CROSSVIRT_E2E_REQUIRED"))
            GTEST_SKIP() << host.skipReason().toStdString();
        FAIL() << QString(host.skipReason() + host.errorString()).toStdString();
    }
    std::cout << "remote host ready in " << clock.elapsed() << " ms\n";

    views::AddConnectionDialog dialog;
    auto *transport = dialog.transportCombo();
    transport->setCurrentIndex(transport->findData(int(models::ConnectionUriSpec::Transport::Tcp)));
    dialog.hostEdit()->setText(host.address());
    ASSERT_EQ(dialog.connection().uri, host.uri());
    dialog.show();
    clock.restart();
    dialog.testConnection();
    ASSERT_TRUE(test::waitUntil([&] { return !dialog.probe()->isRunning(); }, 30000));
    std::cout << "test connection took " << clock.elapsed() << " ms\n";
    const QString report = dialog.testReportLabel()->text();
    EXPECT_FALSE(report.contains(u"✘"_s)) << report.toStdString();
    EXPECT_TRUE(report.contains(u"Connected to %1 over TCP"_s.arg(host.address())))
        << report.toStdString();
    EXPECT_TRUE(report.contains(u"hypervisor QEMU"_s)) << report.toStdString();
    EXPECT_TRUE(report.contains(u"x86_64"_s)) << report.toStdString();
    EXPECT_TRUE(report.contains(u"virtual machine"_s)) << report.toStdString();

    // The same host on a port its libvirtd does not listen on.
    dialog.portSpin()->setValue(16599);
    dialog.testConnection();
    ASSERT_TRUE(test::waitUntil([&] { return !dialog.probe()->isRunning(); }, 30000));
    const QString refused = dialog.testReportLabel()->text();
    EXPECT_TRUE(refused.contains(u"Could not connect to %1 over TCP"_s.arg(host.address())))
        << refused.toStdString();
    EXPECT_TRUE(refused.contains(u"16599"_s)) << "libvirt's text names the address";
    host.stop();
}
