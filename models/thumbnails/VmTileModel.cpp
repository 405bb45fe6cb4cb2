#include "models/thumbnails/VmTileModel.h"

#include "models/connection/HostSession.h"
#include "models/thumbnails/ThumbnailService.h"

#include <QCoreApplication>
#include <QSet>
#include <algorithm>

namespace crossvirt::models {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(VmTileModel)
};
} // namespace

VmTileModel::VmTileModel(QObject *parent) : QAbstractListModel(parent) {}

void VmTileModel::setSessions(const QList<HostSession *> &sessions)
{
    beginResetModel();
    for (const QPointer<HostSession> &s : std::as_const(m_sessions)) {
        if (s) {
            disconnect(s, nullptr, this, nullptr);
            disconnect(ThumbnailService::of(s), nullptr, this, nullptr);
        }
    }
    m_sessions.clear();
    m_tiles.clear();
    for (HostSession *s : sessions) {
        if (!s)
            continue;
        m_sessions << s;
        QList<DomainSummary> domains = s->domains();
        std::sort(domains.begin(), domains.end(),
                  [](const DomainSummary &a, const DomainSummary &b) {
                      return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
                  });
        for (const DomainSummary &d : std::as_const(domains))
            m_tiles << Tile{s, d};
        connect(s, &HostSession::domainsReset, this,
                [this, s](const QList<DomainSummary> &list) { resetHost(s, list); });
        connect(s, &HostSession::domainUpdated, this,
                [this, s](const DomainSummary &d) { updateDomain(s, d); });
        connect(s, &HostSession::domainRemoved, this,
                [this, s](const QString &uuid) { removeDomain(s, uuid); });
        connect(s, &QObject::destroyed, this, [this, s] { resetHost(s, {}); });
        ThumbnailService *thumbs = ThumbnailService::of(s);
        connect(thumbs, &ThumbnailService::thumbnailChanged, this,
                [this, s](const QString &uuid) { thumbnailChanged(s, uuid); });
        connect(thumbs, &ThumbnailService::enabledChanged, this, [this, s] {
            for (int r = 0; r < m_tiles.size(); ++r) {
                if (m_tiles[r].session == s)
                    emit dataChanged(index(r), index(r));
            }
        });
    }
    endResetModel();
}

QList<HostSession *> VmTileModel::sessions() const
{
    QList<HostSession *> out;
    for (const QPointer<HostSession> &s : m_sessions) {
        if (s)
            out << s;
    }
    return out;
}

int VmTileModel::blockEnd(HostSession *session) const
{
    // Blocks follow m_sessions' order; the end of this block is the end of the last
    // row belonging to it or to an earlier host.
    int end = 0;
    for (const QPointer<HostSession> &s : m_sessions) {
        for (int r = end; r < m_tiles.size() && m_tiles[r].session == s.data(); ++r)
            end = r + 1;
        if (s == session)
            return end;
    }
    return end;
}

int VmTileModel::rowOf(HostSession *session, const QString &uuid) const
{
    for (int r = 0; r < m_tiles.size(); ++r) {
        if (m_tiles[r].session == session && m_tiles[r].domain.uuid == uuid)
            return r;
    }
    return -1;
}

void VmTileModel::resetHost(HostSession *session, const QList<DomainSummary> &domains)
{
    QSet<QString> incoming;
    for (const DomainSummary &d : domains)
        incoming.insert(d.uuid);
    for (int r = int(m_tiles.size()) - 1; r >= 0; --r) {
        if (m_tiles[r].session == session && !incoming.contains(m_tiles[r].domain.uuid)) {
            beginRemoveRows({}, r, r);
            m_tiles.removeAt(r);
            endRemoveRows();
        }
    }
    for (const DomainSummary &d : domains)
        updateDomain(session, d);
}

