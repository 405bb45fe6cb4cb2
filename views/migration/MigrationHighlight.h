#pragma once

#include "models/migration/Migration.h"

#include <QIdentityProxyModel>
#include <optional>

namespace crossvirt::views {

/// The datacenter tree's "where can this go" view (issue 13): over the inventory, marks the
/// host rows a VM could move to (a green check, a green tint, "can move here" as tooltip) and
/// greys the others with their reasons as tooltip, from a models::MigrationCheck. The VM's
/// own host says so. Nothing changes while no check is set.
class MigrationHighlight : public QIdentityProxyModel
{
    Q_OBJECT
public:
    /// What a host row shows (VerdictRole).
    enum class Verdict
    {
        None,     ///< no highlight (a VM row, or nothing checked)
        Checking, ///< the check for this VM runs
        Source,   ///< the VM runs here
        Possible,
        Impossible,
    };
    static constexpr int VerdictRole = Qt::UserRole + 300; ///< int(Verdict), host rows

    using QIdentityProxyModel::QIdentityProxyModel;

    /// Shows "checking" on every host row for `vmName` on `sourceUri`.
    void setChecking(const QString &sourceUri, const QString &uuid, const QString &vmName);
    /// Shows `check` (for the VM it names).
    void setCheck(const models::MigrationCheck &check);
    void clear();
    bool isActive() const { return !m_uuid.isEmpty(); }
    bool isChecking() const { return isActive() && !m_check; }
    /// The VM highlighted for (host URI, UUID); empty when none.
    QString sourceUri() const { return m_sourceUri; }
    QString uuid() const { return m_uuid; }
    const std::optional<models::MigrationCheck> &check() const { return m_check; }

    Verdict verdict(const QString &hostUri) const;
    QVariant data(const QModelIndex &index, int role) const override;

private:
    void refreshHosts();

    QString m_sourceUri;
    QString m_uuid;
    QString m_vmName;
    std::optional<models::MigrationCheck> m_check;
};

} // namespace crossvirt::views
