// The New VM wizard clicked end to end on a real libvirtd (issue 11): from the main
// window's New VM action, a ppc64le VM that boots the e2e guest image's kernel and initrd
// directly (offered as volumes of the harness pool), Start and "Open its console" ticked;
// Finish opens the VM's window on its Console tab, and that tab's serial terminal shows
// the guest's shell prompt. A screenshot of the window is saved.

#include "../views/MainWindowFixture.h"
#include "common/TestSupport.h"
#include "e2e/E2eSupport.h"
#include "e2e/GuestImage.h"
#include "models/connection/Datacenter.h"
#include "models/connection/HostSession.h"
#include "models/provisioning/ProvisioningCore.h"
#include "views/console/SerialTerminal.h"
#include "views/dialogs/ChoiceCombo.h"
#include "views/dialogs/NewVmDialog.h"
#include "views/dialogs/newvm/VmInstallPage.h"
#include "views/mainwindow/ActionController.h"
#include "views/mainwindow/MainWindow.h"
#include "views/vm/ConsolePage.h"
#include "views/vm/VmWindow.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QTabWidget>
#include <gtest/gtest.h>
#include <libvirt/libvirt.h>

using namespace Qt::StringLiterals;
using namespace crossvirt;
using namespace crossvirt::test::e2e;
using crossvirt::test::waitUntil;

