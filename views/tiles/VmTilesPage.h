#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace crossvirt::models {
class HostSession;
}

namespace crossvirt::views {

class VmTileView;

/// The Tiles tab of a host or cluster: its VMs as tiles with live console thumbnails, and,
/// for remote hosts (thumbnails off by default), a note with a button to turn them on.
class VmTilesPage : public QWidget
{
    Q_OBJECT
public:
    explicit VmTilesPage(QWidget *parent = nullptr);

    void setSessions(const QList<models::HostSession *> &sessions);
    VmTileView *view() const { return m_view; }
    QLabel *remoteNote() const { return m_remoteNote; }
    QPushButton *enableRemoteButton() const { return m_enableRemote; }

signals:
    void openConsoleRequested(const QString &uri, const QString &uuid);

private:
    void updateRemoteNote();

    VmTileView *m_view;
    QWidget *m_remoteBar;
    QLabel *m_remoteNote;
    QPushButton *m_enableRemote;
    QLabel *m_empty;
};

} // namespace crossvirt::views
