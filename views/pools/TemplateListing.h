#pragma once

#include "models/templates/VmTemplates.h"

#include <QList>
#include <QObject>
#include <QStringList>

namespace crossvirt::models {
class Datacenter;
}

namespace crossvirt::views {

/// The templates of every connected host, read once with listTemplates (one request per
/// host); ready() follows when every host answered. Hosts that fail are named in errors().
class TemplateListing : public QObject
{
    Q_OBJECT
public:
    explicit TemplateListing(models::Datacenter *datacenter, QObject *parent = nullptr);

    /// Starts (again) reading every connected host's templates.
    void load();
    bool isLoaded() const { return m_loaded && m_pending == 0; }
    const QList<models::TemplateInfo> &templates() const { return m_templates; }
    const QStringList &errors() const { return m_errors; }

signals:
    /// A host answered (templates() grew); `done` once every host has.
    void updated(bool done);

private:
    models::Datacenter *m_datacenter;
    QList<models::TemplateInfo> m_templates;
    QStringList m_errors;
    int m_pending = 0;
    bool m_loaded = false;
    quint64 m_generation = 0;
};

} // namespace crossvirt::views
