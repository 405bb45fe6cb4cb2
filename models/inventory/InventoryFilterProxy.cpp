#include "models/inventory/InventoryFilterProxy.h"

#include "models/inventory/InventoryModel.h"

#include <QIdentityProxyModel>

namespace crossvirt::models {

using namespace Qt::StringLiterals;

namespace {

// `index` in the model at the bottom of the proxy chain (the inventory). The proxies
// between (statistics column, presentation, migration highlight) add columns and
// decorations, never rows or the identity roles read here; asking the bottom model
// directly costs one data() call per role instead of one through every proxy, which
// is most of a keystroke's re-filter over 10,000 VMs.
QModelIndex bottomIndex(QModelIndex index)
{
    while (const auto *proxy = qobject_cast<const QAbstractProxyModel *>(index.model()))
        index = proxy->mapToSource(index);
    return index;
}

// Row `row` under `parent` of `model`, in the bottom model. Identity proxies keep row
// numbers, so only the parent is mapped down (not each row through every proxy).
QModelIndex bottomRow(const QAbstractItemModel *model, int row, const QModelIndex &parent)
{
    QModelIndex p = parent;
    while (const auto *proxy = qobject_cast<const QIdentityProxyModel *>(model)) {
        p = proxy->mapToSource(p);
        model = proxy->sourceModel();
    }
    return bottomIndex(model->index(row, 0, p)); // through any other proxy below
}

} // namespace

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
    const QModelIndex l = bottomIndex(left), r = bottomIndex(right);
    if (l.data(InventoryModel::KindRole).toInt() !=
        int(InventoryModel::ItemKind::Domain)) // hosts, clusters
        return sortOrder() == Qt::AscendingOrder ? left.row() < right.row()
                                                 : left.row() > right.row();
    if (left.column() == InventoryModel::MemoryColumn) {
        return l.data(InventoryModel::MemoryKiBRole).toULongLong() <
               r.data(InventoryModel::MemoryKiBRole).toULongLong();
    }
    // Names (the usual sort) straight from the inventory; the state column's text may
    // be the presentation's ("Template"), and added columns exist only above.
    if (l.isValid() && r.isValid() && left.column() == InventoryModel::NameColumn &&
        l.model()->columnCount(l.parent()) > InventoryModel::NameColumn) {
        const QVariant a = l.data(sortRole()), b = r.data(sortRole());
        if (a.metaType().id() == QMetaType::QString && b.metaType().id() == QMetaType::QString)
            return a.toString().compare(b.toString(), sortCaseSensitivity()) < 0;
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

bool InventoryFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_acceptsAll)
        return true;
    const QModelIndex idx = bottomRow(sourceModel(), sourceRow, sourceParent);
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

    const QModelIndex host = idx.parent();
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
