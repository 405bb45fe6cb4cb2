// The transfer window offscreen on the demo datacenter (test-driver hosts): what it offers,
// what it refuses and says, how it shows progress, and a file dropped on a host row of the
// main window opening it.
#include "views/transfer/TransferDialog.h"
#include "../views/DialogFixture.h"
#include "../views/MainWindowFixture.h"
#include "common/TestSupport.h"
#include "models/connection/HostSession.h"
#include "views/transfer/HostFileDrop.h"

#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeView>
#include <QUrl>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace crossvirt;
using crossvirt::test::waitUntil;
using views::TransferDialog;

namespace {

QString makeFile(const QString &name, qint64 size)
{
    const QString path = test::makeTempDir() + u"/"_s + name;
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    EXPECT_TRUE(f.resize(size));
    return path;
}

void screenshot(QWidget *widget, const QString &name)
{
    const QString dir = QCoreApplication::applicationDirPath() + u"/screenshots"_s;
    QDir().mkpath(dir);
    widget->show();
    QCoreApplication::processEvents();
    EXPECT_TRUE(widget->grab().save(dir + u'/' + name + u".png"_s)) << qPrintable(name);
}

class TransferDialogTest : public test::DialogTest
{
};

} // namespace

TEST_F(TransferDialogTest, UploadOffersActivePoolsNamesTheVolumeAndRefusesBadNames)
{
    const QString iso = makeFile(u"my-installer.iso"_s, 600 << 20);
    TransferDialog d(TransferDialog::Mode::Upload, session(u"x86_64"_s), {}, iso);
    d.show();
    ASSERT_TRUE(waitUntil([&] { return d.isReady(); }));
    EXPECT_EQ(d.poolCombo()->currentData().toString(), u"default"_s);
    EXPECT_TRUE(d.poolCombo()->currentText().contains(u"free"_s));
    EXPECT_EQ(d.volumeEdit()->text(), u"my-installer.iso"_s) << "defaults to the file's name";
    EXPECT_FALSE(d.progressBar()->isVisible()) << "no progress bar before a transfer";
    EXPECT_TRUE(d.startButton()->isEnabled());
    const QString hostname = session(u"x86_64"_s)->hostInfo().hostname;
    ASSERT_FALSE(hostname.isEmpty());
    EXPECT_EQ(d.windowTitle(), u"Upload to %1"_s.arg(hostname)) << "the host's name, not its URI";
    screenshot(&d, u"transfer-upload-ready"_s);

    d.volumeEdit()->setText(u"isos/debian.iso"_s);
    EXPECT_FALSE(d.startButton()->isEnabled());
    EXPECT_TRUE(d.errorLabel()->isVisible());
    EXPECT_TRUE(d.errorLabel()->text().contains(u"/"_s)) << d.errorLabel()->text().toStdString();

    d.volumeEdit()->setText(u"debian-12-netinst.iso"_s); // the demo pool has it
    EXPECT_FALSE(d.startButton()->isEnabled());
    EXPECT_TRUE(d.errorLabel()->text().contains(u"already exists"_s))
        << d.errorLabel()->text().toStdString();

    d.volumeEdit()->setText(u"web-01.qcow2"_s); // the pool has it
    EXPECT_FALSE(d.startButton()->isEnabled());
    EXPECT_TRUE(d.errorLabel()->text().contains(u"web-01.qcow2"_s))
        << d.errorLabel()->text().toStdString();

    d.fileEdit()->setText(iso + u".missing"_s);
    EXPECT_FALSE(d.startButton()->isEnabled());
    EXPECT_TRUE(d.errorLabel()->text().contains(u"does not exist"_s));
}

