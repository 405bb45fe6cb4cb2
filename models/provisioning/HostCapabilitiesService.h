#pragma once

#include "arch/ArchTypes.h"
#include "models/provisioning/HostChoices.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

namespace crossvirt::models {

class Datacenter;
class HostSession;

/// One HostChoicesProvider per host of a Datacenter, shared by every dialog (and owned by
/// the app), so a host's capabilities and domain capabilities are read once. It also
/// places guests on hosts: arch::rankHosts with each host's own capabilities.
class HostCapabilitiesService : public QObject
{
    Q_OBJECT
public:
    explicit HostCapabilitiesService(Datacenter *datacenter, QObject *parent = nullptr);

    Datacenter *datacenter() const { return m_datacenter; }
    /// The provider of `session` (created on first use; nullptr for nullptr).
    HostChoicesProvider *provider(HostSession *session);

    /// A candidate for arch::rankHosts: the host's arch and, once read, its capabilities.
    arch::HostCandidate candidate(HostSession *session);
    /// False while the capabilities of a connected host that describes itself through them
    /// are still being read (its placement would be a guess); such a read is started and
    /// capabilitiesChanged() follows.
    bool capabilitiesKnown(HostSession *session);
    /// Ranks `sessions` for a guest of `guestArch` (native first, then emulated when
    /// allowed), every host with its own capabilities when it has them.
    QList<arch::HostPlacement> rankHosts(const QString &guestArch,
                                         const QList<HostSession *> &sessions, bool allowEmulation);

signals:
    /// A host's capabilities arrived (or failed to): placements may have changed.
    void capabilitiesChanged(const QString &uri);

private:
    void forget(HostSession *session);

    Datacenter *m_datacenter;
    QHash<HostSession *, QPointer<HostChoicesProvider>> m_providers;
    QHash<HostSession *, bool> m_reading;
};

} // namespace crossvirt::models
