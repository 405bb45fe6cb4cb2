#include "models/inventory/InventoryTypes.h"

#include <QCoreApplication>

namespace crossvirt::models {

QString domainStateText(DomainState state)
{
    switch (state) {
    case DomainState::Running:
        return QCoreApplication::translate("DomainState", "Running");
    case DomainState::Blocked:
        return QCoreApplication::translate("DomainState", "Blocked");
    case DomainState::Paused:
        return QCoreApplication::translate("DomainState", "Paused");
    case DomainState::ShuttingDown:
        return QCoreApplication::translate("DomainState", "Shutting down");
    case DomainState::Shutoff:
        return QCoreApplication::translate("DomainState", "Shut off");
    case DomainState::Crashed:
        return QCoreApplication::translate("DomainState", "Crashed");
    case DomainState::Suspended:
        return QCoreApplication::translate("DomainState", "Suspended");
    case DomainState::NoState:
        break;
    }
    return QCoreApplication::translate("DomainState", "Unknown");
}

bool isActive(DomainState state)
{
    switch (state) {
    case DomainState::Running:
    case DomainState::Blocked:
    case DomainState::Paused:
    case DomainState::ShuttingDown:
    case DomainState::Suspended:
        return true;
    case DomainState::NoState:
    case DomainState::Shutoff:
    case DomainState::Crashed:
        break;
    }
    return false;
}

} // namespace crossvirt::models
