#pragma once

#include <QObject>
#include <QPointer>
#include <functional>

class QAbstractItemView;
class QEvent;
class QMimeData;
class QPoint;
class QString;

namespace crossvirt::models {
class HostSession;
}

namespace crossvirt::views {

/// Lets the user drop a local file (an installer ISO, a disk image) onto a host's row
/// of an item view: the upload window opens for that host with the file chosen.
/// `hostAt` maps a viewport position to the host under it (nullptr: no host there).
class HostFileDrop : public QObject
{
    Q_OBJECT
public:
    using HostAt = std::function<models::HostSession *(const QPoint &viewportPos)>;

    static HostFileDrop *install(QAbstractItemView *view, HostAt hostAt);

    /// The local file a drag carries, when it carries exactly one.
    static QString droppedFile(const QMimeData *mime);

signals:
    /// Emitted after the upload window opened (tests look at it).
    void uploadOpened(QWidget *dialog);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    HostFileDrop(QAbstractItemView *view, HostAt hostAt);

    QPointer<QAbstractItemView> m_view;
    HostAt m_hostAt;
};

} // namespace crossvirt::views
