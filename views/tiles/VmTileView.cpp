#include "views/tiles/VmTileView.h"

#include "models/connection/HostSession.h"
#include "models/thumbnails/ThumbnailService.h"
#include "models/thumbnails/VmTileModel.h"
#include "views/tiles/VmTileDelegate.h"

#include <QHash>
#include <QScrollBar>

namespace crossvirt::views {

using models::HostSession;
using models::ThumbnailService;
using models::VmTileModel;

VmTileView::VmTileView(QWidget *parent) : QListView(parent), m_tiles(new VmTileModel(this))
{
    setViewMode(QListView::IconMode);
    setMovement(QListView::Static);
    setResizeMode(QListView::Adjust);
    setUniformItemSizes(true);
    setSpacing(6);
    setWrapping(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setItemDelegate(new VmTileDelegate(this));
    setModel(m_tiles);
    setAccessibleName(tr("Virtual machine tiles"));
    setAccessibleDescription(tr("The virtual machines of the selected host or cluster with a "
                                "small picture of each running one's screen. Press Enter to "
                                "open a virtual machine's console."));

    m_visibilityTimer.setSingleShot(true);
    m_visibilityTimer.setInterval(100);
    connect(&m_visibilityTimer, &QTimer::timeout, this, &VmTileView::updateVisibleTiles);
    const auto later = [this] { m_visibilityTimer.start(); };
    connect(m_tiles, &QAbstractItemModel::rowsInserted, this, later);
    connect(m_tiles, &QAbstractItemModel::rowsRemoved, this, later);
    connect(m_tiles, &QAbstractItemModel::modelReset, this, later);
    connect(m_tiles, &QAbstractItemModel::layoutChanged, this, later);
    // State changes make a VM pollable (or not) though its tile stays where it is.
    connect(m_tiles, &QAbstractItemModel::dataChanged, this,
            [later](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                if (roles.isEmpty())
                    later();
            });
    connect(this, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        emit openConsoleRequested(index.data(VmTileModel::UriRole).toString(),
                                  index.data(VmTileModel::UuidRole).toString());
    });
}

void VmTileView::setSessions(const QList<HostSession *> &sessions)
{
    if (sessions == m_tiles->sessions())
        return;
    m_tiles->setSessions(sessions);
    updateVisibleTiles();
}

QStringList VmTileView::visibleUuids() const
{
    QStringList uuids;
    if (!isVisible())
        return uuids;
    const QRect area = viewport()->rect();
    for (int r = 0; r < m_tiles->rowCount(); ++r) {
        const QModelIndex index = m_tiles->index(r, 0);
        if (visualRect(index).intersects(area))
            uuids << index.data(VmTileModel::UuidRole).toString();
    }
    return uuids;
}

void VmTileView::updateVisibleTiles()
{
    m_visibilityTimer.stop();
    publish(isVisible());
}

void VmTileView::publish(bool shown)
{
    QHash<HostSession *, QStringList> byHost;
    const QList<HostSession *> sessions = m_tiles->sessions();
    for (HostSession *s : sessions)
        byHost[s]; // a host with nothing visible is told so
    if (shown) {
        const QRect area = viewport()->rect();
        for (int r = 0; r < m_tiles->rowCount(); ++r) {
            const QModelIndex index = m_tiles->index(r, 0);
            if (!visualRect(index).intersects(area))
                continue;
            auto *s = qobject_cast<HostSession *>(
                index.data(VmTileModel::HostSessionRole).value<QObject *>());
            if (s)
                byHost[s] << index.data(VmTileModel::UuidRole).toString();
        }
    }
    // Hosts no longer shown here stop polling for this view (a deleted one took its
    // service along).
    for (const QPointer<HostSession> &old : std::as_const(m_published)) {
        if (old && !byHost.contains(old.data()))
            ThumbnailService::of(old)->setVisible(this, {});
    }
    for (auto it = byHost.cbegin(); it != byHost.cend(); ++it)
        ThumbnailService::of(it.key())->setVisible(this, it.value());
    m_published.clear();
    for (HostSession *s : sessions)
        m_published << s;
}

void VmTileView::showEvent(QShowEvent *event)
{
    QListView::showEvent(event);
    m_visibilityTimer.start();
}

void VmTileView::hideEvent(QHideEvent *event)
{
    QListView::hideEvent(event);
    publish(false);
}

void VmTileView::resizeEvent(QResizeEvent *event)
{
    QListView::resizeEvent(event);
    m_visibilityTimer.start();
}

void VmTileView::scrollContentsBy(int dx, int dy)
{
    QListView::scrollContentsBy(dx, dy);
    m_visibilityTimer.start();
}

} // namespace crossvirt::views
