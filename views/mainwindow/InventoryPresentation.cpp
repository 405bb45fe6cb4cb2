#include "views/mainwindow/InventoryPresentation.h"

#include "models/inventory/InventoryModel.h"
#include "views/common/StateIcons.h"

#include <QColor>
#include <QFont>
#include <QGuiApplication>

namespace crossvirt::views {

using models::InventoryModel;

QVariant InventoryPresentation::data(const QModelIndex &index, int role) const
{
    const QModelIndex source = mapToSource(index);
    const auto kind = InventoryModel::ItemKind(source.data(InventoryModel::KindRole).toInt());
    const bool host = kind != InventoryModel::ItemKind::Domain; // hosts and clusters
    if (role == Qt::DecorationRole && index.column() == InventoryModel::StateColumn) {
        if (kind != InventoryModel::ItemKind::Host && kind != InventoryModel::ItemKind::Domain)
            return {}; // cluster rows
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
    // Emulated guests stand out without looking disabled: italic, in a warm colour.
    if (!host && index.column() == InventoryModel::ArchColumn &&
        source.data(InventoryModel::EmulatedRole).toBool()) {
        if (role == Qt::ForegroundRole)
            return QColor(0x9a, 0x4d, 0x00);
        if (role == Qt::FontRole) {
            QFont f;
            f.setItalic(true);
            return f;
        }
    }
    return QIdentityProxyModel::data(index, role);
}

} // namespace crossvirt::views