namespace {

[[maybe_unused]] ::testing::Environment *const e2eEnvironment =
    ::testing::AddGlobalTestEnvironment(new LibvirtDaemonEnvironment);

const QString kArch = u"ppc64le"_s;
const QString kPrompt = u"crossvirt-guest# "_s;
// SLOF, then a Debian kernel under TCG on a busy 2-core machine (measured: 23 s).
constexpr int kBootTimeoutMs = 200'000;

QString screenshotDir()
{
    const QString dir = QStringLiteral(CROSSVIRT_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    return dir;
}

class WizardBootE2e : public LibvirtDaemonTest
{
protected:
    void SetUp() override
    {
        LibvirtDaemonTest::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        m_image = guestImageFor(kArch);
        if (!m_image.ok())
            GTEST_SKIP() << "no " << kArch.toStdString()
                         << " guest image: " << m_image.error.toStdString();
        m_uri = LibvirtDaemon::localUri();
        m_app = test::openMainWindow({m_uri});
        QString error;
        m_session = test::connectedSession(m_app, m_uri, &error);
        ASSERT_TRUE(m_session) << error.toStdString();
    }

    void TearDown() override
    {
        m_app.window.reset(); // the VM window and its console go first
        if (m_session && !m_uuid.isEmpty() && m_session->domain(m_uuid)) {
            try {
                await(m_session->deleteDomain(m_uuid, true), 60'000);
            } catch (...) {
                ADD_FAILURE() << exceptionText(std::current_exception()).toStdString();
            }
        }
        for (const QString &path : std::as_const(m_copied))
            QFile::remove(path);
        m_app.core.reset();
        LibvirtDaemonTest::TearDown();
    }

    // Puts the kernel and initrd into the harness pool, so the wizard lists them as
    // volumes of the host (as a user would upload them). Returns their paths.
    QStringList copyImageIntoPool()
    {
        const QString dir = daemon().poolPath();
        QStringList paths;
        for (const auto &[file, name] :
             {std::pair{m_image.kernel, u"kernel"_s}, std::pair{m_image.initrd, u"initrd"_s}}) {
            const QString target = dir + u"/crossvirt-e2e-%1-%2"_s.arg(kArch, name);
            QFile::remove(target);
            if (!QFile::copy(file, target)) {
                ADD_FAILURE() << "cannot copy " << file.toStdString() << " to "
                              << target.toStdString();
                return {};
            }
            m_copied << target;
            paths << target;
        }
        virStoragePoolPtr pool =
            virStoragePoolLookupByName(conn(), LibvirtDaemon::poolName().toUtf8().constData());
        if (!pool || virStoragePoolRefresh(pool, 0) < 0)
            ADD_FAILURE() << "refreshing the pool: " << lastLibvirtError().toStdString();
        if (pool)
            virStoragePoolFree(pool);
        return paths;
    }

    views::MainWindow *window() const { return m_app.window.get(); }

    GuestImage m_image;
    QString m_uri;
    test::MainWindowUnderTest m_app;
    models::HostSession *m_session = nullptr;
    QString m_uuid;
    QStringList m_copied;
};

// Sets a line edit the way typing into it does (textEdited too).
void typeInto(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    edit->insert(text);
}

TEST_F(WizardBootE2e, KernelBootFromTheWizardShowsTheGuestShellOnTheConsoleTab)
{
    QElapsedTimer total;
    total.start();
    info(u"host"_s, daemon().accelerationSummary());
    const QStringList files = copyImageIntoPool();
    ASSERT_EQ(files.size(), 2);

    QString createdUri;
    bool openConsoleAsked = false;
    QObject::connect(window()->actions(), &views::ActionController::vmCreated, window(),
                     [&](const QString &uri, const QString &uuid, bool openConsole) {
                         createdUri = uri;
                         m_uuid = uuid;
                         openConsoleAsked = openConsole;
                     });

    // File › New VM on the selected host.
    ASSERT_TRUE(waitUntil([&] { return window()->select(m_uri); }, 10'000));
    ASSERT_TRUE(window()->newVmAction()->isEnabled());
    window()->newVmAction()->trigger();
    views::NewVmDialog *d = nullptr;
    ASSERT_TRUE(waitUntil(
        [&] {
            d = window()->findChild<views::NewVmDialog *>();
            return d && d->isVisible();
        },
        10'000))
        << "New VM did not open the wizard";
    ASSERT_TRUE(d->selectHost(m_uri));
    ASSERT_TRUE(d->selectArch(kArch)) << m_uri.toStdString() << " offers no ppc64le guests";
    ASSERT_TRUE(waitUntil([&] { return d->isReady(); }, 60'000))
        << "the wizard never got the host's choices";

    const QString name = LibvirtDaemon::domainPrefix() + u"wizard-ppc64le"_s;
    typeInto(d->nameEdit(), name);
    // Lean: no disk and no NIC; no graphics, so the serial port is the console.
    d->storageKindCombo()->setCurrentIndex(
        d->storageKindCombo()->findData(int(models::StorageKind::None)));
    d->nicCheck()->setChecked(false);
    ASSERT_TRUE(d->graphicsCombo()->setCurrentId(u"none"_s)) << "no 'none' graphics offered";
    d->videoCombo()->setCurrentId(u"none"_s); // where the arch allows no video card

    // The install page: direct kernel boot from the pool's volumes.
    auto *method = d->findChild<QComboBox *>(u"installMethod"_s);
    ASSERT_TRUE(method) << "the wizard has no install method choice";
    const int kernelIndex = method->findData(u"kernel"_s);
    ASSERT_GE(kernelIndex, 0) << "direct kernel boot is not offered";
    method->setCurrentIndex(kernelIndex);
    auto *kernel = d->findChild<QLineEdit *>(u"kernelPath"_s);
    auto *initrd = d->findChild<QLineEdit *>(u"initrdPath"_s);
    auto *args = d->findChild<QLineEdit *>(u"kernelArgs"_s);
    ASSERT_TRUE(kernel && initrd && args);
    // The kernel and initrd are picked from the host's pool volumes, as a user does.
    const auto pick = [](QComboBox *picker, QLineEdit *edit, const QString &path) {
        const int i = picker ? picker->findData(path) : -1;
        if (i < 0)
            return false;
        picker->setCurrentIndex(i);
        emit picker->activated(i);
        return edit->text() == path;
    };
    EXPECT_TRUE(pick(d->installPage()->kernelVolume(), kernel, files[0]))
        << "the kernel picker does not offer the pool volume " << files[0].toStdString();
    EXPECT_TRUE(pick(d->installPage()->initrdVolume(), initrd, files[1]))
        << "the initrd picker does not offer the pool volume " << files[1].toStdString();
    if (kernel->text() != files[0])
        typeInto(kernel, files[0]);
    if (initrd->text() != files[1])
        typeInto(initrd, files[1]);
    QString cmdline = args->text().trimmed();
    if (!cmdline.contains(u"console="_s)) {
        ASSERT_TRUE(d->guestContext().has_value());
        cmdline = models::defaultKernelArguments(*d->guestContext(), d->consoleCombo()->currentId())
                      .trimmed();
        ADD_FAILURE() << "the wizard did not fill the kernel's console argument; using \""
                      << cmdline.toStdString() << "\"";
    }
    typeInto(args, cmdline + u" quiet crossvirt.tick=0"_s);
    info(u"wizard"_s, u"kernel %1, initrd %2, arguments \"%3\""_s.arg(
                          kernel->text(), initrd->text(), args->text()));

    // Page by page to the last one, as a user clicks Next.
    d->restart();
    // The install path ends on the summary page (the template pages come after it).
    const int lastPage = views::NewVmDialog::SummaryPage;
    for (int i = 0; i < 20 && d->currentId() != lastPage; ++i) {
        ASSERT_TRUE(d->button(QWizard::NextButton)->isEnabled())
            << "Next is disabled on page " << d->currentId() << ": "
            << (d->problems().isEmpty() ? std::string()
                                        : d->problems().first().message.toStdString());
        d->button(QWizard::NextButton)->click();
    }
    ASSERT_EQ(d->currentId(), lastPage);
    ASSERT_TRUE(d->problems().isEmpty()) << d->problems().first().field.toStdString() << ": "
                                         << d->problems().first().message.toStdString();
    const QString xml = d->domainXml();
    EXPECT_TRUE(xml.contains(u"<kernel>"_s + files[0])) << xml.toStdString();
    EXPECT_TRUE(xml.contains(u"<initrd>"_s + files[1])) << xml.toStdString();
    d->startCheck()->setChecked(true);
    d->openConsoleCheck()->setChecked(true);
    d->grab().save(screenshotDir() + u"/wizard-ppc64le-kernel-summary.png"_s);
    ASSERT_TRUE(d->button(QWizard::FinishButton)->isEnabled());
    const QPointer<views::NewVmDialog> wizard(d); // it deletes itself once the VM is made
    d->button(QWizard::FinishButton)->click();
    ASSERT_TRUE(waitUntil(
        [&] {
            return !m_uuid.isEmpty() || !wizard || !wizard->createErrorLabel()->text().isEmpty();
        },
        120'000));
    ASSERT_FALSE(m_uuid.isEmpty()) << (wizard ? wizard->createErrorLabel()->text().toStdString()
                                              : std::string("the wizard closed"));
    EXPECT_EQ(createdUri, m_uri);
    EXPECT_TRUE(openConsoleAsked);
    QElapsedTimer boot;
    boot.start();

    // Finish opened the VM's window on its Console tab.
    views::VmWindow *vmWindow = nullptr;
    ASSERT_TRUE(waitUntil(
        [&] {
            for (views::VmWindow *w : window()->findChildren<views::VmWindow *>()) {
                if (w->uuid() == m_uuid && w->isVisible())
                    vmWindow = w;
            }
            return vmWindow != nullptr;
        },
        20'000))
        << "no VM window opened";
    vmWindow->resize(1000, 760);
    EXPECT_EQ(vmWindow->tabs()->currentWidget(), vmWindow->console())
        << "the VM window is not on its Console tab";
    views::ConsolePage *page = vmWindow->console();
    ASSERT_TRUE(waitUntil([&] { return page->serialConsole() != nullptr; }, 30'000))
        << "the Console tab shows no serial terminal: " << page->messageText().toStdString();
    views::SerialTerminal *terminal = page->serialConsole();
    // What the terminal widget shows, as the user reads it.
    const auto shown = [terminal] { return terminal->textView()->toPlainText(); };
    const bool prompt = waitUntil([&] { return shown().contains(kPrompt); }, kBootTimeoutMs);
    waitUntil([] { return false; }, 300); // let the terminal paint
    const QString path = screenshotDir() + u"/wizard-ppc64le-console.png"_s;
    EXPECT_TRUE(vmWindow->grab().save(path)) << path.toStdString();
    info(u"gui"_s, u"saved "_s + path);
    const QStringList lines = shown().split(u'\n');
    ASSERT_TRUE(prompt) << "the Console tab never showed \"" << kPrompt.toStdString()
                        << "\" (terminal: " << terminal->statusText().toStdString()
                        << ")\n--- last 30 lines ---\n"
                        << lines.mid(qMax(0, int(lines.size()) - 30)).join(u'\n').toStdString();
    EXPECT_TRUE(shown().contains(u"CROSSVIRT-READY"_s));
    info(u"boot"_s, u"ppc64le shell prompt on the Console tab %1 s after Finish (total %2 s)"_s
                        .arg(boot.elapsed() / 1000.0, 0, 'f', 1)
                        .arg(total.elapsed() / 1000.0, 0, 'f', 1));

    // The prompt is the guest's shell: a line typed into the tab is answered.
    for (const QChar ch : u"echo $((6*7))CROSSVIRT"_s) {
        QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(ch));
        QApplication::sendEvent(terminal->textView(), &press);
    }
    QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier, u"\r"_s);
    QApplication::sendEvent(terminal->textView(), &enter);
    EXPECT_TRUE(waitUntil([&] { return shown().contains(u"\n42CROSSVIRT"_s); }, 60'000))
        << "the shell did not answer a typed line; last lines:\n"
        << shown()
               .split(u'\n')
               .mid(qMax(0, int(shown().split(u'\n').size()) - 10))
               .join(u'\n')
               .toStdString();
    waitUntil([] { return false; }, 300);
    EXPECT_TRUE(vmWindow->grab().save(path)) << path.toStdString(); // with the answer
}

} // namespace
