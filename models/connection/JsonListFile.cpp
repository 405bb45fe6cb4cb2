#include "models/connection/JsonListFile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace crossvirt::models::JsonListFile {

using namespace Qt::StringLiterals;

Read read(const QString &path, QLatin1StringView key)
{
    Read r;
    QFile file(path);
    if (!file.exists())
        return r;
    if (!file.open(QIODevice::ReadOnly)) {
        r.status = Status::Unreadable;
        r.why = file.errorString();
        return r;
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        r.status = Status::Corrupt;
        r.why = parseError.errorString();
        return r;
    }
    const QJsonValue list = doc.object().value(key);
    if (!doc.isObject() || !list.isArray()) {
        r.status = Status::Corrupt;
        r.why = QCoreApplication::translate("JsonListFile", "no “%1” list in the file")
                    .arg(QString(key));
        return r;
    }
    r.status = Status::Loaded;
    r.items = list.toArray();
    return r;
}

QString copyAside(const QString &path)
{
    const QString backup =
        path + u".unreadable-"_s + QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s);
    return QFile::copy(path, backup) ? backup : QString();
}

QString write(const QString &path, QLatin1StringView key, const QJsonArray &items, int version)
{
    const QJsonObject root{{u"version"_s, version}, {QString(key), items}};
    const QByteArray bytes = QJsonDocument(root).toJson(QJsonDocument::Indented);
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return QCoreApplication::translate("JsonListFile", "the folder cannot be created");
    // QSaveFile writes a temporary file and renames it over the old one on commit.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return file.errorString();
    return {};
}

} // namespace crossvirt::models::JsonListFile
