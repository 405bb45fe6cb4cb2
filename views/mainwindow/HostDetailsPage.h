#pragma once

#include "models/inventory/InventoryTypes.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QTreeWidget;

#include "models/connection/HostSession.h"

namespace crossvirt::views {

/// A host at a glance: arch, CPU, memory, which guest arches it runs natively and
/// which it can only emulate, its networks and storage pools.
class HostDetailsPage : public QWidget
{
    Q_OBJECT
public:
    explicit HostDetailsPage(QWidget *parent = nullptr);

    /// Shows `session` (reads details off the GUI thread; follows its state).
    void setSession(models::HostSession *session, const QString &displayName);
    models::HostSession *session() const { return m_session; }

    QTreeWidget *networks() const { return m_networks; }
    QTreeWidget *pools() const { return m_pools; }
    QLabel *nativeArchesLabel() const { return m_native; }
    QLabel *emulatedArchesLabel() const { return m_emulated; }
    /// What is wrong with a connected host: it answers slowly, or its capabilities were
    /// refused or cut (hidden when nothing is).
    QLabel *healthLabel() const { return m_health; }

private:
    void reload();
    void showDetails(const models::HostDetails &details);
    void updateHealth();

    QPointer<models::HostSession> m_session;
    QString m_name;
    QLabel *m_title;
    QLabel *m_status;
    QWidget *m_content;
    QLabel *m_health;
    QLabel *m_uri, *m_hostname, *m_driver, *m_arch, *m_cpu, *m_memory, *m_native, *m_emulated,
        *m_archSource;
    QTreeWidget *m_networks;
    QTreeWidget *m_pools;
    quint64 m_generation = 0;
};

} // namespace crossvirt::views
