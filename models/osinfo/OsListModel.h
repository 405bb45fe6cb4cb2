#pragma once

#include "models/osinfo/OsCatalogue.h"

#include <QAbstractListModel>
#include <QSortFilterProxyModel>

namespace crossvirt::models {

/// The guest OSes offered for one arch, as a list for a dialog's OS picker; resources
/// in the roles are those recommended for that arch.
class OsListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        ShortIdRole = Qt::UserRole + 1,
        RamRole,       ///< recommended memory in MiB (int)
        VcpusRole,     ///< recommended vCPUs (int)
        StorageRole,   ///< recommended disk size in GiB (int)
        EndOfLifeRole, ///< bool
        VendorRole,
        OsinfoIdRole,
        ReleaseDateRole,
        SearchTextRole, ///< name, short-ids and vendor, for the filter
    };
    Q_ENUM(Role)

    explicit OsListModel(QObject *parent = nullptr);

    /// Replaces the list (e.g. OsCatalogue::forArch(arch, true)) in one model reset.
    void setEntries(const QString &arch, const QList<OsEntry> &entries);
    QString arch() const { return m_arch; }
    const OsEntry &entry(int row) const { return m_entries.at(row); }
    /// Row of the OS with this short-id, or -1.
    int rowOf(const QString &shortId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QString toolTip(const OsEntry &entry) const;

    QString m_arch;
    QList<OsEntry> m_entries;
};

/// Filters an OsListModel by search text (every word must occur in name, short-id or
/// vendor) and hides end-of-life OSes unless asked to show them.
class OsFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit OsFilterProxyModel(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }
    void setShowEndOfLife(bool show);
    bool showEndOfLife() const { return m_showEndOfLife; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_search;
    QStringList m_words;
    bool m_showEndOfLife = false;
};

} // namespace crossvirt::models
