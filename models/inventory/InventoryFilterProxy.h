#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

namespace crossvirt::models {

/// Filters the inventory by a search line: plain words match VM and host names
/// (case-insensitive); `arch:ppc64le` keeps VMs of that guest arch, `state:running`
/// VMs in that state, `host:name` the hosts whose name or URI contains it, and
/// `emulated:yes|no` VMs by how they run. Hosts stay visible while a VM under them matches.
class InventoryFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit InventoryFilterProxy(QObject *parent = nullptr);

    void setFilterText(const QString &text);
    const QString &filterText() const { return m_text; }
    /// The terms the filter did not understand (e.g. "colour:red"), for a hint.
    const QStringList &unknownTerms() const { return m_unknown; }

protected:
    /// Hosts keep the saved list's order; VMs sort by the chosen column.
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    QStringList m_words;
    QStringList m_arches;
    QStringList m_states;
    QStringList m_hosts;
    int m_emulated = -1;      // -1 any, 0 native only, 1 emulated only
    bool m_acceptsAll = true; // no filter: every row, without reading any (stats ticks re-filter)
    QStringList m_unknown;
};

} // namespace crossvirt::models
