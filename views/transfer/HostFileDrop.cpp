#include "views/transfer/HostFileDrop.h"

#include "views/transfer/TransferDialog.h"

#include <QAbstractItemView>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QMimeData>
#include <QUrl>

namespace crossvirt::views {

HostFileDrop::HostFileDrop(QAbstractItemView *view, HostAt hostAt)
    : QObject(view), m_view(view), m_hostAt(std::move(hostAt))
{}

HostFileDrop *HostFileDrop::install(QAbstractItemView *view, HostAt hostAt)
{
    auto *drop = new HostFileDrop(view, std::move(hostAt));
    view->viewport()->setAcceptDrops(true);
    view->viewport()->installEventFilter(drop);
    return drop;
}

QString HostFileDrop::droppedFile(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls() || mime->urls().size() != 1)
        return {};
    const QUrl url = mime->urls().constFirst();
    if (!url.isLocalFile())
        return {};
    const QString file = url.toLocalFile();
    return QFileInfo(file).isFile() ? file : QString();
}

bool HostFileDrop::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *e = static_cast<QDragMoveEvent *>(event);
        if (droppedFile(e->mimeData()).isEmpty())
            return false; // not ours: the view handles it
        if (m_hostAt(e->position().toPoint()))
            e->acceptProposedAction();
        else if (event->type() == QEvent::DragEnter)
            e->accept(); // keep receiving moves until a host row is under the pointer
        else
            e->ignore();
        return true;
    }
    case QEvent::Drop: {
        auto *e = static_cast<QDropEvent *>(event);
        const QString file = droppedFile(e->mimeData());
        if (file.isEmpty())
            return false;
        models::HostSession *session = m_hostAt(e->position().toPoint());
        if (!session) {
            e->ignore();
            return true;
        }
        e->acceptProposedAction();
        QWidget *window = m_view ? m_view->window() : nullptr;
        emit uploadOpened(TransferDialog::startUpload(window, session, {}, file));
        return true;
    }
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace crossvirt::views
