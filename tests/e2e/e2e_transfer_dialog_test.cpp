// The upload window driving a real upload over qemu+tcp:// (issue 16): the progress bar
// and its bytes / rate / time-left line while it runs (screenshot), then the result.

#include "common/TestSupport.h"
#include "e2e/E2eSupport.h"
#include "views/transfer/TransferDialog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <gtest/gtest.h>
#include <libvirt/virterror.h>

using namespace Qt::StringLiterals;
using namespace crossvirt::test::e2e;
using crossvirt::test::waitUntil;
using crossvirt::views::TransferDialog;

namespace {

[[maybe_unused]] ::testing::Environment *const e2eEnvironment =
    ::testing::AddGlobalTestEnvironment(new LibvirtDaemonEnvironment);

class TransferDialogE2e : public LibvirtDaemonTest
{
};

void screenshot(QWidget *w, const QString &name)
{
    const QString dir = QStringLiteral(CROSSVIRT_BINARY_DIR) + u"/screenshots"_s;
    QDir().mkpath(dir);
    QCoreApplication::processEvents();
    EXPECT_TRUE(w->grab().save(dir + u"/"_s + name + u".png"_s));
}

bool volumeExists(virConnectPtr conn, const QString &name)
{
    virStoragePoolPtr pool =
        virStoragePoolLookupByName(conn, LibvirtDaemon::poolName().toUtf8().constData());
    if (!pool)
        return false;
    virStoragePoolRefresh(pool, 0);
    virStorageVolPtr vol = virStorageVolLookupByName(pool, name.toUtf8().constData());
    const bool found = vol != nullptr;
    if (vol) {
        virStorageVolDelete(vol, 0);
        virStorageVolFree(vol);
    }
    virResetLastError();
    virStoragePoolFree(pool);
    return found;
}

TEST_F(TransferDialogE2e, UploadWindowShowsProgressThenTheResult)
{
    QString error;
    auto session = openSession(LibvirtDaemon::remoteUri(), &error);
    if (!session && daemon().reusedExistingDaemon())
        GTEST_SKIP() << "the reused libvirtd does not listen on TCP: " << error.toStdString();
    ASSERT_TRUE(session) << error.toStdString();

    const QString file = crossvirt::test::makeTempDir() + u"/installer.iso"_s;
    {
        QFile f(file);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8 << 20, 'c')); // 8 MiB of data in a 64 MiB file
        ASSERT_TRUE(f.resize(64 << 20));
    }
    const QString volume = u"crossvirt-e2e-dialog.iso"_s;
    volumeExists(conn(), volume); // (and deletes a leftover)

    TransferDialog *d =
        TransferDialog::startUpload(nullptr, session.get(), LibvirtDaemon::poolName(), file);
    d->fileEdit()->setText(file);
    d->volumeEdit()->setText(volume);
    ASSERT_TRUE(waitUntil([&] { return d->isReady() && d->startButton()->isEnabled(); }, 20'000))
        << d->errorLabel()->text().toStdString();
    d->transfer()->setChunkDelayForTesting(60); // slow enough to be seen half way
    d->startButton()->click();
    ASSERT_TRUE(waitUntil(
        [&] {
            return d->progressBar()->value() >= d->progressBar()->maximum() / 10 ||
                   !d->isTransferring();
        },
        30'000));
    ASSERT_TRUE(d->isTransferring()) << d->errorLabel()->text().toStdString();
    EXPECT_TRUE(d->progressLabel()->text().contains(u"of 64.0 MiB"_s))
        << d->progressLabel()->text().toStdString();
    EXPECT_FALSE(d->startButton()->isEnabled());
    screenshot(d, u"transfer-upload-running"_s);

    ASSERT_TRUE(waitUntil([&] { return !d->isTransferring(); }, 60'000));
    EXPECT_FALSE(d->errorLabel()->isVisible()) << d->errorLabel()->text().toStdString();
    EXPECT_TRUE(d->progressLabel()->text().contains(u"Uploaded"_s))
        << d->progressLabel()->text().toStdString();
    EXPECT_EQ(d->cancelButton()->text(), u"Close"_s);
    screenshot(d, u"transfer-upload-done"_s);
    EXPECT_TRUE(volumeExists(conn(), volume)); // found, then removed
    d->close();
}

} // namespace
