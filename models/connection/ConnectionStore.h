#pragma once

#include "models/connection/JsonListStore.h"

#include <QList>
#include <QString>

namespace crossvirt::models {

/// One saved host: its libvirt URI, the name shown for it, and whether the app
/// connects to it at start.
struct SavedConnection
{
    QString uri;
    QString name;
    bool autoconnect = true;
    friend bool operator==(const SavedConnection &, const SavedConnection &) = default;
};

/// The saved connection list: a small JSON file written atomically (QSaveFile),
/// so a crash mid-save leaves the previous list intact. A file that cannot be
/// read or parsed is never overwritten silently: it is copied aside first and
/// the caller is told where.
class ConnectionStore
{
public:
    using Status = JsonListStatus;
    struct LoadResult
    {
        Status status = Status::Missing;
        QList<SavedConnection> connections;
        QString error;      ///< tr'd explanation for Corrupt/Unreadable
        QString backupPath; ///< where the unreadable file was copied
    };

    explicit ConnectionStore(QString filePath = defaultPath());
    /// connections.json in the user's config directory (CROSSVIRT_CONFIG_DIR overrides).
    static QString defaultPath();

    const QString &filePath() const { return m_path; }
    LoadResult load() const;
    /// Writes the list atomically. Returns an error text, or empty on success.
    QString save(const QList<SavedConnection> &connections) const;

private:
    QString m_path;
};

} // namespace crossvirt::models
