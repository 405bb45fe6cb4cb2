#include "models/cluster/ClusterStore.h"

#include "models/connection/ConnectionStore.h"
#include "models/connection/JsonListFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

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
constexpr int kFormatVersion = 1;
} // namespace

ClusterStore::ClusterStore(QString filePath) : m_path(std::move(filePath)) {}

QString ClusterStore::defaultPath()
{
    return QFileInfo(ConnectionStore::defaultPath()).dir().filePath(u"clusters.json"_s);
}

ClusterStore::LoadResult ClusterStore::load() const
{
    LoadResult result;
    const JsonListFile::Read file = JsonListFile::read(m_path, "clusters"_L1);
    auto keepAside = [&](Status status, const QString &why) {
        result.status = status;
        result.clusters.clear();
        result.backupPath = JsonListFile::copyAside(m_path);
        result.error = !result.backupPath.isEmpty()
                           ? Text::tr("The saved cluster list %1 could not be read (%2). "
                                "It was kept as %3.")
                                 .arg(m_path, why, result.backupPath)
                           : Text::tr("The saved cluster list %1 could not be read (%2), and no copy "
                                "could be made. Crossvirt will not overwrite it until it can be "
                                "copied aside.")
                                 .arg(m_path, why);
        return result;
    };
    switch (file.status) {
    case JsonListFile::Status::Missing:
        return result;
    case JsonListFile::Status::Unreadable:
        return keepAside(Status::Unreadable, file.why);
    case JsonListFile::Status::Corrupt:
        return keepAside(Status::Corrupt, file.why);
    case JsonListFile::Status::Loaded:
        break;
    }
    QSet<QString> ids;
    for (const QJsonValue &v : file.items) {
        const QJsonObject o = v.toObject();
        Cluster c;
        c.id = o.value("id"_L1).toString();
        c.name = o.value("name"_L1).toString();
        c.description = o.value("description"_L1).toString();
        c.arch = o.value("arch"_L1).toString();
        c.cpuType = o.value("cpuType"_L1).toString();
        c.allowEmulation = o.value("allowEmulation"_L1).toBool(false);
        for (const QJsonValue &h : o.value("hosts"_L1).toArray())
            c.hostUris << h.toString();
        if (c.id.isEmpty() || c.name.isEmpty() || c.arch.isEmpty())
            return keepAside(Status::Corrupt, Text::tr("a cluster has no id, name or architecture"));
        if (ids.contains(c.id))
            return keepAside(Status::Corrupt, Text::tr("two clusters share the id %1").arg(c.id));
        ids.insert(c.id);
        result.clusters << c;
    }
    result.status = Status::Loaded;
    return result;
}

QString ClusterStore::save(const QList<Cluster> &clusters) const
{
    QJsonArray array;
    for (const Cluster &c : clusters) {
        array.append(QJsonObject{{u"id"_s, c.id},
                                 {u"name"_s, c.name},
                                 {u"description"_s, c.description},
                                 {u"arch"_s, c.arch},
                                 {u"cpuType"_s, c.cpuType},
                                 {u"allowEmulation"_s, c.allowEmulation},
                                 {u"hosts"_s, QJsonArray::fromStringList(c.hostUris)}});
    }
    const QString error = JsonListFile::write(m_path, "clusters"_L1, array, kFormatVersion);
    return error.isEmpty()
               ? QString()
               : Text::tr("Could not save the cluster list to %1: %2").arg(m_path, error);
}

} // namespace crossvirt::models
