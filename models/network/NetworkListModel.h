#pragma once

#include "models/network/NetworkTypes.h"

#include "models/inventory/KeyedTableModel.h"

namespace crossvirt::models {

/// A host's virtual networks as a table: name, mode, IPv4, IPv6, DHCP, active, autostart.
/// Filled from VirtualNetwork values (HostNetworks::list); rows are matched by name so a
/// reload updates cells in place and only inserts or removes what changed.
class NetworkListModel : public KeyedTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        ModeColumn,
        Ipv4Column,
        Ipv6Column,
        DhcpColumn,
        ActiveColumn,
        AutostartColumn,
        ColumnCount
    };
    enum Role
    {
        NameRole = Qt::UserRole + 1, ///< the network's name
        ActiveRole,                  ///< bool
        AutostartRole,               ///< bool
    };

    explicit NetworkListModel(QObject *parent = nullptr);

    void setNetworks(const QList<VirtualNetwork> &networks);
    const QList<VirtualNetwork> &networks() const { return m_networks; }
    /// The row of the network `name`, or -1.
    int rowOf(const QString &name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<VirtualNetwork> m_networks;
};

} // namespace crossvirt::models
