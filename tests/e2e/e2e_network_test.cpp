// Virtual networks on the real libvirtd (issue 16): an isolated network with DHCP made by
// HostNetworks, a VM of the host's arch with a virtio NIC on it made by the provisioning
// core (direct kernel boot of the e2e guest image, no disk), a DHCP request typed on its
// serial console; the lease then shows in the leases model with the VM's name, the VM's
// NIC address query returns it, and deleting the network while the VM runs is refused
// naming the VM. Also: a network whose start fails is not left defined.

#include "common/TestSupport.h"
#include "e2e/E2eSupport.h"
#include "e2e/GuestImage.h"
#include "e2e/GuestReport.h"
#include "models/connection/HostSession.h"
#include "models/console/SerialConsoleSession.h"
#include "models/network/DhcpLeaseModel.h"
#include "models/network/HostNetworks.h"
#include "models/provisioning/ProvisioningCore.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace crossvirt;
using namespace crossvirt::test::e2e;
using crossvirt::models::HostNetworks;
using crossvirt::test::waitUntil;

namespace {

[[maybe_unused]] ::testing::Environment *const e2eEnvironment =
    ::testing::AddGlobalTestEnvironment(new LibvirtDaemonEnvironment);

constexpr int kBootTimeoutMs = 180'000;
const QString kNetwork = u"crossvirt-e2e-dhcp"_s;
const QString kPrompt = u"crossvirt-guest# "_s;

class NetworkE2e : public LibvirtDaemonTest
{
protected:
    void SetUp() override
    {
        LibvirtDaemonTest::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        // Before the session: making the image the first time blocks for minutes.
        m_image = guestImageFor(LibvirtDaemon::hostArch());
        QString error;
        m_session = openSession(LibvirtDaemon::localUri(), &error);
        ASSERT_TRUE(m_session) << error.toStdString();
        removeNetwork(); // left over by a crashed run
    }

