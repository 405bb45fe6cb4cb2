#include "models/connection/DemoDatacenter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

namespace crossvirt::models {

using namespace Qt::StringLiterals;

namespace {
struct DemoHost
{
    const char *file;
    const char *name;
};
// Display names are product names shown in the inventory, so they are translated.
constexpr DemoHost kDemoHosts[] = {
    {"demo-x86_64.xml", QT_TRANSLATE_NOOP("DemoDatacenter", "Demo x86_64 host")},
    {"demo-ppc64le.xml", QT_TRANSLATE_NOOP("DemoDatacenter", "Demo POWER9 host")},
    {"demo-aarch64.xml", QT_TRANSLATE_NOOP("DemoDatacenter", "Demo aarch64 host")},
    {"demo-s390x.xml", QT_TRANSLATE_NOOP("DemoDatacenter", "Demo s390x host")},
};
} // namespace

QString DemoDatacenter::defaultFolder()
{
    QString dir = qEnvironmentVariable("CROSSVIRT_DATA_DIR");
    if (dir.isEmpty()) {
        dir =
            QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/crossvirt"_s;
    }
    return QDir(dir).filePath(u"demo"_s);
}

QList<SavedConnection> DemoDatacenter::install(const QString &folder, QString *error)
{
    QList<SavedConnection> result;
    if (!QDir().mkpath(folder)) {
        if (error) {
            *error = QCoreApplication::translate("DemoDatacenter",
                                                 "Could not create the demo folder %1.")
                         .arg(folder);
        }
        return {};
    }
    for (const DemoHost &host : kDemoHosts) {
        const QString fileName = QString::fromLatin1(host.file);
        QFile source(u":/demo/"_s + fileName);
        const QString target = QDir(folder).absoluteFilePath(fileName);
        QSaveFile out(target);
        if (!source.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly) ||
            out.write(source.readAll()) < 0 || !out.commit()) {
            if (error) {
                *error = QCoreApplication::translate("DemoDatacenter",
                                                     "Could not write the demo host file %1: %2")
                             .arg(target, out.errorString());
            }
            return {};
        }
        result << SavedConnection{u"test://"_s + target,
                                  QCoreApplication::translate("DemoDatacenter", host.name), true};
    }
    return result;
}

} // namespace crossvirt::models
