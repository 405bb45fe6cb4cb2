#pragma once

#include <QMetaType>
#include <QString>

namespace crossvirt::models {

/// Where a host's connection stands, as the inventory shows it.
enum class ConnectionState
{
    Disconnected, ///< closed by the user, or never opened
    Connecting,   ///< virConnectOpen is under way on the worker thread
    Connected,
    Retrying, ///< lost or failed; waiting for the next attempt (backoff)
    Failed,   ///< refused (credentials, certificates): not retried until the user connects again
};

QString connectionStateText(ConnectionState state);

} // namespace crossvirt::models

Q_DECLARE_METATYPE(crossvirt::models::ConnectionState)