    void TearDown() override
    {
        m_console.reset();
        if (m_session) {
            if (!m_uuid.isEmpty() && m_session->domain(m_uuid)) {
                try {
                    await(m_session->deleteDomain(m_uuid, false), 60'000);
                } catch (...) {
                    ADD_FAILURE() << exceptionText(std::current_exception()).toStdString();
                }
            }
            removeNetwork();
        }
        m_session.reset();
        LibvirtDaemonTest::TearDown();
    }

    void removeNetwork()
    {
        QList<models::VirtualNetwork> networks;
        try {
            networks = await(HostNetworks::list(m_session.get()));
        } catch (...) {
            ADD_FAILURE() << exceptionText(std::current_exception()).toStdString();
        }
        for (const auto &n : networks) {
            if (n.name == kNetwork || n.name == kNetwork + u"-bad"_s) {
                try {
                    await(HostNetworks::remove(m_session.get(), n.name));
                } catch (...) {
                    ADD_FAILURE() << exceptionText(std::current_exception()).toStdString();
                }
            }
        }
    }

    /// The guest image of the host's arch booted as kernel + initrd, no disk, one virtio
    /// NIC on `network`, the serial port as its console.
    QString createGuest(const QString &network, const GuestImage &image, QString *error)
    {
        using namespace crossvirt::models;
        const QString archName = LibvirtDaemon::hostArch();
        HostChoicesProvider provider(m_session.get());
        try {
            GuestHostContext host = await(provider.guestContext(archName));
            const arch::VirtType wanted = daemon().domainTypeFor(archName) == "kvm"_L1
                                              ? arch::VirtType::Kvm
                                              : arch::VirtType::Qemu;
            if (host.placement.virtType != wanted) {
                host.placement.virtType = wanted;
                host.domainCaps =
                    await(provider.domainCapabilities(archName, host.machine, wanted));
            }
            const StorageSnapshot storage = await(fetchStorage(m_session.get()));
            VmSpec spec = defaultVmSpec(host, storage);
            const arch::GuestContext ctx = host.context(false, spec.firmware);
            spec.name = LibvirtDaemon::domainPrefix() + u"network"_s;
            spec.virtType = wanted;
            if (wanted == arch::VirtType::Kvm)
                spec.cpu = arch::CpuChoice{arch::CpuMode::Default, {}};
            spec.memoryMiB = host.model()->limits(ctx).alignMemoryMiB(512);
            spec.vcpus = 1;
            spec.storage = StorageSpec{};
            spec.storage.kind = StorageKind::None;
            spec.cdrom.reset();
            spec.nic = NicSpec{network, u"virtio"_s};
            spec.graphics = u"none"_s;
            if (host.model()->videoModels(ctx).offers(u"none"_s))
                spec.video = u"none"_s;
            spec.install = InstallMethod::KernelBoot;
            spec.kernelBoot.kernel = image.kernel;
            spec.kernelBoot.initrd = image.initrd;
            spec.kernelBoot.cmdline =
                host.model()->kernelConsoleArgument(ctx, spec.console) + u" quiet"_s;
            spec.bootOrder.clear();
            spec.startAfterCreate = true;
            const QList<ValidationProblem> problems = validateVmSpec(spec, host, &storage);
            if (!problems.isEmpty()) {
                QStringList lines;
                for (const ValidationProblem &p : problems)
                    lines << p.field + u": "_s + p.message;
                *error = u"the spec has problems: "_s + lines.join(u"; "_s);
                return {};
            }
            const auto plan = planCreateVm(spec, host, error);
            if (!plan)
                return {};
            const CreatedVm vm = await(createVm(m_session.get(), *plan), 120'000);
            m_name = spec.name;
            info(u"guest"_s, u"%1 started (%2, %3) with a virtio NIC on %4"_s.arg(
                                 spec.name, archName, arch::virtTypeName(wanted), network));
            return vm.uuid;
        } catch (...) {
            *error = exceptionText(std::current_exception());
            return {};
        }
    }

    bool openConsole()
    {
        m_console = std::make_unique<models::SerialConsoleSession>(m_session.get(), m_uuid);
        QObject::connect(m_console.get(), &models::SerialConsoleSession::received, m_console.get(),
                         [this](const QByteArray &bytes) {
                             m_log.append(bytes);
                             m_raw.append(bytes);
                         });
        m_console->open();
        return waitUntil([&] { return m_console->isOpen(); }, 20'000);
    }

    std::string tail() const
    {
        const QString text =
            u"\n--- last 30 console lines ---\n"_s + m_log.lastLines(30).join(u'\n') + u"\n---"_s;
        return text.toStdString();
    }

    std::unique_ptr<models::HostSession> m_session;
    std::unique_ptr<models::SerialConsoleSession> m_console;
    GuestImage m_image;
    GuestConsoleLog m_log;
    QByteArray m_raw;
    QString m_uuid, m_name;
};

} // namespace

TEST_F(NetworkE2e, AStartThatFailsLeavesNothingDefined)
{
    // `lo` exists and is no bridge: libvirt defines the network, then cannot start it.
    models::NetworkSpec spec;
    spec.name = kNetwork + u"-bad"_s;
    spec.mode = models::NetworkMode::Isolated;
    spec.bridge = u"lo"_s;
    spec.ipv4 = u"10.213.99.0/24"_s;
    try {
        await(HostNetworks::create(m_session.get(), spec));
        ADD_FAILURE() << "libvirt started a network on the bridge lo";
    } catch (const models::LibvirtError &e) {
        info(u"refused"_s, e.text());
        EXPECT_TRUE(e.text().contains(u"Could not start the network"_s)) << e.text().toStdString();
        EXPECT_TRUE(e.text().contains(u"nothing is left on the host"_s));
    }
    for (const auto &n : await(HostNetworks::list(m_session.get())))
        EXPECT_NE(n.name, spec.name) << "the half-made network is still defined";
}

TEST_F(NetworkE2e, GuestGetsADhcpLeaseShownWithItsNameAndDeleteIsRefused)
{
    QElapsedTimer clock;
    clock.start();
    const GuestImage &image = m_image;
    if (!image.ok())
        GTEST_SKIP() << "no guest image: " << image.error.toStdString();

    // 1. An isolated network with DHCP, made and started by the core.
    models::NetworkSpec spec;
    spec.name = kNetwork;
    spec.mode = models::NetworkMode::Isolated;
    models::VirtualNetwork created;
    QString lastError;
    for (int subnet : {77, 78, 79}) { // a subnet another network uses is refused
        spec.ipv4 = u"10.213.%1.0/24"_s.arg(subnet);
        spec.dhcpStart = u"10.213.%1.10"_s.arg(subnet);
        spec.dhcpEnd = u"10.213.%1.50"_s.arg(subnet);
        try {
            created = await(HostNetworks::create(m_session.get(), spec));
            break;
        } catch (...) {
            lastError = exceptionText(std::current_exception());
        }
    }
    ASSERT_EQ(created.name, kNetwork) << lastError.toStdString();
    EXPECT_TRUE(created.active);
    info(u"network"_s, u"%1 %2 DHCP %3 on %4"_s.arg(created.name, created.ipv4.cidr(),
                                                    created.ipv4.dhcpText(), created.bridge));

    // 2. A VM with a virtio NIC on it, booted to its shell.
    QString error;
    m_uuid = createGuest(kNetwork, image, &error);
    ASSERT_FALSE(m_uuid.isEmpty()) << error.toStdString();
    ASSERT_TRUE(openConsole()) << "the serial console did not open";
    ASSERT_TRUE(waitUntil([&] { return m_log.latestReport().has_value(); }, kBootTimeoutMs))
        << "the guest never reached READY" << tail();
    const auto report = *m_log.latestReport();
    ASSERT_EQ(report.nics.size(), 1) << tail();
    const QString nicName = report.nics.first().name;
    const QString mac = report.nics.first().mac.toLower();
    info(u"boot"_s,
         u"READY after %1 s; NIC %2 (%3)"_s.arg(clock.elapsed() / 1000).arg(nicName, mac));

    // 3. A DHCP request typed on the serial console; the marker is computed by the shell
    // so the echoed command line cannot match it.
    const QByteArray command =
        u"ifconfig %1 up && busybox udhcpc -i %1 -n -q -t 5 -T 2 -x hostname:netguest; "
        u"echo DHCP-DONE-$((40+2))\n"_s.arg(nicName)
            .toUtf8();
    ASSERT_TRUE(waitUntil(
        [&] {
            m_console->send("\n");
            return waitUntil([&] { return m_raw.contains(kPrompt.toUtf8()); }, 2000);
        },
        30'000))
        << "no shell prompt" << tail();
    m_console->send(command);
    ASSERT_TRUE(waitUntil([&] { return m_raw.contains("DHCP-DONE-42"); }, 60'000))
        << "udhcpc did not finish" << tail();
    EXPECT_TRUE(m_raw.contains("obtained")) << "udhcpc got no lease" << tail();

    // 4. The lease, in the leases model, with the VM's name.
    models::DhcpLeaseModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QString leaseIp;
    ASSERT_TRUE(waitUntil(
        [&] {
            model.setLeases(await(HostNetworks::leases(m_session.get(), kNetwork)));
            for (int row = 0; row < model.rowCount(); ++row) {
                if (model.index(row, models::DhcpLeaseModel::MacColumn).data().toString() == mac &&
                    model.index(row, models::DhcpLeaseModel::VmColumn).data().toString() ==
                        m_name) {
                    leaseIp = model.index(row, models::DhcpLeaseModel::IpColumn).data().toString();
                    return true;
                }
            }
            return false;
        },
        20'000))
        << "no lease for " << mac.toStdString() << " named " << m_name.toStdString()
        << "; leases: " << model.rowCount();
    EXPECT_TRUE(leaseIp.startsWith(spec.ipv4.section(u'.', 0, 2) + u'.')) << leaseIp.toStdString();
    info(u"lease"_s, u"%1 %2 %3"_s.arg(mac, leaseIp, m_name));

    // 5. The VM's NIC addresses (what the overview shows) include it.
    const auto nics = await(HostNetworks::nicAddresses(m_session.get(), m_uuid));
    ASSERT_EQ(nics.size(), 1);
    EXPECT_EQ(nics.first().mac, mac);
    EXPECT_TRUE(nics.first().addresses.contains(leaseIp))
        << nics.first().addresses.join(u", "_s).toStdString();

    // 6. Delete while the VM runs: refused, naming it; the network still runs.
    try {
        await(HostNetworks::remove(m_session.get(), kNetwork));
        ADD_FAILURE() << "a network a running VM uses was deleted";
    } catch (const models::NetworkRefused &e) {
        EXPECT_TRUE(e.text().contains(m_name)) << e.text().toStdString();
    }
    bool stillThere = false;
    for (const auto &n : await(HostNetworks::list(m_session.get())))
        stillThere = stillThere || (n.name == kNetwork && n.active);
    EXPECT_TRUE(stillThere);
    info(u"done"_s, u"in %1 s"_s.arg(clock.elapsed() / 1000));
}
