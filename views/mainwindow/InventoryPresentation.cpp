#include "views/mainwindow/InventoryPresentation.h"

#include "models/inventory/InventoryModel.h"
#include "views/common/StateIcons.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace crossvirt::views {

using models::InventoryModel;

QVariant InventoryPresentation::data(const QModelIndex &index, int role) const
{
    const QModelIndex source = mapToSource(index);
    const auto kind = InventoryModel::ItemKind(source.data(InventoryModel::KindRole).toInt());
    const bool host = kind == InventoryModel::ItemKind::Host;
    if (role == Qt::DecorationRole && index.column() == InventoryModel::StateColumn) {
        if (host) {
            return connectionStateIcon(
                models::ConnectionState(source.data(InventoryModel::ConnectionStateRole).toInt()));
        }
        return domainStateIcon(
            models::DomainState(source.data(InventoryModel::DomainStateRole).toInt()));
    }
    if (role == Qt::FontRole && host) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role == Qt::ForegroundRole && !host && index.column() == InventoryModel::ArchColumn &&
        source.data(InventoryModel::EmulatedRole).toBool()) {
        return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
    }
    return QIdentityProxyModel::data(index, role);
}

} // namespace crossvirt::views
