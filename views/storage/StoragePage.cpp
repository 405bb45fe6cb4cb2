#include "views/storage/StoragePage.h"

#include "views/common/DetailWidgets.h"

#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "models/storage/HostStorage.h"
#include "views/dialogs/FieldMessage.h"
#include "views/storage/StorageDialogs.h"
#include "views/storage/UsageBarDelegate.h"

#include <QAction>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace crossvirt::views {

using models::PoolListModel;
using models::VolumeListModel;

namespace {

QToolBar *makeToolBar(QWidget *parent, const QList<QAction *> &actions)
{
    auto *bar = new QToolBar(parent);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addActions(actions);
    return bar;
}

QString selectedName(const QTableView *view, int role)
{
    const QModelIndexList rows = view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(role).toString();
}

} // namespace

StoragePage::StoragePage(QWidget *parent)
    : QWidget(parent), m_storage(new models::HostStorage(this))
{
    auto *layout = new QVBoxLayout(this);
    m_message = makeFieldError(this);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);
    m_note = makeFieldNote(this);
    layout->addWidget(m_note);

    m_newPool = new QAction(tr("New Pool…"), this);
    m_startPool = new QAction(tr("Start"), this);
    m_stopPool = new QAction(tr("Stop"), this);
    m_autostart = new QAction(tr("Autostart"), this);
    m_autostart->setCheckable(true);
    m_autostart->setToolTip(tr("Start the pool when the host starts"));
    m_refreshPool = new QAction(tr("Refresh"), this);
    m_refreshPool->setToolTip(tr("Read the pool's volumes from disk again"));
    m_deletePool = new QAction(tr("Delete…"), this);
    m_newVolume = new QAction(tr("New Volume…"), this);
    m_resizeVolume = new QAction(tr("Resize…"), this);
    m_cloneVolume = new QAction(tr("Clone…"), this);
    m_deleteVolume = new QAction(tr("Delete…"), this);
    m_upload = new QAction(tr("Upload…"), this);
    m_upload->setToolTip(tr("Upload a local file (an ISO or a disk image) as a new volume"));
    m_download = new QAction(tr("Download…"), this);
    m_download->setToolTip(tr("Save the volume to a local file"));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    auto *poolBox = new QGroupBox(tr("Storage pools"), splitter);
    auto *poolLayout = new QVBoxLayout(poolBox);
    const QList<QAction *> poolActions{m_newPool,   m_startPool,   m_stopPool,
                                       m_autostart, m_refreshPool, m_deletePool};
    poolLayout->addWidget(makeToolBar(poolBox, poolActions));
    m_pools = listTable(m_storage->pools(), tr("Storage pools"), poolBox);
    m_pools->setContextMenuPolicy(Qt::CustomContextMenu);
    m_pools->setItemDelegateForColumn(PoolListModel::UsageColumn,
                                      new UsageBarDelegate(PoolListModel::UsageRole, m_pools));
    poolLayout->addWidget(m_pools);
    splitter->addWidget(poolBox);

    auto *volumeBox = new QGroupBox(tr("Volumes of the selected pool"), splitter);
    auto *volumeLayout = new QVBoxLayout(volumeBox);
    const QList<QAction *> volumeActions{m_newVolume,    m_resizeVolume, m_cloneVolume,
                                         m_deleteVolume, m_upload,       m_download};
    volumeLayout->addWidget(makeToolBar(volumeBox, volumeActions));
    m_volumes = listTable(m_storage->volumes(), tr("Volumes of the selected pool"), volumeBox);
    m_volumes->setContextMenuPolicy(Qt::CustomContextMenu);
    volumeLayout->addWidget(m_volumes);
    splitter->addWidget(volumeBox);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    connect(m_pools, &QWidget::customContextMenuRequested, this, [this, poolActions](QPoint p) {
        QMenu::exec(poolActions, m_pools->viewport()->mapToGlobal(p), nullptr, m_pools);
    });
    connect(m_volumes, &QWidget::customContextMenuRequested, this, [this, volumeActions](QPoint p) {
        QMenu::exec(volumeActions, m_volumes->viewport()->mapToGlobal(p), nullptr, m_volumes);
    });
    connect(m_pools->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        m_storage->selectPool(selectedPool());
        m_volumes->resizeColumnsToContents();
        updateActions();
    });
    connect(m_volumes->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &StoragePage::updateActions);
    connect(m_storage, &models::HostStorage::loaded, this, [this] {
        // The first read selects the first pool, so its volumes show at once.
        if (selectedPool().isEmpty() && m_storage->pools()->rowCount() > 0)
            m_pools->selectRow(0);
        m_note->setText(m_storage->poolTypes().note);
        fitColumns();
        updateActions();
    });
    connect(m_storage, &models::HostStorage::loadFailed, this, &StoragePage::showError);
    connect(m_storage, &models::HostStorage::busyChanged, this,
            [this](bool busy) { setCursor(busy ? Qt::BusyCursor : Qt::ArrowCursor); });

    connect(m_newPool, &QAction::triggered, this, &StoragePage::newPool);
    connect(m_startPool, &QAction::triggered, this,
            [this] { watch(m_storage->startPool(selectedPool())); });
    connect(m_stopPool, &QAction::triggered, this,
            [this] { watch(m_storage->stopPool(selectedPool())); });
    connect(m_autostart, &QAction::triggered, this,
            [this](bool on) { watch(m_storage->setPoolAutostart(selectedPool(), on)); });
    connect(m_refreshPool, &QAction::triggered, this,
            [this] { watch(m_storage->refreshPool(selectedPool())); });
    connect(m_deletePool, &QAction::triggered, this, &StoragePage::deletePool);
    connect(m_newVolume, &QAction::triggered, this, &StoragePage::newVolume);
    connect(m_resizeVolume, &QAction::triggered, this, &StoragePage::resizeVolume);
    connect(m_cloneVolume, &QAction::triggered, this, &StoragePage::cloneVolume);
    connect(m_deleteVolume, &QAction::triggered, this, &StoragePage::deleteVolume);
    connect(m_upload, &QAction::triggered, this, [this] { emit uploadRequested(selectedPool()); });
    connect(m_download, &QAction::triggered, this,
            [this] { emit downloadRequested(selectedPool(), selectedVolume()); });
    updateActions();
}

