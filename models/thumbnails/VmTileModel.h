#pragma once

#include "models/inventory/InventoryTypes.h"

#include <QAbstractListModel>
#include <QList>
#include <QPointer>

namespace crossvirt::models {

class HostSession;
class ThumbnailService;

/// The VMs of one host or of a cluster's hosts as a flat list of tiles, host by host, by
/// name within a host, each with its thumbnail from the host's ThumbnailService. Follows
/// the hosts' inventory signals with proper insert/remove/change calls.
class VmTileModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        UuidRole = Qt::UserRole + 1,
        UriRole,
        NameRole,        ///< the VM's name (also Qt::DisplayRole)
        StateRole,       ///< int(DomainState)
        StateTextRole,   ///< "running", "shut off", ...
        ArchRole,        ///< guest arch
        EmulatedRole,    ///< runs under TCG on its host
        ThumbnailRole,   ///< QImage, null when there is none
        NoteRole,        ///< why there is no thumbnail (empty when there is one)
        HostSessionRole, ///< HostSession* as QObject*
    };

    explicit VmTileModel(QObject *parent = nullptr);

    /// Shows the VMs of these hosts (replacing the previous ones).
    void setSessions(const QList<HostSession *> &sessions);
    QList<HostSession *> sessions() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    QModelIndex indexOf(const QString &uri, const QString &uuid) const;

private:
    struct Tile
    {
        HostSession *session;
        DomainSummary domain;
    };
    void resetHost(HostSession *session, const QList<DomainSummary> &domains);
    void updateDomain(HostSession *session, const DomainSummary &domain);
    void removeDomain(HostSession *session, const QString &uuid);
    void thumbnailChanged(HostSession *session, const QString &uuid);
    /// The first row after `session`'s block (its insertion point).
    int blockEnd(HostSession *session) const;
    int rowOf(HostSession *session, const QString &uuid) const;
    QString noteFor(const Tile &tile) const;

    QList<QPointer<HostSession>> m_sessions;
    QList<Tile> m_tiles;
};

} // namespace crossvirt::models
