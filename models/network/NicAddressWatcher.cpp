#include "models/network/NicAddressWatcher.h"

#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"
#include "models/network/HostNetworks.h"

namespace crossvirt::models {

NicAddressWatcher::NicAddressWatcher(QObject *parent) : QObject(parent)
{
    m_timer.setInterval(5000);
    connect(&m_timer, &QTimer::timeout, this, &NicAddressWatcher::poll);
}

void NicAddressWatcher::watch(HostSession *session, const QString &uuid)
{
    if (m_timer.isActive() && session == m_session && uuid == m_uuid)
        return;
    ++m_generation;
    m_pending = false;
    m_session = session;
    m_uuid = uuid;
    m_timer.start();
    poll();
}

void NicAddressWatcher::stop()
{
    ++m_generation;
    m_pending = false;
    m_timer.stop();
}

void NicAddressWatcher::poll()
{
    if (!m_session || m_pending || m_session->state() != ConnectionState::Connected)
        return;
    m_pending = true;
    const quint64 generation = m_generation;
    whenFinished(
        HostNetworks::nicAddresses(m_session, m_uuid), this,
        [this, generation](const QList<NicAddresses> &addresses) {
            if (generation != m_generation)
                return;
            m_pending = false;
            emit addressesChanged(addresses);
        },
        [this, generation](const QString &error) {
            if (generation != m_generation)
                return;
            m_pending = false;
            emit failed(error);
        });
}

} // namespace crossvirt::models