void StoragePage::setSession(models::HostSession *session)
{
    m_message->hide();
    m_session = session;
    m_storage->setSession(isVisible() ? session : nullptr);
    updateActions();
}

void StoragePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_storage->session() != m_session)
        m_storage->setSession(m_session);
    else
        m_storage->reload(); // another client may have changed it meanwhile
    updateActions();
}

QString StoragePage::selectedPool() const
{
    return selectedName(m_pools, PoolListModel::NameRole);
}

QString StoragePage::selectedVolume() const
{
    return selectedName(m_volumes, VolumeListModel::NameRole);
}

void StoragePage::selectPool(const QString &name)
{
    m_pools->selectRow(m_storage->pools()->rowOf(name));
}

void StoragePage::selectVolume(const QString &name)
{
    m_volumes->selectRow(m_storage->volumes()->rowOf(name));
}

const models::PoolContents *StoragePage::currentPool() const
{
    return m_storage->pools()->pool(selectedPool());
}

const models::VolumeInfo *StoragePage::currentVolume() const
{
    return m_storage->volumes()->volume(selectedVolume());
}

void StoragePage::fitColumns()
{
    m_pools->resizeColumnsToContents();
    m_pools->setColumnWidth(PoolListModel::UsageColumn,
                            qMax(140, m_pools->columnWidth(PoolListModel::UsageColumn)));
    m_volumes->resizeColumnsToContents();
}

