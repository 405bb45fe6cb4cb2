#pragma once

#include <QFuture>
#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QTableView;
class QToolButton;

namespace crossvirt::models {
class HostSession;
class HostStorage;
struct PoolContents;
struct VolumeInfo;
} // namespace crossvirt::models

namespace crossvirt::views {

/// A host's Storage tab: its pools (state, usage bar, autostart) with New Pool…, Start,
/// Stop, Autostart, Refresh and Delete…, and the selected pool's volumes (name, format,
/// capacity, allocation, the VMs using them) with New Volume…, Resize…, Clone…, Delete…,
/// Upload… and Download…. Every operation runs on the host's worker (models::HostStorage);
/// a failure is shown above the tables with what was being done and libvirt's text.
class StoragePage : public QWidget
{
    Q_OBJECT
public:
    explicit StoragePage(QWidget *parent = nullptr);

    /// Shows `session`'s storage. It is read only while the page is visible (a host with
    /// many VMs makes "which VMs use each volume" a long read).
    void setSession(models::HostSession *session);
    models::HostStorage *storage() const { return m_storage; }
    /// The host shown, or nullptr.
    models::HostSession *session() const { return m_session; }

    QTableView *poolView() const { return m_pools; }
    QTableView *volumeView() const { return m_volumes; }
    /// The last failure (what was being done and libvirt's text), or empty.
    QLabel *messageLabel() const { return m_message; }
    QString selectedPool() const;
    QString selectedVolume() const;
    void selectPool(const QString &name);
    void selectVolume(const QString &name);

    QAction *newPoolAction() const { return m_newPool; }
    QAction *startPoolAction() const { return m_startPool; }
    QAction *stopPoolAction() const { return m_stopPool; }
    QAction *autostartAction() const { return m_autostart; }
    QAction *refreshPoolAction() const { return m_refreshPool; }
    QAction *deletePoolAction() const { return m_deletePool; }
    QAction *newVolumeAction() const { return m_newVolume; }
    QAction *resizeVolumeAction() const { return m_resizeVolume; }
    QAction *cloneVolumeAction() const { return m_cloneVolume; }
    QAction *deleteVolumeAction() const { return m_deleteVolume; }
    QAction *uploadAction() const { return m_upload; }
    QAction *downloadAction() const { return m_download; }

signals:
    // Slots for the volume transfer dialog (built separately; the main window wires them).
    /// Upload… was chosen with `pool` selected.
    void uploadRequested(const QString &pool);
    /// Download… was chosen for `volume` of `pool`.
    void downloadRequested(const QString &pool, const QString &volume);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void updateActions();
    void fitColumns();
    void showError(const QString &error);
    const models::PoolContents *currentPool() const;
    const models::VolumeInfo *currentVolume() const;
    /// Runs `future` and shows its error, if any, on this page.
    template<typename T> void watch(const QFuture<T> &future);

    void newPool();
    void deletePool();
    void newVolume();
    void resizeVolume();
    void cloneVolume();
    void deleteVolume();

    models::HostStorage *m_storage;
    QPointer<models::HostSession> m_session;
    QLabel *m_message;
    QLabel *m_note;
    QTableView *m_pools;
    QTableView *m_volumes;
    QAction *m_newPool, *m_startPool, *m_stopPool, *m_autostart, *m_refreshPool, *m_deletePool;
    QAction *m_newVolume, *m_resizeVolume, *m_cloneVolume, *m_deleteVolume, *m_upload, *m_download;
};

} // namespace crossvirt::views
