#include "models/network/NetworkListModel.h"

namespace crossvirt::models {

using namespace Qt::StringLiterals;

NetworkListModel::NetworkListModel(QObject *parent) : QAbstractTableModel(parent) {}

void NetworkListModel::setNetworks(const QList<VirtualNetwork> &networks)
{
    // Remove rows that are gone (from the bottom), update those kept, append new ones.
    for (int row = int(m_networks.size()) - 1; row >= 0; --row) {
        bool kept = false;
        for (const VirtualNetwork &n : networks)
            kept = kept || n.name == m_networks.at(row).name;
        if (!kept) {
            beginRemoveRows({}, row, row);
            m_networks.removeAt(row);
            endRemoveRows();
        }
    }
    QList<VirtualNetwork> added;
    for (const VirtualNetwork &n : networks) {
        const int row = rowOf(n.name);
        if (row < 0) {
            added << n;
            continue;
        }
        m_networks[row] = n;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    if (!added.isEmpty()) {
        const int first = int(m_networks.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_networks << added;
        endInsertRows();
    }
}

int NetworkListModel::rowOf(const QString &name) const
{
    for (int i = 0; i < m_networks.size(); ++i) {
        if (m_networks.at(i).name == name)
            return i;
    }
    return -1;
}

int NetworkListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_networks.size());
}

int NetworkListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NetworkListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const VirtualNetwork &n = m_networks.at(index.row());
    switch (role) {
    case NameRole:
        return n.name;
    case ActiveRole:
        return n.active;
    case AutostartRole:
        return n.autostart;
    case Qt::ToolTipRole:
        if (index.column() == ModeColumn && !n.bridge.isEmpty())
            return tr("Bridge: %1").arg(n.bridge);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (Column(index.column())) {
    case NameColumn:
        return n.name;
    case ModeColumn:
        if (n.mode == NetworkMode::Bridge)
            return tr("Bridge (%1)").arg(n.bridge);
        return n.mode == NetworkMode::Other ? n.modeId : networkModeText(n.mode);
    case Ipv4Column:
        return n.ipv4.cidr();
    case Ipv6Column:
        return n.ipv6.cidr();
    case DhcpColumn:
        return n.ipv4.dhcpText();
    case ActiveColumn:
        return n.active ? tr("Active") : tr("Inactive");
    case AutostartColumn:
        return n.autostart ? tr("Yes") : tr("No");
    case ColumnCount:
        break;
    }
    return {};
}

QVariant NetworkListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case NameColumn:
        return tr("Name");
    case ModeColumn:
        return tr("Mode");
    case Ipv4Column:
        return tr("IPv4");
    case Ipv6Column:
        return tr("IPv6");
    case DhcpColumn:
        return tr("DHCP range");
    case ActiveColumn:
        return tr("State");
    case AutostartColumn:
        return tr("Autostart");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace crossvirt::models
