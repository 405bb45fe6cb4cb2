#pragma once

#include <QListView>
#include <QPointer>
#include <QTimer>

namespace crossvirt::models {
class HostSession;
class VmTileModel;
} // namespace crossvirt::models

namespace crossvirt::views {

/// A grid of VM tiles (models::VmTileModel). Tells each host's ThumbnailService which of
/// its VMs' tiles are on screen, so only those are polled, and nothing while hidden.
/// Double-click or Enter asks for the VM's console.
class VmTileView : public QListView
{
    Q_OBJECT
public:
    explicit VmTileView(QWidget *parent = nullptr);

    void setSessions(const QList<models::HostSession *> &sessions);
    models::VmTileModel *tiles() const { return m_tiles; }
    /// The VMs whose tiles are (at least partly) inside the viewport now.
    QStringList visibleUuids() const;
    /// Tells the thumbnail services at once (normally done shortly after a scroll or resize).
    void updateVisibleTiles();

signals:
    void openConsoleRequested(const QString &uri, const QString &uuid);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void publish(bool shown);

    models::VmTileModel *m_tiles;
    QList<QPointer<models::HostSession>> m_published; ///< sessions told about this view's tiles
    QTimer m_visibilityTimer;
};

} // namespace crossvirt::views
