// The host's Storage tab, offscreen, on a test-driver host whose VMs use its volumes:
// what the tables show, which buttons are offered, the dialogs' inline messages, and a
// refused operation shown with what was being done and the reason.
#include "views/storage/StoragePage.h"
#include "common/TestSupport.h"
#include "models/connection/HostSession.h"
#include "models/storage/HostStorage.h"
#include "views/storage/StorageDialogs.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <gtest/gtest.h>

using namespace crossvirt;
using namespace crossvirt::models;
using namespace Qt::StringLiterals;

namespace {

QString screenshotPath(const QString &name)
{
    const QString dir = QCoreApplication::applicationDirPath() + u"/screenshots"_s;
    QDir().mkpath(dir);
    return dir + u'/' + name;
}

template<typename T> void whenModal(std::function<void(T *)> act)
{
    auto *poll = new QTimer;
    poll->setInterval(20);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, act] {
        if (auto *w = qobject_cast<T *>(QApplication::activeModalWidget())) {
            poll->stop();
            poll->deleteLater();
            act(w);
        }
    });
    poll->start();
}

QString cell(const QTableView *view, int row, int column)
{
    return view->model()->index(row, column).data().toString();
}

class StoragePageTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        session.open();
        ASSERT_TRUE(test::waitUntil([&] { return session.state() == ConnectionState::Connected; }));
        page.resize(980, 620);
        page.show();
        page.setSession(&session);
        ASSERT_TRUE(test::waitUntil([&] { return page.storage()->isLoaded(); }));
    }

    HostSession session{u"test://"_s + test::sourcePath(u"tests/models/data/shared-volume.xml"_s)};
    views::StoragePage page;
};

} // namespace

TEST_F(StoragePageTest, ShowsPoolsVolumesAndWhoUsesThem)
{
    const QTableView *pools = page.poolView();
    ASSERT_EQ(pools->model()->rowCount(), 1);
    EXPECT_EQ(cell(pools, 0, PoolListModel::NameColumn), u"default"_s);
    EXPECT_EQ(cell(pools, 0, PoolListModel::StateColumn), u"Active"_s);
    EXPECT_EQ(page.selectedPool(), u"default"_s) << "the first pool is selected";

    const QTableView *volumes = page.volumeView();
    ASSERT_TRUE(test::waitUntil([&] { return volumes->model()->rowCount() == 5; }));
    const int shared = page.storage()->volumes()->rowOf(u"shared-data.qcow2"_s);
    EXPECT_EQ(cell(volumes, shared, VolumeListModel::UsedByColumn), u"app-a, app-b"_s);
    EXPECT_EQ(cell(volumes, shared, VolumeListModel::FormatColumn), u"qcow2"_s);

    EXPECT_TRUE(page.newPoolAction()->isEnabled());
    EXPECT_FALSE(page.startPoolAction()->isEnabled()) << "already running";
    EXPECT_TRUE(page.stopPoolAction()->isEnabled());
    EXPECT_TRUE(page.newVolumeAction()->isEnabled());
    EXPECT_TRUE(page.uploadAction()->isEnabled());

    page.selectVolume(u"shared-data.qcow2"_s);
    EXPECT_TRUE(page.resizeVolumeAction()->isEnabled());
    EXPECT_TRUE(page.downloadAction()->isEnabled());
    EXPECT_FALSE(page.deleteVolumeAction()->isEnabled()) << "a VM uses it";
    EXPECT_TRUE(page.deleteVolumeAction()->toolTip().contains(u"app-a, app-b"_s))
        << page.deleteVolumeAction()->toolTip().toStdString();
    page.grab().save(screenshotPath(u"storage-page.png"_s));

    // A new volume nobody uses may be deleted.
    VolumeSpec spec;
    spec.pool = u"default"_s;
    spec.name = u"free.qcow2"_s;
    spec.capacity = quint64(1) << 30;
    page.storage()->createVolume(spec).waitForFinished();
    ASSERT_TRUE(test::waitUntil([&] { return volumes->model()->rowCount() == 6; }));
    page.selectVolume(u"free.qcow2"_s);
    EXPECT_TRUE(page.deleteVolumeAction()->isEnabled());
}

TEST_F(StoragePageTest, UploadAndDownloadAskForTheTransferDialog)
{
    QString uploadPool, downloadPool, downloadVolume;
    QObject::connect(&page, &views::StoragePage::uploadRequested,
                     [&](const QString &pool) { uploadPool = pool; });
    QObject::connect(&page, &views::StoragePage::downloadRequested,
                     [&](const QString &pool, const QString &volume) {
                         downloadPool = pool;
                         downloadVolume = volume;
                     });
    ASSERT_TRUE(test::waitUntil([&] { return page.volumeView()->model()->rowCount() == 5; }));
    page.uploadAction()->trigger();
    EXPECT_EQ(uploadPool, u"default"_s);
    page.selectVolume(u"install.iso"_s);
    page.downloadAction()->trigger();
    EXPECT_EQ(downloadPool, u"default"_s);
    EXPECT_EQ(downloadVolume, u"install.iso"_s);
}

