#include "views/mainwindow/InventoryPresentation.h"

#include "models/connection/HostSession.h"
#include "models/inventory/InventoryModel.h"
#include "views/common/StateIcons.h"
#include "views/common/Theme.h"

#include <QColor>
#include <QFont>
#include <QGuiApplication>

namespace crossvirt::views {

using models::InventoryModel;

namespace {

/// True for a template's row (Crossvirt's metadata, read with the inventory).
bool isTemplateRow(const QModelIndex &source)
{
    const auto *session = qobject_cast<const models::HostSession *>(
        source.data(InventoryModel::HostSessionRole).value<QObject *>());
    if (!session)
        return false;
    const auto d = session->domain(source.data(InventoryModel::UuidRole).toString());
    return d && d->isTemplate;
}

} // namespace

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
        if (isTemplateRow(source))
            return templateIcon();
        return domainStateIcon(
            models::DomainState(source.data(InventoryModel::DomainStateRole).toInt()));
    }
    // A template is never started: "Template" says more than "Shut off".
    if ((role == Qt::DisplayRole || role == Qt::ToolTipRole) &&
        index.column() == InventoryModel::StateColumn && kind == InventoryModel::ItemKind::Domain &&
        isTemplateRow(source)) {
        return role == Qt::DisplayRole
                   ? tr("Template")
                   : tr("A template: new virtual machines are made from it; it is never started.");
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
