#include "app/AppSetup.h"

#include <QCoreApplication>
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
    auto *translator = new QTranslator(&app);
    if (translator->load(QLocale(), u"crossvirt"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(translator);
}

} // namespace crossvirt::app
