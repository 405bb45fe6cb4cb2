// The VM lifecycle on a real guest, driven through the main window as a user drives it
// (issue 11): one guest of the host's own arch, made by the provisioning core with direct
// kernel boot of the e2e guest image and a new disk (its boot counter lives there), its
// serial console read through SerialConsoleSession. Then the window's own actions, on the
// VM selected in the inventory tree: Shut Down reaches the guest (it reports the power-off
// request, then the VM is shut off), Start and Reboot boot it again (the counter on its
// disk goes up), Pause stops the guest's clock and Resume continues it, Force Off (after
// the confirmation) and Delete with its disk volume (ticked in the Delete dialog). Every
// step also checks what the window shows: the State column and which actions are enabled.

#include "../views/MainWindowFixture.h"
#include "common/TestSupport.h"
#include "e2e/E2eSupport.h"
#include "e2e/GuestImage.h"
#include "e2e/GuestReport.h"
#include "models/connection/Datacenter.h"
#include "models/connection/HostSession.h"
#include "models/console/SerialConsoleSession.h"
#include "models/inventory/InventoryModel.h"
#include "models/provisioning/ProvisioningCore.h"
#include "views/mainwindow/DeleteVmDialog.h"
#include "views/mainwindow/DetailsPane.h"
#include "views/mainwindow/MainWindow.h"
#include "views/vm/OverviewPage.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>
#include <gtest/gtest.h>
#include <libvirt/libvirt.h>

using namespace Qt::StringLiterals;
using namespace crossvirt;
using namespace crossvirt::test::e2e;
using crossvirt::models::DomainState;
using crossvirt::test::waitUntil;

namespace {

[[maybe_unused]] ::testing::Environment *const e2eEnvironment =
    ::testing::AddGlobalTestEnvironment(new LibvirtDaemonEnvironment);

// A guest of the own arch boots in well under a minute with KVM; TCG on a busy 2-core
// machine needs a few.
constexpr int kBootTimeoutMs = 180'000;
constexpr int kStateTimeoutMs = 60'000;

QString screenshotDir()
{
    const QString dir = QStringLiteral(CROSSVIRT_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    return dir;
}

// Calls `act` with the application's modal widget once one of type T shows (the action
// runs a modal box or dialog with exec(); this runs inside its event loop).
template<typename T> void whenModal(std::function<void(T *)> act)
{
    auto *poll = new QTimer;
    poll->setInterval(50);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, act] {
        if (auto *w = qobject_cast<T *>(QApplication::activeModalWidget())) {
            poll->stop();
            poll->deleteLater();
            act(w);
        }
    });
    poll->start();
}

class LifecycleE2e : public LibvirtDaemonTest
{
protected:
    void SetUp() override
    {
        LibvirtDaemonTest::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        m_arch = LibvirtDaemon::hostArch();
        m_image = guestImageFor(m_arch);
        if (!m_image.ok())
            GTEST_SKIP() << "no guest image for " << m_arch.toStdString() << ": "
                         << m_image.error.toStdString();
        m_uri = LibvirtDaemon::localUri();
        m_app = test::openMainWindow({m_uri});
        QString error;
        m_session = test::connectedSession(m_app, m_uri, &error);
        ASSERT_TRUE(m_session) << error.toStdString();
    }

