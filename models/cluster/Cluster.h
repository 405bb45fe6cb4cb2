#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace crossvirt::models {

/// A group of hosts that run guests of one architecture (oVirt's cluster): its arch,
/// the CPU type its guests get, and whether member hosts may emulate that arch (Nova's
/// hw_emulation_architecture). A host belongs to at most one cluster.
struct Cluster
{
    QString id; ///< stable, generated once (a UUID without braces)
    QString name;
    QString description;
    QString arch;    ///< libvirt arch name of its guests ("ppc64le")
    QString cpuType; ///< cluster CPU type id (arch::ArchModel::clusterCpuId: libvirt model)
    bool allowEmulation = false;
    QStringList hostUris;

    friend bool operator==(const Cluster &, const Cluster &) = default;
};

/// Longest cluster name and description accepted (oVirt's limits).
inline constexpr int kClusterNameMaxLength = 40;
inline constexpr int kClusterDescriptionMaxLength = 255;

/// A new cluster id (a random UUID without braces).
QString newClusterId();

/// Why `name` cannot name a cluster among `others` (the cluster being edited excluded
/// by the caller), or an empty string when it can. Names are compared case-insensitively.
QString clusterNameProblem(const QString &name, const QList<Cluster> &others);

} // namespace crossvirt::models

Q_DECLARE_METATYPE(crossvirt::models::Cluster)
