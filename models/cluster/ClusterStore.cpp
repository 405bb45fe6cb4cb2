#include "models/cluster/ClusterStore.h"

#include "models/connection/ConnectionStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

namespace crossvirt::models {

using namespace Qt::StringLiterals;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ClusterStore", text);
}
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
    QFile file(m_path);
    if (!file.exists())
        return result;
    auto keepAside = [&](Status status, const QString &why) {
        result.status = status;
        result.clusters.clear();
        const QString backup = m_path + u".unreadable-"_s +
                               QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s);
        if (QFile::copy(m_path, backup)) {
            result.backupPath = backup;
            result.error = tr("The saved cluster list %1 could not be read (%2). "
                              "It was kept as %3.")
                               .arg(m_path, why, backup);
        } else {
            result.error = tr("The saved cluster list %1 could not be read (%2), and no copy "
                              "could be made. Crossvirt will not overwrite it until it can be "
                              "copied aside.")
                               .arg(m_path, why);
        }
        return result;
    };
    if (!file.open(QIODevice::ReadOnly))
        return keepAside(Status::Unreadable, file.errorString());
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return keepAside(Status::Corrupt, parseError.errorString());
    const QJsonObject root = doc.object();
    if (!doc.isObject() || !root.value("clusters"_L1).isArray())
        return keepAside(Status::Corrupt, tr("no cluster list in the file"));
    QSet<QString> ids;
    for (const QJsonValue &v : root.value("clusters"_L1).toArray()) {
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
            return keepAside(Status::Corrupt, tr("a cluster has no id, name or architecture"));
        if (ids.contains(c.id))
            return keepAside(Status::Corrupt, tr("two clusters share the id %1").arg(c.id));
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
    const QJsonObject root{{u"version"_s, kFormatVersion}, {u"clusters"_s, array}};
    const QByteArray bytes = QJsonDocument(root).toJson(QJsonDocument::Indented);

    if (!QDir().mkpath(QFileInfo(m_path).absolutePath()))
        return tr("Could not create the folder for %1.").arg(m_path);
    // Written to a temporary file and renamed over the old one on commit: the file on
    // disk is always the old list or the new one, never half of either.
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Could not save the cluster list to %1: %2").arg(m_path, file.errorString());
    if (file.write(bytes) != bytes.size() || !file.commit())
        return tr("Could not save the cluster list to %1: %2").arg(m_path, file.errorString());
    return {};
}

} // namespace crossvirt::models
