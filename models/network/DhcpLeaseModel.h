#pragma once

#include "models/network/NetworkTypes.h"

#include <QAbstractTableModel>

namespace crossvirt::models {

/// The DHCP leases of one network: MAC, IP, hostname, VM name, expiry. Filled from
/// DhcpLease values (HostNetworks::leases); a reload resets the table (leases are few).
class DhcpLeaseModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        MacColumn,
        IpColumn,
        HostnameColumn,
        VmColumn,
        ExpiryColumn,
        ColumnCount
    };

    explicit DhcpLeaseModel(QObject *parent = nullptr);

    void setLeases(const QList<DhcpLease> &leases);
    const QList<DhcpLease> &leases() const { return m_leases; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<DhcpLease> m_leases;
};

} // namespace crossvirt::models
