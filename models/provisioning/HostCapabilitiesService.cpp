#include "models/provisioning/HostCapabilitiesService.h"

#include "arch/Placement.h"
#include "models/connection/Datacenter.h"
#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"

namespace crossvirt::models {

HostCapabilitiesService::HostCapabilitiesService(Datacenter *datacenter, QObject *parent)
    : QObject(parent), m_datacenter(datacenter)
{
    if (m_datacenter) {
        connect(m_datacenter, &Datacenter::sessionAboutToBeRemoved, this,
                &HostCapabilitiesService::forget);
    }
}

HostChoicesProvider *HostCapabilitiesService::provider(HostSession *session)
{
    if (!session)
        return nullptr;
    QPointer<HostChoicesProvider> &p = m_providers[session];
    if (!p) {
        p = new HostChoicesProvider(session, this);
        connect(session, &QObject::destroyed, this, [this, session] { forget(session); });
    }
    return p;
}

void HostCapabilitiesService::forget(HostSession *session)
{
    if (HostChoicesProvider *p = m_providers.take(session))
        p->deleteLater();
    m_reading.remove(session);
}

bool HostCapabilitiesService::capabilitiesKnown(HostSession *session)
{
    if (!session || session->state() != ConnectionState::Connected ||
        !session->hostInfo().archesFromCapabilities)
        return true; // nothing better than the policy will come
    HostChoicesProvider *p = provider(session);
    if (p->cachedHostCapabilities())
        return true;
    if (!m_reading.value(session)) {
        m_reading.insert(session, true);
        const QString uri = session->uri();
        const QPointer<HostSession> guard(session);
        whenFinished(
            p->hostCapabilities(), this,
            [this, guard, uri](const std::optional<arch::HostCapabilities> &) {
                if (guard)
                    m_reading.remove(guard);
                emit capabilitiesChanged(uri);
            },
            [this, guard, uri](const QString &) {
                if (guard) {
                    m_reading.remove(guard);
                    // Failed to read: placement falls back to the policy for this host.
                    if (HostChoicesProvider *failed = m_providers.value(guard))
                        failed->primeHostCapabilities(std::nullopt);
                }
                emit capabilitiesChanged(uri);
            });
    }
    return false;
}

arch::HostCandidate HostCapabilitiesService::candidate(HostSession *session)
{
    arch::HostCandidate c{session->uri(), session->hostInfo().arch, std::nullopt};
    if (HostChoicesProvider *p = m_providers.value(session)) {
        if (const auto cached = p->cachedHostCapabilities())
            c.caps = *cached;
    }
    return c;
}

QList<arch::HostPlacement> HostCapabilitiesService::rankHosts(const QString &guestArch,
                                                              const QList<HostSession *> &sessions,
                                                              bool allowEmulation)
{
    QList<arch::HostCandidate> candidates;
    for (HostSession *s : sessions) {
        if (s)
            candidates << candidate(s);
    }
    return arch::rankHosts(guestArch, candidates, allowEmulation);
}

} // namespace crossvirt::models
