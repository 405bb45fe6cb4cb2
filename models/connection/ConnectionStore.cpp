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
#include <QStandardPaths>

namespace crossvirt::models {

using namespace Qt::StringLiterals;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ConnectionStore", text);
}
constexpr int kFormatVersion = 1;
} // namespace

ConnectionStore::ConnectionStore(QString filePath) : m_path(std::move(filePath)) {}

QString ConnectionStore::defaultPath()
{
    QString dir = qEnvironmentVariable("CROSSVIRT_CONFIG_DIR");
    if (dir.isEmpty()) {
        dir = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
              u"/crossvirt"_s;
    }
    return QDir(dir).filePath(u"connections.json"_s);
}

ConnectionStore::LoadResult ConnectionStore::load() const
{
    LoadResult result;
    QFile file(m_path);
    if (!file.exists()) {
        result.status = Status::Missing;
        return result;
    }
    auto keepAside = [&](Status status, const QString &why) {
        result.status = status;
        const QString backup =
            m_path + u".unreadable-"_s +
            QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s);
        if (QFile::copy(m_path, backup)) {
            result.backupPath = backup;
            result.error = tr("The saved connection list %1 could not be read (%2). "
                              "It was kept as %3; no connection was lost.")
                               .arg(m_path, why, backup);
        } else {
            result.error = tr("The saved connection list %1 could not be read (%2), "
                              "and no copy could be made. Crossvirt will not overwrite it "
                              "until it can be copied aside.")
                               .arg(m_path, why);
        }
        return result;
    };
    if (!file.open(QIODevice::ReadOnly))
        return keepAside(Status::Unreadable, file.errorString());
    const QByteArray bytes = file.readAll();
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return keepAside(Status::Corrupt, parseError.errorString());
    const QJsonObject root = doc.object();
    if (!doc.isObject() || !root.value("connections"_L1).isArray())
        return keepAside(Status::Corrupt, tr("no connection list in the file"));
    const QJsonArray array = root.value("connections"_L1).toArray();
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        SavedConnection c;
        c.uri = o.value("uri"_L1).toString();
        c.name = o.value("name"_L1).toString();
        c.autoconnect = o.value("autoconnect"_L1).toBool(true);
        if (c.uri.isEmpty())
            return keepAside(Status::Corrupt, tr("an entry has no URI"));
        result.connections << c;
    }
    result.status = Status::Loaded;
    return result;
}

QString ConnectionStore::save(const QList<SavedConnection> &connections) const
{
    QJsonArray array;
    for (const SavedConnection &c : connections) {
        array.append(QJsonObject{{u"uri"_s, c.uri},
                                 {u"name"_s, c.name},
                                 {u"autoconnect"_s, c.autoconnect}});
    }
    const QJsonObject root{{u"version"_s, kFormatVersion}, {u"connections"_s, array}};
    const QByteArray bytes = QJsonDocument(root).toJson(QJsonDocument::Indented);

    if (!QDir().mkpath(QFileInfo(m_path).absolutePath()))
        return tr("Could not create the folder for %1.").arg(m_path);
    // QSaveFile writes a temporary file and renames it over the old one on commit:
    // the list on disk is always either the old one or the new one, never half.
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Could not save the connection list to %1: %2").arg(m_path, file.errorString());
    if (file.write(bytes) != bytes.size() || !file.commit())
        return tr("Could not save the connection list to %1: %2").arg(m_path, file.errorString());
    return {};
}

} // namespace crossvirt::models
