#include "models/network/DhcpLeaseModel.h"

#include <QLocale>

namespace crossvirt::models {

DhcpLeaseModel::DhcpLeaseModel(QObject *parent) : QAbstractTableModel(parent) {}

void DhcpLeaseModel::setLeases(const QList<DhcpLease> &leases)
{
    beginResetModel();
    m_leases = leases;
    endResetModel();
}

int DhcpLeaseModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_leases.size());
}

int DhcpLeaseModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DhcpLeaseModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole)
        return {};
    const DhcpLease &l = m_leases.at(index.row());
    switch (Column(index.column())) {
    case MacColumn:
        return l.mac;
    case IpColumn:
        return l.ip;
    case HostnameColumn:
        return l.hostname;
    case VmColumn:
        return l.vmName.isEmpty() ? tr("(not a VM of this host)") : l.vmName;
    case ExpiryColumn:
        return l.expiry.isValid() ? QLocale().toString(l.expiry.toLocalTime(), QLocale::ShortFormat)
                                  : tr("never");
    case ColumnCount:
        break;
    }
    return {};
}

QVariant DhcpLeaseModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case MacColumn:
        return tr("MAC address");
    case IpColumn:
        return tr("IP address");
    case HostnameColumn:
        return tr("Host name");
    case VmColumn:
        return tr("VM");
    case ExpiryColumn:
        return tr("Expires");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace crossvirt::models
