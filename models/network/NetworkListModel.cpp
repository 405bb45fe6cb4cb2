#include "models/network/NetworkListModel.h"

namespace crossvirt::models {

using namespace Qt::StringLiterals;

NetworkListModel::NetworkListModel(QObject *parent) : KeyedTableModel(parent) {}

void NetworkListModel::setNetworks(const QList<VirtualNetwork> &networks)
{
    // Networks are not compared field by field: every kept row is reported changed.
    mergeRows(
        m_networks, networks, [](const VirtualNetwork &n) { return n.name; },
        [](const VirtualNetwork &, const VirtualNetwork &) { return false; }, ColumnCount);
}

int NetworkListModel::rowOf(const QString &name) const
{
    return rowOfKey(m_networks, name, [](const VirtualNetwork &n) { return n.name; });
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