TEST_F(StoragePageTest, DeletingAPoolInUseShowsWhatWasRefusedAndWhy)
{
    bool asked = false;
    whenModal<views::DeletePoolDialog>([&](views::DeletePoolDialog *d) {
        asked = true;
        EXPECT_TRUE(d->deleteVolumesBox()->text().contains(u"5 volume"_s))
            << d->deleteVolumesBox()->text().toStdString();
        EXPECT_FALSE(d->deleteVolumes()) << "never ticked by default";
        d->grab().save(screenshotPath(u"storage-delete-pool.png"_s));
        d->deleteVolumesBox()->setChecked(true);
        d->accept();
    });
    page.deletePoolAction()->trigger();
    EXPECT_TRUE(asked);
    ASSERT_TRUE(test::waitUntil([&] { return page.messageLabel()->isVisible(); }));
    const QString text = page.messageLabel()->text();
    EXPECT_TRUE(text.startsWith(u"Could not delete the storage pool “default”"_s))
        << text.toStdString();
    EXPECT_TRUE(text.contains(u"app-a"_s) && text.contains(u"zz-idle"_s)) << text.toStdString();
    EXPECT_EQ(page.poolView()->model()->rowCount(), 1);
    page.grab().save(screenshotPath(u"storage-page-refused.png"_s));
}

TEST(StorageDialogsTest, NewPoolOffersOnlySupportedTypesAndShowsProblemsInline)
{
    PoolTypeSupport types;
    types.types = {u"dir"_s, u"netfs"_s};
    types.fromHost = true;
    views::NewPoolDialog dialog(types, {u"default"_s}, true);
    dialog.show();
    ASSERT_EQ(dialog.typeCombo()->count(), 2);
    EXPECT_FALSE(dialog.buttons()->button(QDialogButtonBox::Ok)->isEnabled()) << "no name yet";

    dialog.nameEdit()->setText(u"default"_s);
    EXPECT_TRUE(dialog.fieldError(u"name"_s)->text().contains(u"already exists"_s));
    dialog.nameEdit()->setText(u"images"_s);
    dialog.targetEdit()->setText(u"/nonexistent/crossvirt"_s);
    EXPECT_TRUE(dialog.fieldError(u"target"_s)->isVisible());
    EXPECT_TRUE(dialog.fieldError(u"target"_s)->text().contains(u"does not exist"_s));
    EXPECT_FALSE(dialog.sourceHostEdit()->parentWidget()->isVisible()) << "dir has no server";
    dialog.targetEdit()->setText(test::makeTempDir());
    EXPECT_TRUE(dialog.problems().isEmpty());
    EXPECT_TRUE(dialog.buttons()->button(QDialogButtonBox::Ok)->isEnabled());

    dialog.typeCombo()->setCurrentIndex(dialog.typeCombo()->findData(u"netfs"_s));
    EXPECT_TRUE(dialog.sourceHostEdit()->parentWidget()->isVisible());
    EXPECT_TRUE(dialog.sourcePathEdit()->parentWidget()->isVisible());
    EXPECT_FALSE(dialog.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    dialog.sourceHostEdit()->setText(u"filer"_s);
    dialog.sourcePathEdit()->setText(u"/export"_s);
    dialog.targetEdit()->setText(u"/mnt/images"_s);
    EXPECT_TRUE(dialog.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    const PoolSpec spec = dialog.spec();
    EXPECT_EQ(spec.type, u"netfs"_s);
    EXPECT_EQ(spec.sourceHost, u"filer"_s);
    EXPECT_TRUE(spec.format.isEmpty()) << "auto: libvirt detects it";
    dialog.grab().save(screenshotPath(u"storage-new-pool.png"_s));
}

TEST(StorageDialogsTest, VolumeDialogsRefuseShrinkNamesWithSlashAndTooBigSizes)
{
    PoolContents pool;
    pool.info.name = u"images"_s;
    pool.info.active = true;
    pool.info.available = quint64(20) << 30;
    VolumeInfo disk;
    disk.name = u"disk.qcow2"_s;
    disk.format = u"qcow2"_s;
    disk.capacity = quint64(10) << 30;
    pool.volumes << disk;

    views::VolumeDialog create(views::VolumeDialog::Mode::Create, pool);
    create.show();
    create.nameEdit()->setText(u"a/b"_s);
    EXPECT_TRUE(create.fieldError(u"name"_s)->isVisible());
    create.nameEdit()->setText(u"new.qcow2"_s);
    create.sizeSpin()->setValue(50);
    EXPECT_TRUE(create.fieldError(u"size"_s)->text().contains(u"free space"_s))
        << create.fieldError(u"size"_s)->text().toStdString();
    EXPECT_FALSE(create.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    create.sizeSpin()->setValue(5);
    create.backingCombo()->setCurrentIndex(create.backingCombo()->findData(u"disk.qcow2"_s));
    EXPECT_TRUE(create.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    EXPECT_EQ(create.spec().backingVolume, u"disk.qcow2"_s);
    EXPECT_EQ(create.spec().capacity, quint64(5) << 30);
    create.grab().save(screenshotPath(u"storage-new-volume.png"_s));

    views::VolumeDialog resize(views::VolumeDialog::Mode::Resize, pool, disk);
    resize.show();
    resize.sizeSpin()->setValue(4);
    EXPECT_TRUE(resize.fieldError(u"size"_s)->text().contains(u"only grow"_s));
    EXPECT_FALSE(resize.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    resize.sizeSpin()->setValue(15);
    EXPECT_TRUE(resize.buttons()->button(QDialogButtonBox::Ok)->isEnabled());

    views::VolumeDialog clone(views::VolumeDialog::Mode::Clone, pool, disk);
    EXPECT_EQ(clone.nameEdit()->text(), u"disk-copy.qcow2"_s);
    clone.nameEdit()->setText(u"disk.qcow2"_s);
    EXPECT_FALSE(clone.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
}