void StoragePage::updateActions()
{
    const bool connected =
        m_storage->session() && m_storage->session()->state() == models::ConnectionState::Connected;
    const models::PoolContents *pool = currentPool();
    const bool active = pool && pool->info.active;
    m_newPool->setEnabled(connected);
    m_startPool->setEnabled(pool && !active);
    m_stopPool->setEnabled(active);
    m_autostart->setEnabled(pool && pool->info.persistent);
    m_autostart->setChecked(pool && pool->info.autostart);
    m_refreshPool->setEnabled(active);
    m_deletePool->setEnabled(pool != nullptr);
    m_newVolume->setEnabled(active);
    m_upload->setEnabled(active);
    const models::VolumeInfo *volume = currentVolume();
    m_resizeVolume->setEnabled(volume != nullptr);
    m_cloneVolume->setEnabled(volume != nullptr);
    m_download->setEnabled(volume != nullptr);
    // A volume a VM uses is not offered for deletion; the reason is on the button.
    const QString refusal = volume ? models::StorageRules::volumeDeleteRefusal(*volume) : QString();
    m_deleteVolume->setEnabled(volume && refusal.isEmpty());
    m_deleteVolume->setToolTip(refusal.isEmpty() ? tr("Delete the volume") : refusal);
}

void StoragePage::showError(const QString &error)
{
    setFieldErrors(m_message, error.isEmpty() ? QStringList() : QStringList{error});
}

template<typename T> void StoragePage::watch(const QFuture<T> &future)
{
    m_message->hide();
    const auto onError = [this](const QString &error) { showError(error); };
    if constexpr (std::is_void_v<T>)
        models::whenFinished(
            future, this, [] {}, onError);
    else
        models::whenFinished(
            future, this, [](const T &) {}, onError);
}

void StoragePage::newPool()
{
    QStringList existing;
    for (const models::PoolContents &p : m_storage->pools()->pools())
        existing << p.info.name;
    const bool local = m_storage->session() && models::isLocalUri(m_storage->session()->uri());
    NewPoolDialog dialog(m_storage->poolTypes(), existing, local, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    watch(m_storage->createPool(dialog.spec()));
}

void StoragePage::deletePool()
{
    const models::PoolContents *pool = currentPool();
    if (!pool)
        return;
    DeletePoolDialog dialog(*pool, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    watch(m_storage->deletePool(pool->info.name, dialog.deleteVolumes()));
}

void StoragePage::newVolume()
{
    const models::PoolContents *pool = currentPool();
    if (!pool)
        return;
    VolumeDialog dialog(VolumeDialog::Mode::Create, *pool, {}, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    watch(m_storage->createVolume(dialog.spec()));
}

void StoragePage::resizeVolume()
{
    const models::PoolContents *pool = currentPool();
    const models::VolumeInfo *volume = currentVolume();
    if (!pool || !volume)
        return;
    VolumeDialog dialog(VolumeDialog::Mode::Resize, *pool, *volume, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    watch(m_storage->resizeVolume(pool->info.name, volume->name, dialog.spec().capacity));
}

void StoragePage::cloneVolume()
{
    const models::PoolContents *pool = currentPool();
    const models::VolumeInfo *volume = currentVolume();
    if (!pool || !volume)
        return;
    VolumeDialog dialog(VolumeDialog::Mode::Clone, *pool, *volume, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    watch(m_storage->cloneVolume(pool->info.name, volume->name, dialog.spec().name));
}

void StoragePage::deleteVolume()
{
    const QString pool = selectedPool();
    const models::VolumeInfo *volume = currentVolume();
    if (!volume)
        return;
    const QString name = volume->name;
    const auto answer = QMessageBox::question(
        this, tr("Delete Volume"),
        tr("Delete the volume “%1” of the pool “%2”? Its data cannot be recovered.")
            .arg(name, pool),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    watch(m_storage->deleteVolume(pool, name));
}

} // namespace crossvirt::views
