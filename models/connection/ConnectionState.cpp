#include "models/connection/ConnectionState.h"

#include <QCoreApplication>

namespace crossvirt::models {

QString connectionStateText(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Disconnected:
        return QCoreApplication::translate("ConnectionState", "Disconnected");
    case ConnectionState::Connecting:
        return QCoreApplication::translate("ConnectionState", "Connecting…");
    case ConnectionState::Connected:
        return QCoreApplication::translate("ConnectionState", "Connected");
    case ConnectionState::Retrying:
        return QCoreApplication::translate("ConnectionState", "Retrying");
    case ConnectionState::Failed:
        return QCoreApplication::translate("ConnectionState", "Failed");
    }
    return {};
}

} // namespace crossvirt::models
