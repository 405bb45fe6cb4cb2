#include "models/inventory/InventoryFilterProxy.h"

#include "models/inventory/InventoryModel.h"

namespace crossvirt::models {

using namespace Qt::StringLiterals;

InventoryFilterProxy::InventoryFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void InventoryFilterProxy::setFilterText(const QString &text)
{
    if (text == m_text)
        return;

    m_text = text;
    m_words.clear();
    m_arches.clear();
    m_states.clear();
    m_hosts.clear();
    m_unknown.clear();
    m_emulated = -1;
    const QStringList terms = text.split(u' ', Qt::SkipEmptyParts);
    for (const QString &term : terms) {
        const qsizetype colon = term.indexOf(u':');
        if (colon <= 0) {
            m_words << term;
            continue;
        }
        const QString key = term.left(colon).toLower();
        const QString value = term.mid(colon + 1);
        if (value.isEmpty())
            continue; // still typing
        if (key == "arch"_L1)
            m_arches << value.toLower();
        else if (key == "state"_L1)
            m_states << value.toLower();
        else if (key == "host"_L1)
            m_hosts << value;
        else if (key == "emulated"_L1)
            m_emulated = (value == "yes"_L1 || value == "true"_L1 || value == "1"_L1) ? 1 : 0;
        else
            m_unknown << term;
    }
    m_acceptsAll = text.trimmed().isEmpty();
    invalidateFilter();
}

bool InventoryFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (left.data(InventoryModel::KindRole).toInt() !=
        int(InventoryModel::ItemKind::Domain)) // hosts, clusters
        return sortOrder() == Qt::AscendingOrder ? left.row() < right.row()
                                                 : left.row() > right.row();
    if (left.column() == InventoryModel::MemoryColumn) {
        const QModelIndex l = left.siblingAtColumn(InventoryModel::MemoryColumn);
        return l.data(InventoryModel::MemoryKiBRole).toULongLong() <
               right.data(InventoryModel::MemoryKiBRole).toULongLong();
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

bool InventoryFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_acceptsAll)
        return true;
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto kind = InventoryModel::ItemKind(idx.data(InventoryModel::KindRole).toInt());
    const QString name = idx.data(InventoryModel::NameRole).toString();

    if (kind != InventoryModel::ItemKind::Host && kind != InventoryModel::ItemKind::Domain) {
        // Group rows (clusters): shown with no filter, else through matching children.
        return m_text.trimmed().isEmpty();
    }
    if (kind == InventoryModel::ItemKind::Host) {
        // A host row is accepted on its own only by host terms or, with no VM
        // terms at all, by a word in its name; otherwise it shows when a VM matches.
        const QString uri = idx.data(InventoryModel::UriRole).toString();
        for (const QString &h : m_hosts) {
            if (!name.contains(h, Qt::CaseInsensitive) && !uri.contains(h, Qt::CaseInsensitive))
                return false;
        }
        const bool vmTerms = !m_arches.isEmpty() || !m_states.isEmpty() || m_emulated >= 0;
        if (vmTerms)
            return false;
        if (m_words.isEmpty())
            return true;
        for (const QString &w : m_words) {
            if (!name.contains(w, Qt::CaseInsensitive))
                return false;
        }
        return true;
    }

    const QModelIndex host = sourceParent;
    if (!m_hosts.isEmpty()) {
        const QString hostName = host.data(InventoryModel::NameRole).toString();
        const QString uri = host.data(InventoryModel::UriRole).toString();
        for (const QString &h : m_hosts) {
            if (!hostName.contains(h, Qt::CaseInsensitive) && !uri.contains(h, Qt::CaseInsensitive))
                return false;
        }
    }
    for (const QString &w : m_words) {
        if (!name.contains(w, Qt::CaseInsensitive))
            return false;
    }
    if (!m_arches.isEmpty() &&
        !m_arches.contains(idx.data(InventoryModel::ArchRole).toString().toLower()))
        return false;
    if (!m_states.isEmpty()) {
        QString state = sourceModel()
                            ->index(sourceRow, InventoryModel::StateColumn, sourceParent)
                            .data()
                            .toString()
                            .toLower();
        state.remove(u' ');
        bool any = false;
        for (const QString &s : m_states)
            any = any || state.startsWith(QString(s).remove(u' '));
        if (!any)
            return false;
    }
    if (m_emulated >= 0 && idx.data(InventoryModel::EmulatedRole).toBool() != (m_emulated == 1))
        return false;
    return true;
}

} // namespace crossvirt::models
