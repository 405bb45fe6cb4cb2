#include "models/connection/ConnectionStore.h"

#include "models/connection/JsonListFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QStandardPaths>

namespace crossvirt::models {

namespace {
// lupdate and the runtime both see the context "ConnectionStore" for Text::tr().
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionStore)
};
} // namespace

using namespace Qt::StringLiterals;

namespace {
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
    const JsonListFile::Read file = JsonListFile::read(m_path, "connections"_L1);
    auto keepAside = [&](Status status, const QString &why) {
        result.status = status;
        result.connections.clear();
        result.backupPath = JsonListFile::copyAside(m_path);
        result.error = !result.backupPath.isEmpty()
                           ? Text::tr("The saved connection list %1 could not be read (%2). "
                                "It was kept as %3; no connection was lost.")
                                 .arg(m_path, why, result.backupPath)
                           : Text::tr("The saved connection list %1 could not be read (%2), "
                                "and no copy could be made. Crossvirt will not overwrite it "
                                "until it can be copied aside.")
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
    for (const QJsonValue &v : file.items) {
        const QJsonObject o = v.toObject();
        SavedConnection c;
        c.uri = o.value("uri"_L1).toString();
        c.name = o.value("name"_L1).toString();
        c.autoconnect = o.value("autoconnect"_L1).toBool(true);
        if (c.uri.isEmpty())
            return keepAside(Status::Corrupt, Text::tr("an entry has no URI"));
        result.connections << c;
    }
    result.status = Status::Loaded;
    return result;
}

QString ConnectionStore::save(const QList<SavedConnection> &connections) const
{
    QJsonArray array;
    for (const SavedConnection &c : connections) {
        array.append(
            QJsonObject{{u"uri"_s, c.uri}, {u"name"_s, c.name}, {u"autoconnect"_s, c.autoconnect}});
    }
    const QString error = JsonListFile::write(m_path, "connections"_L1, array, kFormatVersion);
    return error.isEmpty() ? QString()
                           : Text::tr("Could not save the connection list to %1: %2").arg(m_path, error);
}

} // namespace crossvirt::models
