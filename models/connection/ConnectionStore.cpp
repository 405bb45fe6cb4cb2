#include "models/connection/ConnectionStore.h"

#include <QCoreApplication>
#include <QDir>
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

// The file's shape and texts, for JsonListStore.
struct Format
{
    using Item = SavedConnection;
    static constexpr QLatin1StringView key{"connections"};
    static constexpr int version = 1;

    static QJsonObject toJson(const Item &c)
    {
        return QJsonObject{
            {u"uri"_s, c.uri}, {u"name"_s, c.name}, {u"autoconnect"_s, c.autoconnect}};
    }

    static Item fromJson(const QJsonObject &o)
    {
        SavedConnection c;
        c.uri = o.value("uri"_L1).toString();
        c.name = o.value("name"_L1).toString();
        c.autoconnect = o.value("autoconnect"_L1).toBool(true);
        return c;
    }

    static QString invalid(const Item &c, const QList<Item> &)
    {
        return c.uri.isEmpty() ? Text::tr("an entry has no URI") : QString();
    }

    static QString unreadable(const QString &path, const QString &why, const QString &backup)
    {
        return !backup.isEmpty()
                   ? Text::tr("The saved connection list %1 could not be read (%2). "
                              "It was kept as %3; no connection was lost.")
                         .arg(path, why, backup)
                   : Text::tr("The saved connection list %1 could not be read (%2), "
                              "and no copy could be made. Crossvirt will not overwrite "
                              "it until it can be copied aside.")
                         .arg(path, why);
    }

    static QString saveFailed(const QString &path, const QString &why)
    {
        return Text::tr("Could not save the connection list to %1: %2").arg(path, why);
    }
};

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
    JsonListStore<Format>::LoadResult r = JsonListStore<Format>(m_path).load();
    return {r.status, std::move(r.items), std::move(r.error), std::move(r.backupPath)};
}

QString ConnectionStore::save(const QList<SavedConnection> &connections) const
{
    return JsonListStore<Format>(m_path).save(connections);
}

} // namespace crossvirt::models
