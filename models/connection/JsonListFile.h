#pragma once

#include <QJsonArray>
#include <QLatin1StringView>
#include <QString>

namespace crossvirt::models {

/// A small settings file holding one named JSON array (the connection list, the
/// clusters): read without side effects, copied aside when unreadable so it is
/// never lost, and written atomically with QSaveFile.
namespace JsonListFile {

enum class Status
{
    Missing,
    Loaded,
    Corrupt,
    Unreadable
};

struct Read
{
    Status status = Status::Missing;
    QJsonArray items;
    QString why; ///< for Corrupt/Unreadable: the parser's or the file system's words
};

/// Reads `{"version": N, "<key>": [...]}` from `path`.
Read read(const QString &path, QLatin1StringView key);
/// Copies an unreadable file to PATH.unreadable-<timestamp>; returns the copy's
/// path, or empty when no copy could be made.
QString copyAside(const QString &path);
/// Writes the array atomically (the old file or the new one, never half).
/// Returns empty on success, else the reason.
QString write(const QString &path, QLatin1StringView key, const QJsonArray &items, int version);

} // namespace JsonListFile
} // namespace crossvirt::models
