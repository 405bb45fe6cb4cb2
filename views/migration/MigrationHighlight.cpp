#include "views/migration/MigrationHighlight.h"

#include "models/cluster/ClusterInventoryModel.h"
#include "models/inventory/InventoryModel.h"
#include "views/common/StateIcons.h"
#include "views/common/Theme.h"

#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace crossvirt::views {

using models::InventoryModel;

void MigrationHighlight::setChecking(const QString &sourceUri, const QString &uuid,
                                     const QString &vmName)
{
    m_sourceUri = sourceUri;
    m_uuid = uuid;
    m_vmName = vmName;
    m_check.reset();
    refreshHosts();
}

void MigrationHighlight::setCheck(const models::MigrationCheck &check)
{
    m_sourceUri = check.sourceUri;
    m_uuid = check.uuid;
    if (!check.vmName.isEmpty())
        m_vmName = check.vmName;
    m_check = check;
    refreshHosts();
}

void MigrationHighlight::clear()
{
    if (!isActive())
        return;
    m_sourceUri.clear();
    m_uuid.clear();
    m_vmName.clear();
    m_check.reset();
    refreshHosts();
}

void MigrationHighlight::refreshHosts()
{
    // Host rows are top-level (by host) or under a cluster row (by cluster).
    const int last = columnCount() - 1;
    if (last < 0)
        return;
    for (int r = 0; r < rowCount(); ++r) {
        const QModelIndex top = index(r, 0);
        emit dataChanged(top, index(r, last));
        const int children = rowCount(top);
        if (children > 0 && top.data(InventoryModel::KindRole).toInt() ==
                                models::ClusterInventoryModel::ClusterKind)
            emit dataChanged(index(0, 0, top), index(children - 1, last, top));
    }
}

MigrationHighlight::Verdict MigrationHighlight::verdict(const QString &hostUri) const
{
    if (!isActive())
        return Verdict::None;
    if (hostUri == m_sourceUri)
        return Verdict::Source;
    if (!m_check)
        return Verdict::Checking;
    const models::MigrationTarget *t = m_check->find(hostUri);
    if (!t)
        return Verdict::None;
    return t->possible() ? Verdict::Possible : Verdict::Impossible;
}

QVariant MigrationHighlight::data(const QModelIndex &index, int role) const
{
    if (!isActive() || !index.isValid())
        return QIdentityProxyModel::data(index, role);
    const QModelIndex source = mapToSource(index);
    if (source.data(InventoryModel::KindRole).toInt() != int(InventoryModel::ItemKind::Host))
        return QIdentityProxyModel::data(index, role);
    const QString uri = source.data(InventoryModel::UriRole).toString();
    const Verdict v = verdict(uri);
    if (role == VerdictRole)
        return int(v);
    const bool name = index.column() == InventoryModel::NameColumn;
    switch (v) {
    case Verdict::None:
        break;
    case Verdict::Checking:
        if (name && role == Qt::DecorationRole)
            return workStateIcon(WorkState::Working);
        if (name && role == Qt::ToolTipRole)
            return tr("Checking whether “%1” can move here…").arg(m_vmName);
        break;
    case Verdict::Source:
        if (name && role == Qt::ToolTipRole)
            return tr("“%1” runs here").arg(m_vmName);
        break;
    case Verdict::Possible: {
        const models::MigrationTarget *t = m_check->find(uri);
        if (name && role == Qt::DecorationRole)
            return workStateIcon(WorkState::Done);
        if (name && role == Qt::ToolTipRole) {
            QStringList lines{tr("“%1” can move here").arg(m_vmName)};
            if (!t->storageShared)
                lines << tr("Its disks would be copied (storage not shared).");
            lines << t->notes;
            return lines.join(u'\n');
        }
        if (role == Qt::BackgroundRole) {
            // A tint that reads on light and dark bases alike.
            return QColor(40, 170, 60, 60);
        }
        break;
    }
    case Verdict::Impossible: {
        const models::MigrationTarget *t = m_check->find(uri);
        if (name && role == Qt::DecorationRole)
            return workStateIcon(WorkState::Failed);
        if (name && role == Qt::ToolTipRole) {
            QStringList lines = t->reasonLines();
            if (!t->connected && lines.isEmpty())
                lines << tr("Not connected");
            lines.prepend(tr("“%1” cannot move here:").arg(m_vmName));
            return lines.join(u'\n');
        }
        if (role == Qt::ForegroundRole)
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        if (role == Qt::FontRole) {
            QFont f = QIdentityProxyModel::data(index, role).value<QFont>();
            f.setBold(false);
            return f;
        }
        break;
    }
    }
    return QIdentityProxyModel::data(index, role);
}

} // namespace crossvirt::views
