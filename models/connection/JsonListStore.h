#pragma once

#include "models/connection/JsonListFile.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <utility>

namespace crossvirt::models {

/// How loading a saved list ended.
enum class JsonListStatus
{
    Missing,   ///< no file yet: an empty list, nothing to keep
    Loaded,    ///< read and every entry valid
    Corrupt,   ///< not JSON, no list, or an invalid entry
    Unreadable ///< the file system refused to read it
};

/// What load() gives: the items, or why there are none and where the file was kept.
template<typename T> struct JsonListLoad
{
    JsonListStatus status = JsonListStatus::Missing;
    QList<T> items;
    QString error;      ///< tr'd explanation for Corrupt/Unreadable
    QString backupPath; ///< where the unreadable file was copied
};

/// A saved list of `Format::Item` in one small JSON file (the connections, the
/// clusters). Writes are atomic (QSaveFile), so a crash mid-save leaves the previous
/// list. A file that cannot be read or parsed is never overwritten silently: load()
/// copies it aside and says where. `Format` supplies the file's shape and the texts:
///
///     using Item = ...;
///     static constexpr QLatin1StringView key;   // the array's name in the file
///     static constexpr int version;
///     static QJsonObject toJson(const Item &);
///     static Item fromJson(const QJsonObject &);
///     // Why `item` may not follow `before` in the list (empty: it may).
///     static QString invalid(const Item &item, const QList<Item> &before);
///     static QString unreadable(const QString &path, const QString &why,
///                               const QString &backup); // backup empty: no copy made
///     static QString saveFailed(const QString &path, const QString &why);
template<typename Format> class JsonListStore
{
public:
    using Item = typename Format::Item;
    using Status = JsonListStatus;
    using LoadResult = JsonListLoad<Item>;

    explicit JsonListStore(QString filePath) : m_path(std::move(filePath)) {}

    const QString &filePath() const { return m_path; }

    /// Reads the file (blocking: call it off the GUI thread for large lists).
    LoadResult load() const
    {
        LoadResult result;
        const JsonListFile::Read file = JsonListFile::read(m_path, Format::key);
        switch (file.status) {
        case JsonListFile::Status::Missing:
            return result;
        case JsonListFile::Status::Unreadable:
            return keptAside(Status::Unreadable, file.why);
        case JsonListFile::Status::Corrupt:
            return keptAside(Status::Corrupt, file.why);
        case JsonListFile::Status::Loaded:
            break;
        }
        for (const QJsonValue &v : file.items) {
            Item item = Format::fromJson(v.toObject());
            if (const QString why = Format::invalid(item, result.items); !why.isEmpty())
                return keptAside(Status::Corrupt, why);
            result.items.append(std::move(item));
        }
        result.status = Status::Loaded;
        return result;
    }

    /// Writes the list atomically. Returns an error text, or empty on success.
    QString save(const QList<Item> &items) const
    {
        QJsonArray array;
        for (const Item &item : items)
            array.append(Format::toJson(item));
        const QString error = JsonListFile::write(m_path, Format::key, array, Format::version);
        return error.isEmpty() ? QString() : Format::saveFailed(m_path, error);
    }

private:
    LoadResult keptAside(Status status, const QString &why) const
    {
        LoadResult result;
        result.status = status;
        result.backupPath = JsonListFile::copyAside(m_path);
        result.error = Format::unreadable(m_path, why, result.backupPath);
        return result;
    }

    QString m_path;
};

} // namespace crossvirt::models
