#include "models/inventory/InventoryModel.h"

#include "models/connection/Datacenter.h"
#include "models/connection/HostSession.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QIcon>
#include <QPalette>
#include <QSet>

namespace crossvirt::models {

using namespace Qt::StringLiterals;

QString formatKiB(quint64 kib)
{
    const double mib = double(kib) / 1024.0;
    if (mib >= 1024.0)
        return QCoreApplication::translate("InventoryModel", "%1 GiB").arg(mib / 1024.0, 0, 'f', 1);
    return QCoreApplication::translate("InventoryModel", "%1 MiB").arg(qRound64(mib));
}

InventoryModel::InventoryModel(Datacenter *datacenter, QObject *parent)
    : QAbstractItemModel(parent), m_datacenter(datacenter)
{
    for (HostSession *s : datacenter->sessions())
        addHost(s);
    connect(datacenter, &Datacenter::sessionAdded, this, &InventoryModel::addHost);
    connect(datacenter, &Datacenter::sessionAboutToBeRemoved, this, &InventoryModel::removeHost);
}

void InventoryModel::addHost(HostSession *session)
{
    const int row = int(m_hosts.size());
    beginInsertRows({}, row, row);
    HostNode node;
    node.id = m_nextId++;
    node.session = session;
    node.domains = session->domains();
    reindex(node);
    m_hosts << node;
    endInsertRows();

    connect(session, &HostSession::stateChanged, this, [this, session] { hostChanged(session); });
    connect(session, &HostSession::hostInfoChanged, this,
            [this, session] { hostChanged(session); });
    connect(session, &HostSession::responsivenessChanged, this,
            [this, session] { hostChanged(session); });
    connect(session, &HostSession::domainsReset, this,
            [this, session](const QList<DomainSummary> &list) { resetDomains(session, list); });
    connect(session, &HostSession::domainUpdated, this,
            [this, session](const DomainSummary &d) { updateDomain(session, d); });
    connect(session, &HostSession::domainRemoved, this,
            [this, session](const QString &uuid) { removeDomain(session, uuid); });
}

void InventoryModel::removeHost(HostSession *session)
{
    const int row = hostRow(session);
    if (row < 0)
        return;
    disconnect(session, nullptr, this, nullptr);
    beginRemoveRows({}, row, row);
    m_hosts.removeAt(row);
    endRemoveRows();
}

int InventoryModel::hostRow(const HostSession *session) const
{
    for (int i = 0; i < m_hosts.size(); ++i) {
        if (m_hosts[i].session == session)
            return i;
    }
    return -1;
}

int InventoryModel::hostRowById(quintptr id) const
{
    for (int i = 0; i < m_hosts.size(); ++i) {
        if (m_hosts[i].id == id)
            return i;
    }
    return -1;
}

void InventoryModel::reindex(HostNode &node)
{
    node.rowOf.clear();
    for (int i = 0; i < node.domains.size(); ++i)
        node.rowOf.insert(node.domains[i].uuid, i);
}

void InventoryModel::hostChanged(HostSession *session)
{
    const int row = hostRow(session);
    if (row >= 0)
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void InventoryModel::resetDomains(HostSession *session, const QList<DomainSummary> &domains)
{
    const int row = hostRow(session);
    if (row < 0)
        return;
    const QModelIndex parentIndex = index(row, 0);
    HostNode &node = m_hosts[row];

    // Remove VMs that are gone (from the bottom so rows stay valid), update those
    // that stayed in place, append the new ones: views keep selection and scroll.
    QSet<QString> incoming;
    for (const DomainSummary &d : domains)
        incoming.insert(d.uuid);
    for (int i = int(node.domains.size()) - 1; i >= 0; --i) {
        if (!incoming.contains(node.domains[i].uuid)) {
            beginRemoveRows(parentIndex, i, i);
            node.domains.removeAt(i);
            endRemoveRows();
        }
    }
    reindex(node);
    QList<DomainSummary> added;
    for (const DomainSummary &d : domains) {
        const auto it = node.rowOf.constFind(d.uuid);
        if (it == node.rowOf.constEnd()) {
            added << d;
            continue;
        }
        node.domains[*it] = d;
    }
    if (!node.domains.isEmpty()) {
        emit dataChanged(index(0, 0, parentIndex),
                         index(int(node.domains.size()) - 1, ColumnCount - 1, parentIndex));
    }
    if (!added.isEmpty()) {
        const int first = int(node.domains.size());
        beginInsertRows(parentIndex, first, first + int(added.size()) - 1);
        node.domains << added;
        reindex(node);
        endInsertRows();
    }
}

void InventoryModel::updateDomain(HostSession *session, const DomainSummary &domain)
{
    const int row = hostRow(session);
    if (row < 0)
        return;
    HostNode &node = m_hosts[row];
    const QModelIndex parentIndex = index(row, 0);
    const auto it = node.rowOf.constFind(domain.uuid);
    if (it != node.rowOf.constEnd()) {
        const int r = *it;
        node.domains[r] = domain;
        emit dataChanged(index(r, 0, parentIndex), index(r, ColumnCount - 1, parentIndex));
        return;
    }
    const int r = int(node.domains.size());
    beginInsertRows(parentIndex, r, r);
    node.domains << domain;
    node.rowOf.insert(domain.uuid, r);
    endInsertRows();
}

void InventoryModel::removeDomain(HostSession *session, const QString &uuid)
{
    const int row = hostRow(session);
    if (row < 0)
        return;
    HostNode &node = m_hosts[row];
    const auto it = node.rowOf.constFind(uuid);
    if (it == node.rowOf.constEnd())
        return;
    const int r = *it;
    beginRemoveRows(index(row, 0), r, r);
    node.domains.removeAt(r);
    reindex(node);
    endRemoveRows();
}

QModelIndex InventoryModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_hosts.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0 || parent.row() >= m_hosts.size())
        return {}; // VMs have no children
    const HostNode &host = m_hosts[parent.row()];
    if (row >= host.domains.size())
        return {};
    return createIndex(row, column, host.id);
}

