#include "views/pools/TemplateListing.h"

#include "models/connection/Datacenter.h"
#include "models/connection/FutureHandling.h"
#include "models/connection/HostSession.h"

namespace crossvirt::views {

TemplateListing::TemplateListing(models::Datacenter *datacenter, QObject *parent)
    : QObject(parent), m_datacenter(datacenter)
{}

void TemplateListing::load()
{
    const quint64 generation = ++m_generation;
    m_templates.clear();
    m_errors.clear();
    m_pending = 0;
    m_loaded = true;
    for (models::HostSession *s : m_datacenter->sessions()) {
        if (s->state() != models::ConnectionState::Connected)
            continue;
        ++m_pending;
        const QString host = m_datacenter->displayName(s->uri());
        models::whenFinished(
            models::listTemplates(s), this,
            [this, generation](const QList<models::TemplateInfo> &list) {
                if (generation != m_generation)
                    return;
                m_templates += list;
                --m_pending;
                emit updated(m_pending == 0);
            },
            [this, generation, host](const QString &error) {
                if (generation != m_generation)
                    return;
                m_errors << tr("%1: %2").arg(host, error);
                --m_pending;
                emit updated(m_pending == 0);
            });
    }
    if (m_pending == 0)
        emit updated(true);
}

} // namespace crossvirt::views
