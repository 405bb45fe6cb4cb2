#pragma once

#include "models/cluster/Cluster.h"
#include "models/connection/JsonListStore.h"

#include <QList>
#include <QString>

namespace crossvirt::models {

/// The saved cluster list: clusters.json beside connections.json, written atomically
/// (QSaveFile) so a crash mid-save leaves the previous list. A file that cannot be
/// read or parsed is copied aside before anything overwrites it, and the caller is told.
class ClusterStore
{
public:
    using Status = JsonListStatus;
    struct LoadResult
    {
        Status status = Status::Missing;
        QList<Cluster> clusters;
        QString error;      ///< tr'd explanation for Corrupt/Unreadable
        QString backupPath; ///< where the unreadable file was copied
    };

    explicit ClusterStore(QString filePath = defaultPath());
    /// clusters.json in the folder of ConnectionStore::defaultPath().
    static QString defaultPath();

    const QString &filePath() const { return m_path; }
    /// Reads the file (blocking: call it off the GUI thread).
    LoadResult load() const;
    /// Writes the list atomically. Returns an error text, or empty on success.
    QString save(const QList<Cluster> &clusters) const;

    /// The file's shape and texts, for JsonListStore.
    struct Format
    {
        using Item = Cluster;
        static constexpr QLatin1StringView key{"clusters"};
        static constexpr int version = 1;
        static QJsonObject toJson(const Item &c);
        static Item fromJson(const QJsonObject &o);
        static QString invalid(const Item &c, const QList<Item> &before);
        static QString unreadable(const QString &path, const QString &why, const QString &backup);
        static QString saveFailed(const QString &path, const QString &why);
    };

private:
    QString m_path;
};

} // namespace crossvirt::models
