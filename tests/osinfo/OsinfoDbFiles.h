#pragma once

#include <QHash>
#include <QSet>
#include <QString>

namespace crossvirt::test {

/// One <os> of osinfo-db as its XML files say, read without libosinfo: the independent
/// account the catalogue is checked against.
struct OsinfoDbOs
{
    QString shortId;
    /// arch attributes of the <os>'s own <media>, <tree>, <image> and <resources>
    /// ("all" included as written).
    QSet<QString> arches;
    /// <resources arch=…><minimum|recommended><ram|n-cpus|storage>, keyed
    /// "minimum/ppc64le/ram" etc.; values as written (bytes, count).
    QHash<QString, qint64> resources;

    qint64 resource(const QString &kind, const QString &arch, const QString &field) const
    {
        return resources.value(kind + QLatin1Char('/') + arch + QLatin1Char('/') + field, -1);
    }
};

/// The osinfo-db directory the tests use: $OSINFO_SYSTEM_DIR, else /usr/share/osinfo.
QString osinfoDbDir();
/// Every <os> under `dbDir`/os, keyed by its id URI.
QHash<QString, OsinfoDbOs> readOsinfoDbFiles(const QString &dbDir);

} // namespace crossvirt::test