    void TearDown() override
    {
        m_console.reset();
        if (m_session && !m_uuid.isEmpty() && m_session->domain(m_uuid)) {
            try {
                await(m_session->deleteDomain(m_uuid, true), 60'000);
            } catch (...) {
                ADD_FAILURE() << exceptionText(std::current_exception()).toStdString();
            }
        }
        m_app.window.reset();
        m_app.core.reset();
        LibvirtDaemonTest::TearDown();
    }

    views::MainWindow *window() const { return m_app.window.get(); }

    // The guest through the provisioning core: the arch's defaults, the guest image booted
    // as kernel + initrd with the arch's console argument, a new 1 GiB disk (the boot
    // counter) in the harness pool, no NIC and no graphics (the serial port is the
    // console). Started at once.
    QString createGuest(QString *error)
    {
        using namespace crossvirt::models;
        HostChoicesProvider provider(m_session);
        try {
            GuestHostContext host = await(provider.guestContext(m_arch));
            const arch::VirtType wanted = daemon().domainTypeFor(m_arch) == "kvm"_L1
                                              ? arch::VirtType::Kvm
                                              : arch::VirtType::Qemu;
            if (host.placement.virtType != wanted) {
                host.placement.virtType = wanted;
                host.domainCaps = await(provider.domainCapabilities(m_arch, host.machine, wanted));
            }
            const StorageSnapshot storage = await(fetchStorage(m_session));
            VmSpec spec = defaultVmSpec(host, storage);
            const arch::GuestContext ctx = host.context(false, spec.firmware);
            spec.name = LibvirtDaemon::domainPrefix() + u"lifecycle"_s;
            spec.virtType = wanted;
            // A nested KVM host refuses host-model (e2e-matrix-findings.md).
            if (wanted == arch::VirtType::Kvm)
                spec.cpu = arch::CpuChoice{arch::CpuMode::Default, {}};
            spec.memoryMiB = host.model()->limits(ctx).alignMemoryMiB(512);
            spec.vcpus = 1;
            spec.storage = StorageSpec{};
            spec.storage.kind = StorageKind::NewVolume;
            spec.storage.pool = LibvirtDaemon::poolName();
            spec.storage.sizeGiB = 1;
            spec.cdrom.reset();
            spec.nic.reset();
            spec.graphics = u"none"_s;
            if (host.model()->videoModels(ctx).offers(u"none"_s))
                spec.video = u"none"_s;
            spec.install = InstallMethod::KernelBoot;
            spec.kernelBoot.kernel = m_image.kernel;
            spec.kernelBoot.initrd = m_image.initrd;
            spec.kernelBoot.cmdline = host.model()->kernelConsoleArgument(ctx, spec.console) +
                                      u" quiet crossvirt.tick=1"_s;
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
            m_name = spec.name;
            const CreatedVm vm = await(createVm(m_session, *plan), 120'000);
            info(u"guest"_s,
                 u"%1 started (%2, %3), cmdline \"%4\""_s.arg(
                     spec.name, m_arch, arch::virtTypeName(wanted), spec.kernelBoot.cmdline));
            return vm.uuid;
        } catch (...) {
            *error = exceptionText(std::current_exception());
            return {};
        }
    }

    // (Re)opens the guest's serial console; what it prints goes on in the same log.
    bool openConsole()
    {
        m_console = std::make_unique<models::SerialConsoleSession>(m_session, m_uuid);
        m_consoleClosed = false;
        m_log.append("\n"); // a line cut by the last power-off ends here
        QObject::connect(m_console.get(), &models::SerialConsoleSession::received, m_console.get(),
                         [this](const QByteArray &bytes) {
                             m_log.append(bytes);
                             const qsizetype ticks = m_log.tickUptimes().size();
                             while (m_tickArrivalMs.size() < ticks)
                                 m_tickArrivalMs << m_clock.elapsed();
                         });
        QObject::connect(m_console.get(), &models::SerialConsoleSession::closed, m_console.get(),
                         [this](const QString &) { m_consoleClosed = true; });
        m_console->open();
        return waitUntil([&] { return m_console->isOpen() || m_consoleClosed; }, 20'000) &&
               m_console->isOpen();
    }

    // Waits for `done`; with `reopen`, opens the console again when it ended while the
    // guest runs (a reset may end the stream).
    bool waitFor(const std::function<bool()> &done, int timeoutMs, bool reopen = false)
    {
        return waitUntil(
            [&] {
                if (reopen && m_consoleClosed && models::isActive(stateOf()))
                    openConsole();
                return done();
            },
            timeoutMs);
    }

    // Waits for boot number `count` to reach READY; prints how long it took.
    bool waitForBoot(int count, const char *what)
    {
        QElapsedTimer t;
        t.start();
        const bool ok = waitFor(
            [&] {
                const auto r = m_log.latestReport();
                return r && r->bootCount >= count;
            },
            kBootTimeoutMs, true);
        if (ok)
            info(u"boot"_s, u"%1: boot %2 reached READY in %3 s"_s.arg(QString::fromLatin1(what))
                                .arg(m_log.latestReport()->bootCount)
                                .arg(t.elapsed() / 1000.0, 0, 'f', 1));
        return ok;
    }

    std::string tail() const
    {
        const QString text =
            u"\n--- last 30 console lines ---\n"_s + m_log.lastLines(30).join(u'\n') + u"\n---"_s;
        return text.toStdString();
    }

    DomainState stateOf() const
    {
        const auto d = m_session->domain(m_uuid);
        return d ? d->state : DomainState::NoState;
    }

    // What the State column of the VM's row shows (the VM selected, as the user has it).
    QString stateShown() const
    {
        if (!window()->select(m_uri, m_uuid))
            return u"(no row)"_s;
        return window()
            ->tree()
            ->currentIndex()
            .siblingAtColumn(models::InventoryModel::StateColumn)
            .data()
            .toString();
    }

    // Waits until the host reports `state` and the window shows `text`, in the VM's row
    // and in the details pane beside the tree.
    bool waitForState(DomainState state, const QString &text, int timeoutMs = kStateTimeoutMs)
    {
        return waitFor(
            [&] {
                return stateOf() == state && stateShown() == text &&
                       window()->details()->vmPage()->stateText() == text;
            },
            timeoutMs);
    }

    std::string shownStates() const
    {
        const QString text = stateShown() + u" in the tree, "_s +
                             window()->details()->vmPage()->stateText() + u" in the details pane"_s;
        return text.toStdString();
    }

    struct Enabled
    {
        bool start, shutdown, reboot, forceOff, pause, resume;
    };
    // The VM actions enabled for the selected VM, as the toolbar and menu show them.
    void expectActions(const Enabled &e) const
    {
        window()->select(m_uri, m_uuid);
        QApplication::processEvents();
        EXPECT_EQ(window()->startAction()->isEnabled(), e.start) << "Start";
        EXPECT_EQ(window()->shutdownAction()->isEnabled(), e.shutdown) << "Shut Down";
        EXPECT_EQ(window()->rebootAction()->isEnabled(), e.reboot) << "Reboot";
        EXPECT_EQ(window()->forceOffAction()->isEnabled(), e.forceOff) << "Force Off";
        EXPECT_EQ(window()->pauseAction()->isEnabled(), e.pause) << "Pause";
        EXPECT_EQ(window()->resumeAction()->isEnabled(), e.resume) << "Resume";
        EXPECT_TRUE(window()->deleteAction()->isEnabled()) << "Delete";
    }

    // Triggers `action` on the VM selected in the tree, as a click in the toolbar does.
    void trigger(QAction *action)
    {
        ASSERT_TRUE(window()->select(m_uri, m_uuid)) << "the VM is not in the inventory tree";
        ASSERT_TRUE(action->isEnabled()) << action->text().toStdString() << " is disabled";
        action->trigger();
    }

    void saveScreenshot(const QString &name)
    {
        QApplication::processEvents();
        const QString path = screenshotDir() + u"/lifecycle-"_s + name + u".png"_s;
        EXPECT_TRUE(window()->grab().save(path)) << path.toStdString();
    }

    QString m_arch;
    GuestImage m_image;
    QString m_uri;
    test::MainWindowUnderTest m_app;
    models::HostSession *m_session = nullptr;
    QString m_uuid;
    QString m_name;
    std::unique_ptr<models::SerialConsoleSession> m_console;
    bool m_consoleClosed = false;
    GuestConsoleLog m_log;
    QElapsedTimer m_clock;
    QList<qint64> m_tickArrivalMs; ///< when each tickUptimes() entry arrived (m_clock)
};

TEST_F(LifecycleE2e, ActionsOfTheMainWindowReachTheGuest)
{
    const Enabled running{false, true, true, true, true, false};
    const Enabled shutOff{true, false, false, false, false, false};
    const Enabled paused{false, false, false, true, false, true};
    QElapsedTimer total;
    total.start();
    m_clock.start();
    info(u"host"_s, daemon().accelerationSummary());

    QString error;
    m_uuid = createGuest(&error);
    ASSERT_FALSE(m_uuid.isEmpty()) << "creating the guest: " << error.toStdString();
    ASSERT_TRUE(openConsole()) << "the serial console did not open";
    ASSERT_TRUE(waitForBoot(1, "created")) << "the guest did not reach READY" << tail();
    ASSERT_EQ(m_log.latestReport()->bootCount, 1) << tail();
    ASSERT_TRUE(waitForState(DomainState::Running, u"Running"_s))
        << "the window shows " << stateShown().toStdString();
    expectActions(running);
    saveScreenshot(u"running"_s);

    // The path of the guest's disk, as the Delete dialog will list it.
    QString volumePath;
    for (const models::DomainVolume &v : await(m_session->domainVolumes(m_uuid))) {
        if (v.device == "disk"_L1 && v.managed)
            volumePath = v.path;
    }
    ASSERT_FALSE(volumePath.isEmpty()) << "the guest has no managed disk volume";

    {
        SCOPED_TRACE("Shut Down");
        trigger(window()->shutdownAction());
        EXPECT_TRUE(
            waitFor([&] { return m_log.contains(u"CROSSVIRT-POWEROFF-REQUEST"_s); }, 120'000))
            << "the guest never reported the power-off request" << tail();
        ASSERT_TRUE(waitForState(DomainState::Shutoff, u"Shut off"_s, 120'000))
            << "the window shows " << shownStates() << tail();
        expectActions(shutOff);
        info(u"step"_s, u"Shut Down: guest got the request (%1), VM shut off"_s.arg(
                            m_log.poweroffSources().join(u',')));
    }
    {
        SCOPED_TRACE("Start");
        trigger(window()->startAction());
        ASSERT_TRUE(waitForState(DomainState::Running, u"Running"_s))
            << "the window shows " << shownStates();
        ASSERT_TRUE(openConsole()) << "the serial console did not open after Start";
        ASSERT_TRUE(waitForBoot(2, "Start")) << "the guest did not boot again" << tail();
        EXPECT_EQ(m_log.latestReport()->bootCount, 2)
            << "the boot counter on the disk did not persist" << tail();
        expectActions(running);
    }
    {
        SCOPED_TRACE("Reboot");
        const int before = m_log.latestReport()->bootCount;
        trigger(window()->rebootAction());
        ASSERT_TRUE(waitForBoot(before + 1, "Reboot")) << "the guest did not reboot" << tail();
        EXPECT_EQ(m_log.latestReport()->bootCount, before + 1) << tail();
        EXPECT_EQ(stateShown(), u"Running"_s);
        expectActions(running);
    }
    {
        SCOPED_TRACE("Pause and Resume");
        // Ticks of the running guest first, so there is a last one before the pause.
        const qsizetype ticksBefore = m_log.tickUptimes().size();
        ASSERT_TRUE(waitFor([&] { return m_log.tickUptimes().size() >= ticksBefore + 2; }, 30'000))
            << "the guest prints no CROSSVIRT-TICK lines" << tail();
        trigger(window()->pauseAction());
        ASSERT_TRUE(waitForState(DomainState::Paused, u"Paused"_s))
            << "the window shows " << shownStates();
        expectActions(paused);
        saveScreenshot(u"paused"_s);
        waitUntil([] { return false; }, 500); // a line already on its way
        const qsizetype atPause = m_log.tickUptimes().size();
        QElapsedTimer pausedFor;
        pausedFor.start();
        waitUntil([] { return false; }, 4000);
        EXPECT_EQ(m_log.tickUptimes().size(), atPause)
            << "the paused guest went on printing ticks" << tail();

        trigger(window()->resumeAction());
        ASSERT_TRUE(waitForState(DomainState::Running, u"Running"_s))
            << "the window shows " << shownStates();
        expectActions(running);
        ASSERT_TRUE(waitFor([&] { return m_log.tickUptimes().size() >= atPause + 2; }, 30'000))
            << "no ticks after Resume" << tail();
        const QList<double> up = m_log.tickUptimes();
        ASSERT_GE(atPause, 1);
        // The last tick before the pause and the first after: the guest's clock moved by
        // about its tick period, the wall clock by the whole pause.
        const double uptimeGap = up[atPause] - up[atPause - 1];
        const double wallGap = (m_tickArrivalMs[atPause] - m_tickArrivalMs[atPause - 1]) / 1000.0;
        info(u"step"_s,
             u"Pause %1 s: guest uptime advanced %2 s across the pause, wall clock %3 s"_s
                 .arg(pausedFor.elapsed() / 1000.0, 0, 'f', 1)
                 .arg(uptimeGap, 0, 'f', 2)
                 .arg(wallGap, 0, 'f', 2));
        EXPECT_GE(wallGap, 4.0) << "the pause did not last";
        EXPECT_LT(uptimeGap + 2.0, wallGap)
            << "the guest's clock went on while it was paused: uptime " << uptimeGap << " s, wall "
            << wallGap << " s" << tail();
        EXPECT_GT(up.last(), up[atPause - 1]) << "the guest's clock went backwards" << tail();
    }
    {
        SCOPED_TRACE("Force Off");
        bool asked = false;
        whenModal<QMessageBox>([&](QMessageBox *box) {
            asked = true;
            EXPECT_TRUE(box->text().contains(m_name)) << box->text().toStdString();
            if (QAbstractButton *yes = box->button(QMessageBox::Yes)) {
                yes->click();
                return;
            }
            ADD_FAILURE() << "not the Force Off confirmation: " << box->text().toStdString();
            box->reject();
        });
        trigger(window()->forceOffAction());
        ASSERT_TRUE(asked) << "Force Off did not ask first";
        ASSERT_TRUE(waitForState(DomainState::Shutoff, u"Shut off"_s))
            << "the window shows " << shownStates();
        expectActions(shutOff);
    }
    {
        SCOPED_TRACE("Delete");
        bool shown = false;
        whenModal<views::DeleteVmDialog>([&](views::DeleteVmDialog *dialog) {
            shown = true;
            QTreeWidget *list = dialog->volumeList();
            QTreeWidgetItem *disk = nullptr;
            for (int i = 0; i < list->topLevelItemCount(); ++i) {
                if (list->topLevelItem(i)->text(views::DeleteVmDialog::PathColumn) == volumePath)
                    disk = list->topLevelItem(i);
            }
            if (!disk) {
                ADD_FAILURE() << "the Delete dialog does not list " << volumePath.toStdString();
                dialog->reject();
                return;
            }
            EXPECT_TRUE(disk->flags() & Qt::ItemIsUserCheckable) << "the disk cannot be ticked";
            disk->setCheckState(views::DeleteVmDialog::PathColumn, Qt::Checked);
            EXPECT_EQ(dialog->selectedVolumes(), QStringList{volumePath});
            dialog->grab().save(screenshotDir() + u"/lifecycle-delete.png"_s);
            dialog->deleteButton()->click();
        });
        trigger(window()->deleteAction());
        ASSERT_TRUE(waitUntil([&] { return shown; }, 30'000)) << "the Delete dialog did not open";
        ASSERT_TRUE(waitUntil([&] { return !m_session->domain(m_uuid).has_value(); }, 60'000))
            << "the VM is still in the inventory";
        EXPECT_FALSE(window()->select(m_uri, m_uuid)) << "the tree still shows the VM";
        virDomainPtr dom = virDomainLookupByUUIDString(conn(), m_uuid.toUtf8().constData());
        EXPECT_EQ(dom, nullptr) << "libvirt still knows the domain";
        if (dom)
            virDomainFree(dom);
        virStoragePoolPtr pool =
            virStoragePoolLookupByName(conn(), LibvirtDaemon::poolName().toUtf8().constData());
        if (pool) {
            virStoragePoolRefresh(pool, 0);
            virStoragePoolFree(pool);
        }
        virStorageVolPtr vol = virStorageVolLookupByPath(conn(), volumePath.toUtf8().constData());
        EXPECT_EQ(vol, nullptr) << "the disk volume " << volumePath.toStdString()
                                << " is still there";
        if (vol)
            virStorageVolFree(vol);
        EXPECT_FALSE(QFile::exists(volumePath)) << volumePath.toStdString();
    }
    info(u"total"_s,
         u"lifecycle on %1 took %2 s"_s.arg(m_arch).arg(total.elapsed() / 1000.0, 0, 'f', 1));
}

} // namespace
