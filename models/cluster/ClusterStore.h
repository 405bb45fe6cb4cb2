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

private:
    QString m_path;
};

} // namespace crossvirt::models