void VmTileModel::updateDomain(HostSession *session, const DomainSummary &domain)
{
    const int r = rowOf(session, domain.uuid);
    if (r >= 0 && m_tiles[r].domain.name == domain.name) {
        m_tiles[r].domain = domain;
        emit dataChanged(index(r), index(r));
        return;
    }
    if (r >= 0) { // renamed: it moves to its place by name
        beginRemoveRows({}, r, r);
        m_tiles.removeAt(r);
        endRemoveRows();
    }
    // Tiles are sorted by name within their host, as the tree sorts them.
    const int end = blockEnd(session);
    int at = end;
    while (at > 0 && m_tiles[at - 1].session == session &&
           m_tiles[at - 1].domain.name.compare(domain.name, Qt::CaseInsensitive) > 0)
        --at;
    beginInsertRows({}, at, at);
    m_tiles.insert(at, Tile{session, domain});
    endInsertRows();
}

void VmTileModel::removeDomain(HostSession *session, const QString &uuid)
{
    const int r = rowOf(session, uuid);
    if (r < 0)
        return;
    beginRemoveRows({}, r, r);
    m_tiles.removeAt(r);
    endRemoveRows();
}

void VmTileModel::thumbnailChanged(HostSession *session, const QString &uuid)
{
    const int r = rowOf(session, uuid);
    if (r >= 0)
        emit dataChanged(index(r), index(r), {ThumbnailRole, NoteRole});
}

int VmTileModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tiles.size());
}

QString VmTileModel::noteFor(const Tile &tile) const
{
    const DomainSummary &d = tile.domain;
    if (!isActive(d.state))
        return {};
    ThumbnailService *thumbs = ThumbnailService::of(tile.session);
    if (!thumbs->isEnabled())
        return Text::tr("Thumbnails are off for this remote host.");
    const QString problem = thumbs->problem(d.uuid);
    if (!problem.isEmpty())
        return problem;
    if (thumbs->thumbnail(d.uuid).isNull())
        return Text::tr("Waiting for a screenshot…");
    return {};
}

QVariant VmTileModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Tile &tile = m_tiles[index.row()];
    const DomainSummary &d = tile.domain;
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return d.name;
    case Qt::ToolTipRole: {
        QString tip = Text::tr("%1 (%2, %3%4) on %5")
                          .arg(d.name, domainStateText(d.state), d.arch,
                               d.emulated ? Text::tr(", emulated") : QString(),
                               tile.session->hostInfo().hostname.isEmpty()
                                   ? tile.session->uri()
                                   : tile.session->hostInfo().hostname);
        const QString note = noteFor(tile);
        if (!note.isEmpty())
            tip += u'\n' + note;
        return tip;
    }
    case Qt::AccessibleTextRole:
        return Text::tr("%1, %2").arg(d.name, domainStateText(d.state));
    case UuidRole:
        return d.uuid;
    case UriRole:
        return tile.session->uri();
    case StateRole:
        return int(d.state);
    case StateTextRole:
        return domainStateText(d.state);
    case ArchRole:
        return d.arch;
    case EmulatedRole:
        return d.emulated;
    case ThumbnailRole:
        return isActive(d.state) ? ThumbnailService::of(tile.session)->thumbnail(d.uuid) : QImage();
    case NoteRole:
        return noteFor(tile);
    case HostSessionRole:
        return QVariant::fromValue<QObject *>(tile.session);
    default:
        return {};
    }
}

QHash<int, QByteArray> VmTileModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(UuidRole, "uuid");
    names.insert(UriRole, "uri");
    names.insert(NameRole, "name");
    names.insert(StateRole, "state");
    names.insert(ArchRole, "arch");
    names.insert(ThumbnailRole, "thumbnail");
    names.insert(NoteRole, "note");
    return names;
}

QModelIndex VmTileModel::indexOf(const QString &uri, const QString &uuid) const
{
    for (int r = 0; r < m_tiles.size(); ++r) {
        if (m_tiles[r].domain.uuid == uuid && m_tiles[r].session->uri() == uri)
            return index(r);
    }
    return {};
}

} // namespace crossvirt::models
