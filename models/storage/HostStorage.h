#pragma once

#include "models/storage/StorageJobs.h"
#include "models/storage/StorageModels.h"

#include <QFuture>
#include <QObject>
#include <QPointer>

namespace crossvirt::models {

class HostSession;

/// The storage of one host as a Storage page shows it: the pool and volume models, the
/// pool types it can create, and the operations. Every operation runs on the host's
/// worker (storage::); when it ends, successful or not, the models are read again.
/// A read answered after a newer one was asked is dropped ("latest request wins").
class HostStorage : public QObject
{
    Q_OBJECT
public:
    explicit HostStorage(QObject *parent = nullptr);

    /// Follows `session` (reads when it is connected; empties the models otherwise).
    void setSession(HostSession *session);
    HostSession *session() const { return m_session; }

    PoolListModel *pools() const { return m_pools; }
    /// The volumes of selectedPool().
    VolumeListModel *volumes() const { return m_volumes; }
    const PoolTypeSupport &poolTypes() const { return m_poolTypes; }

    void selectPool(const QString &name);
    const QString &selectedPool() const { return m_selectedPool; }
    /// Reads pools, volumes and pool types again.
    void reload();
    /// True once a read has arrived for the current session.
    bool isLoaded() const { return m_loaded; }

    QFuture<void> createPool(const PoolSpec &spec);
    QFuture<void> createDefaultPool();
    QFuture<void> startPool(const QString &pool);
    QFuture<void> stopPool(const QString &pool);
    QFuture<void> refreshPool(const QString &pool);
    QFuture<void> setPoolAutostart(const QString &pool, bool autostart);
    QFuture<void> deletePool(const QString &pool, bool withVolumes);
    QFuture<VolumeInfo> createVolume(const VolumeSpec &spec);
    QFuture<void> resizeVolume(const QString &pool, const QString &volume, quint64 capacity);
    QFuture<VolumeInfo> cloneVolume(const QString &pool, const QString &from,
                                    const QString &newName);
    QFuture<void> deleteVolume(const QString &pool, const QString &volume);

signals:
    /// A read finished: the models hold the host's storage as it is now.
    void loaded();
    /// A read failed (libvirt's text, with what was being done).
    void loadFailed(const QString &error);
    /// An operation is under way (true) or every one has ended (false).
    void busyChanged(bool busy);

private:
    template<typename T> QFuture<T> track(QFuture<T> future);
    void showVolumes();

    QPointer<HostSession> m_session;
    PoolListModel *m_pools;
    VolumeListModel *m_volumes;
    PoolTypeSupport m_poolTypes;
    QString m_selectedPool;
    quint64 m_generation = 0;
    int m_running = 0;
    bool m_loaded = false;
};

} // namespace crossvirt::models
