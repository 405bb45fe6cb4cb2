#include "app/AppSetup.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace crossvirt::app {

using namespace Qt::StringLiterals;

QString versionString()
{
    return QStringLiteral(CROSSVIRT_VERSION);
}

void setUpApplication(QCoreApplication &app)
{
    QCoreApplication::setApplicationName(u"crossvirt"_s);
    QCoreApplication::setOrganizationName(u"crossvirt"_s);
    QCoreApplication::setApplicationVersion(versionString());
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(QLocale(), u"qtbase"_s, u"_"_s,
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    // The installed .qm files (share/crossvirt/translations beside bin/) first, so an
    // updated translation needs no rebuild; else the copy built into the program.
    auto *translator = new QTranslator(&app);
    const QString installed = QDir(QCoreApplication::applicationDirPath())
                                  .filePath(QStringLiteral(CROSSVIRT_TRANSLATIONS_FROM_BIN));
    if (translator->load(QLocale(), u"crossvirt"_s, u"_"_s, installed) ||
        translator->load(QLocale(), u"crossvirt"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(translator);
}

} // namespace crossvirt::app
