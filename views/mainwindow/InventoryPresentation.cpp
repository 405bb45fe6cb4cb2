#include "views/mainwindow/InventoryPresentation.h"

#include "models/inventory/InventoryModel.h"
#include "views/common/StateIcons.h"
#include "views/common/Theme.h"

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
    // A name may be elided in a narrow column: the tooltip always has it whole.
    if (role == Qt::ToolTipRole && index.column() == InventoryModel::NameColumn) {
        const QString name = source.data(InventoryModel::NameRole).toString();
        const QString more = QIdentityProxyModel::data(index, role).toString();
        if (name.isEmpty())
            return more.isEmpty() ? QVariant() : QVariant(more);
        return more.isEmpty() || more == name ? name : name + u'\n' + more;
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
            return emulatedTextColor(QGuiApplication::palette());
        if (role == Qt::FontRole) {
            QFont f;
            f.setItalic(true);
            return f;
        }
    }
    return QIdentityProxyModel::data(index, role);
}

} // namespace crossvirt::views