QModelIndex InventoryModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    const int row = hostRowById(child.internalId());
    return row < 0 ? QModelIndex() : createIndex(row, 0, quintptr(0));
}

int InventoryModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_hosts.size());
    if (parent.column() != 0 || parent.internalId() != 0 || parent.row() >= m_hosts.size())
        return 0;
    return int(m_hosts[parent.row()].domains.size());
}

int InventoryModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant InventoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StateColumn:
        return tr("State");
    case ArchColumn:
        return tr("Arch");
    case CpuModelColumn:
        return tr("CPU model");
    case CpusColumn:
        return tr("CPUs");
    case MemoryColumn:
        return tr("Memory");
    default:
        return {};
    }
}

QVariant InventoryModel::data(const QModelIndex &idx, int role) const
{
    if (!idx.isValid())
        return {};
    if (idx.internalId() == 0) {
        if (idx.row() >= m_hosts.size())
            return {};
        return hostData(m_hosts[idx.row()], idx.column(), role);
    }
    const int hr = hostRowById(idx.internalId());
    if (hr < 0 || idx.row() >= m_hosts[hr].domains.size())
        return {};
    return domainData(m_hosts[hr], m_hosts[hr].domains[idx.row()], idx.column(), role);
}

QVariant InventoryModel::hostData(const HostNode &host, int column, int role) const
{
    const HostSession *s = host.session;
    const HostInfo &info = s->hostInfo();
    switch (role) {
    case KindRole:
        return int(ItemKind::Host);
    case UriRole:
        return s->uri();
    case ArchRole:
        return info.arch;
    case ConnectionStateRole:
        return int(s->state());
    case ErrorRole:
        return s->lastError();
    case NameRole:
        return m_datacenter->displayName(s->uri());
    case HostSessionRole:
        return QVariant::fromValue(static_cast<QObject *>(host.session));
    case MemoryKiBRole:
        return info.memoryKiB;
    case Qt::ToolTipRole: {
        QString tip = s->uri();
        if (!s->lastError().isEmpty())
            tip += u"\n"_s + s->lastError();
        return tip;
    }
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    const bool connected = s->state() == ConnectionState::Connected;
    switch (column) {
    case NameColumn:
        return m_datacenter->displayName(s->uri());
    case StateColumn:
        if (s->state() == ConnectionState::Retrying && s->retryInSeconds() > 0) {
            return tr("Disconnected: %1 (retrying in %n s)", nullptr, s->retryInSeconds())
                .arg(s->lastError());
        }
        if (s->state() == ConnectionState::Failed)
            return tr("Failed: %1").arg(s->lastError());
        if (connected && s->isSlow())
            return tr("Connected (slow: %1 ms per call)").arg(s->callLatencyMs());
        return connectionStateText(s->state());
    case ArchColumn:
        return connected ? info.arch : QString();
    case CpuModelColumn:
        return connected ? info.cpuModel : QString();
    case CpusColumn:
        return connected && info.cpus > 0 ? QVariant(info.cpus) : QVariant();
    case MemoryColumn:
        return connected && info.memoryKiB > 0 ? formatKiB(info.memoryKiB) : QString();
    default:
        return {};
    }
}

QVariant InventoryModel::domainData(const HostNode &host, const DomainSummary &d, int column,
                                    int role) const
{
    switch (role) {
    case KindRole:
        return int(ItemKind::Domain);
    case UriRole:
        return host.session->uri();
    case UuidRole:
        return d.uuid;
    case ArchRole:
        return d.arch;
    case EmulatedRole:
        return d.emulated;
    case DomainStateRole:
        return int(d.state);
    case NameRole:
        return d.name;
    case HostSessionRole:
        return QVariant::fromValue(static_cast<QObject *>(host.session));
    case MemoryKiBRole:
        return d.maxMemoryKiB ? d.maxMemoryKiB : d.memoryKiB;
    case Qt::ToolTipRole:
        if (column == ArchColumn) {
            return d.emulated ? tr("%1 guest, emulated (TCG) on this %2 host")
                                    .arg(d.arch, host.session->hostInfo().arch)
                              : tr("%1 guest, runs natively (KVM)").arg(d.arch);
        }
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (column) {
    case NameColumn:
        return d.name;
    case StateColumn:
        return domainStateText(d.state);
    case ArchColumn:
        return d.emulated ? tr("%1 (emulated)").arg(d.arch) : d.arch;
    case CpuModelColumn:
        return d.cpuModel.isEmpty() ? d.cpuMode : d.cpuModel;
    case CpusColumn:
        return d.vcpus;
    case MemoryColumn:
        return formatKiB(d.maxMemoryKiB ? d.maxMemoryKiB : d.memoryKiB);
    default:
        return {};
    }
}

QModelIndex InventoryModel::hostIndex(const QString &uri) const
{
    for (int i = 0; i < m_hosts.size(); ++i) {
        if (m_hosts[i].session->uri() == uri)
            return index(i, 0);
    }
    return {};
}

QModelIndex InventoryModel::domainIndex(const QString &uri, const QString &uuid) const
{
    const QModelIndex host = hostIndex(uri);
    if (!host.isValid())
        return {};
    const auto it = m_hosts[host.row()].rowOf.constFind(uuid);
    return it == m_hosts[host.row()].rowOf.constEnd() ? QModelIndex() : index(*it, 0, host);
}

HostSession *InventoryModel::sessionAt(const QModelIndex &idx) const
{
    return qobject_cast<HostSession *>(idx.data(HostSessionRole).value<QObject *>());
}

std::optional<DomainSummary> InventoryModel::domainAt(const QModelIndex &idx) const
{
    if (!idx.isValid() || idx.model() != this || idx.internalId() == 0)
        return std::nullopt;
    const int hr = hostRowById(idx.internalId());
    if (hr < 0 || idx.row() >= m_hosts[hr].domains.size())
        return std::nullopt;
    return m_hosts[hr].domains[idx.row()];
}

} // namespace crossvirt::models
