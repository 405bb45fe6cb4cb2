#include "models/cluster/ClusterStore.h"

#include "models/connection/ConnectionStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace crossvirt::models {

namespace {
// lupdate and the runtime both see the context "ClusterStore" for Text::tr().
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ClusterStore)
};
} // namespace

using namespace Qt::StringLiterals;

namespace {

// The file's shape and texts, for JsonListStore.
struct Format
{
    using Item = Cluster;
    static constexpr QLatin1StringView key{"clusters"};
    static constexpr int version = 1;

    static QJsonObject toJson(const Item &c)
    {
        return QJsonObject{{u"id"_s, c.id},
                           {u"name"_s, c.name},
                           {u"description"_s, c.description},
                           {u"arch"_s, c.arch},
                           {u"cpuType"_s, c.cpuType},
                           {u"allowEmulation"_s, c.allowEmulation},
                           {u"hosts"_s, QJsonArray::fromStringList(c.hostUris)}};
    }

    static Item fromJson(const QJsonObject &o)
    {
        Cluster c;
        c.id = o.value("id"_L1).toString();
        c.name = o.value("name"_L1).toString();
        c.description = o.value("description"_L1).toString();
        c.arch = o.value("arch"_L1).toString();
        c.cpuType = o.value("cpuType"_L1).toString();
        c.allowEmulation = o.value("allowEmulation"_L1).toBool(false);
        for (const QJsonValue &h : o.value("hosts"_L1).toArray())
            c.hostUris << h.toString();
        return c;
    }

    static QString invalid(const Item &c, const QList<Item> &before)
    {
        if (c.id.isEmpty() || c.name.isEmpty() || c.arch.isEmpty())
            return Text::tr("a cluster has no id, name or architecture");
        for (const Cluster &other : before) {
            if (other.id == c.id)
                return Text::tr("two clusters share the id %1").arg(c.id);
        }
        return {};
    }

    static QString unreadable(const QString &path, const QString &why, const QString &backup)
    {
        return !backup.isEmpty()
                   ? Text::tr(
                         "The saved cluster list %1 could not be read (%2). It was kept as %3.")
                         .arg(path, why, backup)
                   : Text::tr(
                         "The saved cluster list %1 could not be read (%2), and no copy could "
                         "be made. Crossvirt will not overwrite it until it can be copied aside.")
                         .arg(path, why);
    }

    static QString saveFailed(const QString &path, const QString &why)
    {
        return Text::tr("Could not save the cluster list to %1: %2").arg(path, why);
    }
};

} // namespace

ClusterStore::ClusterStore(QString filePath) : m_path(std::move(filePath)) {}

QString ClusterStore::defaultPath()
{
    return QFileInfo(ConnectionStore::defaultPath()).dir().filePath(u"clusters.json"_s);
}

ClusterStore::LoadResult ClusterStore::load() const
{
    JsonListStore<Format>::LoadResult r = JsonListStore<Format>(m_path).load();
    return {r.status, std::move(r.items), std::move(r.error), std::move(r.backupPath)};
}

QString ClusterStore::save(const QList<Cluster> &clusters) const
{
    return JsonListStore<Format>(m_path).save(clusters);
}

} // namespace crossvirt::models