TEST_F(TransferDialogTest, UploadFailureIsShownAndTheWindowStaysUsable)
{
    const QString iso = makeFile(u"installer.iso"_s, 1 << 20);
    TransferDialog d(TransferDialog::Mode::Upload, session(u"x86_64"_s), {}, iso);
    d.show();
    ASSERT_TRUE(waitUntil([&] { return d.isReady(); }));
    ASSERT_TRUE(d.startButton()->isEnabled());
    d.startButton()->click();
    EXPECT_TRUE(d.isTransferring());
    EXPECT_FALSE(d.fileEdit()->isEnabled()) << "fields are locked while it runs";
    EXPECT_TRUE(d.progressBar()->isVisible());
    // The test driver has no volume upload: libvirt's own message, after what was done.
    ASSERT_TRUE(waitUntil([&] { return !d.isTransferring(); }, 10'000));
    EXPECT_TRUE(d.errorLabel()->isVisible());
    EXPECT_TRUE(d.errorLabel()->text().contains(u"Could not upload"_s))
        << d.errorLabel()->text().toStdString();
    EXPECT_TRUE(d.errorLabel()->text().contains(u"not supported"_s))
        << d.errorLabel()->text().toStdString();
    EXPECT_TRUE(d.fileEdit()->isEnabled());
    EXPECT_TRUE(d.startButton()->isEnabled()) << "the user can try again";
    screenshot(&d, u"transfer-upload-failed"_s);
}

TEST_F(TransferDialogTest, ProgressShowsBytesRateAndTimeLeft)
{
    const QString iso = makeFile(u"installer.iso"_s, 256 << 20);
    TransferDialog d(TransferDialog::Mode::Upload, session(u"x86_64"_s), {}, iso);
    d.show();
    ASSERT_TRUE(waitUntil([&] { return d.isReady(); }));
    // What the core reports half way (the test driver cannot stream; the e2e test drives
    // the same signal from a real upload).
    models::TransferProgress p;
    p.bytesDone = 96ull << 20;
    p.bytesTotal = 256ull << 20;
    p.bytesPerSecond = 32ull << 20;
    p.secondsLeft = 5;
    emit d.transfer()->progress(p);
    EXPECT_EQ(d.progressBar()->maximum(), 256 * 1024);
    EXPECT_EQ(d.progressBar()->value(), 96 * 1024);
    const QString text = d.progressLabel()->text();
    EXPECT_TRUE(text.contains(u"96"_s) && text.contains(u"256"_s) && text.contains(u"/s"_s) &&
                text.contains(u"5 s left"_s))
        << text.toStdString();
    screenshot(&d, u"transfer-upload-progress"_s);
}

TEST_F(TransferDialogTest, DownloadAsksBeforeReplacingAFile)
{
    const QString existing = makeFile(u"web-01.qcow2"_s, 10);
    TransferDialog d(TransferDialog::Mode::Download, session(u"x86_64"_s), u"default"_s,
                     u"web-01.qcow2"_s);
    d.fileEdit()->setText(existing);
    QString asked;
    d.setOverwriteQuestion([&](const QString &file) {
        asked = file;
        return false;
    });
    ASSERT_TRUE(d.startButton()->isEnabled());
    d.startButton()->click();
    EXPECT_EQ(asked, existing);
    EXPECT_FALSE(d.isTransferring()) << "declined: nothing started";
    screenshot(&d, u"transfer-download"_s);

    d.fileEdit()->setText(test::makeTempDir() + u"/no-such-folder/x.qcow2"_s);
    EXPECT_FALSE(d.startButton()->isEnabled());
    EXPECT_TRUE(d.errorLabel()->text().contains(u"does not exist"_s))
        << d.errorLabel()->text().toStdString();
}

TEST(HostFileDropTest, AFileDroppedOnAHostRowOpensTheUploadWindowForThatHost)
{
    const QString iso = makeFile(u"dropped.iso"_s, 4096);
    test::MainWindowUnderTest app = test::openMainWindow();
    QTreeView *tree = app.window->tree();
    // The first host row of the demo datacenter, once connected.
    QModelIndex hostRow;
    ASSERT_TRUE(waitUntil(
        [&] {
            hostRow = tree->model()->index(0, 0);
            return hostRow.isValid() && tree->model()->rowCount(hostRow) > 0;
        },
        10'000));
    auto *drop = tree->findChild<views::HostFileDrop *>();
    ASSERT_TRUE(drop) << "the main window's tree accepts dropped files";
    QWidget *opened = nullptr;
    QObject::connect(drop, &views::HostFileDrop::uploadOpened, [&](QWidget *w) { opened = w; });

    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(iso)});
    const QPoint onHost = tree->visualRect(hostRow).center();
    const QPoint onVm = tree->visualRect(tree->model()->index(0, 0, hostRow)).center();

    QDragEnterEvent enter(onVm, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(tree->viewport(), &enter);
    QDragMoveEvent overVm(onVm, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(tree->viewport(), &overVm);
    EXPECT_FALSE(overVm.isAccepted()) << "a VM row is no drop target";
    QDragMoveEvent overHost(onHost, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(tree->viewport(), &overHost);
    EXPECT_TRUE(overHost.isAccepted());
    QDropEvent dropped(QPointF(onHost), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(tree->viewport(), &dropped);

    auto *dialog = qobject_cast<TransferDialog *>(opened);
    ASSERT_TRUE(dialog);
    EXPECT_EQ(dialog->mode(), TransferDialog::Mode::Upload);
    EXPECT_EQ(dialog->fileEdit()->text(), iso);
    EXPECT_EQ(dialog->volumeEdit()->text(), u"dropped.iso"_s);
    EXPECT_TRUE(dialog->isVisible());
    ASSERT_TRUE(waitUntil([&] { return dialog->isReady(); }));
    screenshot(dialog, u"transfer-upload-dropped"_s);
    dialog->close();
}
