#pragma once

#include "models/connection/ConnectionState.h"
#include "models/inventory/InventoryTypes.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>

namespace crossvirt::models {

class Datacenter;
class HostSession;

/// The inventory tree: hosts, and under each its VMs. Follows each HostSession's
/// signals with row inserts/removes and dataChanged on the changed rows, never a
/// model reset after the first fill.
class InventoryModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        StateColumn,
        ArchColumn,
        CpuModelColumn,
        CpusColumn,
        MemoryColumn,
        ColumnCount
    };
    enum Role
    {
        KindRole = Qt::UserRole + 1, ///< ItemKind
        UriRole,                     ///< host URI (host and VM rows)
        UuidRole,                    ///< VM rows
        ArchRole,                    ///< host arch or guest arch
        EmulatedRole,                ///< VM runs under TCG on its host
        DomainStateRole,             ///< int(DomainState)
        ConnectionStateRole,         ///< int(ConnectionState), host rows
        ErrorRole,                   ///< host rows: libvirt's last error
        NameRole,                    ///< plain name without decorations
        HostSessionRole,             ///< HostSession* (as QObject*)
        MemoryKiBRole,               ///< memory as a number, for sorting
    };
    enum class ItemKind
    {
        Host,
        Domain
    };

    explicit InventoryModel(Datacenter *datacenter, QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    QModelIndex hostIndex(const QString &uri) const;
    QModelIndex domainIndex(const QString &uri, const QString &uuid) const;
    HostSession *sessionAt(const QModelIndex &index) const;
    /// The VM at `index`, when it is a VM row.
    std::optional<DomainSummary> domainAt(const QModelIndex &index) const;

private:
    struct HostNode
    {
        quintptr id = 0; // stable, non-zero: VM rows carry it as their internalId
        HostSession *session = nullptr;
        QList<DomainSummary> domains;
        QHash<QString, int> rowOf;
    };

    void addHost(HostSession *session);
    void removeHost(HostSession *session);
    int hostRow(const HostSession *session) const;
    int hostRowById(quintptr id) const;
    void resetDomains(HostSession *session, const QList<DomainSummary> &domains);
    void updateDomain(HostSession *session, const DomainSummary &domain);
    void removeDomain(HostSession *session, const QString &uuid);
    void hostChanged(HostSession *session);
    static void reindex(HostNode &node);
    QVariant hostData(const HostNode &host, int column, int role) const;
    QVariant domainData(const HostNode &host, const DomainSummary &d, int column, int role) const;

    Datacenter *m_datacenter;
    QList<HostNode> m_hosts;
    quintptr m_nextId = 1;
};

/// "2.0 GiB", "512 MiB" for a size in KiB.
QString formatKiB(quint64 kib);

} // namespace crossvirt::models
