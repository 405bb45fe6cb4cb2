#pragma once

#include "models/network/NetworkTypes.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace crossvirt::models {

class HostSession;

/// Reads a running VM's NIC addresses (HostNetworks::nicAddresses) on its host's worker
/// now and then every few seconds, until stop() or another watch(). One request at a
/// time; an answer for a VM no longer watched is dropped.
class NicAddressWatcher : public QObject
{
    Q_OBJECT
public:
    explicit NicAddressWatcher(QObject *parent = nullptr);

    void watch(HostSession *session, const QString &uuid);
    void stop();
    bool isWatching() const { return m_timer.isActive(); }
    void setInterval(int ms) { m_timer.setInterval(ms); }

signals:
    void addressesChanged(const QList<crossvirt::models::NicAddresses> &addresses);
    void failed(const QString &error);

private:
    void poll();

    QTimer m_timer;
    QPointer<HostSession> m_session;
    QString m_uuid;
    quint64 m_generation = 0;
    bool m_pending = false;
};

} // namespace crossvirt::models
