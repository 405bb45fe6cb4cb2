#pragma once

#include <QIdentityProxyModel>

namespace crossvirt::views {

/// Adds what only views know to the inventory: state icons, bold host rows, and a
/// muted colour for emulated guests' arch.
class InventoryPresentation : public QIdentityProxyModel
{
    Q_OBJECT
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex &index, int role) const override;
};

} // namespace crossvirt::views
