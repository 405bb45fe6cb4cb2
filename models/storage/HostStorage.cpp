#include "models/storage/HostStorage.h"

#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"

namespace crossvirt::models {

HostStorage::HostStorage(QObject *parent)
    : QObject(parent), m_pools(new PoolListModel(this)), m_volumes(new VolumeListModel(this))
{}

void HostStorage::setSession(HostSession *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    m_loaded = false;
    m_selectedPool.clear();
    m_pools->setPools({});
    m_volumes->setVolumes({});
    if (session) {
        connect(session, &HostSession::stateChanged, this, [this](ConnectionState state) {
            if (state == ConnectionState::Connected)
                reload();
        });
    }
    reload();
}

void HostStorage::selectPool(const QString &name)
{
    m_selectedPool = name;
    showVolumes();
}

void HostStorage::showVolumes()
{
    const PoolContents *p = m_pools->pool(m_selectedPool);
    m_volumes->setVolumes(p ? p->volumes : QList<VolumeInfo>());
}

void HostStorage::reload()
{
    const quint64 generation = ++m_generation;
    if (!m_session || m_session->state() != ConnectionState::Connected) {
        m_pools->setPools({});
        m_volumes->setVolumes({});
        return;
    }
    whenFinished(
        storage::readPoolTypes(m_session), this,
        [this, generation](const PoolTypeSupport &types) {
            if (generation == m_generation)
                m_poolTypes = types;
        },
        [](const QString &) {});
    whenFinished(
        storage::readPools(m_session), this,
        [this, generation](const QList<PoolContents> &pools) {
            if (generation != m_generation)
                return;
            m_pools->setPools(pools);
            showVolumes();
            m_loaded = true;
            emit loaded();
        },
        [this, generation](const QString &error) {
            if (generation == m_generation)
                emit loadFailed(error);
        });
}

template<typename T> QFuture<T> HostStorage::track(QFuture<T> future)
{
    if (m_running++ == 0)
        emit busyChanged(true);
    const auto done = [this] {
        if (--m_running == 0)
            emit busyChanged(false);
        reload();
    };
    if constexpr (std::is_void_v<T>)
        whenFinished(future, this, done, [done](const QString &) { done(); });
    else
        whenFinished(
            future, this, [done](const T &) { done(); }, [done](const QString &) { done(); });
    return future;
}

QFuture<void> HostStorage::createPool(const PoolSpec &spec)
{
    return track(storage::createPool(m_session, spec));
}

QFuture<void> HostStorage::createDefaultPool()
{
    return track(storage::createDefaultPool(m_session));
}

QFuture<void> HostStorage::startPool(const QString &pool)
{
    return track(storage::startPool(m_session, pool));
}

QFuture<void> HostStorage::stopPool(const QString &pool)
{
    return track(storage::stopPool(m_session, pool));
}

QFuture<void> HostStorage::refreshPool(const QString &pool)
{
    return track(storage::refreshPool(m_session, pool));
}

QFuture<void> HostStorage::setPoolAutostart(const QString &pool, bool autostart)
{
    return track(storage::setPoolAutostart(m_session, pool, autostart));
}

QFuture<void> HostStorage::deletePool(const QString &pool, bool withVolumes)
{
    return track(storage::deletePool(m_session, pool, withVolumes));
}

QFuture<VolumeInfo> HostStorage::createVolume(const VolumeSpec &spec)
{
    return track(storage::createVolume(m_session, spec));
}

QFuture<void> HostStorage::resizeVolume(const QString &pool, const QString &volume,
                                        quint64 capacity)
{
    return track(storage::resizeVolume(m_session, pool, volume, capacity));
}

QFuture<VolumeInfo> HostStorage::cloneVolume(const QString &pool, const QString &from,
                                             const QString &newName)
{
    return track(storage::cloneVolume(m_session, pool, from, newName));
}

QFuture<void> HostStorage::deleteVolume(const QString &pool, const QString &volume)
{
    return track(storage::deleteVolume(m_session, pool, volume));
}

} // namespace crossvirt::models
